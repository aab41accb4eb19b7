"""Score retrieval on the evaluation sets: recall@5/@10, MRR@10 per category and search type; abstention.

`python scripts/eval_retrieval.py --qa tests/eval/qa.jsonl [--k 10] [--json]` scores the index the settings
name (`CHROMA_DIR`, `COLLECTION`, `EMBED_MODEL`, `OLLAMA_BASE_URL`) on one QA file;
`--sets all` (what `make eval` runs) scores every set of `devtools.eval_sets` (`rtweet`, `ikiwiki`), each on
its own collection in `CHROMA_DIR`. Each retriever is built with `rag.search.retrieval.build_retriever` and
given the question string only; `--search all` runs similarity, mmr, hybrid and bm25 (the lexical index
alone, with the same date handling). Files whose lines carry a `split` are reported per half (held-out
first, then tuning; `--split tuning` asks only the tuning half, for tuning code); categories under their
canonical names (lookup, dated, entity, none).

Abstention is scored on the effective relevance of the model's abstention rule (`rag.search.abstention`:
the rule's relevance floor plus its score over best relevance, margin and absent share, in relevance
units; the plain best relevance when `RELEVANCE_THRESHOLD` is set; a hybrid question whose best BM25 hit
holds an exact @handle / #hashtag of the question never abstains, as in the retriever): it abstains below
the threshold, `--threshold` or else the rule's own (so the default reports exactly what the retriever
does).
With `QUERY_EXPANSION=hyde` every dense search uses the HyDE vector (`rag.search.hyde`); the hypothetical
posts are cached per question in `--hyde-cache` (default `.cache/hyde/<chat model>-<prompt hash>.json`,
with the seconds each took to write), so a re-run asks the chat model nothing; the report gives those
seconds.
`--calibrate` sweeps 0.00-1.00 on each set's tuning half (the default search type), picks the
threshold abstaining most on unanswerable questions with at most `--max-false-abstention` false
abstentions, and reports what that threshold does on every set's held-out half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from devtools import PROJECT_ROOT
from devtools.eval_sets import (
    ALL_SEARCHES,
    BM25,
    NEVER_ABSTAIN,
    SETS,
    CachedEmbeddings,
    EvalSet,
    RetrieverFactory,
    by_split,
    default_factory,
    evaluate_items,
)
from devtools.evaluation import (
    ABSTENTION_TARGET,
    CATEGORIES,
    QuestionResult,
    abstention_rates,
    best_threshold,
    load_qa,
    summarize,
    sweep_thresholds,
    target_check,
)
from rag.errors import ConfigError
from rag.indexing.embeddings import build_embeddings
from rag.search.hyde import HYDE_PROMPT, HYDE_TOKENS, HydeExpander, build_query_expander
from rag.search.retrieval import abstention_rule, build_retriever
from rag.settings import SearchType, Settings
from tweet_rag.common import load_settings, run_main

DEFAULT_QA = PROJECT_ROOT / "tests" / "eval" / "qa.jsonl"
DEFAULT_CACHE = PROJECT_ROOT / ".cache" / "eval_embeddings"
HYDE_CACHE_DIR = PROJECT_ROOT / ".cache" / "hyde"
NO_THRESHOLD = float("-inf")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def _cell(block: Mapping[str, Any] | None, k: int) -> str:
    if block is None or block.get("recall@5") is None:
        return "-"
    return f"{_fmt(block['recall@5'])} / {_fmt(block.get(f'recall@{k}'))} / {_fmt(block.get(f'mrr@{k}'))}"


def split_table(results: Mapping[str, Mapping[str, Any]], k: int) -> str:
    """One markdown table: a row per category (overall first), a column per search type."""
    searches = list(results)
    first = next(iter(results.values()))
    names = ["overall", *first["categories"]]
    lines = [
        "| category | questions | " + " | ".join(searches) + " |",
        "|---|---|" + "---|" * len(searches),
    ]
    for name in names:
        block = first["overall"] if name == "overall" else first["categories"].get(name)
        count = block["questions"] if block else 0
        cells = [
            _cell(results[s]["overall"] if name == "overall" else results[s]["categories"].get(name), k)
            for s in searches
        ]
        lines.append(f"| {name} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def calibrate(results: Sequence[QuestionResult], max_false_abstention: float) -> dict[str, Any]:
    """Sweep thresholds 0.00-1.00 and pick the best one within the false-abstention limit."""
    points = sweep_thresholds(results, [step / 100 for step in range(101)])
    best = best_threshold(points, max_false_abstention)
    answerable = sorted(r.best_score for r in results if r.answerable and r.best_score is not None)
    unanswerable = sorted(r.best_score for r in results if not r.answerable and r.best_score is not None)
    finite = [score for score in answerable if score != float("inf")]
    return {
        "threshold": best.threshold,
        "correct_abstention": best.correct_abstention,
        "false_abstention": best.false_abstention,
        "max_false_abstention": max_false_abstention,
        "answerable_scores": {
            "min": finite[0],
            "p05": finite[len(finite) // 20],
            "median": finite[len(finite) // 2],
        }
        if finite
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


def hyde_cache_file(settings: Settings) -> Path:
    """The default cache of hypothetical posts: one per chat model, prompt and token budget."""
    digest = hashlib.sha256(f"{HYDE_PROMPT}\n{HYDE_TOKENS}".encode()).hexdigest()[:10]
    return HYDE_CACHE_DIR / f"{settings.chat_model.replace('/', '_').replace(':', '_')}-{digest}.json"


def load_hyde_cache(path: Path) -> tuple[dict[str, str], dict[str, float]]:
    """The posts and the seconds each took to write, from a cache file (empty when there is none)."""
    if not path.is_file():
        return {}, {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return dict(data.get("posts", {})), {key: float(value) for key, value in data.get("seconds", {}).items()}


def hyde_factory(expander: HydeExpander) -> RetrieverFactory:
    """The evaluation's retriever factory with one shared HyDE expander (its cache serves every search)."""

    def factory(settings: Settings, vector_store: Any, lexical_index: Any, search: str, k: int) -> Any:
        return build_retriever(
            settings,
            vector_store,
            lexical_index,
            search=cast(SearchType, search),
            k=k,
            threshold=NEVER_ABSTAIN,
            query_expander=expander,
        )

    return factory


