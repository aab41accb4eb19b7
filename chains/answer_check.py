"""A second look before an answer is shown: the model is asked if the tweet it cites answers the question.

Asked about a near miss ("Which Portuguese translation did Victor Moral contribute?" over a tweet crediting
him with the Spanish one), a small model answers from the nearest tweet and cites it. Asked on its own whether
that one tweet answers the question, the same model says No far more often than it declines while answering.
So, when the answer is written, its cited tweets and the question go back to the chat model in a short prompt
of their own, one tweet at a time (the tweet quoted, sentences addressed to an AI left out, as in the answer's
prompt). With Ollama's log probabilities the reply is a degree, not a word: the share of "Yes" in the first
token's P(Yes) + P(No) (`AnswerCheck.score`; a server without them gives 1 for Yes, 0 for No). A tweet scoring
under `keep_at` (`KEEP_AT`, 0.5: the model leaning No) takes its part of the answer away, and an answer left
with none turns into a refusal (`chains.rag` decides which tweets are asked). A tweet the model cited first at
odds of 0.5 or more (`SURE_CITATION`, from the answer's own log probabilities, `chains.citation_odds`) is its
clear choice, not a guess among several, and is kept from `SURE_MARGIN` less (`ANSWER_CHECK_SURE_MARGIN`). A
lower `keep_at` keeps more of the right tweets the model leans No on (paraphrases) and more wrong ones with
them (`ANSWER_CHECK_KEEP_AT`). Any other reply, or a failed call, keeps the answer: the check can hide an
answer, never invent one. When the model has declined, `chains.rag` asks it about the first tweets given
instead, and only a Yes counts there (`QUOTE_AT`, `answers(..., unsure=False)`): a tweet is then quoted, never
text of the model's. A yes/no question ("Did I post about taking notes with colourful pens?") or one about
what was said ("What numbers did I post about ...?") is answered by any tweet on its subject, so for one the
model is asked whether the tweet is about what the question asks (`chains.question_kinds`); asked whether
"Studying with colours just hits different" answers that question, the model says No. A tweet dated inside the
date the question names ("on Independence Day 2006", "over Memorial Day weekend 2008") is asked about without
that date phrase: the date is checked here, in code, since the model does not know that 2006-07-04 is
Independence Day and said No to the right tweet.
"""

from __future__ import annotations

import logging
import math
import re
from datetime import UTC, datetime
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import RunnableConfig
from langchain_ollama import ChatOllama

from chains.citation_odds import entry_value
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
# The model's P(Yes) share at which a tweet the answer cites is kept: a Yes, or the model leaning to one. 0.45
# kept every right tweet of the tuning halves' check pairs, but on the held-out halves it cost a refusal and
# more wrong citations than the right tweets it kept (README, "Answer quality"); `ANSWER_CHECK_KEEP_AT`.
KEEP_AT = 0.5
QUOTE_AT = 0.5  # ... and at which a tweet is quoted in place of the model's refusal: a Yes
# A tweet the model cited first at odds of 0.5 or more (its own choice, not a guess among several) is kept
# from SURE_MARGIN under the bar: 0.45 for 0.5, the bar that kept every right tweet of the tuning halves'
# check pairs (README); `ANSWER_CHECK_SURE_MARGIN`.
SURE_CITATION = 0.5
SURE_MARGIN = 0.05
CHECK_ALTERNATIVES = 10  # likeliest first tokens asked for: "Yes" and "No" are among them
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


def yes_share(logprobs: Any) -> float | None:
    """P(Yes) / (P(Yes) + P(No)) over the first reply token's alternatives (Ollama's `logprobs`).

    None when there are none, or neither word is among them.
    """
    if not isinstance(logprobs, list) or not logprobs:
        return None
    alternatives = entry_value(logprobs[0], "top_logprobs") or [logprobs[0]]
    yes = no = 0.0
    for alternative in alternatives:
        token, logprob = entry_value(alternative, "token"), entry_value(alternative, "logprob")
        if not isinstance(token, str) or not isinstance(logprob, int | float):
            continue
        word = token.strip().lower()
        if word == "yes":
            yes += math.exp(logprob)
        elif word == "no":
            no += math.exp(logprob)
    return yes / (yes + no) if yes + no > 0 else None


class AnswerCheck:
    """Asks the chat model whether a cited tweet answers the question (see the module docstring)."""

    def __init__(
        self,
        llm: BaseChatModel,
        keep_at: float = KEEP_AT,
        quote_at: float = QUOTE_AT,
        sure_margin: float = SURE_MARGIN,
    ) -> None:
        self._llm = llm
        self.keep_at = keep_at
        self.quote_at = quote_at
        self.sure_margin = sure_margin

    def bar(self, cited_at: float | None = None) -> float:
        """The score a cited tweet is kept from: `sure_margin` lower when the model cited it first surely.

        `cited_at` is the model's probability of the number it wrote at its first citation, when that is this
        tweet's (`chains.citation_odds`); None for any other tweet, or when unknown.
        """
        if cited_at is not None and cited_at >= SURE_CITATION:
            return max(0.0, self.keep_at - self.sure_margin)
        return self.keep_at

    def score(
        self,
        question: str,
        tweet: ContextTweet,
        config: RunnableConfig | None = None,
        num_ctx: int | None = None,
    ) -> float | None:
        """How sure the model is that `tweet` answers `question`, from 0 (No) to 1 (Yes); None when unsure.

        With Ollama's log probabilities (a ChatOllama), P(Yes) / (P(Yes) + P(No)) of the reply's first
        token; otherwise, or when the server sends none, 1.0 for a Yes reply, 0.0 for a No. A reply that is
        neither, or a failed call, gives None. `num_ctx` is the context window the answer was written with:
        a ChatOllama without a window of its own asks for the same one, so that the server does not reload
        the model for another size.
        """
        model = self._llm
        if isinstance(model, ChatOllama):
            update: dict[str, Any] = {"logprobs": True, "top_logprobs": CHECK_ALTERNATIVES}
            if num_ctx and not model.num_ctx:
                update["num_ctx"] = num_ctx
            model = model.model_copy(update=update)
        try:
            reply = capped(model, CHECK_TOKENS).invoke(check_messages(question, tweet), config)
        except Exception as error:  # the caller decides what a check that cannot be made means
            logger.warning("the answer check failed: %s", error)
            return None
        text = reply.content if isinstance(reply.content, str) else reply.text
        share = yes_share(reply.response_metadata.get("logprobs"))
        logger.info(
            "answer check for %r on tweet %s: %r (P(Yes) %s)",
            question,
            tweet.number,
            text.strip()[:20],
            "unknown" if share is None else f"{share:.2f}",
        )
        if share is not None and (says_yes(text) or says_no(text)):
            return share
        return 0.0 if says_no(text) else 1.0 if says_yes(text) else None

    def answers(
        self,
        question: str,
        tweet: ContextTweet,
        config: RunnableConfig | None = None,
        num_ctx: int | None = None,
        *,
        unsure: bool = True,
        cited_at: float | None = None,
    ) -> bool:
        """Whether the model says `tweet` answers `question`, by its `score`.

        `unsure` True (the default) is for keeping a tweet an answer the model wrote cites: a score of
        `keep_at` will do, and a reply that is neither Yes nor No, or a failed call, keeps it. False is for
        choosing a tweet to show when the model wrote none: it takes `quote_at`, and an unclear reply or a
        failed call does not choose it.
        """
        sureness = self.score(question, tweet, config, num_ctx)
        if sureness is None:
            return unsure
        return sureness >= (self.bar(cited_at) if unsure else self.quote_at)
