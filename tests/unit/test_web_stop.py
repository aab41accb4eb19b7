"""The web app notices a client that leaves, queued or answering, whichever ASGI server runs it.

The app is called directly as an ASGI app, under ASGI spec 2.3 (where Starlette itself listens for the
disconnect, as under uvicorn) and 2.4 (where it does not, and the app must look for itself). The answers come
from a stand-in service whose answers wait until they are stopped, as one waits for a model reading a long
prompt; four fill every answer slot, so a fifth waits its turn.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rag.settings import Settings
from tweet_rag.web.app import ANSWERS_AT_ONCE, create_app
from tweet_rag.web.service import AskRequest
from tweet_rag.web.stopping import StopSignal


class HeldService:
    """Answers that start, say their question, then wait (up to 20 s) until their stop signal is set."""

    def __init__(self) -> None:
        self.prompts = ["default"]
        self.started: list[str] = []
        self.stopped: list[str] = []
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        pass

    def ask_events(
        self, request: AskRequest, stop: StopSignal | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        with self._lock:
            self.started.append(request.question)
        yield "question", {"question": request.question, "standalone_question": request.question}
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if stop is not None and stop.is_set():
                with self._lock:
                    self.stopped.append(request.question)
                return
            time.sleep(0.01)
        yield "answer", {"text": "nobody stopped me"}


class Client:
    """One `POST /api/ask` made straight to the ASGI app; `leave()` closes its connection."""

    def __init__(self, app: Any, question: str, spec_version: str) -> None:
        body = json.dumps({"question": question}).encode()
        self.scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": spec_version},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/api/ask",
            "raw_path": b"/api/ask",
            "query_string": b"",
            "root_path": "",
            "headers": [
                (b"host", b"127.0.0.1:8000"),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }
        self.body = body
        self.gone = asyncio.Event()
        self.sent: list[bytes] = []
        self._body_read = False
        self.task = asyncio.create_task(app(self.scope, self.receive, self.send))

    async def receive(self) -> dict[str, Any]:
        if not self._body_read:
            self._body_read = True
            return {"type": "http.request", "body": self.body, "more_body": False}
        await self.gone.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: dict[str, Any]) -> None:
        if self.gone.is_set():
            raise OSError("the client closed the connection")
        if message["type"] == "http.response.body":
            self.sent.append(message.get("body", b""))

    def leave(self) -> None:
        self.gone.set()

    async def ended_within(self, seconds: float) -> bool:
        """Whether the app has finished with this request within `seconds`."""
        try:
            await asyncio.wait_for(asyncio.shield(self.task), seconds)
        except TimeoutError:
            return False
        except Exception:  # a disconnect the server would swallow
            pass
        return True


async def until(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


@pytest.mark.parametrize("spec_version", ["2.3", "2.4"])
def test_a_client_that_leaves_while_queued_is_noticed_before_its_answer_starts(
    tmp_path: Path, spec_version: str
) -> None:
    service = HeldService()
    app = create_app(Settings(chroma_dir=tmp_path / "chroma"), service=service)  # type: ignore[arg-type]

    async def scenario() -> None:
        answering = [Client(app, f"question {n}", spec_version) for n in range(ANSWERS_AT_ONCE)]
        try:
            assert await until(lambda: len(service.started) == ANSWERS_AT_ONCE, 10), service.started
            queued = Client(app, "the queued one", spec_version)
            await asyncio.sleep(0.3)
            assert not queued.task.done()  # waiting its turn
            queued.leave()
            assert await queued.ended_within(2), "a queued client that left was not noticed"
            assert "the queued one" not in service.started

            answering[0].leave()  # its answer is stopped, and only then is its slot given back
            assert await answering[0].ended_within(2)
            assert await until(lambda: "question 0" in service.stopped, 2), service.stopped
            latecomer = Client(app, "the latecomer", spec_version)
            assert await until(lambda: "the latecomer" in service.started, 2), service.started
            answering.append(latecomer)
            assert "the queued one" not in service.started  # it never got a slot
        finally:
            for client in answering:
                client.leave()
            for client in answering:
                await client.ended_within(5)
        assert await until(lambda: len(service.stopped) == ANSWERS_AT_ONCE + 1, 2), service.stopped

    asyncio.run(scenario())
    assert sorted(service.started) == sorted(service.stopped)  # every answer begun was stopped, none ran on


@pytest.mark.parametrize("spec_version", ["2.3", "2.4"])
def test_a_client_that_leaves_mid_answer_stops_it(tmp_path: Path, spec_version: str) -> None:
    service = HeldService()
    app = create_app(Settings(chroma_dir=tmp_path / "chroma"), service=service)  # type: ignore[arg-type]

    async def scenario() -> Client:
        client = Client(app, "what did I say about tea?", spec_version)
        assert await until(lambda: any(b"event: question" in part for part in client.sent), 10)
        client.leave()
        assert await client.ended_within(2)
        assert await until(lambda: service.stopped == ["what did I say about tea?"], 2), service.stopped
        return client

    client = asyncio.run(scenario())
    assert not any(b"nobody stopped me" in part for part in client.sent)
