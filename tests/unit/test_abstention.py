"""Abstention beyond the best cosine: the absent share of a question, rules that weigh it, and fitting them.

The absent share is checked against hand-worked inverse document frequencies; the rule against features
an unanswerable question and an answerable one give; the fit against synthetic questions where only the
absent share tells some unanswerable ones apart; the retriever against a real Chroma in tmp_path.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from devtools.abstention_fit import fit_rule, rates
from rag.search.abstention import (
    ARCHIVE_WORDS,
    AbstentionFeatures,
    AbstentionRule,
    absent_share,
    calibrated_rule,
)
from rag.search.retrieval import build_retriever
from rag.settings import Settings
from tests.unit.retrieval_fixtures import make_lexical, make_store

FREQUENCIES = {"sourdough": 0, "bread": 3, "python": 40, "tip": 10, "cello": 0}


def frequency(token: str) -> int:
    return FREQUENCIES.get(token, 0)


def idf(df: int, documents: int = 100) -> float:
    return math.log((documents + 1) / (df + 0.5))


# ---- the absent share -------------------------------------------------------------------------------------
def test_absent_share_weighs_missing_words_by_rarity() -> None:
    # "What", "I", "about", "my" are stop words, "did" and "say" are about posting: sourdough and bread count.
    share = absent_share("What did I say about my sourdough bread?", frequency, 100)
    assert share == pytest.approx(idf(0) / (idf(0) + idf(3)))
    assert share == pytest.approx(0.612, abs=1e-3)


def test_absent_share_is_zero_when_every_word_is_indexed_and_counts_words_once() -> None:
    assert absent_share("python tips", frequency, 100) == 0.0
    once = absent_share("cello cello python", frequency, 100)
    assert once == pytest.approx(idf(0) / (idf(0) + idf(40)))


def test_absent_share_leaves_out_words_about_posting_and_empty_questions() -> None:
    assert {"tweet", "say", "post", "mention"} <= ARCHIVE_WORDS
    assert absent_share("did I tweet about it", frequency, 100) == 0.0  # nothing about a topic
    assert absent_share("Did I tweet about the cello?", frequency, 100) == 1.0
    assert absent_share("cello", frequency, 0) is None  # an empty index tells nothing


# ---- rules that weigh it ----------------------------------------------------------------------------------
RULE = AbstentionRule(
    bias=1.0,
    w_top=4.0,
    w_margin=10.0,
    w_absent=-8.0,
    fallback=AbstentionRule(bias=-2.0, w_top=5.0, w_margin=10.0),
)


def test_the_same_neighbours_abstain_when_the_question_names_what_the_archive_lacks() -> None:
    found = AbstentionFeatures(0.42, 0.05, absent=0.0)
    lacking = AbstentionFeatures(0.42, 0.05, absent=0.6)  # 1 + 1.68 + 0.5 - 4.8 < 0
    assert not RULE.abstains(found)
    assert RULE.abstains(lacking)


def test_without_an_absent_share_the_fallback_decides_and_sets_the_floor() -> None:
    unknown = AbstentionFeatures(0.35, 0.02, absent=None)  # fallback: -2 + 1.75 + 0.2 < 0
    assert RULE.abstains(unknown)
    assert not RULE.abstains(AbstentionFeatures(0.45, 0.02, absent=None))
    assert RULE.relevance_threshold == pytest.approx(0.4)  # the fallback's, not -1/4
    assert AbstentionRule(bias=-1.0, w_top=2.0).relevance_threshold == pytest.approx(0.5)


def test_a_word_missing_from_a_small_archive_counts_for_less() -> None:
    rule = AbstentionRule(
        bias=1.0, w_top=4.0, w_margin=10.0, w_absent=-8.0, fallback=RULE.fallback, absent_full_at=2000
    )
    lacking = {"top_relevance": 0.42, "margin": 0.05, "absent": 0.6}
    assert rule.abstains(AbstentionFeatures(**lacking, documents=5000))  # as RULE: the full absent term
    assert rule.abstains(AbstentionFeatures(**lacking, documents=2000))
    # 85 tweets: 85/2000 of this rule's score, the rest the fallback's (-2 + 2.1 + 0.5 > 0): answered
    small = AbstentionFeatures(**lacking, documents=85)
    assert not rule.abstains(small)
    expected = 85 / 2000 * (1.0 + 1.68 + 0.5 - 4.8) + (1 - 85 / 2000) * (-2.0 + 2.1 + 0.5)
    assert rule.score(small) == pytest.approx(expected)


@pytest.mark.parametrize("documents", [None, 85, 1000, 5000])
@pytest.mark.parametrize("absent", [None, 0.0, 0.3, 0.9])
@pytest.mark.parametrize("top", [0.1, 0.3, 0.45, 0.7])
def test_effective_relevance_is_below_the_floor_exactly_when_the_rule_abstains(
    top: float, absent: float | None, documents: int | None
) -> None:
    rule = AbstentionRule(
        bias=1.0, w_top=4.0, w_margin=10.0, w_absent=-8.0, fallback=RULE.fallback, absent_full_at=2000
    )
    for margin in (0.0, 0.05, 0.2):
        features = AbstentionFeatures(top, margin, absent=absent, documents=documents)
        effective = rule.effective_relevance(features)
        assert effective is not None
        assert (effective < rule.relevance_threshold) == rule.abstains(features)


def test_the_shipped_minilm_rule_weighs_the_absent_share_and_keeps_a_usable_floor() -> None:
    rule = calibrated_rule("all-minilm")
    assert rule.w_absent < 0 and rule.fallback is not None and "ikiwiki" in rule.source
    assert 0.2 < rule.relevance_threshold < 0.6  # the timeline's per-tweet floor stays a real cosine
    assert rule.absent_full_at > 1000
    # a flat row of neighbours, the topic never named, in an archive of 3,000 documents
    weak = AbstentionFeatures(0.40, 0.05, absent=0.7, documents=3000)
    assert rule.abstains(weak)
    assert not rule.abstains(AbstentionFeatures(0.40, 0.05, absent=0.0, documents=3000))
    # the same in the 85-tweet sample archive of the demo, where most words of any question are missing
    assert not rule.abstains(AbstentionFeatures(0.40, 0.05, absent=0.7, documents=85))


# ---- fitting --------------------------------------------------------------------------------------------
def _rows() -> tuple[list[AbstentionFeatures], list[bool], list[str]]:
    # Answerable: spread relevances, few absent words. Unanswerable: as close to some tweet as the weaker
    # answerable ones, but their topic word is missing from the archive.
    answerable = [
        AbstentionFeatures(0.35 + 0.015 * i, 0.04 + 0.005 * i, absent=0.1 * (i % 3), documents=3000 + i)
        for i in range(40)
    ]
    unanswerable = [
        AbstentionFeatures(0.38 + 0.02 * i, 0.05, absent=0.6 + 0.05 * i, documents=2500) for i in range(6)
    ]
    groups = ["a"] * 20 + ["b"] * 20 + ["a"] * 3 + ["b"] * 3
    return answerable + unanswerable, [True] * 40 + [False] * 6, groups


def test_fit_learns_the_absent_weight_where_relevance_alone_cannot_separate() -> None:
    features, answerable, groups = _rows()
    two = fit_rule(features, answerable, groups=groups)
    three = fit_rule(features, answerable, groups=groups, use=("top", "margin", "absent"), source="syn")
    assert three.w_absent < 0 and three.fallback is not None and three.fallback.w_absent == 0.0
    assert three.absent_full_at == 2500 and two.fallback is None  # the smallest archive fitted on
    with_absent = rates(three, features, answerable)
    assert with_absent.correct == 6 and with_absent.false <= 2
    assert rates(two, features, answerable).correct < 6


def test_the_false_limit_holds_in_each_group() -> None:
    features, answerable, _ = _rows()
    # every weak answerable question in group "a": pooled, 5% of 40 allows two there; per group, one
    groups = ["a"] * 10 + ["b"] * 30 + ["a"] * 3 + ["b"] * 3
    rule = fit_rule(features, answerable, groups=groups, max_false_abstention=0.05)
    decided = [rule.abstains(f) and a for f, a in zip(features, answerable, strict=True)]
    assert sum(d for d, g in zip(decided, groups, strict=True) if g == "a") <= math.floor(0.05 * 10)
    pooled = fit_rule(features, answerable, max_false_abstention=0.05)
    assert rates(pooled, features, answerable).false <= 2


def test_fit_rejects_unknown_features() -> None:
    features, answerable, _ = _rows()
    with pytest.raises(ValueError, match="use must include 'top'"):
        fit_rule(features, answerable, use=("margin", "absent"))
    with pytest.raises(ValueError, match="use must include 'top'"):
        fit_rule(features, answerable, use=("top", "colour"))


# ---- the retriever computes it -------------------------------------------------------------------------
SETTINGS = Settings(embed_model="not-calibrated-model", top_k=3, fetch_k=10)


@pytest.mark.parametrize("search", ["similarity", "hybrid"])
def test_retriever_reports_the_absent_share_of_the_searched_words(tmp_path: Path, search: str) -> None:
    lexical = make_lexical()
    retriever = build_retriever(SETTINGS, make_store(tmp_path), lexical, search=search)
    known = retriever.retrieve("python tips in 2019")  # the date words are not searched
    assert known.features is not None and known.features.absent == 0.0
    assert known.features.documents == len(lexical) == 5
    lacking = retriever.retrieve("what did I say about the cello")
    assert lacking.features is not None and lacking.features.absent == 1.0
    half = retriever.retrieve("cello tomatoes")
    n = len(lexical)
    expected = idf(0, n) / (idf(0, n) + idf(lexical.document_frequency("tomatoe"), n))
    assert half.features is not None and half.features.absent == pytest.approx(expected)


def test_retriever_without_a_lexical_index_has_no_absent_share(tmp_path: Path) -> None:
    rule = AbstentionRule(bias=10.0, w_top=1.0, w_absent=-100.0, fallback=AbstentionRule.threshold(0.99))
    retriever = build_retriever(SETTINGS, make_store(tmp_path), search="similarity", rule=rule)
    result = retriever.retrieve("what did I say about the cello")
    assert result.features is not None and result.features.absent is None
    assert result.abstained  # decided by the fallback (nothing reaches 0.99), not by bias 10
