"""The stand-in with the real chat model (`--chat llm`, Qwen2.5-Coder-1.5B) through the `ollama` client.

Marked `llm` and `slow`: each test runs the model for a few tokens (about 8 tokens/s on two cores). They
check what a client of Ollama relies on: the model's own chat template (a plain question gets a sensible
answer), options honoured (`num_predict`, `stop`, `seed`), truthful counts and durations, Ollama's errors for
bad input, one generation at a time with a bounded queue, and generation stopping when the client leaves.
"""

from __future__ import annotations

import math
import threading
import time

import httpx
import ollama
import pytest

from ollama_standin.process import StandinHandle
from tests.standin_fixture import StandinFactory

pytestmark = [pytest.mark.llm, pytest.mark.slow, pytest.mark.timeout(900)]  # minutes on a busy 2-core machine

MODEL = "qwen2.5-coder:1.5b"
GREEDY = {"temperature": 0, "num_predict": 16}


@pytest.fixture(scope="module")
def llm(standin_shared: StandinFactory) -> StandinHandle:
    return standin_shared("hash", chat="llm")


@pytest.fixture
def client(llm: StandinHandle) -> ollama.Client:
    return ollama.Client(host=llm.url, timeout=120)


def test_the_model_is_listed_and_shown_with_its_template(client: ollama.Client) -> None:
    names = [model.model for model in client.list().models]
    shown = client.show(MODEL)

    assert MODEL in names
    assert shown.details is not None and shown.details.family == "qwen2"
    assert shown.details.quantization_level == "Q4_K_M"
    assert shown.template is not None and "<|im_start|>" in shown.template
    assert shown.capabilities == ["completion"]


def test_a_question_gets_an_answer_through_the_chat_template(client: ollama.Client) -> None:
    response = client.chat(
        model=MODEL,
        messages=[{"role": "user", "content": "What is the capital of France? Answer with one word."}],
        options=GREEDY,
    )

    assert "paris" in response.message.content.lower()
    assert response.done_reason == "stop"
    assert response.prompt_eval_count is not None and response.prompt_eval_count > 20
    assert response.eval_count is not None and 1 <= response.eval_count < 16
    assert response.eval_duration and response.prompt_eval_duration and response.total_duration
    assert response.total_duration >= response.eval_duration + response.prompt_eval_duration


def test_streamed_pieces_add_up_and_the_last_chunk_has_the_counts(client: ollama.Client) -> None:
    messages = [{"role": "user", "content": "List three colours, comma separated."}]
    chunks = list(client.chat(model=MODEL, messages=messages, options=GREEDY, stream=True))

    text = "".join(chunk.message.content for chunk in chunks)
    assert len(chunks) >= 3 and text.strip()
    assert [chunk.done for chunk in chunks] == [False] * (len(chunks) - 1) + [True]
    assert chunks[-1].eval_count is not None and chunks[-1].eval_count >= len(chunks) - 1


def test_logprobs_are_the_models_own_and_add_up_in_the_stream(client: ollama.Client) -> None:
    messages = [
        {"role": "user", "content": "Is Paris the capital of France? Reply with one word: Yes or No."}
    ]
    whole = client.chat(model=MODEL, messages=messages, options=GREEDY, logprobs=True, top_logprobs=5)
    chunks = list(
        client.chat(
            model=MODEL, messages=messages, options=GREEDY, logprobs=True, top_logprobs=5, stream=True
        )
    )
    plain = client.chat(model=MODEL, messages=messages, options=GREEDY)

    entries = whole.logprobs or []
    streamed = [entry for chunk in chunks for entry in chunk.logprobs or []]
    first = entries[0]
    alternatives = first.top_logprobs or []
    assert "yes" in whole.message.content.lower()
    assert len(entries) == whole.eval_count and "".join(e.token for e in entries) == whole.message.content
    assert first.token.strip().lower() == "yes" and -1.0 < first.logprob <= 0.0  # greedy: the likeliest
    assert len(alternatives) == 5 and alternatives[0].token == first.token
    assert [a.logprob for a in alternatives] == sorted((a.logprob for a in alternatives), reverse=True)
    assert sum(math.exp(a.logprob) for a in alternatives) <= 1.0 + 1e-6
    assert [(e.token, round(e.logprob, 4)) for e in streamed] == [
        (e.token, round(e.logprob, 4)) for e in entries
    ]
    assert plain.logprobs is None  # only when asked


