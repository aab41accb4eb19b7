"""Retrieval evaluation: read a QA file, score rankings (recall@k, MRR@k) and abstention, calibrate it.

Pure functions over plain data, so the scoring is tested on hand-made rankings and the script
(`scripts/eval_retrieval.py`) only runs the retriever. A question is a hit at rank r (1-based) when any of its
gold tweet ids is among the tweet ids of the document at rank r. Questions with no gold ids are "no answer"
questions: the right behaviour there is to abstain, which the retriever does when its best relevance score
is below a threshold; abstaining on an answerable question is a false abstention.

Each set is split into a tuning half and a held-out half (`split` on every line, from `assign_splits`:
deterministic, stratified by category); tuning code reads only `load_qa(path, split="tuning")`. The two sets
name their categories differently (set 1: paraphrased, dated, exact, no_answer; set 2: lookup, dated,
entity, none); reports use the canonical names of `CANONICAL`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.documents import Document

from rag.errors import ConfigError

CATEGORIES = ("lookup", "dated", "entity", "none")
"""Canonical categories, in report order."""
CANONICAL = {"paraphrased": "lookup", "exact": "entity", "no_answer": "none"}
"""Set 1's category names and the canonical names they are reported under."""
SPLITS = ("heldout", "tuning")
# Issue 11's targets for the default search on held-out halves: recall@5 per category, overall MRR@10, and
# abstention (at least this share of unanswerable questions, at most this share of answerable ones).
RECALL_TARGETS = {"lookup": 0.90, "dated": 0.85, "entity": 1.00}
MRR_TARGET = 0.80
ABSTENTION_TARGET = (0.70, 0.05)


def canonical_category(name: str) -> str:
    """The canonical name of a category (`paraphrased` -> `lookup`, `exact` -> `entity`, ...)."""
    return CANONICAL.get(name, name)


@dataclass(frozen=True)
class QAItem:
    """One evaluation question with the ids of the tweets that answer it (none for a no-answer question)."""

    qid: str
    question: str
    gold_ids: tuple[str, ...]
    category: str
    date_from: str | None = None
    date_to: str | None = None
    split: str | None = None

    @property
    def answerable(self) -> bool:
        """Whether some tweet answers the question."""
        return bool(self.gold_ids)


def parse_qa_line(line: str, where: str = "QA file") -> QAItem:
    """One QA item from a JSON line, checking the fields the DESIGN.md contract names."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise ConfigError(
            f"{where}: not valid JSON ({error.msg}); each line must be one JSON object"
        ) from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: each line must be a JSON object")
    for key in ("qid", "question", "gold_ids", "category"):
        if key not in raw:
            raise ConfigError(f"{where}: missing {key!r}; every line needs qid, question, gold_ids, category")
    gold = raw["gold_ids"]
    if not isinstance(gold, list) or not all(isinstance(item, str) and item.isdigit() for item in gold):
        raise ConfigError(f"{where}: gold_ids must be a list of tweet id strings")
    if not isinstance(raw["question"], str) or not raw["question"].strip():
        raise ConfigError(f"{where}: question must be a non-empty string")
    if raw.get("split") is not None and raw["split"] not in SPLITS:
        raise ConfigError(f"{where}: split must be one of {', '.join(SPLITS)}")
    return QAItem(
        qid=str(raw["qid"]),
        question=raw["question"],
        gold_ids=tuple(gold),
        category=str(raw["category"]),
        date_from=raw.get("date_from"),
        date_to=raw.get("date_to"),
        split=raw.get("split"),
    )


def load_qa(path: Path, split: str | None = None) -> list[QAItem]:
    """Every item of a JSONL QA file (blank lines skipped); qids must be unique.

    With `split` ("tuning" or "heldout"), only that half; a file without splits then fails.
    """
    if not path.is_file():
        raise ConfigError(f"QA file {path} not found; pass --qa tests/eval/qa.jsonl")
    items: list[QAItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            items.append(parse_qa_line(line, f"{path}:{number}"))
    seen: set[str] = set()
    for item in items:
        if item.qid in seen:
            raise ConfigError(f"{path}: qid {item.qid!r} appears twice; qids must be unique")
        seen.add(item.qid)
    if not items:
        raise ConfigError(f"{path} has no questions")
    if split is None:
        return items
    if split not in SPLITS:
        raise ConfigError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    chosen = [item for item in items if item.split == split]
    if not chosen:
        raise ConfigError(f"{path} has no {split} questions; give every line a split (see assign_splits)")
    return chosen


def assign_splits(items: Sequence[QAItem]) -> dict[str, str]:
    """A deterministic split per qid, stratified by canonical category.

    Within each category the questions are ordered by the SHA-256 of their qid and alternate held-out,
    tuning, held-out, ... (the held-out half gets the odd one out), so adding questions moves few others.
    """
    by_category: dict[str, list[str]] = {}
    for item in items:
        by_category.setdefault(canonical_category(item.category), []).append(item.qid)
    splits: dict[str, str] = {}
    for qids in by_category.values():
        ordered = sorted(qids, key=lambda qid: hashlib.sha256(qid.encode("utf-8")).hexdigest())
        for position, qid in enumerate(ordered):
            splits[qid] = SPLITS[position % 2]
    return splits


def split_ids(tweet_ids: str | Sequence[str] | None) -> tuple[str, ...]:
    """The tweet ids of a document's `tweet_ids` metadata (a comma-separated string, or already a list)."""
    if tweet_ids is None:
        return ()
    parts = tweet_ids.split(",") if isinstance(tweet_ids, str) else tweet_ids
    return tuple(part.strip() for part in parts if part and part.strip())


