"""Contract metadata (DESIGN.md) for hand-made tweet documents in tests: the keys every document carries.

Used by tests/unit/retrieval_fixtures.py and tests/integration/test_ask_cli.py; callers add the other keys
(`lang`, counts, `chunk`...) they need as keyword arguments.
"""

from __future__ import annotations

from typing import Any


def tweet_metadata(
    tweet_id: str, ts: int, iso: str, kind: str = "tweet", *, screen_name: str, **extra: Any
) -> dict[str, Any]:
    """Metadata of a single tweet `tweet_id` by `screen_name` at `ts` (`iso`), of `kind`, plus `extra`."""
    meta: dict[str, Any] = {
        "tweet_id": tweet_id,
        "tweet_ids": tweet_id,
        "tweet_offsets": "0",
        "url": f"https://x.com/{screen_name}/status/{tweet_id}",
        "screen_name": screen_name,
        "created_at": iso,
        "created_ts": ts,
        "kind": kind,
        "is_retweet": kind == "retweet",
        "is_reply": kind == "reply",
        "is_deleted": False,
    }
    meta.update(extra)
    return meta
