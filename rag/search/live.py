"""The index as a long-running process (a web server) sees it: opened once, shared, reopened when rebuilt.

`LiveIndex(settings)` opens the vector store and the BM25 index on first use and hands them to every thread
(`with live.retriever(**filters) as retriever:`, or `live.opened()` for the stores themselves). At most every
`check_every` seconds it compares the index's stamp (`rag.indexing.store.index_stamp`: the BM25 file, the
collection's id and generation) with the one it opened; when an indexing run (another process, or this one)
has rewritten the index, the next use opens it afresh. The embedded Chroma is opened on a System of its own
(`PrivateClient`): a System that has loaded the vector index never sees later writes by another, so reusing
chromadb's shared one would keep answering from the old vectors. Uses in flight finish on the stores they
started with; the old System is stopped when the last of them ends. Opening failures (no index yet) raise
the usual `IndexStoreError` and are tried again on the next use. Each opening loads the collection's
stored vectors into memory in a background thread (`rag.search.vectors`; `hold_vectors=False` does not),
which makes date-filtered dense search exact and fast once done (about 10 s at 100,000 tweets on a busy
machine; until then it uses Chroma); the thread holds the opening open until it is done.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from rag.errors import IndexStoreError
from rag.indexing.lexical import LexicalIndex
from rag.indexing.store import PrivateClient, index_stamp, make_client, open_vector_store
from rag.search.retrieval import TweetRetriever, build_retriever
from rag.search.vectors import stored_vectors
from rag.settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class OpenedIndex:
    """One opening of the index: the Chroma vector store, the BM25 index (None when missing), the stamp."""

    vector_store: Chroma
    lexical_index: LexicalIndex | None
    stamp: tuple[Any, ...]
    client: Any
    users: int = 0
    retired: bool = False

    def close(self) -> None:
        """Stop the private Chroma System (a server client has nothing to stop)."""
        if isinstance(self.client, PrivateClient):
            self.client.close()


class LiveIndex:
    """The index the settings name, opened once for every thread and reopened when an indexing rewrote it."""

    def __init__(
        self,
        settings: Settings,
        *,
        embeddings: Embeddings | None = None,
        check_every: float = 1.0,
        hold_vectors: bool = True,
    ) -> None:
        self.settings = settings
        self.hold_vectors = hold_vectors
        self.check_every = check_every
        self._embeddings = embeddings
        self._lock = threading.Lock()
        self._current: OpenedIndex | None = None
        self._checked_at = 0.0

    @contextmanager
    def opened(self) -> Iterator[OpenedIndex]:
        """The current opening of the index, kept open until the block ends (`IndexStoreError` if none)."""
        opened = self._acquire()
        try:
            yield opened
        finally:
            self._release(opened)

    @contextmanager
    def retriever(self, **options: Any) -> Iterator[TweetRetriever]:
        """A retriever over the current opening, with `build_retriever`'s options (filters, search type)."""
        with self.opened() as opened:
            yield build_retriever(self.settings, opened.vector_store, opened.lexical_index, **options)

    def close(self) -> None:
        """Close the current opening once no one uses it; the next use opens the index again."""
        with self._lock:
            current, self._current = self._current, None
            if current is not None:
                self._retire(current)

    # ---- opening ------------------------------------------------------------------------------------
    def _acquire(self) -> OpenedIndex:
        with self._lock:
            current = self._current
            now = time.monotonic()
            if current is None or now - self._checked_at >= self.check_every:
                stamp = self._stamp(current)
                if current is None or stamp != current.stamp:
                    fresh = self._open()
                    if current is not None:
                        logger.info("the index was rebuilt: reopened it")
                        self._retire(current)
                    self._current = current = fresh
                self._checked_at = now
            current.users += 1
            return current

    def _release(self, opened: OpenedIndex) -> None:
        with self._lock:
            opened.users -= 1
            if opened.retired and opened.users == 0:
                opened.close()

    def _retire(self, opened: OpenedIndex) -> None:
        opened.retired = True
        if opened.users == 0:
            opened.close()

    def _stamp(self, current: OpenedIndex | None) -> tuple[Any, ...] | None:
        if current is None:
            return None
        try:
            return index_stamp(self.settings, current.client)
        except Exception as error:  # the store went away under us: open again (which says what is wrong)
            logger.debug("index stamp unreadable: %s", error)
            return None

    def _open(self) -> OpenedIndex:
        settings = self.settings
        if self._embeddings is None:
            from rag.indexing.embeddings import build_embeddings

            self._embeddings = build_embeddings(settings)
        client: Any = make_client(settings) if settings.chroma_host else PrivateClient(settings)
        try:
            stamp = index_stamp(settings, client)
            vector_store = open_vector_store(settings, self._embeddings, client=client)
            try:
                lexical_index: LexicalIndex | None = LexicalIndex.load(
                    settings.lexical_dir, settings.collection
                )
            except FileNotFoundError:  # an interrupted first indexing: hybrid search refuses, the rest works
                lexical_index = None
        except BaseException:
            if isinstance(client, PrivateClient):
                client.close()
            raise
        opened = OpenedIndex(vector_store, lexical_index, stamp, client)
        if lexical_index is not None and self.hold_vectors:
            opened.users += 1  # the loader keeps this opening's stores open until it is done
            threading.Thread(
                target=self._hold_vectors, args=(opened,), name="tweet-rag-vectors", daemon=True
            ).start()
        return opened

    def _hold_vectors(self, opened: OpenedIndex) -> None:
        """Load the stored vectors for exact filtered search (`rag.search.vectors`), then let go."""
        try:
            stored_vectors(opened.vector_store._collection, opened.lexical_index)
        except Exception as error:  # filtered search keeps its other paths
            logger.warning("stored vectors not held in memory (filtered search stays slower): %s", error)
        finally:
            self._release(opened)


__all__ = ["IndexStoreError", "LiveIndex", "OpenedIndex"]
