"""Benchmark one question's retrieval on 100,000 indexed tweets, and the answer chain's own overhead.

`python scripts/bench_query.py [--tweets 100000] [--archive DIR] [--embed-url URL] [--json]`
1. Index: the real tweets of the evaluation archive (`scripts/fetch_real_tweets.py`), re-numbered (new ids,
   dates moved back a year per copy) until there are `--tweets` documents, with fast deterministic fake
   vectors (`DeterministicFakeEmbedding`, 384 dimensions) in a cosine Chroma collection and the BM25 index,
   both cached under `.tweet-rag/bench/` (built once, reused while the count matches).
2. Retrieval: `rag.search.retrieval.build_retriever` for similarity, MMR and hybrid, each question of
   `tests/eval/qa.jsonl` asked `--repeat` times; the query vector is computed before the clock starts, so the
   median is retrieval given the query vector (Chroma query, filters, MMR, BM25, fusion). With `--embed-url`
   the query embedding time of a real server (e.g. the minilm stand-in) is measured and printed separately.
3. Chain overhead: `chains.build_rag_chain` with an instant retriever and a fake chat model, timed against
   the same retriever and model called bare, side by side in one loop; the difference is what the chain adds.
   Medians are printed for questions without a filter, with a date filter from the question, and every
   question again with a kind filter (retweets excluded); `--reference` filtered questions are also timed
   through Chroma's own `where` filter (the slow path the lexical-index filter replaces), side by side.
   The stored vectors are held in memory first, as a long-running process (`LiveIndex`) holds them; the
   date-filtered questions are timed again without them (vectors fetched by id, or an id list), side by
   side, and the one-time load is reported.
Targets (issue 5): dense <= 30 ms and hybrid <= 60 ms median, with or without filters; chain overhead
<= 10 ms median.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import chromadb
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import DeterministicFakeEmbedding, Embeddings
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from chains import build_rag_chain
from chains.prompts import load_prompt
from devtools import PROJECT_ROOT
from devtools.evaluation import load_qa
from devtools.instant_retriever import InstantRetriever
from rag.documents.loader import TwitterArchiveLoader
from rag.errors import ArchiveError
from rag.filters import KindMode
from rag.indexing.lexical import LexicalIndex
from rag.search.retrieval import build_retriever
from rag.search.vectors import loaded_vectors, stored_vectors
from rag.settings import SEARCH_TYPES, Settings
from tweet_rag.common import run_main

DEFAULT_ARCHIVE = PROJECT_ROOT / ".cache" / "real_tweets" / "eval-archive"
DEFAULT_DIR = PROJECT_ROOT / ".tweet-rag" / "bench"
DEFAULT_QA = PROJECT_ROOT / "tests" / "eval" / "qa.jsonl"
COLLECTION = "bench"
DIMENSIONS = 384
YEAR = 365 * 86400
TARGETS_MS = {"similarity": 30.0, "mmr": 30.0, "hybrid": 60.0}
CHAIN_TARGET_MS = 10.0
BUCKETS = ("unfiltered", "date_filtered", "kind_filtered")


class CachedEmbeddings(Embeddings):
    """Fake embeddings that remember every vector, so a timed query finds its vector already computed."""

    def __init__(self, size: int = DIMENSIONS) -> None:
        self._fake = DeterministicFakeEmbedding(size=size)
        self._cache: dict[str, list[float]] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Vectors for documents (not cached: only used while building the index)."""
        return self._fake.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        """The query's vector, computed once and then served from memory."""
        if text not in self._cache:
            self._cache[text] = self._fake.embed_query(text)
        return self._cache[text]


def renumbered(documents: Sequence[Document], total: int) -> list[Document]:
    """`total` copies of `documents` with new tweet ids, and dates a year earlier per copy."""
    out: list[Document] = []
    for copy in itertools.count():
        for document in documents:
            if len(out) == total:
                return out
            shift = copy * 10**17

            def new_id(tweet_id: str, shift: int = shift) -> str:
                return str(int(tweet_id) + shift) if tweet_id.isdigit() else tweet_id

            meta = dict(document.metadata)
            meta["tweet_id"] = new_id(str(meta.get("tweet_id", "")))
            meta["tweet_ids"] = ",".join(new_id(part) for part in str(meta.get("tweet_ids", "")).split(","))
            if isinstance(meta.get("created_ts"), int):
                meta["created_ts"] = meta["created_ts"] - copy * YEAR
            doc_id = str(document.id or meta["tweet_id"])
            head, _, chunk = doc_id.partition("#")
            new_doc_id = new_id(head) + (f"#{chunk}" if chunk else "")
            out.append(Document(id=new_doc_id, page_content=document.page_content, metadata=meta))
    return out


