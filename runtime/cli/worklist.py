"""``dicomkit worklist``: the Modality Worklist (PS3.4 Annex K).

``dicomkit worklist find HOST PORT -k Modality=CT -k ScheduledProcedureStepStartDate=20240105-``
queries a worklist SCP (like dcmtk's ``findscu -W``): keys as ``dicomkit find`` takes them,
Scheduled Procedure Step keys (Modality, Scheduled Station AE Title, Scheduled Procedure Step
Start Date ...) put into the Scheduled Procedure Step Sequence item by themselves; the keys of
Matching Key Type R and Return Key Type 1 of Table K.6-1 are asked for unless ``--no-defaults``.
Each entry is printed as it arrives, as text or (``--json``) one DICOM JSON array; ``--cancel
N`` sends C-CANCEL after N entries.  Exit status 0 when the query ended with Success (or our
cancel), 1 otherwise.

``dicomkit worklist add DIR FILE...`` adds entries (DICOM files or DICOM JSON objects) to the
worklist folder that ``dicomkit qrscp --worklist DIR`` serves, each written under a new name
and made visible only when complete.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dicomkit.errors import DicomError

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommands of ``dicomkit worklist``."""
    from dicomkit.cli.echo import add_tls_arguments

    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    find = sub.add_parser("find", help="query a Modality Worklist SCP (C-FIND) like findscu -W")
    find.add_argument("host", help="peer host name or address")
    find.add_argument("port", type=int, help="peer port")
    find.add_argument("--aet", default="DICOMKIT", metavar="AE",
                      help="calling AE title (default DICOMKIT)")
    find.add_argument("--aec", default="ANY-SCP", metavar="AE",
                      help="called AE title (default ANY-SCP)")
    find.add_argument("-k", "--query-key", dest="query_keys", action="append", default=[],
                      metavar="KEY[=VALUE]", help="a matching or return key; repeatable")
    find.add_argument("--no-defaults", action="store_true",
                      help="ask only for the keys given")
    find.add_argument("--json", action="store_true",
                      help="print the entries as a DICOM JSON model array (PS3.18 F.2)")
    find.add_argument("--cancel", type=int, default=None, metavar="N",
                      help="send C-CANCEL after N entries")
    find.add_argument("--timeout", type=float, default=30.0, metavar="S",
                      help="connect and per-response timeout in seconds (default 30)")
    find.add_argument("--deadline", type=float, default=None, metavar="S",
                      help="the whole query's time limit; then C-CANCEL (default none)")
    find.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    add_tls_arguments(find)
    add = sub.add_parser("add", help="add entries to a worklist folder")
    add.add_argument("folder", help="the worklist folder (made when missing)")
    add.add_argument("files", nargs="+", help="DICOM files or DICOM JSON (.json) objects")


async def _find(args: argparse.Namespace, keys: dict[object, Any]) -> int:
    from dicomkit.cli.echo import client_ssl_context
    from dicomkit.cli.find import timeouts
    from dicomkit.core.json import to_json_dict
    from dicomkit.generated import uids
    from dicomkit.generated.workflow import WORKLIST_SOP_CLASS
    from dicomkit.net.acse import PresentationContext
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.aetitle import validate_ae_title
    from dicomkit.net.services.worklist import find_worklist

    aet = validate_ae_title(args.aet, "calling AE title (--aet)")
    aec = validate_ae_title(args.aec, "called AE title (--aec)")
    contexts = [PresentationContext(1, WORKLIST_SOP_CLASS, (uids.ExplicitVRLittleEndian,
                                                            uids.ImplicitVRLittleEndian))]
    ae = ApplicationEntity(aet, timeouts=timeouts(args))
    out = sys.stdout
    count = 0
    async with ae.connect(args.host, args.port, called_ae=aec, contexts=contexts,
                          ssl_context=client_ssl_context(args)) as assoc:
        if args.json:
            out.write("[")
        async with find_worklist(assoc, keys, timeout=args.deadline,
                                 defaults=not args.no_defaults) as results:
            async for ds in results:
                count += 1
                if args.json:
                    out.write(("," if count > 1 else "") + "\n" + json.dumps(to_json_dict(ds)))
                else:
                    print(f"# entry {count}\n{ds}\n", file=out)
                out.flush()
                if args.cancel is not None and count >= args.cancel:
                    break  # leaving the block sends C-CANCEL (PS3.7 9.3.2.3)
        if args.json:
            out.write("\n]\n")
    if not args.quiet:
        how = "cancelled" if results.cancelled else "complete"
        print(f"worklist C-FIND {aec}@{args.host}:{args.port}: {count} entr"
              f"{'y' if count == 1 else 'ies'}, {how}", file=sys.stderr)
    return 0


def _add(args: argparse.Namespace) -> int:
    from dicomkit.core.json import from_json_dict
    from dicomkit.io.reader import read
    from dicomkit.net.services.worklist import WorklistStore

    store = WorklistStore(args.folder)
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            if path.suffix.lower() == ".json":
                obj = json.loads(path.read_bytes())
                ds = from_json_dict(obj[0] if isinstance(obj, list) and len(obj) == 1 else obj)
                written = store.add(ds)
            else:
                ds = read(path, strict=True)
                ds.file_meta = None
                written = store.add(ds, format="dcm")
        except (DicomError, OSError, ValueError, TypeError, AttributeError) as exc:
            print(f"dicomkit worklist add: {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        print(written)
    return status


def run(args: argparse.Namespace) -> int:
    """``find``: query and print; ``add``: add entries to a folder."""
    if args.action == "add":
        return _add(args)
    from dicomkit.net import loop
    from dicomkit.net.services.qr.keys import parse_key_argument

    try:
        keys = parse_key_argument(args.query_keys)
        return loop.run(_find, args, keys)
    except (DicomError, OSError, ValueError) as exc:
        print(f"dicomkit worklist find: {args.aec}@{args.host}:{args.port}: {exc}",
              file=sys.stderr)
        return 1
