"""User-facing errors: each carries a one-line message that says what went wrong and what to do.

Scripts catch `TweetRagError`, print its message on one line and exit non-zero; library code raises the
most specific subclass so callers and tests can tell the failures apart.
"""

from __future__ import annotations


class TweetRagError(Exception):
    """Base class of errors whose message is meant for the user, one line, with the fix in it."""


class ConfigError(TweetRagError):
    """A setting in the environment or `.env` has a value that cannot be used."""


class FilterError(TweetRagError):
    """Filters no tweet can pass together: `--since` after `--until`, or a question's date outside them."""


class ArchiveError(TweetRagError):
    """The archive cannot be read at all (not an archive, truncated zip, no tweets file)."""


class OllamaUnavailableError(TweetRagError):
    """No Ollama server answers at the configured URL."""


class ModelNotFoundError(TweetRagError):
    """The Ollama server answers but lacks the model; the message names the `ollama pull` to run."""


class EmbeddingError(TweetRagError):
    """Embedding requests failed after their retries."""


class IndexStoreError(TweetRagError):
    """The index is missing, locked by another writer, or was built with another embedding model."""


class PromptError(TweetRagError):
    """A prompt file is missing or its variables do not match what the chain provides."""
