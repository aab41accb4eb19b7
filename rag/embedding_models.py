"""What tweet-rag knows about embedding models: their context length and the prefixes some need.

One table serves indexing and querying alike, so a document prefix applied at index time always has its
query twin at search time. Unknown models get no prefixes and a conservative context length; their
dimension is probed from the server.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EmbeddingModelInfo:
    """Facts about one embedding model as Ollama serves it (its dimension is probed from the server)."""

    name: str
    context_tokens: int
    document_prefix: str = ""
    query_prefix: str = ""


_RETRIEVAL_INSTRUCTION = "Represent this sentence for searching relevant passages: "

# The README's model table lists the same models with their dimensions and what each is good for.
KNOWN_EMBEDDING_MODELS: tuple[EmbeddingModelInfo, ...] = (
    EmbeddingModelInfo("nomic-embed-text", 2048, "search_document: ", "search_query: "),
    EmbeddingModelInfo("mxbai-embed-large", 512, "", _RETRIEVAL_INSTRUCTION),
    EmbeddingModelInfo("all-minilm", 256),
    EmbeddingModelInfo("snowflake-arctic-embed", 512, "", _RETRIEVAL_INSTRUCTION),
    EmbeddingModelInfo("bge-m3", 8192),
    EmbeddingModelInfo("paraphrase-multilingual", 128),
    EmbeddingModelInfo("granite-embedding", 512),
)

DEFAULT_CONTEXT_TOKENS = 512


def model_base_name(model_name: str) -> str:
    """The name model tables are keyed by: `nomic-embed-text:latest` -> `nomic-embed-text` (no tag, path)."""
    return model_name.split(":", 1)[0].rsplit("/", 1)[-1]


def model_info(model_name: str) -> EmbeddingModelInfo:
    """The table entry for `model_name` (see `model_base_name`), or a neutral default."""
    base_name = model_base_name(model_name)
    for info in KNOWN_EMBEDDING_MODELS:
        if info.name == base_name:
            return info
    return EmbeddingModelInfo(model_name, DEFAULT_CONTEXT_TOKENS)


def document_text_for_embedding(model_name: str, text: str) -> str:
    """The text to embed for a document, with the model's document prefix."""
    return model_info(model_name).document_prefix + text


def query_text_for_embedding(model_name: str, text: str) -> str:
    """The text to embed for a query, with the model's query prefix."""
    return model_info(model_name).query_prefix + text
