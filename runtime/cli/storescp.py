"""``dicomkit storescp``: a Storage SCP (PS3.4 Annex B) and Verification SCP (Annex A).

Listens on PORT until Ctrl-C (or SIGTERM) and stores every received data set as
``OUT/<PatientID>/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm`` through
:class:`dicomkit.net.services.storage.FolderStorage`: streamed to a temporary file behind its
file meta (PS3.10 7.1) and renamed only when complete, so an aborted transfer leaves nothing.
Each association (opened; released or aborted, and why), each refused association or
failed TLS handshake, and each stored file is logged on stderr.  Received data sets are
checked whole before they are answered Success (see
:mod:`dicomkit.net.services.storage.folder`).  ``--accept-calling``
limits the calling AE titles, ``--max-associations`` the concurrent associations (more are
rejected transiently, PS3.8 Table 9-21); ``--tls`` serves TLS (PS3.15 B.1), with ``--ca`` asking
clients for a certificate from that CA (mutual TLS).

``--archive DIR`` stores into an archive instead (:class:`dicomkit.archive.Archive`, through
:class:`dicomkit.net.services.storage.archive.ArchiveStorage`): each file is indexed in the
same step as it is placed, with ``--db`` for the index and ``--policy`` for a known SOP
Instance UID that arrives with other content.  With ``--ian AE=HOST:PORT`` an Instance
Availability Notification (PS3.4 Annex R) of each study goes to that AE once no instance of
the study arrived for ``--ian-idle`` seconds (:class:`dicomkit.net.services.ian.StudyNotifier`),
and the ones still pending when the SCP stops.

The audit trail and metrics options are those of ``dicomkit qrscp``
(:mod:`dicomkit.cli.observability`): ``--audit-log/--audit-json/--audit-syslog`` write a PS3.15
A.5 message for the start and stop of the application, each association's user identity and
the instances each association transferred (DICOM Instances Transferred, with the patient and
studies of the stored files), and ``--metrics-port`` serves Prometheus counters.
"""

from __future__ import annotations

import argparse
import signal
import ssl
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dicomkit.cli.echo import add_tls_arguments, ae_title, server_ssl_context
from dicomkit.cli.observability import add_arguments as add_observability_arguments

