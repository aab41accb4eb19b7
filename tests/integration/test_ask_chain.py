"""`build_rag_chain(settings=...)` builds its own retriever and ChatOllama and answers over the stand-in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chains import build_rag_chain
from rag.indexing.embeddings import build_embeddings
from rag.indexing.pipeline import index_documents
from rag.indexing.store import make_client, open_collection
from rag.ollama import preflight
from rag.settings import Settings
from tests.integration.test_ask_cli import TWEETS

pytestmark = pytest.mark.slow


def test_chain_from_settings_invokes_and_streams(standin: Any, tmp_path: Path) -> None:
    server = standin(backend="hash")
    settings = Settings(
        ollama_base_url=server.url,
        embed_model="hash-embed",
        chat_model="extractive",
        chroma_dir=tmp_path / "chroma",
        search="hybrid",
    )
    dimension = preflight(settings.embed_urls, settings.embed_model)
    collection = open_collection(make_client(settings), settings, settings.embed_model, dimension)
    index_documents(
        TWEETS, collection, build_embeddings(settings), model="hash-embed", lexical_dir=settings.lexical_dir
    )
    chain = build_rag_chain(settings=settings)
    result = chain.invoke({"question": "what is my cat called?"})
    assert "Pastel" in result["answer"]
    assert result["sources"][0].metadata["url"] == "https://x.com/tessa_demo/status/5004"

    chunks = list(chain.stream({"question": "what is my cat called?"}))
    pieces = [chunk["answer"] for chunk in chunks if "answer" in chunk]
    assert len(pieces) > 1  # the stand-in streams a few words per chunk
    assert "".join(pieces) == result["answer"]
    assert chunks[-1]["sources"][0].id == "5004"
    assert server.requests_to("/api/chat") == 2
