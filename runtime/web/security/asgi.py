"""Small ASGI helpers shared by the security middleware: plain-text refusals with headers, the
request's URL and client for messages and keys."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

__all__ = ["ASGIApp", "Message", "Receive", "Scope", "Send", "client_address", "header", "refuse",
           "request_url"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of a request header (``name`` in lower case), ``None`` when absent."""
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def request_url(scope: Scope) -> str:
    """The request's path and query string, for messages (never the token: callers pass a scope
    whose query string has it removed)."""
    path = str(scope.get("root_path", "")) + str(scope.get("path", ""))
    qs = bytes(scope.get("query_string", b""))
    return path + ("?" + qs.decode("latin-1") if qs else "")


def client_address(scope: Scope) -> str:
    """The client's address (``host`` of the ASGI ``client``), ``"unknown"`` when not given."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def refuse(scope: Scope, send: Send, status: int, message: str,
                 headers: Sequence[tuple[str, str]] = ()) -> None:
    """Answer ``status`` with ``message`` as text/plain (HTTP) or close the WebSocket before
    accepting it (code 1008, policy violation, RFC 6455 7.4.1; or 1013, try again later, for 429)."""
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1013 if status == 429 else 1008,
                    "reason": message[:120]})
        return
    body = (message + "\n").encode("utf-8")
    raw = [(b"content-type", b"text/plain; charset=utf-8"),
           (b"content-length", str(len(body)).encode()),
           (b"cache-control", b"no-store")]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})
