"""Follow-up questions: with chat history, the chat model rewrites the question into a standalone one.

Without history the question is used as it is and the model is not called. The rewrite prompt is the
file `chains/prompt_files/condense.md` (variables `{chat_history}` and `{question}`); history comes as
LangChain messages, `(role, text)` pairs or `{"role", "content"}` dicts.
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

from chains.llm import sized_for, strip_thinking, translate_error
from chains.prompts import load_prompt

logger = logging.getLogger(__name__)

CONDENSE_PROMPT = "condense"
CONDENSE_VARIABLES = frozenset({"chat_history", "question"})
MAX_HISTORY_MESSAGES = 12
_LABEL = re.compile(r"^\s*(?:standalone question|question|rewritten question)\s*:\s*", re.IGNORECASE)


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
        lines.append(f"{role}: {' '.join(text.split())}")
    return "\n".join(lines)


def build_condense_step(llm: BaseChatModel, prompt: ChatPromptTemplate | None = None) -> Runnable[Any, str]:
    """A runnable from `{"question", "chat_history"?}` to a standalone question."""
    template = prompt or load_prompt(CONDENSE_PROMPT, variables=CONDENSE_VARIABLES)

    def condense(inputs: Mapping[str, Any], config: RunnableConfig) -> str:
        question = str(inputs["question"]).strip()
        history = history_messages(inputs.get("chat_history"))
        if not history:
            return question
        messages = template.format_messages(chat_history=format_history(history), question=question)
        model = sized_for(llm, messages)
        try:
            reply = model.invoke(messages, config)
        except Exception as error:
            translated = translate_error(error, llm)
            if translated is error:
                raise
            raise translated from error
        rewritten = strip_thinking(reply.text).strip()
        first_line = rewritten.splitlines()[0] if rewritten else ""
        standalone = _LABEL.sub("", first_line).strip().strip('"').strip()
        logger.debug("follow-up %r rewritten as %r", question, standalone)
        return standalone or question

    return RunnableLambda(condense).with_config(run_name="condense_question")
