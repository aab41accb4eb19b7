"""The partial parse of tweets parts (rag.archive.payload): a full parse's records, minus unread fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.archive.payload import PayloadError, parse_js_payload, parse_tweet_records
from rag.archive.reader import read_archive
from tests.unit.loader_archives import record, write_archive

PART = b"""window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "source" : "<a href=\\"https://mobile.twitter.com\\" rel=\\"nofollow\\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ { "text" : "rag", "indices" : [ "0", "4" ] } ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [ {
          "url" : "https://t.co/abcdefghij",
          "expanded_url" : "https://x.com/me/status/1/photo/1",
          "indices" : [ "5", "28" ],
          "type" : "photo",
          "sizes" : { "large" : { "w" : "1", "h" : "1", "resize" : "fit" } }
        } ]
      },
      "display_text_range" : [ "0", "4" ],
      "id_str" : "1",
      "created_at" : "Tue Nov 05 13:24:09 +0000 2024",
      "full_text" : "#rag https://t.co/abcdefghij",
      "lang" : "en"
    }
  }
];
"""


def test_keeps_the_read_fields_and_drops_the_rest() -> None:
    (item,) = parse_tweet_records(PART)
    tweet = item["tweet"]
    assert tweet["full_text"] == "#rag https://t.co/abcdefghij"
    assert tweet["id_str"] == "1" and tweet["lang"] == "en"
    assert tweet["entities"]["hashtags"] == [{"text": "rag"}]
    assert tweet["entities"]["media"] == [
        {
            "url": "https://t.co/abcdefghij",
            "expanded_url": "https://x.com/me/status/1/photo/1",
            "indices": ["5", "28"],
            "type": "photo",
        }
    ]
    assert "source" not in tweet and "display_text_range" not in tweet
    assert "symbols" not in tweet["entities"]


def test_an_element_that_does_not_fit_is_parsed_in_full() -> None:
    odd = (
        b'window.YTD.tweets.part0 = [ "not a tweet", { "tweet" : { "id_str" : "2", "source" : "web" } },'
        b' { "tweet" : { "entities" : "odd", "source" : "web" } } ]'
    )
    records = parse_tweet_records(odd)
    assert len(records) == 3
    assert list(records) == [
        "not a tweet",  # parsed in full: not a record
        {"tweet": {"id_str": "2"}},  # fits: only the read fields
        {"tweet": {"entities": "odd", "source": "web"}},  # parsed in full: entities is not an object
    ]
    assert records[1] == {"tweet": {"id_str": "2"}}


def test_a_payload_that_is_not_a_list_is_parsed_in_full() -> None:
    assert parse_tweet_records(b'window.YTD.tweets.part0 = { "tweet" : { "id_str" : "2" } }') == {
        "tweet": {"id_str": "2"}
    }


def test_invalid_json_reports_the_same_line_as_a_full_parse() -> None:
    broken = PART.replace(b'"lang" : "en"', b'"lang" : en')
    with pytest.raises(PayloadError) as partial:
        parse_tweet_records(broken)
    with pytest.raises(PayloadError) as full:
        parse_js_payload(broken)
    assert str(partial.value) == str(full.value)
    assert "line 22" in str(partial.value)


def test_odd_records_are_still_skipped_and_counted(tmp_path: Path) -> None:
    good = record("1854112013290152286", "a tweet that reads fine")
    entities_a_list = {**record("1854112013290152287", "entities as a list"), "entities": []}
    write_archive(tmp_path, [good, entities_a_list, "not a tweet"])
    contents = read_archive(tmp_path)
    assert [tweet.id for tweet in contents.tweets] == ["1854112013290152286", "1854112013290152287"]
    assert [skip.position for skip in contents.report.skipped] == [3]
