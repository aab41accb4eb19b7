"""Fit the abstention rule of the embedding model on one set's tuning half and check it on every set.

`python scripts/calibrate_abstention.py [--fit-on all] [--features top,margin,absent] [--search hybrid]
[--json]` runs the retriever (`SEARCH` by default) over every question of the evaluation sets of
`devtools.eval_sets`, each on its own collection in `CHROMA_DIR` (index them with `make eval` first), keeps
each question's abstention features (best relevance, margin over the next nine, absent share), fits
`devtools.abstention_fit.fit_rule` on the tuning half of `--fit-on` (one set, or `all`: every set's tuning
half together; at most `--max-false-abstention` false abstentions in each set's tuning half) and prints the
rule with its abstention on each set's tuning and held-out halves, next to the rule in
`rag.search.abstention.CALIBRATIONS` for the model. `--compare` fits on each set alone and on all, with the
two-feature rule (best relevance, margin) and with `--features`, and prints them all. Paste a better rule
into that table (and the README's calibration table) by hand.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from devtools.abstention_fit import FEATURES, fit_rule, rates
from devtools.eval_sets import SETS, CachedEmbeddings, open_index
from devtools.evaluation import load_qa
from rag.errors import ConfigError
from rag.indexing.embeddings import build_embeddings
from rag.search.abstention import AbstentionFeatures, AbstentionRule, calibrated_rule
from rag.search.retrieval import build_retriever
from rag.settings import SEARCH_TYPES, SearchType, Settings
from tweet_rag.common import load_settings, run_main

Row = tuple[str, str, bool, bool, AbstentionFeatures]  # set, split, answerable, exact tag, features


def collect(settings: Settings, search: SearchType, cache: Path | None) -> list[Row]:
    """The abstention features of every question of every set (abstention off, so all are searched)."""
    rows: list[Row] = []
    for eval_set in SETS:
        set_settings = settings.with_overrides(collection=eval_set.collection)
        cache_file = cache / f"{settings.embed_model.replace(':', '_')}.json" if cache else None
        embeddings = CachedEmbeddings(build_embeddings(set_settings), cache_file)
        vector_store, lexical_index = open_index(set_settings, embeddings)
        retriever = build_retriever(
            set_settings, vector_store, lexical_index, search=search, threshold=float("-inf"), reranker=None
        )
        for item in load_qa(eval_set.qa):
            result = retriever.retrieve(item.question)
            if result.features is None:
                continue
            rows.append(
                (eval_set.name, item.split or "all", item.answerable, result.exact_tag_match, result.features)
            )
        embeddings.save()
    return rows


def report(rule: AbstentionRule, rows: Sequence[Row]) -> dict[str, str]:
    """The rule's abstention on each set's halves, as "correct/unanswerable | false/answerable"."""
    out: dict[str, str] = {}
    for name in dict.fromkeys(row[0] for row in rows):
        for split in ("tuning", "heldout", "all"):
            part = [row for row in rows if row[0] == name and row[1] == split]
            if part:
                found = rates(rule, [r[4] for r in part], [r[2] for r in part], [r[3] for r in part])
                out[f"{name}/{split}"] = str(found)
    return out


def fit_on(
    rows: Sequence[Row], fit_sets: Sequence[str], use: Sequence[str], limit: float, l2: float
) -> AbstentionRule:
    """The rule fitted on the tuning halves of `fit_sets` (the false limit holds in each set)."""
    tuning = [row for row in rows if row[0] in fit_sets and row[1] in ("tuning", "all")]
    label = " + ".join(fit_sets)
    return fit_rule(
        [r[4] for r in tuning],
        [r[2] for r in tuning],
        exact=[r[3] for r in tuning],
        groups=[r[0] for r in tuning],
        max_false_abstention=limit,
        use=use,
        l2=l2,
        source=f"{label} tuning {'halves' if len(fit_sets) > 1 else 'half'} ({', '.join(use)})",
    )


def describe(rule: AbstentionRule) -> str:
    """The rule's weights in one line."""
    terms = [f"{rule.w_top}*top", f"{rule.w_margin:+}*margin"]
    if rule.w_absent:
        terms.append(f"{rule.w_absent:+}*absent")
    if rule.w_rerank:
        terms.append(f"{rule.w_rerank:+}*rerank")
    text = f"{' '.join(terms)} {rule.bias:+} < 0; relevance floor {rule.relevance_threshold:.3f}"
    if rule.fallback is not None:
        text += f"; absent share in full from {rule.absent_full_at} documents"
        text += f"; fallback: {describe(rule.fallback)}"
    return text


def main() -> int:
    """Collect features, fit on tuning halves, print the fitted and the current rule's abstention."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [s.name for s in SETS]
    parser.add_argument(
        "--fit-on", default="all", help=f"set whose tuning half fits the rule ({', '.join(names)}, all)"
    )
    parser.add_argument(
        "--features", default="top,margin,absent", help=f"comma-separated, from {', '.join(FEATURES)}"
    )
    parser.add_argument("--compare", action="store_true", help="fit on each set and on all, 2 and N features")
    parser.add_argument("--search", choices=SEARCH_TYPES, default=None, help="default: SEARCH")
    parser.add_argument("--max-false-abstention", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (standardised features)")
    parser.add_argument("--embedding-cache", type=Path, default=Path(".cache/eval_embeddings"))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.fit_on != "all" and args.fit_on not in names:
        raise ConfigError(f"--fit-on {args.fit_on!r} is not one of {', '.join(names)}, all")
    use = [name.strip() for name in args.features.split(",") if name.strip()]
    if "top" not in use or any(name not in FEATURES for name in use):
        raise ConfigError(f"--features {args.features!r}: include top, and only {', '.join(FEATURES)}")
    settings = load_settings()
    search: SearchType = args.search or settings.search
    rows = collect(settings, search, args.embedding_cache)
    limit, l2 = args.max_false_abstention, args.l2
    fits: dict[str, AbstentionRule] = {}
    chosen = [args.fit_on] if args.fit_on != "all" else names
    choices = [*[[n] for n in names], names] if args.compare else [chosen]
    for features in [["top", "margin"], use] if args.compare else [use]:
        for fit_sets in choices:
            key = f"{'+'.join(features)} fitted on {' + '.join(fit_sets)}"
            fits[key] = fit_on(rows, fit_sets, features, limit, l2)
    fits["current (CALIBRATIONS)"] = calibrated_rule(settings.embed_model)
    output: dict[str, Any] = {
        "embed_model": settings.embed_model,
        "search": search,
        "rules": {
            key: {**dataclasses.asdict(rule), "abstention": report(rule, rows)} for key, rule in fits.items()
        },
    }
    if args.json:
        print(json.dumps(output, indent=2))
        return 0
    print(f"{settings.embed_model}, search {search}; abstained on unanswerable | falsely on answerable")
    for key, rule in fits.items():
        print(f"\n{key}: {describe(rule)}")
        for part, text in output["rules"][key]["abstention"].items():
            print(f"  {part:16s} {text}")
    return 0


if __name__ == "__main__":
    run_main(main)
