"""Filtered dense search through the lexical index gives what Chroma's `where` gives; exact tags rank first.

The retriever applies a date / kind filter by filtering an unfiltered query, or exactly over the allowed
set with the stored vectors held in memory or fetched by id, or by an id list (see
`TweetRetriever._query`); each path is forced here through its
limits and compared with the same retriever without a lexical index, which passes the filter to Chroma as
`where`. The store is a real Chroma in tmp_path with 80 hand-made tweets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from langchain_core.documents import Document

from rag.filters import Filter
from rag.indexing.lexical import LexicalIndex
from rag.search import vectors as vectors_module
from rag.search.retrieval import build_retriever
from rag.search.vectors import loaded_vectors, stored_vectors
from rag.settings import Settings
from tests.unit.retrieval_fixtures import _meta, make_lexical, make_store

SETTINGS = Settings(embed_model="not-calibrated-model", top_k=5, fetch_k=12)
START = 1451606400  # 2016-01-01T00:00:00Z
DAY = 86400
Y2017, Y2018 = 1483228800, 1514764800  # 2017-01-01, 2018-01-01 (UTC)
TOPICS = [
    "sourdough bread",
    "python tips",
    "garden tomatoes",
    "bike rides",
    "rust compiler",
    "maps",
    "coffee",
]


def _kind(num: int) -> str:
    return "retweet" if num % 5 == 0 else "reply" if num % 3 == 0 else "tweet"


# Tweet i is from 2016-01-01 + 20 i days: 0-18 in 2016, 19-36 in 2017 (day 380 = 2017-01-15), 37-79 later.
DOCS = [
    Document(
        id=str(2000 + i),
        page_content=f"tweet {i} about {TOPICS[i % len(TOPICS)]}",
        metadata=_meta(str(2000 + i), START + i * 20 * DAY, "2016-01-01T00:00:00+00:00", kind=_kind(i)),
    )
    for i in range(80)
]
FILTERS = {
    "2017": Filter(since_ts=Y2017, until_ts=Y2018),
    "since 2018": Filter(since_ts=Y2018),
    "no retweets": Filter(retweets="exclude"),
    "retweets only": Filter(retweets="only"),
    "replies only in 2017": Filter(since_ts=Y2017, until_ts=Y2018, replies="only"),
    "nothing": Filter(since_ts=START + 100 * 365 * DAY),
    # Days 60-119 (tweets 3-5) and 2017-01-11 to day 565 (tweets 19-28): 13 tweets, two pieces.
    "two pieces": Filter(
        within=((START + 60 * DAY, START + 120 * DAY), (Y2017 + 10 * DAY, START + 566 * DAY))
    ),
}
PATHS = {
    "brute force": {"brute_force_limit": 10**6, "use_stored_vectors": False},
    "post-filter": {"brute_force_limit": 0, "post_filter_share": 0.0},
    "id list": {"brute_force_limit": 0, "post_filter_share": 2.0, "use_stored_vectors": False},
    "stored vectors": {"brute_force_limit": 0, "post_filter_share": 2.0},
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return make_store(tmp_path_factory.mktemp("filtered"), DOCS)


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    return make_lexical(DOCS)


def _found(retriever: Any, question: str) -> list[tuple[str, float]]:
    return [(str(d.id), round(float(d.metadata["relevance"]), 4)) for d in retriever.invoke(question)]


@pytest.mark.parametrize("search", ["similarity", "mmr"])
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", FILTERS)
def test_lexical_filter_paths_match_chroma_where(
    store: Any, lexical: LexicalIndex, search: str, path: str, name: str
) -> None:
    where = FILTERS[name]
    if path == "stored vectors":
        assert stored_vectors(store._collection, lexical) is not None
    options: dict[str, Any] = {"search": search, "dates_from_question": False}
    reference = build_retriever(SETTINGS, store, None, **options).model_copy(update={"base_filter": where})
    fast = build_retriever(SETTINGS, store, lexical, **options).model_copy(
        update={"base_filter": where, **PATHS[path]}
    )
    for question in ("tweet 3 about python tips", "bike rides", "coffee and maps"):
        expected = _found(reference, question)
        assert _found(fast, question) == expected
        assert all(where.matches(d.metadata) for d in fast.invoke(question))
    if name == "nothing":
        assert expected == []
    else:
        assert len(expected) == 5


def test_year_filter_keeps_only_that_year(store: Any, lexical: LexicalIndex) -> None:
    retriever = build_retriever(SETTINGS, store, lexical, search="similarity", k=30)
    found = retriever.invoke("tweet about bike rides in 2017")
    # tweets 19 (2017-01-15) to 36 (2017-12-21): 18 tweets in 2017
    assert sorted(int(str(d.id)) - 2000 for d in found) == list(range(19, 37))


# Tweets in a March (tweet i is day 20 i after 2016-01-01; March 1 is day 60 in 2016, 425 in 2017, 790 in
# 2018, 1155 in 2019, 1521 in 2020; April 1 is 31 days later): 3 (Mar 1), 4 (Mar 21), 22 (2017-03-16),
# 40 (2018-03-11), 41 (2018-03-31), 58 (2019-03-06), 59 (2019-03-26), 77 (2020-03-20).
MARCH_TWEETS = [3, 4, 22, 40, 41, 58, 59, 77]


@pytest.mark.parametrize(
    ("search", "with_lexical"),
    [("similarity", True), ("similarity", False), ("mmr", True), ("mmr", False), ("hybrid", True)],
)
def test_a_month_without_a_year_keeps_every_march(
    store: Any, lexical: LexicalIndex, search: str, with_lexical: bool
) -> None:
    retriever = build_retriever(SETTINGS, store, lexical if with_lexical else None, search=search, k=30)
    query, where = retriever.plan("tweet about bike rides in March")
    assert query == "tweet about bike rides"
    assert where.within is not None
    found = retriever.invoke("tweet about bike rides in March")
    assert sorted(int(str(d.id)) - 2000 for d in found) == MARCH_TWEETS


def test_a_lexical_index_out_of_step_with_the_store_falls_back_to_where(store: Any) -> None:
    partial = make_lexical(DOCS[:40])  # tweets 40-79 missing: its id lists would miss them
    retriever = build_retriever(
        SETTINGS, store, partial, search="similarity", k=80, dates_from_question=False
    )
    retriever = retriever.model_copy(update={"base_filter": Filter(since_ts=Y2018)})
    found = {int(str(d.id)) - 2000 for d in retriever.invoke("maps")}
    assert found == set(range(37, 80))


def test_lexical_ids_matching_counting_and_passing(lexical: LexicalIndex) -> None:
    retweets = Filter(retweets="only")
    assert lexical.ids_matching(retweets) == [str(2000 + i) for i in range(0, 80, 5)]
    assert lexical.count_matching(retweets) == 16
    assert lexical.count_matching(Filter()) == 80
    assert lexical.ids_passing(["2005", "2006", "unknown", "2010"], retweets) == ["2005", "2010"]


def test_lexical_ids_containing_an_exact_tag() -> None:
    documents = [
        Document(id="1", page_content="#PampersPowerOfLocal diapers", metadata={}),
        Document(id="2", page_content="pampers power of local", metadata={}),
        Document(id="3", page_content="thanks @felt", metadata={}),
    ]
    index = LexicalIndex.from_documents(documents)
    assert index.ids_containing(["#pamperspoweroflocal"], ["1", "2", "3"]) == {"1"}
    assert index.ids_containing(["@felt", "#none"], ["2", "3"]) == {"3"}
    assert index.ids_containing(["@felt"], ["1", "2"]) == set()


def test_exact_tag_hit_only_bm25_found_comes_first_in_hybrid(tmp_path: Path) -> None:
    """Dense order alone misses a tweet only BM25 found; a tag in the question brings it first."""
    tag_doc = Document(
        id="9001",
        page_content="so proud of #PampersPowerOfLocal",
        metadata=_meta("9001", Y2017, "2017-01-01T00:00:00+00:00"),
    )
    others = [
        Document(
            id=str(9002 + i),
            page_content=f"which tweets carry local power {i}",
            metadata=_meta(str(9002 + i), Y2017 + i, "2017-01-01T00:00:00+00:00"),
        )
        for i in range(6)
    ]
    documents = [tag_doc, *others]
    store = make_store(tmp_path, documents)
    retriever = build_retriever(
        SETTINGS, store, make_lexical(documents), search="hybrid", k=3, fetch_k=6, threshold=-1.0
    )
    question = "which tweets carry #PampersPowerOfLocal"
    dense, _ = retriever._dense(question, Filter(), 6, with_vectors=False)
    assert "9001" not in [d.id for d in dense]  # the dense side misses it ...
    assert retriever.lexical_index.search(question, 6)[0][0] == "9001"  # ... BM25 has it first
    embedding = store.embeddings.embed_query(question)
    plain = retriever._fuse(dense, retriever.lexical_index.search(question, 6), embedding, 0.0)
    assert "9001" not in [d.id for d in plain[:3]]  # without the tag rule and weight, it is not in the top 3
    assert retriever.invoke(question)[0].id == "9001"


def test_stored_vectors_are_loaded_in_lexical_order_in_batches(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every Chroma vector lands on its lexical index row, across load batches; reloaded for a new index."""
    monkeypatch.setattr(vectors_module, "LOAD_BATCH", 7)
    lexical = make_lexical(list(reversed(DOCS)))  # another order than Chroma's
    collection = store._collection
    assert loaded_vectors(collection, lexical) is None
    held = stored_vectors(collection, lexical)
    assert held is not None and held.matrix.shape == (80, len(store.embeddings.embed_query("x")))
    assert loaded_vectors(collection, lexical) is held and stored_vectors(collection, lexical) is held
    got = collection.get(ids=["2000", "2079", "2042"], include=["embeddings"])
    rows = lexical.positions([str(doc_id) for doc_id in got["ids"]])
    assert rows.tolist() == [79 - int(str(doc_id)) + 2000 for doc_id in got["ids"]]
    np.testing.assert_array_equal(held.matrix[rows], np.asarray(got["embeddings"], dtype=np.float32))
    rebuilt = make_lexical(DOCS)  # a rebuilt index is a new object: its own load
    assert loaded_vectors(collection, rebuilt) is None
    assert stored_vectors(collection, rebuilt) is not held


