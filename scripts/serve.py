"""Serve the web page over your index: `python scripts/serve.py [--host 127.0.0.1] [--port 8000]`.

The same as `tweet-rag serve` (see `tweet_rag/serve.py` and the README, "The web page").
"""

from tweet_rag.cli import run

if __name__ == "__main__":
    run("serve")
