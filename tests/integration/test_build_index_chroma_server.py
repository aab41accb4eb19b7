"""build_index into a real Chroma server (`chroma run`) reached with CHROMA_HOST / CHROMA_PORT."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import chromadb
import pytest

from tests.integration.test_build_index_cli import as_json, build_index, cli_env

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if executable is None:
        pytest.skip("the chroma CLI is not installed")
    port = free_port()
    process = subprocess.Popen(
        [
            executable,
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma run did not start on port {port}")
                time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_index_into_a_chroma_server(
    standin: Callable[..., Any], archives_dir: Path, tmp_path: Path, chroma_server: int
) -> None:
    server = standin("hash")
    env = cli_env(server.url, tmp_path / "local", CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(chroma_server))
    archive = str(archives_dir / "ajitg25-2025")
    first = build_index(env, "--archive", archive, "--json")
    assert first.returncode == 0, first.stderr
    report = as_json(first)
    assert report["store"] == f"the Chroma server 127.0.0.1:{chroma_server}"
    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    collection = client.get_collection("tweets")
    assert collection.count() == report["documents"] == report["embedded"]
    assert collection.metadata["embed_model"] == "hash-embed"
    assert not (tmp_path / "local" / "chroma.sqlite3").exists()  # nothing went to an embedded store
    again = as_json(build_index(env, "--archive", archive, "--json"))
    assert (again["embedded"], again["unchanged"]) == (0, report["documents"])
    assert collection.count() == report["documents"]


def test_no_chroma_server_says_what_to_do(
    standin: Callable[..., Any], archives_dir: Path, tmp_path: Path
) -> None:
    server = standin("hash")
    port = free_port()
    env = cli_env(server.url, tmp_path / "local", CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(port))
    result = build_index(env, "--archive", str(archives_dir / "ajitg25-2025"))
    assert result.returncode == 1
    assert f"no Chroma server answers at 127.0.0.1:{port}" in result.stderr
