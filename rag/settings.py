"""The one typed, frozen settings object, read from the environment (and `.env`, loaded by entry points).

Nothing else in the project reads `os.environ`. Every key is documented in `.env.example`; scripts call
`load_dotenv()` and then `Settings.from_env()`, tests build `Settings(...)` directly or pass a mapping.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from rag.errors import ConfigError

SearchType = Literal["similarity", "mmr", "hybrid"]
SEARCH_TYPES: tuple[SearchType, ...] = ("similarity", "mmr", "hybrid")
RerankName = Literal["none", "llm"]
RERANKERS: tuple[RerankName, ...] = ("none", "llm")
ExpansionName = Literal["none", "hyde"]
EXPANSIONS: tuple[ExpansionName, ...] = ("none", "hyde")
HydeVector = Literal["mean", "post", "joined"]
HYDE_VECTORS: tuple[HydeVector, ...] = ("mean", "post", "joined")


def _split_urls(raw: str) -> tuple[str, ...]:
    urls = tuple(part.strip().rstrip("/") for part in raw.split(",") if part.strip())
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"OLLAMA_BASE_URL entry {url!r} must start with http:// or https://")
    return urls


@dataclass(frozen=True)
class Settings:
    """Every knob of tweet-rag; the environment key of each field is its name in upper case."""

    ollama_base_url: str = "http://localhost:11434"
    embed_hosts: str = ""
    embed_model: str = "nomic-embed-text"
    chat_model: str = "llama3.2"
    chroma_dir: Path = Path("./.tweet-rag/chroma")
    collection: str = "tweets"
    chroma_host: str = ""
    chroma_port: int = 8000
    embed_batch_size: int = 64
    embed_concurrency: int = 2
    request_timeout: float = 120.0
    max_retries: int = 4
    include_deleted: bool = False
    search: SearchType = "hybrid"
    top_k: int = 6
    fetch_k: int = 30
    relevance_threshold: float | None = None
    rerank: RerankName = "none"
    rerank_top: int = 10
    query_expansion: ExpansionName = "none"
    hyde_vector: HydeVector = "mean"
    prompt: str = "default"
    chat_temperature: float = 0.0
    chat_keep_alive: str = "5m"
    chat_num_ctx: int = 0
    answer_check: bool = True
    answer_check_keep_at: float = 0.5
    answer_check_sure_margin: float = 0.05
    log_level: str = "WARNING"

    def __post_init__(self) -> None:
        _split_urls(self.ollama_base_url)
        _split_urls(self.embed_hosts)
        if self.search not in SEARCH_TYPES:
            raise ConfigError(f"SEARCH={self.search!r} is not one of {', '.join(SEARCH_TYPES)}")
        if self.rerank not in RERANKERS:
            raise ConfigError(f"RERANK={self.rerank!r} is not one of {', '.join(RERANKERS)}")
        if self.query_expansion not in EXPANSIONS:
            raise ConfigError(
                f"QUERY_EXPANSION={self.query_expansion!r} is not one of {', '.join(EXPANSIONS)}"
            )
        if self.hyde_vector not in HYDE_VECTORS:
            raise ConfigError(f"HYDE_VECTOR={self.hyde_vector!r} is not one of {', '.join(HYDE_VECTORS)}")
        if not 3 <= len(self.collection) <= 512:
            raise ConfigError(f"COLLECTION={self.collection!r} must be 3 to 512 characters long")
        if not 0.0 <= self.answer_check_keep_at <= 1.0:
            raise ConfigError(f"ANSWER_CHECK_KEEP_AT={self.answer_check_keep_at} must be between 0 and 1")
        if not 0.0 <= self.answer_check_sure_margin <= 1.0:
            raise ConfigError(
                f"ANSWER_CHECK_SURE_MARGIN={self.answer_check_sure_margin} must be between 0 and 1"
            )
        for name in ("embed_batch_size", "embed_concurrency", "top_k", "fetch_k", "rerank_top"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name.upper()} must be at least 1")

    @property
    def chat_url(self) -> str:
        """The Ollama server used for chat: the first of `OLLAMA_BASE_URL`."""
        return _split_urls(self.ollama_base_url)[0]

    @property
    def embed_urls(self) -> tuple[str, ...]:
        """The Ollama servers that share embedding work: `EMBED_HOSTS`, else every `OLLAMA_BASE_URL`."""
        return _split_urls(self.embed_hosts) or _split_urls(self.ollama_base_url)

    @property
    def lexical_dir(self) -> Path:
        """Where the BM25 index of the collection lives, next to the vector index."""
        return self.chroma_dir / "lexical"

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some fields changed (command-line flags win over the environment)."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every field from `environ` (default: the process environment); unset keys keep defaults."""
        source = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for spec in fields(cls):
            raw = source.get(spec.name.upper())
            if raw is None or raw.strip() == "":
                continue
            values[spec.name] = _convert(spec.name, spec.type, raw.strip())
        return cls(**values)


def env_file() -> Path | None:
    """The `.env` file the commands load: the first one found from the working folder upwards, if any."""
    from dotenv import find_dotenv

    found = find_dotenv(usecwd=True)
    return Path(found) if found else None


def fix_hint(key: str) -> str:
    """Where to fix setting `key`, for messages: "fix KEY in .env" only when a `.env` file exists."""
    if env_file() is not None:
        return f"fix {key} in .env"
    return f"set {key} in the environment or in a .env file"


def _convert(name: str, type_name: Any, raw: str) -> Any:
    type_text = str(type_name)
    key = name.upper()
    try:
        if type_text == "bool":
            lowered = raw.lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if type_text == "int":
            return int(raw)
        if type_text.startswith("float"):
            return float(raw)
        if type_text == "Path":
            return Path(raw).expanduser()
    except ValueError:
        raise ConfigError(
            f"{key}={raw!r} is not a valid {type_text.split(' ')[0]}; {fix_hint(key)}"
        ) from None
    return raw
