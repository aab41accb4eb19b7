"""How sure the model was of the tweet it cited first, from Ollama's log probabilities.

Asked with `logprobs` and `top_logprobs`, Ollama sends each answer token with its likeliest alternatives. At
the answer's first citation number, those alternatives say which tweets the model weighed citing for its
answer: writing "[1]" with P 0.32 while "[3]" had 0.21 is a guess, "[1]" at 0.9 is not. Only that first
citation is read: later numbers in a list of tweets ("[1] ... [2] ... [3] ...") are near certain because they
follow the list, not because of what the tweets say. A citation number here is one token of ASCII digits
right after a `[`, closed by the next token (`]`, `,` or `;`): "[2022]" or "[3/5]" in the text are not
citations, and a number the tokenizer splits ("[1" "0]" for 10, with Qwen's one-digit tokens) is skipped,
since the odds of its first digit are not the number's. Text inside `<think>...</think>` is not the answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

ODDS_ALTERNATIVES = 5  # likeliest tokens asked for at each position of the answer
_NUMBER = re.compile(r"\s*([0-9]+)\s*")
_CLOSE = re.compile(r"\s*[\],;]")
_OPEN = re.compile(r"\[\s*$")


@dataclass(frozen=True)
class CitationOdds:
    """The answer's first citation: the number the model wrote and each number's probability there."""

    written: int | None = None
    odds: Mapping[int, float] = field(default_factory=dict)

    def written_at(self, number: int) -> float | None:
        """The probability the model wrote `number` at, when it is the number written first; else None."""
        return self.odds.get(number) if number == self.written else None


def entry_value(entry: Any, key: str) -> Any:
    """`key` of an Ollama log probability entry (a dict, or the ollama client's model); None when absent."""
    try:
        return entry[key]  # a dict, or the ollama client's subscriptable model
    except (KeyError, TypeError, AttributeError):
        return None


def _number(token: Any) -> int | None:
    found = _NUMBER.fullmatch(token) if isinstance(token, str) else None
    return int(found.group(1)) if found else None


def _alternatives(entry: Any) -> dict[int, float]:
    odds: dict[int, float] = {}
    for alternative in entry_value(entry, "top_logprobs") or [entry]:
        number, logprob = _number(entry_value(alternative, "token")), entry_value(alternative, "logprob")
        if number is not None and isinstance(logprob, int | float):
            odds[number] = max(odds.get(number, 0.0), math.exp(logprob))
    return odds


def first_citation_odds(logprobs: Iterable[Any]) -> CitationOdds:
    """The odds at the answer's first citation number; empty when it has none, or no log probabilities.

    `logprobs` are Ollama's entries for the answer's tokens, in order (`token`, `logprob`, `top_logprobs`).
    """
    entries: Sequence[Any] = list(logprobs)
    tokens = [entry_value(entry, "token") for entry in entries]
    written = ""
    for index, token in enumerate(tokens):
        if not isinstance(token, str):
            continue
        number = _number(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        thinking = written.rfind("<think>") > written.rfind("</think>")
        if (
            number is not None
            and not thinking
            and _OPEN.search(written[-8:])
            and isinstance(following, str)
            and _CLOSE.match(following)
        ):
            return CitationOdds(number, _alternatives(entries[index]))
        written += token
    return CitationOdds()


def response_logprobs(metadata: Mapping[str, Any]) -> list[Any]:
    """The log probability entries of a chat model's response (or streamed chunk), [] when it has none."""
    entries = metadata.get("logprobs")
    return list(entries) if isinstance(entries, list) else []
