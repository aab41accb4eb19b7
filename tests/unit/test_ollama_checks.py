"""rag.ollama: model present (names as Ollama reads them), pulled with progress, dimension probed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ollama
import pytest

import rag.ollama
from rag.errors import ModelNotFoundError, OllamaUnavailableError
from rag.ollama import (
    PullProgress,
    check_chat_model,
    check_embed_model,
    ensure_model,
    has_model,
    normalize_model,
    probe_dimension,
    same_model,
    unavailable_message,
)
from rag.settings import Settings, env_file


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


def test_pull_reports_progress_to_the_callback() -> None:
    client = FakeClient(["llama3.2:latest"])
    updates: list[PullProgress] = []
    ensure_model(
        client,  # type: ignore[arg-type]
        "http://h:11434",
        "nomic-embed-text",
        setting="OLLAMA_BASE_URL",
        pull=True,
        on_progress=updates.append,
    )
    assert [(u.status, u.completed, u.total) for u in updates] == [
        ("pulling manifest", 0, None),
        ("pulling abc", 50, 100),
        ("success", 100, 100),
    ]
    assert {(u.model, u.host) for u in updates} == {("nomic-embed-text", "http://h:11434")}


def test_model_names_normalise_as_ollama_does() -> None:
    assert normalize_model("llama3.2") == "llama3.2:latest"
    assert normalize_model("llama3.2:1b") == "llama3.2:1b"
    assert normalize_model("registry.local:5000/team/embed") == "registry.local:5000/team/embed:latest"
    assert same_model("registry.local:5000/team/embed", "registry.local:5000/team/embed:latest")


def test_langchain_validation_would_take_a_tag_for_the_plain_name() -> None:
    # Why rag.ollama does not use langchain-ollama's validate_model: with only llama3.2:1b pulled it accepts
    # "llama3.2", which Ollama reads as llama3.2:latest and answers with a 404.
    from langchain_ollama._utils import validate_model

    client = FakeClient(["llama3.2:1b"])
    validate_model(client, "llama3.2")  # type: ignore[arg-type]  # no error
    assert not has_model(["llama3.2:1b"], "llama3.2")
    assert has_model(["llama3.2:1b"], "llama3.2:1b")


def test_chat_and_embedding_checks_name_the_model_and_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    served = {"http://chat:11434": ["nomic-embed-text:latest"], "http://embed:11434": ["llama3.2:latest"]}
    monkeypatch.setattr(rag.ollama.ollama, "Client", lambda host, timeout: FakeClient(list(served[host])))
    settings = Settings(ollama_base_url="http://chat:11434", embed_hosts="http://embed:11434")
    with pytest.raises(
        ModelNotFoundError, match=r"^chat model 'llama3.2' is not on the Ollama server at http://chat"
    ):
        check_chat_model(settings)
    with pytest.raises(ModelNotFoundError) as missing:
        check_embed_model(settings)
    assert str(missing.value) == (
        "embedding model 'nomic-embed-text' is not on the Ollama server at http://embed:11434: run "
        "`ollama pull nomic-embed-text` (the index was built with it; EMBED_MODEL must name the same model)"
    )
    served["http://embed:11434"].append("nomic-embed-text:latest")
    assert check_embed_model(settings) == 768


def test_down_server_message_says_where_to_fix_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if env_file() is not None:
        pytest.skip("a .env above the temporary folder would be found")
    down = unavailable_message("http://h:1", "EMBED_HOSTS")
    assert down.endswith(
        "start it with `ollama serve` or set EMBED_HOSTS in the environment or in a .env file"
    )
    (tmp_path / ".env").write_text("EMBED_HOSTS=http://h:1\n", encoding="utf-8")
    assert unavailable_message("http://h:1", "EMBED_HOSTS").endswith("or fix EMBED_HOSTS in .env")