def first_hit_rank(ranking: Sequence[Iterable[str]], gold_ids: Iterable[str]) -> int | None:
    """The 1-based rank of the first document holding a gold id, or None (also None when there is no gold)."""
    gold = set(gold_ids)
    if not gold:
        return None
    for rank, tweet_ids in enumerate(ranking, start=1):
        if gold.intersection(tweet_ids):
            return rank
    return None


@dataclass(frozen=True)
class QuestionResult:
    """What the retriever did with one question: the first hit's rank and its best relevance score."""

    qid: str
    category: str
    answerable: bool
    rank: int | None
    best_score: float | None
    retrieved: int = 0
    top_ids: tuple[str, ...] = field(default=())


def recall_at(results: Sequence[QuestionResult], k: int) -> float | None:
    """Share of answerable questions with a hit within the first `k` ranks (None when none is answerable)."""
    answerable = [result for result in results if result.answerable]
    if not answerable:
        return None
    return sum(1 for result in answerable if result.rank is not None and result.rank <= k) / len(answerable)


def mrr_at(results: Sequence[QuestionResult], k: int) -> float | None:
    """Mean reciprocal rank of the first hit, counting 0 beyond rank `k` (None when none is answerable)."""
    answerable = [result for result in results if result.answerable]
    if not answerable:
        return None
    return sum(
        1.0 / result.rank for result in answerable if result.rank is not None and result.rank <= k
    ) / len(answerable)


def abstains(result: QuestionResult, threshold: float) -> bool:
    """Whether a retriever with this threshold abstains: nothing retrieved, or the best score below it."""
    return result.best_score is None or result.best_score < threshold


@dataclass(frozen=True)
class AbstentionRates:
    """At one threshold: share of no-answer questions abstained on, share of answerable ones abstained on."""

    threshold: float
    correct_abstention: float | None
    false_abstention: float | None


def abstention_rates(results: Sequence[QuestionResult], threshold: float) -> AbstentionRates:
    """Correct abstention (on no-answer questions) and false abstention (on answerable ones)."""
    unanswerable = [result for result in results if not result.answerable]
    answerable = [result for result in results if result.answerable]
    correct = (
        sum(abstains(result, threshold) for result in unanswerable) / len(unanswerable)
        if unanswerable
        else None
    )
    false = (
        sum(abstains(result, threshold) for result in answerable) / len(answerable) if answerable else None
    )
    return AbstentionRates(threshold, correct, false)


def sweep_thresholds(results: Sequence[QuestionResult], candidates: Iterable[float]) -> list[AbstentionRates]:
    """The abstention rates at each candidate threshold, in the order given."""
    return [abstention_rates(results, threshold) for threshold in candidates]


def best_threshold(points: Sequence[AbstentionRates], max_false_abstention: float = 0.05) -> AbstentionRates:
    """The point abstaining on the most no-answer questions while false abstention stays within the limit.

    Ties go to the lower false abstention, then the lower threshold. When no point keeps false abstention
    within the limit, the one with the lowest false abstention wins.
    """
    if not points:
        raise ValueError("no thresholds to choose from")
    allowed = [point for point in points if (point.false_abstention or 0.0) <= max_false_abstention]
    if not allowed:
        return min(points, key=lambda point: (point.false_abstention or 0.0, point.threshold))
    return min(
        allowed,
        key=lambda point: (
            -(point.correct_abstention or 0.0),
            point.false_abstention or 0.0,
            point.threshold,
        ),
    )


