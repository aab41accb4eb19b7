"""Rerankers: score the retriever's candidates against the question, between fusion and selection.

The retriever's seam is candidates → rerank → abstain and select: a `Reranker` gets the search text and the
first `RERANK_TOP` fused candidates and returns one score per candidate (higher is more relevant); the
retriever reorders those candidates by it (the rest keep their fused order behind them) and hands the best
score to abstention. `RERANK=none` (the default) skips the stage. `RERANK=llm` asks the chat model through
Ollama's `/api/chat`, pointwise: one short request per candidate ("does the tweet help answer the
question? yes or no", two tokens at temperature 0), scoring 1 for yes and 0 for no, so the candidates it
accepts move up in their fused order. A listwise prompt (all candidates numbered, "answer with the numbers
best first") was tried first: Qwen2.5-Coder-1.5B answered "0" or put the obvious tweet last. No
cross-encoder is offered: no registry package here ships cross-encoder weights (see the README).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

import httpx
from langchain_core.documents import Document

from rag.errors import ConfigError, OllamaUnavailableError
from rag.settings import RERANKERS, Settings

logger = logging.getLogger(__name__)

# Characters of each candidate's text shown to the chat model.
TEXT_LIMIT = 280
POINTWISE_PROMPT = (
    "Question: {question}\nTweet: {tweet}\nDoes the tweet help answer the question? Answer yes or no."
)


class Reranker(Protocol):
    """Scores candidates for a question; one float per document, higher is more relevant."""

    name: str

    def score(self, question: str, documents: Sequence[Document]) -> list[float]:
        """One relevance score per document, in the documents' order."""
        ...


class LLMReranker:
    """Pointwise reranking by the chat model: one `/api/chat` request per candidate (temperature 0)."""

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

    def prompt(self, question: str, document: Document) -> str:
        """The one user message sent for a question and one candidate."""
        text = " ".join(document.page_content.split())[:TEXT_LIMIT]
        return POINTWISE_PROMPT.format(question=question, tweet=text)

    def _ask(self, content: str) -> str:
        body = {
            "model": self.model,
            "messages": [{"role": "user", "content": content}],
            "stream": False,
            "options": {"temperature": 0, "num_predict": 2},
        }
        try:
            response = self._client.post(f"{self.base_url}/api/chat", json=body)
            response.raise_for_status()
            return str(response.json().get("message", {}).get("content", ""))
        except (httpx.HTTPError, ValueError) as error:
            raise OllamaUnavailableError(
                f"the reranker's chat model {self.model!r} at {self.base_url} failed "
                f"({type(error).__name__}): start Ollama or set RERANK=none"
            ) from None

    def score(self, question: str, documents: Sequence[Document]) -> list[float]:
        """1.0 for each candidate the chat model says helps answer the question, else 0.0."""
        scores = []
        for document in documents:
            answer = self._ask(self.prompt(question, document))
            scores.append(1.0 if answer.strip().lower().startswith("yes") else 0.0)
            logger.debug("llm rerank %s: %r", document.id, answer)
        return scores


RerankerFactory = Callable[[Settings], Reranker]


def build_reranker(settings: Settings, name: str | None = None) -> Reranker | None:
    """The reranker `RERANK` names (`name` wins), or None for `none`."""
    chosen = name or settings.rerank
    if chosen == "none":
        return None
    if chosen == "llm":
        return LLMReranker(settings.chat_url, settings.chat_model, timeout=settings.request_timeout)
    raise ConfigError(f"RERANK={chosen!r} is not one of {', '.join(RERANKERS)}")
