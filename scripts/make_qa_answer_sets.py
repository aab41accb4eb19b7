"""Write answer sets 3 and 4 from the retrieval sets: `answers_rtweet.jsonl` and `answers_ikiwiki_qa.jsonl`.

`python scripts/make_qa_answer_sets.py`: every question of `tests/eval/qa.jsonl` (retrieval set 1) and of
`tests/eval/ikiwiki_qa.jsonl` (retrieval set 2) becomes one answer-set entry
(`devtools.answer_eval.answer_set_from_qa`): one turn with the same qid, question and gold ids, `answerable`
or `unanswerable` (the no-answer category), split `heldout` as `held-out` and `tuning` as `tuning`, no answer
terms, canaries or near misses. Nothing is read from a model or a corpus. Idempotent: the same QA files write
the same bytes. Prints the counts per category and split of each set, then the file written.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from devtools.answer_eval import EVAL_SETS_DIR, QA_ANSWER_SETS, answer_set_from_qa
from tweet_rag.common import run_main


def render(entries: list[dict[str, object]]) -> str:
    """The entries as JSON lines, one entry a line, ending in a newline."""
    return "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)


def main() -> int:
    """Convert each retrieval QA file and write its answer set; print the counts and paths."""
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    for qa_path, set_name in QA_ANSWER_SETS.items():
        entries = answer_set_from_qa(qa_path)
        out = EVAL_SETS_DIR / set_name
        out.write_text(render(entries), encoding="utf-8")
        counts = Counter((str(entry["category"]), str(entry["split"])) for entry in entries)
        for (category, split), count in sorted(counts.items()):
            print(f"{category:13} {split:9} {count}")
        print(f"{len(entries)} entries of {qa_path.name} written to")
        print(out)
    return 0


if __name__ == "__main__":
    run_main(main)
