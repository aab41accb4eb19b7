"""A second look before an answer is shown: the model is asked if the tweet it cites answers the question.

Asked about a near miss ("Which Portuguese translation did Victor Moral contribute?" over a tweet crediting
him with the Spanish one), a small model answers from the nearest tweet and cites it. Asked on its own whether
that one tweet answers the question, the same model says No far more often than it declines while answering.
So, when the answer is written, its cited tweets and the question go back to the chat model in a short prompt
of their own, one tweet at a time (the tweet quoted, sentences addressed to an AI left out, as in the answer's
prompt); a clear "No" takes that tweet's part of the answer away, and an answer left with none turns into a
refusal (`chains.rag` decides which tweets are asked). Any other reply, or a failed call, keeps the answer:
the check can hide an answer, never invent one. When the model has declined, `chains.rag` asks it about the
first tweets given instead, and only a clear "Yes" counts there (`answers(..., unsure=False)`): a tweet is
then quoted, never text of the model's. A yes/no question ("Did I post about taking notes with colourful
pens?") or one about what was said ("What numbers did I post about ...?") is answered by any tweet on its
subject, so for one the model is asked whether the tweet is about what the question asks
(`chains.question_kinds`); asked whether "Studying with colours just hits different" answers that question,
the model says No. A tweet dated inside the date the question names ("on Independence Day 2006", "over
Memorial Day weekend 2008") is asked about without that date phrase: the date is checked here, in code, since
the model does not know that 2006-07-04 is Independence Day and said No to the right tweet.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import RunnableConfig
from langchain_ollama import ChatOllama

from chains.context import ContextTweet
from chains.injection import without_injections
from chains.llm import capped
from chains.question_kinds import asks_about_a_subject
from rag.search.dates import parse_date_range

logger = logging.getLogger(__name__)

CHECK_SYSTEM = "You check whether a tweet answers a question. Reply with one word: Yes or No."
CHECK_ASK = "Does this tweet answer the question? Yes or No?"
ABOUT_SYSTEM = "You check whether a tweet is about what a question asks. Reply with one word: Yes or No."
ABOUT_ASK = "Is this tweet about what the question asks? Yes or No?"
CHECK_TOKENS = 3  # "Yes", "No" or "No." are one or two tokens
_NO = re.compile(r"^\W*no\b", re.IGNORECASE)
_YES = re.compile(r"^\W*yes\b", re.IGNORECASE)
_SPACE_BEFORE_MARK = re.compile(r"\s+([?.!,;:])")
_COMMA_BEFORE_MARK = re.compile(r",(?=[?.!,;:])")


def question_for(question: str, tweet: ContextTweet) -> str:
    """`question` as the check asks it about `tweet`: without its date phrase when the tweet is inside it.

    A tweet outside the date, or of an unknown date, is asked about the whole question.
    """
    found = parse_date_range(question, None)
    if found is None or not tweet.created_at:
        return question
    try:
        created = datetime.fromisoformat(tweet.created_at)
    except ValueError:
        return question
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    if not found.to_filter().matches({"created_ts": int(created.timestamp())}):
        return question
    rest = _COMMA_BEFORE_MARK.sub("", _SPACE_BEFORE_MARK.sub(r"\1", found.strip(question))).lstrip(" ,;:")
    return rest[:1].upper() + rest[1:] if re.search(r"\w", rest) else question


def check_messages(question: str, tweet: ContextTweet) -> list[BaseMessage]:
    """The check's prompt: the tweet (dated, quoted on one line) and the question.

    For a question any tweet on its subject answers, it asks whether the tweet is about what it asks; a
    date the tweet is inside is left out of the question (`question_for`).
    """
    text = " ".join(without_injections(tweet.text).split())
    system, ask = (ABOUT_SYSTEM, ABOUT_ASK) if asks_about_a_subject(question) else (CHECK_SYSTEM, CHECK_ASK)
    asked = question_for(question, tweet)
    return [
        SystemMessage(system),
        HumanMessage(f"Tweet ({tweet.date}):\n> {text}\n\nQuestion: {asked}\n\n{ask}"),
    ]


def says_no(reply: str) -> bool:
    """Whether the model's reply to the check is a No ("No", "no.", "**No**"); anything else is not."""
    return bool(_NO.match(reply.strip()))


def says_yes(reply: str) -> bool:
    """Whether the model's reply to the check is a Yes ("Yes", "yes.", "**Yes**"); anything else is not."""
    return bool(_YES.match(reply.strip()))


class AnswerCheck:
    """Asks the chat model whether a cited tweet answers the question (see the module docstring)."""

    def __init__(self, llm: BaseChatModel) -> None:
        self._llm = llm

    def answers(
        self,
        question: str,
        tweet: ContextTweet,
        config: RunnableConfig | None = None,
        num_ctx: int | None = None,
        *,
        unsure: bool = True,
    ) -> bool:
        """False when the model says `tweet` does not answer `question`, True when it says it does.

        A reply that is neither Yes nor No, or a failed call, gives `unsure`: True (the default) keeps an
        answer the model wrote; False is for choosing a tweet to show when the model wrote none. `num_ctx`
        is the context window the answer was written with: a ChatOllama without a window of its own asks
        for the same one, so that the server does not reload the model for another size.
        """
        model = self._llm
        if num_ctx and isinstance(model, ChatOllama) and not model.num_ctx:
            model = model.model_copy(update={"num_ctx": num_ctx})
        try:
            reply = capped(model, CHECK_TOKENS).invoke(check_messages(question, tweet), config)
        except Exception as error:  # the answer stands when the check cannot be made
            logger.warning("the answer check failed (%s): %s", error, "kept" if unsure else "not taken")
            return unsure
        text = reply.content if isinstance(reply.content, str) else reply.text
        logger.info("answer check for %r on tweet %s: %r", question, tweet.number, text.strip()[:20])
        return False if says_no(text) else True if says_yes(text) else unsure
