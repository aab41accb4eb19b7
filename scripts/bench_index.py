"""Benchmark indexing against the Ollama stand-in: throughput, the seed-style loop, re-runs, memory.

In one run, on the same texts and the same server (the `minilm` stand-in, the real all-MiniLM-L6-v2):
raw `/api/embed` throughput (plain HTTP, same batches and concurrency), our pipeline (`index_documents`:
diff, embed, write, BM25), `Chroma.from_documents` and the seed-style loop of one embed call and one Chroma
add per tweet (measured on a sample, rate extrapolated). Then, with the `hash` stand-in: build_index re-run
on an unchanged 20,000-tweet archive (embedding requests and seconds) and a 100,000-tweet index in a fresh
process (its peak RSS from `wait4`). Archives are generated from the alrocar-2024 fixture (ids re-numbered)
under .cache/bench/ (git-ignored).

    python scripts/bench_index.py [--docs 2000] [--seed-sample 100] [--unchanged 20000] [--memory 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import chromadb  # noqa: E402
import httpx  # noqa: E402
from chromadb.config import Settings as ChromaSettings  # noqa: E402
from langchain_chroma import Chroma  # noqa: E402
from langchain_core.documents import Document  # noqa: E402
from langchain_ollama import OllamaEmbeddings  # noqa: E402

from devtools.scripts_runner import script_command, standin_env  # noqa: E402
from devtools.synthetic_archive import write_archive  # noqa: E402
from ollama_standin.process import StandinHandle, start_standin  # noqa: E402
from rag.documents.loader import TwitterArchiveLoader  # noqa: E402
from rag.embedding_models import document_text_for_embedding  # noqa: E402
from rag.indexing.embeddings import make_embeddings  # noqa: E402
from rag.indexing.pipeline import index_documents  # noqa: E402
from rag.indexing.store import open_collection  # noqa: E402
from rag.settings import Settings  # noqa: E402

CACHE = ROOT / ".cache" / "bench"


def make_archive(tweets_wanted: int) -> Path:
    """An archive of `tweets_wanted` real alrocar-2024 tweets (copies with new ids), cached."""
    directory = CACHE / f"archive-{tweets_wanted}"
    if (directory / "done").is_file():
        return directory
    records = write_archive(directory, tweets_wanted, trim=True)
    (directory / "done").write_text(str(records))
    return directory


def load_documents(archive: Path, model: str, limit: int) -> tuple[list[Document], float, int]:
    """The first `limit` documents of the archive, the seconds the loader took, tweets read."""
    started = time.perf_counter()
    loader = TwitterArchiveLoader(archive, embed_model=model, pause_gc=True)
    documents = list(loader.lazy_load())[:limit]
    return documents, time.perf_counter() - started, loader.report.tweets_read


def raw_throughput(url: str, model: str, texts: Sequence[str], batch: int, concurrency: int) -> float:
    """Texts per second of bare `/api/embed` requests: same batches, same requests in flight."""
    prefixed = sorted((document_text_for_embedding(model, text) for text in texts), key=len)  # as ours does
    batches = [prefixed[start : start + batch] for start in range(0, len(prefixed), batch)]
    with httpx.Client(base_url=url, timeout=600) as client:

        def post(inputs: list[str]) -> int:
            response = client.post("/api/embed", json={"model": model, "input": inputs})
            response.raise_for_status()
            return len(response.json()["embeddings"])

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            done = sum(pool.map(post, batches))
        seconds = time.perf_counter() - started
    assert done == len(texts)
    return len(texts) / seconds


def chroma_client(directory: Path) -> Any:
    """An embedded Chroma in `directory`."""
    return chromadb.PersistentClient(path=str(directory), settings=ChromaSettings(anonymized_telemetry=False))


def ours(url: str, model: str, documents: list[Document], batch: int, concurrency: int, work: Path) -> float:
    """Documents per second of our pipeline into a fresh collection (BM25 rebuild included)."""
    settings = Settings(chroma_dir=work / "ours", embed_model=model, collection="bench")
    client = chroma_client(settings.chroma_dir)
    embeddings = make_embeddings([url], model, batch_size=batch, concurrency=concurrency)
    started = time.perf_counter()
    collection = open_collection(client, settings, model, 384)
    report = index_documents(
        documents, collection, embeddings, model=model, lexical_dir=settings.lexical_dir, max_batch=5461
    )
    seconds = time.perf_counter() - started
    assert report.embedded == len(documents) and collection.count() == len(documents), report
    return len(documents) / seconds


def from_documents(url: str, model: str, documents: list[Document], work: Path) -> float:
    """Documents per second of `Chroma.from_documents` with a plain `OllamaEmbeddings`."""
    client = chroma_client(work / "from_documents")
    started = time.perf_counter()
    store = Chroma.from_documents(
        documents,
        OllamaEmbeddings(model=model, base_url=url),
        client=client,
        collection_name="bench",
        collection_configuration={"hnsw": {"space": "cosine"}},
    )
    seconds = time.perf_counter() - started
    assert store._collection.count() == len(documents)
    return len(documents) / seconds


def seed_loop(url: str, model: str, documents: list[Document], work: Path) -> float:
    """Documents per second of one embed call and one Chroma add per tweet (the seed's loop)."""
    client = chroma_client(work / "seed")
    store = Chroma(
        client=client, collection_name="bench", embedding_function=OllamaEmbeddings(model=model, base_url=url)
    )
    started = time.perf_counter()
    for document in documents:
        store.add_texts([document.page_content], metadatas=[document.metadata], ids=[str(document.id)])
    return len(documents) / (time.perf_counter() - started)


def run_build_index_rss(archive: Path, url: str, chroma_dir: Path) -> tuple[dict[str, Any], float, float]:
    """Run build_index.py --json on `archive` against the stand-in, reaping it with wait4 for its peak RSS."""
    env = standin_env(url, chroma_dir, COLLECTION="bench")
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        started = time.perf_counter()
        process = subprocess.Popen(
            script_command("build_index.py", "--archive", str(archive), "--json"),
            env=env,
            stdout=out_file,
            stderr=err_file,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        err_file.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"build_index failed ({process.returncode}): {err_file.read().strip()}")
        return json.loads(out_file.read()), wall, usage.ru_maxrss / 1024


def parse_args() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents for the throughput comparison")
    parser.add_argument("--seed-sample", type=int, default=100, help="documents for the seed-style loop")
    parser.add_argument(
        "--repeat", type=int, default=3, help="interleaved runs of raw / ours / from_documents"
    )
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument(
        "--unchanged", type=int, default=20_000, help="tweets for the unchanged re-run (0 skips)"
    )
    parser.add_argument(
        "--memory", type=int, default=100_000, help="tweets for the peak-memory run (0 skips)"
    )
    parser.add_argument("--skip-minilm", action="store_true", help="skip the minilm throughput comparison")
    return parser.parse_args()


def main() -> int:
    """Run the benchmarks and print the figures side by side."""
    args = parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    if not args.skip_minilm:
        standin: StandinHandle = start_standin("minilm")
        try:
            model = standin.embed_model
            archive = make_archive(max(args.docs * 2, 3000))
            documents, load_seconds, tweets = load_documents(archive, model, args.docs)
            texts = [document.page_content for document in documents]
            say(
                f"minilm stand-in, {len(documents)} documents "
                f"(loader: {tweets} tweets in {load_seconds:.1f}s)"
            )
            raw_throughput(standin.url, model, texts[:256], args.batch_size, args.concurrency)  # warm up
            raws: list[float] = []
            ours_rates: list[float] = []
            fd_rates: list[float] = []
            for _ in range(args.repeat):  # interleaved, so that load from elsewhere hits each alike
                with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
                    work = Path(tmp)
                    raws.append(raw_throughput(standin.url, model, texts, args.batch_size, args.concurrency))
                    ours_rates.append(
                        ours(standin.url, model, documents, args.batch_size, args.concurrency, work)
                    )
                    fd_rates.append(from_documents(standin.url, model, documents, work))
            with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
                seed_rate = seed_loop(standin.url, model, documents[: args.seed_sample], Path(tmp))
            one_request = raw_throughput(standin.url, model, texts, len(texts), 1)
            raw, ours_rate, fd_rate = median(raws), median(ours_rates), median(fd_rates)

            def runs(values: list[float]) -> str:
                return ", ".join(f"{value:.1f}" for value in values)

            say(f"  (medians of {args.repeat} interleaved runs; each run in brackets)")
            say(
                f"  raw /api/embed (batch {args.batch_size}, {args.concurrency} in flight): "
                f"{raw:7.1f} docs/s [{runs(raws)}]"
            )
            say(f"  raw /api/embed, all {len(texts)} texts in one request: {one_request:7.1f} docs/s")
            say(
                f"  our pipeline (embed + write + BM25): {ours_rate:7.1f} docs/s [{runs(ours_rates)}] = "
                f"{ours_rate / raw:.0%} of raw (target >= 90%)"
            )
            say(
                f"  Chroma.from_documents: {fd_rate:7.1f} docs/s [{runs(fd_rates)}] "
                f"-> ours x{ours_rate / fd_rate:.2f}"
            )
            say(
                f"  seed loop (1 embed + 1 add per tweet, {args.seed_sample} docs): {seed_rate:7.1f} docs/s "
                "-> ours "
                f"x{ours_rate / seed_rate:.1f} (target >= 20x); {len(documents)} docs would take "
                f"{len(documents) / seed_rate:.0f}s vs {len(documents) / ours_rate:.0f}s"
            )
        finally:
            standin.stop()

    if args.unchanged or args.memory:
        standin = start_standin("hash")
        try:
            if args.unchanged:
                archive = make_archive(args.unchanged)
                with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
                    first, _, _ = run_build_index_rss(archive, standin.url, Path(tmp))
                    standin.reset_stats()
                    again, again_wall, _ = run_build_index_rss(archive, standin.url, Path(tmp))
                    embeds = standin.requests_to("/api/embed") - 1  # the preflight probe
                say(
                    f"hash stand-in, {first['tweets_read']} tweets -> {first['documents']} documents: "
                    "first index "
                    f"{first['seconds']:.1f}s ({first['tweets_per_second']:.0f} tweets/s)"
                )
                say(
                    f"  unchanged re-run: {embeds} embedding requests, {again['embedded']} embedded, "
                    f"{again['seconds']:.2f}s in build_index "
                    f"({again_wall:.2f}s with interpreter start; target < 3 s)"
                )
            if args.memory:
                archive = make_archive(args.memory)
                with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
                    report, _, peak = run_build_index_rss(archive, standin.url, Path(tmp))
                say(
                    f"hash stand-in, {report['tweets_read']} tweets -> {report['documents']} documents in "
                    f"{report['seconds']:.0f}s ({report['tweets_per_second']:.0f} tweets/s): peak RSS of "
                    f"build_index {peak:.0f} MiB (target < 1536 MiB)"
                )
        finally:
            standin.stop()
    (CACHE / "bench_index.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
