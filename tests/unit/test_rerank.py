"""The chat-model reranker against a mock Ollama `/api/chat`, its answer parsing, and the RERANK setting."""

from __future__ import annotations

import json

import httpx
import pytest
from langchain_core.documents import Document

from rag.errors import ConfigError, OllamaUnavailableError
from rag.search.rerank import LLMReranker, build_reranker, listwise_scores, parse_ranking
from rag.settings import Settings

DOCUMENTS = [
    Document(id="1", page_content="my dog learned to fetch"),
    Document(id="2", page_content="rain   all\nday"),
    Document(id="3", page_content="postgres tuning notes"),
]


def test_parse_ranking_keeps_valid_numbers_in_order_without_repeats() -> None:
    assert parse_ranking("3, 1", 3) == [2, 0]
    assert parse_ranking("Tweets 2 and 2, then 9 and 0", 3) == [1]  # 9 and 0 name no candidate
    assert parse_ranking("none of them", 3) == []


def test_listwise_scores_rank_named_candidates_above_the_rest() -> None:
    assert listwise_scores([2, 0], 3) == [0.75, 0.0, 1.0]
    assert listwise_scores([], 2) == [0.0, 0.0]


def test_llm_reranker_sends_numbered_candidates_and_scores_the_answer() -> None:
    seen: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json={"message": {"role": "assistant", "content": "3, 1"}, "done": True})

    reranker = LLMReranker("http://ollama:11434/", "qwen", transport=httpx.MockTransport(handler))
    assert reranker.score("what did I say about databases?", DOCUMENTS) == [0.75, 0.0, 1.0]
    body = seen[0]
    assert body["model"] == "qwen" and body["stream"] is False
    prompt = body["messages"][0]["content"]  # type: ignore[index]
    assert "what did I say about databases?" in prompt
    assert "1. my dog learned to fetch\n2. rain all day\n3. postgres tuning notes" in prompt
    assert reranker.score("anything", []) == []
    assert len(seen) == 1  # no request for no candidates


def test_llm_reranker_failure_says_what_to_do() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": 'model "qwen" not found, try pulling it first'})

    reranker = LLMReranker("http://ollama:11434", "qwen", transport=httpx.MockTransport(handler))
    with pytest.raises(OllamaUnavailableError, match="RERANK=none"):
        reranker.score("q", DOCUMENTS)


def test_rerank_setting() -> None:
    assert Settings.from_env({}).rerank == "none"
    assert build_reranker(Settings()) is None
    chosen = build_reranker(Settings.from_env({"RERANK": "llm", "CHAT_MODEL": "qwen2.5-coder:1.5b"}))
    assert isinstance(chosen, LLMReranker) and chosen.model == "qwen2.5-coder:1.5b"
    with pytest.raises(ConfigError, match="RERANK='cross'"):
        Settings.from_env({"RERANK": "cross"})
    with pytest.raises(ConfigError, match="RERANK_TOP"):
        Settings(rerank_top=0)
