"""Fitting the abstention rule: the logistic line, the false-abstention limit, exact tags never abstain."""

from __future__ import annotations

import pytest

from devtools.abstention_fit import fit_rule, rates
from rag.search.abstention import AbstentionFeatures


def _rows() -> tuple[list[AbstentionFeatures], list[bool]]:
    # Answerable: clear best tweets (high relevance or margin); unanswerable: flat, weak neighbours. One
    # answerable question looks unanswerable (0.30, 0.02) and one unanswerable looks answerable.
    answerable = [AbstentionFeatures(0.4 + 0.02 * i, 0.1 + 0.01 * i) for i in range(19)]
    answerable.append(AbstentionFeatures(0.30, 0.02))
    unanswerable = [AbstentionFeatures(0.2 + 0.02 * i, 0.02) for i in range(5)]
    unanswerable.append(AbstentionFeatures(0.6, 0.2))
    return answerable + unanswerable, [True] * 20 + [False] * 6


def test_fitted_rule_weighs_relevance_and_margin_and_keeps_the_limit() -> None:
    features, answerable = _rows()
    rule = fit_rule(features, answerable, max_false_abstention=0.05, source="synthetic")
    assert rule.w_top > 0 and rule.w_margin > 0 and rule.source == "synthetic"
    found = rates(rule, features, answerable)
    assert found.false <= 1  # 5% of 20
    assert found.correct == 5  # every flat one, not the one that looks answerable
    strict = fit_rule(features, answerable, max_false_abstention=0.0)
    assert rates(strict, features, answerable).false == 0
    assert rates(strict, features, answerable).correct <= found.correct


def test_exact_tag_questions_never_count_as_abstaining() -> None:
    features, answerable = _rows()
    rule = fit_rule(features, answerable)
    exact = [False] * len(features)
    exact[19] = True  # the weak-looking answerable one names a tag that the top BM25 hit holds
    assert rates(rule, features, answerable, exact).false == 0


def test_fit_needs_matching_rows() -> None:
    with pytest.raises(ValueError, match="one answerable flag per feature row"):
        fit_rule([AbstentionFeatures(0.5, 0.1)], [True, False])
