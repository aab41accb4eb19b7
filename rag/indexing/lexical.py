"""The lexical (BM25) index kept next to the vector index: build, atomic save, fast load, filtered search.

Scores are BM25 Okapi exactly as `rank_bm25.BM25Okapi` computes them (k1=1.5, b=0.75, idf floor
epsilon=0.25 times the mean idf; the unit tests compare the two), but stored as a term-major sparse matrix of
precomputed weights in numpy arrays: a query adds up the posting lists of its few terms instead of walking
every document in Python as rank_bm25 does (which takes tens of milliseconds per query term at 100,000
documents, against the 20 ms budget of the whole lexical side). The index keeps `created_ts`, `is_retweet`,
`is_reply` and `is_deleted` of every document so a `rag.filters.Filter` applies here exactly as it does in
Chroma; the retriever also uses it to filter the dense side (`ids_matching`, `count_matching`,
`ids_passing`), which is much faster than Chroma's own `where` on large collections. A query that names an
exact @handle or #hashtag returns the documents containing the most of those
tags first, then by BM25 score. The file is one uncompressed `.npz` (no pickles), written to a temporary file
and moved into place with `os.replace`, so a crash never leaves half an index.
"""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from langchain_core.documents import Document

from rag.errors import IndexStoreError
from rag.filters import Filter
from rag.indexing.tokenizer import tagged_tokens, tokenize

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
DEFAULT_NAME = "tweets"
K1 = 1.5
B = 0.75
EPSILON = 0.25
_REBUILD = "run tweet-rag index --archive PATH again to rebuild it"

_ARRAYS = ("ids", "vocab", "indptr", "doc_idx", "weights", "created_ts", "has_ts", "flags")
# Bits of the `flags` array.
_RETWEET, _REPLY, _DELETED = 1, 2, 4


def index_path(directory: Path, name: str = DEFAULT_NAME) -> Path:
    """The file holding the lexical index `name` (the collection name) inside `directory`."""
    return Path(directory) / f"{name}.npz"