def hyde_report(expander: HydeExpander, seconds: dict[str, float], asked: set[str]) -> dict[str, Any]:
    """How many posts were written in this run and the seconds per post (this run's and earlier ones')."""
    times = sorted(seconds[question] for question in asked if question in seconds)
    return {
        "vector": expander.vector,
        "questions": len(asked),
        "written_now": sum(1 for question in asked if question in expander.generation_seconds),
        "seconds_mean": round(statistics.fmean(times), 2) if times else None,
        "seconds_median": round(statistics.median(times), 2) if times else None,
        "seconds_max": round(times[-1], 2) if times else None,
    }


def evaluate_set(
    settings: Settings,
    name: str,
    qa: Path,
    searches: Sequence[str],
    args: argparse.Namespace,
    embeddings: CachedEmbeddings,
    factory: RetrieverFactory = default_factory,
) -> dict[str, Any]:
    """Run every search type over one QA file and summarize the whole file and each half."""
    items = load_qa(qa, split=args.split)
    halves = by_split(items)
    results, seconds = evaluate_items(
        settings, items, searches, k=args.k, embeddings=embeddings, factory=factory
    )
    threshold = (
        args.threshold if args.threshold is not None else abstention_rule(settings).relevance_threshold
    )
    shown = None if threshold == NO_THRESHOLD else threshold

    def summaries(qids: set[str]) -> dict[str, Any]:
        return {
            search: summarize(
                [r for r in found if r.qid in qids], None if search == BM25 else shown, ks=(5, args.k)
            )
            for search, found in results.items()
        }

    report: dict[str, Any] = {
        "set": name,
        "qa": str(qa),
        "collection": settings.collection,
        "questions": len(items),
        "threshold": shown,
        "seconds": seconds,
        "results": summaries({item.qid for item in items}),
        "splits": {
            split: {"questions": len(subset), "results": summaries({item.qid for item in subset})}
            for split, subset in halves.items()
            if split != "all"
        },
    }
    for block in report["splits"].values():
        block["targets"] = target_check(block["results"], settings.search, args.k)
    report["_raw"] = results
    report["_halves"] = {split: {item.qid for item in subset} for split, subset in halves.items()}
    return report


def add_calibration(reports: dict[str, dict[str, Any]], search: str, limit: float) -> dict[str, Any]:
    """Per set: the threshold calibrated on its tuning half, and what it does on every held-out half."""
    out: dict[str, Any] = {"search": search, "max_false_abstention": limit, "sets": {}}
    for name, report in reports.items():
        raw = report["_raw"].get(search)
        if raw is None:
            continue
        halves = report["_halves"]
        tuning = halves.get("tuning") or halves.get("all") or set()
        found = calibrate([r for r in raw if r.qid in tuning], limit)
        transfer = {}
        for other, other_report in reports.items():
            other_raw = other_report["_raw"].get(search) or []
            held = other_report["_halves"].get("heldout") or other_report["_halves"].get("all") or set()
            rates = abstention_rates([r for r in other_raw if r.qid in held], found["threshold"])
            transfer[other] = {
                "correct_abstention": rates.correct_abstention,
                "false_abstention": rates.false_abstention,
            }
        found["held_out"] = transfer
        out["sets"][name] = found
    return out


