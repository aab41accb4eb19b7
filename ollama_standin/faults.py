"""Fault injection for the Ollama stand-in: latency, error statuses, dropped connections, slow streams.

Faults apply to the model endpoints only (`/api/embed`, `/api/embeddings`, `/api/chat`, `/api/generate`),
so health checks, `/api/tags` lookups and the stats endpoint stay reliable. Those requests are numbered
from 1 in arrival order across all model endpoints; request k gets the dropped connection when
`drop_every` divides k, else the error status when `fail_every` divides k. Counters are thread-safe.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

FAULTED_PATHS = frozenset({"/api/embed", "/api/embeddings", "/api/chat", "/api/generate"})


class Fault(Enum):
    """What happens to one request."""

    NONE = "none"
    ERROR = "error"
    DROP = "drop"


@dataclass(frozen=True)
class FaultOptions:
    """The fault flags of the command line (0 turns a fault off)."""

    latency_ms: int = 0
    fail_every: int = 0
    fail_status: int = 500
    drop_every: int = 0
    slow_stream_ms: int = 0


def fault_message(status: int, number: int) -> str:
    """The error text of an injected error status: Ollama's own wording for 503 (queue full)."""
    if status == 503:
        return "server busy, please try again.  maximum pending requests exceeded"
    return f"stand-in injected fault: status {status} on model request {number}"


@dataclass
class RequestLog:
    """Counts of requests per path, model requests numbered for faults, texts embedded, faults served."""

    faults: FaultOptions = field(default_factory=FaultOptions)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _model_requests: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)
    embedded_texts: int = 0

    def arrive(self, path: str) -> tuple[int, Fault]:
        """Record a request to `path`; its model-request number (0 for other paths) and its fault."""
        with self._lock:
            self.by_path[path] += 1
            if path not in FAULTED_PATHS:
                return 0, Fault.NONE
            self._model_requests += 1
            number = self._model_requests
            fault = Fault.NONE
            if self.faults.drop_every and number % self.faults.drop_every == 0:
                fault = Fault.DROP
            elif self.faults.fail_every and number % self.faults.fail_every == 0:
                fault = Fault.ERROR
            if fault is not Fault.NONE:
                self.injected[fault.value] += 1
            return number, fault

    def add_embedded(self, count: int) -> None:
        """Count texts embedded by a successful request."""
        with self._lock:
            self.embedded_texts += count

    def snapshot(self) -> dict[str, object]:
        """The counts as JSON-ready data (served by GET /api/_standin/stats)."""
        with self._lock:
            return {
                "requests": dict(self.by_path),
                "model_requests": self._model_requests,
                "embedded_texts": self.embedded_texts,
                "faults": {"errors": self.injected["error"], "drops": self.injected["drop"]},
            }

    def reset(self) -> None:
        """Zero every count (POST /api/_standin/reset); fault numbering starts again from 1."""
        with self._lock:
            self._model_requests = 0
            self.by_path.clear()
            self.injected.clear()
            self.embedded_texts = 0
