"""The `tweet-rag` command: `tweet-rag index|ask|serve|demo ...`, one module per subcommand.

Each subcommand is a module with `main(argv) -> int` (`tweet_rag.index`, `tweet_rag.ask`, `tweet_rag.demo`,
`tweet_rag.serve`), imported only when it runs, so `tweet-rag --help` is instant and a Ctrl-C while the
libraries load ends in one line. `scripts/build_index.py`, `scripts/ask.py` and `scripts/demo.py` run the
same modules through `run`.

The hook for the web server: `tweet_rag/serve.py` with `main(argv: Sequence[str] | None) -> int` (its own
`--host`/`--port` parsing). Until that module exists, `tweet-rag serve` says so in one line and exits 1.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

PROG = "tweet-rag"


@dataclass(frozen=True)
class Subcommand:
    """A subcommand: its module, what it does, and what a Ctrl-C in it means for the user."""

    module: str
    summary: str
    interrupted: str = "interrupted"


SUBCOMMANDS: dict[str, Subcommand] = {
    "index": Subcommand(
        "tweet_rag.index",
        "index a Twitter/X archive (zip or folder) into the local index",
        "interrupted: the index keeps what was written; run again to resume",
    ),
    "ask": Subcommand("tweet_rag.ask", "ask your indexed tweets a question (or --interactive)"),
    "serve": Subcommand("tweet_rag.serve", "serve the web page over the index"),
    "demo": Subcommand(
        "tweet_rag.demo", "index the sample archive and answer three questions", "interrupted: demo stopped"
    ),
}


def usage() -> str:
    """The top-level help."""
    width = max(len(name) for name in SUBCOMMANDS)
    lines = [
        f"usage: {PROG} {{{','.join(SUBCOMMANDS)}}} [options]",
        "",
        "Ask questions of your own Twitter/X archive, locally (Ollama + Chroma).",
        "",
        "subcommands:",
        *(f"  {name:<{width}}  {command.summary}" for name, command in SUBCOMMANDS.items()),
        "",
        f"`{PROG} SUBCOMMAND --help` shows its options. Settings come from the environment or .env.",
    ]
    return "\n".join(lines)


def _serve_missing() -> bool:
    """Whether this install has no web server module yet."""
    from importlib.util import find_spec

    return find_spec("tweet_rag.serve") is None


def run(name: str, argv: Sequence[str] | None = None) -> NoReturn:
    """Run subcommand `name` with `argv` (default: the process's arguments) and exit with its status."""
    from tweet_rag.common import run_command

    command = SUBCOMMANDS[name]
    if name == "serve" and _serve_missing():
        print(
            f"error: `{PROG} serve` is not available in this version (no module tweet_rag.serve): "
            f"use `{PROG} ask` for now",
            file=sys.stderr,
        )
        sys.exit(1)
    run_command(command.module, argv, interrupted=command.interrupted)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """`tweet-rag SUBCOMMAND ...`."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        print(usage(), file=sys.stderr)
        sys.exit(2)
    if arguments[0] in {"-h", "--help", "help"}:
        print(usage())
        sys.exit(0)
    name, rest = arguments[0], arguments[1:]
    if name not in SUBCOMMANDS:
        print(f"{usage()}\n\nerror: unknown subcommand {name!r}", file=sys.stderr)
        sys.exit(2)
    sys.argv[0] = f"{PROG} {name}"
    run(name, rest)
