"""The web server's figures, measured against the Ollama stand-in over the sample archive.

1. Page: how long `GET /` and its script and stylesheet take (a fresh connection each time).
2. First answer piece: the time from sending a question to its first answer piece, through the chain itself
   (`build_rag_chain(...).stream()` in this process, as `tweet-rag ask` runs it) and through
   `POST /api/ask`, interleaved question by question; the difference is what the server adds.
3. Load: 20 questions sent at once through the API (each read to its end), while the page and
   `/api/status` are fetched every 50 ms: errors, question latencies, and the page's latency under load.
Requests go out with TCP_NODELAY, as browsers send them: httpx leaves Nagle's algorithm on, so a POST whose
headers and body leave in two writes waits for the server's delayed ACK (up to 40 ms on Linux).
Usage: `python scripts/bench_serve.py [--questions 20] [--page-runs 50] [--slow-stream-ms 0] [--json]`.
Targets (issue 10): page < 200 ms; first piece within 50 ms of the chain's; 20 at once without error.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from chains import build_rag_chain
from chains.llm import build_chat_model
from devtools.scripts_runner import PROJECT, run_script, standin_env
from devtools.serve_runner import WebServer
from ollama_standin.process import start_standin
from rag.search.retrieval import open_retriever
from rag.settings import Settings

SAMPLE = PROJECT / "sample" / "twitter-sample"
NODELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
TOPICS = ("cycling in Lisbon", "sourdough", "Rust", "moving house", "coffee", "the river", "bread", "rain")


def client(timeout: float = 120.0) -> httpx.Client:
    """An HTTP client whose connections send at once (TCP_NODELAY), as a browser's do."""
    return httpx.Client(transport=httpx.HTTPTransport(socket_options=NODELAY), timeout=timeout)


def ms(seconds: float) -> float:
    """Seconds as milliseconds, rounded to 0.1."""
    return round(seconds * 1000, 1)


