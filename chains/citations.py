"""Citations: find `[n]` in an answer, drop numbers that were not in the context, map the rest to tweets.

`CitationFilter` does the dropping on streamed text (it holds back a `[` until it knows what follows), so
the streamed answer and the invoked answer are the same text. Sources are only tweets the model was given.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from chains.context import ContextTweet

_GROUP = re.compile(r"\[(\s*\d+(?:\s*[,;]\s*\d+)*\s*)\]")
_NUMBER = re.compile(r"\d+")
_MAX_GROUP_CHARS = 40


def _rewrite_group(match: re.Match[str], valid: Collection[int]) -> str:
    numbers = [int(n) for n in _NUMBER.findall(match.group(1))]
    kept = [n for n in numbers if n in valid]
    if len(kept) == len(numbers):
        return match.group(0)
    return "".join(f"[{n}]" for n in kept)


def clean_citations(answer: str, valid: Collection[int]) -> str:
    """The answer with citation numbers outside `valid` removed (`[1, 9]` -> `[1]`, `[9]` -> nothing)."""
    return _GROUP.sub(lambda match: _rewrite_group(match, valid), answer)


def cited_numbers(answer: str) -> list[int]:
    """The citation numbers in the answer, in order of first appearance."""
    seen: list[int] = []
    for match in _GROUP.finditer(answer):
        for number in (int(n) for n in _NUMBER.findall(match.group(1))):
            if number not in seen:
                seen.append(number)
    return seen


def cited_tweets(answer: str, tweets: Sequence[ContextTweet]) -> list[ContextTweet]:
    """The context tweets the answer cites, in order of first citation; unknown numbers ignored."""
    by_number = {tweet.number: tweet for tweet in tweets}
    return [by_number[number] for number in cited_numbers(answer) if number in by_number]


class CitationFilter:
    """Streaming twin of `clean_citations`: feed text pieces, get text with bad citations removed."""

    def __init__(self, valid: Collection[int]) -> None:
        self._valid = set(valid)
        self._pending = ""

    def feed(self, piece: str) -> str:
        """Clean text that is complete; hold back a possible citation that is still open."""
        text = self._pending + piece
        self._pending = ""
        start = text.rfind("[")
        if start != -1 and "]" not in text[start:]:
            tail = text[start:]
            if len(tail) <= _MAX_GROUP_CHARS and re.fullmatch(r"\[[\d\s,;]*", tail):
                self._pending = tail
                text = text[:start]
        return self._clean(text)

    def flush(self) -> str:
        """Whatever is still held back, cleaned."""
        text, self._pending = self._pending, ""
        return self._clean(text)

    def _clean(self, text: str) -> str:
        return _GROUP.sub(lambda match: _rewrite_group(match, self._valid), text)
