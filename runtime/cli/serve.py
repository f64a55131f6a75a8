"""``dicomkit serve ARCHIVE``: a PACS in one process: the archive served over DIMSE (the
``dicomkit qrscp`` application entity: C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET, Storage
Commitment; PS3.4) and over DICOMweb (QIDO-RS, WADO-RS, STOW-RS; PS3.18) by uvicorn, both on
one event loop, until Ctrl-C or SIGTERM.  ``--http2`` (or ``--server hypercorn``) serves
DICOMweb through hypercorn instead: HTTP/2 over TLS (ALPN h2) and cleartext (h2c), and
``--backend trio`` runs everything on trio (:mod:`dicomkit.web.server.serving`).

An instance stored by either is found by the other at once (one index).  ``--ups DB`` serves
Unified Procedure Step over one workitem store on both: UPS-RS (PS3.18 11) with its WebSocket
Event Reports on the DICOMweb port, and the UPS SOP classes (PS3.4 Annex CC) on the DIMSE one;
a workitem made or changed over one is seen over the other, and every change reaches the
subscribers of both (DIMSE ones at their ``--ups-receiver AE=HOST:PORT`` address, retried
``--ups-retries`` times).  ``--http-port 0`` or
``--dimse-port 0`` takes a free port; the line ``DICOMweb on http://HOST:PORT`` and ``DIMSE on
HOST:PORT as AET`` on stderr say where when ready.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from dicomkit.cli.echo import ae_title

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit serve``."""
    parser.add_argument("archive", metavar="ARCHIVE", help="the archive folder (made when missing)")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="the index database (default sqlite beside ARCHIVE)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address both servers listen on (default 127.0.0.1; 0.0.0.0 for "
                             "every interface)")
    parser.add_argument("--http-port", type=int, default=8042, metavar="PORT",
                        help="DICOMweb port (default 8042; 0: any free port)")
    parser.add_argument("--dimse-port", type=int, default=11112, metavar="PORT",
                        help="DIMSE port (default 11112; 0: any free port)")
    parser.add_argument("--no-dimse", action="store_true", help="serve DICOMweb only")
    parser.add_argument("--aet", default="DICOMKIT", type=ae_title("our AE title"),
                        help="our AE title (default DICOMKIT)")
    parser.add_argument("--prefix", default="", metavar="PATH",
                        help="path DICOMweb is served under (e.g. /dicom-web; default the root)")
    parser.add_argument("--public-url", default=None, metavar="URL",
                        help="base URL clients reach DICOMweb at (for Retrieve URLs and "
                             "BulkDataURIs; default from Forwarded / X-Forwarded-* or Host)")
    parser.add_argument("--allow-delete", action="store_true",
                        help="answer DELETE of studies, series and instances (off by default)")
    parser.add_argument("--policy", choices=("keep", "replace", "reject"), default="keep",
                        help="what storing a SOP Instance UID again does (default keep)")
    parser.add_argument("--max-request-mb", type=int, default=4096, metavar="MB",
                        help="largest STOW-RS request body (default 4096 MB)")
    parser.add_argument("--search-cache-seconds", type=float, default=2.0, metavar="S",
                        help="reuse a Search answer this long while the archive is unchanged "
                             "by this process (default 2; 0: no cache)")
    parser.add_argument("--viewer", action="store_true",
                        help="serve the OHIF viewer at / of the HTTP port, DICOMweb under "
                             "--prefix (default /dicom-web then); the viewer's files from "
                             "--viewer-dir or an npm install (see README)")
    parser.add_argument("--viewer-dir", metavar="DIR", default=None,
                        help="the OHIF build (the folder with index.html) for --viewer")
    upsg = parser.add_argument_group("Unified Procedure Step (PS3.4 Annex CC, PS3.18 11)")
    upsg.add_argument("--ups", metavar="DB", default=None,
                      help="serve UPS-RS and the DIMSE UPS SCP over this workitem store "
                           "(SQLite file or SQLAlchemy URL)")
    upsg.add_argument("--ups-receiver", action="append", default=[], type=_receiver,
                      metavar="AE=HOST:PORT",
                      help="address of an AE that may subscribe over DIMSE (repeatable)")
    upsg.add_argument("--ups-retries", type=int, default=3, metavar="N",
                      help="attempts in all of an event delivery to a DIMSE subscriber "
                           "(exponential backoff; default 3; 1: no retry)")
    sec = parser.add_argument_group("security (PS3.18 8.1, RFC 6750)")
    sec.add_argument("--jwks", metavar="FILE", default=None,
                     help="require a bearer JWT verified against this JWKS file on every "
                          "DICOMweb request (scopes read/write/delete by method)")
    sec.add_argument("--issuer", default=None, help="the tokens' required iss")
    sec.add_argument("--audience", default=None, help="the tokens' required aud")
    sec.add_argument("--rate", type=float, default=None, metavar="REQ/S",
                     help="requests per second per client (token bucket; 429 past it)")
    sec.add_argument("--cert", default=None, metavar="PEM",
                     help="serve HTTPS with this certificate (and --key)")
    sec.add_argument("--key", default=None, metavar="PEM", help="the certificate's private key")
    sec.add_argument("--ca", default=None, metavar="PEM",
                     help="CA certificates clients must present a certificate from (mutual TLS)")
    http = parser.add_argument_group("HTTP server")
    http.add_argument("--server", choices=("uvicorn", "hypercorn"), default=None,
                      help="the ASGI server (default uvicorn; hypercorn with --http2 or "
                           "--backend trio)")
    http.add_argument("--http2", action="store_true",
                      help="serve HTTP/2 through hypercorn: over TLS (--cert) chosen by ALPN h2, "
                           "over cleartext by clients that send the HTTP/2 preface (h2c)")
    http.add_argument("--backend", choices=("asyncio", "trio"), default="asyncio",
                      help="the event loop (default asyncio; trio needs hypercorn)")
    parser.add_argument("--quiet", "-q", action="store_true", help="log only start and end")


