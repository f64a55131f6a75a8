"""``dicomkit get``: retrieve instances with C-GET (PS3.4 C.4.3) into a folder, like dcmtk's
``getscu``.

The association proposes the model's GET SOP class and Storage SOP classes with the SCP role
(SCP/SCU Role Selection, PS3.7 D.3.3.4): those of ``--sop-class`` (repeatable UIDs or
keywords), else those a C-FIND down to the IMAGE level finds on a first association (SOP Class
UID and, where the peer returns it, Available Transfer Syntax UID), else (``--all-classes``, or
when the peer does not answer the queries) every non-retired one that fits.  The C-STORE sub-operations arrive
on the same association and are written under ``--out`` as ``dicomkit storescp`` writes them
(``<PatientID>/<Study>/<Series>/<SOP Instance>.dcm``, checked, never half written).  Progress
on stderr; exit status 0 when every sub-operation completed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from dicomkit.errors import DicomError
from dicomkit.generated import uids


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit get``."""
    from dicomkit.cli.find import add_qr_arguments

    add_qr_arguments(parser)
    parser.add_argument("--out", default=".", metavar="DIR",
                        help="folder for the received files (default: the current one)")
    parser.add_argument("--sop-class", action="append", default=[], metavar="UID",
                        help="a Storage SOP class to accept (UID or keyword); repeatable "
                             "(default: those a C-FIND down to the IMAGE level finds)")
    parser.add_argument("--all-classes", action="store_true",
                        help="without --sop-class, propose every non-retired Storage SOP class "
                             "that fits (no C-FIND first)")


def _storage_classes(names: list[str]) -> list[str] | None:
    if not names:
        return None
    out = []
    for name in names:
        uid = getattr(uids, name, None) if not name[:1].isdigit() else name
        if not isinstance(uid, str):
            raise ValueError(f"--sop-class {name!r} is neither a UID nor a UID keyword")
        out.append(uid)
    return out


async def _discover(args: argparse.Namespace, options: Any, ae: Any
                    ) -> list[tuple[str, str]] | None:
    """The storage classes (and syntaxes) of what will be retrieved, by C-FIND on a first
    association; None (propose the defaults) when the peer does not answer the queries."""
    from dicomkit.cli.echo import client_ssl_context
    from dicomkit.net.services import qr
    from dicomkit.net.services.qr.negotiation import STORAGE_SOP_CLASSES
    from dicomkit.net.services.qr.retrieve import storage_classes_of

    contexts = qr.query_contexts((options.model.name,), ("C-FIND",))
    try:
        async with ae.connect(args.host, args.port, called_ae=options.aec, contexts=contexts,
                              ssl_context=client_ssl_context(args)) as assoc:
            found = await storage_classes_of(assoc, options.keys, level=options.level,
                                             model=options.model)
    except qr.QueryRetrieveError as exc:
        if not args.quiet:
            print(f"C-FIND for the SOP classes failed ({exc}); proposing the defaults",
                  file=sys.stderr)
        return None
    pairs = [(uid, ts or uids.ExplicitVRLittleEndian) for uid, ts in found.pairs]
    if not args.quiet:
        print(f"C-FIND: {len(pairs)} storage SOP class/transfer syntax pair(s) to accept"
              + (f", {found.unknown} instance(s) without a SOP Class UID: the default classes "
                 "too" if found.unknown else ""), file=sys.stderr)
    if found.unknown or not pairs:
        known = {uid for uid, _ in pairs}
        pairs += [(uid, uids.ExplicitVRLittleEndian) for uid in STORAGE_SOP_CLASSES
                  if uid not in known]
    return pairs


async def _get(args: argparse.Namespace) -> int:
    from dicomkit.cli.echo import client_ssl_context
    from dicomkit.cli.find import QueryOptions, extended, report_extended, timeouts
    from dicomkit.cli.move import print_progress, print_result
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services import qr

    options = QueryOptions(args)
    ae = ApplicationEntity(options.aet, timeouts=timeouts(args))
    storage: list[tuple[str, str]] | list[str] | None = _storage_classes(args.sop_class)
    if storage is None and not args.all_classes:
        storage = await _discover(args, options, ae)
    # with the model's FIND context (see dicomkit move)
    contexts = qr.get_contexts((options.model.name,), storage=storage)
    proposed = {pc.abstract_syntax for pc in contexts}
    wanted = {entry if isinstance(entry, str) else entry[0] for entry in storage or ()}
    if wanted - proposed and not args.quiet:
        print(f"C-GET: {len(wanted - proposed)} storage SOP class(es) left out (128 "
              "presentation contexts per association, PS3.8 9.3.2.2); name the ones you need "
              "with --sop-class", file=sys.stderr)
    what = f"C-GET {options.level}"
    async with ae.connect(args.host, args.port, called_ae=options.aec, contexts=contexts,
                          ssl_context=client_ssl_context(args),
                          sop_class_extended=extended(args, contexts)) as assoc:
        report_extended(args, assoc, sys.stderr)
        retrieve = qr.get(assoc, options.keys, store=args.out, level=options.level,
                          model=options.model, timeout=args.deadline, relational=args.relational)
        try:
            async with retrieve:
                async for progress in retrieve:
                    print_progress(progress, args, what)
        except qr.RetrieveFailed as exc:
            return print_result(exc.result, args, what)
    for path in retrieve.result.stored:
        print(path)
    return print_result(retrieve.result, args, what)


def run(args: argparse.Namespace) -> int:
    """Retrieve what the keys name into ``--out``."""
    from dicomkit.net import loop

    try:
        return loop.run(_get, args)
    except (DicomError, OSError, ValueError) as exc:
        print(f"dicomkit get: {args.aec}@{args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
