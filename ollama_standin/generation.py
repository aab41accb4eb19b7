"""Text generation with a GGUF chat model in-process, through the llama.cpp C API of `ik-llama-cpp-python`.

`LlamaEngine` loads the model once and generates one answer at a time: it renders chat messages with the
model's own chat template (the Jinja template stored in the GGUF, as Hugging Face and llama-cpp-python render
it), tokenizes, evaluates the prompt in chunks (reusing the key/value cache of the longest prefix, in whole
chunks, shared with one of the last two prompts, as Ollama's slots do; each slot is a llama.cpp context of its
own, so a prompt's logits depend on that prompt only, never on the order of requests: in one context shared by
two sequences, the cache's layout moved a check's P(Yes) by up to 0.02 when the same prompts were asked in
another order), then samples token by token and yields text pieces. It honours Ollama's options `num_ctx`
(prompt and answer must fit; longer prompts are cut or refused as Ollama does), `num_predict`, `temperature`
(0 = greedy), `top_k`, `top_p`, `min_p`, `seed`, `stop` and the repetition penalties `repeat_penalty`
(Ollama's default 1.1), `repeat_last_n` (64; -1 = the whole context, 0 = off), `presence_penalty` and
`frequency_penalty` (applied as llama.cpp does, before greedy or random choice, over the last `repeat_last_n`
tokens of the prompt and answer), holds back text that may be the start of a stop string or an incomplete
UTF-8 character, and checks a `cancelled()` callback between chunks and tokens so a client that goes away
stops the work.

Why this binding (measured, see the README): `ik-llama-cpp-python==0.1.5` is a prebuilt wheel (seconds
to install) while `llama-cpp-python` builds from source (minutes). Its high-level `IkLlama` cannot be
used as is: it renders Gemma's chat template (Qwen then writes garbage), does not stream and samples in a
Python loop over the whole vocabulary. So this module drives the wheel's ctypes layer
(`ik_llama_cpp._ctypes_api`: a private module, hence the exact version pin)
and samples with numpy over the logits array.
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

logger = logging.getLogger("ollama_standin")

RUNTIME_PACKAGE = "ik-llama-cpp-python==0.1.5"
PREFILL_CHUNK = 128  # prompt tokens per decode call: how often a prefill checks `cancelled()`
# Prompts whose keys/values are kept, one llama.cpp context each: a chain alternates a rewrite prompt and
# an answer prompt.
CACHE_SLOTS = 2
DEFAULT_NUM_CTX = 4096  # Ollama's default context window
CONTEXT_STEP = 1024


class RuntimeMissing(RuntimeError):
    """The llama.cpp binding cannot be imported; the message says what to install."""


class PromptTooLong(ValueError):
    """The prompt does not fit in `num_ctx` and truncation was turned off."""


@dataclass(frozen=True)
class Options:
    """Ollama's generation options that the engine honours (Ollama's defaults)."""

    num_ctx: int = DEFAULT_NUM_CTX
    num_predict: int = -1
    num_keep: int = 4
    temperature: float = 0.8
    top_k: int = 40
    top_p: float = 0.9
    min_p: float = 0.0
    seed: int = -1
    stop: tuple[str, ...] = ()
    repeat_penalty: float = 1.1
    repeat_last_n: int = 64
    presence_penalty: float = 0.0
    frequency_penalty: float = 0.0

    @staticmethod
    def from_request(options: Mapping[str, Any] | None) -> Options:
        """Options from a request's `options` object; ValueError naming a field of the wrong type."""
        values: dict[str, Any] = {}
        fields: dict[str, type] = {
            "num_ctx": int,
            "num_predict": int,
            "num_keep": int,
            "temperature": float,
            "top_k": int,
            "top_p": float,
            "min_p": float,
            "seed": int,
            "repeat_penalty": float,
            "repeat_last_n": int,
            "presence_penalty": float,
            "frequency_penalty": float,
        }
        for name, kind in fields.items():
            value = (options or {}).get(name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"option {name!r} must be a number, got {value!r}")
            if kind is int and float(value) != int(value):
                raise ValueError(f"option {name!r} must be an integer, got {value!r}")
            values[name] = kind(value)
        stop = (options or {}).get("stop")
        if stop is not None:
            if isinstance(stop, str):
                stop = [stop]
            if not isinstance(stop, list) or not all(isinstance(item, str) for item in stop):
                raise ValueError("option 'stop' must be a string or a list of strings")
            values["stop"] = tuple(item for item in stop if item)
        if values.get("num_ctx", 1) < 1:
            values.pop("num_ctx")
        return Options(**values)


