"""``dicomkit store``: send files to a Storage SCP (C-STORE, PS3.4 Annex B; PS3.7 9.1.1).

Folders are walked recursively (sorted, hidden entries skipped).  Everything goes over one
association (re-associating after ``--max-ops`` operations) through
:class:`dicomkit.net.services.storage.StorageSCU`, which negotiates a presentation context for
every SOP class and transfer syntax needed.  A progress bar is drawn on stderr when it is a
terminal, otherwise one line per file is written there; a summary follows on stdout.  Exit
status 1 when any file failed (status class Failure, or not sent), 0 otherwise (warnings count
as stored, PS3.4 B.2.3).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dicomkit.cli.echo import add_tls_arguments, ae_title, client_ssl_context
from dicomkit.errors import DicomError

if TYPE_CHECKING:
    from dicomkit.core.dataset import Dataset
    from dicomkit.net.services.storage import StoreResult


def _require_valid(source: str | os.PathLike[str] | Dataset) -> None:
    from dicomkit.validate import require_valid

    require_valid(source)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit store``."""
    parser.add_argument("host", help="peer host name or address")
    parser.add_argument("port", type=int, help="peer port")
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER",
                        help="files to send; folders are searched recursively")
    parser.add_argument("--aet", default="DICOMKIT", metavar="AE",
                        type=ae_title("calling AE title"),
                        help="calling AE title (default DICOMKIT)")
    parser.add_argument("--aec", default="ANY-SCP", metavar="AE",
                        type=ae_title("called AE title"),
                        help="called AE title (default ANY-SCP)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--continue-on-error", dest="fail_fast", action="store_false",
                      help="send the remaining files after a failure (default)")
    mode.add_argument("--fail-fast", dest="fail_fast", action="store_true",
                      help="stop at the first failed file")
    parser.set_defaults(fail_fast=False)
    parser.add_argument("--max-ops", type=int, default=None, metavar="N",
                        help="release and re-associate after N C-STOREs (default: no limit)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress output, only the summary and failures")
    parser.add_argument("--validate", action="store_true",
                        help="validate each file first (like 'dicomkit validate') and send only "
                             "those without errors")
    add_tls_arguments(parser)


def iter_files(paths: Iterable[str]) -> Iterator[Path]:
    """The files named, and those under the folders named (sorted, hidden ones skipped)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield Path(root) / f
        else:
            yield path


class Progress:
    """Progress on a stream: a redrawn bar on a terminal, one line per file otherwise.

    Written by hand (no dependency): ``[#####-----]  12/340  3.5 MB  41 files/s  name``.
    """

    def __init__(self, total: int, stream: TextIO, *, quiet: bool = False) -> None:
        self.total = total
        self.stream = stream
        self.quiet = quiet
        self.tty = stream.isatty()
        self.done = 0
        self.failed = 0
        self.bytes = 0
        self.start = time.perf_counter()
        self._last_draw = 0.0

    def update(self, name: str, ok: bool, size: int, detail: str = "") -> None:
        """Record one finished file and show it."""
        self.done += 1
        self.bytes += size
        if not ok:
            self.failed += 1
        if self.quiet:
            if not ok:
                self.stream.write(f"FAILED {name}: {detail}\n")
            return
        if not self.tty:
            state = "ok" if ok else "FAILED"
            extra = f": {detail}" if detail else ""
            self.stream.write(f"[{self.done}/{self.total}] {state} {name}{extra}\n")
            self.stream.flush()
            return
        if not ok:
            self.stream.write(f"\r\x1b[KFAILED {name}: {detail}\n")
        now = time.perf_counter()
        if ok and self.done < self.total and now - self._last_draw < 0.05:
            return
        self._last_draw = now
        self.stream.write("\r\x1b[K" + self._bar(name))
        self.stream.flush()

    def _bar(self, name: str) -> str:
        width = shutil.get_terminal_size((80, 20)).columns
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        stats = (f" {self.done}/{self.total}  {self.bytes / 1e6:.1f} MB  "
                 f"{self.done / elapsed:.0f} files/s ")
        cells = max(10, min(30, width - len(stats) - 20))
        filled = cells * self.done // max(self.total, 1)
        bar = "[" + "#" * filled + "-" * (cells - filled) + "]"
        room = width - len(bar) - len(stats) - 1
        tail = name[-room:] if room > 0 else ""
        return bar + stats + tail

    def close(self) -> None:
        """End the bar's line."""
        if self.tty and not self.quiet and self.done:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Send the files; print progress and a summary; exit status 1 when any file failed."""
    from dicomkit.net.services.storage import StorageSCU

    if args.max_ops is not None and args.max_ops < 1:
        print("dicomkit store: --max-ops must be at least 1", file=sys.stderr)
        return 2
    files = list(iter_files(args.paths))
    if not files:
        print("dicomkit store: no files to send", file=sys.stderr)
        return 1
    ssl_context = client_ssl_context(args)
    progress = Progress(len(files), sys.stderr, quiet=args.quiet)

    def on_result(result: StoreResult, done: int, total: int) -> None:
        progress.update(result.source, result.ok, result.bytes if result.ok else 0,
                        "" if result.ok else _describe(result))

    scu = StorageSCU(args.host, args.port, called_ae=args.aec, calling_ae=args.aet,
                     ssl_context=ssl_context, max_operations=args.max_ops,
                     continue_on_error=not args.fail_fast, progress=on_result,
                     before_send=_require_valid if args.validate else None)
    start = time.perf_counter()
    try:
        results = scu.store_blocking(files)
    except (DicomError, OSError) as exc:
        print(f"dicomkit store: {args.aec}@{args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    finally:
        progress.close()
    elapsed = time.perf_counter() - start
    stored = [r for r in results if r.ok]
    size = sum(r.bytes for r in stored)
    skipped = sum(1 for r in results if r.category == "skipped")
    failed = len(files) - len(stored)
    rate = f", {len(stored) / elapsed:.0f} files/s" if elapsed > 0 else ""
    print(f"{len(stored)} of {len(files)} files stored on {args.aec}@{args.host}:{args.port} "
          f"({size / 1e6:.1f} MB in {elapsed:.2f} s{rate}, {scu.associations} association(s))"
          + (f"; {failed} failed" if failed else "")
          + (f" ({skipped} not sent after --fail-fast)" if skipped else ""))
    return 1 if failed else 0


def _describe(result: StoreResult) -> str:
    """Why a file was not stored: the error, or the status with its meaning."""
    from dicomkit.net.dimse import status_text

    if result.error:
        # a read error names its file, which the progress line names already
        own = f"{result.source}: "
        return result.error[len(own):] if result.error.startswith(own) else result.error
    return status_text(result.status) if result.status is not None else result.category
