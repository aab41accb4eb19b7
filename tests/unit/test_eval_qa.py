"""The committed evaluation set follows the DESIGN.md contract and covers the four categories."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from devtools.evaluation import CATEGORIES, load_qa

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
QA_FILE = EVAL_DIR / "qa.jsonl"


def test_qa_file_has_enough_questions_in_every_category() -> None:
    items = load_qa(QA_FILE)
    counts = Counter(item.category for item in items)
    assert len(items) >= 60
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 10


def test_only_no_answer_questions_have_no_gold() -> None:
    for item in load_qa(QA_FILE):
        assert item.answerable == (item.category != "no_answer"), item.qid


def test_dated_questions_name_the_year_of_their_range() -> None:
    for item in load_qa(QA_FILE):
        if item.category != "dated":
            continue
        assert item.date_from and item.date_to, item.qid
        assert item.date_from[:4] in item.question, item.qid
        assert item.date_from <= item.date_to


def test_exact_questions_name_a_handle_or_hashtag() -> None:
    for item in load_qa(QA_FILE):
        if item.category == "exact":
            assert re.search(r"[@#]\w+", item.question), item.qid


def test_every_no_answer_question_lists_the_terms_absent_from_the_corpus() -> None:
    terms = json.loads((EVAL_DIR / "no_answer_terms.json").read_text(encoding="utf-8"))
    no_answer = {item.qid for item in load_qa(QA_FILE) if item.category == "no_answer"}
    assert set(terms) == no_answer
