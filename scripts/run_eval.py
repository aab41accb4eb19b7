"""Reproduce the retrieval evaluation end to end with the minilm stand-in (`make eval`).

Steps: fetch both corpora (`scripts/fetch_real_tweets.py` and `scripts/fetch_changelog_posts.py`, cached),
start the Ollama stand-in with the real all-MiniLM-L6-v2 (`python -m ollama_standin --backend minilm`) on a
free port, index each set's archive into its own collection of `.tweet-rag/eval/chroma` (`eval`,
`eval_ikiwiki`; updated incrementally by build_index.py, so later runs index nothing), then run
`scripts/eval_retrieval.py --sets all --search all --calibrate` (both sets, both halves, similarity, mmr,
hybrid and bm25) and stop the stand-in. Extra arguments go to eval_retrieval.py (e.g. `--json`,
`--sets ikiwiki`). Without `--use-url`, no Ollama is needed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from devtools.eval_sets import SETS
from rag.errors import TweetRagError
from tweet_rag.common import run_main

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
    archives = {
        eval_set.collection: _run([sys.executable, str(eval_set.fetch_script)], env).strip().splitlines()[-1]
        for eval_set in SETS
    }
    handle = None
    url = args.use_url
    if url is None:
        from ollama_standin.process import start_standin

        print("starting the minilm stand-in ...", file=sys.stderr)
        handle = start_standin("minilm", timeout=300)
        url = handle.url
    try:
        env.update(OLLAMA_BASE_URL=url, EMBED_MODEL=args.embed_model, CHROMA_DIR=str(EVAL_DIR / "chroma"))
        for collection, archive in archives.items():
            print(f"indexing {archive} into {collection} (first run: minutes) ...", file=sys.stderr)
            build = [sys.executable, str(SCRIPTS / "build_index.py"), "--archive", archive]
            print(_run(build, {**env, "COLLECTION": collection}), file=sys.stderr)
        command = [
            sys.executable,
            str(SCRIPTS / "eval_retrieval.py"),
            "--sets",
            "all",
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
