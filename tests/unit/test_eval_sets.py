"""The evaluation harness's helpers: cached query vectors (memory and disk) and the halves of a set."""

from __future__ import annotations

import json
from pathlib import Path

from langchain_core.embeddings import Embeddings

from devtools.eval_sets import ALL_SEARCHES, CachedEmbeddings, by_split, eval_set
from devtools.evaluation import QAItem


class CountingEmbeddings(Embeddings):
    def __init__(self) -> None:
        self.queries: list[str] = []

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return [float(len(text)), 1.0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(text) for text in texts]


def test_each_question_is_embedded_once_and_kept_on_disk(tmp_path: Path) -> None:
    inner = CountingEmbeddings()
    cache_file = tmp_path / "cache" / "all-minilm.json"
    cached = CachedEmbeddings(inner, cache_file)
    assert cached.embed_query("what did I say?") == [15.0, 1.0]
    assert cached.embed_query("what did I say?") == [15.0, 1.0]
    assert inner.queries == ["what did I say?"]
    cached.save()
    assert json.loads(cache_file.read_text(encoding="utf-8")) == {"what did I say?": [15.0, 1.0]}

    again = CountingEmbeddings()
    reopened = CachedEmbeddings(again, cache_file)
    assert reopened.embed_query("what did I say?") == [15.0, 1.0]
    assert again.queries == []  # read from the file: no call to the model


def test_an_unreadable_cache_file_is_ignored(tmp_path: Path) -> None:
    cache_file = tmp_path / "broken.json"
    cache_file.write_text("{not json", encoding="utf-8")
    inner = CountingEmbeddings()
    assert CachedEmbeddings(inner, cache_file).embed_query("q") == [1.0, 1.0]
    assert inner.queries == ["q"]


def test_halves_are_reported_held_out_first_or_whole_without_splits() -> None:
    items = [
        QAItem("a", "q", ("1",), "lookup", split="tuning"),
        QAItem("b", "q", ("1",), "lookup", split="heldout"),
    ]
    halves = by_split(items)
    assert list(halves) == ["heldout", "tuning"]
    assert [i.qid for i in halves["heldout"]] == ["b"]
    assert list(by_split([QAItem("c", "q", (), "none")])) == ["all"]


def test_bm25_is_scored_beside_the_retriever_search_types() -> None:
    assert ALL_SEARCHES == ("similarity", "mmr", "hybrid", "bm25")
    assert eval_set("ikiwiki").collection == "eval_ikiwiki"
