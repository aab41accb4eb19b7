"""scripts/calibrate_abstention.py end to end: both evaluation collections indexed through the hash stand-in.

Both collections hold the same small real archive (the evaluation's gold tweets are not in it), so this
checks what the script promises, not its scores: every variant of `--compare` fitted and scored on every
half, a rule with the absent share carrying its fallback and the archive size it counts in full from, and
bad arguments refused in one line.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from devtools.scripts_runner import run_script, standin_env

pytestmark = pytest.mark.slow

HALVES = {f"{name}/{half}" for name in ("rtweet", "ikiwiki") for half in ("tuning", "heldout")}


def run(script: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_script(script, env, *args, timeout=300)


def test_calibrate_compares_fits_on_each_set_and_on_both(
    standin: Any, archives_dir: Path, tmp_path: Path
) -> None:
    server = standin("hash")
    env = standin_env(server.url, tmp_path / "chroma", RELEVANCE_THRESHOLD="")
    documents = 0
    for collection in ("eval", "eval_ikiwiki"):
        built = run(
            "build_index.py",
            {**env, "COLLECTION": collection},
            "--archive",
            str(archives_dir / "ajitg25-2025"),
            "--json",
        )
        assert built.returncode == 0, built.stderr
        documents = json.loads(built.stdout)["documents"]
    cache = str(tmp_path / "cache")
    result = run("calibrate_abstention.py", env, "--compare", "--json", "--embedding-cache", cache)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rules = report["rules"]
    expected = {
        f"{features} fitted on {sets}"
        for features in ("top+margin", "top+margin+absent")
        for sets in ("rtweet", "ikiwiki", "rtweet + ikiwiki")
    }
    assert set(rules) == expected | {"current (CALIBRATIONS)"}
    for rule in rules.values():
        assert set(rule["abstention"]) >= HALVES
    # "caught/unanswerable (..%) | false/answerable (..%)": rtweet has 9 unanswerable questions per half
    assert rules["top+margin fitted on rtweet"]["abstention"]["rtweet/heldout"].split()[0].endswith("/9")
    both = rules["top+margin+absent fitted on rtweet + ikiwiki"]
    assert both["fallback"] is not None and both["fallback"]["w_absent"] == 0.0
    assert both["absent_full_at"] == documents  # the smaller archive fitted on (here both are the same)
    assert rules["top+margin fitted on rtweet"]["fallback"] is None

    bad = run("calibrate_abstention.py", env, "--features", "margin,absent")
    assert bad.returncode == 1
    assert "--features" in bad.stderr and "include top" in bad.stderr
    unknown = run("calibrate_abstention.py", env, "--fit-on", "nope")
    assert unknown.returncode == 1 and "not one of rtweet, ikiwiki, all" in unknown.stderr
