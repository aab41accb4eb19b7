"""Metadata filters shared by dense and lexical search: a time range on `created_ts` and kind switches.

A `Filter` is built from command-line flags (`--since`, `--until`, retweet / reply switches) or from a date
range found in the question (`rag.search.dates`), and is applied the same way on both sides of hybrid search:
`to_chroma_where()` gives Chroma's `where` dict for the vector store, `matches()` the same test in Python
for the lexical index. The time range is half-open: `since_ts` is inclusive, `until_ts` is exclusive
(`since_ts <= created_ts < until_ts`), both in epoch seconds UTC. `within` optionally narrows that to a
union of half-open ranges (every Christmas Eve, or 2016 and 2018 but not 2017): Chroma gets an `$or` of
them, the lexical index a binary search over their starts. A document without `created_ts` never
passes a filter that has a time bound. A missing `is_retweet` / `is_reply` / `is_deleted` counts as false,
which is also how Chroma treats `$ne: true` on a missing key.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal, cast

from rag.errors import FilterError

KindMode = Literal["include", "exclude", "only"]
KIND_MODES: tuple[KindMode, ...] = ("include", "exclude", "only")

Ranges = tuple[tuple[int, int], ...]

# Filter field -> metadata key it tests.
_KIND_KEYS: dict[str, str] = {"retweets": "is_retweet", "replies": "is_reply", "deleted": "is_deleted"}


@dataclass(frozen=True)
class Filter:
    """Which documents a search may return.

    `since_ts` (inclusive) and `until_ts` (exclusive) bound `created_ts`; `None` leaves that side open.
    `within`, when not None, also requires `created_ts` to fall in one of its half-open `(start, end)`
    ranges (kept sorted and merged; an empty tuple lets nothing through).
    `retweets`, `replies` and `deleted` are each "include" (no restriction), "exclude" (only documents whose
    flag is false or missing) or "only" (only documents whose flag is true), testing the metadata keys
    `is_retweet`, `is_reply` and `is_deleted`.
    """

    since_ts: int | None = None
    until_ts: int | None = None
    retweets: KindMode = "include"
    replies: KindMode = "include"
    deleted: KindMode = "include"
    within: Ranges | None = None

    def __post_init__(self) -> None:
        for name in _KIND_KEYS:
            value = getattr(self, name)
            if value not in KIND_MODES:
                raise ValueError(f"{name}={value!r} must be one of {', '.join(KIND_MODES)}")
        for name in ("since_ts", "until_ts"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} must be an int (epoch seconds) or None, got {value!r}")
        if self.within is not None:
            object.__setattr__(self, "within", normalise_ranges(self.within))

    @property
    def has_time_bound(self) -> bool:
        """True when the filter restricts `created_ts` (a bound or `within`)."""
        return self.since_ts is not None or self.until_ts is not None or self.within is not None

    @property
    def admits_no_time(self) -> bool:
        """True when no `created_ts` at all can pass the time bounds and `within` together."""
        low = -_BIG if self.since_ts is None else self.since_ts
        high = _BIG if self.until_ts is None else self.until_ts
        if low >= high:
            return True
        return self.within is not None and not any(lo < high and hi > low for lo, hi in self.within)

    def describe_time(self) -> str:
        """The time bounds in words, by UTC day: "2019-01-01 to 2019-12-31", "from 2022-01-01 on", ...."""
        since = None if self.since_ts is None else _day(self.since_ts)
        last = None if self.until_ts is None else _day(self.until_ts - 1)
        if since and last:
            return f"{since} to {last}"
        if since:
            return f"from {since} on"
        if last:
            return f"up to {last}"
        return "any date"

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every document through."""
        return self.to_chroma_where() is None

    def _clauses(self) -> list[dict[str, Any]]:
        clauses: list[dict[str, Any]] = []
        if self.since_ts is not None:
            clauses.append({"created_ts": {"$gte": self.since_ts}})
        if self.until_ts is not None:
            clauses.append({"created_ts": {"$lt": self.until_ts}})
        if self.within is not None:
            pieces = [[{"created_ts": {"$gte": lo}}, {"created_ts": {"$lt": hi}}] for lo, hi in self.within]
            if not pieces:  # nothing passes; no tweet is that old
                clauses.append({"created_ts": {"$lt": _NOTHING}})
            elif len(pieces) == 1:
                clauses.extend(pieces[0])
            else:
                clauses.append({"$or": [{"$and": piece} for piece in pieces]})
        for name, key in _KIND_KEYS.items():
            mode = getattr(self, name)
            if mode == "exclude":
                clauses.append({key: {"$ne": True}})
            elif mode == "only":
                clauses.append({key: {"$eq": True}})
        return clauses

    def to_chroma_where(self) -> dict[str, Any] | None:
        """Chroma's `where` dict for this filter, or None when it restricts nothing.

        One condition is returned bare (Chroma rejects an `$and` of fewer than two); several are joined
        with `$and`.
        """
        clauses = self._clauses()
        if not clauses:
            return None
        if len(clauses) == 1:
            return clauses[0]
        return {"$and": clauses}

    def matches(self, metadata: Mapping[str, Any]) -> bool:
        """Whether a document with this metadata passes, with the same rules as `to_chroma_where()`."""
        if self.has_time_bound:
            ts = metadata.get("created_ts")
            if isinstance(ts, bool) or not isinstance(ts, int | float):
                return False
            if self.since_ts is not None and ts < self.since_ts:
                return False
            if self.until_ts is not None and ts >= self.until_ts:
                return False
            if self.within is not None:
                at = bisect_right(self.within, ts, key=lambda piece: piece[0]) - 1
                if at < 0 or ts >= self.within[at][1]:
                    return False
        for name, key in _KIND_KEYS.items():
            mode = getattr(self, name)
            flag = metadata.get(key) is True
            if (mode == "exclude" and flag) or (mode == "only" and not flag):
                return False
        return True

    def merged(self, other: Filter | None) -> Filter:
        """The filter that passes what both pass: time ranges intersected, kind switches combined.

        "include" yields to the other side's switch; "exclude" with "only" on the same switch cannot both
        hold and raises ValueError. Disjoint time ranges give a filter that matches nothing; two `within`
        unions are intersected.
        """
        if other is None:
            return self
        since = _pick(self.since_ts, other.since_ts, max)
        until = _pick(self.until_ts, other.until_ts, min)
        kinds: dict[str, KindMode] = {}
        for name in _KIND_KEYS:
            mine = cast(KindMode, getattr(self, name))
            theirs = cast(KindMode, getattr(other, name))
            if mine != "include" and theirs != "include" and mine != theirs:
                raise ValueError(f"cannot combine {name}={mine!r} with {name}={theirs!r}")
            kinds[name] = theirs if mine == "include" else mine
        within = self.within if other.within is None else other.within
        if self.within is not None and other.within is not None:
            within = intersect_ranges(self.within, other.within)
        return replace(self, since_ts=since, until_ts=until, within=within, **kinds)


