"""The web server's pure parts: Host names, thread cards, timeline periods, and checking an ask body."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from langchain_core.documents import Document

from rag.search.timeline import _tweet_stamps, count_periods
from tweet_rag.web.cards import build_cards
from tweet_rag.web.security import allowed_hosts, host_name, is_loopback
from tweet_rag.web.service import BadRequest, parse_ask


def ts(year: int, month: int, day: int = 1) -> int:
    return int(datetime(year, month, day, tzinfo=UTC).timestamp())


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("[::1]:8000", "::1"),
        ("Example.ORG", "example.org"),
        ("[::1]", "::1"),
    ],
)
def test_host_name_of_a_header(header: str, name: str) -> None:
    assert host_name(header) == name


def test_allowed_hosts_are_loopback_names_the_bound_address_and_extras() -> None:
    assert allowed_hosts("127.0.0.1") == {"localhost", "127.0.0.1", "::1"}
    assert "192.168.1.5" in allowed_hosts("192.168.1.5")
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0", ["box.lan"]) and "box.lan" in allowed_hosts(
        "0.0.0.0", ["box.lan"]
    )
    assert is_loopback("127.0.0.2") and is_loopback("::1") and not is_loopback("0.0.0.0")


def context_tweet(number: int, tweet_id: str, kind: str, cited: bool = False) -> Document:
    metadata = {
        "tweet_id": tweet_id,
        "citation": number,
        "kind": kind,
        "url": f"https://x.com/i/status/{tweet_id}",
    }
    metadata["created_at"] = "2021-06-01T10:00:00+00:00"
    return Document(page_content=f"text {tweet_id}", metadata=metadata, id=tweet_id)


def test_cards_put_a_threads_tweets_together_in_order() -> None:
    retrieved = [
        Document(page_content="a", metadata={"tweet_id": "10", "tweet_ids": "10,11,12", "kind": "thread"}),
        Document(page_content="b", metadata={"tweet_id": "20", "tweet_ids": "20", "kind": "reply"}),
    ]
    context = [
        context_tweet(1, "10", "thread"),
        context_tweet(2, "11", "thread"),
        context_tweet(3, "12", "thread"),
        context_tweet(4, "20", "reply"),
    ]
    cards = build_cards(context, [context[1]], retrieved)
    assert [[tweet["number"] for tweet in card["tweets"]] for card in cards] == [[1, 2, 3], [4]]
    assert [card["cited"] for card in cards] == [True, False]
    assert [tweet["cited"] for tweet in cards[0]["tweets"]] == [False, True, False]
    assert cards[1]["kind_label"] == "reply"


def test_a_long_post_is_labelled_so() -> None:
    tweet = context_tweet(1, "30", "tweet")
    tweet.metadata["is_long"] = True
    assert build_cards([tweet], [])[0]["kind_label"] == "long post"


def test_periods_run_from_first_to_last_with_empty_ones() -> None:
    stamps = [ts(2020, 1), ts(2020, 1, 20), ts(2020, 4)]
    granularity, periods = count_periods(stamps, "month")
    assert granularity == "month"
    assert [(p.period, p.count) for p in periods] == [
        ("2020-01", 2),
        ("2020-02", 0),
        ("2020-03", 0),
        ("2020-04", 1),
    ]
    granularity, periods = count_periods([ts(2012, 5), ts(2020, 1)], "auto")
    assert granularity == "year" and len(periods) == 9 and periods[0].count == periods[-1].count == 1
    assert count_periods([], "auto")[1] == []


def test_a_threads_later_tweets_count_at_their_own_dates() -> None:
    first = ts(2021, 6)
    later_id = str(((ts(2021, 9) * 1000 - 1288834974657) << 22) + 5)  # a snowflake made in September 2021
    stamps = _tweet_stamps({"created_ts": first, "tweet_ids": f"1400000000000000000,{later_id}"})
    assert stamps[0] == first and datetime.fromtimestamp(stamps[1], UTC).month == 9


def test_an_ask_body_is_checked_and_normalised() -> None:
    request = parse_ask(
        {"question": " tea? ", "retweets": False, "replies": "only", "since": "2020", "until": "2020-02"},
        ["default"],
    )
    assert request.question == "tea?" and request.retweets == "exclude" and request.replies == "only"
    assert request.since_ts == ts(2020, 1) and request.until_ts == ts(2020, 3)
    history = parse_ask(
        {"question": "x", "chat_history": [{"role": "user", "content": "hi"}, ["ai", "yo"]]}, []
    )
    assert history.chat_history == [("human", "hi"), ("ai", "yo")]
    with pytest.raises(BadRequest, match="longer than"):
        parse_ask({"question": "x" * 5000}, [])