if TYPE_CHECKING:
    from dicomkit.archive import Archive
    from dicomkit.cli.observability import Observability
    from dicomkit.forward import Forwarder
    from dicomkit.forward.gateway import ForwardingStorage
    from dicomkit.forward.lanes import LaneProcess
    from dicomkit.net.association import Association
    from dicomkit.net.events import NetEvents
    from dicomkit.net.pdu import AAssociateRJ, AAssociateRQ
    from dicomkit.net.services.ian import StudyNotifier
    from dicomkit.net.services.storage.archive import ArchiveStorage
    from dicomkit.net.services.storage.folder import FolderStorage


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit storescp``."""
    parser.add_argument("port", type=int, help="port to listen on (0: any free port)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR",
                       help="folder to store received files under")
    where.add_argument("--archive", metavar="DIR",
                       help="archive to store received files into, indexed (dicomkit.archive)")
    where.add_argument("--forward", metavar="RULES",
                       help="forward received files where the routing file (TOML) sends "
                            "them, through a durable queue (dicomkit.forward; needs --spool)")
    parser.add_argument("--spool", metavar="DIR", default=None,
                        help="with --forward: the spool folder of the queue")
    parser.add_argument("--no-fsync", action="store_true",
                        help="with --forward: do not flush accepted files and commits to disk "
                             "(faster; a power cut may lose accepted files, a kill does not)")
    parser.add_argument("--queue", metavar="URL", default=None,
                        help="with --forward: the queue database (default "
                             "sqlite:///SPOOL/queue.sqlite; postgresql://...)")
    parser.add_argument("--forward-in-process", action="store_true",
                        help="with --forward: forward from this process (default: from a "
                             "`dicomkit forward serve` process the gateway starts, stops and "
                             "restarts, so that receiving and sending do not share a CPU)")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="with --archive: the index database (default sqlite beside DIR; "
                             "postgresql://USER@HOST:PORT/DB)")
    parser.add_argument("--policy", choices=("keep", "replace", "reject"), default="keep",
                        help="with --archive: a known SOP Instance UID with other content is "
                             "kept (default), replaces the stored one, or is rejected")
    parser.add_argument("--fsync", action="store_true",
                        help="with --archive: flush each file to disk before indexing it "
                             "(durable across a power loss; slower)")
    add_ian_arguments(parser)
    parser.add_argument("--bind", default="0.0.0.0", metavar="HOST",
                        help="address to listen on (default 0.0.0.0: all interfaces, as "
                             "dcmtk's storescp; 127.0.0.1 for this machine only)")
    parser.add_argument("--aet", default=None, metavar="AE", type=ae_title("our AE title"),
                        help="our AE title; requests calling another are rejected "
                             "(default: answer to any called AE title)")
    parser.add_argument("--accept-calling", nargs="+", default=None, metavar="AE",
                        type=ae_title("accepted calling AE title"),
                        help="accept only these calling AE titles (default: any)")
    parser.add_argument("--max-associations", type=int, default=64, metavar="N",
                        help="concurrent associations; more are rejected (default 64)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="log only the start, failures and the end, not each file")
    add_tls_arguments(parser, server=True)
    add_observability_arguments(parser)


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


def _ian_destination(text: str) -> tuple[str, str, int]:
    name, sep, address = text.partition("=")
    host, colon, port = address.rpartition(":")
    if not sep or not colon or not name.strip() or not host or not port.isdigit() \
            or not 0 < int(port) < 65536 or len(name.strip()) > 16:
        raise argparse.ArgumentTypeError(f"{text!r} is not AE=HOST:PORT (an AE title of at "
                                         "most 16 characters, PS3.5 Table 6.2-1)")
    return name.strip(), host, int(port)


def add_ian_arguments(parser: argparse.ArgumentParser) -> None:
    """``--ian`` and ``--ian-idle`` (with ``--archive``; shared with ``dicomkit qrscp``)."""
    parser.add_argument("--ian", metavar="AE=HOST:PORT", default=None, type=_ian_destination,
                        help="with --archive: send an Instance Availability Notification "
                             "(PS3.4 R) of each complete study to this AE")
    parser.add_argument("--ian-idle", metavar="S", type=float, default=30.0,
                        help="a study is complete after S seconds without a new instance "
                             "(default 30)")


def ian_notifier(args: argparse.Namespace, ae_title: str) -> StudyNotifier | None:
    """The notifier ``--ian`` asks for (None without), the instances retrievable from
    ``ae_title``."""
    if args.ian is None:
        return None
    from dicomkit.net.services.ian import StudyNotifier

    called, host, port = args.ian
    return StudyNotifier(host, port, called_ae=called, retrieve_ae_title=ae_title,
                         idle=args.ian_idle, calling_ae=ae_title)


async def flush_notifier(notifier: StudyNotifier | None, log: Callable[..., None]) -> None:
    """Send what is pending when the SCP stops (shielded from the cancellation)."""
    import anyio

    from dicomkit.errors import DicomError

    if notifier is None or not notifier.pending():
        return
    with anyio.CancelScope(shield=True), anyio.move_on_after(30):
        try:
            sent = await notifier.flush()
            log(f"sent {len(sent)} instance availability notification(s) on stopping")
        except (DicomError, OSError) as exc:
            log(f"instance availability notifications not sent: {exc}", always=True)


async def _serve(args: argparse.Namespace, log: _Log) -> int:
    import anyio

    from dicomkit.cli.observability import Observability
    from dicomkit.net.events import NetEvents

    ssl_context = server_ssl_context(args)
    watch = await anyio.to_thread.run_sync(Observability, args, args.aet or "DICOMKIT")
    try:
        return await _serve_watched(args, log, ssl_context, watch,
                                    NetEvents(watch.events) if watch.events else None)
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(watch.close)


async def _serve_watched(args: argparse.Namespace, log: _Log, ssl_context: ssl.SSLContext | None,
                         watch: Observability, events: NetEvents | None) -> int:
    import anyio

    from dicomkit.net.acse import AcceptPolicy
    from dicomkit.net.errors import REJECT_REASONS
    from dicomkit.net.server import AssociationHooks
    from dicomkit.net.services.storage import FolderStorage, StorageSCP

    audit = watch.audit
    aet = args.aet or "DICOMKIT"
    storage: FolderStorage | ArchiveStorage
    archive: Archive | None = None
    notifier: StudyNotifier | None = None
    forwarder: Forwarder | None = None
    fstorage: ForwardingStorage | None = None
    lanes: LaneProcess | None = None
    if args.forward:
        from dicomkit.forward import Forwarder, ForwardQueue, Spool, load_rules
        from dicomkit.forward.gateway import ForwardingSCP, ForwardingStorage
        from dicomkit.forward.lanes import LaneProcess

        url = args.queue or f"sqlite:///{Path(args.spool).resolve() / 'queue.sqlite'}"

        def make() -> Forwarder:
            spool = Spool(args.spool, fsync=not args.no_fsync)
            return Forwarder(ForwardQueue(url, durable=not args.no_fsync), spool,
                             load_rules(args.forward))

        forwarder = await anyio.to_thread.run_sync(make)
        if not args.forward_in_process:
            lanes = LaneProcess(partial(_lanes_argv, args, url))
            forwarder.wake_elsewhere = lanes.wake
        storage = fstorage = ForwardingStorage(forwarder)
        def stored(path: Path, size: int) -> None:
            if audit is not None:
                audit.stored_file(path, size)
            log(f"received {path.name} ({size} bytes)")

        storage.on_stored = stored
    elif args.archive:  # sqlalchemy (the 'archive' extra) is imported only then
        from dicomkit.archive import Archive
        from dicomkit.net.services.storage.archive import ArchiveStorage

        archive = await anyio.to_thread.run_sync(
            partial(Archive, Path(args.archive), db=args.db, policy=args.policy,
                    fsync=args.fsync))
        notifier = ian_notifier(args, args.aet or "DICOMKIT")
        archived = watch.on_stored(archive)

        def indexed(outcome: Any) -> None:
            if archived is not None:
                archived(outcome)
            log(f"{outcome.action} {Path(args.archive) / outcome.path}")

        storage = ArchiveStorage(archive, on_stored=indexed,
                                 on_instance=notifier.note if notifier is not None else None)
    else:
        def placed(path: Path, size: int) -> None:
            if audit is not None:
                audit.stored_file(path, size)
            log(f"stored {path} ({size} bytes)")

        storage = FolderStorage(Path(args.out), on_stored=placed)
    scp = StorageSCP(storage) if fstorage is None else ForwardingSCP(fstorage)
    if events is not None:
        scp.on_message = events.message
    policy = AcceptPolicy(
        ae_title=args.aet,
        transfer_syntaxes=None,  # every known syntax: files are stored as sent
        calling_ae_titles=frozenset(args.accept_calling) if args.accept_calling else None,
        max_associations=args.max_associations)
    counter = 0
    numbers: dict[int, tuple[int, int]] = {}

    def opened(assoc: Association) -> None:
        nonlocal counter
        counter += 1
        numbers[id(assoc)] = (counter, len(storage.stored))
        host, port = assoc.peer_address
        log(f"association {counter} from {assoc.calling_ae}@{host}:{port} to "
            f"{assoc.called_ae}, {len(assoc.contexts)} presentation context(s) accepted")
        if events is not None:
            events.opened(assoc)

    def closed(assoc: Association, error: BaseException | None) -> None:
        number, before = numbers.pop(id(assoc), (0, len(storage.stored)))
        outcome = "released" if error is None else f"aborted: {error}"
        log(f"association {number} {outcome}, {len(storage.stored) - before} file(s) stored",
            always=error is not None)
        if events is not None:
            events.closed(assoc, error)

    def rejected(peer: tuple[str, int], rq: AAssociateRQ | None, rj: AAssociateRJ) -> None:
        who = f"{rq.calling_ae}@" if rq is not None else ""
        why = REJECT_REASONS.get((rj.source, rj.reason), str(rj.reason))
        log(f"rejected {who}{peer[0]}:{peer[1]}: {why}", always=True)
        if events is not None:
            events.rejected(peer, rq, rj)

    def handshake_failed(peer: tuple[str, int], why: str) -> None:
        log(f"TLS handshake with {peer[0]}:{peer[1]} failed: {why}", always=True)
        if events is not None:
            events.handshake_failed(peer, why)

    hooks = AssociationHooks(rejected=rejected, handshake_failed=handshake_failed,
                             opened=opened, closed=closed)
    async with anyio.create_task_group() as tg:
        async def stop_on_signal() -> None:
            with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                async for _ in signals:
                    tg.cancel_scope.cancel()
                    return

        tg.start_soon(stop_on_signal)
        if notifier is not None:
            await tg.start(notifier.run)
        if forwarder is not None:
            await anyio.to_thread.run_sync(forwarder.recover)
            if lanes is not None:
                await tg.start(lanes.run)
            else:
                tg.start_soon(partial(forwarder.run, recover=False))
        host, port = await tg.start(partial(scp.serve, args.bind, args.port, policy=policy,
                                            ssl_context=ssl_context, hooks=hooks))
        if events is not None:
            events.serving(aet, True)
        log(f"listening on {host}:{port}{' (TLS)' if ssl_context else ''}, storing "
            f"{_where(args)}",
            always=True)
    if events is not None:
        events.serving(aet, False)
    await flush_notifier(notifier, log)
    log(f"stopped after {counter} association(s), {len(storage.stored)} file(s) stored",
        always=True)
    if archive is not None:
        await anyio.to_thread.run_sync(archive.close)
    if forwarder is not None:
        await anyio.to_thread.run_sync(forwarder.close)
    return 0


def _lanes_argv(args: argparse.Namespace, url: str, fd: int) -> list[str]:
    """The command line of the gateway's forwarding process (:mod:`dicomkit.forward.lanes`)."""
    argv = [sys.executable, "-m", "dicomkit.cli.main", "forward", "serve", "--spool",
            str(Path(args.spool).resolve()), "--queue", url, "--rules",
            str(Path(args.forward).resolve()), "--no-recover", "--wake-fd", str(fd)]
    if args.no_fsync:
        argv.append("--no-fsync")
    return argv


def _where(args: argparse.Namespace) -> str:
    if args.forward:
        return f"and forwarding by {args.forward} through {args.spool}"
    return f"into the archive {args.archive}" if args.archive else f"under {args.out}"


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM; exit status 0 then, 1 when the port cannot be opened."""
    from dicomkit.net import loop

    if args.forward and not args.spool:
        print("dicomkit storescp: --forward needs --spool DIR", file=sys.stderr)
        return 2
    if args.max_associations < 1:
        print("dicomkit storescp: --max-associations must be at least 1", file=sys.stderr)
        return 2
    if args.ian is not None and not args.archive:
        print("dicomkit storescp: --ian needs --archive", file=sys.stderr)
        return 2
    if args.ian_idle <= 0:
        print("dicomkit storescp: --ian-idle must be positive", file=sys.stderr)
        return 2
    log = _Log(sys.stderr, args.quiet)
    try:
        return loop.run(_serve, args, log)
    except OSError as exc:
        print(f"dicomkit storescp: cannot listen on {args.bind}:{args.port}: {exc}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        log("interrupted", always=True)
        return 0
