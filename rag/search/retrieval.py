"""Retrievers for questions: dense similarity (cosine), MMR, and hybrid (dense + BM25 by reciprocal rank).

One factory, `build_retriever(settings, vector_store, lexical_index, ...)`, returns a LangChain
`BaseRetriever`. Each question gets a `rag.filters.Filter`: the explicit bounds and retweet / reply switches
given to the factory, intersected with the date range the question names ("in 2019", "last year", from
`rag.search.dates`); the same filter applies to both sides: the lexical index checks it itself
and selects the allowed documents for the dense side (Chroma's `where` scan takes 0.3-0.6 s at 100,000
tweets; see `TweetRetriever._query`). The date words are taken out of the text that is searched. Hybrid
fusion puts the documents containing an @handle or #hashtag the question names first. Abstention: when
the best dense relevance (cosine similarity, 1 - cosine distance) is below the threshold, the retriever
returns no documents (hybrid search makes one exception: its best BM25 hit contains an @handle or
#hashtag the question names). The threshold is `RELEVANCE_THRESHOLD` when set, else the calibrated default
of the embedding model in `CALIBRATED_THRESHOLDS` below (calibrated on the evaluation set by
`scripts/eval_retrieval.py`).
Every returned document carries `relevance` (cosine similarity, when the dense side saw it) in its metadata.
"""

from __future__ import annotations

import calendar
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.vectorstores.utils import maximal_marginal_relevance
from pydantic import ConfigDict, PrivateAttr

from rag.errors import ConfigError, IndexStoreError
from rag.filters import Filter, KindMode
from rag.indexing.tokenizer import tagged_tokens, tokenize
from rag.search.dates import parse_date_range
from rag.settings import SEARCH_TYPES, SearchType, Settings

logger = logging.getLogger(__name__)

# Minimum cosine similarity of the best tweet, per embedding model (name without tag), below which the
# chain abstains; RELEVANCE_THRESHOLD wins. all-minilm is calibrated on tests/eval/qa.jsonl with
# `scripts/run_eval.py` (--calibrate: most no-answer questions abstained on with at most 5% false
# abstention); nomic-embed-text is an uncalibrated guess (no real Ollama here). The stand-in's `hash-embed`
# vectors are not semantic and get no threshold.
CALIBRATED_THRESHOLDS: dict[str, float] = {
    "nomic-embed-text": 0.45,
    "all-minilm": 0.31,
}
# Models not in the table abstain only when nothing at all is found.
UNCALIBRATED_THRESHOLD = float("-inf")
RRF_K = 60
# Filtered dense search (see TweetRetriever._query): at most BRUTE_FORCE_LIMIT allowed documents are compared
# exactly; when at least POST_FILTER_SHARE of the collection passes, an unfiltered query is filtered
# afterwards; otherwise Chroma gets the allowed id list.
BRUTE_FORCE_LIMIT = 300
POST_FILTER_SHARE = 0.25
MMR_LAMBDA = 0.5


def calibrated_threshold(embed_model: str) -> float:
    """The calibrated relevance threshold of an embedding model (tags like `:latest` ignored)."""
    base_name = embed_model.split(":", 1)[0].rsplit("/", 1)[-1]
    return CALIBRATED_THRESHOLDS.get(base_name, UNCALIBRATED_THRESHOLD)


def relevance_threshold(settings: Settings) -> float:
    """`RELEVANCE_THRESHOLD` when set, else the calibrated default of `EMBED_MODEL`."""
    if settings.relevance_threshold is not None:
        return settings.relevance_threshold
    return calibrated_threshold(settings.embed_model)


_BOUND = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def date_bound(text: str, *, end: bool, flag: str = "--since") -> int:
    """Epoch seconds (UTC) of the start of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or with `end` of the next one.

    `--until 2019` therefore keeps all of 2019 (the filter's upper bound is exclusive).
    """
    match = _BOUND.match(text.strip())
    if match is None:
        raise ConfigError(f"{flag} {text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2) or 1)
    day = int(match.group(3) or 1)
    try:
        start = datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        raise ConfigError(f"{flag} {text!r} is not a real date: write YYYY, YYYY-MM or YYYY-MM-DD") from None
    if not end:
        return int(start.timestamp())
    if match.group(3):
        return int(start.timestamp()) + 86400
    if match.group(2):
        days = calendar.monthrange(year, month)[1]
        return int(start.timestamp()) + days * 86400
    return int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())


