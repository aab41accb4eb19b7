"""The answer evaluation's question set and scoring (no model): splits, refusals, citations, follow-ups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools.answer_eval import TurnResult, load_items, score, score_by_split

SET = Path(__file__).resolve().parents[1] / "eval" / "answers.jsonl"


def turn(
    qid: str, category: str, *, turn_number: int = 1, split: str = "held-out", **fields: object
) -> TurnResult:
    values: dict[str, object] = {
        "qid": qid,
        "category": category,
        "turn": turn_number,
        "question": "q",
        "standalone_question": "q",
        "answer": "You did it [1].",
        "abstained": False,
        "context_ids": ["1"],
        "source_ids": ["1"],
        "gold_ids": ["1"],
        "answer_terms": [],
        "seconds": 2.0,
        "first_token_seconds": 1.0,
        "model_seconds": 1.9,
        "split": split,
    }
    values.update(fields)
    return TurnResult(**values)  # type: ignore[arg-type]


def test_the_shipped_set_has_both_splits_and_every_category_in_the_held_out_one() -> None:
    items = load_items(SET)
    held_out = [item for item in items if item.split == "held-out"]
    assert {item.split for item in items} == {"held-out", "tuning"}
    assert {item.category for item in held_out} == {"answerable", "followup", "unanswerable", "injection"}
    assert sum(item.category == "followup" for item in items) >= 15


def test_a_bad_split_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    entry = {
        "qid": "x",
        "category": "answerable",
        "turns": [{"question": "q", "gold_ids": []}],
        "split": "dev",
    }
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set.jsonl:1: split"):
        load_items(path)


def test_scores_count_wrong_citations_refusals_and_followups() -> None:
    results = [
        turn("a", "answerable"),
        turn("b", "answerable", source_ids=["2"]),  # cites a tweet without the answer
        turn("u", "unanswerable", gold_ids=[], answer="The tweets don't say.", source_ids=[]),
        turn("v", "unanswerable", gold_ids=[], answer="You moved in 2019 [1].", near_miss=True),
        turn("c", "followup", turn_number=2, context_ids=["9"], gold_ids=["1"]),
    ]
    figures = score(results)
    assert figures["right_tweet_cited"]["hits"] == 1 and figures["right_tweet_cited"]["of"] == 2
    assert (figures["citations_right"]["hits"], figures["citations_right"]["of"]) == (2, 3)
    assert (figures["refusals_unanswerable"]["hits"], figures["refusals_unanswerable"]["of"]) == (1, 2)
    assert (figures["refusals_near_miss"]["hits"], figures["refusals_near_miss"]["of"]) == (0, 1)
    assert (figures["followups_resolved"]["hits"], figures["followups_resolved"]["of"]) == (0, 1)


def test_splits_are_scored_apart_and_together() -> None:
    results = [turn("a", "answerable"), turn("b", "answerable", split="tuning", source_ids=[])]
    scores = score_by_split(results)
    assert scores["held-out"]["right_tweet_cited"]["share"] == 1.0
    assert scores["tuning"]["right_tweet_cited"]["share"] == 0.0
    assert scores["all"]["turns"] == 2