def test_stored_vectors_refused_over_the_memory_limit_or_for_other_ids(store: Any) -> None:
    collection = store._collection
    assert stored_vectors(collection, make_lexical(DOCS), max_bytes=80 * 4) is None  # one float a vector
    stranger = Document(id="9999", page_content="not in the store", metadata=DOCS[79].metadata)
    assert stored_vectors(collection, make_lexical([*DOCS[:79], stranger])) is None  # same count, other ids


def test_filtered_search_with_stored_vectors_does_not_query_chroma(store: Any, lexical: LexicalIndex) -> None:
    """Past the by-id limit, once loaded, the search uses the vectors in memory: no Chroma query."""
    where = FILTERS["2017"]
    options: dict[str, Any] = {"search": "similarity", "dates_from_question": False}
    reference = build_retriever(SETTINGS, store, None, **options).model_copy(update={"base_filter": where})
    expected = _found(reference, "bike rides")
    fast = build_retriever(SETTINGS, store, lexical, **options).model_copy(
        update={"base_filter": where, "brute_force_limit": 0, "post_filter_share": 2.0}
    )

    class NoQuery:
        """The collection, with `query` refused."""

        def __getattr__(self, name: str) -> Any:
            if name == "query":
                raise AssertionError("Chroma was queried")
            return getattr(store._collection, name)

    wrapped = NoQuery()

    class Store:
        _collection = wrapped
        embeddings = store.embeddings

        def get(self, **options: Any) -> Any:
            return store.get(**options)

    fast = fast.model_copy(update={"vector_store": Store()})
    with pytest.raises(AssertionError, match="Chroma was queried"):  # not loaded yet: the id list
        fast.invoke("bike rides")
    assert stored_vectors(wrapped, lexical) is not None
    assert _found(fast, "bike rides") == expected
