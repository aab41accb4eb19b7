"""Build the second evaluation corpus: the Debian changelog of ikiwiki as one person's dated posts.

Downloads the Debian package `ikiwiki` with `apt-get download` into a git-ignored cache
(`.cache/changelog_posts/`), extracts `usr/share/doc/ikiwiki/changelog.Debian.gz` (234 entries, April 2006 to
February 2020, 209 of them by Joey Hess, ikiwiki's author, the rest by Simon McVittie and Josh Triplett) and
splits it into about 2,200 dated posts with `devtools.changelog_posts` (one per bullet), written as an
archive folder the loader reads. The questions in `tests/eval/ikiwiki_qa.jsonl` were written from reading
these posts. Nothing from the package is committed. Idempotent: a second run with the same package does
nothing and prints the same path. The last line printed is the archive folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from devtools import PROJECT_ROOT
from devtools.changelog_posts import changelog_posts, write_posts_archive
from devtools.debian import cached_build, download_deb, extract_deb, record_build
from tweet_rag.common import run_main

PACKAGE = "ikiwiki"
CHANGELOG_IN_DEB = Path("usr/share/doc/ikiwiki/changelog.Debian.gz")
DEFAULT_CACHE = PROJECT_ROOT / ".cache" / "changelog_posts"
# A made-up account: the posts are changelog bullets, not tweets of a real X account.
ACCOUNT_ID, USER_NAME = "4242424242", "ikiwiki_changelog"
FORMAT_VERSION = "1"


def build(cache: Path, out: Path, force: bool) -> dict[str, Any]:
    """Fetch, extract and convert (each step skipped when its output is cached); returns a summary."""
    deb = download_deb(PACKAGE, cache)
    key = f"{FORMAT_VERSION}|{deb.name}|{deb.stat().st_size}"
    cached = None if force else cached_build(out, key)
    if cached is not None:
        return cached
    changelog = extract_deb(deb, cache, CHANGELOG_IN_DEB)
    with gzip.open(changelog, "rt", encoding="utf-8") as handle:
        posts = changelog_posts(handle.read())
    if out.exists():
        shutil.rmtree(out)
    total = write_posts_archive(out, posts, account_id=ACCOUNT_ID, user_name=USER_NAME)
    years = sorted({post.created.year for post in posts})
    summary = {
        "key": key,
        "archive": str(out),
        "tweets": total,
        "deb": deb.name,
        "years": [years[0], years[-1]] if years else [],
    }
    return record_build(out, summary)


def main() -> int:
    """Parse the flags, build (or reuse) the changelog archive and print its path last."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="download cache (default %(default)s)"
    )
    parser.add_argument("--out", type=Path, default=None, help="archive folder (default CACHE/archive)")
    parser.add_argument("--force", action="store_true", help="rebuild the archive even when cached")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    args = parser.parse_args()
    summary = build(args.cache, args.out or args.cache / "archive", args.force)
    if args.json:
        print(json.dumps(summary))
    else:
        state = "cached" if summary["cached"] else "written"
        print(f"{summary['tweets']} posts {state} (from {summary['deb']})", file=sys.stderr)
        print(summary["archive"])
    return 0


if __name__ == "__main__":
    run_main(main)
