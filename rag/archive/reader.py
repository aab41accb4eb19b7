"""Read every tweet of an archive, whatever its generation, into a list of `Tweet` records.

Handles modern archives (`data/tweets.js` or the older `data/tweet.js`, their parts, listed by `manifest.js`
or found by name, bare or `{"tweet": ...}` records), long posts from `note-tweet.js`, community tweets,
deleted tweets (only when asked), legacy Grailbird monthly files and `tweets.csv`, and plain JSON / JSONL
lists of tweets. Duplicates across parts are kept once and edited tweets in their last version. A record
that cannot be read is skipped, logged and counted in the report; a file that cannot be parsed at all
stops the load with an ArchiveError, so a partial read never replaces a complete index.
"""

from __future__ import annotations

import csv
import gc
import io
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from rag.archive.convert import (
    RecordError,
    apply_note,
    record_id,
    tweet_from_csv_row,
    tweet_from_grailbird,
    tweet_from_record,
)
from rag.archive.notes import match_notes, note_id
from rag.archive.payload import PayloadError, TweetRecords, parse_js_payload, read_payload
from rag.archive.report import LoadReport, SkippedRecord
from rag.archive.source import REDOWNLOAD, ArchiveSource, ZipSource, is_readable, open_source
from rag.archive.text import quoted_status_id
from rag.archive.tweet import Account, Tweet
from rag.errors import ArchiveError

logger = logging.getLogger(__name__)

MAX_LOGGED_SKIPS = 20
_PART = re.compile(r"-part(\d+)\.js$")
_MEDIA_URL = re.compile(r"^https?://(?:www\.)?(?:twitter|x)\.com/(\w+)/status/(\d+)/")
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass
class ArchiveContents:
    """The tweets of an archive (sorted by id), whose archive it is, and the report of the read."""

    tweets: list[Tweet]
    account: Account
    report: LoadReport = field(default_factory=LoadReport)