def build_bench_index(archive: Path, directory: Path, total: int) -> tuple[Chroma, LexicalIndex, float]:
    """The cached bench index (Chroma + BM25) of `total` re-numbered real tweets; builds it when missing."""
    embeddings = CachedEmbeddings()
    client = chromadb.PersistentClient(path=str(directory / "chroma"))
    lexical_dir = directory / "lexical"
    existing = {collection.name for collection in client.list_collections()}
    started = time.perf_counter()
    if COLLECTION in existing and client.get_collection(COLLECTION).count() == total:
        try:
            lexical = LexicalIndex.load(lexical_dir, COLLECTION)
        except FileNotFoundError:
            lexical = None
        if lexical is not None and len(lexical) == total:
            store = Chroma(client=client, collection_name=COLLECTION, embedding_function=embeddings)
            return store, lexical, 0.0
    if not (archive / "data").is_dir():
        raise ArchiveError(f"no archive at {archive}: run python scripts/fetch_real_tweets.py first")
    source = TwitterArchiveLoader(archive, embed_model="all-minilm").load()
    documents = renumbered(source, total)
    if COLLECTION in existing:
        client.delete_collection(COLLECTION)
    collection = client.create_collection(
        COLLECTION,
        configuration={"hnsw": {"space": "cosine"}},
        embedding_function=None,
    )
    batch = min(client.get_max_batch_size(), 5000)
    for start in range(0, len(documents), batch):
        part = documents[start : start + batch]
        # A copy marker makes each copy's vector its own (the text, and so BM25, stays the real tweet's).
        vectors = embeddings.embed_documents([f"{d.id}|{d.page_content}" for d in part])
        collection.add(
            ids=[str(d.id) for d in part],
            documents=[d.page_content for d in part],
            metadatas=[d.metadata for d in part],
            embeddings=vectors,  # type: ignore[arg-type]
        )
    lexical = LexicalIndex.build(
        [str(d.id) for d in documents], [d.page_content for d in documents], [d.metadata for d in documents]
    )
    lexical.save(lexical_dir, COLLECTION)
    store = Chroma(client=client, collection_name=COLLECTION, embedding_function=embeddings)
    return store, lexical, time.perf_counter() - started


def _ms(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))] * 1000, 2),
        "n": len(ordered),
    }


def time_retrieval(
    store: Chroma, lexical: LexicalIndex, questions: Sequence[str], repeat: int, reference: int
) -> dict[str, Any]:
    """Median retrieval time per search type, query vectors computed before timing.

    Buckets: questions without a filter, questions whose date becomes a filter, and every question again
    with a kind filter (retweets excluded). `reference` filtered questions are also timed through Chroma's
    own `where` (similarity without the lexical index), once each, side by side with the same questions.
    """
    settings = Settings(collection=COLLECTION, embed_model="bench-fake")
    out: dict[str, Any] = {}
    stored_vectors(store._collection, lexical)  # as a long-running process holds them (`LiveIndex`)
    for search in SEARCH_TYPES:
        retriever = build_retriever(settings, store, lexical, search=search, k=6, threshold=float("-inf"))
        kinds = build_retriever(
            settings, store, lexical, search=search, k=6, threshold=float("-inf"), retweets="exclude"
        )
        for question in questions:  # warm-up: caches, query vectors, newest_ts
            retriever.retrieve(question)
            kinds.retrieve(question)
        dated = {question for question in questions if retriever.plan(question)[0] != question}
        samples: list[float] = []
        by_kind: dict[str, list[float]] = {"date_filtered": [], "unfiltered": [], "kind_filtered": []}
        for _ in range(repeat):
            for question in questions:
                elapsed = _time(retriever, question)
                samples.append(elapsed)
                by_kind["date_filtered" if question in dated else "unfiltered"].append(elapsed)
                by_kind["kind_filtered"].append(_time(kinds, question))
        out[search] = _ms(samples) | {kind: _ms(values) for kind, values in by_kind.items() if values}
    out["chroma_where_reference"] = time_where_reference(store, lexical, questions, reference)
    out["stored_vectors"] = time_stored_vectors(store, lexical, questions, repeat)
    return out


