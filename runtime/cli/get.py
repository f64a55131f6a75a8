"""``dicomkit get``: retrieve instances with C-GET (PS3.4 C.4.3) into a folder, like dcmtk's
``getscu``.

The association proposes the model's GET SOP class and Storage SOP classes with the SCP role
(SCP/SCU Role Selection, PS3.7 D.3.3.4): by default every non-retired one that fits beside it,
or those of ``--sop-class`` (repeatable UIDs or keywords).  The C-STORE sub-operations arrive
on the same association and are written under ``--out`` as ``dicomkit storescp`` writes them
(``<PatientID>/<Study>/<Series>/<SOP Instance>.dcm``, checked, never half written).  Progress
on stderr; exit status 0 when every sub-operation completed.
"""

from __future__ import annotations

import argparse
import sys

from dicomkit.errors import DicomError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit get``."""
    from dicomkit.cli.find import add_qr_arguments

    add_qr_arguments(parser)
    parser.add_argument("--out", default=".", metavar="DIR",
                        help="folder for the received files (default: the current one)")
    parser.add_argument("--sop-class", action="append", default=[], metavar="UID",
                        help="a Storage SOP class to accept (UID or keyword); repeatable "
                             "(default: every non-retired one that fits)")


def _storage_classes(names: list[str]) -> list[str] | None:
    from dicomkit.generated import uids

    if not names:
        return None
    out = []
    for name in names:
        uid = getattr(uids, name, None) if not name[:1].isdigit() else name
        if not isinstance(uid, str):
            raise ValueError(f"--sop-class {name!r} is neither a UID nor a UID keyword")
        out.append(uid)
    return out


async def _get(args: argparse.Namespace) -> int:
    from dicomkit.cli.echo import client_ssl_context
    from dicomkit.cli.find import QueryOptions, extended, report_extended, timeouts
    from dicomkit.cli.move import print_progress, print_result
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services import qr

    options = QueryOptions(args)
    # with the model's FIND context (see dicomkit move)
    contexts = qr.get_contexts((options.model.name,), storage=_storage_classes(args.sop_class))
    ae = ApplicationEntity(options.aet, timeouts=timeouts(args))
    what = f"C-GET {options.level}"
    async with ae.connect(args.host, args.port, called_ae=options.aec, contexts=contexts,
                          ssl_context=client_ssl_context(args),
                          sop_class_extended=extended(args, contexts)) as assoc:
        report_extended(args, assoc, sys.stderr)
        retrieve = qr.get(assoc, options.keys, store=args.out, level=options.level,
                          model=options.model, timeout=args.deadline)
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
    import anyio

    try:
        return anyio.run(_get, args)
    except (DicomError, OSError, ValueError) as exc:
        print(f"dicomkit get: {args.aec}@{args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
