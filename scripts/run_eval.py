"""Reproduce the retrieval evaluation end to end with the minilm stand-in (`make eval`).

Steps: fetch the real tweets (`scripts/fetch_real_tweets.py`, cached), start the Ollama stand-in with the real
all-MiniLM-L6-v2 (`python -m ollama_standin --backend minilm`) on a free port, index the evaluation
archive into `.tweet-rag/eval/chroma` (collection `eval`, updated incrementally by build_index.py), then
run `scripts/eval_retrieval.py --search all --calibrate` on `tests/eval/qa.jsonl` and stop the stand-in.
Extra arguments go to eval_retrieval.py (e.g. `--json`). Without `--use-url`, no Ollama is needed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from _common import run_main

from rag.errors import TweetRagError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = PROJECT_ROOT / "scripts"
EVAL_DIR = PROJECT_ROOT / ".tweet-rag" / "eval"


def _run(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, text=True, check=False
    )
    if result.returncode != 0:
        raise TweetRagError(
            f"{' '.join(command[1:3])} failed (exit {result.returncode}); see its error above"
        )
    return result.stdout


def main() -> int:
    """Fetch, serve, index and evaluate; print the evaluation's output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--use-url", default=None, help="use this Ollama (serving all-minilm) instead")
    parser.add_argument("--embed-model", default="all-minilm", help="embedding model (default all-minilm)")
    args, rest = parser.parse_known_args()

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    archive = _run([sys.executable, str(SCRIPTS / "fetch_real_tweets.py")], env).strip().splitlines()[-1]
    handle = None
    url = args.use_url
    if url is None:
        from ollama_standin.process import start_standin

        print("starting the minilm stand-in ...", file=sys.stderr)
        handle = start_standin("minilm", timeout=300)
        url = handle.url
    try:
        env.update(
            OLLAMA_BASE_URL=url,
            EMBED_MODEL=args.embed_model,
            CHROMA_DIR=str(EVAL_DIR / "chroma"),
            COLLECTION="eval",
        )
        print(f"indexing {archive} (first run: minutes) ...", file=sys.stderr)
        print(
            _run([sys.executable, str(SCRIPTS / "build_index.py"), "--archive", archive], env),
            file=sys.stderr,
        )
        command = [
            sys.executable,
            str(SCRIPTS / "eval_retrieval.py"),
            "--search",
            "all",
            "--calibrate",
            *rest,
        ]
        print(_run(command, env), end="")
    finally:
        if handle is not None:
            handle.stop()
    return 0


if __name__ == "__main__":
    run_main(main)
