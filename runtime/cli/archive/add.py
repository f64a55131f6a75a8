"""``dicomkit archive add DIR FILES_OR_FOLDERS...``: copy files into an archive and index them.

Each file is checked whole, copied in blocks to its place under DIR
(``<Study UID>/<Series UID>/<SOP UID>.dcm``) and indexed (:meth:`dicomkit.archive.Archive.insert_file`);
folders are walked.  ``--policy`` says what to do with a SOP Instance UID stored with other
content.  A progress bar on stderr when it is a terminal.  Exit status 1 when a file was
refused.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from dicomkit.cli.archive import add_common
from dicomkit.cli.archive.index import Bar


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``dicomkit archive add``."""
    add_common(parser)
    parser.add_argument("inputs", nargs="+", metavar="FILE_OR_FOLDER",
                        help="files, or folders to walk")
    parser.add_argument("--policy", choices=("keep", "replace", "reject"), default="keep",
                        help="a SOP Instance UID stored with other content: keep the stored "
                             "one (default), replace it, or refuse the file")
    parser.add_argument("--fsync", action="store_true",
                        help="flush each file to disk before indexing it (durable across a "
                             "power loss; slower)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def _walk(inputs: list[str]) -> Iterator[Path]:
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames.sort()
                for f in sorted(filenames):
                    yield Path(dirpath) / f
        else:
            yield path


def run(args: argparse.Namespace) -> int:
    """Add; print the refused files and a summary."""
    from dicomkit.archive import Archive, ArchiveError

    files = list(_walk(args.inputs))
    counts: dict[str, int] = {}
    refused: list[tuple[Path, str]] = []
    bar = Bar(sys.stderr, args.quiet)
    with Archive(args.dir, db=args.db, policy=args.policy, fsync=args.fsync) as archive:
        try:
            for n, path in enumerate(files, 1):
                try:
                    outcome = archive.insert_file(path)
                except ArchiveError as exc:
                    refused.append((path, exc.reason))
                else:
                    counts[outcome.action] = counts.get(outcome.action, 0) + 1
                bar(n, len(files))
        finally:
            bar.close()
    for path, why in refused:
        print(f"refused {path}: {why}", file=sys.stderr)
    summary = ", ".join(f"{n} {action}" for action, n in sorted(counts.items()))
    print(f"{len(files)} file(s): {summary or 'none stored'}, {len(refused)} refused")
    return 1 if refused else 0
