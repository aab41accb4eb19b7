"""tweet-rag's library: read a Twitter/X archive, build documents, index them, search them.

`from rag import build_index` indexes an archive (`rag.indexing.operation`); `IndexReport` is what it
returns, `IndexProgress` what it reports progress with, `Settings` what configures it. These names are
imported on first use, so `import rag` stays instant (Chroma and LangChain load only when needed).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.indexing.operation import IndexProgress, build_index
    from rag.indexing.pipeline import IndexReport
    from rag.settings import Settings

_LAZY = {
    "build_index": "rag.indexing.operation",
    "IndexProgress": "rag.indexing.operation",
    "IndexReport": "rag.indexing.pipeline",
    "Settings": "rag.settings",
}

__all__ = ["IndexProgress", "IndexReport", "Settings", "build_index"]


def __getattr__(name: str) -> Any:
    """Import the public names on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
