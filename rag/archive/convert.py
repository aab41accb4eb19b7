"""Convert one raw record of any archive generation into a `Tweet`.

Three shapes: modern archive records (`full_text`, string numbers, entities), Grailbird monthly records
(`text`, numeric ids next to `id_str`, the full `retweeted_status`) and legacy `tweets.csv` rows. Plain
JSON / JSONL tweets from elsewhere use the modern converter with `text` in place of `full_text`. A record
that cannot be read raises RecordError; the caller skips and counts it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rag.archive.text import (
    DateFormatError,
    clean_text,
    detect_kind,
    expand_note_links,
    leading_mentions,
    media_marker,
    parse_date,
)
from rag.archive.tweet import Tweet

_TCO = re.compile(r"https?://t\.co/\w+")


class RecordError(ValueError):
    """A record lacks what a tweet needs (id, text, date); the message says which."""


def record_id(record: Mapping[str, Any]) -> str:
    """The tweet id as a decimal string: `id_str` first; a numeric `id` only if it is an exact int."""
    value = record.get("id_str")
    if value is None:
        value = record.get("id")
        if value is None:
            value = record.get("tweet_id")
    if isinstance(value, str) and value.isdigit():
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value < 2**53:
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise RecordError(f"id {value!r} is a number that lost precision: export ids as strings")
    raise RecordError("no tweet id (`id_str` or `id`)")


def _count(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _optional_id(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        return None
    return str(value)


def edit_ids(record: Mapping[str, Any]) -> tuple[str, ...]:
    """The ids of every version of an edited tweet (one id, or none, for an unedited one)."""
    info = record.get("edit_info")
    if not info:
        return ()
    initial = info.get("initial") or (info.get("edit") or _EMPTY).get("editControlInitial") or _EMPTY
    ids = initial.get("editTweetIds")
    return tuple(map(str, ids)) if ids else ()


def tweet_from_record(
    record: Mapping[str, Any],
    *,
    account_id: str | None,
    source_file: str = "",
    deleted: bool = False,
    tweet_id: str | None = None,
) -> Tweet:
    """A Tweet from a modern archive record (or a plain JSON tweet with `text`).

    Malformed sub-objects raise TypeError / AttributeError / KeyError, which the caller also counts as
    a skipped record; the common case takes no defensive detours (this runs 100,000 times a load).
    """
    if tweet_id is None:
        tweet_id = record_id(record)
    get = record.get
    full_text = get("full_text")
    if full_text is None:
        full_text = get("text")
    if full_text.__class__ is not str:
        raise RecordError("no text (`full_text` or `text`)")
    created = get("created_at")
    if created is None:
        raise RecordError("no date (`created_at`)")
    try:
        created_ts = parse_date(created)
    except DateFormatError as exc:
        raise RecordError(str(exc)) from exc
    entities = get("entities") or _EMPTY
    urls = entities.get("urls")
    link_urls = tuple([u.get("expanded_url") or u.get("url") or "" for u in urls]) if urls else ()
    reply_user = get("in_reply_to_user_id_str") or get("in_reply_to_user_id")
    reply_status = get("in_reply_to_status_id_str") or get("in_reply_to_status_id")
    if reply_user is not None:
        reply_user = _optional_id(reply_user)
    if reply_status is not None:
        reply_status = _optional_id(reply_status)
    kind = detect_kind(full_text, reply_user, account_id, link_urls)
    tags = entities.get("hashtags")
    names = entities.get("user_mentions")
    media = entities.get("media")
    extended = get("extended_entities")
    marker = media_marker((extended or _EMPTY).get("media") or media) if media else ""
    if urls or media or "&" in full_text:
        text = clean_text(full_text, entities, extended, marker=marker)
    else:
        text = full_text
    if text is full_text and text.endswith("…"):
        text = clean_text(full_text, None, None)
    if not text or text.isspace():
        raise RecordError("empty text")
    favorites = get("favorite_count")
    if favorites is None:
        favorites = get("like_count")
    return Tweet(
        tweet_id,
        text.strip() if text is full_text else text,
        created_ts,
        kind,
        str(get("lang") or ""),
        _count(favorites),
        _count(get("retweet_count")),
        reply_status,
        reply_user,
        tuple([h["text"] for h in tags]) if tags else (),
        tuple([m["screen_name"] for m in names]) if names else (),
        False,
        deleted,
        source_file,
        edit_ids(record),
        full_text,
        link_urls,
        marker,
    )


_EMPTY: Mapping[str, Any] = {}


def apply_note(tweet: Tweet, note: Mapping[str, Any]) -> None:
    """Give a long post the whole text of its note.

    Notes are not HTML-escaped; their t.co links are expanded from their own `urls`. The reply's leading
    `@user ` (notes omit it), a quote link that sits after the cut, and the media marker are kept.
    """
    core = note["core"]
    text = expand_note_links(str(core.get("text") or ""), core.get("urls") or ())
    prefix = leading_mentions(tweet.raw_text)
    if prefix and not text.startswith(prefix.strip()):
        text = prefix + text
    for url in tweet.link_urls:
        if url and url not in text:
            text = f"{text} {url}"
    if tweet.media:
        text = f"{text} {tweet.media}"
    tweet.text = text
    tweet.is_long = True
    tweet.hashtags = _merge(tweet.hashtags, (str(h.get("text", "")) for h in core.get("hashtags") or ()))


def _merge(first: tuple[str, ...], more: Any) -> tuple[str, ...]:
    seen = dict.fromkeys(first)
    for item in more:
        if item:
            seen.setdefault(item)
    return tuple(seen)


def tweet_from_grailbird(
    record: Mapping[str, Any], *, account_id: str | None, source_file: str = ""
) -> Tweet:
    """A Tweet from a Grailbird monthly file record; a retweet gets the original's whole text."""
    tweet = tweet_from_record(record, account_id=account_id, source_file=source_file)
    original = record.get("retweeted_status")
    if isinstance(original, Mapping) and isinstance(original.get("text"), str):
        author = (original.get("user") or {}).get("screen_name") or ""
        body = clean_text(original["text"], original.get("entities") or {}, original.get("extended_entities"))
        if body:
            tweet.text = f"RT @{author}: {body}" if author else body
        tweet.kind = "retweet"
    return tweet


