"""Start and stop the Ollama stand-in as a subprocess: `start_standin()` and the `StandinHandle` it returns.

The server binds port 0 and prints its address, so any number of instances can run at once without port
races; `start_standin` reads that line, waits until `GET /api/version` answers and raises RuntimeError with
the process output when it does not in time. Used by the pytest fixtures and by scripts/bench_standin.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

LISTENING = "ollama stand-in listening on "
START_TIMEOUT = {"hash": 30.0, "minilm": 180.0}
LLM_START_TIMEOUT = 240.0  # the first start assembles and hashes 1.1 GB of weights


@dataclass
class StandinHandle:
    """A running stand-in: its URL, port, process, models, and helpers to read its counts."""

    url: str
    port: int
    process: subprocess.Popen[str]
    backend: str
    embed_model: str
    chat_model: str
    _output: list[str] = field(default_factory=list, repr=False)

    def stats(self) -> dict[str, Any]:
        """Counts since start or the last reset: `requests` per path, `embedded_texts`, `faults`."""
        with urllib.request.urlopen(f"{self.url}/api/_standin/stats", timeout=10) as response:
            result: dict[str, Any] = json.loads(response.read())
        return result

    def requests_to(self, path: str) -> int:
        """How many requests `path` (e.g. "/api/embed") has received since start or the last reset."""
        return int(self.stats()["requests"].get(path, 0))

    def reset_stats(self) -> None:
        """Zero the counts (fault numbering starts again at 1)."""
        request = urllib.request.Request(f"{self.url}/api/_standin/reset", data=b"{}", method="POST")
        with urllib.request.urlopen(request, timeout=10):
            pass

    def output(self) -> str:
        """What the process printed so far (stdout and stderr)."""
        return "".join(self._output)

    def stop(self) -> None:
        """Terminate the process (kill it if it does not exit within 5 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _command(backend: str, options: dict[str, Any]) -> list[str]:
    command = [sys.executable, "-m", "ollama_standin", "--backend", backend, "--port", "0"]
    for key, value in options.items():
        if value is None:
            continue
        command += [f"--{key.replace('_', '-')}", str(value)]
    return command


def start_standin(backend: str = "hash", timeout: float | None = None, **options: Any) -> StandinHandle:
    """Start a stand-in subprocess and wait until it answers; raise RuntimeError with its output if not."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        _command(backend, options),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    output: list[str] = []
    address: list[str] = []
    listening = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            if line.startswith(LISTENING) and not address:
                address.append(line[len(LISTENING) :].strip())
                listening.set()

    threading.Thread(target=read, name="standin-output", daemon=True).start()
    limit = timeout if timeout is not None else START_TIMEOUT.get(backend, 30.0)
    if timeout is None and options.get("chat") == "llm":
        limit += LLM_START_TIMEOUT
    deadline = time.monotonic() + limit
    url = ""
    while time.monotonic() < deadline and process.poll() is None:
        if not url and listening.wait(0.1):
            url = address[0]
        if url and _answers(url):
            port = int(url.rsplit(":", 1)[1])
            default_embed = "all-minilm" if backend == "minilm" else "hash-embed"
            default_chat = "qwen2.5-coder:1.5b" if options.get("chat") == "llm" else "extractive"
            return StandinHandle(
                url=url,
                port=port,
                process=process,
                backend=backend,
                embed_model=str(options.get("embed_model") or default_embed),
                chat_model=str(options.get("chat_model") or default_chat),
                _output=output,
            )
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
    why = (
        f"exited with status {process.returncode}" if process.returncode else f"not ready after {limit:.0f} s"
    )
    raise RuntimeError(
        f"Ollama stand-in ({' '.join(_command(backend, options)[1:])}) {why}; its output:\n" + "".join(output)
    )


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/version", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        time.sleep(0.05)
        return False