def test_a_prompts_log_probabilities_do_not_depend_on_what_was_asked_before(client: ollama.Client) -> None:
    """Replaying an evaluation asks the same prompts in another order: each must score exactly as before."""

    def first_token(question: str) -> list[tuple[str, float]]:
        response = client.chat(
            model=MODEL,
            messages=[{"role": "user", "content": question}],
            options={"temperature": 0, "num_predict": 1},
            logprobs=True,
            top_logprobs=10,
        )
        entries = response.logprobs or []
        return [(a.token, a.logprob) for a in entries[0].top_logprobs or []]

    check = (
        "Does this tweet answer the question? Tweet: 'Moved the blog to Hugo.' Question: Which blog engine?"
    )
    filler = "Summarise these notes in one word. " + " ".join(
        f"Note {n}: the meeting moved." for n in range(60)
    )
    alone = first_token(check)
    first_token(filler)  # both cache slots now hold other prompts, one of them long
    first_token(filler.replace("meeting", "train"))
    again = first_token(check)

    assert len(alone) == 10
    assert again == alone  # exactly: the same tokens, the same log probabilities


def test_num_predict_stops_at_the_length(client: ollama.Client) -> None:
    response = client.generate(
        model=MODEL, prompt="Write a long story about a dragon.", options={"temperature": 0, "num_predict": 5}
    )

    assert response.done_reason == "length"
    assert response.eval_count == 5


def test_a_stop_string_ends_the_answer_before_it(client: ollama.Client) -> None:
    response = client.generate(
        model=MODEL,
        prompt="Count from 1 to 10 separated by commas, digits only.",
        options={"temperature": 0, "num_predict": 40, "stop": ["6"]},
    )

    assert "5" in response.response and "6" not in response.response
    assert response.done_reason == "stop"


def test_the_same_seed_gives_the_same_sampled_answer(client: ollama.Client) -> None:
    options = {"temperature": 1.0, "top_p": 0.95, "seed": 1234, "num_predict": 12}
    prompt = "Invent a name for a cat."
    first = client.generate(model=MODEL, prompt=prompt, options=options).response
    second = client.generate(model=MODEL, prompt=prompt, options=options).response

    assert first == second and first.strip()


def test_raw_prompts_skip_the_template(client: ollama.Client) -> None:
    prompt = "<|im_start|>user\nReply with the word OK only.<|im_end|>\n<|im_start|>assistant\n"
    response = client.generate(model=MODEL, prompt=prompt, raw=True, options=GREEDY)

    assert "ok" in response.response.lower()


def test_bad_input_gets_ollamas_status_and_message_and_the_server_keeps_serving(
    client: ollama.Client, llm: StandinHandle
) -> None:
    long_text = "word " * 400
    with pytest.raises(ollama.ResponseError) as unknown:
        client.chat(model="qwen9:70b", messages=[{"role": "user", "content": "hi"}])
    empty = client.chat(model=MODEL, messages=[])
    refused = httpx.post(
        f"{llm.url}/api/chat",
        json={
            "model": MODEL,
            "messages": [{"role": "user", "content": long_text}],
            "options": {"num_ctx": 128},
            "truncate": False,
            "stream": False,
        },
        timeout=60,
    )
    truncated = client.chat(
        model=MODEL,
        messages=[{"role": "user", "content": long_text + "\nSay hi."}],
        options={"num_ctx": 128, "num_predict": 4, "temperature": 0},
    )
    with pytest.raises(ollama.ResponseError) as thinking:
        client.chat(model=MODEL, messages=[{"role": "user", "content": "hi"}], think=True)
    bad_logprobs = httpx.post(
        f"{llm.url}/api/chat",
        json={
            "model": MODEL,
            "messages": [{"role": "user", "content": "hi"}],
            "logprobs": True,
            "top_logprobs": 21,
        },
        timeout=60,
    )
    after = client.chat(model=MODEL, messages=[{"role": "user", "content": "Say yes."}], options=GREEDY)

    assert unknown.value.status_code == 404
    assert unknown.value.error == 'model "qwen9:70b" not found, try pulling it first'
    assert empty.done and empty.done_reason == "load" and empty.message.content == ""
    assert refused.status_code == 400
    assert refused.json() == {"error": "the input length exceeds the context length"}
    assert truncated.done and truncated.prompt_eval_count is not None and truncated.prompt_eval_count <= 128
    assert thinking.value.status_code == 400 and "does not support thinking" in thinking.value.error
    assert bad_logprobs.status_code == 400
    assert bad_logprobs.json() == {"error": "top_logprobs must be between 0 and 20"}
    assert after.message.content.strip()