def _receiver(text: str) -> tuple[str, tuple[str, int]]:
    from dicomkit.cli.qrscp import _destination

    return _destination(text)


def _log(text: str) -> None:
    sys.stderr.write(f"{time.strftime('%H:%M:%S')} {text}\n")
    sys.stderr.flush()


#: Seconds the HTTP server has to close its connections after Ctrl-C or SIGTERM
_GRACE_SECONDS = 10.0


def _server_of(args: argparse.Namespace) -> str:
    """The ASGI server the options ask for.

    Raises
    ------
    ValueError
        uvicorn asked for with HTTP/2 or trio, which it does not have.
    """
    wants_hypercorn = args.http2 or args.backend == "trio"
    if args.server == "uvicorn" and wants_hypercorn:
        raise ValueError("uvicorn serves neither HTTP/2 nor trio: use --server hypercorn (or "
                         "leave --server out)")
    return args.server or ("hypercorn" if wants_hypercorn else "uvicorn")


async def _serve(args: argparse.Namespace) -> int:
    import anyio

    from dicomkit.archive import Archive, AsyncArchive
    from dicomkit.net.acse import AcceptPolicy
    from dicomkit.net.services.qr.server import archive_entity
    from dicomkit.web.server import ServerConfig, create_app

    archive = await anyio.to_thread.run_sync(
        partial(Archive, Path(args.archive), db=args.db, policy=args.policy))
    aarchive = AsyncArchive(archive)
    config = ServerConfig(public_url=args.public_url, allow_delete=args.allow_delete,
                          max_request_bytes=args.max_request_mb << 20,
                          search_cache_seconds=args.search_cache_seconds)
    prefix = args.prefix or ("/dicom-web" if args.viewer else "")
    middleware, mounts = _security(args), _viewer(args, prefix)
    workitems = None
    if args.ups:
        from dicomkit.workitems import AsyncWorkitemStore

        try:
            workitems = await AsyncWorkitemStore.open(args.ups)
        except BaseException:
            await anyio.to_thread.run_sync(archive.close)
            raise
    app = create_app(aarchive, config, prefix=prefix, middleware=middleware, mounts=mounts,
                     workitems=workitems, ae_title=args.aet)
    tls = _tls(args)

    server = _server_of(args)
    scheme = "https" if tls is not None else "http"
    try:
        async with anyio.create_task_group() as tg:
            stopping, stopped = anyio.Event(), anyio.Event()

            async def stop_on_signal() -> None:
                with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                    async for sig in signals:
                        _log(f"stopping ({signal.Signals(sig).name})")
                        # the HTTP server closes its connections, then DIMSE is cancelled
                        stopping.set()
                        with anyio.move_on_after(_GRACE_SECONDS):
                            await stopped.wait()
                        tg.cancel_scope.cancel()
                        return

            tg.start_soon(stop_on_signal)
            if not args.no_dimse:
                ae = archive_entity(aarchive, ae_title=args.aet,
                                    policy=AcceptPolicy(ae_title=args.aet, transfer_syntaxes=None))
                if workitems is not None:
                    from dicomkit.net.resilience import RetryPolicy
                    from dicomkit.net.services.ups import UpsSCP

                    retry = RetryPolicy(max_attempts=max(1, args.ups_retries), cap=60.0) \
                        if args.ups_retries > 1 else None
                    ae.add_service(UpsSCP(workitems, ae_title=args.aet,
                                          receivers=dict(args.ups_receiver), retry=retry))
                host, port = await tg.start(partial(ae.serve, args.host, args.dimse_port))
                _log(f"DIMSE on {host}:{port} as {args.aet}, archive {args.archive}")
            if server == "hypercorn":
                bound = await _start_hypercorn(tg, app, args, tls, stopping, stopped)
            else:
                bound = await _start_uvicorn(tg, app, args, tls, stopping, stopped)
            _log(f"DICOMweb on {scheme}://{bound[0]}:{bound[1]}{prefix}, archive {args.archive}"
                 + (f", UPS-RS over {args.ups}" if args.ups else "")
                 + (f", OHIF viewer at {scheme}://{bound[0]}:{bound[1]}/" if args.viewer else "")
                 + (", bearer tokens required" if args.jwks else "")
                 + (f", {server}" + (" HTTP/2" if args.http2 else "")
                    + (" on trio" if args.backend == "trio" else "")
                    if server != "uvicorn" else ""))
    finally:
        if workitems is not None:
            await workitems.aclose()
        await anyio.to_thread.run_sync(archive.close)
    _log("stopped")
    return 0


