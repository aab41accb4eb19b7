"""The evaluation sets, and running every search type over them against an existing index.

Two sets, each a QA file over its own real corpus, indexed into its own collection of the evaluation index:

- `rtweet`: `tests/eval/qa.jsonl`, corpus from `scripts/fetch_real_tweets.py` (r-cran-rtweet recordings and
  two fixture archives), collection `eval`;
- `ikiwiki`: `tests/eval/ikiwiki_qa.jsonl`, corpus from `scripts/fetch_changelog_posts.py` (ikiwiki's Debian
  changelog as posts), collection `eval_ikiwiki`.
The corpora are fetched at evaluation time and never committed.

`evaluate_items` asks every question of one set with each search type (`similarity`, `mmr`, `hybrid` from
`rag.search.retrieval`, and `bm25`: the lexical index alone, with the same date handling) and keeps, per
question, the first hit's rank and the abstention rule's effective relevance (its score over best
relevance, margin and absent share in relevance units: what the retriever's rule compares with its
threshold). Retrievers are built with abstention off,
so abstention is scored afterwards at any threshold.
Query embeddings are cached (in memory, and on disk with `cache_dir`), so each question is embedded once per
model however many search types or runs ask it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from devtools.evaluation import QAItem, QuestionResult, run_questions
from rag.search.abstention import AbstentionRule
from rag.search.retrieval import abstention_rule
from rag.settings import SEARCH_TYPES, SearchType, Settings

ROOT = Path(__file__).resolve().parent.parent
BM25 = "bm25"
ALL_SEARCHES: tuple[str, ...] = (*SEARCH_TYPES, BM25)
NEVER_ABSTAIN = float("-inf")  # rank every question; abstention is scored afterwards against a threshold


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set: its QA file, the script that fetches its corpus, and its collection."""

    name: str
    qa: Path
    fetch_script: Path
    collection: str
    corpus: str


SETS: tuple[EvalSet, ...] = (
    EvalSet(
        "rtweet",
        ROOT / "tests" / "eval" / "qa.jsonl",
        ROOT / "scripts" / "fetch_real_tweets.py",
        "eval",
        "Debian r-cran-rtweet test recordings (~2,200 tweets, 2013-2023) + fixture archives ajitg25, alrocar",
    ),
    EvalSet(
        "ikiwiki",
        ROOT / "tests" / "eval" / "ikiwiki_qa.jsonl",
        ROOT / "scripts" / "fetch_changelog_posts.py",
        "eval_ikiwiki",
        "Debian ikiwiki changelog.Debian.gz split into 2,219 dated posts (2006-2020, mostly Joey Hess)",
    ),
)


def eval_set(name: str) -> EvalSet:
    """The set called `name`."""
    for candidate in SETS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


