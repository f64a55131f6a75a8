"""``dicomkit archive check DIR``: compare the index with the files.

Lists indexed files that are missing, files that are not indexed, and files whose size or
sha256 (``--no-hash``: size only) differ from the index's; ``--repair`` first finishes the
deletions a crash interrupted.  Exit status 0 when they agree, 1 otherwise.
"""

from __future__ import annotations

import argparse

from dicomkit.cli.archive import add_common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``dicomkit archive check``."""
    add_common(parser)
    parser.add_argument("--no-hash", action="store_true", help="compare sizes only")
    parser.add_argument("--repair", action="store_true",
                        help="finish interrupted deletions first")


def run(args: argparse.Namespace) -> int:
    """Check; print each difference and a summary."""
    from dicomkit.archive import Archive

    with Archive(args.dir, db=args.db) as archive:
        report = archive.check(hashes=not args.no_hash, repair=args.repair)
    for path in report.missing:
        print(f"missing {path}")
    for path in report.unindexed:
        print(f"unindexed {path}")
    for path, what in report.mismatched:
        print(f"mismatch {path}: {what}")
    for path in report.pending:
        print(f"pending-deletion {path}")
    print(f"{report.checked} indexed file(s) checked: {len(report.missing)} missing, "
          f"{len(report.unindexed)} unindexed, {len(report.mismatched)} mismatched, "
          f"{len(report.pending)} pending deletion")
    return 0 if report.ok else 1
