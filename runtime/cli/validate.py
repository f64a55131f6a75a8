"""``dicomkit validate``: check files against the DICOM standard, like dicom3tools' ``dciodvfy``.

Every file named (and every file under the folders named, walked recursively, sorted, hidden
entries skipped) is checked with :func:`dicomkit.validate.validate`: element-level rules of
PS3.5 and the IOD of its SOP class from PS3.3.  Text output gives, per file with findings, one
``Error - (gggg,eeee)[i].(gggg,eeee): message [rule; reference; module]`` line per finding, then a
summary (files, errors, warnings, the most frequent rules).  ``--json`` prints one JSON document
with every report and the summary instead.  On a terminal a counter on stderr shows progress.

``--results STORE`` records every report in a SQLite store (:mod:`dicomkit.validate.results`) and
resumes an interrupted run; ``--summary STORE`` prints a store's totals; ``--csv FILE`` writes one
row per finding; ``--html FILE`` writes a self-contained report page (:mod:`dicomkit.validate.html`).

``--dicomdir`` adds warnings of what would stop or spoil referencing each file from a DICOMDIR
(:mod:`dicomkit.validate.dicomdir`); ``--file-set-root DIR`` makes each File ID checked the
file's path below DIR.

``--ignore RULE`` (repeatable, comma-separated, shell patterns) and ``--config FILE`` (TOML,
:mod:`dicomkit.validate.config`) drop the findings of rule ids; ``--rules`` lists the ids.

The exit status is 1 when any file has a finding at or above ``--fail-on`` (default ``error``),
0 otherwise; 2 for a configuration that cannot be used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dicomkit.validate.report import Report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit validate``."""
    parser.add_argument("paths", nargs="*", metavar="FILE_OR_DIR",
                        help="DICOM files, or folders to walk recursively")
    parser.add_argument("--json", action="store_true",
                        help="print the reports and the summary as one JSON document")
    parser.add_argument("--quiet", action="store_true",
                        help="print only the summary (and errors, with --fail-on warning, warnings)")
    parser.add_argument("--fail-on", choices=("warning", "error"), default=None,
                        help="exit with status 1 when a finding this severe is found (default "
                             "error, or the configuration's fail-on)")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE",
                        help="drop the findings of this rule id or pattern (pixel-*); repeatable "
                             "or comma-separated")
    parser.add_argument("--config", metavar="FILE", default=None,
                        help="a TOML file with [validate] ignore = [...] and fail-on")
    parser.add_argument("--results", metavar="STORE", default=None,
                        help="record each file's report in this SQLite store; run again to "
                             "validate only the files it lacks (resume)")
    parser.add_argument("--summary", metavar="STORE", default=None,
                        help="print the totals of a results store, validating nothing")
    parser.add_argument("--html", metavar="FILE", default=None,
                        help="also write a self-contained report page to FILE")
    parser.add_argument("--csv", metavar="FILE", default=None,
                        help="also write one CSV row per finding to FILE")
    parser.add_argument("--rules", action="store_true",
                        help="list the rule ids with what each checks, and exit")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="validate in N processes: a Dask LocalCluster when Dask is "
                             "installed, else a process pool (default 1)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None,
                        help="validate on the workers of this running Dask scheduler")
    parser.add_argument("--sop-class", metavar="UID", default=None,
                        help="check against this SOP class's IOD instead of each file's own")
    parser.add_argument("--dicomdir", action="store_true",
                        help="also warn of what would stop or spoil referencing each file from "
                             "a DICOMDIR: directory record keys (PS3.3 F.5), File Meta "
                             "Information, File IDs (PS3.10 8.2, 8.5)")
    parser.add_argument("--file-set-root", metavar="DIR", default=None,
                        help="with --dicomdir: the File-set's folder; each file's File ID is "
                             "its path below it (default: its name alone is checked)")


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """The files named, and those under the folders named (sorted, hidden ones skipped)."""
    for name in paths:
        if os.path.isdir(name):
            for root, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield str(Path(root) / f)
        else:
            yield name


def summary(reports: list[Report], seconds: float) -> dict[str, object]:
    """Totals over ``reports``: files, files with errors, errors, warnings, the top 10 rules."""
    rules: Counter[str] = Counter()
    for r in reports:
        rules.update(f"{f.severity}:{f.rule}" for f in r.findings)
    return {
        "files": len(reports),
        "files_with_errors": sum(1 for r in reports if not r.ok),
        "errors": sum(r.errors for r in reports),
        "warnings": sum(r.warnings for r in reports),
        "suppressed": sum(r.suppressed for r in reports),
        "top_rules": rules.most_common(10),
        "seconds": round(seconds, 3),
    }


_CSV_FIELDS = ("source", "sop_class", "iod", "severity", "rule", "path", "message", "reference",
               "module", "since")


def write_csv(path: str, reports: Iterable[Report]) -> None:
    """One row per finding (and one row without a rule for a file without findings), written
    to a temporary name and renamed when complete."""
    import csv

    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(_CSV_FIELDS)
        for r in reports:
            head = [r.source, r.sop_class, r.iod]
            if not r.findings:
                writer.writerow([*head, "", "", "", "", "", "", ""])
            for x in r.findings:
                writer.writerow([*head, x.severity, x.rule, x.path, x.message, x.reference,
                                 x.module, x.since])
    os.replace(tmp, path)


