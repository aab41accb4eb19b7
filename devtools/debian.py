"""Fetch a Debian package's files for the evaluation corpora: `apt-get download`, then `dpkg-deb -x`.

Both steps are cached in a git-ignored folder: the `.deb` is downloaded once (after `apt-get update` when apt
has no package list yet) and extracted once. Third-party text inside a package is read from there at
evaluation time and never committed. The archive built from it is cached too: `cached_build` returns the
summary `record_build` stamped into the archive folder while the inputs' key is the same.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from rag.errors import ArchiveError


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def download_deb(package: str, cache: Path) -> Path:
    """The cached `.deb` of `package` from `apt-get download` (after `apt-get update` if needed)."""
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob(f"{package}_*.deb"))
    if found:
        return found[-1]
    if shutil.which("apt-get") is None:
        raise ArchiveError(f"apt-get not found: download {package}'s .deb by hand into {cache}")
    result = _run(["apt-get", "download", package], cache)
    if result.returncode != 0:
        print(
            f"apt-get download failed ({result.stderr.strip()[-200:]}); running apt-get update",
            file=sys.stderr,
        )
        _run(["apt-get", "update"], cache)
        result = _run(["apt-get", "download", package], cache)
    found = sorted(cache.glob(f"{package}_*.deb"))
    if result.returncode != 0 or not found:
        raise ArchiveError(
            f"could not download {package}: {result.stderr.strip()[-200:]}; run `apt-get update` and retry"
        )
    return found[-1]


def extract_deb(deb: Path, cache: Path, wanted: Path) -> Path:
    """`wanted` (a path inside the package) under the package's extracted tree, extracting it once."""
    target = cache / deb.stem
    path = target / wanted
    if not path.exists():
        result = _run(["dpkg-deb", "-x", str(deb), str(target)], cache)
        if result.returncode != 0 or not path.exists():
            raise ArchiveError(f"could not extract {wanted} from {deb.name}: {result.stderr.strip()[-200:]}")
    return path


def _stamp(out: Path) -> Path:
    return out / ".inputs"


def cached_build(out: Path, key: str) -> dict[str, Any] | None:
    """The summary of the archive already built in `out` from inputs with this `key`, or None."""
    stamp = _stamp(out)
    if not (stamp.is_file() and (out / "data" / "tweets.js").is_file()):
        return None
    summary = json.loads(stamp.read_text(encoding="utf-8"))
    if summary.get("key") != key:
        return None
    summary["cached"] = True
    return dict(summary)


def record_build(out: Path, summary: dict[str, Any]) -> dict[str, Any]:
    """Stamp `summary` (with its inputs' `key`) into the archive folder `out`; it, marked as freshly built."""
    _stamp(out).write_text(json.dumps(summary), encoding="utf-8")
    return {**summary, "cached": False}
