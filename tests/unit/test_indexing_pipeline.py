"""Incremental indexing on hand-made Documents, a LangChain fake embedding and a real Chroma in tmp_path."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import chromadb
import pytest
from chromadb.api.models.Collection import Collection
from langchain_core.documents import Document
from langchain_core.embeddings import DeterministicFakeEmbedding

from rag.errors import IndexStoreError
from rag.indexing.embeddings import PooledEmbeddings
from rag.indexing.lexical import LexicalIndex
from rag.indexing.pipeline import index_documents
from rag.indexing.store import open_collection, open_vector_store, persist_vector_index, writer_lock
from rag.settings import Settings

MODEL = "fake-embed"
DIM = 16


class CountingFake(DeterministicFakeEmbedding):
    """The LangChain fake, counting the texts it embeds and optionally failing or interrupting."""

    calls: int = 0
    texts_seen: list[str] = []  # noqa: RUF012 (pydantic field default, copied per instance)
    interrupt_after: int | None = None
    fail_marker: str | None = None

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.interrupt_after is not None and self.calls > self.interrupt_after:
            raise KeyboardInterrupt
        if self.fail_marker is not None and any(self.fail_marker in text for text in texts):
            raise ConnectionError("connection refused")
        self.texts_seen.extend(texts)
        return super().embed_documents(texts)


def doc(tweet_id: str, text: str, **extra: Any) -> Document:
    metadata: dict[str, Any] = {
        "tweet_id": tweet_id,
        "tweet_ids": tweet_id,
        "url": f"https://x.com/someone/status/{tweet_id}",
        "created_at": "2024-11-05T13:24:09+00:00",
        "created_ts": 1730813049,
        "kind": "tweet",
        "like_count": 0,
    }
    metadata.update(extra)
    return Document(id=tweet_id, page_content=text, metadata=metadata)


DOCS = [
    doc("1001", "first tweet about paella"),
    doc("1002", "second tweet about maps and GIS"),
    doc("1003", "third tweet, a reply", kind="reply"),
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(chroma_dir=tmp_path / "chroma", embed_model=MODEL, collection="tweets")


@pytest.fixture
def collection(settings: Settings) -> Collection:
    client = chromadb.PersistentClient(path=str(settings.chroma_dir))
    return open_collection(client, settings, MODEL, DIM)


def run(collection: Collection, docs: list[Document], fake: CountingFake, **kwargs: Any) -> Any:
    pool = PooledEmbeddings([fake], MODEL, batch_size=2, concurrency=2, sleep=lambda _: None)
    return index_documents(docs, collection, pool, model=MODEL, **kwargs)


def test_reindex_adds_nothing_twice_and_embeds_nothing(collection: Collection) -> None:
    first = run(collection, DOCS, CountingFake(size=DIM))
    assert (first.documents, first.embedded, first.unchanged) == (3, 3, 0)
    again_fake = CountingFake(size=DIM)
    again = run(collection, DOCS, again_fake)
    assert (again.embedded, again.unchanged) == (0, 3)
    assert again_fake.calls == 0
    assert collection.count() == 3
    assert sorted(collection.get()["ids"]) == ["1001", "1002", "1003"]


def test_changed_tweet_is_embedded_again(collection: Collection) -> None:
    run(collection, DOCS, CountingFake(size=DIM))
    changed = [DOCS[0], doc("1002", "second tweet, edited: maps, GIS and paella"), DOCS[2]]
    fake = CountingFake(size=DIM)
    report = run(collection, changed, fake)
    assert (report.embedded, report.unchanged) == (1, 2)
    assert fake.texts_seen == ["second tweet, edited: maps, GIS and paella"]
    stored = collection.get(ids=["1002"], include=["documents", "embeddings"])
    assert stored["documents"] == ["second tweet, edited: maps, GIS and paella"]
    expected = DeterministicFakeEmbedding(size=DIM).embed_query("second tweet, edited: maps, GIS and paella")
    assert list(stored["embeddings"][0]) == pytest.approx(expected, rel=1e-5)


def test_metadata_change_updates_without_embedding(collection: Collection) -> None:
    run(collection, DOCS, CountingFake(size=DIM))
    liked = [doc("1001", "first tweet about paella", like_count=7), DOCS[1], DOCS[2]]
    fake = CountingFake(size=DIM)
    report = run(collection, liked, fake)
    assert (report.embedded, report.updated, report.unchanged) == (0, 1, 2)
    assert fake.calls == 0
    assert collection.get(ids=["1001"])["metadatas"][0]["like_count"] == 7


def test_stale_documents_reported_and_removed_only_with_prune(collection: Collection) -> None:
    run(collection, DOCS, CountingFake(size=DIM))
    kept = run(collection, DOCS[:2], CountingFake(size=DIM))
    assert (kept.stale, kept.deleted, kept.stale_ids) == (1, 0, ["1003"])
    assert collection.count() == 3
    pruned = run(collection, DOCS[:2], CountingFake(size=DIM), prune=True)
    assert (pruned.stale, pruned.deleted) == (1, 1)
    assert sorted(collection.get()["ids"]) == ["1001", "1002"]


def test_collection_records_model_dimension_and_cosine(collection: Collection) -> None:
    assert collection.metadata["embed_model"] == MODEL
    assert collection.metadata["embed_dimension"] == DIM
    assert collection.configuration["hnsw"]["space"] == "cosine"


def test_other_model_is_refused_with_the_fix(settings: Settings, collection: Collection) -> None:
    client = chromadb.PersistentClient(path=str(settings.chroma_dir))
    with pytest.raises(IndexStoreError, match="built with EMBED_MODEL=fake-embed") as caught:
        open_collection(client, settings, "nomic-embed-text", 768)
    assert "--recreate" in str(caught.value)
    assert "COLLECTION" in str(caught.value)
    other = Settings(chroma_dir=settings.chroma_dir, embed_model="nomic-embed-text")
    with pytest.raises(IndexStoreError, match="--recreate"):
        open_vector_store(other, DeterministicFakeEmbedding(size=DIM), client=client)


def test_recreate_replaces_the_collection(settings: Settings, collection: Collection) -> None:
    run(collection, DOCS, CountingFake(size=DIM))
    client = chromadb.PersistentClient(path=str(settings.chroma_dir))
    fresh = open_collection(client, settings, "nomic-embed-text", 768, recreate=True)
    assert fresh.count() == 0
    assert fresh.metadata["embed_model"] == "nomic-embed-text"


def test_open_vector_store_without_index_says_build_first(settings: Settings) -> None:
    with pytest.raises(IndexStoreError, match=r"run tweet-rag index --archive PATH first"):
        open_vector_store(settings, DeterministicFakeEmbedding(size=DIM))


def test_open_vector_store_searches_the_index(settings: Settings, collection: Collection) -> None:
    run(collection, DOCS, CountingFake(size=DIM))
    store = open_vector_store(settings, DeterministicFakeEmbedding(size=DIM))
    hits = store.similarity_search("second tweet about maps and GIS", k=1)
    assert hits[0].id == "1002"
    assert hits[0].metadata["url"] == "https://x.com/someone/status/1002"


def test_second_writer_is_refused_at_once(settings: Settings) -> None:
    with writer_lock(settings):
        errors: list[BaseException] = []

        def other_writer() -> None:
            try:
                with writer_lock(settings):
                    pass
            except IndexStoreError as error:
                errors.append(error)

        thread = threading.Thread(target=other_writer)
        thread.start()
        thread.join(timeout=5)
        assert not thread.is_alive()
    assert len(errors) == 1
    assert "another build_index is writing" in str(errors[0])
    assert "wait for it to finish" in str(errors[0])
    with writer_lock(settings):  # released: the next run may write
        pass


def test_interrupted_run_keeps_what_was_written_and_resumes(collection: Collection) -> None:
    docs = [doc(str(2000 + n), f"tweet number {n} about topic {n % 3}") for n in range(20)]
    with pytest.raises(KeyboardInterrupt):
        run(collection, docs, CountingFake(size=DIM, interrupt_after=3))
    written = collection.count()
    assert 0 < written < 20
    fake = CountingFake(size=DIM)
    report = run(collection, docs, fake)
    assert report.unchanged == written
    assert report.embedded == 20 - written
    assert len(fake.texts_seen) == 20 - written
    assert collection.count() == 20


def test_failing_batch_is_retried_then_reported_by_id(collection: Collection) -> None:
    docs = [*DOCS, doc("1004", "this one is bad"), doc("1005", "fine again")]
    fake = CountingFake(size=DIM, fail_marker="bad")
    pool = PooledEmbeddings([fake], MODEL, batch_size=1, concurrency=1, max_retries=2, sleep=lambda _: None)
    report = index_documents(docs, collection, pool, model=MODEL)
    assert report.failed_ids == ["1004"]
    assert report.failed == 1
    assert report.embedded == 4
    assert fake.calls == 4 + 3  # four good batches, the bad one tried once and retried twice
    assert sorted(collection.get()["ids"]) == ["1001", "1002", "1003", "1005"]
    again = index_documents(docs, collection, PooledEmbeddings([CountingFake(size=DIM)], MODEL), model=MODEL)
    assert (again.embedded, again.unchanged, again.failed) == (1, 4, 0)


class RecordingCollection:
    """A proxy of a Chroma collection that records the size of each upsert."""

    def __init__(self, inner: Collection) -> None:
        self.inner = inner
        self.upserts: list[int] = []

    def upsert(self, **kwargs: Any) -> None:
        self.upserts.append(len(kwargs["ids"]))
        self.inner.upsert(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_writes_never_exceed_the_max_batch(collection: Collection) -> None:
    docs = [doc(str(3000 + n), f"tweet {n}") for n in range(25)]
    proxy = RecordingCollection(collection)
    pool = PooledEmbeddings([CountingFake(size=DIM)], MODEL, batch_size=2)
    report = index_documents(docs, proxy, pool, model=MODEL, max_batch=5)  # type: ignore[arg-type]
    assert report.embedded == 25
    assert sum(proxy.upserts) == 25
    assert max(proxy.upserts) <= 5
    assert collection.count() == 25


def test_lexical_index_rebuilt_from_the_collection(collection: Collection, tmp_path: Path) -> None:
    run(collection, DOCS, CountingFake(size=DIM), lexical_dir=tmp_path / "lexical")
    index = LexicalIndex.load(tmp_path / "lexical", "tweets")
    assert len(index) == 3
    assert index.search("paella", k=1)[0][0] == "1001"


def test_index_is_persisted_so_the_next_open_replays_nothing(
    settings: Settings, collection: Collection
) -> None:
    docs = [doc(str(4000 + n), f"tweet {n}") for n in range(1500)]
    run(collection, docs, CountingFake(size=DIM))
    persist_vector_index(settings)
    segments = sqlite3.connect(settings.chroma_dir / "chroma.sqlite3").execute(
        "SELECT seq_id FROM max_seq_id"
    )
    seq_ids = {row[0] for row in segments}
    assert len(seq_ids) == 1  # the vector segment has applied every write the metadata segment has
    reopened = chromadb.PersistentClient(path=str(settings.chroma_dir)).get_collection("tweets")
    assert reopened.count() == 1500
    assert reopened.configuration["hnsw"]["sync_threshold"] == 1000
    assert reopened.configuration["hnsw"]["space"] == "cosine"


def test_unreadable_lexical_index_is_rebuilt_when_nothing_changed(
    collection: Collection, tmp_path: Path
) -> None:
    lexical_dir = tmp_path / "lexical"
    run(collection, DOCS, CountingFake(size=DIM), lexical_dir=lexical_dir)
    (lexical_dir / "tweets.npz").write_text("garbage\n")
    again = run(collection, DOCS, CountingFake(size=DIM), lexical_dir=lexical_dir)
    assert (again.embedded, again.unchanged) == (0, 3)
    assert again.lexical_rebuilt is True
    index = LexicalIndex.load(lexical_dir, "tweets")
    assert len(index) == 3
    assert index.search("paella", k=1)[0][0] == "1001"


def test_lexical_index_behind_the_collection_is_rebuilt(collection: Collection, tmp_path: Path) -> None:
    lexical_dir = tmp_path / "lexical"
    run(collection, DOCS[:2], CountingFake(size=DIM), lexical_dir=lexical_dir)
    run(
        collection, DOCS, CountingFake(size=DIM)
    )  # tweet 1003 written, the run stopped before the BM25 rebuild
    assert len(LexicalIndex.load(lexical_dir, "tweets")) == 2
    again = run(collection, DOCS, CountingFake(size=DIM), lexical_dir=lexical_dir)
    assert (again.embedded, again.unchanged) == (0, 3)
    assert again.lexical_rebuilt is True
    index = LexicalIndex.load(lexical_dir, "tweets")
    assert len(index) == 3
    assert index.search("reply", k=1)[0][0] == "1003"


def test_lexical_index_in_step_is_left_alone(collection: Collection, tmp_path: Path) -> None:
    lexical_dir = tmp_path / "lexical"
    first = run(collection, DOCS, CountingFake(size=DIM), lexical_dir=lexical_dir)
    assert first.lexical_rebuilt is True
    saved = (lexical_dir / "tweets.npz").stat().st_mtime_ns
    again = run(collection, DOCS, CountingFake(size=DIM), lexical_dir=lexical_dir)
    assert again.lexical_rebuilt is False
    assert (lexical_dir / "tweets.npz").stat().st_mtime_ns == saved


def test_prune_removes_nothing_when_records_were_skipped(collection: Collection) -> None:
    run(collection, DOCS, CountingFake(size=DIM))
    refused = run(collection, DOCS[:2], CountingFake(size=DIM), prune=True, unreadable=lambda: 1)
    assert (refused.stale, refused.deleted, refused.prune_refused) == (1, 0, True)
    assert sorted(collection.get()["ids"]) == ["1001", "1002", "1003"]
    assert any("1 records could not be read, so --prune removed nothing" in w for w in refused.warnings)
    assert "--prune refused" in refused.summary()
    pruned = run(collection, DOCS[:2], CountingFake(size=DIM), prune=True, unreadable=lambda: 0)
    assert (pruned.deleted, pruned.prune_refused) == (1, False)
    assert sorted(collection.get()["ids"]) == ["1001", "1002"]
