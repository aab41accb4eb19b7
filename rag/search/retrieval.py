"""Retrievers for questions: dense similarity (cosine), MMR, and hybrid (dense + BM25, score fusion).

One factory, `build_retriever(settings, vector_store, lexical_index, ...)`, returns a LangChain
`BaseRetriever`. Each question gets a `rag.filters.Filter`: the explicit bounds and retweet / reply switches
given to the factory, intersected with the date range the question names ("in 2019", "last year", from
`rag.search.dates`); the same filter applies to both sides: the lexical index checks it itself
and selects the allowed documents for the dense side (Chroma's `where` scan takes 0.3-0.6 s at 100,000
tweets; see `TweetRetriever._query`). The date words are taken out of the text that is searched.

A search runs in three steps: candidates (dense, MMR, or hybrid fusion), an optional rerank
(`rag.search.rerank`, `RERANK`), then abstain and select the best `k`. An optional query expansion
(`rag.search.hyde`, `QUERY_EXPANSION=hyde`) replaces the question's vector on the dense side only; BM25,
the date filter and the abstention's absent share still read the question. Hybrid fusion adds up each
candidate's cosine similarity and its BM25 score divided by the best BM25 score of the question, weighted by
what the question holds (`rag.search.query_terms.lexical_plan`): an @handle, #hashtag or "quoted phrase"
gives BM25 a large say and puts the candidates containing the tag first; names (capitalised or numbered
words, rare lowercase words the embedding vocabulary lacks) a say in proportion to their share of the
question (a question that is only a name puts the candidates containing it first); ordinary words none, so a
question in everyday words gets the dense ranking (fixed reciprocal rank fusion let BM25 over ordinary words
push out what dense search found). Abstention (`rag.search.abstention`) looks at the best dense relevance
and its margin over the runners-up, with a rule calibrated per embedding model; `RELEVANCE_THRESHOLD`
replaces it by a plain threshold on the best relevance. Hybrid search never abstains when its best BM25 hit
contains an @handle or #hashtag the question names. Every returned document carries `relevance` (cosine
similarity) in its metadata, and hybrid candidates `lexical_score` and `fused_score`.
"""

from __future__ import annotations

import calendar
import logging
import math
import re
import time
from collections.abc import Iterable, Sequence
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
from rag.search.abstention import (
    NEVER,
    AbstentionFeatures,
    AbstentionRule,
    absent_share,
    calibrated_rule,
)
from rag.search.dates import parse_date_range
from rag.search.hyde import build_query_expander
from rag.search.query_terms import LexicalPlan, lexical_plan
from rag.search.rerank import build_reranker
from rag.search.vectors import loaded_vectors
from rag.settings import SEARCH_TYPES, SearchType, Settings

logger = logging.getLogger(__name__)

# Filtered dense search (see TweetRetriever._query): when at least POST_FILTER_SHARE of the collection
# passes, an unfiltered query is filtered afterwards; otherwise the allowed documents are compared exactly,
# with the stored vectors when a long-running process holds them in memory, or up to BRUTE_FORCE_LIMIT
# fetched by id, or else Chroma gets the allowed id list.
BRUTE_FORCE_LIMIT = 300
POST_FILTER_SHARE = 0.25
MMR_LAMBDA = 0.5


def abstention_rule(settings: Settings) -> AbstentionRule:
    """A plain threshold when `RELEVANCE_THRESHOLD` is set, else the calibrated rule of `EMBED_MODEL`."""
    if settings.relevance_threshold is not None:
        return AbstentionRule.threshold(settings.relevance_threshold)
    return calibrated_rule(settings.embed_model)


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
    """What one search found, with what was needed to decide on abstention.

    `abstained` is the decision; `documents` is empty when the retriever withheld them (its default), and
    holds the ranking anyway when it was built with `withhold=False` (the evaluation scores both at once).
    """

    query: str
    documents: list[Document]
    filter: Filter
    best_relevance: float | None
    rule: AbstentionRule
    abstained: bool
    exact_tag_match: bool = False
    features: AbstentionFeatures | None = None
    lexical_weight: float | None = None
    weight_reason: str = ""
    rerank_seconds: float | None = None
    expansion_seconds: float | None = None

    @property
    def threshold(self) -> float:
        """The best relevance below which the rule abstains at zero margin (for messages)."""
        return self.rule.relevance_threshold