@dataclass(frozen=True)
class RetrievalResult:
    """What one search found, with what was needed to decide on abstention."""

    query: str
    documents: list[Document]
    filter: Filter
    best_relevance: float | None
    threshold: float
    abstained: bool
    exact_tag_match: bool = False


class TweetRetriever(BaseRetriever):
    """Dense, MMR or hybrid retrieval over the tweet index with per-question filters and abstention."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    vector_store: Any
    lexical_index: Any = None
    search_type: SearchType = "hybrid"
    k: int = 6
    fetch_k: int = 30
    threshold: float = UNCALIBRATED_THRESHOLD
    base_filter: Filter = Filter()
    dates_from_question: bool = True
    lambda_mult: float = MMR_LAMBDA
    rrf_k: int = RRF_K
    brute_force_limit: int = BRUTE_FORCE_LIMIT
    post_filter_share: float = POST_FILTER_SHARE
    _newest_ts: int | None = PrivateAttr(default=None)
    _newest_known: bool = PrivateAttr(default=False)
    _store_count: int | None = PrivateAttr(default=None)

    # ---- filters ----------------------------------------------------------------------------------
    def newest_ts(self) -> int | None:
        """The archive's newest `created_ts` (for "last year"), from the lexical index or the store."""
        if not self._newest_known:
            self._newest_known = True
            if self.lexical_index is not None and hasattr(self.lexical_index, "newest_ts"):
                self._newest_ts = self.lexical_index.newest_ts
            else:
                got = self.vector_store.get(include=["metadatas"])
                stamps = [m.get("created_ts") for m in got.get("metadatas") or [] if m]
                numbers = [int(s) for s in stamps if isinstance(s, int | float) and not isinstance(s, bool)]
                self._newest_ts = max(numbers) if numbers else None
        return self._newest_ts

    def plan(self, question: str) -> tuple[str, Filter]:
        """The text to search and the filter for a question (dates in it become a time range)."""
        if not self.dates_from_question or parse_date_range(question, None) is None:
            return question, self.base_filter
        found = parse_date_range(question, self.newest_ts())
        if found is None:
            return question, self.base_filter
        query = found.strip(question) or question
        logger.debug("question %r: searching %r in %s", question, query, found)
        return query, self.base_filter.merged(found.to_filter())

    # ---- searches -----------------------------------------------------------------------------------
    def _store_size(self) -> int:
        """Documents in the Chroma collection (counted once per retriever)."""
        if self._store_count is None:
            self._store_count = int(self.vector_store._collection.count())
        return self._store_count

    def _filter_by_lexical(self) -> bool:
        """Whether the lexical index can stand in for Chroma's `where` (it holds the same documents)."""
        index = self.lexical_index
        return index is not None and hasattr(index, "ids_matching") and len(index) == self._store_size()

    def _query(self, embedding: list[float], where: Filter, n: int, include: list[str]) -> dict[str, Any]:
        """Chroma's nearest `n` documents passing `where`, as {"ids": [...], "distances": [...], ...}.

        Chroma's own `where` scan is slow on large collections (0.3 to 0.6 s at 100,000 documents), and
        its `ids=` query is slow for short id lists, so a filter goes through the lexical index, which
        keeps the same metadata: up to `brute_force_limit` allowed documents are compared exactly here
        (their vectors fetched by id); when at least `post_filter_share` of the collection passes, the ids
        of an unfiltered query for about three times the neighbours needed (distances only, cheap) are
        filtered here (as approximate as an unfiltered query; when too few pass, the id list is used);
        otherwise Chroma is queried with the allowed id list (the same results as `where`, 5-10 times
        faster). Chroma's `where` is used only without a lexical index in step with the store.
        """
        collection = self.vector_store._collection
        chroma_where = where.to_chroma_where()
        empty: dict[str, Any] = {key: [] for key in ("ids", *include)}

        def run(n_results: int, fields: list[str], **options: Any) -> dict[str, Any]:
            raw = collection.query(
                query_embeddings=[embedding], n_results=n_results, include=fields, **options
            )
            return {key: raw[key][0] for key in ("ids", *fields)}

        if chroma_where is None:
            return run(n, include)
        if not self._filter_by_lexical():
            return run(n, include, where=chroma_where)
        allowed = self.lexical_index.count_matching(where)
        if allowed == 0:
            return empty
        if allowed <= self.brute_force_limit:
            ids = self.lexical_index.ids_matching(where)
            got = collection.get(ids=ids, include=["embeddings"])
            if len(got["ids"]) == len(ids):
                vectors = np.asarray(got["embeddings"], dtype=np.float32)
                query = np.asarray(embedding, dtype=np.float32)
                norms = np.linalg.norm(vectors, axis=1) * float(np.linalg.norm(query))
                distances = 1.0 - (vectors @ query) / np.where(norms == 0, 1.0, norms)
                order = np.argsort(distances, kind="stable")[:n]
                best = [str(got["ids"][i]) for i in order]
                return self._fetch(best, [float(distances[i]) for i in order], include)
        elif allowed >= self.post_filter_share * self._store_size():
            total = self._store_size()
            fetch = min(total, max(n * 4, math.ceil(n * total / allowed * 3)))
            nearest = run(fetch, ["distances"])
            distance_of = dict(zip(nearest["ids"], nearest["distances"], strict=True))
            passing = self.lexical_index.ids_passing(nearest["ids"], where)
            if len(passing) >= n or fetch == total:
                best = passing[:n]
                return self._fetch(best, [float(distance_of[i]) for i in best], include)
            logger.debug("%d of %d nearest pass %s: querying by id list", len(passing), fetch, where)
        ids = self.lexical_index.ids_matching(where)
        return run(min(n, len(ids)), include, ids=ids)

    def _fetch(self, ids: list[str], distances: list[float], include: list[str]) -> dict[str, Any]:
        """The `include` fields of `ids` (in that order) from Chroma, with the distances already known."""
        fields = [field for field in include if field != "distances"]
        got = self.vector_store._collection.get(ids=ids, include=fields) if ids else {}
        row = {doc_id: num for num, doc_id in enumerate(got.get("ids") or [])}
        kept = [i for i, doc_id in enumerate(ids) if doc_id in row]
        out: dict[str, Any] = {"ids": [ids[i] for i in kept], "distances": [distances[i] for i in kept]}
        for field in fields:
            values = got[field]
            out[field] = [values[row[ids[i]]] for i in kept]
        return out

    def _dense(self, query: str, where: Filter, n: int, *, with_vectors: bool) -> tuple[list[Document], Any]:
        embedding = self.vector_store.embeddings.embed_query(query)
        include = ["documents", "metadatas", "distances"] + (["embeddings"] if with_vectors else [])
        results = self._query(embedding, where, n, include)
        documents = []
        for doc_id, text, metadata, distance in zip(
            results["ids"], results["documents"], results["metadatas"], results["distances"], strict=True
        ):
            meta = dict(metadata or {})
            meta["relevance"] = round(1.0 - float(distance), 6)
            documents.append(Document(id=doc_id, page_content=text or "", metadata=meta))
        vectors = results["embeddings"] if with_vectors else None
        return documents, (embedding, vectors)

    def _fuse(
        self, dense: Sequence[Document], lexical: Sequence[tuple[str, float]], tags: Sequence[str] = ()
    ) -> list[Document]:
        """Reciprocal rank fusion of the dense and BM25 rankings; exact @handle / #hashtag hits first.

        When the question names tags, the candidates whose text contains one of them come before the
        others (RRF order within each group): RRF alone lets documents weakly present in both lists push
        out an exact match only BM25 found.
        """
        scores: dict[str, float] = {}
        for rank, document in enumerate(dense):
            scores[str(document.id)] = scores.get(str(document.id), 0.0) + 1.0 / (self.rrf_k + rank + 1)
        for rank, (doc_id, _score) in enumerate(lexical):
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (self.rrf_k + rank + 1)
        tagged = self.lexical_index.ids_containing(tags, scores) if tags else set()
        best = sorted(scores, key=lambda doc_id: (doc_id not in tagged, -scores[doc_id]))[: self.k]
        by_id: dict[str, Document] = {str(document.id): document for document in dense}
        missing = [doc_id for doc_id in best if doc_id not in by_id]
        if missing:
            for document in self.vector_store.get_by_ids(missing):
                by_id[str(document.id)] = document
        fused = []
        for doc_id in best:
            if doc_id in by_id:
                document = by_id[doc_id]
                document.metadata["rrf_score"] = round(scores[doc_id], 6)
                fused.append(document)
        return fused

    def _has_exact_tag(
        self, query: str, lexical: Sequence[tuple[str, float]], dense: Sequence[Document]
    ) -> bool:
        """Whether the best lexical hit contains an @handle / #hashtag the question names."""
        tags = tagged_tokens(tokenize(query))
        if not tags or not lexical:
            return False
        top_id = lexical[0][0]
        found = [d for d in dense if d.id == top_id] or self.vector_store.get_by_ids([top_id])
        return bool(found) and bool(set(tags) & set(tokenize(found[0].page_content)))

    def retrieve(self, question: str) -> RetrievalResult:
        """Search for a question and decide on abstention; the result says why.

        Hybrid search does not abstain when the best BM25 hit contains an @handle or #hashtag the
        question names (an exact match is evidence however low the dense relevance is).
        """
        query, where = self.plan(question)
        n = max(self.k, self.fetch_k) if self.search_type != "similarity" else self.k
        dense, (embedding, vectors) = self._dense(query, where, n, with_vectors=self.search_type == "mmr")
        best = max((float(d.metadata["relevance"]) for d in dense), default=None)
        lexical: list[tuple[str, float]] = []
        exact = False
        if self.search_type == "hybrid":
            lexical = self.lexical_index.search(query, self.fetch_k, where=where)
            exact = self._has_exact_tag(query, lexical, dense)
        if (best is None or best < self.threshold) and not exact:
            logger.info("abstaining on %r: best relevance %s below %s", question, best, self.threshold)
            return RetrievalResult(query, [], where, best, self.threshold, True)
        if self.search_type == "similarity":
            documents = dense[: self.k]
        elif self.search_type == "mmr":
            chosen = maximal_marginal_relevance(
                np.array(embedding, dtype=np.float32), list(vectors), k=self.k, lambda_mult=self.lambda_mult
            )
            documents = [dense[i] for i in chosen]
        else:
            documents = self._fuse(dense, lexical, tagged_tokens(tokenize(query)))
        return RetrievalResult(query, documents, where, best, self.threshold, False, exact)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return self.retrieve(query).documents


