"""A small HTTP server on a free loopback port whose answers each test scripts: the DICOMweb
server that misbehaves in exactly the way a test needs (204 for no results, Warning 299,
charset parameters, odd header case, unquoted boundaries, 429 before 200 ...).

``with QuirkServer(handler) as server:`` runs it in a thread; ``handler(request)`` returns
``(status, [(name, value), ...], body)`` and every request is kept in ``server.requests``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    raw_query: str = ""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


Answer = tuple[int, list[tuple[str, str]], bytes]
Handler = Callable[[Request], Answer]


@dataclass
class QuirkServer:
    handler: Handler
    ssl_context: Any = None
    requests: list[Request] = field(default_factory=list)
    _httpd: Any = None
    _thread: Any = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://{host}:{port}/dicom-web"

    def __enter__(self) -> QuirkServer:
        outer = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = b""
                    while True:
                        size = int(self.rfile.readline().strip(), 16)
                        if size == 0:
                            self.rfile.readline()
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    body = self.rfile.read(length) if length else b""
                split = urlsplit(self.path)
                req = Request(self.command, split.path, parse_qsl(split.query, keep_blank_values=True),
                              {k.lower(): v for k, v in self.headers.items()}, body, split.query)
                outer.requests.append(req)
                status, headers, payload = outer.handler(req)
                self.send_response(status)
                names = {k.lower() for k, _ in headers}
                for k, v in headers:
                    self.send_header(k, v)
                if "content-length" not in names and "transfer-encoding" not in names:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _serve
            do_POST = _serve

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self._httpd.daemon_threads = True
        if self.ssl_context is not None:
            self._httpd.socket = self.ssl_context.wrap_socket(self._httpd.socket, server_side=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)
