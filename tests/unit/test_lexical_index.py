"""LexicalIndex over real archive tweets: ranking, languages, tags, filters, persistence, corrupt files."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from rag.errors import IndexStoreError
from rag.filters import Filter
from rag.indexing.lexical import LexicalIndex, index_path
from rag.indexing.tokenizer import tokenize

Corpus = tuple[list[str], list[str], list[dict[str, Any]]]


def _read_tweets(archive: Path) -> list[dict[str, Any]]:
    """Raw tweet records of an archive folder (a minimal reader, independent of rag.documents.loader)."""
    records: list[dict[str, Any]] = []
    for path in sorted((archive / "data").glob("tweet*.js")):
        if "header" in path.name:
            continue
        raw = path.read_text(encoding="utf-8-sig")
        for item in json.loads(raw[raw.index("=") + 1 :].strip().rstrip(";")):
            records.append(item.get("tweet", item))
    return records


@pytest.fixture(scope="module")
def corpus(archives_dir: Path) -> Corpus:
    ids: list[str] = []
    texts: list[str] = []
    metas: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in ("alrocar-2024", "ajitg25-2025", "dsajgiouawj-2020"):
        for tweet in _read_tweets(archives_dir / name):
            if tweet["id_str"] in seen:
                continue
            seen.add(tweet["id_str"])
            text = tweet["full_text"]
            created = datetime.strptime(tweet["created_at"], "%a %b %d %H:%M:%S %z %Y")
            ids.append(tweet["id_str"])
            texts.append(text)
            metas.append(
                {
                    "created_ts": int(created.timestamp()),
                    "is_retweet": text.startswith("RT @"),
                    "is_reply": "in_reply_to_status_id_str" in tweet and text.startswith("@"),
                }
            )
    return ids, texts, metas


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> LexicalIndex:
    return LexicalIndex.build(*corpus)


def _text(corpus: Corpus, doc_id: str) -> str:
    ids, texts, _ = corpus
    return texts[ids.index(doc_id)]


def test_english_paraphrase_finds_tweet(index: LexicalIndex) -> None:
    # 1722663842222624904: "I was curious about the length of Tinybird CLI's integrated help documentation..."
    hits = index.search("how long is the integrated help documentation of the CLI", k=5)
    assert hits[0][0] == "1722663842222624904"


def test_spanish_accents_fold_both_ways(index: LexicalIndex) -> None:
    # 1769797113687179325: "50/100 #100DaysOfCode ... La analítica de Slack te dice cuántos mensajes publicas"
    assert index.search("analitica slack cuantos mensajes", k=3)[0][0] == "1769797113687179325"
    assert index.search("ANALÍTICA de SLACK", k=3)[0][0] == "1769797113687179325"


def test_japanese_without_spaces(index: LexicalIndex, corpus: Corpus) -> None:
    # 972425178121568256: "東京大学理科1類合格"
    assert index.search("東京大学に合格", k=3)[0][0] == "972425178121568256"
    # Five tweets say 仮想マシン ("virtual machine"), e.g. 842214712318218241 "仮想マシンがまだ届いてない".
    hits = index.search("仮想マシン", k=5)
    assert len(hits) == 5
    assert "842214712318218241" in {doc_id for doc_id, _ in hits}
    assert all("仮想マシン" in _text(corpus, doc_id) for doc_id, _ in hits)


def test_handle_query_ranks_mentions_first(index: LexicalIndex, corpus: Corpus) -> None:
    _, texts, _ = corpus
    mentioning = sum("@skgsergio" in text.lower() for text in texts)
    assert mentioning >= 3
    hits = index.search("what did I tell @skgsergio about the weather", k=mentioning)
    assert all("@skgsergio" in _text(corpus, doc_id).lower() for doc_id, _ in hits)


def test_hashtag_query_ranks_tagged_first(index: LexicalIndex, corpus: Corpus) -> None:
    hits = index.search("#100DaysOfCode slack", k=10)
    assert len(hits) == 10
    assert all("#100daysofcode" in _text(corpus, doc_id).lower() for doc_id, _ in hits)
    assert hits[0][0] == "1769797113687179325"


def test_tag_beats_bare_word() -> None:
    idx = LexicalIndex.build(
        ["bare", "tagged", "other"],
        ["python python python is what I write about python", "learning #python today", "nothing"],
        [{}, {}, {}],
    )
    assert [doc_id for doc_id, _ in idx.search("#python", k=3)] == ["tagged", "bare"]
    # Without the sigil the word counts as a word: the text that says it four times wins.
    assert idx.search("python", k=3)[0][0] == "bare"


def test_scores_equal_rank_bm25(corpus: Corpus) -> None:
    ids, texts, metas = corpus
    idx = LexicalIndex.build(ids, texts, metas)
    reference = BM25Okapi([tokenize(text) for text in texts])
    for query in ("tinybird query timeout", "東京大学", "delhi pollution"):
        expected = reference.get_scores(tokenize(query))
        hits = idx.search(query, k=5)
        assert hits
        for doc_id, score in hits:
            assert score == pytest.approx(expected[ids.index(doc_id)], rel=1e-4)
        assert hits[0][1] == pytest.approx(float(np.max(expected)), rel=1e-4)


def test_filters_apply(index: LexicalIndex, corpus: Corpus) -> None:
    ids, _, metas = corpus
    meta = dict(zip(ids, metas, strict=True))
    # The Japanese archive is 2016-2020; only 2017 (1483228800 <= ts < 1514764800) may come back.
    year_2017 = Filter(since_ts=1483228800, until_ts=1514764800)
    hits = index.search("ありがとうございます", k=50, where=year_2017)
    assert hits
    assert all(1483228800 <= meta[doc_id]["created_ts"] < 1514764800 for doc_id, _ in hits)
    assert len(index.search("ありがとうございます", k=50)) > len(hits)
    no_replies = index.search("ありがとうございます", k=50, where=Filter(replies="exclude"))
    assert all(not meta[doc_id]["is_reply"] for doc_id, _ in no_replies)
    only_rts = index.search("tinybird", k=20, where=Filter(retweets="only"))
    assert only_rts
    assert all(meta[doc_id]["is_retweet"] for doc_id, _ in only_rts)
    assert index.search("東京大学", k=5, where=Filter(since_ts=1735689600)) == []


def test_filter_same_as_matches(index: LexicalIndex, corpus: Corpus) -> None:
    ids, _, metas = corpus
    meta = dict(zip(ids, metas, strict=True))
    flt = Filter(since_ts=1700000000, retweets="exclude", replies="exclude")
    unfiltered = index.search("tinybird datos", k=len(index))
    filtered = index.search("tinybird datos", k=len(index), where=flt)
    assert [d for d, _ in filtered] == [d for d, _ in unfiltered if flt.matches(meta[d])]


def test_within_same_as_matches(index: LexicalIndex, corpus: Corpus) -> None:
    ids, _, metas = corpus
    # Every December of 2016-2020 (2016-12-01 = 1480550400 ... ) and one day, 2018-05-01 = 1525132800.
    decembers = [(1480550400, 1483228800), (1512086400, 1514764800), (1543622400, 1546300800)]
    decembers += [(1575158400, 1577836800), (1606780800, 1609459200), (1525132800, 1525219200)]
    flt = Filter(within=tuple(decembers), replies="exclude")
    expected = [doc_id for doc_id, meta in zip(ids, metas, strict=True) if flt.matches(meta)]
    assert 0 < len(expected) < len(ids)
    assert index.ids_matching(flt) == expected
    assert index.count_matching(flt) == len(expected)
    assert index.ids_passing(list(reversed(ids)), flt) == list(reversed(expected))
    unfiltered = index.search("ありがとうございます", k=len(index))
    filtered = index.search("ありがとうございます", k=len(index), where=flt)
    assert [d for d, _ in filtered] == [d for d, _ in unfiltered if d in set(expected)]
    assert index.ids_matching(Filter(within=())) == []


def test_queries_without_known_terms(index: LexicalIndex) -> None:
    assert index.search("", k=5) == []
    assert index.search("the of and", k=5) == []
    assert index.search("zzqxjvv", k=5) == []
    assert index.search("tinybird", k=0) == []


def test_empty_index() -> None:
    idx = LexicalIndex.build([], [], [])
    assert len(idx) == 0
    assert idx.search("anything", k=3) == []
    assert idx.newest_ts is None


def test_build_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="unique"):
        LexicalIndex.build(["a", "a"], ["x", "y"], [{}, {}])
    with pytest.raises(ValueError, match="length"):
        LexicalIndex.build(["a"], ["x", "y"], [{}])


def test_save_load_round_trip(index: LexicalIndex, tmp_path: Path) -> None:
    index.save(tmp_path, name="tweets")
    assert index_path(tmp_path, "tweets") == tmp_path / "tweets.npz"
    assert [p.name for p in tmp_path.iterdir()] == ["tweets.npz"]
    loaded = LexicalIndex.load(tmp_path, name="tweets")
    assert len(loaded) == len(index)
    assert loaded.newest_ts == index.newest_ts
    for query in ("東京大学", "@skgsergio", "analítica", "delhi"):
        assert loaded.search(query, k=10) == index.search(query, k=10)
    flt = Filter(until_ts=1500000000, replies="exclude")
    assert loaded.search("JOI", k=10, where=flt) == index.search("JOI", k=10, where=flt)


def test_newest_ts(index: LexicalIndex, corpus: Corpus) -> None:
    assert index.newest_ts == max(m["created_ts"] for m in corpus[2])


def test_load_missing_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="tweet-rag index"):
        LexicalIndex.load(tmp_path / "nowhere")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_load_corrupt_raises_index_store_error(index: LexicalIndex, tmp_path: Path, damage: str) -> None:
    index.save(tmp_path)
    path = index_path(tmp_path)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not an index at all" * 10)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(b"")
    with pytest.raises(IndexStoreError, match=r"re-?build|build_index"):
        LexicalIndex.load(tmp_path)


def test_failed_save_keeps_previous_index(
    index: LexicalIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = LexicalIndex.build(["1"], ["hello world"], [{"created_ts": 5}])
    small.save(tmp_path)

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        index.save(tmp_path)
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["tweets.npz"]
    assert len(LexicalIndex.load(tmp_path)) == 1
