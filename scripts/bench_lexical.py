"""Benchmark the lexical index at 100,000 generated tweets: build, save, load and median query time.

Documents are generated from the words of the real fixture archives (English, Spanish and Japanese tweets),
drawn with their real frequencies, plus a long tail of rare words, @handles, #hashtags and dates spread over
2010-2024, so posting-list lengths and vocabulary size look like a real archive's. Queries are 3-6 words
taken from random documents, a quarter of them with an @handle and a quarter with a date filter. The same
queries run against `rank_bm25.BM25Okapi` on a smaller slice (too slow to query at full size): ratio printed.
Usage: `python scripts/bench_lexical.py [--docs 100000] [--queries 300] [--json]`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rank_bm25 import BM25Okapi

from devtools.synthetic_archive import ARCHIVES, fixture_tweet_texts
from rag.filters import Filter
from rag.indexing.lexical import LexicalIndex, index_path
from rag.indexing.tokenizer import tokenize
from tweet_rag.common import run_main

FALLBACK_WORDS = ["data", "query", "index", "tweet", "python", "maps", "café", "東京", "大学", "マシン"]


def _archive_words(archives: Path) -> list[str]:
    texts = fixture_tweet_texts(archives)
    words = [w for text in texts for w in text.split() if not w.startswith("http")]
    return words or FALLBACK_WORDS


def _generate(n_docs: int, seed: int) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    rng = random.Random(seed)
    words = _archive_words(ARCHIVES)
    handles = [f"@user{i}" for i in range(2000)]
    tags = [f"#tag{i}" for i in range(500)]
    ids, texts, metas = [], [], []
    start, end = 1262304000, 1735689600  # 2010-01-01 .. 2025-01-01
    for i in range(n_docs):
        body = rng.choices(words, k=rng.randint(6, 30))
        # A long tail of rare words (names, typos, links), as real archives have: ~250,000 distinct terms.
        body += [f"rare{rng.randrange(250_000)}" for _ in range(rng.randint(0, 4))]
        if rng.random() < 0.3:
            body.insert(0, rng.choice(handles))
        if rng.random() < 0.15:
            body.append(rng.choice(tags))
        ids.append(str(10**18 + i))
        texts.append(" ".join(body))
        metas.append(
            {
                "created_ts": rng.randrange(start, end),
                "is_retweet": rng.random() < 0.15,
                "is_reply": body[0].startswith("@"),
            }
        )
    return ids, texts, metas


def _queries(texts: list[str], n: int, seed: int) -> list[tuple[str, Filter | None]]:
    rng = random.Random(seed + 1)
    out: list[tuple[str, Filter | None]] = []
    for i in range(n):
        words = rng.choice(texts).split()
        query = " ".join(rng.sample(words, k=min(len(words), rng.randint(3, 6))))
        if i % 4 == 1:
            query = f"what did I tell @user{rng.randrange(2000)} about {query}"
        flt = Filter(since_ts=1420070400, until_ts=1451606400, retweets="exclude") if i % 4 == 2 else None
        out.append((query, flt))
    return out


def _times_ms(index: LexicalIndex, queries: list[tuple[str, Filter | None]], k: int) -> list[float]:
    times = []
    for query, flt in queries:
        t0 = time.perf_counter()
        index.search(query, k, where=flt)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--k", type=int, default=30, help="results per query (the hybrid fetch_k)")
    parser.add_argument("--reference-docs", type=int, default=20_000, help="rank_bm25 slice size (0: skip)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    ids, texts, metas = _generate(args.docs, args.seed)
    queries = _queries(texts, args.queries, args.seed)
    result: dict[str, Any] = {"docs": args.docs, "queries": len(queries), "k": args.k}

    t0 = time.perf_counter()
    index = LexicalIndex.build(ids, texts, metas)
    result["build_s"] = round(time.perf_counter() - t0, 2)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        index.save(Path(tmp))
        result["save_s"] = round(time.perf_counter() - t0, 3)
        result["file_mb"] = round(index_path(Path(tmp)).stat().st_size / 1e6, 1)
        loads = []
        for _ in range(3):
            t0 = time.perf_counter()
            loaded = LexicalIndex.load(Path(tmp))
            loads.append(time.perf_counter() - t0)
        result["load_s"] = round(min(loads), 3)
    result["terms"] = loaded.vocabulary_size
    _times_ms(loaded, queries[:20], args.k)  # warm-up
    times = _times_ms(loaded, queries, args.k)
    result["query_median_ms"] = round(statistics.median(times), 2)
    result["query_p95_ms"] = round(statistics.quantiles(times, n=20)[-1], 2)

    if args.reference_docs:
        n_ref = min(args.reference_docs, args.docs)
        small = LexicalIndex.build(ids[:n_ref], texts[:n_ref], metas[:n_ref])
        reference = BM25Okapi([tokenize(t) for t in texts[:n_ref]])
        ref_queries = [q for q, _ in queries[:20]]
        ours = statistics.median(_times_ms(small, [(q, None) for q in ref_queries], args.k))
        times = []
        for query in ref_queries:
            t0 = time.perf_counter()
            reference.get_top_n(tokenize(query), ids[:n_ref], n=args.k)
            times.append((time.perf_counter() - t0) * 1000)
        ref_ms = statistics.median(times)
        result["reference_docs"] = n_ref
        result["rank_bm25_median_ms"] = round(ref_ms, 2)
        result["ours_median_ms_same_slice"] = round(ours, 3)
        result["speedup_vs_rank_bm25"] = round(ref_ms / ours, 1) if ours else None

    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    run_main(main)
