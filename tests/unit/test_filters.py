"""Filter: Chroma where-dicts select exactly what `matches` selects, on a real Chroma in tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chromadb
import pytest

from rag.filters import Filter, intersect_ranges

# 2016-01-01T00:00:00Z = 1451606400, 2017-01-01 = 1483228800, 2018-01-01 = 1514764800
DOCS: dict[str, dict[str, Any]] = {
    "t2015": {"created_ts": 1420070400, "is_retweet": False, "is_reply": False, "is_deleted": False},
    "t2016a": {"created_ts": 1451606400, "is_retweet": False, "is_reply": False, "is_deleted": False},
    "rt2016": {"created_ts": 1470000000, "is_retweet": True, "is_reply": False, "is_deleted": False},
    "re2016": {"created_ts": 1483228799, "is_retweet": False, "is_reply": True, "is_deleted": False},
    "t2017": {"created_ts": 1483228800, "is_retweet": False, "is_reply": False, "is_deleted": True},
    "re2018": {"created_ts": 1514764800, "is_retweet": False, "is_reply": True, "is_deleted": False},
    "noflags": {"created_ts": 1460000000},
    "nots": {"is_retweet": False, "is_reply": False},
}

CASES: list[tuple[Filter, set[str]]] = [
    (Filter(), set(DOCS)),
    (Filter(since_ts=1451606400), {"t2016a", "rt2016", "re2016", "t2017", "re2018", "noflags"}),
    (Filter(until_ts=1451606400), {"t2015"}),
    (
        Filter(since_ts=1451606400, until_ts=1483228800),
        {"t2016a", "rt2016", "re2016", "noflags"},
    ),
    (Filter(retweets="exclude"), set(DOCS) - {"rt2016"}),
    (Filter(retweets="only"), {"rt2016"}),
    (Filter(replies="only"), {"re2016", "re2018"}),
    (Filter(replies="exclude", retweets="exclude"), {"t2015", "t2016a", "t2017", "noflags", "nots"}),
    (Filter(deleted="exclude"), set(DOCS) - {"t2017"}),
    (
        Filter(since_ts=1451606400, until_ts=1514764800, replies="exclude", retweets="exclude"),
        {"t2016a", "t2017", "noflags"},
    ),
    (Filter(since_ts=1483228800, until_ts=1451606400), set()),
    # Unions of ranges: 2016-01-01 to just after noflags, and the first second of 2017.
    (Filter(within=((1451606400, 1460000001), (1483228800, 1483228801))), {"t2016a", "noflags", "t2017"}),
    (Filter(within=((1483228800, 1483228801), (1451606400, 1460000001))), {"t2016a", "noflags", "t2017"}),
    (
        Filter(since_ts=1460000000, within=((1451606400, 1460000001), (1483228800, 1483228801))),
        {"noflags", "t2017"},
    ),
    (Filter(within=((1470000000, 1483228800),), retweets="exclude"), {"re2016"}),
    (Filter(within=()), set()),
]


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path: Path = tmp_path_factory.mktemp("chroma")
    client = chromadb.PersistentClient(path=str(path))
    col = client.create_collection("filters", metadata={"hnsw:space": "cosine"})
    ids = list(DOCS)
    col.add(
        ids=ids,
        embeddings=[[1.0, float(i)] for i in range(len(ids))],
        metadatas=[DOCS[i] for i in ids],
        documents=ids,
    )
    return col


@pytest.mark.parametrize(("flt", "expected"), CASES)
def test_matches_selects_expected(flt: Filter, expected: set[str]) -> None:
    assert {doc_id for doc_id, meta in DOCS.items() if flt.matches(meta)} == expected


@pytest.mark.parametrize(("flt", "expected"), CASES)
def test_chroma_where_selects_the_same(collection: Any, flt: Filter, expected: set[str]) -> None:
    where = flt.to_chroma_where()
    got = collection.get(where=where)["ids"] if where is not None else collection.get()["ids"]
    assert set(got) == expected


def test_chroma_where_in_query_too(collection: Any) -> None:
    flt = Filter(since_ts=1451606400, until_ts=1483228800, retweets="exclude")
    result = collection.query(query_embeddings=[[1.0, 0.0]], n_results=8, where=flt.to_chroma_where())
    assert set(result["ids"][0]) == {"t2016a", "re2016", "noflags"}


def test_where_shapes() -> None:
    assert Filter().to_chroma_where() is None
    assert Filter().is_empty
    assert Filter(since_ts=5).to_chroma_where() == {"created_ts": {"$gte": 5}}
    assert Filter(since_ts=5, until_ts=9).to_chroma_where() == {
        "$and": [{"created_ts": {"$gte": 5}}, {"created_ts": {"$lt": 9}}]
    }
    assert Filter(retweets="only").to_chroma_where() == {"is_retweet": {"$eq": True}}


def test_merged_intersects_ranges_and_combines_switches() -> None:
    a = Filter(since_ts=100, until_ts=500, retweets="exclude")
    b = Filter(since_ts=200, until_ts=900, replies="only")
    assert a.merged(b) == Filter(since_ts=200, until_ts=500, retweets="exclude", replies="only")
    assert a.merged(None) == a
    assert Filter().merged(b) == b
    with pytest.raises(ValueError, match="retweets"):
        a.merged(Filter(retweets="only"))


def test_within_is_sorted_and_merged() -> None:
    flt = Filter(within=((50, 60), (10, 20), (15, 30), (30, 40), (70, 70)))
    assert flt.within == ((10, 40), (50, 60))
    assert Filter(within=[[5, 9]]).within == ((5, 9),)  # type: ignore[list-item]
    assert Filter(within=((1, 2),)).to_chroma_where() == {
        "$and": [{"created_ts": {"$gte": 1}}, {"created_ts": {"$lt": 2}}]
    }
    assert Filter(within=((1, 2), (5, 9))).to_chroma_where() == {
        "$or": [
            {"$and": [{"created_ts": {"$gte": 1}}, {"created_ts": {"$lt": 2}}]},
            {"$and": [{"created_ts": {"$gte": 5}}, {"created_ts": {"$lt": 9}}]},
        ]
    }
    assert not Filter(within=()).is_empty


def test_merged_intersects_within() -> None:
    a = Filter(within=((0, 10), (20, 30)))
    b = Filter(since_ts=5, within=((8, 25),))
    assert a.merged(b) == Filter(since_ts=5, within=((8, 10), (20, 25)))
    assert a.merged(Filter(since_ts=3)) == Filter(since_ts=3, within=a.within)
    assert Filter().merged(a) == a
    assert intersect_ranges(((0, 10),), ((10, 20),)) == ()


def test_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="replies"):
        Filter(replies="never")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="since_ts"):
        Filter(since_ts="2019")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="within"):
        Filter(within=((1, "2"),))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="within"):
        Filter(within=((1, 2, 3),))  # type: ignore[arg-type]


# 2019-01-01 = 1546300800, 2020-01-01 = 1577836800, 2021-01-01 = 1609459200, 2022-01-01 = 1640995200
@pytest.mark.parametrize(
    ("bounds", "nothing", "words"),
    [
        (Filter(), False, "any date"),
        (Filter(since_ts=1546300800, until_ts=1577836800), False, "2019-01-01 to 2019-12-31"),
        (Filter(since_ts=1640995200), False, "from 2022-01-01 on"),
        (Filter(until_ts=1577836800), False, "up to 2019-12-31"),
        (Filter(since_ts=1577836800, until_ts=1577836800), True, "2020-01-01 to 2019-12-31"),
        (Filter(since_ts=1640995200, until_ts=1546300800), True, "2022-01-01 to 2018-12-31"),
        (Filter(since_ts=1609459200, within=((1546300800, 1577836800),)), True, "from 2021-01-01 on"),
        (Filter(until_ts=1609459200, within=((1546300800, 1577836800),)), False, "up to 2020-12-31"),
        (Filter(within=()), True, "any date"),
    ],
)
def test_admits_no_time_and_the_bounds_in_words(bounds: Filter, nothing: bool, words: str) -> None:
    assert bounds.admits_no_time is nothing
    assert bounds.describe_time() == words


def test_date_flags_the_wrong_way_round_are_an_error_that_says_what_to_do() -> None:
    from rag.errors import FilterError
    from rag.filters import check_date_flags

    check_date_flags(1546300800, 1577836800, "2019", "2019")  # all of 2019: fine
    check_date_flags(None, 1546300800, None, "2018")
    with pytest.raises(FilterError) as error:
        check_date_flags(1704067200, 1577836800, "2024", "2019")
    assert str(error.value) == (
        "--since 2024 is after --until 2019, so no tweet can match both: swap them, or drop one of them"
    )
    with pytest.raises(FilterError, match=r'^"since" 2020 is after "until" 2019, '):
        check_date_flags(1577836800, 1577836800, "2020", "2019", ('"since"', '"until"'))
