"""``dicomkit archive``: manage an archive (a folder of Part 10 files and its index).

``dicomkit archive add DIR FILES...`` copies files into the archive; ``dicomkit archive index
DIR`` (re-)indexes the folder in place, with a progress bar;
``check DIR`` compares the index with the files; ``delete DIR --study UID`` (or ``--patient``,
``--series``, ``--instance``) removes rows and files; ``ls DIR`` lists patients, studies,
series or instances with ``-k Keyword=value`` exact-match keys (dcmtk's findscu habit).
Every subcommand takes ``--db URL`` for an index elsewhere than ``DIR.index.sqlite``
(``postgresql://USER@HOST:PORT/DB``).  One module per subcommand; only the one named is
imported.
"""

from __future__ import annotations

import argparse
import importlib

#: subcommand -> (module, help)
ACTIONS: dict[str, tuple[str, str]] = {
    "add": ("dicomkit.cli.archive.add", "copy files and folders into an archive, indexed"),
    "index": ("dicomkit.cli.archive.index", "index the files of an archive folder, in place"),
    "check": ("dicomkit.cli.archive.check", "compare the index with the files"),
    "delete": ("dicomkit.cli.archive.delete",
               "delete a patient, study, series or instance (rows and files)"),
    "ls": ("dicomkit.cli.archive.ls", "list patients, studies, series or instances"),
}


def add_common(parser: argparse.ArgumentParser) -> None:
    """The archive folder and ``--db``, shared by every subcommand."""
    parser.add_argument("dir", metavar="DIR", help="the archive folder")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="index database (default: sqlite:///DIR.index.sqlite beside the "
                             "folder; postgresql://USER@HOST:PORT/DB)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommands (each module adds its own options)."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, (module_name, help_text) in ACTIONS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(_action_module=module_name)
        importlib.import_module(module_name).add_arguments(sp)


def run(args: argparse.Namespace) -> int:
    """Run the chosen subcommand."""
    module = importlib.import_module(args._action_module)
    result: int = module.run(args)
    return result
