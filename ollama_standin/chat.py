"""The stand-in's chat models: the instant extractive responder, or a real instruct model run in-process.

Both answer the server's `/api/chat` and `/api/generate` through one interface: `prepare()` turns a
request's messages (or raw prompt) and options into a `Job` (rejecting bad input with `ChatInputError`
before anything is queued), and `run()` streams its text while filling in the counts and durations Ollama
reports. `LlamaChat` serves Qwen2.5-Coder-1.5B-Instruct as `qwen2.5-coder:1.5b`: messages that do not fit
`num_ctx` are dropped oldest first as Ollama's `chatPrompt` does (system messages and the last message
stay), then the prompt is cut at the front keeping `num_keep` tokens, or refused when `truncate` is false.
`GenerationSlot` lets one generation run at a time and up to `max_queue` wait; more get `QueueFull` (Ollama
answers 503), and a waiting request whose client went away leaves the queue.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ollama_standin.generation import LlamaEngine, Options, PromptTooLong, Result
from ollama_standin.responder import answer, pieces

LLM_MODEL = "qwen2.5-coder:1.5b"
EXTRACTIVE_MODEL = "extractive"
QUEUE_FULL = "server busy, please try again.  maximum pending requests exceeded"
CONTEXT_EXCEEDED = "the input length exceeds the context length"


class ChatInputError(ValueError):
    """A request the model cannot take (Ollama answers 400 with this message)."""


class QueueFull(RuntimeError):
    """Too many requests are waiting for the model (Ollama answers 503)."""


@dataclass
class Job:
    """One prepared generation: its prompt, options and, once run, what happened."""

    messages: list[dict[str, str]]
    options: Options
    prompt: str = ""
    tokens: list[int] = field(default_factory=list)
    result: Result = field(default_factory=Result)
    top_logprobs: int | None = None  # None: no logprobs asked; else how many alternatives per token


class ChatModel(Protocol):
    """What the server needs from a chat model."""

    name: str
    family: str
    parameter_size: str
    quantization_level: str
    context_length: int
    size: int
    template: str

    def prepare(
        self, messages: Sequence[Mapping[str, Any]], options: Options, *, truncate: bool, raw: str | None
    ) -> Job:
        """A job for these messages (or the raw prompt); ChatInputError when it cannot be answered."""
        ...

    def run(self, job: Job, cancelled: Callable[[], bool]) -> Iterator[str]:
        """Stream the answer's text, filling `job.result`."""
        ...


