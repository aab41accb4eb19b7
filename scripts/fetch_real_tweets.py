"""Build the evaluation corpus: real tweets from Debian's r-cran-rtweet plus the fixture archives.

Downloads `r-cran-rtweet` with `apt-get download` into a git-ignored cache (`.cache/real_tweets/`; runs
`apt-get update` once and retries when apt has no package list yet), extracts it with `dpkg-deb -x`, pulls
every API v1.1 tweet object out of the package's test recordings (about 2,200, 2013-2023, many authors) and
writes them, together with the English-heavy fixture archives (`ajitg25-2025`, `alrocar-2024`), as one
archive folder the loader reads (`data/tweets.js`, `data/note-tweet.js`, `data/manifest.js`). Third-party
tweet text is never committed: only this script and the questions in `tests/eval/qa.jsonl` are. Idempotent:
a second run with the same inputs does nothing and prints the same path. The last line printed is the
archive folder.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from devtools import PROJECT_ROOT
from devtools.apiv1 import iter_v1_tweets, to_archive_record, write_archive
from devtools.debian import cached_build, download_deb, extract_deb, record_build
from rag.errors import ArchiveError
from tweet_rag.common import run_main

PACKAGE = "r-cran-rtweet"
FIXTURES_IN_DEB = Path("usr/share/doc/r-cran-rtweet/tests/fixtures")
DEFAULT_CACHE = PROJECT_ROOT / ".cache" / "real_tweets"
DEFAULT_FIXTURES = PROJECT_ROOT.parent / "shared" / "fixtures" / "archives"
FIXTURE_ARCHIVES = ("ajitg25-2025", "alrocar-2024")
# The combined archive is "owned" by the first fixture account, so its own threads stay threads.
OWNER_ID, OWNER_NAME = "1274417026493276160", "ranigupta_20"
FORMAT_VERSION = "1"


def _read_text(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def rtweet_objects(recordings: Path) -> Iterator[Mapping[str, Any]]:
    """Every API v1.1 tweet object in the package's HTTP recordings (response bodies are JSON strings)."""
    for path in sorted(recordings.glob("*.json*")):
        try:
            cassette = json.loads(_read_text(path))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        for interaction in cassette.get("http_interactions", []) if isinstance(cassette, dict) else []:
            body = interaction.get("response", {}).get("body", {}).get("string") or ""
            try:
                payload = json.loads(body)
            except json.JSONDecodeError:
                continue
            yield from iter_v1_tweets(payload)


def _read_js(path: Path) -> list[Any]:
    text = path.read_text(encoding="utf-8-sig")
    return list(json.loads(text[text.index("=") + 1 :].strip().rstrip(";")))


def fixture_records(archive: Path) -> tuple[list[dict[str, Any]], list[Any], str]:
    """The tweet records, note tweets and account id of one fixture archive (read as the files have them)."""
    data = archive / "data"
    manifest_text = (data / "manifest.js").read_text(encoding="utf-8-sig")
    manifest = json.loads(manifest_text[manifest_text.index("=") + 1 :].strip().rstrip(";"))
    account_id = str(manifest["userInfo"]["accountId"])
    records = [item.get("tweet", item) for item in _read_js(data / "tweets.js")]
    notes = _read_js(data / "note-tweet.js") if (data / "note-tweet.js").is_file() else []
    return records, notes, account_id


def _repoint_self_replies(record: dict[str, Any], account_id: str) -> dict[str, Any]:
    if record.get("in_reply_to_user_id_str") == account_id and account_id != OWNER_ID:
        record = dict(record, in_reply_to_user_id_str=OWNER_ID, in_reply_to_user_id=OWNER_ID)
    return record


def _inputs_key(deb: Path, fixtures: list[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{deb.name}|{deb.stat().st_size}".encode())
    for archive in fixtures:
        for path in sorted((archive / "data").glob("*.js")):
            digest.update(f"{path}|{path.stat().st_size}|{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def build(cache: Path, out: Path, fixtures_dir: Path | None, force: bool) -> dict[str, Any]:
    """Fetch, extract and convert (each step skipped when its output is cached); returns a summary."""
    deb = download_deb(PACKAGE, cache)
    fixtures = [fixtures_dir / name for name in FIXTURE_ARCHIVES] if fixtures_dir else []
    fixtures = [path for path in fixtures if (path / "data" / "tweets.js").is_file()]
    key = _inputs_key(deb, fixtures)
    cached = None if force else cached_build(out, key)
    if cached is not None:
        return cached
    recordings = extract_deb(deb, cache, FIXTURES_IN_DEB)
    records: list[dict[str, Any]] = []
    notes: list[Any] = []
    counts: dict[str, int] = {}
    for archive in fixtures:
        fixture_tweets, fixture_notes, account_id = fixture_records(archive)
        records.extend(_repoint_self_replies(record, account_id) for record in fixture_tweets)
        notes.extend(fixture_notes)
        counts[archive.name] = len(fixture_tweets)
    rtweet = [to_archive_record(tweet, account_id=OWNER_ID) for tweet in rtweet_objects(recordings)]
    counts[PACKAGE] = len({record["id_str"] for record in rtweet})
    records.extend(rtweet)
    if out.exists():
        shutil.rmtree(out)
    total = write_archive(out, records, account_id=OWNER_ID, user_name=OWNER_NAME, note_tweets=notes)
    summary = {"key": key, "archive": str(out), "tweets": total, "sources": counts, "deb": deb.name}
    return record_build(out, summary)


def main() -> int:
    """Parse the flags, build (or reuse) the evaluation archive and print its path last."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="download cache (default %(default)s)"
    )
    parser.add_argument("--out", type=Path, default=None, help="archive folder (default CACHE/eval-archive)")
    parser.add_argument(
        "--fixtures", type=Path, default=DEFAULT_FIXTURES, help="folder of the fixture archives"
    )
    parser.add_argument("--no-fixtures", action="store_true", help="only the rtweet tweets")
    parser.add_argument("--force", action="store_true", help="rebuild the archive even when cached")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    args = parser.parse_args()
    out = args.out or args.cache / ("rtweet-archive" if args.no_fixtures else "eval-archive")
    fixtures_dir = None if args.no_fixtures else args.fixtures
    if fixtures_dir is not None and not fixtures_dir.is_dir():
        raise ArchiveError(
            f"fixture archives not found at {fixtures_dir}; pass --fixtures DIR or --no-fixtures"
        )
    summary = build(args.cache, out, fixtures_dir, args.force)
    if args.json:
        print(json.dumps(summary))
    else:
        state = "cached" if summary["cached"] else "written"
        print(f"{summary['tweets']} tweets {state} ({summary['sources']})", file=sys.stderr)
        print(summary["archive"])
    return 0


if __name__ == "__main__":
    run_main(main)
