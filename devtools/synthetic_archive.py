"""Large synthetic archives for the benchmarks: the alrocar-2024 fixture's tweets copied with new ids.

Each copy moves every id (tweet, reply target, edit chain, note tweet) by `ID_SHIFT`, 1,000 seconds of
snowflake time, so note/tweet millisecond gaps stay exact; the tweets are written pretty-printed in parts
of `PART_SIZE` as real archives are, with the fixture's manifest. Also: reading a `window.YTD... = [...]`
file and the tweet texts of the fixture archives. Scripts do `from devtools.synthetic_archive import ...`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from devtools import PROJECT_ROOT

ARCHIVES = PROJECT_ROOT.parent / "shared" / "fixtures" / "archives"
FIXTURE = ARCHIVES / "alrocar-2024"
ID_SHIFT = (1 << 22) * 1_000_000  # each copy 1,000 s later in snowflake time: note/tweet gaps stay exact
PART_SIZE = 25_000


def read_js(path: Path) -> Any:
    """The JSON payload of an archive `data/*.js` file (`window.YTD.<name>.part0 = [...]`)."""
    text = path.read_text(encoding="utf-8-sig")
    return json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))


def fixture_tweet_texts(archives: Path = ARCHIVES) -> list[str]:
    """The non-empty `full_text` of every tweet in the archives' `data/tweet*.js` parts (not the headers)."""
    texts: list[str] = []
    for path in sorted(archives.glob("*/data/tweet*.js")):
        if "header" in path.name:
            continue
        for item in read_js(path):
            text = item.get("tweet", item).get("full_text")
            if text:
                texts.append(text)
    return texts


def _shift(value: str, offset: int) -> str:
    return str(int(value) + offset)


def _shift_ids(ids: list[str], offset: int) -> list[str]:
    return [_shift(i, offset) for i in ids]


def copy_tweet(tweet: dict[str, Any], offset: int) -> dict[str, Any]:
    """A copy of an archive tweet with every id it holds moved by `offset` (the input is left unchanged)."""
    copy = dict(tweet)
    copy["id_str"] = copy["id"] = _shift(tweet["id_str"], offset)
    for key in ("in_reply_to_status_id_str", "in_reply_to_status_id"):
        if key in tweet:
            copy[key] = _shift(tweet[key], offset)
    info = tweet.get("edit_info") or {}
    if "initial" in info:
        initial = info["initial"]
        copy["edit_info"] = {
            **info,
            "initial": {**initial, "editTweetIds": _shift_ids(initial.get("editTweetIds", []), offset)},
        }
    elif "edit" in info:
        edit = dict(info["edit"])
        if "initialTweetId" in edit:
            edit["initialTweetId"] = _shift(edit["initialTweetId"], offset)
        control = edit.get("editControlInitial", {})
        ids = _shift_ids(control.get("editTweetIds", []), offset)
        edit["editControlInitial"] = {**control, "editTweetIds": ids}
        copy["edit_info"] = {**info, "edit": edit}
    return copy


def _dump(global_name: str, items: Any) -> str:
    body = json.dumps(items, indent=2, ensure_ascii=False, separators=(",", " : "))
    return f"window.{global_name} = {body}"


def write_archive(directory: Path, tweets_wanted: int, *, spare_copies: int = 0, trim: bool = False) -> int:
    """Write an archive of the fixture's tweets copied until there are `tweets_wanted`; returns the records.

    `spare_copies` more copies are added (edits and duplicates are dropped on load); with `trim` the tweet
    records are cut to exactly `tweets_wanted` (the note tweets of every copy are kept).
    """
    tweets = [item.get("tweet", item) for item in read_js(FIXTURE / "data" / "tweets.js")]
    notes = read_js(FIXTURE / "data" / "note-tweet.js")
    manifest = read_js(FIXTURE / "data" / "manifest.js")
    all_tweets: list[dict[str, Any]] = []
    all_notes: list[dict[str, Any]] = []
    for copy in range(math.ceil(tweets_wanted / len(tweets)) + spare_copies):
        offset = copy * ID_SHIFT
        all_tweets.extend({"tweet": copy_tweet(tweet, offset)} for tweet in tweets)
        for item in notes:
            note = dict(item["noteTweet"])
            note["noteTweetId"] = _shift(note["noteTweetId"], offset)
            all_notes.append({"noteTweet": note})
    if trim:
        all_tweets = all_tweets[:tweets_wanted]
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    files = []
    for part, start in enumerate(range(0, len(all_tweets), PART_SIZE)):
        name = "tweets.js" if part == 0 else f"tweets-part{part}.js"
        chunk = all_tweets[start : start + PART_SIZE]
        (data / name).write_text(_dump(f"YTD.tweets.part{part}", chunk), encoding="utf-8")
        files.append(
            {"fileName": f"data/{name}", "globalName": f"YTD.tweets.part{part}", "count": str(len(chunk))}
        )
    (data / "note-tweet.js").write_text(_dump("YTD.note_tweet.part0", all_notes), encoding="utf-8")
    note_file = {
        "fileName": "data/note-tweet.js",
        "globalName": "YTD.note_tweet.part0",
        "count": str(len(all_notes)),
    }
    manifest["dataTypes"] = {"tweets": {"files": files}, "noteTweet": {"files": [note_file]}}
    (data / "manifest.js").write_text(
        "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2), encoding="utf-8"
    )
    return len(all_tweets)
