"""The page serves private data: refuse other hosts and other origins, and forbid outside requests.

`Guard` is an ASGI middleware in front of the whole app:
- **Host check** (DNS rebinding): a request whose `Host` header names anything other than the server's own
  names (`localhost`, `127.0.0.1`, `[::1]`, the address it is bound to, and names given with
  `--allow-host`) gets 403, so a web page on `evil.example` that re-resolves its name to 127.0.0.1 cannot
  read the answers.
- **Origin check**: a state-changing request (any method but GET/HEAD/OPTIONS: asking, uploading,
  indexing) carrying an `Origin` other than the server's own, `Origin: null`, or `Sec-Fetch-Site:
  cross-site`/`same-site` gets 403: another web page cannot start an indexing or spend the model's time.
  Command-line clients (curl, scripts), which send no `Origin`, are let through.
- **Headers** on every response: a Content-Security-Policy that allows only the page's own scripts, styles
  and connections (no inline script, no outside request, no framing), `nosniff`, no referrer, and
  `no-store` for the API.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names (lower case, IPv6 without brackets) a request may name in its `Host` header."""
    names = {*LOOPBACK_NAMES, *(name.strip().lower().strip("[]") for name in extra if name.strip())}
    if bind_host not in WILDCARDS:
        names.add(bind_host.lower().strip("[]"))
    return frozenset(names)


def host_name(header: str) -> str:
    """The name part of a `Host` header value (`[::1]:8000` -> `::1`, `Example:80` -> `example`)."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """ASGI middleware: Host and Origin checks, security headers (see the module docstring)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse or pass the request; add the headers to what the app sends."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        host = headers.get("host", "")
        refusal = self._refusal(scope, headers, host)
        if refusal is not None:
            logger.warning("refused %s %s: %s", scope["method"], scope["path"], refusal)
            await _send_json(send, 403, {"error": refusal})
            return
        is_api = str(scope["path"]).startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"cross-origin-resource-policy", b"same-origin"),
                ]
                if is_api:
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str], host: str) -> str | None:
        if not host or host_name(host) not in self.hosts:
            return (
                f"host {host!r} is not this server's name: open the page at the address `tweet-rag serve` "
                "printed (or start it with --allow-host NAME)"
            )
        if scope["method"] in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        site = headers.get("sec-fetch-site", "")
        if site in {"cross-site", "same-site"} or (
            origin is not None and origin.lower() != f"{scope.get('scheme', 'http')}://{host.lower()}"
        ):
            return f"requests from another web page ({origin or site}) may not change anything here"
        return None


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                (b"x-content-type-options", b"nosniff"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
