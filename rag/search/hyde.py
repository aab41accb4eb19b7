"""Query expansion before dense search: HyDE, hypothetical document embeddings (`QUERY_EXPANSION=hyde`).

The chat model writes a short tweet that would answer the question (`HYDE_PROMPT`, temperature 0, at most
`HYDE_TOKENS` tokens), and dense search uses a vector built from it instead of the question's own
(`HYDE_VECTOR`): `mean` averages the question's and the hypothetical tweet's unit vectors, `post` uses the
tweet's alone, `joined` embeds the question and the tweet as one text. The hypothetical tweet is embedded
as a document (with the embedding model's document prefix), the question as a query. Only the dense side
changes: BM25 and the date filter still come from the question (`rag.search.retrieval`). A paraphrase
("the image conversion library") may come back with the name the tweets use ("ImageMagick"); a wrong guess
moves the vector away from the answer, and every question costs one chat request (seconds on a CPU), so
it is off by default (`QUERY_EXPANSION=none`; see the README for what it measured).

`HydeExpander` takes any LangChain chat model (tests pass a fake) and an optional cache of the posts
written, keyed by question (the evaluation keeps one on disk).
"""

from __future__ import annotations

import logging
import time
from collections.abc import MutableMapping, Sequence
from typing import Any, Protocol

import httpx
import numpy as np
import ollama
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage

from rag.errors import ConfigError, OllamaUnavailableError
from rag.settings import EXPANSIONS, HYDE_VECTORS, HydeVector, Settings

logger = logging.getLogger(__name__)

HYDE_TOKENS = 48
HYDE_PROMPT = (
    "Write one short tweet, at most two sentences, that the author of a Twitter archive could have posted "
    "and that answers the question below. Name the specific software, people, places or things involved. "
    "Reply with the tweet only.\n\nQuestion: {question}"
)


class QueryExpander(Protocol):
    """Turns a question into the vector dense search uses."""

    name: str

    def dense_vector(self, question: str, query: str, embeddings: Embeddings) -> list[float]:
        """The vector to search with, for `question` whose searched text (dates taken out) is `query`."""
        ...


def _unit(vector: Sequence[float]) -> np.ndarray:
    values = np.asarray(vector, dtype=np.float64)
    norm = float(np.linalg.norm(values))
    return values / norm if norm > 0 else values


class HydeExpander:
    """Dense search with the vector of a hypothetical tweet the chat model writes for the question."""

    name = "hyde"

    def __init__(
        self,
        llm: BaseChatModel,
        *,
        vector: HydeVector = "mean",
        prompt: str = HYDE_PROMPT,
        cache: MutableMapping[str, str] | None = None,
    ) -> None:
        if vector not in HYDE_VECTORS:
            raise ConfigError(f"HYDE_VECTOR={vector!r} is not one of {', '.join(HYDE_VECTORS)}")
        if "{question}" not in prompt:
            raise ConfigError("the HyDE prompt needs a {question} placeholder")
        self.llm = llm
        self.vector = vector
        self.prompt = prompt
        self.cache: MutableMapping[str, str] = cache if cache is not None else {}
        self.generation_seconds: dict[str, float] = {}

    def hypothetical_post(self, question: str) -> str:
        """The tweet the chat model writes for `question` (once per question with the cache), one line."""
        cached = self.cache.get(question)
        if cached is not None:
            return cached
        started = time.perf_counter()
        try:
            message = self.llm.invoke([HumanMessage(self.prompt.format(question=question))])
        except (httpx.HTTPError, ollama.ResponseError, ConnectionError) as error:
            raise _unavailable(error, self.llm) from None
        seconds = time.perf_counter() - started
        content: Any = message.content
        text = content if isinstance(content, str) else " ".join(str(part) for part in content)
        post = " ".join(text.split()).strip().strip('"').strip()
        self.cache[question] = post
        self.generation_seconds[question] = seconds
        logger.debug("hyde post for %r (%.2f s): %r", question, seconds, post)
        return post

    def dense_vector(self, question: str, query: str, embeddings: Embeddings) -> list[float]:
        """The question's vector moved to (or replaced by) the hypothetical tweet's, per `vector`.

        An empty post leaves the question's own vector.
        """
        post = self.hypothetical_post(question)
        if not post:
            return list(embeddings.embed_query(query))
        if self.vector == "joined":
            return list(embeddings.embed_query(f"{query}\n{post}"))
        post_vector = _unit(embeddings.embed_documents([post])[0])
        if self.vector == "post":
            return [float(x) for x in post_vector]
        mean = (_unit(embeddings.embed_query(query)) + post_vector) / 2
        return [float(x) for x in _unit(mean)]


def _unavailable(error: BaseException, llm: BaseChatModel) -> BaseException:
    model = str(getattr(llm, "model", "") or type(llm).__name__)
    base_url = str(getattr(llm, "base_url", "") or "")
    return OllamaUnavailableError(
        f"query expansion's chat model {model!r}{' at ' + base_url if base_url else ''} failed "
        f"({type(error).__name__}: {' '.join(str(error).split())[:200]}): start Ollama or set "
        "QUERY_EXPANSION=none"
    )


def hyde_chat_model(settings: Settings, *, num_predict: int = HYDE_TOKENS) -> BaseChatModel:
    """ChatOllama for `CHAT_MODEL` on the first Ollama host: temperature 0, at most `num_predict` tokens."""
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=settings.chat_model,
        base_url=settings.chat_url,
        temperature=0,
        num_predict=num_predict,
        keep_alive=settings.chat_keep_alive,
        reasoning=False,
        client_kwargs={"timeout": settings.request_timeout},
    )


def build_query_expander(
    settings: Settings,
    name: str | None = None,
    *,
    llm: BaseChatModel | None = None,
    cache: MutableMapping[str, str] | None = None,
) -> HydeExpander | None:
    """The expander `QUERY_EXPANSION` names (`name` wins), or None for `none`; `llm` replaces ChatOllama."""
    chosen = name or settings.query_expansion
    if chosen == "none":
        return None
    if chosen == "hyde":
        return HydeExpander(llm or hyde_chat_model(settings), vector=settings.hyde_vector, cache=cache)
    raise ConfigError(f"QUERY_EXPANSION={chosen!r} is not one of {', '.join(EXPANSIONS)}")
