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
import io
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from rag.archive_files import (
    REDOWNLOAD,
    ArchiveSource,
    PayloadError,
    ZipSource,
    is_readable,
    open_source,
    parse_js_payload,
    read_payload,
)
from rag.errors import ArchiveError
from rag.notes import match_notes, note_id
from rag.records import (
    RecordError,
    edit_ids,
    record_id,
    tweet_from_csv_row,
    tweet_from_grailbird,
    tweet_from_record,
)
from rag.report import LoadReport, SkippedRecord
from rag.tweets import Account, Tweet

logger = logging.getLogger(__name__)

MAX_LOGGED_SKIPS = 20
_PART = re.compile(r"-part(\d+)\.js$")
_MEDIA_URL = re.compile(r"^https?://(?:www\.)?(?:twitter|x)\.com/(\w+)/status/(\d+)/")
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass(slots=True)
class RawRecord:
    """A record as found in a file, with where it was found and how to convert it."""

    record: Mapping[str, Any]
    file: str
    position: int
    flavor: str = "archive"
    deleted: bool = False


@dataclass
class ArchiveContents:
    """The tweets of an archive (sorted by id), whose archive it is, and the report of the read."""

    tweets: list[Tweet]
    account: Account
    report: LoadReport = field(default_factory=LoadReport)


def read_archive(path: Path | str, *, include_deleted: bool = False) -> ArchiveContents:
    """Read an archive zip, folder, `data/` folder, `tweets.csv` or JSON / JSONL file of tweets."""
    path = Path(path).expanduser()
    report = LoadReport(source=str(path))
    if path.is_file() and path.suffix.lower() in _JSON_SUFFIXES:
        raw = _read_plain_json(path, report)
        return _assemble(raw, [], Account(), report, None)
    if path.is_file() and path.suffix.lower() == ".csv":
        report.archive_format = "tweets.csv"
        raw = _read_csv(path.read_bytes(), path.name, report)
        return _assemble(raw, [], Account(), report, None)
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
    account = _manifest_account(manifest)
    tweet_files = _data_files(source, manifest, ("tweets", "tweet"), r"tweets?(?:-part\d+)?\.js", report)
    if tweet_files:
        report.archive_format = "tweet.js" if tweet_files[0][0].startswith("data/tweet.") else "tweets.js"
        raw = _read_record_files(source, tweet_files, report)
        for name, expected in _data_files(
            source, manifest, ("communityTweet",), r"community-tweet(?:-part\d+)?\.js", report
        ):
            raw.extend(_read_record_files(source, [(name, expected)], report))
        deleted_files = _data_files(
            source, manifest, ("deletedTweets",), r"deleted-tweets?(?:-part\d+)?\.js", report, check=False
        )
        if include_deleted:
            raw.extend(_read_record_files(source, deleted_files, report, deleted=True))
        else:
            report.deleted_left_out = sum(expected or 0 for _, expected in deleted_files)
        notes = _read_notes(source, manifest, report)
        helper_ids = None if manifest else _header_account_id(source, report)
        return _assemble(raw, notes, account, report, helper_ids)
    grailbird = [name for name in source.list_dir("data/js/tweets") if re.search(r"/\d{4}_\d{2}\.js$", name)]
    if grailbird:
        report.archive_format = "grailbird"
        account = _grailbird_account(source)
        raw = []
        for name in grailbird:
            report.files_read.append(name)
            raw.extend(_records_of(read_payload(source, name), name, report, flavor="grailbird"))
        return _assemble(raw, [], account, report, None)
    if source.exists("tweets.csv"):
        report.archive_format = "tweets.csv"
        return _assemble(
            _read_csv(source.read("tweets.csv"), "tweets.csv", report), [], Account(), report, None
        )
    raise ArchiveError(
        f"no tweets found in {source.label}: expected data/tweets.js (or data/tweet.js, data/js/tweets/, "
        "tweets.csv); pass the archive zip or the folder you unzipped it into"
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
) -> list[tuple[str, int | None]]:
    """(name, expected record count or None) for one data type: the manifest's list plus any found by name."""
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
    report: LoadReport,
    *,
    deleted: bool = False,
) -> list[RawRecord]:
    raw: list[RawRecord] = []
    for name, expected in files:
        if not source.exists(name):
            continue
        payload = read_payload(source, name)
        report.files_read.append(name)
        records = _records_of(payload, name, report, deleted=deleted)
        found = len(payload) if isinstance(payload, list) else 0
        if expected is not None and expected != found:
            _warn(
                report,
                f"{name}: manifest says {expected} records, the file has {found}: the archive may be "
                f"incomplete; {REDOWNLOAD}",
            )
        raw.extend(records)
    return raw


def _records_of(
    payload: Any, name: str, report: LoadReport, *, flavor: str = "archive", deleted: bool = False
) -> list[RawRecord]:
    if not isinstance(payload, list):
        raise ArchiveError(f"{name} does not hold a list of tweets: {REDOWNLOAD}")
    raw: list[RawRecord] = []
    append = raw.append
    for position, item in enumerate(payload, start=1):
        record = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(record, dict):
            _skip(report, name, position, "not a tweet object")
            continue
        append(RawRecord(record, name, position, flavor, deleted))
    report.records_read += len(raw)
    return raw


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


def _read_csv(data: bytes, name: str, report: LoadReport) -> list[RawRecord]:
    text = data.decode("utf-8-sig", errors="replace")
    report.files_read.append(name)
    raw: list[RawRecord] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for position, row in enumerate(reader, start=1):
            raw.append(RawRecord(row, name, position, "csv"))
    except csv.Error as exc:
        raise ArchiveError(f"{name} is damaged near line {reader.line_num} ({exc}): {REDOWNLOAD}") from exc
    if reader.fieldnames is None or "tweet_id" not in reader.fieldnames:
        raise ArchiveError(f"{name} has no tweet_id column: it is not an archive's tweets.csv")
    report.records_read += len(raw)
    return raw


