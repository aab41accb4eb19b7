"""The command line as a person meets it: `tweet-rag` and the scripts, Ctrl-C while starting, `--json` errors.

Every test runs a real subprocess. The Ctrl-C tests restore SIGINT's default disposition in the child
(a process started with `&` from a non-interactive shell, as CI may run pytest, inherits SIGINT ignored)
and check that the child really had it, so they cannot pass by never receiving the signal.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.scripts_runner import PROJECT, run_script, script_command, standin_env
from tests.signals import default_sigint
from tests.standin_fixture import StandinFactory

pytestmark = pytest.mark.slow

DEAD_OLLAMA = "http://127.0.0.1:9"
SIGINT_CHECK = (
    "import signal, sys; sys.exit(0 if signal.getsignal(signal.SIGINT) is signal.default_int_handler else 3)"
)


@pytest.fixture
def silent_ollama() -> Iterator[str]:
    """The URL of a server that takes connections and never answers: a command waits on it until Ctrl-C.

    Against a dead port the command reports the dead server and ends by itself within about a second,
    which can race a Ctrl-C sent then.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture(scope="module")
def sample_index(standin_shared: StandinFactory, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the sample archive (hash embeddings): with it `ask.py` gets past "no index" to the server.

    Without an index `ask.py` ends by itself with "no index at ...", which races a Ctrl-C sent a second in.
    """
    chroma_dir = tmp_path_factory.mktemp("sample-index") / "chroma"
    built = run_script(
        "build_index.py",
        standin_env(standin_shared("hash").url, chroma_dir),
        "--archive",
        "sample/twitter-sample",
    )
    assert built.returncode == 0, built.stderr
    return chroma_dir


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )


def test_children_started_this_way_get_ctrl_c_as_a_keyboard_interrupt(tmp_path: Path) -> None:
    process = start([sys.executable, "-c", SIGINT_CHECK], standin_env(DEAD_OLLAMA, tmp_path / "chroma"))
    process.communicate(timeout=60)
    assert process.returncode == 0  # Python installed its Ctrl-C handler: the signal will be seen


@pytest.mark.parametrize(
    ("command", "message", "indexed"),
    [
        (
            script_command("build_index.py", "--archive", "sample/twitter-sample"),
            "interrupted: the index keeps what was written; run again to resume",
            False,
        ),
        (script_command("ask.py", "what did I say about Lisbon?"), "interrupted", True),
        (
            [sys.executable, "-m", "tweet_rag", "index", "--archive", "sample/twitter-sample"],
            "interrupted: the index keeps what was written; run again to resume",
            False,
        ),
    ],
    ids=["build_index.py", "ask.py", "tweet-rag index"],
)
@pytest.mark.parametrize("after", [0.4, 1.0])
def test_ctrl_c_while_starting_prints_one_line(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    silent_ollama: str,
    command: list[str],
    message: str,
    indexed: bool,
    after: float,
) -> None:
    chroma_dir = request.getfixturevalue("sample_index") if indexed else tmp_path / "chroma"
    process = start(command, standin_env(silent_ollama, chroma_dir))
    time.sleep(after)
    assert process.poll() is None, "the command ended before Ctrl-C: the test proves nothing"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr, stderr
    assert (process.returncode, stdout, stderr) == (130, "", f"{message}\n")


def test_build_index_json_failure_prints_an_error_object(tmp_path: Path) -> None:
    env = standin_env(DEAD_OLLAMA, tmp_path / "chroma")
    missing = subprocess.run(
        script_command("build_index.py", "--archive", str(tmp_path / "nope.zip"), "--json"),
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 1
    assert json.loads(missing.stdout)["error"].startswith(f"no archive at {tmp_path / 'nope.zip'}")
    assert missing.stderr.strip().splitlines()[-1].startswith("error: no archive at")
    down = subprocess.run(
        script_command("build_index.py", "--archive", "sample/twitter-sample", "--json"),
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert down.returncode == 1
    error = json.loads(down.stdout)["error"]
    assert error.startswith(f"no Ollama server answers at {DEAD_OLLAMA} (OLLAMA_BASE_URL)")


def test_ask_json_failures_print_an_error_object(tmp_path: Path) -> None:
    env = standin_env(DEAD_OLLAMA, tmp_path / "chroma")
    no_index = subprocess.run(
        script_command("ask.py", "what about Lisbon?", "--json"),
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert no_index.returncode == 1
    assert json.loads(no_index.stdout)["error"].startswith("no index at ")
    usage = subprocess.run(
        script_command("ask.py", "--json"), cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120
    )
    assert usage.returncode == 2
    assert "give a question, or --interactive" in json.loads(usage.stdout)["error"]


def test_tweet_rag_lists_its_subcommands_and_runs_them(tmp_path: Path) -> None:
    env = standin_env(DEAD_OLLAMA, tmp_path / "chroma")
    listed = subprocess.run(
        [sys.executable, "-m", "tweet_rag", "--help"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0
    for name in ("index", "ask", "serve", "demo"):
        assert f"\n  {name} " in listed.stdout
    unknown = subprocess.run(
        [sys.executable, "-m", "tweet_rag", "indx"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert unknown.returncode == 2 and "unknown subcommand 'indx'" in unknown.stderr
    index_help = subprocess.run(
        [sys.executable, "-m", "tweet_rag", "index", "--help"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert index_help.returncode == 0
    assert index_help.stdout.startswith("usage: tweet-rag index ")
    for flag in ("--archive", "--recreate", "--prune", "--include-deleted", "--pull", "--json"):
        assert flag in index_help.stdout


def test_serve_is_a_subcommand(tmp_path: Path) -> None:
    env = standin_env(DEAD_OLLAMA, tmp_path / "chroma")
    result = subprocess.run(
        [sys.executable, "-m", "tweet_rag", "serve", "--help"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: tweet-rag serve ") and "--port" in result.stdout


def test_import_rag_stays_light() -> None:
    probe = (
        "import sys, rag; heavy = [m for m in ('chromadb', 'langchain_core') if m in sys.modules]; "
        "print(heavy); from rag import build_index, IndexReport, IndexProgress; print(build_index.__module__)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "rag.indexing.operation"]