def _text(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    return content if isinstance(content, str) else ""


def chat_messages(messages: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Request messages as role/content string pairs; ChatInputError for a role Ollama rejects."""
    cleaned: list[dict[str, str]] = []
    for message in messages:
        role = message.get("role")
        if role not in ("system", "user", "assistant", "tool"):
            raise ChatInputError(f"invalid role: {role!r}, role must be one of [system user assistant tool]")
        cleaned.append({"role": str(role), "content": _text(message)})
    return cleaned


class ExtractiveChat:
    """The instant responder (quotes the best numbered tweet); counts are words, durations are real."""

    family = "extractive"
    parameter_size = "0"
    quantization_level = "F16"
    context_length = 4096
    size = 1
    template = "{{ .Prompt }}"

    def __init__(self, name: str = EXTRACTIVE_MODEL, slow_stream_ms: int = 0) -> None:
        self.name = name
        self.slow_stream_ms = slow_stream_ms

    def prepare(
        self, messages: Sequence[Mapping[str, Any]], options: Options, *, truncate: bool, raw: str | None
    ) -> Job:
        """The messages as they are (the responder has no context limit worth enforcing)."""
        listed = chat_messages(messages) if raw is None else [{"role": "user", "content": raw}]
        return Job(listed, options)

    def run(self, job: Job, cancelled: Callable[[], bool]) -> Iterator[str]:
        """The extractive answer in pieces of a few words."""
        started = time.perf_counter_ns()
        parts = pieces(answer(job.messages))
        job.result.prompt_eval_count = sum(len(m["content"].split()) for m in job.messages)
        job.result.prompt_eval_duration = time.perf_counter_ns() - started
        started = time.perf_counter_ns()
        for index, part in enumerate(parts):
            if cancelled():
                job.result.done_reason = "cancelled"
                break
            if index and self.slow_stream_ms:
                time.sleep(self.slow_stream_ms / 1000)
            job.result.eval_count += 1
            if job.top_logprobs is not None:  # the responder's pieces are certain: log probability 0
                entry: dict[str, Any] = {"token": part, "logprob": 0.0, "bytes": list(part.encode())}
                if job.top_logprobs > 0:
                    entry["top_logprobs"] = [dict(entry)]
                job.result.logprobs.append(entry)
            yield part
        job.result.eval_duration = time.perf_counter_ns() - started


class LlamaChat:
    """A GGUF instruct model behind the chat API (Qwen2.5-Coder-1.5B-Instruct by default)."""

    family = "qwen2"
    quantization_level = "Q4_K_M"

    def __init__(self, engine: LlamaEngine, name: str = LLM_MODEL) -> None:
        self.engine = engine
        self.name = name
        self.context_length = engine.context_length
        self.size = engine.size
        self.template = engine.template.source
        self.parameter_size = f"{engine.parameters / 1e9:.1f}B"

    def prepare(
        self, messages: Sequence[Mapping[str, Any]], options: Options, *, truncate: bool, raw: str | None
    ) -> Job:
        """Render, tokenize and fit the prompt to `num_ctx` as Ollama does."""
        if raw is not None:
            job = Job([{"role": "user", "content": raw}], options, prompt=raw)
            job.tokens = self.engine.tokenize(raw)
        else:
            listed = chat_messages(messages)
            job = Job(listed, options)
            job.prompt, job.tokens = self._fit_messages(listed, options, truncate)
        try:
            job.tokens, job.result.truncated = self.engine.fit(job.tokens, options, truncate)
        except PromptTooLong:
            raise ChatInputError(CONTEXT_EXCEEDED) from None
        return job

    def _fit_messages(
        self, messages: list[dict[str, str]], options: Options, truncate: bool
    ) -> tuple[str, list[int]]:
        """Ollama's chatPrompt: drop the oldest messages until the prompt fits (system and last stay)."""
        limit = min(options.num_ctx, self.engine.max_ctx)
        start = 0
        while True:
            kept = [m for m in messages[:start] if m["role"] == "system"] + messages[start:]
            prompt = self._render(kept)
            tokens = self.engine.tokenize(prompt)
            if not truncate or len(tokens) <= limit or start >= len(messages) - 1:
                return prompt, tokens
            start += 1

    def _render(self, messages: list[dict[str, str]]) -> str:
        try:
            return self.engine.render(messages)
        except Exception as error:  # the template refused these messages (e.g. a role order it rejects)
            raise ChatInputError(f"template error: {error}") from None

    def run(self, job: Job, cancelled: Callable[[], bool]) -> Iterator[str]:
        """The model's answer, token by token."""
        return self.engine.generate(job.tokens, job.options, cancelled, job.result, job.top_logprobs)


class GenerationSlot:
    """One generation at a time; up to `max_queue` requests wait their turn, in arrival order."""

    def __init__(self, max_queue: int = 512) -> None:
        self.max_queue = max_queue
        self._condition = threading.Condition()
        self._busy = False
        self._waiting: list[object] = []

    def acquire(self, cancelled: Callable[[], bool], poll_seconds: float = 0.2) -> bool:
        """Wait for the slot; QueueFull when too many wait, False when `cancelled()` turned true."""
        ticket = object()
        with self._condition:
            if not self._busy and not self._waiting:
                self._busy = True
                return True
            if len(self._waiting) >= self.max_queue:
                raise QueueFull(QUEUE_FULL)
            self._waiting.append(ticket)
            try:
                while self._busy or self._waiting[0] is not ticket:
                    self._condition.wait(poll_seconds)
                    if cancelled():
                        return False
                self._busy = True
                return True
            finally:
                self._waiting.remove(ticket)
                self._condition.notify_all()

    def release(self) -> None:
        """Let the next waiting request run."""
        with self._condition:
            self._busy = False
            self._condition.notify_all()

    @property
    def waiting(self) -> int:
        """How many requests wait for the slot."""
        with self._condition:
            return len(self._waiting)
