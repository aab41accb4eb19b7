"""Incremental indexing: diff documents against the collection by content hash, embed what changed, write.

Each stored record carries `content_hash` (of its id and the text that is embedded) and `record_hash` (of id,
text and metadata). A run reads the ids the collection holds (in pages, nothing else), then asks Chroma which
of the archive's hashes it already has (`$in` queries on the hashes, no metadata fetched): unchanged documents
are skipped, documents whose text is unchanged get their metadata updated, new and changed ones are embedded,
and records no longer in the archive are reported (removed only with `prune`, and never when the loader
skipped unreadable records or the archive has none: their tweets would look gone). Embedding runs on the
pooled embeddings' threads while one writer thread upserts finished batches from a bounded queue, so embedding
never waits for Chroma. What was written stays written: an interrupted or failing run is resumed by the next
one, embedding only what is missing. Afterwards the BM25 index is rebuilt from the collection when anything
changed, or when it is missing, unreadable or holds other ids than the collection (a run interrupted between
the Chroma writes and the rebuild). Last, the collection records that the run got to its end (`complete`,
unless some documents could not be embedded) and, when anything changed, a new `generation`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from chromadb.api.models.Collection import Collection
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from rag.errors import EmbeddingError, IndexStoreError
from rag.indexing.embeddings import PooledEmbeddings, describe_ids
from rag.indexing.lexical import LexicalIndex
from rag.indexing.store import mark_indexed

logger = logging.getLogger(__name__)

HASH_KEY = "content_hash"
META_HASH_KEY = "record_hash"
QUERY_CHUNK = 2000
LEXICAL_KEYS = (
    "created_ts",
    "kind",
    "is_retweet",
    "is_reply",
    "is_deleted",
)  # what the BM25 index filters on
PAGE_SIZE = 5000
WRITE_QUEUE_BATCHES = 64
ABORT_AFTER_FAILED_BATCHES = 3


class Progress(Protocol):
    """What the pipeline reports progress to (a tqdm bar fits)."""

    def reset(self, total: int | None = None) -> None:
        """Start counting towards `total` documents to embed."""

    def update(self, n: float | None = 1) -> bool | None:
        """`n` more documents embedded and queued for writing."""


FAILED_IDS_SHOWN = 1000
STALE_IDS_SHOWN = 100


@dataclass
class IndexReport:
    """What one indexing run did; `as_dict` is the `--json` output of build_index.

    The counts come from the pipeline; `rag.indexing.operation.build_index` adds what was read
    (`tweets_read`, `unreadable` records skipped) and where it was indexed (`collection` ... `store`).
    """

    tweets_read: int = 0
    documents: int = 0
    embedded: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    stale: int = 0
    failed: int = 0
    seconds: float = 0.0
    failed_ids: list[str] = field(default_factory=list)
    stale_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lexical_rebuilt: bool = False
    prune_refused: bool = False
    unreadable: int = 0
    collection: str = ""
    embed_model: str = ""
    embed_dimension: int = 0
    embed_hosts: list[str] = field(default_factory=list)
    store: str = ""

    @property
    def tweets_per_second(self) -> float:
        """Tweets read per second of the whole run."""
        return self.tweets_read / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready values (failed ids cut to the first 1,000, stale ids to 100)."""
        data = asdict(self)
        data["failed_ids"] = self.failed_ids[:FAILED_IDS_SHOWN]
        data["stale_ids"] = self.stale_ids[:STALE_IDS_SHOWN]
        data["seconds"] = round(self.seconds, 3)
        data["tweets_per_second"] = round(self.tweets_per_second, 1)
        return data

    def summary(self) -> str:
        """The one-line summary build_index prints."""
        line = (
            f"read {self.tweets_read} tweets, {self.documents} documents: {self.embedded} embedded, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.deleted} deleted"
        )
        if self.prune_refused:
            why = "some records could not be read" if self.documents else "the archive has no tweets"
            line += f", {self.stale} stale kept (--prune refused: {why})"
        elif self.stale > self.deleted:
            line += f", {self.stale - self.deleted} stale kept (--prune removes them)"
        if self.failed:
            line += f", {self.failed} FAILED"
        return line + f" in {self.seconds:.1f}s ({self.tweets_per_second:.0f} tweets/s)"


def content_hash(doc_id: str, text: str) -> str:
    """The hash of what gets embedded (with the id, so that two records never share a hash)."""
    return hashlib.blake2b(f"{doc_id}\x00{text}".encode(), digest_size=16).hexdigest()