_NOTHING = -(2**62)
_BIG = 2**62


def _day(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).date().isoformat()


def check_date_flags(
    since_ts: int | None,
    until_ts: int | None,
    since: str | None,
    until: str | None,
    names: tuple[str, str] = ("--since", "--until"),
) -> None:
    """Raise `FilterError` when the since bound is not before the until bound (`--since 2024 --until 2019`).

    `since`/`until` are the dates as the user wrote them, `names` what the user calls the two bounds.
    """
    if since_ts is not None and until_ts is not None and since_ts >= until_ts:
        raise FilterError(
            f"{names[0]} {since} is after {names[1]} {until}, so no tweet can match both: swap them, or drop "
            "one of them"
        )


def normalise_ranges(ranges: Iterable[Sequence[int]]) -> Ranges:
    """Half-open `(start, end)` int ranges sorted, empty ones dropped, touching or overlapping ones merged."""
    pieces: list[tuple[int, int]] = []
    for piece in ranges:
        if len(piece) != 2 or any(isinstance(v, bool) or not isinstance(v, int) for v in piece):
            raise ValueError(f"within must hold (start, end) pairs of ints (epoch seconds), got {piece!r}")
        if piece[0] < piece[1]:
            pieces.append((piece[0], piece[1]))
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(pieces):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return tuple(merged)


def intersect_ranges(a: Iterable[Sequence[int]], b: Iterable[Sequence[int]]) -> Ranges:
    """The parts common to two unions of half-open ranges, sorted and merged."""
    left, right = normalise_ranges(a), normalise_ranges(b)
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(left) and j < len(right):
        lo, hi = max(left[i][0], right[j][0]), min(left[i][1], right[j][1])
        if lo < hi:
            out.append((lo, hi))
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def _pick(a: int | None, b: int | None, choose: Any) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return int(choose(a, b))
