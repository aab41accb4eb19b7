"""What tweet-rag knows about embedding models: dimensions, context length and the prefixes some need.

One table serves indexing and querying alike, so a document prefix applied at index time always has its
query twin at search time. Unknown models get no prefixes and a conservative context length; their
dimension is probed from the server.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EmbeddingModelInfo:
    """Facts about one embedding model as Ollama serves it."""

    name: str
    dimensions: int | None
    context_tokens: int
    document_prefix: str = ""
    query_prefix: str = ""
    multilingual: bool = False
    note: str = ""


KNOWN_EMBEDDING_MODELS: tuple[EmbeddingModelInfo, ...] = (
    EmbeddingModelInfo(
        "nomic-embed-text", 768, 2048, "search_document: ", "search_query: ", note="English, good default"
    ),
    EmbeddingModelInfo(
        "mxbai-embed-large",
        1024,
        512,
        "",
        "Represent this sentence for searching relevant passages: ",
        note="English, strongest of the small ones",
    ),
    EmbeddingModelInfo("all-minilm", 384, 256, note="English, small and fast (the stand-in's model)"),
    EmbeddingModelInfo(
        "snowflake-arctic-embed", 1024, 512, "", "Represent this sentence for searching relevant passages: "
    ),
    EmbeddingModelInfo("bge-m3", 1024, 8192, multilingual=True, note="multilingual (es, ja, ...)"),
    EmbeddingModelInfo(
        "paraphrase-multilingual", 768, 128, multilingual=True, note="multilingual, small and fast"
    ),
    EmbeddingModelInfo("granite-embedding", 384, 512, note="English, small (its :278m tag is multilingual)"),
)

DEFAULT_CONTEXT_TOKENS = 512


def model_info(model_name: str) -> EmbeddingModelInfo:
    """The table entry for `model_name` (tags such as `:latest` or `:v1.5` ignored), or a neutral default."""
    base_name = model_name.split(":", 1)[0].rsplit("/", 1)[-1]
    for info in KNOWN_EMBEDDING_MODELS:
        if info.name == base_name:
            return info
    return EmbeddingModelInfo(model_name, None, DEFAULT_CONTEXT_TOKENS)


def document_text_for_embedding(model_name: str, text: str) -> str:
    """The text to embed for a document, with the model's document prefix."""
    return model_info(model_name).document_prefix + text


def query_text_for_embedding(model_name: str, text: str) -> str:
    """The text to embed for a query, with the model's query prefix."""
    return model_info(model_name).query_prefix + text
