"""What a load read, skipped and warned about: the `LoadReport` a `TwitterArchiveLoader` fills in.

Scripts print it, tests assert on it; library code only appends to it and logs. Skipped records carry the
file and position so a user can find and fix them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.archive.text import iso_utc


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record that could not be read: where it is and why."""

    file: str
    position: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file} record {self.position}: {self.reason}"


@dataclass
class LoadReport:
    """Counts and messages from reading one archive.

    `tweets_read` counts the tweets kept (after duplicates and older edit versions are dropped),
    `records_read` every record seen in the tweet files. `tweet_kinds` counts tweets by kind (tweet, reply,
    retweet, quote), `document_kinds` counts documents by kind (threads included).
    """

    source: str = ""
    archive_format: str = ""
    account_id: str | None = None
    screen_name: str | None = None
    display_name: str | None = None
    files_read: list[str] = field(default_factory=list)
    records_read: int = 0
    tweets_read: int = 0
    tweet_kinds: dict[str, int] = field(default_factory=dict)
    long_posts: int = 0
    notes_unmatched: int = 0
    duplicates: int = 0
    edits_superseded: int = 0
    deleted_included: int = 0
    deleted_left_out: int = 0
    threads: int = 0
    tweets_in_threads: int = 0
    documents: int = 0
    document_kinds: dict[str, int] = field(default_factory=dict)
    newest_ts: int | None = None
    oldest_ts: int | None = None
    skipped: list[SkippedRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def skipped_count(self) -> int:
        """How many records were skipped as unreadable."""
        return len(self.skipped)

    @property
    def newest_created_at(self) -> str | None:
        """ISO 8601 UTC time of the newest tweet read, or None for an archive without tweets."""
        return None if self.newest_ts is None else iso_utc(self.newest_ts)

    def summary(self) -> str:
        """One line for logs and scripts."""
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.tweet_kinds.items()))
        return (
            f"{self.tweets_read} tweets ({kinds}) -> {self.documents} documents, "
            f"{self.threads} threads, {self.long_posts} long posts, {self.skipped_count} skipped, "
            f"{len(self.warnings)} warnings"
        )
