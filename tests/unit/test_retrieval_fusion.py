"""Hybrid fusion weighted by what the question holds, the rerank seam (a fake reranker), abstention features.

The store is a real Chroma in tmp_path with a small "concept" embedding: each word maps to a concept
(synonyms share one), a text's vector is its bag of concepts, so a paraphrase finds its tweet by meaning
while BM25 sees only the shared ordinary words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
import pytest
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from rag.search.abstention import (
    NEVER,
    AbstentionFeatures,
    AbstentionRule,
    calibrated_rule,
)
from rag.search.query_terms import (
    LEXICAL_WEIGHT_NAMES,
    LEXICAL_WEIGHT_PLAIN,
    LEXICAL_WEIGHT_TAG,
    lexical_weight,
    name_words,
)
from rag.search.retrieval import abstention_rule, build_retriever
from rag.settings import Settings
from tests.unit.retrieval_fixtures import _meta, make_lexical

SETTINGS = Settings(embed_model="not-calibrated-model", top_k=3, fetch_k=10)
CONCEPTS = {
    "dog": "dog", "puppy": "dog", "pup": "dog",
    "fetch": "fetch", "catching": "fetch", "ball": "fetch",
    "say": "talk", "said": "talk", "tell": "talk",
    "day": "day", "today": "day",
    "rain": "weather", "weather": "weather",
    "clickhouse": "database", "postgres": "database", "database": "database",
}  # fmt: skip
AXES = [*sorted(set(CONCEPTS.values())), "other"]


class ConceptEmbeddings(Embeddings):
    """A bag of concepts: synonyms share an axis, unknown words share "other" (weakly)."""

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * len(AXES)
        for word in text.lower().replace("?", " ").replace(".", " ").split():
            concept = CONCEPTS.get(word.strip("#@"))
            if concept is None:
                vector[-1] += 0.05
            else:
                vector[AXES.index(concept)] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


def _doc(doc_id: str, text: str) -> Document:
    return Document(
        id=doc_id, page_content=text, metadata=_meta(doc_id, 1500000000, "2017-07-14T02:40:00+00:00")
    )


DOCUMENTS = [
    _doc("1", "my dog learned to fetch"),
    _doc("2", "what did I say about the day? I said a lot today"),
    _doc("3", "say what you mean, every day, I say"),
    _doc("4", "rain all day, I said"),
    _doc("5", "ClickHouse sums a hundred million rows in a blink #databases"),
    _doc("6", "postgres database tuning notes"),
    _doc("7", "what I tell people about the weather"),
]


@pytest.fixture
def store(tmp_path: Path) -> Any:
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    chroma = Chroma(
        client=client,
        collection_name="tweets",
        embedding_function=ConceptEmbeddings(),
        collection_configuration={"hnsw": {"space": "cosine"}},
    )
    chroma.add_documents(DOCUMENTS, ids=[str(d.id) for d in DOCUMENTS])
    return chroma


def ids(documents: Sequence[Any]) -> list[str]:
    return [str(d.id) for d in documents]


# ---- what the question holds ----------------------------------------------------------------------------
def test_name_words_are_capitalised_inner_capital_or_numbered() -> None:
    assert name_words("What did Lars Wirzenius contribute?") == ["Lars", "Wirzenius"]
    assert name_words("ClickHouse news in 2023") == ["ClickHouse"]  # first word, inner capital
    assert name_words("What did I write about CVE-2016-10026 and html5?") == ["CVE-2016-10026", "html5"]
    assert name_words("What did I say about my dog?") == []  # "I" is one letter, "What" is the first word


def test_lexical_weight_by_what_the_question_holds() -> None:
    df = {"clickhouse": 2, "twitter": 400, "dog": 50}.get
    documents = 1000

    def weight(question: str) -> tuple[float, str]:
        return lexical_weight(question, lambda token: df(token, 0), documents)

    assert weight("what did I post with #sotm?") == (LEXICAL_WEIGHT_TAG, "tag")
    assert weight("what did I tell @felt") == (LEXICAL_WEIGHT_TAG, "tag")
    assert weight('where did I write "blink of an eye"') == (LEXICAL_WEIGHT_TAG, "quoted")
    assert weight("how fast is ClickHouse") == (LEXICAL_WEIGHT_NAMES, "only-names")  # in 2 of 1,000 docs
    assert weight("what did I say about Twitter") == (LEXICAL_WEIGHT_PLAIN, "plain")  # in 40%: not rare
    assert weight("what did I say about Zanzibar") == (LEXICAL_WEIGHT_PLAIN, "plain")  # in no document
    assert weight("what did I say about my dog") == (LEXICAL_WEIGHT_PLAIN, "plain")
    assert LEXICAL_WEIGHT_PLAIN < LEXICAL_WEIGHT_NAMES


# ---- fusion ---------------------------------------------------------------------------------------------
def test_plain_question_keeps_the_dense_ranking(store: Any) -> None:
    """BM25 over "say" and "day" must not push out the tweet the question paraphrases."""
    question = "what did I say that day about my puppy catching a ball"
    lexical = make_lexical(DOCUMENTS)
    assert lexical.search(question, 3)[0][0] in {"2", "3"}  # BM25 alone prefers the ordinary words
    hybrid = build_retriever(SETTINGS, store, lexical, search="hybrid", threshold=-1.0).retrieve(question)
    similarity = build_retriever(SETTINGS, store, search="similarity", threshold=-1.0).retrieve(question)
    assert hybrid.weight_reason == "plain"
    assert ids(hybrid.documents)[0] == "1"
    assert ids(hybrid.documents) == ids(similarity.documents)


def test_rare_name_lets_bm25_lift_the_exact_tweet(store: Any) -> None:
    question = "how fast did ClickHouse sum rows"
    retriever = build_retriever(SETTINGS, store, make_lexical(DOCUMENTS), search="hybrid", threshold=-1.0)
    result = retriever.retrieve(question)
    assert result.weight_reason == "name"  # "sum" and "rows" count too: BM25 gets a third of the weight
    assert result.lexical_weight == pytest.approx(LEXICAL_WEIGHT_NAMES / 3)
    assert ids(result.documents)[0] == "5"
    top = result.documents[0].metadata
    assert top["fused_score"] == pytest.approx(top["relevance"] + result.lexical_weight, abs=1e-5)
    assert top["lexical_score"] > 0


def test_tag_question_puts_tagged_tweets_first(store: Any) -> None:
    retriever = build_retriever(SETTINGS, store, make_lexical(DOCUMENTS), search="hybrid", threshold=-1.0)
    result = retriever.retrieve("which database tweets carry #databases")
    assert ids(result.documents)[0] == "5"
    assert result.exact_tag_match and result.weight_reason == "tag"


# ---- the rerank seam ------------------------------------------------------------------------------------
class FakeReranker:
    """Scores each document by a table of id -> score; records what it was asked."""

    name = "fake"

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores
        self.calls: list[tuple[str, list[str]]] = []

    def score(self, question: str, documents: Sequence[Document]) -> list[float]:
        self.calls.append((question, ids(documents)))
        return [self.scores.get(str(d.id), 0.0) for d in documents]


def test_reranker_reorders_the_first_candidates_and_feeds_abstention(store: Any) -> None:
    fake = FakeReranker({"6": 0.9, "5": 0.2})
    retriever = build_retriever(
        SETTINGS.with_overrides(rerank_top=2), store, search="similarity", k=2, threshold=-1.0, reranker=fake
    )
    plain = build_retriever(SETTINGS, store, search="similarity", k=2, threshold=-1.0)
    question = "postgres database"
    before = ids(plain.retrieve(question).documents)
    result = retriever.retrieve(question)
    assert fake.calls == [(question, before)]  # only the first rerank_top candidates are scored
    assert set(ids(result.documents)) == set(before) and ids(result.documents)[0] == "6"
    assert result.documents[0].metadata["rerank_score"] == 0.9
    assert result.features is not None and result.features.rerank == 0.9
    assert result.rerank_seconds is not None and result.rerank_seconds >= 0


def test_reranker_with_wrong_score_count_fails(store: Any) -> None:
    class Broken(FakeReranker):
        def score(self, question: str, documents: Sequence[Document]) -> list[float]:
            return [1.0]

    retriever = build_retriever(SETTINGS, store, search="similarity", threshold=-1.0, reranker=Broken({}))
    with pytest.raises(ValueError, match="1 scores for 3 documents"):
        retriever.retrieve("postgres database")


def test_no_reranker_by_default(store: Any) -> None:
    result = build_retriever(SETTINGS, store, search="similarity").retrieve("postgres database")
    assert result.rerank_seconds is None
    assert "rerank_score" not in result.documents[0].metadata


# ---- abstention -----------------------------------------------------------------------------------------
def test_features_margin_is_best_minus_mean_of_the_next_nine() -> None:
    features = AbstentionFeatures.from_relevances([0.2, 0.8, 0.5])
    assert features.top_relevance == 0.8
    assert features.margin == pytest.approx(0.8 - (0.5 + 0.2) / 2)
    assert AbstentionFeatures.from_relevances([0.9] + [0.5] * 9 + [0.0] * 5).margin == pytest.approx(0.4)
    assert AbstentionFeatures.from_relevances([0.5]).margin == 0.0
    assert AbstentionFeatures.from_relevances([]).top_relevance is None


def test_rule_abstains_below_its_line() -> None:
    rule = AbstentionRule(bias=-1.0, w_top=2.0, w_margin=2.0)
    assert rule.abstains(AbstentionFeatures(0.4, 0.05))  # -1 + 0.8 + 0.1 < 0
    assert not rule.abstains(AbstentionFeatures(0.4, 0.15))  # the same best, a clearer margin
    assert rule.relevance_threshold == pytest.approx(0.5)
    plain = AbstentionRule.threshold(0.3)
    assert plain.abstains(AbstentionFeatures(0.29, 0.5)) and not plain.abstains(AbstentionFeatures(0.31, 0.0))
    assert not NEVER.abstains(AbstentionFeatures(-0.9, 0.0))
    assert NEVER.abstains(AbstentionFeatures(None, 0.0))  # nothing found
    with_rerank = AbstentionRule(bias=-0.5, w_top=0.0, w_rerank=1.0)
    assert with_rerank.abstains(AbstentionFeatures(0.9, 0.3, rerank=0.0))
    assert not with_rerank.abstains(AbstentionFeatures(0.1, 0.0, rerank=1.0))


def test_calibrated_rule_per_model_and_the_setting_wins() -> None:
    assert calibrated_rule("all-minilm:latest") == calibrated_rule("all-minilm") != NEVER
    assert calibrated_rule("some-unknown-model") == NEVER
    assert abstention_rule(
        Settings(embed_model="all-minilm", relevance_threshold=0.3)
    ) == AbstentionRule.threshold(0.3)
    assert abstention_rule(Settings(embed_model="all-minilm")) == calibrated_rule("all-minilm")


def test_withhold_false_keeps_the_ranking_and_reports_the_decision(store: Any) -> None:
    rule = AbstentionRule.threshold(1.5)  # nothing reaches it
    kept = build_retriever(SETTINGS, store, search="similarity", rule=rule, withhold=False).retrieve("rain")
    withheld = build_retriever(SETTINGS, store, search="similarity", rule=rule).retrieve("rain")
    assert kept.abstained and withheld.abstained
    assert len(kept.documents) == 3 and withheld.documents == []


# ---- names: rare lowercase words, ids, questions that are only a name ----------------------------------
NAME_DOCUMENTS = [
    _doc("11", "I said the day was grand in Zanzibar"),
    _doc("12", "my dog learned to fetch the ball"),
    _doc("13", "that xkcd comic about standards is so true"),
    _doc("14", "I tell people what I say every day"),
    _doc("15", "fixed CVE-2009-2944 in the image plugin"),
    _doc("16", "I said what I say about CVE-2009-1111 today"),
    _doc("17", "baked bread with the kids"),
    _doc("18", "rain again, said the weather"),
]


@pytest.fixture
def names_store(tmp_path: Path) -> Any:
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma-names"))
    chroma = Chroma(
        client=client,
        collection_name="tweets",
        embedding_function=ConceptEmbeddings(),
        collection_configuration={"hnsw": {"space": "cosine"}},
    )
    chroma.add_documents(NAME_DOCUMENTS, ids=[str(d.id) for d in NAME_DOCUMENTS])
    return chroma


def _both(store: Any, question: str) -> tuple[Any, Any]:
    hybrid = build_retriever(SETTINGS, store, make_lexical(NAME_DOCUMENTS), search="hybrid", threshold=-1.0)
    similarity = build_retriever(SETTINGS, store, search="similarity", threshold=-1.0)
    return hybrid.retrieve(question), similarity.retrieve(question)


def test_a_rare_lowercase_name_puts_its_tweet_first(names_store: Any) -> None:
    """An xkcd is no word of the embedding vocabulary and in one tweet: a name, though not capitalised."""
    hybrid, similarity = _both(names_store, "What did I say about xkcd?")
    assert "13" not in ids(similarity.documents)  # dense search sees only "say"
    assert hybrid.weight_reason == "only-names" and ids(hybrid.documents)[0] == "13"


def test_a_rare_vocabulary_word_is_no_name(names_store: Any) -> None:
    """Bread is in one tweet too, but it is an ordinary word: the dense ranking stays."""
    hybrid, similarity = _both(names_store, "What did I say about bread?")
    assert hybrid.weight_reason == "plain"
    assert ids(hybrid.documents) == ids(similarity.documents)


def test_an_id_is_matched_whole(names_store: Any) -> None:
    """CVE-2009-2944: the tweet with all its parts first, not the one sharing "CVE-2009" and the words."""
    hybrid, similarity = _both(names_store, "What did I say about CVE-2009-2944 today?")
    assert "15" not in ids(similarity.documents)
    assert ids(hybrid.documents)[0] == "15"
    fused = {str(d.id): d.metadata["fused_score"] for d in hybrid.documents}
    assert fused["16"] > fused["15"]  # by score alone the near miss would win


def test_a_name_among_many_words_gets_a_small_say(names_store: Any) -> None:
    """A long paraphrase mentioning Zanzibar once: BM25 counts by the name's share, dense keeps its pick."""
    question = "what did I say that day about my puppy catching a ball near Zanzibar"
    hybrid, similarity = _both(names_store, question)
    assert hybrid.weight_reason == "name"
    assert 0 < (hybrid.lexical_weight or 0) < LEXICAL_WEIGHT_NAMES / 2
    assert ids(hybrid.documents)[0] == ids(similarity.documents)[0] == "12"
    only_name, _ = _both(names_store, "what did I say about Zanzibar")
    assert only_name.lexical_weight == LEXICAL_WEIGHT_NAMES and ids(only_name.documents)[0] == "11"