class TweetRetriever(BaseRetriever):
    """Dense, MMR or hybrid retrieval over the tweet index: filters, fusion, optional rerank, abstention."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    vector_store: Any
    lexical_index: Any = None
    search_type: SearchType = "hybrid"
    k: int = 6
    fetch_k: int = 30
    rule: AbstentionRule = NEVER
    withhold: bool = True
    reranker: Any = None
    rerank_top: int = 10
    query_expander: Any = None
    base_filter: Filter = Filter()
    dates_from_question: bool = True
    lambda_mult: float = MMR_LAMBDA
    brute_force_limit: int = BRUTE_FORCE_LIMIT
    post_filter_share: float = POST_FILTER_SHARE
    use_stored_vectors: bool = True
    _newest_ts: int | None = PrivateAttr(default=None)
    _newest_known: bool = PrivateAttr(default=False)
    _store_count: int | None = PrivateAttr(default=None)

    @property
    def threshold(self) -> float:
        """The relevance below which the abstention rule turns a question down at zero margin (-inf: never).

        A per-document floor for callers that keep only relevant tweets (the timeline).
        """
        return self.rule.relevance_threshold

    # ---- filters ----------------------------------------------------------------------------------
    def newest_ts(self) -> int | None:
        """The archive's newest `created_ts` (for "last year"), from the lexical index or the store."""
        if not self._newest_known:  # threads may both look it up; none sees the flag before the value
            if self.lexical_index is not None and hasattr(self.lexical_index, "newest_ts"):
                self._newest_ts = self.lexical_index.newest_ts
            else:
                got = self.vector_store.get(include=["metadatas"])
                stamps = [m.get("created_ts") for m in got.get("metadatas") or [] if m]
                numbers = [int(s) for s in stamps if isinstance(s, int | float) and not isinstance(s, bool)]
                self._newest_ts = max(numbers) if numbers else None
            self._newest_known = True
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
        return query, found.applied_to(self.base_filter)  # FilterError when the two cannot both hold

    # ---- searches -----------------------------------------------------------------------------------
    def _store_size(self) -> int:
        """Documents in the Chroma collection (counted once per retriever; langchain-chroma has no count)."""
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
        keeps the same metadata. When at least `post_filter_share` of the collection passes, the ids
        of an unfiltered query for about three times the neighbours needed (distances only, cheap) are
        filtered here (as approximate as an unfiltered query; when too few pass, the next paths are used).
        Otherwise the allowed documents are compared exactly here: with every stored vector held in memory
        when a long-running process has loaded them (`rag.search.vectors.stored_vectors`, which `LiveIndex`
        starts in the background; `use_stored_vectors=False` ignores them), or, for at most
        `brute_force_limit`, with their vectors fetched by id (about 50 us each); failing both, Chroma is
        queried with the allowed id list (the same results as `where`, 5-10 times faster, but still 20-100
        ms at 100,000). Chroma's `where` is used only without a lexical index in step with the store.

        This queries the Chroma collection itself: langchain-chroma's public searches
        (`similarity_search_by_vector_with_relevance_scores` and the like) take no id list, cannot ask for
        distances alone or for the vectors MMR needs, and build a Document for every neighbour even when
        only ids are wanted. Fetching by id goes through its public `get`.
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
        small = allowed <= self.brute_force_limit
        if small or allowed < self.post_filter_share * self._store_size():
            held = loaded_vectors(collection, self.lexical_index) if self.use_stored_vectors else None
            if held is not None:
                rows, gaps = held.nearest(embedding, self.lexical_index.rows_matching(where), n)
                return self._fetch(self.lexical_index.ids_at(rows), [float(d) for d in gaps], include)
        if small:
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
        got = self.vector_store.get(ids=ids, include=fields) if ids else {}
        row = {doc_id: num for num, doc_id in enumerate(got.get("ids") or [])}
        kept = [i for i, doc_id in enumerate(ids) if doc_id in row]
        out: dict[str, Any] = {"ids": [ids[i] for i in kept], "distances": [distances[i] for i in kept]}
        for field in fields:
            values = got[field]
            out[field] = [values[row[ids[i]]] for i in kept]
        return out

    def _query_vector(self, question: str, query: str) -> list[float]:
        """The dense side's vector: the query's own, or the query expander's for the question."""
        embeddings = self.vector_store.embeddings
        if self.query_expander is None:
            return list(embeddings.embed_query(query))
        return list(self.query_expander.dense_vector(question, query, embeddings))

    def _dense(
        self, query: str, where: Filter, n: int, *, with_vectors: bool, question: str | None = None
    ) -> tuple[list[Document], Any]:
        embedding = self._query_vector(query if question is None else question, query)
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

    def _document_frequency(self, token: str) -> int:
        index = self.lexical_index
        return int(index.document_frequency(token)) if index is not None else 0

    def lexical_plan(self, query: str) -> LexicalPlan:
        """What `query` holds for BM25 in this index: its weight in fusion, which candidates go first."""
        documents = len(self.lexical_index) if self.lexical_index is not None else 0
        return lexical_plan(query, self._document_frequency, documents)

    def _fuse(
        self,
        dense: Sequence[Document],
        lexical: Sequence[tuple[str, float]],
        embedding: Sequence[float],
        weight: float,
        first: Sequence[Sequence[str]] = (),
    ) -> list[Document]:
        """Score fusion of the dense and BM25 candidates, best first (every candidate, not only `k`).

        fused = cosine + `weight` * BM25 / best BM25; a candidate only BM25 found gets its cosine from its
        stored vector (one Chroma `get` by id for them all). `first` holds groups of index tokens (a tag,
        the parts of an id, a name): candidates containing every token of more groups go before those
        containing fewer, in fused order within each tier. With weight 0 and no groups the lexical
        candidates cannot reach the top (their cosine is below the dense ones'), so they are not fetched.
        """
        by_id: dict[str, Document] = {str(document.id): document for document in dense}
        cosine = {doc_id: float(document.metadata["relevance"]) for doc_id, document in by_id.items()}
        best_lexical = max((score for _, score in lexical), default=0.0)
        lexical_score = dict(lexical)
        if weight > 0 or first:
            missing = [doc_id for doc_id, _ in lexical if doc_id not in by_id]
            if missing:
                # Chroma.get (public) with vectors: `get_by_ids` returns none, and the cosine needs them.
                got = self.vector_store.get(ids=missing, include=["documents", "metadatas", "embeddings"])
                query = np.asarray(embedding, dtype=np.float32)
                query_norm = float(np.linalg.norm(query)) or 1.0
                for doc_id, text, metadata, vector in zip(
                    got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
                ):
                    values = np.asarray(vector, dtype=np.float32)
                    norm = float(np.linalg.norm(values)) or 1.0
                    meta = dict(metadata or {})
                    meta["relevance"] = round(float(values @ query) / (norm * query_norm), 6)
                    by_id[str(doc_id)] = Document(id=str(doc_id), page_content=text or "", metadata=meta)
                    cosine[str(doc_id)] = float(meta["relevance"])
        scores: dict[str, float] = {}
        for doc_id, relevance in cosine.items():
            bonus = weight * lexical_score.get(doc_id, 0.0) / best_lexical if best_lexical > 0 else 0.0
            scores[doc_id] = relevance + bonus
        tier = self._groups_contained(first, scores) if first else {}
        order = sorted(scores, key=lambda doc_id: (-tier.get(doc_id, 0), -scores[doc_id], doc_id))
        fused = []
        for doc_id in order:
            document = by_id[doc_id]
            if doc_id in lexical_score:
                document.metadata["lexical_score"] = round(lexical_score[doc_id], 6)
            document.metadata["fused_score"] = round(scores[doc_id], 6)
            fused.append(document)
        return fused

    def _groups_contained(self, groups: Sequence[Sequence[str]], among: Iterable[str]) -> dict[str, int]:
        """For each id of `among`, how many of the token `groups` its document contains entirely."""
        count: dict[str, int] = {}
        for group in groups:
            having = set(among)
            for token in group:
                having = self.lexical_index.ids_containing([token], having) if having else having
            for doc_id in having:
                count[doc_id] = count.get(doc_id, 0) + 1
        return count

    def _has_exact_tag(self, tags: Sequence[str], lexical: Sequence[tuple[str, float]]) -> bool:
        """Whether the best lexical hit contains an @handle / #hashtag the question names."""
        if not tags or not lexical:
            return False
        return bool(self.lexical_index.ids_containing(tags, [lexical[0][0]]))

    def _rerank(self, query: str, candidates: list[Document]) -> tuple[list[Document], float | None]:
        """Reorder the first `rerank_top` candidates by the reranker's scores; the best score, if any."""
        if self.reranker is None or not candidates:
            return candidates, None
        head, tail = candidates[: self.rerank_top], candidates[self.rerank_top :]
        scores = list(self.reranker.score(query, head))
        if len(scores) != len(head):
            raise ValueError(
                f"reranker {self.reranker.name!r} gave {len(scores)} scores for {len(head)} documents"
            )
        for document, score in zip(head, scores, strict=True):
            document.metadata["rerank_score"] = round(float(score), 6)
        order = sorted(range(len(head)), key=lambda i: (-scores[i], i))  # ties keep the fused order
        return [head[i] for i in order] + tail, max(scores)

    def retrieve(self, question: str) -> RetrievalResult:
        """Search for a question: candidates, rerank (when set), abstain and select; the result says why.

        Hybrid search does not abstain when the best BM25 hit contains an @handle or #hashtag the
        question names (an exact match is evidence however low the dense relevance is).
        """
        query, where = self.plan(question)
        n = max(self.k, self.fetch_k) if self.search_type != "similarity" else self.k
        started = time.perf_counter()
        dense, (embedding, vectors) = self._dense(
            query, where, n, with_vectors=self.search_type == "mmr", question=question
        )
        expansion_seconds = time.perf_counter() - started if self.query_expander is not None else None
        relevances = [float(d.metadata["relevance"]) for d in dense]
        best = max(relevances, default=None)
        exact = False
        weight: float | None = None
        reason = ""
        if self.search_type == "similarity":
            candidates = list(dense)
        elif self.search_type == "mmr":
            chosen = maximal_marginal_relevance(
                np.array(embedding, dtype=np.float32), list(vectors), k=self.k, lambda_mult=self.lambda_mult
            )
            candidates = [dense[i] for i in chosen]
        else:
            tags = tagged_tokens(tokenize(query))
            plan = self.lexical_plan(query)
            weight, reason = plan.weight, plan.reason
            lexical = (
                self.lexical_index.search(query, self.fetch_k, where=where)
                if weight > 0 or plan.first
                else []
            )
            exact = self._has_exact_tag(tags, lexical)
            candidates = self._fuse(dense, lexical, embedding, weight, plan.first)
        started = time.perf_counter()
        candidates, rerank_best = self._rerank(query, candidates)
        rerank_seconds = time.perf_counter() - started if self.reranker is not None else None
        size = len(self.lexical_index) if self.lexical_index is not None else None
        absent = absent_share(query, self._document_frequency, size) if size is not None else None
        features = AbstentionFeatures.from_relevances(relevances, rerank_best, absent, size)
        abstained = self.rule.abstains(features) and not exact
        documents = candidates[: self.k]
        if abstained:
            logger.info("abstaining on %r: %s (rule %s)", question, features, self.rule)
            if self.withhold:
                documents = []
        return RetrievalResult(
            query,
            documents,
            where,
            best,
            self.rule,
            abstained,
            exact,
            features,
            weight,
            reason,
            rerank_seconds,
            expansion_seconds,
        )

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
    rule: AbstentionRule | None = None,
    withhold: bool = True,
    reranker: Any = None,
    query_expander: Any = None,
    since_ts: int | None = None,
    until_ts: int | None = None,
    retweets: KindMode = "include",
    replies: KindMode = "include",
    dates_from_question: bool = True,
) -> TweetRetriever:
    """A retriever over `vector_store` (langchain Chroma) and `lexical_index` (needed for hybrid).

    Arguments left out come from `settings` (`SEARCH`, `TOP_K`, `FETCH_K`, `RELEVANCE_THRESHOLD`, `RERANK`,
    `RERANK_TOP`, `QUERY_EXPANSION`, `HYDE_VECTOR`). `threshold` is a plain threshold on the best relevance
    (`-inf`: never abstain) and `rule` any abstention rule; without either, `abstention_rule(settings)`.
    `reranker` replaces the one `RERANK` names (an object with `name` and `score(question, documents)`),
    `query_expander` the one `QUERY_EXPANSION` names (`name` and `dense_vector(question, query, embeddings)`).
    """
    search_type = search or settings.search
    if search_type not in SEARCH_TYPES:
        raise ConfigError(f"search {search_type!r} is not one of {', '.join(SEARCH_TYPES)}")
    if search_type == "hybrid" and lexical_index is None:
        raise IndexStoreError(
            f"no lexical index in {settings.lexical_dir} for hybrid search: run tweet-rag index "
            "--archive PATH (or use --search similarity)"
        )
    try:
        base_filter = Filter(since_ts=since_ts, until_ts=until_ts, retweets=retweets, replies=replies)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    if rule is None:
        rule = (
            AbstentionRule.threshold(threshold, "threshold")
            if threshold is not None
            else abstention_rule(settings)
        )
    return TweetRetriever(
        vector_store=vector_store,
        lexical_index=lexical_index,
        search_type=search_type,
        k=k or settings.top_k,
        fetch_k=fetch_k or settings.fetch_k,
        rule=rule,
        withhold=withhold,
        reranker=reranker if reranker is not None else build_reranker(settings),
        rerank_top=settings.rerank_top,
        query_expander=(query_expander if query_expander is not None else build_query_expander(settings)),
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
