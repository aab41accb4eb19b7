"""Embeddings for indexing and querying: one `OllamaEmbeddings` per host behind a batching, retrying pool.

`PooledEmbeddings` is a LangChain `Embeddings` that applies the model's document and query prefixes from
`embedding_models`, splits texts into batches of `EMBED_BATCH_SIZE`, keeps `EMBED_CONCURRENCY` requests in
flight on every host (a slot a host frees is taken by the next batch, so a faster host takes more of the
work), retries connection errors, timeouts and 5xx answers with exponential backoff, and raises
`EmbeddingError` naming the documents it could not embed (for a question: `OllamaUnavailableError`,
`ModelNotFoundError` or `EmbeddingError`, one line each). `embed_batches` streams results batch by batch for
the indexing pipeline.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

import httpx
from langchain_core.embeddings import Embeddings
from langchain_ollama import OllamaEmbeddings

from rag.embedding_models import document_text_for_embedding, query_text_for_embedding
from rag.errors import EmbeddingError, ModelNotFoundError, OllamaUnavailableError
from rag.ollama import embed_setting
from rag.settings import Settings, fix_hint

logger = logging.getLogger(__name__)

MAX_IDS_IN_MESSAGE = 20


def is_retryable(error: BaseException) -> bool:
    """Whether a failed embedding request may succeed when tried again (network, timeout, 5xx, 429)."""
    status = getattr(error, "status_code", None)
    if isinstance(status, int) and status >= 0:
        return status >= 500 or status == 429
    return isinstance(error, ConnectionError | TimeoutError | httpx.TransportError | OSError)


def describe_ids(ids: Sequence[str]) -> str:
    """The ids for a one-line message: all of them, or the first few and how many more."""
    shown = ", ".join(ids[:MAX_IDS_IN_MESSAGE])
    if len(ids) > MAX_IDS_IN_MESSAGE:
        shown += f" and {len(ids) - MAX_IDS_IN_MESSAGE} more"
    return shown


@dataclass
class BatchResult:
    """The outcome of one batch: its caller-given key, and vectors or the error that ended its retries."""

    key: Any
    texts: list[str]
    vectors: list[list[float]] | None
    error: BaseException | None = None
    host: str = ""


class PooledEmbeddings(Embeddings):
    """Batches, spreads over hosts, retries; a LangChain `Embeddings` usable by `langchain_chroma.Chroma`."""

    def __init__(
        self,
        clients: Sequence[Embeddings],
        model: str,
        *,
        hosts: Sequence[str] | None = None,
        batch_size: int = 64,
        concurrency: int = 2,
        max_retries: int = 4,
        backoff_base: float = 0.5,
        backoff_max: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
        setting: str = "OLLAMA_BASE_URL",
    ) -> None:
        if not clients:
            raise ValueError("PooledEmbeddings needs at least one client")
        self.clients = list(clients)
        self.model = model
        self.hosts = list(hosts) if hosts else [f"client{i}" for i in range(len(clients))]
        self.batch_size = max(1, batch_size)
        self.concurrency = max(1, concurrency)
        self.max_retries = max(0, max_retries)
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self._sleep = sleep
        self.setting = setting
        self._slots: queue.Queue[int] = queue.Queue()
        for _ in range(self.concurrency):
            for index in range(len(self.clients)):
                self._slots.put(index)
        self._stats_lock = threading.Lock()
        self.requests_per_host: dict[str, int] = dict.fromkeys(self.hosts, 0)

    @property
    def slots(self) -> int:
        """Requests that may be in flight at once, over all hosts."""
        return self.concurrency * len(self.clients)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed documents (with the model's document prefix), in batches over every host."""
        prefixed = [document_text_for_embedding(self.model, text) for text in texts]
        batches = [
            (start, prefixed[start : start + self.batch_size])
            for start in range(0, len(prefixed), self.batch_size)
        ]
        vectors: list[list[float]] = [[] for _ in texts]
        failed: list[str] = []
        last_error: BaseException | None = None
        for result in self.embed_batches(batches, prefixed=True):
            if result.vectors is None:
                failed.extend(str(result.key + offset) for offset in range(len(result.texts)))
                last_error = result.error
                continue
            for offset, vector in enumerate(result.vectors):
                vectors[result.key + offset] = vector
        if failed:
            raise EmbeddingError(
                f"could not embed {len(failed)} of {len(texts)} texts (positions {describe_ids(failed)}) "
                f"after {self.max_retries} retries: {last_error}; check the Ollama server log"
            )
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed a query (with the model's query prefix); a failure after the retries is a one-line error."""
        try:
            return self._embed_with_retries([query_text_for_embedding(self.model, text)])[0][0]
        except EmbeddingError:
            raise
        except Exception as error:
            raise self._query_error(error) from error

    def _query_error(
        self, error: BaseException
    ) -> EmbeddingError | OllamaUnavailableError | ModelNotFoundError:
        """The one-line error for a question that could not be embedded."""
        hosts = ", ".join(self.hosts)
        status = getattr(error, "status_code", None)
        detail = " ".join(str(getattr(error, "error", "") or error).split()) or type(error).__name__
        if status == 404:
            return ModelNotFoundError(
                f"embedding model {self.model!r} is not on the Ollama server at {hosts}: run "
                f"`ollama pull {self.model}` (EMBED_MODEL must name the model the index was built with)"
            )
        if isinstance(error, ConnectionError | TimeoutError | httpx.TransportError):
            return OllamaUnavailableError(
                f"no Ollama server answered at {hosts} ({self.setting}) to embed the question "
                f"({type(error).__name__}: {detail}): start it with `ollama serve`, "
                f"{fix_hint(self.setting)}, or raise REQUEST_TIMEOUT"
            )
        return EmbeddingError(
            f"could not embed the question with {self.model!r} on {hosts} after {self.max_retries} retries "
            f"({detail}); check the Ollama server log"
        )

    def embed_batches(
        self, batches: Iterable[tuple[Any, list[str]]], *, prefixed: bool = False, window: int | None = None
    ) -> Iterator[BatchResult]:
        """Embed `(key, texts)` batches concurrently, yielding each result as it completes (any order).

        At most `window` batches (default twice the slots) are pending, so a lazy `batches` is read only as
        fast as the hosts embed. A batch that still fails after its retries is yielded with `error` set.
        """
        limit = window or 2 * self.slots
        pending: set[Future[BatchResult]] = set()
        executor = ThreadPoolExecutor(max_workers=self.slots, thread_name_prefix="embed")
        try:
            for key, texts in batches:
                if not prefixed:
                    texts = [document_text_for_embedding(self.model, text) for text in texts]
                pending.add(executor.submit(self._run_batch, key, texts))
                while len(pending) >= limit:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        finally:
            for future in pending:
                future.cancel()
            executor.shutdown(wait=False, cancel_futures=True)

    def _run_batch(self, key: Any, texts: list[str]) -> BatchResult:
        try:
            vectors, host = self._embed_with_retries(texts)
        except Exception as error:  # reported per batch; the pipeline goes on with the others
            return BatchResult(key, texts, None, error)
        return BatchResult(key, texts, vectors, None, host)

    def _embed_with_retries(self, texts: list[str]) -> tuple[list[list[float]], str]:
        attempt = 0
        while True:
            index = self._slots.get()
            host = self.hosts[index]
            try:
                with self._stats_lock:
                    self.requests_per_host[host] += 1
                vectors = self.clients[index].embed_documents(texts)
            except Exception as error:
                if not is_retryable(error) or attempt >= self.max_retries:
                    logger.warning("embedding %d texts on %s failed for good: %s", len(texts), host, error)
                    raise
                delay = min(self.backoff_max, self.backoff_base * 2**attempt)
                attempt += 1
                logger.info("embedding on %s failed (%s); retry %d in %.1fs", host, error, attempt, delay)
            else:
                if len(vectors) != len(texts):
                    raise EmbeddingError(f"{host} returned {len(vectors)} vectors for {len(texts)} texts")
                return vectors, host
            finally:
                self._slots.put(index)
            self._sleep(delay)


def make_embeddings(
    hosts: Sequence[str],
    model: str,
    *,
    batch_size: int = 64,
    concurrency: int = 2,
    timeout: float = 120.0,
    max_retries: int = 4,
    backoff_base: float = 0.5,
    setting: str = "OLLAMA_BASE_URL",
) -> PooledEmbeddings:
    """A pool of one `OllamaEmbeddings` per host (each with its own HTTP client and request timeout).

    `setting` names the variable the hosts come from, for error messages.
    """
    clients = [
        OllamaEmbeddings(model=model, base_url=host, client_kwargs={"timeout": timeout}) for host in hosts
    ]
    return PooledEmbeddings(
        clients,
        model,
        hosts=hosts,
        batch_size=batch_size,
        concurrency=concurrency,
        max_retries=max_retries,
        backoff_base=backoff_base,
        setting=setting,
    )


def build_embeddings(settings: Settings) -> PooledEmbeddings:
    """The embeddings the settings describe: `EMBED_MODEL` on every embedding host."""
    return make_embeddings(
        settings.embed_urls,
        settings.embed_model,
        batch_size=settings.embed_batch_size,
        concurrency=settings.embed_concurrency,
        timeout=settings.request_timeout,
        max_retries=settings.max_retries,
        setting=embed_setting(settings),
    )
