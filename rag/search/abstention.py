"""Abstention: whether the best tweets found are good enough to answer from, from a few features of a search.

Features of one search (`AbstentionFeatures`): the best dense relevance (cosine similarity of the nearest
document inside the question's date range), its margin over the next nine (an answerable question's best
tweet stands out; a question with no answer finds a flat row of weak neighbours), the share of the
question's words that no indexed document contains (`absent_share`: weighted by rarity, words about posting
itself such as "tweet" or "say" left out; a question about sourdough or scuba diving names a thing the
archive never mentions), and, when a reranker ran, its best score. A `AbstentionRule` is a linear score over
them, `bias + w_top * top + w_margin * margin + w_absent * absent + w_rerank * rerank`, abstaining when it
is below zero: a logistic model's log-odds fitted on evaluation questions, with the bias moved so that at
most 5% of the answerable tuning questions of each set are abstained on. A plain threshold on the best
relevance (`RELEVANCE_THRESHOLD`) is the rule with only `w_top`.

`CALIBRATIONS` holds one rule per embedding model with the set it was fitted on;
`scripts/calibrate_abstention.py` refits it (see the README's calibration table). Models not in the table
abstain only when nothing is found.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.embedding_models import model_base_name
from rag.indexing.tokenizer import tokenize

# How many runners-up the margin is measured against.
MARGIN_OVER = 9

# Words about the archive or the asking itself, not about a topic: left out of `absent_share` (an archive
# of changelog posts never says "tweet", which tells nothing about the question's topic).
ARCHIVE_WORDS = frozenset(
    tokenize(
        "say said says tell told tweet tweeted tweets post posted posting posts write wrote written "
        "mention mentioned mentioning think thought share shared talk talked anything something someone "
        "ever did"
    )
)


def absent_share(query: str, document_frequency: Callable[[str], int], documents: int) -> float | None:
    """The share of the query's words that no indexed document contains, each weighted by its rarity.

    Words are the lexical index's tokens (stop words dropped), without repeats and without `ARCHIVE_WORDS`;
    a word's weight is its inverse document frequency, log((documents + 1) / (df + 0.5)), so an absent
    word weighs the most and a word in every other tweet little. 0 when the query has no such word; None
    when the index is empty.
    """
    if documents <= 0:
        return None
    absent = 0.0
    total = 0.0
    for word in dict.fromkeys(tokenize(query)):
        if word in ARCHIVE_WORDS:
            continue
        frequency = document_frequency(word)
        weight = math.log((documents + 1) / (frequency + 0.5))
        total += weight
        if frequency == 0:
            absent += weight
    return absent / total if total > 0 else 0.0


@dataclass(frozen=True)
class AbstentionFeatures:
    """What abstention looks at for one search."""

    top_relevance: float | None
    margin: float
    rerank: float | None = None
    absent: float | None = None  # `absent_share` of the query (None: no lexical index to tell)
    documents: int | None = None  # how many documents the index holds (what the absent share rests on)

    @classmethod
    def from_relevances(
        cls,
        relevances: Sequence[float],
        rerank: float | None = None,
        absent: float | None = None,
        documents: int | None = None,
    ) -> AbstentionFeatures:
        """Features from the dense relevances of one search, best first (any order is sorted)."""
        ordered = sorted(relevances, reverse=True)
        if not ordered:
            return cls(None, 0.0, rerank, absent, documents)
        rest = ordered[1 : 1 + MARGIN_OVER]
        margin = ordered[0] - (sum(rest) / len(rest)) if rest else 0.0
        return cls(ordered[0], margin, rerank, absent, documents)


@dataclass(frozen=True)
class AbstentionRule:
    """A linear abstention rule: abstain when its score is below zero.

    The score is `bias + w_top*top + w_margin*margin + w_absent*absent + w_rerank*rerank`. A rule that weighs
    the absent share holds a `fallback` without it, used when a search has no absent share (no lexical
    index) and for the per-document relevance floor (`relevance_threshold`). A word missing from a small
    archive says less than one missing from a large one, so below `absent_full_at` documents the score
    moves linearly from this rule's towards the fallback's (an 85-tweet archive lacks most words of any
    question). An unknown reranker score adds nothing.
    """

    bias: float
    w_top: float = 1.0
    w_margin: float = 0.0
    w_rerank: float = 0.0
    source: str = ""
    w_absent: float = 0.0
    fallback: AbstentionRule | None = None
    absent_full_at: int = 0

    @classmethod
    def threshold(cls, value: float, source: str = "RELEVANCE_THRESHOLD") -> AbstentionRule:
        """The plain rule: abstain when the best relevance is below `value`."""
        return cls(bias=-value, w_top=1.0, source=source)

    def _rule_for(self, features: AbstentionFeatures) -> AbstentionRule:
        """The rule itself, or its fallback when the search lacks a feature the rule weighs."""
        if self.w_absent and features.absent is None and self.fallback is not None:
            return self.fallback
        return self

    def _linear(self, features: AbstentionFeatures, top: float) -> float:
        value = self.bias + self.w_top * top + self.w_margin * features.margin
        if self.w_absent and features.absent is not None:
            value += self.w_absent * features.absent
        if self.w_rerank and features.rerank is not None:
            value += self.w_rerank * features.rerank
        return value

    def score(self, features: AbstentionFeatures) -> float:
        """The rule's score (log-odds of "answerable" for a fitted rule); -inf when nothing was found."""
        if features.top_relevance is None:
            return -math.inf
        if self.bias == -math.inf or self.bias == math.inf:
            return self.bias
        rule = self._rule_for(features)
        value = rule._linear(features, features.top_relevance)
        if rule is self and self.fallback is not None and self.w_absent:
            size = features.documents
            if size is not None and size < self.absent_full_at:
                share = max(size, 0) / self.absent_full_at
                fallback = self.fallback._linear(features, features.top_relevance)
                value = share * value + (1.0 - share) * fallback
        return value

    def abstains(self, features: AbstentionFeatures) -> bool:
        """Whether to answer "no tweets about that" (nothing found always abstains)."""
        if features.top_relevance is None:
            return True
        return self.score(features) < 0

    def effective_relevance(self, features: AbstentionFeatures) -> float | None:
        """The search's score in relevance units (None when nothing found).

        `relevance_threshold` + score / w_top: the rule abstains exactly when this is below
        `relevance_threshold`, so an evaluation can sweep a threshold over it as over the plain best
        relevance (for a plain threshold rule they are equal).
        """
        if features.top_relevance is None:
            return None
        rule = self._rule_for(features)
        if rule.w_top <= 0 or not math.isfinite(rule.bias):
            return features.top_relevance
        return self.relevance_threshold + self.score(features) / rule.w_top

    @property
    def relevance_threshold(self) -> float:
        """The relevance below which one tweet is too weak (for messages, logs and the timeline).

        The best relevance at which the rule (its fallback, when it has one) abstains at zero margin.
        """
        rule = self.fallback or self
        if rule.w_top <= 0:
            return -math.inf
        return -rule.bias / rule.w_top