_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def gc_paused(pause: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic dicts and strings are made (if `pause`).

    Parsing makes only reference-counted, acyclic objects, which the collector would rescan over and over
    (measured on a 101,509-record archive: the whole load takes 3.6 s of CPU paused, 5.1 s not). The collector
    is process-wide, so only a caller that owns the process asks for this (the commands do; library calls
    default to leaving it alone). Pauses nest and overlap across threads: the collector is switched back on
    when the last one ends, and only if it was on before the first.
    """
    global _pauses, _was_enabled
    if not pause:
        yield
        return
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def read_archive(
    path: Path | str, *, include_deleted: bool = False, pause_gc: bool = False
) -> ArchiveContents:
    """Read an archive zip, folder, `data/` folder, `tweets.csv` or JSON / JSONL file of tweets.

    `pause_gc` pauses the process's cyclic garbage collector during the read (about 1.4 times as fast; see
    `gc_paused`): for commands that own their process, not for a server that reads while it answers.
    """
    with gc_paused(pause_gc):
        return _read_archive(Path(path).expanduser(), include_deleted)


def _read_archive(path: Path, include_deleted: bool) -> ArchiveContents:
    report = LoadReport(source=str(path))
    if path.is_file() and path.suffix.lower() in _JSON_SUFFIXES:
        collector = _Collector(report, Account())
        _read_plain_json(path, collector)
        return collector.finish([], None)
    if path.is_file() and path.suffix.lower() == ".csv":
        report.archive_format = "tweets.csv"
        collector = _Collector(report, Account())
        _read_csv(path.read_bytes(), path.name, collector)
        return collector.finish([], None)
    if path.is_file() and path.suffix.lower() == ".js":
        path = path.parent
    source = open_source(path)
    try:
        return _read_source(source, report, include_deleted)
    finally:
        if isinstance(source, ZipSource):
            source.close()


def _read_source(source: ArchiveSource, report: LoadReport, include_deleted: bool) -> ArchiveContents:
    manifest = _read_manifest(source, report)
    tweet_files = _data_files(
        source, manifest, ("tweets", "tweet"), r"tweets?(?:-part\d+)?\.js", report, missing_is_fatal=True
    )
    if tweet_files:
        report.archive_format = "tweet.js" if tweet_files[0][0].startswith("data/tweet.") else "tweets.js"
        account = _manifest_account(manifest)
        header_id = None if account.account_id else _header_account_id(source, report)
        collector = _Collector(
            report, Account(account.account_id or header_id, account.screen_name, account.display_name)
        )
        _read_record_files(source, tweet_files, collector, essential=True)
        community = _data_files(
            source, manifest, ("communityTweet",), r"community-tweet(?:-part\d+)?\.js", report
        )
        _read_record_files(source, community, collector)
        deleted_files = _data_files(
            source, manifest, ("deletedTweets",), r"deleted-tweets?(?:-part\d+)?\.js", report, check=False
        )
        if include_deleted:
            _read_record_files(source, deleted_files, collector, deleted=True)
        else:
            report.deleted_left_out = sum(expected or 0 for _, expected in deleted_files)
        return collector.finish(_read_notes(source, manifest, report), header_id)
    grailbird = [name for name in source.list_dir("data/js/tweets") if re.search(r"/\d{4}_\d{2}\.js$", name)]
    if grailbird:
        report.archive_format = "grailbird"
        collector = _Collector(report, _grailbird_account(source))
        for name in grailbird:
            report.files_read.append(name)
            payload = read_payload(source, name, removable=len(grailbird) > 1)
            collector.add(payload, name, flavor="grailbird")
        return collector.finish([], None)
    if source.exists("tweets.csv"):
        report.archive_format = "tweets.csv"
        collector = _Collector(report, Account())
        _read_csv(source.read("tweets.csv"), "tweets.csv", collector)
        return collector.finish([], None)
    zips = [name for name in source.list_dir("") if name.lower().endswith(".zip")]
    hint = f"pass {zips[0]} itself" if zips else "pass the archive zip or the folder you unzipped it into"
    raise ArchiveError(
        f"no tweets found in {source.label}: expected data/tweets.js (or data/tweet.js, data/js/tweets/, "
        f"tweets.csv); {hint}"
    )


# --- manifest and file lists -------------------------------------------------------------------------


def _read_manifest(source: ArchiveSource, report: LoadReport) -> Mapping[str, Any] | None:
    if not source.exists("data/manifest.js"):
        if source.list_dir("data"):
            _warn(
                report,
                f"{source.label}: no data/manifest.js; tweet files found by name, so counts cannot be "
                "checked and the screen name is guessed (pass the whole archive to keep it)",
            )
        return None
    manifest = read_payload(source, "data/manifest.js")
    report.files_read.append("data/manifest.js")
    return manifest if isinstance(manifest, Mapping) else None


def _manifest_account(manifest: Mapping[str, Any] | None) -> Account:
    info = (manifest or {}).get("userInfo") or {}
    return Account(
        account_id=_str_or_none(info.get("accountId")),
        screen_name=_str_or_none(info.get("userName")),
        display_name=_str_or_none(info.get("displayName")),
    )


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _part_number(name: str) -> int:
    match = _PART.search(name)
    return int(match.group(1)) if match else 0


def _data_files(
    source: ArchiveSource,
    manifest: Mapping[str, Any] | None,
    data_types: tuple[str, ...],
    name_pattern: str,
    report: LoadReport,
    *,
    check: bool = True,
    missing_is_fatal: bool = False,
) -> list[tuple[str, int | None]]:
    """(name, expected record count or None) for one data type: the manifest's list plus any found by name.

    A file the manifest lists with records but the archive lacks is a warning, or with `missing_is_fatal`
    an ArchiveError (an index built from part of the tweets would drop the rest).
    """
    pattern = re.compile(rf"^data/{name_pattern}$")
    found = [name for name in source.list_dir("data") if pattern.match(name)]
    files: dict[str, int | None] = {}
    types = (manifest or {}).get("dataTypes") or {}
    for data_type in data_types:
        for entry in (types.get(data_type) or {}).get("files") or ():
            name = str(entry.get("fileName") or "")
            count = _int_or_none(entry.get("count"))
            if not is_readable(name):
                _warn(report, f"manifest names {name!r} for {data_type}: not a tweet file name, not read")
            elif source.exists(name):
                files[name] = count
            elif count and missing_is_fatal:
                raise ArchiveError(
                    f"{source.label}: manifest lists {name} with {count} tweets but the file is missing, "
                    f"so the archive is incomplete: unzip it again completely, or {REDOWNLOAD}"
                )
            elif count and check:
                _warn(
                    report,
                    f"{source.label}: manifest lists {name} with {count} records but the file is missing: "
                    f"{REDOWNLOAD}",
                )
            elif count:
                files[name] = count  # deleted tweets: counted as left out, never read unless asked
    for name in found:
        if name not in files:
            if manifest is not None and check:
                _warn(report, f"{name} is not listed in the manifest; read anyway")
            files[name] = None
    ordered = sorted(
        files.items(), key=lambda item: (not item[0].startswith("data/tweets"), _part_number(item[0]))
    )
    return [(name, count) for name, count in ordered if source.exists(name) or not check]


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- record files ------------------------------------------------------------------------------------


def _read_record_files(
    source: ArchiveSource,
    files: Iterable[tuple[str, int | None]],
    collector: _Collector,
    *,
    deleted: bool = False,
    essential: bool = False,
) -> None:
    """Parse and convert one file at a time, so only one part's raw records are in memory at once.

    `essential` files (the tweets themselves) may not be left out when the manifest counts them, nor when
    there is only one; a damaged one's error then does not suggest removing it.
    """
    files = list(files)
    for name, expected in files:
        if not source.exists(name):
            continue
        removable = not essential or (len(files) > 1 and expected is None)
        payload = read_payload(source, name, tweet_records=True, removable=removable)
        collector.report.files_read.append(name)
        found = collector.add(payload, name, deleted=deleted)
        del payload
        if expected is not None and expected != found:
            _warn(
                collector.report,
                f"{name}: manifest says {expected} records, the file has {found}: the archive may be "
                f"incomplete; {REDOWNLOAD}",
            )


def _read_notes(
    source: ArchiveSource, manifest: Mapping[str, Any] | None, report: LoadReport
) -> list[Mapping[str, Any]]:
    notes: list[Mapping[str, Any]] = []
    for name, _expected in _data_files(
        source, manifest, ("noteTweet",), r"note-tweet(?:-part\d+)?\.js", report
    ):
        payload = read_payload(source, name)
        report.files_read.append(name)
        if not isinstance(payload, list):
            raise ArchiveError(f"{name} does not hold a list of notes: {REDOWNLOAD}")
        for position, item in enumerate(payload, start=1):
            note = item.get("noteTweet") if isinstance(item, dict) else None
            try:
                if not isinstance(note, dict) or not isinstance(note.get("core"), dict):
                    raise ValueError("not a noteTweet")
                note_id(note)
            except (ValueError, KeyError, TypeError):
                _skip(report, name, position, "not a note tweet (noteTweet with noteTweetId and core.text)")
                continue
            notes.append(note)
    return notes


def _read_csv(data: bytes, name: str, collector: _Collector) -> None:
    text = data.decode("utf-8-sig", errors="replace")
    collector.report.files_read.append(name)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ArchiveError(f"{name} is damaged near line {reader.line_num} ({exc}): {REDOWNLOAD}") from exc
    if reader.fieldnames is None or "tweet_id" not in reader.fieldnames:
        raise ArchiveError(f"{name} has no tweet_id column: it is not an archive's tweets.csv")
    collector.add(rows, name, flavor="csv")


def _read_plain_json(path: Path, collector: _Collector) -> None:
    data = path.read_bytes()
    name = path.name
    report = collector.report
    report.files_read.append(name)
    stripped = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith(b"["):
        report.archive_format = "json"
        try:
            payload = parse_js_payload(data)
        except PayloadError as exc:
            raise ArchiveError(f"{path} is not valid JSON ({exc}): fix the file or export it again") from exc
        if isinstance(payload, dict) and isinstance(payload.get("tweets"), list):
            payload = payload["tweets"]
        if not isinstance(payload, list):
            raise ArchiveError(
                f"{path} holds no list of tweets: expected [{{'id', 'text', 'created_at'}}, ...]"
            )
        collector.add(payload, name, flavor="json")
        return
    report.archive_format = "jsonl"
    for position, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            _skip(report, name, position, f"not valid JSON ({exc.msg})")
            continue
        collector.add([item], name, flavor="json", first_position=position)


# --- account ----------------------------------------------------------------------------------------


def _header_account_id(source: ArchiveSource, report: LoadReport) -> str | None:
    """The owner's user id from `tweet-headers.js` (needed only when the manifest is missing)."""
    if not source.exists("data/tweet-headers.js"):
        return None
    try:
        payload = read_payload(source, "data/tweet-headers.js")
    except ArchiveError as exc:
        _warn(report, str(exc))
        return None
    for item in payload if isinstance(payload, list) else ():
        header = item.get("tweet", item) if isinstance(item, dict) else {}
        if isinstance(header, dict) and header.get("user_id"):
            return str(header["user_id"])
    return None


