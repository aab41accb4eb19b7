"""Fitting an abstention rule: a small logistic regression over a search's features, then a bias shift.

`fit_rule` takes the features of evaluation questions (`rag.search.abstention.AbstentionFeatures`) and
whether each is answerable, fits log-odds of "answerable" over the best relevance and its margin
(class-balanced, L2-penalised, Newton's method: two or three weights need nothing bigger), then moves the
bias up as far as it can while abstaining on at most `max_false_abstention` of the answerable questions, so
the rule abstains as much as the limit allows. `rates` scores a rule on other questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rag.search.abstention import AbstentionFeatures, AbstentionRule


def _matrix(features: Sequence[AbstentionFeatures], use_rerank: bool) -> npt.NDArray[np.float64]:
    rows = []
    for item in features:
        row = [item.top_relevance or 0.0, item.margin]
        if use_rerank:
            row.append(item.rerank or 0.0)
        rows.append(row)
    return np.asarray(rows, dtype=np.float64)


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
    max_false_abstention: float = 0.05,
    use_rerank: bool = False,
    l2: float = 1.0,
    source: str = "",
) -> AbstentionRule:
    """The logistic rule over (best relevance, margin[, rerank]) with the bias moved to the false limit."""
    if len(features) != len(answerable) or not features:
        raise ValueError("need one answerable flag per feature row, and at least one row")
    x = _matrix(features, use_rerank)
    y = np.asarray([1.0 if a else 0.0 for a in answerable])
    weights = logistic(x, y, l2=l2)
    logits = np.hstack([np.ones((len(x), 1)), x]) @ weights
    never = list(exact or [False] * len(features))
    # Candidate lines: just below each answerable question's log-odds (it stays answered, those below
    # it do not); the highest one within the limit wins.
    shifts = sorted(float(v) - 1e-3 for v in logits[y > 0])
    best = float(logits.min()) - 1.0  # abstains on nothing
    limit = max_false_abstention * float(y.sum())
    for shift in shifts:
        abstain = (logits - shift < 0) & ~np.asarray(never)
        if float(abstain[y > 0].sum()) <= limit + 1e-9:
            best = max(best, shift)
    bias = float(weights[0]) - best
    return AbstentionRule(
        bias=round(bias, 4),
        w_top=round(float(weights[1]), 4),
        w_margin=round(float(weights[2]), 4),
        w_rerank=round(float(weights[3]), 4) if use_rerank else 0.0,
        source=source,
    )
