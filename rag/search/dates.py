"""Date ranges named in a question ("in 2019", "Christmas Eve 2016", "in March") as UTC time filters.

`parse_date_range(question, newest_ts)` finds the date expressions of an English (or basic Spanish) question
and returns a half-open `DateRange` (`start_ts` inclusive, `end_ts` exclusive, epoch seconds UTC; either side
may be open; `ranges` when it is several pieces) plus the character spans it matched, so the caller can strip
them from the search text. It errs on the side of no filter: a bare year counts only after a date word ("in",
"during", "from", "since", "before", "after", "until", "around", "between", "en", "de", "desde", "antes de",
...), inside a range ("2014-2016", "2014 to 2016") or with a month, season, quarter, part of year or named
day; years outside 2006 (Twitter's first year) to next year are never dates, nor a year followed by a
counted noun ("2019 words"). Seasons are northern meteorological seasons: spring Mar-May, summer Jun-Aug,
autumn/fall Sep-Nov, winter Dec-Feb (the winter of 2011 is Dec 2011 to Feb 2012). "early"/"mid"/"late" 2015
are Jan-Apr, May-Aug and Sep-Dec. "last year", "this year", "last/this month", "last week" (Monday to
Monday), "last summer", "last Christmas", "last March", "2 years ago", "the past N days/weeks/months/years"
and "between 2014 and now" count from the archive's newest tweet (`newest_ts`), or from now when it is None.
Japanese "2019年" / "2018年3月" / "2016年のクリスマス" are understood too.

Named days (`HOLIDAYS`: fixed dates, n-th weekdays, Easter by computus; US dates for US holidays) with a year
are that day ("Thanksgiving 2015"); "weekend" after one is the weekend joined to it; "the day / week /
weekend before / after / of" and "N days before / after" move any single day. A day, named day, month or
season said without a year ("on Christmas Eve", "on July 4th", "in March", "in the summer") means that day
or period in every year, 2005 to next year; said bare it needs a date word ("on", "at", "in", "over",
"during", "every", ...): "my Independence Day review", "Easter egg", "about Thanksgiving" are no dates.
Several expressions give the union of what they name ("in 2016 and 2018": not 2017), except that a yearless
one is kept within the years said with it ("on Christmas Eve in 2016"); open-ended ones ("since 2015") give
the smallest range covering all. "before Christmas" with no year is not understood.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from rag.archive.text import MONTH_ABBREVIATIONS
from rag.errors import FilterError
from rag.filters import Filter, Ranges, intersect_ranges, normalise_ranges

MIN_YEAR = 2006

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [  # each month's English abbreviation comes from the archive's table (rag.archive.text)
        ("january", "enero", "ene"),
        ("february", "febrero"),
        ("march", "marzo"),
        ("april", "abril", "abr"),
        ("may", "mayo"),
        ("june", "junio"),
        ("july", "julio"),
        ("august", "agosto"),
        ("september", "sept", "septiembre", "setiembre"),
        ("october", "octubre"),
        ("november", "noviembre"),
        ("december", "diciembre", "dic"),
    ],
    start=1,
):
    for _name in (MONTH_ABBREVIATIONS[_number - 1].lower(), *_names):
        MONTHS[_name] = _number

# season -> (first month, months long); winter starts in December of the named year.
SEASONS: dict[str, int] = {
    "spring": 3,
    "primavera": 3,
    "summer": 6,
    "verano": 6,
    "autumn": 9,
    "fall": 9,
    "otoño": 9,
    "otono": 9,
    "winter": 12,
    "invierno": 12,
}
PARTS: dict[str, int] = {"early": 1, "mid": 5, "late": 9}
PART_PHRASES: dict[str, str] = {
    "beginning": "early",
    "start": "early",
    "principios": "early",
    "comienzos": "early",
    "middle": "mid",
    "mediados": "mid",
    "end": "late",
    "finales": "late",
    "fines": "late",
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "un": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
}
# A day or period without a year: its [start, end) in a given year (None when that year has none).
Occurrence = Callable[[int], tuple[datetime, datetime] | None]
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def easter_sunday(year: int) -> datetime:
    """Western (Gregorian) Easter Sunday of `year`: the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return datetime(year, month, day + 1, tzinfo=UTC)


def _fixed(month: int, day: int, days: int = 1, year_shift: int = 0) -> Occurrence:
    """Every year on month/day (`year_shift` -1: the day before the named year, e.g. New Year's Eve-Day)."""

    def when(year: int) -> tuple[datetime, datetime] | None:
        try:
            lo = datetime(year + year_shift, month, day, tzinfo=UTC)
        except ValueError:  # February 29 in a common year
            return None
        return lo, lo + timedelta(days=days)

    return when


def _nth(month: int, weekday: int, n: int, shift: int = 0) -> Occurrence:
    """The n-th (-1: last) `weekday` of `month`, moved by `shift` days (Black Friday: Thanksgiving + 1)."""

    def when(year: int) -> tuple[datetime, datetime]:
        if n > 0:
            first = _dt(year, month)
            lo = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = _dt(year, month + 1) - timedelta(days=1)
            lo = last - timedelta(days=(last.weekday() - weekday) % 7)
        lo += timedelta(days=shift)
        return lo, lo + timedelta(days=1)

    return when


