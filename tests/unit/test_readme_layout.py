"""The README's layout names every module of the packages, so a new or renamed module shows up there."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PACKAGES = ("rag", "chains", "tweet_rag", "ollama_standin", "devtools")


def layout_block() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    start = readme.index("Layout, in the order the data flows")
    return readme[start : readme.index("\n```\n", readme.index("```", start) + 3)]


def test_every_module_has_its_line_in_the_readme_layout() -> None:
    block = layout_block()
    missing = [
        str(path.relative_to(PROJECT))
        for package in PACKAGES
        for path in sorted((PROJECT / package).rglob("*.py"))
        if path.name != "__init__.py" and path.name not in block
    ]
    assert missing == [], f"add these to the README's layout: {missing}"
