"""`from rag import build_index` and `chains.open_chain`: index and ask from Python, no script involved.

The Ollama stand-in over HTTP (hash embeddings, extractive chat) and a real Chroma in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chains import open_chain
from rag import IndexProgress, IndexReport, build_index
from rag.errors import IndexStoreError, ModelNotFoundError
from rag.indexing.operation import IndexingFailedError
from rag.settings import Settings
from tests.standin_fixture import StandinFactory

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).resolve().parents[2] / "sample" / "twitter-sample"
JSON_KEYS = {"tweets_read", "documents", "embedded", "unchanged", "deleted", "seconds", "prune_refused"}


def settings_for(url: str, chroma_dir: Path, **changes: object) -> Settings:
    base = Settings(
        ollama_base_url=url,
        embed_model="hash-embed",
        chat_model="extractive",
        chroma_dir=chroma_dir,
        embed_batch_size=16,
    )
    return base.with_overrides(**changes)


def test_build_index_reports_progress_and_indexes_incrementally(
    standin: StandinFactory, tmp_path: Path
) -> None:
    server = standin("hash")
    settings = settings_for(server.url, tmp_path / "chroma")
    events: list[IndexProgress] = []
    report = build_index(SAMPLE, settings, progress=events.append)
    assert isinstance(report, IndexReport)
    assert report.tweets_read > 0 and report.embedded == report.documents > 0
    assert (report.collection, report.embed_model, report.embed_hosts) == (
        "tweets",
        "hash-embed",
        [server.url],
    )
    assert set(report.as_dict()) >= JSON_KEYS
    stages = [event.stage for event in events]
    first_seen = sorted(set(stages), key=stages.index)
    assert first_seen == ["preflight", "loading", "embedding", "writing", "persisting"]
    embedding = [event for event in events if event.stage == "embedding"]
    assert embedding[0].done == 0 and embedding[0].total == report.embedded
    assert embedding[-1].done == embedding[-1].total == report.embedded
    assert [e.done for e in embedding] == sorted(e.done for e in embedding)
    loaded = [event for event in events if event.stage == "loading"]
    assert loaded[-1].done == loaded[-1].total == report.documents

    server.reset_stats()
    again = build_index(SAMPLE, settings)
    assert (again.embedded, again.unchanged) == (0, report.documents)
    assert server.requests_to("/api/embed") == 1  # the dimension probe, nothing else


def test_build_index_failure_carries_the_report(standin: StandinFactory, tmp_path: Path) -> None:
    failing = standin("hash", fail_every=2)  # the probe is request 1; then every other batch fails
    settings = settings_for(failing.url, tmp_path / "chroma", max_retries=0, embed_concurrency=1)
    with pytest.raises(IndexingFailedError) as raised:
        build_index(SAMPLE, settings)
    report = raised.value.report
    assert report.failed > 0 and report.embedded > 0
    assert report.failed + report.embedded == report.documents
    assert f"could not embed {report.failed} documents" in str(raised.value)


def test_open_chain_checks_then_answers(standin: StandinFactory, tmp_path: Path) -> None:
    server = standin("hash")
    settings = settings_for(server.url, tmp_path / "chroma", relevance_threshold=-1.0)
    with pytest.raises(IndexStoreError, match="no index at"):
        open_chain(settings)
    assert server.requests_to("/api/tags") == 0  # a missing index is said without asking Ollama
    build_index(SAMPLE, settings)
    result = open_chain(settings).invoke({"question": "What did I post with #LisbonByBike?"})
    assert result["answer"] and result["sources"]
    assert all(source.metadata["url"].startswith("https://x.com/") for source in result["sources"])
    with pytest.raises(ModelNotFoundError, match=r"chat model 'llama3.2' is not on the Ollama server"):
        open_chain(settings.with_overrides(chat_model="llama3.2"))


def test_open_chain_refuses_vectors_of_another_dimension(standin: StandinFactory, tmp_path: Path) -> None:
    settings = settings_for(standin("hash").url, tmp_path / "chroma")
    build_index(SAMPLE, settings)
    narrower = settings.with_overrides(ollama_base_url=standin("hash", dimensions=64).url)
    with pytest.raises(IndexStoreError, match=r"holds 384-dimensional vectors but hash-embed now returns 64"):
        open_chain(narrower)
