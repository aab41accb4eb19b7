"""The retrieval-augmented answer chain: condense the question, retrieve tweets, answer with citations.

`build_rag_chain(retriever, llm, prompt, settings=...)` takes its dependencies; any left out are built from
the settings (from the environment when none are given). The chain is LCEL with named steps
(`condense_question`, `retrieve`, `number_tweets`, `answer`, inside it `generate_answer`).

Input: `{"question": str, "chat_history"?: messages}`. `.invoke(...)` returns a dict with `question`,
`standalone_question`, `answer` (str), `sources` (list of Documents, one per tweet: the tweets given to the
model that the answer cites; empty when it cites none, e.g. "I don't know"), `context` (every tweet given to
the model, numbered as in the prompt) and `abstained` (bool). `.stream(...)` yields dicts as they become
known: one with the questions, then `{"answer": piece}` chunks as the model writes, then one with `sources`,
`context` and `abstained`, so `for chunk in chain.stream(...): print(chunk.get("answer", ""), end="")` prints
the answer as it is generated. When nothing relevant is retrieved, the answer is `"I found no tweets about
that."` and the chat model is not called; so is a question that names something (a place, a person, an
@handle) that no retrieved tweet mentions: "None of the tweets I found mention "Madrid"."
(`chains.grounding`). When the question names something and no tweet the answer cites (with the rest of its
thread) holds any of the names, the answer may rest on tweets about something else (Valencia's trees cited for
Madrid's), so `NAMES_CAVEAT` is added after it; the answer and its sources stay, since the names check cannot
tell an abbreviation ("bzr" for "Bazaar") from another topic. The tweets given to the model are cut to
`context_tokens` (estimated), keeping those that share most words with the question. Citations are checked
sentence by sentence against the tweets (`chains.citations`), so `sources` are tweets that say what the answer
says, and later sentences about tweets off the question are left out; an answer that says the tweets do not
answer and rests on no tweet counts as abstaining (`abstained` true, no sources), unless one retrieved tweet
holds every content word of the question: a small model refuses such questions now and then, so that tweet is
quoted instead (the refusal sentence is held back while it streams, so it never shows). A bare "No" or "Yes"
that no tweet backs ("[1] No." whose tweet holds none of the question's words, an uncited "Yes" to "What
happened to my bike?") is that refusal too. With `ANSWER_CHECK` on (the default of `open_chain`), the answer's
cited tweets and the question go back to the model in short prompts of their own before the answer is shown,
one tweet at a time, each of the first `MAX_CHECKED` cited: the text resting only on tweets it leans No on
(under `ANSWER_CHECK_KEEP_AT`, from Ollama's log probabilities; `ANSWER_CHECK_SURE_MARGIN` lower for the tweet
the model cited first at odds of 0.5 or more, read from the answer's own log probabilities,
`chains.citation_odds`) is left out, and when none answers, the answer is "The tweets don't say."
(`chains.answer_check`); an answer that cites no tweet at all ("No, you didn't ask ...", a made-up link) is
that refusal too, or the tweet holding every content word of the question, quoted (without the check it has
streamed already). When the model itself declines, in whatever words ("No tweet mentions ..."), the check
takes a second look at the first `MAX_CHECKED` tweets given, and the first it says answers is quoted instead
of the refusal. To a yes/no question ("Did I complain about being too short?"), an answer that adds nothing to
its tweets (a bare "[1] No.", "[1]", or the question said back as a denial citing a tweet) is the first of its
cited tweets the check finds on the question's subject, quoted, or the refusal (`chains.question_kinds`). A
tweet holding every content word of a question about what was said ("What did I say to @felt?") answers it by
its words alone (`chains.citations.answered_by_words`), so it is not asked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig, RunnableGenerator, RunnableLambda
from langchain_core.runnables.utils import AddableDict
from langchain_ollama import ChatOllama

from chains.answer_check import AnswerCheck
from chains.citation_odds import ODDS_ALTERNATIVES, CitationOdds, first_citation_odds, response_logprobs
from chains.citations import (
    CitationVerifier,
    adds_nothing,
    answered_by_words,
    bare_yes_or_no,
    cited_tweets,
    covering_tweet,
    declines,
    shares_question_words,
    without_citing,
)
from chains.citations import cited_numbers as cited_in
from chains.context import ContextTweet, expand_documents, format_context, format_tweet
from chains.grounding import names_held, question_names, unmentioned_names
from chains.history import build_condense_step
from chains.injection import without_injections
from chains.llm import ThinkFilter, build_chat_model, sized_for, translate_error
from chains.prompts import load_prompt
from chains.question_kinds import asks_yes_or_no
from rag.filters import KindMode
from rag.indexing.tokenizer import tokenize
from rag.settings import Settings
from rag.token_estimate import estimate_tokens

logger = logging.getLogger(__name__)

ABSTAIN_ANSWER = "I found no tweets about that."
DECLINE_ANSWER = "The tweets don't say."
# Added to an answer whose cited tweets (with their threads) hold none of the question's names.
NAMES_CAVEAT = "(Careful: the tweets cited here never name {names}; they may be about something else.)"
CONTEXT_TOKENS = 600  # tweets given to the model, in estimated tokens: small models answer better with less


def _check_input(inputs: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(inputs, Mapping) or not str(inputs.get("question") or "").strip():
        raise ValueError(
            'the chain takes {"question": "...", "chat_history": [...]} with a non-empty question'
        )
    return inputs


def _number_tweets(inputs: Mapping[str, Any]) -> dict[str, Any]:
    documents: list[Document] = list(inputs.get("documents") or [])
    return {**inputs, "tweets": expand_documents(documents)}


_CITATIONS_ONLY = re.compile(r"\[\d+\]|[\W_]")  # what is left of an answer of no words: "[3]", ",,,, [1][2]"
QUOTE_CHARS = 200


def _quote(tweet: ContextTweet) -> str:
    """An answer that is the tweet itself, quoted with its date and citation."""
    text = " ".join(without_injections(tweet.text).split())  # what the model saw, not an injected order
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS - 1].rstrip() + "…"
    return f'On {tweet.date} you tweeted: "{text}" [{tweet.number}]'


def _quoted_covering(question: str, tweets: Sequence[ContextTweet]) -> tuple[str, list[int]] | None:
    """The tweet holding every content word of `question`, quoted, and its number; None when no tweet does."""
    covering = covering_tweet(question, tweets)
    return None if covering is None else (_quote(covering), [covering.number])


def _may_be_refusal(text: str) -> bool:
    """Whether streamed answer text may still become the refusal sentence ("The tweets don't say.")."""
    start = text.strip().replace("\u2019", "'").lower()
    return bool(start) and DECLINE_ANSWER.lower().startswith(start)


def _question_terms(question: str) -> set[str]:
    return {term for term in tokenize(question) if len(term) > 1}


def fit_context(tweets: Sequence[ContextTweet], question: str, budget: int) -> list[ContextTweet]:
    """The tweets that fit `budget` estimated tokens, renumbered from 1 in their order.

    When they do not all fit, those sharing the fewest words with the question go first (a long thread
    keeps its tweets about the question); the first tweet always stays.
    """
    costs = [estimate_tokens(format_tweet(tweet, links=False)) for tweet in tweets]
    if sum(costs) <= budget:
        return list(tweets)
    wanted = _question_terms(question)
    overlap = [len(wanted & set(tokenize(tweet.text))) for tweet in tweets]
    order = sorted(range(len(tweets)), key=lambda i: (i != 0, -overlap[i], i))
    kept: set[int] = set()
    used = 0
    for i in order:
        if used + costs[i] <= budget or not kept:
            kept.add(i)
            used += costs[i]
    chosen = [tweets[i] for i in sorted(kept)]
    logger.debug("context cut from %d to %d tweets (%d estimated tokens)", len(tweets), len(chosen), used)
    return [replace(tweet, number=number) for number, tweet in enumerate(chosen, 1)]


def _searchable(tweet: ContextTweet) -> str:
    """A tweet's text with the text of its metadata (expanded links, mentions, tags) for name lookups."""
    extra = " ".join(value for value in tweet.metadata.values() if isinstance(value, str))
    return f"{tweet.text}\n{extra}"


