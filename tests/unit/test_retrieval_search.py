"""Retriever factory: similarity, MMR and hybrid over a real Chroma in tmp_path, filters and abstention.

The fake embeddings give the same vector to the same text and unrelated vectors to other texts, so a query
equal to a tweet's text has cosine similarity 1 with it and about 0 with the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rag.errors import ConfigError, IndexStoreError
from rag.search.retrieval import build_retriever, date_bound
from rag.settings import Settings
from tests.unit.retrieval_fixtures import make_lexical, make_store

SETTINGS = Settings(embed_model="not-calibrated-model", top_k=3, fetch_k=10)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    return make_store(tmp_path)


def ids(documents: list[Any]) -> list[str]:
    return [str(d.id) for d in documents]


def test_similarity_ranks_the_matching_tweet_first_with_cosine_relevance(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, search="similarity")
    found = retriever.invoke("my garden tomatoes are finally ripe")
    assert ids(found)[0] == "1002"
    assert len(found) == 3
    assert found[0].metadata["relevance"] == pytest.approx(1.0, abs=1e-4)
    assert found[1].metadata["relevance"] < 0.5


def test_abstains_when_best_relevance_is_below_threshold(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, search="similarity", threshold=0.6)
    result = retriever.retrieve("what did I think about the moon landing")
    assert result.abstained
    assert result.documents == []
    assert result.best_relevance is not None and result.best_relevance < 0.6
    assert retriever.invoke("what did I think about the moon landing") == []
    assert ids(retriever.invoke("python tips for beginners"))[:1] == ["1001"]


@pytest.mark.parametrize("search", ["similarity", "mmr", "hybrid"])
def test_retweets_excluded_and_only(store: Any, search: str) -> None:
    lexical = make_lexical()
    question = "RT @someone: python tips for experts"
    excluded = build_retriever(SETTINGS, store, lexical, search=search, retweets="exclude", k=5)
    assert "1003" not in ids(excluded.invoke(question))
    only = build_retriever(SETTINGS, store, lexical, search=search, retweets="only", k=5)
    assert ids(only.invoke(question)) == ["1003"]


def test_replies_only(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, search="similarity", replies="only", k=5)
    assert ids(retriever.invoke("python tips")) == ["1004"]


def test_date_in_question_filters_and_is_taken_out_of_the_query(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, search="similarity", threshold=0.6, k=5)
    found = retriever.invoke("python tips for beginners in 2019")
    # "in 2019" filtered to 2019 (1001 and 1003) and removed from the searched text, so 1001 matches exactly.
    assert ids(found)[0] == "1001"
    assert set(ids(found)) <= {"1001", "1003"}
    result = retriever.retrieve("python tips for beginners in 2016")
    assert result.abstained  # the only 2016 tweet is about tomatoes
    assert result.filter.since_ts == 1451606400 and result.filter.until_ts == 1483228800


def test_last_year_counts_from_the_newest_tweet(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, make_lexical(), search="hybrid", k=5)
    # newest tweet is 2019-06-15, so "last year" is 2018: only the reply 1004.
    assert ids(retriever.invoke("python tips last year")) == ["1004"]


def test_explicit_since_until(store: Any) -> None:
    retriever = build_retriever(
        SETTINGS, store, search="similarity", k=5, since_ts=1483228800, until_ts=1546300800
    )
    assert sorted(ids(retriever.invoke("python tips"))) == ["1004", "1005"]


def test_hybrid_brings_in_exact_handle_match_from_bm25(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, make_lexical(), search="hybrid", k=2)
    found = retriever.invoke("@alice")
    assert "1004" in ids(found)
    alice = next(d for d in found if d.id == "1004")
    assert alice.page_content == "@alice thanks for the python tips"
    assert alice.metadata["url"] == "https://x.com/tessa/status/1004"


def test_exact_handle_overrides_abstention_in_hybrid_only(store: Any) -> None:
    hybrid = build_retriever(SETTINGS, store, make_lexical(), search="hybrid", k=2, threshold=0.6)
    result = hybrid.retrieve("what did I tell @alice")
    assert result.best_relevance is not None and result.best_relevance < 0.6
    assert result.exact_tag_match and not result.abstained
    assert ids(result.documents)[0] == "1004"
    # a handle nobody was mentioned with: no exact match, so the low relevance still abstains
    assert hybrid.retrieve("what did I tell @bob").abstained
    similarity = build_retriever(SETTINGS, store, search="similarity", threshold=0.6)
    assert similarity.retrieve("what did I tell @alice").abstained


def test_mmr_returns_k_distinct_documents_best_first(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, search="mmr", k=3)
    found = retriever.invoke("python tips for beginners")
    assert ids(found)[0] == "1001"
    assert len(set(ids(found))) == 3


def test_hybrid_needs_a_lexical_index(store: Any) -> None:
    with pytest.raises(IndexStoreError, match="tweet-rag index"):
        build_retriever(SETTINGS, store, None, search="hybrid")


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2019", False, 1546300800),
        ("2019", True, 1577836800),
        ("2019-03", False, 1551398400),
        ("2019-03", True, 1554076800),
        ("2019-02", True, 1551398400),
        ("2019-02-28", True, 1551398400),
        ("2019-06-15", False, 1560556800),
    ],
)
def test_date_bound(text: str, end: bool, expected: int) -> None:
    assert date_bound(text, end=end) == expected


@pytest.mark.parametrize("text", ["19", "2019-13", "2019-02-30", "last year", "2019/03"])
def test_date_bound_rejects_bad_dates(text: str) -> None:
    with pytest.raises(ConfigError, match="YYYY"):
        date_bound(text, end=False, flag="--since")
