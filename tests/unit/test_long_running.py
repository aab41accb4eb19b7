"""Safe in a long-running process: no process-wide side effects, thread-safe retrieval, rebuilt indexes seen.

The garbage collector is left alone unless asked and its pauses compose; one retriever answers many threads
as it answers one; `LiveIndex` answers from an index another writer rebuilt, new vectors included.
"""

from __future__ import annotations

import gc
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import chromadb
import pytest
from langchain_core.documents import Document
from langchain_core.embeddings import DeterministicFakeEmbedding

from rag.archive.reader import gc_paused
from rag.archive.text import iso_utc
from rag.documents.loader import TwitterArchiveLoader
from rag.errors import IndexStoreError
from rag.indexing.embeddings import PooledEmbeddings
from rag.indexing.lexical import LexicalIndex
from rag.indexing.pipeline import index_documents
from rag.indexing.store import open_collection, open_vector_store, private_collection
from rag.search.live import LiveIndex
from rag.search.retrieval import RetrievalResult, build_retriever
from rag.search.vectors import StoredVectors, loaded_vectors
from rag.settings import Settings
from tests.tweet_metadata import tweet_metadata

SAMPLE = Path(__file__).resolve().parents[2] / "sample" / "twitter-sample"


def test_loading_leaves_the_collector_alone_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    documents = TwitterArchiveLoader(SAMPLE).load()
    assert documents and calls == []
    TwitterArchiveLoader(SAMPLE, pause_gc=True).load()
    assert calls == ["disable", "disable"]  # reading, then building the documents; never a freeze


def test_overlapping_pauses_end_with_the_last_and_restore_the_state_before() -> None:
    assert gc.isenabled()
    with ExitStack() as first:
        first.enter_context(gc_paused())
        second = gc_paused()
        second.__enter__()
        first.close()  # the first pause ends while the second (another thread's load) goes on
        assert not gc.isenabled()
        second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()  # an application that runs without the collector keeps it off
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


# ---- one retriever, many threads; an index rebuilt under a long-running reader ------------------------

WORDS = ["python", "garden", "sourdough", "bike", "maps", "coffee", "rain", "#rstats", "@alice", "lisbon"]
QUESTIONS = [
    "python tips",
    "my garden in 2018",
    "sourdough last year",
    "#rstats plots",
    "@alice coffee",
    "bike rides between 2016 and 2017",
    "maps of lisbon in summer 2019",
    "rain",
]
DIM = 32
MODEL = "fake-embed"


def tweet(number: int) -> Document:
    """A tweet with three of WORDS, a date from 2015 to 2020 and a kind, all from its number."""
    ts = 1420070400 + number * 600_000  # 2015-01-01 plus about a week per tweet
    text = " ".join(WORDS[(number * step) % len(WORDS)] for step in (1, 3, 7)) + f" note {number}"
    kind = ("tweet", "reply", "retweet")[number % 3]
    return Document(
        id=str(10_000 + number),
        page_content=text,
        metadata=tweet_metadata(str(10_000 + number), ts, iso_utc(ts), kind, screen_name="tessa"),
    )


def fake() -> DeterministicFakeEmbedding:
    return DeterministicFakeEmbedding(size=DIM)


def index(settings: Settings, documents: list[Document]) -> None:
    """Index `documents` the way another process would: through a Chroma System of its own."""
    if not (settings.chroma_dir / "chroma.sqlite3").exists():
        open_collection(chromadb.PersistentClient(path=str(settings.chroma_dir)), settings, MODEL, DIM)
    with private_collection(settings) as collection:
        assert collection is not None
        pool = PooledEmbeddings([fake()], MODEL, batch_size=16)
        index_documents(documents, collection, pool, model=MODEL, lexical_dir=settings.lexical_dir)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(chroma_dir=tmp_path / "chroma", embed_model=MODEL, collection="tweets")


def outcome(result: RetrievalResult) -> tuple[Any, ...]:
    return result.abstained, [(d.id, d.metadata.get("relevance")) for d in result.documents]


