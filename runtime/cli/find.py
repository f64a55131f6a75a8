"""``dicomkit find``: query a Query/Retrieve SCP with C-FIND (PS3.4 C.4.1), like dcmtk's
``findscu``.

Keys are given as findscu takes them: ``-k PatientName=DOE*``, ``-k (0010,0020)=123``,
``-k 0020,000D=`` (a return key), ``-k ReferencedStudySequence[0].ReferencedSOPInstanceUID``;
``-k QueryRetrieveLevel=SERIES`` or ``-L SERIES`` sets the level; ``-P`` / ``-S`` / ``-O``
choose the Patient Root, Study Root (default) or Patient/Study Only model.  Each identifier is
printed as it arrives, as text or (``--json``) as one array of DICOM JSON model objects
(PS3.18 F.2); ``--cancel N`` sends C-CANCEL after N results.  Exit status 0 when the query
ended with Success (or our cancel), 1 otherwise.

The options shared with ``dicomkit move`` and ``dicomkit get`` are defined here.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from dicomkit.errors import DicomError

MODELS = {"patient": "Patient Root", "study": "Study Root", "psonly": "Patient/Study Only"}


def add_qr_arguments(parser: argparse.ArgumentParser, *, default_level: str = "STUDY") -> None:
    """The options of every Q/R subcommand: peer, AE titles, model, level, keys, timeouts."""
    from dicomkit.cli.echo import add_tls_arguments

    parser.add_argument("host", help="peer host name or address")
    parser.add_argument("port", type=int, help="peer port")
    parser.add_argument("--aet", default="DICOMKIT", metavar="AE",
                        help="calling AE title (default DICOMKIT)")
    parser.add_argument("--aec", default="ANY-SCP", metavar="AE",
                        help="called AE title (default ANY-SCP)")
    model = parser.add_mutually_exclusive_group()
    model.add_argument("-P", "--patient", dest="model", action="store_const", const="patient",
                       help="Patient Root information model")
    model.add_argument("-S", "--study", dest="model", action="store_const", const="study",
                       help="Study Root information model (default)")
    model.add_argument("-O", "--psonly", dest="model", action="store_const", const="psonly",
                       help="Patient/Study Only information model (retired)")
    parser.add_argument("-L", "--level", default=None, metavar="LEVEL",
                        help=f"Query/Retrieve Level: PATIENT, STUDY, SERIES, IMAGE (default "
                             f"{default_level}, or a -k QueryRetrieveLevel=...)")
    parser.add_argument("-k", "--query-key", dest="query_keys", action="append", default=[],
                        metavar="KEY[=VALUE]",
                        help="a matching or return key: keyword or (gggg,eeee), '=value' to "
                             "match; repeatable")
    parser.add_argument("--relational", action="store_true",
                        help="ask for relational queries/retrieval (SOP Class Extended "
                             "Negotiation, PS3.4 C.5)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="connect and per-response timeout in seconds (default 30)")
    parser.add_argument("--deadline", type=float, default=None, metavar="S",
                        help="the whole operation's time limit; then C-CANCEL (default none)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(default_level=default_level)
    add_tls_arguments(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit find``."""
    add_qr_arguments(parser)
    parser.add_argument("--json", action="store_true",
                        help="print the results as a DICOM JSON model array (PS3.18 F.2)")
    parser.add_argument("--cancel", type=int, default=None, metavar="N",
                        help="send C-CANCEL after N results (like findscu --cancel)")


class QueryOptions:
    """What the Q/R options say: model, level, keys (parsed and checked before connecting)."""

    def __init__(self, args: argparse.Namespace) -> None:
        from dicomkit.generated import tags
        from dicomkit.net.aetitle import validate_ae_title
        from dicomkit.net.services.qr.keys import model_named, parse_key_argument

        self.aet = validate_ae_title(args.aet, "calling AE title (--aet)")
        self.aec = validate_ae_title(args.aec, "called AE title (--aec)")
        self.model = model_named(MODELS[args.model or "study"])
        keys: dict[object, Any] = parse_key_argument(args.query_keys)
        level = keys.pop(tags.QueryRetrieveLevel, None)
        self.level = str(args.level or level or args.default_level).upper()
        self.keys = keys


