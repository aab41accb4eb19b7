"""Command line of the Ollama stand-in: `ollama-standin --backend {hash,minilm} [--chat {extractive,llm}]`.

Loads the chat model (`--chat llm`: Qwen2.5-Coder-1.5B-Instruct, assembled from the `llm` extra's
packages on first use; a missing package prints one line naming what to install and exits 2) and the
embedding backend, binds the port (0 picks a free one), prints one line
`ollama stand-in listening on http://HOST:PORT` once it answers requests, and serves until interrupted
(Ctrl-C or SIGTERM). Flags set model names and fault injection; see `--help`.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from types import FrameType

from ollama_standin.backends import (
    HASH_DEFAULT_CONTEXT,
    HASH_DEFAULT_DIMENSIONS,
    HASH_DEFAULT_MODEL,
    MINILM_DEFAULT_MODEL,
    EmbeddingBackend,
    HashBackend,
    MiniLMBackend,
)
from ollama_standin.chat import EXTRACTIVE_MODEL, LLM_MODEL, ChatModel, ExtractiveChat, GenerationSlot
from ollama_standin.faults import FaultOptions
from ollama_standin.server import StandinServer, StandinState


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The stand-in's options."""
    parser = argparse.ArgumentParser(
        prog="ollama-standin",
        description="A stand-in for Ollama's HTTP API (embeddings + chat) for tests, benchmarks and demos.",
    )
    parser.add_argument("--backend", choices=("hash", "minilm"), default="hash", help="embedding backend")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=11434, help="port to bind; 0 picks a free one")
    parser.add_argument("--embed-model", help="embedding model name (hash-embed or all-minilm by backend)")
    parser.add_argument(
        "--chat",
        choices=("extractive", "llm"),
        default="extractive",
        help="chat model: the instant extractive responder (default) or a real instruct model (llm extra)",
    )
    parser.add_argument("--chat-model", help=f"chat model name ({EXTRACTIVE_MODEL} or {LLM_MODEL} by --chat)")
    parser.add_argument(
        "--threads", type=int, default=0, help="CPU threads for --chat llm (default: all cores)"
    )
    parser.add_argument(
        "--max-queue", type=int, default=512, help="chat requests that may wait (more get 503; Ollama: 512)"
    )
    parser.add_argument(
        "--model-cache", help="folder for the assembled chat model (~/.cache/tweet-rag/models)"
    )
    parser.add_argument(
        "--dimensions", type=int, default=HASH_DEFAULT_DIMENSIONS, help="hash backend vector size (384)"
    )
    parser.add_argument(
        "--context-length", type=int, default=HASH_DEFAULT_CONTEXT, help="hash backend context in tokens"
    )
    parser.add_argument("--latency-ms", type=int, default=0, help="delay added to every model request")
    parser.add_argument(
        "--fail-every", type=int, default=0, help="answer every Nth model request with an error"
    )
    parser.add_argument("--fail-status", type=int, default=500, help="status of injected errors (500)")
    parser.add_argument(
        "--drop-every", type=int, default=0, help="close every Nth model request's connection"
    )
    parser.add_argument("--slow-stream-ms", type=int, default=0, help="delay between streamed chat chunks")
    parser.add_argument("--log-level", default="WARNING", help="logging level (DEBUG logs every request)")
    args = parser.parse_args(argv)
    for flag in ("latency_ms", "fail_every", "drop_every", "slow_stream_ms"):
        if getattr(args, flag) < 0:
            parser.error(f"--{flag.replace('_', '-')} must be 0 or more")
    if args.dimensions < 1 or args.context_length < 1:
        parser.error("--dimensions and --context-length must be positive")
    if args.threads < 0 or args.max_queue < 0:
        parser.error("--threads and --max-queue must be 0 or more")
    return args


def build_chat(args: argparse.Namespace) -> ChatModel:
    """The chat model the flags ask for; for llm, the weights are assembled and the model loaded."""
    if args.chat == "extractive":
        return ExtractiveChat(args.chat_model or EXTRACTIVE_MODEL)
    from pathlib import Path

    from ollama_standin.chat import LlamaChat
    from ollama_standin.generation import LlamaEngine
    from ollama_standin.weights import ensure_weights

    path = ensure_weights(Path(args.model_cache).expanduser() if args.model_cache else None)
    return LlamaChat(LlamaEngine(path, threads=args.threads or None), args.chat_model or LLM_MODEL)


def build_backend(args: argparse.Namespace) -> EmbeddingBackend:
    """The embedding backend the flags ask for (loading the model for minilm)."""
    if args.backend == "minilm":
        return MiniLMBackend(name=args.embed_model or MINILM_DEFAULT_MODEL)
    return HashBackend(
        name=args.embed_model or HASH_DEFAULT_MODEL,
        dimensions=args.dimensions,
        context_length=args.context_length,
    )


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the stand-in and serve until interrupted."""
    args = parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    started = time.perf_counter()
    try:
        chat = build_chat(args)
    except (RuntimeError, OSError) as error:  # WeightsError, RuntimeMissing, a model llama.cpp cannot load
        print(f"error: {error}", file=sys.stderr)
        return 2
    chat_load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    backend = build_backend(args)
    load_seconds = time.perf_counter() - started
    state = StandinState(
        backend=backend,
        embed_model=backend.name,
        chat=chat,
        slot=GenerationSlot(args.max_queue),
        chat_load_seconds=chat_load_seconds,
        faults=FaultOptions(
            latency_ms=args.latency_ms,
            fail_every=args.fail_every,
            fail_status=args.fail_status,
            drop_every=args.drop_every,
            slow_stream_ms=args.slow_stream_ms,
        ),
        load_seconds=load_seconds,
    )
    try:
        server = StandinServer((args.host, args.port), state)
    except OSError as error:
        print(f"error: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _stop)
    host, port = str(args.host), int(server.server_address[1])
    print(f"ollama stand-in listening on http://{host}:{port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM (see _stop)
        pass
    finally:
        server.server_close()
    return 0


def run() -> None:
    """Entry point of the `ollama-standin` command and `python -m ollama_standin`."""
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # skip the interpreter teardown, which takes seconds once torch is loaded


if __name__ == "__main__":
    run()
