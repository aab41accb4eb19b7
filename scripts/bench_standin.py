"""Benchmark the Ollama stand-in: is it ever the bottleneck? Prints texts/s side by side and the ratios.

On the same real tweet texts (the fixture archives' `full_text`), it measures all-MiniLM-L6-v2 called
in-process (`SentenceTransformer.encode`, batches of 64) against the stand-in's minilm backend over HTTP
(`POST /api/embed`, batches of 64, a few requests in flight), alternating the two in rounds so machine load
hits both alike; the HTTP/in-process ratio should be at least 0.90. Then the hash backend's texts/s over
HTTP (target: at least 20,000). Usage: `python scripts/bench_standin.py [--texts 256] [--rounds 3]`.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson

from devtools.synthetic_archive import ARCHIVES, fixture_tweet_texts
from ollama_standin.backends import minilm_model_path
from ollama_standin.process import StandinHandle, start_standin

BATCH = 64
JSON = {"Content-Type": "application/json"}
MINILM_TARGET = 0.90
HASH_TARGET = 20_000.0


def batches(texts: Sequence[str]) -> list[list[str]]:
    """The texts in batches of 64."""
    return [list(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def over_http(
    handle: StandinHandle, model: str, texts: Sequence[str], in_flight: int, decode: bool = True
) -> tuple[float, float]:
    """Texts/s through /api/embed with `in_flight` keep-alive connections, and texts per server CPU-second.

    Every response is read to its last byte and checked (status 200, one vector per text). With
    `decode` false, like a load generator (wrk, hey), only the first response's floats are decoded and
    the others' vectors are counted in the raw JSON, so the figure is the stand-in's, not the JSON
    decoder's of the client. The CPU figure is the stand-in's capacity whatever else the machine runs.
    """
    local = threading.local()
    host, port = handle.url.removeprefix("http://").rsplit(":", 1)

    def send(batch: list[str], full: bool = decode) -> int:
        connection = getattr(local, "connection", None)
        if connection is None:
            connection = local.connection = http.client.HTTPConnection(host, int(port), timeout=300)
        connection.request("POST", "/api/embed", orjson.dumps({"model": model, "input": batch}), JSON)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"/api/embed answered {response.status}: {body[:200]!r}")
        if full:
            vectors = orjson.loads(body)["embeddings"]  # orjson: a chromadb dependency
            if any(len(vector) != len(vectors[0]) for vector in vectors):
                raise RuntimeError("vectors of different lengths")
            return len(vectors)
        return body.count(b"],[") + 1

    send(list(texts[:BATCH]), full=True)  # warm the model; check one response in full
    cpu_before = server_cpu_seconds(handle.process.pid)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        done = sum(pool.map(send, batches(texts)))
    elapsed = time.perf_counter() - started
    cpu = server_cpu_seconds(handle.process.pid) - cpu_before
    if done != len(texts):
        raise RuntimeError(f"the stand-in returned {done} vectors for {len(texts)} texts")
    return len(texts) / elapsed, (len(texts) / cpu if cpu else float("nan"))


def in_process(encode: Callable[[list[str]], object], texts: Sequence[str]) -> float:
    """Texts/s calling the model directly on batches of 64."""
    started = time.perf_counter()
    for batch in batches(texts):
        encode(batch)
    return len(texts) / (time.perf_counter() - started)


def main() -> int:
    """Run both measurements and print the figures and ratios; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--archives", type=Path, default=ARCHIVES, help="folder of archive folders")
    parser.add_argument("--texts", type=int, default=256, help="texts per minilm round (default 256)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating minilm rounds (default 3)")
    parser.add_argument("--in-flight", type=int, default=2, help="concurrent HTTP requests (default 2)")
    parser.add_argument("--hash-repeat", type=int, default=8, help="passes over all texts for hash")
    parser.add_argument("--hash-runs", type=int, default=3, help="hash runs (the best counts)")
    parser.add_argument(
        "--decode", action="store_true", help="hash: decode every response's floats in the client too"
    )
    parser.add_argument("--skip-minilm", action="store_true", help="only measure the hash backend")
    args = parser.parse_args()

    texts = fixture_tweet_texts(args.archives)
    if not texts:
        print(f"error: no tweets found under {args.archives}", file=sys.stderr)
        return 1
    print(f"{len(texts)} real tweet texts from {args.archives}")
    passed = True

    if not args.skip_minilm:
        import torch
        from sentence_transformers import SentenceTransformer

        sample = texts[: args.texts]
        model = SentenceTransformer(minilm_model_path(), device="cpu")
        model.max_seq_length = 256

        def encode(batch: list[str]) -> object:
            return model.encode(batch, batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True)

        handle = start_standin("minilm")
        try:
            encode(sample[:BATCH])
            local_rates: list[float] = []
            http_rates: list[float] = []
            for round_no in range(1, args.rounds + 1):
                local_rates.append(in_process(encode, sample))
                http_rates.append(over_http(handle, "all-minilm", sample, args.in_flight)[0])
                print(
                    f"  round {round_no}: in-process {local_rates[-1]:8.1f} texts/s   "
                    f"stand-in HTTP {http_rates[-1]:8.1f} texts/s"
                )
        finally:
            handle.stop()
        local, http = statistics.median(local_rates), statistics.median(http_rates)
        ratio = http / local
        passed &= ratio >= MINILM_TARGET
        print(
            f"minilm ({len(sample)} texts x {args.rounds} rounds, batches of {BATCH}, {args.in_flight} in "
            f"flight, torch threads {torch.get_num_threads()}): in-process {local:.1f} texts/s, "
            f"stand-in over HTTP {http:.1f} texts/s, ratio {ratio:.3f} (target >= {MINILM_TARGET})"
        )

    handle = start_standin("hash")
    try:
        corpus = texts * args.hash_repeat
        hash_rate, hash_capacity = max(
            over_http(handle, "hash-embed", corpus, args.in_flight, decode=args.decode)
            for _ in range(args.hash_runs)
        )
    finally:
        handle.stop()
    passed &= hash_rate >= HASH_TARGET
    print(
        f"hash ({len(corpus)} texts, batches of {BATCH}, {args.in_flight} in flight, client "
        f"{'decodes every response' if args.decode else 'reads every response, decodes a sample'}): "
        f"{hash_rate:.0f} texts/s over HTTP (target >= {HASH_TARGET:.0f}); the server process used "
        f"1 CPU-second per {hash_capacity:.0f} texts; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs"
    )
    print("PASS" if passed else "FAIL: a target was missed (the machine may be busy: run again)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