@dataclass
class Result:
    """What one generation did: why it ended, token counts and durations (nanoseconds), as Ollama reports."""

    done_reason: str = "stop"
    prompt_eval_count: int = 0
    prompt_eval_duration: int = 0
    eval_count: int = 0
    eval_duration: int = 0
    cached_tokens: int = 0
    truncated: bool = False
    text: list[str] = field(default_factory=list)
    logprobs: list[dict[str, Any]] = field(default_factory=list)  # per token, when the request asked


def _import_runtime() -> Any:
    """The binding's ctypes API, with OpenMP threads that sleep when idle."""
    # Busy-waiting OpenMP threads make a shared 2-core machine ten times slower; set before the library loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    try:
        from ik_llama_cpp import _ctypes_api as api
    except (ImportError, OSError) as error:
        raise RuntimeMissing(
            f"the llama.cpp runtime for the chat model cannot be loaded ({error}): install the `llm` extra, "
            f"`pip install -e '.[llm]'` (it pins {RUNTIME_PACKAGE})"
        ) from None
    return api


_LOG_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)


@_LOG_CALLBACK
def _quiet_log(level: int, text: bytes | None, user_data: int | None) -> None:
    """llama.cpp's log lines go to our logger at debug level instead of stderr."""
    if text and logger.isEnabledFor(logging.DEBUG):
        logger.debug("llama.cpp: %s", text.decode("utf-8", "replace").rstrip())


class ChatTemplate:
    """The model's Jinja chat template, rendered as Hugging Face does (sandboxed, trimmed blocks)."""

    def __init__(self, source: str) -> None:
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        environment = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)

        def raise_exception(message: str) -> None:
            raise ValueError(message)

        environment.globals["raise_exception"] = raise_exception
        self.source = source
        self._template = environment.from_string(source)

    def render(self, messages: Sequence[Mapping[str, str]], add_generation_prompt: bool = True) -> str:
        """The prompt text for `messages` (dicts with `role` and `content`), ready for the answer."""
        return str(
            self._template.render(messages=list(messages), add_generation_prompt=add_generation_prompt)
        )


