"""What the answer chain adds beyond retrieval and the model calls, measured side by side in one run.

Runs the chain with an instant retriever (six fixed tweets) and an instant fake chat model, interleaved
with the same retriever and model called directly, and prints the medians and the chain's overhead. It
also times the chain built with `RunnablePassthrough.assign` steps (which start a thread pool per step) to
show why the chain uses its own `_assign`. The issue's target is at most 10 ms of overhead.
Usage: `python scripts/bench_chain.py [--runs 300] [--json]`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnablePassthrough

import chains.rag as rag_chain
from chains.context import expand_documents, format_context
from chains.prompts import load_prompt
from devtools.instant_retriever import InstantRetriever
from tweet_rag.common import run_main

REPLY = "You tweeted python tips for beginners [1] and about your tomatoes [2], twice [3]."


def tweets() -> list[Document]:
    """Six tweets with the metadata the loader writes."""
    return [
        Document(
            id=str(1000 + n),
            page_content=f"tweet number {n} about python tips, tomatoes and bikes " * 3,
            metadata={
                "tweet_id": str(1000 + n),
                "tweet_ids": str(1000 + n),
                "tweet_offsets": "0",
                "url": f"https://x.com/tessa/status/{1000 + n}",
                "created_at": "2019-06-15T00:00:00+00:00",
                "kind": "tweet",
            },
        )
        for n in range(6)
    ]


def median_ms(samples: list[float]) -> float:
    """Median in milliseconds."""
    return statistics.median(samples) * 1000


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    retriever = InstantRetriever(documents=tweets())
    prompt = load_prompt("default")

    def model() -> GenericFakeChatModel:
        return GenericFakeChatModel(messages=itertools.cycle([AIMessage(REPLY)]))

    chain = rag_chain.build_rag_chain(retriever, model(), prompt)
    own_assign = rag_chain._assign

    def passthrough_assign(key: str, step: Any, source: str | None = None) -> Any:
        return RunnablePassthrough.assign(**{key: (itemgetter(source) | step) if source else step})

    rag_chain._assign = passthrough_assign
    try:
        passthrough_chain = rag_chain.build_rag_chain(retriever, model(), prompt)
    finally:
        rag_chain._assign = own_assign
    direct_model = model()
    question = {"question": "python tips"}

    def direct() -> None:
        found = retriever.invoke(question["question"])
        messages = prompt.format_messages(context=format_context(expand_documents(found)), question="q")
        "".join(str(chunk.content) for chunk in direct_model.stream(messages))

    cases: dict[str, Callable[[], Any]] = {
        "chain_invoke": lambda: chain.invoke(question),
        "chain_stream": lambda: list(chain.stream(question)),
        "passthrough_assign_invoke": lambda: passthrough_chain.invoke(question),
        "retriever_and_model_alone": direct,
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, run in cases.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            samples[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
    medians = {name: round(median_ms(values), 3) for name, values in samples.items()}
    cpu_medians = {name: round(median_ms(values), 3) for name, values in cpu.items()}
    cpu_base = cpu_medians["retriever_and_model_alone"]
    base = medians["retriever_and_model_alone"]
    result = {
        "runs": args.runs,
        "median_ms": medians,
        "median_cpu_ms": cpu_medians,
        "overhead_ms": {
            "chain_invoke": round(medians["chain_invoke"] - base, 3),
            "chain_stream": round(medians["chain_stream"] - base, 3),
            "passthrough_assign_invoke": round(medians["passthrough_assign_invoke"] - base, 3),
        },
        "cpu_overhead_ms": {
            "chain_invoke": round(cpu_medians["chain_invoke"] - cpu_base, 3),
            "chain_stream": round(cpu_medians["chain_stream"] - cpu_base, 3),
        },
        "passthrough_over_chain": round(medians["passthrough_assign_invoke"] / medians["chain_invoke"], 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for name, value in medians.items():
            print(f"{name:28s} median {value:8.3f} ms wall {cpu_medians[name]:8.3f} ms CPU")
        wall, cpu_time = result["overhead_ms"], result["cpu_overhead_ms"]
        print(
            f"chain overhead (target <= 10 ms): invoke {wall['chain_invoke']:.2f} ms wall / "
            f"{cpu_time['chain_invoke']:.2f} ms CPU, stream {wall['chain_stream']:.2f} ms wall / "
            f"{cpu_time['chain_stream']:.2f} ms CPU; "
            f"the RunnablePassthrough.assign version is {result['passthrough_over_chain']}x slower"
        )
    return 0


if __name__ == "__main__":
    run_main(main)
