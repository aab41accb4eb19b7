"""Prompt files: shipped prompts load, bad variables and layouts fail naming the file and the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from chains.prompts import PROMPTS_DIR, available_prompts, load_prompt
from rag.errors import PromptError

GOOD = "=== system ===\nYou answer.\n=== user ===\n{context}\n\nQuestion: {question}\n"


def write(tmp_path: Path, text: str, name: str = "mine.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["default", "concise", "timeline"])
def test_shipped_prompts_load_with_system_first(name: str) -> None:
    template = load_prompt(name)
    assert set(template.input_variables) == {"context", "question"}
    messages = template.format_messages(context="CTX", question="Q?")
    assert [m.type for m in messages] == ["system", "human"]
    assert "CTX" in str(messages[1].content) and "Q?" in str(messages[1].content)
    assert "CTX" not in str(messages[0].content)


def test_available_prompts_lists_the_shipped_ones() -> None:
    assert {"default", "concise", "timeline"} <= set(available_prompts(PROMPTS_DIR))


def test_prompt_by_path(tmp_path: Path) -> None:
    template = load_prompt(str(write(tmp_path, GOOD)))
    assert set(template.input_variables) == {"context", "question"}


def test_unknown_variable_names_file_and_variable(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("Question:", "{today} Question:"))
    with pytest.raises(PromptError) as caught:
        load_prompt(str(path))
    assert str(path) in str(caught.value)
    assert "{today}" in str(caught.value)


def test_missing_variable_names_file_and_variable(tmp_path: Path) -> None:
    path = write(tmp_path, "=== system ===\nYou answer.\n=== user ===\nQuestion: {question}\n")
    with pytest.raises(PromptError) as caught:
        load_prompt(str(path))
    assert str(path) in str(caught.value)
    assert "missing variable {context}" in str(caught.value)


def test_single_brace_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\nUse JSON like {\n")
    with pytest.raises(PromptError, match=str(path)):
        load_prompt(str(path))


def test_doubled_braces_are_literal(tmp_path: Path) -> None:
    template = load_prompt(str(write(tmp_path, GOOD + 'Reply as {{"answer": "..."}}\n')))
    text = str(template.format_messages(context="c", question="q")[1].content)
    assert '{"answer": "..."}' in text


def test_file_without_sections_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "{context}\n{question}\n")
    with pytest.raises(PromptError, match="=== system ==="):
        load_prompt(str(path))


def test_context_in_system_part_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "=== system ===\n{context}\n=== user ===\n{question}\n")
    with pytest.raises(PromptError, match="user part"):
        load_prompt(str(path))


def test_unknown_name_and_missing_path() -> None:
    with pytest.raises(PromptError, match=r"available: .*default"):
        load_prompt("no-such-prompt")
    with pytest.raises(PromptError, match="not found"):
        load_prompt("/nonexistent/dir/prompt.md")


def test_braces_in_filled_values_are_not_parsed() -> None:
    template = load_prompt("default")
    messages = template.format_messages(context="tweet with {question} and {oops", question="what {is} this")
    text = str(messages[1].content)
    assert "tweet with {question} and {oops" in text
    assert "what {is} this" in text


def test_condense_is_not_offered_as_an_answer_prompt() -> None:
    assert (PROMPTS_DIR / "condense.md").is_file()
    assert "condense" not in available_prompts(PROMPTS_DIR)
    with pytest.raises(PromptError, match=r"available: concise, default, timeline\)") as unknown:
        load_prompt("nosuch")
    assert "condense" not in str(unknown.value)


def test_asking_for_condense_as_answer_prompt_says_what_to_pick() -> None:
    with pytest.raises(
        PromptError, match=r"'condense' is not an answer prompt.*pick one of concise, default"
    ):
        load_prompt("condense")


def test_condense_still_loads_with_its_own_variables() -> None:
    template = load_prompt("condense", variables={"chat_history", "question"})
    assert set(template.input_variables) == {"chat_history", "question"}


def test_undecodable_prompt_file_says_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bin.md"
    path.write_bytes(GOOD.encode("utf-8") + b"\xff\xfe caf\xe9\n")
    with pytest.raises(PromptError, match=r"bin\.md is not UTF-8 text .*: save it as UTF-8 text$"):
        load_prompt(str(path))
