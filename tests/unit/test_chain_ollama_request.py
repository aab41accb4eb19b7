"""What the chain sends to Ollama's /api/chat (caught by an httpx mock transport, no server)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from chains import build_rag_chain
from chains.llm import build_chat_model
from rag.search.retrieval import build_retriever
from rag.settings import Settings
from tests.unit.retrieval_fixtures import make_store

REPLY = "<think>let me think about tomatoes</think>Your tomatoes ripened [1]."


class FakeOllama:
    """Answers /api/chat with a streamed reply in Ollama's NDJSON shape and keeps the request bodies."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/chat"
        self.requests.append(json.loads(request.content))
        words = REPLY.split(" ")
        lines = [
            {"model": "m", "created_at": "2024-01-01T00:00:00Z", "done": False,
             "message": {"role": "assistant", "content": word + (" " if i < len(words) - 1 else "")}}
            for i, word in enumerate(words)
        ]  # fmt: skip
        lines.append(
            {"model": "m", "created_at": "2024-01-01T00:00:00Z", "done": True, "done_reason": "stop",
             "message": {"role": "assistant", "content": ""}}
        )  # fmt: skip
        body = "".join(json.dumps(line) + "\n" for line in lines)
        return httpx.Response(200, text=body, headers={"content-type": "application/x-ndjson"})


def run(tmp_path: Path, settings: Settings, k: int = 5) -> tuple[dict[str, Any], dict[str, Any]]:
    fake = FakeOllama()
    llm = build_chat_model(settings, transport=httpx.MockTransport(fake))
    retriever = build_retriever(settings, make_store(tmp_path), search="similarity", k=k)
    result = build_rag_chain(retriever, llm, "default").invoke(
        {"question": "my garden tomatoes are finally ripe"}
    )
    assert len(fake.requests) == 1
    return result, fake.requests[0]


def test_request_has_sized_window_settings_and_no_thinking(tmp_path: Path) -> None:
    settings = Settings(embed_model="x", chat_model="qwen3", chat_temperature=0.1, chat_keep_alive="10m")
    result, request = run(tmp_path, settings)
    assert request["model"] == "qwen3"
    assert request["think"] is False
    assert request["keep_alive"] == "10m"
    assert request["options"]["temperature"] == pytest.approx(0.1)
    prompt_bytes = sum(len(m["content"].encode()) for m in request["messages"])
    # a window that holds the whole prompt (at least one token per 4 bytes) and the 1024-token answer budget
    assert request["options"]["num_ctx"] >= prompt_bytes / 4 + 1024
    assert request["options"]["num_ctx"] % 1024 == 0
    assert [m["role"] for m in request["messages"]] == ["system", "user"]
    assert result["answer"] == "Your tomatoes ripened [1]."


def test_window_fits_a_long_context(tmp_path: Path) -> None:
    from langchain_core.documents import Document

    from tests.unit.retrieval_fixtures import DOCUMENTS

    long_post = Document(
        id="9001",
        page_content="sourdough " * 1500,  # 15,000 bytes: more than Ollama's default 2048-token window
        metadata={**DOCUMENTS[0].metadata, "tweet_id": "9001", "tweet_ids": "9001"},
    )
    fake = FakeOllama()
    settings = Settings(embed_model="x")
    llm = build_chat_model(settings, transport=httpx.MockTransport(fake))
    retriever = build_retriever(settings, make_store(tmp_path, [long_post]), search="similarity", k=1)
    build_rag_chain(retriever, llm, "default").invoke({"question": "bread"})
    # 15,000 bytes are at least 15,000 / 4 = 3,750 tokens; plus 1,024 for the answer, rounded up to 1,024s
    assert fake.requests[0]["options"]["num_ctx"] >= 5120


def test_chat_num_ctx_setting_is_sent_as_is(tmp_path: Path) -> None:
    _, request = run(tmp_path, Settings(embed_model="x", chat_num_ctx=8192))
    assert request["options"]["num_ctx"] == 8192


