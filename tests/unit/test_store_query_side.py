"""Asking a missing, empty, partial or re-dimensioned index; what an indexing run records at its end.

Also: prune on an archive without tweets, and a persist that leaves the process's other clients alone.
"""

from __future__ import annotations

import logging
from pathlib import Path

import chromadb
import pytest
from chromadb.api.shared_system_client import SharedSystemClient
from langchain_core.embeddings import DeterministicFakeEmbedding

from rag.errors import IndexStoreError
from rag.indexing.embeddings import PooledEmbeddings
from rag.indexing.pipeline import index_documents
from rag.indexing.store import (
    COMPLETE_KEY,
    GENERATION_KEY,
    open_collection,
    open_vector_store,
    persist_vector_index,
)
from rag.search.retrieval import build_retriever
from rag.settings import Settings
from tests.unit.test_indexing_pipeline import DIM, DOCS, MODEL, CountingFake, doc, run


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(chroma_dir=tmp_path / "chroma", embed_model=MODEL, collection="tweets")


def new_collection(settings: Settings) -> chromadb.Collection:
    return open_collection(chromadb.PersistentClient(path=str(settings.chroma_dir)), settings, MODEL, DIM)


def test_asking_without_an_index_creates_nothing(settings: Settings) -> None:
    with pytest.raises(IndexStoreError, match=r"no index at .*tweet-rag index --archive PATH") as error:
        open_vector_store(settings, DeterministicFakeEmbedding(size=DIM))
    assert "\n" not in str(error.value)
    assert not settings.chroma_dir.exists()


def test_asking_an_empty_index_says_to_build_it(settings: Settings) -> None:
    new_collection(settings)
    with pytest.raises(IndexStoreError, match=r"holds no tweets yet.*tweet-rag index --archive PATH"):
        open_vector_store(settings, DeterministicFakeEmbedding(size=DIM))


def test_an_interrupted_first_build_is_partial_until_a_run_ends(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    collection = new_collection(settings)
    docs = [doc(str(2000 + n), f"tweet number {n}") for n in range(10)]
    fake = CountingFake(size=DIM, interrupt_after=2)
    pool = PooledEmbeddings([fake], MODEL, batch_size=2, concurrency=1, sleep=lambda _: None)
    with pytest.raises(KeyboardInterrupt):  # Ctrl-C during the third batch: the first two are written
        index_documents(docs, collection, pool, model=MODEL)
    assert 0 < collection.count() < 10
    assert collection.metadata[COMPLETE_KEY] is False
    with caplog.at_level(logging.WARNING):
        open_vector_store(settings, DeterministicFakeEmbedding(size=DIM))
    assert "is incomplete" in caplog.text and "run tweet-rag index --archive PATH again" in caplog.text

    caplog.clear()
    report = run(collection, docs, CountingFake(size=DIM))
    assert report.embedded + report.unchanged == 10
    assert collection.metadata[COMPLETE_KEY] is True
    with caplog.at_level(logging.WARNING):
        open_vector_store(settings, DeterministicFakeEmbedding(size=DIM))
    assert "incomplete" not in caplog.text


def test_a_run_that_could_not_embed_everything_leaves_the_index_partial(settings: Settings) -> None:
    collection = new_collection(settings)
    docs = [*DOCS, doc("1004", "this one FAILS to embed")]
    report = run(collection, docs, CountingFake(size=DIM, fail_marker="FAILS"))
    assert report.failed >= 1
    assert collection.metadata[COMPLETE_KEY] is False


def test_generation_moves_only_when_the_index_changed(settings: Settings) -> None:
    collection = new_collection(settings)
    run(collection, DOCS, CountingFake(size=DIM))
    first = collection.metadata[GENERATION_KEY]
    run(collection, DOCS, CountingFake(size=DIM))
    assert collection.metadata[GENERATION_KEY] == first
    run(collection, [*DOCS, doc("1009", "a new tweet")], CountingFake(size=DIM))
    assert collection.metadata[GENERATION_KEY] == first + 1
    assert collection.metadata["embed_model"] == MODEL  # the model facts are kept


def test_a_model_that_changed_dimension_gives_one_error_with_the_fix(settings: Settings) -> None:
    run(new_collection(settings), DOCS, CountingFake(size=DIM))
    store = open_vector_store(settings, DeterministicFakeEmbedding(size=DIM // 2))
    retriever = build_retriever(settings, store, search="similarity")
    with pytest.raises(IndexStoreError) as error:
        retriever.invoke("paella")
    message = str(error.value)
    assert f"holds {DIM}-dimensional vectors but {MODEL} now returns {DIM // 2}" in message
    assert "--recreate" in message and "\n" not in message


def test_prune_on_an_archive_without_tweets_deletes_nothing(settings: Settings) -> None:
    collection = new_collection(settings)
    run(collection, DOCS, CountingFake(size=DIM))
    report = run(collection, [], CountingFake(size=DIM), prune=True)
    assert collection.count() == len(DOCS)
    assert (report.deleted, report.stale, report.prune_refused) == (0, len(DOCS), True)
    assert any("the archive has no tweets, so --prune removed nothing" in w for w in report.warnings)
    assert "--prune refused: the archive has no tweets" in report.summary()


def test_persisting_leaves_the_process_other_clients_working(settings: Settings) -> None:
    collection = new_collection(settings)
    run(collection, [doc(str(4000 + n), f"tweet {n}") for n in range(50)], CountingFake(size=DIM))
    reader = chromadb.PersistentClient(path=str(settings.chroma_dir)).get_collection("tweets")
    before = reader.query(query_embeddings=[[1.0] * DIM], n_results=5)["ids"]
    systems = dict(SharedSystemClient._identifier_to_system)
    persist_vector_index(settings)
    assert SharedSystemClient._identifier_to_system == systems  # the process-wide client cache is untouched
    assert reader.count() == 50
    assert reader.query(query_embeddings=[[1.0] * DIM], n_results=5)["ids"] == before
    assert collection.count() == 50
