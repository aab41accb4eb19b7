"""The loader on the three real archives, against facts found by reading the raw files (grep / json).

alrocar-2024: 1223 records in data/tweets.js (manifest count 1223), of which 5 are older versions of edited
tweets (edit_info.edit / initial pairs), 41 notes, 102 self-reply chains covering 515 tweets, the longest
22 tweets from 1579814683803910144. ajitg25-2025: 335 tweets, 1 note, 2 deleted tweets, one 2-tweet thread.
dsajgiouawj-2020: old data/tweet.js, 1163 tweets, 1071 with lang "ja", 81 chains covering 192 tweets.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from langchain_core.documents import Document

from rag.documents.loader import TwitterArchiveLoader

ALROCAR_THREAD = [
    "1579814683803910144",
    "1579814689827360768",
    "1579814695464497153",
    "1579814700929650689",
    "1579814706751344640",
    "1579814712921194496",
    "1579814720584179712",
    "1579814729488666625",
    "1579814737168457728",
    "1579814743589941248",
    "1579814750757990402",
    "1579814757238190082",
    "1579814764200734721",
    "1579814771247153158",
    "1579814777924509696",
    "1579814784220135425",
    "1579814790847135744",
    "1579814797088280581",
    "1579814803035820033",
    "1579814808492605441",
    "1579814811898384386",
    "1579837072432844800",
]

ALROCAR_NOTE = (
    "Data engineers, say goodbye to manual tests! Tinybird automates them for you.\n\n"
    "Regression tests are like our safety net, catching issues before they impact production and they are "
    "now part of the data project CI workflow, so you don't even have to remember to run them ✅\n\n"
    "Check it out 👇"
)
AJITG25_NOTE = (
    "@BeautyofIndia9 Banaras, a holy city in Uttar Pradesh known for its deep spiritual and religious "
    "importance.\nIt sits along the sacred River Ganga and is home to famous places like the Kashi "
    "Vishwanath Temple.\nIts ghats, especially Dashashwamedh and Assi, are known for prayers, rituals, "
    "and the beautiful Ganga Aarti.🙏"
)


def load(path: Path, *, include_deleted: bool = False) -> tuple[TwitterArchiveLoader, list[Document]]:
    loader = TwitterArchiveLoader(path, include_deleted=include_deleted)
    return loader, loader.load()


def covering(docs: list[Document], tweet_id: str) -> list[Document]:
    return [d for d in docs if tweet_id in str(d.metadata["tweet_ids"]).split(",")]


@pytest.fixture(scope="module")
def alrocar(archives_dir: Path) -> tuple[TwitterArchiveLoader, list[Document]]:
    return load(archives_dir / "alrocar-2024")


def test_alrocar_counts(alrocar: tuple[TwitterArchiveLoader, list[Document]]) -> None:
    loader, docs = alrocar
    report = loader.report
    assert report.records_read == 1223
    assert report.edits_superseded == 5
    assert report.tweets_read == 1218
    assert report.long_posts == 41 and report.notes_unmatched == 0
    assert (report.threads, report.tweets_in_threads) == (102, 515)
    assert report.tweet_kinds["retweet"] == 12
    assert report.warnings == [] and report.skipped == []  # manifest counts agree
    assert (report.account_id, report.screen_name) == ("52338276", "alrocar")
    assert report.newest_created_at == "2024-11-09T12:14:18+00:00"
    assert loader.newest_ts == 1731154458
    ids = [d.id for d in docs]
    assert len(ids) == len(set(ids))


def test_alrocar_22_tweet_thread_in_order(alrocar: tuple[TwitterArchiveLoader, list[Document]]) -> None:
    _, docs = alrocar
    thread = [d for d in docs if str(d.id).startswith("1579814683803910144#")]
    assert thread and all(d.metadata["kind"] == "thread" for d in thread)
    # chunks overlap, so a tweet at a chunk boundary is named by both chunks
    ids = list(dict.fromkeys(i for d in thread for i in str(d.metadata["tweet_ids"]).split(",")))
    assert ids == ALROCAR_THREAD
    assert thread[0].page_content.startswith("My recipe to learning data engineering for the last 10 years")
    # the 22nd tweet is a bare t.co link to one of alrocar's own tweets: expanded
    assert thread[-1].page_content.endswith("https://twitter.com/alrocar/status/1579835487627661313")
    seventh = covering(thread, "1579814720584179712")[-1]
    offsets = dict(
        zip(
            str(seventh.metadata["tweet_ids"]).split(","),
            str(seventh.metadata["tweet_offsets"]).split(","),
            strict=True,
        )
    )
    assert seventh.page_content[int(offsets["1579814720584179712"]) :].startswith("6-7/40 - Manhattan Airbnb")


def test_alrocar_long_post_and_edit(alrocar: tuple[TwitterArchiveLoader, list[Document]]) -> None:
    _, docs = alrocar
    (note_doc,) = covering(docs, "1712845356000485462")
    assert note_doc.page_content.startswith(ALROCAR_NOTE)
    assert "https://twitter.com/tinybirdco/status/1712831962212077889" in note_doc.page_content
    assert note_doc.metadata["is_long"] is True
    assert covering(docs, "1830570458221064378") == []  # first version of an edited tweet
    (edited,) = covering(docs, "1830581129021431838")
    assert "TIL: FindItFaster" in edited.page_content


def test_ajitg25_deleted_tweets_left_out_by_default_and_marked_when_asked(archives_dir: Path) -> None:
    loader, docs = load(archives_dir / "ajitg25-2025")
    assert loader.report.tweets_read == 335
    assert loader.report.deleted_left_out == 2
    assert covering(docs, "1992836646023413808") == []
    with_deleted, docs = load(archives_dir / "ajitg25-2025", include_deleted=True)
    assert with_deleted.report.tweets_read == 337
    (deleted,) = covering(docs, "1992836646023413808")
    assert deleted.page_content == "@ohhanxiety Lata Mangeshkar 🫡"
    assert deleted.metadata["is_deleted"] is True
    (other,) = covering(docs, "1995087998342631824")
    assert (
        other.page_content == "@sankii_memer Pls someone but for me🙋"
        and other.metadata["is_deleted"] is True
    )


def test_ajitg25_note_and_thread(archives_dir: Path) -> None:
    loader, docs = load(archives_dir / "ajitg25-2025")
    (note_doc,) = covering(docs, "1995717789903192574")
    assert note_doc.page_content == AJITG25_NOTE
    assert note_doc.metadata["kind"] == "reply"
    (thread,) = [d for d in docs if d.metadata["kind"] == "thread"]
    assert thread.metadata["tweet_ids"] == "1995506586979328161,1995509118371848485"
    assert loader.report.screen_name == "ranigupta_20"


def test_dsajgiouawj_old_tweet_js_japanese_text(archives_dir: Path) -> None:
    loader, docs = load(archives_dir / "dsajgiouawj-2020")
    report = loader.report
    assert report.archive_format == "tweet.js"
    assert report.tweets_read == 1163 and report.warnings == []
    assert (report.threads, report.tweets_in_threads) == (81, 192)
    assert report.tweet_kinds["retweet"] == 29
    assert report.newest_created_at == "2020-10-15T02:53:02+00:00"
    (score,) = covering(docs, "844454048556355584")
    assert (score.page_content, score.metadata["lang"]) == ("57点", "ja")
    assert score.metadata["created_at"] == "2017-03-22T07:41:49+00:00"
    (code,) = covering(docs, "1061245741371285504")
    assert code.page_content == (
        "for(int t=299;t>0;++t)となってたから--tに直したら通ったけどなんでTLEを吐かないの "
        "https://twitter.com/E31415926/status/1061215895677091840"
    )
    (retweet,) = covering(docs, "1243537839578644485")
    assert retweet.page_content.endswith("スマートフォンからご参加いただけます！…")
    assert retweet.metadata["is_retweet"] is True


def test_zip_gives_the_same_documents_as_the_folder(archives_dir: Path, tmp_path: Path) -> None:
    folder = archives_dir / "alrocar-2024"
    zip_path = tmp_path / "twitter-2024-11-16.zip"
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for file in sorted((folder / "data").iterdir()):
            zf.write(file, f"data/{file.name}")
    _, from_folder = load(folder)
    _, from_zip = load(zip_path)
    assert len(from_zip) == len(from_folder)
    assert [(d.id, d.page_content, d.metadata) for d in from_zip] == [
        (d.id, d.page_content, d.metadata) for d in from_folder
    ]
