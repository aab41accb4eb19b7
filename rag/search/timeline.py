"""When you said it: how many tweets about a question's topic fall in each month or year of the archive.

`build_timeline(retriever, question)` runs the question's own two searches across the whole archive (its
date words and any date bounds left out, the retweet / reply switches kept), wider than the few tweets an
answer gets: BM25 keeps every document scoring at least `LEXICAL_SHARE` of the best score, the dense side
every neighbour at or above the retriever's relevance threshold (its `k` nearest when the embedding
model has no calibrated threshold, so that unrelated tweets do not fill the chart), both up to `LIMIT`
documents. Each tweet of a found document is counted once at its own date (a thread's later tweets are
dated from their snowflake ids), then counted per month or per year, every period between the first and
the last present (with zero counts), so the chart has a true time axis.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from rag.archive.tweet import snowflake_ms
from rag.search.retrieval import TweetRetriever

Granularity = Literal["month", "year"]
GRANULARITIES = ("auto", "month", "year")
LIMIT = 1000
LEXICAL_SHARE = 0.5
# "auto" counts per month up to this many months between the first and the last tweet, else per year.
AUTO_MONTHS = 48


@dataclass(frozen=True)
class Period:
    """One bar of the chart: `period` is `YYYY` or `YYYY-MM` (also a valid `--since`/`--until` value)."""

    period: str
    count: int


@dataclass(frozen=True)
class Timeline:
    """The tweets about a question per period; `total` tweets between `first` and `last` (periods)."""

    question: str
    query: str
    granularity: Granularity
    periods: list[Period]
    total: int

    @property
    def first(self) -> str | None:
        """The first period with a tweet."""
        return self.periods[0].period if self.periods else None

    @property
    def last(self) -> str | None:
        """The last period with a tweet."""
        return self.periods[-1].period if self.periods else None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (what the web page draws)."""
        return {
            "question": self.question,
            "query": self.query,
            "granularity": self.granularity,
            "total": self.total,
            "first": self.first,
            "last": self.last,
            "periods": [{"period": p.period, "count": p.count} for p in self.periods],
        }


def _tweet_stamps(metadata: Mapping[str, Any]) -> list[int]:
    """Epoch seconds of each tweet a document covers (its first at `created_ts`, the rest by snowflake)."""
    created = metadata.get("created_ts")
    base = int(created) if isinstance(created, int | float) and not isinstance(created, bool) else None
    ids = [part.strip() for part in str(metadata.get("tweet_ids") or "").split(",") if part.strip()]
    if len(ids) <= 1:
        return [base] if base is not None else []
    stamps: list[int] = []
    for number, tweet_id in enumerate(ids):
        ms = snowflake_ms(tweet_id)
        if ms is not None and number > 0:
            stamps.append(ms // 1000)
        elif base is not None:
            stamps.append(base)
    return stamps


def _months(stamp: int) -> int:
    day = datetime.fromtimestamp(stamp, UTC)
    return day.year * 12 + day.month - 1


def count_periods(stamps: Iterable[int], granularity: str = "auto") -> tuple[Granularity, list[Period]]:
    """Tweets per month or year from the first to the last stamp, empty periods included."""
    months = Counter(_months(stamp) for stamp in stamps)
    if not months:
        return ("month" if granularity == "month" else "year"), []
    first, last = min(months), max(months)
    chosen: Granularity
    if granularity == "auto":
        chosen = "month" if last - first < AUTO_MONTHS else "year"
    else:
        chosen = "month" if granularity == "month" else "year"
    if chosen == "month":
        periods = [
            Period(f"{m // 12:04d}-{m % 12 + 1:02d}", months.get(m, 0)) for m in range(first, last + 1)
        ]
    else:
        years = Counter({m // 12: 0 for m in months})
        for month, count in months.items():
            years[month // 12] += count
        periods = [Period(f"{y:04d}", years.get(y, 0)) for y in range(first // 12, last // 12 + 1)]
    return chosen, periods


def build_timeline(retriever: TweetRetriever, question: str, granularity: str = "auto") -> Timeline:
    """The timeline of `question` over the retriever's index (see the module docstring)."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity {granularity!r} is not one of {', '.join(GRANULARITIES)}")
    query, where = retriever.plan(question)
    where = replace(where, since_ts=None, until_ts=None, within=None)
    found: dict[str, Mapping[str, Any] | None] = {}
    if retriever.lexical_index is not None:
        hits = retriever.lexical_index.search(query, LIMIT, where=where)
        if hits:
            floor = LEXICAL_SHARE * max(score for _doc_id, score in hits)
            for doc_id, score in hits:
                if score >= floor:
                    found[doc_id] = None
    embedding = retriever.vector_store.embeddings.embed_query(query)
    dense = retriever._query(embedding, where, LIMIT, ["metadatas", "distances"])
    calibrated = math.isfinite(retriever.threshold)
    for rank, (doc_id, metadata, distance) in enumerate(
        zip(dense["ids"], dense["metadatas"], dense["distances"], strict=True)
    ):
        if calibrated and 1.0 - float(distance) < retriever.threshold:
            continue
        if not calibrated and rank >= retriever.k:
            break
        found[doc_id] = metadata
    missing = [doc_id for doc_id, metadata in found.items() if metadata is None]
    if missing:
        got = retriever.vector_store._collection.get(ids=missing, include=["metadatas"])
        for doc_id, metadata in zip(got["ids"], got["metadatas"], strict=True):
            found[doc_id] = metadata
    stamps = [stamp for metadata in found.values() if metadata for stamp in _tweet_stamps(metadata)]
    chosen, periods = count_periods(stamps, granularity)
    return Timeline(question, query, chosen, periods, len(stamps))