def _easter(shift: int, days: int = 1) -> Occurrence:
    """`days` days from `shift` days after Easter Sunday (Good Friday: -2)."""

    def when(year: int) -> tuple[datetime, datetime]:
        lo = easter_sunday(year) + timedelta(days=shift)
        return lo, lo + timedelta(days=days)

    return when


_APOS = "['’]?"
# Named days, most specific spelling first (one regex alternation tries them in this order). US dates for
# US holidays (Mother's Day is the second Sunday of May, Labor Day the first Monday of September).
HOLIDAYS: list[tuple[str, Occurrence]] = [
    (rf"new\s+year{_APOS}s?\s+eve|nye|nochevieja|(?:la\s+)?noche\s+vieja", _fixed(12, 31)),
    (rf"new\s+year{_APOS}s?\s+day|(?:d[ií]a\s+de\s+)?año\s+nuevo", _fixed(1, 1)),
    (rf"new\s+year{_APOS}s?", _fixed(12, 31, days=2, year_shift=-1)),  # the night into the named year
    (r"(?:martin\s+luther\s+king(?:,?\s+jr\.?)?|mlk)\s+day", _nth(1, MON, 3)),
    (
        r"(?:the\s+)?epiphany|d[ií]a\s+de\s+(?:los\s+)?reyes(?:\s+magos)?|(?:los\s+)?reyes\s+magos",
        _fixed(1, 6),
    ),
    (rf"valentine{_APOS}s(?:\s+day)?|(?:d[ií]a\s+de\s+)?san\s+valent[ií]n", _fixed(2, 14)),
    (rf"presidents{_APOS}\s+day|washington{_APOS}s\s+birthday", _nth(2, MON, 3)),
    (rf"(?:st\.?|saint)\s+(?:patrick|patty|paddy){_APOS}s(?:\s+day)?|paddy{_APOS}s\s+day", _fixed(3, 17)),
    (rf"april\s+fools{_APOS}(?:\s+day)?", _fixed(4, 1)),
    (r"mardi\s+gras|shrove\s+tuesday|pancake\s+day|martes\s+de\s+carnaval", _easter(-47)),
    (r"ash\s+wednesday|mi[ée]rcoles\s+de\s+ceniza", _easter(-46)),
    (r"palm\s+sunday|domingo\s+de\s+ramos", _easter(-7)),
    (r"(?:the\s+)?holy\s+week|semana\s+santa", _easter(-7, days=8)),  # Palm Sunday to Easter Sunday
    (r"good\s+friday|viernes\s+santo", _easter(-2)),
    (r"easter\s+monday|lunes\s+de\s+pascua", _easter(1)),
    (r"easter(?:\s+sunday)?|domingo\s+de\s+(?:pascua|resurrecci[oó]n)", _easter(0)),
    (r"cinco\s+de\s+mayo", _fixed(5, 5)),
    (rf"mother{_APOS}s\s+day", _nth(5, SUN, 2)),
    (r"memorial\s+day", _nth(5, MON, -1)),
    (rf"father{_APOS}s\s+day", _nth(6, SUN, 3)),
    (r"juneteenth", _fixed(6, 19)),
    (r"independence\s+day|(?:the\s+)?(?:fourth|4th)\s+of\s+july", _fixed(7, 4)),
    (r"labor\s+day", _nth(9, MON, 1)),
    (rf"columbus\s+day|indigenous\s+peoples{_APOS}\s+day", _nth(10, MON, 2)),
    (r"halloween", _fixed(10, 31)),
    (r"(?:el\s+)?d[ií]a\s+de\s+(?:los\s+)?muertos", _fixed(11, 1, days=2)),
    (r"election\s+day", _nth(11, MON, 1, shift=1)),  # the Tuesday after the first Monday of November
    (rf"veterans{_APOS}\s+day|armistice\s+day", _fixed(11, 11)),
    (r"thanksgiving(?:\s+day)?|(?:d[ií]a\s+de\s+)?acci[oó]n\s+de\s+gracias", _nth(11, THU, 4)),
    (r"black\s+friday", _nth(11, THU, 4, shift=1)),
    (r"cyber\s+monday", _nth(11, THU, 4, shift=4)),
    (r"(?:christmas|xmas)\s+eve|nochebuena", _fixed(12, 24)),
    (r"(?:christmas|xmas)(?:\s+day)?|(?:d[ií]a\s+de\s+)?navidad", _fixed(12, 25)),
    (r"boxing\s+day", _fixed(12, 26)),
]
# Japanese names, said with a year ("2016年のクリスマス") or followed by に / 頃 ("クリスマスに").
HOLIDAYS_JA: list[tuple[str, Occurrence]] = [
    ("クリスマス・?イブ", _fixed(12, 24)),
    ("クリスマス", _fixed(12, 25)),
    ("大晦日", _fixed(12, 31)),
    ("元日|元旦", _fixed(1, 1)),
    ("お?正月", _fixed(1, 1, days=3)),
    ("バレンタイン(?:デー)?", _fixed(2, 14)),
    ("ハロウィン", _fixed(10, 31)),
]
_HOLIDAY_ALT = "|".join(f"(?:{alias})" for alias, _ in HOLIDAYS)
_HOLIDAY_JA_ALT = "|".join(f"(?:{alias})" for alias, _ in HOLIDAYS_JA)
_HOLIDAY_RULES = [(re.compile(alias, re.I), rule) for alias, rule in HOLIDAYS + HOLIDAYS_JA]
# A holiday name followed by one of these names a thing, not a day ("Easter egg", "Christmas tree").
_THING = (
    r"eggs?|island|bunny|trees?|cards?|lists?|movies?|films?|songs?|carols?|music|playlists?|sweaters?|"
    r"jumpers?|lights|decorations?|costumes?|candy|sales?|shopping|specials?|episodes?|albums?|reviews?|"
    r"markets?|gifts?|presents?|spirit|cheer|break|vacation|holidays?|resolutions?"
)
# Month names said without a year ("in March"): full names only ("in mar" is not a date).
_FULL_MONTHS = sorted((name for name in MONTHS if len(name) >= 4 and name != "sept"), key=len, reverse=True)
_FULL_MONTHS.append("may")

