"""The whole chain with the real chat model: a question, then a follow-up that only makes sense after it.

Marked `llm` and `slow` (about a minute on two cores): the stand-in serves Qwen2.5-Coder-1.5B
(`--chat llm`) and all-MiniLM-L6-v2 embeddings (as the demo), over an index of the shipped sample
archive. It checks what a user sees: the answer names the cat and cites a tweet about her, the follow-up
("when did I adopt her?") is rewritten into a question about the cat, the adoption tweet reaches the
model and the answer cites it or gives its year, and every cited tweet is one the model was given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chains import build_rag_chain
from chains.llm import build_chat_model
from rag.documents.loader import TwitterArchiveLoader
from rag.indexing.embeddings import build_embeddings
from rag.indexing.pipeline import index_documents
from rag.indexing.store import make_client, open_collection
from rag.ollama import preflight
from rag.settings import Settings
from tests.standin_fixture import StandinFactory

pytestmark = [pytest.mark.llm, pytest.mark.slow, pytest.mark.timeout(900)]  # minutes on a busy 2-core machine

SAMPLE = Path(__file__).resolve().parents[2] / "sample" / "twitter-sample"
ADOPTION_TWEET = "1484912852510531490"  # "Adopted a cat from the shelter in Alcântara ... Her name is Pastel"


def test_a_question_then_a_follow_up_with_the_real_model(standin: StandinFactory, tmp_path: Path) -> None:
    server = standin(backend="minilm", chat="llm")
    settings = Settings(
        ollama_base_url=server.url,
        embed_model="all-minilm",
        chat_model="qwen2.5-coder:1.5b",
        chroma_dir=tmp_path / "chroma",
        chat_temperature=0.0,
    )
    dimension = preflight(settings.embed_urls, settings.embed_model)
    collection = open_collection(make_client(settings), settings, settings.embed_model, dimension)
    documents = TwitterArchiveLoader(SAMPLE, embed_model="all-minilm").load()
    index_documents(
        documents,
        collection,
        build_embeddings(settings),
        model="all-minilm",
        lexical_dir=settings.lexical_dir,
    )
    llm = build_chat_model(settings).model_copy(update={"num_predict": 80})
    chain = build_rag_chain(llm=llm, settings=settings)

    first: dict[str, Any] = chain.invoke({"question": "What is my cat called?"})
    assert "pastel" in first["answer"].lower()
    assert first["sources"] and not first["abstained"]
    assert all("Pastel" in source.page_content for source in first["sources"])

    history = [("human", "What is my cat called?"), ("ai", first["answer"])]
    chunks = list(chain.stream({"question": "When did I adopt her?", "chat_history": history}))
    follow_up: dict[str, Any] = {}
    for chunk in chunks:
        follow_up.update({key: value for key, value in chunk.items() if key != "answer"})
    answer = "".join(chunk.get("answer", "") for chunk in chunks)
    standalone = follow_up["standalone_question"].lower()
    assert "pastel" in standalone or "cat" in standalone
    assert ADOPTION_TWEET in [document.id for document in follow_up["context"]]
    cited = {source.id for source in follow_up["sources"]}
    assert ADOPTION_TWEET in cited or "2022" in answer, answer  # the adoption tweet, or its year
    given = {document.id for document in follow_up["context"]}
    assert {source.id for source in follow_up["sources"]} <= given