def print_targets(targets: Mapping[str, Any], k: int, half: str) -> None:
    """The default search on one half against the better of similarity and BM25, and the targets."""
    default = targets["search"]
    print(
        f"\n{half} targets for the default search ({default}) against the better of "
        f"{' and '.join(targets['against'])} (recall@5 / MRR@{k}):\n"
    )
    print(f"| category | {default} | better of the others | holds | target recall@5 | met |")
    print("|---|---|---|---|---|---|")
    for name, row in targets["categories"].items():
        target = row.get("target_recall@5")
        met = row.get("meets_target")
        print(
            f"| {name} | {_fmt(row['recall@5'])} / {_fmt(row[f'mrr@{k}'])} | "
            f"{_fmt(row['best_other_recall@5'])} / {_fmt(row[f'best_other_mrr@{k}'])} | "
            f"{_yes(row['holds'])} | {_fmt(target)} | {'-' if met is None else _yes(met)} |"
        )
    mrr = targets["overall_mrr"]
    print(f"\noverall MRR@{k} {_fmt(mrr['value'])} (target {mrr['target']:.2f}: {_yes(mrr['meets_target'])})")
    abst = targets.get("abstention")
    if abst:
        print(
            f"abstention at {abst['threshold']:.2f}: {_fmt(abst['correct_abstention'])} of unanswerable, "
            f"{_fmt(abst['false_abstention'])} of answerable (target >= {ABSTENTION_TARGET[0]:.2f} / <= "
            f"{ABSTENTION_TARGET[1]:.2f}: {_yes(abst['meets_target'])})"
        )


def print_report(report: Mapping[str, Any], k: int) -> None:
    """The tables of one set: each half (or the whole file), then abstention at the threshold."""
    print(
        f"\n## set {report['set']}: {report['questions']} questions ({report['qa']}, "
        f"collection {report['collection']})"
    )
    parts = report["splits"] or {"all": {"questions": report["questions"], "results": report["results"]}}
    for split, block in parts.items():
        label = {"heldout": "held-out half", "tuning": "tuning half"}.get(split, "all questions")
        print(f"\n{label} ({block['questions']} questions): recall@5 / recall@{k} / MRR@{k}\n")
        print(split_table(block["results"], k))
    half = "heldout" if "heldout" in report["splits"] else "tuning"
    shown_half = report["splits"].get(half)
    if shown_half and shown_half.get("targets"):
        print_targets(shown_half["targets"], k, "held-out" if half == "heldout" else "tuning")
    threshold = report["threshold"]
    if threshold is None:
        print("\nno abstention threshold (this model has none): abstains only when nothing is found")
        return
    print(f"\nabstention at threshold {threshold:.2f} (the rule's effective relevance below it => abstain):")
    for split, block in parts.items():
        for search, summary in block["results"].items():
            rates = summary.get("abstention")
            if rates:
                print(
                    f"  {split} {search}: abstained on {_fmt(rates['correct_abstention'])} of the "
                    f"unanswerable, falsely on {_fmt(rates['false_abstention'])} of the answerable"
                )