def timeouts(args: argparse.Namespace) -> Any:
    """The network timeouts the options ask for."""
    from dicomkit.net.ul import Timeouts

    return Timeouts(connect=args.timeout, acse=args.timeout, dimse=args.timeout,
                    network=args.timeout)


def extended(args: argparse.Namespace, contexts: list[Any]) -> dict[str, bytes] | None:
    """The extended negotiation items the options ask for (``--relational``)."""
    if not args.relational:
        return None
    from dicomkit.generated.query_retrieve import model_of
    from dicomkit.net.services.qr import extended_negotiation

    out: dict[str, bytes] = {}
    for pc in contexts:
        found = model_of(pc.abstract_syntax)
        if found is None:
            continue
        option = "relational_queries" if found[1] == "C-FIND" else "relational_retrieval"
        out[pc.abstract_syntax] = extended_negotiation(found[1], **{option: True})
    return out


def report_extended(args: argparse.Namespace, assoc: Any, out: TextIO) -> None:
    """Say on stderr what the peer accepted of the extended negotiation."""
    if not args.relational or args.quiet:
        return
    from dicomkit.net.services.qr import accepted_options

    for ctx in assoc.contexts.values():
        options = accepted_options(assoc, ctx.abstract_syntax)
        if options:
            accepted = [name for name, on in options.items() if on]
            print(f"extended negotiation {ctx.abstract_syntax}: accepted "
                  f"{', '.join(accepted) or 'nothing'}", file=out)


def _print_text(ds: Any, n: int, out: TextIO) -> None:
    print(f"# result {n}", file=out)
    print(ds, file=out)
    print(file=out)


async def _find(args: argparse.Namespace, options: QueryOptions) -> int:
    from dicomkit.cli.echo import client_ssl_context
    from dicomkit.core.json import to_json_dict
    from dicomkit.net.ae import ApplicationEntity
    from dicomkit.net.services import qr
    from dicomkit.net.services.qr.negotiation import query_contexts

    contexts = query_contexts((options.model.name,), ("C-FIND",))
    ae = ApplicationEntity(options.aet, timeouts=timeouts(args))
    out = sys.stdout
    count = 0
    async with ae.connect(args.host, args.port, called_ae=options.aec, contexts=contexts,
                          ssl_context=client_ssl_context(args),
                          sop_class_extended=extended(args, contexts)) as assoc:
        report_extended(args, assoc, sys.stderr)
        if args.json:
            out.write("[")
        async with qr.find(assoc, options.keys, level=options.level, model=options.model,
                           timeout=args.deadline, relational=args.relational) as results:
            async for ds in results:
                count += 1
                if args.json:
                    out.write(("," if count > 1 else "") + "\n" + json.dumps(to_json_dict(ds)))
                else:
                    _print_text(ds, count, out)
                out.flush()
                if args.cancel is not None and count >= args.cancel:
                    break  # leaving the block sends C-CANCEL (PS3.7 9.3.2.3)
        if args.json:
            out.write("\n]\n")
    if not args.quiet:
        how = "cancelled" if results.cancelled else "complete"
        warn = f", {len(results.warnings)} with pending warning FF01H" if results.warnings \
            else ""
        print(f"C-FIND {options.level} {options.aec}@{args.host}:{args.port}: {count} "
              f"result(s), {how}{warn}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Query the peer and print what it finds."""
    from dicomkit.net import loop

    try:
        options = QueryOptions(args)
        return loop.run(_find, args, options)
    except (DicomError, OSError, ValueError) as exc:
        print(f"dicomkit find: {args.aec}@{args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
