"""``dicomkit forward``: the store-and-forward queue (:mod:`dicomkit.forward`).

``serve`` delivers the queue's jobs until Ctrl-C (``--drain``: until nothing is left but
dead letters); ``add FILES`` enqueues files (for ``--to`` destinations, or where the rules
send them); ``status`` prints counts, rates and breaker states by destination; ``pause`` and
``resume`` a destination; ``retry`` makes queued jobs due now and puts dead letters back;
``dead`` lists dead-lettered jobs with their reasons; ``clear`` deletes jobs.  Every action
takes ``--spool DIR`` and ``--queue URL`` (default ``sqlite:///DIR/queue.sqlite``;
``postgresql://USER@HOST:PORT/DB`` for a queue shared by several processes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dicomkit.forward import Forwarder, ForwardQueue, Spool

ACTIONS = ("serve", "add", "status", "pause", "resume", "retry", "dead", "clear")


def add_queue_arguments(parser: argparse.ArgumentParser, *, spool_required: bool = True) -> None:
    """``--spool`` and ``--queue``."""
    parser.add_argument("--spool", metavar="DIR", required=spool_required,
                        help="the spool folder (files waiting for delivery)")
    parser.add_argument("--queue", metavar="URL", default=None,
                        help="the queue database (default sqlite:///SPOOL/queue.sqlite; "
                             "postgresql://USER@HOST:PORT/DB)")
    parser.add_argument("--no-fsync", action="store_true",
                        help="do not flush files and commits to disk (faster; a power cut "
                             "may lose what was accepted, a killed process does not)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the actions."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    helps = {
        "serve": "deliver queued files until Ctrl-C",
        "add": "enqueue files for delivery",
        "status": "counts, rates and breaker states by destination",
        "pause": "stop delivering to a destination",
        "resume": "deliver to a paused destination again",
        "retry": "make queued jobs due now and put dead letters back in the queue",
        "dead": "list dead-lettered jobs and why",
        "clear": "delete jobs (not those being sent)",
    }
    for name in ACTIONS:
        sp = sub.add_parser(name, help=helps[name], description=helps[name])
        add_queue_arguments(sp)
        if name in ("serve", "add"):
            sp.add_argument("--rules", metavar="FILE", required=True,
                            help="the routing file (TOML; see dicomkit.forward.rules)")
        if name == "serve":
            sp.add_argument("--drain", action="store_true",
                            help="stop when nothing is left to deliver (dead letters aside)")
            sp.add_argument("--no-recover", action="store_true",
                            help="do not recover at start (the gateway that started this "
                                 "process has)")
            # the lanes of `dicomkit storescp --forward` (dicomkit.forward.lanes): wake-ups
            # from the gateway on this pipe, and its end-of-file when the gateway ends
            sp.add_argument("--wake-fd", type=int, default=None, help=argparse.SUPPRESS)
        if name == "add":
            sp.add_argument("files", nargs="+", metavar="FILE", help="files or folders")
            sp.add_argument("--to", action="append", metavar="DEST", default=None,
                            help="a destination (repeat for more; default: where the rules "
                                 "send each file)")
            sp.add_argument("--priority", choices=("stat", "high", "routine", "low"),
                            default="routine")
            sp.add_argument("--calling-ae", default="",
                            help="the calling AE title the rules see (default none)")
        if name in ("pause", "resume"):
            sp.add_argument("destination", metavar="DEST")
        if name in ("retry", "dead", "clear"):
            sp.add_argument("destination", metavar="DEST", nargs="?", default=None)
        if name == "clear":
            sp.add_argument("--state", choices=("queued", "dead"), default=None)
        if name in ("status", "dead"):
            sp.add_argument("--json", action="store_true", help="print JSON")


def open_queue(args: argparse.Namespace) -> tuple[ForwardQueue, Spool]:
    """The queue and spool the options name."""
    from dicomkit.forward import ForwardQueue, Spool

    spool = Spool(args.spool, fsync=not args.no_fsync)
    url = args.queue or f"sqlite:///{Path(args.spool).resolve() / 'queue.sqlite'}"
    return ForwardQueue(url, durable=not args.no_fsync), spool


def _forwarder(args: argparse.Namespace) -> Forwarder:
    from dicomkit.forward import Forwarder, load_rules

    queue, spool = open_queue(args)
    return Forwarder(queue, spool, load_rules(args.rules))


def _when(t: float | None) -> str:
    return "-" if t is None else dt.datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S")


def _serve(args: argparse.Namespace) -> int:
    import anyio

    from dicomkit.forward.lanes import listen
    from dicomkit.net import loop

    fwd = _forwarder(args)

    async def main() -> None:
        async with anyio.create_task_group() as tg:
            async def stop_on_signal() -> None:
                with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                    async for _ in signals:
                        tg.cancel_scope.cancel()
                        return

            async def wakes(fd: int) -> None:
                await listen(fd, fwd.wake)
                tg.cancel_scope.cancel()  # the gateway ended: so do its lanes

            tg.start_soon(stop_on_signal)
            if args.wake_fd is not None:
                tg.start_soon(wakes, args.wake_fd)
            if not args.no_recover:
                done = await anyio.to_thread.run_sync(fwd.recover)
                print(f"forwarding to {', '.join(fwd.workers) or 'nowhere'} "
                      f"({done.released} interrupted job(s) queued again, {done.queued} "
                      f"received file(s) without a job queued, {done.removed} file(s) "
                      "removed)", file=sys.stderr, flush=True)
            await fwd.run(drain=args.drain, recover=False)
            tg.cancel_scope.cancel()

    try:
        loop.run(main)
    finally:
        released = fwd.release_own_leases()
        if released:
            print(f"{released} job(s) being sent put back in the queue", file=sys.stderr)
        fwd.close()
    return 0


def _files(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, names in os.walk(p):
                out += [os.path.join(root, n) for n in sorted(names)]
        else:
            out.append(p)
    return out


def _add(args: argparse.Namespace) -> int:
    fwd = _forwarder(args)
    jobs = files = 0
    for path in _files(args.files):
        ids = fwd.add(path, args.to, priority=args.priority, calling_ae=args.calling_ae)
        jobs += len(ids)
        files += bool(ids)
    print(f"{files} file(s) queued, {jobs} job(s)", file=sys.stderr)
    return 0


def _status(args: argparse.Namespace, queue: ForwardQueue) -> int:
    rows = queue.status()
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], indent=2))
        return 0
    print(f"{'destination':16} {'queued':>7} {'due':>6} {'sending':>7} {'dead':>6} "
          f"{'sent':>8} {'failed':>7} {'files/s':>8} {'MB/s':>7} {'breaker':10} state")
    for r in rows:
        print(f"{r.name:16} {r.queued:7} {r.due:6} {r.sending:7} {r.dead:6} {r.sent:8} "
              f"{r.failed:7} {r.rate:8.1f} {r.byte_rate / 1e6:7.2f} {r.breaker:10} "
              f"{'paused' if r.paused else 'running'}; oldest {_when(r.oldest)}")
    return 0


def _dead(args: argparse.Namespace, queue: ForwardQueue) -> int:
    jobs = queue.jobs_of(args.destination, "dead")
    if args.json:
        print(json.dumps([j.__dict__ for j in jobs], indent=2))
        return 0
    for j in jobs:
        print(f"{j.id:8} {j.destination:16} {j.sop_instance} after {j.attempts} attempt(s): "
              f"{j.last_error}")
    print(f"{len(jobs)} dead letter(s)", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    if args.action == "serve":
        return _serve(args)
    if args.action == "add":
        return _add(args)
    queue, spool = open_queue(args)
    try:
        result: Any
        if args.action == "status":
            return _status(args, queue)
        if args.action == "dead":
            return _dead(args, queue)
        if args.action in ("pause", "resume"):
            queue.set_paused(args.destination, args.action == "pause")
            print(f"{args.destination} {args.action}d", file=sys.stderr)
            return 0
        if args.action == "retry":
            result = queue.retry_now(args.destination)
            print(f"{result} job(s) due now", file=sys.stderr)
            return 0
        files = queue.clear(args.destination, args.state)
        spool.remove(files)
        print(f"cleared; {len(files)} spool file(s) removed", file=sys.stderr)
        return 0
    finally:
        queue.close()
