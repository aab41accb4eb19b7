"""Hand-made tweet documents and a real Chroma in tmp_path for the retrieval and chain unit tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chromadb
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import DeterministicFakeEmbedding

from rag.indexing.lexical import LexicalIndex
from tests.tweet_metadata import tweet_metadata

# Epoch seconds (UTC), checked with `date -u -d 2016-01-01 +%s` etc.:
# 2016-01-01 = 1451606400, 2017-01-01 = 1483228800, 2018-01-01 = 1514764800,
# 2019-01-01 = 1546300800, 2019-06-15 = 1560556800, 2020-01-01 = 1577836800.


def _meta(tweet_id: str, ts: int, iso: str, kind: str = "tweet", **extra: Any) -> dict[str, Any]:
    return tweet_metadata(tweet_id, ts, iso, kind, screen_name="tessa", **extra)


THREAD_TEXT = "first tweet of my sourdough thread\n\nsecond tweet: feed the starter twice a day"
DOCUMENTS: list[Document] = [
    Document(
        id="1001",
        page_content="python tips for beginners",
        metadata=_meta("1001", 1560556800, "2019-06-15T00:00:00+00:00"),
    ),
    Document(
        id="1002",
        page_content="my garden tomatoes are finally ripe",
        metadata=_meta("1002", 1460000000, "2016-04-07T03:33:20+00:00"),
    ),
    Document(
        id="1003",
        page_content="RT @someone: python tips for experts",
        metadata=_meta("1003", 1552000000, "2019-03-07T23:06:40+00:00", kind="retweet"),
    ),
    Document(
        id="1004",
        page_content="@alice thanks for the python tips",
        metadata=_meta("1004", 1520000000, "2018-03-02T14:13:20+00:00", kind="reply"),
    ),
    Document(
        id="1005",
        page_content=THREAD_TEXT,
        metadata=_meta(
            "1005",
            1500000000,
            "2017-07-14T02:40:00+00:00",
            kind="thread",
            tweet_ids="1005,1006",
            tweet_offsets=f"0,{THREAD_TEXT.index('second')}",
        ),
    ),
]


def make_store(tmp_path: Path, documents: list[Document] = DOCUMENTS) -> Chroma:
    """A persistent Chroma collection with cosine distance holding `documents` (fake embeddings)."""
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    store = Chroma(
        client=client,
        collection_name="tweets",
        embedding_function=DeterministicFakeEmbedding(size=256),
        collection_configuration={"hnsw": {"space": "cosine"}},
    )
    store.add_documents(documents, ids=[str(d.id) for d in documents])
    return store


def make_lexical(documents: list[Document] = DOCUMENTS) -> LexicalIndex:
    """The BM25 index of `documents`."""
    return LexicalIndex.build(
        [str(d.id) for d in documents], [d.page_content for d in documents], [d.metadata for d in documents]
    )
