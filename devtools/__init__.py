"""Developer tooling (benchmarks, evaluation, synthetic archives): not part of the user's commands.

`PROJECT_ROOT` is the checkout these tools work in (they read `tests/eval`, write `.cache/`, `.tweet-rag/`).
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
