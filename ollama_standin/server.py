"""The Ollama stand-in's HTTP server: Ollama's endpoints, response shapes and errors over a threaded server.

Each connection gets a thread (`ThreadingHTTPServer`, HTTP/1.1 keep-alive); streamed answers use chunked
NDJSON as Ollama does. Responses are JSON objects of Ollama's shapes, errors are `{"error": "..."}` with
Ollama's status codes and wording (404 `model "x" not found, try pulling it first`, 400 on bad JSON or too
long input with `truncate` false, 503 when too many requests wait for the chat model). The chat model
(`ollama_standin.chat`) is the extractive responder or a real instruct model; the real one answers one
request at a time, the others wait in a bounded queue, and a client that hangs up stops its generation.
Besides Ollama's API it serves `GET /api/_standin/stats` (request counts per path, texts embedded, faults
injected) and `POST /api/_standin/reset` for tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import select
import socket
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import orjson

from ollama_standin.backends import ContextLengthExceeded, EmbeddingBackend, normalise_rows
from ollama_standin.chat import (
    CONTEXT_EXCEEDED,
    ChatInputError,
    ChatModel,
    ExtractiveChat,
    GenerationSlot,
    Job,
    QueueFull,
)
from ollama_standin.faults import Fault, FaultOptions, RequestLog, fault_message
from ollama_standin.generation import Options

logger = logging.getLogger("ollama_standin")

OLLAMA_VERSION = "0.12.11"  # the first with `logprobs`
TEXT_PLAIN = "text/plain; charset=utf-8"
MAX_TOP_LOGPROBS = 20


class ApiError(Exception):
    """An error answered as Ollama answers it: a status code and `{"error": message}`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def full_name(name: str) -> str:
    """A model name with Ollama's default tag: `all-minilm` -> `all-minilm:latest`."""
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


def dumps(payload: Any) -> bytes:
    """JSON bytes of `payload` (numpy arrays allowed)."""
    return orjson.dumps(payload, option=orjson.OPT_SERIALIZE_NUMPY)


def now_iso() -> str:
    """The current time as Ollama writes `created_at`."""
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@dataclass
class StandinState:
    """What the handlers share: the embedding backend, the chat model, fault options and the request log."""

    backend: EmbeddingBackend
    embed_model: str
    chat: ChatModel = field(default_factory=ExtractiveChat)
    faults: FaultOptions = field(default_factory=FaultOptions)
    load_seconds: float = 0.0
    chat_load_seconds: float = 0.0
    slot: GenerationSlot = field(default_factory=GenerationSlot)
    log: RequestLog = field(default_factory=RequestLog)
    started: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        self.log.faults = self.faults
        self._chat_loaded = False

    @property
    def chat_model(self) -> str:
        """The served chat model's name."""
        return self.chat.name

    def chat_load_duration(self) -> int:
        """Nanoseconds to report as `load_duration`: the model load on the first chat request, then 0."""
        if self._chat_loaded:
            return 0
        self._chat_loaded = True
        return int(self.chat_load_seconds * 1e9)

    def kind_of(self, name: object) -> str:
        """`"embed"` or `"chat"` for a served model (with or without its tag); ApiError 404 otherwise."""
        if not isinstance(name, str) or not name.strip():
            raise ApiError(400, "model is required")
        wanted = full_name(name.strip())
        if wanted == full_name(self.embed_model):
            return "embed"
        if wanted == full_name(self.chat_model):
            return "chat"
        raise ApiError(404, f'model "{name}" not found, try pulling it first')

    def model_entries(self) -> list[dict[str, Any]]:
        """The served models as /api/tags lists them."""
        return [self._entry(self.embed_model, "embed"), self._entry(self.chat_model, "chat")]

    def _entry(self, name: str, kind: str) -> dict[str, Any]:
        if kind == "embed":
            family, size = self.backend.family, 45_960_996
            parameters = "23M" if family == "bert" else "0"
            quantization = "F16"
        else:
            family, size = self.chat.family, self.chat.size
            parameters, quantization = self.chat.parameter_size, self.chat.quantization_level
        return {
            "name": full_name(name),
            "model": full_name(name),
            "modified_at": self.started.isoformat().replace("+00:00", "Z"),
            "size": size,
            "digest": hashlib.sha256(full_name(name).encode()).hexdigest(),
            "details": {
                "parent_model": "",
                "format": "gguf",
                "family": family,
                "families": [family],
                "parameter_size": parameters,
                "quantization_level": quantization,
            },
        }


class StandinServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer holding the stand-in's state; broken client connections are not errors."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], state: StandinState) -> None:
        super().__init__(address, StandinHandler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log unexpected handler failures; stay quiet about clients that hung up."""
        import sys

        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        logger.exception("error while serving %s", client_address)


class StandinHandler(BaseHTTPRequestHandler):
    """Routes Ollama's endpoints; one instance per connection, one method call per request."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once, no delayed-ACK stalls
    wbufsize = 1 << 16  # buffered writes, flushed after each response (and each streamed line)
    server_version = "ollama-standin"
    sys_version = ""
    server: StandinServer

    def log_message(self, format: str, *args: Any) -> None:
        """Access logs only at debug level (one line per request would slow the benchmark)."""
        logger.debug("%s - " + format, self.address_string(), *args)

    # --- dispatch --------------------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        """`HEAD /`: Ollama's health check."""
        self._dispatch("HEAD")

    def do_GET(self) -> None:
        """GET endpoints: /, /api/tags, /api/version, /api/ps, stats."""
        self._dispatch("GET")

    def do_POST(self) -> None:
        """POST endpoints: embed, embeddings, chat, generate, show, pull, stats reset."""
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        """DELETE /api/delete: the stand-in cannot delete its models."""
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        path = self.path.split("?", 1)[0].rstrip("/") or "/"
        state = self.server.state
        try:
            body = self._read_body() if method in ("POST", "DELETE") else b""
            number, fault = state.log.arrive(path)
            if number and state.faults.latency_ms:
                time.sleep(state.faults.latency_ms / 1000)
            if fault is Fault.DROP:
                self._drop()
                return
            if fault is Fault.ERROR:
                status = state.faults.fail_status
                self._send_json(status, {"error": fault_message(status, number)})
                return
            route = ROUTES.get((method, path))
            if route is None:
                self._send_bytes(404, b"404 page not found", TEXT_PLAIN)
                return
            route(self, self._parse(body) if method in ("POST", "DELETE") else {})
        except ApiError as error:
            self._send_json(error.status, {"error": error.message})
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as error:  # a bug in the stand-in: answer as Ollama does on internal errors
            logger.exception("internal error on %s %s", method, path)
            try:
                self._send_json(500, {"error": f"stand-in internal error: {error}"})
            except (ConnectionError, TimeoutError):
                self.close_connection = True

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    @staticmethod
    def _parse(body: bytes) -> dict[str, Any]:
        if not body.strip():
            raise ApiError(400, "missing request body")
        try:
            payload = orjson.loads(body)
        except ValueError as error:
            raise ApiError(400, f"invalid JSON in request body: {error}") from None
        if not isinstance(payload, dict):
            raise ApiError(400, "json: cannot unmarshal request body: expected a JSON object")
        return payload

    # --- responses -------------------------------------------------------------------------------------

    def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _send_json(self, status: int, payload: Any) -> None:
        self._send_bytes(status, dumps(payload), "application/json; charset=utf-8")

    def _send_stream(self, lines: Iterator[dict[str, Any]]) -> None:
        """Chunked NDJSON, one JSON object per line, flushed line by line."""
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for line in lines:
            data = dumps(line) + b"\n"
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _drop(self) -> None:
        """Close the connection without a response, as a crashed or restarted server would."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    # --- endpoints -------------------------------------------------------------------------------------

    def root(self, _: Mapping[str, Any]) -> None:
        """`GET /` and `HEAD /`."""
        self._send_bytes(200, b"Ollama is running", TEXT_PLAIN)

    def version(self, _: Mapping[str, Any]) -> None:
        """`GET /api/version`."""
        self._send_json(200, {"version": OLLAMA_VERSION})

    def tags(self, _: Mapping[str, Any]) -> None:
        """`GET /api/tags`: the two served models."""
        self._send_json(200, {"models": self.server.state.model_entries()})

    def ps(self, _: Mapping[str, Any]) -> None:
        """`GET /api/ps`: both models, always loaded."""
        state = self.server.state
        expires = (datetime.now(UTC) + timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
        models = []
        for entry in state.model_entries():
            context = state.backend.context_length if entry["name"] == full_name(state.embed_model) else 4096
            models.append({**entry, "expires_at": expires, "size_vram": 0, "context_length": context})
        self._send_json(200, {"models": models})

    def stats(self, _: Mapping[str, Any]) -> None:
        """`GET /api/_standin/stats`: request counts per path, texts embedded, faults injected."""
        self._send_json(200, self.server.state.log.snapshot())

    def reset(self, _: Mapping[str, Any]) -> None:
        """`POST /api/_standin/reset`: zero the counts."""
        self.server.state.log.reset()
        self._send_json(200, {"status": "success"})

    def show(self, body: Mapping[str, Any]) -> None:
        """`POST /api/show`: details, parameters and model_info of a served model."""
        state = self.server.state
        name = body.get("model") or body.get("name")
        kind = state.kind_of(name)
        entry = state._entry(state.embed_model if kind == "embed" else state.chat_model, kind)
        if kind == "embed":
            family = state.backend.family
            info: dict[str, Any] = {
                "general.architecture": family,
                f"{family}.context_length": state.backend.context_length,
                f"{family}.embedding_length": state.backend.dimensions,
            }
            capabilities = ["embedding"]
            parameters = f"num_ctx                        {state.backend.context_length}"
        else:
            family = state.chat.family
            info = {
                "general.architecture": family,
                "general.parameter_count": getattr(state.chat, "parameters", 0),
                f"{family}.context_length": state.chat.context_length,
            }
            capabilities = ["completion"]
            parameters = f"num_ctx                        {state.chat.context_length}"
            if family != "extractive":
                parameters = 'stop                           "<|im_end|>"'
        self._send_json(
            200,
            {
                "modelfile": f"# Modelfile of the tweet-rag Ollama stand-in\nFROM {entry['name']}\n",
                "parameters": parameters,
                "template": state.chat.template if kind == "chat" else "{{ .Prompt }}",
                "details": entry["details"],
                "model_info": info,
                "capabilities": capabilities,
                "modified_at": entry["modified_at"],
            },
        )

    def pull(self, body: Mapping[str, Any]) -> None:
        """`POST /api/pull`: instant progress for a served model, Ollama's error for any other."""
        state = self.server.state
        name = body.get("model") or body.get("name")
        stream = body.get("stream") is not False
        try:
            state.kind_of(name)
        except ApiError as error:
            if error.status != 404:
                raise
            missing = "pull model manifest: file does not exist"
            if not stream:
                raise ApiError(500, missing) from None
            self._send_stream(iter([{"status": "pulling manifest"}, {"error": missing}]))
            return
        if not stream:
            self._send_json(200, {"status": "success"})
            return
        digest = "sha256:" + hashlib.sha256(full_name(str(name)).encode()).hexdigest()
        total = 45_960_996
        self._send_stream(
            iter(
                [
                    {"status": "pulling manifest"},
                    {"status": f"pulling {digest[7:19]}", "digest": digest, "total": total},
                    {
                        "status": f"pulling {digest[7:19]}",
                        "digest": digest,
                        "total": total,
                        "completed": total,
                    },
                    {"status": "verifying sha256 digest"},
                    {"status": "writing manifest"},
                    {"status": "success"},
                ]
            )
        )

    def delete(self, body: Mapping[str, Any]) -> None:
        """`DELETE /api/delete`: unknown models get 404, served ones cannot be deleted here."""
        self.server.state.kind_of(body.get("model") or body.get("name"))
        raise ApiError(403, "the Ollama stand-in cannot delete its models")

    def embed(self, body: Mapping[str, Any]) -> None:
        """`POST /api/embed`: `input` string or list, `truncate` (default true), `dimensions`."""
        started = time.perf_counter_ns()
        state = self.server.state
        name = str(body.get("model"))
        if state.kind_of(body.get("model")) != "embed":
            raise ApiError(400, f'"{name}" does not support embeddings')
        texts = _input_texts(body.get("input"))
        truncate = body.get("truncate") is not False
        dimensions = _dimensions(body.get("dimensions"), state.backend.dimensions)
        if not texts:
            self._send_json(200, {"model": name, "embeddings": []})
            return
        vectors, tokens = embed_texts(state.backend, texts, truncate=truncate, dimensions=dimensions)
        first = state.log.embedded_texts == 0  # Ollama reports the model load on the first request
        state.log.add_embedded(len(texts))
        self._send_json(
            200,
            {
                "model": name,
                "embeddings": vectors,
                "total_duration": time.perf_counter_ns() - started,
                "load_duration": int(state.load_seconds * 1e9) if first else 0,
                "prompt_eval_count": tokens,
            },
        )

    def embeddings(self, body: Mapping[str, Any]) -> None:
        """`POST /api/embeddings` (legacy): `prompt` -> `embedding` (one vector, truncated to context)."""
        state = self.server.state
        if state.kind_of(body.get("model")) != "embed":
            raise ApiError(400, f'"{body.get("model")}" does not support embeddings')
        prompt = body.get("prompt")
        if prompt is not None and not isinstance(prompt, str):
            raise ApiError(400, "json: cannot unmarshal prompt: expected a string")
        if not prompt:
            self._send_json(200, {"embedding": []})
            return
        vectors, _ = embed_texts(state.backend, [prompt], truncate=True, dimensions=None)
        state.log.add_embedded(1)
        self._send_json(200, {"embedding": vectors[0]})

    def chat(self, body: Mapping[str, Any]) -> None:
        """`POST /api/chat`: the chat model's answer, streamed as NDJSON (default) or in one object."""
        messages = body.get("messages") or []
        if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
            raise ApiError(400, "json: cannot unmarshal messages: expected a list of message objects")
        self._complete(body, messages, None, field_name="message")

    def generate(self, body: Mapping[str, Any]) -> None:
        """`POST /api/generate`: `prompt` (and `system`) as a one-turn chat, or the bare prompt with `raw`."""
        prompt, system = body.get("prompt"), body.get("system")
        if prompt is not None and not isinstance(prompt, str):
            raise ApiError(400, "json: cannot unmarshal prompt: expected a string")
        if body.get("raw") is True:
            self._complete(body, [], prompt or None, field_name="response")
            return
        messages: list[dict[str, Any]] = []
        if prompt and isinstance(system, str) and system:
            messages.append({"role": "system", "content": system})
        if prompt:
            messages.append({"role": "user", "content": prompt})
        self._complete(body, messages, None, field_name="response")

    def _client_gone(self) -> bool:
        """True when the client closed its end of the connection (it stopped waiting for the answer)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            return self.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except (OSError, ValueError):
            return True

    def _complete(
        self,
        body: Mapping[str, Any],
        messages: Sequence[Mapping[str, Any]],
        raw: str | None,
        field_name: str,
    ) -> None:
        started = time.perf_counter_ns()
        state = self.server.state
        name = str(body.get("model"))
        if state.kind_of(body.get("model")) != "chat":
            raise ApiError(
                400, f'"{name}" does not support {"chat" if field_name == "message" else "generate"}'
            )
        if body.get("think") not in (None, False, "") and state.chat.family != "extractive":
            raise ApiError(400, f'"{name}" does not support thinking')

        def content(text: str) -> dict[str, Any]:
            if field_name == "message":
                return {"message": {"role": "assistant", "content": text}}
            return {"response": text}

        if (
            not messages and raw is None
        ):  # Ollama loads (or, with keep_alive 0, unloads) the model, answers empty
            reason = "unload" if body.get("keep_alive") in (0, "0", "0s") else "load"
            head = {"model": name, "created_at": now_iso()}
            self._send_json(200, {**head, **content(""), "done_reason": reason, "done": True})
            return
        try:
            options = Options.from_request(_options(body.get("options")))
            top_logprobs = _top_logprobs(body)
            job = state.chat.prepare(messages, options, truncate=body.get("truncate") is not False, raw=raw)
        except (ChatInputError, ValueError) as error:
            raise ApiError(400, str(error)) from None
        job.top_logprobs = top_logprobs
        exclusive = state.chat.family != "extractive"
        try:
            if exclusive and not state.slot.acquire(self._client_gone):
                self.close_connection = True  # the client left while waiting its turn
                return
        except QueueFull as error:
            raise ApiError(503, str(error)) from None
        try:
            self._answer(job, name, started, body.get("stream") is not False, content)
        finally:
            if exclusive:
                state.slot.release()

    def _answer(
        self, job: Job, name: str, started: int, stream: bool, content: Callable[[str], dict[str, Any]]
    ) -> None:
        """Run the job and send its answer: NDJSON pieces then a summary, or one object."""
        state = self.server.state
        load_duration = state.chat_load_duration()

        sent = 0  # logprob entries already sent with a streamed piece

        def logprobs() -> dict[str, Any]:
            nonlocal sent
            if job.top_logprobs is None:
                return {}
            entries, sent = job.result.logprobs[sent:], len(job.result.logprobs)
            return {"logprobs": entries}

        def final(text: str) -> dict[str, Any]:
            result = job.result
            return {
                "model": name,
                "created_at": now_iso(),
                **content(text),
                "done_reason": result.done_reason,
                "done": True,
                "total_duration": time.perf_counter_ns() - started,
                "load_duration": load_duration,
                "prompt_eval_count": result.prompt_eval_count,
                "prompt_eval_duration": result.prompt_eval_duration,
                "eval_count": result.eval_count,
                "eval_duration": result.eval_duration,
                **logprobs(),
            }

        if not stream:
            text = "".join(state.chat.run(job, self._client_gone))
            if job.result.done_reason == "cancelled":
                self.close_connection = True
                return
            self._send_json(200, final(text))
            return

        def lines() -> Iterator[dict[str, Any]]:
            for index, part in enumerate(state.chat.run(job, self._client_gone)):
                if index and state.faults.slow_stream_ms:
                    time.sleep(state.faults.slow_stream_ms / 1000)
                yield {"model": name, "created_at": now_iso(), **content(part), **logprobs(), "done": False}
            if job.result.done_reason == "cancelled":
                raise ConnectionResetError("the client closed the connection")
            yield final("")

        self._send_stream(lines())


ROUTES: dict[tuple[str, str], Any] = {
    ("GET", "/"): StandinHandler.root,
    ("HEAD", "/"): StandinHandler.root,
    ("GET", "/api/version"): StandinHandler.version,
    ("HEAD", "/api/version"): StandinHandler.version,
    ("GET", "/api/tags"): StandinHandler.tags,
    ("GET", "/api/ps"): StandinHandler.ps,
    ("GET", "/api/_standin/stats"): StandinHandler.stats,
    ("POST", "/api/_standin/reset"): StandinHandler.reset,
    ("POST", "/api/show"): StandinHandler.show,
    ("POST", "/api/pull"): StandinHandler.pull,
    ("DELETE", "/api/delete"): StandinHandler.delete,
    ("POST", "/api/embed"): StandinHandler.embed,
    ("POST", "/api/embeddings"): StandinHandler.embeddings,
    ("POST", "/api/chat"): StandinHandler.chat,
    ("POST", "/api/generate"): StandinHandler.generate,
}


def _top_logprobs(body: Mapping[str, Any]) -> int | None:
    """How many alternatives per token a request wants (`top_logprobs`), or None without `logprobs`."""
    wanted, top = body.get("logprobs"), body.get("top_logprobs")
    if wanted is not None and not isinstance(wanted, bool):
        raise ValueError("json: cannot unmarshal logprobs: expected a boolean")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int)):
        raise ValueError("json: cannot unmarshal top_logprobs: expected an integer")
    if top is not None and not 0 <= top <= MAX_TOP_LOGPROBS:
        raise ValueError(f"top_logprobs must be between 0 and {MAX_TOP_LOGPROBS}")
    return (top or 0) if wanted else None


def _options(value: object) -> Mapping[str, Any] | None:
    """A request's `options` object (None when absent); ApiError 400 when it is not an object."""
    if value is None or isinstance(value, Mapping):
        return value
    raise ApiError(400, "json: cannot unmarshal options: expected an object")


def _input_texts(value: object) -> list[str]:
    """The texts of an /api/embed `input`: a string (empty -> none) or a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise ApiError(400, "invalid input type: input must be a string or a list of strings")


def _dimensions(value: object, model_dimensions: int) -> int | None:
    if value is None or value == 0:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= model_dimensions:
        raise ApiError(400, f"dimensions must be between 1 and {model_dimensions}, got {value}")
    return value


def embed_texts(
    backend: EmbeddingBackend, texts: Sequence[str], *, truncate: bool, dimensions: int | None
) -> tuple[np.ndarray, int]:
    """Vectors for `texts` with Ollama's truncation rule, and the number of tokens evaluated."""
    try:
        vectors, counts = backend.embed(texts, truncate=truncate)
    except ContextLengthExceeded:
        raise ApiError(400, CONTEXT_EXCEEDED) from None
    if dimensions is not None and dimensions < vectors.shape[1]:
        vectors = normalise_rows(vectors[:, :dimensions])
    return vectors, sum(counts)