NEVER = AbstentionRule(bias=math.inf, w_top=0.0, source="abstains only when nothing is found")

# One fitted rule per embedding model (name without tag), with the set it was fitted on. all-minilm:
# `scripts/calibrate_abstention.py --fit-on all` (logistic regression, class-balanced, L2 1.0 on standardised
# features, over hybrid search's best relevance, margin and absent share of the tuning halves of both sets,
# tests/eval/qa.jsonl and tests/eval/ikiwiki_qa.jsonl; bias moved to at most 5% false abstention in each
# half), checked on both held-out halves and on each set alone: figures in the README. Its fallback (no
# lexical index, and towards which smaller archives move) is the two-feature rule fitted the same way.
# nomic-embed-text: the earlier single-threshold guess (0.45), not fitted (no nomic model on this machine).
CALIBRATIONS: dict[str, AbstentionRule] = {
    "all-minilm": AbstentionRule(
        bias=1.4627,
        w_top=3.5124,
        w_margin=13.7383,
        w_absent=-7.3614,
        source="tuning halves of rtweet + ikiwiki, hybrid",
        absent_full_at=2219,  # the smaller of the two archives it was fitted on (ikiwiki's posts)
        fallback=AbstentionRule(
            bias=-3.7875,
            w_top=9.2698,
            w_margin=13.6974,
            source="tuning halves of rtweet + ikiwiki, hybrid, without the absent share",
        ),
    ),
    "nomic-embed-text": AbstentionRule.threshold(0.45, source="uncalibrated guess"),
}


def calibrated_rule(embed_model: str) -> AbstentionRule:
    """The calibrated rule of an embedding model, or `NEVER` when it has none."""
    return CALIBRATIONS.get(model_base_name(embed_model), NEVER)
