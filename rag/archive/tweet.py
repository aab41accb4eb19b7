"""The Tweet record: one of the owner's tweets as read from an archive, text already cleaned.

Every archive generation (tweets.js, tweet.js, Grailbird, tweets.csv, plain JSON) is read into this one
shape; threads and documents are built from it and never look at raw archive records. Also here: whose
archive it is (`Account`) and what a tweet id says (its public URL; for snowflake ids, when it was made).
"""

from __future__ import annotations

from dataclasses import dataclass, field

TWEET_KINDS = ("tweet", "reply", "retweet", "quote")

TWITTER_EPOCH_MS = 1288834974657
"""Snowflake epoch (2010-11-04T01:42:54.657Z): a snowflake id's `id >> 22` is milliseconds since then."""
_SNOWFLAKE_MIN_MS = 3_600_000
"""Below this `id >> 22` (one hour) an id is a sequential pre-snowflake id (those stay under ~3e10)."""


def tweet_url(tweet_id: str, screen_name: str | None = None) -> str:
    """The public x.com link of a tweet; `i/status` when the screen name is unknown."""
    if screen_name:
        return f"https://x.com/{screen_name}/status/{tweet_id}"
    return f"https://x.com/i/status/{tweet_id}"


def snowflake_id(epoch_ms: int, sequence: int = 0) -> str:
    """The snowflake id of a tweet created at `epoch_ms` (ms UTC); `sequence` fills the low 22 bits."""
    return str(((epoch_ms - TWITTER_EPOCH_MS) << 22) | (sequence & 0x3FFFFF))


def snowflake_ms(tweet_id: str | int) -> int | None:
    """When a tweet was created (epoch milliseconds UTC), from its snowflake id.

    None for ids that are not snowflakes (the sequential ids of tweets before November 2010) or not numbers.
    """
    try:
        value = int(tweet_id)
    except (TypeError, ValueError):
        return None
    offset = value >> 22 if value > 0 else 0
    if offset < _SNOWFLAKE_MIN_MS:
        return None
    return offset + TWITTER_EPOCH_MS


@dataclass(slots=True)
class Tweet:
    """One tweet of the archive's owner.

    `id` is the decimal `id_str` (never a float). `text` is clean: t.co links expanded, media as a marker,
    HTML unescaped, and for long posts the whole note text. `kind` is one of TWEET_KINDS; it is `reply`
    only for replies to another account (self-replies continue threads).
    """

    id: str
    text: str
    created_ts: int
    kind: str = "tweet"
    lang: str = ""
    like_count: int = 0
    retweet_count: int = 0
    in_reply_to_status_id: str | None = None
    in_reply_to_user_id: str | None = None
    hashtags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    is_long: bool = False
    is_deleted: bool = False
    source_file: str = ""
    edit_ids: tuple[str, ...] = field(default=())
    raw_text: str = ""
    """The archive's `full_text` as it was (escaped, cut for long posts): for matching notes."""
    link_urls: tuple[str, ...] = ()
    """Expanded URLs of the tweet's links (a quote tweet's only trace)."""
    media: str = ""
    """The media marker (`[photo]`), "" without media."""

    @property
    def is_retweet(self) -> bool:
        """Someone else's words, shared by the owner (`RT @user: ...`)."""
        return self.kind == "retweet"


@dataclass(frozen=True, slots=True)
class Account:
    """Whose archive it is: from `manifest.js` (`userInfo`), or inferred when the manifest is missing."""

    account_id: str | None = None
    screen_name: str | None = None
    display_name: str | None = None

    def tweet_url(self, tweet_id: str) -> str:
        """The public URL of one of the owner's tweets."""
        return tweet_url(tweet_id, self.screen_name)
