"""scripts/build_index.py end to end: real archives, the Ollama stand-in over HTTP, a real Chroma on disk."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import chromadb
import pytest

from devtools.scripts_runner import PROJECT, run_script, script_command, standin_env
from rag.indexing.store import writer_lock
from rag.settings import Settings
from tests.signals import default_sigint
from tests.unit.loader_archives import record, write_archive

pytestmark = pytest.mark.slow

PLAIN_TWEET = "1993648780332404906"  # ajitg25-2025: "Now till February, marriages will take place ..."


def cli_env(url: str, chroma_dir: Path, **extra: str) -> dict[str, str]:
    batching = {"EMBED_BATCH_SIZE": "16", "EMBED_CONCURRENCY": "2", "MAX_RETRIES": "4"}
    return standin_env(url, chroma_dir, **(batching | extra))


def build_index(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return run_script("build_index.py", env, *args, timeout=timeout)


def as_json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.stdout.strip(), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def stored(chroma_dir: Path) -> dict[str, Any]:
    return chromadb.PersistentClient(path=str(chroma_dir)).get_collection("tweets").get(include=["metadatas"])


@pytest.fixture
def archive(archives_dir: Path) -> Path:
    return archives_dir / "ajitg25-2025"


def test_index_then_reindex_sends_no_embedding_and_duplicates_nothing(
    standin: Callable[..., Any], archive: Path, tmp_path: Path
) -> None:
    server = standin("hash")
    env = cli_env(server.url, tmp_path / "chroma")
    first = build_index(env, "--archive", str(archive), "--json")
    assert first.returncode == 0, first.stderr
    report = as_json(first)
    assert report["tweets_read"] > 0
    assert report["embedded"] == report["documents"] > 0
    assert report["embed_model"] == "hash-embed"
    records = stored(tmp_path / "chroma")
    assert len(records["ids"]) == report["documents"]
    by_id = dict(zip(records["ids"], records["metadatas"], strict=True))
    assert by_id[PLAIN_TWEET]["url"].endswith(f"/status/{PLAIN_TWEET}")
    assert (tmp_path / "chroma" / "lexical" / "tweets.npz").is_file()

    server.reset_stats()
    second = as_json(build_index(env, "--archive", str(archive), "--json"))
    assert (second["embedded"], second["unchanged"]) == (0, report["documents"])
    assert server.requests_to("/api/embed") == 1  # the preflight's dimension probe only
    assert len(stored(tmp_path / "chroma")["ids"]) == report["documents"]


def test_summary_line_without_json(standin: Callable[..., Any], archive: Path, tmp_path: Path) -> None:
    server = standin("hash")
    result = build_index(cli_env(server.url, tmp_path / "chroma"), "--archive", str(archive))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("read ") and " embedded, " in line and "tweets/s" in line
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal


def test_other_model_refused_then_recreate(
    standin: Callable[..., Any], archive: Path, tmp_path: Path
) -> None:
    env = cli_env(standin("hash").url, tmp_path / "chroma")
    assert build_index(env, "--archive", str(archive)).returncode == 0
    other = standin("hash", embed_model="other-embed", dimensions=128)
    other_env = cli_env(other.url, tmp_path / "chroma", EMBED_MODEL="other-embed")
    refused = build_index(other_env, "--archive", str(archive))
    assert refused.returncode == 1
    assert "built with EMBED_MODEL=hash-embed" in refused.stderr
    assert "--recreate" in refused.stderr and "COLLECTION" in refused.stderr
    assert other.requests_to("/api/embed") == 1  # refused before embedding anything but the probe
    recreated = as_json(build_index(other_env, "--archive", str(archive), "--recreate", "--json"))
    assert recreated["embedded"] == recreated["documents"]
    assert recreated["embed_dimension"] == 128


def test_second_writer_refused_at_once(standin: Callable[..., Any], archive: Path, tmp_path: Path) -> None:
    server = standin("hash")
    settings = Settings(chroma_dir=tmp_path / "chroma", collection="tweets")
    with writer_lock(settings):
        started = time.monotonic()
        result = build_index(cli_env(server.url, tmp_path / "chroma"), "--archive", str(archive))
        assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert "another build_index is writing" in result.stderr
    assert server.requests_to("/api/embed") == 0


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_run_resumes_with_nothing_lost(
    standin: Callable[..., Any], archive: Path, tmp_path: Path, how: signal.Signals
) -> None:
    server = standin("hash", latency_ms=150)
    env = cli_env(server.url, tmp_path / "chroma", EMBED_BATCH_SIZE="4", EMBED_CONCURRENCY="1")
    process = subprocess.Popen(
        script_command("build_index.py", "--archive", str(archive), "--json"),
        env=env,
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,  # Ctrl-C as a terminal delivers it
    )
    deadline = time.monotonic() + 60
    while server.requests_to("/api/embed") < 12 and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(how)
    process.communicate(timeout=60)
    assert process.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL)
    kept = len(stored(tmp_path / "chroma")["ids"])
    assert kept > 0

    time.sleep(1)  # let a request the killed process left in flight finish before counting again
    server.reset_stats()
    resumed = as_json(build_index(env | {"EMBED_BATCH_SIZE": "64"}, "--archive", str(archive), "--json"))
    assert resumed["unchanged"] == kept
    assert resumed["embedded"] == resumed["documents"] - kept > 0
    assert server.stats()["embedded_texts"] == resumed["embedded"] + 1  # plus the probe
    assert len(stored(tmp_path / "chroma")["ids"]) == resumed["documents"]


def test_injected_errors_are_retried(standin: Callable[..., Any], archive: Path, tmp_path: Path) -> None:
    server = standin("hash", fail_every=3)
    env = cli_env(server.url, tmp_path / "chroma", MAX_RETRIES="2")
    result = build_index(env, "--archive", str(archive), "--json")
    assert result.returncode == 0, result.stderr
    report = as_json(result)
    assert report["failed"] == 0
    assert report["embedded"] == report["documents"]
    assert server.stats()["faults"]["errors"] > 0


def test_failures_after_retries_are_named_and_exit_non_zero(
    standin: Callable[..., Any], archive: Path, tmp_path: Path
) -> None:
    failing = standin("hash", fail_every=2)  # the probe is request 1; then every other batch fails
    env = cli_env(failing.url, tmp_path / "chroma", MAX_RETRIES="0", EMBED_CONCURRENCY="1")
    result = build_index(env, "--archive", str(archive), "--json")
    assert result.returncode == 1
    report = as_json(result)
    assert report["failed"] > 0
    assert report["embedded"] > 0
    assert report["failed"] + report["embedded"] == report["documents"]
    assert f"could not embed {report['failed']} documents" in result.stderr
    assert report["failed_ids"][0] in result.stderr
    kept = set(stored(tmp_path / "chroma")["ids"])
    assert len(kept) == report["embedded"]
    assert not kept & set(report["failed_ids"])

    healthy = standin("hash")
    again = as_json(
        build_index(cli_env(healthy.url, tmp_path / "chroma"), "--archive", str(archive), "--json")
    )
    assert (again["embedded"], again["unchanged"], again["failed"]) == (
        report["failed"],
        report["embedded"],
        0,
    )


def test_two_hosts_share_the_embedding(standin: Callable[..., Any], archive: Path, tmp_path: Path) -> None:
    first, second = standin("hash", latency_ms=20), standin("hash", latency_ms=20)
    env = cli_env(f"{first.url},{second.url}", tmp_path / "chroma", EMBED_BATCH_SIZE="8")
    report = as_json(build_index(env, "--archive", str(archive), "--json"))
    assert report["embed_hosts"] == [first.url, second.url]
    counts = [first.stats()["embedded_texts"] - 1, second.stats()["embedded_texts"] - 1]  # minus each probe
    assert sum(counts) == report["embedded"]
    assert min(counts) > report["embedded"] // 4


def test_unreachable_ollama_and_missing_model_say_what_to_do(
    standin: Callable[..., Any], archive: Path, tmp_path: Path
) -> None:
    down = build_index(cli_env("http://127.0.0.1:9", tmp_path / "chroma"), "--archive", str(archive))
    assert down.returncode == 1
    assert "no Ollama server answers at http://127.0.0.1:9 (OLLAMA_BASE_URL)" in down.stderr
    server = standin("hash")
    missing = build_index(
        cli_env(server.url, tmp_path / "chroma", EMBED_MODEL="nomic-embed-text"), "--archive", str(archive)
    )
    assert missing.returncode == 1
    assert "run `ollama pull nomic-embed-text`" in missing.stderr
    no_archive = build_index(
        cli_env(server.url, tmp_path / "chroma"), "--archive", str(tmp_path / "nope.zip")
    )
    assert no_archive.returncode == 1
    assert "no archive at" in no_archive.stderr


DELETED_TWEET = "1992836646023413808"  # ajitg25-2025 deleted-tweets.js: "@ohhanxiety Lata Mangeshkar 🫡"


def test_include_deleted_then_prune(standin: Callable[..., Any], archive: Path, tmp_path: Path) -> None:
    env = cli_env(standin("hash").url, tmp_path / "chroma")
    with_deleted = as_json(build_index(env, "--archive", str(archive), "--include-deleted", "--json"))
    records = stored(tmp_path / "chroma")
    by_id = dict(zip(records["ids"], records["metadatas"], strict=True))
    assert by_id[DELETED_TWEET]["is_deleted"] is True
    kept = as_json(build_index(env, "--archive", str(archive), "--json"))
    assert DELETED_TWEET in kept["stale_ids"]
    assert kept["deleted"] == 0 and kept["stale"] == with_deleted["documents"] - kept["documents"] > 0
    assert DELETED_TWEET in stored(tmp_path / "chroma")["ids"]
    pruned = as_json(build_index(env, "--archive", str(archive), "--prune", "--json"))
    assert pruned["deleted"] == kept["stale"]
    assert DELETED_TWEET not in stored(tmp_path / "chroma")["ids"]
    assert len(stored(tmp_path / "chroma")["ids"]) == pruned["documents"]


def test_pull_goes_through_the_api(standin: Callable[..., Any], archive: Path, tmp_path: Path) -> None:
    server = standin("hash")
    env = cli_env(server.url, tmp_path / "chroma", EMBED_MODEL="nomic-embed-text")
    result = build_index(env, "--archive", str(archive), "--pull")
    assert result.returncode == 1
    assert "could not pull 'nomic-embed-text'" in result.stderr
    assert server.requests_to("/api/pull") == 1


def test_unreadable_lexical_index_is_rebuilt(
    standin: Callable[..., Any], archive: Path, tmp_path: Path
) -> None:
    env = cli_env(standin("hash").url, tmp_path / "chroma")
    first = as_json(build_index(env, "--archive", str(archive), "--json"))
    lexical_file = tmp_path / "chroma" / "lexical" / "tweets.npz"
    lexical_file.write_text("garbage\n")
    again = as_json(build_index(env, "--archive", str(archive), "--json"))
    assert (again["embedded"], again["unchanged"]) == (0, first["documents"])
    assert again["lexical_rebuilt"] is True
    assert lexical_file.read_bytes()[:2] == b"PK"  # a zip again (numpy .npz), no longer "garbage"


PAELLA = "1700000000000000001"  # the ids, texts and dates below are written by these tests


def write_tweets(path: Path, *tweets: tuple[str, str, str]) -> Path:
    records = [{"id": tweet_id, "text": text, "created_at": created} for tweet_id, text, created in tweets]
    path.write_text(json.dumps(records))
    return path


def test_prune_deletes_nothing_when_records_could_not_be_read(
    standin: Callable[..., Any], tmp_path: Path
) -> None:
    env = cli_env(standin("hash").url, tmp_path / "chroma")
    good = write_tweets(
        tmp_path / "good.json",
        (PAELLA, "paella with friends in Valencia", "2023-11-14T10:00:00Z"),
        ("1700000000000000002", "maps and GIS at the office", "2023-11-15T10:00:00Z"),
    )
    assert as_json(build_index(env, "--archive", str(good), "--json"))["embedded"] == 2

    partly_bad = write_tweets(
        tmp_path / "partly-bad.json",
        (PAELLA, "paella with friends in Valencia", "not a date"),
        ("1700000000000000003", "a new tweet about rivers", "2023-11-16T10:00:00Z"),
    )
    result = build_index(env, "--archive", str(partly_bad), "--prune")
    assert result.returncode == 0, result.stderr
    assert " 0 deleted" in result.stdout
    assert "1 records could not be read, so --prune removed nothing" in result.stderr
    assert sorted(stored(tmp_path / "chroma")["ids"]) == [
        PAELLA,
        "1700000000000000002",
        "1700000000000000003",
    ]

    all_bad = write_tweets(tmp_path / "bad.json", (PAELLA, "paella with friends in Valencia", "not a date"))
    refused = build_index(env, "--archive", str(all_bad), "--prune", "--json")
    assert refused.returncode == 1
    assert as_json(refused)["deleted"] == 0
    error = refused.stderr.strip().splitlines()[-1]
    assert error.startswith("error: nothing indexed: none of the 1 records in ")
    assert "unrecognised date 'not a date'" in error
    assert PAELLA in stored(tmp_path / "chroma")["ids"]


def test_prune_with_an_empty_tweets_file_deletes_nothing(standin: Callable[..., Any], tmp_path: Path) -> None:
    env = cli_env(standin("hash").url, tmp_path / "chroma")
    full = write_archive(tmp_path / "full", [record(PAELLA, "paella with friends in Valencia")])
    assert as_json(build_index(env, "--archive", str(full), "--json"))["embedded"] == 1
    empty = write_archive(tmp_path / "empty", [])  # data/tweets.js is `[]`
    result = build_index(env, "--archive", str(empty), "--prune")
    assert result.returncode == 0, result.stderr
    assert " 0 deleted" in result.stdout and "--prune refused: the archive has no tweets" in result.stdout
    assert "the archive has no tweets, so --prune removed nothing" in result.stderr
    assert stored(tmp_path / "chroma")["ids"] == [PAELLA]
