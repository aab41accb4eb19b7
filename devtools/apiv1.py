"""Convert Twitter API v1.1 tweet objects into data-archive tweet records, and write an archive folder.

API v1.1 objects (as saved by API clients and their test recordings) differ from archive records: they carry
`user`, `retweeted_status`, numbers as JSON numbers, a `display_text_range` that skips reply mentions and, in
compatibility mode, `text` instead of `full_text`. `to_archive_record` maps one object onto the record shape
described in ARCHIVE_FORMAT.md (numbers as strings, optional keys absent rather than null), so the project's
loader can read API dumps, and the evaluation can index real tweets from many authors as "one person's
archive". `write_archive` writes `data/tweets.js` (`window.YTD.tweets.part0`), an optional
`note-tweet.js` and a `manifest.js` with the per-file counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rag.errors import ArchiveError

_V1_DATE = "%a %b %d %H:%M:%S %z %Y"
_OPTIONAL_KEYS = (
    "in_reply_to_status_id_str",
    "in_reply_to_user_id_str",
    "in_reply_to_screen_name",
    "possibly_sensitive",
)


def stringify_numbers(value: Any) -> Any:
    """A deep copy of `value` with every int and float turned into a string (booleans kept)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        return {key: stringify_numbers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [stringify_numbers(item) for item in value]
    return value


def is_v1_tweet(value: Any) -> bool:
    """Whether `value` looks like a full API v1.1 tweet object (an id, a text, an author and a date)."""
    return (
        isinstance(value, Mapping)
        and isinstance(value.get("id_str"), str)
        and ("full_text" in value or "text" in value)
        and isinstance(value.get("user"), Mapping)
        and isinstance(value.get("created_at"), str)
    )


def iter_v1_tweets(payload: Any) -> Iterator[Mapping[str, Any]]:
    """Every tweet object inside a decoded API response, nested ones (retweeted, quoted) included."""
    stack = [payload]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            if is_v1_tweet(node):
                yield node
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def to_archive_record(tweet: Mapping[str, Any], account_id: str | None = None) -> dict[str, Any]:
    """The archive record (the value under `"tweet"`) for one API v1.1 tweet object.

    With `account_id`, a reply by the tweet's author to themselves is re-pointed at `account_id`, so threads
    written by any author stay threads once every tweet is treated as the account owner's.
    """
    if not is_v1_tweet(tweet):
        raise ArchiveError(f"not an API v1.1 tweet object: {str(tweet)[:80]!r}; expected id_str, text, user")
    extended = tweet.get("extended_tweet") if isinstance(tweet.get("extended_tweet"), Mapping) else None
    source: Mapping[str, Any] = extended or tweet
    text = str(source.get("full_text", tweet.get("full_text", tweet.get("text", ""))))
    entities = source.get("entities") or tweet.get("entities") or {}
    tweet_id = tweet["id_str"]
    created = datetime.strptime(tweet["created_at"], _V1_DATE)
    record: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [tweet_id],
                "editableUntil": (created + timedelta(hours=1))
                .astimezone(UTC)
                .strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "editsRemaining": "5",
                "isEditEligible": False,
            }
        },
        "retweeted": False,
        "source": str(tweet.get("source") or ""),
        "entities": stringify_numbers(
            {key: entities.get(key, []) for key in ("hashtags", "symbols", "user_mentions", "urls")}
            | ({"media": entities["media"]} if entities.get("media") else {})
        ),
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(tweet.get("favorite_count") or 0),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": str(tweet.get("retweet_count") or 0),
        "id": tweet_id,
        "created_at": tweet["created_at"],
        "favorited": False,
        "full_text": text,
        "lang": str(tweet.get("lang") or "und"),
    }
    extended_entities = source.get("extended_entities") or tweet.get("extended_entities")
    if extended_entities:
        record["extended_entities"] = stringify_numbers(extended_entities)
    for key in _OPTIONAL_KEYS:
        if tweet.get(key) is not None:
            record[key] = stringify_numbers(tweet[key])
    if tweet.get("in_reply_to_status_id_str"):
        record["in_reply_to_status_id"] = tweet["in_reply_to_status_id_str"]
        if tweet.get("in_reply_to_user_id_str"):
            record["in_reply_to_user_id"] = tweet["in_reply_to_user_id_str"]
    author_id = str(tweet["user"].get("id_str", ""))
    if account_id and author_id and record.get("in_reply_to_user_id_str") == author_id:
        record["in_reply_to_user_id_str"] = account_id
        record["in_reply_to_user_id"] = account_id
    return record


def _js_file(global_name: str, items: Sequence[Any]) -> str:
    return f"window.{global_name} = {json.dumps(list(items), ensure_ascii=False, indent=1)}\n"


def write_archive(
    directory: Path,
    records: Iterable[Mapping[str, Any]],
    *,
    account_id: str,
    user_name: str,
    display_name: str = "",
    note_tweets: Sequence[Mapping[str, Any]] = (),
) -> int:
    """Write an archive folder (`data/tweets.js`, `note-tweet.js`, `manifest.js`); returns the tweet count.

    `records` are archive tweet records (de-duplicated here by `id_str`, first wins); `note_tweets` are
    `{"noteTweet": {...}}` items copied as they are.
    """
    unique: dict[str, Mapping[str, Any]] = {}
    for record in records:
        unique.setdefault(str(record["id_str"]), record)
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    tweets = [{"tweet": record} for record in unique.values()]
    (data / "tweets.js").write_text(_js_file("YTD.tweets.part0", tweets), encoding="utf-8")
    data_types: dict[str, Any] = {
        "tweets": {
            "files": [
                {"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": str(len(tweets))}
            ]
        }
    }
    if note_tweets:
        (data / "note-tweet.js").write_text(_js_file("YTD.note_tweet.part0", note_tweets), encoding="utf-8")
        data_types["noteTweet"] = {
            "files": [
                {
                    "fileName": "data/note-tweet.js",
                    "globalName": "YTD.note_tweet.part0",
                    "count": str(len(note_tweets)),
                }
            ]
        }
    manifest = {
        "userInfo": {
            "accountId": account_id,
            "userName": user_name,
            "displayName": display_name or user_name,
        },
        "archiveInfo": {
            "generationDate": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "isPartialArchive": False,
        },
        "dataTypes": data_types,
    }
    (data / "manifest.js").write_text(
        f"window.__THAR_CONFIG = {json.dumps(manifest, ensure_ascii=False, indent=2)}\n", encoding="utf-8"
    )
    return len(tweets)
