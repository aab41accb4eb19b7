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
    assert odds.odds.get(1) == pytest.approx(0.4)
    assert odds.odds.get(3) == pytest.approx(0.35)
    assert odds.odds.get(2) == pytest.approx(0.1)  # the later citation does not count
    assert odds.odds.get(7) is None
    assert odds.written_at(1) == pytest.approx(0.4)
    assert odds.written_at(3) is None  # weighed, not written


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


@pytest.mark.parametrize(
    "text",
    [["In", " [", "2", "0", "2", "2", "]"],  # a year in brackets, one digit a token
     ["Rated", " [", "3", "/", "5", "]"],  # not closed after the number
     ["<think>", "see", " [", "1", "]", "</think>"],  # thinking, not the answer
     ["Cited", " [", "1"]],  # cut off before the group closes
)  # fmt: skip
def test_numbers_that_are_not_a_citation_give_no_odds(text: list[str]) -> None:
    assert first_citation_odds([token(word, 0.9) for word in text]) == CitationOdds()


def test_the_first_citation_after_a_year_in_brackets_and_a_thought_is_read() -> None:
    words = [
        "<think>",
        " [",
        "4",
        "]",
        "</think>",
        "In",
        " [",
        "2",
        "0",
        "2",
        "2",
        "]",
        " it",
        " rained",
        " [",
    ]
    answer = [token(word) for word in words] + [token("3", 0.7, n5=0.2), token("]")]

    assert first_citation_odds(answer) == CitationOdds(3, {3: pytest.approx(0.7), 5: pytest.approx(0.2)})


def test_a_number_in_one_token_counts_and_odd_digits_are_no_numbers() -> None:
    answer = [token("["), token("12", 0.7, n1=0.2, nabc=0.05), token("]")]  # a tokenizer with 12 as one token
    assert first_citation_odds(answer) == CitationOdds(12, {12: pytest.approx(0.7), 1: pytest.approx(0.2)})
    superscript = [token("["), token("1", 0.7, **{"n²": 0.2}), token("]")]
    assert first_citation_odds(superscript) == CitationOdds(1, {1: pytest.approx(0.7)})
    assert first_citation_odds([token("["), token("²", 0.7), token("]")]) == CitationOdds()


def test_no_citation_or_no_log_probabilities_give_no_odds() -> None:
    assert first_citation_odds([token("No"), token(" tweet")]) == CitationOdds()
    assert first_citation_odds([]) == CitationOdds()
    assert response_logprobs({}) == []
    assert response_logprobs({"logprobs": None}) == []
    assert response_logprobs({"logprobs": [token("a")]}) == [token("a")]
