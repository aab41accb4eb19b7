"""How sure the model was of the tweet it cited first, from Ollama's log probabilities.

Asked with `logprobs` and `top_logprobs`, Ollama sends each answer token with its likeliest alternatives. At
the answer's first citation number (the first token of digits inside an open `[` group), those alternatives
say which tweets the model weighed citing for its answer: writing "[1]" with P 0.32 while "[3]" had 0.21 is a
guess, "[1]" at 0.9 is not. Only that first citation is read: later numbers in a list of tweets ("[1] ...
[2] ... [3] ...") are near certain because they follow the list, not because of what the tweets say. Only a
number's first digit is read (the chain gives the model six tweets by default; "[1" of "[12]" counts as 1).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

ODDS_ALTERNATIVES = 5  # likeliest tokens asked for at each position of the answer
_OPEN_GROUP = re.compile(r"\[(?:[\d\s,;]*[,;])?\s*$")


@dataclass(frozen=True)
class CitationOdds:
    """The answer's first citation: the number the model wrote and each number's probability there."""

    written: int | None = None
    odds: Mapping[int, float] = field(default_factory=dict)

    def of(self, number: int) -> float | None:
        """How likely the model was to cite `number` first; None when it is not among the alternatives."""
        return self.odds.get(number)


def entry_value(entry: Any, key: str) -> Any:
    """`key` of an Ollama log probability entry (a dict, or the ollama client's model); None when absent."""
    try:
        return entry[key]  # a dict, or the ollama client's subscriptable model
    except (KeyError, TypeError, AttributeError):
        return None


def first_citation_odds(logprobs: Iterable[Any]) -> CitationOdds:
    """The odds at the answer's first citation number; empty when it has none, or no log probabilities.

    `logprobs` are Ollama's entries for the answer's tokens, in order (`token`, `logprob`, `top_logprobs`).
    """
    written = ""
    for entry in logprobs:
        token = entry_value(entry, "token")
        if not isinstance(token, str):
            continue
        if token.strip().isdigit() and _OPEN_GROUP.search(written[-40:]):
            odds: dict[int, float] = {}
            for alternative in entry_value(entry, "top_logprobs") or [entry]:
                number, logprob = entry_value(alternative, "token"), entry_value(alternative, "logprob")
                if isinstance(number, str) and number.strip().isdigit() and isinstance(logprob, int | float):
                    odds[int(number)] = max(odds.get(int(number), 0.0), math.exp(logprob))
            return CitationOdds(int(token.strip()[0]), odds)
        written += token
    return CitationOdds()


def response_logprobs(metadata: Mapping[str, Any]) -> list[Any]:
    """The log probability entries of a chat model's response (or streamed chunk), [] when it has none."""
    entries = metadata.get("logprobs")
    return list(entries) if isinstance(entries, list) else []
