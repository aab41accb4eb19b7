"""The shipped sample archive: up to date with its generator, in the real format, and read by the loader."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from rag.documents.loader import TwitterArchiveLoader

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT_ROOT / "sample" / "twitter-sample"
TWITTER_EPOCH_MS = 1288834974657
ACCOUNT_ID = "483920175"

# Facts read from sample/twitter-sample/data/*.js.
THREAD_IDS = [
    "1649836008712158108",
    "1649836583905867085",
    "1649837159099576062",
    "1649837730098981039",
    "1649838305292690016",
    "1649838880486398993",
]
LONG_POST_TWEET_ID = "1373386553972331034"
LONG_POST_NOTE_ID = "1373386553904070656"
DELETED_ID = "1543356341846982679"
EDIT_FIRST_ID = "1667501867475638845"
EDIT_LAST_ID = "1667503004706083822"


def read_js(name: str) -> Any:
    text = (SAMPLE / "data" / name).read_text(encoding="utf-8-sig")
    return json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))


def tweets() -> list[dict[str, Any]]:
    return [item["tweet"] for item in read_js("tweets.js")]


def test_committed_sample_is_what_the_generator_writes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "scripts/make_sample_archive.py", "--output", str(tmp_path)],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    generated = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*") if path.is_file())
    committed = sorted(path.relative_to(SAMPLE) for path in SAMPLE.rglob("*") if path.is_file())
    assert generated == committed
    for relative in generated:
        assert (tmp_path / relative).read_bytes() == (SAMPLE / relative).read_bytes(), relative


def test_manifest_counts_match_the_data_files() -> None:
    manifest = read_js("manifest.js")
    assert manifest["userInfo"] == {
        "accountId": ACCOUNT_ID,
        "userName": "tessa_demo",
        "displayName": "Tessa Lindqvist (sample)",
    }
    for data_type in manifest["dataTypes"].values():
        for entry in data_type["files"]:
            records = read_js(Path(entry["fileName"]).name)
            assert str(len(records)) == entry["count"], entry["fileName"]
    assert manifest["dataTypes"]["tweets"]["files"][0]["count"] == "85"


def test_tweets_have_the_real_field_types_and_snowflake_ids() -> None:
    records = tweets()
    assert 60 <= len(records) <= 120
    years = set()
    for tweet in records:
        assert tweet["id"] == tweet["id_str"]
        assert isinstance(tweet["favorite_count"], str) and isinstance(tweet["retweet_count"], str)
        assert "user" not in tweet and "retweeted_status" not in tweet
        created = datetime.strptime(tweet["created_at"], "%a %b %d %H:%M:%S %z %Y")
        years.add(created.year)
        snowflake_ms = (int(tweet["id_str"]) >> 22) + TWITTER_EPOCH_MS
        assert snowflake_ms // 1000 == int(created.timestamp()), tweet["id_str"]
        for kind, prefix, key in (("hashtags", "#", "text"), ("user_mentions", "@", "screen_name")):
            for entity in tweet["entities"][kind]:
                start, end = (int(index) for index in entity["indices"])
                assert tweet["full_text"][start:end] == prefix + entity[key]
        for entity in tweet["entities"]["urls"]:
            start, end = (int(index) for index in entity["indices"])
            assert tweet["full_text"][start:end] == entity["url"]
    assert years == set(range(2012, 2025))


def test_sample_has_each_kind_of_record_a_real_archive_has() -> None:
    by_id = {tweet["id_str"]: tweet for tweet in tweets()}
    texts = [tweet["full_text"] for tweet in by_id.values()]
    assert sum(text.startswith("RT @") for text in texts) == 9
    assert "Back to 68% &amp; humility. #sourdough" in by_id["298008245446626696"]["full_text"]
    # The thread: each tweet replies to the one before, from the account itself.
    for parent, child in itertools.pairwise(THREAD_IDS):
        assert by_id[child]["in_reply_to_status_id_str"] == parent
        assert by_id[child]["in_reply_to_user_id_str"] == ACCOUNT_ID
    # The long post: a cut tweet, its note 16 ms before it, and no other tweet in between.
    assert by_id[LONG_POST_TWEET_ID]["full_text"].endswith("…")
    assert (int(LONG_POST_TWEET_ID) >> 22) - (int(LONG_POST_NOTE_ID) >> 22) == 16
    assert not [tid for tid in by_id if int(LONG_POST_NOTE_ID) < int(tid) < int(LONG_POST_TWEET_ID)]
    note = read_js("note-tweet.js")[0]["noteTweet"]
    assert note["noteTweetId"] == LONG_POST_NOTE_ID
    assert note["core"]["text"].endswith("Wish me luck. Obrigada! #LisbonByBike")
    # The edit: both versions present, both listing the same two ids.
    assert by_id[EDIT_FIRST_ID]["edit_info"]["initial"]["editTweetIds"] == [EDIT_FIRST_ID, EDIT_LAST_ID]
    assert by_id[EDIT_LAST_ID]["edit_info"]["edit"]["initialTweetId"] == EDIT_FIRST_ID
    # The quote tweet links to the quoted status; the deleted tweet is only in deleted-tweets.js.
    quote = by_id["1626858964094330587"]["entities"]["urls"][0]["expanded_url"]
    assert quote.startswith("https://twitter.com/dani_on_wheels/status/")
    deleted = read_js("deleted-tweets.js")[0]["tweet"]
    assert deleted["id_str"] == DELETED_ID and DELETED_ID not in by_id
    assert "deleted_at" in deleted


# --- the project's loader ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def documents() -> list[Any]:
    return list(TwitterArchiveLoader(SAMPLE).load())


def test_loader_reads_every_tweet_but_the_deleted_one(documents: list[Any]) -> None:
    covered = {tweet_id for doc in documents for tweet_id in doc.metadata["tweet_ids"].split(",")}
    expected = {tweet["id_str"] for tweet in tweets()} - {EDIT_FIRST_ID}
    assert covered == expected
    assert DELETED_ID not in covered
    assert not any("pineapple" in doc.page_content for doc in documents)
    assert all(doc.metadata["screen_name"] == "tessa_demo" for doc in documents)


def test_loader_joins_the_thread_in_order(documents: list[Any]) -> None:
    threads = [doc for doc in documents if doc.metadata["tweet_id"] == THREAD_IDS[0]]
    assert [doc.metadata["kind"] for doc in threads] == ["thread"] * len(threads)
    ids = [tweet_id for doc in threads for tweet_id in doc.metadata["tweet_ids"].split(",")]
    assert list(dict.fromkeys(ids)) == THREAD_IDS
    text = "\n\n".join(doc.page_content for doc in threads)
    assert text.index("(1/6)") < text.index("Day 1, Lisbon to Peniche") < text.index("(6/6)")
    assert threads[0].metadata["url"] == f"https://x.com/tessa_demo/status/{THREAD_IDS[0]}"


def test_loader_has_the_long_posts_whole_text(documents: list[Any]) -> None:
    [long_post] = [doc for doc in documents if doc.metadata["tweet_id"] == LONG_POST_TWEET_ID]
    assert long_post.metadata["is_long"] is True
    assert "my Portuguese is basic & I will miss my friends" in long_post.page_content
    assert long_post.page_content.rstrip().endswith("Wish me luck. Obrigada! #LisbonByBike")
    assert "…" not in long_post.page_content


def test_loader_marks_retweets_replies_and_keeps_the_last_edit(documents: list[Any]) -> None:
    by_id = {doc.metadata["tweet_id"]: doc for doc in documents}
    retweets = [doc for doc in documents if doc.metadata["kind"] == "retweet"]
    assert len(retweets) == 9
    assert all(doc.metadata["is_retweet"] is True for doc in retweets)
    reply = by_id["254919705743417461"].metadata
    assert (reply["kind"], reply["is_reply"]) == ("reply", True)
    assert by_id["298008245446626696"].page_content.startswith("Tried a 75% hydration dough")
    assert "68% & humility" in by_id["298008245446626696"].page_content
    assert "https://example.org/talks/lifetimes-for-bakers" in by_id["1127298630243835342"].page_content
    assert "we think: the shelter guessed" in by_id[EDIT_LAST_ID].page_content
    assert EDIT_FIRST_ID not in by_id
    assert by_id[EDIT_LAST_ID].metadata["created_at"] == "2023-06-10T12:04:31+00:00"
