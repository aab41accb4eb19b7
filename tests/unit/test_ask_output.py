"""`tweet-rag ask`'s printed answer: the Sources list names only the tweets the answer cites."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from chains import build_rag_chain
from rag.search.retrieval import build_retriever
from rag.settings import Settings
from tests.unit.retrieval_fixtures import make_store

SETTINGS = Settings(embed_model="not-calibrated-model", top_k=3, fetch_k=10)


@pytest.fixture(scope="module")
def ask_script() -> ModuleType:
    import tweet_rag.ask

    return tweet_rag.ask


def _ask(ask_script: ModuleType, tmp_path: Path, reply: str, threshold: float = -1.0) -> None:
    retriever = build_retriever(SETTINGS, make_store(tmp_path), search="similarity", threshold=threshold)
    llm = GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))
    chain = build_rag_chain(retriever, llm, "default")
    ask_script.answer(chain, "my garden tomatoes are finally ripe", [], as_json=False)


def test_answer_citing_nothing_lists_no_tweets(
    ask_script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ask(ask_script, tmp_path, "Something else entirely.")  # no tweet supports it: no citation
    out = capsys.readouterr().out
    assert out == "Something else entirely.\n\nSources: no tweets cited\n"


def test_answer_citing_one_tweet_lists_that_tweet_only(
    ask_script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ask(ask_script, tmp_path, "Your tomatoes are ripe [1].")
    out = capsys.readouterr().out
    assert out.startswith(
        "Your tomatoes are ripe [1].\n\nSources:\n[1] 2016-04-07  https://x.com/tessa/status/1002\n"
    )
    assert out.count("https://x.com/") == 1


def test_abstention_prints_no_sources_line(
    ask_script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ask(ask_script, tmp_path, "never called", threshold=2.0)
    assert capsys.readouterr().out == "I found no tweets about that.\n"
