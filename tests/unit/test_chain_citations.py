"""Citations: numbers outside the context are dropped (whole text and streamed), cited tweets in order."""

from __future__ import annotations

import pytest

from chains.citations import CitationFilter, cited_numbers, cited_tweets, clean_citations
from chains.context import expand_documents
from tests.unit.retrieval_fixtures import DOCUMENTS

CASES = [
    ("You did [1].", "You did [1]."),
    ("You did [1][7].", "You did [1]."),
    ("Twice [1, 2] and [2; 9].", "Twice [1, 2] and [2]."),
    ("Nothing [12] here", "Nothing  here"),
    ("Not a citation [a] or [1-2] or [", "Not a citation [a] or [1-2] or ["),
    ("trailing [3", "trailing [3"),
]


@pytest.mark.parametrize(("raw", "cleaned"), CASES)
def test_clean_citations(raw: str, cleaned: str) -> None:
    assert clean_citations(raw, {1, 2, 3}) == cleaned


@pytest.mark.parametrize(("raw", "cleaned"), CASES)
@pytest.mark.parametrize("size", [1, 2, 5])
def test_streamed_filter_gives_the_same_text(raw: str, cleaned: str, size: int) -> None:
    citations = CitationFilter({1, 2, 3})
    out = "".join(citations.feed(raw[i : i + size]) for i in range(0, len(raw), size)) + citations.flush()
    assert out == cleaned


def test_cited_tweets_in_order_of_first_citation() -> None:
    tweets = expand_documents(DOCUMENTS[:3])
    answer = "First [3], then [1][3] and [8]."
    assert cited_numbers(answer) == [3, 1, 8]
    assert [t.tweet_id for t in cited_tweets(answer, tweets)] == ["1003", "1001"]
