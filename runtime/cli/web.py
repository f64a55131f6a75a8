"""``dicomkit web``: a DICOMweb user agent (PS3.18 10) on the command line.

``dicomkit web search URL [--study UID [--series UID]] [--level studies|series|instances]
[-m KEY=VALUE ...] [--include KEY|all] [--limit N] [--page-size N] [--json]``
    QIDO-RS: one line per result (the level's UIDs and a few keys), or the DICOM JSON array.
``dicomkit web retrieve URL --study UID [--series UID [--instance UID]] (--out DIR |
--metadata) [--transfer-syntax UID|*] [--json]``
    WADO-RS: the instances as Part 10 files in DIR (``<SOP Instance UID>.dcm``), or the
    metadata as DICOM JSON.
``dicomkit web store URL FILE|DIR ... [--study UID] [--batch N] [--json]``
    STOW-RS: one line per instance with the server's outcome.

``--user``/``--password`` (basic) or ``--token`` (bearer) authenticate; ``--ca``, ``--cert``,
``--key`` set up TLS; ``--timeout`` limits each read.  Exit status 0 on success, 1 when the
server refused or failed (a Store with any failed instance), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags
from dicomkit.web import json_model
from dicomkit.web.client import BasicAuth, BearerAuth, BlockingDicomWebClient, TlsOptions
from dicomkit.web.client.options import Auth

#: The keys printed for each level's results (besides the UIDs).
_SHOWN = {
    "studies": (tags.StudyInstanceUID, tags.PatientID, tags.PatientName, tags.StudyDate,
                tags.StudyDescription),
    "series": (tags.SeriesInstanceUID, tags.Modality, tags.SeriesNumber,
               tags.SeriesDescription),
    "instances": (tags.SOPInstanceUID, tags.SOPClassUID, tags.InstanceNumber),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the ``search``, ``retrieve`` and ``store`` actions and their options."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("url", help="the DICOMweb service root, e.g. http://host:8042/dicom-web")
    common.add_argument("--json", action="store_true", help="print JSON instead of lines")
    common.add_argument("--user", help="basic authentication user (RFC 7617)")
    common.add_argument("--password", default=os.environ.get("DICOMKIT_WEB_PASSWORD", ""),
                        help="its password (default: $DICOMKIT_WEB_PASSWORD)")
    common.add_argument("--token", default=os.environ.get("DICOMKIT_WEB_TOKEN"),
                        help="bearer token (RFC 6750; default: $DICOMKIT_WEB_TOKEN)")
    common.add_argument("--ca", metavar="PEM", help="CA certificates to trust (https)")
    common.add_argument("--cert", metavar="PEM", help="client certificate (https)")
    common.add_argument("--key", metavar="PEM", help="its private key")
    common.add_argument("--timeout", type=float, default=60.0, help="seconds per read")
    common.add_argument("--progress", action="store_true",
                        help="show progress on stderr (retrieve --out and store)")

    s = sub.add_parser("search", parents=[common], help="QIDO-RS search")
    s.add_argument("--level", choices=sorted(_SHOWN), help="default: the level below the "
                   "deepest UID given (studies without --study)")
    s.add_argument("--study", help="search in this study")
    s.add_argument("--series", help="search in this series (needs --study)")
    s.add_argument("-m", "--match", action="append", default=[], metavar="KEY=VALUE",
                   help="a matching key (keyword or tag; wildcards * ?, ranges a-b, lists a,b)")
    s.add_argument("--include", action="append", default=[], metavar="KEY",
                   help="includefield (a key, or 'all')")
    s.add_argument("--fuzzy", action="store_true", help="fuzzymatching=true")
    s.add_argument("--limit", type=int, help="at most this many results")
    s.add_argument("--offset", type=int, help="skip this many results")
    s.add_argument("--page-size", type=int, help="ask for results this many at a time")

    r = sub.add_parser("retrieve", parents=[common], help="WADO-RS retrieve")
    r.add_argument("--study", required=True)
    r.add_argument("--series")
    r.add_argument("--instance")
    out = r.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", metavar="DIR", help="write the instances as Part 10 files here")
    out.add_argument("--metadata", action="store_true", help="print the metadata (DICOM JSON)")
    r.add_argument("--transfer-syntax", default="*",
                   help="transfer-syntax parameter: a UID, * (the stored one, default) or "
                        "'none' (no parameter: Explicit VR Little Endian)")

    t = sub.add_parser("store", parents=[common], help="STOW-RS store")
    t.add_argument("paths", nargs="+", metavar="FILE|DIR", help="Part 10 files or folders")
    t.add_argument("--study", help="store into this study (PS3.18 10.5.1)")
    t.add_argument("--batch", type=int, default=50, help="instances per request")


def _auth(args: argparse.Namespace) -> Auth | None:
    if args.user:
        return BasicAuth(args.user, args.password)
    if args.token:
        return BearerAuth(args.token)
    return None


def _client(args: argparse.Namespace) -> BlockingDicomWebClient:
    tls = (TlsOptions(ca_file=args.ca, cert_file=args.cert, key_file=args.key)
           if args.ca or args.cert else None)
    return BlockingDicomWebClient(args.url, auth=_auth(args), tls=tls, timeout=args.timeout)


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    if el is None or el.value is None:
        return ""
    value: Any = el.value
    return "\\".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _search(args: argparse.Namespace) -> int:
    match: dict[str | int, Any] = {}
    for item in args.match:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"dicomkit web search: -m {item!r} is not KEY=VALUE")
        match[key] = value
    level = args.level or ("instances" if args.series else "series" if args.study else "studies")
    options: dict[str, Any] = {"limit": args.limit, "offset": args.offset,
                               "page_size": args.page_size}
    if args.include:
        options["includefield"] = "all" if "all" in args.include else args.include
    if args.fuzzy:
        options["fuzzymatching"] = True
    with _client(args) as web:
        if level == "studies":
            found = web.search_studies(match, **options)
        elif level == "series":
            found = web.search_series(match, study=args.study, **options)
        else:
            found = web.search_instances(match, study=args.study, series=args.series, **options)
    if args.json:
        print(json.dumps([json_model.to_json_dict(d) for d in found], indent=1))
    else:
        for ds in found:
            print("  ".join(_text(ds, t) for t in _SHOWN[level]))
    for w in found.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for key in found.unlisted_keys:
        print(f"note: {key} is not a key servers must match on at this level (PS3.18 Table "
              "10.6.1-5); the server may ignore it", file=sys.stderr)
    return 0


def _bar(done: int, total: int, width: int = 30) -> str:
    filled = width * done // total if total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _retrieve_progress(instances: int, nbytes: int) -> None:
    print(f"\rretrieved {instances} instances, {nbytes / 1e6:.1f} MB", end="", file=sys.stderr,
          flush=True)


def _store_progress(done: int, total: int) -> None:
    print(f"\rstored {_bar(done, total)} {done}/{total}", end="", file=sys.stderr, flush=True)


def _retrieve(args: argparse.Namespace) -> int:
    ts = None if args.transfer_syntax == "none" else args.transfer_syntax
    with _client(args) as web:
        if args.metadata:
            found = web.retrieve_metadata(args.study, args.series, args.instance)
            print(json.dumps([json_model.to_json_dict(d) for d in found], indent=1))
            return 0
        paths = web.retrieve_to(args.out, args.study, args.series, args.instance,
                                transfer_syntax=ts,
                                progress=_retrieve_progress if args.progress else None)
    if args.progress:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps([str(p) for p in paths]))
    else:
        for p in paths:
            print(p)
    return 0


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()))
        else:
            out.append(p)
    return out


def _store(args: argparse.Namespace) -> int:
    files = _files(args.paths)
    with _client(args) as web:
        result = web.store(files, study=args.study, batch_size=args.batch,
                           progress=_store_progress if args.progress else None)
    if args.progress:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"http_statuses": result.http_statuses, "warnings": result.warnings,
                          "instances": [{"sop_class_uid": o.sop_class_uid,
                                         "sop_instance_uid": o.sop_instance_uid,
                                         "status": o.status, "reason": o.reason,
                                         "retrieve_url": o.retrieve_url}
                                        for o in result.outcomes]}, indent=1))
    else:
        for o in result.outcomes:
            info = o.reason_info
            why = f" {o.reason:04X}H {info.meaning}" if o.reason is not None and info else ""
            print(f"{o.status:8} {o.sop_instance_uid}{why}")
        for w in result.warnings:
            print(f"warning: {w}", file=sys.stderr)
    return 0 if result.ok else 1


def run(args: argparse.Namespace) -> int:
    """Run the chosen action; DicomWebError propagates to the entry point (exit status 1)."""
    if args.action == "search":
        return _search(args)
    if args.action == "retrieve":
        return _retrieve(args)
    return _store(args)
