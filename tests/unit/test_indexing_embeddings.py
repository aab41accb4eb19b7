"""The pooled embeddings: prefixes from the model table, batching, hosts sharing work, retries."""

from __future__ import annotations

import threading
import time

import httpx
import ollama
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from rag.errors import EmbeddingError, ModelNotFoundError, OllamaUnavailableError
from rag.indexing.embeddings import PooledEmbeddings, is_retryable


class Recorder(DeterministicFakeEmbedding):
    """Records batches, tracks requests in flight, can sleep or fail a number of times first."""

    batches: list[list[str]] = []  # noqa: RUF012 (pydantic copies defaults)
    delay: float = 0.0
    failures_left: int = 0
    failure: str = "connection"
    in_flight: int = 0
    max_in_flight: int = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        lock = _LOCK
        with lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            with lock:
                if self.failures_left > 0:
                    self.failures_left -= 1
                    if self.failure == "404":
                        raise ollama.ResponseError('{"error": "model not found"}', 404)
                    if self.failure == "500":
                        raise ollama.ResponseError("boom", 500)
                    if self.failure == "timeout":
                        raise httpx.ReadTimeout("timed out")
                    raise ConnectionError("refused")
                self.batches.append(list(texts))
            return super().embed_documents(texts)
        finally:
            with lock:
                self.in_flight -= 1


_LOCK = threading.Lock()


def test_document_and_query_prefixes_come_from_the_model_table() -> None:
    fake = Recorder(size=8)
    pool = PooledEmbeddings([fake], "nomic-embed-text")
    pool.embed_documents(["hello"])
    assert fake.batches == [["search_document: hello"]]
    pool.embed_query("hi")
    assert fake.batches[-1] == ["search_query: hi"]


def test_model_without_prefixes_embeds_text_as_is() -> None:
    fake = Recorder(size=8)
    PooledEmbeddings([fake], "all-minilm").embed_documents(["hello"])
    assert fake.batches == [["hello"]]


def test_batches_of_batch_size_in_order() -> None:
    fake = Recorder(size=8)
    pool = PooledEmbeddings([fake], "all-minilm", batch_size=3, concurrency=1)
    texts = [f"t{n}" for n in range(8)]
    vectors = pool.embed_documents(texts)
    assert sorted(len(batch) for batch in fake.batches) == [2, 3, 3]
    assert vectors == DeterministicFakeEmbedding(size=8).embed_documents(texts)


def test_two_hosts_share_the_work_within_their_concurrency() -> None:
    hosts = [Recorder(size=8, delay=0.02), Recorder(size=8, delay=0.02)]
    pool = PooledEmbeddings(hosts, "all-minilm", batch_size=2, concurrency=2)
    pool.embed_documents([f"t{n}" for n in range(40)])
    assert all(len(host.batches) >= 5 for host in hosts)
    assert sum(len(host.batches) for host in hosts) == 20
    assert all(host.max_in_flight <= 2 for host in hosts)
    assert max(host.max_in_flight for host in hosts) == 2


def test_connection_errors_and_5xx_are_retried() -> None:
    fake = Recorder(size=8, failures_left=2, failure="500")
    sleeps: list[float] = []
    pool = PooledEmbeddings([fake], "all-minilm", max_retries=3, backoff_base=0.5, sleep=sleeps.append)
    assert len(pool.embed_documents(["a", "b"])) == 2
    assert sleeps == [0.5, 1.0]


def test_failure_after_retries_names_what_failed() -> None:
    fake = Recorder(size=8, failures_left=10)
    pool = PooledEmbeddings([fake], "all-minilm", max_retries=2, sleep=lambda _: None)
    with pytest.raises(EmbeddingError, match=r"could not embed 2 of 2 texts .* after 2 retries"):
        pool.embed_documents(["a", "b"])
    assert fake.failures_left == 7


def test_not_found_is_not_retried() -> None:
    fake = Recorder(size=8, failures_left=5, failure="404")
    pool = PooledEmbeddings([fake], "all-minilm", max_retries=3, sleep=lambda _: None)
    with pytest.raises(EmbeddingError):
        pool.embed_documents(["a"])
    assert fake.failures_left == 4


def test_retryable_errors() -> None:
    assert is_retryable(ConnectionError("x"))
    assert is_retryable(httpx.ReadTimeout("slow"))
    assert is_retryable(httpx.RemoteProtocolError("dropped"))
    assert is_retryable(ollama.ResponseError("busy", 503))
    assert not is_retryable(ollama.ResponseError("bad input", 400))
    assert not is_retryable(ValueError("bad"))


@pytest.mark.parametrize(
    ("failure", "kind", "words"),
    [
        ("connection", OllamaUnavailableError, ["http://127.0.0.1:9", "EMBED_HOSTS", "ollama serve"]),
        ("timeout", OllamaUnavailableError, ["http://127.0.0.1:9", "ReadTimeout", "REQUEST_TIMEOUT"]),
        ("404", ModelNotFoundError, ["ollama pull all-minilm"]),
        ("500", EmbeddingError, ["after 1 retries", "boom"]),
    ],
)
def test_query_failure_is_a_one_line_error(failure: str, kind: type[Exception], words: list[str]) -> None:
    fake = Recorder(size=8, failures_left=10, failure=failure)
    pool = PooledEmbeddings(
        [fake],
        "all-minilm",
        hosts=["http://127.0.0.1:9"],
        max_retries=1,
        sleep=lambda _: None,
        setting="EMBED_HOSTS",
    )
    with pytest.raises(kind) as raised:
        pool.embed_query("what did I run?")
    assert all(word in str(raised.value) for word in words), str(raised.value)
