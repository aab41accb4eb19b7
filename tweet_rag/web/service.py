"""What the web server does, without HTTP: questions as streamed events, the timeline, the index status.

`WebService` keeps the index open through `rag.search.live.LiveIndex` (shared by every thread, opened
afresh when an indexing run, from the page or a terminal, has rewritten it), one chat model and the prompt
templates. Each question gets its own retriever (its filters) and chain from `chains.build_rag_chain`, whose
`.stream()` gives the questions, the answer pieces, then sources, context and abstained; those become the
events of `POST /api/ask`. Errors the user can fix (`TweetRagError`: Ollama down, model missing, no index)
become an `error` event with their one-line message; anything else is logged with its traceback and
reported as one line too, never as a trace.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from chains import answer_check_for, build_rag_chain
from chains.llm import build_chat_model
from chains.prompts import available_prompts, load_prompt
from rag.errors import ConfigError, FilterError, IndexStoreError, TweetRagError
from rag.filters import KIND_MODES, KindMode, check_date_flags
from rag.indexing.lexical import index_path
from rag.indexing.store import COMPLETE_KEY, find_collection
from rag.search.live import LiveIndex, OpenedIndex
from rag.search.retrieval import TweetRetriever, date_bound
from rag.search.timeline import GRANULARITIES, build_timeline
from rag.settings import Settings
from tweet_rag.web.cards import build_cards, tweet_json
from tweet_rag.web.stopping import CHAT_HTTP_OPTIONS, StopSignal, watching

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
MAX_HISTORY_TURNS = 50
TIMELINES_AT_ONCE = 2  # timeline searches are CPU work: more at once would only slow the page down
ROLES = {"human": "human", "user": "human", "ai": "ai", "assistant": "ai"}


class BadRequest(ValueError):
    """A request the server cannot take as it is; the message says what to send instead (HTTP 400)."""


@dataclass(frozen=True)
class AskRequest:
    """A checked `POST /api/ask` body."""

    question: str
    chat_history: list[tuple[str, str]] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    since_ts: int | None = None
    until_ts: int | None = None
    retweets: KindMode = "include"
    replies: KindMode = "include"
    prompt: str | None = None


def kind_mode(value: Any, name: str) -> KindMode:
    """`retweets` / `replies` as a filter mode: true/false or "include"/"exclude"/"only"."""
    if value is None or value is True:
        return "include"
    if value is False:
        return "exclude"
    if isinstance(value, str) and value in KIND_MODES:
        return value
    raise BadRequest(f'"{name}" must be true, false, "include", "exclude" or "only", not {value!r}')


def _date(value: Any, name: str, *, end: bool) -> tuple[str | None, int | None]:
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise BadRequest(f'"{name}" must be a date string: YYYY, YYYY-MM or YYYY-MM-DD')
    try:
        return value, date_bound(value, end=end, flag=name)
    except ConfigError as error:
        raise BadRequest(str(error)) from None


def _history(raw: Any) -> list[tuple[str, str]]:
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > 2 * MAX_HISTORY_TURNS:
        raise BadRequest(f'"chat_history" must be a list of at most {2 * MAX_HISTORY_TURNS} messages')
    history: list[tuple[str, str]] = []
    for item in raw:
        if isinstance(item, Mapping):
            role, text = item.get("role"), item.get("content")
        elif isinstance(item, list | tuple) and len(item) == 2:
            role, text = item
        else:
            role, text = None, None
        if role not in ROLES or not isinstance(text, str):
            raise BadRequest(
                '"chat_history" items must be ["human" or "ai", "text"] or {"role": ..., "content": ...}'
            )
        history.append((ROLES[str(role)], text))
    return history


def parse_ask(body: Any, prompts: Sequence[str]) -> AskRequest:
    """Check a `POST /api/ask` body; `BadRequest` says what is wrong."""
    if not isinstance(body, Mapping):
        raise BadRequest('the body must be a JSON object such as {"question": "what did I say about tea?"}')
    unknown = sorted(
        set(body) - {"question", "chat_history", "since", "until", "retweets", "replies", "prompt"}
    )
    if unknown:
        raise BadRequest(f"unknown field {unknown[0]!r}: send question, chat_history, since, until, "
                         "retweets, replies, prompt")  # fmt: skip
    question = body.get("question")
    if not isinstance(question, str) or not question.strip():
        raise BadRequest('"question" must be a non-empty string')
    if len(question) > MAX_QUESTION_CHARS:
        raise BadRequest(f'"question" is longer than {MAX_QUESTION_CHARS} characters: ask something shorter')
    since, since_ts = _date(body.get("since"), "since", end=False)
    until, until_ts = _date(body.get("until"), "until", end=True)
    try:
        check_date_flags(since_ts, until_ts, since, until, ('"since"', '"until"'))
    except FilterError as error:
        raise BadRequest(str(error)) from None
    prompt = body.get("prompt")
    if prompt is not None and (not isinstance(prompt, str) or prompt not in prompts):
        raise BadRequest(f'"prompt" must be one of {", ".join(prompts)} (files in prompts/)')
    return AskRequest(
        question=question.strip(),
        chat_history=_history(body.get("chat_history")),
        since=since,
        until=until,
        since_ts=since_ts,
        until_ts=until_ts,
        retweets=kind_mode(body.get("retweets"), "retweets"),
        replies=kind_mode(body.get("replies"), "replies"),
        prompt=prompt or None,
    )


class RecordingRetriever(BaseRetriever):
    """Passes searches to a `TweetRetriever` and keeps the documents found (to group thread cards)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    inner: TweetRetriever
    _found: list[Document] = PrivateAttr(default_factory=list)

    @property
    def found(self) -> list[Document]:
        """The documents of the last search, in rank order."""
        return list(self._found)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        self._found = self.inner.retrieve(query).documents
        return list(self._found)


