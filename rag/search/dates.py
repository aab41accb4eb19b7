"""Date ranges named in a question ("in 2019", "the summer of 2011", "last year") as UTC time filters.

`parse_date_range(question, newest_ts)` finds the date expressions of an English (or basic Spanish) question
and returns a half-open `DateRange` (`start_ts` inclusive, `end_ts` exclusive, epoch seconds UTC; either side
may be open) plus the character spans it matched, so the caller can strip them from the search text. It
errs on the side of no filter: a bare year counts only after a date word ("in", "during", "from", "since",
"before", "after", "until", "around", "between", "en", "de", "desde", "antes de", ...), inside a range
("2014-2016", "2014 to 2016") or with a month, season, quarter or part of year; years outside 2006 (Twitter's
first year) to next year are never dates, nor a year followed by a counted noun ("2019 words"). Seasons are
northern meteorological seasons: spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov, winter Dec-Feb (the
winter of 2011 is Dec 2011 to Feb 2012). "early"/"mid"/"late" 2015 are Jan-Apr, May-Aug and Sep-Dec.
"last year", "this year", "last/this month", "last week" (Monday to Monday), "last summer", "2 years ago",
"the past N days/weeks/months/years" and "between 2014 and now" count from the archive's newest tweet
(`newest_ts`), or from now when it is None. Japanese "2019年" / "2018年3月" are understood too. Several
expressions in one question give the smallest range covering all of them. A month without a year ("in
March") is not understood, nor a bare year without a date word ("my 2019 tweets").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from rag.archive.text import MONTH_ABBREVIATIONS
from rag.filters import Filter

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
    r"en|durante|desde|hasta|de|del|entre)"
    r"\s+(?:the\s+year\s+|el\s+(?:año\s+)?|year\s+|año\s+)?$",
    re.I,
)
_GAP = re.compile(r"^\s*(?P<g>and|to|until|till|through|thru|-|–|—|y|a|al|hasta)\s*$", re.I)
_TO_NOW = re.compile(
    r"\s*(?:and|to|until|till|through|-|–|y|a|hasta)\s+(?:now|today|the\s+present|present|ahora|hoy)\b", re.I
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|y|o|&)\s*$", re.I)
_RANGE_WORDS = {"between", "from", "entre", "de", "desde", "del"}
_RANGE_GAPS = {"to", "until", "till", "through", "thru", "-", "–", "—", "a", "al", "hasta"}
_BEFORE = {"before", "prior to", "antes de"}
_UNTIL = {"until", "till", "up to", "hasta", "through"}
_AFTER = {"after", "después de", "despues de"}
_SINCE = {"since", "desde", "a partir de"}


@dataclass(frozen=True)
class DateRange:
    """A half-open UTC range `[start_ts, end_ts)` in epoch seconds (None: open) and where it was said."""

    start_ts: int | None
    end_ts: int | None
    spans: tuple[tuple[int, int], ...]
    text: str

    @property
    def span(self) -> tuple[int, int]:
        """From the start of the first matched expression to the end of the last."""
        return self.spans[0][0], self.spans[-1][1]

    def to_filter(self) -> Filter:
        """The `Filter` on `created_ts` for this range."""
        return Filter(since_ts=self.start_ts, until_ts=self.end_ts)

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
        bounds = _atom_range(kind, m, anchor, max_year)
        if bounds is None:
            continue
        atoms.append(_Atom(kind, start, m.end(), bounds[0], bounds[1], kind == "year"))
        taken_until = m.end()
    return atoms


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
    accepted_end: int | None = None
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        word, span_start = _prefix(question, atom.start)
        if word == "on" and atom.plain_year:
            word = None
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        gap = _GAP.match(question[atom.end : nxt.start]) if nxt is not None else None
        if nxt is not None and gap is not None:
            joined = gap.group("g").lower()
            if word in _RANGE_WORDS or joined in _RANGE_GAPS:
                start = span_start if word is not None else atom.start
                ranges.append((min(atom.lo, nxt.lo), max(atom.hi, nxt.hi), start, nxt.end))
                accepted_end = nxt.end
                i += 2
                continue
        to_now = _TO_NOW.match(question, atom.end)
        if to_now is not None and (word in _RANGE_WORDS or not atom.plain_year):
            ranges.append((atom.lo, None, span_start if word is not None else atom.start, to_now.end()))
            accepted_end = to_now.end()
            i += 1
            continue
        listed = accepted_end is not None and _LIST_GAP.match(question[accepted_end : atom.start])
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
        ranges.append((lo, hi, span_start if word is not None else atom.start, atom.end))
        accepted_end = atom.end
        i += 1
    if not ranges:
        return None
    los = [r[0] for r in ranges]
    his = [r[1] for r in ranges]
    lo_all = None if any(x is None for x in los) else min(x for x in los if x is not None)
    hi_all = None if any(x is None for x in his) else max(x for x in his if x is not None)
    spans = tuple((r[2], r[3]) for r in ranges)
    text = " … ".join(question[s:e] for s, e in spans)
    return DateRange(_ts(lo_all), _ts(hi_all), spans, text)
