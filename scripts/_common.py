"""Helpers every command-line script shares: load `.env`, set up logging, print one-line errors.

`run_main` also ends quietly when the reader of stdout goes away (`ask.py ... | head -1`).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from dotenv import load_dotenv

from rag.errors import TweetRagError
from rag.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BROKEN_PIPE_STATUS = 141


def load_settings() -> Settings:
    """Load `.env` (without overriding the real environment) and read the settings from it."""
    load_dotenv(override=False)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    return settings


def run_main(main: Callable[[], int]) -> None:
    """Run a script's `main`, turning user-facing errors, Ctrl-C and a closed pipe into an exit status.

    When stdout is a pipe whose reader has gone (`| head -1`), the script stops without a traceback and
    exits 141 (128 + SIGPIPE), as shell tools do.
    """
    try:
        status = main()
        sys.stdout.flush()  # a closed pipe shows here, not in the flush at interpreter exit
    except BrokenPipeError:
        # Python's recipe: point stdout at devnull so the flush at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(BROKEN_PIPE_STATUS)
    except TweetRagError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted: the index keeps what was written; run again to resume", file=sys.stderr)
        sys.exit(130)
    sys.exit(status)
