"""`tweet-rag ask`: stream the answer to a question, then list the cited tweets (or print one JSON object).

Usage: `tweet-rag ask "what did I say about sourdough?"` (= `python scripts/ask.py ...`), `--interactive`
for a conversation with follow-up questions, `--json` for scripts. Filters: `--since`/`--until`
(YYYY, YYYY-MM or YYYY-MM-DD), `--retweets`/`--replies` (include, exclude, only); `--search`, `--k` and
`--prompt` override SEARCH, TOP_K and PROMPT. Errors print one line that says what to do (with `--json`,
also a JSON object with an `error` key); so do contradictory dates (`--since` after `--until`, or a question
about a time the flags leave out), which in `--interactive` end only that question. The chain and its
checks are `chains.open_chain`; this module parses and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from langchain_core.documents import Document
from langchain_core.runnables import Runnable

from chains import open_chain
from rag.errors import FilterError
from rag.filters import KIND_MODES, check_date_flags
from rag.search.retrieval import date_bound
from rag.settings import SEARCH_TYPES, Settings
from tweet_rag.common import CommandParser, load_settings

TEXT_PREVIEW = 280


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = CommandParser(description="Ask a question of your indexed tweets.")
    parser.add_argument("question", nargs="?", help="the question (leave out with --interactive)")
    parser.add_argument("--interactive", "-i", action="store_true", help="a conversation; empty line ends")
    parser.add_argument("--k", type=int, help="tweets given to the model (TOP_K)")
    parser.add_argument("--prompt", help="prompt name (default, concise, timeline) or file")
    parser.add_argument("--since", help="only tweets from this date on: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--until", help="only tweets up to the end of: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--search", choices=SEARCH_TYPES, help="retrieval (SEARCH)")
    parser.add_argument("--retweets", choices=KIND_MODES, default="include", help="retweets (include)")
    parser.add_argument("--replies", choices=KIND_MODES, default="include", help="replies (include)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per answer")
    args = parser.parse_args(argv)
    if not args.question and not args.interactive:
        parser.error("give a question, or --interactive")
    if args.k is not None and args.k < 1:
        parser.error("--k must be at least 1")
    return args


def build_chain(args: argparse.Namespace, settings: Settings) -> Runnable[dict[str, Any], dict[str, Any]]:
    """The answer chain for these flags: index opened first (no Ollama needed to say it is missing)."""
    since_ts = date_bound(args.since, end=False, flag="--since") if args.since else None
    until_ts = date_bound(args.until, end=True, flag="--until") if args.until else None
    check_date_flags(since_ts, until_ts, args.since, args.until)
    return open_chain(
        settings,
        since_ts=since_ts,
        until_ts=until_ts,
        retweets=args.retweets,
        replies=args.replies,
    )


def source_json(document: Document) -> dict[str, Any]:
    """A cited tweet as `--json` prints it; `number` is the `[n]` the answer cites it by."""
    meta = document.metadata
    return {
        "number": meta.get("citation"),
        "tweet_id": str(meta.get("tweet_id") or document.id or ""),
        "url": meta.get("url"),
        "created_at": meta.get("created_at"),
        "kind": meta.get("kind"),
        "text": document.page_content,
    }


def print_sources(sources: Sequence[Document], abstained: bool = False) -> None:
    """The cited tweets under the answer: number, date, URL, then the text on one line.

    An answer that cites no tweet (e.g. "I don't know") gets "Sources: no tweets cited" rather than a list
    of tweets it did not use; an abstention (no tweet was relevant) gets nothing.
    """
    if abstained:
        return
    if not sources:
        print("\nSources: no tweets cited")
        return
    print("\nSources:")
    for document in sources:
        meta = document.metadata
        number = meta.get("citation", "-")
        date = str(meta.get("created_at") or "")[:10] or "unknown date"
        text = " ".join(document.page_content.split())
        if len(text) > TEXT_PREVIEW:
            text = text[: TEXT_PREVIEW - 1] + "…"
        print(f"[{number}] {date}  {meta.get('url')}\n    {text}")


Chain = Runnable[dict[str, Any], dict[str, Any]]


def answer(chain: Chain, question: str, history: list[Any], as_json: bool) -> str:
    """Ask one question: stream it to stdout (or print JSON) and return the answer text."""
    inputs: dict[str, Any] = {"question": question, "chat_history": list(history)}
    result: dict[str, Any] = {}
    for chunk in chain.stream(inputs):
        for key, value in chunk.items():
            if key == "answer":
                result["answer"] = result.get("answer", "") + value
                if not as_json:
                    print(value, end="", flush=True)
            else:
                result[key] = value
    sources: list[Document] = result.get("sources", [])
    if as_json:
        payload = {
            "question": question,
            "standalone_question": result.get("standalone_question", question),
            "answer": result.get("answer", ""),
            "sources": [source_json(document) for document in sources],
            "abstained": bool(result.get("abstained", False)),
        }
        print(json.dumps(payload, ensure_ascii=False), flush=True)
    else:
        print()
        print_sources(sources, bool(result.get("abstained", False)))
    return str(result.get("answer", ""))


def interactive(chain: Chain, as_json: bool) -> int:
    """Ask until an empty line, end of input or Ctrl-C; follow-ups see the conversation so far."""
    history: list[tuple[str, str]] = []
    print("Ask about your tweets (empty line to quit).", file=sys.stderr)
    while True:
        try:
            print("\n? ", end="", file=sys.stderr, flush=True)  # the prompt on stderr keeps stdout clean
            question = input().strip()
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return 0
        if not question:
            return 0
        try:
            reply = answer(chain, question, history, as_json)
        except KeyboardInterrupt:
            print("\n(stopped)", file=sys.stderr)
            continue
        except FilterError as error:  # this question's date and the flags: the next question may be fine
            print(f"error: {error}", file=sys.stderr)
            if as_json:
                print(json.dumps({"question": question, "error": str(error)}, ensure_ascii=False), flush=True)
            continue
        history.extend([("human", question), ("ai", reply)])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    settings = load_settings().with_overrides(search=args.search, top_k=args.k, prompt=args.prompt)
    chain = build_chain(args, settings)
    history: list[tuple[str, str]] = []
    if args.question:
        try:
            reply = answer(chain, args.question, history, args.json)
        except KeyboardInterrupt:
            print("\n(stopped)", file=sys.stderr)
            return 130
        history.extend([("human", args.question), ("ai", reply)])
    if args.interactive:
        return interactive(chain, args.json)
    return 0
