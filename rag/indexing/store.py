"""The Chroma side of the index: clients, the collection and the facts it records, the writer lock.

The collection uses cosine distance and records the embedding model, its dimension and the distance in its
metadata, so that opening it with another model fails with the fix (`--recreate` or another `COLLECTION`)
instead of returning nonsense neighbours. One process writes an index at a time (a non-blocking file lock
beside it). `open_vector_store` gives the query side a `langchain_chroma.Chroma` on an existing index.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI, ServerAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings
from chromadb.config import System
from filelock import FileLock, Timeout
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from rag.errors import IndexStoreError
from rag.indexing.lexical import index_path
from rag.ollama import same_model
from rag.settings import Settings

logger = logging.getLogger(__name__)

DISTANCE = "cosine"
MODEL_KEY = "embed_model"
DIMENSION_KEY = "embed_dimension"
DISTANCE_KEY = "distance"
COMPLETE_KEY = "complete"
"""False from the collection's creation until an indexing run gets to its end with every document written."""
GENERATION_KEY = "generation"
"""Counts the indexing runs that changed the collection: a long-running reader reopens when it moves."""
SQLITE_FILE = "chroma.sqlite3"
DEFAULT_MAX_BATCH = 5461
DEFAULT_SYNC_THRESHOLD = 1000


def where(settings: Settings) -> str:
    """Where the index lives, for messages: the server address or the folder."""
    if settings.chroma_host:
        return f"the Chroma server {settings.chroma_host}:{settings.chroma_port}"
    return str(settings.chroma_dir)


