"""Metadata filters shared by dense and lexical search: a time range on `created_ts` and kind switches.

A `Filter` is built from command-line flags (`--since`, `--until`, retweet / reply switches) or from a date
range found in the question (`rag.search.dates`), and is applied the same way on both sides of hybrid search:
`to_chroma_where()` gives Chroma's `where` dict for the vector store, `matches()` the same test in Python
for the lexical index. The time range is half-open: `since_ts` is inclusive, `until_ts` is exclusive
(`since_ts <= created_ts < until_ts`), both in epoch seconds UTC. A document without `created_ts` never
passes a filter that has a time bound. A missing `is_retweet` / `is_reply` / `is_deleted` counts as false,
which is also how Chroma treats `$ne: true` on a missing key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal, cast

KindMode = Literal["include", "exclude", "only"]
KIND_MODES: tuple[KindMode, ...] = ("include", "exclude", "only")

# Filter field -> metadata key it tests.
_KIND_KEYS: dict[str, str] = {"retweets": "is_retweet", "replies": "is_reply", "deleted": "is_deleted"}


@dataclass(frozen=True)
class Filter:
    """Which documents a search may return.

    `since_ts` (inclusive) and `until_ts` (exclusive) bound `created_ts`; `None` leaves that side open.
    `retweets`, `replies` and `deleted` are each "include" (no restriction), "exclude" (only documents whose
    flag is false or missing) or "only" (only documents whose flag is true), testing the metadata keys
    `is_retweet`, `is_reply` and `is_deleted`.
    """

    since_ts: int | None = None
    until_ts: int | None = None
    retweets: KindMode = "include"
    replies: KindMode = "include"
    deleted: KindMode = "include"

    def __post_init__(self) -> None:
        for name in _KIND_KEYS:
            value = getattr(self, name)
            if value not in KIND_MODES:
                raise ValueError(f"{name}={value!r} must be one of {', '.join(KIND_MODES)}")
        for name in ("since_ts", "until_ts"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} must be an int (epoch seconds) or None, got {value!r}")

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
        if self.since_ts is not None or self.until_ts is not None:
            ts = metadata.get("created_ts")
            if isinstance(ts, bool) or not isinstance(ts, int | float):
                return False
            if self.since_ts is not None and ts < self.since_ts:
                return False
            if self.until_ts is not None and ts >= self.until_ts:
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
        hold and raises ValueError. Disjoint time ranges give a filter that matches nothing.
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
        return replace(self, since_ts=since, until_ts=until, **kinds)


def _pick(a: int | None, b: int | None, choose: Any) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return int(choose(a, b))
