"""The HTTP side of `tweet-rag serve`: a Starlette app with the page, its static files and the JSON API.

Routes (documented in the README, "The web page"):
- `GET /` the page; `GET /static/...` its script and stylesheet (no build step, nothing from outside);
- `POST /api/ask` a question in, the chain's stream out as server-sent events (default) or NDJSON
  (`Accept: application/x-ndjson` or `?format=ndjson`): `question`, `answer` pieces, `sources`, or `error`;
- `GET /api/status` the index (account, counts, dates, models, build time, warnings), the indexing job,
  the prompts;
- `GET /api/timeline?question=...` tweets about a question per month or year;
- `GET /api/index` the indexing job; `POST /api/index` (`{"path", "recreate"?}`) and
  `POST /api/index/upload?filename=...` (the zip as the body) start one.
Blocking work (the chain, Chroma, BM25) runs in worker threads, so the page keeps answering while a
question streams or an archive is indexed; at most `ANSWERS_AT_ONCE` questions are answered at once. A
client that leaves (the page's Stop button aborts its request) is noticed within `POLL_SECONDS`, queued or
answering: a queued question is dropped, an answering one is stopped and its request to Ollama cut
(`tweet_rag.web.stopping`), and its slot comes back once its thread has ended.
Bad requests get HTTP 400 with `{"error": "one line"}`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from rag.errors import TweetRagError
from rag.settings import Settings
from tweet_rag.web.indexing import BadUpload, Busy, IndexingJob
from tweet_rag.web.security import Guard, allowed_hosts
from tweet_rag.web.service import BadRequest, WebService, kind_mode, parse_ask
from tweet_rag.web.stopping import StopSignal

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
NDJSON = "application/x-ndjson"
# Questions answered at once; the others wait their turn in order. The chain is CPU work between the model's
# pieces, and twenty chains at once on a small machine leave the thread that serves the page waiting for the
# interpreter lock (a page load then takes up to a second); four keep it under 200 ms and answer as fast.
ANSWERS_AT_ONCE = 4
POLL_SECONDS = 0.25  # how often a waiting answer looks whether the server is stopping
STOPPING = "the server is stopping: ask again once it is back"
SSE = "text/event-stream"


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _ndjson(event: str, data: dict[str, Any]) -> str:
    return json.dumps({"event": event, **data}, ensure_ascii=False) + "\n"


async def _json_body(request: Request) -> Any:
    if "json" not in request.headers.get("content-type", ""):
        raise BadRequest("send the body as JSON with Content-Type: application/json")
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("the body is not valid JSON") from None


async def _take(slots: asyncio.Semaphore, stopping: threading.Event, request: Request) -> bool:
    """Wait, in turn, for a free answer slot; False (holding none) when the server stops or the client leaves.

    The client is looked at every `POLL_SECONDS` (`request.is_disconnected()`), so one that leaves while
    queued gives up its place at once, whichever ASGI server runs the app.
    """
    acquire = asyncio.ensure_future(slots.acquire())
    try:
        while True:
            done, _ = await asyncio.wait({acquire}, timeout=POLL_SECONDS)
            if done:
                return True
            if stopping.is_set():
                break
            if await request.is_disconnected():
                logger.info("a client left while its question waited for an answer slot")
                break
    except BaseException:  # the response was cancelled (the client went away) while waiting
        _forgo(acquire, slots)
        raise
    _forgo(acquire, slots)
    return False


def _forgo(acquire: asyncio.Future[Any], slots: asyncio.Semaphore) -> None:
    """Cancel a pending acquire, or release the slot it already got."""
    if acquire.done() and not acquire.cancelled():
        slots.release()
    else:
        acquire.cancel()


class _Answer:
    """The events of one question, computed by a thread of its own (started at once) for the event loop.

    `finished` is called in the event loop when that thread has ended, so the answer slot comes back only
    once the answer has really stopped. Leaving `items` early (the client went away, the server is
    stopping) sets `signal`, which cuts the chat model's connection to Ollama (`tweet_rag.web.stopping`).
    """

    def __init__(
        self,
        events: Iterator[tuple[str, dict[str, Any]]],
        signal: StopSignal,
        finished: Callable[[], None],
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[tuple[str, dict[str, Any]] | None] = asyncio.Queue()
        self._signal = signal
        self._finished = finished
        self.client_left = False
        threading.Thread(target=self._produce, args=(events,), name="tweet-rag-answer", daemon=True).start()

    def _call(self, function: Callable[..., None], *args: Any) -> None:
        try:
            self._loop.call_soon_threadsafe(function, *args)
        except RuntimeError:  # the event loop has closed: the server is gone
            self._signal.set()

    def _produce(self, events: Iterator[tuple[str, dict[str, Any]]]) -> None:
        try:
            for item in events:
                if self._signal.is_set():
                    break
                self._call(self._queue.put_nowait, item)
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()
            self._call(self._queue.put_nowait, None)
            self._call(self._finished)

    async def items(
        self, request: Request, stopping: threading.Event
    ) -> AsyncIterator[tuple[str, dict[str, Any]]]:
        """The events to the last; an `error` event when the server stops; none once the client left."""
        try:
            while True:
                try:
                    item = await asyncio.wait_for(self._queue.get(), POLL_SECONDS)
                except TimeoutError:
                    if stopping.is_set():
                        yield "error", {"message": STOPPING}
                        return
                    if await request.is_disconnected():
                        self.client_left = True
                        logger.info("a client left while its answer was written: stopping it")
                        return
                    continue
                if item is None:
                    return
                yield item
                if stopping.is_set():
                    yield "error", {"message": STOPPING}
                    return
        finally:
            self._signal.set()


class _UntilGone(StreamingResponse):
    """A streaming response that calls `on_end` however it ends: finished, failed or cancelled.

    (Cancelled while a piece is being sent, because the client went away, its generator stays suspended.)
    """

    def __init__(self, content: AsyncIterator[str], on_end: Callable[[], None], **options: Any) -> None:
        super().__init__(content, **options)
        self._on_end = on_end

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._on_end()


def _default_run(settings: Settings) -> Callable[..., Any]:
    def run(archive: Path, **options: Any) -> Any:
        from rag import build_index

        return build_index(archive, settings, **options)

    return run


def create_app(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    extra_hosts: Iterable[str] = (),
    service: WebService | None = None,
    run_index: Callable[..., Any] | None = None,
    host_warning: str | None = None,
    stopping: threading.Event | None = None,
) -> Starlette:
    """The app over the index `settings` name; `host` is the address it is bound to (for the Host check).

    Set `stopping` when the server is asked to stop: answers still streaming end at once with an `error`
    event saying so, so that the server stops in moments and without a trace.
    """
    service = service or WebService(settings)
    uploads = None if settings.chroma_host else settings.chroma_dir.parent / "uploads"
    job = IndexingJob(run_index or _default_run(settings), service.invalidate, uploads)
    page = (STATIC_DIR / "index.html").read_bytes()
    answer_slots = asyncio.Semaphore(ANSWERS_AT_ONCE)
    stopping = stopping or threading.Event()

    async def index_page(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8", headers={"cache-control": "no-cache"})

    async def status(request: Request) -> Response:
        index = await run_in_threadpool(service.status)
        return JSONResponse(
            {
                "index": index,
                "indexing": job.snapshot(),
                "prompts": service.prompts,
                "default_prompt": settings.prompt,
                "host_warning": host_warning,
            }
        )

    async def ask(request: Request) -> Response:
        try:
            ask_request = parse_ask(await _json_body(request), service.prompts)
        except BadRequest as error:
            return _error(400, str(error))
        wants_ndjson = request.query_params.get("format") == "ndjson" or NDJSON in request.headers.get(
            "accept", ""
        )
        encode = _ndjson if wants_ndjson else _sse

        signal = StopSignal()

        async def stream() -> AsyncIterator[str]:
            if not await _take(answer_slots, stopping, request):  # waiting here holds no thread
                if stopping.is_set():
                    yield encode("error", {"message": STOPPING})
                return
            answer = _Answer(service.ask_events(ask_request, signal), signal, answer_slots.release)
            async for event, data in answer.items(request, stopping):
                yield encode(event, data)
            if not answer.client_left:
                yield encode("done", {})

        headers = {"x-accel-buffering": "no", "cache-control": "no-store"}
        media_type = NDJSON if wants_ndjson else SSE
        return _UntilGone(stream(), signal.set, media_type=media_type, headers=headers)

    async def timeline(request: Request) -> Response:
        params = request.query_params
        question = (params.get("question") or "").strip()
        if not question:
            return _error(400, "give the question: /api/timeline?question=...")
        try:
            result = await run_in_threadpool(
                service.timeline,
                question,
                kind_mode(params.get("retweets"), "retweets"),
                kind_mode(params.get("replies"), "replies"),
                params.get("granularity") or "auto",
            )
        except BadRequest as error:
            return _error(400, str(error))
        except TweetRagError as error:
            return _error(503, str(error))
        return JSONResponse(result)

    async def indexing(request: Request) -> Response:
        return JSONResponse(job.snapshot())

    async def index_path(request: Request) -> Response:
        try:
            body = await _json_body(request)
            if (
                not isinstance(body, dict)
                or not isinstance(body.get("path"), str)
                or not body["path"].strip()
            ):
                raise BadRequest('send {"path": "/path/to/archive.zip or folder", "recreate": false}')
            recreate = body.get("recreate", False)
            if not isinstance(recreate, bool):
                raise BadRequest('"recreate" must be true or false')
        except BadRequest as error:
            return _error(400, str(error))
        archive = Path(body["path"].strip()).expanduser()
        if not archive.exists():
            return _error(400, f"{archive} does not exist: give the path of the archive zip or its folder")
        try:
            job.reserve(archive.name)
        except Busy as error:
            return _error(409, str(error))
        job.start(archive, recreate=recreate)
        return JSONResponse(job.snapshot(), status_code=202)

    async def upload(request: Request) -> Response:
        filename = Path(request.query_params.get("filename") or "archive.zip").name
        recreate = request.query_params.get("recreate", "false").lower() in {"1", "true", "yes"}
        length = request.headers.get("content-length")
        size = int(length) if length and length.isdigit() else None
        try:
            job.reserve(filename)
        except Busy as error:
            return _error(409, str(error))
        try:
            path = await job.receive_upload(request.stream(), filename, size)
        except BadUpload as error:
            job.release_failed(str(error))
            return _error(400, str(error))
        except BaseException:
            job.release_failed("the upload was interrupted")
            raise
        job.start(path, recreate=recreate, cleanup=path.parent)
        return JSONResponse(job.snapshot(), status_code=202)

    routes = [
        Route("/", index_page),
        Route("/api/status", status),
        Route("/api/ask", ask, methods=["POST"]),
        Route("/api/timeline", timeline),
        Route("/api/index", indexing, methods=["GET"]),
        Route("/api/index", index_path, methods=["POST"]),
        Route("/api/index/upload", upload, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    middleware = [Middleware(Guard, hosts=allowed_hosts(host, extra_hosts))]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.service = service
    app.state.job = job
    return app