_COUNT = r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
_COUNT_ES = r"(?P<n>\d{1,2}|una?|dos|tres|cuatro|cinco)"

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<{name}>(?<![\w$€£#@./:,])(?:19|20)\d\d(?![\w%]|[.,:/]\d|-(?:0[1-9]|1[0-2])\b|'s))"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"

# A year followed by one of these counts something and is not a date.
_COUNTED = (
    r"words?|followers?|tweets?|tuits?|likes?|retweets?|people|persons?|times|characters?|chars|points?|"
    r"users?|bytes|pages?|lines?|steps|calories|dollars|euros|pesos|km|miles|meters|cups|items|pieces|"
    r"palabras|seguidores|veces|personas|euros|puntos|usuarios|main|st\b|street|avenue|ave\b|calle"
)
_NOT_COUNTED = rf"(?!\s*(?:{_COUNTED}))"


def _month(name: str) -> str:
    return _MONTH.format(name=name)


def _year(name: str) -> str:
    return _YEAR.format(name=name)


def _day(name: str) -> str:
    return _DAY.format(name=name)


# Atomic expressions, most specific first; each has its own kind handled in `_atom_range`.
_ATOMS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso_day",
        re.compile(r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?![\w/.-]?\d)"),
    ),
    ("iso_month", re.compile(r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\w/.-]?\d)")),
    (
        "month_day_year",
        re.compile(rf"\b{_month('m')}\s+{_day('d')}(?:,\s*|\s+)(?:of\s+|de\s+)?{_year('y')}", re.I),
    ),
    (
        "day_month_year",
        re.compile(
            rf"\b{_day('d')}\s+(?:of\s+|de\s+)?{_month('m')},?\s+(?:of\s+|de\s+|del\s+)?{_year('y')}", re.I
        ),
    ),
    ("month_year", re.compile(rf"\b{_month('m')},?\s+(?:of\s+|de\s+|del\s+)?{_year('y')}", re.I)),
    (
        "season_year",
        re.compile(
            r"\b(?:the\s+|el\s+)?(?P<s>" + "|".join(SEASONS) + rf")\s+(?:of\s+|de\s+|del\s+)?{_year('y')}",
            re.I,
        ),
    ),
    ("part_year", re.compile(rf"\b(?P<p>early|mid|late)[\s-]*(?:in\s+)?{_year('y')}", re.I)),
    (
        "part_phrase_year",
        re.compile(
            r"\b(?:the\s+|a\s+)?(?P<p>beginning|start|middle|end|principios|comienzos|mediados|finales|fines)"
            rf"\s+(?:of|de|del)\s+(?:the\s+year\s+|año\s+)?{_year('y')}",
            re.I,
        ),
    ),
    ("quarter_year", re.compile(rf"\bq(?P<q>[1-4])\s*(?:of\s+|de\s+|del\s+)?{_year('y')}", re.I)),
    ("year_quarter", re.compile(rf"{_year('y')}\s*-?\s*q(?P<q>[1-4])\b", re.I)),
    (
        "ordinal_quarter_year",
        re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter\s+of\s+{_year('y')}", re.I),
    ),
    ("year_range", re.compile(rf"{_year('y')}\s*[-–—]\s*{_year('y2')}", re.I)),
    # Named days ("Christmas Eve 2016", "Memorial Day weekend 2013", "on Thanksgiving") and their relatives.
    (
        "holiday",
        re.compile(
            rf"\b(?P<h>{_HOLIDAY_ALT})\b(?P<wk>\s+weekend\b)?(?!\s+(?:{_THING})\b)"
            rf"(?:(?:,\s*|\s+)(?:of\s+|de\s+|del\s+)?{_year('y')})?",
            re.I,
        ),
    ),
    (
        "holiday_ja",
        re.compile(
            rf"(?:(?<!\d)(?P<y>(?:19|20)\d\d)\s*年\s*の?\s*)?(?P<h>{_HOLIDAY_JA_ALT})(?P<p>には|に|頃|ごろ|前後)?"
        ),
    ),
    (
        "relative_holiday",
        re.compile(rf"\b(?P<w>last|this|previous)\s+(?P<h>{_HOLIDAY_ALT})\b(?!\s+(?:{_THING})\b)", re.I),
    ),
    # Days, months and seasons without a year ("on March 2", "in March", "in the summer"): every year's.
    ("month_day", re.compile(rf"\b{_month('m')}\s+{_day('d')}\b(?!\s*,?\s*(?:of\s+|de\s+)?\d)", re.I)),
    (
        "day_month",
        re.compile(rf"\b(?:the\s+)?{_day('d')}\s+(?:of\s+|de\s+)?{_month('m')}\b(?!\s*,?\s*\d)", re.I),
    ),
    (
        "month_only",
        re.compile(
            rf"\b(?:the\s+month\s+of\s+|el\s+mes\s+de\s+)?(?P<m>{'|'.join(_FULL_MONTHS)})\b"
            r"(?!\s*,?\s*(?:of\s+|de\s+|del\s+)?\d)(?!\s+(?-i:[A-Z][a-z]))",
            re.I,
        ),
    ),
    (
        "relative_month",
        re.compile(rf"\b(?P<w>last|this|previous)\s+(?P<m>{'|'.join(_FULL_MONTHS)})\b(?!\s*,?\s*\d)", re.I),
    ),
    (
        "season_only",
        re.compile(
            rf"\b(?:the\s+|el\s+)?(?P<s>{'|'.join(SEASONS)})(?:time)?\b(?!\s+(?:of|de|del)\b)(?!\s*,?\s*\d)"
            r"(?!\s+(?-i:[A-Z][a-z]))",
            re.I,
        ),
    ),
    ("ja", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年(?:\s*(?P<m>1[0-2]|0?[1-9])\s*月)?")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:los\s+(?:años\s+)?)?(?P<y>20[0-3]0)'?s\b", re.I)),
    (
        "rolling",
        re.compile(
            r"\b(?:(?:in|during|over)\s+)?the\s+(?:last|past)\s+(?:(?P<n>\d{1,3}|two|three|four|five|six|ten)"
            r"\s+(?P<u>days|weeks|months|years)|(?P<u1>day|week|month|year))\b",
            re.I,
        ),
    ),
    (
        "rolling_es",
        re.compile(r"\b(?:en\s+)?los\s+últimos\s+(?P<n>\d{1,3})\s+(?P<u>días|semanas|meses|años)\b", re.I),
    ),
    ("relative", re.compile(r"\b(?P<w>last|this|previous)\s+(?P<u>year|month|week)\b", re.I)),
    ("ago", re.compile(rf"\b{_COUNT}\s+(?P<u>years?|months?)\s+ago\b", re.I)),
    ("ago", re.compile(rf"\bhace\s+{_COUNT_ES}\s+(?P<u>años?|mes(?:es)?)\b", re.I)),
    (
        "relative_season",
        re.compile(r"\b(?P<w>last|this|previous)\s+(?P<s>spring|summer|autumn|fall|winter)\b", re.I),
    ),
    (
        "relative_season",
        re.compile(r"\b(?:el|la)\s+(?P<s>primavera|verano|otoño|otono|invierno)\s+(?P<w>pasad[oa])\b", re.I),
    ),
    (
        "relative_season",
        re.compile(r"\b(?P<w>este|esta)\s+(?P<s>primavera|verano|otoño|otono|invierno)\b", re.I),
    ),
    ("relative_es", re.compile(r"\b(?:el\s+|la\s+)?(?P<u>año|mes|semana)\s+(?P<w>pasad[oa])\b", re.I)),
    ("relative_es_this", re.compile(r"\b(?P<w>este|esta)\s+(?P<u>año|mes|semana)\b", re.I)),
    ("year", re.compile(_year("y") + _NOT_COUNTED, re.I)),
]

