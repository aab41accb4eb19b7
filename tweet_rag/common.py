"""What every `tweet-rag` subcommand shares: `.env` and settings, one-line errors, JSON errors, progress bars.

`run_command(module)` imports the subcommand's module and runs its `main(argv)` inside the same guard, so a
Ctrl-C even while the heavy libraries are still importing ends in one line (exit 130), a `TweetRagError` in
`error: ...` on stderr (exit 1; with `--json` also a JSON object with an `error` key on stdout), and a reader
that closes the pipe early (`| head -1`) in a quiet exit 141. This module imports only the standard library
at the top, so that guard is in place within milliseconds of start-up.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from tweet_rag.cli import end_start_guard, wants_json

if TYPE_CHECKING:
    from tqdm import tqdm

    from rag.indexing.operation import IndexProgress
    from rag.ollama import PullProgress
    from rag.settings import Settings

BROKEN_PIPE_STATUS = 141
INTERRUPTED_STATUS = 130
INTERRUPTED = "interrupted"


def load_settings() -> Settings:
    """Load `.env` (the first found from the working folder up; the environment wins), read the settings."""
    import logging

    from dotenv import load_dotenv

    from rag.settings import Settings, env_file

    found = env_file()
    if found is not None:
        load_dotenv(found, override=False)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    return settings


class CommandParser(argparse.ArgumentParser):
    """An `ArgumentParser` that, under `--json`, also prints its usage error as a JSON object on stdout."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse as argparse does, remembering the arguments (for `error`)."""
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(self._argv, namespace)

    def error(self, message: str) -> NoReturn:
        """Print the usage error (and, under `--json`, a JSON object with it) and exit 2."""
        if wants_json(getattr(self, "_argv", [])):
            print(json.dumps({"error": f"{self.prog}: {message}"}), flush=True)
        super().error(message)


def _print_json_error(error: BaseException, message: str) -> None:
    payload: dict[str, Any] = {}
    report = getattr(error, "report", None)
    if report is not None and hasattr(report, "as_dict"):
        payload.update(report.as_dict())
    payload["error"] = message
    print(json.dumps(payload, ensure_ascii=False), flush=True)


def _quiet_broken_pipe() -> NoReturn:
    # Python's recipe: point stdout at devnull so the flush at exit does not fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(BROKEN_PIPE_STATUS)


def run_main(
    main: Callable[[], int],
    *,
    as_json: bool = False,
    interrupted: str = INTERRUPTED,
) -> NoReturn:
    """Run `main`, turning user-facing errors, Ctrl-C and a closed pipe into an exit status.

    When stdout is a pipe whose reader has gone (`| head -1`), the command stops without a traceback and
    exits 141 (128 + SIGPIPE), as shell tools do. With `as_json`, a failure also prints one JSON object with
    an `error` key on stdout (and the partial report's keys when the error carries one).
    """
    from_error: tuple[BaseException, str] | None = None
    try:
        try:
            status = main()
            sys.stdout.flush()  # a closed pipe shows here, not in the flush at interpreter exit
        except KeyboardInterrupt as error:
            from_error = (error, interrupted)
            status = INTERRUPTED_STATUS
        except Exception as error:
            from rag.errors import TweetRagError  # already imported by any command that can raise one

            if not isinstance(error, TweetRagError):
                raise
            from_error = (error, str(error))
            status = 1
        if from_error is not None:
            failure, message = from_error
            if as_json:
                _print_json_error(failure, message)
            print(message if status == INTERRUPTED_STATUS else f"error: {message}", file=sys.stderr)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:  # a second Ctrl-C while the first is handled
        print(interrupted, file=sys.stderr)
        status = INTERRUPTED_STATUS
    sys.exit(status)


def run_command(
    module: str, argv: Sequence[str] | None = None, *, interrupted: str = INTERRUPTED
) -> NoReturn:
    """Import `module` (e.g. `tweet_rag.index`) and run its `main(argv)` under `run_main`.

    The import is inside the guard: a Ctrl-C during the first second, while LangChain and Chroma load, ends
    in one line, not a traceback.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)

    def main() -> int:
        command = importlib.import_module(module)
        end_start_guard()
        status: int = command.main(arguments)
        return status

    run_main(main, as_json=wants_json(arguments), interrupted=interrupted)


STAGE_WORDS = {
    "preflight": "checking Ollama",
    "pulling": "pulling",
    "loading": "reading",
    "embedding": "embedding",
    "writing": "writing the last batches and the keyword index",
    "persisting": "saving the vector index",
}
COUNTED = {"pulling": "B", "loading": "doc", "embedding": "doc"}


class ProgressBars:
    """Draws indexing and pull progress on stderr: one tqdm bar per counted stage, one line for the others.

    Silent when `enabled` is false (`--json`, or stderr not a terminal).
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.stage = ""
        self.detail = ""
        self.bar: tqdm[Any] | None = None

    def __enter__(self) -> ProgressBars:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """End the current bar."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def index(self, event: IndexProgress) -> None:
        """Show one `build_index` progress event."""
        self.show(event.stage, event.done, event.total, event.detail)

    def pull(self, update: PullProgress) -> None:
        """Show one model-pull progress update."""
        self.show("pulling", update.completed, update.total, f"{update.model}: {update.status}")

    def show(self, stage: str, done: int, total: int | None, detail: str = "") -> None:
        """Move the bar of `stage` to `done` of `total`, starting a new bar (or a line) on a new stage."""
        if not self.enabled:
            return
        from tqdm import tqdm

        unit = COUNTED.get(stage)
        key = detail.split(":", 1)[0] if stage == "pulling" else ""
        if stage != self.stage or key != self.detail:
            self.close()
            self.stage, self.detail = stage, key
            words = STAGE_WORDS.get(stage, stage)
            if unit is None:
                print(f"{words}{f' ({detail})' if detail else ''}...", file=sys.stderr, flush=True)
                return
            self.bar = tqdm(
                desc=f"{words} {key}".strip(),
                unit=unit,
                unit_scale=unit == "B",
                total=total,
                dynamic_ncols=True,
                file=sys.stderr,
            )
        if self.bar is None:
            return
        if total is not None and self.bar.total != total:
            self.bar.total = total
        if stage == "pulling" and ":" in detail:
            self.bar.set_postfix_str(detail.split(":", 1)[1].strip(), refresh=False)
        if done != self.bar.n:
            self.bar.update(done - self.bar.n)  # tqdm's rate and ETA come from its updates


def stderr_is_terminal() -> bool:
    """Whether progress bars would be seen."""
    return sys.stderr.isatty()
