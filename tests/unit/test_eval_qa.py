"""The committed evaluation sets follow the DESIGN.md contract, cover the four categories and are split."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from devtools.eval_sets import SETS
from devtools.evaluation import CATEGORIES, QAItem, assign_splits, canonical_category, load_qa

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
QA_FILE = EVAL_DIR / "qa.jsonl"
IKIWIKI_FILE = EVAL_DIR / "ikiwiki_qa.jsonl"
BOTH = [QA_FILE, IKIWIKI_FILE]


def canonical(item: QAItem) -> str:
    return canonical_category(item.category)


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_qa_file_has_enough_questions_in_every_category(path: Path) -> None:
    items = load_qa(path)
    counts = Counter(canonical(item) for item in items)
    assert len(items) >= 60
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 10


def test_second_set_has_the_issue_proportions() -> None:
    counts = Counter(item.category for item in load_qa(IKIWIKI_FILE))
    assert counts == {"lookup": 35, "dated": 20, "entity": 15, "none": 10}


def test_registered_sets_are_these_files_with_distinct_collections() -> None:
    assert [s.qa for s in SETS] == BOTH
    assert len({s.collection for s in SETS}) == len(SETS)


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_only_no_answer_questions_have_no_gold(path: Path) -> None:
    for item in load_qa(path):
        assert item.answerable == (canonical(item) != "none"), item.qid


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_dated_questions_name_the_year_of_their_range(path: Path) -> None:
    for item in load_qa(path):
        if item.category != "dated":
            continue
        assert item.date_from and item.date_to, item.qid
        assert item.date_from[:4] in item.question, item.qid
        assert item.date_from <= item.date_to


def test_exact_questions_name_a_handle_or_hashtag() -> None:
    for item in load_qa(QA_FILE):
        if item.category == "exact":
            assert re.search(r"[@#]\w+", item.question), item.qid


def test_every_entity_question_has_its_name_checked() -> None:
    checks = json.loads((EVAL_DIR / "ikiwiki_checks.json").read_text(encoding="utf-8"))
    entity = {item.qid for item in load_qa(IKIWIKI_FILE) if item.category == "entity"}
    assert set(checks["entity"]) == entity
    answerable = {item.qid for item in load_qa(IKIWIKI_FILE) if item.answerable}
    assert answerable <= set(checks["completeness"])


def test_every_no_answer_question_lists_the_terms_absent_from_the_corpus() -> None:
    terms = json.loads((EVAL_DIR / "no_answer_terms.json").read_text(encoding="utf-8"))
    no_answer = {item.qid for item in load_qa(QA_FILE) if item.category == "no_answer"}
    assert set(terms) == no_answer
    checks = json.loads((EVAL_DIR / "ikiwiki_checks.json").read_text(encoding="utf-8"))
    none = {item.qid for item in load_qa(IKIWIKI_FILE) if item.category == "none"}
    assert set(checks["no_answer_terms"]) == none


def test_qids_are_unique_across_the_sets() -> None:
    qids = [item.qid for path in BOTH for item in load_qa(path)]
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_every_line_carries_the_deterministic_stratified_split(path: Path) -> None:
    items = load_qa(path)
    assert {item.qid: item.split for item in items} == assign_splits(items)
    for category in CATEGORIES:
        halves = Counter(item.split for item in items if canonical(item) == category)
        assert 0 <= halves["heldout"] - halves["tuning"] <= 1, (category, halves)


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_load_qa_gives_one_half_only(path: Path) -> None:
    tuning = load_qa(path, split="tuning")
    heldout = load_qa(path, split="heldout")
    assert {item.split for item in tuning} == {"tuning"}
    assert {item.split for item in heldout} == {"heldout"}
    assert len(tuning) + len(heldout) == len(load_qa(path))
