"""Ask your tweets a question: `python scripts/ask.py "what did I say about sourdough?"` [--json].

The same as `tweet-rag ask` (flags, output and `--json` keys: see `tweet_rag/ask.py`); kept so the
documented script path keeps working.
"""

from tweet_rag.cli import run

if __name__ == "__main__":
    run("ask")