# Words that, right before a date, make a bare year a date and say how to use it.
_PREFIX = re.compile(
    r"(?:^|(?<=[\s(\"'¿¡]))(?P<w>prior\s+to|up\s+to|back\s+in|a\s+partir\s+de|antes\s+de|despu[eé]s\s+de|"
    r"in|during|throughout|from|since|before|after|until|till|through|on|around|circa|between|"
    r"at|over|every|each|en|durante|desde|hasta|de|del|entre|por|cada|el)"
    r"\s+(?:the\s+year\s+|el\s+(?:año\s+)?|year\s+|año\s+)?$",
    re.I,
)
_GAP = re.compile(r"^\s*(?P<g>and|to|until|till|through|thru|-|–|—|y|a|al|hasta)\s*$", re.I)
_TO_NOW = re.compile(
    r"\s*(?:and|to|until|till|through|-|–|y|a|hasta)\s+(?:now|today|the\s+present|present|ahora|hoy)\b", re.I
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|y|o|&)\s*$", re.I)
# Date words that say nothing about a bare year ("at 2019" is no date) but place a day or a month.
_YEAR_SILENT = {"on", "at", "over", "every", "each", "por", "cada", "el"}
# The words that make a day or a named day without a year a date ("on Christmas Eve", "el 5 de mayo").
_AT_DAY = {"in", "on", "at", "over", "around", "circa", "during", "throughout", "from", "every", "each"}
_AT_DAY |= {"en", "durante", "por", "cada", "el"}
# ... and a month or a season without a year ("in March", "during the summer"; not "on spring break", nor
# "from April", who may be a person).
_AT_PERIOD = {"in", "over", "during", "throughout", "every", "each", "en", "durante", "cada"}
# Look-back from a day: "the week before", "the day after", "the weekend of", "3 days before".
_MODIFIER = re.compile(
    r"(?:^|(?<=[\s(\"'¿¡]))(?:(?:the|a)\s+)?(?:(?P<unit>day|night|week|weekend)\s+(?P<rel>before|after|following|of)"
    r"|(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+days\s+(?P<nrel>before|after)"
    r"|(?:el|la)\s+(?P<unit_es>d[ií]a|semana|fin\s+de\s+semana)\s+(?P<rel_es>antes\s+de|despu[eé]s\s+de|de))\s+$",
    re.I,
)
_DAY_KINDS = {"holiday", "holiday_ja", "relative_holiday", "month_day", "day_month"}
_DAY_KINDS |= {"iso_day", "month_day_year", "day_month_year"}
_BIG = 2**62  # an open end, inside the union arithmetic
_RANGE_WORDS = {"between", "from", "entre", "de", "desde", "del"}
_RANGE_GAPS = {"to", "until", "till", "through", "thru", "-", "–", "—", "a", "al", "hasta"}
_BEFORE = {"before", "prior to", "antes de"}
_UNTIL = {"until", "till", "up to", "hasta", "through"}
_AFTER = {"after", "después de", "despues de"}
_SINCE = {"since", "desde", "a partir de"}


