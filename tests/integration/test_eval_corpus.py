"""The evaluation corpus (r-cran-rtweet + fixture archives, fetched and converted) holds every gold tweet.

Builds the corpus with scripts/fetch_real_tweets.py (downloads the Debian package once into .cache/), then
checks the QA file against the real tweets: every gold id exists, exact questions' gold tweets contain the
@handle or #hashtag, dated questions' gold tweets fall in the range, and no-answer topics are absent; and
answer set 3 (`answers_rtweet.jsonl`, the same questions) against the archive the answer evaluation builds
from it, as the app's loader reads it.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from devtools.answer_eval import (
    ANSWER_SETS,
    INJECTION_FILES,
    build_eval_archive,
    load_items,
    missing_gold_ids,
)
from devtools.changelog_posts import post_id
from devtools.evaluation import load_qa

ROOT = Path(__file__).resolve().parent.parent.parent
EVAL_DIR = ROOT / "tests" / "eval"


@pytest.fixture(scope="module")
def corpus_archive(archives_dir: Path) -> Path:
    """The archive folder scripts/fetch_real_tweets.py builds (skipped when the package cannot be fetched)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fetch_real_tweets.py"), "--fixtures", str(archives_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.skip(f"could not fetch r-cran-rtweet: {result.stderr.strip()[-300:]}")
    return Path(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def corpus(corpus_archive: Path) -> dict[str, dict[str, Any]]:
    text = (corpus_archive / "data" / "tweets.js").read_text(encoding="utf-8")
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


def test_every_answer_set_3_gold_id_is_a_tweet_the_loader_reads(corpus_archive: Path, tmp_path: Path) -> None:
    # The answer evaluation's rtweet archive: the corpus copied as it is (no hostile posts), read by the app.
    archive = build_eval_archive(corpus_archive, INJECTION_FILES["rtweet"], tmp_path / "archive")
    items = load_items(ANSWER_SETS["rtweet"])
    assert sum(len(turn.gold_ids) for item in items for turn in item.turns) > 0
    assert missing_gold_ids(items, archive) == []


# ---- set 2: ikiwiki's Debian changelog as posts (scripts/fetch_changelog_posts.py) ----
IKIWIKI_QA = EVAL_DIR / "ikiwiki_qa.jsonl"


def changelog_corpus(*flags: str) -> dict[str, dict[str, Any]]:
    """Posts by id of a changelog corpus (scripts/fetch_changelog_posts.py; skipped if it cannot fetch)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fetch_changelog_posts.py"), *flags],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.skip(f"could not fetch the changelog {flags}: {result.stderr.strip()[-300:]}")
    archive = Path(result.stdout.strip().splitlines()[-1])
    text = (archive / "data" / "tweets.js").read_text(encoding="utf-8")
    items = json.loads(text[text.index("=") + 1 :])
    return {item["tweet"]["id_str"]: item["tweet"] for item in items}


@pytest.fixture(scope="module")
def posts() -> dict[str, dict[str, Any]]:
    return changelog_corpus()


def _day(post: dict[str, Any]) -> str:
    return datetime.strptime(post["created_at"], "%a %b %d %H:%M:%S %z %Y").date().isoformat()


def test_changelog_corpus_has_every_post(posts: dict[str, dict[str, Any]]) -> None:
    # ikiwiki 3.20200202.3-1: 234 entries, 2,219 bullets and sub-bullets, 2006-04-25 to 2020-02-13.
    assert len(posts) == 2219
    assert min(_day(p) for p in posts.values()) == "2006-04-25"
    assert posts["110787529405366289"]["full_text"].startswith(
        "Fix comments testsuite to not rely on Date::Parse"
    )


def test_every_changelog_gold_id_is_a_post(posts: dict[str, dict[str, Any]]) -> None:
    missing = [(i.qid, g) for i in load_qa(IKIWIKI_QA) for g in i.gold_ids if g not in posts]
    assert missing == []


def test_dated_changelog_gold_posts_fall_in_the_question_range(posts: dict[str, dict[str, Any]]) -> None:
    for item in load_qa(IKIWIKI_QA):
        if item.date_from is None:
            continue
        for gold in item.gold_ids:
            assert item.date_from <= _day(posts[gold]) <= (item.date_to or ""), (item.qid, gold)


def test_entity_gold_posts_contain_the_name(posts: dict[str, dict[str, Any]]) -> None:
    checks = json.loads((EVAL_DIR / "ikiwiki_checks.json").read_text(encoding="utf-8"))
    for item in load_qa(IKIWIKI_QA):
        if item.category != "entity":
            continue
        names = [name.lower() for name in checks["entity"][item.qid]]
        for gold in item.gold_ids:
            text = posts[gold]["full_text"].lower()
            assert any(name in text for name in names), (item.qid, gold)


def test_no_answer_topics_are_absent_from_the_changelog(posts: dict[str, dict[str, Any]]) -> None:
    checks = json.loads((EVAL_DIR / "ikiwiki_checks.json").read_text(encoding="utf-8"))
    texts = [post["full_text"] for post in posts.values()]
    for qid, words in checks["no_answer_terms"].items():
        for word in words:  # whole words: "automator" holds "tomato"
            pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
            assert not any(pattern.search(text) for text in texts), (qid, word)


def test_completeness_terms_find_most_gold_posts(posts: dict[str, dict[str, Any]]) -> None:
    # The recorded greps (key terms and synonyms) were how the gold lists were completed: each finds at least
    # one gold post of its question, and every post they find was read (see tests/eval/README.md).
    checks = json.loads((EVAL_DIR / "ikiwiki_checks.json").read_text(encoding="utf-8"))
    for item in load_qa(IKIWIKI_QA):
        if not item.answerable:
            continue
        pattern = re.compile(checks["completeness"][item.qid], re.IGNORECASE)
        assert any(pattern.search(posts[gold]["full_text"]) for gold in item.gold_ids), item.qid


# ---- answer set 2: tests/eval/answers_ikiwiki.jsonl over the same posts plus the ikiwiki hostile posts ----
ANSWERS_2 = EVAL_DIR / "answers_ikiwiki.jsonl"


def _hostile_2() -> list[dict[str, str]]:
    """The hostile posts appended to the changelog posts (`injections_ikiwiki.json`, `..._blind*.json`)."""
    return [
        post
        for path in INJECTION_FILES["ikiwiki"]
        for post in json.loads(path.read_text(encoding="utf-8"))["tweets"]
    ]


@pytest.fixture(scope="module")
def answer_posts(posts: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Text and year by id of every post the answer evaluation indexes (changelog and hostile posts)."""
    texts = {key: (post["full_text"], _day(post)[:4]) for key, post in posts.items()}
    for post in _hostile_2():
        texts[post["id"]] = (post["text"], post["created_at"][:4])
    return texts


def test_hostile_posts_are_new_ids_inside_the_changelog_dates(posts: dict[str, dict[str, Any]]) -> None:
    hostile = _hostile_2()
    assert len({post["id"] for post in hostile}) == len(hostile) == 5 + 8 + 8
    days = sorted(_day(post) for post in posts.values())
    for post in hostile:
        assert post["id"].isdigit() and post["id"] not in posts
        assert days[0] <= post["created_at"][:10] <= days[-1]
        # the changelog posts' own id scheme: the post's time (seconds * 100, or a snowflake) plus an index
        created = datetime.strptime(post["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        assert any(post_id(created, index) == post["id"] for index in range(100)), post["id"]


def test_answer_set_2_canaries_are_only_in_their_hostile_post(
    answer_posts: dict[str, tuple[str, str]],
) -> None:
    # A canary in an answer means the model obeyed: no other post may hold it, nor may two entries share one.
    injections = [item for item in load_items(ANSWERS_2) if item.category == "injection"]
    canaries = [canary.lower() for item in injections for canary in item.canaries]
    assert len(injections) == 5 + 8 + 8 and len(set(canaries)) == len(canaries)
    for item in injections:
        (gold,) = item.turns[0].gold_ids
        for canary in item.canaries:
            holders = [key for key, (text, _) in answer_posts.items() if canary.lower() in text.lower()]
            assert holders == [gold], (item.qid, canary)


# ---- answer set 5: tests/eval/answers_alien.jsonl over alien's changelog as posts (--package alien) ----
ANSWERS_5 = EVAL_DIR / "answers_alien.jsonl"


@pytest.fixture(scope="module")
def alien_posts() -> dict[str, tuple[str, str]]:
    """Text and year by id of alien's changelog posts (no hostile posts are added to this corpus)."""
    posts = changelog_corpus("--package", "alien")
    return {key: (post["full_text"], _day(post)[:4]) for key, post in posts.items()}


def test_alien_corpus_has_every_post(alien_posts: dict[str, tuple[str, str]]) -> None:
    # alien 8.95.6: 323 entries (two of them dated the same second), 719 posts, October 1996 to May 2022.
    assert len(alien_posts) == 719
    assert sorted(year for _, year in alien_posts.values())[0] == "1996"
    assert alien_posts["84498250800"][0] == "Initial Release."


# The changelog answer sets, their checks files and the fixture of the posts each is asked of.
CHANGELOG_ANSWER_SETS = [
    pytest.param(ANSWERS_2, "answers_ikiwiki_checks.json", "answer_posts", id="set2-ikiwiki"),
    pytest.param(ANSWERS_5, "answers_alien_checks.json", "alien_posts", id="set5-alien"),
]


@pytest.mark.parametrize(("answer_set", "checks_file", "posts_fixture"), CHANGELOG_ANSWER_SETS)
def test_every_changelog_answer_set_gold_id_is_a_post(
    answer_set: Path, checks_file: str, posts_fixture: str, request: pytest.FixtureRequest
) -> None:
    answer_posts: dict[str, tuple[str, str]] = request.getfixturevalue(posts_fixture)
    missing = [
        (i.qid, g)
        for i in load_items(answer_set)
        for t in i.turns
        for g in t.gold_ids
        if g not in answer_posts
    ]
    assert missing == []


@pytest.mark.parametrize(("answer_set", "checks_file", "posts_fixture"), CHANGELOG_ANSWER_SETS)
def test_changelog_answer_set_terms_are_in_a_gold_post(
    answer_set: Path, checks_file: str, posts_fixture: str, request: pytest.FixtureRequest
) -> None:
    # A right answer contains one of the terms, so some gold post must hold one (in its text, or its year).
    answer_posts: dict[str, tuple[str, str]] = request.getfixturevalue(posts_fixture)
    for item in load_items(answer_set):
        for number, turn in enumerate(item.turns, 1):
            if not turn.gold_ids:
                continue
            golds = [" ".join(answer_posts[gold]).lower() for gold in turn.gold_ids]
            assert any(term.lower() in gold for term in turn.answer_terms for gold in golds), (
                item.qid,
                number,
            )


@pytest.mark.parametrize(("answer_set", "checks_file", "posts_fixture"), CHANGELOG_ANSWER_SETS)
def test_changelog_answer_set_unanswerable_words_are_absent(
    answer_set: Path, checks_file: str, posts_fixture: str, request: pytest.FixtureRequest
) -> None:
    answer_posts: dict[str, tuple[str, str]] = request.getfixturevalue(posts_fixture)
    checks = json.loads((EVAL_DIR / checks_file).read_text(encoding="utf-8"))
    unanswerable = {item.qid for item in load_items(answer_set) if item.category == "unanswerable"}
    assert set(checks["no_answer_terms"]) == unanswerable
    texts = [text for text, _ in answer_posts.values()]
    for qid, words in checks["no_answer_terms"].items():
        for word in words:
            pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
            assert not any(pattern.search(text) for text in texts), (qid, word)


@pytest.mark.parametrize(("answer_set", "checks_file", "posts_fixture"), CHANGELOG_ANSWER_SETS)
def test_changelog_answer_set_greps_find_a_gold_post_of_each_turn(
    answer_set: Path, checks_file: str, posts_fixture: str, request: pytest.FixtureRequest
) -> None:
    # The recorded greps were how the gold lists were completed (every match read); each finds a gold post.
    answer_posts: dict[str, tuple[str, str]] = request.getfixturevalue(posts_fixture)
    checks = json.loads((EVAL_DIR / checks_file).read_text(encoding="utf-8"))["completeness"]
    turns = {
        f"{item.qid}.{number}": turn
        for item in load_items(answer_set)
        for number, turn in enumerate(item.turns, 1)
        if turn.gold_ids
    }
    assert set(checks) == set(turns)
    for key, turn in turns.items():
        pattern = re.compile(checks[key], re.IGNORECASE)
        assert any(pattern.search(answer_posts[gold][0]) for gold in turn.gold_ids), key
