"""API v1.1 tweet objects become archive records: numbers as strings, self-replies kept as threads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools.apiv1 import iter_v1_tweets, to_archive_record, write_archive
from rag.errors import ArchiveError

V1_TWEET = {
    "created_at": "Sat Jan 07 05:44:28 +0000 2023",
    "id": 1611599630533525504,
    "id_str": "1611599630533525504",
    "full_text": "@someone Kevin McCarthy is House speaker &amp; more https://t.co/tYsZiygsLt",
    "truncated": False,
    "display_text_range": [9, 75],
    "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [{"screen_name": "someone", "id": 42, "id_str": "42", "indices": [0, 8]}],
        "urls": [
            {
                "url": "https://t.co/tYsZiygsLt",
                "expanded_url": "http://cnn.it/3QBNOEN",
                "display_url": "cnn.it/3QBNOEN",
                "indices": [52, 75],
            }
        ],
    },
    "in_reply_to_status_id": 1611599630533525000,
    "in_reply_to_status_id_str": "1611599630533525000",
    "in_reply_to_user_id": 759251,
    "in_reply_to_user_id_str": "759251",
    "in_reply_to_screen_name": "cnnbrk",
    "user": {"id": 759251, "id_str": "759251", "screen_name": "cnnbrk"},
    "retweet_count": 12,
    "favorite_count": 34,
    "lang": "en",
    "place": None,
    "retweeted_status": None,
}


def test_record_has_archive_shape_with_numbers_as_strings() -> None:
    record = to_archive_record(V1_TWEET)
    assert record["id_str"] == record["id"] == "1611599630533525504"
    assert record["favorite_count"] == "34" and record["retweet_count"] == "12"
    assert record["entities"]["urls"][0]["indices"] == ["52", "75"]
    assert record["entities"]["user_mentions"][0]["id"] == "42"
    assert record["display_text_range"] == ["0", "75"]
    assert record["full_text"].startswith("@someone Kevin McCarthy")
    assert "user" not in record and "place" not in record and "retweeted_status" not in record
    assert record["created_at"] == "Sat Jan 07 05:44:28 +0000 2023"


def test_self_reply_is_repointed_at_the_archive_owner() -> None:
    assert to_archive_record(V1_TWEET, account_id="1000")["in_reply_to_user_id_str"] == "1000"
    reply_to_other = dict(V1_TWEET, in_reply_to_user_id_str="5", in_reply_to_user_id=5)
    assert to_archive_record(reply_to_other, account_id="1000")["in_reply_to_user_id_str"] == "5"


def test_compatibility_mode_text_is_used_when_full_text_is_absent() -> None:
    compat = {key: value for key, value in V1_TWEET.items() if key != "full_text"} | {"text": "short text"}
    assert to_archive_record(compat)["full_text"] == "short text"


def test_non_tweets_are_rejected_and_nested_tweets_found() -> None:
    with pytest.raises(ArchiveError):
        to_archive_record({"id_str": "1"})
    retweet = dict(V1_TWEET, id_str="2", retweeted_status=dict(V1_TWEET))
    found = [tweet["id_str"] for tweet in iter_v1_tweets({"statuses": [retweet]})]
    assert found == ["2", "1611599630533525504"]


def test_write_archive_writes_a_readable_archive(tmp_path: Path) -> None:
    record = to_archive_record(V1_TWEET)
    count = write_archive(tmp_path, [record, record], account_id="7", user_name="me")
    assert count == 1
    text = (tmp_path / "data" / "tweets.js").read_text(encoding="utf-8")
    assert text.startswith("window.YTD.tweets.part0 = ")
    items = json.loads(text[text.index("=") + 1 :])
    assert items[0]["tweet"]["id_str"] == "1611599630533525504"
    manifest = (tmp_path / "data" / "manifest.js").read_text(encoding="utf-8")
    config = json.loads(manifest[manifest.index("=") + 1 :])
    assert config["userInfo"]["accountId"] == "7"
    assert config["dataTypes"]["tweets"]["files"][0]["count"] == "1"
