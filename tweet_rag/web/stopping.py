"""Stopping an answer half way: a per-question signal that also cuts the chat model's connection to Ollama.

When the page's Stop button aborts its request (or the client goes away), the server sets that question's
`StopSignal`. The thread computing the answer is then usually waiting for Ollama, which sends nothing for as
long as a model on a CPU takes to read a long prompt, so waiting for the next answer piece is not enough.
The web server's one chat model gets `CHAT_HTTP_OPTIONS` (httpx options): a request hook that finds the
question's signal in a context variable (`watching`; LangChain copies the context into its worker threads)
and records the sockets of that request's connection through httpx's `trace` extension. Setting the signal
shuts those sockets down, which wakes the blocked read at once and tells Ollama (which watches its
connection) to stop generating; a chat request that would start after that is refused with `AnswerStopped`.
Connections are not kept alive between requests, so each request's socket belongs to one question only.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

import httpx

logger = logging.getLogger(__name__)


class AnswerStopped(Exception):
    """The question was stopped (its client went away): nothing to report to anyone."""


class StopSignal:
    """Set when a question's client has gone; shuts the sockets its chat requests opened."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._set = False
        self._sockets: list[socket.socket] = []

    def is_set(self) -> bool:
        """Whether the question was stopped."""
        return self._set

    def set(self) -> None:
        """Stop the question: shut every connection its chat requests opened (safe from any thread)."""
        with self._lock:
            if self._set:
                return
            self._set = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    def opened(self, sock: socket.socket) -> None:
        """Record a socket a chat request of this question connected (shut at once when already stopped)."""
        with self._lock:
            if not self._set:
                self._sockets.append(sock)
                return
        _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by its connection: nothing left to stop
        sock.shutdown(socket.SHUT_RDWR)


_current: ContextVar[StopSignal | None] = ContextVar("tweet_rag_stop_signal", default=None)


@contextlib.contextmanager
def watching(signal: StopSignal | None) -> Iterator[None]:
    """Chat requests made in this context (and the worker threads LangChain starts from it) obey `signal`."""
    token = _current.set(signal)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # closed from another context: the variable dies with it
            _current.reset(token)


def _on_request(request: httpx.Request) -> None:
    """The httpx request hook: refuse a stopped question's request, else trace its connection's socket."""
    signal = _current.get()
    if signal is None:
        return
    if signal.is_set():
        raise AnswerStopped("the question was stopped before its chat request")
    request.extensions = {**request.extensions, "trace": _tracer(signal, request.extensions.get("trace"))}


def _tracer(signal: StopSignal, inner: Callable[[str, dict[str, Any]], Any] | None) -> Callable[..., Any]:
    def trace(event: str, info: dict[str, Any]) -> Any:
        if event.startswith("connection.") and event.endswith(".complete"):  # connect_tcp, start_tls, ...
            extra_info = getattr(info.get("return_value"), "get_extra_info", None)
            sock = extra_info("socket") if extra_info is not None else None
            if isinstance(sock, socket.socket):
                signal.opened(sock)
        return inner(event, info) if inner is not None else None

    return trace


CHAT_HTTP_OPTIONS: dict[str, Any] = {
    "event_hooks": {"request": [_on_request]},
    "limits": httpx.Limits(max_keepalive_connections=0),
}
"""Options of the chat model's httpx client (`chains.llm.build_chat_model(..., http=...)`)."""
