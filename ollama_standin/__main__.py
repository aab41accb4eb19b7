"""Command line of the Ollama stand-in: `python -m ollama_standin --backend {hash,minilm} --port PORT`.

Loads the embedding backend, binds the port (0 picks a free one), prints one line
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
from ollama_standin.faults import FaultOptions
from ollama_standin.server import StandinServer, StandinState

CHAT_DEFAULT_MODEL = "extractive"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The stand-in's options."""
    parser = argparse.ArgumentParser(
        prog="python -m ollama_standin",
        description="A stand-in for Ollama's HTTP API (embeddings + extractive chat) for tests and demos.",
    )
    parser.add_argument("--backend", choices=("hash", "minilm"), default="hash", help="embedding backend")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=11434, help="port to bind; 0 picks a free one")
    parser.add_argument("--embed-model", help="embedding model name (hash-embed or all-minilm by backend)")
    parser.add_argument("--chat-model", default=CHAT_DEFAULT_MODEL, help="chat model name (extractive)")
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
    return args


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
    backend = build_backend(args)
    state = StandinState(
        backend=backend,
        embed_model=backend.name,
        chat_model=args.chat_model,
        faults=FaultOptions(
            latency_ms=args.latency_ms,
            fail_every=args.fail_every,
            fail_status=args.fail_status,
            drop_every=args.drop_every,
            slow_stream_ms=args.slow_stream_ms,
        ),
        load_seconds=time.perf_counter() - started,
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
