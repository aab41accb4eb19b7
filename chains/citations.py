"""Citations checked against the answer: each `[n]` must be a tweet that says what its sentence says.

Small models cite `[1]` when the fact is in `[3]`, or cite nothing. So the model's numbers are treated as
hints: `CitationVerifier` takes the answer as it streams, removes the model's citation groups and, at the
end of each sentence (`.`, `!`, `?` before a space, or a line end), writes back the citations that the
sentence's words support; in an answer written as a list of labelled tweets (`[1] <tweet> [2] <tweet>`, a
form small models choose), each label also ends the item before it, mid-line too. A tweet supports a
sentence by the share of the sentence's content words (rarer ones weigh more, numbers and @handles double;
English words stemmed, so "formatted files" holds "format" and "file"; a tag ending in a year, "#CES2023",
holds "ces" and "2023") that it contains, its date included.
The model's numbers are kept when their tweet supports the sentence nearly as well as the best one;
otherwise the best-supporting tweet replaces them, or is added to a sentence the model left uncited, when it
covers enough of the sentence; a sentence no tweet supports gets no citation; a cited sentence with no
content words of its own ("Yes [2].") is checked against the question. A sentence that says the tweets do
not answer never gets one, and one the model cited ("[2] The tweets don't say.", said of one listed tweet)
is left out after a cited sentence. After the first cited sentence, a sentence whose tweets hold little of
the question's words is left out, with the uncited sentences that carry it on: small models go on to
summarise every other tweet they were given. The answer streams word by word until its first cited sentence
ends (only whitespace, a sentence's final punctuation and an open `[` wait for what follows), then sentence
by sentence, so the streamed and the invoked answer are the same text. A sentence said a second time (small
models loop: "I tweeted about Tinybird in 2022 [2]. I tweeted about Tinybird in 2022 [3]. ...") ends the
answer: it is left out, and `repeated` tells the caller to stop the model. `answered_by_words` tells when a
tweet answers a question about what was said by its words alone (the answer check need not ask).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

import snowballstemmer

from chains.context import ContextTweet
from chains.question_kinds import asks_what_was_said
from rag.indexing.tokenizer import tokenize

_GROUP = re.compile(r"\s*\[(\s*\d+(?:\s*[,;]\s*\d+)*\s*)\]")
_OPEN_GROUP = re.compile(r"\s*\[[\d\s,;]*$")
_NUMBER = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# A capitalised word and a lone capital letter before a period: an initial ("Mark A. Hershberger"), not a
# sentence's end ("You fell back to plan B.").
_NAME_AND_INITIAL = re.compile(r"(?:^|\s)([^\W\d_]+)\s+([^\W\d_])$")
# In an answer written as a list of labelled tweets ("[1] <tweet> [2] <tweet>"), a label standing in the
# middle of a line starts the next item: the sentence ends before it.
_LABEL_START = re.compile(r"\s*\[\s*\d+")
_LIST_SENTENCE_END = re.compile(
    rf"{_SENTENCE_END.pattern}|(?<=[^\s\]])(?=(?:{_GROUP.pattern})+[ \t]*[^\s\[.!?,;:)])"
)
_MAX_GROUP_CHARS = 40
_LINE_START_SPACES = re.compile(r"\n[ \t]+")
# Words that say nothing about which tweet an answer sentence rests on.
_GENERIC = frozenset(
    {
        *("tweet", "tweeted", "tweeting", "retweet", "post", "posted", "mention", "mentioned", "say", "said"),
        *("share", "shared", "talk", "talked", "wrote", "write", "written", "about", "also", "one", "some"),
        *("mine", "yes", "user", "person", "answer", "question", "based", "provided"),
    }
)
MIN_SUPPORT = 0.3  # share of a sentence's (weighted) content words a tweet must hold to be cited for it
KEEP_RATIO = (
    0.6  # a cited tweet is kept when it supports the sentence at least this well relative to the best
)
# After the first cited sentence, a sentence is left out when its tweets hold less than this share of what
# the context tweet most about the question holds of the question's words (a small model goes on to
# summarise the other tweets it was given). Chosen on the tuning halves of both answer sets (0.5 to 0.7 gave
# the same result there).
ON_TOPIC_RATIO = 0.6
_DECLINE = re.compile(
    r"\b(?:(?:do(?:es)?n[’']?t|do(?:es)? not|never)\s+(?:say|mention|answer|tell|contain|include|show|"
    r"specify|state|provide|indicate|talk)|(?:no|none of the)\s+tweets?\b|not (?:mentioned|stated|specified"
    r"|found)|(?:there is|there's) no (?:information|mention)|cannot (?:be )?(?:determine|answer|found)|"
    r"can(?:no|')t (?:determine|answer|tell|find)|found no tweets|I don['’]t know)",
    re.IGNORECASE,
)


def declines(text: str) -> bool:
    """True when `text` says the tweets do not answer ("The tweets don't say.", "I don't know")."""
    return bool(_DECLINE.search(text))


# Words of a question that a tweet answering it need not contain.
_QUESTION_WORDS = frozenset(
    {
        *("many", "much", "long", "kind", "ever", "did", "does", "do", "happen", "happened"),
        *("during", "before", "after", "since", "until", "between"),
    }
)


def question_terms(question: str) -> set[str]:
    """The content words of a question (no stop, generic or question words; at least two letters)."""
    return {term for term in _terms(question) if term not in _QUESTION_WORDS}


def covering_tweet(question: str, tweets: Sequence[ContextTweet]) -> ContextTweet | None:
    """The first tweet holding every content word of the question (at least two words), or None."""
    wanted = question_terms(question)
    if len(wanted) < 2:
        return None
    for tweet in tweets:
        if wanted <= set(_tweet_terms(tweet)):
            return tweet
    return None


def answered_by_words(question: str, tweet: ContextTweet) -> bool:
    """Whether `tweet` answers `question` by its words alone.

    True for a question asking what was said ("What did I say to @felt?") when the tweet (with its date)
    holds every content word of the question, stemmed; other questions ask for a fact the words cannot
    vouch for ("How many trees are in Valencia?" over "Valencia's trees are lovely").
    """
    if not asks_what_was_said(question):
        return False
    wanted = _stems(question_terms(question))
    return bool(wanted) and wanted <= _stems(_tweet_terms(tweet))


_ONLY_CITATIONS = re.compile(r"\[[\d\s,;]*\]")
_BARE_YES_NO = re.compile(r"[\W_]*(?:no|yes)[\W_]*", re.IGNORECASE)
_DENIAL = re.compile(r"^\W*(?:no\b|you (?:did ?n[o'’]?t|have ?n[o'’]?t|(?:have )?never)\b)", re.IGNORECASE)
_NEGATIONS = frozenset({"no", "not", "never", "didn", "haven", "hasn", "don", "doesn", "wasn", "weren"})


def bare_yes_or_no(text: str) -> bool:
    """Whether `text` is a bare "No" or "Yes" ("No.", "**Yes**"): with no tweet behind it, it says nothing."""
    return bool(_BARE_YES_NO.fullmatch(text))


def adds_nothing(answer: str, question: str) -> bool:
    """Whether `answer` is a bare "Yes", "No" or citation, or the question denied in its own words.

    "No, you didn't share a recipe for vegan lasagna [4]" adds nothing to "Did I share a recipe for vegan
    lasagna?"; "No, you ran a half marathon in Valencia [1]" does (a near miss, told apart).
    """
    text = _ONLY_CITATIONS.sub(" ", answer)
    if bare_yes_or_no(text) or not re.sub(r"[\W_]", "", text):
        return True
    return bool(_DENIAL.match(text)) and _stems(_terms(text)) - _NEGATIONS <= _stems(_terms(question))


def shares_question_words(question: str, text: str) -> bool:
    """Whether `text` holds a content word of `question`, stemmed ("colours" for "colourful")."""
    return bool(_stems(question_terms(question)) & _stems(_terms(text)))


# A tag or word ending in a year ("#useR2017", "CES2023") names an event: its word and its year count too.
_WORD_AND_YEAR = re.compile(r"([^\W\d_]{2,})((?:19|20)\d\d)")


def _terms(text: str) -> list[str]:
    terms = [token for token in tokenize(text) if token not in _GENERIC and len(token) > 1]
    events = [match.groups() for match in map(_WORD_AND_YEAR.fullmatch, terms) if match is not None]
    return terms + [part for event in events for part in event]


def _tweet_terms(tweet: ContextTweet) -> list[str]:
    """A tweet's content words with its date and year ("in 2024" is held by a tweet of 2024)."""
    return _terms(f"{tweet.text} {tweet.date} {tweet.date[:4]}")


