"""Write answer set 3, `tests/eval/answers_rtweet.jsonl`, from the retrieval set `tests/eval/qa.jsonl`.

`python scripts/make_rtweet_answer_set.py [--qa FILE] [--out FILE]`: every retrieval question becomes one
answer-set entry (`devtools.answer_eval.answer_set_from_qa`): one turn with the same qid, question and gold
ids, `answerable` (exact, paraphrased and dated questions) or `unanswerable` (no_answer), split `heldout` as
`held-out` and `tuning` as `tuning`, no answer terms, canaries or near misses. Nothing is read from a model
or a corpus. Idempotent: the same QA file writes the same bytes. Prints the counts per category and split,
then the file written.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from devtools.answer_eval import ANSWER_SETS, RETRIEVAL_QA, answer_set_from_qa
from tweet_rag.common import run_main


def render(entries: list[dict[str, object]]) -> str:
    """The entries as JSON lines, one entry a line, ending in a newline."""
    return "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)


def main() -> int:
    """Convert the QA file and write the answer set; print its counts and path."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--qa", type=Path, default=RETRIEVAL_QA, help="retrieval QA file (default %(default)s)"
    )
    parser.add_argument(
        "--out", type=Path, default=ANSWER_SETS["rtweet"], help="answer set (default %(default)s)"
    )
    args = parser.parse_args()
    entries = answer_set_from_qa(args.qa)
    args.out.write_text(render(entries), encoding="utf-8")
    counts = Counter((str(entry["category"]), str(entry["split"])) for entry in entries)
    for (category, split), count in sorted(counts.items()):
        print(f"{category:13} {split:9} {count}")
    print(f"{len(entries)} entries written to")
    print(args.out)
    return 0


if __name__ == "__main__":
    run_main(main)
