"""parse_date_range: a table of date phrasings with hand-worked UTC ranges, and numbers that are not dates."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime

import pytest

from rag.filters import Filter
from rag.search.dates import DateRange, easter_sunday, parse_date_range

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
    # Named days with a year (dates looked up in a calendar: Thanksgiving 2015 was Thursday 26 November).
    ("what did I tweet on Christmas Eve 2016?", "2016-12-24", "2016-12-25", "on Christmas Eve 2016"),
    ("Thanksgiving 2015", "2015-11-26", "2015-11-27", "Thanksgiving 2015"),
    ("Memorial Day weekend 2013", "2013-05-25", "2013-05-28", "Memorial Day weekend 2013"),  # Sat-Mon 27th
    ("Labor Day weekend 2013", "2013-08-31", "2013-09-03", "Labor Day weekend 2013"),  # Labor Day: Sep 2
    ("Thanksgiving weekend 2015", "2015-11-26", "2015-11-30", "Thanksgiving weekend 2015"),  # Thu-Sun
    ("New Year's Eve 2016", "2016-12-31", "2017-01-01", "New Year's Eve 2016"),
    ("on New Year’s Day 2017", "2017-01-01", "2017-01-02", "on New Year’s Day 2017"),
    ("at New Year 2016", "2015-12-31", "2016-01-02", "at New Year 2016"),  # the night into 2016
    ("Valentine's Day 2014", "2014-02-14", "2014-02-15", "Valentine's Day 2014"),
    ("on Halloween 2012", "2012-10-31", "2012-11-01", "on Halloween 2012"),
    ("Easter 2016", "2016-03-27", "2016-03-28", "Easter 2016"),
    ("at Easter 2019", "2019-04-21", "2019-04-22", "at Easter 2019"),
    ("Good Friday 2016", "2016-03-25", "2016-03-26", "Good Friday 2016"),
    ("Easter weekend 2016", "2016-03-25", "2016-03-29", "Easter weekend 2016"),  # Good Friday-Easter Monday
    ("Mother's Day 2019", "2019-05-12", "2019-05-13", "Mother's Day 2019"),
    ("Father's Day 2019", "2019-06-16", "2019-06-17", "Father's Day 2019"),
    ("Labor Day 2018", "2018-09-03", "2018-09-04", "Labor Day 2018"),
    ("Boxing Day 2015", "2015-12-26", "2015-12-27", "Boxing Day 2015"),
    ("St. Patrick's Day 2017", "2017-03-17", "2017-03-18", "St. Patrick's Day 2017"),
    ("the Fourth of July 2016", "2016-07-04", "2016-07-05", "the Fourth of July 2016"),
    ("Independence Day 2016", "2016-07-04", "2016-07-05", "Independence Day 2016"),
    ("MLK Day 2018", "2018-01-15", "2018-01-16", "MLK Day 2018"),
    ("Presidents' Day 2017", "2017-02-20", "2017-02-21", "Presidents' Day 2017"),
    ("Black Friday 2019", "2019-11-29", "2019-11-30", "Black Friday 2019"),
    ("Cyber Monday 2015", "2015-11-30", "2015-12-01", "Cyber Monday 2015"),
    ("Election Day 2016", "2016-11-08", "2016-11-09", "Election Day 2016"),
    ("on Christmas in 2014", "2014-12-25", "2014-12-26", "on Christmas … in 2014"),
    # ... but a named day without a date word is a topic, and only the year filters
    ("What did I say about the new year in 2020?", "2020-01-01", "2021-01-01", "in 2020"),
    ("what did I say about Thanksgiving in 2015", "2015-01-01", "2016-01-01", "in 2015"),
    # ... moved: the week / day / weekend before, after, of
    ("the week before Christmas 2016", "2016-12-18", "2016-12-25", "the week before Christmas 2016"),
    ("the day after Thanksgiving 2015", "2015-11-27", "2015-11-28", "the day after Thanksgiving 2015"),
    ("the week after Easter 2016", "2016-03-28", "2016-04-04", "the week after Easter 2016"),
    ("the weekend before Easter 2016", "2016-03-19", "2016-03-21", "the weekend before Easter 2016"),
    ("the week of Thanksgiving 2015", "2015-11-23", "2015-11-30", "the week of Thanksgiving 2015"),  # Mon-Sun
    ("2 days before Christmas 2016", "2016-12-23", "2016-12-24", "2 days before Christmas 2016"),
    ("the day before March 2, 2019", "2019-03-01", "2019-03-02", "the day before March 2, 2019"),
    # ... relative to the newest tweet (Tue 2024-11-05)
    ("last Christmas", "2023-12-25", "2023-12-26", "last Christmas"),
    ("this Halloween", "2024-10-31", "2024-11-01", "this Halloween"),
    ("since Christmas", "2023-12-25", None, "since Christmas"),
    ("last March", "2024-03-01", "2024-04-01", "last March"),
    # ... in Spanish and Japanese
    ("¿qué dije en Navidad de 2016?", "2016-12-25", "2016-12-26", "en Navidad de 2016"),
    ("en Nochebuena de 2015", "2015-12-24", "2015-12-25", "en Nochebuena de 2015"),
    ("Semana Santa de 2016", "2016-03-20", "2016-03-28", "Semana Santa de 2016"),  # Palm Sunday-Easter
    ("2016年のクリスマス", "2016-12-25", "2016-12-26", "2016年のクリスマス"),
    ("2015年の大晦日に", "2015-12-31", "2016-01-01", "2015年の大晦日に"),
]

# Days and periods without a year stand for every year's (2005 to next year): the pieces that start in
# 2015-2017, worked out by hand, and the text matched. Easter: 5 Apr 2015, 27 Mar 2016, 16 Apr 2017;
# Thanksgiving: 26 Nov 2015, 24 Nov 2016, 23 Nov 2017; Memorial Day: 25 May 2015, 30 May 2016, 29 May 2017.
EVERY_YEAR: list[tuple[str, list[tuple[str, str]], str]] = [
    (
        "what did I tweet on Christmas Eve?",
        [("2015-12-24", "2015-12-25"), ("2016-12-24", "2016-12-25"), ("2017-12-24", "2017-12-25")],
        "on Christmas Eve",
    ),
    (
        "on Thanksgiving",
        [("2015-11-26", "2015-11-27"), ("2016-11-24", "2016-11-25"), ("2017-11-23", "2017-11-24")],
        "on Thanksgiving",
    ),
    (
        "at Easter",
        [("2015-04-05", "2015-04-06"), ("2016-03-27", "2016-03-28"), ("2017-04-16", "2017-04-17")],
        "at Easter",
    ),
    (
        "over Memorial Day weekend",
        [("2015-05-23", "2015-05-26"), ("2016-05-28", "2016-05-31"), ("2017-05-27", "2017-05-30")],
        "over Memorial Day weekend",
    ),
    (
        "the week before Christmas",
        [("2015-12-18", "2015-12-25"), ("2016-12-18", "2016-12-25"), ("2017-12-18", "2017-12-25")],
        "the week before Christmas",
    ),
    (
        "what did I say on Independence Day",
        [("2015-07-04", "2015-07-05"), ("2016-07-04", "2016-07-05"), ("2017-07-04", "2017-07-05")],
        "on Independence Day",
    ),
    (
        "in March",
        [("2015-03-01", "2015-04-01"), ("2016-03-01", "2016-04-01"), ("2017-03-01", "2017-04-01")],
        "in March",
    ),
    (
        "what did I do in the winter",
        [("2015-12-01", "2016-03-01"), ("2016-12-01", "2017-03-01"), ("2017-12-01", "2018-03-01")],
        "in the winter",
    ),
    (
        "on July 4th",
        [("2015-07-04", "2015-07-05"), ("2016-07-04", "2016-07-05"), ("2017-07-04", "2017-07-05")],
        "on July 4th",
    ),
    ("on Feb 29", [("2016-02-29", "2016-03-01")], "on Feb 29"),
    (
        "between Christmas and New Year's Day",
        [("2015-12-25", "2016-01-02"), ("2016-12-25", "2017-01-02"), ("2017-12-25", "2018-01-02")],
        "between Christmas and New Year's Day",
    ),
    (
        "on Christmas Eve and New Year's Eve",
        [
            ("2015-12-24", "2015-12-25"),
            ("2015-12-31", "2016-01-01"),
            ("2016-12-24", "2016-12-25"),
            ("2016-12-31", "2017-01-01"),
            ("2017-12-24", "2017-12-25"),
            ("2017-12-31", "2018-01-01"),
        ],
        "on Christmas Eve … New Year's Eve",
    ),
    (
        "el 5 de mayo",
        [("2015-05-05", "2015-05-06"), ("2016-05-05", "2016-05-06"), ("2017-05-05", "2017-05-06")],
        "el 5 de mayo",
    ),
    (
        "クリスマスに何をツイートした",
        [("2015-12-25", "2015-12-26"), ("2016-12-25", "2016-12-26"), ("2017-12-25", "2017-12-26")],
        "クリスマスに",
    ),
    # Kept within a year said elsewhere in the question, or a union of years.
    (
        "on Christmas Eve in 2016 and 2018",
        [("2016-12-24", "2016-12-25")],
        "on Christmas Eve … in 2016 … 2018",
    ),
    ("in 2016 and 2018", [("2016-01-01", "2017-01-01")], "in 2016 … 2018"),
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
    "February 30, 2019",
    "on February 30",
    "I had 2019 followers two weeks later",
    "the 2010 to 2500 range",
    # Named days that name a thing, or are said without a date word or a year.
    "my Easter egg hunt",
    "the Easter eggs in that game",
    "my Independence Day review",
    "what did I say about Thanksgiving",
    "Christmas tree photos",
    "my New Year's resolutions",
    "in the new year",
    "tweets from Eastern Europe",
    "クリスマスのツイート",
    # Months and seasons that are not dates here.
    "problems in Spring Boot",
    "brackets in March Madness",
    "tweets from April",
    "the March on Washington",
    "in the fall of Rome",
    "I may go",
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


def pieces_from(found: DateRange, first_year: int, last_year: int) -> list[tuple[str, str]]:
    """The pieces of `found` (ISO days) that start in first_year..last_year."""
    pieces = found.ranges or ((found.start_ts, found.end_ts),)
    out = []
    for lo, hi in pieces:
        assert lo is not None and hi is not None
        start, end = (datetime.fromtimestamp(t, UTC).date().isoformat() for t in (lo, hi))
        if first_year <= int(start[:4]) <= last_year:
            out.append((start, end))
    return out


@pytest.mark.parametrize(("question", "expected", "text"), EVERY_YEAR)
def test_days_and_periods_every_year(question: str, expected: list[tuple[str, str]], text: str) -> None:
    found = parse_date_range(question, NEWEST, now=NOW)
    assert found is not None
    assert pieces_from(found, 2015, 2017) == expected
    assert found.text == text
    assert found.ranges is not None
    assert (found.start_ts, found.end_ts) == (found.ranges[0][0], found.ranges[-1][1])


def test_every_year_spans_twitter_to_next_year() -> None:
    found = parse_date_range("on Christmas Eve", NEWEST, now=NOW)
    assert found is not None and found.ranges is not None
    assert len(found.ranges) == 23  # 2005 to 2027
    assert (found.start_ts, found.end_ts) == (ts("2005-12-24"), ts("2027-12-25"))


def test_a_day_without_a_year_within_one_year_is_one_range() -> None:
    found = parse_date_range("on Christmas Eve in 2016", NEWEST, now=NOW)
    assert found is not None
    assert (found.start_ts, found.end_ts, found.ranges) == (ts("2016-12-24"), ts("2016-12-25"), None)


def test_easter_computus() -> None:
    # Western Easter Sundays from a printed table.
    table = {
        2006: "04-16", 2007: "04-08", 2008: "03-23", 2009: "04-12", 2010: "04-04", 2011: "04-24",
        2012: "04-08", 2013: "03-31", 2014: "04-20", 2015: "04-05", 2016: "03-27", 2017: "04-16",
        2018: "04-01", 2019: "04-21", 2020: "04-12", 2021: "04-04", 2022: "04-17", 2023: "04-09",
        2024: "03-31", 2025: "04-20", 2026: "04-05", 2000: "04-23", 2038: "04-25", 2285: "03-22",
    }  # fmt: skip
    assert {year: easter_sunday(year).strftime("%m-%d") for year in table} == table


def test_strip_named_days() -> None:
    question = "what did I tweet on Christmas Eve 2016 about snow?"
    found = parse_date_range(question, NEWEST, now=NOW)
    assert found is not None
    assert found.strip(question) == "what did I tweet about snow?"
    question = "snow the week before Christmas"
    found = parse_date_range(question, NEWEST, now=NOW)
    assert found is not None
    assert found.strip(question) == "snow"
    question = "クリスマスに何をツイートした"
    found = parse_date_range(question, NEWEST, now=NOW)
    assert found is not None
    assert found.strip(question) == "何をツイートした"


def test_every_year_filter_keeps_those_days_only() -> None:
    found = parse_date_range("on Christmas Eve", NEWEST, now=NOW)
    assert found is not None
    flt = found.to_filter()
    noon = 12 * 3600
    for day, passes in [
        ("2016-12-24", True),
        ("2009-12-24", True),
        ("2016-12-25", False),
        ("2016-12-23", False),
        ("2016-07-01", False),
    ]:
        stamp = ts(day)
        assert stamp is not None
        assert flt.matches({"created_ts": stamp + noon}) is passes, day
    assert flt.matches({"created_ts": ts("2016-12-25")}) is False  # midnight ends Christmas Eve


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


def test_a_question_date_outside_the_flags_is_an_error_and_one_inside_narrows_them() -> None:
    from rag.errors import FilterError

    in_2019 = parse_date_range("what did I say in 2019?", NEWEST)
    assert in_2019 is not None
    flags = Filter(since_ts=ts("2021-01-01"), retweets="exclude")
    with pytest.raises(FilterError) as error:
        in_2019.applied_to(flags)
    assert str(error.value) == (
        'the question asks about "in 2019" (2019-01-01 to 2019-12-31), outside the date filter (from '
        "2021-01-01 on): widen or drop the filter (--since/--until, or From/Until in the page), or ask "
        "about a date inside it"
    )
    wider = Filter(since_ts=ts("2019-06-01"), retweets="exclude")
    assert in_2019.applied_to(wider) == Filter(since_ts=ts("2019-06-01"), until_ts=ts("2020-01-01"),
                                               retweets="exclude")  # fmt: skip
    assert in_2019.applied_to(Filter()) == in_2019.to_filter()
    christmas = parse_date_range("what did I do on Christmas Eve?", NEWEST)
    assert christmas is not None and christmas.ranges is not None
    with pytest.raises(FilterError, match=r'^the question asks about "on Christmas Eve", outside the date '):
        christmas.applied_to(Filter(since_ts=ts("2021-01-01"), until_ts=ts("2021-02-01")))
    december = christmas.applied_to(Filter(since_ts=ts("2021-12-01"), until_ts=ts("2022-01-01")))
    assert december.matches({"created_ts": ts("2021-12-24") + 3600})
    assert not december.matches({"created_ts": ts("2020-12-24") + 3600})
    assert not december.matches({"created_ts": ts("2021-12-23") + 3600})