@dataclass(frozen=True)
class DateRange:
    """A half-open UTC range `[start_ts, end_ts)` in epoch seconds (None: open) and where it was said.

    When the question names a day or a period without a year, or several disjoint ones, `ranges` holds the
    pieces (sorted, each `[start, end)`); `start_ts` / `end_ts` then span them all.
    """

    start_ts: int | None
    end_ts: int | None
    spans: tuple[tuple[int, int], ...]
    text: str
    ranges: Ranges | None = None  # several disjoint pieces (every Christmas Eve), from start_ts to end_ts

    @property
    def span(self) -> tuple[int, int]:
        """From the start of the first matched expression to the end of the last."""
        return self.spans[0][0], self.spans[-1][1]

    def to_filter(self) -> Filter:
        """The `Filter` on `created_ts` for this range (and its pieces, if any)."""
        return Filter(since_ts=self.start_ts, until_ts=self.end_ts, within=self.ranges)

    def applied_to(self, base: Filter) -> Filter:
        """`base` (the date flags, the kind switches) narrowed to this range.

        `FilterError` when they have no day in common: the question asks about a time the flags leave out
        (a question about 2019 with `--since 2022`), which would otherwise search nothing and answer
        "I found no tweets" as if there were none.
        """
        own = self.to_filter()
        combined = base.merged(own)
        if combined.admits_no_time and not base.admits_no_time and not own.admits_no_time:
            when = "" if self.ranges is not None else f" ({own.describe_time()})"
            raise FilterError(
                f'the question asks about "{self.text}"{when}, outside the date filter '
                f"({base.describe_time()}): widen or drop the filter (--since/--until, or From/Until in the "
                "page), or ask about a date inside it"
            )
        return combined

    def strip(self, question: str) -> str:
        """`question` without the matched date expressions (spaces collapsed)."""
        out = question
        for start, end in reversed(self.spans):
            out = out[:start] + " " + out[end:]
        return re.sub(r"\s+", " ", out).strip()


@dataclass(frozen=True)
class _Atom:
    kind: str
    start: int
    end: int
    lo: datetime
    hi: datetime
    plain_year: bool
    every: Occurrence | None = None  # a day or period said without a year: its range in any year
    needs_word: bool = False  # said bare, it is a date only after a date word ("on Christmas", "in March")


def _dt(year: int, month: int = 1, day: int = 1) -> datetime:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime(year, month, day, tzinfo=UTC)


def _ts(moment: datetime | None) -> int | None:
    return None if moment is None else calendar.timegm(moment.utctimetuple())


def _atom_range(
    kind: str, m: re.Match[str], anchor: datetime, max_year: int
) -> tuple[datetime, datetime] | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if year is not None and not MIN_YEAR <= year <= max_year and kind != "decade":
        return None
    assert year is not None or kind.startswith(("rolling", "relative", "ago"))
    if kind in {"iso_day", "month_day_year", "day_month_year"}:
        assert year is not None
        month = int(g["m"]) if g["m"].isdigit() else MONTHS[g["m"].lower().rstrip(".")]
        try:
            lo = datetime(year, month, int(g["d"]), tzinfo=UTC)
        except ValueError:
            return None
        return lo, lo + timedelta(days=1)
    if kind == "ja" and not g["m"]:
        assert year is not None
        return _dt(year), _dt(year + 1)
    if kind == "year_range":
        assert year is not None
        last = int(g["y2"])
        if not year < last <= max_year:
            return None
        return _dt(year), _dt(last + 1)
    if kind in {"iso_month", "month_year", "ja"}:
        assert year is not None
        month = int(g["m"]) if g["m"].isdigit() else MONTHS[g["m"].lower().rstrip(".")]
        if not 1 <= month <= 12:
            return None
        return _dt(year, month), _dt(year, month + 1)
    if kind == "season_year":
        assert year is not None
        first = SEASONS[g["s"].lower()]
        return _dt(year, first), _dt(year, first + 3)
    if kind in {"part_year", "part_phrase_year"}:
        assert year is not None
        part = g["p"].lower()
        first = PARTS[PART_PHRASES.get(part, part)]
        return _dt(year, first), _dt(year, first + 4)
    if kind in {"quarter_year", "year_quarter", "ordinal_quarter_year"}:
        assert year is not None
        q = g["q"].lower()
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(q) or int(q)
        return _dt(year, 3 * number - 2), _dt(year, 3 * number + 1)
    if kind == "decade":
        assert year is not None
        if not MIN_YEAR - 10 < year <= max_year:
            return None
        return _dt(year), _dt(year + 10)
    if kind == "year":
        assert year is not None
        return _dt(year), _dt(year + 1)
    return _relative_range(kind, g, anchor)