def record_hash(doc_id: str, text: str, metadata: Mapping[str, Any]) -> str:
    """The hash of the whole record: id, text and metadata (the hash keys themselves left out)."""
    payload = {key: value for key, value in metadata.items() if key not in (HASH_KEY, META_HASH_KEY)}
    encoded = json.dumps([doc_id, text, payload], sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.blake2b(encoded, digest_size=16).hexdigest()


def stored_ids(collection: Collection, page_size: int = PAGE_SIZE) -> set[str]:
    """Every id the collection holds, read page by page (ids only)."""
    ids: set[str] = set()
    offset = 0
    while True:
        page = collection.get(include=[], limit=page_size, offset=offset)
        ids.update(page["ids"])
        if len(page["ids"]) < page_size:
            return ids
        offset += page_size


def ids_with_hashes(collection: Collection, key: str, hashes: Sequence[str]) -> set[str]:
    """The ids of the records whose metadata `key` is one of `hashes`."""
    found: set[str] = set()
    for start in range(0, len(hashes), QUERY_CHUNK):
        chunk = list(hashes[start : start + QUERY_CHUNK])
        found.update(collection.get(where={key: {"$in": chunk}}, include=[])["ids"])  # type: ignore[dict-item]
    return found


def iter_records(
    collection: Collection, page_size: int = PAGE_SIZE
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every record's id, text and metadata (hash keys removed), page by page."""
    offset = 0
    while True:
        page = collection.get(include=["documents", "metadatas"], limit=page_size, offset=offset)
        ids = page["ids"]
        texts = page["documents"] or []
        metadatas = page["metadatas"] or []
        for record_id, text, metadata in zip(ids, texts, metadatas, strict=False):
            meta = {k: v for k, v in (metadata or {}).items() if k not in (HASH_KEY, META_HASH_KEY)}
            yield record_id, text or "", meta
        if len(ids) < page_size:
            return
        offset += page_size


@dataclass
class _Plan:
    """What the diff decided: texts to embed, metadata to update, ids no longer in the archive."""

    embed: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    update: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    stored: set[str] = field(default_factory=set)  # the ids the collection held before this run


def plan(documents: Iterable[Document], collection: Collection, report: IndexReport) -> _Plan:
    """Diff the documents against the collection, counting documents and unchanged ones in `report`."""
    result = _Plan()
    existing = stored_ids(collection)
    seen: set[str] = set()
    pending: list[tuple[str, str, dict[str, Any]]] = []  # already stored under this id: maybe unchanged

    def settle() -> None:
        same = ids_with_hashes(collection, META_HASH_KEY, [m[META_HASH_KEY] for _, _, m in pending])
        rest = [item for item in pending if item[0] not in same]
        report.unchanged += len(pending) - len(rest)
        same_text = (
            ids_with_hashes(collection, HASH_KEY, [m[HASH_KEY] for _, _, m in rest]) if rest else set()
        )
        for doc_id, text, metadata in rest:
            if doc_id in same_text:
                result.update.append((doc_id, metadata))
            else:
                result.embed.append((doc_id, text, metadata))
        pending.clear()

    for document in documents:
        doc_id = document.id
        if not doc_id:
            raise IndexStoreError(
                f"a document has no id (metadata {document.metadata}): the loader must set ids"
            )
        if doc_id in seen:
            report.warnings.append(f"duplicate document id {doc_id} skipped")
            continue
        seen.add(doc_id)
        report.documents += 1
        metadata = dict(document.metadata)
        metadata[HASH_KEY] = content_hash(doc_id, document.page_content)
        metadata[META_HASH_KEY] = record_hash(doc_id, document.page_content, metadata)
        if doc_id in existing:
            pending.append((doc_id, document.page_content, metadata))
            if len(pending) >= PAGE_SIZE:
                settle()
        else:
            result.embed.append((doc_id, document.page_content, metadata))
    if pending:
        settle()
    result.stale = sorted(existing - seen)
    result.stored = existing
    return result


@dataclass
class _Batch:
    """Embedded records waiting to be written (vectors as one float32 array: 8x smaller than lists)."""

    ids: list[str]
    vectors: npt.NDArray[np.float32]
    texts: list[str]
    metadatas: list[dict[str, Any]]

    @staticmethod
    def merge(batches: Sequence[_Batch]) -> _Batch:
        """One batch holding the records of `batches`, in order."""
        if len(batches) == 1:
            return batches[0]
        return _Batch(
            [i for b in batches for i in b.ids],
            np.concatenate([b.vectors for b in batches]),
            [t for b in batches for t in b.texts],
            [m for b in batches for m in b.metadatas],
        )


class _Writer(threading.Thread):
    """Upserts embedded batches from a bounded queue, merging what is waiting into writes of `max_batch`."""

    def __init__(self, collection: Collection, max_batch: int) -> None:
        super().__init__(name="chroma-writer", daemon=True)
        self.collection = collection
        self.max_batch = max_batch
        self.queue: queue.Queue[_Batch | None] = queue.Queue(maxsize=WRITE_QUEUE_BATCHES)
        self.written = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        closed = False
        while not closed:
            first = self.queue.get()
            if first is None:
                return
            pending, count = [first], len(first.ids)
            while True:  # merge what is already waiting into one write
                try:
                    item = self.queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    closed = True
                    break
                if count + len(item.ids) > self.max_batch:  # never exceed Chroma's max batch
                    self._write(_Batch.merge(pending))
                    pending, count = [], 0
                pending.append(item)
                count += len(item.ids)
            if pending:
                self._write(_Batch.merge(pending))

    def _write(self, batch: _Batch) -> None:
        if self.error is not None or not batch.ids:
            return
        try:
            self.collection.upsert(
                ids=batch.ids,
                embeddings=batch.vectors,
                documents=batch.texts,
                metadatas=batch.metadatas,  # type: ignore[arg-type]
            )
        except Exception as error:
            logger.error("writing %d records to Chroma failed: %s", len(batch.ids), error)
            self.error = error
            return
        self.written += len(batch.ids)

    def put(self, batch: _Batch) -> None:
        """Queue a batch (blocks only when the queue of finished batches is full)."""
        if self.error is not None:
            raise IndexStoreError(f"writing to Chroma failed: {self.error}; what was written is kept")
        self.queue.put(batch)

    def finish(self) -> None:
        """Write what is queued and stop."""
        self.queue.put(None)
        self.join()


def _embed_and_write(
    items: Sequence[tuple[str, str, dict[str, Any]]],
    pool: PooledEmbeddings,
    writer: _Writer,
    report: IndexReport,
    progress: Progress | None,
) -> None:
    stop = threading.Event()
    batch = pool.batch_size

    def batches() -> Iterator[tuple[int, list[str]]]:
        for start in range(0, len(items), batch):
            if stop.is_set():
                return
            yield start, [text for _, text, _ in items[start : start + batch]]

    submitted_upto = 0
    failed_in_a_row = 0
    last_error: BaseException | None = None
    for result in pool.embed_batches(batches()):
        start = int(result.key)
        chunk = items[start : start + len(result.texts)]
        submitted_upto = max(submitted_upto, start + len(chunk))
        if result.vectors is None:
            report.failed_ids.extend(doc_id for doc_id, _, _ in chunk)
            last_error = result.error
            failed_in_a_row += 1
            if failed_in_a_row >= ABORT_AFTER_FAILED_BATCHES and not stop.is_set():
                logger.error("%d batches in a row failed after retries; stopping", failed_in_a_row)
                stop.set()
            continue
        failed_in_a_row = 0
        ids = [doc_id for doc_id, _, _ in chunk]
        vectors = np.asarray(result.vectors, dtype=np.float32)
        writer.put(_Batch(ids, vectors, [t for _, t, _ in chunk], [m for _, _, m in chunk]))
        report.embedded += len(chunk)
        if progress is not None:
            progress.update(len(chunk))
    if stop.is_set():
        never_tried = [doc_id for doc_id, _, _ in items[submitted_upto:]]
        report.failed_ids.extend(never_tried)
    report.failed = len(report.failed_ids)
    if report.failed:
        report.warnings.append(
            f"could not embed {report.failed} documents after {pool.max_retries} retries ({last_error}): "
            f"{describe_ids(report.failed_ids)}"
        )


def index_documents(
    documents: Iterable[Document],
    collection: Collection,
    embeddings: Embeddings,
    *,
    model: str,
    prune: bool = False,
    batch_size: int = 64,
    max_batch: int = 5461,
    progress: Progress | None = None,
    lexical_dir: Path | None = None,
    lexical_force: bool = False,
    unreadable: Callable[[], int] | None = None,
) -> IndexReport:
    """Bring `collection` up to date with `documents` and return what was done.

    `embeddings` is used as is when it is a `PooledEmbeddings` (its hosts, batches and retries), otherwise
    wrapped in one (a fake in tests). `lexical_dir`, when given, receives the BM25 index, rebuilt when
    anything changed, when `lexical_force`, or when the saved one is missing, unreadable or holds other ids
    than the collection. `unreadable`, called once `documents` is exhausted, says how many records the loader
    skipped; when it is not 0, `prune` deletes nothing (their tweets would look gone) and warns.
    """
    started = time.perf_counter()
    report = IndexReport()
    pool = embeddings if isinstance(embeddings, PooledEmbeddings) else PooledEmbeddings([embeddings], model)
    if not isinstance(embeddings, PooledEmbeddings):
        pool.batch_size = batch_size
    todo = plan(documents, collection, report)
    report.stale = len(todo.stale)
    report.stale_ids = todo.stale
    logger.info(
        "%d documents: %d to embed, %d metadata updates, %d unchanged, %d stale",
        report.documents,
        len(todo.embed),
        len(todo.update),
        report.unchanged,
        report.stale,
    )
    for start in range(0, len(todo.update), max_batch):
        chunk = todo.update[start : start + max_batch]
        collection.update(ids=[i for i, _ in chunk], metadatas=[m for _, m in chunk])
    report.updated = len(todo.update)
    skipped = unreadable() if unreadable is not None else 0
    if prune and todo.stale and skipped:
        report.prune_refused = True
        report.warnings.append(
            f"{skipped} records could not be read, so --prune removed nothing ({len(todo.stale)} stale "
            "documents kept; everything else is indexed as usual): fix the archive and run again"
        )
    elif prune and todo.stale and not report.documents:
        report.prune_refused = True
        report.warnings.append(
            f"the archive has no tweets, so --prune removed nothing (all {len(todo.stale)} indexed documents "
            "kept): check that you passed the right archive"
        )
    elif prune and todo.stale:
        for start in range(0, len(todo.stale), max_batch):
            collection.delete(ids=todo.stale[start : start + max_batch])
        report.deleted = len(todo.stale)
    # Similar lengths in a batch: a server that pads a batch to its longest text (as sentence-transformers
    # and most batched encoders do) wastes no work on padding. Which order records are written in is moot.
    todo.embed.sort(key=lambda item: len(item[1]))
    if progress is not None:
        progress.reset(total=len(todo.embed))
    writer = _Writer(collection, max_batch)
    writer.start()
    try:
        _embed_and_write(todo.embed, pool, writer, report, progress)
    finally:
        writer.finish()  # on Ctrl-C too: what was embedded is written, the next run resumes from there
    if writer.error is not None:
        raise IndexStoreError(
            f"writing to Chroma failed: {writer.error}; {writer.written} records were written, "
            "run again to resume"
        )
    changed = bool(report.embedded or report.updated or report.deleted)
    if lexical_dir is not None and (
        changed or lexical_force or not lexical_matches(lexical_dir, collection.name, todo.stored)
    ):
        rebuild_lexical(collection, lexical_dir, report)
    mark_indexed(collection, complete=not report.failed, changed=changed or report.lexical_rebuilt)
    report.seconds = time.perf_counter() - started
    if report.failed and not report.embedded and not report.unchanged and not report.updated:
        logger.error("nothing could be embedded")
    return report


def lexical_matches(lexical_dir: Path, name: str, ids: set[str]) -> bool:
    """Whether the BM25 index saved for collection `name` loads and holds exactly `ids` (the collection's)."""
    try:
        index = LexicalIndex.load(lexical_dir, name)
    except FileNotFoundError:
        logger.info("no BM25 index in %s: building it", lexical_dir)
        return False
    except IndexStoreError as error:
        logger.warning("the BM25 index in %s could not be loaded: rebuilding it", lexical_dir)
        logger.debug("%s", error)
        return False
    if len(index) != len(ids) or set(index.ids) != ids:
        logger.warning(
            "the BM25 index holds %d documents, the collection %d (an interrupted run?): rebuilding it",
            len(index),
            len(ids),
        )
        return False
    return True


def rebuild_lexical(collection: Collection, lexical_dir: Path, report: IndexReport) -> None:
    """Rebuild the BM25 index from the collection's documents, where the query side looks for it."""
    ids: list[str] = []
    texts: list[str] = []
    metadatas: list[dict[str, Any]] = []
    for record_id, text, metadata in iter_records(collection):
        ids.append(record_id)
        texts.append(text)
        metadatas.append({key: metadata[key] for key in LEXICAL_KEYS if key in metadata})
    index = LexicalIndex.build(ids, texts, metadatas)
    lexical_dir.mkdir(parents=True, exist_ok=True)
    index.save(lexical_dir, collection.name)
    report.lexical_rebuilt = True


def fail_message(report: IndexReport) -> str:
    """The one-line error for a run that could not embed some documents."""
    return (
        f"could not embed {report.failed} documents after retries: {describe_ids(report.failed_ids)}; "
        f"{report.embedded} others were written; check the Ollama server and run again to retry them"
    )


__all__ = ["EmbeddingError", "IndexReport", "content_hash", "index_documents", "plan", "record_hash"]