def time_stored_vectors(
    store: Chroma, lexical: LexicalIndex, questions: Sequence[str], repeat: int
) -> dict[str, Any]:
    """Date-filtered dense search with the stored vectors in memory against without them, side by side.

    Without them (`use_stored_vectors=False`), up to 300 allowed documents have their vectors fetched by
    id and more go to Chroma as an id list. Also the one-time load of the vectors and their memory.
    """
    settings = Settings(collection=COLLECTION, embed_model="bench-fake")
    vectors = loaded_vectors(store._collection, lexical)
    out: dict[str, Any] = {
        "load_seconds": round(vectors.seconds, 2) if vectors else None,
        "megabytes": round(vectors.nbytes / 1e6, 1) if vectors else None,
    }
    for search in ("similarity", "mmr"):
        cached = build_retriever(settings, store, lexical, search=search, k=6, threshold=float("-inf"))
        plain = cached.model_copy(update={"use_stored_vectors": False})
        dated = [q for q in questions if cached.plan(q)[0] != q]
        with_samples: list[float] = []
        without_samples: list[float] = []
        for _ in range(repeat):
            for question in dated:
                with_samples.append(_time(cached, question))
                without_samples.append(_time(plain, question))
        same = sum(
            [d.id for d in cached.retrieve(q).documents] == [d.id for d in plain.retrieve(q).documents]
            for q in dated
        )
        out[search] = {
            "questions": len(dated),
            "stored_vectors": _ms(with_samples),
            "without": _ms(without_samples),
            "same_top_k": same,
        }
    return out


def _time(retriever: Any, question: str) -> float:
    started = time.perf_counter()
    retriever.retrieve(question)
    return time.perf_counter() - started


def time_where_reference(
    store: Chroma, lexical: LexicalIndex, questions: Sequence[str], count: int
) -> dict[str, Any]:
    """Similarity search with Chroma's `where` filter against the lexical-index filter, same questions."""
    settings = Settings(collection=COLLECTION, embed_model="bench-fake")
    out: dict[str, Any] = {}
    retweets_modes: tuple[tuple[str, KindMode], ...] = (("date", "include"), ("kind", "exclude"))
    for name, retweets in retweets_modes:
        fast = build_retriever(
            settings, store, lexical, search="similarity", k=6, threshold=float("-inf"), retweets=retweets
        )
        where = build_retriever(
            settings, store, None, search="similarity", k=6, threshold=float("-inf"), retweets=retweets
        )
        where._newest_ts, where._newest_known = lexical.newest_ts, True
        chosen = [q for q in questions if name == "kind" or fast.plan(q)[0] != q][:count]
        fast_samples = [_time(fast, q) for q in chosen]
        where_samples = [_time(where, q) for q in chosen]
        same = sum(
            [d.id for d in fast.retrieve(q).documents] == [d.id for d in where.retrieve(q).documents]
            for q in chosen
        )
        out[name] = {
            "questions": len(chosen),
            "lexical_filter": _ms(fast_samples),
            "chroma_where": _ms(where_samples),
            "same_top_k": same,
        }
    return out


def time_embedding(url: str, model: str, questions: Sequence[str]) -> dict[str, Any]:
    """Median time of one query embedding on a real server (reported apart from retrieval)."""
    from rag.indexing.embeddings import make_embeddings

    embeddings = make_embeddings([url], model)
    embeddings.embed_query(questions[0])
    samples: list[float] = []
    for question in questions:
        started = time.perf_counter()
        embeddings.embed_query(question)
        samples.append(time.perf_counter() - started)
    return {"url": url, "model": model, **_ms(samples)}


def time_chain(documents: Sequence[Document], questions: Sequence[str], repeat: int) -> dict[str, Any]:
    """What the chain adds beyond an instant retriever and a fake model, measured against the bare calls."""
    answer = "You wrote about it twice [1] and once more later [2]."
    retriever = InstantRetriever(documents=list(documents))
    llm = GenericFakeChatModel(messages=itertools.cycle([AIMessage(content=answer)]))
    template = load_prompt("default")
    chain = build_rag_chain(retriever, llm, template)
    from chains.context import expand_documents, format_context

    context_messages = template.invoke(
        {"context": format_context(expand_documents(documents)), "question": questions[0]}
    ).to_messages()

    def bare() -> None:
        retriever.invoke(questions[0])
        for _ in llm.stream(context_messages):
            pass

    def chained() -> None:
        result = chain.invoke({"question": questions[0]})
        if result.get("abstained"):
            raise RuntimeError("the chain abstained on the bench question")

    for _ in range(20):
        bare()
        chained()
    bare_samples: list[float] = []
    chain_samples: list[float] = []
    overheads: list[float] = []
    for _ in range(repeat):
        b = _clock(bare)
        c = _clock(chained)
        bare_samples.append(b)
        chain_samples.append(c)
        overheads.append(c - b)
    return {
        "bare_ms": _ms(bare_samples),
        "chain_ms": _ms(chain_samples),
        "overhead_median_ms": round(statistics.median(overheads) * 1000, 2),
        "documents": len(documents),
    }


