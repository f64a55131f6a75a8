"""``dicomkit deidentify``: apply the Basic Application Level Confidentiality Profile of PS3.15
Annex E and its options to files and folders.

``dicomkit deidentify IN... OUT --option retain-uids --option retain-modified-dates --secret S
--map map.db --report report.json`` writes each de-identified file as ``OUT/<uid>.dcm``, shows
a progress bar on a terminal, and writes a report of every change (JSON, or CSV when the name
ends in ``.csv``).  The same secret (or the same ``--map`` store) maps UIDs and date offsets
the same way in every run.  ``--option clean-pixel-data --pixel-rules deid.dicom`` (or
``--region X0,Y0,X1,Y1``) blanks burned-in text in known regions (PS3.15 E.3.1).
``--option clean-recognizable-visual-features --visual-region X0,Y0,X1,Y1`` blanks the regions
an operator found to show recognizable visual features (a face) in every image whose
Recognizable Visual Features (0028,0302) is YES or absent, then sets it to NO (PS3.15 E.3.2);
without ``--visual-region`` such images are refused (reported, nothing written for them).
"""

from __future__ import annotations

import argparse
import os
import sys

from dicomkit.errors import DicomError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit deidentify``."""
    parser.add_argument("inputs", nargs="+", metavar="IN", help="files or folders to read")
    parser.add_argument("output", metavar="OUT", help="output folder (files named <uid>.dcm)")
    parser.add_argument("--profile", default="basic", choices=["basic"],
                        help="the profile (PS3.15 E.2): basic")
    parser.add_argument("--option", action="append", default=[], metavar="NAME",
                        help="an option of PS3.15 E.3 (repeatable): retain-uids, "
                             "retain-safe-private, retain-device-identity, "
                             "retain-institution-identity, retain-patient-characteristics, "
                             "retain-full-dates, retain-modified-dates, clean-descriptors, "
                             "clean-structured-content, clean-graphics, clean-pixel-data "
                             "(with --pixel-rules or --region), "
                             "clean-recognizable-visual-features (with --visual-region)")
    parser.add_argument("--pixel-rules", metavar="FILE", help="with clean-pixel-data: a rules "
                        "file of the regions to blank (the filter sections of a pydicom-deid "
                        "recipe, see dicomkit.deid.pixels)")
    parser.add_argument("--region", action="append", default=[], metavar="X0,Y0,X1,Y1",
                        help="with clean-pixel-data: a region blanked in every image, columns "
                             "X0 to X1 and rows Y0 to Y1, ends excluded (repeatable)")
    parser.add_argument("--visual-region", action="append", default=[],
                        metavar="X0,Y0,X1,Y1",
                        help="with clean-recognizable-visual-features: a region showing "
                             "recognizable visual features, blanked in every image whose "
                             "Recognizable Visual Features (0028,0302) is YES or absent "
                             "(repeatable)")
    parser.add_argument("--secret", help="secret of the UID and date mapping (default: "
                        "$DICOMKIT_DEID_SECRET, else the --map store's, else a new one)")
    parser.add_argument("--map", metavar="DB", help="SQLite mapping store: records every "
                        "replacement, keeps runs consistent")
    parser.add_argument("--report", metavar="FILE", help="write the report of changes "
                        "(.json or .csv)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _bar(done: int, total: int, failed: int) -> str:
    width = 30
    filled = width * done // total if total else width
    return (f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            + (f" ({failed} failed)" if failed else ""))


def run(args: argparse.Namespace) -> int:
    """De-identify every input; report each failure and go on; exit 1 if any failed."""
    from dicomkit.deid import (
        Deidentifier,
        DeidError,
        Mapper,
        PixelRules,
        Profile,
        Region,
        SQLiteStore,
        deidentify_files,
        reports_to_csv,
        reports_to_json,
    )

    try:
        profile = Profile.of(args.option)
        rules = PixelRules.read(args.pixel_rules) if args.pixel_rules else None
        found: dict[str, list[Region]] = {"--region": [], "--visual-region": []}
        for flag, texts in (("--region", args.region), ("--visual-region", args.visual_region)):
            for text in texts:
                try:
                    x0, y0, x1, y1 = (int(v) for v in text.split(","))
                except ValueError:
                    raise DeidError(f"{flag} {text!r}: four integers X0,Y0,X1,Y1") from None
                found[flag].append(Region(x0, y0, x1, y1))
        store = SQLiteStore(args.map) if args.map else None
        mapper = Mapper(args.secret or os.environ.get("DICOMKIT_DEID_SECRET"), store)
        deidentifier = Deidentifier(profile, mapper, pixel_rules=rules,
                                    pixel_regions=found["--region"],
                                    visual_regions=found["--visual-region"])
    except DicomError as exc:
        print(f"dicomkit deidentify: {exc}", file=sys.stderr)
        return 2
    show = not args.quiet and sys.stderr.isatty()
    failed = 0

    def progress(done: int, total: int, report: object) -> None:
        if show:
            print(_bar(done, total, failed), end="", file=sys.stderr, flush=True)

    reports = []
    for report in deidentify_files(args.inputs, args.output, deidentifier,
                                   progress=progress):
        if report.error:
            failed += 1
            print(f"{chr(10) if show else ''}dicomkit deidentify: {report.source}: "
                  f"{report.error}", file=sys.stderr)
        reports.append(report)
    if show:
        print(file=sys.stderr)
    if args.report:
        text = reports_to_csv(reports) if args.report.endswith(".csv") \
            else reports_to_json(reports)
        tmp = f"{args.report}.partial"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.report)
    done = len(reports) - failed
    if not args.quiet:
        print(f"dicomkit deidentify: {done} file(s) de-identified, {failed} failed",
              file=sys.stderr)
    return 1 if failed else 0
