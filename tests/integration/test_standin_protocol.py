"""The Ollama stand-in driven by the real clients: the `ollama` package (sync and async) and langchain-ollama.

Each test asserts what those clients rely on (response fields, streaming, error types, status codes and
messages) against a stand-in subprocess on its own port. The minilm tests share one process for the whole
session (the model loads once) and are marked slow.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import httpx
import ollama
import pytest
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage
from langchain_ollama import ChatOllama, OllamaEmbeddings

from ollama_standin.process import StandinHandle, start_standin
from tests.standin_fixture import StandinFactory

CONTEXT = (
    "Answer only from the numbered tweets below and cite them as [n].\n\n"
    "[1] 2019-03-02 · tweet · https://x.com/alice/status/1101\n"
    "Cooked paella for twelve people on Sunday, the rice came out perfect.\n\n"
    "[2] 2020-06-14 · reply · https://x.com/alice/status/1202\n"
    "Finished the Valencia marathon in 3 hours 41 minutes, my legs are gone.\n\n"
    "[3] 2021-01-09 · tweet · https://x.com/alice/status/1303\n"
    "東京の天気は雪でした。電車が遅れています。\n"
)
MARATHON_ANSWER = "Finished the Valencia marathon in 3 hours 41 minutes, my legs are gone. [2]"
DONT_KNOW = "I don't know: none of the tweets answer that."


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(
        sum(x * x for x in a) * sum(y * y for y in b)
    )


def norm(vector: Sequence[float]) -> float:
    return math.sqrt(sum(x * x for x in vector))


def chat_messages(question: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": CONTEXT}, {"role": "user", "content": question}]


@pytest.fixture
def hash_standin(standin_shared: StandinFactory) -> StandinHandle:
    return standin_shared("hash")


@pytest.fixture
def client(hash_standin: StandinHandle) -> ollama.Client:
    return ollama.Client(host=hash_standin.url)


# --- embeddings with the ollama client -----------------------------------------------------------------


def test_embed_string_and_list_give_unit_vectors_of_384(client: ollama.Client) -> None:
    one = client.embed(model="hash-embed", input="paella on Sunday")
    many = client.embed(model="hash-embed:latest", input=["paella on Sunday", "marathon", "東京の天気"])

    assert one.model == "hash-embed"
    assert len(one.embeddings) == 1 and len(one.embeddings[0]) == 384
    assert len(many.embeddings) == 3
    assert all(abs(norm(vector) - 1.0) < 1e-5 for vector in many.embeddings)
    assert one.prompt_eval_count == 3  # "paella", "on", "sunday"
    assert one.total_duration is not None and one.total_duration > 0


def test_embed_texts_sharing_words_are_closer(client: ollama.Client) -> None:
    vectors = client.embed(
        model="hash-embed",
        input=[
            "the valencia marathon was hard",
            "running the valencia marathon",
            "cooked paella for twelve people",
            "東京の天気は雪でした",
            "今日の東京の天気",
        ],
    ).embeddings

    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.2
    assert cosine(vectors[3], vectors[4]) > cosine(vectors[3], vectors[2]) + 0.2


def test_embed_is_deterministic_across_instances(standin: StandinFactory, client: ollama.Client) -> None:
    first, second = standin("hash"), standin("hash")
    assert first.port != second.port
    text = ["Cooked paella for twelve people on Sunday"]

    vectors = [
        ollama.Client(host=h.url).embed(model="hash-embed", input=text).embeddings for h in (first, second)
    ]

    assert vectors[0] == vectors[1] == client.embed(model="hash-embed", input=text).embeddings


def test_embed_dimensions_cuts_and_renormalises(client: ollama.Client) -> None:
    vector = client.embed(model="hash-embed", input="marathon", dimensions=64).embeddings[0]

    assert len(vector) == 64
    assert abs(norm(vector) - 1.0) < 1e-5


def test_embed_truncation_follows_ollama(standin: StandinFactory) -> None:
    handle = standin("hash", context_length=8)
    short = ollama.Client(host=handle.url)
    ten_words = "one two three four five six seven eight nine ten"

    with pytest.raises(ollama.ResponseError) as raised:
        short.embed(model="hash-embed", input=["fine", ten_words], truncate=False)
    truncated = short.embed(model="hash-embed", input=ten_words)
    first_eight = short.embed(model="hash-embed", input="one two three four five six seven eight")

    assert raised.value.status_code == 400
    assert raised.value.error == "the input length exceeds the context length"
    assert truncated.prompt_eval_count == 8
    assert truncated.embeddings == first_eight.embeddings


def test_empty_input_gives_no_embeddings(client: ollama.Client) -> None:
    assert client.embed(model="hash-embed", input="").embeddings == []


def test_legacy_embeddings_endpoint(client: ollama.Client) -> None:
    response = client.embeddings(model="hash-embed", prompt="Valencia marathon")

    assert len(response.embedding) == 384
    assert abs(norm(response.embedding) - 1.0) < 1e-5


# --- errors ---------------------------------------------------------------------------------------------


def test_unknown_model_gets_ollamas_404(client: ollama.Client) -> None:
    with pytest.raises(ollama.ResponseError) as embed_error:
        client.embed(model="nomic-embed-text", input="x")
    with pytest.raises(ollama.ResponseError) as chat_error:
        client.chat(model="llama3.2", messages=[{"role": "user", "content": "hi"}])

    assert embed_error.value.status_code == 404
    assert embed_error.value.error == 'model "nomic-embed-text" not found, try pulling it first'
    assert chat_error.value.status_code == 404
    assert chat_error.value.error == 'model "llama3.2" not found, try pulling it first'


def test_bad_json_and_missing_body_get_400(hash_standin: StandinHandle) -> None:
    bad = httpx.post(f"{hash_standin.url}/api/embed", content=b'{"model": "hash-embed", "input": ')
    empty = httpx.post(f"{hash_standin.url}/api/chat", content=b"")
    no_model = httpx.post(f"{hash_standin.url}/api/embed", json={"input": "x"})

    assert bad.status_code == 400 and "error" in bad.json()
    assert empty.status_code == 400 and empty.json() == {"error": "missing request body"}
    assert no_model.status_code == 400 and no_model.json() == {"error": "model is required"}


def test_wrong_kind_of_model_is_refused(client: ollama.Client) -> None:
    with pytest.raises(ollama.ResponseError) as raised:
        client.embed(model="extractive", input="x")

    assert raised.value.status_code == 400


# --- model management endpoints -------------------------------------------------------------------------


def test_tags_show_ps_version_and_root(client: ollama.Client, hash_standin: StandinHandle) -> None:
    names = [model.model for model in client.list().models]
    shown = client.show("hash-embed")
    running = [model.model for model in client.ps().models]
    root = httpx.get(hash_standin.url)
    head = httpx.head(hash_standin.url)
    version = httpx.get(f"{hash_standin.url}/api/version").json()

    assert names == ["hash-embed:latest", "extractive:latest"]
    assert shown.modelinfo is not None and shown.modelinfo["hash.embedding_length"] == 384
    assert shown.capabilities == ["embedding"]
    assert running == names
    assert root.status_code == 200 and root.text == "Ollama is running"
    assert head.status_code == 200
    assert isinstance(version["version"], str)


def test_pull_streams_progress_to_success_and_refuses_unknown_models(client: ollama.Client) -> None:
    statuses = [part.status for part in client.pull("hash-embed", stream=True)]

    assert statuses[0] == "pulling manifest"
    assert statuses[-1] == "success"
    assert client.pull("extractive").status == "success"
    with pytest.raises(ollama.ResponseError, match="file does not exist"):
        client.pull("nomic-embed-text")
    with pytest.raises(ollama.ResponseError, match="file does not exist"):
        list(client.pull("nomic-embed-text", stream=True))


# --- chat and generate with the ollama client -----------------------------------------------------------


def test_chat_stream_yields_pieces_then_done(client: ollama.Client) -> None:
    chunks = list(
        client.chat(model="extractive", messages=chat_messages("How long was the marathon?"), stream=True)
    )

    assert len(chunks) >= 3
    assert all(chunk.done is False for chunk in chunks[:-1])
    assert chunks[-1].done is True and chunks[-1].done_reason == "stop"
    assert chunks[-1].message.content == ""
    assert chunks[-1].eval_count == len(chunks) - 1
    assert "".join(chunk.message.content for chunk in chunks) == MARATHON_ANSWER


def test_chat_without_stream_returns_one_message(client: ollama.Client) -> None:
    response = client.chat(
        model="extractive", messages=chat_messages("Question: what did I cook for twelve?")
    )

    assert response.message.role == "assistant"
    assert response.message.content == (
        "Cooked paella for twelve people on Sunday, the rice came out perfect. [1]"
    )
    assert response.done is True and response.done_reason == "stop"
    assert response.prompt_eval_count and response.eval_count and response.total_duration


def test_chat_logprobs_cover_the_answer_when_asked(client: ollama.Client) -> None:
    response = client.chat(
        model="extractive",
        messages=chat_messages("How long was the marathon?"),
        logprobs=True,
        top_logprobs=2,
    )
    with pytest.raises(ollama.ResponseError) as refused:
        client.chat(model="extractive", messages=chat_messages("hi"), logprobs=True, top_logprobs=-1)

    entries = response.logprobs or []
    assert "".join(entry.token for entry in entries) == MARATHON_ANSWER
    assert all(entry.logprob == 0.0 and entry.top_logprobs for entry in entries)  # the responder is certain
    assert refused.value.status_code == 400 and "top_logprobs" in refused.value.error


def test_chat_matches_japanese_without_spaces(client: ollama.Client) -> None:
    response = client.chat(model="extractive", messages=chat_messages("東京の天気はどうでしたか？"))

    assert response.message.content == "東京の天気は雪でした。電車が遅れています。 [3]"


def test_chat_says_it_does_not_know(client: ollama.Client) -> None:
    response = client.chat(model="extractive", messages=chat_messages("What is my favourite quantum theory?"))

    assert response.message.content == DONT_KNOW


def test_generate_answers_from_the_prompt(client: ollama.Client) -> None:
    prompt = CONTEXT + "\nQuestion: which marathon did I finish?"

    response = client.generate(model="extractive", prompt=prompt)
    streamed = list(client.generate(model="extractive", prompt=prompt, stream=True))

    assert response.response == MARATHON_ANSWER
    assert "".join(part.response for part in streamed) == MARATHON_ANSWER
    assert streamed[-1].done is True


def test_async_client_embeds_and_streams(hash_standin: StandinHandle) -> None:
    async def run() -> tuple[int, str]:
        client = ollama.AsyncClient(host=hash_standin.url)
        embedded = await client.embed(model="hash-embed", input=["a b", "c d"])
        parts = [
            part.message.content
            async for part in await client.chat(
                model="extractive", messages=chat_messages("the marathon?"), stream=True
            )
        ]
        return len(embedded.embeddings), "".join(parts)

    count, text = asyncio.run(run())

    assert count == 2
    assert text == MARATHON_ANSWER


# --- langchain-ollama --------------------------------------------------------------------------------------


def test_ollama_embeddings_sync_and_async_match_the_api(
    hash_standin: StandinHandle, client: ollama.Client
) -> None:
    embeddings = OllamaEmbeddings(model="hash-embed", base_url=hash_standin.url, validate_model_on_init=True)
    texts = ["Cooked paella for twelve", "Valencia marathon"]

    documents = embeddings.embed_documents(texts)
    query = embeddings.embed_query("Valencia marathon")
    async_documents = asyncio.run(embeddings.aembed_documents(texts))

    assert documents == [list(v) for v in client.embed(model="hash-embed", input=texts).embeddings]
    assert query == documents[1]
    assert async_documents == documents


def test_ollama_embeddings_validation_and_missing_model(hash_standin: StandinHandle) -> None:
    with pytest.raises(ValueError, match="not found in Ollama"):
        OllamaEmbeddings(model="nomic-embed-text", base_url=hash_standin.url, validate_model_on_init=True)
    unvalidated = OllamaEmbeddings(model="nomic-embed-text", base_url=hash_standin.url)
    with pytest.raises(
        ollama.ResponseError, match='model "nomic-embed-text" not found, try pulling it first'
    ):
        unvalidated.embed_query("x")


def test_chat_ollama_invoke_and_ainvoke(hash_standin: StandinHandle) -> None:
    llm = ChatOllama(
        model="extractive", base_url=hash_standin.url, temperature=0, validate_model_on_init=True
    )
    messages = [SystemMessage(CONTEXT), HumanMessage("How long did the marathon take?")]

    result = llm.invoke(messages)
    async_result = asyncio.run(llm.ainvoke(messages))

    assert isinstance(result, AIMessage)
    assert result.content == MARATHON_ANSWER
    assert result.response_metadata["done_reason"] == "stop"
    assert result.response_metadata["model"] == "extractive"
    assert result.usage_metadata is not None and result.usage_metadata["output_tokens"] > 0
    assert async_result.content == MARATHON_ANSWER


def test_chat_ollama_stream_and_astream(hash_standin: StandinHandle) -> None:
    llm = ChatOllama(model="extractive", base_url=hash_standin.url)
    messages = [SystemMessage(CONTEXT), HumanMessage("How long did the marathon take?")]

    chunks = list(llm.stream(messages))

    async def collect() -> list[AIMessageChunk]:
        return [chunk async for chunk in llm.astream(messages)]

    async_chunks = asyncio.run(collect())

    assert len([c for c in chunks if c.content]) >= 3
    assert "".join(str(c.content) for c in chunks) == MARATHON_ANSWER
    assert "".join(str(c.content) for c in async_chunks) == MARATHON_ANSWER
    merged = chunks[0]
    for chunk in chunks[1:]:
        merged += chunk
    assert merged.response_metadata["done_reason"] == "stop"


def test_chat_ollama_missing_model_raises_ollamas_message(hash_standin: StandinHandle) -> None:
    llm = ChatOllama(model="llama3.2", base_url=hash_standin.url)

    with pytest.raises(ollama.ResponseError) as raised:
        llm.invoke("hello")

    assert raised.value.status_code == 404
    assert raised.value.error == 'model "llama3.2" not found, try pulling it first'


# --- fault injection and counters ---------------------------------------------------------------------------


def test_error_every_third_model_request(standin: StandinFactory) -> None:
    handle = standin("hash", fail_every=3)
    client = ollama.Client(host=handle.url)
    outcomes = []
    for _ in range(6):
        try:
            client.embed(model="hash-embed", input="x")
            outcomes.append("ok")
        except ollama.ResponseError as error:
            outcomes.append(str(error.status_code))
    client.list()  # not a model request: never faulted, not counted

    assert outcomes == ["ok", "ok", "500", "ok", "ok", "500"]
    stats = handle.stats()
    assert stats["faults"] == {"errors": 2, "drops": 0}
    assert stats["requests"]["/api/embed"] == 6
    assert stats["embedded_texts"] == 4


def test_error_status_503_uses_ollamas_busy_message(standin: StandinFactory) -> None:
    handle = standin("hash", fail_every=1, fail_status=503)

    with pytest.raises(ollama.ResponseError) as raised:
        ollama.Client(host=handle.url).embed(model="hash-embed", input="x")

    assert raised.value.status_code == 503
    assert "server busy" in raised.value.error


def test_dropped_connection_every_second_request(standin: StandinFactory) -> None:
    handle = standin("hash", drop_every=2)
    client = ollama.Client(host=handle.url)

    client.embed(model="hash-embed", input="first")
    with pytest.raises(httpx.RemoteProtocolError):
        client.embed(model="hash-embed", input="second")
    third = client.embed(model="hash-embed", input="third")

    assert len(third.embeddings) == 1
    assert handle.stats()["faults"]["drops"] == 1


def test_latency_and_slow_stream(standin: StandinFactory) -> None:
    handle = standin("hash", latency_ms=300, slow_stream_ms=100)
    client = ollama.Client(host=handle.url)

    started = time.perf_counter()
    client.embed(model="hash-embed", input="x")
    embed_seconds = time.perf_counter() - started
    arrivals = []
    chat_started = time.perf_counter()
    for _ in client.chat(model="extractive", messages=chat_messages("the marathon?"), stream=True):
        arrivals.append(time.perf_counter())

    assert embed_seconds >= 0.3
    # Timed from the request, not from the first piece, which can reach the client late and bunch up with
    # the next: the request's latency, then 0.1 s before every content piece after the first.
    assert arrivals[-2] - chat_started >= 0.3 + 0.1 * (len(arrivals) - 2) - 0.01


def test_client_hanging_up_mid_stream_does_not_hurt_the_server(standin: StandinFactory) -> None:
    handle = standin("hash", slow_stream_ms=200, latency_ms=300)
    body = {"model": "extractive", "messages": chat_messages("the marathon?")}
    with httpx.Client(base_url=handle.url) as http, http.stream("POST", "/api/chat", json=body) as response:
        first_line = next(response.iter_lines())
    with pytest.raises(httpx.TimeoutException):
        httpx.post(f"{handle.url}/api/embed", json={"model": "hash-embed", "input": "x"}, timeout=0.05)
    time.sleep(0.5)  # the server writes the rest of the stream into the closed connection

    after = ollama.Client(host=handle.url).chat(model="extractive", messages=chat_messages("the marathon?"))

    assert '"done":false' in first_line.replace(" ", "")
    assert after.message.content == MARATHON_ANSWER
    assert handle.process.poll() is None
    assert "Traceback" not in handle.output()


def test_stats_count_requests_per_path_and_reset(standin: StandinFactory) -> None:
    handle = standin("hash")
    client = ollama.Client(host=handle.url)
    client.embed(model="hash-embed", input=["a", "b", "c"])
    client.embed(model="hash-embed", input="d")
    client.chat(model="extractive", messages=chat_messages("marathon"))

    assert handle.requests_to("/api/embed") == 2
    assert handle.requests_to("/api/chat") == 1
    assert handle.stats()["embedded_texts"] == 4
    handle.reset_stats()
    assert handle.requests_to("/api/embed") == 0


def test_start_failure_shows_the_process_output() -> None:
    with pytest.raises(RuntimeError, match="--dimensions and --context-length must be positive"):
        start_standin("hash", dimensions=0, timeout=30)


# --- the real model ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def minilm(standin_shared: StandinFactory) -> StandinHandle:
    return standin_shared("minilm")


@pytest.mark.slow
def test_minilm_serves_the_same_vectors_as_the_model_in_process(minilm: StandinHandle) -> None:
    from sentence_transformers import SentenceTransformer

    from ollama_standin.backends import minilm_model_path

    texts = ["Finished the Valencia marathon in 3 hours 41 minutes", "東京の天気は雪でした", "paella"]
    served = OllamaEmbeddings(model="all-minilm", base_url=minilm.url).embed_documents(texts)
    local = SentenceTransformer(minilm_model_path(), device="cpu").encode(texts, normalize_embeddings=True)

    assert len(served[0]) == 384
    for got, want in zip(served, local.tolist(), strict=True):
        assert cosine(got, want) > 0.99999


@pytest.mark.slow
def test_minilm_similarity_is_semantic(minilm: StandinHandle) -> None:
    vectors = (
        ollama.Client(host=minilm.url)
        .embed(
            model="all-minilm:latest",
            input=["I adopted a puppy today", "My new dog is so cute", "Interest rates went up again"],
        )
        .embeddings
    )

    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.2


@pytest.mark.slow
def test_minilm_serves_concurrent_requests_of_different_lengths(minilm: StandinHandle) -> None:
    client = ollama.Client(host=minilm.url)
    batches = [["short", "a much longer tweet about the Valencia marathon, " * i] for i in range(1, 11)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda batch: client.embed(model="all-minilm", input=batch), batches * 6))

    assert [len(result.embeddings) for result in results] == [2] * 60


@pytest.mark.slow
def test_minilm_truncates_at_256_tokens_like_ollama(minilm: StandinHandle) -> None:
    client = ollama.Client(host=minilm.url)
    long_text = "marathon " * 400

    with pytest.raises(ollama.ResponseError) as raised:
        client.embed(model="all-minilm", input=long_text, truncate=False)
    truncated = client.embed(model="all-minilm", input=long_text)

    assert raised.value.status_code == 400
    assert raised.value.error == "the input length exceeds the context length"
    assert truncated.prompt_eval_count == 256
    assert client.show("all-minilm").modelinfo == {
        "general.architecture": "bert",
        "bert.context_length": 256,
        "bert.embedding_length": 384,
    }