def _clock(function: Callable[[], None]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> int:
    """Build or reuse the bench index, time retrieval and the chain, print medians against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tweets", type=int, default=100_000, help="indexed documents (default 100000)")
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE, help="real tweets to re-number")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="bench index folder (cached)")
    parser.add_argument("--qa", type=Path, default=DEFAULT_QA, help="questions to ask (QA file)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the questions (default 3)")
    parser.add_argument("--chain-repeat", type=int, default=200, help="chain timing iterations")
    parser.add_argument(
        "--reference", type=int, default=10, help="filtered questions timed with Chroma where"
    )
    parser.add_argument("--embed-url", default=None, help="also time query embedding on this Ollama URL")
    parser.add_argument("--embed-model", default="all-minilm", help="model for --embed-url")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    questions = [item.question for item in load_qa(args.qa)]
    store, lexical, build_seconds = build_bench_index(args.archive, args.dir, args.tweets)
    retrieval = time_retrieval(store, lexical, questions, args.repeat, args.reference)
    sample = store.similarity_search("data", k=6)
    chain = time_chain(sample, questions, args.chain_repeat)
    embedding = time_embedding(args.embed_url, args.embed_model, questions) if args.embed_url else None
    result = {
        "indexed": args.tweets,
        "build_seconds": round(build_seconds, 1),
        "questions": len(questions),
        "retrieval": retrieval,
        "chain": chain,
        "query_embedding": embedding,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    state = "reused" if build_seconds == 0 else f"built in {build_seconds:.0f} s"
    print(f"{args.tweets} indexed documents ({state}), {len(questions)} questions x {args.repeat}")
    for search in SEARCH_TYPES:
        timing = retrieval[search]
        target = TARGETS_MS[search]
        medians = [timing.get(kind, {}).get("median_ms", "-") for kind in BUCKETS]
        verdict = "ok" if all(m == "-" or float(m) <= target for m in medians) else "OVER"
        print(
            f"  {search:<10} retrieval median {timing['median_ms']:7.2f} ms  p90 {timing['p90_ms']:7.2f} ms"
            f"  median without filter / date filter / no retweets {' / '.join(map(str, medians))} ms"
            f"  (target {target:.0f} ms: {verdict})"
        )
    for name, ref in retrieval["chroma_where_reference"].items():
        fast, where = ref["lexical_filter"]["median_ms"], ref["chroma_where"]["median_ms"]
        print(
            f"  {name} filter, similarity, {ref['questions']} questions: lexical-index filter {fast} ms vs "
            f"Chroma where {where} ms median ({where / max(fast, 1e-9):.1f}x); same top {6}: "
            f"{ref['same_top_k']}/{ref['questions']}"
        )
    held = retrieval["stored_vectors"]
    print(f"  stored vectors in memory: {held['megabytes']} MB, loaded once in {held['load_seconds']} s")
    for search in ("similarity", "mmr"):
        ref = held[search]
        fast, slow = ref["stored_vectors"]["median_ms"], ref["without"]["median_ms"]
        print(
            f"  date filter, {search}, {ref['questions']} questions: stored vectors {fast} ms vs "
            f"fetched by id / id list {slow} ms median ({slow / max(fast, 1e-9):.1f}x); same top 6: "
            f"{ref['same_top_k']}/{ref['questions']}"
        )
    overhead = chain["overhead_median_ms"]
    print(
        f"  chain: median {chain['chain_ms']['median_ms']:.2f} ms vs bare retriever+model "
        f"{chain['bare_ms']['median_ms']:.2f} ms => overhead {overhead:.2f} ms "
        f"(target {CHAIN_TARGET_MS:.0f} ms: {'ok' if overhead <= CHAIN_TARGET_MS else 'OVER'})"
    )
    if embedding:
        print(
            f"  query embedding ({embedding['model']} at {embedding['url']}): "
            f"median {embedding['median_ms']} ms (not part of the retrieval times)"
        )
    return 0


if __name__ == "__main__":
    run_main(main)
