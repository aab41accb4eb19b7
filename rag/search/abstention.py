"""Abstention: whether the best tweets found are good enough to answer from, from a few features of a search.

Features of one search (`AbstentionFeatures`): the best dense relevance (cosine similarity of the nearest
document inside the question's date range), its margin over the next nine (an answerable question's best
tweet stands out; a question with no answer finds a flat row of weak neighbours), and, when a reranker ran,
its best score. A `AbstentionRule` is a linear score over them, `bias + w_top * top + w_margin * margin +
w_rerank * rerank`, abstaining when it is below zero: a logistic model's log-odds fitted on evaluation
questions, with the bias moved so that at most 5% of the answerable tuning questions are abstained on. A
plain threshold on the best relevance (`RELEVANCE_THRESHOLD`) is the rule with only `w_top`.

`CALIBRATIONS` holds one rule per embedding model with the set it was fitted on;
`scripts/calibrate_abstention.py` refits it (see the README's calibration table). Models not in the table
abstain only when nothing is found.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rag.embedding_models import model_base_name

# How many runners-up the margin is measured against.
MARGIN_OVER = 9


@dataclass(frozen=True)
class AbstentionFeatures:
    """What abstention looks at for one search."""

    top_relevance: float | None
    margin: float
    rerank: float | None = None

    @classmethod
    def from_relevances(cls, relevances: Sequence[float], rerank: float | None = None) -> AbstentionFeatures:
        """Features from the dense relevances of one search, best first (any order is sorted)."""
        ordered = sorted(relevances, reverse=True)
        if not ordered:
            return cls(None, 0.0, rerank)
        rest = ordered[1 : 1 + MARGIN_OVER]
        margin = ordered[0] - (sum(rest) / len(rest)) if rest else 0.0
        return cls(ordered[0], margin, rerank)


@dataclass(frozen=True)
class AbstentionRule:
    """A linear abstention rule: abstain when `bias + w_top*top + w_margin*margin + w_rerank*rerank < 0`."""

    bias: float
    w_top: float = 1.0
    w_margin: float = 0.0
    w_rerank: float = 0.0
    source: str = ""

    @classmethod
    def threshold(cls, value: float, source: str = "RELEVANCE_THRESHOLD") -> AbstentionRule:
        """The plain rule: abstain when the best relevance is below `value`."""
        return cls(bias=-value, w_top=1.0, source=source)

    def score(self, features: AbstentionFeatures) -> float:
        """The rule's score (log-odds of "answerable" for a fitted rule); -inf when nothing was found."""
        if features.top_relevance is None:
            return -math.inf
        if self.bias == -math.inf or self.bias == math.inf:
            return self.bias
        value = self.bias + self.w_top * features.top_relevance + self.w_margin * features.margin
        if self.w_rerank and features.rerank is not None:
            value += self.w_rerank * features.rerank
        return value

    def abstains(self, features: AbstentionFeatures) -> bool:
        """Whether to answer "no tweets about that" (nothing found always abstains)."""
        if features.top_relevance is None:
            return True
        return self.score(features) < 0

    def effective_relevance(self, features: AbstentionFeatures) -> float | None:
        """The best relevance plus the other features' terms in relevance units (None when nothing found).

        The rule abstains exactly when this is below `relevance_threshold`, so an evaluation can sweep a
        threshold over it as over the plain best relevance (for a plain threshold rule they are equal).
        """
        if features.top_relevance is None:
            return None
        if self.w_top <= 0:
            return features.top_relevance
        value = features.top_relevance + self.w_margin * features.margin / self.w_top
        if self.w_rerank and features.rerank is not None:
            value += self.w_rerank * features.rerank / self.w_top
        return value

    @property
    def relevance_threshold(self) -> float:
        """The best relevance below which the rule abstains when the margin is 0 (for messages and logs)."""
        if self.w_top <= 0:
            return -math.inf
        return -self.bias / self.w_top


NEVER = AbstentionRule(bias=math.inf, w_top=0.0, source="abstains only when nothing is found")

# One fitted rule per embedding model (name without tag). all-minilm: `scripts/calibrate_abstention.py
# --fit-on rtweet` (logistic regression, class-balanced, L2 1.0, over hybrid search's features of the tuning
# half of set 1, tests/eval/qa.jsonl; bias moved to at most 5% false abstention there), checked on set 2
# (tests/eval/ikiwiki_qa.jsonl) and both held-out halves: figures in the README.
# nomic-embed-text: the earlier single-threshold guess (0.45), not fitted (no nomic model on this machine).
CALIBRATIONS: dict[str, AbstentionRule] = {
    "all-minilm": AbstentionRule(
        bias=-0.683, w_top=1.8452, w_margin=1.1608, source="set 1 (rtweet) tuning half, hybrid"
    ),
    "nomic-embed-text": AbstentionRule.threshold(0.45, source="uncalibrated guess"),
}


def calibrated_rule(embed_model: str) -> AbstentionRule:
    """The calibrated rule of an embedding model, or `NEVER` when it has none."""
    return CALIBRATIONS.get(model_base_name(embed_model), NEVER)
