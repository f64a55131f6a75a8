"""``dicomkit archive index DIR``: index the files of an archive folder in place.

Files the index does not hold yet are read, checked whole and indexed in batches (``--full``:
every file again); files that are not DICOM instances are listed and left alone.  A progress
bar on stderr when it is a terminal; the summary gives files/s.  This is what repairs an
archive after a crash between a file's placing and its index commit (see
:mod:`dicomkit.archive.store`).  Exit status 1 when a file was refused.

An index written by an older dicomkit is brought to the current layout when the archive opens
(every subcommand does it, :mod:`dicomkit.archive.migrate`: in one transaction, logged); here
with its own progress bar (rows filled) and a line saying what was added.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from typing import TextIO

from dicomkit.cli.archive import add_common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``dicomkit archive index``."""
    add_common(parser)
    parser.add_argument("--policy", choices=("keep", "replace", "reject"), default="keep",
                        help="a SOP Instance UID indexed with other content: keep the indexed "
                             "one (default), replace it, or refuse the file")
    parser.add_argument("--full", action="store_true",
                        help="read every file again, not only those the index lacks")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


class Bar:
    """``[#####-----] 120/400 1350 files/s`` redrawn on a terminal (nothing otherwise)."""

    def __init__(self, stream: TextIO, quiet: bool, unit: str = "files") -> None:
        self.stream = stream
        self.on = stream.isatty() and not quiet
        self.start = time.perf_counter()
        self.unit = unit

    def __call__(self, done: int, total: int) -> None:
        if not self.on:
            return
        width = shutil.get_terminal_size((80, 20)).columns
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        stats = f" {done}/{total}  {rate:.0f} {self.unit}/s"
        cells = max(10, min(40, width - len(stats) - 4))
        filled = cells * done // max(total, 1)
        self.stream.write("\r\x1b[K[" + "#" * filled + "-" * (cells - filled) + "]" + stats)
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Index; print the summary and the refused files."""
    from dicomkit.archive import Archive

    upgrading = Bar(sys.stderr, args.quiet, "rows")
    archive = Archive(args.dir, db=args.db, policy=args.policy, upgrade_progress=upgrading)
    if archive.upgrade.changed:
        upgrading.close()
        added = ", ".join(f"{t}.{c}" for t, cols in archive.upgrade.added.items() for c in cols)
        print(f"index layout upgraded from version {archive.upgrade.found} to "
              f"{archive.upgrade.version}: added {added}; {archive.upgrade.filled} row(s) "
              f"filled, {len(archive.upgrade.unreadable)} without a readable file")
    bar = Bar(sys.stderr, args.quiet)
    with archive:
        try:
            report = archive.index_folder(progress=bar, full=args.full)
        finally:
            bar.close()
    for path, why in report.refused:
        print(f"not indexed {path}: {why}", file=sys.stderr)
    print(f"{report.files} file(s) in {report.seconds:.2f} s ({report.files_per_second:.0f} "
          f"files/s): {report.stored} indexed, {report.replaced} replaced, {report.duplicate} "
          f"duplicate, {report.kept} kept, {report.skipped} already indexed, "
          f"{len(report.refused)} not indexed")
    return 1 if report.refused else 0