def _grailbird_account(source: ArchiveSource) -> Account:
    if not source.exists("data/js/user_details.js"):
        return Account()
    try:
        details = read_payload(source, "data/js/user_details.js")
    except ArchiveError:
        return Account()
    if not isinstance(details, Mapping):
        return Account()
    return Account(
        account_id=_str_or_none(details.get("id")),
        screen_name=_str_or_none(details.get("screen_name")),
        display_name=_str_or_none(details.get("full_name") or details.get("name")),
    )


# --- collecting -------------------------------------------------------------------------------------

_CONVERTERS: dict[str, Callable[..., Tweet]] = {
    "grailbird": tweet_from_grailbird,
    "csv": tweet_from_csv_row,
}


class _Collector:
    """Converts records file by file into Tweets, keeping each id once, then finishes the archive."""

    def __init__(self, report: LoadReport, account: Account) -> None:
        self.report = report
        self.account = account
        self.tweets: dict[str, Tweet] = {}
        self._screen_name_hints: Counter[str] = Counter()
        self._reply_names: dict[str, str] = {}

    def add(
        self,
        payload: Any,
        name: str,
        *,
        flavor: str = "archive",
        deleted: bool = False,
        first_position: int = 1,
    ) -> int:
        """Convert every record of one file's payload; returns how many array elements it had."""
        if not isinstance(payload, list | TweetRecords):
            raise ArchiveError(f"{name} does not hold a list of tweets: {REDOWNLOAD}")
        report, tweets = self.report, self.tweets
        account_id = self.account.account_id
        hints = self.account.screen_name is None and flavor in ("archive", "json")
        converter = _CONVERTERS.get(flavor)
        for position, item in enumerate(payload, start=first_position):
            record = item.get("tweet", item) if item.__class__ is dict else None
            if record.__class__ is not dict:
                _skip(report, name, position, "not a tweet object")
                continue
            report.records_read += 1
            try:
                tweet_id = record_id(record)
            except RecordError as exc:
                _skip(report, name, position, str(exc))
                continue
            previous = tweets.get(tweet_id)
            if previous is not None:
                report.duplicates += 1
                if deleted or not previous.is_deleted:
                    continue
            try:
                if converter is None:
                    tweet = tweet_from_record(
                        record, account_id=account_id, source_file=name, deleted=deleted, tweet_id=tweet_id
                    )
                else:
                    tweet = converter(record, account_id=account_id, source_file=name)
            except RecordError as exc:
                _skip(report, name, position, f"tweet {tweet_id}: {exc}")
                continue
            except (TypeError, AttributeError, ValueError, KeyError, IndexError) as exc:
                _skip(report, name, position, f"tweet {tweet_id}: malformed record ({exc!r})")
                continue
            tweets[tweet_id] = tweet
            if hints:
                self._collect_hints(record, tweet_id)
        return len(payload)

    def _collect_hints(self, record: Mapping[str, Any], tweet_id: str) -> None:
        """Clues to the owner's screen name when the manifest is missing."""
        for media in (record.get("entities") or {}).get("media") or ():
            match = _MEDIA_URL.match(str(media.get("expanded_url") or ""))
            if match and match.group(2) == tweet_id:
                self._screen_name_hints[match.group(1)] += 1
        user, name = record.get("in_reply_to_user_id_str"), record.get("in_reply_to_screen_name")
        if user and name:
            self._reply_names.setdefault(str(user), str(name))

    def finish(self, notes: list[Mapping[str, Any]], header_id: str | None) -> ArchiveContents:
        """Drop older edit versions, fill in the account, attach long posts, order by id, count."""
        report, tweets = self.report, self.tweets
        replaced_by = _resolve_edits(tweets)
        for old in replaced_by:
            del tweets[old]
        report.edits_superseded = len(replaced_by)
        account = self._complete_account(header_id)
        report.account_id, report.screen_name, report.display_name = (
            account.account_id,
            account.screen_name,
            account.display_name,
        )
        if notes:
            candidates = {tweet_id: t.raw_text for tweet_id, t in tweets.items() if t.raw_text}
            matched, unmatched = match_notes(notes, candidates)
            for tweet_id, note in matched.items():
                apply_note(tweets[tweet_id], note)
            report.notes_unmatched = len(unmatched)
            if unmatched:
                _warn(
                    report,
                    f"{len(unmatched)} long posts in note-tweet.js match no tweet (their tweets may be "
                    "deleted); they are left out",
                )
        ordered = sorted(tweets.values(), key=lambda tweet: int(tweet.id))
        for tweet in ordered:
            parent = tweet.in_reply_to_status_id
            if parent is not None and parent in replaced_by:
                tweet.in_reply_to_status_id = replaced_by[parent]
        _count(ordered, report)
        if not ordered:
            _warn(report, f"{report.source}: the archive holds no tweets")
        return ArchiveContents(ordered, account, report)

    def _complete_account(self, header_id: str | None) -> Account:
        """The account, with its id and screen name inferred from the tweets when the manifest lacks them."""
        account, tweets = self.account, self.tweets
        account_id = account.account_id or header_id
        if account_id is None:
            votes = Counter(
                t.in_reply_to_user_id
                for t in tweets.values()
                if t.in_reply_to_user_id and t.in_reply_to_status_id in tweets
            )
            account_id = votes.most_common(1)[0][0] if votes else None
        if account_id is not None and self.account.account_id is None:
            for tweet in tweets.values():  # kinds were decided without knowing whose replies are self-replies
                if tweet.kind == "reply" and tweet.in_reply_to_user_id == account_id:
                    tweet.kind = "quote" if quoted_status_id(tweet.link_urls) else "tweet"
        screen_name = account.screen_name
        if screen_name is None and self._screen_name_hints:
            screen_name = self._screen_name_hints.most_common(1)[0][0]
        if screen_name is None and account_id is not None:
            screen_name = self._reply_names.get(account_id)
        return Account(account_id, screen_name, account.display_name)


