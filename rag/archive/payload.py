"""Parse one data file of an archive: the JSON behind `window.YTD.<name>.partN = [...]`, as Python values.

The payload is everything after the first `=` (the JSON itself is pretty-printed with `"key" : value`, so no
regex parsing); plain JSON files are accepted too. A tweets part is split into its elements, and each is
decoded, when the converter (`rag.archive.convert`) reaches it, with a msgspec schema of the record fields
the converter reads, still as plain dicts and lists (TypedDicts, not classes): the rest of each record
(`source`, `display_text_range`, media `sizes`, `video_info`, ...) is skipped without being built, which
halves the parsing, and only one record's objects exist at a time. Every value the converter checks itself
is `Any`; only the containers that hold skipped fields have a shape. What does not fit the schema (an odd
record, invalid JSON) is parsed in full instead, so what is read, skipped or reported as an error is the
same either way. Syntax errors become an ArchiveError naming the file, line and column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypedDict

import msgspec
import orjson

from rag.archive.source import REDOWNLOAD, ArchiveSource
from rag.errors import ArchiveError

# --- the record schema of tweets parts -----------------------------------------------------------------


class _Link(TypedDict, total=False):
    """A t.co link of `entities.urls` or a media item (the fields `rag.archive.text` reads)."""

    url: Any
    expanded_url: Any
    indices: Any
    type: Any


class _Hashtag(TypedDict, total=False):
    text: Any


class _Mention(TypedDict, total=False):
    screen_name: Any


class _Entities(TypedDict, total=False):
    urls: list[_Link] | None
    media: list[_Link] | None
    hashtags: list[_Hashtag] | None
    user_mentions: list[_Mention] | None


class _ExtendedEntities(TypedDict, total=False):
    media: list[_Link] | None


class _EditIds(TypedDict, total=False):
    editTweetIds: Any


class _Edit(TypedDict, total=False):
    editControlInitial: _EditIds | None


class _EditInfo(TypedDict, total=False):
    initial: _EditIds | None
    edit: _Edit | None


class _Record(TypedDict, total=False):
    id_str: Any
    id: Any
    tweet_id: Any
    full_text: Any
    text: Any
    created_at: Any
    entities: _Entities | None
    extended_entities: _ExtendedEntities | None
    in_reply_to_user_id_str: Any
    in_reply_to_user_id: Any
    in_reply_to_status_id_str: Any
    in_reply_to_status_id: Any
    in_reply_to_screen_name: Any
    favorite_count: Any
    like_count: Any
    retweet_count: Any
    lang: Any
    edit_info: _EditInfo | None


class _Item(_Record, total=False):
    """An element of a tweets part: `{"tweet": record}`, or a bare record (older archives)."""

    tweet: _Record | None


class SchemaMismatch(ValueError):
    """The data is not valid JSON or not a list of records: parse it in full instead."""


_ELEMENTS = msgspec.json.Decoder(list[msgspec.Raw])
_ITEM = msgspec.json.Decoder(_Item)


class TweetRecords(Sequence[Any]):
    """The elements of a tweets part, each decoded with the record schema only when it is reached.

    The part is split into its elements' JSON text first (`msgspec.Raw`: no Python containers, not tracked by
    the garbage collector), so only the record being converted exists as dicts and lists at any time and is
    freed before the next: the collector never rescans a whole part's records over and over (measured on a
    101,509-record archive, loading without a collector pause: 5.1 s of CPU against 7.8 s when a part was
    decoded at once), and no process-wide switch is needed. An element that does not fit the schema is parsed
    in full (orjson), so what the converter reads, skips or reports is the same either way.
    """

    __slots__ = ("_elements",)

    def __init__(self, elements: list[msgspec.Raw]) -> None:
        self._elements = elements

    def __len__(self) -> int:
        return len(self._elements)

    def __getitem__(self, index: int) -> Any:  # type: ignore[override]
        return _decode_element(self._elements[index])

    def __iter__(self) -> Iterator[Any]:
        for element in self._elements:
            yield _decode_element(element)


def _decode_element(element: msgspec.Raw) -> Any:
    try:
        return _ITEM.decode(element)
    except (msgspec.DecodeError, UnicodeDecodeError):
        return orjson.loads(bytes(element))


def decode_tweet_records(payload: bytes | memoryview) -> TweetRecords:
    """The records of a tweets part payload (`[...]`), decoded one by one as they are read.

    Raises SchemaMismatch when the payload is not valid JSON or not a list, so the caller can parse the file
    in full and report exactly as it always does.
    """
    try:
        return TweetRecords(_ELEMENTS.decode(payload))
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise SchemaMismatch(str(exc)) from exc


# --- parsing -----------------------------------------------------------------------------------------


class PayloadError(ValueError):
    """A data file's payload is not the JSON it should be; the message has the line and column."""


