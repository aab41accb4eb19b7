"""Reading archives: every pitfall of ARCHIVE_FORMAT.md with small hand-made records and folders."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from rag.archive import source as archive_files
from rag.archive.reader import read_archive
from tests.unit.loader_archives import (
    ACCOUNT_ID,
    js_file,
    manifest,
    note,
    record,
    self_reply,
    snowflake,
    write_archive,
)

BIG_ID = "1854112013290152286"  # above 2**53: a float would turn it into 1854112013290152192


def test_string_numbers_keep_big_ids_exact_and_counts_become_ints(tmp_path: Path) -> None:
    write_archive(tmp_path, [record(BIG_ID, "hello", favorite_count="12", retweet_count="3")])
    (tweet,) = read_archive(tmp_path).tweets
    assert tweet.id == "1854112013290152286"
    assert (tweet.like_count, tweet.retweet_count) == (12, 3)


def test_bare_records_in_old_tweet_js_and_wrapped_records_in_tweets_js(tmp_path: Path) -> None:
    write_archive(tmp_path / "old", [record("1", "bare one")], wrapped=False, file_name="tweet.js")
    write_archive(tmp_path / "new", [record("2", "wrapped one")], wrapped=True)
    old, new = read_archive(tmp_path / "old"), read_archive(tmp_path / "new")
    assert [t.text for t in old.tweets] == ["bare one"]
    assert old.report.archive_format == "tweet.js"
    assert [t.text for t in new.tweets] == ["wrapped one"]


def test_retweet_is_recognised_by_its_prefix_although_retweeted_is_false(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("5", "RT @notasintel: #DANA\n\nUn amigo me pasa este fragmento…")])
    (tweet,) = read_archive(tmp_path).tweets
    assert tweet.kind == "retweet" and tweet.is_retweet


def test_reply_to_another_account_is_a_reply_and_self_reply_is_not(tmp_path: Path) -> None:
    tweets = [
        record("10", "root"),
        self_reply("11", "10", "more of my thread"),
        record("12", "@skgsergio sí", in_reply_to_user_id_str="57904811", in_reply_to_status_id_str="9"),
    ]
    write_archive(tmp_path, tweets)
    kinds = {t.id: t.kind for t in read_archive(tmp_path).tweets}
    assert kinds == {"10": "tweet", "11": "tweet", "12": "reply"}


def test_long_post_text_comes_from_the_note_matched_by_snowflake_time(tmp_path: Path) -> None:
    note_id = snowflake(1_000_000, 7)
    tweet_id = snowflake(1_000_018, 3)  # created 18 ms after its note
    other_id = snowflake(1_000_030, 1)  # created later: not the match
    cut = "Data engineers, say goodbye to manual tests! &amp; more…"
    tweets = [record(tweet_id, cut), record(other_id, "Data engineers, another tweet")]
    whole = "Data engineers, say goodbye to manual tests! & more text than 280 characters allow."
    write_archive(tmp_path, tweets, notes=[note(note_id, whole)])
    result = read_archive(tmp_path)
    texts = {t.id: (t.text, t.is_long) for t in result.tweets}
    assert texts[tweet_id] == (whole, True)
    assert texts[other_id] == ("Data engineers, another tweet", False)
    assert result.report.long_posts == 1 and result.report.notes_unmatched == 0


def test_notes_inside_a_thread_match_their_own_tweets(tmp_path: Path) -> None:
    # three long tweets of one thread posted within a second: matching by the second would be ambiguous
    ids, notes, tweets = [], [], []
    parent = None
    for n, ms in enumerate((2_000_000, 2_000_300, 2_000_600)):
        tweet_id = snowflake(ms + 20 + n)
        ids.append(tweet_id)
        notes.append(note(snowflake(ms), f"{n + 1}. whole long text number {n + 1}"))
        text = f"{n + 1}. whole long text…"
        tweets.append(record(tweet_id, text) if parent is None else self_reply(tweet_id, parent, text))
        parent = tweet_id
    write_archive(tmp_path, tweets, notes=notes)
    texts = {t.id: t.text for t in read_archive(tmp_path).tweets}
    assert [texts[i] for i in ids] == [f"{n}. whole long text number {n}" for n in (1, 2, 3)]


def test_note_of_a_reply_gets_back_the_leading_mentions(tmp_path: Path) -> None:
    note_id, tweet_id = snowflake(3_000_000), snowflake(3_000_020)
    reply = record(
        tweet_id,
        "@borlanco @Longor A tope con lo declarativo, pero…",
        in_reply_to_user_id_str="1751433998818037760",
        in_reply_to_status_id_str="1760604102767984764",
    )
    write_archive(tmp_path, [reply], notes=[note(note_id, "A tope con lo declarativo, pero vamos que nadie")])
    (tweet,) = read_archive(tmp_path).tweets
    assert tweet.text == "@borlanco @Longor A tope con lo declarativo, pero vamos que nadie"
    assert tweet.kind == "reply" and tweet.is_long


def test_note_links_are_expanded_and_the_quote_link_after_the_cut_is_kept(tmp_path: Path) -> None:
    note_id, tweet_id = snowflake(4_000_000), snowflake(4_000_015)
    quote = "https://twitter.com/tinybirdco/status/1712831962212077889"
    entities = {
        "hashtags": [],
        "user_mentions": [],
        "urls": [{"url": "https://t.co/yJcplUtlpa", "expanded_url": quote, "indices": ["15", "38"]}],
    }
    tweet = record(tweet_id, "Check it out… https://t.co/yJcplUtlpa", entities=entities)
    long_note = note(
        note_id,
        "Check it out 👇 https://t.co/or6PgNAUjZ",
        urls=[{"shortUrl": "https://t.co/or6PgNAUjZ", "expandedUrl": "https://github.com/tinybirdco/ci"}],
    )
    write_archive(tmp_path, [tweet], notes=[long_note])
    (loaded,) = read_archive(tmp_path).tweets
    assert loaded.text == f"Check it out 👇 https://github.com/tinybirdco/ci {quote}"
    assert loaded.kind == "quote"


def test_note_without_its_tweet_is_reported_not_attached_to_a_later_tweet(tmp_path: Path) -> None:
    write_archive(
        tmp_path,
        [record(snowflake(5_100_000), "an unrelated tweet a minute later")],
        notes=[note(snowflake(5_000_000), "the long post whose tweet was deleted")],
    )
    result = read_archive(tmp_path)
    assert result.tweets[0].text == "an unrelated tweet a minute later"
    assert result.report.notes_unmatched == 1
    assert any("note-tweet.js" in w for w in result.report.warnings)


def test_edited_tweet_appears_once_in_its_last_version_and_replies_follow_it(tmp_path: Path) -> None:
    first, last = "1767496415922585688", "1767497756157866020"
    versions = [first, last]
    tweets = [
        record(first, "TIL: FindItFinder", edit_info={"initial": {"editTweetIds": versions}}),
        record(
            last,
            "TIL: FindItFaster",
            edit_info={"edit": {"initialTweetId": first, "editControlInitial": {"editTweetIds": versions}}},
        ),
        self_reply("1767499999999999999", first, "and a reply to the first version"),
    ]
    write_archive(tmp_path, tweets)
    result = read_archive(tmp_path)
    assert [(t.id, t.text) for t in result.tweets[:1]] == [(last, "TIL: FindItFaster")]
    assert len(result.tweets) == 2
    assert result.tweets[1].in_reply_to_status_id == last
    assert result.report.edits_superseded == 1


def test_lang_qme_und_zxx_tweets_are_kept(tmp_path: Path) -> None:
    write_archive(
        tmp_path,
        [
            record("1", "https://t.co/9oO5EocaUa", lang="qme"),
            record("2", "🤷", lang="und"),
            record("3", "1:22", lang="zxx"),
        ],
    )
    assert [t.lang for t in read_archive(tmp_path).tweets] == ["qme", "und", "zxx"]


def test_duplicates_across_parts_appear_once(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "one"), record("2", "two")])
    part1 = js_file("YTD.tweets.part1", [{"tweet": record("2", "two")}, {"tweet": record("3", "three")}])
    (tmp_path / "data" / "tweets-part1.js").write_text(part1, encoding="utf-8")
    (tmp_path / "data" / "manifest.js").write_text(
        manifest({"tweets": [("data/tweets.js", 2), ("data/tweets-part1.js", 2)]}), encoding="utf-8"
    )
    result = read_archive(tmp_path)
    assert [t.id for t in result.tweets] == ["1", "2", "3"]
    assert result.report.duplicates == 1
    assert result.report.warnings == []


def test_parts_are_found_by_name_without_a_manifest(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "one")], with_manifest=False)
    part = js_file("YTD.tweets.part1", [{"tweet": record("2", "two")}])
    (tmp_path / "data" / "tweets-part1.js").write_text(part, encoding="utf-8")
    result = read_archive(tmp_path)
    assert [t.id for t in result.tweets] == ["1", "2"]
    assert any("no data/manifest.js" in w for w in result.report.warnings)


def test_manifest_count_mismatch_is_a_warning(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "one")])
    (tmp_path / "data" / "manifest.js").write_text(
        manifest({"tweets": [("data/tweets.js", 5)]}), encoding="utf-8"
    )
    result = read_archive(tmp_path)
    assert [t.id for t in result.tweets] == ["1"]
    assert any("manifest says 5 records, the file has 1" in w for w in result.report.warnings)


def deleted_archive(tmp_path: Path) -> Path:
    deleted = record("8", "@ohhanxiety Lata Mangeshkar 🫡", deleted_at="Mon Nov 24 06:05:11 +0000 2025")
    extra = {"deleted-tweets.js": js_file("YTD.deleted_tweets.part0", [{"tweet": deleted}])}
    write_archive(tmp_path, [record("1", "kept")], extra=extra)
    (tmp_path / "data" / "manifest.js").write_text(
        manifest({"tweets": [("data/tweets.js", 1)], "deletedTweets": [("data/deleted-tweets.js", 1)]}),
        encoding="utf-8",
    )
    return tmp_path


def test_deleted_tweets_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    deleted_archive(tmp_path)
    default = read_archive(tmp_path)
    assert [t.id for t in default.tweets] == ["1"]
    assert default.report.deleted_left_out == 1
    asked = read_archive(tmp_path, include_deleted=True)
    assert [(t.id, t.is_deleted) for t in asked.tweets] == [("1", False), ("8", True)]
    assert asked.report.deleted_included == 1


def test_deleted_tweets_file_is_not_even_opened_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deleted_archive(tmp_path)
    opened = spy_reads(monkeypatch)
    read_archive(tmp_path)
    assert "data/deleted-tweets.js" not in opened


def test_community_tweets_are_read(tmp_path: Path) -> None:
    community = record("9", "posted in a community", community_id="1500000000000000000")
    extra = {"community-tweet.js": js_file("YTD.community_tweet.part0", [{"tweet": community}])}
    write_archive(tmp_path, [record("1", "normal")], extra=extra)
    assert [t.text for t in read_archive(tmp_path).tweets] == ["normal", "posted in a community"]


def test_empty_community_file_is_fine(tmp_path: Path) -> None:
    extra = {"community-tweet.js": "window.YTD.community_tweet.part0 = [ ]"}
    write_archive(tmp_path, [record("1", "normal")], extra=extra)
    assert len(read_archive(tmp_path).tweets) == 1


def spy_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    real_read = archive_files.FolderSource.read

    def read(self: archive_files.FolderSource, name: str) -> bytes:
        opened.append(name)
        return real_read(self, name)

    monkeypatch.setattr(archive_files.FolderSource, "read", read)
    return opened


def test_private_files_are_never_opened_even_when_the_manifest_points_at_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "SECRET-EMAIL someone@example.com"
    private = {
        "account.js": js_file("YTD.account.part0", [{"account": {"email": secret}}]),
        "direct-messages.js": js_file("YTD.direct_messages.part0", [{"text": secret}]),
        "ip-audit.js": js_file("YTD.ip_audit.part0", [{"loginIp": "10.0.0.1"}]),
        "contact.js": js_file("YTD.contact.part0", [{"email": secret}]),
        "personalization.js": js_file("YTD.personalization.part0", [{"x": secret}]),
        "phone-number.js": js_file("YTD.phone_number.part0", [{"phone": secret}]),
    }
    write_archive(tmp_path, [record("1", "public")], extra=private)
    # a hostile manifest that lists account.js as a tweets part
    (tmp_path / "data" / "manifest.js").write_text(
        manifest({"tweets": [("data/tweets.js", 1), ("data/account.js", 1)]}), encoding="utf-8"
    )
    opened = spy_reads(monkeypatch)
    result = read_archive(tmp_path)
    assert [t.text for t in result.tweets] == ["public"]
    assert sorted(opened) == ["data/manifest.js", "data/tweets.js"]
    with pytest.raises(PermissionError):
        archive_files.FolderSource(tmp_path, tmp_path / "data").read("data/account.js")


def test_zip_members_are_read_directly_even_inside_a_top_folder(tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "src", [record("1", "from a zip")])
    zip_path = tmp_path / "twitter-2024-11-16-abc.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        for file in (folder / "data").iterdir():
            zf.write(file, f"twitter-2024-11-16-abc/data/{file.name}")
        zf.writestr("twitter-2024-11-16-abc/data/tweets_media/1-a.jpg", b"\xff\xd8 not read")
    result = read_archive(zip_path)
    assert [t.text for t in result.tweets] == ["from a zip"]
    assert result.report.screen_name == "alrocar"


def test_data_folder_itself_can_be_passed(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "hi")])
    assert [t.id for t in read_archive(tmp_path / "data").tweets] == ["1"]


def test_utf8_bom_and_trailing_semicolon(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "hi")])
    path = tmp_path / "data" / "tweets.js"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes() + b";\n")
    assert [t.id for t in read_archive(tmp_path).tweets] == ["1"]


def test_without_manifest_the_account_is_inferred(tmp_path: Path) -> None:
    media = {
        "url": "https://t.co/PhOtO12345",
        "expanded_url": "https://twitter.com/alrocar/status/20/photo/1",
        "type": "photo",
        "indices": ["4", "27"],
    }
    tweets = [
        record("10", "root"),
        self_reply("11", "10", "more"),
        record("20", "pic https://t.co/PhOtO12345", entities={"urls": [], "media": [media]}),
    ]
    write_archive(tmp_path, tweets, with_manifest=False)
    result = read_archive(tmp_path)
    assert (result.account.account_id, result.account.screen_name) == (ACCOUNT_ID, "alrocar")
    assert result.tweets[2].text == "pic [photo]"
    # decided before the owner was known, the self-reply is corrected from "reply" to "tweet"
    assert [t.kind for t in result.tweets] == ["tweet", "tweet", "tweet"]


def test_without_manifest_tweet_headers_give_the_account_id(tmp_path: Path) -> None:
    headers = js_file(
        "YTD.tweet_headers.part0",
        [
            {
                "tweet": {
                    "tweet_id": "11",
                    "user_id": ACCOUNT_ID,
                    "created_at": "Tue Nov 05 13:24:09 +0000 2024",
                }
            }
        ],
    )
    # a self-reply whose parent was deleted, and a reply to someone else: only the headers tell them apart
    tweets = [
        self_reply("11", "5", "continuing a deleted tweet"),
        record("12", "@x hi", in_reply_to_user_id_str="77"),
    ]
    write_archive(tmp_path, tweets, with_manifest=False, extra={"tweet-headers.js": headers})
    result = read_archive(tmp_path)
    assert result.account.account_id == ACCOUNT_ID
    assert [(t.id, t.kind) for t in result.tweets] == [("11", "tweet"), ("12", "reply")]


LEGACY_HEADER = (
    '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text",'
    '"retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"\n'
)


def test_legacy_tweets_csv_with_newlines_in_text(tmp_path: Path) -> None:
    rows = (
        '"561613445371260928","","","2015-01-31 19:53:39 +0000","<a>web</a>","line one\nline two &amp; '
        'https://t.co/AbCdEfGhIj","","","","https://example.com/post"\n'
        '"561613445371260929","","","2015-01-31 19:54:00 +0000","<a>web</a>","RT @other: hi","5","6",'
        '"2015-01-31 18:00:00 +0000",""\n'
    )
    (tmp_path / "tweets.csv").write_text(LEGACY_HEADER + rows, encoding="utf-8")
    result = read_archive(tmp_path)
    first, second = result.tweets
    assert first.text == "line one\nline two & https://example.com/post"
    assert first.created_ts == 1422734019
    assert second.kind == "retweet"
    assert result.report.archive_format == "tweets.csv"


def test_legacy_csv_columns_are_read_by_header_name(tmp_path: Path) -> None:
    header = '"text","timestamp","tweet_id","in_reply_to_status_id","in_reply_to_user_id","expanded_urls"\n'
    row = '"early variant","2010-05-01 10:00:00 +0000","13000000000","","",""\n'
    (tmp_path / "tweets.csv").write_text(header + row, encoding="utf-8")
    (tweet,) = read_archive(tmp_path / "tweets.csv").tweets
    assert (tweet.id, tweet.text) == ("13000000000", "early variant")


def test_grailbird_monthly_files(tmp_path: Path) -> None:
    js = tmp_path / "data" / "js"
    (js / "tweets").mkdir(parents=True)
    (js / "user_details.js").write_text(
        'var user_details =  {\n  "screen_name" : "oldie",\n  "id" : "12345",\n  "full_name" : "Old"\n}',
        encoding="utf-8",
    )
    records = [
        {
            "id_str": "561613445371260928",
            "id": 561613445371260928,
            "text": "RT @other: cut short…",
            "created_at": "2015-01-31 19:53:39 +0000",
            "entities": {"urls": [], "user_mentions": [], "hashtags": []},
            "retweeted_status": {"text": "the whole original &amp; more", "user": {"screen_name": "other"}},
        },
        {
            "id_str": "561613445371260999",
            "id": 561613445371260999,
            "text": "mine https://t.co/AbCdEfGhIj",
            "created_at": "2015-01-31 20:00:00 +0000",
            "entities": {
                "urls": [
                    {"url": "https://t.co/AbCdEfGhIj", "expanded_url": "https://e.com", "indices": [5, 28]}
                ]
            },
        },
    ]
    (js / "tweets" / "2015_01.js").write_text(
        "Grailbird.data.tweets_2015_01 = \n" + json.dumps(records, indent=2), encoding="utf-8"
    )
    result = read_archive(tmp_path)
    assert [(t.id, t.kind, t.text) for t in result.tweets] == [
        ("561613445371260928", "retweet", "RT @other: the whole original & more"),
        ("561613445371260999", "tweet", "mine https://e.com"),
    ]
    assert result.account.screen_name == "oldie"
    assert result.report.archive_format == "grailbird"


def test_plain_json_and_jsonl_lists_of_tweets(tmp_path: Path) -> None:
    tweets = [
        {"id": "1854112013290152286", "text": "from elsewhere", "created_at": "2024-11-05T13:24:09Z"},
        {"id": 42, "text": "small numeric id", "created_at": "Tue Nov 05 13:24:09 +0000 2024", "lang": "en"},
    ]
    (tmp_path / "tweets.json").write_text(json.dumps(tweets), encoding="utf-8")
    (tmp_path / "tweets.jsonl").write_text("\n".join(json.dumps(t) for t in tweets) + "\n", encoding="utf-8")
    for name in ("tweets.json", "tweets.jsonl"):
        result = read_archive(tmp_path / name)
        assert [(t.id, t.text, t.created_ts) for t in result.tweets] == [
            ("42", "small numeric id", 1730813049),
            ("1854112013290152286", "from elsewhere", 1730813049),
        ]
