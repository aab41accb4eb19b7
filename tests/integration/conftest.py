"""Fixtures of the web tests: one indexed archive (the sample plus hostile tweets) and a server over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.scripts_runner import standin_env
from devtools.serve_runner import WebServer
from tests.integration.web_support import hostile_archive, index_archive
from tests.standin_fixture import StandinFactory

# Answer pieces arrive this far apart, so a test can see an answer while it is still streaming.
SLOW_STREAM_MS = 40


@pytest.fixture(scope="session")
def web_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive with two hostile tweets added (a folder)."""
    return hostile_archive(tmp_path_factory.mktemp("web-archive"))


@pytest.fixture(scope="session")
def web_env(
    standin_shared: StandinFactory, web_archive: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """Settings of a server over an index of `web_archive` (hash embeddings, extractive answers)."""
    standin = standin_shared("hash", slow_stream_ms=SLOW_STREAM_MS)
    # The extractive responder cannot say Yes or No, so the answer check is off and answers stream as written
    # (test_the_page_s_answers_get_the_answer_check turns it on with a fake model that can).
    env = standin_env(
        standin.url,
        tmp_path_factory.mktemp("web-index") / "chroma",
        CHAT_MODEL="extractive",
        ANSWER_CHECK="false",
    )
    index_archive(web_archive, env)
    return env


@pytest.fixture(scope="session")
def web_server(web_env: dict[str, str]) -> Iterator[WebServer]:
    """`scripts/serve.py` over the indexed archive, for the whole session."""
    server = WebServer(web_env)
    yield server
    server.stop()
