"""Fitting an abstention rule: a small logistic regression over a search's features, then a bias shift.

`fit_rule` takes the features of evaluation questions (`rag.search.abstention.AbstentionFeatures`) and
whether each is answerable, fits log-odds of "answerable" over the features it is asked to use (`FEATURES`:
best relevance, margin, absent share, reranker score; class-balanced, L2-penalised on standardised
features so the penalty does not depend on a feature's scale, Newton's method: a few weights need nothing
bigger), then moves the bias up as far as it can while abstaining on at most `max_false_abstention` of the
answerable questions of each group (each evaluation set, when fitted on several), so the rule abstains as
much as the limit allows. `rates` scores a rule on other questions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rag.search.abstention import AbstentionFeatures, AbstentionRule

# The features a rule can weigh, in the order of the rule's weights.
FEATURES = ("top", "margin", "absent", "rerank")


def feature_value(item: AbstentionFeatures, name: str) -> float:
    """One feature of a search as the rule sees it (a missing one counts as 0, as in the rule's score)."""
    if name == "top":
        return item.top_relevance or 0.0
    if name == "margin":
        return item.margin
    if name == "absent":
        return item.absent or 0.0
    if name == "rerank":
        return item.rerank or 0.0
    raise ValueError(f"unknown abstention feature {name!r}: one of {', '.join(FEATURES)}")


def _matrix(features: Sequence[AbstentionFeatures], use: Sequence[str]) -> npt.NDArray[np.float64]:
    return np.asarray([[feature_value(item, name) for name in use] for item in features], dtype=np.float64)


def logistic(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], l2: float = 1.0, steps: int = 50
) -> npt.NDArray[np.float64]:
    """Weights (bias first) of a class-balanced logistic regression with an L2 penalty on the weights."""
    design = np.hstack([np.ones((len(x), 1)), x])
    positives = max(float(y.sum()), 1.0)
    negatives = max(float(len(y) - y.sum()), 1.0)
    sample = np.where(y > 0, len(y) / (2 * positives), len(y) / (2 * negatives))
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    weights = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ weights)))
        gradient = design.T @ (sample * (p - y)) + penalty * weights
        hessian = (design * (sample * p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return weights


@dataclass(frozen=True)
class Rates:
    """A rule's abstention on some questions: on the unanswerable ones (good) and the answerable (false)."""

    correct: int
    unanswerable: int
    false: int
    answerable: int

    def __str__(self) -> str:
        correct = self.correct / self.unanswerable if self.unanswerable else float("nan")
        false = self.false / self.answerable if self.answerable else float("nan")
        caught = f"{self.correct}/{self.unanswerable} ({correct:.0%})"
        return f"{caught} | {self.false}/{self.answerable} ({false:.1%})"


def rates(
    rule: AbstentionRule,
    features: Sequence[AbstentionFeatures],
    answerable: Sequence[bool],
    exact: Sequence[bool] | None = None,
) -> Rates:
    """How often `rule` abstains on each kind of question (`exact`: never abstains, as in hybrid search)."""
    never = exact or [False] * len(features)
    decisions = [rule.abstains(f) and not e for f, e in zip(features, never, strict=True)]
    return Rates(
        correct=sum(d for d, a in zip(decisions, answerable, strict=True) if not a),
        unanswerable=sum(1 for a in answerable if not a),
        false=sum(d for d, a in zip(decisions, answerable, strict=True) if a),
        answerable=sum(1 for a in answerable if a),
    )


def fit_rule(
    features: Sequence[AbstentionFeatures],
    answerable: Sequence[bool],
    *,
    exact: Sequence[bool] | None = None,
    groups: Sequence[str] | None = None,
    max_false_abstention: float = 0.05,
    use: Sequence[str] = ("top", "margin"),
    l2: float = 1.0,
    source: str = "",
) -> AbstentionRule:
    """The logistic rule over the features `use` names, with the bias moved to the false-abstention limit.

    With `groups` (one name per row, e.g. the evaluation set), the limit holds in every group: at most
    floor(`max_false_abstention` x its answerable questions) false abstentions in each. A rule that weighs
    the absent share gets a fallback fitted the same way without it (`AbstentionRule.fallback`), and counts
    it fully from the smallest archive among the rows on (`absent_full_at`, from their `documents`).
    """
    if len(features) != len(answerable) or not features:
        raise ValueError("need one answerable flag per feature row, and at least one row")
    unknown = [name for name in use if name not in FEATURES]
    if "top" not in use or unknown:
        raise ValueError(f"use must include 'top' and only name {', '.join(FEATURES)}, got {list(use)}")
    x = _matrix(features, use)
    y = np.asarray([1.0 if a else 0.0 for a in answerable])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    standard = logistic((x - mean) / scale, y, l2=l2)
    weights = standard[1:] / scale  # back to the features' own units
    intercept = float(standard[0] - (weights * mean).sum())
    logits = intercept + x @ weights
    never = np.asarray(list(exact or [False] * len(features)))
    labels = np.asarray(list(groups) if groups is not None else [""] * len(features))
    if len(labels) != len(features):
        raise ValueError("need one group per feature row")
    limits = {
        name: math.floor(max_false_abstention * float(y[labels == name].sum()) + 1e-9)
        for name in dict.fromkeys(labels.tolist())
    }
    # Candidate lines: just below each answerable question's log-odds (it stays answered, those below
    # it do not); the highest one within every group's limit wins.
    shifts = sorted(float(v) - 1e-3 for v in logits[y > 0])
    best = float(logits.min()) - 1.0  # abstains on nothing
    for shift in shifts:
        abstain = (logits - shift < 0) & ~never & (y > 0)
        if all(int(abstain[labels == name].sum()) <= limit for name, limit in limits.items()):
            best = max(best, shift)
    named = dict(zip(use, (round(float(w), 4) for w in weights), strict=True))
    fallback = None
    full_at = 0
    if "absent" in use:
        full_at = min((item.documents for item in features if item.documents), default=0)
        fallback = fit_rule(
            features,
            answerable,
            exact=exact,
            groups=groups,
            max_false_abstention=max_false_abstention,
            use=[name for name in use if name != "absent"],
            l2=l2,
            source=f"{source} fallback" if source else "fallback",
        )
    return AbstentionRule(
        bias=round(intercept - best, 4),
        w_top=named["top"],
        w_margin=named.get("margin", 0.0),
        w_absent=named.get("absent", 0.0),
        w_rerank=named.get("rerank", 0.0),
        source=source,
        fallback=fallback,
        absent_full_at=full_at,
    )