def summarize(
    results: Sequence[QuestionResult], threshold: float | None = None, ks: Sequence[int] = (5, 10)
) -> dict[str, Any]:
    """Overall and per-category recall@k, MRR@max(k), and (with a threshold) abstention, as plain data."""
    mrr_k = max(ks)

    def block(subset: Sequence[QuestionResult]) -> dict[str, Any]:
        out: dict[str, Any] = {"questions": len(subset)}
        for k in ks:
            out[f"recall@{k}"] = recall_at(subset, k)
        out[f"mrr@{mrr_k}"] = mrr_at(subset, mrr_k)
        if threshold is not None:
            out["abstained"] = (
                sum(abstains(result, threshold) for result in subset) / len(subset) if subset else None
            )
        return out

    categories: dict[str, list[QuestionResult]] = {}
    for result in results:
        categories.setdefault(result.category, []).append(result)
    summary: dict[str, Any] = {"overall": block(results)}
    summary["categories"] = {
        name: block(categories[name]) for name in sorted(categories, key=_category_order)
    }
    if threshold is not None:
        rates = abstention_rates(results, threshold)
        summary["abstention"] = {
            "threshold": threshold,
            "correct_abstention": rates.correct_abstention,
            "false_abstention": rates.false_abstention,
        }
    return summary


def _category_order(name: str) -> tuple[int, str]:
    return (CATEGORIES.index(name) if name in CATEGORIES else len(CATEGORIES), name)


def run_questions(
    items: Sequence[QAItem],
    retrieve: Callable[[str], Sequence[Document]],
    best_score: Callable[[str, Sequence[Document]], float | None],
    k: int = 10,
) -> list[QuestionResult]:
    """Ask every question (the question string only), and record the first hit's rank and the best score."""
    results: list[QuestionResult] = []
    for item in items:
        documents = list(retrieve(item.question))[:k]
        ranking = [
            split_ids(document.metadata.get("tweet_ids") or document.metadata.get("tweet_id"))
            for document in documents
        ]
        results.append(
            QuestionResult(
                qid=item.qid,
                category=canonical_category(item.category),
                answerable=item.answerable,
                rank=first_hit_rank(ranking, item.gold_ids),
                best_score=best_score(item.question, documents),
                retrieved=len(documents),
                top_ids=tuple(ids[0] for ids in ranking if ids),
            )
        )
    return results


def target_check(results: Mapping[str, Mapping[str, Any]], default: str, k: int) -> dict[str, Any]:
    """The default search against the better of similarity and BM25 per category, and against the targets.

    `results` maps search types to `summarize` output for one half. A category "holds" when the default's
    recall@5 and MRR@k are both at least the better of similarity's and BM25's.
    """
    if default not in results:
        return {}
    references = [s for s in ("similarity", "bm25") if s in results and s != default]
    out: dict[str, Any] = {"search": default, "against": references, "categories": {}}
    own = results[default]
    for name, block in own["categories"].items():
        if block.get("recall@5") is None:
            continue
        row: dict[str, Any] = {"recall@5": block["recall@5"], f"mrr@{k}": block[f"mrr@{k}"]}
        for metric in ("recall@5", f"mrr@{k}"):
            values = [results[r]["categories"][name][metric] for r in references]
            row[f"best_other_{metric}"] = max(values) if values else None
        row["holds"] = all(
            row[m] >= row[f"best_other_{m}"] - 1e-9
            for m in ("recall@5", f"mrr@{k}")
            if row[f"best_other_{m}"] is not None
        )
        if name in RECALL_TARGETS:
            row["target_recall@5"] = RECALL_TARGETS[name]
            row["meets_target"] = block["recall@5"] >= RECALL_TARGETS[name] - 1e-9
        out["categories"][name] = row
    mrr = own["overall"][f"mrr@{k}"]
    out["overall_mrr"] = {
        "value": mrr,
        "target": MRR_TARGET,
        "meets_target": mrr is not None and mrr >= MRR_TARGET,
    }
    rates = own.get("abstention")
    if rates and rates["correct_abstention"] is not None and rates["false_abstention"] is not None:
        out["abstention"] = {
            **rates,
            "target": list(ABSTENTION_TARGET),
            "meets_target": rates["correct_abstention"] >= ABSTENTION_TARGET[0]
            and rates["false_abstention"] <= ABSTENTION_TARGET[1],
        }
    return out
