"""Fit the abstention rule of the embedding model on one set's tuning half and check it on every set.

`python scripts/calibrate_abstention.py [--fit-on rtweet] [--search hybrid] [--json]` runs the retriever
(`SEARCH` by default) over every question of the evaluation sets of `devtools.eval_sets`, each on its own
collection in `CHROMA_DIR` (index them with `make eval` first), keeps each question's abstention features
(best relevance, margin over the next nine), fits `devtools.abstention_fit.fit_rule` on the tuning half of
`--fit-on` (at most `--max-false-abstention` false abstentions there) and prints the rule with its
abstention on each set's tuning and held-out halves, next to the rule in `rag.search.abstention.CALIBRATIONS`
for the model. Paste a better rule into that table (and the README's calibration table) by hand.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from devtools.abstention_fit import fit_rule, rates
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


def main() -> int:
    """Collect features, fit on one tuning half, print the fitted and the current rule's abstention."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [s.name for s in SETS]
    parser.add_argument("--fit-on", default=names[0], help=f"set whose tuning half fits the rule ({names})")
    parser.add_argument("--search", choices=SEARCH_TYPES, default=None, help="default: SEARCH")
    parser.add_argument("--max-false-abstention", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic regression")
    parser.add_argument("--embedding-cache", type=Path, default=Path(".cache/eval_embeddings"))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.fit_on not in names:
        raise ConfigError(f"--fit-on {args.fit_on!r} is not one of {', '.join(names)}")
    settings = load_settings()
    search: SearchType = args.search or settings.search
    rows = collect(settings, search, args.embedding_cache)
    tuning = [row for row in rows if row[0] == args.fit_on and row[1] in ("tuning", "all")]
    fitted = fit_rule(
        [r[4] for r in tuning],
        [r[2] for r in tuning],
        exact=[r[3] for r in tuning],
        max_false_abstention=args.max_false_abstention,
        l2=args.l2,
        source=f"set {args.fit_on} tuning half",
    )
    current = calibrated_rule(settings.embed_model)
    output: dict[str, Any] = {
        "embed_model": settings.embed_model,
        "search": search,
        "fitted": {**dataclasses.asdict(fitted), "abstention": report(fitted, rows)},
        "current": {**dataclasses.asdict(current), "abstention": report(current, rows)},
    }
    if args.json:
        print(json.dumps(output, indent=2))
        return 0
    print(f"{settings.embed_model}, search {search}; abstained on unanswerable | falsely on answerable")
    for label in ("fitted", "current"):
        rule = output[label]
        print(
            f"\n{label}: bias {rule['bias']}, w_top {rule['w_top']}, w_margin {rule['w_margin']} "
            f"({rule['source'] or 'no source'}); relevance floor "
            f"{AbstentionRule(rule['bias'], rule['w_top'], rule['w_margin']).relevance_threshold:.3f}"
        )
        for part, text in rule["abstention"].items():
            print(f"  {part:16s} {text}")
    return 0


if __name__ == "__main__":
    run_main(main)