def tweet_from_csv_row(row: Mapping[str, str], *, account_id: str | None, source_file: str = "") -> Tweet:
    """A Tweet from a legacy `tweets.csv` row (columns read by header name)."""
    tweet_id = (row.get("tweet_id") or "").strip()
    if not tweet_id.isdigit():
        raise RecordError(f"no tweet id (tweet_id={tweet_id!r})")
    text = row.get("text")
    if not text:
        raise RecordError("no text")
    try:
        created_ts = parse_date((row.get("timestamp") or "").strip())
    except DateFormatError as exc:
        raise RecordError(str(exc)) from exc
    expanded = [u for u in (row.get("expanded_urls") or "").split(",") if u]
    links = _TCO.findall(text)
    if links and len(links) <= len(expanded):
        for link, url in zip(links, expanded, strict=False):
            text = text.replace(link, url, 1)
    reply_user = (row.get("in_reply_to_user_id") or "").strip() or None
    reply_status = (row.get("in_reply_to_status_id") or "").strip() or None
    kind = detect_kind(text, reply_user, account_id, expanded)
    if (row.get("retweeted_status_id") or "").strip():
        kind = "retweet"
    clean = clean_text(text)
    if not clean:
        raise RecordError("empty text")
    return Tweet(
        id=tweet_id,
        text=clean,
        created_ts=created_ts,
        kind=kind,
        in_reply_to_status_id=reply_status,
        in_reply_to_user_id=reply_user,
        hashtags=tuple(re.findall(r"(?<!\w)#(\w+)", clean)),
        mentions=tuple(re.findall(r"(?<!\w)@(\w+)", clean)),
        source_file=source_file,
    )
