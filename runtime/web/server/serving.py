"""Serving the DICOMweb application through hypercorn: HTTP/2 and trio.

uvicorn (what ``dicomkit serve`` runs by default) speaks HTTP/1.1 on asyncio.  hypercorn
speaks HTTP/1.1 and HTTP/2 (RFC 9113) on asyncio and on trio: over TLS HTTP/2 is chosen in
the handshake (ALPN ``h2``, RFC 9113 3.2), over cleartext (``h2c``) by a client that starts
with the HTTP/2 connection preface ("prior knowledge", RFC 9113 3.3) or asks to upgrade
(RFC 7540 3.2).  :func:`serve_hypercorn` runs an ASGI application on a socket bound with
:func:`listen_socket` (so that port 0 gives a free port known before serving, and a port in
use fails at once), on whichever anyio backend runs it, until ``shutdown`` is set or the
task is cancelled.

>>> sock = listen_socket("127.0.0.1", 0)                           # doctest: +SKIP
>>> await serve_hypercorn(create_app(archive), sock, tls=tls)      # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass
from typing import Any

import anyio

from dicomkit.web.security import TLSConfig

__all__ = ["HTTP2_ALPN", "HypercornOptions", "listen_socket", "serve_hypercorn"]

#: ALPN protocol ids (RFC 7301; IANA registry): HTTP/2 over TLS, then HTTP/1.1
HTTP2_ALPN = ("h2", "http/1.1")


def listen_socket(host: str, port: int, *, backlog: int = 1024) -> socket.socket:
    """A TCP socket bound to ``host:port`` (0: a free port) and listening.

    Raises
    ------
    OSError
        The address is in use or not one of this machine's (with the address in the message).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {exc.strerror or exc} (in "
                      "use, or not an address of this machine)") from None
    sock.setblocking(False)
    return sock


@dataclass(frozen=True)
class HypercornOptions:
    """How :func:`serve_hypercorn` serves.

    Attributes
    ----------
    tls
        Serve HTTPS (and mutual TLS) with these settings; None: cleartext.
    http2
        Offer HTTP/2: ALPN ``h2`` over TLS (cleartext HTTP/2, h2c, is hypercorn's answer to a
        client that sends the HTTP/2 preface whatever this says).  False: ALPN offers only
        ``http/1.1``.
    access_log
        One line per request on stderr.
    keep_alive_seconds
        How long an idle connection is kept.
    """

    tls: TLSConfig | None = None
    http2: bool = True
    access_log: bool = False
    keep_alive_seconds: float = 5.0

    def config(self, sock: socket.socket) -> Any:
        """The ``hypercorn.config.Config`` serving on ``sock`` (which it takes over)."""
        from hypercorn.config import Config

        config = Config()
        # hypercorn takes the bound socket by its descriptor (its ``fd://`` bind)
        bind = [f"fd://{sock.detach()}"]
        if self.tls is not None:
            for name, value in self.tls.hypercorn_options().items():
                setattr(config, name, value)
            config.bind = bind
            config.insecure_bind = []
        else:
            config.bind = bind
        config.alpn_protocols = list(HTTP2_ALPN if self.http2 else HTTP2_ALPN[1:])
        config.accesslog = "-" if self.access_log else None
        config.errorlog = "-"
        config.keep_alive_timeout = self.keep_alive_seconds
        config.include_server_header = False
        return config


def _on_asyncio() -> bool:
    """True under asyncio, False under trio (the two anyio backends)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def serve_hypercorn(app: Any, sock: socket.socket, options: HypercornOptions | None = None,
                          *, shutdown: anyio.Event | None = None) -> None:
    """Serve the ASGI ``app`` on the listening ``sock`` (see :func:`listen_socket`; hypercorn
    takes it over and closes it) on the running anyio backend, asyncio or trio, until
    ``shutdown`` is set (connections are then closed gracefully) or the task is cancelled.

    Raises
    ------
    ImportError
        hypercorn is not installed (``pip install 'dicomkit[server-http2]'``).
    """
    try:
        import hypercorn  # noqa: F401
    except ImportError as exc:
        sock.close()
        raise ImportError("HTTP/2 and trio serving need hypercorn: pip install "
                          "'dicomkit[server-http2]' (or hypercorn)") from exc
    config = (options or HypercornOptions()).config(sock)
    stop = shutdown or anyio.Event()
    if not _on_asyncio():
        from hypercorn.trio import serve as trio_serve

        await trio_serve(app, config, shutdown_trigger=stop.wait, mode="asgi")
    else:
        from hypercorn.asyncio import serve as asyncio_serve

        await asyncio_serve(app, config, shutdown_trigger=stop.wait, mode="asgi")
