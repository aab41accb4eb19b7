"""`tweet-rag serve`: the web page over the index the settings name, on 127.0.0.1:8000 by default.

Binds the socket itself (so `--port 0` picks a free port and the printed address is the real one), then
runs the Starlette app with uvicorn until Ctrl-C. Bound to anything but a loopback address it warns, on
the terminal and in the page, that everyone who can reach this machine can read the tweets.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from rag.errors import ConfigError
from rag.settings import Settings
from tweet_rag.common import load_settings

LISTENING = "tweet-rag serving "
GRACE_SECONDS = 3  # on Ctrl-C, answers still streaming end within a second; this is the backstop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of `tweet-rag serve` and `scripts/serve.py`."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another name the page may be opened with (its Host header); repeatable",
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port; `ConfigError` with the fix when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as error:
        sock.close()
        raise ConfigError(
            f"cannot listen on {host}:{port} ({error.strerror}): choose another --port or stop what uses it"
        ) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def exposure_warning(host: str) -> str | None:
    """The warning for a server reachable from other machines, None on loopback."""
    from tweet_rag.web.security import is_loopback

    if is_loopback(host):
        return None
    return (
        f"this page is served on {host or 'every address'}, not only on this machine: anyone who can reach "
        "it can read your tweets and start an indexing; use --host 127.0.0.1 unless you mean it"
    )


def _server_class() -> type:
    import uvicorn

    class StoppingServer(uvicorn.Server):
        """uvicorn's server that also tells the app when Ctrl-C (or SIGTERM) asks it to stop."""

        def __init__(self, config: uvicorn.Config, stopping: threading.Event) -> None:
            super().__init__(config)
            self.stopping = stopping

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            self.stopping.set()
            super().handle_exit(sig, frame)

    return StoppingServer


def serve(args: argparse.Namespace, settings: Settings) -> int:
    """Run the server until interrupted."""
    import uvicorn

    from tweet_rag.web import create_app

    warning = exposure_warning(args.host)
    sock = bind(args.host, args.port)
    port = sock.getsockname()[1]
    stopping = threading.Event()
    app = create_app(
        settings, host=args.host, extra_hosts=args.allow_host, host_warning=warning, stopping=stopping
    )
    shown = f"[{args.host}]" if ":" in args.host else args.host
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{LISTENING}http://{shown}:{port}/ (index {settings.chroma_dir}, Ctrl-C to stop)", flush=True)
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=GRACE_SECONDS
    )
    _server_class()(config, stopping).run(sockets=[sock])
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `scripts/serve.py` (and `tweet-rag serve`)."""
    parser = argparse.ArgumentParser(description="Serve the tweet-rag web page over your index.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    return serve(args, load_settings())
