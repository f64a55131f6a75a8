"""``dicomkit storescp``: a Storage SCP (PS3.4 Annex B) and Verification SCP (Annex A).

Listens on PORT until Ctrl-C (or SIGTERM) and stores every received data set as
``OUT/<PatientID>/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm`` through
:class:`dicomkit.net.services.storage.FolderStorage`: streamed to a temporary file behind its
file meta (PS3.10 7.1) and renamed only when complete, so an aborted transfer leaves nothing.
Each association (opened, ended) and each stored file is logged on stderr.  ``--accept-calling``
limits the calling AE titles, ``--max-associations`` the concurrent associations (more are
rejected transiently, PS3.8 Table 9-21); ``--tls`` serves TLS (PS3.15 B.1), with ``--ca`` asking
clients for a certificate from that CA (mutual TLS).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dicomkit.cli.echo import add_tls_arguments, server_ssl_context

if TYPE_CHECKING:
    from dicomkit.net.association import Association
    from dicomkit.net.dimse import DimseMessage
    from dicomkit.net.services.storage import FolderStorage


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit storescp``."""
    parser.add_argument("port", type=int, help="port to listen on (0: any free port)")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder to store received files under")
    parser.add_argument("--bind", default="0.0.0.0", metavar="HOST",
                        help="address to listen on (default all, 0.0.0.0)")
    parser.add_argument("--aet", default=None, metavar="AE",
                        help="our AE title; requests calling another are rejected "
                             "(default: answer to any called AE title)")
    parser.add_argument("--accept-calling", nargs="+", default=None, metavar="AE",
                        help="accept only these calling AE titles (default: any)")
    parser.add_argument("--max-associations", type=int, default=16, metavar="N",
                        help="concurrent associations; more are rejected (default 16)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="log only the start, failures and the end, not each file")
    add_tls_arguments(parser, server=True)


class _Log:
    """Timestamped lines on a stream."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet

    def __call__(self, text: str, *, always: bool = False) -> None:
        if always or not self.quiet:
            stamp = time.strftime("%H:%M:%S")
            self.stream.write(f"{stamp} {text}\n")
            self.stream.flush()


def _make_storage(root: Path, log: _Log) -> FolderStorage:
    """A :class:`FolderStorage` that logs each stored or refused file."""
    from dicomkit.core.dataset import Dataset
    from dicomkit.net.dimse import status_text
    from dicomkit.net.services.storage import FolderStorage

    class LoggingStorage(FolderStorage):
        """FolderStorage that logs what it stores."""

        def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
            size = received.stat().st_size if isinstance(received, Path) else 0
            status = super().did_receive(received, command)
            if status == 0 and self.stored:
                log(f"stored {self.stored[-1]} ({size} bytes)")
            else:
                log(f"refused {command.affected_sop_instance_uid}: {status_text(status)}",
                    always=True)
            return status

    return LoggingStorage(root)


async def _serve(args: argparse.Namespace, log: _Log) -> int:
    import anyio

    from dicomkit.net.association import AcceptPolicy, serve
    from dicomkit.net.errors import NetworkError
    from dicomkit.net.services.storage import StorageSCP

    ssl_context = server_ssl_context(args)
    storage = _make_storage(Path(args.out), log)
    scp = StorageSCP(storage)
    policy = AcceptPolicy(
        ae_title=args.aet,
        transfer_syntaxes=None,  # every known syntax: files are stored as sent
        calling_ae_titles=frozenset(args.accept_calling) if args.accept_calling else None,
        max_associations=args.max_associations)
    counter = 0

    async def handle(assoc: Association) -> None:
        nonlocal counter
        counter += 1
        number = counter
        host, port = assoc.peer_address
        before = len(storage.stored)
        log(f"association {number} from {assoc.calling_ae}@{host}:{port} to {assoc.called_ae}, "
            f"{len(assoc.contexts)} presentation context(s) accepted")
        outcome = "released"
        try:
            await scp.handle(assoc)
        except NetworkError as exc:
            outcome = f"failed: {exc}"
            raise
        finally:
            log(f"association {number} {outcome}, {len(storage.stored) - before} file(s) stored")

    async with anyio.create_task_group() as tg:
        async def stop_on_signal() -> None:
            with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                async for _ in signals:
                    tg.cancel_scope.cancel()
                    return

        tg.start_soon(stop_on_signal)
        host, port = await tg.start(partial(serve, args.bind, args.port, policy=policy,
                                            handler=handle, ssl_context=ssl_context))
        log(f"listening on {host}:{port}{' (TLS)' if ssl_context else ''}, storing under "
            f"{args.out}", always=True)
    log(f"stopped after {counter} association(s), {len(storage.stored)} file(s) stored",
        always=True)
    return 0


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM; exit status 0 then, 1 when the port cannot be opened."""
    import anyio

    if args.max_associations < 1:
        print("dicomkit storescp: --max-associations must be at least 1", file=sys.stderr)
        return 2
    log = _Log(sys.stderr, args.quiet)
    try:
        return anyio.run(_serve, args, log)
    except OSError as exc:
        print(f"dicomkit storescp: cannot listen on {args.bind}:{args.port}: {exc}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        log("interrupted", always=True)
        return 0
