"""Turn a tweet's raw archive text into clean text, and recognise what kind of tweet it is.

Archive `full_text` is HTML-escaped (`&amp; &lt; &gt;` only) and its entity indices count Unicode code points
of the escaped text, so links are replaced first, by index, and the text is unescaped last. t.co links become
their `expanded_url`, media links a short marker such as "[photo]", and the partial t.co link a truncated
retweet can end in is dropped. Dates come in three formats; they are parsed here without the C locale.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

RETWEET_PREFIX = "RT @"

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""English month abbreviations, January first (archive dates use them whatever the locale)."""
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = {name: number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)}
_MEDIA_WORDS = {"photo": "photo", "video": "video", "animated_gif": "gif"}
_SINGLE_MARKERS = {kind: f"[{word}]" for kind, word in _MEDIA_WORDS.items()}
_PARTIAL_LINK_AT_END = re.compile(r"\s*(?<!\S)(?:htt\S*|t\.co/\S*)…$")
_LEADING_MENTIONS = re.compile(r"^(?:@\w+\s+)+")
_STATUS_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status(?:es)?/(\d+)/?(?:\?.*)?$"
)


class DateFormatError(ValueError):
    """A date string matches none of the formats archives use."""


def parse_date(value: str | int | float) -> int:
    """Epoch seconds (UTC) of an archive date, whatever of the three archive formats it is in.

    Accepts `Tue Nov 05 13:24:09 +0000 2024` (tweets), `2023-10-13T14:58:50.000Z` (notes, manifest, any
    ISO 8601), `2015-01-31 19:53:39 +0000` (legacy archives) and plain epoch seconds. English month names
    are looked up in a table, so the process locale does not matter.
    """
    if isinstance(value, str) and len(value) == 30 and value[19:25] == " +0000":
        # fast path for the tweet format in UTC, "Tue Nov 05 13:24:09 +0000 2024" (every archive tweet)
        month = _MONTHS.get(value[4:7])
        if month is not None:
            try:
                year = int(value[26:30])
                start = _MONTH_STARTS.get((year, month)) or _month_start(year, month)
                return (
                    start
                    + (int(value[8:10]) - 1) * 86400
                    + int(value[11:13]) * 3600
                    + int(value[14:16]) * 60
                    + int(value[17:19])
                )
            except ValueError:
                pass  # not quite that format: the general parser decides
    return _parse_date_general(value)