def _read_plain_json(path: Path, report: LoadReport) -> list[RawRecord]:
    data = path.read_bytes()
    name = path.name
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
        return _records_of(payload, name, report, flavor="json")
    report.archive_format = "jsonl"
    raw: list[RawRecord] = []
    for position, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            _skip(report, name, position, f"not valid JSON ({exc.msg})")
            continue
        record = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(record, dict):
            _skip(report, name, position, "not a tweet object")
            continue
        raw.append(RawRecord(record, name, position, "json"))
    report.records_read += len(raw)
    return raw


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


def _infer_account(account: Account, kept: Mapping[str, RawRecord], header_id: str | None) -> Account:
    """Fill in the owner's id and screen name from the tweets when the manifest is missing."""
    account_id = account.account_id or header_id
    if account_id is None:
        votes = Counter(
            str(r.record.get("in_reply_to_user_id_str") or r.record.get("in_reply_to_user_id"))
            for r in kept.values()
            if str(r.record.get("in_reply_to_status_id_str") or r.record.get("in_reply_to_status_id") or "")
            in kept
        )
        account_id = votes.most_common(1)[0][0] if votes else None
    screen_name = account.screen_name
    if screen_name is None:
        for tweet_id, raw in kept.items():
            for media in (raw.record.get("entities") or {}).get("media") or ():
                match = _MEDIA_URL.match(str(media.get("expanded_url") or ""))
                if match and match.group(2) == tweet_id:
                    screen_name = match.group(1)
                    break
            if screen_name is None and account_id and raw.record.get("in_reply_to_user_id_str") == account_id:
                screen_name = _str_or_none(raw.record.get("in_reply_to_screen_name"))
            if screen_name:
                break
    return Account(account_id, screen_name, account.display_name)


# --- assembling ---------------------------------------------------------------------------------------


def _assemble(
    raw: list[RawRecord],
    notes: list[Mapping[str, Any]],
    account: Account,
    report: LoadReport,
    header_id: str | None,
) -> ArchiveContents:
    kept: dict[str, RawRecord] = {}
    for item in raw:
        try:
            tweet_id = record_id(item.record)
        except RecordError as exc:
            _skip(report, item.file, item.position, str(exc))
            continue
        previous = kept.get(tweet_id)
        if previous is None:
            kept[tweet_id] = item
        else:
            report.duplicates += 1
            if previous.deleted and not item.deleted:
                kept[tweet_id] = item
    replaced_by = _resolve_edits(kept)
    for old in replaced_by:
        del kept[old]
    report.edits_superseded = len(replaced_by)
    if account.account_id is None or account.screen_name is None:
        account = _infer_account(account, kept, header_id)
    report.account_id, report.screen_name, report.display_name = (
        account.account_id,
        account.screen_name,
        account.display_name,
    )
    matched: dict[str, Mapping[str, Any]] = {}
    if notes:
        candidates = {
            tweet_id: str(r.record.get("full_text") or r.record.get("text") or "")
            for tweet_id, r in kept.items()
            if r.flavor == "archive"
        }
        matched, unmatched = match_notes(notes, candidates)
        report.notes_unmatched = len(unmatched)
        if unmatched:
            _warn(
                report,
                f"{len(unmatched)} long posts in note-tweet.js match no tweet (their tweets may be deleted); "
                "they are left out",
            )
    tweets = _convert(kept, matched, account.account_id, report)
    for tweet in tweets:
        parent = tweet.in_reply_to_status_id
        if parent is not None and parent in replaced_by:
            tweet.in_reply_to_status_id = replaced_by[parent]
    tweets.sort(key=lambda tweet: int(tweet.id))
    _count(tweets, report)
    if not tweets:
        _warn(report, f"{report.source}: the archive holds no tweets")
    return ArchiveContents(tweets, account, report)


def _resolve_edits(kept: Mapping[str, RawRecord]) -> dict[str, str]:
    """{older version id: last version id} for every edited tweet with more than one version present."""
    replaced_by: dict[str, str] = {}
    for raw in kept.values():
        versions = edit_ids(raw.record)
        if len(versions) < 2:
            continue
        present = [v for v in versions if v in kept]
        if len(present) < 2:
            continue
        newest = max(present, key=int)
        for version in present:
            if version != newest:
                replaced_by[version] = newest
    return replaced_by


_CONVERTERS: dict[str, Callable[..., Tweet]] = {
    "grailbird": tweet_from_grailbird,
    "csv": tweet_from_csv_row,
}


def _convert(
    kept: Mapping[str, RawRecord],
    matched: Mapping[str, Mapping[str, Any]],
    account_id: str | None,
    report: LoadReport,
) -> list[Tweet]:
    tweets: list[Tweet] = []
    append = tweets.append
    for tweet_id, raw in kept.items():
        try:
            if raw.flavor in ("archive", "json"):
                tweet = tweet_from_record(
                    raw.record,
                    account_id=account_id,
                    source_file=raw.file,
                    deleted=raw.deleted,
                    note=matched.get(tweet_id),
                )
            else:
                tweet = _CONVERTERS[raw.flavor](raw.record, account_id=account_id, source_file=raw.file)
        except RecordError as exc:
            _skip(report, raw.file, raw.position, f"tweet {tweet_id}: {exc}")
            continue
        except (TypeError, AttributeError, ValueError, KeyError) as exc:
            _skip(report, raw.file, raw.position, f"tweet {tweet_id}: malformed record ({exc!r})")
            continue
        append(tweet)
    return tweets


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
