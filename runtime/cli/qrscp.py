"""``dicomkit qrscp``: an archive served like dcmtk's dcmqrscp: Verification (PS3.4 Annex A),
Storage into the archive (Annex B) and Query/Retrieve from it (Annex C: C-FIND, C-MOVE and
C-GET of Patient Root and Study Root) and Storage Commitment Push Model over it (Annex J; a
report to a requestor whose association closed goes to its address among the destinations),
in one process, until Ctrl-C (or SIGTERM).  ``--worklist DIR`` serves the Modality Worklist
(Annex K) from a folder of entries, ``--mpps DIR`` Modality Performed Procedure Step (F.7);
``--ian AE=HOST:PORT`` sends an Instance Availability Notification (Annex R) of each study
stored once it has been idle ``--ian-idle`` seconds (see ``dicomkit storescp``); ``--ups DB``
serves Unified Procedure Step (Annex CC, :mod:`dicomkit.net.services.ups`; its events go to the
destinations' addresses).

``--archive DIR`` is the archive (:class:`dicomkit.archive.Archive`; ``--db`` its index, default
SQLite beside it); files stored by C-STORE are indexed as they arrive and found by the next
C-FIND.  C-MOVE destinations are AE titles with their address, given by ``--move AE=HOST:PORT``
(repeatable) and/or a JSON ``--config`` file::

    {"aet": "DKQR", "destinations": {"STORESCP": ["127.0.0.1", 11113],
                                     "SECURE": {"host": "pacs2", "port": 2762,
                                                "tls": {"ca": "ca.pem", "cert": "me.pem",
                                                        "key": "me.key"}}}}

(``--aet`` and ``--move`` win over the file; a destination with ``tls`` is reached over TLS,
PS3.15 B.1, verified with ``ca``, else the system's store, presenting ``cert`` when given).
``--tls --cert PEM [--key PEM] [--ca PEM]`` serves TLS itself.  Each association and each refused one are
logged on stderr; ``listening on HOST:PORT`` when ready.
"""

from __future__ import annotations

import argparse
import json
import signal
import ssl
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from dicomkit.cli.echo import add_tls_arguments, ae_title
from dicomkit.cli.observability import add_arguments as add_observability_arguments
from dicomkit.cli.storescp import add_ian_arguments, flush_notifier, ian_notifier

__all__ = ["add_arguments", "destinations_of", "run"]


def _destination(text: str) -> tuple[str, tuple[str, int]]:
    """``AE=HOST:PORT`` -> (AE, (HOST, PORT))."""
    name, sep, address = text.partition("=")
    host, colon, port = address.rpartition(":")
    if not sep or not colon or not name.strip() or not host or not port.isdigit() \
            or not 0 < int(port) < 65536 or len(name.strip()) > 16:
        raise argparse.ArgumentTypeError(f"{text!r} is not AE=HOST:PORT (an AE title of at "
                                         "most 16 characters, PS3.5 Table 6.2-1)")
    return name.strip(), (host, int(port))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit qrscp``."""
    parser.add_argument("port", type=int, help="port to listen on (0: any free port)")
    parser.add_argument("--archive", metavar="DIR", required=True,
                        help="the archive folder (made when missing)")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="the index database (default sqlite beside DIR; "
                             "postgresql://USER@HOST:PORT/DB)")
    parser.add_argument("--aet", default=None, metavar="AE", type=ae_title("our AE title"),
                        help="our AE title (default DICOMKIT, or the config's); requests "
                             "calling another are rejected")
    parser.add_argument("--move", action="append", default=[], metavar="AE=HOST:PORT",
                        type=_destination, help="a C-MOVE destination (repeatable)")
    parser.add_argument("--config", metavar="FILE.json", default=None,
                        help='JSON: {"aet": AE, "destinations": {AE: [HOST, PORT]}}')
    parser.add_argument("--worklist", metavar="DIR", default=None,
                        help="serve the Modality Worklist (PS3.4 K) from the entries of DIR "
                             "(DICOM JSON .json, DICOM .dcm/.wl files; see dicomkit worklist "
                             "add)")
    parser.add_argument("--mpps", metavar="DIR", default=None,
                        help="serve Modality Performed Procedure Step (PS3.4 F.7), its records "
                             "kept as DICOM files in DIR")
    add_ian_arguments(parser)
    parser.add_argument("--ups", metavar="DB", default=None,
                        help="also serve Unified Procedure Step (PS3.4 Annex CC) over this "
                             "workitem store (SQLite file or URL); events go to the "
                             "destinations' addresses")
    parser.add_argument("--bind", default="0.0.0.0", metavar="HOST",
                        help="address to listen on (default 0.0.0.0; 127.0.0.1 for this "
                             "machine only)")
    parser.add_argument("--commitment-outbox", metavar="DIR", default=None,
                        help="keep storage commitment reports that cannot be sent in DIR and "
                             "send them when the requestor is reachable again, also after a "
                             "restart (PS3.4 J.3.3; default: logged and dropped)")
    parser.add_argument("--relational", action="store_true",
                        help="accept relational queries and retrieval from requestors that "
                             "ask for them in extended negotiation (PS3.4 C.5.1.1.2, "
                             "C.4.1.2.2); default: hierarchical only")
    parser.add_argument("--max-associations", type=int, default=64, metavar="N",
                        help="concurrent associations; more are rejected (default 64)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="log only the start, failures and the end")
    add_tls_arguments(parser, server=True)
    add_observability_arguments(parser)


#: A Move Destination: (host, port), or (host, port, client TLS context).
Address = tuple[str, int] | tuple[str, int, ssl.SSLContext]


def _tls_context(where: str, tls: Any) -> ssl.SSLContext:
    """The client TLS context of a destination's ``tls`` object (see the module)."""
    if not isinstance(tls, dict) or not all(isinstance(v, str) for v in tls.values()) \
            or set(tls) - {"ca", "cert", "key"}:
        raise ValueError(f"{where}: 'tls' is not an object of 'ca', 'cert', 'key' paths")
    try:
        ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=tls.get("ca"))
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        if tls.get("cert"):
            ctx.load_cert_chain(tls["cert"], tls.get("key"))
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"{where}: cannot set up TLS: {exc}") from None
    return ctx


