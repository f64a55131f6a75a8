"""``dicomkit echo``: check that a peer answers C-ECHO (Verification, PS3.4 Annex A).

Opens one association proposing the Verification SOP Class, sends ``--repeat`` C-ECHO requests
over it (PS3.7 9.1.5), releases, and prints one line with the outcome and round-trip times.
Exit status 0 when the association was accepted and every response had status Success (0000H),
1 otherwise.  TLS (``--tls``, PS3.15 B.1): the peer is verified against ``--ca`` (or the system
store) and ``--cert``/``--key`` are presented for mutual TLS.

The TLS options and context builders here are shared with ``dicomkit store`` and
``dicomkit storescp``.
"""

from __future__ import annotations

import argparse
import ssl
import sys
import time
from collections.abc import Callable

from dicomkit.errors import DicomError


def ae_title(role: str) -> Callable[[str], str]:
    """An argparse ``type`` checking an AE title option (PS3.5 6.2) before anything connects:
    a bad one is a usage error naming the option's role, not a failure after the TCP
    connection is open."""
    from dicomkit.net.aetitle import validate_ae_title
    from dicomkit.net.errors import AETitleError

    def check(value: str) -> str:
        try:
            return validate_ae_title(value, role)
        except AETitleError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    check.__name__ = role  # argparse names the type in its message
    return check


def add_tls_arguments(parser: argparse.ArgumentParser, *, server: bool = False) -> None:
    """Register ``--tls``, ``--ca``, ``--cert``, ``--key`` (PS3.15 B.1 secure transport)."""
    group = parser.add_argument_group("TLS (PS3.15 B.1)")
    group.add_argument("--tls", action="store_true", help="use a TLS connection")
    if server:
        group.add_argument("--ca", metavar="PEM",
                           help="CA certificates clients must present a certificate from "
                                "(mutual TLS); without it, client certificates are not asked for")
        group.add_argument("--cert", metavar="PEM", help="this server's certificate (required)")
        group.add_argument("--key", metavar="PEM", help="its private key (default: in --cert)")
    else:
        group.add_argument("--ca", metavar="PEM",
                           help="CA certificates to verify the peer with (default: system store)")
        group.add_argument("--cert", metavar="PEM", help="client certificate (mutual TLS)")
        group.add_argument("--key", metavar="PEM", help="its private key (default: in --cert)")


class TLSOptionError(DicomError):
    """The TLS options given cannot make a usable context."""


def client_ssl_context(args: argparse.Namespace) -> ssl.SSLContext | None:
    """The client TLS context asked for by the options, or None without ``--tls``."""
    if not args.tls:
        if args.ca or args.cert or args.key:
            raise TLSOptionError("--ca/--cert/--key need --tls")
        return None
    try:
        ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=args.ca)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        if args.cert:
            ctx.load_cert_chain(args.cert, args.key)
    except (OSError, ssl.SSLError) as exc:
        raise TLSOptionError(f"cannot set up TLS: {exc}") from exc
    return ctx


def server_ssl_context(args: argparse.Namespace) -> ssl.SSLContext | None:
    """The server TLS context asked for by the options, or None without ``--tls``."""
    if not args.tls:
        if args.ca or args.cert or args.key:
            raise TLSOptionError("--ca/--cert/--key need --tls")
        return None
    if not args.cert:
        raise TLSOptionError("--tls needs --cert (and --key) for the server")
    try:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(args.cert, args.key)
        if args.ca:
            ctx.load_verify_locations(args.ca)
            ctx.verify_mode = ssl.CERT_REQUIRED
    except (OSError, ssl.SSLError) as exc:
        raise TLSOptionError(f"cannot set up TLS: {exc}") from exc
    return ctx


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit echo``."""
    parser.add_argument("host", help="peer host name or address")
    parser.add_argument("port", type=int, help="peer port")
    parser.add_argument("--aet", default="DICOMKIT", metavar="AE",
                        type=ae_title("calling AE title"),
                        help="calling AE title (default DICOMKIT)")
    parser.add_argument("--aec", default="ANY-SCP", metavar="AE",
                        type=ae_title("called AE title"),
                        help="called AE title (default ANY-SCP)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="send N C-ECHO requests over the one association (default 1)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="connect and response timeout in seconds (default 30)")
    add_tls_arguments(parser)


async def _echo(args: argparse.Namespace, ssl_context: ssl.SSLContext | None) -> list[float]:
    """Associate, send ``args.repeat`` C-ECHOs, release; return the round-trip times (s)."""
    from dicomkit.generated import uids
    from dicomkit.net.acse import PresentationContext
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.dimse import classify_status, status_text
    from dicomkit.net.services.verification import echo_on
    from dicomkit.net.ul import Timeouts

    contexts = [PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,))]
    timeouts = Timeouts(connect=args.timeout, acse=args.timeout, dimse=args.timeout,
                        network=args.timeout)
    times: list[float] = []
    ae = ApplicationEntity(args.aet, timeouts=timeouts)
    async with ae.connect(args.host, args.port, called_ae=args.aec, contexts=contexts,
                          ssl_context=ssl_context) as assoc:
        for message_id in range(1, args.repeat + 1):
            start = time.perf_counter()
            status = await echo_on(assoc, message_id)
            if classify_status(status) != "success":
                raise EchoFailed(f"C-ECHO {message_id} answered {status_text(status)}")
            times.append(time.perf_counter() - start)
    return times


class EchoFailed(DicomError):
    """The peer answered C-ECHO with a non-success status or refused Verification."""


def run(args: argparse.Namespace) -> int:
    """Echo the peer; print a summary line; exit status 0 on success."""
    from dicomkit.net import loop

    if args.repeat < 1:
        print("dicomkit echo: --repeat must be at least 1", file=sys.stderr)
        return 2
    ssl_context = client_ssl_context(args)
    try:
        times = loop.run(_echo, args, ssl_context)
    except (DicomError, OSError) as exc:
        print(f"dicomkit echo: {args.aec}@{args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    mean_ms = 1000 * sum(times) / len(times)
    print(f"C-ECHO {args.aec}@{args.host}:{args.port}: {len(times)}/{args.repeat} success, "
          f"mean round trip {mean_ms:.2f} ms")
    return 0