async def _start_uvicorn(tg: Any, app: Any, args: argparse.Namespace, tls: Any,
                         stopping: Any, stopped: Any) -> tuple[str, int]:
    """Start uvicorn in ``tg`` (it stops when ``stopping`` is set, then sets ``stopped``); its
    bound address once it listens."""
    import anyio
    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:  # the signals are ours (_serve)
            yield

    http = Server(uvicorn.Config(app, host=args.host, port=args.http_port, lifespan="off",
                                 log_level="warning" if args.quiet else "info",
                                 access_log=not args.quiet,
                                 **(tls.uvicorn_options() if tls is not None else {})))

    async def web() -> None:
        try:
            await http.serve()
        except SystemExit:  # uvicorn's answer to a port it cannot bind
            raise OSError(f"cannot listen on {args.host}:{args.http_port} (in use, "
                          "or not an address of this machine)") from None
        finally:
            stopped.set()
        if not http.started:
            raise OSError(f"cannot listen on {args.host}:{args.http_port}")
        tg.cancel_scope.cancel()

    async def exit_when_stopping() -> None:
        await stopping.wait()
        http.should_exit = True

    tg.start_soon(web)
    tg.start_soon(exit_when_stopping)
    while not http.started:
        await anyio.sleep(0.01)
    sock: Any = http.servers[0].sockets[0]
    host, port = sock.getsockname()[:2]
    return str(host), int(port)


