"""The stored vectors of a collection held in memory, for exact filtered dense search.

A filtered dense search compares the query with every allowed document exactly (see
`rag.search.retrieval.TweetRetriever._query`). Fetching those vectors from Chroma by id costs about 50 us a
document (150-300 ms for a year of a 100,000-tweet archive), and Chroma's own id-list query 20-100 ms, so
`stored_vectors(collection, lexical_index)` reads every vector once (in batches, about 10 s at 100,000 on
a busy machine) into a float32 matrix whose row i is the lexical index's document i, with each row's norm.
It is kept per opening of the index: keyed on the lexical index object (a rebuilt index is a new object, so
a reopened index loads afresh and the old matrix goes with the old object) and the collection object.
Memory: documents x dimensions x 4 bytes (154 MB for 100,000 all-minilm vectors, 307 MB for nomic);
above `max_bytes` nothing is loaded and the retriever keeps its other paths.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

logger = logging.getLogger(__name__)

VECTOR_CACHE_MAX_BYTES = 512 * 2**20  # the most memory one index's vectors may take (0: never load)
LOAD_BATCH = 5000


@dataclass(frozen=True)
class StoredVectors:
    """Every stored vector of a collection, row i for the lexical index's document i, and the row norms."""

    matrix: npt.NDArray[np.float32]
    norms: npt.NDArray[np.float32]
    seconds: float

    @property
    def nbytes(self) -> int:
        """Memory the vectors take."""
        return int(self.matrix.nbytes + self.norms.nbytes)

    def nearest(
        self, embedding: Sequence[float], rows: npt.NDArray[np.int64], n: int
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.floating[Any]]]:
        """The `n` of `rows` nearest to `embedding` by cosine distance (ties in row order), and distances.

        The same arithmetic as the exact path over vectors fetched from Chroma (float32 cosine distance).
        """
        query = np.asarray(embedding, dtype=np.float32)
        norms = self.norms[rows] * float(np.linalg.norm(query))
        distances = 1.0 - (self.matrix[rows] @ query) / np.where(norms == 0, 1.0, norms)
        order = np.argsort(distances, kind="stable")[:n]
        return rows[order], distances[order]


@dataclass
class _Entry:
    collection: weakref.ReferenceType[Any] | None
    vectors: StoredVectors | None


_CACHE: weakref.WeakKeyDictionary[Any, _Entry] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def loaded_vectors(collection: Any, lexical_index: Any) -> StoredVectors | None:
    """The vectors already in memory for this collection and lexical index (None: not loaded, or refused)."""
    entry = _CACHE.get(lexical_index)
    if entry is None or entry.collection is None or entry.collection() is not collection:
        return None
    return entry.vectors


def stored_vectors(
    collection: Any, lexical_index: Any, max_bytes: int = VECTOR_CACHE_MAX_BYTES
) -> StoredVectors | None:
    """The vectors of `collection` in the lexical index's row order, loaded on first use (None: too big).

    None also when the collection and the lexical index do not hold the same ids (the caller falls back
    to Chroma). Threads wait for one load; a refusal is remembered for this pair.
    """
    with _LOCK:
        entry = _CACHE.get(lexical_index)
        if entry is not None and entry.collection is not None and entry.collection() is collection:
            return entry.vectors
        vectors = _load(collection, lexical_index, max_bytes)
        _CACHE[lexical_index] = _Entry(weakref.ref(collection), vectors)
        return vectors


def _load(collection: Any, lexical_index: Any, max_bytes: int) -> StoredVectors | None:
    started = time.perf_counter()
    total = int(collection.count())
    if total != len(lexical_index) or total == 0 or max_bytes <= 0:
        return None
    matrix: npt.NDArray[np.float32] | None = None
    filled = np.zeros(total, dtype=np.bool_)
    for offset in range(0, total, LOAD_BATCH):
        got = collection.get(include=["embeddings"], limit=LOAD_BATCH, offset=offset)
        batch = np.asarray(got["embeddings"], dtype=np.float32)
        if matrix is None:
            if batch.ndim != 2 or total * batch.shape[1] * 4 > max_bytes:
                size = total * (batch.shape[1] if batch.ndim == 2 else 0) * 4
                logger.info("stored vectors not held in memory: %d bytes is over %d", size, max_bytes)
                return None
            matrix = np.zeros((total, batch.shape[1]), dtype=np.float32)
        rows = lexical_index.positions([str(doc_id) for doc_id in got["ids"]])
        if len(rows) == 0 or (rows < 0).any() or batch.shape != (len(rows), matrix.shape[1]):
            logger.info("the vector store and the lexical index hold different ids: vectors not cached")
            return None
        matrix[rows] = batch
        filled[rows] = True
    if matrix is None or not filled.all():
        return None
    norms = np.linalg.norm(matrix, axis=1).astype(np.float32)
    seconds = time.perf_counter() - started
    logger.info("held %d stored vectors in memory (%.0f MB) in %.1f s", total, matrix.nbytes / 1e6, seconds)
    return StoredVectors(matrix, norms, seconds)
