"""Build an evaluation corpus from a Debian changelog: ikiwiki's (sets 2 and 4) or alien's (answer set 5).

Downloads the Debian package `ikiwiki` with `apt-get download` into a git-ignored cache
(`.cache/changelog_posts/`), extracts `usr/share/doc/ikiwiki/changelog.Debian.gz` (234 entries, April 2006 to
February 2020, 209 of them by Joey Hess, ikiwiki's author, the rest by Simon McVittie and Josh Triplett) and
splits it into about 2,200 dated posts with `devtools.changelog_posts` (one per bullet), written as an
archive folder the loader reads. The questions in `tests/eval/ikiwiki_qa.jsonl` were written from reading
these posts. `--package alien` does the same for alien (8.95.6: `usr/share/doc/alien/changelog.gz`, 323
entries, October 1996 to May 2022, 216 of them by Joey Hess, 99 by Christoph Lameter; 719 posts) into
`.cache/changelog_posts_alien/`, the corpus of `tests/eval/answers_alien.jsonl`. Nothing from the package is
committed. Idempotent: a second run with the same package does nothing and prints the same path. The last
line printed is the archive folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devtools import PROJECT_ROOT
from devtools.changelog_posts import changelog_posts, write_posts_archive
from devtools.debian import cached_build, download_deb, extract_deb, record_build
from tweet_rag.common import run_main


@dataclass(frozen=True)
class ChangelogSource:
    """A Debian package whose changelog becomes a corpus, and the made-up account its posts are written as."""

    package: str
    changelog_in_deb: Path
    cache: Path
    account_id: str
    user_name: str


# Made-up accounts: the posts are changelog bullets, not tweets of a real X account.
SOURCES = {
    "ikiwiki": ChangelogSource(
        "ikiwiki",
        Path("usr/share/doc/ikiwiki/changelog.Debian.gz"),
        PROJECT_ROOT / ".cache" / "changelog_posts",
        "4242424242",
        "ikiwiki_changelog",
    ),
    "alien": ChangelogSource(
        "alien",
        Path("usr/share/doc/alien/changelog.gz"),
        PROJECT_ROOT / ".cache" / "changelog_posts_alien",
        "4343434343",
        "alien_changelog",
    ),
}
FORMAT_VERSION = "2"  # 2: entries of one second number their posts on (alien), instead of failing


def build(source: ChangelogSource, cache: Path, out: Path, force: bool) -> dict[str, Any]:
    """Fetch, extract and convert (each step skipped when its output is cached); returns a summary."""
    deb = download_deb(source.package, cache)
    key = f"{FORMAT_VERSION}|{deb.name}|{deb.stat().st_size}"
    cached = None if force else cached_build(out, key)
    if cached is not None:
        return cached
    changelog = extract_deb(deb, cache, source.changelog_in_deb)
    with gzip.open(changelog, "rt", encoding="utf-8") as handle:
        posts = changelog_posts(handle.read())
    if out.exists():
        shutil.rmtree(out)
    total = write_posts_archive(out, posts, account_id=source.account_id, user_name=source.user_name)
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
        "--package", choices=sorted(SOURCES), default="ikiwiki", help="whose changelog (default %(default)s)"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="download cache, one a package (default .cache/changelog_posts[_PACKAGE])",
    )
    parser.add_argument("--out", type=Path, default=None, help="archive folder (default CACHE/archive)")
    parser.add_argument("--force", action="store_true", help="rebuild the archive even when cached")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    args = parser.parse_args()
    source = SOURCES[args.package]
    cache = args.cache or source.cache
    summary = build(source, cache, args.out or cache / "archive", args.force)
    if args.json:
        print(json.dumps(summary))
    else:
        state = "cached" if summary["cached"] else "written"
        print(f"{summary['tweets']} posts {state} (from {summary['deb']})", file=sys.stderr)
        print(summary["archive"])
    return 0


if __name__ == "__main__":
    run_main(main)
