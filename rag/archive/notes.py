"""Match long posts in `note-tweet.js` to the tweets they belong to.

`noteTweetId` is not the tweet id. Snowflake ids encode milliseconds (`id >> 22`), and the tweet is created
12-40 ms after its note, so the tweet of a note is the first tweet id after `noteTweetId`. Inside a thread
several notes and tweets are seconds apart, so matching on the second alone would be ambiguous; the
candidate's opening words are also compared with the note's (notes omit a reply's leading `@user `).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

from rag.archive.text import leading_mentions, unescape_html

WINDOW_MS = 2000
"""How long after its note a tweet may be created and still match (measured: 12-41 ms)."""
BLIND_MS = 100
"""Within this gap the first tweet matches even if its opening words differ (an edited note, a link)."""
_PREFIX_CHARS = 12


def _opening(text: str) -> str:
    return " ".join(text.split())[:_PREFIX_CHARS]


def _tweet_opening(full_text: str) -> str:
    text = unescape_html(full_text)
    return _opening(text[len(leading_mentions(text)) :])


def note_id(note: Mapping[str, Any]) -> int:
    """The note's snowflake id as an int (ValueError when missing or not a number)."""
    return int(note["noteTweetId"])


def match_notes(
    notes: Sequence[Mapping[str, Any]], full_texts: Mapping[str, str]
) -> tuple[dict[str, Mapping[str, Any]], list[Mapping[str, Any]]]:
    """Pair notes with tweets: ({tweet id: note}, [notes that matched no tweet]).

    `full_texts` maps every candidate tweet id to its raw `full_text`.
    """
    ids = sorted(int(tweet_id) for tweet_id in full_texts)
    matched: dict[str, Mapping[str, Any]] = {}
    unmatched: list[Mapping[str, Any]] = []
    for note in sorted(notes, key=note_id):
        nid = note_id(note)
        note_ms = nid >> 22
        opening = _opening(str(note["core"].get("text") or ""))
        chosen: str | None = None
        first_free: str | None = None
        position = bisect_right(ids, nid)
        while position < len(ids) and (ids[position] >> 22) - note_ms <= WINDOW_MS:
            candidate = str(ids[position])
            if candidate not in matched:
                if first_free is None and (ids[position] >> 22) - note_ms <= BLIND_MS:
                    first_free = candidate
                tweet_opening = _tweet_opening(full_texts[candidate])
                if (
                    opening
                    and tweet_opening
                    and (opening.startswith(tweet_opening) or tweet_opening.startswith(opening))
                ):
                    chosen = candidate
                    break
            position += 1
        chosen = chosen or first_free
        if chosen is None:
            unmatched.append(note)
        else:
            matched[chosen] = note
    return matched, unmatched
