"""Tweet cards for the page: the chain's numbered tweets grouped back into the documents they came from.

The chain gives the model one numbered entry per tweet (a thread document becomes several) and reports
`context` (all of them, in prompt order) and `sources` (those the answer cites). The page shows one card per
retrieved document: a single tweet, or a thread with its tweets in order, each with its number, date,
kind, text and x.com link; a card is "cited" when the answer cites any of its tweets. Everything here is
data for `textContent` on the page: nothing is HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.documents import Document

KIND_LABELS = {
    "tweet": "tweet",
    "reply": "reply",
    "retweet": "retweet",
    "quote": "quote",
    "thread": "thread",
}


def _tweet_ids(metadata: Mapping[str, Any]) -> list[str]:
    ids = [part.strip() for part in str(metadata.get("tweet_ids") or "").split(",") if part.strip()]
    first = str(metadata.get("tweet_id") or "")
    return ids or ([first] if first else [])


def tweet_json(document: Document, cited: bool) -> dict[str, Any]:
    """One numbered tweet of the context as the API gives it."""
    meta = document.metadata
    created_at = str(meta.get("created_at") or "")
    number = meta.get("citation")
    return {
        "number": int(number) if isinstance(number, int | str) and str(number).isdigit() else None,
        "tweet_id": str(meta.get("tweet_id") or document.id or ""),
        "url": str(meta.get("url") or ""),
        "created_at": created_at,
        "date": created_at[:10] or "unknown date",
        "kind": str(meta.get("kind") or "tweet"),
        "long": bool(meta.get("is_long")),
        "text": document.page_content,
        "cited": cited,
    }


def _card(tweets: list[dict[str, Any]], kind: str, long: bool) -> dict[str, Any]:
    dates = [tweet["date"] for tweet in tweets]
    label = KIND_LABELS.get(kind, kind)
    if long and kind != "thread":
        label = "long post" if kind == "tweet" else f"long {label}"
    return {
        "kind": kind,
        "kind_label": label,
        "cited": any(tweet["cited"] for tweet in tweets),
        "date_range": dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}",
        "tweets": tweets,
    }


def build_cards(
    context: Sequence[Document], sources: Sequence[Document], retrieved: Sequence[Document] = ()
) -> list[dict[str, Any]]:
    """Cards in prompt order, one per retrieved document (per tweet when `retrieved` is unknown)."""
    cited_ids = {str(document.metadata.get("tweet_id") or document.id) for document in sources}
    tweets = [
        tweet_json(document, str(document.metadata.get("tweet_id") or document.id) in cited_ids)
        for document in context
    ]
    group_of: dict[str, int] = {}
    for number, document in enumerate(retrieved):
        for tweet_id in _tweet_ids(document.metadata):
            group_of.setdefault(tweet_id, number)
    groups: list[list[dict[str, Any]]] = []
    group_index: dict[int, int] = {}
    for tweet in tweets:
        group = group_of.get(tweet["tweet_id"])
        if group is not None and group in group_index:
            groups[group_index[group]].append(tweet)
            continue
        if group is not None:
            group_index[group] = len(groups)
        groups.append([tweet])
    return [_card(group, group[0]["kind"], group[0]["long"]) for group in groups]
