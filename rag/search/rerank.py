"""Rerankers: score the retriever's candidates against the question, between fusion and selection.

The retriever's seam is candidates → rerank → abstain and select: a `Reranker` gets the search text and the
first `RERANK_TOP` fused candidates and returns one score per candidate (higher is more relevant); the
retriever reorders those candidates by it (the rest keep their fused order behind them) and hands the best
score to abstention. `RERANK=none` (the default) skips the stage. `RERANK=llm` asks the chat model through
Ollama's `/api/chat`, listwise: one request with the numbered candidates, answered with the numbers of those
that answer the question, best first (those named score 1 down to 0.5 by position, the others 0). No
cross-encoder is offered: no registry package here ships cross-encoder weights (see the README).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Protocol

import httpx
from langchain_core.documents import Document

from rag.errors import ConfigError, OllamaUnavailableError
from rag.settings import RERANKERS, Settings

logger = logging.getLogger(__name__)

# Characters of each candidate's text shown to the chat model.
TEXT_LIMIT = 280
LLM_PROMPT = (
    "You rank tweets for a question about someone's own tweet archive.\n"
    "Question: {question}\n\nTweets:\n{tweets}\n\n"
    "Reply with the numbers of the tweets that help answer the question, most helpful first, separated by "
    "commas (for example: 3, 1). Reply 0 if none helps. Reply with numbers only."
)


class Reranker(Protocol):
    """Scores candidates for a question; one float per document, higher is more relevant."""

    name: str

    def score(self, question: str, documents: Sequence[Document]) -> list[float]:
        """One relevance score per document, in the documents' order."""
        ...


def parse_ranking(answer: str, count: int) -> list[int]:
    """The 0-based candidate positions an answer like "3, 1" names, in order, valid and without repeats."""
    seen: dict[int, None] = {}
    for number in re.findall(r"\d+", answer):
        position = int(number) - 1
        if 0 <= position < count:
            seen.setdefault(position, None)
    return list(seen)


def listwise_scores(order: Sequence[int], count: int) -> list[float]:
    """Scores from a listwise answer: named candidates 1.0 down to 0.5 by position, the others 0.0."""
    scores = [0.0] * count
    for rank, position in enumerate(order):
        scores[position] = 1.0 - 0.5 * rank / max(len(order), 1)
    return scores


class LLMReranker:
    """Listwise reranking by the chat model: one `/api/chat` request per question (temperature 0)."""

    name = "llm"

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        timeout: float = 120.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._client = httpx.Client(timeout=timeout, transport=transport)

    def prompt(self, question: str, documents: Sequence[Document]) -> str:
        """The one user message sent for a question and its candidates."""
        lines = []
        for number, document in enumerate(documents, start=1):
            text = " ".join(document.page_content.split())[:TEXT_LIMIT]
            lines.append(f"{number}. {text}")
        return LLM_PROMPT.format(question=question, tweets="\n".join(lines))

    def score(self, question: str, documents: Sequence[Document]) -> list[float]:
        """Ask the chat model which candidates answer the question; 0 for all when it names none."""
        if not documents:
            return []
        body = {
            "model": self.model,
            "messages": [{"role": "user", "content": self.prompt(question, documents)}],
            "stream": False,
            "options": {"temperature": 0, "num_predict": 48},
        }
        try:
            response = self._client.post(f"{self.base_url}/api/chat", json=body)
            response.raise_for_status()
            answer = str(response.json().get("message", {}).get("content", ""))
        except (httpx.HTTPError, ValueError) as error:
            raise OllamaUnavailableError(
                f"the reranker's chat model {self.model!r} at {self.base_url} failed "
                f"({type(error).__name__}): start Ollama or set RERANK=none"
            ) from None
        order = parse_ranking(answer, len(documents))
        logger.debug("llm rerank answer %r -> %s", answer, order)
        return listwise_scores(order, len(documents))


RerankerFactory = Callable[[Settings], Reranker]


def build_reranker(settings: Settings, name: str | None = None) -> Reranker | None:
    """The reranker `RERANK` names (`name` wins), or None for `none`."""
    chosen = name or settings.rerank
    if chosen == "none":
        return None
    if chosen == "llm":
        return LLMReranker(settings.chat_url, settings.chat_model, timeout=settings.request_timeout)
    raise ConfigError(f"RERANK={chosen!r} is not one of {', '.join(RERANKERS)}")
