"""HyDE query expansion with LangChain fakes: the post, the vector, the retriever's dense side, the setting.

The fake embeddings give the same vector to the same text and unrelated vectors to other texts, so a
hypothetical post equal to a tweet's text finds that tweet with cosine similarity 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from pydantic import Field

from rag.errors import ConfigError, OllamaUnavailableError
from rag.search.hyde import HYDE_PROMPT, HYDE_TOKENS, HydeExpander, build_query_expander
from rag.search.retrieval import build_retriever
from rag.settings import Settings
from tests.unit.retrieval_fixtures import make_lexical, make_store

SETTINGS = Settings(embed_model="not-calibrated-model", top_k=3, fetch_k=10)
QUESTION = "what did I grow in my vegetable patch?"


class RecordingChat(GenericFakeChatModel):
    """GenericFakeChatModel that keeps the messages of every call."""

    seen: list[list[BaseMessage]] = Field(default_factory=list)

    def invoke(self, input: Any, config: Any = None, **kwargs: Any) -> Any:
        self.seen.append(list(input))
        return super().invoke(input, config, **kwargs)


def chat(*answers: str) -> RecordingChat:
    return RecordingChat(messages=iter([AIMessage(content=answer) for answer in answers]))


def unit(vector: Any) -> np.ndarray:
    values = np.asarray(vector, dtype=np.float64)
    return values / np.linalg.norm(values)


def test_the_post_is_asked_once_per_question_with_the_prompt_and_kept_on_one_line() -> None:
    llm = chat('  "my garden tomatoes\n  are finally ripe"  ')
    cache: dict[str, str] = {}
    expander = HydeExpander(llm, cache=cache)
    assert expander.hypothetical_post(QUESTION) == "my garden tomatoes are finally ripe"
    assert expander.hypothetical_post(QUESTION) == "my garden tomatoes are finally ripe"  # fake has no 2nd
    assert len(llm.seen) == 1
    assert llm.seen[0][0].content == HYDE_PROMPT.format(question=QUESTION)
    assert cache == {QUESTION: "my garden tomatoes are finally ripe"}
    assert set(expander.generation_seconds) == {QUESTION}
    warm = HydeExpander(chat(), cache=cache)  # a cache from an earlier run: no request at all
    assert warm.hypothetical_post(QUESTION) == "my garden tomatoes are finally ripe"


@pytest.mark.parametrize("vector", ["post", "mean", "joined"])
def test_the_dense_vector_per_hyde_vector(vector: Any) -> None:
    embeddings = DeterministicFakeEmbedding(size=64)
    post = "my garden tomatoes are finally ripe"
    found = HydeExpander(chat(post), vector=vector).dense_vector(QUESTION, "grow vegetables", embeddings)
    question_vector = unit(embeddings.embed_query("grow vegetables"))
    post_vector = unit(embeddings.embed_documents([post])[0])
    expected = {
        "post": post_vector,
        "mean": unit(question_vector + post_vector),
        "joined": np.asarray(embeddings.embed_query(f"grow vegetables\n{post}")),
    }[vector]
    assert np.allclose(found, expected)
    assert not np.allclose(found, question_vector)


def test_an_empty_post_leaves_the_question_vector() -> None:
    embeddings = DeterministicFakeEmbedding(size=64)
    found = HydeExpander(chat("  ")).dense_vector(QUESTION, "grow vegetables", embeddings)
    assert found == embeddings.embed_query("grow vegetables")


def test_the_retriever_searches_the_hypothetical_post_on_the_dense_side(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    plain = build_retriever(SETTINGS, store, search="similarity")
    assert plain.retrieve(QUESTION).documents[0].metadata["relevance"] < 0.5
    assert plain.retrieve(QUESTION).expansion_seconds is None
    expander = HydeExpander(chat("my garden tomatoes are finally ripe"), vector="post")
    hyde = build_retriever(SETTINGS, store, search="similarity", query_expander=expander)
    result = hyde.retrieve(QUESTION)
    assert str(result.documents[0].id) == "1002"
    assert result.documents[0].metadata["relevance"] == pytest.approx(1.0, abs=1e-4)
    assert result.expansion_seconds is not None


def test_hybrid_keeps_the_question_for_bm25_and_its_dates_for_the_filter(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    lexical = make_lexical()
    searched: list[str] = []
    search = lexical.search

    def spy(query: str, k: int, **kwargs: Any) -> Any:
        searched.append(query)
        return search(query, k, **kwargs)

    lexical.search = spy  # type: ignore[method-assign]
    llm = chat("my garden tomatoes are finally ripe")
    expander = HydeExpander(llm, vector="post")
    retriever = build_retriever(SETTINGS, store, lexical, search="hybrid", query_expander=expander)
    result = retriever.retrieve("what did I tweet about @alice in 2018?")
    assert searched == [result.query] == ["what did I tweet about @alice ?"]  # the question, no date
    assert llm.seen[0][0].content == HYDE_PROMPT.format(question="what did I tweet about @alice in 2018?")
    assert result.filter.since_ts == 1514764800 and result.filter.until_ts == 1546300800
    assert [str(d.id) for d in result.documents] == ["1004"]  # the tomatoes of 2016 are filtered out


def test_chat_failure_says_what_to_do() -> None:
    class Down(GenericFakeChatModel):
        def invoke(self, input: Any, config: Any = None, **kwargs: Any) -> Any:
            raise httpx.ConnectError("connection refused")

    expander = HydeExpander(Down(messages=iter([])))
    with pytest.raises(OllamaUnavailableError, match="QUERY_EXPANSION=none"):
        expander.hypothetical_post(QUESTION)


def test_the_setting_picks_the_expander() -> None:
    assert build_query_expander(Settings()) is None
    assert build_retriever(SETTINGS, object(), search="similarity").query_expander is None
    chosen = build_query_expander(
        Settings.from_env(
            {"QUERY_EXPANSION": "hyde", "HYDE_VECTOR": "joined", "CHAT_MODEL": "qwen2.5-coder:1.5b"}
        )
    )
    assert isinstance(chosen, HydeExpander) and chosen.vector == "joined"
    assert getattr(chosen.llm, "model", None) == "qwen2.5-coder:1.5b"
    assert getattr(chosen.llm, "num_predict", None) == HYDE_TOKENS
    assert getattr(chosen.llm, "temperature", None) == 0
    with pytest.raises(ConfigError, match="QUERY_EXPANSION='query2doc'"):
        Settings.from_env({"QUERY_EXPANSION": "query2doc"})
    with pytest.raises(ConfigError, match="HYDE_VECTOR='sum'"):
        Settings.from_env({"HYDE_VECTOR": "sum"})
    with pytest.raises(ConfigError, match="placeholder"):
        HydeExpander(chat(), prompt="no slot")
