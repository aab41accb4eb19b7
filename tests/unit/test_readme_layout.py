"""The README's layout is the tree as it is: a line for every module of the packages, none extra."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PACKAGES = ("rag", "chains", "tweet_rag", "ollama_standin", "devtools")


def layout_block() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    start = readme.index("Layout, in the order the data flows")
    return readme[start : readme.index("\n```\n", readme.index("```", start) + 3)]


def layout_paths() -> set[str]:
    """The paths the tree names: a folder line (`archive/`) opens a level, a module line is inside it."""
    folders: list[tuple[int, str]] = []
    paths: set[str] = set()
    lines = layout_block().split("```", 1)[1].splitlines()
    for line in lines:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        name = line.split()[0]
        while folders and folders[-1][0] >= indent:
            folders.pop()
        full = "/".join([*(folder for _, folder in folders), name.rstrip("/")])
        if name.endswith("/"):
            folders.append((indent, name.rstrip("/")))
            paths.add(full + "/")
        elif name.endswith(".py"):
            paths.add(full)
    return paths


def test_every_module_has_its_line_in_the_readme_layout() -> None:
    named = layout_paths()
    missing = [
        str(path.relative_to(PROJECT))
        for package in PACKAGES
        for path in sorted((PROJECT / package).rglob("*.py"))
        if path.name != "__init__.py" and str(path.relative_to(PROJECT)) not in named
    ]
    assert missing == [], f"add these to the README's layout: {missing}"


def test_the_layout_names_nothing_that_is_not_there() -> None:
    stale = sorted(path for path in layout_paths() if not (PROJECT / path).exists())
    assert stale == [], f"the README's layout names what is gone: {stale}"
