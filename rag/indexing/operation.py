"""Index an archive in one call: `build_index(archive, settings)` does what `tweet-rag index` does.

In order: check every embedding host (pulling the model when asked) and probe its dimension, take the
index's writer lock, open (or recreate) the collection, read the archive lazily, bring the collection up to
date incrementally (`rag.indexing.pipeline`), and have the embedded Chroma persist its vector index. Progress
goes to an optional callback as `IndexProgress` events (stage, done, total); nothing is printed. The result is
an `IndexReport` whose `as_dict()` is the command's `--json` output. A run that did some work and then
failed (documents that could not be embedded, an archive none of whose records could be read) raises an
error that carries the report as `.report`; every other failure raises before anything is written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from langchain_core.documents import Document

from rag.documents.loader import TwitterArchiveLoader
from rag.errors import ArchiveError, EmbeddingError
from rag.indexing.embeddings import build_embeddings
from rag.indexing.pipeline import IndexReport, fail_message, index_documents
from rag.indexing.store import (
    make_client,
    max_batch_size,
    open_collection,
    persist_vector_index,
    where,
    writer_lock,
)
from rag.ollama import PullProgress, embed_setting, preflight
from rag.settings import Settings

logger = logging.getLogger(__name__)

IndexStage = Literal["preflight", "pulling", "loading", "embedding", "writing", "persisting"]
STAGES: tuple[IndexStage, ...] = ("preflight", "pulling", "loading", "embedding", "writing", "persisting")
LOADING_EVERY = 500  # documents between two "loading" events
PREFLIGHT_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class IndexProgress:
    """One progress event of `build_index`.

    `stage` is where the run is: `preflight` (checking the Ollama hosts), `pulling` (a model download:
    `done`/`total` bytes), `loading` (`done` documents read and compared with the index), `embedding`
    (`done` of `total` documents embedded and queued for writing), `writing` (the last writes and the BM25
    index), `persisting` (Chroma writes its vector index to disk). `total` is None where it is not known;
    `detail` says more in words (a host, a model, a pull status).
    """

    stage: IndexStage
    done: int = 0
    total: int | None = None
    detail: str = ""


ProgressCallback = Callable[[IndexProgress], None]


class IndexingFailedError(EmbeddingError):
    """Some documents could not be embedded after their retries; the others were written (see `.report`)."""

    def __init__(self, message: str, report: IndexReport) -> None:
        super().__init__(message)
        self.report = report


class NothingReadError(ArchiveError):
    """No record of the archive could be read, so nothing was indexed (see `.report`)."""

    def __init__(self, message: str, report: IndexReport) -> None:
        super().__init__(message)
        self.report = report


class _EmbeddingProgress:
    """The pipeline's progress sink (`reset`/`update`, as a tqdm bar) turned into `IndexProgress` events."""

    def __init__(self, emit: ProgressCallback) -> None:
        self.emit = emit
        self.done = 0
        self.total = 0

    def reset(self, total: int | None = None) -> None:
        self.done, self.total = 0, int(total or 0)
        self.emit(IndexProgress("embedding", 0, self.total))
        if self.total == 0:
            self.emit(IndexProgress("writing"))

    def update(self, n: float | None = 1) -> bool | None:
        self.done += int(n or 0)
        self.emit(IndexProgress("embedding", self.done, self.total))
        if self.done >= self.total:
            self.emit(IndexProgress("writing", self.done, self.total))
        return None


def _counted(documents: Iterable[Document], emit: ProgressCallback) -> Iterator[Document]:
    """`documents`, emitting a `loading` event every `LOADING_EVERY` documents and at the end."""
    count = 0
    for count, document in enumerate(documents, start=1):
        if count % LOADING_EVERY == 0:
            emit(IndexProgress("loading", count))
        yield document
    emit(IndexProgress("loading", count, count))


def _ignore(_: IndexProgress) -> None:
    return None


def build_index(
    archive: str | Path,
    settings: Settings | None = None,
    *,
    progress: ProgressCallback | None = None,
    recreate: bool = False,
    prune: bool = False,
    include_deleted: bool | None = None,
    pull: bool = False,
    pause_gc: bool = False,
) -> IndexReport:
    """Index the archive at `archive` (zip, folder, or `.json`/`.jsonl` of tweets) into the settings' index.

    `settings` default to the environment (`Settings.from_env()`; load `.env` first if you use one).
    `recreate` deletes the collection first; `prune` removes indexed tweets no longer in the archive (refused,
    with a warning in the report, when some records could not be read); `include_deleted` overrides
    `INCLUDE_DELETED`; `pull` pulls a missing embedding model; `pause_gc` pauses the garbage collector
    while the archive is read (about 1.4 times as fast; only for a caller that owns its process, as the
    command does: see `rag.archive.reader.gc_paused`). Raises a `TweetRagError` with a one-line message on
    failure; what was written stays written, and the next run resumes.
    """
    settings = settings or Settings.from_env()
    if include_deleted is not None:
        settings = settings.with_overrides(include_deleted=include_deleted)
    emit = progress or _ignore
    path = Path(archive).expanduser()
    if not path.exists():
        raise ArchiveError(f"no archive at {path}: pass the zip or the unpacked folder")
    started = time.perf_counter()
    setting = embed_setting(settings)

    def pulled(update: PullProgress) -> None:
        detail = f"{update.model} on {update.host}: {update.status}" if update.status else update.model
        emit(IndexProgress("pulling", update.completed, update.total, detail))

    with writer_lock(settings):
        emit(IndexProgress("preflight", detail=", ".join(settings.embed_urls)))
        dimension = preflight(
            settings.embed_urls,
            settings.embed_model,
            setting=setting,
            timeout=min(settings.request_timeout, PREFLIGHT_TIMEOUT),
            pull=pull,
            on_progress=pulled,
        )
        client = make_client(settings)
        collection = open_collection(client, settings, settings.embed_model, dimension, recreate=recreate)
        loader = TwitterArchiveLoader(
            path,
            include_deleted=settings.include_deleted,
            embed_model=settings.embed_model,
            pause_gc=pause_gc,
        )
        emit(IndexProgress("loading", 0, detail=str(path)))
        report = index_documents(
            _counted(loader.lazy_load(), emit),
            collection,
            build_embeddings(settings),
            model=settings.embed_model,
            prune=prune,
            max_batch=max_batch_size(client),
            progress=_EmbeddingProgress(emit),
            lexical_dir=settings.lexical_dir,
            lexical_force=recreate,
            unreadable=lambda: loader.report.skipped_count,
        )
        if report.embedded or report.updated or report.deleted:
            emit(IndexProgress("persisting", detail=where(settings)))
            persist_vector_index(settings)
    loaded = loader.report
    report.tweets_read = loaded.tweets_read
    report.unreadable = loaded.skipped_count
    report.seconds = time.perf_counter() - started
    report.collection = settings.collection
    report.embed_model = settings.embed_model
    report.embed_dimension = dimension
    report.embed_hosts = list(settings.embed_urls)
    report.store = where(settings)
    if loaded.skipped:
        report.warnings.append(f"{len(loaded.skipped)} unreadable records skipped")
    report.warnings.extend(loaded.warnings[:20])
    if loaded.skipped and not loaded.tweets_read:
        raise NothingReadError(
            f"nothing indexed: none of the {loaded.skipped_count} records in {path} could be read "
            f"(first: {loaded.skipped[0]}): fix the archive and run again",
            report,
        )
    if report.failed:
        raise IndexingFailedError(fail_message(report), report)
    logger.info("%s", report.summary())
    return report