def make_client(settings: Settings) -> ClientAPI:
    """A Chroma client: `HttpClient` when `CHROMA_HOST` is set, else a `PersistentClient` on `CHROMA_DIR`."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        except Exception as error:
            raise IndexStoreError(
                f"no Chroma server answers at {settings.chroma_host}:{settings.chroma_port}: start it with "
                f"`chroma run --path DIR --port {settings.chroma_port}` or fix CHROMA_HOST/CHROMA_PORT "
                f"({error})"
            ) from None
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def max_batch_size(client: ClientAPI) -> int:
    """The most records one Chroma write may carry (5,461 on the embedded SQLite store)."""
    try:
        size = int(client.get_max_batch_size())
    except Exception:  # older servers do not say
        return DEFAULT_MAX_BATCH
    return size if size > 0 else DEFAULT_MAX_BATCH


def find_collection_error(error: Exception) -> bool:
    """Whether `error` is chromadb saying a collection does not exist (NotFoundError, older: ValueError)."""
    return "does not exist" in str(error) or type(error).__name__ in {
        "NotFoundError",
        "InvalidCollectionException",
    }


def find_collection(client: ClientAPI, name: str) -> Collection | None:
    """The collection `name`, or None when the store has none by that name."""
    try:
        return client.get_collection(name)
    except Exception as error:
        if find_collection_error(error):
            return None
        raise


def check_model(collection: Collection, settings: Settings, model: str, dimension: int | None) -> None:
    """Raise `IndexStoreError` when `collection` was built with another model or dimension."""
    metadata: Mapping[str, Any] = collection.metadata or {}
    built_model = metadata.get(MODEL_KEY)
    built_dimension = metadata.get(DIMENSION_KEY)
    fix = (
        f"run tweet-rag index --archive PATH --recreate to rebuild it with {model}, or set COLLECTION to "
        f"another name (or EMBED_MODEL back to {built_model})"
    )
    if built_model is None:
        raise IndexStoreError(
            f"collection {collection.name!r} in {where(settings)} was not built by tweet-rag (no embedding "
            "model recorded): run tweet-rag index --archive PATH --recreate, or set COLLECTION to another "
            "name"
        )
    if not same_model(model, str(built_model)):
        raise IndexStoreError(
            f"collection {collection.name!r} in {where(settings)} was built with EMBED_MODEL={built_model}, "
            f"not {model}: {fix}"
        )
    if dimension is not None and built_dimension is not None and int(built_dimension) != dimension:
        raise IndexStoreError(
            f"collection {collection.name!r} holds {built_dimension}-dimensional vectors but {model} now "
            f"returns {dimension}: {fix}"
        )


def open_collection(
    client: ClientAPI, settings: Settings, model: str, dimension: int, *, recreate: bool = False
) -> Collection:
    """The collection to write: created with cosine distance and the model facts, or checked against them."""
    name = settings.collection
    existing = find_collection(client, name)
    if existing is not None and recreate:
        logger.info("deleting collection %s for --recreate", name)
        client.delete_collection(name)
        existing = None
    if existing is not None:
        check_model(existing, settings, model, dimension)
        return existing
    metadata = {MODEL_KEY: model, DIMENSION_KEY: dimension, DISTANCE_KEY: DISTANCE, COMPLETE_KEY: False}
    return client.create_collection(
        name,
        configuration={"hnsw": {"space": DISTANCE}},  # type: ignore[arg-type]
        metadata=metadata,
        embedding_function=None,
    )


def mark_indexed(collection: Collection, *, complete: bool, changed: bool) -> None:
    """Record the end of an indexing run: whether every document is in, and a new generation if it changed."""
    metadata = dict(collection.metadata or {})
    updated = dict(metadata)
    updated[COMPLETE_KEY] = complete
    if changed:
        updated[GENERATION_KEY] = int(metadata.get(GENERATION_KEY) or 0) + 1
    if updated != metadata:
        collection.modify(metadata=updated)


def index_exists(settings: Settings) -> bool:
    """Whether an embedded index may be at `CHROMA_DIR` (its SQLite file exists); always True for a server."""
    return bool(settings.chroma_host) or (settings.chroma_dir / SQLITE_FILE).is_file()


def _no_index(settings: Settings) -> IndexStoreError:
    return IndexStoreError(
        f"no index at {where(settings)} (collection {settings.collection!r}): run "
        "tweet-rag index --archive PATH first"
    )


def open_vector_store(
    settings: Settings, embeddings: Embeddings, *, client: ClientAPI | None = None
) -> Chroma:
    """A `langchain_chroma.Chroma` on the existing index, for querying.

    Refuses, with what to do, a missing index (creating nothing: no `CHROMA_DIR`, no SQLite file), an empty
    one and one built with another model; warns about a partial one (an indexing run that did not get to its
    end). Every query vector is checked against the index's dimension (`DimensionCheckedEmbeddings`).
    """
    if client is None:
        if not index_exists(settings):
            raise _no_index(settings)
        client = make_client(settings)
    collection = find_collection(client, settings.collection)
    if collection is None:
        raise _no_index(settings)
    check_model(collection, settings, settings.embed_model, None)
    count = collection.count()
    metadata: Mapping[str, Any] = collection.metadata or {}
    if count == 0:
        raise IndexStoreError(
            f"the index at {where(settings)} (collection {settings.collection!r}) holds no tweets yet (its "
            "build was interrupted or read none): run tweet-rag index --archive PATH"
        )
    if metadata.get(COMPLETE_KEY) is False:
        logger.warning(
            "the index at %s (collection %r) is incomplete: its last build stopped before the end (%d "
            "documents so far), so answers may miss tweets; run tweet-rag index --archive PATH again "
            "to finish it",
            where(settings),
            settings.collection,
            count,
        )
    dimension = metadata.get(DIMENSION_KEY)
    return Chroma(
        client=client,
        collection_name=settings.collection,
        embedding_function=DimensionCheckedEmbeddings(
            embeddings, int(dimension) if dimension is not None else None, collection, settings
        ),
        create_collection_if_not_exists=False,
    )


class DimensionCheckedEmbeddings(Embeddings):
    """Query embeddings that must have the index's dimension, else one `IndexStoreError` saying what to do.

    The index records its dimension; a model that now returns another (a re-pulled tag, another model under
    the same name) would make Chroma fail deep inside a query. Checked on every query vector (a length).
    """

    def __init__(
        self, inner: Embeddings, dimension: int | None, collection: Collection, settings: Settings
    ) -> None:
        self.inner = inner
        self.dimension = dimension
        self._collection = collection
        self._settings = settings

    def _checked(self, vector: list[float]) -> list[float]:
        if self.dimension is not None and len(vector) != self.dimension:
            check_model(self._collection, self._settings, self._settings.embed_model, len(vector))
        return vector

    def embed_query(self, text: str) -> list[float]:
        """The query's vector from the wrapped embeddings, checked."""
        return self._checked(self.inner.embed_query(text))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """The texts' vectors from the wrapped embeddings, checked."""
        return [self._checked(vector) for vector in self.inner.embed_documents(texts)]

    async def aembed_query(self, text: str) -> list[float]:
        """The query's vector from the wrapped embeddings (async), checked."""
        return self._checked(await self.inner.aembed_query(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def lock_path(settings: Settings) -> Path:
    """The writer lock of the index: `CHROMA_DIR/<collection>.lock`."""
    return settings.chroma_dir / f"{settings.collection}.lock"


@contextmanager
def writer_lock(settings: Settings) -> Iterator[None]:
    """Hold the index's writer lock, or raise `IndexStoreError` at once when another writer has it."""
    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IndexStoreError(
            f"another build_index is writing {where(settings)} (collection {settings.collection!r}, lock "
            f"{path}); wait for it to finish"
        ) from None
    try:
        yield
    finally:
        lock.release()


class PrivateClient:
    """A client of the embedded index on a Chroma `System` of its own (never in chromadb's shared cache).

    chromadb keeps one System per path in a process (SQLite connections, the vector index it loaded) for every
    client of that path, until all are closed, and a loaded vector index does not see what another System
    (another process, or a private one) writes later: measured, a reader that had loaded 50 vectors still
    found 50 after another process had added 1,500 (its `count()` said 1,550). A reader that must see a
    rebuilt index opens a new one of these; `close()` stops its System. It offers what `langchain_chroma`
    and this package use: `get_collection` and `close`.
    """

    def __init__(self, settings: Settings) -> None:
        if not index_exists(settings):
            raise _no_index(settings)
        chroma_settings = ChromaSettings(
            anonymized_telemetry=False, is_persistent=True, persist_directory=str(settings.chroma_dir)
        )
        self._system = System(chroma_settings)
        self._api = self._system.instance(ServerAPI)  # type: ignore[type-abstract]
        self._system.start()

    def get_collection(self, name: str, **_: Any) -> Collection:
        """The collection `name` (chromadb's NotFoundError when there is none)."""
        return Collection(client=self._api, model=self._api.get_collection(name), embedding_function=None)

    def close(self) -> None:
        """Stop this client's System (its connections and loaded index)."""
        self._system.stop()


@contextmanager
def private_collection(settings: Settings) -> Iterator[Collection | None]:
    """The embedded index's collection through a `PrivateClient`, stopped on leaving (None when absent).

    A fresh load of the vector index would otherwise need `SharedSystemClient.clear_system_cache()`, which
    drops every client's System in the process (a server answering questions included).
    """
    client = PrivateClient(settings)
    try:
        yield find_collection(client, settings.collection)  # type: ignore[arg-type]
    finally:
        client.close()


def index_stamp(settings: Settings, client: ClientAPI | PrivateClient) -> tuple[Any, ...]:
    """What changes when an indexing run rewrote the index: the BM25 file and the collection's generation.

    (inode, size, mtime of the BM25 file or None; collection id or None; its `generation`). A run that
    changed anything writes a new BM25 file (`os.replace`) and a new generation; `--recreate` a new id.
    """
    try:
        info = index_path(settings.lexical_dir, settings.collection).stat()
        lexical: tuple[int, int, int] | None = (info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError:
        lexical = None
    collection = find_collection(client, settings.collection)  # type: ignore[arg-type]
    if collection is None:
        return lexical, None, None
    return lexical, str(collection.id), (collection.metadata or {}).get(GENERATION_KEY)


def persist_vector_index(settings: Settings) -> None:
    """Have the embedded Chroma write its whole HNSW index to disk now (call when done writing).

    Chroma persists the vector index every `sync_threshold` (1,000) writes and replays the rest of its log
    each time a process first touches the collection (up to 10 s on every later open after a large update).
    Under a threshold of 1, set before the index is loaded, a one-record rewrite persists it all; the
    threshold is then put back. The index is loaded afresh by a Chroma System of this call's own
    (`private_collection`): the process's other clients are left as they are.
    """
    if settings.chroma_host:
        return  # a Chroma server manages its own index
    try:
        with private_collection(settings) as collection:
            if collection is None:
                return
            hnsw = (collection.configuration or {}).get("hnsw") or {}
            threshold = max(int(hnsw.get("sync_threshold") or DEFAULT_SYNC_THRESHOLD), DEFAULT_SYNC_THRESHOLD)
            collection.modify(configuration={"hnsw": {"sync_threshold": 1}})
        with private_collection(settings) as fresh:
            if fresh is None:
                return
            try:
                record = fresh.get(limit=1, include=["embeddings", "documents", "metadatas"])
                if record["ids"]:
                    fresh.upsert(
                        ids=record["ids"],
                        embeddings=record["embeddings"],
                        documents=record["documents"],
                        metadatas=record["metadatas"],
                    )
            finally:
                fresh.modify(configuration={"hnsw": {"sync_threshold": threshold}})
    except Exception as error:  # only a speed-up for later opens: never fail a run for it
        logger.warning("could not persist the vector index now: %s", error)
