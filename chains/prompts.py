"""Prompt files: find one by name (in `prompts/`, also in the wheel) or by path, check it, build a template.

A prompt file is plain text (or markdown) in two parts: the lines after `=== system ===` are the system
message, the lines after `=== user ===` the user message. Variables are written `{context}` and
`{question}`; a literal brace is doubled (`{{`). The template is made from the file alone: retrieved tweets
and the user's question are only ever filled in as values, never parsed as a template.
"""

from __future__ import annotations

import logging
import re
import string
from collections.abc import Iterable
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

from rag.errors import PromptError

logger = logging.getLogger(__name__)

_INSTALLED_PROMPTS = Path(__file__).resolve().parent / "prompt_files"
_CHECKOUT_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
PROMPTS_DIR = _INSTALLED_PROMPTS if _INSTALLED_PROMPTS.is_dir() else _CHECKOUT_PROMPTS
"""The shipped prompt files: `prompts/` of a checkout, which a wheel installs as `chains/prompt_files/`."""
PROMPT_SUFFIXES = (".md", ".txt")
ANSWER_VARIABLES = frozenset({"context", "question"})
HELPER_PROMPTS = frozenset({"condense"})  # used by the chain itself (follow-ups), not answer prompts
SYSTEM_MARKER = "=== system ==="
USER_MARKER = "=== user ==="
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


def resolve_prompt_path(name_or_path: str | Path, prompts_dir: Path = PROMPTS_DIR) -> Path:
    """The file of a prompt given by name (`concise` -> `prompts/concise.md`) or by path."""
    text = str(name_or_path)
    if isinstance(name_or_path, str) and _NAME.match(text):
        for suffix in PROMPT_SUFFIXES:
            candidate = prompts_dir / f"{text}{suffix}"
            if candidate.is_file():
                return candidate
        names = ", ".join(available_prompts(prompts_dir)) or "none"
        raise PromptError(
            f"no prompt named {text!r} in {prompts_dir} (available: {names}); or give a file path"
        )
    path = Path(text).expanduser()
    if not path.is_file():
        names = ", ".join(available_prompts(prompts_dir)) or "none"
        raise PromptError(f"prompt file {path} not found: give a prompt name ({names}) or an existing file")
    return path


def available_prompts(prompts_dir: Path = PROMPTS_DIR) -> list[str]:
    """Names of the answer prompts in `prompts_dir` (not the chain's own helper prompts), sorted."""
    if not prompts_dir.is_dir():
        return []
    return sorted(
        {
            path.stem
            for path in prompts_dir.iterdir()
            if path.suffix in PROMPT_SUFFIXES and path.stem not in HELPER_PROMPTS
        }
    )


def template_variables(text: str, source: Path | str) -> set[str]:
    """The `{variables}` of an f-string template, or PromptError naming the file on a malformed brace."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise PromptError(f"prompt {source}: {error}; write a literal brace as {{{{ or }}}}") from None
    names: set[str] = set()
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise PromptError(
                f"prompt {source}: variable {{{field}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}} is not a plain name; write a literal brace as {{{{ or }}}}"
            )
        names.add(field)
    return names


def split_prompt_file(text: str, source: Path | str) -> tuple[str, str]:
    """The system part and the user part of a prompt file's text."""
    lines = text.splitlines()
    stripped = [line.strip().lower() for line in lines]
    if SYSTEM_MARKER not in stripped or USER_MARKER not in stripped:
        raise PromptError(
            f"prompt {source}: needs a line '{SYSTEM_MARKER}' and a line '{USER_MARKER}' "
            "(system instructions first, then the user message with {context} and {question})"
        )
    system_at = stripped.index(SYSTEM_MARKER)
    user_at = stripped.index(USER_MARKER)
    if user_at < system_at:
        raise PromptError(f"prompt {source}: '{SYSTEM_MARKER}' must come before '{USER_MARKER}'")
    system = "\n".join(lines[system_at + 1 : user_at]).strip()
    user = "\n".join(lines[user_at + 1 :]).strip()
    return system, user


def parse_prompt(
    text: str,
    source: Path | str,
    variables: Iterable[str] = ANSWER_VARIABLES,
) -> ChatPromptTemplate:
    """Build a checked chat template from a prompt file's text: exactly `variables`, no more, no fewer."""
    expected = set(variables)
    system, user = split_prompt_file(text, source)
    found = template_variables(system, source) | template_variables(user, source)
    unknown = sorted(found - expected)
    if unknown:
        raise PromptError(
            f"prompt {source}: unknown variable {{{unknown[0]}}}; "
            f"allowed: {', '.join('{' + name + '}' for name in sorted(expected))}"
        )
    missing = sorted(expected - found)
    if missing:
        raise PromptError(f"prompt {source}: missing variable {{{missing[0]}}}; the prompt must use it")
    system_vars = template_variables(system, source)
    if "context" in system_vars or "question" in system_vars:
        raise PromptError(
            f"prompt {source}: put {{context}} and {{question}} in the user part, not in the system part"
        )
    return ChatPromptTemplate.from_messages([("system", system), ("human", user)], template_format="f-string")


def load_prompt(
    name_or_path: str | Path,
    *,
    variables: Iterable[str] = ANSWER_VARIABLES,
    prompts_dir: Path = PROMPTS_DIR,
) -> ChatPromptTemplate:
    """Load and check a prompt by name (from `prompts_dir`, default the shipped ones) or by path."""
    expected = set(variables)
    if expected == ANSWER_VARIABLES and isinstance(name_or_path, str) and name_or_path in HELPER_PROMPTS:
        names = ", ".join(available_prompts(prompts_dir)) or "none"
        raise PromptError(
            f"{name_or_path!r} is not an answer prompt (the chain uses it for follow-up questions): "
            f"pick one of {names}, or give a file path"
        )
    path = resolve_prompt_path(name_or_path, prompts_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PromptError(
            f"prompt {path} is not UTF-8 text (byte {error.start} cannot be decoded): save it as UTF-8 text"
        ) from None
    except OSError as error:
        raise PromptError(
            f"prompt {path} cannot be read ({error.strerror or error}): check the file"
        ) from None
    logger.debug("loaded prompt %s", path)
    return parse_prompt(text, path, expected)
