"""Documents: the metadata contract, threads (order, branches, missing parents) and token-aware splitting."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from rag.archive.tweet import Tweet
from rag.documents.loader import TwitterArchiveLoader
from rag.documents.threads import group_threads
from rag.token_estimate import estimate_tokens
from tests.unit.loader_archives import ACCOUNT_ID, note, record, self_reply, snowflake, write_archive

CONTRACT_KEYS = {
    "tweet_id",
    "tweet_ids",
    "tweet_offsets",
    "url",
    "screen_name",
    "created_at",
    "created_ts",
    "kind",
    "is_retweet",
    "is_reply",
    "is_long",
    "is_deleted",
    "lang",
    "like_count",
    "retweet_count",
    "hashtags",
    "mentions",
    "chunk",
    "chunks",
}


def test_single_tweet_document_has_the_metadata_contract(tmp_path: Path) -> None:
    entities = {
        "hashtags": [{"text": "DANA", "indices": ["16", "21"]}, {"text": "rag", "indices": ["22", "26"]}],
        "user_mentions": [
            {"screen_name": "notasintel", "id_str": "1636359069878431746", "indices": ["3", "14"]}
        ],
        "urls": [],
    }
    tweet = record(
        "1854112013290152286",
        "RT @notasintel: #DANA #rag &lt;3",
        entities=entities,
        lang="es",
        favorite_count="7",
        retweet_count="2",
    )
    write_archive(tmp_path, [tweet])
    (doc,) = TwitterArchiveLoader(tmp_path).load()
    assert doc.id == "1854112013290152286"
    assert doc.page_content == "RT @notasintel: #DANA #rag <3"
    assert set(doc.metadata) == CONTRACT_KEYS
    assert all(isinstance(v, str | int | float | bool) for v in doc.metadata.values())
    assert doc.metadata == {
        "tweet_id": "1854112013290152286",
        "tweet_ids": "1854112013290152286",
        "tweet_offsets": "0",
        "url": "https://x.com/alrocar/status/1854112013290152286",
        "screen_name": "alrocar",
        "created_at": "2024-11-05T13:24:09+00:00",
        "created_ts": 1730813049,
        "kind": "retweet",
        "is_retweet": True,
        "is_reply": False,
        "is_long": False,
        "is_deleted": False,
        "lang": "es",
        "like_count": 7,
        "retweet_count": 2,
        "hashtags": "#DANA #rag",
        "mentions": "@notasintel",
        "chunk": 0,
        "chunks": 1,
    }


def test_thread_is_one_document_ordered_by_id_with_offsets_of_each_tweet(tmp_path: Path) -> None:
    same_second = "Mon Oct 10 13:10:00 +0000 2022"
    tweets = [  # file order is not id order, and created_at has the same second for all
        self_reply(
            "1579814695464497153", "1579814689827360768", "2/40 - UFO sightings", created_at=same_second
        ),
        record("1579814683803910144", "My recipe to learning data engineering", created_at=same_second),
        self_reply(
            "1579814689827360768", "1579814683803910144", "1/40 - Bank transactions", created_at=same_second
        ),
        record("1579814999999999999", "unrelated", created_at=same_second),
    ]
    write_archive(tmp_path, tweets)
    loader = TwitterArchiveLoader(tmp_path)
    docs = loader.load()
    thread = next(d for d in docs if d.metadata["kind"] == "thread")
    assert thread.id == "1579814683803910144#0"
    assert thread.page_content == (
        "My recipe to learning data engineering\n\n1/40 - Bank transactions\n\n2/40 - UFO sightings"
    )
    assert thread.metadata["tweet_ids"] == "1579814683803910144,1579814689827360768,1579814695464497153"
    assert thread.metadata["tweet_offsets"] == "0,40,66"
    assert thread.page_content[66:].startswith("2/40")
    assert thread.metadata["url"] == "https://x.com/alrocar/status/1579814683803910144"
    assert [d.id for d in docs] == ["1579814683803910144#0", "1579814999999999999"]
    assert loader.report.threads == 1 and loader.report.tweets_in_threads == 3
    assert loader.report.document_kinds == {"thread": 1, "tweet": 1}


def test_branching_thread_and_missing_parent() -> None:
    def tweet(tweet_id: str, parent: str | None = None) -> Tweet:
        return Tweet(
            tweet_id, f"text {tweet_id}", 0, in_reply_to_status_id=parent, in_reply_to_user_id=ACCOUNT_ID
        )

    tweets = [
        Tweet("100", "root", 0),
        tweet("101", "100"),
        tweet("102", "100"),  # a second self-reply to the root: a branch
        tweet("103", "101"),
        tweet("200", "150"),  # parent 150 deleted: a new root
        tweet("201", "200"),
        tweet("300", "100"),
    ]
    groups = group_threads(tweets, ACCOUNT_ID)
    assert [[t.id for t in g.tweets] for g in groups] == [["100", "101", "102", "103", "300"], ["200", "201"]]


def test_thread_rooted_in_a_reply_to_someone_else_is_a_reply_thread(tmp_path: Path) -> None:
    tweets = [
        record("10", "@other I disagree", in_reply_to_user_id_str="999", in_reply_to_status_id_str="5"),
        self_reply("11", "10", "and here is why"),
    ]
    write_archive(tmp_path, tweets)
    (doc,) = TwitterArchiveLoader(tmp_path).load()
    assert (doc.metadata["kind"], doc.metadata["is_reply"]) == ("thread", True)


def test_reply_to_another_user_is_not_merged_into_a_thread(tmp_path: Path) -> None:
    tweets = [
        record("10", "mine"),
        record("11", "@x re", in_reply_to_user_id_str="999", in_reply_to_status_id_str="10"),
    ]
    write_archive(tmp_path, tweets)
    assert [d.id for d in TwitterArchiveLoader(tmp_path).load()] == ["10", "11"]


def test_short_tweets_are_never_split_even_with_a_tiny_chunk_size(tmp_path: Path) -> None:
    text = "palabra " * 35  # 280 characters, more than 32 estimated tokens
    write_archive(tmp_path, [record("1", text.strip())])
    docs = TwitterArchiveLoader(tmp_path, embed_model="all-minilm", chunk_tokens=32).load()
    assert [(d.id, d.metadata["chunks"]) for d in docs] == [("1", 1)]
    assert estimate_tokens(text) > 32


def test_long_post_is_split_into_chunks_that_carry_its_id(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n}: " + "datos en tiempo real " * 12 for n in range(12)]
    whole = "\n\n".join(paragraphs)
    note_id, tweet_id = snowflake(9_000_000), snowflake(9_000_020)
    write_archive(tmp_path, [record(tweet_id, "Paragraph 0: datos…")], notes=[note(note_id, whole)])
    docs = TwitterArchiveLoader(tmp_path, embed_model="all-minilm", chunk_tokens=128).load()
    assert len(docs) > 2
    assert [d.id for d in docs] == [f"{tweet_id}#{n}" for n in range(len(docs))]
    assert all(d.metadata["tweet_ids"] == tweet_id and d.metadata["is_long"] for d in docs)
    assert all(d.metadata["chunks"] == len(docs) for d in docs)
    assert all(estimate_tokens(d.page_content) <= 128 for d in docs)
    assert docs[0].page_content.startswith("Paragraph 0:")
    assert "Paragraph 11:" in docs[-1].page_content


def test_long_thread_is_split_and_each_chunk_names_its_tweets_and_their_offsets(tmp_path: Path) -> None:
    texts = [f"{n}/10 " + f"tweet {n} of the thread talks about maps and rivers. " * 4 for n in range(10)]
    tweets = [record("1000", texts[0])] + [
        self_reply(str(1000 + n), str(1000 + n - 1), texts[n]) for n in range(1, 10)
    ]
    write_archive(tmp_path, tweets)
    docs = TwitterArchiveLoader(tmp_path, embed_model="all-minilm", chunk_tokens=160).load()
    assert len(docs) > 1
    assert [d.id for d in docs] == [f"1000#{n}" for n in range(len(docs))]
    seen: list[str] = []
    for doc in docs:
        ids = doc.metadata["tweet_ids"].split(",")
        offsets = [int(o) for o in doc.metadata["tweet_offsets"].split(",")]
        assert len(ids) == len(offsets)
        assert doc.metadata["tweet_id"] == ids[0]
        assert doc.metadata["url"].endswith(f"/status/{ids[0]}")
        for tweet_id, offset in zip(ids, offsets, strict=True):
            n = int(tweet_id) - 1000
            if offset > 0:  # the tweet starts inside this chunk
                assert doc.page_content[offset:].startswith(f"{n}/10 ")
        seen.extend(ids)
    assert sorted(set(seen), key=int) == [str(1000 + n) for n in range(10)]


def test_deleted_tweets_are_marked_in_metadata(tmp_path: Path) -> None:
    from tests.unit.loader_archives import js_file

    deleted = record("8", "@ohhanxiety Lata Mangeshkar", in_reply_to_user_id_str="1592188128424472576")
    extra = {"deleted-tweets.js": js_file("YTD.deleted_tweets.part0", [{"tweet": deleted}])}
    write_archive(tmp_path, [record("1", "kept")], extra=extra)
    docs = TwitterArchiveLoader(tmp_path, include_deleted=True).load()
    assert [(d.id, d.metadata["is_deleted"]) for d in docs] == [("1", False), ("8", True)]
    assert [d.id for d in TwitterArchiveLoader(tmp_path).load()] == ["1"]


def test_report_counts_kinds_and_newest_tweet(tmp_path: Path) -> None:
    tweets = [
        record("1", "hello", created_at="Tue Nov 05 13:24:09 +0000 2024"),
        record("2", "RT @a: b", created_at="Wed Nov 06 08:00:00 +0000 2024"),
        record("3", "@x hi", in_reply_to_user_id_str="77", created_at="Mon Nov 04 08:00:00 +0000 2024"),
    ]
    write_archive(tmp_path, tweets)
    loader = TwitterArchiveLoader(tmp_path)
    docs = list(loader.lazy_load())
    report = loader.report
    assert (report.tweets_read, report.documents, len(docs)) == (3, 3, 3)
    assert report.tweet_kinds == {"tweet": 1, "retweet": 1, "reply": 1}
    assert report.newest_created_at == "2024-11-06T08:00:00+00:00"
    assert loader.account.screen_name == "alrocar" and loader.account.account_id == ACCOUNT_ID


def test_documents_equal_validated_documents(tmp_path: Path) -> None:
    # the builder skips pydantic re-validation; the result must be indistinguishable from Document(...)
    from langchain_core.documents import Document

    write_archive(tmp_path, [record("1", "hello"), record("2", "world")])
    for doc in TwitterArchiveLoader(tmp_path).load():
        validated = Document(page_content=doc.page_content, metadata=dict(doc.metadata), id=doc.id)
        assert doc == validated
        assert doc.model_dump() == validated.model_dump()
        assert doc.model_fields_set == validated.model_fields_set
        doc.metadata["extra"] = 1  # still an ordinary, mutable Document
        doc.page_content = "changed"


def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    write_archive(tmp_path, [record("1", "hello"), record("2", "world")])
    TwitterArchiveLoader(tmp_path).load()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    documents = TwitterArchiveLoader(tmp_path).lazy_load()
    next(documents)
    assert isinstance(documents, Generator)
    documents.close()  # a caller that stops early
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_threads_follow_user_ids_not_stale_or_missing_screen_names(tmp_path: Path) -> None:
    stale = self_reply("11", "10", "renamed since")
    stale["in_reply_to_screen_name"] = "old_name"
    unnamed = self_reply("12", "11", "no screen name")
    del unnamed["in_reply_to_screen_name"]
    write_archive(tmp_path, [record("10", "root"), stale, unnamed])
    (doc,) = TwitterArchiveLoader(tmp_path).load()
    assert doc.metadata["tweet_ids"] == "10,11,12"


def test_reply_keeps_its_leading_mentions_display_text_range_is_not_used(tmp_path: Path) -> None:
    # archives always say display_text_range ["0", len]: the mention stays part of the text
    reply = record(
        "5", "@skgsergio sí, eso", in_reply_to_user_id_str="57904811", display_text_range=["0", "18"]
    )
    write_archive(tmp_path, [reply])
    (doc,) = TwitterArchiveLoader(tmp_path).load()
    assert (doc.page_content, doc.metadata["kind"], doc.metadata["is_reply"]) == (
        "@skgsergio sí, eso",
        "reply",
        True,
    )
