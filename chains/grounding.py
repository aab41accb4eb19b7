"""Near misses: a question that names something no retrieved tweet mentions is not answered from them.

A small model asked "How many trees are there in Madrid?" over tweets about Valencia's trees answers with
Valencia's figure. So before the model is called, the names in the question (capitalised words after the
first, words with inner capitals or digits, @handles and #hashtags; neighbouring ones make one name; dates
are left out, the date filter handles them) are looked up in the tweets the retriever found: when none of
them holds any of the question's names, after case and accent folding, the tweets are about something
else, and the chain says so instead of answering. Lookups are lenient, since a wrong refusal costs more
than a rare near miss answered: one name held is enough, a name inside a longer word counts ("Tinybird" is
in "@tinybirdco"), so does any word of a longer name ("VS Code" is held by a tweet saying "code",
"Slackware-style" by one saying "Slackware"), and a long name's start, without its last three letters
("Swedish" is held by "Sweden").

The same lookup checks an answer afterwards (`names_held`): the tweets it cites, with the other tweets of
their threads, must hold one of the question's names, or the answer rests on tweets about something else
(Valencia's 120k trees cited for Madrid).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rag.indexing.tokenizer import STOP_WORDS, normalize
from rag.search.dates import MONTHS, parse_date_range
from rag.search.query_terms import WORD, looks_like_name

_TAG = re.compile(r"(?<!\w)[@#]\w+")
STEM_CHARS = 4  # a name matches on its start, without its last three letters, down to this many
_POSSESSIVE = re.compile(r"['\u2019]s$")
# Words of letters joined by hyphens ("Slackware-style"); "CVE-2016-10026" is one word.
_LETTERS_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Capitalised words that are not names of things a tweet would spell out: I, tweeting, months, weekdays.
_NOT_NAMES_TEXT = """
    i i'm i've i'd i'll im ive tweet tweets tweeted twitter x retweet retweets
    monday tuesday wednesday thursday friday saturday sunday
    lunes martes miercoles jueves viernes sabado domingo
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split()) | frozenset(MONTHS)


def question_names(question: str) -> list[str]:
    """The names a question asks about, in order, without its date phrase.

    Neighbouring capitalised words make one name ("Visual Studio Code", "Kobe Bryant").
    """
    found = parse_date_range(question, None)
    text = found.strip(question) if found is not None else question
    names: list[str] = list(_TAG.findall(text))
    run: list[str] = []
    previous_end = -1
    for position, match in enumerate(WORD.finditer(_TAG.sub(" ", text))):
        word = _POSSESSIVE.sub("", match.group(0).strip("'\u2019-"))
        folded = normalize(word)
        is_name = looks_like_name(position, word) and folded not in STOP_WORDS and folded not in _NOT_NAMES
        if run and (not is_name or match.start() - previous_end > 1):
            names.append(" ".join(run))
            run = []
        if is_name:
            run.append(word)
            previous_end = match.end()
    if run:
        names.append(" ".join(run))
    return list(dict.fromkeys(names))


def _name_parts(words: Sequence[str]) -> list[str]:
    """The capitalised parts of a name's hyphenated words: "Slackware" of "Slackware-style", not "style"."""
    return [
        part
        for word in words
        if _LETTERS_HYPHENATED.fullmatch(word)
        for part in word.split("-")
        if part[:1].isupper()
    ]


def _held(name: str, haystack: str) -> bool:
    """Whether `haystack` (folded) holds the name: the whole, run together, or one of its words."""
    spaced = name.lstrip("@#").split()
    words = [normalize(word) for word in spaced]
    candidates = ["".join(words), *(word for word in words if len(word) > 2 or len(words) == 1)]
    candidates += [normalize(part) for part in _name_parts(spaced) if len(part) > 2]
    # The start of a longer word is enough ("Swedish" is held by "Sweden", "Madrid" by "madrileño").
    stems = [
        word[: max(STEM_CHARS, len(word) - 3)] if len(word) > STEM_CHARS else word for word in candidates
    ]
    return any(stem in haystack for stem in stems)


def names_held(names: Sequence[str], texts: Iterable[str]) -> bool:
    """Whether `texts` together hold any of `names` (case and accents folded; see `_held`)."""
    haystack = "\n".join(normalize(text) for text in texts)
    return any(_held(name, haystack) for name in names)


def unmentioned_names(question: str, texts: Iterable[str]) -> list[str]:
    """The question's names when none of `texts` holds any of them (case and accents folded), else [].

    One name held is enough: "Why did I swap Manchester for Portugal?" is answered by tweets about
    Manchester and Lisbon that never say "Portugal".
    """
    names = question_names(question)
    if not names:
        return []
    return [] if names_held(names, texts) else names
