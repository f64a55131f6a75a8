"""Scraping the metrics: a tiny HTTP server on a port (a thread, the standard library's
``http.server``) or an ASGI app to mount in a web server, both answering ``GET /metrics``
with the Prometheus text format (``text/plain; version=0.0.4``).
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, MutableMapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from dicomkit.metrics.registry import Registry

__all__ = ["CONTENT_TYPE", "MetricsServer", "asgi_app"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
PATH = "/metrics"


class MetricsServer:
    """``GET /metrics`` on ``host:port`` (port 0: any free one, see :attr:`address`), served
    from a daemon thread until :meth:`close`."""

    def __init__(self, registry: Registry, host: str = "127.0.0.1", port: int = 9464) -> None:
        reg = registry

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server protocol
                if self.path.split("?", 1)[0] != PATH:
                    self.send_error(404, "only /metrics is served")
                    return
                body = reg.exposition().encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", CONTENT_TYPE)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # scrapes are not worth a log line each

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="dicomkit-metrics", daemon=True)
        self._thread.start()

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> MetricsServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def asgi_app(registry: Registry) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """An ASGI 3 application answering ``GET /metrics`` (404 elsewhere)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if scope.get("path") != PATH or scope.get("method") not in ("GET", "HEAD"):
            body, status, ctype = b"only GET /metrics is served\n", 404, "text/plain"
        else:
            body, status, ctype = registry.exposition().encode("utf-8"), 200, CONTENT_TYPE
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", ctype.encode()),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body",
                    "body": b"" if scope.get("method") == "HEAD" else body})

    return app
