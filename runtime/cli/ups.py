"""``dicomkit ups``: Unified Procedure Step over DIMSE (PS3.4 Annex CC).

Client actions, each on one association to ``HOST PORT``::

    dicomkit ups create HOST PORT [FILE.dcm] [-k Keyword=value ...] [--uid UID]
    dicomkit ups find HOST PORT [-k Keyword[=value] ...] [--json]
    dicomkit ups get HOST PORT UID [-k Keyword ...] [--json]
    dicomkit ups set HOST PORT UID -k Keyword=value ... [--transaction TX]
    dicomkit ups claim HOST PORT UID [--transaction TX]      (prints the Transaction UID)
    dicomkit ups complete HOST PORT UID --transaction TX [-k ... the final attributes]
    dicomkit ups cancel HOST PORT UID [--transaction TX] [--reason TEXT]
    dicomkit ups subscribe HOST PORT [UID] --receiver AE [--lock] [-k filter keys]
    dicomkit ups unsubscribe HOST PORT [UID] --receiver AE

``cancel`` with ``--transaction`` is the performer's change to CANCELED, without it a Request
UPS Cancel.  ``subscribe`` without a UID subscribes globally (with ``-k`` keys: the filtered
global subscription).  Keys are written as findscu's ``-k`` (``Seq[0].Key=value``).

Servers::

    dicomkit ups watch PORT --aet AE [--count N] [--json]     (print events as they come)
    dicomkit ups serve PORT --db FILE.sqlite [--aet AE] [--receiver AE=HOST:PORT ...]
                       [--purge-every S]

``serve`` runs the UPS SCP over a workitem store (also ``dicomkit qrscp --ups FILE``), sending
events to the receivers named.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from functools import partial
from typing import Any

from dicomkit.cli.echo import ae_title

__all__ = ["add_arguments", "run"]

_CLIENT = ("create", "find", "get", "set", "claim", "complete", "cancel", "subscribe",
           "unsubscribe")


def _receiver(text: str) -> tuple[str, tuple[str, int]]:
    from dicomkit.cli.qrscp import _destination

    return _destination(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit ups``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name in _CLIENT:
        p = sub.add_parser(name, help=f"UPS {name}")
        p.add_argument("host")
        p.add_argument("port", type=int)
        if name in ("get", "set", "claim", "complete", "cancel"):
            p.add_argument("uid", help="the UPS SOP Instance UID")
        if name in ("subscribe", "unsubscribe"):
            p.add_argument("uid", nargs="?", default=None,
                           help="the UPS (default: the global subscription)")
            p.add_argument("--receiver", required=True, type=ae_title("receiving AE"),
                           metavar="AE", help="the AE title to receive the events")
        if name == "create":
            p.add_argument("file", nargs="?", default=None,
                           help="a DICOM file with the workitem's attributes")
            p.add_argument("--uid", default=None, help="its SOP Instance UID (default: new)")
        if name in ("claim", "complete", "cancel", "set"):
            p.add_argument("--transaction", default="", metavar="UID",
                           help="the Transaction UID (locking UID) of the claim")
        if name == "cancel":
            p.add_argument("--reason", default="", help="Reason For Cancellation")
        if name == "subscribe":
            p.add_argument("--lock", action="store_true", help="with a deletion lock")
        if name in ("find", "get"):
            p.add_argument("--json", action="store_true", help="DICOM JSON (PS3.18 F.2)")
        p.add_argument("-k", "--key", dest="keys", action="append", default=[],
                       metavar="KEY[=VALUE]", help="an attribute, as findscu -k; repeatable")
        p.add_argument("--aet", default="DICOMKIT", type=ae_title("our AE title"), metavar="AE")
        p.add_argument("--aec", default="ANY-SCP", type=ae_title("called AE title"),
                       metavar="AE")
        p.add_argument("--timeout", type=float, default=30.0, metavar="S")
    watch = sub.add_parser("watch", help="receive UPS events (N-EVENT-REPORT) and print them")
    watch.add_argument("port", type=int)
    watch.add_argument("--aet", required=True, type=ae_title("our AE title"), metavar="AE")
    watch.add_argument("--bind", default="0.0.0.0", metavar="HOST")
    watch.add_argument("--count", type=int, default=0, metavar="N",
                       help="stop after N events (default: until Ctrl-C)")
    watch.add_argument("--json", action="store_true", help="one JSON object per event")
    watch.add_argument("--timeout", type=float, default=30.0, metavar="S")
    serve = sub.add_parser("serve", help="run the UPS SCP over a workitem store")
    serve.add_argument("port", type=int)
    serve.add_argument("--db", required=True, metavar="FILE",
                       help="the workitem store (SQLite file, or a SQLAlchemy URL)")
    serve.add_argument("--aet", default="DICOMKIT", type=ae_title("our AE title"), metavar="AE")
    serve.add_argument("--bind", default="0.0.0.0", metavar="HOST")
    serve.add_argument("--receiver", action="append", default=[], type=_receiver,
                       metavar="AE=HOST:PORT", help="where an AE's events go (repeatable)")
    serve.add_argument("--purge-every", type=float, default=0.0, metavar="S",
                       help="every S seconds delete the COMPLETED and CANCELED workitems "
                            "without a deletion lock (PS3.4 CC.2.1.3; default: never)")
    serve.add_argument("--timeout", type=float, default=30.0, metavar="S")


def _timeouts(args: argparse.Namespace) -> Any:
    from dicomkit.net.ul import Timeouts

    return Timeouts(connect=args.timeout, acse=args.timeout, dimse=args.timeout,
                    network=args.timeout)


def _keys(args: argparse.Namespace) -> Any:
    from dicomkit.net.services.qr.keys import dataset_of, parse_key_argument

    return dataset_of(parse_key_argument(args.keys))


def _print(ds: Any, as_json: bool) -> None:
    if as_json:
        from dicomkit.core.json import to_json_dict

        print(json.dumps(to_json_dict(ds)))
    else:
        print(ds)
        print()


async def _client(args: argparse.Namespace) -> int:
    from dicomkit.core.dataset import Dataset
    from dicomkit.generated import ups
    from dicomkit.io.reader import read
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services.ups import UpsClient, contexts

    keys = _keys(args)
    ae = ApplicationEntity(args.aet, timeouts=_timeouts(args))
    async with ae.connect(args.host, args.port, called_ae=args.aec,
                          contexts=contexts()) as assoc:
        client = UpsClient(assoc)
        action = args.action
        if action == "create":
            ds = Dataset()
            if args.file:
                ds = read(args.file)
                for meta in [t for t in ds if int(t) >> 16 == 0x0002]:
                    del ds[meta]
            for elem in keys.elements():
                ds[elem.tag] = elem
            if ds.get("ProcedureStepState") is None:
                ds.ProcedureStepState = ups.SCHEDULED
            print(await client.create(ds, args.uid))
        elif action == "find":
            for match in await client.find(keys):
                _print(match, args.json)
        elif action == "get":
            _print(await client.get(args.uid, [int(t) for t in keys]), args.json)
        elif action == "set":
            await client.set(args.uid, keys, args.transaction)
        elif action == "claim":
            print(await client.claim(args.uid, args.transaction or None))
        elif action == "complete":
            if len(keys):
                await client.set(args.uid, keys, args.transaction)
            return _status(await client.complete(args.uid, args.transaction))
        elif action == "cancel":
            if args.transaction:
                if len(keys):
                    await client.set(args.uid, keys, args.transaction)
                return _status(await client.cancel(args.uid, args.transaction))
            return _status(await client.request_cancel(args.uid, reason=args.reason))
        elif action == "subscribe":
            if args.uid:
                return _status(await client.subscribe(args.receiver, args.uid,
                                                      deletion_lock=args.lock))
            return _status(await client.subscribe(args.receiver, deletion_lock=args.lock,
                                                  keys=keys if len(keys) else None))
        else:
            if args.uid:
                return _status(await client.unsubscribe(args.receiver, args.uid))
            return _status(await client.unsubscribe(args.receiver))
    return 0


def _status(status: int) -> int:
    if status:
        print(f"dicomkit ups: warning status 0x{status:04X}", file=sys.stderr)
    return 0


async def _watch(args: argparse.Namespace) -> int:
    import anyio

    from dicomkit.core.json import to_json_dict
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services.ups import UpsEventListener

    listener = UpsEventListener()
    ae = ApplicationEntity(args.aet, timeouts=_timeouts(args))
    ae.add_service(listener, scu_role=True, scp_role=True)
    count = 0
    async with anyio.create_task_group() as tg:
        async def stop_on_signal() -> None:
            with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                async for _ in signals:
                    tg.cancel_scope.cancel()
                    return

        tg.start_soon(stop_on_signal)
        host, port = await tg.start(partial(ae.serve, args.bind, args.port))
        print(f"listening on {host}:{port} as {args.aet}", file=sys.stderr, flush=True)
        async for event in listener:
            count += 1
            if args.json:
                print(json.dumps({"event": event.event_type.name, "uid": event.uid,
                                  "from": event.calling_ae, "info": to_json_dict(event.info)}),
                      flush=True)
            else:
                state = f" {event.state}" if event.state else ""
                print(f"{event.event_type.name} {event.uid}{state} from {event.calling_ae}",
                      flush=True)
            if args.count and count >= args.count:
                tg.cancel_scope.cancel()
                break
    return 0


async def _serve(args: argparse.Namespace) -> int:
    import anyio

    from dicomkit.net.acse import AcceptPolicy
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services.ups import UpsSCP
    from dicomkit.net.services.verification import VerificationSCP
    from dicomkit.workitems import AsyncWorkitemStore

    store = await AsyncWorkitemStore.open(args.db)
    try:
        ae = ApplicationEntity(args.aet, policy=AcceptPolicy(ae_title=args.aet),
                               timeouts=_timeouts(args))
        ae.add_service(VerificationSCP())
        ae.add_service(UpsSCP(store, ae_title=args.aet, receivers=dict(args.receiver),
                              timeouts=_timeouts(args)))
        async with anyio.create_task_group() as tg:
            async def stop_on_signal() -> None:
                with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                    async for _ in signals:
                        tg.cancel_scope.cancel()
                        return

            async def purge() -> None:
                while True:
                    await anyio.sleep(args.purge_every)
                    for uid in await store.purge():
                        print(f"purged {uid}", file=sys.stderr, flush=True)

            tg.start_soon(stop_on_signal)
            if args.purge_every > 0:
                tg.start_soon(purge)
            host, port = await tg.start(partial(ae.serve, args.bind, args.port))
            print(f"listening on {host}:{port} as {args.aet}, workitems {args.db}",
                  file=sys.stderr, flush=True)
    finally:
        await store.aclose()
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the action: 0 when done; 1 when refused or unreachable."""
    from dicomkit.errors import DicomError
    from dicomkit.net import loop

    try:
        try:
            if args.action == "watch":
                return loop.run(_watch, args)
            if args.action == "serve":
                return loop.run(_serve, args)
            return loop.run(_client, args)
        except BaseExceptionGroup as group:  # raised inside the association's task group
            raise _first(group) from None
    except (DicomError, OSError, ValueError) as exc:
        print(f"dicomkit ups {args.action}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


def _first(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The first error of a group that is not itself a group."""
    inner: BaseException = group
    while isinstance(inner, BaseExceptionGroup):
        inner = inner.exceptions[0]
    return inner