class LlamaEngine:
    """A loaded GGUF model and a llama.cpp context per cache slot; `generate` runs one at a time."""

    def __init__(self, model_path: Path, *, threads: int | None = None, max_ctx: int | None = None) -> None:
        self._api = _import_runtime()
        api = self._api
        api._lib.llama_log_set.argtypes = [_LOG_CALLBACK, ctypes.c_void_p]
        api._lib.llama_log_set.restype = None
        api._lib.llama_log_set(_quiet_log, None)
        api._lib.llama_model_meta_val_str.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_size_t,
        ]
        api._lib.llama_model_meta_val_str.restype = ctypes.c_int32
        api._lib.llama_n_ctx_train.argtypes = [ctypes.c_void_p]
        api._lib.llama_n_ctx_train.restype = ctypes.c_int32
        api._lib.llama_model_size.argtypes = [ctypes.c_void_p]
        api._lib.llama_model_size.restype = ctypes.c_uint64
        api._lib.llama_model_n_params.argtypes = [ctypes.c_void_p]
        api._lib.llama_model_n_params.restype = ctypes.c_uint64
        api._lib.llama_kv_cache_seq_rm.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int32,
            ctypes.c_int32,
            ctypes.c_int32,
        ]
        api._lib.llama_kv_cache_seq_rm.restype = ctypes.c_bool
        started = time.perf_counter()
        api.llama_backend_init()
        params = api.llama_model_default_params()
        params.use_mmap = True
        self._model = api.llama_model_load_from_file(str(model_path).encode("utf-8"), params)
        if not self._model:
            raise RuntimeError(f"llama.cpp could not load the model file {model_path}")
        self.path = model_path
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.n_vocab = int(api.llama_vocab_n_tokens(api.llama_model_get_vocab(self._model)))
        self.context_length = int(api._lib.llama_n_ctx_train(self._model))
        self.max_ctx = min(max_ctx or self.context_length, self.context_length)
        self.size = int(api._lib.llama_model_size(self._model))
        self.parameters = int(api._lib.llama_model_n_params(self._model))
        self.metadata = {
            key: self._meta(key)
            for key in (
                "general.architecture",
                "general.name",
                "general.file_type",
                "tokenizer.chat_template",
            )
        }
        template = self.metadata["tokenizer.chat_template"]
        if not template:
            raise RuntimeError(f"{model_path} has no chat template (tokenizer.chat_template)")
        self.template = ChatTemplate(template)
        self._ctx_size = 0
        # Per slot: its llama.cpp context (made when first used), the tokens whose keys and values it holds,
        # and when it was used.
        self._contexts: list[int | None] = [None] * CACHE_SLOTS
        self._slots: list[list[int]] = [[] for _ in range(CACHE_SLOTS)]
        self._slot_used = [0] * CACHE_SLOTS
        self._uses = 0
        self._piece = ctypes.create_string_buffer(256)
        self._lock = threading.Lock()
        self._warm_up()
        self.load_seconds = time.perf_counter() - started

    def _warm_up(self) -> None:
        """Evaluate one token, so the first request does not pay for paging in the weights."""
        self._context_for(DEFAULT_NUM_CTX)
        self._decode(self.tokenize("\n"), 0, 0)
        self._api.llama_kv_cache_clear(self._contexts[0])

    # --- model facts -------------------------------------------------------------------------------------

    def _meta(self, key: str) -> str:
        size = 1 << 16
        buffer = ctypes.create_string_buffer(size)
        length = self._api._lib.llama_model_meta_val_str(self._model, key.encode(), buffer, size)
        return buffer.value.decode("utf-8", "replace") if length >= 0 else ""

    def tokenize(self, text: str) -> list[int]:
        """Token ids of `text`, special tokens (`<|im_start|>`) parsed, BOS added if the model wants it."""
        api = self._api
        data = text.encode("utf-8")
        count = api.llama_tokenize(self._model, data, len(data), None, 0, True, True)
        buffer = (api.llama_token * abs(count))()
        count = api.llama_tokenize(self._model, data, len(data), buffer, abs(count), True, True)
        return list(buffer[:count])

    def _token_bytes(self, token: int) -> bytes:
        length = self._api.llama_token_to_piece(self._model, token, self._piece, 256, 0, False)
        return self._piece.raw[: max(length, 0)]

    def render(self, messages: Sequence[Mapping[str, str]]) -> str:
        """The chat prompt for `messages` through the model's template."""
        return self.template.render(messages)

    # --- context -----------------------------------------------------------------------------------------

    def _context_for(self, num_ctx: int) -> None:
        """Contexts of at least `num_ctx` tokens from now on (grown in steps, kept between requests).

        Growing frees every slot's context (and so its cache); `_context` makes them again as needed.
        """
        wanted = min(self.max_ctx, max(CONTEXT_STEP, -(-num_ctx // CONTEXT_STEP) * CONTEXT_STEP))
        if self._ctx_size >= wanted:
            return
        self._free_contexts()
        self._ctx_size = wanted
        self._context(0)

    def _context(self, slot: int) -> int:
        """The llama.cpp context of `slot`, of `_ctx_size` tokens, made when first asked for."""
        ctx = self._contexts[slot]
        if ctx is not None:
            return ctx
        api = self._api
        params = api.llama_context_default_params()
        params.n_ctx = self._ctx_size
        params.n_seq_max = 1
        params.n_batch = PREFILL_CHUNK * 4
        params.n_ubatch = PREFILL_CHUNK * 4
        params.n_threads = self.threads
        params.n_threads_batch = self.threads
        params.flash_attn = False  # the binding's own check: its flash attention asserts without AVX-VNNI
        ctx = api.llama_init_from_model(self._model, params)
        if not ctx:
            raise RuntimeError(
                f"llama.cpp could not create a context of {self._ctx_size} tokens (out of memory?)"
            )
        self._contexts[slot] = ctx
        return ctx

    def _free_contexts(self) -> None:
        """Free every slot's context; their caches are empty from now on."""
        for slot, ctx in enumerate(self._contexts):
            if ctx is not None:
                self._api.llama_free(ctx)
            self._contexts[slot] = None
            self._slots[slot] = []

    def _decode(self, tokens: Sequence[int], start: int, slot: int) -> None:
        """Evaluate `tokens` in `slot`'s context at positions `start`..; logits kept for the last one only."""
        api = self._api
        batch = api.llama_batch_init(len(tokens), 0, 1)
        batch.n_tokens = len(tokens)
        for i, token in enumerate(tokens):
            batch.token[i] = token
            batch.pos[i] = start + i
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = 0
            batch.logits[i] = 1 if i == len(tokens) - 1 else 0
        try:
            status = api.llama_decode(self._context(slot), batch)
        finally:
            api.llama_batch_free(batch)
        if status != 0:
            raise RuntimeError(f"llama_decode failed with status {status}")

    def _reuse_prefix(self, tokens: Sequence[int]) -> tuple[int, int]:
        """The slot to use for `tokens` and how many of its cached tokens are kept.

        The slot whose cache `tokens` mostly continue, with the longest shared prefix; else the least
        recently used. At least one token is evaluated again, for its logits.
        """

        def shared(cached: list[int]) -> int:
            common, limit = 0, min(len(cached), len(tokens) - 1)
            while common < limit and cached[common] == tokens[common]:
                common += 1
            return common

        def reuse(i: int) -> int:  # a slot is only worth taking over when most of what it holds is kept
            common = shared(self._slots[i])
            return common if 2 * common >= len(self._slots[i]) else 0

        slot = max(range(CACHE_SLOTS), key=lambda i: (reuse(i), -self._slot_used[i]))
        self._uses += 1
        self._slot_used[slot] = self._uses
        cached = self._slots[slot]
        # Keep whole prefill chunks only: the rest is evaluated in the same batches as the first time, so
        # the same prompt gives the same logits (and a seeded answer the same text) with or without a cache.
        common = shared(cached) // PREFILL_CHUNK * PREFILL_CHUNK
        if common < len(cached):
            ctx = self._context(slot)
            if not self._api._lib.llama_kv_cache_seq_rm(ctx, 0, common, -1):
                self._api.llama_kv_cache_clear(ctx)
                common = 0
            del cached[common:]
        return slot, common

    # --- generation --------------------------------------------------------------------------------------

    def fit(self, tokens: list[int], options: Options, truncate: bool) -> tuple[list[int], bool]:
        """The prompt cut to `num_ctx` as Ollama's runner cuts it (keep `num_keep`, drop the oldest rest).

        PromptTooLong when it does not fit and `truncate` is false.
        """
        limit = min(options.num_ctx, self.max_ctx)
        if len(tokens) <= limit:
            return tokens, False
        if not truncate:
            raise PromptTooLong(f"the prompt has {len(tokens)} tokens, num_ctx is {limit}")
        keep = min(max(options.num_keep, 0), limit - 1)
        discard = len(tokens) - limit
        logger.warning("truncating input prompt: limit %d, prompt %d, keep %d", limit, len(tokens), keep)
        return tokens[:keep] + tokens[keep + discard :], True

    def generate(
        self,
        tokens: list[int],
        options: Options,
        cancelled: Callable[[], bool] = lambda: False,
        result: Result | None = None,
        top_logprobs: int | None = None,
    ) -> Iterator[str]:
        """Stream the answer to the prompt `tokens` (already fitted); fill `result` as it goes.

        Ends at an end-of-generation token or a stop string (`done_reason` "stop"), after `num_predict`
        tokens or when the context is full ("length"), or when `cancelled()` turns true ("cancelled").
        With `top_logprobs` (0 or more), each generated token's log probability and the `top_logprobs`
        likeliest tokens' go to `result.logprobs` before its text is yielded (Ollama's `logprobs`).
        """
        result = result if result is not None else Result()
        with self._lock:
            yield from self._generate(tokens, options, cancelled, result, top_logprobs)

    def _generate(
        self,
        tokens: list[int],
        options: Options,
        cancelled: Callable[[], bool],
        result: Result,
        top_logprobs: int | None = None,
    ) -> Iterator[str]:
        num_ctx = min(options.num_ctx, self.max_ctx)
        self._context_for(num_ctx)
        result.prompt_eval_count = len(tokens)
        started = time.perf_counter_ns()
        slot, position = self._reuse_prefix(tokens)
        cache = self._slots[slot]
        result.cached_tokens = position
        while position < len(tokens):
            if cancelled():
                result.done_reason = "cancelled"
                result.prompt_eval_duration = time.perf_counter_ns() - started
                return
            chunk = tokens[position : position + PREFILL_CHUNK]
            self._decode(chunk, position, slot)
            cache.extend(chunk)
            position += len(chunk)
        result.prompt_eval_duration = time.perf_counter_ns() - started

        rng = np.random.default_rng(options.seed if options.seed >= 0 else None)
        text = _TextAssembler(options.stop)
        generated = 0
        started = time.perf_counter_ns()
        result.done_reason = "length"
        try:
            while options.num_predict < 0 or generated < options.num_predict:
                if position >= num_ctx:
                    break  # Ollama would shift the window; answers here never get that long
                if cancelled():
                    result.done_reason = "cancelled"
                    break
                token = self._sample(options, rng, slot, cache)
                if self._api.llama_token_is_eog(self._model, token):
                    result.done_reason = "stop"
                    break
                generated += 1
                if top_logprobs is not None:
                    result.logprobs.append(self._logprob_entry(slot, token, top_logprobs))
                visible, stopped = text.feed(self._token_bytes(token))
                if visible:
                    result.text.append(visible)
                    yield visible
                if stopped:
                    result.done_reason = "stop"
                    break
                self._decode([token], position, slot)
                cache.append(token)
                position += 1
            rest = text.flush() if result.done_reason != "cancelled" else ""
            if rest:
                result.text.append(rest)
                yield rest
        finally:
            result.eval_count = generated
            result.eval_duration = time.perf_counter_ns() - started

    def _logprob_entry(self, slot: int, token: int, top: int) -> dict[str, Any]:
        """Ollama's logprob entry for `token` from `slot`'s last logits (before penalties and sampling)."""
        pointer = self._api.llama_get_logits_ith(self._context(slot), -1)
        logits = np.ctypeslib.as_array(pointer, shape=(self.n_vocab,)).astype(np.float64)
        peak = logits.max()
        log_probabilities = logits - (peak + np.log(np.exp(logits - peak).sum()))
        entry = self._token_logprob(token, float(log_probabilities[token]))
        if top > 0:
            likeliest = np.argpartition(log_probabilities, -top)[-top:]
            likeliest = likeliest[np.argsort(-log_probabilities[likeliest], kind="stable")]
            entry["top_logprobs"] = [
                self._token_logprob(int(other), float(log_probabilities[other])) for other in likeliest
            ]
        return entry

    def _token_logprob(self, token: int, logprob: float) -> dict[str, Any]:
        data = self._token_bytes(token)
        return {"token": data.decode("utf-8", errors="replace"), "logprob": logprob, "bytes": list(data)}

    def _sample(
        self, options: Options, rng: np.random.Generator, slot: int, history: Sequence[int] = ()
    ) -> int:
        """The next token from `slot`'s last logits: penalties on `history`, then greedy at temperature 0.

        Else sampled: top-k, temperature, top-p, min-p, in Ollama's order.
        """
        pointer = self._api.llama_get_logits_ith(self._context(slot), -1)
        logits = penalize(np.ctypeslib.as_array(pointer, shape=(self.n_vocab,)), history, options)
        if options.temperature <= 0:
            return int(np.argmax(logits))
        k = options.top_k if 0 < options.top_k < self.n_vocab else self.n_vocab
        candidates = np.argpartition(logits, -k)[-k:] if k < self.n_vocab else np.arange(self.n_vocab)
        scores = logits[candidates].astype(np.float64) / options.temperature
        order = np.argsort(-scores, kind="stable")
        candidates, scores = candidates[order], scores[order]
        probabilities = np.exp(scores - scores[0])
        probabilities /= probabilities.sum()
        keep = len(candidates)
        if 0 < options.top_p < 1:
            keep = int(np.searchsorted(np.cumsum(probabilities), options.top_p) + 1)
        if options.min_p > 0:
            keep = min(keep, max(1, int(np.sum(probabilities >= options.min_p * probabilities[0]))))
        probabilities = probabilities[:keep] / probabilities[:keep].sum()
        return int(candidates[rng.choice(keep, p=probabilities)])

    def close(self) -> None:
        """Free the contexts and the model."""
        self._free_contexts()
        if self._model:
            self._api.llama_free_model(self._model)
            self._model = None


def penalize(logits: np.ndarray, history: Sequence[int], options: Options) -> np.ndarray:
    """`logits` with llama.cpp's repetition penalties for the last `repeat_last_n` tokens of `history`.

    A token seen there has its logit divided by `repeat_penalty` when positive (multiplied when negative),
    then lowered by `frequency_penalty` per occurrence and by `presence_penalty` once. Returns `logits`
    itself (unchanged) when every penalty is off, else a penalized copy.
    """
    last_n = len(history) if options.repeat_last_n < 0 else options.repeat_last_n
    penalties_off = (
        options.repeat_penalty == 1.0 and options.presence_penalty == 0.0 and options.frequency_penalty == 0.0
    )
    if last_n == 0 or not history or penalties_off:
        return logits
    recent = np.asarray(history[-last_n:], dtype=np.int64)
    tokens, counts = np.unique(recent, return_counts=True)
    penalized = logits.astype(np.float32, copy=True)
    seen = penalized[tokens]
    if options.repeat_penalty != 1.0:
        seen = np.where(seen > 0, seen / options.repeat_penalty, seen * options.repeat_penalty)
    seen = (seen - counts * options.frequency_penalty - options.presence_penalty).astype(np.float32)
    penalized[tokens] = seen
    return penalized


class _TextAssembler:
    """Token bytes to text: whole UTF-8 characters only, stop strings cut, their possible starts held back."""

    def __init__(self, stop: Sequence[str]) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._stop = [s for s in stop if s]
        self._pending = ""

    def feed(self, data: bytes) -> tuple[str, bool]:
        """Text that can be shown now, and whether a stop string was reached (text after it is dropped)."""
        self._pending += self._decoder.decode(data)
        for stop in self._stop:
            at = self._pending.find(stop)
            if at != -1:
                visible, self._pending = self._pending[:at], ""
                return visible, True
        hold = max((_overlap(self._pending, stop) for stop in self._stop), default=0)
        visible = self._pending[: len(self._pending) - hold]
        self._pending = self._pending[len(self._pending) - hold :]
        return visible, False

    def flush(self) -> str:
        """What is still held back (the generation ended without completing a stop string)."""
        rest = self._pending + self._decoder.decode(b"", final=True)
        self._pending = ""
        return rest


def _overlap(text: str, stop: str) -> int:
    """Length of the longest end of `text` that is a proper start of `stop`."""
    for size in range(min(len(stop) - 1, len(text)), 0, -1):
        if text.endswith(stop[:size]):
            return size
    return 0
