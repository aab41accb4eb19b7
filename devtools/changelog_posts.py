"""Turn a Debian changelog into a dated, one-person stream of short posts (the second evaluation corpus).

A long-lived package's `changelog.Debian.gz` is a real, dated, first-person record written by one maintainer
over many years, with recurring topics, names and bug numbers ("Closes: #123456"): close to one person's
tweet history. Each changelog entry (`pkg (version) dist; urgency=...` ... ` -- Name <mail>  date`) is split
into posts: every top-level bullet (`  * ...`) is a post with its wrapped lines joined; a bullet with
sub-bullets (`    - ...`) gives one post per sub-bullet (its own text too, unless it is a bare "New upstream
release" heading). All posts of an entry share the entry's date (UTC).

Post ids are stable and time-ordered like tweet ids: entries after the snowflake epoch (November 2010) get
the snowflake of their timestamp plus the post's index in the entry, earlier ones the sequential form
`epoch_seconds * 100 + index` (below the range `rag.archive.tweet.snowflake_ms` reads as snowflakes), so the
loader dates every post from its `created_at` and a later package version that adds entries never renumbers
the old posts. `write_posts_archive` writes the posts as an archive folder the project's loader reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from devtools.apiv1 import write_archive
from rag.errors import ArchiveError

TWITTER_EPOCH_MS = 1288834974657
_SNOWFLAKE_FROM_S = (TWITTER_EPOCH_MS + 2 * 3_600_000) // 1000
_V1_DATE = "%a %b %d %H:%M:%S %z %Y"

_HEADER = re.compile(r"^(\S+) \(([^)]+)\) [^;]*;")
_TRAILER = re.compile(r"^ -- (.+?) <([^>]*)>\s+(.+?)\s*$")
_SECTION = re.compile(r"^\s+\[ (.+) \]\s*$")
_TOP = re.compile(r"^  (?:\*|\+) ?(.*)$")
_SUB = re.compile(r"^    ?(?:-|\+|\*) (.*)$")
_BARE_HEADING = re.compile(r"^new upstream (release|version)[.:]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One changelog entry: package, version, author, date (UTC) and its bullets (text, sub-bullet texts)."""

    package: str
    version: str
    author: str
    date: datetime
    bullets: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Post:
    """One post: a bullet (or sub-bullet) of an entry, dated at the entry's time."""

    id: str
    text: str
    created: datetime
    version: str
    author: str
    index: int


def _joined(lines: Sequence[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def parse_changelog(text: str) -> list[Entry]:
    """The entries of a Debian changelog, newest first as written; entries without a trailer are dropped."""
    entries: list[Entry] = []
    header: tuple[str, str] | None = None
    bullets: list[tuple[list[str], list[list[str]]]] = []
    for line in text.splitlines():
        found = _HEADER.match(line)
        if found:
            header, bullets = (found.group(1), found.group(2)), []
            continue
        if header is None:
            continue
        found = _TRAILER.match(line)
        if found:
            try:
                date = parsedate_to_datetime(found.group(3)).astimezone(UTC)
            except (TypeError, ValueError):
                header = None
                continue
            entries.append(
                Entry(
                    package=header[0],
                    version=header[1],
                    author=found.group(1),
                    date=date,
                    bullets=tuple((_joined(t), tuple(_joined(s) for s in subs)) for t, subs in bullets),
                )
            )
            header = None
            continue
        if not line.strip() or _SECTION.match(line):
            continue
        top = _TOP.match(line)
        sub = _SUB.match(line)
        if top:
            bullets.append(([top.group(1)], []))
        elif sub and bullets:
            bullets[-1][1].append([sub.group(1)])
        elif not bullets:
            bullets.append(([line.strip()], []))
        elif bullets[-1][1]:
            bullets[-1][1][-1].append(line.strip())
        else:
            bullets[-1][0].append(line.strip())
    return entries


POSTS_PER_SECOND_BEFORE_SNOWFLAKES = 100


def post_id(created: datetime, index: int) -> str:
    """A time-ordered id: the snowflake of `created` (+ index) after November 2010, else seconds * 100.

    ArchiveError when a second before snowflakes would hold more posts than its hundred ids.
    """
    seconds = int(created.timestamp())
    if seconds < _SNOWFLAKE_FROM_S:
        if index >= POSTS_PER_SECOND_BEFORE_SNOWFLAKES:
            raise ArchiveError(
                f"more than 100 changelog posts dated {created.isoformat()}: their ids overlap"
            )
        return str(seconds * 100 + index)
    return str(((seconds * 1000 - TWITTER_EPOCH_MS) << 22) + index)


def entry_posts(entry: Entry, first_index: int = 0) -> list[Post]:
    """The posts of one entry, in the order written; their ids count on from `first_index`."""
    texts: list[str] = []
    for head, subs in entry.bullets:
        if head and not (subs and _BARE_HEADING.match(head)):
            texts.append(head)
        texts.extend(sub for sub in subs if sub)
    return [
        Post(post_id(entry.date, first_index + index), text, entry.date, entry.version, entry.author, index)
        for index, text in enumerate(texts)
    ]


def changelog_posts(text: str) -> list[Post]:
    """Every post of a changelog, newest entry first; ids are unique.

    Two entries dated the same second (alien's 0.1 and 0.2) number their posts on: the older entry's
    from 0, the newer one's after them, so an entry added on top later never renumbers an older one. A
    version written twice fails, and so does a second before snowflakes with more than 100 posts (`post_id`).
    """
    entries = parse_changelog(text)
    versions = [(entry.package, entry.version) for entry in entries]
    twice = next((version for version in versions if versions.count(version) > 1), None)
    if twice is not None:
        raise ArchiveError(f"the changelog has {twice[0]} {twice[1]} twice")
    used_in_second: dict[datetime, int] = {}
    by_entry: list[list[Post]] = []
    for entry in reversed(entries):
        posts = entry_posts(entry, used_in_second.get(entry.date, 0))
        used_in_second[entry.date] = used_in_second.get(entry.date, 0) + len(posts)
        by_entry.append(posts)
    return [post for posts in reversed(by_entry) for post in posts]


def archive_record(post: Post) -> dict[str, Any]:
    """The archive tweet record of a post (no entities: bug numbers like #123456 are not real hashtags)."""
    return {
        "id_str": post.id,
        "id": post.id,
        "full_text": post.text,
        "created_at": post.created.strftime(_V1_DATE),
        "display_text_range": ["0", str(len(post.text))],
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
        "favorite_count": "0",
        "retweet_count": "0",
        "favorited": False,
        "retweeted": False,
        "truncated": False,
        "lang": "en",
        "source": "Debian changelog",
    }


def write_posts_archive(directory: Path, posts: Iterable[Post], *, account_id: str, user_name: str) -> int:
    """Write the posts as an archive folder (`data/tweets.js`, `data/manifest.js`); returns the count."""
    return write_archive(
        directory, (archive_record(post) for post in posts), account_id=account_id, user_name=user_name
    )