def summary(samples: Sequence[float]) -> dict[str, float]:
    """Median, 95th percentile and maximum of samples in seconds, as milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": ms(statistics.median(ordered)), "p95_ms": ms(p95), "max_ms": ms(ordered[-1])}


def time_page(url: str, runs: int) -> dict[str, Any]:
    """`GET /` alone, and with its script and stylesheet, each on a fresh connection."""
    page: list[float] = []
    whole: list[float] = []
    for _ in range(runs):
        with client() as http:
            started = time.perf_counter()
            response = http.get(f"{url}/")
            page.append(time.perf_counter() - started)
            for asset in ("/static/app.js", "/static/app.css"):
                http.get(f"{url}{asset}").raise_for_status()
            whole.append(time.perf_counter() - started)
        response.raise_for_status()
    return {"page": summary(page), "page_and_assets": summary(whole)}


def first_piece_api(url: str, question: str) -> float:
    """Seconds from sending the question to the first `answer` event of `POST /api/ask`."""
    with client() as http:
        started = time.perf_counter()
        with http.stream("POST", f"{url}/api/ask", json={"question": question}) as response:
            response.raise_for_status()
            for line in response.iter_lines():
                if line == "event: answer":
                    return time.perf_counter() - started
    raise RuntimeError(f"no answer piece for {question!r}")


def time_first_piece(url: str, settings: Settings, questions: Sequence[str]) -> dict[str, Any]:
    """First answer piece through the chain in this process and through the API, interleaved."""
    chain = build_rag_chain(
        open_retriever(settings), build_chat_model(settings), settings.prompt, settings=settings
    )
    direct: list[float] = []
    api: list[float] = []
    for question in questions:
        started = time.perf_counter()
        for chunk in chain.stream({"question": question}):
            if "answer" in chunk:
                direct.append(time.perf_counter() - started)
                break
        api.append(first_piece_api(url, question))
    chain_median, api_median = statistics.median(direct), statistics.median(api)
    return {
        "chain": summary(direct),
        "api": summary(api),
        "added_median_ms": ms(api_median - chain_median),
        "ratio": round(api_median / chain_median, 2),
    }


def ask_whole(url: str, question: str) -> tuple[float, list[str]]:
    """Seconds for a whole answer through the API, and the names of its events."""
    names: list[str] = []
    with client(300) as http:
        started = time.perf_counter()
        with http.stream("POST", f"{url}/api/ask", json={"question": question}) as response:
            if response.status_code != 200:
                return time.perf_counter() - started, [f"http {response.status_code}"]
            for line in response.iter_lines():
                if line.startswith("event: "):
                    names.append(line[7:])
    return time.perf_counter() - started, names


def time_load(url: str, count: int) -> dict[str, Any]:
    """`count` questions at once, with the page and the status fetched every 50 ms meanwhile."""
    questions = [f"what did I say about {TOPICS[n % len(TOPICS)]}?" for n in range(count)]
    times: dict[str, list[float]] = {"/": [], "/api/status": []}
    stop = threading.Event()

    def poll() -> None:
        with client(60) as http:
            while not stop.is_set():
                for path, samples in times.items():
                    started = time.perf_counter()
                    http.get(f"{url}{path}").raise_for_status()
                    samples.append(time.perf_counter() - started)
                stop.wait(0.05)

    with client() as http:  # the page has asked for the status once already when it opened
        http.get(f"{url}/api/status").raise_for_status()
    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        results = list(pool.map(lambda question: ask_whole(url, question), questions))
    wall = time.perf_counter() - started
    stop.set()
    poller.join()
    failed = [
        names for _, names in results if "error" in names or not names or names[-2:] != ["sources", "done"]
    ]
    return {
        "questions": count,
        "failed": len(failed),
        "first_failure": failed[0] if failed else None,
        "wall_ms": ms(wall),
        "question": summary([seconds for seconds, _ in results]),
        "page_under_load": summary(times["/"]) | {"requests": len(times["/"])},
        "status_under_load": summary(times["/api/status"]),
    }


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--questions", type=int, default=20, help="questions sent at once (20)")
    parser.add_argument("--page-runs", type=int, default=50, help="page loads timed (50)")
    parser.add_argument("--first-piece-runs", type=int, default=16, help="questions timed to the first piece")
    parser.add_argument("--slow-stream-ms", type=int, default=0, help="stand-in delay between answer pieces")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    standin = start_standin("hash", slow_stream_ms=args.slow_stream_ms)
    server: WebServer | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
            env = standin_env(standin.url, Path(folder) / "chroma", CHAT_MODEL="extractive")
            built = run_script("build_index.py", env, "--archive", str(SAMPLE))
            if built.returncode != 0:
                print(built.stderr, file=sys.stderr)
                return 1
            server = WebServer(env)
            settings = Settings.from_env(env)
            questions = [
                f"what did I say about {TOPICS[n % len(TOPICS)]}?" for n in range(args.first_piece_runs)
            ]
            first_piece_api(server.url, questions[0])  # warm both sides up once
            result = {
                "page": time_page(server.url, args.page_runs),
                "first_piece": time_first_piece(server.url, settings, questions),
                "load": time_load(server.url, args.questions),
                "slow_stream_ms": args.slow_stream_ms,
            }
            server.stop()
    finally:
        if server is not None:
            server.stop()
        standin.stop()
    if args.json:
        print(json.dumps(result))
        return 0
    page, first, load = result["page"], result["first_piece"], result["load"]
    print(
        f"page GET /                 median {page['page']['median_ms']} ms, p95 {page['page']['p95_ms']} ms"
    )
    print(f"page + script + stylesheet median {page['page_and_assets']['median_ms']} ms, "
          f"p95 {page['page_and_assets']['p95_ms']} ms")  # fmt: skip
    print(f"first answer piece         chain {first['chain']['median_ms']} ms, "
          f"API {first['api']['median_ms']} ms (median; the server adds {first['added_median_ms']} ms, "
          f"ratio {first['ratio']})")  # fmt: skip
    print(f"{load['questions']} questions at once     {load['failed']} failed, all answered in "
          f"{load['wall_ms']} ms (each: median {load['question']['median_ms']} ms, max "
          f"{load['question']['max_ms']} ms)")  # fmt: skip
    under, status = load["page_under_load"], load["status_under_load"]
    print(f"page under load            median {under['median_ms']} ms, max {under['max_ms']} ms "
          f"({under['requests']} requests); /api/status median {status['median_ms']} ms, "
          f"max {status['max_ms']} ms")  # fmt: skip
    return 0 if load["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
