"""The scripts' shared `run_main`: a reader that closes the pipe early ends the script without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "scripts"

SCRIPT = """
import sys
sys.path.insert(0, {scripts!r})
from _common import run_main

def main() -> int:
    for number in range(200_000):
        print("line", number)
    return 0

run_main(main)
"""


def test_closed_pipe_ends_quietly_with_status_141(tmp_path: Path) -> None:
    script = tmp_path / "many_lines.py"
    script.write_text(SCRIPT.format(scripts=str(SCRIPTS_DIR)), encoding="utf-8")
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
    script = tmp_path / "status.py"
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(SCRIPTS_DIR)!r})\nfrom _common import run_main\n"
        "run_main(lambda: print('done') or 3)\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (3, "done\n", "")
