"""Evaluate answers end to end with the real chat model: citations, refusals, follow-ups, injections, speed.

`python scripts/eval_answers.py [--corpus alrocar|ikiwiki|rtweet|alien] [--set FILE]
[--prompts default,concise,timeline] [--json] [--limit N]` builds the evaluation archive of one corpus,
starts the Ollama stand-in with all-MiniLM-L6-v2 and the real instruct model (`ollama-standin --backend
minilm --chat llm`, on a free port), indexes the archive into `.tweet-rag/answer-eval/<corpus>/`, then asks
every entry of the question set through the whole chain (condense, retrieve, answer, citations), once per
prompt file, and prints the figures per prompt file (`devtools/answer_eval.py` defines them), for the
held-out entries, the tuning entries (those read while changing the chain) and all. Four corpora, each
with its own set, and a fifth set on the second corpus:

- `alrocar` (the default): the real fixture archive `alrocar-2024` plus the hostile tweets of
  `tests/eval/injections.json`, set `tests/eval/answers.jsonl` (39 entries);
- `ikiwiki` (set 2, written on data nobody tuned on): ikiwiki's Debian changelog as 2,219 dated posts
  (fetched by `scripts/fetch_changelog_posts.py`, cached in `.cache/`) plus the hostile posts of
  `tests/eval/injections_ikiwiki.json`, `injections_ikiwiki_blind.json` and `injections_ikiwiki_blind2.json`,
  set `tests/eval/answers_ikiwiki.jsonl` (46 entries, 14 of them tuning);
- `rtweet` (set 3, the retrieval set's questions, never used for the answer chain): the retrieval
  evaluation's corpus, r-cran-rtweet's recorded tweets plus the fixture archives `ajitg25-2025` and
  `alrocar-2024` (3,756 tweets, fetched by `scripts/fetch_real_tweets.py`, cached in `.cache/`), no hostile
  posts, set `tests/eval/answers_rtweet.jsonl` (the 95 questions of `tests/eval/qa.jsonl`, written by
  `scripts/make_qa_answer_sets.py`; its 46 tuning entries are those retrieval was tuned on);
- set 4, `--set tests/eval/answers_ikiwiki_qa.jsonl`: the 80 questions of the ikiwiki retrieval set
  (`tests/eval/ikiwiki_qa.jsonl`, written by the same script) over the `ikiwiki` corpus above, hostile posts
  included;
- `alien` (set 5, written before any run on its corpus, all held-out): alien's Debian changelog as 719 dated
  posts (`scripts/fetch_changelog_posts.py --package alien`), no hostile posts, set
  `tests/eval/answers_alien.jsonl` (40 entries).

Every gold id of the set must be a tweet of the built archive, else the run stops before the model starts.
`--corpus` picks the set too; `--set` alone picks the corpus (a file named `*ikiwiki*` is the ikiwiki
corpus's, `*rtweet*` the rtweet corpus's, `*alien*` alien's).
`--use-url URL` uses a running Ollama that serves `all-minilm` and `--chat-model` instead. About 15 minutes
per prompt file on two cores for the first set.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from devtools import PROJECT_ROOT
from devtools.answer_eval import (
    ANSWER_SETS,
    INJECTION_FILES,
    SPLITS,
    Item,
    TurnResult,
    build_eval_archive,
    corpus_for,
    load_items,
    missing_gold_ids,
    replay_turn,
    result_rows,
    run_prompt,
    score_by_split,
    share_text,
)
from rag.errors import TweetRagError
from rag.settings import Settings
from tweet_rag.common import run_main

if TYPE_CHECKING:
    from ollama_standin.process import StandinHandle

EVAL_DIR = PROJECT_ROOT / ".tweet-rag" / "answer-eval"
# The scripts (and their arguments) that fetch and convert a corpus, printing its archive folder last.
FETCH_COMMANDS = {
    "ikiwiki": [str(PROJECT_ROOT / "scripts" / "fetch_changelog_posts.py")],
    "rtweet": [str(PROJECT_ROOT / "scripts" / "fetch_real_tweets.py")],
    "alien": [str(PROJECT_ROOT / "scripts" / "fetch_changelog_posts.py"), "--package", "alien"],
}
SOURCE_ARCHIVE = PROJECT_ROOT.parent / "shared" / "fixtures" / "archives" / "alrocar-2024"
LLM_MODEL = "qwen2.5-coder:1.5b"
ROWS = (
    ("right_tweet_cited", "right tweet cited (gold retrieved)"),
    ("right_tweet_cited_all", "right tweet cited (all answerable)"),
    ("citations_right", "citations right"),
    ("answers_without_citation", "answers without citation"),
    ("content_right", "answer has the fact (gold retrieved, words listed)"),
    ("declined_answerable", "declined although answerable"),
    ("refusals_unanswerable", "refusals on unanswerable"),
    ("refusals_near_miss", "  of which near misses"),
    ("flagged_unanswerable", "unanswerable answered with the names caveat"),
    ("flagged_answerable", "answerable given the names caveat"),
    ("followups_resolved", "follow-ups resolved"),
    ("injections_obeyed", "injections obeyed"),
    ("gold_retrieved", "gold tweet retrieved"),
)


def parse_args() -> argparse.Namespace:
    """The script's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", default="default,concise,timeline", help="prompt files, comma separated")
    parser.add_argument(
        "--corpus",
        choices=sorted(ANSWER_SETS),
        help="corpus to index and ask (default: --set's, else alrocar)",
    )
    parser.add_argument(
        "--set", type=Path, help="question set (default: the corpus's own, e.g. answers_rtweet.jsonl)"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N entries of the set")
    parser.add_argument(
        "--only", default="", help="only these qids, categories or splits (held-out, tuning), in this order"
    )
    parser.add_argument("--num-predict", type=int, default=160, help="answer token cap (default 160)")
    parser.add_argument("--top-k", type=int, default=0, help="documents retrieved (default: settings)")
    parser.add_argument(
        "--no-answer-check", action="store_true", help="stream answers unchecked (ANSWER_CHECK=false)"
    )
    parser.add_argument("--use-url", help="a running Ollama serving all-minilm and --chat-model")
    parser.add_argument("--chat-model", default=LLM_MODEL, help=f"chat model (default {LLM_MODEL})")
    parser.add_argument("--rows", type=Path, help="write every turn's result here as JSON lines, as it comes")
    parser.add_argument("--score", type=Path, help="only score a --rows file of an earlier run (no model)")
    parser.add_argument(
        "--replay",
        type=Path,
        help="ask a --rows file's recorded answers again through today's chain (the model only for the answer"
        " check), write the new rows to --rows and score them",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args()
    args.corpus, args.set = corpus_for(args.set, args.corpus)
    return args


def source_archive(corpus: str) -> Path:
    """The real archive of a corpus: the fixture archive, else the one its fetch script builds (cached)."""
    if corpus == "alrocar":
        return SOURCE_ARCHIVE
    result = subprocess.run(
        [sys.executable, *FETCH_COMMANDS[corpus]],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        raise TweetRagError(f"fetching the {corpus} corpus failed (exit {result.returncode})")
    return Path(lines[-1])


def build_archive(corpus: str, items: list[Item]) -> Path:
    """A corpus's evaluation archive, in its own folder; TweetRagError if it lacks a gold tweet of `items`."""
    folder = EVAL_DIR / corpus
    archive = build_eval_archive(source_archive(corpus), INJECTION_FILES[corpus], folder / "archive")
    missing = missing_gold_ids(items, archive)
    if missing:
        shown = ", ".join(f"{qid}:{gold}" for qid, gold in missing[:10])
        raise TweetRagError(
            f"{len(missing)} gold ids are not tweets of the {corpus} archive {archive}: {shown}"
        )
    return archive


def build_index(url: str, corpus: str, archive: Path) -> None:
    """Index a corpus's evaluation archive (incrementally) into its own folder with scripts/build_index.py."""
    folder = EVAL_DIR / corpus
    env = {
        **os.environ,
        "OLLAMA_BASE_URL": url,
        "EMBED_MODEL": "all-minilm",
        "CHROMA_DIR": str(folder / "chroma"),
        "COLLECTION": "answers",
        "HF_HUB_OFFLINE": "1",
    }
    command = [sys.executable, str(PROJECT_ROOT / "scripts" / "build_index.py"), "--archive", str(archive)]
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        raise TweetRagError(f"indexing the evaluation archive failed (exit {result.returncode})")


def start_llm_standin(purpose: str) -> StandinHandle:
    """The stand-in with all-MiniLM-L6-v2 and the real instruct model, on a free port (saying so)."""
    from ollama_standin.process import start_standin

    print(f"starting the stand-in {purpose} ...", file=sys.stderr)
    return start_standin("minilm", timeout=600, chat="llm")


def answer_check_settings() -> dict[str, Any]:
    """The answer check's bars from the environment (`ANSWER_CHECK_KEEP_AT`, `ANSWER_CHECK_SURE_MARGIN`)."""
    environment = Settings.from_env()
    return {
        "answer_check_keep_at": environment.answer_check_keep_at,
        "answer_check_sure_margin": environment.answer_check_sure_margin,
    }


def chain_for(prompt: str, url: str, args: argparse.Namespace) -> Any:
    """The answer chain for one prompt file, greedy, answers capped at --num-predict tokens."""
    from chains import answer_check_for, build_rag_chain
    from chains.llm import build_chat_model

    overrides: dict[str, Any] = answer_check_settings()
    if args.top_k:
        overrides["top_k"] = args.top_k
    settings = Settings(
        ollama_base_url=url,
        embed_model="all-minilm",
        chat_model=args.chat_model,
        chroma_dir=EVAL_DIR / args.corpus / "chroma",
        collection="answers",
        prompt=prompt,
        chat_temperature=0.0,
        request_timeout=600.0,
        answer_check=not args.no_answer_check,
        **overrides,
    )
    llm = build_chat_model(settings).model_copy(update={"num_predict": args.num_predict})
    return build_rag_chain(llm=llm, settings=settings, answer_check=answer_check_for(settings, llm))


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        return share_text(value)
    return "-" if value is None else str(value)


def print_table(scores: dict[str, dict[str, Any]]) -> None:
    """The figures, one column per prompt file."""
    prompts = [prompt for prompt in scores if scores[prompt]["turns"]]
    if not prompts:
        print("(no turns)")
        return
    width = max(len(label) for _, label in ROWS) + 2
    print("".ljust(width) + "".join(p.ljust(18) for p in prompts))
    for key, label in ROWS:
        print(label.ljust(width) + "".join(_cell(scores[p][key]).ljust(18) for p in prompts))
    for key, label in (
        ("median_first_token_seconds", "median first token (s)"),
        ("median_answer_seconds", "median answer (s)"),
        ("outside_model_share", "time outside the model"),
    ):
        cells = []
        for prompt in prompts:
            value = scores[prompt][key]
            cells.append(
                f"{100 * value:.1f}%" if key == "outside_model_share" and value is not None else _cell(value)
            )
        print(label.ljust(width) + "".join(cell.ljust(18) for cell in cells))


def report(args: argparse.Namespace, items: int, scores: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Print the figures per split: tables, or one JSON object with --json."""
    if args.json:
        print(
            json.dumps(
                {"model": args.chat_model, "corpus": args.corpus, "items": items, "prompts": scores}, indent=1
            )
        )
        return
    print(f"{items} entries of {args.set.name} ({args.corpus} corpus), chat model {args.chat_model}")
    for split in (*SPLITS, "all"):
        print(f"\n{split} entries:")
        print_table({prompt: by_split[split] for prompt, by_split in scores.items()})


def score_rows(path: Path, question_set: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """The figures per prompt file and split of a --rows file (each entry's split as the set has it now)."""
    splits = {item.qid: item.split for item in load_items(question_set)}
    by_prompt: dict[str, list[TurnResult]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row["split"] = splits.get(row["qid"], row.get("split", "held-out"))
        result = TurnResult.from_row(row)
        by_prompt.setdefault(row["prompt"], []).append(result)
    return {prompt: score_by_split(results) for prompt, results in by_prompt.items()}


def replay(args: argparse.Namespace) -> int:
    """--replay: the recorded answers through today's chain; the answer check asks the real model."""
    from chains import answer_check_for
    from chains.llm import build_chat_model

    rows = [json.loads(line) for line in args.replay.read_text(encoding="utf-8").splitlines()]
    handle = None if args.use_url or args.no_answer_check else start_llm_standin("for the answer check")
    url = args.use_url or (handle.url if handle else None)
    try:
        check = None
        if url is not None and not args.no_answer_check:
            settings = Settings(
                ollama_base_url=url,
                chat_model=args.chat_model,
                chat_temperature=0.0,
                **answer_check_settings(),
            )
            check = answer_check_for(settings, build_chat_model(settings))
        replayed: list[dict[str, Any]] = []
        for row in rows:
            result = TurnResult.from_row(row)
            again = replay_turn(result, row["prompt"], check)
            replayed.append({**result_rows([again])[0], "prompt": row["prompt"]})
            if again.answer != result.answer:
                print(f"[{row['prompt']}] {again.qid}.{again.turn} {again.answer[:90]!r}", file=sys.stderr)
    finally:
        if handle is not None:
            handle.stop()
    out = args.rows or args.replay.with_suffix(".replayed.jsonl")
    out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in replayed), encoding="utf-8")
    print(f"replayed rows written to {out}", file=sys.stderr)
    report(args, len({row["qid"] for row in replayed}), score_rows(out, args.set))
    return 0


def main() -> int:
    """Build, serve, index and evaluate; print the figures."""
    args = parse_args()
    if args.score:
        qids = {json.loads(line)["qid"] for line in args.score.read_text(encoding="utf-8").splitlines()}
        report(args, len(qids), score_rows(args.score, args.set))
        return 0
    if args.replay:
        return replay(args)
    items = everything = load_items(args.set)
    if args.only:  # in the order given (qids and categories)
        wanted = [name for name in args.only.split(",") if name]
        chosen = [item for name in wanted for item in items if name in (item.qid, item.category, item.split)]
        first: dict[str, Item] = {}
        for item in chosen:
            first.setdefault(item.qid, item)  # an entry named twice runs once, at its first place
        items = list(first.values())
    if args.limit:
        items = items[: args.limit]
    print(f"building the {args.corpus} evaluation archive ...", file=sys.stderr)
    archive = build_archive(args.corpus, everything)  # a missing gold tweet stops the run before the model
    handle = None if args.use_url else start_llm_standin(f"(all-minilm + {LLM_MODEL})")
    url = handle.url if handle is not None else str(args.use_url)
    try:
        print(f"indexing the {args.corpus} evaluation archive ...", file=sys.stderr)
        build_index(url, args.corpus, archive)
        scores: dict[str, dict[str, dict[str, Any]]] = {}
        rows_file = args.rows.open("w", encoding="utf-8") if args.rows else None
        for prompt in [p.strip() for p in args.prompts.split(",") if p.strip()]:
            chain = chain_for(prompt, url, args)

            def progress(result: TurnResult, prompt: str = prompt) -> None:
                flags = "".join(
                    flag
                    for flag, on in (
                        ("R", result.gold_retrieved),
                        ("C", result.cites_gold),
                        ("D", result.declined),
                        ("!", result.obeyed_injection),
                    )
                    if on
                )
                print(
                    f"[{prompt}] {result.qid}.{result.turn} {result.seconds:5.1f}s {flags:4} "
                    f"{result.answer[:90]!r}",
                    file=sys.stderr,
                    flush=True,
                )
                if rows_file is not None:
                    row = {"prompt": prompt, **result_rows([result])[0]}
                    rows_file.write(json.dumps(row, ensure_ascii=False) + "\n")
                    rows_file.flush()

            scores[prompt] = score_by_split(run_prompt(chain, items, progress))
    finally:
        if handle is not None:
            handle.stop()
    report(args, len(items), scores)
    return 0


if __name__ == "__main__":
    run_main(main)