def _config_destination(where: str, name: str, address: Any) -> tuple[str, Address]:
    tls = None
    if isinstance(address, dict):
        tls = address.get("tls")
        address = [address.get("host"), address.get("port")]
    if not (isinstance(address, list) and len(address) == 2
            and isinstance(address[0], str) and isinstance(address[1], int)):
        raise ValueError(f"{where}: destination {name!r} is not [HOST, PORT]")
    try:
        key, value = _destination(f"{name}={address[0]}:{address[1]}")
    except argparse.ArgumentTypeError as exc:
        raise ValueError(f"{where}: {exc}") from None
    if tls is None:
        return key, value
    return key, (value[0], value[1], _tls_context(f"{where}: destination {name!r}", tls))


def destinations_of(args: argparse.Namespace) -> tuple[str, dict[str, Address]]:
    """(our AE title, Move Destination table) from ``--config``, ``--aet`` and ``--move``:
    AE title -> (host, port), or (host, port, client TLS context).

    Raises
    ------
    ValueError
        For a config file that is not of the form the module shows.
    """
    aet = "DICOMKIT"
    table: dict[str, Address] = {}
    if args.config:
        try:
            config: Any = json.loads(Path(args.config).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{args.config}: {exc}") from None
        if not isinstance(config, dict):
            raise ValueError(f"{args.config}: not a JSON object")
        if "aet" in config:
            if not isinstance(config["aet"], str):
                raise ValueError(f"{args.config}: 'aet' is not a string")
            try:
                aet = ae_title("our AE title")(config["aet"])
            except argparse.ArgumentTypeError as exc:
                raise ValueError(f"{args.config}: {exc}") from None
        found = config.get("destinations", {})
        if not isinstance(found, dict):
            raise ValueError(f"{args.config}: 'destinations' is not an object")
        for name, address in found.items():
            key, value = _config_destination(args.config, str(name), address)
            table[key] = value
    if args.aet:
        aet = args.aet
    table.update(dict(args.move))
    return aet, table


class _Log:
    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet

    def __call__(self, text: str, *, always: bool = False) -> None:
        if always or not self.quiet:
            self.stream.write(f"{time.strftime('%H:%M:%S')} {text}\n")
            self.stream.flush()


async def _serve(args: argparse.Namespace, aet: str, table: dict[str, Address],
                 log: _Log, ssl_context: ssl.SSLContext | None) -> int:
    import anyio

    from dicomkit.archive import Archive, AsyncArchive
    from dicomkit.cli.observability import Observability
    from dicomkit.net.acse import AcceptPolicy
    from dicomkit.net.association import Association
    from dicomkit.net.errors import REJECT_REASONS
    from dicomkit.net.pdu import AAssociateRJ, AAssociateRQ
    from dicomkit.net.services.mpps import MppsStore
    from dicomkit.net.services.qr.scp import Destination
    from dicomkit.net.services.qr.server import archive_entity, commitment_scp
    from dicomkit.net.services.worklist import WorklistStore

    archive = await anyio.to_thread.run_sync(partial(Archive, Path(args.archive), db=args.db))
    workitems = None
    watch = Observability(args, aet)
    try:
        policy = AcceptPolicy(ae_title=aet, transfer_syntaxes=None,
                              max_associations=args.max_associations)
        destinations = {k: Destination(*v) for k, v in table.items()}
        from dicomkit.net.services.storage.archive import ArchiveStorage

        notifier = ian_notifier(args, aet)
        storage = ArchiveStorage(archive, on_instance=notifier.note if notifier else None,
                                 on_stored=watch.on_stored(archive))
        worklist = WorklistStore(args.worklist) if args.worklist else None
        mpps = MppsStore(args.mpps) if args.mpps else None
        served = AsyncArchive(archive)
        commitment = commitment_scp(served, ae_title=aet, destinations=destinations,
                                    outbox=args.commitment_outbox)
        ae = archive_entity(served, ae_title=aet, destinations=destinations,
                            policy=policy, worklist=worklist, mpps=mpps, storage=storage,
                            events=watch.events or None, on_query=watch.on_query,
                            relational=args.relational, commitment=commitment)
        if args.ups:
            from dicomkit.net.services.ups import UpsSCP
            from dicomkit.workitems import AsyncWorkitemStore

            workitems = await AsyncWorkitemStore.open(args.ups)
            ae.add_service(UpsSCP(workitems, ae_title=aet,
                                  receivers={k: (v[0], v[1]) for k, v in table.items()}))
        counter = 0

        def opened(assoc: Association) -> None:
            nonlocal counter
            counter += 1
            host, port = assoc.peer_address
            log(f"association {counter} from {assoc.calling_ae}@{host}:{port}, "
                f"{len(assoc.contexts)} presentation context(s) accepted")

        def closed(assoc: Association, error: BaseException | None) -> None:
            log(f"association from {assoc.calling_ae} "
                f"{'released' if error is None else f'aborted: {error}'}",
                always=error is not None)

        def rejected(peer: tuple[str, int], rq: AAssociateRQ | None, rj: AAssociateRJ) -> None:
            who = f"{rq.calling_ae}@" if rq is not None else ""
            why = REJECT_REASONS.get((rj.source, rj.reason), str(rj.reason))
            log(f"rejected {who}{peer[0]}:{peer[1]}: {why}", always=True)

        ae.on_open.append(opened)
        ae.on_close.append(closed)
        ae.on_reject.append(rejected)
        async with anyio.create_task_group() as tg:
            async def stop_on_signal() -> None:
                with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                    async for _ in signals:
                        tg.cancel_scope.cancel()
                        return

            tg.start_soon(stop_on_signal)
            if commitment.outbox is not None:
                await tg.start(commitment.run_resend)
            if notifier is not None:
                await tg.start(notifier.run)
            host, port = await tg.start(partial(ae.serve, args.bind, args.port,
                                                ssl_context=ssl_context))
            moves = ", ".join(f"{k}={v[0]}:{v[1]}{' (TLS)' if len(v) > 2 else ''}"
                              for k, v in sorted(table.items())) or "none"
            log(f"listening on {host}:{port}{' (TLS)' if ssl_context else ''} as {aet}, "
                f"archive {args.archive}, "
                f"{f'worklist {args.worklist}, ' if args.worklist else ''}"
                f"{f'MPPS {args.mpps}, ' if args.mpps else ''}"
                f"{f'workitems {args.ups}, ' if args.ups else ''}"
                f"move destinations: {moves}", always=True)
        await flush_notifier(notifier, log)
        log(f"stopped after {counter} association(s)", always=True)
    finally:
        if workitems is not None:
            await workitems.aclose()
        await anyio.to_thread.run_sync(watch.close)
        await anyio.to_thread.run_sync(archive.close)
    return 0


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM: 0 then; 1 when the port cannot be opened or the archive
    cannot be; 2 for bad options."""
    from dicomkit.cli.echo import TLSOptionError, server_ssl_context
    from dicomkit.errors import DicomError
    from dicomkit.net import loop

    if args.max_associations < 1:
        print("dicomkit qrscp: --max-associations must be at least 1", file=sys.stderr)
        return 2
    if args.ian_idle <= 0:
        print("dicomkit qrscp: --ian-idle must be positive", file=sys.stderr)
        return 2
    try:
        aet, table = destinations_of(args)
        ssl_context = server_ssl_context(args)
    except (ValueError, TLSOptionError) as exc:
        print(f"dicomkit qrscp: {exc}", file=sys.stderr)
        return 2
    log = _Log(sys.stderr, args.quiet)
    try:
        return loop.run(_serve, args, aet, table, log, ssl_context)
    except OSError as exc:
        print(f"dicomkit qrscp: cannot listen on {args.bind}:{args.port}: {exc}",
              file=sys.stderr)
        return 1
    except DicomError as exc:
        print(f"dicomkit qrscp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        log("interrupted", always=True)
        return 0
