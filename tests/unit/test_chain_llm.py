"""Chat model setup: settings reach ChatOllama, the window fits the prompt, thinking never shows, errors."""

from __future__ import annotations

import httpx
import ollama
import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from chains.llm import (
    MIN_NUM_CTX,
    ThinkFilter,
    build_chat_model,
    num_ctx_for,
    sized_for,
    strip_thinking,
    translate_error,
)
from rag.errors import ModelNotFoundError, OllamaUnavailableError
from rag.settings import Settings
from rag.token_estimate import estimate_tokens


def test_chat_model_takes_settings() -> None:
    settings = Settings(
        chat_model="qwen3:4b",
        ollama_base_url="http://gpu-box:11434",
        chat_temperature=0.7,
        chat_keep_alive="30m",
    )
    llm = build_chat_model(settings)
    assert llm.model == "qwen3:4b"
    assert llm.base_url == "http://gpu-box:11434"
    assert llm.temperature == 0.7
    assert llm.keep_alive == "30m"
    assert llm.reasoning is False
    assert llm.num_ctx is None


def test_num_ctx_fits_a_long_prompt() -> None:
    long_context = "word " * 6000  # 30,000 bytes: about 6,000 real tokens, estimated 10,000
    messages = [SystemMessage("rules"), HumanMessage(long_context)]
    llm = build_chat_model(Settings())
    sized = sized_for(llm, messages)
    assert sized.num_ctx is not None  # type: ignore[attr-defined]
    assert sized.num_ctx >= 6000 + 1024  # type: ignore[attr-defined]
    assert sized.num_ctx % 1024 == 0  # type: ignore[attr-defined]
    assert llm.num_ctx is None  # the shared model is not changed


def test_num_ctx_never_below_minimum_and_counts_cjk() -> None:
    assert num_ctx_for([HumanMessage("hi")]) == MIN_NUM_CTX
    japanese = "日本語のツイート" * 1000  # 8,000 characters, each at least one token
    assert estimate_tokens(japanese) >= 8000
    assert num_ctx_for([HumanMessage(japanese)]) >= 8000 + 1024


def test_fixed_num_ctx_from_settings_wins() -> None:
    llm = build_chat_model(Settings(chat_num_ctx=4096))
    assert sized_for(llm, [HumanMessage("word " * 20000)]).num_ctx == 4096  # type: ignore[attr-defined]


THINKING = [
    ("<think>secret plan</think>The answer [1].", "The answer [1]."),
    ("<think>\nmulti\nline\n</think>\n\nHello", "Hello"),
    ("No thinking here.", "No thinking here."),
    ("Before <think>hidden</think>after", "Before after"),
    ("<think>never closed", ""),
    ("a < b and <thin ice>", "a < b and <thin ice>"),
]


@pytest.mark.parametrize(("raw", "visible"), THINKING)
def test_strip_thinking(raw: str, visible: str) -> None:
    assert strip_thinking(raw) == visible


@pytest.mark.parametrize(("raw", "visible"), THINKING)
@pytest.mark.parametrize("size", [1, 3, 7])
def test_think_filter_on_streamed_pieces(raw: str, visible: str, size: int) -> None:
    think = ThinkFilter()
    out = "".join(think.feed(raw[i : i + size]) for i in range(0, len(raw), size)) + think.flush()
    assert out == visible


def test_missing_model_says_ollama_pull() -> None:
    llm = build_chat_model(Settings(chat_model="llama3.2"))
    error = translate_error(
        ollama.ResponseError('model "llama3.2" not found, try pulling it first', 404), llm
    )
    assert isinstance(error, ModelNotFoundError)
    assert "ollama pull llama3.2" in str(error)


@pytest.mark.parametrize("raised", [httpx.ConnectError("refused"), ConnectionError("Failed to connect")])
def test_ollama_down_names_the_url_setting(raised: Exception) -> None:
    llm = build_chat_model(Settings(ollama_base_url="http://127.0.0.1:9"))
    error = translate_error(raised, llm)
    assert isinstance(error, OllamaUnavailableError)
    assert "http://127.0.0.1:9" in str(error) and "OLLAMA_BASE_URL" in str(error)


def test_server_error_says_what_happened_and_what_to_do() -> None:
    llm = build_chat_model(Settings(ollama_base_url="http://127.0.0.1:9", chat_model="llama3.3:70b"))
    raised = ollama.ResponseError("model requires more system memory (40 GiB)\nthan is available", 500)
    error = translate_error(raised, llm)
    assert isinstance(error, OllamaUnavailableError)
    text = str(error)
    assert "\n" not in text
    assert "http://127.0.0.1:9" in text and "'llama3.3:70b'" in text
    assert "status 500: model requires more system memory (40 GiB) than is available" in text
    assert "ollama ps" in text and "smaller CHAT_MODEL" in text


@pytest.mark.parametrize(
    ("raised", "hint"),
    [
        (httpx.ReadTimeout("timed out"), "REQUEST_TIMEOUT"),
        (httpx.RemoteProtocolError("peer closed connection"), "peer closed connection"),
        (ollama.ResponseError("unexpected EOF"), "(unexpected EOF)"),
    ],
)
def test_any_ollama_or_http_error_becomes_one_line(raised: Exception, hint: str) -> None:
    llm = build_chat_model(Settings(ollama_base_url="http://127.0.0.1:9"))
    error = translate_error(raised, llm)
    assert isinstance(error, OllamaUnavailableError)
    assert hint in str(error) and "http://127.0.0.1:9" in str(error)


def test_other_errors_pass_through() -> None:
    llm = build_chat_model(Settings())
    original = ValueError("something else")
    assert translate_error(original, llm) is original