def _relative_range(
    kind: str, g: dict[str, str | None], anchor: datetime
) -> tuple[datetime, datetime] | None:
    """Ranges that count back from the anchor (the archive's newest tweet)."""
    day = datetime(anchor.year, anchor.month, anchor.day, tzinfo=UTC)
    this = (g.get("w") or "").lower() in {"this", "este", "esta"}
    if kind == "relative_season":
        first = SEASONS[(g["s"] or "").lower()]
        seasons = [(_dt(y, first), _dt(y, first + 3)) for y in range(anchor.year - 2, anchor.year + 1)]
        if this:
            current = [s for s in seasons if s[0] <= anchor < s[1]]
            return current[0] if current else seasons[-1]
        return [s for s in seasons if s[1] <= anchor][-1]
    unit = (g.get("u") or g.get("u1") or "").lower()
    raw = (g.get("n") or "1").lower()
    count = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    if count < 1:
        return None
    if kind == "ago":
        if unit.startswith(("year", "año")):
            return _dt(anchor.year - count), _dt(anchor.year - count + 1)
        return _dt(anchor.year, anchor.month - count), _dt(anchor.year, anchor.month - count + 1)
    if kind in {"rolling", "rolling_es"}:
        if unit.startswith(("day", "día")):
            lo = day - timedelta(days=count - 1)
        elif unit.startswith(("week", "semana")):
            lo = day - timedelta(weeks=count)
        elif unit.startswith(("month", "mes")):
            lo = _dt(day.year, day.month - count, 1) + timedelta(days=min(day.day, 28) - 1)
        else:
            lo = _dt(day.year - count, day.month, min(day.day, 28))
        return lo, day + timedelta(days=1)
    back = 0 if this else 1
    if unit in {"year", "año"}:
        return _dt(anchor.year - back), _dt(anchor.year - back + 1)
    if unit in {"month", "mes"}:
        return _dt(anchor.year, anchor.month - back), _dt(anchor.year, anchor.month - back + 1)
    monday = day - timedelta(days=day.weekday()) - timedelta(weeks=back)
    return monday, monday + timedelta(weeks=1)


def _find_atoms(question: str, anchor: datetime, max_year: int) -> list[_Atom]:
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority, (kind, pattern) in enumerate(_ATOMS):
        for m in pattern.finditer(question):
            found.append((m.start(), -(m.end() - m.start()), priority, kind, m))
    found.sort(key=lambda item: item[:3])
    atoms: list[_Atom] = []
    taken_until = -1
    for start, _, _, kind, m in found:
        if start < taken_until:
            continue
        atom = _make_atom(kind, m, anchor, max_year)
        if atom is None:
            continue
        if kind in _DAY_KINDS:
            atom = _modified(question, atom, atoms[-1].end if atoms else 0, m)
        atoms.append(atom)
        taken_until = m.end()
    return atoms


def _occurrence(kind: str, m: re.Match[str]) -> Occurrence | None:
    """The yearly range of a day, named day, month or season said without a year."""
    g = m.groupdict()
    if kind in {"holiday", "holiday_ja", "relative_holiday"}:
        name = g["h"]
        rule = next(rule for alias, rule in _HOLIDAY_RULES if alias.fullmatch(name))
        if not g.get("wk"):
            return rule
        easter = _is_easter(m)
        return _each(rule, lambda lo, hi: _weekend(lo, easter=easter))
    if kind in {"month_day", "day_month"}:
        month, day = MONTHS[g["m"].lower().rstrip(".")], int(g["d"])
        try:
            datetime(2000, month, day)  # a leap year: February 29 is a day, February 30 is not
        except ValueError:
            return None
        return _fixed(month, day)
    if kind in {"month_only", "relative_month"}:
        month = MONTHS[g["m"].lower()]
        return lambda year: (_dt(year, month), _dt(year, month + 1))
    first = SEASONS[g["s"].lower()]
    return lambda year: (_dt(year, first), _dt(year, first + 3))


def _make_atom(kind: str, m: re.Match[str], anchor: datetime, max_year: int) -> _Atom | None:
    if kind not in _DAY_KINDS | {"month_only", "relative_month", "season_only"} or kind in {
        "iso_day",
        "month_day_year",
        "day_month_year",
    }:
        bounds = _atom_range(kind, m, anchor, max_year)
        if bounds is None:
            return None
        return _Atom(kind, m.start(), m.end(), bounds[0], bounds[1], kind == "year")
    every = _occurrence(kind, m)
    if every is None:
        return None
    g = m.groupdict()
    if kind.startswith("relative"):
        this = (g["w"] or "").lower() == "this"
        bounds = _recent(every, anchor, "this" if this else "last")
    elif g.get("y"):
        year = int(g["y"])
        bounds = every(year) if MIN_YEAR <= year <= max_year else None
    else:
        bare = kind in {"month_only", "season_only", "month_day", "day_month"} or not (
            g.get("wk") or g.get("p")
        )
        return _Atom(kind, m.start(), m.end(), _dt(MIN_YEAR), _dt(MIN_YEAR), False, every, needs_word=bare)
    if bounds is None:
        return None
    return _Atom(kind, m.start(), m.end(), bounds[0], bounds[1], False)