def _join(strings: Sequence[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _split(array: npt.NDArray[np.uint8], count: int) -> list[str]:
    if count == 0:
        return []
    return array.tobytes().decode("utf-8").split("\n")


class LexicalIndex:
    """BM25 over the documents of one collection, with their filter metadata; build it with `build`."""

    def __init__(
        self,
        ids: list[str],
        vocab: list[str],
        indptr: npt.NDArray[np.int64],
        doc_idx: npt.NDArray[np.int32],
        weights: npt.NDArray[np.float32],
        created_ts: npt.NDArray[np.int64],
        has_ts: npt.NDArray[np.bool_],
        flags: npt.NDArray[np.uint8],
    ) -> None:
        self._ids = ids
        self._vocab_list = vocab
        self._vocab = {term: i for i, term in enumerate(vocab)}
        self._indptr = indptr
        self._doc_idx = doc_idx
        self._weights = weights
        self._created_ts = created_ts
        self._has_ts = has_ts
        self._flags = flags
        self._positions: dict[str, int] | None = None

    # ---- building -------------------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[Mapping[str, Any]],
    ) -> LexicalIndex:
        """Tokenise `texts` and index them under `ids` with the filter fields of `metadatas`."""
        if not len(ids) == len(texts) == len(metadatas):
            raise ValueError(
                f"ids, texts and metadatas differ in length: {len(ids)}, {len(texts)}, {len(metadatas)}"
            )
        if len(set(ids)) != len(ids):
            raise ValueError("document ids must be unique")
        for doc_id in ids:
            if not doc_id or "\n" in doc_id:
                raise ValueError(f"document id {doc_id!r} must be non-empty and on one line")
        n_docs = len(ids)
        vocab: dict[str, int] = {}
        flat: list[int] = []
        lengths = np.zeros(n_docs, dtype=np.int64)
        for doc_num, text in enumerate(texts):
            tokens = tokenize(text)
            lengths[doc_num] = len(tokens)
            flat.extend([vocab.setdefault(token, len(vocab)) for token in tokens])
        doc_len = lengths.astype(np.float64)
        # (doc, term) pairs with their counts, in one vectorised pass instead of a Counter per document.
        width = max(len(vocab), 1)
        doc_of_token = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        pairs = doc_of_token * width + np.asarray(flat, dtype=np.int64)
        unique_pairs, counts = np.unique(pairs, return_counts=True)
        terms = unique_pairs % width
        docs = (unique_pairs // width).astype(np.int32)
        tf_arr = counts.astype(np.float64)
        df = np.bincount(terms, minlength=len(vocab)).astype(np.float64)
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        if len(idf):
            idf[idf < 0] = EPSILON * float(idf.mean())
        avgdl = float(doc_len.mean()) if n_docs and doc_len.sum() > 0 else 1.0
        norm = K1 * (1 - B + B * doc_len[docs] / avgdl)
        weights = idf[terms] * tf_arr * (K1 + 1) / (tf_arr + norm)
        order = np.argsort(terms, kind="stable")
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(df.astype(np.int64))

        created = np.zeros(n_docs, dtype=np.int64)
        has_ts = np.zeros(n_docs, dtype=np.bool_)
        flags = np.zeros(n_docs, dtype=np.uint8)
        for num, meta in enumerate(metadatas):
            ts = meta.get("created_ts")
            if isinstance(ts, int | float) and not isinstance(ts, bool):
                created[num] = int(ts)
                has_ts[num] = True
            flags[num] = (
                (_RETWEET if meta.get("is_retweet") is True else 0)
                | (_REPLY if meta.get("is_reply") is True else 0)
                | (_DELETED if meta.get("is_deleted") is True else 0)
            )
        logger.info("lexical index built: %d documents, %d terms", n_docs, len(vocab))
        return cls(
            list(ids),
            list(vocab),
            indptr,
            docs[order],
            weights[order].astype(np.float32),
            created,
            has_ts,
            flags,
        )

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> LexicalIndex:
        """Build from LangChain Documents: `Document.id` (required), `page_content` and `metadata`."""
        ids: list[str] = []
        texts: list[str] = []
        metadatas: list[Mapping[str, Any]] = []
        for document in documents:
            if not document.id:
                raise ValueError("every Document needs an id to be indexed lexically")
            ids.append(document.id)
            texts.append(document.page_content)
            metadatas.append(document.metadata)
        return cls.build(ids, texts, metadatas)

    # ---- persistence ----------------------------------------------------------------------------------
    def save(self, directory: Path, name: str = DEFAULT_NAME) -> None:
        """Write the index to `directory/<name>.npz` atomically (temporary file, fsync, `os.replace`)."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        target = index_path(directory, name)
        arrays: dict[str, Any] = {
            "format_version": np.array(
                [FORMAT_VERSION, len(self._ids), len(self._vocab_list)], dtype=np.int64
            ),
            "ids": _join(self._ids),
            "vocab": _join(self._vocab_list),
            "indptr": self._indptr,
            "doc_idx": self._doc_idx,
            "weights": self._weights,
            "created_ts": self._created_ts,
            "has_ts": self._has_ts,
            "flags": self._flags,
        }
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                np.savez(handle, **arrays)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        logger.info("lexical index saved to %s", target)

    @classmethod
    def load(cls, directory: Path, name: str = DEFAULT_NAME) -> LexicalIndex:
        """Read `directory/<name>.npz`; FileNotFoundError when absent, IndexStoreError when unreadable."""
        path = index_path(directory, name)
        if not path.is_file():
            raise FileNotFoundError(f"no lexical index at {path}: run tweet-rag index --archive PATH first")
        try:
            with np.load(path, allow_pickle=False) as data:
                header = data["format_version"]
                if int(header[0]) != FORMAT_VERSION:
                    raise IndexStoreError(
                        f"lexical index {path} has format {int(header[0])}, this version reads "
                        f"{FORMAT_VERSION}: {_REBUILD}"
                    )
                n_docs, n_terms = int(header[1]), int(header[2])
                arrays = {key: data[key] for key in _ARRAYS}
            index = cls(
                _split(arrays["ids"], n_docs),
                _split(arrays["vocab"], n_terms),
                arrays["indptr"].astype(np.int64, copy=False),
                arrays["doc_idx"].astype(np.int32, copy=False),
                arrays["weights"].astype(np.float32, copy=False),
                arrays["created_ts"].astype(np.int64, copy=False),
                arrays["has_ts"].astype(np.bool_, copy=False),
                arrays["flags"].astype(np.uint8, copy=False),
            )
            index._check(n_docs, n_terms)
        except IndexStoreError:
            raise
        except (OSError, ValueError, KeyError, EOFError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            raise IndexStoreError(
                f"lexical index {path} is unreadable ({exc.__class__.__name__}): {_REBUILD}"
            ) from exc
        return index

    def _check(self, n_docs: int, n_terms: int) -> None:
        consistent = (
            len(self._ids) == n_docs
            and len(self._vocab_list) == n_terms == len(self._vocab)
            and len(self._indptr) == n_terms + 1
            and int(self._indptr[-1]) == len(self._doc_idx) == len(self._weights)
            and len(self._created_ts) == len(self._has_ts) == len(self._flags) == n_docs
            and (
                len(self._doc_idx) == 0 or 0 <= int(self._doc_idx.min()) <= int(self._doc_idx.max()) < n_docs
            )
        )
        if not consistent:
            raise ValueError("array sizes do not agree")

    # ---- querying -------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._ids)

    @property
    def ids(self) -> list[str]:
        """The document ids, in index order."""
        return list(self._ids)

    @property
    def vocabulary_size(self) -> int:
        """How many distinct tokens the index holds."""
        return len(self._vocab_list)

    def document_frequency(self, token: str) -> int:
        """How many documents contain the index token `token` (0 when the index has never seen it)."""
        term_id = self._vocab.get(token)
        if term_id is None:
            return 0
        return int(self._indptr[term_id + 1] - self._indptr[term_id])

    @property
    def newest_ts(self) -> int | None:
        """The largest `created_ts` in the index (the archive's newest tweet), None when there is none."""
        if not self._has_ts.any():
            return None
        return int(self._created_ts[self._has_ts].max())

    def _filter_mask(self, docs: npt.NDArray[np.int64], where: Filter) -> npt.NDArray[np.bool_]:
        keep = np.ones(len(docs), dtype=np.bool_)
        if where.has_time_bound:
            keep &= self._has_ts[docs]
            ts = self._created_ts[docs]
            if where.since_ts is not None:
                keep &= ts >= where.since_ts
            if where.until_ts is not None:
                keep &= ts < where.until_ts
            if where.within is not None:
                starts = np.array([lo for lo, _ in where.within] or [0], dtype=np.int64)
                ends = np.array([hi for _, hi in where.within] or [0], dtype=np.int64)
                at = np.searchsorted(starts, ts, side="right") - 1
                keep &= (at >= 0) & (ts < ends[np.maximum(at, 0)])
        flags = self._flags[docs]
        for mode, bit in ((where.retweets, _RETWEET), (where.replies, _REPLY), (where.deleted, _DELETED)):
            if mode == "exclude":
                keep &= (flags & bit) == 0
            elif mode == "only":
                keep &= (flags & bit) != 0
        return keep

    def ids_matching(self, where: Filter) -> list[str]:
        """The ids of every document that passes `where`, in index order (all ids for an empty filter).

        The vector store uses it to turn a metadata filter into an id list or a post-filter (Chroma's own
        `where` scan is slow on large collections).
        """
        if where.is_empty:
            return list(self._ids)
        keep = self._filter_mask(np.arange(len(self._ids), dtype=np.int64), where)
        return [self._ids[int(i)] for i in np.flatnonzero(keep)]

    def rows_matching(self, where: Filter) -> npt.NDArray[np.int64]:
        """The index positions (rows, in index order) of every document that passes `where`."""
        if where.is_empty:
            return np.arange(len(self._ids), dtype=np.int64)
        keep = self._filter_mask(np.arange(len(self._ids), dtype=np.int64), where)
        return np.flatnonzero(keep).astype(np.int64)

    def ids_at(self, rows: Iterable[int]) -> list[str]:
        """The ids of the documents at these index positions."""
        return [self._ids[int(row)] for row in rows]

    def positions(self, ids: Sequence[str]) -> npt.NDArray[np.int64]:
        """The index position of each of `ids` (-1 for an id this index does not hold)."""
        where_is = self._position_map()
        return np.fromiter((where_is.get(doc_id, -1) for doc_id in ids), dtype=np.int64, count=len(ids))

    def count_matching(self, where: Filter) -> int:
        """How many documents pass `where` (cheap: one vectorised mask, no id list)."""
        if where.is_empty:
            return len(self._ids)
        return int(self._filter_mask(np.arange(len(self._ids), dtype=np.int64), where).sum())

    def _position_map(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {doc_id: num for num, doc_id in enumerate(self._ids)}
        return self._positions

    def ids_passing(self, ids: Sequence[str], where: Filter) -> list[str]:
        """Those of `ids` (in their order) that this index holds and that pass `where`."""
        positions = self._position_map()
        known = [doc_id for doc_id in ids if doc_id in positions]
        if where.is_empty or not known:
            return known
        keep = self._filter_mask(np.array([positions[doc_id] for doc_id in known], dtype=np.int64), where)
        return [doc_id for doc_id, passes in zip(known, keep.tolist(), strict=True) if passes]

    def ids_containing(self, tokens: Sequence[str], among: Iterable[str]) -> set[str]:
        """Those of the ids `among` whose document has any of `tokens` (index tokens, e.g. "#rstats")."""
        term_ids = [self._vocab[token] for token in tokens if token in self._vocab]
        if not term_ids:
            return set()
        has = np.zeros(len(self._ids), dtype=np.bool_)
        for term_id in term_ids:
            has[self._doc_idx[self._indptr[term_id] : self._indptr[term_id + 1]]] = True
        positions = self._position_map()
        return {doc_id for doc_id in among if doc_id in positions and has[positions[doc_id]]}

    def search(self, query: str, k: int, where: Filter | None = None) -> list[tuple[str, float]]:
        """The ids and BM25 scores of the `k` best documents for `query` that pass `where`, best first.

        Only documents sharing at least one token with the query are returned. When the query names
        @handles or #hashtags, documents containing more of them rank above those containing fewer; the
        score returned is always the plain BM25 score.
        """
        if k <= 0 or not self._ids:
            return []
        tokens = tokenize(query)
        term_ids = [self._vocab[t] for t in tokens if t in self._vocab]
        if not term_ids:
            return []
        n_docs = len(self._ids)
        scores = np.zeros(n_docs, dtype=np.float32)
        hit = np.zeros(n_docs, dtype=np.bool_)
        for term_id in term_ids:
            start, end = self._indptr[term_id], self._indptr[term_id + 1]
            postings = self._doc_idx[start:end]
            scores[postings] += self._weights[start:end]
            hit[postings] = True
        candidates = np.flatnonzero(hit)
        if where is not None and not where.is_empty:
            candidates = candidates[self._filter_mask(candidates, where)]
        if len(candidates) == 0:
            return []
        cand_scores = scores[candidates].astype(np.float64)
        key = cand_scores
        tags = [self._vocab[t] for t in tagged_tokens(tokens) if t in self._vocab]
        if tags:
            tier = np.zeros(n_docs, dtype=np.int32)
            for term_id in tags:
                tier[self._doc_idx[self._indptr[term_id] : self._indptr[term_id + 1]]] += 1
            span = float(np.abs(cand_scores).max()) * 2 + 1.0
            key = tier[candidates] * span + cand_scores
        top = np.argpartition(-key, k - 1)[:k] if len(candidates) > k else np.arange(len(candidates))
        top = top[np.lexsort((candidates[top], -key[top]))]
        return [(self._ids[int(candidates[i])], float(cand_scores[i])) for i in top]
