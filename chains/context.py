"""Turn retrieved Documents into numbered, dated, linked tweets and format them as quoted context.

A thread document covers several tweets: its metadata `tweet_ids` and `tweet_offsets` say where each tweet
starts in `page_content`, so every tweet gets its own number, its own URL and its own date (the document's
`created_at` is its first tweet's and a thread can run for weeks, so a later tweet's time is read from its
snowflake id). Each tweet's text is quoted line by line (`> `) under a header line, so nothing written
inside a tweet can pose as an instruction or close the block it sits in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from langchain_core.documents import Document

from chains.injection import without_injections
from rag.archive.text import iso_utc
from rag.archive.tweet import snowflake_ms, tweet_url

CONTEXT_OPEN = "<<<TWEETS"
CONTEXT_CLOSE = "TWEETS>>>"
NO_CONTEXT = "(no tweets)"


@dataclass(frozen=True)
class ContextTweet:
    """One tweet given to the model: its citation number, where it links and what it says."""

    number: int
    tweet_id: str
    url: str
    created_at: str
    kind: str
    text: str
    metadata: dict[str, object] = field(default_factory=dict)

    @property
    def date(self) -> str:
        """The day of the tweet (YYYY-MM-DD), or "unknown date"."""
        return self.created_at[:10] if self.created_at else "unknown date"

    @property
    def thread_ids(self) -> str:
        """The tweet ids of the document it came from (its thread), comma-separated.

        `thread_ids` of a tweet already given back as a Document of its own (`to_document`), else the
        document's `tweet_ids`; the tweet's own id when neither is known.
        """
        return str(self.metadata.get("thread_ids") or self.metadata.get("tweet_ids") or self.tweet_id)

    def to_document(self) -> Document:
        """The tweet as a Document of its own (metadata of its document, with this tweet's id and URL).

        `thread_ids` keeps the tweet ids of the document it came from (its thread), since `tweet_ids` is now
        this tweet's alone.
        """
        metadata = dict(self.metadata)
        metadata.update(
            thread_ids=self.thread_ids,
            tweet_id=self.tweet_id,
            tweet_ids=self.tweet_id,
            tweet_offsets="0",
            url=self.url,
            citation=self.number,
        )
        if self.created_at:
            metadata["created_at"] = self.created_at
        return Document(page_content=self.text, metadata=metadata, id=self.tweet_id)


def _split_document(document: Document) -> list[tuple[str, str]]:
    """(tweet id, text) of each tweet a document covers, using `tweet_ids` and `tweet_offsets`."""
    metadata = document.metadata
    text = document.page_content
    ids = [part.strip() for part in str(metadata.get("tweet_ids") or "").split(",") if part.strip()]
    first_id = str(metadata.get("tweet_id") or (ids[0] if ids else document.id or ""))
    if len(ids) <= 1:
        return [(first_id, text.strip())]
    try:
        offsets = [int(part) for part in str(metadata.get("tweet_offsets") or "").split(",") if part.strip()]
    except ValueError:
        offsets = []
    if len(offsets) != len(ids) or offsets != sorted(offsets) or (offsets and offsets[-1] > len(text)):
        return [(first_id, text.strip())]
    bounds = [*offsets, len(text)]
    pieces = [(ids[i], text[bounds[i] : bounds[i + 1]].strip()) for i in range(len(ids))]
    return [(tweet_id, piece) for tweet_id, piece in pieces if piece]


def _own_metadata(metadata: dict[str, object], tweet_id: str, first_id: str) -> dict[str, object]:
    """A copy of a document's metadata, dated for one of its tweets (a later tweet: from its snowflake id)."""
    own = dict(metadata)
    if tweet_id != first_id:
        ms = snowflake_ms(tweet_id)
        if ms is not None:
            own["created_ts"] = ms // 1000
            own["created_at"] = iso_utc(ms // 1000)
    return own


def expand_documents(documents: Iterable[Document]) -> list[ContextTweet]:
    """Number the tweets of the retrieved documents from 1, one entry per tweet (repeats merged)."""
    tweets: list[ContextTweet] = []
    by_id: dict[str, int] = {}
    for document in documents:
        metadata = document.metadata
        screen_name = str(metadata.get("screen_name") or "") or None
        first_id = str(metadata.get("tweet_id") or "")
        for tweet_id, text in _split_document(document):
            if tweet_id in by_id:
                index = by_id[tweet_id]
                known = tweets[index]
                if text not in known.text:
                    tweets[index] = ContextTweet(
                        known.number, known.tweet_id, known.url, known.created_at, known.kind,
                        f"{known.text}\n{text}", known.metadata,
                    )  # fmt: skip
                continue
            url = str(metadata.get("url") or "") if tweet_id == first_id else ""
            own = _own_metadata(metadata, tweet_id, first_id)
            by_id[tweet_id] = len(tweets)
            tweets.append(
                ContextTweet(
                    number=len(tweets) + 1,
                    tweet_id=tweet_id,
                    url=url or tweet_url(tweet_id, screen_name),
                    created_at=str(own.get("created_at") or ""),
                    kind=str(metadata.get("kind") or "tweet"),
                    text=text,
                    metadata=own,
                )
            )
    return tweets


def format_tweet(tweet: ContextTweet, links: bool = True) -> str:
    """One tweet as a header line (number, date, kind and, with `links`, URL) and its text quoted.

    Sentences addressed to an AI assistant are left out (`chains.injection`).
    """
    text = without_injections(tweet.text)
    quoted = "\n".join(f"> {line}".rstrip() for line in text.splitlines() or [""])
    link = f" | {tweet.url}" if links else ""
    return f"[{tweet.number}] {tweet.date} | {tweet.kind}{link}\n{quoted}"


def format_context(tweets: Sequence[ContextTweet], links: bool = True) -> str:
    """All tweets, numbered, between the context delimiters (or a note that there are none).

    `links=False` leaves the URLs out (about a third of a short tweet's tokens; the sources carry them).
    """
    if not tweets:
        return NO_CONTEXT
    body = "\n\n".join(format_tweet(tweet, links) for tweet in tweets)
    return f"{CONTEXT_OPEN}\n{body}\n{CONTEXT_CLOSE}"
