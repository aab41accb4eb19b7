"""Scoring of retrieval rankings on hand-made rankings: ranks, recall@k, MRR@k, abstention, calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.evaluation import (
    AbstentionRates,
    QuestionResult,
    abstention_rates,
    best_threshold,
    first_hit_rank,
    load_qa,
    mrr_at,
    parse_qa_line,
    recall_at,
    split_ids,
    summarize,
    sweep_thresholds,
)
from rag.errors import ConfigError


def result(qid: str, rank: int | None, score: float | None, category: str = "paraphrased") -> QuestionResult:
    return QuestionResult(qid, category, category != "no_answer", rank, score)


def test_first_hit_rank_finds_a_gold_id_inside_a_thread_document() -> None:
    ranking = [("1",), ("2", "3", "4"), ("5",)]
    assert first_hit_rank(ranking, ["4"]) == 2
    assert first_hit_rank(ranking, ["5", "1"]) == 1
    assert first_hit_rank(ranking, ["9"]) is None
    assert first_hit_rank(ranking, []) is None


def test_split_ids_reads_comma_separated_metadata() -> None:
    assert split_ids("10,11, 12") == ("10", "11", "12")
    assert split_ids("10") == ("10",)
    assert split_ids(None) == ()


def test_recall_and_mrr_on_a_hand_made_set() -> None:
    results = [
        result("a", 1, 0.9),
        result("b", 3, 0.8),
        result("c", 7, 0.7),
        result("d", None, 0.6),
        result("x", None, 0.2, "no_answer"),
    ]
    # no_answer questions do not count in recall or MRR: 4 answerable questions.
    assert recall_at(results, 5) == pytest.approx(2 / 4)
    assert recall_at(results, 10) == pytest.approx(3 / 4)
    assert mrr_at(results, 10) == pytest.approx((1 + 1 / 3 + 1 / 7) / 4)
    assert mrr_at(results, 5) == pytest.approx((1 + 1 / 3) / 4)
    assert recall_at([result("x", None, 0.1, "no_answer")], 5) is None


def test_abstention_rates_split_right_and_wrong_abstentions() -> None:
    results = [
        result("a", 1, 0.9),
        result("b", 2, 0.4),
        result("x", None, 0.3, "no_answer"),
        result("y", None, 0.6, "no_answer"),
        result("z", None, None, "no_answer"),
    ]
    rates = abstention_rates(results, 0.5)
    assert rates.correct_abstention == pytest.approx(2 / 3)  # x (0.3) and z (nothing retrieved)
    assert rates.false_abstention == pytest.approx(1 / 2)  # b (0.4)


def test_best_threshold_maximises_correct_abstention_within_the_false_abstention_limit() -> None:
    results = [result(f"a{i}", 1, score) for i, score in enumerate([0.9, 0.8, 0.7, 0.55, 0.35])] + [
        result(f"n{i}", None, score, "no_answer") for i, score in enumerate([0.2, 0.3, 0.5, 0.6])
    ]
    points = sweep_thresholds(results, [0.1, 0.25, 0.4, 0.56, 0.65])
    assert [p.correct_abstention for p in points] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert best_threshold(points, max_false_abstention=0.2).threshold == 0.4
    assert best_threshold(points, max_false_abstention=0.0).threshold == 0.25
    assert best_threshold(points, max_false_abstention=0.4).threshold == 0.65


def test_best_threshold_falls_back_to_the_lowest_false_abstention() -> None:
    points = [AbstentionRates(0.5, 1.0, 0.5), AbstentionRates(0.3, 0.5, 0.25)]
    assert best_threshold(points, max_false_abstention=0.1).threshold == 0.3


def test_summarize_reports_every_category() -> None:
    results = [result("a", 1, 0.9), result("b", None, 0.2, "dated"), result("x", None, 0.1, "no_answer")]
    summary = summarize(results, threshold=0.5)
    assert summary["categories"]["paraphrased"]["recall@5"] == 1.0
    assert summary["categories"]["dated"]["recall@10"] == 0.0
    assert summary["categories"]["dated"]["abstained"] == 1.0
    assert summary["categories"]["no_answer"]["recall@5"] is None
    assert summary["overall"]["mrr@10"] == pytest.approx(0.5)
    assert summary["abstention"]["correct_abstention"] == 1.0


def test_parse_qa_line_rejects_missing_fields_and_numeric_ids() -> None:
    item = parse_qa_line('{"qid": "q1", "question": "q?", "gold_ids": ["12"], "category": "exact"}')
    assert item.gold_ids == ("12",) and item.answerable
    with pytest.raises(ConfigError, match="gold_ids"):
        parse_qa_line('{"qid": "q1", "question": "q?", "gold_ids": [12], "category": "exact"}')
    with pytest.raises(ConfigError, match="category"):
        parse_qa_line('{"qid": "q1", "question": "q?", "gold_ids": []}')


def test_load_qa_rejects_duplicate_qids(tmp_path: Path) -> None:
    line = '{"qid": "q1", "question": "q?", "gold_ids": [], "category": "no_answer"}\n'
    path = tmp_path / "qa.jsonl"
    path.write_text(line + line, encoding="utf-8")
    with pytest.raises(ConfigError, match="twice"):
        load_qa(path)


def test_run_questions_ranks_documents_by_their_tweet_ids() -> None:
    from langchain_core.documents import Document

    from devtools.evaluation import QAItem, run_questions

    docs = {
        "about cats": [
            Document("a", metadata={"tweet_ids": "1"}),
            Document("thread", metadata={"tweet_ids": "2,3"}),
        ],
        "nothing": [],
    }
    items = [
        QAItem("q1", "about cats", ("3",), "paraphrased"),
        QAItem("q2", "about cats", ("9",), "exact"),
        QAItem("q3", "nothing", (), "no_answer"),
    ]
    asked: list[str] = []

    def retrieve(question: str) -> list[Document]:
        asked.append(question)
        return docs[question]

    results = run_questions(items, retrieve, lambda question, found: 0.7 if found else None, k=10)
    assert asked == ["about cats", "about cats", "nothing"]
    assert [r.rank for r in results] == [2, None, None]
    assert [r.best_score for r in results] == [0.7, 0.7, None]
    assert results[0].top_ids == ("1", "2")
    # Results carry the canonical category: set 1's names are reported as lookup / entity / none.
    assert [r.category for r in results] == ["lookup", "entity", "none"]


def test_assign_splits_is_stratified_deterministic_and_stable() -> None:
    from devtools.evaluation import QAItem, assign_splits

    items = [QAItem(f"l{i}", "q", ("1",), "lookup") for i in range(7)]
    items += [QAItem(f"x{i}", "q", ("1",), "exact") for i in range(4)]
    items += [QAItem(f"n{i}", "q", (), "none") for i in range(3)]
    splits = assign_splits(items)
    assert splits == assign_splits(list(reversed(items)))  # the order of the file does not matter
    for prefix, heldout in (("l", 4), ("x", 2), ("n", 2)):
        assert sum(1 for qid, split in splits.items() if qid[0] == prefix and split == "heldout") == heldout
    # Adding a question to one category leaves every other category's split as it was.
    more = assign_splits([*items, QAItem("x9", "q", ("1",), "entity")])
    assert {q: s for q, s in more.items() if q[0] != "x"} == {q: s for q, s in splits.items() if q[0] != "x"}


def test_load_qa_with_a_split_needs_split_fields(tmp_path: Path) -> None:
    path = tmp_path / "qa.jsonl"
    path.write_text(
        '{"qid": "a", "question": "q?", "gold_ids": ["1"], "category": "lookup", "split": "tuning"}\n'
        '{"qid": "b", "question": "q?", "gold_ids": ["1"], "category": "lookup", "split": "heldout"}\n',
        encoding="utf-8",
    )
    assert [item.qid for item in load_qa(path, split="tuning")] == ["a"]
    assert [item.qid for item in load_qa(path)] == ["a", "b"]
    with pytest.raises(ConfigError, match="split"):
        load_qa(path, split="test")
    with pytest.raises(ConfigError, match="split must be"):
        parse_qa_line('{"qid": "c", "question": "q?", "gold_ids": [], "category": "none", "split": "dev"}')
    bare = tmp_path / "bare.jsonl"
    bare.write_text(
        '{"qid": "a", "question": "q?", "gold_ids": ["1"], "category": "lookup"}\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="no tuning questions"):
        load_qa(bare, split="tuning")


def test_target_check_compares_the_default_with_the_better_of_similarity_and_bm25() -> None:
    from devtools.evaluation import target_check

    def results(lookup_rank: int | None, entity_rank: int | None) -> list[QuestionResult]:
        return [
            result("l", lookup_rank, 0.6, "lookup"),
            result("e", entity_rank, 0.6, "entity"),
            result("n", None, 0.2, "no_answer"),
        ]

    summaries = {
        "similarity": summarize(results(1, 7), 0.31),
        "hybrid": summarize(results(2, 1), 0.31),
        "bm25": summarize(results(None, 1), None),
    }
    check = target_check(summaries, "hybrid", 10)
    assert check["against"] == ["similarity", "bm25"]
    lookup, entity = check["categories"]["lookup"], check["categories"]["entity"]
    # lookup: hybrid finds it at rank 2, similarity at rank 1: same recall@5, lower MRR -> does not hold.
    assert lookup["best_other_mrr@10"] == 1.0 and lookup["mrr@10"] == 0.5
    assert not lookup["holds"] and lookup["meets_target"]
    # entity: as good as BM25 alone.
    assert entity["holds"] and entity["meets_target"]
    assert check["overall_mrr"] == {"value": 0.75, "target": 0.8, "meets_target": False}
    # abstains on the one unanswerable question (0.2 < 0.31), never on the answerable ones.
    assert check["abstention"]["meets_target"]
