"""The fields of a modern archive's tweet records that the loader reads, as a msgspec schema.

A tweet record holds far more than the loader needs (`source`, `display_text_range`, media `sizes`,
`video_info`, ...). Decoding a part file with this schema keeps only the fields listed here, still as plain
dicts and lists (TypedDicts, not classes), so `records` reads them exactly as it reads a fully parsed
record, while the rest is skipped without being built: parsing and freeing a part take about half the time.
Every value the converter checks itself is `Any`; only the containers that hold skipped fields have a shape.
A file that does not fit the shape (an odd record, invalid JSON) is parsed in full by the caller instead.
"""

from __future__ import annotations

from typing import Any, TypedDict

import msgspec


class _Link(TypedDict, total=False):
    """A t.co link of `entities.urls` or a media item (the fields `rag.archive.text` reads)."""

    url: Any
    expanded_url: Any
    indices: Any
    type: Any


class _Hashtag(TypedDict, total=False):
    text: Any


class _Mention(TypedDict, total=False):
    screen_name: Any


class _Entities(TypedDict, total=False):
    urls: list[_Link] | None
    media: list[_Link] | None
    hashtags: list[_Hashtag] | None
    user_mentions: list[_Mention] | None


class _ExtendedEntities(TypedDict, total=False):
    media: list[_Link] | None


class _EditIds(TypedDict, total=False):
    editTweetIds: Any


class _Edit(TypedDict, total=False):
    editControlInitial: _EditIds | None


class _EditInfo(TypedDict, total=False):
    initial: _EditIds | None
    edit: _Edit | None


class _Record(TypedDict, total=False):
    id_str: Any
    id: Any
    tweet_id: Any
    full_text: Any
    text: Any
    created_at: Any
    entities: _Entities | None
    extended_entities: _ExtendedEntities | None
    in_reply_to_user_id_str: Any
    in_reply_to_user_id: Any
    in_reply_to_status_id_str: Any
    in_reply_to_status_id: Any
    in_reply_to_screen_name: Any
    favorite_count: Any
    like_count: Any
    retweet_count: Any
    lang: Any
    edit_info: _EditInfo | None


class _Item(_Record, total=False):
    """An element of a tweets part: `{"tweet": record}`, or a bare record (older archives)."""

    tweet: _Record | None


class SchemaMismatch(ValueError):
    """The data is not valid JSON or does not fit the record schema: parse it in full instead."""


_DECODER = msgspec.json.Decoder(list[_Item])


def decode_tweet_records(payload: bytes | memoryview) -> list[Any]:
    """The records of a tweets part payload (`[...]`) with only the loader's fields kept.

    Raises SchemaMismatch for anything else, so the caller can parse the file in full and report or skip
    exactly as it always does.
    """
    try:
        return _DECODER.decode(payload)
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise SchemaMismatch(str(exc)) from exc