_PER_THREAD = threading.local()  # a Snowball stemmer keeps its word in progress: one per thread (web server)


def _stems(terms: Iterable[str]) -> set[str]:
    """`terms` with English words stemmed ("formatted files" and "format file" match); tags, numbers kept."""
    stemmer = getattr(_PER_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _PER_THREAD.stemmer = snowballstemmer.stemmer("english")
    return {stemmer.stemWord(term) if term.isascii() and term.isalpha() else term for term in terms}


def _weight(term: str) -> float:
    return 2.0 if term[0] in "@#" or any(ch.isdigit() for ch in term) else 1.0


class SupportIndex:
    """The context tweets' content words, to measure how well each tweet supports an answer sentence."""

    def __init__(self, tweets: Sequence[ContextTweet]) -> None:
        self.numbers = [tweet.number for tweet in tweets]
        self._terms = [_stems(_tweet_terms(tweet)) for tweet in tweets]
        frequency: Counter[str] = Counter(term for terms in self._terms for term in terms)
        count = max(len(tweets), 1)
        self._idf = {term: math.log(1 + count / seen) for term, seen in frequency.items()}
        self._default_idf = math.log(1 + count)

    def support(self, sentence: str) -> dict[int, float]:
        """Each tweet's share of the sentence's weighted content words (empty when it has none)."""
        return self._shares(_stems(_terms(sentence)))

    def relevance(self, question: str) -> dict[int, float]:
        """Each tweet's share of the question's weighted content words (empty when it has none)."""
        return self._shares(_stems(question_terms(question)))

    def _shares(self, words: set[str]) -> dict[int, float]:
        if not words:
            return {}
        weights = {w: _weight(w) * self._idf.get(w, self._default_idf) for w in words}
        total = sum(weights.values())
        return {
            number: sum(weight for word, weight in weights.items() if word in terms) / total
            for number, terms in zip(self.numbers, self._terms, strict=True)
        }

    def verify(
        self, sentence: str, cited: Sequence[int], earlier: Collection[int] = (), question: str = ""
    ) -> list[int]:
        """The citations `sentence` gets: the model's `cited` numbers checked, re-attributed or dropped.

        A sentence the model left uncited gets the best tweet added, unless an earlier sentence of the
        answer already cites it (no "[1]" after every sentence of a paragraph about one tweet). A cited
        sentence with no content words ("Yes [2].") says what the `question` asked, so it is checked
        against the question's words.
        """
        valid = [n for n in dict.fromkeys(cited) if n in self.numbers]
        if declines(sentence):
            return []
        scores = self.support(sentence) or (self.support(question) if valid else {})
        if not scores:
            return valid  # nothing to check it by: keep what the model gave
        best_number = max(scores, key=lambda n: (scores[n], -n))
        best = scores[best_number]
        kept = [n for n in valid if scores[n] >= MIN_SUPPORT and scores[n] >= KEEP_RATIO * best]
        if not kept and best >= MIN_SUPPORT and (valid or best_number not in earlier):
            kept = [best_number]
        return kept


def _strip_groups(text: str) -> tuple[str, list[int]]:
    """`text` without its citation groups (and the space before each) and the numbers they held."""
    numbers = [int(n) for match in _GROUP.finditer(text) for n in _NUMBER.findall(match.group(1))]
    return _GROUP.sub("", text), numbers


def _citation_text(numbers: Sequence[int]) -> str:
    return " " + "".join(f"[{n}]" for n in numbers) if numbers else ""


class CitationVerifier:
    """Streamed answer text in, the same text with verified citations out (see the module docstring)."""

    def __init__(self, tweets: Sequence[ContextTweet], question: str = "") -> None:
        self._index = SupportIndex(tweets)
        self._question = question
        self._raw = ""
        self._emitted = 0
        self._cited: list[int] = []
        self._repeated = False
        self._relevance = self._index.relevance(question)

    @property
    def cited(self) -> list[int]:
        """The citation numbers written so far, in order of first appearance."""
        return list(dict.fromkeys(self._cited))

    def feed(self, piece: str) -> str:
        """The newly settled part of the answer."""
        self._raw += piece
        return self._settle(final=False)

    def flush(self) -> str:
        """The rest of the answer, its last sentence verified."""
        return self._settle(final=True)

    @property
    def repeated(self) -> bool:
        """Whether the answer began to say a sentence again (what follows is left out)."""
        return self._repeated

    def _settle(self, final: bool) -> str:
        rendered, cited, self._repeated = _render(
            self._raw, self._index, final, self._question, self._relevance
        )
        rendered = rendered.lstrip()  # a citation the answer opened with leaves no space behind
        rendered = _LINE_START_SPACES.sub("\n", rendered)  # small models indent every line after the first
        self._cited = cited
        out = rendered[self._emitted :]
        self._emitted = len(rendered)
        return out


def _orphans(
    numbers: Sequence[int], previous: tuple[str, list[int]], index: SupportIndex, question: str = ""
) -> list[int]:
    """Citations standing after a finished sentence: those its words support that it does not cite yet."""
    if not previous[0]:  # an answer that is only a citation ("[2]"): nothing to check it against
        return [n for n in dict.fromkeys(numbers) if n in index.numbers]
    return [
        n
        for n in index.verify(previous[0], numbers, question=question)
        if n not in previous[1] and n in numbers
    ]


_HEADER_ECHO = re.compile(
    r"\d{4}-\d\d-\d\d \| \w+"
)  # a context header line a model copied ("2022-01-09 | thread")


def _ends_in_initial(text: str) -> bool:
    """Whether `text` ends in a name's initial ("... Mark A"), so that a period after it ends no sentence."""
    found = _NAME_AND_INITIAL.search(text[-60:])
    return found is not None and found.group(1)[:1].isupper() and found.group(2).isupper()


def _sentence_key(body: str) -> str:
    """A sentence's words for telling repeats; "" (never a repeat) for an echoed context header."""
    key = " ".join(body.lower().split()).rstrip(".!? ")
    return "" if _HEADER_ECHO.fullmatch(key) else key


class Rendering(NamedTuple):
    """Answer text as settled so far, the citations written in it, and whether it began to repeat itself."""

    text: str
    cited: list[int]
    repeated: bool


def _render(
    raw: str, index: SupportIndex, final: bool, question: str = "", relevance: dict[int, float] | None = None
) -> Rendering:
    """The settled rendering of `raw`, and the citations written in it.

    Finished sentences come with their verified citations; of the open one only the start that can no
    longer change (without a trailing space, punctuation or unfinished `[` group), unless `final`. A
    sentence the answer already said (a small model looping, whatever its citation) ends the rendering,
    and an open sentence is held back while it may still be one. After the first cited sentence, a
    sentence whose tweets are off the question (see `ON_TOPIC_RATIO`) is left out, with the uncited
    sentences after it until one that its best tweet puts back on the question; the line breaks of
    left-out text are kept. So each later sentence is held back until it ends. `relevance` is
    `index.relevance(question)`, worked out here when not given.
    """
    if relevance is None:
        relevance = index.relevance(question)
    floor = ON_TOPIC_RATIO * max(relevance.values(), default=0.0)
    parts: list[str] = []
    cited: list[int] = []
    previous: tuple[str, list[int]] = ("", [])  # the last finished sentence's words and citations
    said: set[str] = set()
    answered = False  # a cited sentence was kept
    leaving_out = False  # the last cited sentence was off the question

    def refuses_for_one_item(body: str, numbers: list[int]) -> bool:  # "[2] The tweets don't say." in a list
        return answered and bool(numbers) and declines(body)

    def off_question(verified: list[int], body: str) -> bool:
        nonlocal answered, leaving_out
        if verified:
            leaving_out = answered and max(relevance.get(n, 0.0) for n in verified) < floor
            answered = answered or not leaving_out
        elif leaving_out:  # uncited: still on the question when the tweet that best says it is
            scores = index.support(body)
            best = max(scores, key=lambda n: (scores[n], -n), default=None)
            leaving_out = best is None or scores[best] < MIN_SUPPORT or relevance.get(best, 0.0) < floor
        return leaving_out

    gap = ""  # line breaks of left-out text, given back before the next kept sentence

    def keep(text: str) -> None:
        nonlocal gap
        if gap and parts and not parts[-1][-1:].isspace() and not text[:1].isspace():
            text = gap + text
        gap = ""
        parts.append(text)

    start = 0
    ends = _LIST_SENTENCE_END if _LABEL_START.match(raw) else _SENTENCE_END
    for match in ends.finditer(raw):
        if match.group(0) == "." and _ends_in_initial(raw[start : match.start()]):
            continue
        body, numbers = _strip_groups(raw[start : match.start()])
        start = match.end()
        if body.strip():
            key = _sentence_key(body)
            if key in said:
                return Rendering("".join(parts), cited, True)
            if key:
                said.add(key)
            verified = index.verify(body, numbers, cited, question)
            if refuses_for_one_item(body, numbers) or off_question(verified, body):
                gap += "\n" * (body + match.group(0)).count("\n")
                continue
            previous = (body, verified)
            stripped = body.rstrip()
            keep(stripped + _citation_text(verified) + body[len(stripped) :] + match.group(0))
        elif leaving_out:
            gap += "\n" * (body + match.group(0)).count("\n")
            continue
        else:  # whitespace, or citations written after the sentence's full stop: they belong to it
            verified = _orphans(numbers, previous, index, question)
            parts.append(_citation_text(verified) + body + match.group(0))
        cited += verified
    tail = raw[start:]
    if final:
        body, numbers = _strip_groups(tail)
        if _sentence_key(body) in said:
            return Rendering("".join(parts), cited, True)
        if body.strip():
            verified = index.verify(body, numbers, cited, question)
            if not refuses_for_one_item(body, numbers) and not off_question(verified, body):
                cited += verified
                stripped = body.rstrip()
                words = stripped.rstrip(".!?")  # the citation goes before the closing punctuation
                ending = stripped[len(words) :] + body[len(stripped) :]
                keep(words + _citation_text(verified) + ending)
        elif numbers and not leaving_out:
            extra = _orphans(numbers, previous, index, question)
            cited += extra
            parts.append(_citation_text(extra) if parts else _citation_text(extra).lstrip())
        return Rendering("".join(parts), cited, False)
    if answered:
        return Rendering("".join(parts), cited, False)  # the open sentence may be left out: wait for its end
    open_group = _OPEN_GROUP.search(tail)
    if open_group and len(tail) - open_group.start() <= _MAX_GROUP_CHARS:
        tail = tail[: open_group.start()]
    body, _ = _strip_groups(tail)
    settled = body.rstrip()
    if settled and settled[-1] in ".!?":
        settled = settled[:-1].rstrip()
    key = _sentence_key(settled)
    if key and any(earlier.startswith(key) for earlier in said):
        settled = ""  # it may be a sentence said before: wait
    parts.append(settled)
    return Rendering("".join(parts), cited, False)


def clean_citations(answer: str, valid: Collection[int]) -> str:
    """The answer with citation numbers outside `valid` removed (`[1, 9]` -> `[1]`, `[9]` -> nothing)."""

    def rewrite(match: re.Match[str]) -> str:
        numbers = [int(n) for n in _NUMBER.findall(match.group(1))]
        kept = [n for n in numbers if n in valid]
        if len(kept) == len(numbers):
            return match.group(0)
        space = match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())]
        return space + "".join(f"[{n}]" for n in kept) if kept else ""

    return _GROUP.sub(rewrite, answer)


