"""``dicomkit codegen``: fetch parts of the standard, generate dicomkit.generated, diff editions.

Each verb lives in its own module (:mod:`.fetch`, :mod:`.generate`, :mod:`.diff`, :mod:`.stats`) exposing
``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from dicomkit.errors import DicomError

VERBS = {
    "fetch": ("dicomkit.codegen.fetch", "download (or import with --from) parts of an edition"),
    "generate": ("dicomkit.codegen.generate", "regenerate dicomkit.generated from the standard"),
    "diff": ("dicomkit.codegen.diff", "what changed in a part between two editions"),
    "stats": ("dicomkit.codegen.stats", "how many PS3.3 conditions are read into expressions"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the codegen verbs under ``parser``."""
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb, (module_name, help_text) in VERBS.items():
        sp = sub.add_parser(verb, help=help_text, description=help_text)
        module = importlib.import_module(module_name)
        module.add_arguments(sp)
        sp.set_defaults(_verb_module=module_name)


def run(args: argparse.Namespace) -> int:
    """Run the chosen verb."""
    module = importlib.import_module(args._verb_module)
    result: int = module.run(args)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m dicomkit.codegen``."""
    parser = argparse.ArgumentParser(prog="dicomkit codegen", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except DicomError as exc:
        print(f"dicomkit codegen: error: {exc}", file=sys.stderr)
        return 1
