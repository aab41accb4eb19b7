"""`TwitterArchiveLoader`: a LangChain document loader for a Twitter/X archive (zip, folder, legacy, JSON).

It reads the whole archive first (duplicates, edits, long posts and threads need every tweet), then yields
Documents one by one. After loading, `.report` says what was read, skipped and warned about, and
`.account` / `.newest_ts` say whose archive it is and how recent.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from langchain_core.document_loaders import BaseLoader
from langchain_core.documents import Document

from rag.archive.reader import gc_paused, read_archive
from rag.archive.report import LoadReport, SkippedRecord
from rag.archive.tweet import Account
from rag.documents.build import DocumentBuilder, default_chunk_tokens
from rag.documents.threads import group_threads

__all__ = ["LoadReport", "SkippedRecord", "TwitterArchiveLoader"]

logger = logging.getLogger(__name__)

BATCH_GROUPS = 2000


class TwitterArchiveLoader(BaseLoader):
    """Load the owner's tweets from an archive as Documents (one per tweet, thread chunk or long-post chunk).

    `path` is the archive zip, its unpacked folder, its `data/` folder, a legacy `tweets.csv`, or a JSON /
    JSONL file of tweets (`id`, `text`, `created_at`). Deleted tweets are left out unless `include_deleted`.
    `chunk_tokens` defaults to a size that fits `embed_model`'s context (see rag.embedding_models).
    `pause_gc` pauses the process's cyclic garbage collector while reading and building (about 1.4 times as
    fast; see `rag.archive.reader.gc_paused`): for commands that own their process, off by default.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        include_deleted: bool = False,
        embed_model: str = "nomic-embed-text",
        chunk_tokens: int | None = None,
        pause_gc: bool = False,
    ) -> None:
        self.path = Path(path)
        self.pause_gc = pause_gc
        self.include_deleted = include_deleted
        self.embed_model = embed_model
        self.chunk_tokens = chunk_tokens if chunk_tokens is not None else default_chunk_tokens(embed_model)
        DocumentBuilder(Account(), embed_model=embed_model, chunk_tokens=self.chunk_tokens)  # fail early
        self._report: LoadReport | None = None
        self._account: Account | None = None

    @property
    def report(self) -> LoadReport:
        """What the last load read, skipped and warned about (RuntimeError before any load)."""
        if self._report is None:
            raise RuntimeError("nothing loaded yet: call load() or iterate lazy_load() first")
        return self._report

    @property
    def account(self) -> Account:
        """Whose archive it is: account id, screen name, display name (any may be None if unknown)."""
        if self._account is None:
            raise RuntimeError("nothing loaded yet: call load() or iterate lazy_load() first")
        return self._account

    @property
    def newest_ts(self) -> int | None:
        """Epoch seconds of the newest tweet read (None for an archive without tweets)."""
        return self.report.newest_ts

    def lazy_load(self) -> Iterator[Document]:
        """Read the archive, then yield its Documents in tweet-id order; `.report` is complete at the end."""
        with gc_paused(self.pause_gc):
            contents = read_archive(self.path, include_deleted=self.include_deleted)
            groups = group_threads(contents.tweets, contents.account.account_id)
        report = contents.report
        self._report, self._account = report, contents.account
        builder = DocumentBuilder(
            contents.account, embed_model=self.embed_model, chunk_tokens=self.chunk_tokens
        )
        threads = [group for group in groups if group.is_thread]
        report.threads = len(threads)
        report.tweets_in_threads = sum(len(group.tweets) for group in threads)
        kinds: Counter[str] = Counter()
        for start in range(0, len(groups), BATCH_GROUPS):
            # built in batches with the collector paused; the caller's code between documents runs with it on
            with gc_paused(self.pause_gc):
                batch = [
                    doc
                    for group in groups[start : start + BATCH_GROUPS]
                    for doc in builder.group_documents(group)
                ]
            for document in batch:
                kinds[str(document.metadata["kind"])] += 1
                report.documents += 1
                yield document
        report.document_kinds = dict(kinds)
        logger.info("%s: %s", self.path, report.summary())
