"""What a question holds for lexical search, and how much BM25 counts in hybrid fusion because of it.

`lexical_plan(query, document_frequency, documents)` reads a question's words against the lexical index's
document frequencies: an @handle, #hashtag or "quoted phrase" gives BM25 a large say (the candidates
containing the tag go first); names give it a say in proportion to how much of the question they are. A name
is a capitalised (not the first word), inner-capital or numbered word whose token is in at most 3% of the
documents ("Wirzenius", "ClickHouse", "CVE-2016-10026"), or a lowercase word that the embedding models'
WordPiece vocabulary does not hold as one token and that is in at most 0.3% of the documents ("xkcd",
"nearlyfreespeech"; "probabilistic" is a word the vocabulary lacks too, so it must also be rare). The weight
is `LEXICAL_WEIGHT_NAMES` times the names' share of the question's inverse document frequency, counted over
its content words (the words about tweeting itself, "say", "tweet", "post", ..., do not count): a question
that is only a name ("What did I post about Tinybird?") gets the full weight and its name-bearing candidates
first, a long paraphrase with one name in it ("... before the Republicans finally got their man elected ...")
a small weight, and a question without names none, so dense search keeps its order. An id with digits and
hyphens ("CVE-2009-2944") is matched whole: the candidates containing all of its parts go first.

The vocabulary is `wordpiece_words.txt` (the whole words of all-MiniLM-L6-v2's WordPiece vocabulary, which
is BERT-base-uncased's, as nomic-embed-text's is; regenerate it with `python -m devtools.wordpiece_words`),
read once, only when a question has a rare lowercase word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rag.indexing.tokenizer import tagged_tokens, tokenize

# Chosen on the tuning halves of both evaluation sets (see the README's "Fusion, reranking and abstention").
LEXICAL_WEIGHT_TAG = 0.5  # an @handle, #hashtag or "quoted phrase" (candidates containing the tag go first)
LEXICAL_WEIGHT_NAMES = 0.5  # a question that is only names; times the names' share of its IDF otherwise
LEXICAL_WEIGHT_PLAIN = 0.0  # ordinary words: dense order
NAME_DF_SHARE = 0.03  # a capitalised or numbered name: in at most this share of the documents
RARE_WORD_DF_SHARE = 0.003  # a lowercase word the vocabulary lacks: in at most this share
# Words about tweeting itself: in a question they frame it ("what did I tweet about ...") and say nothing
# about which tweet, so they do not count among its content words.
_FRAME_TEXT = """
say said saying tweet tweeted tweeting post posted posting write wrote written writing mention mentioned
mentioning share shared send sent reply replied show find tell told think thought
"""
FRAME_WORDS = frozenset(_FRAME_TEXT.split())
VOCABULARY_FILE = "wordpiece_words.txt"

_QUOTED = re.compile(r'"[^"]+"|\u201c[^\u201d]+\u201d')
WORD = re.compile(r"[\w'\u2019-]+")  # a word of a question, apostrophes and hyphens inside it


@dataclass(frozen=True)
class LexicalPlan:
    """How hybrid fusion treats BM25 for one question.

    `weight`: BM25's weight in fusion; `reason`: "tag", "quoted", "name", "only-names" or "plain";
    `first`: groups of index tokens, a candidate containing every token of a group goes before those that
    contain fewer groups; `names`: the name tokens found; `name_share`: their share of the question's IDF.
    """

    weight: float
    reason: str
    first: tuple[tuple[str, ...], ...] = ()
    names: tuple[str, ...] = ()
    name_share: float = 0.0


@cache
def vocabulary() -> frozenset[str]:
    """The whole words of the embedding models' WordPiece vocabulary (lowercase ASCII), read once."""
    text = resources.files("rag.search").joinpath(VOCABULARY_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def looks_like_name(position: int, word: str) -> bool:
    """Whether the `position`-th word of a question looks like a name by its letters alone."""
    capitalised = position > 0 and len(word) > 1 and word[0].isupper()
    inner_capitals = len(word) > 1 and word[1:] != word[1:].lower()
    numbered = len(word) > 2 and any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)
    return capitalised or inner_capitals or numbered


def _words(text: str) -> list[str]:
    return [word for word in (raw.strip("'\u2019-") for raw in WORD.findall(text)) if word]


def name_words(text: str) -> list[str]:
    """The words of a question that look like names by their letters alone.

    Capitalised (not the first word), with inner capitals ("ClickHouse", "iPhone"), or letters with digits
    ("CVE-2016-10026", "html5"). Rare lowercase words are names too when the index says they are rare
    (`lexical_plan`).
    """
    return [word for position, word in enumerate(_words(text)) if looks_like_name(position, word)]


def id_words(text: str) -> list[str]:
    """Ids in a question: name words with digits and hyphens ("CVE-2009-2944", "python3-foo")."""
    return [word for word in name_words(text) if "-" in word and any(ch.isdigit() for ch in word)]


def _idf(df: int, documents: int) -> float:
    return math.log((documents - df + 0.5) / (df + 0.5) + 1.0)


def lexical_plan(query: str, document_frequency: Callable[[str], int], documents: int) -> LexicalPlan:
    """How much BM25 counts in hybrid fusion for `query`, and which candidates go first (see the module).

    `document_frequency(token)` is the number of indexed documents containing an index token; `documents`
    the number of indexed documents.
    """
    tokens = tokenize(query)
    tags = tagged_tokens(tokens)
    ids = tuple(tuple(tokenize(word)) for word in id_words(query))
    if tags:
        return LexicalPlan(LEXICAL_WEIGHT_TAG, "tag", tuple((tag,) for tag in tags) + ids)
    if _QUOTED.search(query):
        return LexicalPlan(LEXICAL_WEIGHT_TAG, "quoted", ids)
    frequency: dict[str, int] = {}

    def df(token: str) -> int:
        if token not in frequency:
            frequency[token] = int(document_frequency(token))
        return frequency[token]

    name_limit = max(1.0, NAME_DF_SHARE * documents)
    rare_limit = max(1.0, RARE_WORD_DF_SHARE * documents)
    names: dict[str, None] = {}
    groups: list[tuple[str, ...]] = []
    for position, word in enumerate(_words(query)):
        word_tokens = tokenize(word)
        if looks_like_name(position, word):
            found = [token for token in word_tokens if 0 < df(token) <= name_limit]
        elif word.islower() and word.isascii() and word.isalpha():
            found = [
                token
                for token in word_tokens
                if 0 < df(token) <= rare_limit and word not in vocabulary() and token not in vocabulary()
            ]
        else:
            found = []
        if found:
            names.update(dict.fromkeys(found))
            groups.append(tuple(word_tokens))
    if not names:
        return LexicalPlan(LEXICAL_WEIGHT_PLAIN, "plain", ids)
    content = [token for token in dict.fromkeys(tokens) if token not in FRAME_WORDS and df(token) > 0]
    total = sum(_idf(df(token), documents) for token in content)
    share = sum(_idf(df(token), documents) for token in content if token in names) / total if total else 0.0
    if all(token in names for token in content):
        return LexicalPlan(LEXICAL_WEIGHT_NAMES, "only-names", tuple(groups), tuple(names), 1.0)
    return LexicalPlan(LEXICAL_WEIGHT_NAMES * share, "name", ids, tuple(names), share)


def lexical_weight(query: str, document_frequency: Callable[[str], int], documents: int) -> tuple[float, str]:
    """BM25's weight in hybrid fusion for `query` and why (`lexical_plan`'s weight and reason)."""
    plan = lexical_plan(query, document_frequency, documents)
    return plan.weight, plan.reason
