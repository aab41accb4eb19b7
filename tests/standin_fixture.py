"""Pytest fixtures that run the Ollama stand-in as a subprocess: `standin` (per test) and `standin_shared`.

`standin(backend="hash", **options)` starts `python -m ollama_standin` on a free port (the server
binds port 0 and prints its address), waits until `GET /api/version` answers and returns a
`StandinHandle` (`.url`, `.port`, `.process`, `.stats()`, `.requests_to(path)`, `.reset_stats()`,
`.output()`); every instance started in a test is stopped when the test ends, so several can run at once
(multi-host tests). Options are the command-line flags in snake case: `embed_model`, `chat_model`,
`dimensions`, `context_length`, `latency_ms`, `fail_every`, `fail_status`, `drop_every`, `slow_stream_ms`.
`standin_shared` is the same factory with session scope: one process per distinct set of options for the
whole run (load the minilm model once). `stats()` reads `GET /api/_standin/stats` (requests per path,
`embedded_texts`, injected faults), e.g. to assert that re-indexing sends no embedding request.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ollama_standin.process import StandinHandle, start_standin

__all__ = ["StandinFactory", "StandinHandle", "standin", "standin_shared", "start_standin"]

StandinFactory = Callable[..., StandinHandle]


@pytest.fixture
def standin() -> Iterator[StandinFactory]:
    """Factory `standin(backend="hash", **options) -> StandinHandle`; all stopped at the end of the test."""
    handles: list[StandinHandle] = []

    def factory(backend: str = "hash", **options: Any) -> StandinHandle:
        handle = start_standin(backend, **options)
        handles.append(handle)
        return handle

    yield factory
    for handle in handles:
        handle.stop()


@pytest.fixture(scope="session")
def standin_shared() -> Iterator[StandinFactory]:
    """Session-wide factory: one stand-in per distinct (backend, options), reused by every test asking."""
    handles: dict[str, StandinHandle] = {}

    def factory(backend: str = "hash", **options: Any) -> StandinHandle:
        key = json.dumps([backend, options], sort_keys=True, default=str)
        handle = handles.get(key)
        if handle is None or handle.process.poll() is not None:
            handle = handles[key] = start_standin(backend, **options)
        return handle

    yield factory
    for handle in handles.values():
        handle.stop()
