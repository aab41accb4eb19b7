"""Helpers for the web tests: a sample archive with hostile tweets, an index of it, a running `serve.py`.

`hostile_archive(folder)` copies the sample archive and adds tweets whose text is markup (a `<script>`, an
`<img onerror>`), as an attacker who gets you to retweet something could make them. `index_archive` builds
an index with `scripts/build_index.py` against the stand-in; `WebServer` (from devtools) runs the server.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from devtools.scripts_runner import PROJECT, run_script
from tests.unit.loader_archives import record

SAMPLE = PROJECT / "sample" / "twitter-sample"
SCRIPT_TWEET = "Testing the blog sanitizer today: <script>window.__pwned = 1</script> should stay text"
IMG_TWEET = 'Sanitizer test two <img src=x onerror="window.__pwned = 2"> also stays text'
HOSTILE_IDS = ("1855000000000000001", "1855000000000000002")


def add_tweet(
    archive: Path, tweet_id: str, text: str, created_at: str = "Sun Nov 10 10:00:00 +0000 2024"
) -> None:
    """Append a tweet to the archive folder's `data/tweets.js`."""
    tweets_js = archive / "data" / "tweets.js"
    prefix, _, payload = tweets_js.read_text(encoding="utf-8").partition("=")
    records = json.loads(payload)
    records.append({"tweet": record(tweet_id, text, created_at=created_at)})
    tweets_js.write_text(f"{prefix}= {json.dumps(records, indent=1)}", encoding="utf-8")


def hostile_archive(folder: Path) -> Path:
    """A copy of the sample archive with two tweets whose text is HTML meant to run script."""
    target = folder / "archive"
    shutil.copytree(SAMPLE, target)
    add_tweet(target, HOSTILE_IDS[0], SCRIPT_TWEET, "Sat Nov 09 10:00:00 +0000 2024")
    add_tweet(target, HOSTILE_IDS[1], IMG_TWEET, "Sat Nov 09 11:00:00 +0000 2024")
    return target


def zip_archive(folder: Path, target: Path) -> Path:
    """The archive folder as a zip, as X hands it out."""
    return Path(shutil.make_archive(str(target.with_suffix("")), "zip", folder))


def index_archive(archive: Path, env: dict[str, str]) -> None:
    """Index `archive` with scripts/build_index.py (the environment names the stand-in and the folder)."""
    result = run_script("build_index.py", env, "--archive", str(archive))
    assert result.returncode == 0, result.stderr


def ask_events(
    base: str, body: Any, *, ndjson: bool = False, timeout: float = 60.0
) -> Iterator[dict[str, Any]]:
    """The events of `POST /api/ask` as dicts with an "event" key (parsed from SSE or NDJSON)."""
    headers = {"Accept": "application/x-ndjson" if ndjson else "text/event-stream"}
    with httpx.stream("POST", f"{base}/api/ask", json=body, headers=headers, timeout=timeout) as response:
        assert response.status_code == 200, response.read()
        if ndjson:
            for line in response.iter_lines():
                if line.strip():
                    yield json.loads(line)
            return
        name = "message"
        for line in response.iter_lines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                yield {"event": name, **json.loads(line[5:])}
