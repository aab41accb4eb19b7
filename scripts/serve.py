"""Serve the web page over your index: `python scripts/serve.py [--host 127.0.0.1] [--port 8000]`.

The same as `tweet-rag serve`; see the README, "The web page".
"""

from __future__ import annotations

import sys

from rag.errors import TweetRagError
from tweet_rag.serve import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except TweetRagError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