@pytest.mark.parametrize("search", ["hybrid", "similarity", "mmr"])
def test_one_retriever_answers_many_threads_as_it_answers_one(settings: Settings, search: str) -> None:
    index(settings, [tweet(n) for n in range(300)])
    store = open_vector_store(settings, fake())
    lexical = LexicalIndex.load(settings.lexical_dir, settings.collection)
    serial = build_retriever(settings, store, lexical, search=search, k=8, threshold=float("-inf"))
    expected = {question: outcome(serial.retrieve(question)) for question in QUESTIONS}
    assert all(documents for _, documents in expected.values())
    shared = build_retriever(settings, store, lexical, search=search, k=8, threshold=float("-inf"))
    with ThreadPoolExecutor(max_workers=8) as pool:  # a fresh retriever: its lazy caches filled under load
        found = list(pool.map(lambda q: (q, outcome(shared.retrieve(q))), QUESTIONS * 6))
    assert len(found) == len(QUESTIONS) * 6
    for question, result in found:
        assert result == expected[question], question


def test_live_index_answers_from_a_rebuilt_index(settings: Settings) -> None:
    live = LiveIndex(settings, embeddings=fake(), check_every=0)
    with pytest.raises(IndexStoreError, match="no index at"), live.retriever():
        pass
    assert not settings.chroma_dir.exists()

    index(settings, [tweet(n) for n in range(20)])
    with live.retriever(search="similarity", k=50, threshold=float("-inf")) as retriever:
        assert len(retriever.retrieve("python").documents) == 20
    with live.retriever(search="similarity", k=50, threshold=float("-inf")) as in_flight:
        index(settings, [tweet(n) for n in range(30)])  # another writer adds 10 tweets meanwhile
        with live.retriever(search="similarity", k=50, threshold=float("-inf")) as retriever:
            ids = {d.id for d in retriever.retrieve("python").documents}
            assert len(ids) == 30  # the new vectors too, not only the count
        old = {d.id for d in in_flight.retrieve("python").documents}  # its stores are still open
        assert len(old) == 20
    with live.retriever(search="hybrid", k=6, threshold=float("-inf")) as retriever:
        assert "10029" in {d.id for d in retriever.retrieve("note 29").documents}  # the new BM25 file
    live.close()


def _held(opened: Any) -> StoredVectors:
    """The opening's stored vectors once its background load is done (fails after 60 s)."""
    deadline = time.monotonic() + 60
    while (held := loaded_vectors(opened.vector_store._collection, opened.lexical_index)) is None:
        assert time.monotonic() < deadline, "the stored vectors were never loaded"
        time.sleep(0.05)
    return held


def test_live_index_holds_the_stored_vectors_of_each_opening(settings: Settings) -> None:
    """Each opening loads its vectors in the background; dated search then matches Chroma's `where`."""
    index(settings, [tweet(n) for n in range(20)])
    live = LiveIndex(settings, embeddings=fake(), check_every=0)
    with live.opened() as opened:
        assert _held(opened).matrix.shape == (20, DIM)
    index(settings, [tweet(n) for n in range(30)])  # rebuilt: the next opening loads its own
    with live.opened() as opened:
        assert _held(opened).matrix.shape == (30, DIM)
        options: dict[str, Any] = {"search": "similarity", "k": 5, "threshold": float("-inf")}
        options |= {"since_ts": 1425168000, "until_ts": 1433116800}  # 2015-03-01 to 2015-06-01 (UTC)
        fast = build_retriever(settings, opened.vector_store, opened.lexical_index, **options)
        fast = fast.model_copy(update={"brute_force_limit": 0, "post_filter_share": 2.0})  # exact path
        where = build_retriever(settings, opened.vector_store, None, **options)
        found = [d.id for d in fast.retrieve("python").documents]
        assert found == [d.id for d in where.retrieve("python").documents] and len(found) == 5
    live.close()
