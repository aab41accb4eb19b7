"""Helpers every command-line script shares: load `.env`, set up logging, print one-line errors."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from rag.errors import TweetRagError  # noqa: E402
from rag.settings import Settings  # noqa: E402


def load_settings() -> Settings:
    """Load `.env` (without overriding the real environment) and read the settings from it."""
    load_dotenv(override=False)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    return settings


def run_main(main: Callable[[], int]) -> None:
    """Run a script's `main`, turning user-facing errors and Ctrl-C into one line and an exit status."""
    try:
        sys.exit(main())
    except TweetRagError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted: the index keeps what was written; run again to resume", file=sys.stderr)
        sys.exit(130)
