"""The chat model: ChatOllama from settings, a context window sized to each prompt, no thinking in answers.

Ollama's default context window silently truncates long prompts, so unless `CHAT_NUM_CTX` is set the window
is sized per call: a generous token estimate of the filled prompt plus the answer budget, rounded up.
Reasoning models are asked not to think (`reasoning=False`), and `ThinkFilter` removes any
`<think>...</think>` block that still arrives, in streamed pieces too. Ollama failures become one-line
errors that say what to do (`rag.ollama.chat_error`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from typing import Any

import httpx
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_ollama import ChatOllama

from rag.ollama import chat_error
from rag.settings import Settings
from rag.token_estimate import estimate_tokens

logger = logging.getLogger(__name__)

ANSWER_TOKENS = 1024
NUM_CTX_STEP = 1024
MIN_NUM_CTX = 2048
PROMPT_MARGIN = 4 / 3
"""Headroom over the token estimate: the prompt's URLs, dates and ids (digits) take more tokens than prose,
and a window that is too small cuts the prompt silently."""
THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"


def build_chat_model(
    settings: Settings, transport: httpx.BaseTransport | None = None, *, http: Mapping[str, Any] | None = None
) -> ChatOllama:
    """ChatOllama for `settings.chat_model` on the first Ollama host, with temperature and keep-alive.

    `transport` replaces the HTTP transport (tests pass `httpx.MockTransport`); `http` adds options of the
    synchronous `httpx.Client` (the web server's hooks that stop an answer, `tweet_rag.web.stopping`).
    """
    client_kwargs: dict[str, object] = {"timeout": settings.request_timeout}
    if transport is not None:
        client_kwargs["transport"] = transport
    return ChatOllama(
        model=settings.chat_model,
        base_url=settings.chat_url,
        temperature=settings.chat_temperature,
        keep_alive=settings.chat_keep_alive,
        num_ctx=settings.chat_num_ctx if settings.chat_num_ctx > 0 else None,
        reasoning=False,
        client_kwargs=client_kwargs,
        sync_client_kwargs=dict(http or {}),
    )


def num_ctx_for(messages: Sequence[BaseMessage], answer_tokens: int = ANSWER_TOKENS) -> int:
    """The context window for a prompt: estimated prompt tokens plus the answer budget, rounded up."""
    estimate = sum(estimate_tokens(str(message.content)) + 8 for message in messages)
    prompt_tokens = math.ceil(estimate * PROMPT_MARGIN)
    needed = prompt_tokens + answer_tokens
    return max(MIN_NUM_CTX, math.ceil(needed / NUM_CTX_STEP) * NUM_CTX_STEP)


def capped(llm: BaseChatModel, max_tokens: int) -> BaseChatModel:
    """`llm` writing at most `max_tokens` tokens (a ChatOllama with no lower cap), else `llm` itself."""
    if isinstance(llm, ChatOllama) and not (llm.num_predict and 0 < llm.num_predict <= max_tokens):
        return llm.model_copy(update={"num_predict": max_tokens})
    return llm


def sized_for(llm: BaseChatModel, messages: Sequence[BaseMessage]) -> BaseChatModel:
    """`llm` sized to fit `messages` (a ChatOllama without a fixed `num_ctx`), else `llm` itself."""
    if isinstance(llm, ChatOllama) and not llm.num_ctx:
        answer_tokens = llm.num_predict if llm.num_predict and llm.num_predict > 0 else ANSWER_TOKENS
        num_ctx = num_ctx_for(messages, answer_tokens)
        logger.debug("num_ctx %d for this prompt", num_ctx)
        return llm.model_copy(update={"num_ctx": num_ctx})
    return llm


def translate_error(error: BaseException, llm: BaseChatModel) -> BaseException:
    """A one-line tweet-rag error for any Ollama or HTTP failure of `llm`, or `error` itself.

    The translation is `rag.ollama.chat_error`, given the model's name and server.
    """
    model = str(getattr(llm, "model", "") or "")
    base_url = str(getattr(llm, "base_url", "") or "http://localhost:11434")
    return chat_error(error, model, base_url)


class ThinkFilter:
    """Remove `<think>...</think>` blocks from text that arrives in pieces (tags may be split anywhere)."""

    def __init__(self) -> None:
        self._buffer = ""
        self._thinking = False
        self._started = False

    def feed(self, piece: str) -> str:
        """The visible part of the text so far that can no longer be part of a tag."""
        self._buffer += piece
        out: list[str] = []
        while self._buffer:
            tag = THINK_CLOSE if self._thinking else THINK_OPEN
            at = self._buffer.find(tag)
            if at != -1:
                if not self._thinking:
                    out.append(self._buffer[:at])
                self._buffer = self._buffer[at + len(tag) :]
                self._thinking = not self._thinking
                continue
            keep = _partial_suffix(self._buffer, tag)
            if not self._thinking:
                out.append(self._buffer[: len(self._buffer) - keep])
            self._buffer = self._buffer[len(self._buffer) - keep :]
            break
        return self._lstrip_start("".join(out))

    def flush(self) -> str:
        """The held-back rest (text after an unclosed `<think>` is dropped)."""
        rest = "" if self._thinking else self._buffer
        self._buffer = ""
        return self._lstrip_start(rest)

    def _lstrip_start(self, text: str) -> str:
        if not self._started:
            text = text.lstrip()
            self._started = bool(text)
        return text


def _partial_suffix(text: str, tag: str) -> int:
    """Length of the longest end of `text` that is a proper start of `tag`."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if text.endswith(tag[:size]):
            return size
    return 0


def strip_thinking(text: str) -> str:
    """`text` without `<think>...</think>` blocks (the whole-text twin of `ThinkFilter`)."""
    think = ThinkFilter()
    return think.feed(text) + think.flush()