def cited_numbers(answer: str) -> list[int]:
    """The citation numbers in the answer, in order of first appearance."""
    seen: list[int] = []
    for match in _GROUP.finditer(answer):
        for number in (int(n) for n in _NUMBER.findall(match.group(1))):
            if number not in seen:
                seen.append(number)
    return seen


def cited_tweets(answer: str, tweets: Sequence[ContextTweet]) -> list[ContextTweet]:
    """The context tweets the answer cites, in order of first citation; unknown numbers ignored."""
    by_number = {tweet.number: tweet for tweet in tweets}
    return [by_number[number] for number in cited_numbers(answer) if number in by_number]


_CITED_STRETCH = re.compile(rf"[\s\S]*?(?:{_GROUP.pattern})+[.!?]?")


def without_citing(answer: str, rejected: Collection[int]) -> str:
    """`answer` without the stretches of text whose citations all name `rejected` tweets.

    A stretch runs from the end of the previous citation group (and its punctuation) to the end of the
    next one, so uncited sentences that lead up to a rejected citation go with it; text after the last
    citation stays.
    """
    kept: list[str] = []
    end = 0
    for match in _CITED_STRETCH.finditer(answer):
        end = match.end()
        if not set(cited_numbers(match.group(0))) <= set(rejected):
            kept.append(match.group(0))
    text = "".join(kept) + answer[end:]
    return clean_citations(text, set(cited_numbers(answer)) - set(rejected)).lstrip()
