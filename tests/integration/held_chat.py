"""An Ollama chat endpoint for the stop tests that holds each answer and records when its client left.

`HeldChat(hold_seconds=..., pieces=..., piece_seconds=...)` serves `POST /api/chat` on a free loopback
port: it first says nothing for `hold_seconds` (as Ollama says nothing while a model reads a long prompt on
a CPU), then streams `pieces` NDJSON pieces `piece_seconds` apart, watching the connection all the while.
`arrived` holds the monotonic time each chat request came in, `gone` the time each client closed its
connection before the answer was done. Embeddings come from the stand-in (`EMBED_HOSTS`); `/api/tags` and
`/api/show` name the one model it serves, `held-chat`.
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "held-chat"


def piece(number: int) -> str:
    """Piece `number` of the answer, each a new sentence (the chain ends an answer that repeats one)."""
    if number == 0:
        return "You rode along the river to Belém [1]. "
    return f"Ride {number + 1} went there too [1]. "


class HeldChat:
    """A chat server on 127.0.0.1 that holds, then streams slowly; `.url`, `.arrived`, `.gone`."""

    def __init__(self, *, hold_seconds: float = 0.0, pieces: int = 200, piece_seconds: float = 0.3) -> None:
        self.hold_seconds = hold_seconds
        self.pieces = pieces
        self.piece_seconds = piece_seconds
        self.arrived: list[float] = []
        self.gone: list[float] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """Its base URL, for OLLAMA_BASE_URL."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def record(self, times: list[float]) -> None:
        """Add the time now to `times` (thread-safe)."""
        with self._lock:
            times.append(time.monotonic())

    def wait_for(self, times: list[float], count: int, timeout: float) -> bool:
        """Whether `times` reaches `count` entries within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while len(times) < count:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def stop(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()


def _client_gone(connection: socket.socket, seconds: float) -> bool:
    """Whether the client closed its side within `seconds` (it sends nothing more after its request)."""
    readable, _, _ = select.select([connection], [], [], seconds)
    if not readable:
        return False
    try:
        return connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def _handler(chat: HeldChat) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _json(self, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/api/tags":
                self._json({"models": [{"name": f"{MODEL}:latest", "model": f"{MODEL}:latest"}]})
            else:
                self._json({"version": "0.0.0"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            if self.path == "/api/show":
                self._json({"capabilities": ["completion"], "model_info": {}})
                return
            if self.path != "/api/chat":
                self.send_error(404)
                return
            chat.record(chat.arrived)
            self.close_connection = True
            if _client_gone(self.connection, chat.hold_seconds):
                chat.record(chat.gone)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for number in range(chat.pieces):
                    self._chunk({"message": {"role": "assistant", "content": piece(number)}, "done": False})
                    if _client_gone(self.connection, chat.piece_seconds):
                        raise ConnectionResetError
                self._chunk({"message": {"role": "assistant", "content": ""}, "done": True,
                             "done_reason": "stop"})  # fmt: skip
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                chat.record(chat.gone)

        def _chunk(self, body: dict[str, Any]) -> None:
            created = datetime.now(UTC).isoformat()
            data = json.dumps({"model": MODEL, "created_at": created, **body}).encode() + b"\n"
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return Handler
