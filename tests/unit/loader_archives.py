"""Hand-made archive records and archive folders for the loader's unit tests (shaped like real archives)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ACCOUNT_ID = "52338276"
SCREEN_NAME = "alrocar"
DATE = "Tue Nov 05 13:24:09 +0000 2024"


def snowflake(ms: int, sequence: int = 0) -> str:
    """A tweet id created `ms` milliseconds after the Twitter epoch."""
    return str((ms << 22) | sequence)


def record(tweet_id: str, text: str, *, created_at: str = DATE, **extra: Any) -> dict[str, Any]:
    """A tweet record as archives write it: every number a string, entities present, no user object."""
    base: dict[str, Any] = {
        "edit_info": {"initial": {"editTweetIds": [tweet_id], "editsRemaining": "5"}},
        "retweeted": False,
        "source": '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": "0",
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": "0",
        "id": tweet_id,
        "created_at": created_at,
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    base.update(extra)
    return base


def self_reply(tweet_id: str, parent_id: str, text: str, **extra: Any) -> dict[str, Any]:
    """A reply to one of the owner's own tweets."""
    return record(
        tweet_id,
        text,
        in_reply_to_status_id_str=parent_id,
        in_reply_to_status_id=parent_id,
        in_reply_to_user_id_str=ACCOUNT_ID,
        in_reply_to_user_id=ACCOUNT_ID,
        in_reply_to_screen_name=SCREEN_NAME,
        **extra,
    )


def note(note_id: str, text: str, **core: Any) -> dict[str, Any]:
    """A `noteTweet` record (long post); its text is not HTML-escaped."""
    return {
        "noteTweet": {
            "noteTweetId": note_id,
            "updatedAt": "2024-01-30T08:14:27.000Z",
            "createdAt": "2024-01-30T08:14:27.000Z",
            "core": {
                "styletags": [],
                "urls": [],
                "text": text,
                "mentions": [],
                "cashtags": [],
                "hashtags": [],
            }
            | core,
        }
    }


def js_file(global_name: str, items: list[Any]) -> str:
    """A data file as archives write it: an assignment, then pretty JSON with `"key" : value`."""
    body = json.dumps(items, indent=2, ensure_ascii=False, separators=(",", " : "))
    return f"window.{global_name} = {body}"


def manifest(files: dict[str, list[tuple[str, int]]], *, account_id: str = ACCOUNT_ID) -> str:
    """`manifest.js` with the given dataTypes: {"tweets": [("data/tweets.js", 3)], ...}."""
    data_types = {
        data_type: {
            "files": [
                {
                    "fileName": name,
                    "globalName": "YTD." + name[5:-3].replace("-", "_") + ".part0",
                    "count": str(n),
                }
                for name, n in entries
            ]
        }
        for data_type, entries in files.items()
    }
    config = {
        "userInfo": {"accountId": account_id, "userName": SCREEN_NAME, "displayName": "alrocar"},
        "archiveInfo": {"generationDate": "2024-11-16T11:33:22.222Z", "isPartialArchive": False},
        "dataTypes": data_types,
    }
    return "window.__THAR_CONFIG = " + json.dumps(config, indent=2, separators=(",", " : "))


def write_archive(
    root: Path,
    tweets: list[dict[str, Any]],
    *,
    notes: list[dict[str, Any]] | None = None,
    with_manifest: bool = True,
    wrapped: bool = True,
    file_name: str = "tweets.js",
    extra: dict[str, str] | None = None,
) -> Path:
    """An unpacked archive folder `root` with `data/<file_name>` (and manifest, notes, extra files)."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    items = [{"tweet": t} for t in tweets] if wrapped else tweets
    global_name = "YTD." + file_name[:-3].replace("-", "_").replace("_part", ".part").split(".part")[0]
    (data / file_name).write_text(js_file(global_name + ".part0", items), encoding="utf-8")
    data_types: dict[str, list[tuple[str, int]]] = {
        "tweets" if file_name.startswith("tweets") else "tweet": [(f"data/{file_name}", len(tweets))]
    }
    if notes is not None:
        (data / "note-tweet.js").write_text(js_file("YTD.note_tweet.part0", notes), encoding="utf-8")
        data_types["noteTweet"] = [("data/note-tweet.js", len(notes))]
    for name, content in (extra or {}).items():
        (data / name).write_text(content, encoding="utf-8")
    if with_manifest:
        (data / "manifest.js").write_text(manifest(data_types), encoding="utf-8")
    return root
