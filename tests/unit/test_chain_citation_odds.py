"""The model's odds at its first citation, read from Ollama's log probabilities."""

from __future__ import annotations

import math
from typing import Any

import pytest

from chains.citation_odds import CitationOdds, first_citation_odds, response_logprobs


def token(text: str, probability: float = 1.0, **alternatives: float) -> dict[str, Any]:
    """An Ollama log probability entry; `alternatives` maps "n3" to P(3) (the written token comes first)."""
    top = [{"token": text, "logprob": math.log(probability)}]
    top += [{"token": name[1:], "logprob": math.log(p)} for name, p in alternatives.items()]
    return {"token": text, "logprob": math.log(probability), "top_logprobs": top}


def test_the_odds_are_read_at_the_first_citation_number() -> None:
    answer = [
        token("I"),
        token(" ran"),
        token(" 5", 0.6, n7=0.3),  # a number in the text, not a citation
        token("k"),
        token(" ["),
        token("1", 0.4, n3=0.35, n2=0.1),
        token("]."),
        token(" Then"),
        token(" ["),
        token("2", 0.9, n1=0.05),
        token("]"),
    ]

    odds = first_citation_odds(answer)

    assert odds.written == 1
    assert odds.of(1) == pytest.approx(0.4)
    assert odds.of(3) == pytest.approx(0.35)
    assert odds.of(2) == pytest.approx(0.1)  # the later citation does not count
    assert odds.of(7) is None


def test_a_group_s_later_number_is_not_the_first_citation() -> None:
    answer = [
        token("A"),
        token(" ["),
        token("2", 0.5, n1=0.45),
        token(","),
        token(" "),
        token("3", 0.9),
        token("]"),
    ]

    assert first_citation_odds(answer) == CitationOdds(2, {2: pytest.approx(0.5), 1: pytest.approx(0.45)})


def test_a_second_digit_and_alternatives_that_are_no_numbers_are_left_out() -> None:
    answer = [token("["), token("1", 0.7, nabc=0.2), token("2", 0.9, n0=0.1), token("]")]

    assert first_citation_odds(answer) == CitationOdds(1, {1: pytest.approx(0.7)})


def test_no_citation_or_no_log_probabilities_give_no_odds() -> None:
    assert first_citation_odds([token("No"), token(" tweet")]) == CitationOdds()
    assert first_citation_odds([]) == CitationOdds()
    assert response_logprobs({}) == []
    assert response_logprobs({"logprobs": None}) == []
    assert response_logprobs({"logprobs": [token("a")]}) == [token("a")]