def _thread_texts(tweet: ContextTweet, found: Sequence[ContextTweet]) -> list[str]:
    """The searchable text of `tweet` and of the other found tweets of its thread (its document)."""
    thread = {part.strip() for part in tweet.thread_ids.split(",")}
    thread.discard(tweet.tweet_id)
    return [_searchable(tweet), *(_searchable(other) for other in found if other.tweet_id in thread)]


def _names_phrase(names: Sequence[str]) -> str:
    quoted = [f'"{name}"' for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _answer_step(
    llm: BaseChatModel,
    template: ChatPromptTemplate,
    context_tokens: int,
    check_names: bool = True,
    answer_check: AnswerCheck | None = None,
) -> Runnable[Any, Any]:
    """The last step: abstain, or stream the model's answer with thinking removed and citations verified.

    With `answer_check`, the answer is held until its cited tweets (the first `MAX_CHECKED`) have been
    checked against the question (`chains.answer_check`), then given whole, without the sentences resting
    on tweets the check rejected, or replaced by the refusal; a refusal of the model's can give way to a
    tweet the check says answers (the second look).
    """
    generate = RunnableLambda(_generate_with(llm, odds=answer_check is not None), name="generate_answer")

    def answer(chunks: Iterator[Mapping[str, Any]], config: RunnableConfig) -> Iterator[AddableDict]:
        inputs: dict[str, Any] = {}
        for chunk in chunks:
            inputs.update(chunk)
        question = str(inputs["question"])
        standalone = str(inputs.get("standalone_question") or question)
        tweets = fit_context(list(inputs.get("tweets") or []), standalone, context_tokens)
        yield AddableDict(question=question, standalone_question=standalone)
        if not tweets:
            logger.info("no relevant tweets for %r: abstaining", standalone)
            yield AddableDict(answer=ABSTAIN_ANSWER)
            yield AddableDict(sources=[], context=[], abstained=True)
            return
        missing = (
            unmentioned_names(standalone, map(_searchable, inputs.get("tweets") or [])) if check_names else []
        )
        if missing:
            logger.info("no tweet found for %r mentions %s: abstaining", standalone, missing)
            yield AddableDict(answer=f"None of the tweets I found mention {_names_phrase(missing)}.")
            yield AddableDict(sources=[], context=[], abstained=True)
            return
        context = format_context(tweets, links=False)  # links cost tokens; the sources carry them
        messages = template.format_messages(context=context, question=standalone)
        think = ThinkFilter()
        cites = CitationVerifier(tweets, standalone)
        by_number = {tweet.number: tweet for tweet in tweets}
        parts: list[str] = []
        model_text = ""  # the answer as the model wrote it, its own citations included
        held = ""  # the answer's start, held back while it may be the refusal sentence or has no words yet
        logprobs: list[Any] = []  # the answer tokens' log probabilities, when the server sends them
        for piece in generate.stream(messages, config):
            logprobs += piece.logprobs
            thought = think.feed(piece.text)
            model_text += thought
            visible = cites.feed(thought)
            if cites.repeated:  # the model is looping: stop it (closing the stream ends the request)
                logger.info("the answer to %r repeats a sentence: stopping the model", standalone)
                break
            if not visible:
                continue
            start = held + visible
            if not parts and (
                _may_be_refusal(start) or not _CITATIONS_ONLY.sub("", start) or bare_yes_or_no(start)
            ):
                held += visible  # it may be the refusal sentence, a bare "No" or "Yes", or citations alone
                continue
            visible, held = held + visible, ""
            parts.append(visible)
            if answer_check is None:
                yield AddableDict(answer=visible)
        thought = think.flush()
        model_text += thought
        rest = held + cites.feed(thought) + cites.flush()
        if answer_check is not None:  # nothing is shown before the check: the whole answer is still open
            rest, parts = "".join(parts) + rest, []
        cited_numbers = cites.cited
        num_ctx = getattr(sized_for(llm, messages), "num_ctx", None) if answer_check is not None else None
        yes_no_said_back = asks_yes_or_no(standalone) and adds_nothing(model_text, standalone)
        said_back = cited_tweets(model_text, tweets) if yes_no_said_back else []
        checked = bool(said_back) and answer_check is not None  # the check has chosen the answer's tweet
        if answer_check is not None and said_back:  # "[1] No.", "[2]", "No, you didn't <the question> [1]"
            on_subject = _first_answering(answer_check, standalone, said_back, config, num_ctx)
            rest, cited_numbers = (
                (_quote(on_subject), [on_subject.number]) if on_subject else (DECLINE_ANSWER, [])
            )
            logger.info(
                "the answer to %r adds nothing to its tweets; now citing %s", standalone, cited_numbers
            )
        elif not parts and not cited_numbers and bare_yes_or_no(rest):
            rest = DECLINE_ANSWER  # a "No" (or "Yes") that rests on no tweet: the tweets don't say
        if (
            not parts and cited_numbers and not _CITATIONS_ONLY.sub("", rest)
        ):  # a bare "[3]" from a small model, or citations after commas: the tweets, quoted one per line
            quoted = [
                by_number[n] for n in cited_numbers if shares_question_words(standalone, by_number[n].text)
            ]
            rest = (
                "\n".join(map(_quote, quoted)) or DECLINE_ANSWER
            )  # tweets about something else answer nothing
            cited_numbers = [tweet.number for tweet in quoted]
        elif not parts and not cited_numbers and declines(rest):
            covered = _quoted_covering(standalone, tweets)  # a refusal although one tweet holds every word
            if covered is not None:
                rest, cited_numbers = covered
                logger.info("the model declined; tweet %s holds every word of %r", cited_numbers, standalone)
            elif answer_check is not None and not checked:  # a second look: the first tweets, one at a time
                answering = _first_answering(answer_check, standalone, tweets, config, num_ctx, unsure=False)
                if answering is not None:
                    rest, cited_numbers, checked = _quote(answering), [answering.number], True
                    logger.info("the model declined; the check says %s answers %r", cited_numbers, standalone)
        names = question_names(standalone) if check_names else []
        answered = "".join(parts) + rest
        found = list(inputs.get("tweets") or [])
        cited_threads = (_thread_texts(by_number[number], found) for number in cited_numbers)
        if names and not declines(answered) and not any(names_held(names, texts) for texts in cited_threads):
            logger.info("the answer to %r cites no tweet naming %s: flagged", standalone, names)
            rest += ("\n\n" if answered else "") + NAMES_CAVEAT.format(names=_names_phrase(names))
        if rest:
            parts.append(rest)
        if answer_check is not None:
            if checked:
                pass  # the check chose the tweet the answer quotes
            elif cited_numbers and not declines(answered):
                odds = first_citation_odds(logprobs)
                rejected = _rejected(
                    answer_check, standalone, [by_number[n] for n in cited_numbers], config, num_ctx, odds
                )
                if rejected:
                    kept = without_citing("".join(parts), rejected)
                    cited_numbers = [n for n in cited_numbers if n in cited_in(kept)]
                    parts = [kept] if cited_numbers else [DECLINE_ANSWER]
                    logger.info(
                        "tweets %s do not answer %r: %s",
                        rejected,
                        standalone,
                        "left out" if cited_numbers else "declining",
                    )
            elif not cited_numbers and answered.strip() and not declines(answered):
                # Not one sentence rests on a tweet ("No, you didn't ask ...", a made-up link): the tweets
                # back none of it, so it is the refusal, or the tweet holding every word of the question.
                answer, cited_numbers = _quoted_covering(standalone, tweets) or (DECLINE_ANSWER, [])
                parts = [answer]
                logger.info("the answer to %r cites no tweet; now citing %s", standalone, cited_numbers)
            if parts:
                yield AddableDict(answer="".join(parts))
        elif rest:
            yield AddableDict(answer=rest)
        cited = [by_number[number] for number in cited_numbers]
        # The model saying the tweets do not answer, with no sentence resting on a tweet, is an abstention.
        abstained = not cited and declines("".join(parts))
        yield AddableDict(
            sources=[tweet.to_document() for tweet in cited],
            context=[tweet.to_document() for tweet in tweets],
            abstained=abstained,
        )

    return RunnableGenerator(answer, name="answer")  # type: ignore[arg-type]


MAX_CHECKED = 3  # cited tweets the answer check asks about, at most
NO_ODDS = CitationOdds()  # an answer without log probabilities


def _rejected(
    check: AnswerCheck,
    question: str,
    cited: Sequence[ContextTweet],
    config: RunnableConfig,
    num_ctx: int | None,
    odds: CitationOdds = NO_ODDS,
) -> list[int]:
    """The numbers of the cited tweets the model says do not answer: each of the first `MAX_CHECKED` asked.

    All the cited numbers when none of those answers. A tweet cited after them is kept unasked. `odds` are
    the model's odds at its first citation (`chains.citation_odds`): the tweet it wrote there surely is kept
    from a lower bar (`AnswerCheck.bar`).
    """
    asked = cited[:MAX_CHECKED]
    rejected = [
        tweet.number
        for tweet in asked
        if not _answers(check, question, tweet, config, num_ctx, cited_at=odds.written_at(tweet.number))
    ]
    return [tweet.number for tweet in cited] if len(rejected) == len(asked) else rejected


def _first_answering(
    check: AnswerCheck,
    question: str,
    cited: Sequence[ContextTweet],
    config: RunnableConfig,
    num_ctx: int | None,
    *,
    unsure: bool = True,
) -> ContextTweet | None:
    """The first of `cited` (of the first `MAX_CHECKED`) that answers `question` (`_answers`), or None."""
    asked = cited[:MAX_CHECKED]
    return next((tweet for tweet in asked if _answers(check, question, tweet, config, num_ctx, unsure)), None)


def _answers(
    check: AnswerCheck,
    question: str,
    tweet: ContextTweet,
    config: RunnableConfig,
    num_ctx: int | None,
    unsure: bool = True,
    cited_at: float | None = None,
) -> bool:
    """Whether `tweet` answers `question`: by its words alone (`answered_by_words`), else by the model.

    `unsure` is the answer when the model's reply is neither Yes nor No, or the call fails; `cited_at` the
    odds the model cited the tweet first at, which lower the check's bar when high (`AnswerCheck.bar`).
    """
    words = answered_by_words(question, tweet)
    return words or check.answers(question, tweet, config, num_ctx, unsure=unsure, cited_at=cited_at)


@dataclass(frozen=True)
class Piece:
    """A piece of the answer as the model streams it, with its tokens' log probabilities (if sent)."""

    text: str
    logprobs: list[Any]


def _generate_with(llm: BaseChatModel, odds: bool = False) -> Any:
    """A streaming generator over the chat model, sized to the prompt, with Ollama errors translated.

    It yields a `Piece` per chunk; with `odds`, a ChatOllama is asked for Ollama's log probabilities
    (`ODDS_ALTERNATIVES` alternatives a token), which come with the pieces they belong to.
    """

    def generate(messages: list[Any], config: RunnableConfig) -> Iterator[Piece]:
        model = sized_for(llm, messages)
        if odds and isinstance(model, ChatOllama):
            model = model.model_copy(update={"logprobs": True, "top_logprobs": ODDS_ALTERNATIVES})
        try:
            for chunk in model.stream(messages, config):
                text = chunk.content if isinstance(chunk.content, str) else chunk.text
                logprobs = response_logprobs(chunk.response_metadata)
                if text or logprobs:
                    yield Piece(text, logprobs)
        except Exception as error:
            translated = translate_error(error, llm)
            if translated is error:
                raise
            raise translated from error

    return generate


def _assign(key: str, step: Runnable[Any, Any], source: str | None = None) -> Runnable[Any, Any]:
    """Like `RunnablePassthrough.assign(key=step)`, without its thread pool (a few ms per call).

    `step` gets `inputs[source]` when `source` is given, else the whole input dict.
    """

    def add(inputs: Mapping[str, Any], config: RunnableConfig) -> dict[str, Any]:
        value = step.invoke(inputs[source] if source else inputs, config)
        return {**inputs, key: value}

    return RunnableLambda(add, name=f"add_{key}")


def _need(settings: Settings | None) -> Settings:
    if settings is None:  # pragma: no cover - build_rag_chain reads the environment first
        raise ValueError("settings are needed to build the missing parts of the chain")
    return settings


def build_rag_chain(
    retriever: BaseRetriever | None = None,
    llm: BaseChatModel | None = None,
    prompt: ChatPromptTemplate | str | Path | None = None,
    *,
    settings: Settings | None = None,
    condense_prompt: ChatPromptTemplate | None = None,
    context_tokens: int = CONTEXT_TOKENS,
    check_names: bool = True,
    answer_check: AnswerCheck | None = None,
) -> Runnable[dict[str, Any], dict[str, Any]]:
    """The answer chain; dependencies left out are built from `settings` (default: the environment).

    `prompt` is a checked template, or a prompt name / file path (default: `settings.prompt`);
    `context_tokens` caps the tweets given to the model (estimated tokens); with `check_names`, a question
    naming something no retrieved tweet mentions is declined without calling the model
    (`chains.grounding`); with `answer_check`, an answer whose first cited tweet the model, asked again,
    says does not answer the question is declined (`chains.answer_check`; the answer then comes whole,
    not piece by piece).
    """
    if settings is None and (retriever is None or llm is None or prompt is None):
        settings = Settings.from_env()
    if isinstance(prompt, ChatPromptTemplate):
        template = prompt
    elif prompt is not None:
        template = load_prompt(prompt)
    else:
        template = load_prompt(_need(settings).prompt)
    if llm is None:
        llm = build_chat_model(_need(settings))
    if retriever is None:
        from rag.search.retrieval import open_retriever

        retriever = open_retriever(_need(settings))
    condense = build_condense_step(llm, condense_prompt)
    chain = (
        _assign("standalone_question", RunnableLambda(_check_input, name="check_input") | condense)
        | _assign("documents", retriever.with_config(run_name="retrieve"), source="standalone_question")
        | RunnableLambda(_number_tweets, name="number_tweets")
        | _answer_step(llm, template, context_tokens, check_names, answer_check)
    )
    return chain.with_config(run_name="tweet_rag")


def open_chain(
    settings: Settings | None = None,
    *,
    since_ts: int | None = None,
    until_ts: int | None = None,
    retweets: KindMode = "include",
    replies: KindMode = "include",
    check: bool = True,
) -> Runnable[dict[str, Any], dict[str, Any]]:
    """The answer chain over the index the settings name, checked before any question is asked.

    What `tweet-rag ask` and the web server use. The index is opened first (a missing one is reported
    without asking Ollama anything), then, with `check`, the Ollama checks run once: the chat server has
    `CHAT_MODEL`, every embedding host has `EMBED_MODEL`, and its vectors have the index's dimension. Every
    failure is a one-line `TweetRagError`. `since_ts`/`until_ts` (epoch seconds; see
    `rag.search.retrieval.date_bound`) and `retweets`/`replies` (`include`, `exclude`, `only`) filter every
    question; `settings` default to the environment.
    """
    from rag.indexing.store import check_model, find_collection, make_client
    from rag.ollama import check_models
    from rag.search.retrieval import open_retriever

    settings = settings or Settings.from_env()
    retriever = open_retriever(
        settings, since_ts=since_ts, until_ts=until_ts, retweets=retweets, replies=replies
    )
    if check:
        dimension = check_models(settings)
        collection = find_collection(make_client(settings), settings.collection)  # the model facts it holds
        if collection is not None:
            check_model(collection, settings, settings.embed_model, dimension)
    llm = build_chat_model(settings)
    return build_rag_chain(
        retriever, llm, settings.prompt, settings=settings, answer_check=answer_check_for(settings, llm)
    )


def answer_check_for(settings: Settings, llm: BaseChatModel) -> AnswerCheck | None:
    """The answer check the settings ask for (`ANSWER_CHECK`, `..._KEEP_AT`, `..._SURE_MARGIN`), or None."""
    if not settings.answer_check:
        return None
    return AnswerCheck(
        llm, keep_at=settings.answer_check_keep_at, sure_margin=settings.answer_check_sure_margin
    )
