"""Preflight before indexing: model present, pulled on request with progress, dimension probed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ollama
import pytest

from rag.errors import ModelNotFoundError, OllamaUnavailableError
from rag.ollama import ensure_model, probe_dimension, same_model


class FakeClient:
    """Answers like `ollama.Client` for list/pull/embed, from canned data."""

    def __init__(self, models: list[str], *, down: bool = False) -> None:
        self.models = models
        self.down = down
        self.pulled: list[str] = []

    def list(self) -> ollama.ListResponse:
        if self.down:
            raise ConnectionError("Failed to connect to Ollama")
        return ollama.ListResponse(models=[ollama.ListResponse.Model(model=name) for name in self.models])

    def pull(self, model: str, *, stream: bool = True) -> Iterator[ollama.ProgressResponse]:
        self.pulled.append(model)
        yield ollama.ProgressResponse(status="pulling manifest")
        yield ollama.ProgressResponse(status="pulling abc", total=100, completed=50)
        yield ollama.ProgressResponse(status="success", total=100, completed=100)
        self.models.append(f"{model}:latest")

    def embed(self, model: str, input: Any) -> ollama.EmbedResponse:
        return ollama.EmbedResponse(embeddings=[[0.1] * 768])


def test_tag_latest_is_the_same_model() -> None:
    assert same_model("nomic-embed-text", "nomic-embed-text:latest")
    assert same_model("nomic-embed-text:latest", "nomic-embed-text")
    assert not same_model("nomic-embed-text:v1.5", "nomic-embed-text:latest")
    assert not same_model("all-minilm", "all-minilm-l12:latest")


def test_missing_model_names_the_pull_to_run() -> None:
    client = FakeClient(["llama3.2:latest"])
    with pytest.raises(ModelNotFoundError, match=r"run `ollama pull nomic-embed-text` \(or pass --pull\)"):
        ensure_model(
            client,
            "http://h:11434",
            "nomic-embed-text",
            setting="OLLAMA_BASE_URL",
            pull=False,
        )  # type: ignore[arg-type]
    assert client.pulled == []


def test_pull_when_asked() -> None:
    client = FakeClient(["llama3.2:latest"])
    ensure_model(client, "http://h:11434", "nomic-embed-text", setting="OLLAMA_BASE_URL", pull=True)  # type: ignore[arg-type]
    assert client.pulled == ["nomic-embed-text"]


def test_server_down_names_the_setting() -> None:
    with pytest.raises(
        OllamaUnavailableError, match=r"no Ollama server answers at http://h:1 \(EMBED_HOSTS\)"
    ):
        ensure_model(FakeClient([], down=True), "http://h:1", "m", setting="EMBED_HOSTS", pull=False)  # type: ignore[arg-type]


def test_dimension_is_probed() -> None:
    assert probe_dimension(FakeClient([]), "http://h", "nomic-embed-text", "OLLAMA_BASE_URL") == 768  # type: ignore[arg-type]
