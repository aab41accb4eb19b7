"""Score the current index on a QA file: recall@5, recall@10, MRR@10 per category, and abstention.

`python scripts/eval_retrieval.py --qa tests/eval/qa.jsonl [--k 10] [--json] [--search all] [--calibrate]`
uses the index and models the settings name (`CHROMA_DIR`, `COLLECTION`, `EMBED_MODEL`, `OLLAMA_BASE_URL`),
builds each retriever with `rag.search.retrieval.build_retriever` (through `open_retriever`) and gives it the
question string only. Abstention is scored on the best dense relevance the retriever compares with its
threshold (cosine similarity of the nearest document inside the question's date range): it abstains when
that is below the threshold: `--threshold`, else the one `--calibrate` finds by sweeping 0.00-1.00 on this
QA file, else the retriever's own (`RELEVANCE_THRESHOLD` or the model's calibrated default). A hybrid
question whose best BM25 hit holds an exact @handle / #hashtag of the question never abstains (as in the
retriever), so it counts as not abstaining whatever its relevance.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _common import PROJECT_ROOT, load_settings, run_main
from langchain_core.documents import Document

from devtools.evaluation import (
    QuestionResult,
    best_threshold,
    load_qa,
    run_questions,
    summarize,
    sweep_thresholds,
)
from rag.search.retrieval import open_retriever, relevance_threshold
from rag.settings import SEARCH_TYPES

DEFAULT_QA = PROJECT_ROOT / "tests" / "eval" / "qa.jsonl"
NEVER_ABSTAIN = float("-inf")  # rank every question; abstention is scored afterwards against the threshold


class RetrieverRun:
    """Ask a `TweetRetriever` with abstention off; keep the best relevance per question."""

    def __init__(self, retriever: Any) -> None:
        self._retriever = retriever
        self._best: dict[str, float | None] = {}

    def documents(self, question: str) -> list[Document]:
        """The ranked documents for a question (the retriever's own filters and date parsing apply)."""
        result = self._retriever.retrieve(question)
        # A hybrid search whose best BM25 hit has an exact @handle / #hashtag of the question never abstains.
        self._best[question] = float("inf") if result.exact_tag_match else result.best_relevance
        return list(result.documents)

    def best_relevance(self, question: str, documents: Sequence[Document]) -> float | None:
        """The best dense relevance the retriever compared with its threshold for this question."""
        return self._best.get(question)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def markdown_table(summaries: dict[str, dict[str, Any]], k: int) -> str:
    """One markdown table: a row per search type and category (overall first)."""
    lines = [
        f"| search | category | questions | recall@5 | recall@{k} | MRR@{k} | abstained |",
        "|---|---|---|---|---|---|---|",
    ]
    for search, summary in summaries.items():
        blocks = {"overall": summary["overall"], **summary["categories"]}
        for name, block in blocks.items():
            lines.append(
                f"| {search} | {name} | {block['questions']} | {_fmt(block.get('recall@5'))} | "
                f"{_fmt(block.get(f'recall@{k}'))} | {_fmt(block.get(f'mrr@{k}'))} | "
                f"{_fmt(block.get('abstained'))} |"
            )
    return "\n".join(lines)


def calibrate(results: Sequence[QuestionResult], max_false_abstention: float) -> dict[str, Any]:
    """Sweep thresholds 0.00-1.00 and pick the best one within the false-abstention limit."""
    points = sweep_thresholds(results, [step / 100 for step in range(101)])
    best = best_threshold(points, max_false_abstention)
    answerable = sorted(r.best_score for r in results if r.answerable and r.best_score is not None)
    unanswerable = sorted(r.best_score for r in results if not r.answerable and r.best_score is not None)
    return {
        "threshold": best.threshold,
        "correct_abstention": best.correct_abstention,
        "false_abstention": best.false_abstention,
        "max_false_abstention": max_false_abstention,
        "answerable_scores": {"min": answerable[0], "median": answerable[len(answerable) // 2]}
        if answerable
        else {},
        "no_answer_scores": {"max": unanswerable[-1], "median": unanswerable[len(unanswerable) // 2]}
        if unanswerable
        else {},
        "sweep": [
            {"threshold": p.threshold, "correct": p.correct_abstention, "false": p.false_abstention}
            for p in points
            if round(p.threshold * 100) % 5 == 0
        ],
    }


def main() -> int:
    """Parse flags, run every requested search type over the QA file and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qa", type=Path, default=DEFAULT_QA, help="QA file (JSONL, default %(default)s)")
    parser.add_argument("--k", type=int, default=10, help="documents retrieved per question (default 10)")
    parser.add_argument(
        "--search", choices=[*SEARCH_TYPES, "all"], default=None, help="default: SEARCH setting"
    )
    parser.add_argument(
        "--threshold", type=float, default=None, help="abstention threshold on best relevance"
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="sweep the threshold and report the best one"
    )
    parser.add_argument("--max-false-abstention", type=float, default=0.05, help="limit for --calibrate")
    parser.add_argument("--details", type=Path, default=None, help="write per-question results (JSONL) here")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    settings = load_settings()
    items = load_qa(args.qa)
    searches = list(SEARCH_TYPES) if args.search == "all" else [args.search or settings.search]
    all_results: dict[str, list[QuestionResult]] = {}
    seconds: dict[str, float] = {}
    for search in searches:
        run = RetrieverRun(open_retriever(settings, search=search, k=args.k, threshold=NEVER_ABSTAIN))
        started = time.perf_counter()
        all_results[search] = run_questions(items, run.documents, run.best_relevance, k=args.k)
        seconds[search] = time.perf_counter() - started

    calibration = calibrate(all_results[searches[0]], args.max_false_abstention) if args.calibrate else None
    threshold: float | None = args.threshold
    if threshold is None and calibration is not None:
        threshold = calibration["threshold"]
    if threshold is None and relevance_threshold(settings) != NEVER_ABSTAIN:
        threshold = relevance_threshold(settings)
    summaries = {
        search: summarize(results, threshold, ks=(5, args.k)) for search, results in all_results.items()
    }
    if args.details:
        with args.details.open("w", encoding="utf-8") as handle:
            for search, results in all_results.items():
                for result in results:
                    handle.write(json.dumps({"search": search, **result.__dict__}) + "\n")
    output = {
        "qa": str(args.qa),
        "questions": len(items),
        "k": args.k,
        "embed_model": settings.embed_model,
        "collection": settings.collection,
        "threshold": threshold,
        "seconds": {search: round(value, 2) for search, value in seconds.items()},
        "results": summaries,
        "calibration": calibration,
    }
    if args.json:
        print(json.dumps(output, indent=2))
        return 0
    print(f"{len(items)} questions from {args.qa}, model {settings.embed_model}, k={args.k}")
    print(markdown_table(summaries, args.k))
    if threshold is not None:
        print(f"\nabstention threshold {threshold:.2f} (best dense relevance below it => abstain)")
        for search, summary in summaries.items():
            rates = summary["abstention"]
            print(
                f"  {search}: correct abstention on no_answer {_fmt(rates['correct_abstention'])}, "
                f"false abstention on answerable {_fmt(rates['false_abstention'])}"
            )
    if calibration is not None:
        print(
            f"\ncalibrated threshold for {settings.embed_model}: {calibration['threshold']:.2f} "
            f"(correct abstention {_fmt(calibration['correct_abstention'])}, false abstention "
            f"{_fmt(calibration['false_abstention'])}, limit {args.max_false_abstention})"
        )
    return 0


if __name__ == "__main__":
    run_main(main)
