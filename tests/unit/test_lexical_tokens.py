"""Tokeniser of the lexical index: English, Spanish accents, handles and hashtags, spaceless scripts."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from rag.filters import Filter
from rag.indexing.lexical import LexicalIndex
from rag.indexing.tokenizer import tagged_tokens, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: lowercase, punctuation and stop words gone, plural s stripped.
        ("Master Materialized Views in Tinybird!", ["master", "materialized", "view", "tinybird"]),
        # Handles and hashtags: the tagged token and the bare word.
        ("@skgsergio YA ERA HORA!", ["@skgsergio", "skgsergio", "era", "hora"]),
        ("68/100 #100DaysOfCode", ["68", "100", "#100daysofcode", "100daysofcode"]),
        # An e-mail address is not a handle.
        ("mail me@example.org", ["mail", "example", "org"]),
        # Spanish: accents folded, ñ to n.
        ("La analítica de Slack", ["analitica", "slack"]),
        ("el niño y la canción", ["nino", "cancion"]),
        # Japanese (dsajgiouawj-2020, 972425178121568256): bigrams over the kanji run, digits apart.
        ("東京大学理科1類合格", ["東京", "京大", "大学", "学理", "理科", "1", "類合", "合格"]),
        # Kana keep their voicing marks (が is not か); a lone character is a unigram.
        ("が", ["が"]),
        ("#wn_2017_1\nやっとACできた", ["#wn_2017_1", "wn_2017_1", "やっ", "っと", "ac", "でき", "きた"]),
        # Full-width Latin letters become ASCII (NFKC).
        ("ＪＯＩ本選", ["joi", "本選"]),
        # Korean and Thai: bigrams too.
        ("서울에서", ["서울", "울에", "에서"]),
        ("ภาษาไทย", ["ภา", "าษ", "ษา", "าไ", "ไท", "ทย"]),
        # URL pieces that carry no meaning are dropped.
        ("https://t.co/abc", ["abc"]),
    ],
)
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


def test_tagged_tokens() -> None:
    tokens = tokenize("what did I tell @Bob about #Rust and @bob again")
    assert tagged_tokens(tokens) == ["@bob", "#rust"]


def test_spanish_query_matches_unaccented_text() -> None:
    index = LexicalIndex.build(["1", "2"], ["Hoy en Tinybird: el mejor vídeo del año", "otra cosa"], [{}, {}])
    assert [doc_id for doc_id, _ in index.search("mejor video", k=2)] == ["1"]


def test_from_documents() -> None:
    docs = [
        Document(
            id="10", page_content="cooking pasta tonight", metadata={"created_ts": 100, "is_reply": False}
        ),
        Document(id="11#0", page_content="a thread about pasta sauce", metadata={"created_ts": 200}),
    ]
    index = LexicalIndex.from_documents(docs)
    assert len(index) == 2
    assert [doc_id for doc_id, _ in index.search("sauce", k=5)] == ["11#0"]
    assert [doc_id for doc_id, _ in index.search("pasta", k=5, where=Filter(since_ts=150))] == ["11#0"]
    assert index.newest_ts == 200
    with pytest.raises(ValueError, match="id"):
        LexicalIndex.from_documents([Document(page_content="no id")])