def main() -> int:
    """Parse flags, run every requested search type over the set(s) and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qa", type=Path, default=None, help=f"QA file (JSONL, default {DEFAULT_QA})")
    parser.add_argument(
        "--sets",
        default=None,
        help="score registered sets instead, each on its own collection: all, or names "
        f"({', '.join(s.name for s in SETS)}) separated by commas",
    )
    parser.add_argument(
        "--split",
        choices=["tuning", "heldout"],
        default=None,
        help="ask only this half (tuning code: --split tuning); default both, reported apart",
    )
    parser.add_argument("--k", type=int, default=10, help="documents retrieved per question (default 10)")
    parser.add_argument(
        "--search", choices=[*ALL_SEARCHES, "all"], default=None, help="default: SEARCH (all with --sets)"
    )
    parser.add_argument("--threshold", type=float, default=None, help="abstention threshold (best relevance)")
    parser.add_argument(
        "--calibrate", action="store_true", help="calibrate the threshold on each tuning half"
    )
    parser.add_argument("--max-false-abstention", type=float, default=0.05, help="limit for --calibrate")
    parser.add_argument("--details", type=Path, default=None, help="write per-question results (JSONL) here")
    parser.add_argument(
        "--embedding-cache",
        type=Path,
        default=DEFAULT_CACHE,
        help="folder caching query vectors per model (default %(default)s)",
    )
    parser.add_argument("--no-embedding-cache", action="store_true", help="embed every question anew")
    parser.add_argument(
        "--hyde-cache",
        type=Path,
        default=None,
        help="with QUERY_EXPANSION=hyde: JSON file of the hypothetical posts (default under .cache/hyde)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.qa is not None and args.sets is not None:
        raise ConfigError("pass either --qa FILE or --sets NAMES, not both")

    settings = load_settings()
    default_search = "all" if args.sets else settings.search
    chosen = args.search or default_search
    searches = list(ALL_SEARCHES) if chosen == "all" else [chosen]
    cache_file = None
    if not args.no_embedding_cache:
        cache_file = args.embedding_cache / f"{settings.embed_model.replace('/', '_').replace(':', '_')}.json"
    embeddings = CachedEmbeddings(build_embeddings(settings), cache_file)

    targets: list[tuple[str, Path, Settings]]
    if args.sets:
        names = [s.name for s in SETS] if args.sets == "all" else args.sets.split(",")
        known: dict[str, EvalSet] = {s.name: s for s in SETS}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise ConfigError(f"unknown set {unknown[0]!r}: use all or {', '.join(known)}")
        targets = [
            (name, known[name].qa, settings.with_overrides(collection=known[name].collection))
            for name in names
        ]
    else:
        qa = args.qa or DEFAULT_QA
        targets = [(qa.stem, qa, settings)]
    factory: RetrieverFactory = default_factory
    expander: HydeExpander | None = None
    hyde_file = args.hyde_cache or hyde_cache_file(settings)
    hyde_seconds: dict[str, float] = {}
    if settings.query_expansion == "hyde":
        posts, hyde_seconds = load_hyde_cache(hyde_file)
        expander = build_query_expander(settings, cache=posts)
        if expander is not None:
            factory = hyde_factory(expander)
    try:
        reports = {
            name: evaluate_set(target_settings, name, qa, searches, args, embeddings, factory)
            for name, qa, target_settings in targets
        }
    finally:
        embeddings.save()
        if expander is not None and expander.generation_seconds:
            hyde_seconds.update(expander.generation_seconds)
            hyde_file.parent.mkdir(parents=True, exist_ok=True)
            data = {"posts": dict(expander.cache), "seconds": hyde_seconds}
            hyde_file.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    hyde = None
    if expander is not None:
        asked = {item.question for _name, qa, _settings in targets for item in load_qa(qa, split=args.split)}
        hyde = {**hyde_report(expander, hyde_seconds, asked), "cache": str(hyde_file)}

    calibration = None
    if args.calibrate:
        dense = [s for s in searches if s != BM25]
        if dense:
            search = settings.search if settings.search in dense else dense[0]
            calibration = add_calibration(reports, search, args.max_false_abstention)
    if args.details:
        with args.details.open("w", encoding="utf-8") as handle:
            for name, report in reports.items():
                for search, results in report["_raw"].items():
                    for result in results:
                        handle.write(json.dumps({"set": name, "search": search, **result.__dict__}) + "\n")
    for report in reports.values():
        report.pop("_raw")
        report.pop("_halves")
    common = {
        "k": args.k,
        "embed_model": settings.embed_model,
        "categories": list(CATEGORIES),
        "query_expansion": hyde,
    }
    if args.json:
        if args.sets:
            output: dict[str, Any] = {**common, "sets": reports, "calibration": calibration}
        else:
            output = {**common, **next(iter(reports.values())), "calibration": calibration}
        print(json.dumps(output, indent=2))
        return 0
    print(f"retrieval evaluation, model {settings.embed_model}, k={args.k}")
    if hyde is not None:
        print(
            f"query expansion: hyde ({hyde['vector']}, chat model {settings.chat_model}): "
            f"{hyde['written_now']} of {hyde['questions']} posts written in this run; seconds per post "
            f"mean {hyde['seconds_mean']}, median {hyde['seconds_median']}, max {hyde['seconds_max']}"
        )
    for report in reports.values():
        print_report(report, args.k)
    if calibration is not None:
        print(
            f"\n## abstention calibrated on each tuning half ({calibration['search']}, "
            f"false abstention at most {args.max_false_abstention})\n"
        )
        names = list(reports)
        heads = " | ".join(f"held-out {n}: correct / false" for n in names)
        print(f"| calibrated on | threshold | {heads} |")
        print("|---|---|" + "---|" * len(names))
        for name, found in calibration["sets"].items():
            cells = [
                f"{_fmt(found['held_out'][n]['correct_abstention'])} / "
                f"{_fmt(found['held_out'][n]['false_abstention'])}"
                for n in names
            ]
            print(f"| {name} tuning | {found['threshold']:.2f} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    run_main(main)