def _each(every: Occurrence, change: Callable[[datetime, datetime], tuple[datetime, datetime]]) -> Occurrence:
    """`every` with `change` applied to each year's range."""

    def when(year: int) -> tuple[datetime, datetime] | None:
        found = every(year)
        return None if found is None else change(*found)

    return when


def _weekend(day: datetime, *, easter: bool = False) -> tuple[datetime, datetime]:
    """The weekend joined to a day: Sat-Mon for a Monday, Thu-Sun for a Thursday, Fri-Mon for Easter."""
    if easter:
        return day - timedelta(days=2), day + timedelta(days=2)
    back, forward = {0: (2, 1), 1: (3, 1), 2: (4, 5), 3: (0, 4), 4: (0, 3), 5: (0, 2), 6: (1, 1)}[
        day.weekday()
    ]
    return day - timedelta(days=back), day + timedelta(days=forward)


def _modified(question: str, atom: _Atom, earliest: int, m: re.Match[str]) -> _Atom:
    """The atom moved to "the week before ...", "the day after ...", "the weekend of ...", if so said."""
    found = _MODIFIER.search(question, max(earliest, atom.start - 40), atom.start)
    if found is None:
        return atom
    g = found.groupdict()
    unit = (g["unit"] or g["unit_es"] or "day").lower()
    unit = (
        "weekend"
        if "fin" in unit
        else {"día": "day", "dia": "day", "night": "day", "semana": "week"}.get(unit, unit)
    )
    rel = (g["rel"] or g["nrel"] or g["rel_es"] or "").lower()
    rel = (
        "before"
        if rel.startswith(("before", "antes"))
        else "after"
        if rel.startswith(("after", "follow", "desp"))
        else "of"
    )
    count = 0 if not g["n"] else int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
    easter = _is_easter(m)

    def change(lo: datetime, hi: datetime) -> tuple[datetime, datetime]:
        return _moved(lo, hi, unit, rel, count, easter=easter)

    if atom.every is not None:
        return replace(atom, start=found.start(), every=_each(atom.every, change), needs_word=False)
    lo, hi = change(atom.lo, atom.hi)
    return replace(atom, start=found.start(), lo=lo, hi=hi)


def _is_easter(m: re.Match[str]) -> bool:
    name = m.groupdict().get("h") or ""
    return re.match(r"easter(?!\s+monday)|domingo\s+de\s+(?:pascua|resurrecci)", name, re.I) is not None


def _moved(
    lo: datetime, hi: datetime, unit: str, rel: str, count: int, *, easter: bool
) -> tuple[datetime, datetime]:
    """[lo, hi) moved: `count` days before/after (one day), or the day/week/weekend before/after/of it."""
    day = timedelta(days=1)
    if count:
        return (
            (lo - count * day, lo - (count - 1) * day)
            if rel == "before"
            else (hi + (count - 1) * day, hi + count * day)
        )
    if unit == "day":
        return {"before": (lo - day, lo), "after": (hi, hi + day)}.get(rel, (lo, hi))
    if unit == "week":
        monday = lo - lo.weekday() * day  # "the week of": Monday to Sunday
        return {"before": (lo - 7 * day, lo), "after": (hi, hi + 7 * day)}.get(
            rel, (monday, monday + 7 * day)
        )
    if rel == "before":  # the Saturday-Sunday ending at least a day before it
        saturday = _saturday_on_or_before(lo - 2 * day)
    elif rel == "after":  # the Saturday-Sunday starting at least a day after it
        saturday = _saturday_on_or_after(hi + day)
    else:
        return _weekend(lo, easter=easter)
    return saturday, saturday + 2 * day


def _saturday_on_or_before(day: datetime) -> datetime:
    return day - timedelta(days=(day.weekday() - SAT) % 7)


def _saturday_on_or_after(day: datetime) -> datetime:
    return day + timedelta(days=(SAT - day.weekday()) % 7)


def _recent(every: Occurrence, anchor: datetime, which: str) -> tuple[datetime, datetime] | None:
    """The occurrence of a yearly day or period nearest the anchor.

    "last": the latest ended by the anchor; "since": the latest begun by it; "this": the one holding it,
    else the one in the anchor's year.
    """
    found = [
        r for r in (every(year) for year in range(anchor.year + 1, anchor.year - 3, -1)) if r is not None
    ]
    if which == "this":
        holding = [r for r in found if r[0] <= anchor < r[1]]
        same_year = [r for r in found if r[0].year == anchor.year]
        return (holding + same_year)[0] if holding or same_year else None
    if which == "last":
        return next((r for r in found if r[1] <= anchor), None)
    return next((r for r in found if r[0] <= anchor), None)


def _through(first: Occurrence, last: Occurrence) -> Occurrence:
    """From `first` to the next `last` after it, every year ("between Christmas and New Year's Day")."""

    def when(year: int) -> tuple[datetime, datetime] | None:
        a, b = first(year), last(year)
        if a is not None and b is not None and b[1] <= a[0]:
            b = last(year + 1)
        return None if a is None or b is None else (a[0], b[1])

    return when


def _prefix(question: str, start: int) -> tuple[str | None, int]:
    window = max(0, start - 40)  # prefixes are short; a window keeps long questions linear
    match = _PREFIX.search(question, window, start)
    if match is None:
        return None, start
    return re.sub(r"\s+", " ", match.group("w").lower()), match.start()


