"""``dicomkit codegen generate``: read the standard and rewrite ``generated/``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dicomkit.codegen.emit import generate
from dicomkit.codegen.modules import all_specs
from dicomkit.codegen.standard import Standard, default_roots, load_registries, project_root

#: The parts the generators read.
PARTS = (3, 4, 5, 6, 7, 8, 16)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``generate``."""
    g = parser.add_mutually_exclusive_group()
    g.add_argument("--edition", help="read every part from this edition (e.g. 2025e) instead of "
                                     "the per-table sources declared in standard/sources.json")
    parser.add_argument("--source", type=Path, action="append",
                        help="folder holding editions (<edition>/partNN.xml, "
                             "<edition>-chtml/partNN/); repeatable; default: standard/cache, "
                             "$DICOMKIT_STANDARD_DIR, ../shared/dicom-standard")
    parser.add_argument("--out", type=Path, help="output folder (default: generated/)")
    parser.add_argument("--only", action="append", help="generate only this module (repeatable)")
    parser.add_argument("--jobs", "-j", type=int, default=None,
                        help="processes to render modules in (default: the CPUs available); "
                             "1 renders everything in this process")
    parser.add_argument("--allow-missing", action="store_true",
                        help="exit 0 even when some modules could not be generated")


def run(args: argparse.Namespace) -> int:
    """Generate; print what was written and what was left alone, and why."""
    project = project_root()
    roots = list(args.source) if args.source else default_roots(project)
    if args.edition:
        # the registries outside the XML (dcmtk's .dic) stay declared: a second rank one is
        # used only when newer than the edition, and the private dictionary has no edition
        sources = project / "standard" / "sources.json"
        registries = load_registries(sources) if sources.is_file() else {}
        std = Standard.edition(args.edition, roots, list(PARTS), registries)
    else:
        std = Standard.declared(project, roots)
    out = args.out or (project / "generated")
    t0 = time.perf_counter()
    report = generate(std, out, all_specs(), set(args.only) if args.only else None,
                      jobs=args.jobs)
    dt = time.perf_counter() - t0
    print(f"generated {len(report.written)} file(s) changed, {len(report.unchanged)} unchanged "
          f"in {out} ({dt:.1f} s)")
    for name in report.written:
        print(f"  wrote {name}")
    for name, why in sorted(report.skipped.items()):
        print(f"  left {name} as it was: {why}", file=sys.stderr)
    if report.skipped and not args.allow_missing:
        return 1
    return 0
