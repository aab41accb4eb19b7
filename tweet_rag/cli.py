"""The `tweet-rag` command: `tweet-rag index|ask|serve|demo ...`, one module per subcommand.

Each subcommand is a module with `main(argv) -> int` (`tweet_rag.index`, `tweet_rag.ask`, `tweet_rag.demo`,
`tweet_rag.serve`), imported only when it runs, so `tweet-rag --help` is instant and a Ctrl-C while the
libraries load ends in one line. `scripts/build_index.py`, `scripts/ask.py` and `scripts/demo.py` run the
same modules through `run`.

The hook for the web server: `tweet_rag/serve.py` with `main(argv: Sequence[str] | None) -> int` (its own
`--host`/`--port` parsing). Until that module exists, `tweet-rag serve` says so in one line and exits 1.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

# Only modules Python has loaded at start-up (or nearly free) are imported here: until `guard_start` runs,
# a Ctrl-C is Python's own, mid-import traceback. `tweet-rag` reaches it about 1 ms after this import.

PROG = "tweet-rag"


class Subcommand:
    """A subcommand: its module, what it does, and what a Ctrl-C in it means for the user."""

    __slots__ = ("interrupted", "module", "summary")

    def __init__(self, module: str, summary: str, interrupted: str = "interrupted") -> None:
        self.module = module
        self.summary = summary
        self.interrupted = interrupted


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


_starting = {"message": "interrupted", "json": ""}


def wants_json(argv: list[str]) -> bool:
    """Whether the command line asks for `--json` (before any `--`)."""
    for argument in argv:
        if argument == "--":
            return False
        if argument == "--json":
            return True
    return False


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C before the command's own handling is in place: one line (and the JSON object), exit 130.

    Python's own KeyboardInterrupt can surface mid-import as a traceback, or be swallowed when it lands in
    one of importlib's callbacks ("Exception ignored in ..."); nothing has been written yet, so leave now.
    """
    if _starting["json"]:
        os.write(sys.stdout.fileno(), _starting["json"].encode())
    os.write(sys.stderr.fileno(), f"{_starting['message']}\n".encode())
    os._exit(130)


def guard_start(message: str, as_json: bool) -> None:
    """Until `end_start_guard`, a Ctrl-C prints `message` and exits 130 (only where Ctrl-C is not ignored)."""
    _starting["message"] = message
    escaped = message.replace("\\", "\\\\").replace('"', '\\"')
    _starting["json"] = f'{{"error": "{escaped}"}}\n' if as_json else ""
    if signal.getsignal(signal.SIGINT) in (signal.default_int_handler, _interrupted_while_starting):
        signal.signal(signal.SIGINT, _interrupted_while_starting)


def end_start_guard() -> None:
    """Back to Python's Ctrl-C (KeyboardInterrupt), which the running command handles itself."""
    if signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)


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


def run(name: str, argv: list[str] | None = None) -> None:
    """Run subcommand `name` with `argv` (default: the process's arguments) and exit with its status."""
    command = SUBCOMMANDS[name]
    arguments = list(sys.argv[1:] if argv is None else argv)
    guard_start(command.interrupted, wants_json(arguments))
    from tweet_rag.common import run_command

    if name == "serve" and _serve_missing():
        print(
            f"error: `{PROG} serve` is not available in this version (no module tweet_rag.serve): "
            f"use `{PROG} ask` for now",
            file=sys.stderr,
        )
        sys.exit(1)
    run_command(command.module, arguments, interrupted=command.interrupted)


def main(argv: list[str] | None = None) -> None:
    """`tweet-rag SUBCOMMAND ...`."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    guard_start("interrupted", wants_json(arguments))
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