class CachedEmbeddings(Embeddings):
    """Embeddings that remember query vectors (in memory, and in a JSON file per model when given one)."""

    def __init__(self, inner: Embeddings, cache_file: Path | None = None) -> None:
        self._inner = inner
        self._file = cache_file
        self._vectors: dict[str, list[float]] = {}
        self._dirty = False
        if cache_file is not None and cache_file.is_file():
            try:
                self._vectors = dict(json.loads(cache_file.read_text(encoding="utf-8")))
            except (json.JSONDecodeError, TypeError, ValueError):
                self._vectors = {}

    def embed_query(self, text: str) -> list[float]:
        """The query's vector, computed once."""
        vector = self._vectors.get(text)
        if vector is None:
            vector = list(self._inner.embed_query(text))
            self._vectors[text] = vector
            self._dirty = True
        return vector

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Documents are not cached (the evaluation never embeds documents)."""
        return self._inner.embed_documents(texts)

    def save(self) -> None:
        """Write new vectors to the cache file, if there is one."""
        if self._file is not None and self._dirty:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            self._file.write_text(json.dumps(self._vectors), encoding="utf-8")
            self._dirty = False


RetrieverFactory = Callable[[Settings, Any, Any, str, int], Any]


def default_factory(settings: Settings, vector_store: Any, lexical_index: Any, search: str, k: int) -> Any:
    """`rag.search.retrieval.build_retriever` with abstention off (what the evaluation scores)."""
    from rag.search.retrieval import build_retriever

    return build_retriever(
        settings, vector_store, lexical_index, search=cast(SearchType, search), k=k, threshold=NEVER_ABSTAIN
    )


class _Run:
    """Ask one retriever; remember the abstention rule's effective relevance for each question.

    That is the rule's score in relevance units (`AbstentionRule.effective_relevance`): the rule abstains
    exactly when it is below the rule's `relevance_threshold`.
    """

    def __init__(self, retriever: Any, rule: AbstentionRule) -> None:
        self._retriever = retriever
        self._rule = rule
        self._best: dict[str, float | None] = {}

    def documents(self, question: str) -> list[Document]:
        result = self._retriever.retrieve(question)
        # A hybrid search whose best BM25 hit has an exact @handle / #hashtag of the question never abstains.
        if result.exact_tag_match:
            self._best[question] = float("inf")
        else:
            self._best[question] = self._rule.effective_relevance(result.features)
        return list(result.documents)

    def best(self, question: str, documents: Sequence[Document]) -> float | None:
        return self._best.get(question)


class _Bm25Run:
    """The lexical index alone: the question's dates become a filter (as the retriever plans them)."""

    def __init__(self, planner: Any, lexical_index: Any, vector_store: Any, k: int) -> None:
        self._planner = planner
        self._lexical = lexical_index
        self._store = vector_store
        self._k = k

    def documents(self, question: str) -> list[Document]:
        query, where = self._planner.plan(question)
        hits = self._lexical.search(query, self._k, where=where)
        ids = [doc_id for doc_id, _score in hits]
        found = {str(document.id): document for document in self._store.get_by_ids(ids)} if ids else {}
        return [found[doc_id] for doc_id in ids if doc_id in found]

    def best(self, question: str, documents: Sequence[Document]) -> float | None:
        return None  # BM25 scores are not cosine similarities: no abstention for BM25 alone


def open_index(settings: Settings, embeddings: Embeddings) -> tuple[Any, Any]:
    """The vector store and lexical index of the collection the settings name."""
    from rag.indexing.lexical import LexicalIndex
    from rag.indexing.store import open_vector_store

    vector_store = open_vector_store(settings, embeddings)
    lexical_index = LexicalIndex.load(settings.lexical_dir, settings.collection)
    return vector_store, lexical_index


def evaluate_items(
    settings: Settings,
    items: Sequence[QAItem],
    searches: Sequence[str],
    *,
    k: int = 10,
    embeddings: Embeddings,
    factory: RetrieverFactory = default_factory,
) -> tuple[dict[str, list[QuestionResult]], dict[str, float]]:
    """Every search type's results over `items` on the settings' collection, and the seconds each took."""
    vector_store, lexical_index = open_index(settings, embeddings)
    results: dict[str, list[QuestionResult]] = {}
    seconds: dict[str, float] = {}
    for search in searches:
        if search == BM25:
            planner = factory(settings, vector_store, lexical_index, "similarity", k)
            run: _Run | _Bm25Run = _Bm25Run(planner, lexical_index, vector_store, k)
        else:
            run = _Run(factory(settings, vector_store, lexical_index, search, k), abstention_rule(settings))
        started = time.perf_counter()
        results[search] = run_questions(items, run.documents, run.best, k=k)
        seconds[search] = round(time.perf_counter() - started, 2)
    return results, seconds


def by_split(items: Sequence[QAItem]) -> Mapping[str, list[QAItem]]:
    """The items of each split present (`heldout`, `tuning`), or all under `all` when none has a split."""
    halves: dict[str, list[QAItem]] = {}
    for item in items:
        halves.setdefault(item.split or "all", []).append(item)
    return {name: halves[name] for name in ("heldout", "tuning", "all") if name in halves}
