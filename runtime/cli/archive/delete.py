"""``dicomkit archive delete DIR --study UID``: delete from the archive, rows and files.

One of ``--patient ID`` (with ``--issuer``), ``--study UID``, ``--series UID``, ``--instance
UID``; everything below it goes too, and a series, study or patient left empty.  Exit status 1
when there is no such entity.
"""

from __future__ import annotations

import argparse
import sys

from dicomkit.cli.archive import add_common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``dicomkit archive delete``."""
    add_common(parser)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--patient", metavar="ID", help="Patient ID")
    which.add_argument("--study", metavar="UID", help="Study Instance UID")
    which.add_argument("--series", metavar="UID", help="Series Instance UID")
    which.add_argument("--instance", metavar="UID", help="SOP Instance UID")
    parser.add_argument("--issuer", metavar="ISSUER", default=None,
                        help="with --patient: Issuer of Patient ID")


def run(args: argparse.Namespace) -> int:
    """Delete; say how many files went."""
    from dicomkit.archive import Archive, NotFoundError
    from dicomkit.archive.schema import IMAGE, SERIES, STUDY

    with Archive(args.dir, db=args.db) as archive:
        try:
            if args.patient is not None:
                n = archive.delete_patient(args.patient, args.issuer)
            else:
                level, uid = next((lv, v) for lv, v in ((STUDY, args.study),
                                                        (SERIES, args.series),
                                                        (IMAGE, args.instance)) if v)
                n = archive.delete(level, uid)
        except NotFoundError as exc:
            print(f"dicomkit archive delete: {exc.reason}", file=sys.stderr)
            return 1
    print(f"deleted {n} file(s)")
    return 0