def _resolve_edits(tweets: Mapping[str, Tweet]) -> dict[str, str]:
    """{older version id: last version id} for every edited tweet with more than one version present."""
    replaced_by: dict[str, str] = {}
    for tweet in tweets.values():
        versions = tweet.edit_ids
        if len(versions) < 2:
            continue
        present = [v for v in versions if v in tweets]
        if len(present) < 2:
            continue
        newest = max(present, key=int)
        for version in present:
            if version != newest:
                replaced_by[version] = newest
    return replaced_by


def _count(tweets: list[Tweet], report: LoadReport) -> None:
    report.tweets_read = len(tweets)
    report.tweet_kinds = dict(Counter(t.kind for t in tweets))
    report.long_posts = sum(t.is_long for t in tweets)
    report.deleted_included = sum(t.is_deleted for t in tweets)
    if tweets:
        stamps = [t.created_ts for t in tweets]
        report.newest_ts, report.oldest_ts = max(stamps), min(stamps)


def _warn(report: LoadReport, message: str) -> None:
    logger.warning("%s", message)
    report.warnings.append(message)


def _skip(report: LoadReport, file: str, position: int, reason: str) -> None:
    skipped = SkippedRecord(file, position, reason)
    report.skipped.append(skipped)
    if len(report.skipped) <= MAX_LOGGED_SKIPS:
        logger.warning("%s; skipped (fix or remove that record to index it)", skipped)
    elif len(report.skipped) == MAX_LOGGED_SKIPS + 1:
        logger.warning("more records skipped; see the load report for the full list")
