"""The local web page of tweet-rag: ask with a streamed answer, tweet cards, a timeline, index and status.

`create_app(settings)` builds the Starlette app (`app.py`); `service.py` holds what it does without HTTP
(questions as events, timeline, status), `indexing.py` the one indexing job, `cards.py` the tweet cards,
`security.py` the Host / Origin checks and headers, and `static/` the page itself (plain HTML, CSS and
JavaScript, no build step). `tweet-rag serve` (`tweet_rag/serve.py`) runs it with uvicorn.
"""

from tweet_rag.web.app import create_app

__all__ = ["create_app"]
