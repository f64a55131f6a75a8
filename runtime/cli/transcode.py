"""``dicomkit transcode``: re-encode files in another transfer syntax (like dcmtk's dcmconv,
dcmcjpeg, dcmdjpeg, dcmcrle in one command).

``dicomkit transcode IN OUT --to JPEG2000Lossless`` writes OUT; with several inputs (or a
folder), OUT is a folder and each file keeps its name.  The target is a UID, keyword or name of
a transfer syntax (PS3.6 Table A-1).  Lossy targets take ``--quality`` (JPEG), ``--near``
(JPEG-LS) or ``--ratio`` (JPEG 2000) and give the result a new SOP Instance UID.  Each output is
written to a temporary name and renamed when complete, so a failure leaves no half file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from dicomkit.errors import DicomError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit transcode``."""
    parser.add_argument("inputs", nargs="+", metavar="IN", help="files or folders to read")
    parser.add_argument("output", metavar="OUT",
                        help="output file (one input) or folder (several inputs or a folder)")
    parser.add_argument("--to", required=True, metavar="SYNTAX",
                        help="target transfer syntax: UID, keyword (JPEG2000Lossless, "
                             "RLELossless, ExplicitVRLittleEndian...) or name")
    parser.add_argument("--quality", type=int, metavar="Q", help="lossy JPEG quality 1-100")
    parser.add_argument("--near", type=int, metavar="N", help="JPEG-LS near-lossless error bound")
    parser.add_argument("--ratio", type=float, metavar="R", help="lossy JPEG 2000 compression ratio")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip decoding lossless results to check they equal the source")


def _inputs(names: list[str]) -> list[Path]:
    out: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file())
        else:
            out.append(path)
    return out


def run(args: argparse.Namespace) -> int:
    """Transcode every input; report each failure and go on; exit 1 if any failed."""
    import dicomkit
    from dicomkit.pixels.transcode import resolve_transfer_syntax, transcode

    target = resolve_transfer_syntax(args.to)
    options: dict[str, Any] = {k: v for k, v in (("quality", args.quality), ("near", args.near),
                                                 ("ratio", args.ratio)) if v is not None}
    inputs = _inputs(args.inputs)
    several = len(inputs) > 1 or any(Path(n).is_dir() for n in args.inputs)
    out_root = Path(args.output)
    if several:
        out_root.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in inputs:
        dest = out_root / path.name if several else out_root
        tmp = dest.with_name(f".{dest.name}.partial")
        try:
            ds = dicomkit.read(path)
            result = transcode(ds, target, verify=not args.no_verify, **options)
            dicomkit.write(tmp, result)
            os.replace(tmp, dest)
        except (DicomError, OSError) as exc:
            failed += 1
            tmp.unlink(missing_ok=True)
            print(f"dicomkit transcode: {path}: {exc}", file=sys.stderr)
    return 1 if failed else 0
