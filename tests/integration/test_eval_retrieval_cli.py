"""scripts/eval_retrieval.py end to end: a real archive indexed through the hash stand-in, then scored."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from devtools.scripts_runner import PROJECT, run_script, standin_env

pytestmark = pytest.mark.slow


# Read from ajitg25-2025/data/tweets.js: the only tweet to @BrianSsaga, and the four replies to @sciencegirl.
QUESTIONS = [
    {
        "qid": "e1",
        "question": "What did I reply to @BrianSsaga?",
        "gold_ids": ["1995740666526322923"],
        "category": "exact",
    },
    {
        "qid": "e2",
        "question": "What did I reply to @sciencegirl?",
        "gold_ids": [
            "1995191731290312960",
            "1995688484691186161",
            "1995692421402026026",
            "1995739342606901649",
        ],
        "category": "exact",
    },
    {"qid": "n1", "question": "zzqx wvvk plorf", "gold_ids": [], "category": "no_answer"},
]


def run(script: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_script(script, env, *args, timeout=300)


def test_eval_retrieval_scores_every_search_type(standin: Any, archives_dir: Path, tmp_path: Path) -> None:
    server = standin("hash")
    env = standin_env(server.url, tmp_path / "chroma", RELEVANCE_THRESHOLD="", COLLECTION="evaltest")
    built = run("build_index.py", env, "--archive", str(archives_dir / "ajitg25-2025"), "--json")
    assert built.returncode == 0, built.stderr
    qa = tmp_path / "qa.jsonl"
    qa.write_text("".join(json.dumps(item) + "\n" for item in QUESTIONS), encoding="utf-8")

    result = run(
        "eval_retrieval.py",
        env,
        "--qa",
        str(qa),
        "--search",
        "all",
        "--json",
        "--threshold",
        "0.99",
        "--no-embedding-cache",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["questions"] == 3
    assert set(report["results"]) == {"similarity", "mmr", "hybrid", "bm25"}
    hybrid = report["results"]["hybrid"]
    # Categories are reported under their canonical names (exact -> entity, no_answer -> none).
    assert hybrid["categories"]["entity"]["recall@10"] == 1.0
    assert hybrid["categories"]["none"]["recall@5"] is None
    # BM25 alone finds the tweets naming the handle, and has no dense relevance to abstain on.
    bm25 = report["results"]["bm25"]
    assert bm25["categories"]["entity"]["recall@10"] == 1.0
    assert "abstention" not in bm25
    # At a threshold of 0.99 nothing is relevant enough: similarity abstains on every question; hybrid
    # too, except where its best BM25 hit holds the @handle the question names (both exact questions),
    # as the retriever does.
    similarity = report["results"]["similarity"]
    assert similarity["abstention"]["correct_abstention"] == 1.0
    assert similarity["abstention"]["false_abstention"] == 1.0
    assert hybrid["abstention"]["correct_abstention"] == 1.0
    assert hybrid["abstention"]["false_abstention"] == 0.0


def test_eval_retrieval_without_an_index_says_what_to_run(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        OLLAMA_BASE_URL="http://127.0.0.1:9", EMBED_MODEL="hash-embed", CHROMA_DIR=str(tmp_path / "none")
    )
    result = run("eval_retrieval.py", env, "--qa", str(PROJECT / "tests" / "eval" / "qa.jsonl"))
    assert result.returncode == 1
    assert "tweet-rag index --archive PATH" in result.stderr


def test_eval_retrieval_scores_both_sets_per_half_in_one_run(
    standin: Any, archives_dir: Path, tmp_path: Path
) -> None:
    # Both registered collections hold the same small archive: the gold ids are not in it, so this checks
    # the report's shape (both sets, both halves, four search types, targets, calibration), not its scores.
    server = standin("hash")
    env = standin_env(server.url, tmp_path / "chroma", RELEVANCE_THRESHOLD="")
    for collection in ("eval", "eval_ikiwiki"):
        built = run(
            "build_index.py",
            {**env, "COLLECTION": collection},
            "--archive",
            str(archives_dir / "ajitg25-2025"),
        )
        assert built.returncode == 0, built.stderr
    result = run("eval_retrieval.py", env, "--sets", "all", "--calibrate", "--json", "--no-embedding-cache")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["sets"]) == {"rtweet", "ikiwiki"}
    ikiwiki = report["sets"]["ikiwiki"]
    assert ikiwiki["collection"] == "eval_ikiwiki"
    assert {name: half["questions"] for name, half in ikiwiki["splits"].items()} == {
        "heldout": 41,
        "tuning": 39,
    }
    held = ikiwiki["splits"]["heldout"]
    assert set(held["results"]) == {"similarity", "mmr", "hybrid", "bm25"}
    assert set(held["results"]["hybrid"]["categories"]) == {"lookup", "dated", "entity", "none"}
    assert held["targets"]["search"] == "hybrid"
    assert report["calibration"]["sets"]["rtweet"]["held_out"].keys() == {"rtweet", "ikiwiki"}

    unknown = run("eval_retrieval.py", env, "--sets", "nope")
    assert unknown.returncode == 1
    assert "unknown set 'nope'" in unknown.stderr


def test_eval_retrieval_with_hyde_caches_the_hypothetical_posts(
    standin: Any, archives_dir: Path, tmp_path: Path
) -> None:
    server = standin("hash")
    env = standin_env(
        server.url,
        tmp_path / "chroma",
        RELEVANCE_THRESHOLD="",
        COLLECTION="evaltest",
        QUERY_EXPANSION="hyde",
        CHAT_MODEL="extractive",
    )
    built = run("build_index.py", env, "--archive", str(archives_dir / "ajitg25-2025"))
    assert built.returncode == 0, built.stderr
    qa = tmp_path / "qa.jsonl"
    qa.write_text("".join(json.dumps(item) + "\n" for item in QUESTIONS), encoding="utf-8")
    cache = tmp_path / "hyde.json"
    flags = (
        "--qa",
        str(qa),
        "--search",
        "hybrid",
        "--json",
        "--no-embedding-cache",
        "--hyde-cache",
        str(cache),
    )

    first = run("eval_retrieval.py", env, *flags)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["query_expansion"]["written_now"] == 3
    assert report["query_expansion"]["vector"] == "mean"
    stored = json.loads(cache.read_text(encoding="utf-8"))
    assert set(stored["posts"]) == set(stored["seconds"]) == {item["question"] for item in QUESTIONS}
    # BM25 keeps the question: the @handle questions still find their tweets.
    assert report["results"]["hybrid"]["categories"]["entity"]["recall@10"] == 1.0

    again = run("eval_retrieval.py", env, *flags)
    assert again.returncode == 0, again.stderr
    repeated = json.loads(again.stdout)
    assert repeated["query_expansion"]["written_now"] == 0
    assert repeated["results"] == report["results"]