def _parse_date_general(value: str | int | float) -> int:
    if isinstance(value, bool):
        raise DateFormatError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return int(value)
    parts = value.split()
    try:
        if len(parts) == 6 and parts[1] in _MONTHS:  # Tue Nov 05 13:24:09 +0000 2024
            hour, minute, second = parts[3].split(":")
            stamp = (
                _month_start(int(parts[5]), _MONTHS[parts[1]])
                + (int(parts[2]) - 1) * 86400
                + int(hour) * 3600
                + int(minute) * 60
                + int(second)
            )
            return stamp - _offset_seconds(parts[4])
        if len(parts) == 3 and parts[2][:1] in "+-":  # 2015-01-31 19:53:39 +0000
            return int(datetime.fromisoformat(f"{parts[0]}T{parts[1]}{parts[2]}").timestamp())
        if value.isdigit():
            return int(value)
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, KeyError, IndexError) as exc:
        raise DateFormatError(f"unrecognised date {value!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp())


_MONTH_STARTS: dict[tuple[int, int], int] = {}


def _month_start(year: int, month: int) -> int:
    """Epoch seconds of the first of a month (cached: 100,000 dates fall in a few hundred months)."""
    start = _MONTH_STARTS.get((year, month))
    if start is None:
        start = _MONTH_STARTS[(year, month)] = calendar.timegm((year, month, 1, 0, 0, 0))
    return start


def _offset_seconds(offset: str) -> int:
    sign = -1 if offset[0] == "-" else 1
    digits = offset.lstrip("+-")
    return sign * (int(digits[:2]) * 3600 + int(digits[2:4]) * 60)


def archive_date(epoch_seconds: int) -> str:
    """An archive tweet's `created_at` for epoch seconds: `Tue Nov 05 13:24:09 +0000 2024` (any locale)."""
    moment = datetime.fromtimestamp(epoch_seconds, tz=UTC)
    return (
        f"{WEEKDAY_ABBREVIATIONS[moment.weekday()]} {MONTH_ABBREVIATIONS[moment.month - 1]} "
        f"{moment.day:02d} {moment:%H:%M:%S} +0000 {moment.year}"
    )


def iso_utc(epoch_seconds: int) -> str:
    """ISO 8601 UTC form of epoch seconds, e.g. `2024-11-05T13:24:09+00:00`."""
    return datetime.fromtimestamp(epoch_seconds, tz=UTC).isoformat()


def unescape_html(text: str) -> str:
    """Undo the archive's HTML escaping (`&lt; &gt; &amp;` only, `&amp;` last so `&amp;lt;` stays `&lt;`)."""
    if "&" not in text:
        return text
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def media_marker(media: Iterable[Mapping[str, Any]]) -> str:
    """A short marker for a tweet's media: `[photo]`, `[3 photos]`, `[video]`, `[photo] [gif]` ..."""
    if media.__class__ is list and len(media) == 1:  # the common case: one item
        item = media[0]
        return _SINGLE_MARKERS.get(str(item.get("type", "photo")), "[media]")
    counts: dict[str, int] = {}
    for item in media:
        word = _MEDIA_WORDS.get(str(item.get("type", "photo")), "media")
        counts[word] = counts.get(word, 0) + 1
    return " ".join(f"[{word}]" if n == 1 else f"[{n} {word}s]" for word, n in counts.items())


def _span(text: str, entity: Mapping[str, Any], short: str) -> tuple[int, int] | None:
    """Where the entity's t.co link is in `text`: its indices when they agree, else wherever it is found."""
    try:
        start, end = entity["indices"]
        start, end = int(start), int(end)
        if text[start:end] == short:
            return start, end
    except (KeyError, TypeError, ValueError):
        pass
    # indices missing or off (seen in legacy exports): fall back to finding the link itself
    at = text.find(short) if short else -1
    return (at, at + len(short)) if at >= 0 else None


def _replacements(
    text: str, entities: Mapping[str, Any], extended_entities: Mapping[str, Any] | None, marker: str | None
) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in the escaped text for every link and media entity."""
    found: list[tuple[int, int, str]] = []
    for url in entities.get("urls") or ():
        short = url.get("url") or ""
        span = _span(text, url, short)
        if span is not None:
            found.append((span[0], span[1], url.get("expanded_url") or short))
    media = entities.get("media")
    if media:
        if marker is None:
            marker = media_marker((extended_entities or {}).get("media") or media)
        # entities.media holds the first item only; all items share one t.co link, replaced once.
        span = _span(text, media[0], media[0].get("url") or "")
        if span is not None:
            found.append((span[0], span[1], marker))
    return found


def clean_text(
    full_text: str,
    entities: Mapping[str, Any] | None = None,
    extended_entities: Mapping[str, Any] | None = None,
    *,
    escaped: bool = True,
    marker: str | None = None,
) -> str:
    """The readable text of a tweet: t.co links expanded, media as a marker, HTML unescaped last.

    `entities` indices point into the escaped `full_text` and count code points, which is what Python
    slicing counts. A text cut with `…` loses a partial link at its end (it is in no entity). `marker`
    is the media marker when the caller has already made it.
    """
    text = full_text
    if entities:
        replacements = _replacements(text, entities, extended_entities, marker)
        if len(replacements) == 1 and replacements[0][2].__class__ is str:  # one link or media item
            start, stop, replacement = replacements[0]
            text = text[:start] + replacement + text[stop:]
        elif replacements:
            replacements.sort(reverse=True)
            pieces: list[str] = []
            end = len(text)
            for start, stop, replacement in replacements:
                if stop > end:  # overlapping entity: keep the later one only
                    continue
                pieces.append(text[stop:end])
                pieces.append(replacement)
                end = start
            pieces.append(text[:end])
            text = "".join(reversed(pieces))
    if text.endswith("…"):
        text = _PARTIAL_LINK_AT_END.sub("…", text)
    if escaped:
        text = unescape_html(text)
    return text.strip()


def expand_note_links(text: str, urls: Iterable[Mapping[str, Any]]) -> str:
    """Note-tweet text with its t.co links (`shortUrl`) replaced by `expandedUrl`; notes are not escaped."""
    for url in urls:
        short = url.get("shortUrl")
        expanded = url.get("expandedUrl")
        if short and expanded and short != expanded:
            text = text.replace(str(short), str(expanded))
    return text.strip()


def leading_mentions(full_text: str) -> str:
    """The `@a @b ` prefix a reply's text starts with ("" when there is none)."""
    if not full_text.startswith("@"):
        return ""
    match = _LEADING_MENTIONS.match(full_text)
    return match.group(0) if match else ""


def is_retweet_text(full_text: str) -> bool:
    """Archive retweets have no flag (`retweeted` is false): only the `RT @user:` prefix tells."""
    return full_text.startswith(RETWEET_PREFIX)


def quoted_status_id(expanded_urls: Iterable[str]) -> str | None:
    """The id of the tweet a quote tweet quotes: its only trace is a link to `/<user>/status/<id>`."""
    for url in expanded_urls:
        if "/status" not in url:
            continue
        match = _STATUS_URL.match(url)
        if match:
            return match.group(1)
    return None


def detect_kind(
    full_text: str,
    in_reply_to_user_id: str | None,
    account_id: str | None,
    expanded_urls: Iterable[str],
) -> str:
    """`retweet`, `reply` (to another account), `quote` or `tweet`, in that order of precedence."""
    if is_retweet_text(full_text):
        return "retweet"
    if in_reply_to_user_id and in_reply_to_user_id != account_id:
        return "reply"
    if quoted_status_id(expanded_urls) is not None:
        return "quote"
    return "tweet"
