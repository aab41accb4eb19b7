"""Run a project script in a subprocess, its environment pointed at an Ollama stand-in and a Chroma folder.

Shared by the command-line tests (build_index.py, ask.py) and scripts/bench_index.py: the same settings
(hash-embed model, an embedded Chroma, collection "tweets", warnings only) that each caller adds to or
overrides, and the same way of starting `python scripts/<name>` from the project root.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def standin_env(url: str, chroma_dir: Path, **settings: str) -> dict[str, str]:
    """The current environment, pointed at the stand-in(s) at `url` and an embedded Chroma in `chroma_dir`.

    `settings` (environment names, e.g. `COLLECTION="bench"`) are added last, so they override these.
    """
    env = dict(os.environ)
    env.update(
        OLLAMA_BASE_URL=url,
        EMBED_HOSTS="",
        EMBED_MODEL="hash-embed",
        CHROMA_DIR=str(chroma_dir),
        COLLECTION="tweets",
        CHROMA_HOST="",
        LOG_LEVEL="WARNING",
    )
    env.update(settings)
    return env


def script_command(name: str, *args: str) -> list[str]:
    """The command line that runs `scripts/<name>` with this interpreter."""
    return [sys.executable, str(PROJECT / "scripts" / name), *args]


def run_script(
    name: str, env: dict[str, str], *args: str, stdin: str | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run `scripts/<name>` from the project root to the end; its output as text."""
    return subprocess.run(
        script_command(name, *args),
        env=env,
        cwd=PROJECT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
