"""Open an archive (zip, unpacked folder, its `data/` folder) and read its data files, never its private ones.

A source maps archive-relative names such as `data/tweets.js` to bytes, read straight from the zip member
or the file; media is never touched. Only files on an allow-list of tweet-bearing names can be opened:
account, direct messages, IP audit, contacts, personalization and phone number are refused even when a
manifest names them. A source hands out bytes; `rag.archive.payload` parses them.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path
from typing import Protocol

from rag.errors import ArchiveError

REDOWNLOAD = "download the archive again (X: Settings > Your account > Download an archive of your data)"

# Files whose text may be read. Everything else in an archive is never opened.
_ALLOWED = re.compile(
    r"^(?:data/(?:manifest|tweets?|tweets?-part\d+|note-tweet(?:-part\d+)?|deleted-tweets?(?:-part\d+)?"
    r"|community-tweet(?:-part\d+)?|tweet-headers(?:-part\d+)?)\.js"
    r"|data/js/tweets/\d{4}_\d{2}\.js|data/js/user_details\.js|tweets\.csv)$"
)
# Named explicitly as a second guard: personal data that must never reach an index.
_PRIVATE = re.compile(
    r"(?:^|/)(?:account|direct-message[\w-]*|ip-audit|contact|personalization|phone-number|email-address[\w-]*"
    r"|device-token|connected-application|ageinfo|account-creation-ip|account-timezone)\.js$"
)


def is_private(name: str) -> bool:
    """True for archive files holding personal data (email, DMs, IP addresses, contacts, phone ...)."""
    return bool(_PRIVATE.search(name))


def is_readable(name: str) -> bool:
    """True for the tweet-bearing files a loader may open."""
    return bool(_ALLOWED.match(name)) and not is_private(name)


class ArchiveSource(Protocol):
    """Read access to an archive's files by archive-relative name (`data/tweets.js`)."""

    label: str

    def list_dir(self, directory: str) -> list[str]:
        """Archive-relative names of the files directly in `directory` ("" for the top)."""
        ...

    def exists(self, name: str) -> bool:
        """Whether the archive has the file."""
        ...

    def read(self, name: str) -> bytes:
        """The file's bytes; refuses files that are not on the allow-list."""
        ...


def _guard(name: str) -> None:
    if not is_readable(name):
        raise PermissionError(f"refusing to read {name}: not a tweet file (private files are never read)")


class FolderSource:
    """An unpacked archive: `root` holds `data/`; `data_dir` is where `data/...` names point."""

    def __init__(self, root: Path, data_dir: Path) -> None:
        self.root = root
        self.data_dir = data_dir
        self.label = str(root if data_dir == root / "data" else data_dir)

    def _path(self, name: str) -> Path:
        if name == "data" or name.startswith("data/"):
            return self.data_dir / name[5:] if name != "data" else self.data_dir
        return self.root / name

    def list_dir(self, directory: str) -> list[str]:
        """Files directly in `directory`, as archive-relative names."""
        path = self._path(directory) if directory else self.root
        try:
            entries = sorted(os.listdir(path))
        except OSError:
            return []
        prefix = f"{directory}/" if directory else ""
        return [prefix + entry for entry in entries if (path / entry).is_file()]

    def exists(self, name: str) -> bool:
        """Whether the file exists."""
        return self._path(name).is_file()

    def read(self, name: str) -> bytes:
        """The file's bytes (allow-listed names only)."""
        _guard(name)
        try:
            return self._path(name).read_bytes()
        except OSError as exc:
            raise ArchiveError(f"cannot read {self._path(name)}: {exc.strerror or exc}") from exc


class ZipSource:
    """A zipped archive; members are read directly, nothing is extracted."""

    def __init__(self, path: Path) -> None:
        self.label = str(path)
        try:
            self._zip = zipfile.ZipFile(path)
            names = self._zip.namelist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ArchiveError(
                f"{path} is not a readable zip file (truncated or corrupt: {exc}): {REDOWNLOAD}, "
                "or unzip it and pass the folder"
            ) from exc
        self._prefix = _archive_prefix(names)
        self._names = {name[len(self._prefix) :] for name in names if name.startswith(self._prefix)}

    def list_dir(self, directory: str) -> list[str]:
        """Members directly in `directory`, as archive-relative names."""
        prefix = f"{directory}/" if directory else ""
        return sorted(n for n in self._names if n.startswith(prefix) and "/" not in n[len(prefix) :])

    def exists(self, name: str) -> bool:
        """Whether the member exists."""
        return name in self._names

    def read(self, name: str) -> bytes:
        """The member's bytes, decompressed in memory (allow-listed names only)."""
        _guard(name)
        try:
            return self._zip.read(self._prefix + name)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError) as exc:
            raise ArchiveError(f"{self.label}: member {name} is corrupt ({exc}): {REDOWNLOAD}") from exc

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()


_MARKERS = re.compile(
    r"(?:^|/)(?:data/(?:manifest|tweets?|tweets?-part\d+)\.js|tweets\.csv|data/js/tweets/\d{4}_\d{2}\.js)$"
)


def _archive_prefix(names: list[str]) -> str:
    """The folder inside the zip that holds `data/` (often "" but some zips wrap everything in a folder)."""
    best: str | None = None
    for name in names:
        match = _MARKERS.search(name)
        if match:
            prefix = name[: match.start()] + ("/" if match.group(0).startswith("/") else "")
            if best is None or len(prefix) < len(best):
                best = prefix
    return best or ""


def open_source(path: Path) -> ArchiveSource:
    """A source for a zip file, an unpacked archive folder, or its `data/` folder."""
    if not path.exists():
        raise ArchiveError(f"{path} does not exist: pass your archive zip or its unpacked folder")
    if path.is_dir():
        if (path / "data").is_dir():
            return FolderSource(path, path / "data")
        if path.name == "data" or any((path / name).is_file() for name in ("tweets.js", "tweet.js")):
            return FolderSource(path.parent, path)
        return FolderSource(path, path / "data")
    if zipfile.is_zipfile(path) or path.suffix.lower() == ".zip":
        return ZipSource(path)
    raise ArchiveError(
        f"{path} is not a Twitter/X archive: pass the archive zip, its unpacked folder, or a .json/.jsonl "
        "file of tweets"
    )
