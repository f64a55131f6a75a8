"""Entry point of the ``dicomkit`` command.

Subcommands are registered in :data:`SUBCOMMANDS` as ``name -> (module, help)``; each module
exposes ``add_arguments(parser)`` and ``run(args) -> int``.  Only the module of the subcommand
named on the command line is imported (to add its options and run it): ``dicomkit dump`` loads the
reader, not the network stack or the generators (lxml, jinja2), and ``dicomkit --help`` lists the
subcommands from :data:`SUBCOMMANDS` without importing any.  ``codegen`` lives in
:mod:`dicomkit.codegen.cli` (the generators own their command line); it is imported by name only
when that subcommand is asked for, so the runtime never depends on the generators.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from dicomkit import __version__
from dicomkit.errors import DicomError

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "codegen": (
        "dicomkit.codegen.cli",
        "regenerate dicomkit from the DICOM standard (fetch, generate, diff)",
    ),
    "archive": ("dicomkit.cli.archive",
                "manage an archive: index a folder, check, delete, list (dicomkit.archive)"),
    "deidentify": ("dicomkit.cli.deidentify",
                   "de-identify files and folders (PS3.15 Basic Profile and options)"),
    "dump": ("dicomkit.cli.dump", "print data sets like dcmdump"),
    "echo": ("dicomkit.cli.echo", "check that a DICOM peer answers C-ECHO (Verification)"),
    "forward": ("dicomkit.cli.forward",
                "store and forward: a durable queue delivering files to Storage SCPs"),
    "find": ("dicomkit.cli.find", "query a Query/Retrieve SCP (C-FIND) like findscu"),
    "move": ("dicomkit.cli.move",
             "have a Q/R SCP send instances to an AE (C-MOVE) like movescu"),
    "get": ("dicomkit.cli.get", "retrieve instances into a folder (C-GET) like getscu"),
    "store": ("dicomkit.cli.store", "send files and folders to a Storage SCP (C-STORE)"),
    "qrscp": ("dicomkit.cli.qrscp",
              "serve an archive like dcmqrscp: C-FIND, C-MOVE, C-GET, C-STORE, C-ECHO"),
    "storescp": ("dicomkit.cli.storescp",
                 "receive and store files as a Storage SCP (C-STORE, C-ECHO) until Ctrl-C"),
    "ups": ("dicomkit.cli.ups",
            "Unified Procedure Step over DIMSE: create, find, get, claim, complete, cancel, "
            "subscribe, watch events, serve (PS3.4 Annex CC)"),
    "transcode": ("dicomkit.cli.transcode",
                  "re-encode files in another transfer syntax (compress, decompress, convert)"),
    "serve": ("dicomkit.cli.serve",
              "serve an archive over DIMSE (qrscp) and DICOMweb (QIDO, WADO, STOW) in one process"),
    "sr": ("dicomkit.cli.sr", "print or validate Structured Report content trees (PS3.16 templates)"),
    "render": ("dicomkit.cli.render", "render a frame to PNG with the modality and VOI transforms"),
    "web": ("dicomkit.cli.web", "DICOMweb client: search (QIDO-RS), retrieve (WADO-RS), store (STOW-RS)"),
    "worklist": ("dicomkit.cli.worklist",
                 "Modality Worklist: query a worklist SCP (C-FIND, like findscu -W), add entries"),
    "validate": ("dicomkit.cli.validate",
                 "check files against the DICOM standard (PS3.3 IODs, PS3.5 values) like dciodvfy"),
}


def chosen_subcommand(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (its first argument that is not an option), if known."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in SUBCOMMANDS else None
    return None


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """Return the top-level parser; only ``chosen``'s module is imported to add its options.

    With ``chosen`` ``None`` every subcommand is listed with its help text and no options (enough
    for ``dicomkit --help`` and for argparse to name an unknown subcommand).
    """
    parser = argparse.ArgumentParser(prog="dicomkit", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"dicomkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in sorted(SUBCOMMANDS.items()):
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(_module=module_name)
        if name == chosen:
            importlib.import_module(module_name).add_arguments(sp)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dicomkit`` command; return the process exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_subcommand(arguments))
    args = parser.parse_args(arguments)
    if not getattr(args, "_module", None):
        parser.print_help()
        return 2
    module = importlib.import_module(args._module)
    try:
        result: int = module.run(args)
    except DicomError as exc:
        print(f"dicomkit: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader of our output went away (``dicomkit dump f | head``): stop quietly
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("dicomkit: interrupted", file=sys.stderr)
        return 130
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