def test_a_client_that_leaves_mid_stream_stops_the_generation(llm: StandinHandle) -> None:
    body = {
        "model": MODEL,
        "messages": [{"role": "user", "content": "Write a very long essay about the sea."}],
        "options": {"temperature": 0, "num_predict": 600},
    }
    with httpx.Client(timeout=60) as http, http.stream("POST", f"{llm.url}/api/chat", json=body) as response:
        lines = response.iter_lines()
        assert '"done":false' in next(lines)
        next(lines)
    # Had the 600-token essay kept going, this short answer would wait a minute behind it.
    started = time.monotonic()
    reply = ollama.Client(host=llm.url, timeout=60).chat(
        model=MODEL, messages=[{"role": "user", "content": "Say yes."}], options=GREEDY
    )
    assert reply.message.content.strip()
    assert time.monotonic() - started < 20


def test_one_generation_at_a_time_and_503_when_the_queue_is_full(standin: StandinFactory) -> None:
    handle = standin("hash", chat="llm", max_queue=1)
    # The first request streams a long essay and is held open until the end: however fast the machine, it
    # is still generating while the others arrive. Closing it then stops it, and the second gets its turn.
    essay = {
        "model": MODEL,
        "messages": [{"role": "user", "content": "Write a very long essay about the sea."}],
        "options": {"temperature": 0, "num_predict": 600},
    }
    short = {
        "model": MODEL,
        "messages": [{"role": "user", "content": "Say yes."}],
        "options": GREEDY,
        "stream": False,
    }
    generating, release = threading.Event(), threading.Event()
    results: dict[str, httpx.Response] = {}

    def hold_the_essay() -> None:
        with (
            httpx.Client(timeout=120) as http,
            http.stream("POST", f"{handle.url}/api/chat", json=essay) as answer,
        ):
            results["first"] = answer
            lines = answer.iter_lines()  # kept: a dropped iterator closes the stream, and the server stops
            next(lines)
            generating.set()
            release.wait(120)

    def ask_short() -> None:
        results["second"] = httpx.post(f"{handle.url}/api/chat", json=short, timeout=120)

    first = threading.Thread(target=hold_the_essay)
    first.start()
    try:
        assert generating.wait(120), "the first request never started streaming"
        second = threading.Thread(target=ask_short)
        second.start()
        time.sleep(1.0)  # the second waits in the queue (size 1)
        third = httpx.post(f"{handle.url}/api/chat", json=short, timeout=120)
        assert "second" not in results, "the second was answered while the first was generating"
    finally:
        release.set()
        first.join(120)
    second.join(120)

    assert third.status_code == 503
    assert third.json() == {"error": "server busy, please try again.  maximum pending requests exceeded"}
    assert results["first"].status_code == 200 and results["second"].status_code == 200
    # The second waited for the first: its total time covers its own work plus the wait.
    second_done = results["second"].json()
    assert second_done["total_duration"] > second_done["prompt_eval_duration"] + second_done["eval_duration"]
