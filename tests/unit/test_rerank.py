"""The chat-model reranker against a mock Ollama `/api/chat`, and the RERANK setting."""

from __future__ import annotations

import json

import httpx
import pytest
from langchain_core.documents import Document

from rag.errors import ConfigError, OllamaUnavailableError
from rag.search.rerank import LLMReranker, build_reranker
from rag.settings import Settings

DOCUMENTS = [
    Document(id="1", page_content="my dog learned to fetch"),
    Document(id="2", page_content="added OpenID   login\nsupport"),
    Document(id="3", page_content="updated the Danish translation"),
]


def test_llm_reranker_asks_once_per_candidate_and_scores_yes_as_one() -> None:
    seen: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        answer = "Yes." if "Tweet: added OpenID" in body["messages"][0]["content"] else "No"
        return httpx.Response(200, json={"message": {"role": "assistant", "content": answer}, "done": True})

    reranker = LLMReranker("http://ollama:11434/", "qwen", transport=httpx.MockTransport(handler))
    assert reranker.score("when did I add OpenID logins?", DOCUMENTS) == [0.0, 1.0, 0.0]
    assert len(seen) == 3
    first = seen[1]
    assert first["model"] == "qwen" and first["stream"] is False
    assert first["options"] == {"temperature": 0, "num_predict": 2}
    prompt = first["messages"][0]["content"]  # type: ignore[index]
    assert "Question: when did I add OpenID logins?\nTweet: added OpenID login support\n" in prompt
    assert reranker.score("anything", []) == []
    assert len(seen) == 3  # no request for no candidates


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