def write_html(path: str, reports: list[Report]) -> None:
    """The report page (:mod:`dicomkit.validate.html`), written to a temporary name first."""
    from dicomkit.validate.html import render_html

    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(render_html(reports))
    os.replace(tmp, path)


def _summary(args: argparse.Namespace) -> int:
    from dicomkit.validate.errors import ValidateConfigError
    from dicomkit.validate.results import ResultsStore

    if not os.path.isfile(args.summary):
        sys.stderr.write(f"dicomkit validate: no results store {args.summary}\n")
        return 2
    try:
        with ResultsStore(args.summary) as store:
            reports = list(store.reports())
    except ValidateConfigError as exc:
        sys.stderr.write(f"dicomkit validate: {exc}\n")
        return 2
    totals = summary(reports, 0.0)
    if args.csv:
        write_csv(args.csv, reports)
    if args.html:
        write_html(args.html, reports)
    _print_totals(args, reports, totals)
    return 1 if any(r.fails(args.fail_on or "error") for r in reports) else 0


def _print_totals(args: argparse.Namespace, reports: list[Report], totals: dict[str, object]) -> None:
    out = sys.stdout
    if args.json:
        json.dump({"reports": [r.to_dict() for r in reports], "summary": totals}, out, indent=2)
        out.write("\n")
    else:
        top = ", ".join(f"{rule} {n}" for rule, n in totals["top_rules"])  # type: ignore[attr-defined]
        out.write(f"{totals['files']} files, {totals['files_with_errors']} with errors: "
                  f"{totals['errors']} errors, {totals['warnings']} warnings"
                  f"{f' (most frequent: {top})' if top else ''}\n")


def _have_dask() -> bool:
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


def _consume(stream: Iterable[Report], reports: list[Report], store: Any, todo: list[str],
             start: float, progress: bool, args: argparse.Namespace, shown: str) -> None:
    """Collect the reports as they come: record, show progress (files/s, ETA), print."""
    out = sys.stdout
    for index, report in enumerate(stream, 1):
        reports.append(report)
        if store is not None:
            store.add(report)
        if progress:
            rate = index / max(time.perf_counter() - start, 1e-9)
            eta = (len(todo) - index) / rate
            sys.stderr.write(f"\r{index}/{len(todo)} files, {rate:,.0f} files/s, ETA {eta:,.0f} s")
            sys.stderr.flush()
        if not args.json and report.findings and report.fails(shown):
            if progress:
                sys.stderr.write("\r\x1b[K")
            out.write(report.text(min_severity=shown))


def run(args: argparse.Namespace) -> int:
    """Validate every file; print findings and a summary; 1 when a file fails ``--fail-on``."""
    from dicomkit.validate import validate, validate_many
    from dicomkit.validate.config import ValidateConfig, load_config
    from dicomkit.validate.errors import ValidateConfigError
    from dicomkit.validate.report import RULES

    if args.rules:
        for rule, what in RULES.items():
            sys.stdout.write(f"{rule:22} {what}\n")
        return 0
    if args.summary:
        return _summary(args)
    if not args.paths:
        sys.stderr.write("dicomkit validate: name at least one file or folder\n")
        return 2
    try:
        config = load_config(args.config) if args.config else ValidateConfig()
        config = config.with_ignored(args.ignore)
    except ValidateConfigError as exc:
        sys.stderr.write(f"dicomkit validate: {exc}\n")
        return 2
    fail_on = args.fail_on or config.fail_on
    ignore = config.ignore
    names = list(iter_files(args.paths))
    start = time.perf_counter()
    reports: list[Report] = []
    store = None
    todo = names
    if args.results:
        from dicomkit.validate.results import ResultsStore

        try:
            store = ResultsStore(args.results)
        except ValidateConfigError as exc:
            sys.stderr.write(f"dicomkit validate: {exc}\n")
            return 2
        todo = store.todo(names)
        pending = set(todo)
        reports.extend(store.reports([n for n in names if n not in pending]))
    progress = sys.stderr.isatty() and len(todo) > 1
    if args.sop_class is not None:
        stream: Iterable[Report] = (validate(n, sop_class=args.sop_class, ignore=ignore,
                                             dicomdir=args.dicomdir,
                                             file_set_root=args.file_set_root) for n in todo)
    elif args.dicomdir:  # the Dask workers run the default checks only
        stream = validate_many(todo, workers=args.workers, ignore=ignore, dicomdir=True,
                               file_set_root=args.file_set_root)
    elif args.scheduler or (args.workers > 1 and _have_dask()):
        from dicomkit.validate.dask import validate_on_dask

        stream = validate_on_dask(todo, workers=args.workers, scheduler=args.scheduler,
                                  ignore=ignore)
    else:
        stream = validate_many(todo, workers=args.workers, ignore=ignore)
    shown = "warning" if args.quiet and fail_on == "warning" else "error" if args.quiet \
        else "info"
    try:
        _consume(stream, reports, store, todo, start, progress, args, shown)
    except ValidateConfigError as exc:
        if store is not None:
            store.close()
        sys.stderr.write(f"dicomkit validate: {exc}\n")
        return 2
    if progress:
        sys.stderr.write("\r\x1b[K")
    if store is not None:
        store.close()
    if args.csv:
        write_csv(args.csv, reports)
    if args.html:
        write_html(args.html, reports)
    totals = summary(reports, time.perf_counter() - start)
    _print_totals(args, reports, totals)
    return 1 if any(r.fails(fail_on) for r in reports) else 0
