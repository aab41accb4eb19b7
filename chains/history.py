"""Follow-up questions: with chat history, the chat model rewrites the question into a standalone one.

Without history the question is used as it is and the model is not called. The rewrite prompt is the
file `prompts/condense.md` (variables `{chat_history}` and `{question}`, with worked examples
a small model follows); history comes as LangChain messages, `(role, text)` pairs or `{"role", "content"}`
dicts. The history the model sees is short: the last turns, answers without their `[n]` citations and cut
to a few sentences. The rewrite is capped at `CONDENSE_TOKENS` and checked: its first line, labels such
as "Rewritten:" removed; when it is empty or looks like an answer rather than a question (it cites
tweets, or is much longer than a question), or when it rewrites a follow-up that leans on the conversation
without bringing in any word of it ("When did I tweet that?" unchanged; "Which CVE was it?" as "What CVE was
it?"; "Which programs had those patches been for?" as "... the patches ..."), the follow-up is joined to the
previous question instead, so retrieval still sees the topic.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, convert_to_messages
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda

from chains.grounding import names_held, question_names
from chains.llm import capped, sized_for, strip_thinking, translate_error
from chains.prompts import load_prompt
from rag.indexing.tokenizer import STOP_WORDS

logger = logging.getLogger(__name__)

CONDENSE_PROMPT = "condense"
CONDENSE_VARIABLES = frozenset({"chat_history", "question"})
MAX_HISTORY_MESSAGES = 6
MAX_ANSWER_CHARS = 300
CONDENSE_TOKENS = 60
_LABEL = re.compile(
    r"^\s*(?:standalone question|question|rewritten question|rewritten|last question)\s*:\s*", re.IGNORECASE
)
_CITATION = re.compile(r"\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")
# A question that leans on what came before: a pronoun, "else", "the same", or an opening such as "And ..." /
# "Why?".
_REFERS = re.compile(
    r"\b(?:it|its|that|this|these|those|they|them|their|there|he|she|him|her|then|else|same)\b"
    r"|^\s*(?:and|but|why|what about|how about|so)\b",
    re.IGNORECASE,
)
SHORT_QUESTION_WORDS = 8
# "the client", "the data": a short question naming nothing that points back at something.
_DEFINITE = re.compile(r"\bthe\b", re.IGNORECASE)


def history_messages(raw: Any) -> list[BaseMessage]:
    """Chat history as messages (empty for None or an empty list)."""
    if not raw:
        return []
    return list(convert_to_messages(raw))


def format_history(messages: Sequence[BaseMessage]) -> str:
    """The last turns of the conversation as plain `User:` / `Assistant:` lines."""
    lines: list[str] = []
    for message in list(messages)[-MAX_HISTORY_MESSAGES:]:
        if isinstance(message, HumanMessage):
            role = "User"
        elif isinstance(message, AIMessage):
            role = "Assistant"
        else:
            continue
        text = message.text if isinstance(message.content, list) else str(message.content)
        text = " ".join(text.split())
        if role == "Assistant":
            text = _CITATION.sub("", text)
            if len(text) > MAX_ANSWER_CHARS:
                text = text[: MAX_ANSWER_CHARS - 1].rstrip() + "…"
        lines.append(f"{role}: {text}")
    return "\n".join(lines)


def previous_question(messages: Sequence[BaseMessage]) -> str:
    """The last question the user asked before this one ("" when there is none)."""
    for message in reversed(list(messages)):
        if isinstance(message, HumanMessage):
            return " ".join(str(message.content).split())
    return ""


# Words a rewrite changes or adds without resolving anything ("I" -> "you", "those" -> "the", "Which" ->
# "What", "that" -> "that tweet"), and the history's speaker labels.
_FUNCTION_WORDS = STOP_WORDS | {
    "else", "same", "whom", "whose", "mine", "yours", "done", "user", "assistant",
    "tweet", "tweets", "tweeted", "post", "posts", "posted", "say", "said", "mention", "mentioned",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def brings_in_nothing(rewrite: str, question: str, history_text: str) -> bool:
    """Whether `rewrite` adds to `question` no word of `history_text` (`format_history`) but function words.

    "What CVE was it?" for "Which CVE was it?" resolved nothing; "Who rewrote reStructuredText later?" for
    "Who rewrote it later?" brought in the earlier turn's topic.
    """
    added = _words(rewrite) - _words(question) - _FUNCTION_WORDS
    return not added & _words(history_text)


def checked_rewrite(rewritten: str, question: str, history: Sequence[BaseMessage]) -> str:
    """The model's rewrite when it looks like a standalone question, else the previous question + this one.

    A rewrite that brings no word of the conversation into a follow-up which leans on it (a pronoun, "else",
    "And ...", or a short question about "the" something that names nothing) is not usable either, unless
    the follow-up names something the conversation does not ("Is there a tweet about Rust?"): a new question.
    """
    first_line = rewritten.strip().splitlines()[0] if rewritten.strip() else ""
    standalone = _LABEL.sub("", first_line).strip().strip('"').strip()
    looks_like_answer = len(standalone) > 3 * len(question) + 150 or bool(_CITATION.search(standalone))
    short_and_definite = (
        len(question.split()) < SHORT_QUESTION_WORDS
        and bool(_DEFINITE.search(question))
        and not question_names(question)
    )
    leans_on_history = bool(_REFERS.search(question)) or short_and_definite
    history_text = format_history(history)
    new_topic = any(not names_held([name], [history_text]) for name in question_names(question))
    unresolved = leans_on_history and not new_topic and brings_in_nothing(standalone, question, history_text)
    if standalone and not looks_like_answer and not unresolved:
        return standalone
    earlier = previous_question(history)
    logger.debug("rewrite %r not usable: joining %r to %r", standalone, question, earlier)
    return f"{earlier} {question}".strip() if earlier else question


def build_condense_step(llm: BaseChatModel, prompt: ChatPromptTemplate | None = None) -> Runnable[Any, str]:
    """A runnable from `{"question", "chat_history"?}` to a standalone question."""
    template = prompt or load_prompt(CONDENSE_PROMPT, variables=CONDENSE_VARIABLES)

    def condense(inputs: Mapping[str, Any], config: RunnableConfig) -> str:
        question = str(inputs["question"]).strip()
        history = history_messages(inputs.get("chat_history"))
        if not history:
            return question
        messages = template.format_messages(chat_history=format_history(history), question=question)
        model = sized_for(capped(llm, CONDENSE_TOKENS), messages)
        try:
            reply = model.invoke(messages, config)
        except Exception as error:
            translated = translate_error(error, llm)
            if translated is error:
                raise
            raise translated from error
        standalone = checked_rewrite(strip_thinking(reply.text), question, history)
        logger.debug("follow-up %r rewritten as %r", question, standalone)
        return standalone

    return RunnableLambda(condense).with_config(run_name="condense_question")