async def _start_hypercorn(tg: Any, app: Any, args: argparse.Namespace, tls: Any,
                           stopping: Any, stopped: Any) -> tuple[str, int]:
    """Start hypercorn (HTTP/2 with ``--http2``) in ``tg`` on a socket bound first (a port in
    use fails here); it stops when ``stopping`` is set (hypercorn on asyncio must not be
    cancelled while it closes connections), then sets ``stopped``.  The bound address."""
    from dicomkit.web.server.serving import HypercornOptions, listen_socket, serve_hypercorn

    sock = listen_socket(args.host, args.http_port)
    host, port = sock.getsockname()[:2]
    options = HypercornOptions(tls=tls, http2=args.http2, access_log=not args.quiet)

    async def web() -> None:
        try:
            await serve_hypercorn(app, sock, options, shutdown=stopping)
        finally:
            stopped.set()
        tg.cancel_scope.cancel()

    tg.start_soon(web)
    return str(host), int(port)


def _security(args: argparse.Namespace) -> list[Any]:
    """The middleware the options ask for: rate limit, then bearer auth (inside CORS)."""
    from starlette.middleware import Middleware

    out: list[Any] = []
    if args.rate is not None:
        from dicomkit.web.security import RateLimit

        out.append(Middleware(RateLimit, rate=args.rate, burst=max(1.0, 2 * args.rate)))
    if args.jwks:
        from dicomkit.web.security import BearerAuth, KeySet, TokenVerifier

        verifier = TokenVerifier(KeySet.from_jwks_file(args.jwks), issuer=args.issuer,
                                 audience=args.audience)
        out.append(Middleware(BearerAuth, verifier=verifier))
    return out


def _viewer(args: argparse.Namespace, prefix: str) -> list[Any]:
    """The OHIF viewer's mount at ``/`` for ``--viewer`` (its files found first, so that a
    missing viewer stops the command with the install instructions)."""
    if not args.viewer:
        return []
    from starlette.routing import Mount

    from dicomkit.web.viewer import OhifViewer

    return [Mount("/", app=OhifViewer(prefix, dist=args.viewer_dir))]


def _tls(args: argparse.Namespace) -> Any:
    if args.cert is None:
        if args.key or args.ca:
            raise OSError("--key and --ca need --cert (the server's certificate)")
        return None
    from dicomkit.web.security import TLSConfig

    return TLSConfig(Path(args.cert), Path(args.key or args.cert),
                     ca_file=Path(args.ca) if args.ca else None,
                     client_certs="required" if args.ca else "none")


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM: 0 then; 1 when a port or the archive cannot be opened."""
    import anyio

    from dicomkit.errors import DicomError

    try:
        _server_of(args)
    except ValueError as exc:
        print(f"dicomkit serve: {exc}", file=sys.stderr)
        return 2
    try:
        return anyio.run(_serve, args, backend=args.backend)
    except BaseExceptionGroup as group:
        first = _first(group)
        if isinstance(first, OSError):
            print(f"dicomkit serve: cannot listen: {first}", file=sys.stderr)
            return 1
        if isinstance(first, DicomError):
            print(f"dicomkit serve: {first}", file=sys.stderr)
            return 1
        raise
    except OSError as exc:
        print(f"dicomkit serve: cannot listen: {exc}", file=sys.stderr)
        return 1
    except DicomError as exc:
        print(f"dicomkit serve: {exc}", file=sys.stderr)
        return 1


def _first(group: BaseExceptionGroup[Any]) -> BaseException:
    exc: BaseException = group
    while isinstance(exc, BaseExceptionGroup):
        exc = exc.exceptions[0]
    return exc