class WebService:
    """The server's state: settings, the live index (reopened when rebuilt), the chat model, the prompts."""

    def __init__(self, settings: Settings, *, llm: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.live = LiveIndex(settings)
        self._llm = llm
        self._lock = threading.Lock()
        self._templates: dict[str, ChatPromptTemplate] = {}
        self._status: tuple[Any, dict[str, Any]] | None = None
        self._timeline_slots = threading.BoundedSemaphore(TIMELINES_AT_ONCE)
        self.prompts = available_prompts()

    # ---- the index ---------------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Open the index afresh on its next use (after an indexing from the page)."""
        self.live.close()
        with self._lock:
            self._status = None

    def _empty_collection(self) -> bool:
        """Whether the collection exists and holds nothing (an indexing that wrote nothing yet)."""
        from rag.indexing.store import index_exists, private_collection

        if self.settings.chroma_host or not index_exists(self.settings):
            return False
        try:
            with private_collection(self.settings) as collection:
                return collection is not None and collection.count() == 0
        except Exception:  # the status says "missing" with the error that opening gave
            return False

    @staticmethod
    def _filters(request: AskRequest) -> dict[str, Any]:
        return {
            "since_ts": request.since_ts,
            "until_ts": request.until_ts,
            "retweets": request.retweets,
            "replies": request.replies,
        }

    # ---- asking ------------------------------------------------------------------------------------
    @property
    def llm(self) -> BaseChatModel:
        """The chat model (built once)."""
        if self._llm is None:
            self._llm = build_chat_model(self.settings, http=CHAT_HTTP_OPTIONS)
        return self._llm

    def template(self, name: str | None) -> ChatPromptTemplate:
        """The answer prompt `name` (default: PROMPT from the settings), loaded once."""
        key = name or self.settings.prompt
        if key not in self._templates:
            self._templates[key] = load_prompt(key)
        return self._templates[key]

    def ask_events(
        self, request: AskRequest, stop: StopSignal | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """The events of one question: `question`, `answer` pieces, `sources`; or `error` when it fails.

        Setting `stop` (its client went away) cuts the chat model's request to Ollama; the events then end
        quietly, whatever the cut connection raised.
        """
        started = time.perf_counter()
        try:
            with watching(stop), self.live.retriever(**self._filters(request)) as retriever:
                yield from self._stream(request, retriever, started)
        except Exception as error:
            if stop is not None and stop.is_set():
                logger.info("question %r stopped (%s)", request.question, error.__class__.__name__)
                return
            if isinstance(error, TweetRagError):
                yield "error", {"message": str(error)}
                return
            logger.exception("question %r failed", request.question)
            yield "error", {"message": f"the answer failed ({error.__class__.__name__}: {error}); see the "
                                       "server's log"}  # fmt: skip

    def _stream(
        self, request: AskRequest, retriever: TweetRetriever, started: float
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """The chain's stream for one question, as events."""
        recorder = RecordingRetriever(inner=retriever)
        chain = build_rag_chain(
            recorder,
            self.llm,
            self.template(request.prompt),
            settings=self.settings,
            answer_check=answer_check_for(self.settings, self.llm),
        )
        inputs = {"question": request.question, "chat_history": list(request.chat_history)}
        for chunk in chain.stream(inputs):
            if "standalone_question" in chunk:
                questions = {"question": chunk.get("question", request.question)}
                yield "question", {**questions, "standalone_question": chunk["standalone_question"]}
            if "answer" in chunk:
                yield "answer", {"text": chunk["answer"]}
            if "sources" in chunk:
                context: list[Document] = list(chunk.get("context") or [])
                sources: list[Document] = list(chunk.get("sources") or [])
                cited = {str(document.metadata.get("tweet_id")) for document in sources}
                yield (
                    "sources",
                    {
                        "sources": [tweet_json(document, True) for document in sources],
                        "context": [tweet_json(d, str(d.metadata.get("tweet_id")) in cited) for d in context],
                        "abstained": bool(chunk.get("abstained", False)),
                        "cards": build_cards(context, sources, recorder.found),
                        "seconds": round(time.perf_counter() - started, 3),
                    },
                )

    # ---- timeline ----------------------------------------------------------------------------------
    def timeline(
        self,
        question: str,
        retweets: KindMode = "include",
        replies: KindMode = "include",
        granularity: str = "auto",
    ) -> dict[str, Any]:
        """Tweets about `question` per month or year across the whole index (see `rag.search.timeline`)."""
        if granularity not in GRANULARITIES:
            raise BadRequest(f'"granularity" must be one of {", ".join(GRANULARITIES)}')
        with self._timeline_slots, self.live.retriever(retweets=retweets, replies=replies) as retriever:
            return build_timeline(retriever, question, granularity).as_dict()

    # ---- status ------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """What the index holds (or why there is none) and which models answer; cached per index file."""
        settings = self.settings
        base: dict[str, Any] = {
            "embed_model": settings.embed_model,
            "chat_model": settings.chat_model,
            "location": str(settings.chroma_dir) if not settings.chroma_host else (
                f"{settings.chroma_host}:{settings.chroma_port}"
            ),
            "collection": settings.collection,
            "index_command": index_command(settings),
        }  # fmt: skip
        try:
            with self.live.opened() as opened:
                return {**base, **self._facts(opened)}
        except TweetRagError as error:
            state = "empty" if self._empty_collection() else "missing"
            extra = {"documents": 0, "tweets": 0} if state == "empty" else {}
            return {**base, **extra, "state": state, "warning": str(error)}

    def _facts(self, opened: OpenedIndex) -> dict[str, Any]:
        with self._lock:
            if self._status is not None and self._status[0] == opened.stamp:
                return self._status[1]
        facts = index_facts(opened, self.settings)
        with self._lock:
            self._status = (opened.stamp, facts)
        return facts


def index_command(settings: Settings, archive: str = "PATH/TO/twitter-archive.zip") -> str:
    """The command that (re)builds the index the settings name."""
    return f"tweet-rag index --archive {archive}"


def index_facts(opened: OpenedIndex, settings: Settings) -> dict[str, Any]:
    """Counts, dates, account and build time of an opened index, with a warning when partial or empty."""
    collection = find_collection(opened.client, settings.collection)
    if collection is None:  # removed since it was opened: the status then says the index is missing
        raise IndexStoreError(f"collection {settings.collection!r} is gone: {index_command(settings)}")
    documents = int(collection.count())
    facts: dict[str, Any] = {"state": "ready", "documents": documents, "tweets": 0, "warning": None}
    if documents == 0:
        return {**facts, "state": "empty", "warning": "the index is empty: index an archive that has tweets"}
    got = collection.get(include=["metadatas"])
    tweets = 0
    stamps: list[int] = []
    names: dict[str, int] = {}
    for metadata in got["metadatas"] or []:
        if not metadata:
            continue
        tweets += len([part for part in str(metadata.get("tweet_ids") or "x").split(",") if part.strip()])
        stamp = metadata.get("created_ts")
        if isinstance(stamp, int | float) and not isinstance(stamp, bool):
            stamps.append(int(stamp))
        name = str(metadata.get("screen_name") or "")
        if name:
            names[name] = names.get(name, 0) + 1
    facts["tweets"] = tweets
    if stamps:
        facts["first_date"] = datetime.fromtimestamp(min(stamps), UTC).date().isoformat()
        facts["last_date"] = datetime.fromtimestamp(max(stamps), UTC).date().isoformat()
    if names:
        facts["account"] = "@" + max(names, key=lambda name: names[name])
    try:
        built = index_path(settings.lexical_dir, settings.collection).stat().st_mtime
        facts["built_at"] = datetime.fromtimestamp(built, UTC).isoformat(timespec="seconds")
    except OSError:  # no keyword index: the status says the index is partial
        pass
    lexical = opened.lexical_index
    if (collection.metadata or {}).get(COMPLETE_KEY) is False:
        facts["state"] = "partial"
        facts["warning"] = (
            f"the index looks partial: its last indexing stopped before the end ({documents} documents so "
            "far), so answers may miss tweets; index the archive again to complete it"
        )
    elif lexical is None or len(lexical) != documents:
        facts["state"] = "partial"
        facts["warning"] = (
            f"the index looks partial ({documents} documents in Chroma, "
            f"{len(lexical) if lexical is not None else 'no'} in the keyword index): an indexing was "
            "interrupted; index the archive again to complete it"
        )
    return facts