def build_retriever(
    settings: Settings,
    vector_store: Any,
    lexical_index: Any = None,
    *,
    search: SearchType | None = None,
    k: int | None = None,
    fetch_k: int | None = None,
    threshold: float | None = None,
    since_ts: int | None = None,
    until_ts: int | None = None,
    retweets: KindMode = "include",
    replies: KindMode = "include",
    dates_from_question: bool = True,
) -> TweetRetriever:
    """A retriever over `vector_store` (langchain Chroma) and `lexical_index` (needed for hybrid).

    Arguments left out come from `settings` (`SEARCH`, `TOP_K`, `FETCH_K`, `RELEVANCE_THRESHOLD`).
    """
    search_type = search or settings.search
    if search_type not in SEARCH_TYPES:
        raise ConfigError(f"search {search_type!r} is not one of {', '.join(SEARCH_TYPES)}")
    if search_type == "hybrid" and lexical_index is None:
        raise IndexStoreError(
            f"no lexical index in {settings.lexical_dir} for hybrid search: run scripts/build_index.py "
            "--archive PATH (or use --search similarity)"
        )
    try:
        base_filter = Filter(since_ts=since_ts, until_ts=until_ts, retweets=retweets, replies=replies)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    return TweetRetriever(
        vector_store=vector_store,
        lexical_index=lexical_index,
        search_type=search_type,
        k=k or settings.top_k,
        fetch_k=fetch_k or settings.fetch_k,
        threshold=threshold if threshold is not None else relevance_threshold(settings),
        base_filter=base_filter,
        dates_from_question=dates_from_question,
    )


def open_retriever(settings: Settings, **options: Any) -> TweetRetriever:
    """The retriever over the index the settings name (embeddings, Chroma, BM25 opened from disk)."""
    from rag.indexing.embeddings import build_embeddings
    from rag.indexing.lexical import LexicalIndex
    from rag.indexing.store import open_vector_store

    vector_store = open_vector_store(settings, build_embeddings(settings))
    try:  # hybrid search needs it; the others use it to know the newest tweet ("last year")
        lexical_index = LexicalIndex.load(settings.lexical_dir, settings.collection)
    except FileNotFoundError as error:
        if (options.get("search") or settings.search) == "hybrid":
            raise IndexStoreError(str(error)) from None
        lexical_index = None
    return build_retriever(settings, vector_store, lexical_index, **options)
