"""The stand-in's chat model: an extractive responder that answers from numbered context, no LLM.

It finds the numbered passages (a line starting `[n]`, such as `[1] 2019-03-02 | tweet | https://...`,
then the text, plain or quoted with `> `) in the last user message, else in the system and user messages
(an example in the system message is not taken for context the user message holds), takes the question
(a `Question:` line, else the last user message without its passages), scores each passage by the
question words it shares (CJK character bigrams too; stopwords and kana-only bigrams do not count; rarer
words weigh more) and answers with the best passage's text, cited as `[n]`. When no passage shares a word
with the question it says it does not know. Asked to rewrite a follow-up into a standalone question, it
returns the follow-up unchanged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DONT_KNOW = "I don't know: none of the tweets answer that."
MAX_ANSWER_CHARS = 600

_HEADER_RE = re.compile(r"^\s*\[(\d{1,4})\]\s?(.*)$")
_QUESTION_RE = re.compile(r"^\s*(?:question|pregunta|q)\s*:\s*(.*)$", re.IGNORECASE)
# The chain's rewrite request (prompts/condense.md): "Last question: ..." then "Rewritten:";
# older prompts said "Follow-up question: ..." and "Standalone question:".
_FOLLOW_UP_RE = re.compile(r"^\s*(?:follow-?up|last) question\s*:\s*(.*)$", re.IGNORECASE)
_REWRITE_CUE_RE = re.compile(r"^\s*(?:rewritten|standalone question)\s*:\s*$", re.IGNORECASE)
_DELIMITER_RE = re.compile(r"^\s*(?:<<<\s*\w+|\w+\s*>>>)\s*$")
_END_OF_PASSAGE_RE = re.compile(r"^\s*(?:question|pregunta|answer|respuesta|q|a)\s*:", re.IGNORECASE)
_URL_RE = re.compile(r"https?://\S+")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:+\-Z.]*)?$")
_META_SEPARATORS = re.compile(r"\s+[·|•]\s+|\s+[-–]\s+")
_WORD_RE = re.compile(r"[^\W\d_]{2,}|\d{2,}")
_CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_KANA_ONLY_RE = re.compile(r"^[\u3040-\u309f]+$")
_KINDS = {"tweet", "reply", "retweet", "quote", "thread", "note", "long"}

_STOPWORD_TEXT = """
    a about after again all also am an and any are as at be because been before being but by can could did
    do does doing don done for from had has have having he her here hers him his how i if in into is it its
    just me more most my no nor not now of off on once only or other our out over own same she should so
    some such than that the their them then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours tweet tweets
    tweeted tweeting ever say said says think thought write wrote written post posted did tell told know
    de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o este sí
    porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno
    les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa
    estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus
    ellas nosotras vosotros os mío mía tuyo suyo dijo escribí dije he ha han
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class Passage:
    """One numbered context entry: its number, its header line and its text."""

    number: int
    header: str
    text: str


def _message_text(message: Mapping[str, Any]) -> str:
    content = message.get("content") or ""
    return content if isinstance(content, str) else str(content)


def _header_text(header: str) -> str:
    """The free text of a header line: without its URL, date and kind parts."""
    parts = [part.strip() for part in _META_SEPARATORS.split(_URL_RE.sub(" ", header)) if part.strip()]
    return " ".join(p for p in parts if not _DATE_RE.match(p) and p.lower() not in _KINDS).strip()


def _scan(text: str) -> list[tuple[str, str, int]]:
    """Each line of `text` labelled "header", "body" (of the passage open above it) or "other".

    A `[n]` line opens a passage. It runs to the next one, to a `Question:`-like line or a `<<<X`/`X>>>`
    delimiter (labelled "other"), or, when the header line carries the passage's text itself
    (`[1] some text`), to the first blank line. The number is the passage's (0 for "other").
    """
    labelled: list[tuple[str, str, int]] = []
    number = 0
    inline = False
    for line in text.splitlines():
        match = _HEADER_RE.match(line)
        if match:
            number, inline = int(match.group(1)), bool(_header_text(match.group(2)))
            labelled.append(("header", line, number))
            continue
        ends = _END_OF_PASSAGE_RE.match(line) or _DELIMITER_RE.match(line) or (inline and not line.strip())
        if number and ends:
            number = 0
        labelled.append(("body", line, number) if number else ("other", line, 0))
    return labelled