def parse_date_range(
    question: str, newest_ts: int | None, *, now: datetime | None = None
) -> DateRange | None:
    """The date range the question asks about, or None when it names no date (see the module docstring).

    Relative phrases count from `newest_ts` (the archive's newest tweet), else from `now` (default: the
    clock). Years after next year (from `now`, or the newest tweet if later) are not dates.
    """
    clock = now or datetime.now(UTC)
    anchor = datetime.fromtimestamp(newest_ts, UTC) if newest_ts is not None else clock
    max_year = max(clock.year, anchor.year) + 1
    atoms = _find_atoms(question, anchor, max_year)
    ranges: list[tuple[datetime | None, datetime | None, int, int]] = []
    yearly: list[tuple[Occurrence, int, int]] = []  # days and periods said without a year
    accepted_end: int | None = None
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        word, span_start = _prefix(question, atom.start)
        if word in _YEAR_SILENT and atom.plain_year:
            word = None
        start = span_start if word is not None else atom.start
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        gap = _GAP.match(question[atom.end : nxt.start]) if nxt is not None else None
        joins = gap is not None and (word in _RANGE_WORDS or gap.group("g").lower() in _RANGE_GAPS)
        listed = accepted_end is not None and _LIST_GAP.match(question[accepted_end : atom.start])
        every = atom.every
        if every is not None:
            if word in _SINCE or word in _AFTER:  # "since Christmas": the latest one
                latest = _recent(every, anchor, "since")
                if latest is None:
                    i += 1
                    continue
                atom = replace(atom, lo=latest[0], hi=latest[1], every=None)
            else:
                if joins and nxt is not None and nxt.every is not None:
                    yearly.append((_through(every, nxt.every), start, nxt.end))
                    accepted_end = nxt.end
                    i += 2
                    continue
                allowed = _AT_DAY if atom.kind in _DAY_KINDS else _AT_PERIOD
                if word in allowed or (word is None and (not atom.needs_word or listed)):
                    yearly.append((every, start, atom.end))
                    accepted_end = atom.end
                i += 1
                continue
        if joins and nxt is not None and nxt.every is None:
            ranges.append((min(atom.lo, nxt.lo), max(atom.hi, nxt.hi), start, nxt.end))
            accepted_end = nxt.end
            i += 2
            continue
        to_now = _TO_NOW.match(question, atom.end)
        if to_now is not None and (word in _RANGE_WORDS or not atom.plain_year):
            ranges.append((atom.lo, None, start, to_now.end()))
            accepted_end = to_now.end()
            i += 1
            continue
        if atom.plain_year and word is None and not listed:
            i += 1
            continue
        lo: datetime | None = atom.lo
        hi: datetime | None = atom.hi
        if word in _BEFORE:
            lo, hi = None, atom.lo
        elif word in _UNTIL:
            lo = None
        elif word in _AFTER:
            lo, hi = atom.hi, None
        elif word in _SINCE:
            hi = None
        ranges.append((lo, hi, start, atom.end))
        accepted_end = atom.end
        i += 1
    if not ranges and not yearly:
        return None
    spans = tuple(sorted([(r[2], r[3]) for r in ranges] + [(y[1], y[2]) for y in yearly]))
    text = " … ".join(question[s:e] for s, e in spans)
    pieces = _pieces(ranges, yearly, max_year)
    if pieces is None:
        los = [r[0] for r in ranges]
        his = [r[1] for r in ranges]
        lo_all = None if any(x is None for x in los) else min(x for x in los if x is not None)
        hi_all = None if any(x is None for x in his) else max(x for x in his if x is not None)
        return DateRange(_ts(lo_all), _ts(hi_all), spans, text)
    first, last = pieces[0][0], pieces[-1][1]
    return DateRange(
        None if first <= -_BIG else first,
        None if last >= _BIG else last,
        spans,
        text,
        pieces if len(pieces) > 1 else None,
    )


def _pieces(
    ranges: list[tuple[datetime | None, datetime | None, int, int]],
    yearly: list[tuple[Occurrence, int, int]],
    max_year: int,
) -> Ranges | None:
    """The union of what was said, or None when the smallest range covering the `ranges` is the answer.

    Several bounded ranges give their union ("in 2016 and 2018": not 2017); days or periods without a year
    give every year's (2005 to `max_year`), kept within the ranges when there are some ("Christmas Eve in
    2016"; when none falls inside, the ranges alone).
    """
    if not yearly and (len(ranges) < 2 or any(r[0] is None or r[1] is None for r in ranges)):
        return None
    fixed: Ranges | None = None
    if ranges and all(r[0] is not None and r[1] is not None for r in ranges):
        fixed = normalise_ranges([(_ts(r[0]) or 0, _ts(r[1]) or 0) for r in ranges])
    elif ranges:  # an open end: the covering range
        los = [_ts(r[0]) for r in ranges]
        his = [_ts(r[1]) for r in ranges]
        fixed = (
            (
                -_BIG if None in los else min(x for x in los if x is not None),
                _BIG if None in his else max(x for x in his if x is not None),
            ),
        )
    if not yearly:
        return fixed
    found = [every(year) for every, _, _ in yearly for year in range(MIN_YEAR - 1, max_year + 1)]
    every_year = normalise_ranges([(_ts(r[0]) or 0, _ts(r[1]) or 0) for r in found if r is not None])
    if fixed is None:
        return every_year
    return intersect_ranges(every_year, fixed) or fixed
