"""Index a Twitter/X archive into Chroma: `python scripts/build_index.py --archive PATH [--json]`.

The same as `tweet-rag index` (flags, output and `--json` keys: see `tweet_rag/index.py`); kept so the
documented script path keeps working.
"""

from tweet_rag.cli import run

if __name__ == "__main__":
    run("index")