def test_the_answer_check_asks_ollama_for_log_probabilities_and_scores_by_them() -> None:
    from chains.answer_check import CHECK_ALTERNATIVES, AnswerCheck
    from chains.context import ContextTweet

    requests: list[dict[str, Any]] = []
    yes, no = {"token": "Yes", "logprob": -0.82}, {"token": "No", "logprob": -0.58}  # P(Yes) share 0.44

    def ollama(request: httpx.Request) -> httpx.Response:
        requests.append(json.loads(request.content))
        line = {"model": "m", "created_at": "2024-01-01T00:00:00Z", "done": True, "done_reason": "stop",
                "message": {"role": "assistant", "content": "No"},
                "logprobs": [{**no, "top_logprobs": [no, yes]}]}  # fmt: skip
        return httpx.Response(
            200, text=json.dumps(line) + "\n", headers={"content-type": "application/x-ndjson"}
        )

    llm = build_chat_model(Settings(embed_model="x"), transport=httpx.MockTransport(ollama))
    tweet = ContextTweet(1, "1", "", "2024-05-01T10:00:00+00:00", "tweet", "Tomatoes finally ripe")
    score = AnswerCheck(llm).score("Did my tomatoes ripen?", tweet, num_ctx=4096)

    assert requests[0]["logprobs"] is True and requests[0]["top_logprobs"] == CHECK_ALTERNATIVES
    assert requests[0]["options"]["num_predict"] == 3 and requests[0]["options"]["num_ctx"] == 4096
    assert score == pytest.approx(0.44, abs=0.005)


@pytest.mark.parametrize(("odds", "kept"), [(0.9, True), (0.35, False)])
def test_the_answer_s_own_log_probabilities_set_the_check_s_bar(
    tmp_path: Path, odds: float, kept: bool
) -> None:
    import math

    from chains.answer_check import AnswerCheck
    from chains.citation_odds import ODDS_ALTERNATIVES
    from chains.rag import DECLINE_ANSWER

    requests: list[dict[str, Any]] = []
    others = [{"token": n, "logprob": math.log((1 - odds) / 2)} for n in ("2", "3")]
    pieces = [  # the answer's tokens as Ollama streams them, each with its log probability entry
        ("Your tomatoes ripened", {"token": "Your tomatoes ripened", "logprob": 0.0, "top_logprobs": []}),
        (" [", {"token": " [", "logprob": 0.0, "top_logprobs": []}),
        ("1", {"token": "1", "logprob": math.log(odds),
               "top_logprobs": [{"token": "1", "logprob": math.log(odds)}, *others]}),
        ("].", {"token": "].", "logprob": 0.0, "top_logprobs": []}),
    ]  # fmt: skip
    yes, no = {"token": "Yes", "logprob": -0.75}, {"token": "No", "logprob": -0.65}  # P(Yes) share 0.48

    def ollama(request: httpx.Request) -> httpx.Response:
        requests.append(json.loads(request.content))
        head = {"model": "m", "created_at": "2024-01-01T00:00:00Z"}
        if len(requests) == 1:
            lines = [
                {
                    **head,
                    "done": False,
                    "message": {"role": "assistant", "content": text},
                    "logprobs": [entry],
                }
                for text, entry in pieces
            ]
            lines.append(
                {**head, "done": True, "done_reason": "stop", "message": {"role": "assistant", "content": ""}}
            )
        else:
            reply = {"role": "assistant", "content": "No"}
            lines = [{**head, "done": True, "done_reason": "stop", "message": reply,
                      "logprobs": [{**no, "top_logprobs": [no, yes]}]}]  # fmt: skip
        body = "".join(json.dumps(line) + "\n" for line in lines)
        return httpx.Response(200, text=body, headers={"content-type": "application/x-ndjson"})

    settings = Settings(embed_model="x")
    llm = build_chat_model(settings, transport=httpx.MockTransport(ollama))
    retriever = build_retriever(settings, make_store(tmp_path), search="similarity", k=5)
    chain = build_rag_chain(retriever, llm, "default", answer_check=AnswerCheck(llm))
    result = chain.invoke({"question": "my garden tomatoes are finally ripe"})

    assert requests[0]["logprobs"] is True and requests[0]["top_logprobs"] == ODDS_ALTERNATIVES
    assert len(requests) == 2  # the answer, then the check on its one cited tweet
    assert result["answer"] == ("Your tomatoes ripened [1]." if kept else DECLINE_ANSWER)
    assert bool(result["sources"]) is kept


def test_without_the_check_the_answer_is_not_asked_for_log_probabilities(tmp_path: Path) -> None:
    _, request = run(tmp_path, Settings(embed_model="x"))
    assert "logprobs" not in request or not request["logprobs"]
