"""Text cleaning, kinds and dates: the pitfalls of ARCHIVE_FORMAT.md on hand-made strings."""

from __future__ import annotations

import pytest

from rag.archive.text import (
    DateFormatError,
    archive_date,
    clean_text,
    detect_kind,
    iso_utc,
    leading_mentions,
    parse_date,
    unescape_html,
)
from rag.archive.tweet import Account, snowflake_id, snowflake_ms, tweet_url


def url_entity(short: str, expanded: str, start: int, end: int) -> dict[str, object]:
    return {
        "url": short,
        "expanded_url": expanded,
        "display_url": expanded[8:30],
        "indices": [str(start), str(end)],
    }


def test_indices_point_into_the_escaped_text_and_unescape_comes_last() -> None:
    # "a &amp; b " is 10 characters escaped (6 unescaped): the link's indices count the escaped form.
    text = "a &amp; b https://t.co/AbCdEfGhIj =&gt; done"
    entities = {"urls": [url_entity("https://t.co/AbCdEfGhIj", "https://example.com/page", 10, 33)]}
    assert clean_text(text, entities) == "a & b https://example.com/page => done"


def test_indices_count_code_points_not_utf16_units() -> None:
    # the emoji is one code point (two UTF-16 units): the link starts at index 7
    text = "😀 café https://t.co/AbCdEfGhIj"
    entities = {"urls": [url_entity("https://t.co/AbCdEfGhIj", "https://café.example/x", 7, 30)]}
    assert clean_text(text, entities) == "😀 café https://café.example/x"


def test_wrong_indices_fall_back_to_finding_the_link() -> None:
    text = "see https://t.co/AbCdEfGhIj"
    entities = {"urls": [url_entity("https://t.co/AbCdEfGhIj", "https://example.com", 0, 23)]}
    assert clean_text(text, entities) == "see https://example.com"


def test_expanded_url_that_is_itself_a_tco_link_is_kept_as_is() -> None:
    text = "制度はいいと思うけど https://t.co/H2WICScoHR"
    entities = {"urls": [url_entity("https://t.co/H2WICScoHR", "https://t.co/H2WICScoHR", 11, 34)]}
    assert clean_text(text, entities) == "制度はいいと思うけど https://t.co/H2WICScoHR"


def test_partial_tco_link_at_the_end_of_a_truncated_retweet_is_dropped() -> None:
    text = "RT @vrevent: スマートフォンからご参加いただけます！\nhttps://t.co/yB…"
    assert clean_text(text, {"urls": []}) == "RT @vrevent: スマートフォンからご参加いただけます！…"


def test_a_word_cut_by_the_ellipsis_is_not_mistaken_for_a_link() -> None:
    text = "RT @notasintel: escrito en siglo XVIII que nombr…"
    assert clean_text(text, {}) == text


def test_media_link_becomes_one_marker_for_all_media() -> None:
    text = "Look at this https://t.co/PhOtO12345"
    media = {"url": "https://t.co/PhOtO12345", "type": "photo", "indices": ["13", "36"]}
    extended = {"media": [{"type": "photo"}, {"type": "photo"}]}
    assert clean_text(text, {"urls": [], "media": [media]}, extended) == "Look at this [2 photos]"
    video = {"url": "https://t.co/PhOtO12345", "type": "video", "indices": ["13", "36"]}
    assert clean_text(text, {"media": [video]}, {"media": [{"type": "video"}]}) == "Look at this [video]"


def test_unescape_handles_amp_last() -> None:
    assert unescape_html("x &amp;lt; y &lt; z &amp; w") == "x &lt; y < z & w"


def test_leading_mentions() -> None:
    assert leading_mentions("@borlanco @Longor A tope") == "@borlanco @Longor "
    assert leading_mentions("no mention @here") == ""


@pytest.mark.parametrize(
    ("text", "reply_to", "urls", "kind"),
    [
        ("RT @someone: their words…", None, [], "retweet"),
        ("@other thanks", "999", [], "reply"),
        ("continuing my thread", "52338276", [], "tweet"),
        ("look https://x", None, ["https://twitter.com/tinybirdco/status/1712831962212077889"], "quote"),
        ("look", None, ["https://x.com/someone/status/123?s=20"], "quote"),
        ("a photo", None, ["https://twitter.com/alrocar/status/1854591356741861770/photo/1"], "tweet"),
        ("a link", None, ["https://example.com/status/12"], "tweet"),
    ],
)
def test_detect_kind(text: str, reply_to: str | None, urls: list[str], kind: str) -> None:
    assert detect_kind(text, reply_to, "52338276", urls) == kind


def test_three_date_formats() -> None:
    # values from `date -u -d "..." +%s`
    assert parse_date("Tue Nov 05 13:24:09 +0000 2024") == 1730813049
    assert parse_date("2023-10-13T14:58:50.000Z") == 1697209130
    assert parse_date("2015-01-31 19:53:39 +0000") == 1422734019
    assert parse_date("2015-01-31 19:53:39 +0200") == 1422726819
    assert parse_date("Sat Jan 31 19:53:39 +0200 2015") == 1422726819
    assert iso_utc(1730813049) == "2024-11-05T13:24:09+00:00"


def test_dates_do_not_depend_on_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    # whatever LC_TIME says, English month names are looked up in a table, not with strptime
    for name in ("de_DE.UTF-8", "ja_JP.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert parse_date("Tue Nov 05 13:24:09 +0000 2024") == 1730813049
        finally:
            locale.setlocale(locale.LC_TIME, "")


def test_bad_date_is_an_error() -> None:
    with pytest.raises(DateFormatError):
        parse_date("Dienstag, 5. November")


def test_archive_date_is_the_tweet_format_and_parses_back() -> None:
    assert archive_date(1730813049) == "Tue Nov 05 13:24:09 +0000 2024"
    for stamp in (0, 1288834974, 1451606399, 1709164800, 1735689599):  # leap day, year ends
        assert parse_date(archive_date(stamp)) == stamp


def test_snowflake_id_and_time_round_trip() -> None:
    ms = 1666809767350  # 2022-10-26T18:42:47.350Z
    assert snowflake_id(ms, 1835008) == "1585341184893255680"  # a real tweet id of that moment
    assert snowflake_ms(snowflake_id(ms, 4_000_000)) == ms
    assert int(snowflake_id(ms, 1)) > int(snowflake_id(ms, 0))


def test_one_tweet_url_for_accounts_and_documents() -> None:
    assert tweet_url("123", "tessa") == "https://x.com/tessa/status/123"
    assert tweet_url("123", None) == tweet_url("123", "") == "https://x.com/i/status/123"
    assert Account(screen_name="tessa").tweet_url("123") == tweet_url("123", "tessa")
    assert Account().tweet_url("123") == tweet_url("123")
