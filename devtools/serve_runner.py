"""Run `scripts/serve.py --port 0` in a subprocess and learn its address: for the web tests and benchmarks."""

from __future__ import annotations

import signal
import subprocess
import threading
import time

from devtools.scripts_runner import PROJECT, script_command
from tweet_rag.serve import LISTENING


def _default_sigint() -> None:
    """Ctrl-C in the child as in a terminal (a parent started with `&` would pass on SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class WebServer:
    """`scripts/serve.py --port 0` in a subprocess; `.url` once it listens."""

    def __init__(self, env: dict[str, str], *args: str, timeout: float = 60.0) -> None:
        self.process = subprocess.Popen(
            script_command("serve.py", "--port", "0", *args),
            env=env,
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            preexec_fn=_default_sigint,
        )
        self.lines: list[str] = []
        self._listening = threading.Event()
        self.url = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while not self._listening.wait(0.1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("serve.py did not start:\n" + "".join(self.lines))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith(LISTENING) and not self.url:
                self.url = line[len(LISTENING) :].split()[0].rstrip("/")
                self._listening.set()

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self.url.rsplit(":", 1)[1])

    def output(self) -> str:
        """Everything it printed so far (all of it once it has ended)."""
        if self.process.poll() is not None:
            self._reader.join(5)
        return "".join(self.lines)

    def stop(self) -> None:
        """Stop it (SIGTERM, then SIGKILL)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
