"""The evaluation corpus (r-cran-rtweet + fixture archives, fetched and converted) holds every gold tweet.

Builds the corpus with scripts/fetch_real_tweets.py (downloads the Debian package once into .cache/), then
checks the QA file against the real tweets: every gold id exists, exact questions' gold tweets contain the
@handle or #hashtag, dated questions' gold tweets fall in the range, and no-answer topics are absent.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from devtools.evaluation import load_qa

ROOT = Path(__file__).resolve().parent.parent.parent
EVAL_DIR = ROOT / "tests" / "eval"


@pytest.fixture(scope="module")
def corpus(archives_dir: Path) -> dict[str, dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fetch_real_tweets.py"), "--fixtures", str(archives_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.skip(f"could not fetch r-cran-rtweet: {result.stderr.strip()[-300:]}")
    archive = Path(result.stdout.strip().splitlines()[-1])
    text = (archive / "data" / "tweets.js").read_text(encoding="utf-8")
    items = json.loads(text[text.index("=") + 1 :])
    return {item["tweet"]["id_str"]: item["tweet"] for item in items}


def test_corpus_has_the_real_tweets(corpus: dict[str, dict[str, Any]]) -> None:
    # 2,198 unique tweet objects in r-cran-rtweet 1.1.0 + 335 (ajitg25-2025) + 1,223 (alrocar-2024).
    assert len(corpus) == 3756
    cnnbrk = corpus["1611599630533525504"]
    assert cnnbrk["full_text"].startswith("Kevin McCarthy is House speaker after 15 historic ballots")
    assert cnnbrk["favorite_count"].isdigit()


def test_every_gold_id_is_in_the_corpus(corpus: dict[str, dict[str, Any]]) -> None:
    missing = [
        (item.qid, gold)
        for item in load_qa(EVAL_DIR / "qa.jsonl")
        for gold in item.gold_ids
        if gold not in corpus
    ]
    assert missing == []


def test_exact_gold_tweets_contain_the_named_handle_or_hashtag(corpus: dict[str, dict[str, Any]]) -> None:
    for item in load_qa(EVAL_DIR / "qa.jsonl"):
        if item.category != "exact":
            continue
        token = re.search(r"[@#]\w+", item.question)
        assert token is not None
        for gold in item.gold_ids:
            assert token.group(0).lower() in corpus[gold]["full_text"].lower(), (item.qid, gold)


def test_dated_gold_tweets_fall_in_the_question_range(corpus: dict[str, dict[str, Any]]) -> None:
    for item in load_qa(EVAL_DIR / "qa.jsonl"):
        if item.category != "dated":
            continue
        for gold in item.gold_ids:
            day = datetime.strptime(corpus[gold]["created_at"], "%a %b %d %H:%M:%S %z %Y").date().isoformat()
            assert item.date_from <= day <= item.date_to, (item.qid, gold, day)


def test_no_answer_topics_are_absent_from_the_corpus(corpus: dict[str, dict[str, Any]]) -> None:
    terms = json.loads((EVAL_DIR / "no_answer_terms.json").read_text(encoding="utf-8"))
    texts = [html.unescape(tweet["full_text"]).lower() for tweet in corpus.values()]
    for qid, words in terms.items():
        for word in words:
            assert not any(word in text for text in texts), (qid, word)
