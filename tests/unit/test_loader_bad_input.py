"""Bad input: a one-line ArchiveError that names the file and says what to do, or a counted skip."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

import pytest

from rag.archive.reader import read_archive
from rag.documents.loader import TwitterArchiveLoader
from rag.errors import ArchiveError
from tests.unit.loader_archives import record, write_archive


def one_line(error: pytest.ExceptionInfo[ArchiveError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    return message


def zipped(folder: Path, zip_path: Path) -> Path:
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for file in sorted((folder / "data").iterdir()):
            zf.write(file, f"data/{file.name}")
    return zip_path


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError) as error:
        read_archive(tmp_path / "nope.zip")
    assert "does not exist" in one_line(error)


def test_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "holiday.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not a zip")
    with pytest.raises(ArchiveError) as error:
        read_archive(path)
    message = one_line(error)
    assert "holiday.png is not a Twitter/X archive" in message and "pass the archive zip" in message


def test_folder_without_tweets(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    with pytest.raises(ArchiveError) as error:
        read_archive(tmp_path)
    assert "no tweets found" in one_line(error) and "data/tweets.js" in str(error.value)


def test_folder_holding_the_zip_points_at_it(tmp_path: Path) -> None:
    (tmp_path / "twitter-2024-11-16-abc.zip").write_bytes(b"PK")
    with pytest.raises(ArchiveError) as error:
        read_archive(tmp_path)
    assert "pass twitter-2024-11-16-abc.zip itself" in one_line(error)


def test_truncated_zip(tmp_path: Path) -> None:
    source = write_archive(tmp_path / "src", [record(str(i), f"tweet number {i}") for i in range(1, 50)])
    whole = zipped(source, tmp_path / "whole.zip").read_bytes()
    truncated = tmp_path / "twitter-2024.zip"
    truncated.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ArchiveError) as error:
        read_archive(truncated)
    message = one_line(error)
    assert (
        "twitter-2024.zip is not a readable zip file" in message and "download the archive again" in message
    )


def test_corrupt_zip_member(tmp_path: Path) -> None:
    source = write_archive(tmp_path / "src", [record(str(i), f"tweet number {i} " * 5) for i in range(1, 50)])
    path = zipped(source, tmp_path / "corrupt.zip")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("data/tweets.js")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start : start + 40] = b"\x00" * 40  # damage the compressed bytes, keep the directory intact
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveError) as error:
        read_archive(path)
    message = one_line(error)
    assert "data/tweets.js is corrupt" in message and "download the archive again" in message


def test_part_that_is_not_valid_json_names_file_and_line(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "fine")])
    (tmp_path / "data" / "tweets-part1.js").write_text(
        'window.YTD.tweets.part1 = [\n  {\n    "tweet" : {\n      "id_str" : "2",\n', encoding="utf-8"
    )
    with pytest.raises(ArchiveError) as error:
        read_archive(tmp_path)
    message = one_line(error)
    assert "data/tweets-part1.js is damaged" in message
    assert "line 4" in message  # the last line: the file ends inside a record
    assert "remove that file" in message


def test_damaged_only_tweet_file_is_not_offered_for_removal(tmp_path: Path) -> None:
    write_archive(tmp_path, [record("1", "fine")])
    (tmp_path / "data" / "tweets.js").write_text("window.YTD.tweets.part0 = [\n  {\n", encoding="utf-8")
    with pytest.raises(ArchiveError) as error:
        read_archive(tmp_path)
    message = one_line(error)
    assert "data/tweets.js is damaged" in message and "download the archive again" in message
    assert "remove that file" not in message  # nothing would be left to index


def test_empty_tweets_file_reads_no_tweets_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_archive(tmp_path, [])
    with caplog.at_level(logging.WARNING):
        result = read_archive(tmp_path)
    assert result.tweets == [] and result.report.skipped == []
    assert "the archive holds no tweets" in caplog.text


def test_missing_manifest_is_a_warning_and_tweets_still_load(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_archive(tmp_path, [record("1", "fine")], with_manifest=False)
    with caplog.at_level(logging.WARNING):
        result = read_archive(tmp_path)
    assert [t.id for t in result.tweets] == ["1"]
    assert "no data/manifest.js" in caplog.text
    assert result.account.screen_name is None
    assert "x.com/i/status/1" in TwitterArchiveLoader(tmp_path).load()[0].metadata["url"]


def test_empty_archive_is_a_warning_with_no_documents(tmp_path: Path) -> None:
    write_archive(tmp_path, [])
    loader = TwitterArchiveLoader(tmp_path)
    assert loader.load() == []
    assert any("holds no tweets" in w for w in loader.report.warnings)
    assert loader.newest_ts is None


def test_bad_records_are_skipped_counted_and_named(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    no_text = record("2", "x")
    del no_text["full_text"]
    bad_date = record("3", "when?", created_at="someday")
    float_id = {"tweet": {"id": 1.8541120132901523e18, "full_text": "float id", "created_at": "2024-11-05"}}
    items = [{"tweet": record("1", "good")}, {"tweet": no_text}, {"tweet": bad_date}, float_id, "junk"]
    write_archive(tmp_path, [])
    (tmp_path / "data" / "tweets.js").write_text(
        "window.YTD.tweets.part0 = " + json.dumps(items, indent=2), encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        result = read_archive(tmp_path)
    assert [t.id for t in result.tweets] == ["1"]
    skipped = {(s.file, s.position): s.reason for s in result.report.skipped}
    assert set(skipped) == {
        ("data/tweets.js", 2),
        ("data/tweets.js", 3),
        ("data/tweets.js", 4),
        ("data/tweets.js", 5),
    }
    assert "no text" in skipped[("data/tweets.js", 2)]
    assert "date" in skipped[("data/tweets.js", 3)]
    assert "lost precision" in skipped[("data/tweets.js", 4)]
    assert "data/tweets.js record 2: tweet 2: no text" in caplog.text
    assert "skipped" in caplog.text


def test_bad_jsonl_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl"
    path.write_text(
        '{"id": "1", "text": "ok", "created_at": "2024-11-05T13:24:09Z"}\n{"id": "2", "text": \n',
        encoding="utf-8",
    )
    result = read_archive(path)
    assert [t.id for t in result.tweets] == ["1"]
    assert [(s.file, s.position) for s in result.report.skipped] == [("tweets.jsonl", 2)]


def test_chunk_size_that_does_not_fit_the_model_fails_early() -> None:
    from rag.errors import ConfigError

    with pytest.raises(ConfigError, match="all-minilm"):
        TwitterArchiveLoader("whatever", embed_model="all-minilm", chunk_tokens=4096)


def test_part_listed_in_the_manifest_but_missing_is_an_error(tmp_path: Path) -> None:
    from tests.unit.loader_archives import manifest

    write_archive(tmp_path, [record("1", "fine")])
    (tmp_path / "data" / "manifest.js").write_text(
        manifest({"tweets": [("data/tweets.js", 1), ("data/tweets-part1.js", 4000)]}), encoding="utf-8"
    )
    with pytest.raises(ArchiveError) as error:
        read_archive(tmp_path)
    message = one_line(error)
    assert "data/tweets-part1.js with 4000 tweets but the file is missing" in message
    assert "unzip it again" in message
