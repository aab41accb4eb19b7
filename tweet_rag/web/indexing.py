"""Indexing from the page: one job at a time, in a thread, with progress the page polls.

An upload is written to disk in pieces as it arrives (never held whole in memory) under a private temporary
folder, checked to be a zip, indexed with `rag.build_index` and deleted afterwards; a path on this machine
is indexed where it is. One job runs at a time in this server (a second gets HTTP 409), and `build_index`
takes the index's writer lock, so an indexing started from a terminal meanwhile fails with its one-line
message. Questions keep being answered from the index as it was until the new one is written; the service
then reopens it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.errors import TweetRagError

if TYPE_CHECKING:
    from rag.indexing.operation import IndexProgress

logger = logging.getLogger(__name__)

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
PHASE_LABELS = {
    "upload": "receiving the archive",
    "preflight": "checking Ollama and the embedding model",
    "pulling": "pulling the embedding model",
    "loading": "reading the archive",
    "embedding": "embedding tweets",
    "writing": "writing the index",
    "persisting": "saving the index to disk",
}


class Busy(RuntimeError):
    """Another indexing is running in this server (HTTP 409)."""


class BadUpload(ValueError):
    """The upload is not an archive zip (HTTP 400)."""


class IndexingJob:
    """The one indexing this server may run, and what the page shows of it."""

    def __init__(
        self,
        run: Callable[..., Any],
        on_done: Callable[[], None],
        upload_dir: Path | None = None,
    ) -> None:
        self._run = run
        self._on_done = on_done
        self._upload_dir = upload_dir
        self._slot = threading.Lock()
        self._state_lock = threading.Lock()
        self._state: dict[str, Any] = {"state": "idle"}

    # ---- what the page polls -------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """The job's state: idle, running (phase, done, total, fraction, message), done or failed."""
        with self._state_lock:
            return dict(self._state)

    def _set(self, **changes: Any) -> None:
        with self._state_lock:
            self._state.update(changes)
            done, total = self._state.get("done"), self._state.get("total")
            if isinstance(done, int | float) and isinstance(total, int | float) and total > 0:
                self._state["fraction"] = round(min(float(done) / float(total), 1.0), 4)
            else:
                self._state["fraction"] = None

    # ---- starting ------------------------------------------------------------------------------------
    def reserve(self, source: str) -> None:
        """Take the one job slot (`Busy` when taken) and show the job as running."""
        if not self._slot.acquire(blocking=False):
            raise Busy("an indexing is already running: wait for it to finish (see its progress bar)")
        with self._state_lock:
            self._state = {"state": "running", "source": source, "started": time.time()}
        self._set(phase="upload", message=f"receiving {source}", done=0, total=None)

    def release_failed(self, message: str) -> None:
        """End a reserved job that never started indexing (a bad upload)."""
        self._set(state="failed", message=message, error=message, finished=time.time())
        self._slot.release()

    async def receive_upload(self, chunks: AsyncIterator[bytes], filename: str, size: int | None) -> Path:
        """Write an uploaded zip to a private temporary folder, piece by piece; the file's path."""
        if self._upload_dir is not None:
            self._upload_dir.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="tweet-rag-upload-", dir=self._upload_dir))
        target = folder / "archive.zip"
        received = 0
        try:
            with target.open("wb") as handle:
                head = b""
                async for chunk in chunks:
                    if len(head) < 4:
                        head += chunk[:4]
                        if len(head) >= 4 and head[:4] not in ZIP_MAGIC:
                            raise BadUpload(f"{filename} is not a zip file: upload the archive zip from X")
                    handle.write(chunk)
                    received += len(chunk)
                    self._set(done=received, total=size, message=f"receiving {filename}: {_mb(received)}")
            if received < 4:
                raise BadUpload(f"{filename} is empty or not a zip file: upload the archive zip from X")
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        logger.info("received %s (%d bytes) into %s", filename, received, target)
        return target

    def start(self, archive: Path, *, recreate: bool = False, cleanup: Path | None = None) -> None:
        """Index `archive` in a thread (the slot must be reserved); `cleanup` is deleted afterwards."""
        self._set(phase="preflight", done=0, total=None, message=PHASE_LABELS["preflight"])
        thread = threading.Thread(
            target=self._work, args=(archive, recreate, cleanup), name="tweet-rag-indexing", daemon=True
        )
        thread.start()

    def _work(self, archive: Path, recreate: bool, cleanup: Path | None) -> None:
        try:
            report = self._run(archive, progress=self.progress, recreate=recreate)
            summary = _summary(report)
            self._set(
                state="done", phase="done", done=1, total=1, message=summary, report=_report_dict(report)
            )
        except TweetRagError as error:
            self._set(state="failed", message=str(error), error=str(error))
        except Exception as error:
            logger.exception("indexing %s failed", archive)
            message = f"indexing failed ({error.__class__.__name__}: {error}); see the server's log"
            self._set(state="failed", message=message, error=message)
        finally:
            self._set(finished=time.time())
            if cleanup is not None:
                shutil.rmtree(cleanup, ignore_errors=True)
            try:
                self._on_done()
            finally:
                self._slot.release()

    # ---- progress from build_index -------------------------------------------------------------------
    def progress(self, event: IndexProgress) -> None:
        """`build_index`'s progress callback: the stage, how far it is and how far it goes."""
        stage, done, total = event.stage, event.done, event.total
        text = PHASE_LABELS.get(stage, stage)
        if total:
            text = f"{text}: {done:,} of {total:,}"
        elif done:
            text = f"{text}: {done:,}"
        if event.detail and stage == "pulling":
            text = f"{text} ({event.detail})"
        self._set(phase=stage, done=done, total=total, message=text)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _report_dict(report: Any) -> dict[str, Any]:
    if hasattr(report, "as_dict"):
        return dict(report.as_dict())
    if isinstance(report, dict):
        return dict(report)
    return {}


def _summary(report: Any) -> str:
    if hasattr(report, "summary") and callable(report.summary):
        return f"indexed: {report.summary()}"
    facts = _report_dict(report)
    if facts:
        keys = ("tweets_read", "documents", "embedded", "unchanged", "deleted")
        return "indexed: " + ", ".join(
            f"{key.replace('_', ' ')} {facts[key]}" for key in keys if key in facts
        )
    return "indexed"
