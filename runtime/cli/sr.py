"""``dicomkit sr``: print and validate Structured Report content trees (PS3.3 C.17, PS3.16).

``dicomkit sr dump FILE`` prints the content tree, one item per line with its path, relationship,
value type, concept and value.  ``dicomkit sr validate FILE [--template TID] [--json]`` checks the
tree against a PS3.16 template (by default the one the root declares in its Content Template
Sequence) and prints one line per finding; the exit status is 1 when any finding is an error.
"""

from __future__ import annotations

import argparse
import json

import dicomkit
from dicomkit.sr.content import read_content_tree


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register ``dump`` and ``validate`` under ``dicomkit sr``."""
    sub = parser.add_subparsers(dest="sr_command", metavar="ACTION", required=True)
    dump = sub.add_parser("dump", help="print the content tree")
    dump.add_argument("file", metavar="FILE")
    val = sub.add_parser("validate", help="check the content tree against a PS3.16 template")
    val.add_argument("file", metavar="FILE")
    val.add_argument("--template", metavar="TID", default=None,
                     help="template to check against (default: the root's Content Template Sequence)")
    val.add_argument("--json", action="store_true", help="print the findings as JSON")


def run(args: argparse.Namespace) -> int:
    """Run ``dicomkit sr``; errors (not SR, unknown template) are raised as DicomError."""
    ds = dicomkit.read(args.file, stop_before_pixels=True)
    root = read_content_tree(ds)
    if args.sr_command == "dump":
        from dicomkit.sr.dump import format_tree

        print(format_tree(root))
        return 0
    from dicomkit.sr.validate import validate_template

    findings = validate_template(root, args.template)
    tid = args.template or root.template
    errors = sum(f.severity == "error" for f in findings)
    if args.json:
        print(json.dumps({"file": str(args.file), "template": str(tid), "errors": errors,
                          "findings": [f.to_dict() for f in findings]}, indent=2))
    else:
        for f in findings:
            print(f)
        print(f"{args.file}: TID {tid}: {errors} error(s), {len(findings) - errors} warning(s)")
    return 1 if errors else 0
