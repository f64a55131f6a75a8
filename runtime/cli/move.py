"""``dicomkit move``: have a Query/Retrieve SCP send instances to an AE with C-MOVE (PS3.4
C.4.2), like dcmtk's ``movescu``.

``--dest AE`` names the Move Destination (the peer knows its address).  Keys and models as
``dicomkit find`` (``-k StudyInstanceUID=...``, ``-L SERIES``, ``-P``/``-S``).  Progress from
the sub-operation counts goes to stderr; the Failed SOP Instance UID List is printed when the
peer gives one.  Exit status 0 when every sub-operation completed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from dicomkit.errors import DicomError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit move``."""
    from dicomkit.cli.find import add_qr_arguments

    add_qr_arguments(parser)
    parser.add_argument("--dest", required=True, metavar="AE",
                        help="Move Destination AE title (known to the peer)")


def print_progress(progress: Any, args: argparse.Namespace, what: str) -> None:
    """One progress line on stderr (unless --quiet)."""
    if args.quiet:
        return
    print(f"{what}: remaining {progress.remaining}, completed {progress.completed}, failed "
          f"{progress.failed}, warning {progress.warning}", file=sys.stderr)


def print_result(result: Any, args: argparse.Namespace, what: str) -> int:
    """The final line (and failed instances); the exit status."""
    from dicomkit.net.dimse import status_text

    for uid in result.failed_instances:
        print(f"failed: {uid}")
    if not args.quiet:
        print(f"{what}: {status_text(result.status, what.split()[0])}: completed "
              f"{result.completed}, failed {result.failed}, warning {result.warning}"
              + (f"; {result.comment}" if result.comment else ""), file=sys.stderr)
    return 0 if result.ok else 1


async def _move(args: argparse.Namespace) -> int:
    from dicomkit.cli.echo import client_ssl_context
    from dicomkit.cli.find import QueryOptions, extended, report_extended, timeouts
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services import qr
    from dicomkit.net.services.qr.negotiation import query_contexts

    options = QueryOptions(args)
    # the model's FIND context too, as movescu proposes it (dcmqrscp --require-find rejects a
    # MOVE context without its FIND context)
    contexts = query_contexts((options.model.name,), ("C-MOVE", "C-FIND"))
    ae = ApplicationEntity(options.aet, timeouts=timeouts(args))
    what = f"C-MOVE {options.level} to {args.dest}"
    async with ae.connect(args.host, args.port, called_ae=options.aec, contexts=contexts,
                          ssl_context=client_ssl_context(args),
                          sop_class_extended=extended(args, contexts)) as assoc:
        report_extended(args, assoc, sys.stderr)
        retrieve = qr.move(assoc, args.dest, options.keys, level=options.level,
                           model=options.model, timeout=args.deadline, relational=args.relational)
        try:
            async with retrieve:
                async for progress in retrieve:
                    print_progress(progress, args, what)
        except qr.RetrieveFailed as exc:
            return print_result(exc.result, args, what)
    return print_result(retrieve.result, args, what)


def run(args: argparse.Namespace) -> int:
    """Move what the keys name to ``--dest``."""
    from dicomkit.net import loop

    try:
        return loop.run(_move, args)
    except (DicomError, OSError, ValueError) as exc:
        print(f"dicomkit move: {args.aec}@{args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
