"""Unit tests of the Ollama stand-in's parts, no server: hash vectors, the responder, fault numbering."""

from __future__ import annotations

import numpy as np
import pytest

from ollama_standin.backends import ContextLengthExceeded, HashBackend
from ollama_standin.faults import Fault, FaultOptions, RequestLog
from ollama_standin.responder import DONT_KNOW, answer, find_question, parse_passages, pieces

CHAIN_CONTEXT = """Here are the tweets:

<<<TWEETS
[1] 2024-11-05 | tweet | https://x.com/alrocar/status/1854112013290152286
> Probando el nuevo mapa de lluvias
> de la DANA en Valencia.

[2] 2020-04-01 | reply | https://x.com/i/status/1245
> 今日は東京で桜を見ました
TWEETS>>>

Question: {question}"""


def chat(question: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "Cite the tweets like [1] or [2][5]."},
        {"role": "user", "content": CHAIN_CONTEXT.format(question=question)},
    ]


def test_hash_vectors_are_unit_length_and_deterministic() -> None:
    backend = HashBackend()
    vectors, counts = backend.embed(["Hello, world!", "東京で桜", ""])

    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert counts == [4, 4, 0]  # hello , world ! | 東 京 で 桜 | nothing
    assert np.array_equal(vectors, HashBackend().embed(["Hello, world!", "東京で桜", ""])[0])


def test_hash_ignores_case_and_spacing() -> None:
    vectors, _ = HashBackend().embed(["Valencia  Marathon", "valencia marathon"])

    assert np.array_equal(vectors[0], vectors[1])


def test_hash_truncates_to_the_context_or_refuses() -> None:
    backend = HashBackend(context_length=3)
    vectors, counts = backend.embed(["one two three four five", "one two three"])

    assert counts == [3, 3]
    assert np.array_equal(vectors[0], vectors[1])
    with pytest.raises(ContextLengthExceeded):
        backend.embed(["one two three four"], truncate=False)


def test_passages_in_the_chains_format_are_parsed() -> None:
    passages = parse_passages(CHAIN_CONTEXT)

    assert [p.number for p in passages] == [1, 2]
    assert passages[0].text == "Probando el nuevo mapa de lluvias\nde la DANA en Valencia."
    assert passages[1].text == "今日は東京で桜を見ました"


def test_plain_passages_with_text_on_the_header_line() -> None:
    passages = parse_passages("[1] first tweet about cats\n[2] second tweet about dogs")

    assert [(p.number, p.text) for p in passages] == [
        (1, "first tweet about cats"),
        (2, "second tweet about dogs"),
    ]


def test_question_line_wins_over_the_rest_of_the_message() -> None:
    assert find_question(chat("¿qué dije de la DANA?")) == "¿qué dije de la DANA?"
    assert find_question([{"role": "user", "content": "[1] a tweet\n\nwhat about dogs"}]) == "what about dogs"


def test_answer_cites_the_best_passage() -> None:
    assert answer(chat("¿qué dije de la DANA en Valencia?")) == (
        "Probando el nuevo mapa de lluvias de la DANA en Valencia. [1]"
    )
    assert answer(chat("東京の桜はどうでしたか")) == "今日は東京で桜を見ました [2]"


def test_an_example_in_the_system_message_is_not_taken_for_the_context() -> None:
    example = "Example:\n[1] 2021-03-07 | tweet\n> Finished my half marathon in Valencia\nAnswer: ... [1]"
    messages = [{"role": "system", "content": example}, *chat("¿qué dije de Valencia?")]
    assert answer(messages) == "Probando el nuevo mapa de lluvias de la DANA en Valencia. [1]"
    only_system = [{"role": "system", "content": example}, {"role": "user", "content": "my half marathon?"}]
    assert answer(only_system) == "Finished my half marathon in Valencia [1]"  # no context of its own


def test_answer_does_not_know_when_only_stopwords_match() -> None:
    assert answer(chat("what did I say about the")) == DONT_KNOW
    assert answer([{"role": "user", "content": "hello there"}]) == DONT_KNOW


def test_standalone_question_request_gets_the_follow_up_back() -> None:
    messages = [
        {"role": "system", "content": "Rewrite the follow-up into one standalone question."},
        {
            "role": "user",
            "content": "Conversation:\n...\n\nFollow-up question: and in 2021?\n\nStandalone question:",
        },
    ]

    assert answer(messages) == "and in 2021?"


def test_the_chains_own_rewrite_request_gets_the_follow_up_back() -> None:
    # The condense prompt the chain sends (prompts/condense.md), not a hand-written one: when
    # its wording changed, the stand-in answered "I don't know" and that became the standalone question.
    from chains.history import CONDENSE_PROMPT, CONDENSE_VARIABLES
    from chains.prompts import load_prompt

    template = load_prompt(CONDENSE_PROMPT, variables=CONDENSE_VARIABLES)
    rendered = template.format_messages(
        chat_history="User: what did I say about Banaras?\nAssistant: A holy city on the Ganga.",
        question="and about caste?",
    )
    roles = {"system": "system", "human": "user", "ai": "assistant"}
    messages = [{"role": roles[m.type], "content": str(m.content)} for m in rendered]

    assert answer(messages) == "and about caste?"


def test_pieces_join_back_to_the_answer() -> None:
    text = "Probando el nuevo mapa de lluvias [1]"

    assert len(pieces(text)) == 3  # three words a piece
    assert "".join(pieces(text)) == text


def test_faults_count_model_requests_only() -> None:
    log = RequestLog(faults=FaultOptions(fail_every=2, drop_every=3))
    outcomes = [
        log.arrive(path)[1] for path in ["/api/embed", "/api/tags", "/api/chat", "/api/embed", "/api/embed"]
    ]

    assert outcomes == [Fault.NONE, Fault.NONE, Fault.ERROR, Fault.DROP, Fault.ERROR]
    assert log.snapshot()["faults"] == {"errors": 2, "drops": 1}