def parse_passages(text: str) -> list[Passage]:
    """The numbered passages in `text` (see `_scan` for where one ends)."""
    headers: dict[int, str] = {}
    bodies: dict[int, list[str]] = {}
    order: list[int] = []
    for label, line, number in _scan(text):
        if label == "header":
            match = _HEADER_RE.match(line)
            headers[number] = match.group(2).strip() if match else ""
            bodies[number] = []
            order.append(number)
        elif label == "body":
            bodies[number].append(line)
    seen: set[int] = set()
    passages = []
    for number in order:
        if number not in seen:
            seen.add(number)
            passages.append(Passage(number, headers[number], _passage_text(headers[number], bodies[number])))
    return passages


def _passage_text(header: str, body: list[str]) -> str:
    """The passage's own words: its header's free text and its `> ` quoted lines (else its body)."""
    quoted = [line.strip()[1:].strip() for line in body if line.strip().startswith(">")]
    text = "\n".join(quoted if quoted else body).strip()
    return "\n".join(part for part in (_header_text(header), text) if part)


def _strip_passages(text: str) -> str:
    """`text` without its passages and context delimiters."""
    kept = [line for label, line, _ in _scan(text) if label == "other" and not _DELIMITER_RE.match(line)]
    return "\n".join(kept).strip()


def find_question(messages: Sequence[Mapping[str, Any]]) -> str:
    """The question: a `Question:` line of the last user message, else that message minus its passages."""
    user_messages = [m for m in messages if m.get("role") == "user"]
    if not user_messages:
        return ""
    last = _message_text(user_messages[-1])
    for line in reversed(last.splitlines()):
        match = _QUESTION_RE.match(line)
        if match and match.group(1).strip():
            return match.group(1).strip()
    stripped = _strip_passages(last)
    return stripped or last.strip()


def _follow_up(messages: Sequence[Mapping[str, Any]]) -> str:
    """The follow-up question of a "rewrite it as a standalone question" request, or ""."""
    user_messages = [m for m in messages if m.get("role") == "user"]
    lines = (
        [line for line in _message_text(user_messages[-1]).splitlines() if line.strip()]
        if user_messages
        else []
    )
    asks_standalone = any("standalone question" in _message_text(m).lower() for m in messages)
    if not (asks_standalone or (lines and _REWRITE_CUE_RE.match(lines[-1]))):
        return ""
    for line in reversed(lines):
        match = _FOLLOW_UP_RE.match(line)
        if match and match.group(1).strip():
            return match.group(1).strip()
    return ""


def terms(text: str) -> set[str]:
    """Content words (lowercased, stopwords dropped) and CJK character bigrams that are not kana-only."""
    lowered = text.lower()
    found = {w for w in _WORD_RE.findall(_CJK_RUN_RE.sub(" ", lowered)) if w not in STOPWORDS}
    for run in _CJK_RUN_RE.findall(lowered):
        grams = [run[i : i + 2] for i in range(len(run) - 1)] or [run]
        found.update(g for g in grams if not _KANA_ONLY_RE.match(g))
    return found


def best_passage(question: str, passages: Sequence[Passage]) -> Passage | None:
    """The passage sharing the most (rarity-weighted) terms with the question; the earliest on ties."""
    wanted = terms(question)
    if not wanted or not passages:
        return None
    passage_terms = [terms(p.text + " " + _URL_RE.sub(" ", p.header)) for p in passages]
    best: Passage | None = None
    best_score = 0.0
    for passage, have in zip(passages, passage_terms, strict=True):
        score = 0.0
        for term in wanted & have:
            frequency = sum(1 for other in passage_terms if term in other)
            score += 1.0 + math.log(len(passages) / frequency)
        if score > best_score:
            best, best_score = passage, score
    return best


def answer(messages: Sequence[Mapping[str, Any]]) -> str:
    """The extractive answer to the chat: the best passage's text and its citation, or "I don't know"."""
    user_messages = [m for m in messages if m.get("role") == "user"]
    passages = parse_passages(_message_text(user_messages[-1])) if user_messages else []
    if not passages:  # the context may sit in the system message, or in an earlier one
        for message in messages:
            if message.get("role") in ("system", "user"):
                passages.extend(parse_passages(_message_text(message)))
    follow_up = _follow_up(messages)
    if follow_up and not passages:
        return follow_up
    chosen = best_passage(find_question(messages), passages)
    if chosen is None:
        return DONT_KNOW
    text = " ".join(chosen.text.split())
    if len(text) > MAX_ANSWER_CHARS:
        text = text[: MAX_ANSWER_CHARS - 1].rstrip() + "…"
    return f"{text} [{chosen.number}]"


def pieces(text: str, words_per_piece: int = 3) -> list[str]:
    """The answer cut into streaming pieces of a few words each (joined they give `text` back)."""
    tokens = re.findall(r"\S+\s*|\s+", text)
    return ["".join(tokens[i : i + words_per_piece]) for i in range(0, len(tokens), words_per_piece)] or [""]
