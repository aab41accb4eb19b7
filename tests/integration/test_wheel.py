"""A wheel of the project, installed apart from the checkout, has what the commands read at run time.

The wheel is built from a copy of the package sources (nothing is written into the checkout) with the
environment's setuptools, offline, then installed into a temporary folder that is the only place the
packages can be imported from: its prompt files and hybrid search's word list load and `python -m tweet_rag`
runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE_ROOTS = ("rag", "chains", "tweet_rag", "ollama_standin", "devtools")
SOURCES = ("pyproject.toml", "README.md", "prompts", *PACKAGE_ROOTS)
PROMPTS = ("default.md", "concise.md", "timeline.md", "condense.md")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    source.mkdir()
    for name in SOURCES:
        path = PROJECT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, source / name)
    dist = root / "dist"
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(dist),
    ]
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel_file] = dist.glob("tweet_rag-*.whl")
    return wheel_file


def test_wheel_ships_the_prompt_files_and_the_page(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for prompt in PROMPTS:
        assert f"chains/prompt_files/{prompt}" in names
    assert "tweet_rag/web/static/index.html" in names
    assert "rag/search/wordpiece_words.txt" in names  # hybrid search reads it for rare lowercase words
    # pyproject.toml lists the packages by hand: every package of the checkout must be in the wheel.
    for root in PACKAGE_ROOTS:
        for init in (PROJECT / root).rglob("__init__.py"):
            assert init.relative_to(PROJECT).as_posix() in names
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "tweet-rag = tweet_rag.cli:main" in text and "ollama-standin = ollama_standin.__main__:run" in text


def test_installed_wheel_finds_its_prompts_away_from_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import chains.prompts as p; from chains.prompts import load_prompt; "
        "print(p.PROMPTS_DIR); print(sorted(p.available_prompts())); "
        "print(load_prompt('timeline').input_variables); "
        "from rag.search.query_terms import vocabulary as v; print('house' in v(), 'xkcd' in v())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    where, names, variables, words = result.stdout.splitlines()
    assert Path(where).is_relative_to(target)
    assert names == "['concise', 'default', 'timeline']"
    assert variables == "['context', 'question']"
    assert words == "True False"  # the embedding vocabulary's word list ships and loads
    usage = subprocess.run(
        [sys.executable, "-m", "tweet_rag", "--help"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert usage.returncode == 0 and "index" in usage.stdout
