"""parse_date_range: a table of date phrasings with hand-worked UTC ranges, and numbers that are not dates."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime

import pytest

from rag.filters import Filter
from rag.search.dates import parse_date_range

# The archive's newest tweet: Tue 2024-11-05 13:24:09 UTC (alrocar-2024's last tweet date, a Tuesday).
NEWEST = calendar.timegm((2024, 11, 5, 13, 24, 9))
NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


def ts(day: str | None) -> int | None:
    """Epoch seconds of midnight UTC on an ISO day, worked out with calendar.timegm (not the parser)."""
    if day is None:
        return None
    year, month, dd = (int(part) for part in day.split("-"))
    return calendar.timegm((year, month, dd, 0, 0, 0))


# question, expected start (inclusive), expected end (exclusive), expected matched text
DATES: list[tuple[str, str | None, str | None, str]] = [
    ("what did I say in 2019?", "2019-01-01", "2020-01-01", "in 2019"),
    ("tweets from March 2016", "2016-03-01", "2016-04-01", "from March 2016"),
    ("what did I post in march of 2016", "2016-03-01", "2016-04-01", "in march of 2016"),
    ("Mar. 2016 tweets about maps", "2016-03-01", "2016-04-01", "Mar. 2016"),
    ("what was I doing the summer of 2011", "2011-06-01", "2011-09-01", "the summer of 2011"),
    ("the winter of 2011", "2011-12-01", "2012-03-01", "the winter of 2011"),
    ("spring 2013 trips", "2013-03-01", "2013-06-01", "spring 2013"),
    ("in the fall of 2020", "2020-09-01", "2020-12-01", "in the fall of 2020"),
    ("jobs I had between 2014 and 2016", "2014-01-01", "2017-01-01", "between 2014 and 2016"),
    ("from 2014 to 2016, what did I read", "2014-01-01", "2017-01-01", "from 2014 to 2016"),
    ("2014-2016 tweets about python", "2014-01-01", "2017-01-01", "2014-2016"),
    ("what did I think of Rust before 2012", None, "2012-01-01", "before 2012"),
    ("posts after 2018", "2019-01-01", None, "after 2018"),
    ("since 2020 have I mentioned covid", "2020-01-01", None, "since 2020"),
    ("until 2015", None, "2016-01-01", "until 2015"),
    ("tweets between 2014 and now", "2014-01-01", None, "between 2014 and now"),
    ("from March 2016 to today", "2016-03-01", None, "from March 2016 to today"),
    ("what did I tweet last year", "2023-01-01", "2024-01-01", "last year"),
    ("this year", "2024-01-01", "2025-01-01", "this year"),
    ("what did I post last month", "2024-10-01", "2024-11-01", "last month"),
    ("last week", "2024-10-28", "2024-11-04", "last week"),
    ("in the past 3 months", "2024-08-05", "2024-11-06", "in the past 3 months"),
    ("the last 2 weeks", "2024-10-22", "2024-11-06", "the last 2 weeks"),
    ("what did I do last summer", "2024-06-01", "2024-09-01", "last summer"),
    ("last winter", "2023-12-01", "2024-03-01", "last winter"),
    ("2 years ago", "2022-01-01", "2023-01-01", "2 years ago"),
    ("three months ago", "2024-08-01", "2024-09-01", "three months ago"),
    ("in the 2010s", "2010-01-01", "2020-01-01", "in the 2010s"),
    ("early 2015", "2015-01-01", "2015-05-01", "early 2015"),
    ("late 2015 conferences", "2015-09-01", "2016-01-01", "late 2015"),
    ("mid-2015", "2015-05-01", "2015-09-01", "mid-2015"),
    ("the beginning of 2017", "2017-01-01", "2017-05-01", "the beginning of 2017"),
    ("tweets on 2019-03-02", "2019-03-02", "2019-03-03", "on 2019-03-02"),
    ("on March 2, 2019", "2019-03-02", "2019-03-03", "on March 2, 2019"),
    ("the 2nd of March 2019", "2019-03-02", "2019-03-03", "2nd of March 2019"),
    ("Q1 2020", "2020-01-01", "2020-04-01", "Q1 2020"),
    ("the third quarter of 2021", "2021-07-01", "2021-10-01", "the third quarter of 2021"),
    ("between March 2014 and June 2015", "2014-03-01", "2015-07-01", "between March 2014 and June 2015"),
    ("in the year 2013", "2013-01-01", "2014-01-01", "in the year 2013"),
    ("in 2016 and 2018", "2016-01-01", "2019-01-01", "in 2016 … 2018"),
    ("2019-07", "2019-07-01", "2019-08-01", "2019-07"),
    # Spanish
    ("¿qué dije en 2019?", "2019-01-01", "2020-01-01", "en 2019"),
    ("tuits antes de 2012", None, "2012-01-01", "antes de 2012"),
    ("en marzo de 2016", "2016-03-01", "2016-04-01", "en marzo de 2016"),
    ("entre 2014 y 2016", "2014-01-01", "2017-01-01", "entre 2014 y 2016"),
    ("el año pasado", "2023-01-01", "2024-01-01", "el año pasado"),
    ("después de 2018", "2019-01-01", None, "después de 2018"),
    ("el verano de 2011", "2011-06-01", "2011-09-01", "el verano de 2011"),
    ("¿qué tuiteé hace dos años?", "2022-01-01", "2023-01-01", "hace dos años"),
    # Japanese
    ("2018年3月のツイート", "2018-03-01", "2018-04-01", "2018年3月"),
    ("2017年に何を書いた", "2017-01-01", "2018-01-01", "2017年"),
]

NOT_DATES: list[str] = [
    "how many cups: 2 cups of flour",
    "my top 10 tweets",
    "when did I reach 1000 followers",
    "summarise my 2000 tweets",
    "what changed in version 2.0",
    "write it in 1500 words",
    "the office at 2019 Main St",
    "a summary in 2019 words",
    "what about the 2016 election",
    "my 2016 followers",
    "results of the 2016 election",
    "I have 2016 followers",
    "tweets in 2048",
    "call 555-2019",
    "the $2019 budget",
    "the #2019 hashtag",
    "is 2020/2 an integer",
    "the last days of rome",
    "más de 2019 seguidores",
    "my last 10 tweets",
    "what did I say about pizza",
    "tweets from 1999",
    "in March",
    "February 30, 2019",
    "I had 2019 followers two weeks later",
    "the 2010 to 2500 range",
]


@pytest.mark.parametrize(("question", "start", "end", "text"), DATES)
def test_date_phrasings(question: str, start: str | None, end: str | None, text: str) -> None:
    found = parse_date_range(question, NEWEST, now=NOW)
    assert found is not None
    assert (found.start_ts, found.end_ts) == (ts(start), ts(end))
    assert found.text == text


@pytest.mark.parametrize("question", NOT_DATES)
def test_numbers_that_are_not_dates(question: str) -> None:
    assert parse_date_range(question, NEWEST, now=NOW) is None


def test_table_size() -> None:
    assert len(DATES) >= 25
    assert len(NOT_DATES) >= 15
    assert len(DATES) + len(NOT_DATES) >= 40


def test_relative_dates_without_archive_use_now() -> None:
    found = parse_date_range("what did I tweet last year", None, now=NOW)
    assert found is not None
    assert (found.start_ts, found.end_ts) == (ts("2025-01-01"), ts("2026-01-01"))


def test_relative_to_january_anchor_crosses_year() -> None:
    january = calendar.timegm((2021, 1, 15, 12, 0, 0))
    found = parse_date_range("last month", january, now=NOW)
    assert found is not None
    assert (found.start_ts, found.end_ts) == (ts("2020-12-01"), ts("2021-01-01"))


def test_next_year_is_a_date_but_not_later() -> None:
    assert parse_date_range("in 2027", NEWEST, now=NOW) is not None
    assert parse_date_range("in 2028", NEWEST, now=NOW) is None


def test_strip_and_filter() -> None:
    question = "what did I say about maps in 2019?"
    found = parse_date_range(question, NEWEST, now=NOW)
    assert found is not None
    assert found.strip(question) == "what did I say about maps ?"
    assert found.span == (26, 33)
    assert found.to_filter() == Filter(since_ts=ts("2019-01-01"), until_ts=ts("2020-01-01"))
