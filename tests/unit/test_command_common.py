"""The commands' shared guard (`tweet_rag.common`): exit statuses, one-line and JSON errors, closed pipes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rag.errors import ConfigError
from rag.indexing.operation import IndexingFailedError
from rag.indexing.pipeline import IndexReport
from rag.settings import Settings, env_file, fix_hint
from tweet_rag import cli
from tweet_rag.common import run_main, wants_json

MANY_LINES = """
from tweet_rag.common import run_main

def main() -> int:
    for number in range(200_000):
        print("line", number)
    return 0

run_main(main)
"""


def run_python(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "command.py"
    script.write_text(source, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)


def test_closed_pipe_ends_quietly_with_status_141(tmp_path: Path) -> None:
    script = tmp_path / "many_lines.py"
    script.write_text(MANY_LINES, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == "line 0\n"
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert stderr == ""


def test_normal_run_keeps_its_exit_status(tmp_path: Path) -> None:
    done = run_python(
        tmp_path, "from tweet_rag.common import run_main\nrun_main(lambda: print('done') or 3)\n"
    )
    assert (done.returncode, done.stdout, done.stderr) == (3, "done\n", "")


def test_user_error_is_one_line_and_other_errors_keep_their_traceback(tmp_path: Path) -> None:
    user = run_python(
        tmp_path,
        "from rag.errors import ConfigError\nfrom tweet_rag.common import run_main\n"
        "def main():\n    raise ConfigError('TOP_K must be at least 1')\nrun_main(main)\n",
    )
    assert (user.returncode, user.stdout, user.stderr) == (1, "", "error: TOP_K must be at least 1\n")
    bug = run_python(
        tmp_path,
        "from tweet_rag.common import run_main\ndef main():\n    raise ValueError('a bug')\nrun_main(main)\n",
    )
    assert bug.returncode == 1 and "Traceback" in bug.stderr and "ValueError: a bug" in bug.stderr


def test_json_failure_prints_an_object_with_the_error_and_the_partial_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = IndexReport(documents=10, embedded=7, failed=3, failed_ids=["1", "2", "3"])

    def main() -> int:
        raise IndexingFailedError("could not embed 3 documents after retries: 1, 2, 3", report)

    with pytest.raises(SystemExit) as exited:
        run_main(main, as_json=True)
    assert exited.value.code == 1
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["error"] == "could not embed 3 documents after retries: 1, 2, 3"
    assert (data["embedded"], data["failed"], data["failed_ids"]) == (7, 3, ["1", "2", "3"])
    assert "prune_refused" in data and "tweets_read" in data
    assert err == "error: could not embed 3 documents after retries: 1, 2, 3\n"


def test_json_interrupt_prints_an_object_too(capsys: pytest.CaptureFixture[str]) -> None:
    def main() -> int:
        raise KeyboardInterrupt

    with pytest.raises(SystemExit) as exited:
        run_main(main, as_json=True, interrupted="interrupted: run again")
    assert exited.value.code == 130
    out, err = capsys.readouterr()
    assert json.loads(out) == {"error": "interrupted: run again"}
    assert err == "interrupted: run again\n"


def test_wants_json_stops_at_double_dash() -> None:
    assert wants_json(["--archive", "x", "--json"])
    assert not wants_json(["--", "--json"])
    assert not wants_json(["--archive", "x"])


def test_settings_messages_mention_env_file_only_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if env_file() is not None:
        pytest.skip(f"a .env above the temporary folder ({env_file()}) would be found")
    assert fix_hint("TOP_K") == "set TOP_K in the environment or in a .env file"
    with pytest.raises(ConfigError, match=r"TOP_K='many' is not a valid int; set TOP_K in the environment"):
        Settings.from_env({"TOP_K": "many"})
    (tmp_path / ".env").write_text("TOP_K=many\n", encoding="utf-8")
    assert fix_hint("TOP_K") == "fix TOP_K in .env"
    with pytest.raises(ConfigError, match=r"TOP_K='many' is not a valid int; fix TOP_K in \.env$"):
        Settings.from_env({"TOP_K": "many"})


def test_serve_without_its_module_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_serve_missing", lambda: True)
    with pytest.raises(SystemExit) as exited:
        cli.main(["serve"])
    assert exited.value.code == 1
    assert capsys.readouterr().err.startswith("error: `tweet-rag serve` is not available in this version")


def test_progress_bars_draw_counted_stages_and_name_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    from rag.indexing.operation import IndexProgress
    from rag.ollama import PullProgress
    from tweet_rag.common import ProgressBars

    events = [
        IndexProgress("preflight", detail="http://h:11434"),
        IndexProgress("loading", 500),
        IndexProgress("loading", 790, 790),
        IndexProgress("embedding", 0, 790),
        IndexProgress("embedding", 790, 790),
        IndexProgress("writing", 790, 790),
        IndexProgress("persisting", detail="/data/chroma"),
    ]
    with ProgressBars(enabled=True) as bars:
        bars.pull(PullProgress("nomic-embed-text", "http://h:11434", "pulling abc", 137_000_000, 274_000_000))
        for event in events:
            bars.index(event)
    out, err = capsys.readouterr()
    assert out == ""
    assert "checking Ollama (http://h:11434)..." in err
    assert "pulling nomic-embed-text" in err and "137M/274M" in err
    assert "reading: 100%" in err
    assert "embedding:   0%" in err and "embedding: 100%" in err and "790/790" in err
    assert "writing the last batches and the keyword index..." in err
    assert "saving the vector index (/data/chroma)..." in err
    with ProgressBars(enabled=False) as quiet:
        for event in events:
            quiet.index(event)
    assert capsys.readouterr() == ("", "")