_WHITESPACE = frozenset(b" \t\n\r\x0b\x0c")


def _json_span(data: bytes) -> tuple[int, int]:
    """Where the JSON value of a data file lies: [begin, end), found without copying the data.

    Skips a UTF-8 byte order mark, a `window.YTD.x.part0 =` (or `Grailbird.data... =`, `var x =`)
    assignment unless the file is plain JSON, surrounding whitespace and one trailing `;`.
    """
    size = len(data)
    begin = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    first = begin
    while first < size and data[first] in _WHITESPACE:
        first += 1
    if data[first : first + 1] not in (b"[", b"{"):
        equals = data.find(b"=", begin)
        if equals < 0:
            raise PayloadError("no `=` assignment and not JSON")
        first = equals + 1
        while first < size and data[first] in _WHITESPACE:
            first += 1
    end = size
    while end > first and data[end - 1] in _WHITESPACE:
        end -= 1
    if end > first and data[end - 1] == ord(";"):
        end -= 1
    if end <= first:
        raise PayloadError("the file is empty")
    return first, end


def parse_js_payload(data: bytes) -> Any:
    """The JSON value of `window.YTD.x.part0 = [...]` (or `Grailbird.data... =`, `var x =`) as Python.

    Also accepts a file that is plain JSON. Raises PayloadError with the file's line and column of a
    syntax error.
    """
    begin, end = _json_span(data)
    return _parse_json(data, begin, end)


def parse_tweet_records(data: bytes) -> Any:
    """Like `parse_js_payload` for a tweets part, keeping only the record fields the loader reads.

    Uses the record schema above (half the time of a full parse); a file that does not
    fit it (an odd record, invalid JSON) is parsed in full, so what is read, skipped or reported as an
    error is the same either way.
    """
    begin, end = _json_span(data)
    try:
        return decode_tweet_records(memoryview(data)[begin:end])
    except SchemaMismatch:
        return _parse_json(data, begin, end)


def _parse_json(data: bytes, begin: int, end: int) -> Any:
    try:
        return orjson.loads(memoryview(data)[begin:end])
    except orjson.JSONDecodeError as exc:
        line = exc.lineno + data.count(b"\n", 0, begin)
        raise PayloadError(f"invalid JSON at line {line}, column {exc.colno}: {exc.msg}") from exc


def read_payload(
    source: ArchiveSource, name: str, *, tweet_records: bool = False, removable: bool = True
) -> Any:
    """Parse one data file, turning any syntax problem into an ArchiveError that names the file.

    With `tweet_records`, a tweets part is parsed keeping only the fields the loader reads. The error offers
    to remove the file and index the rest only when the file is `removable` (not the archive's only tweet
    file, nor one the manifest counts tweets in: without it there would be nothing, or an error, to index).
    """
    parse = parse_tweet_records if tweet_records else parse_js_payload
    try:
        return parse(source.read(name))
    except PayloadError as exc:
        rest = ", or remove that file to index the rest" if removable else ""
        raise ArchiveError(f"{source.label}: {name} is damaged ({exc}): {REDOWNLOAD}{rest}") from exc
