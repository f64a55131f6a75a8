"""``dicomkit archive ls DIR``: list the patients, studies, series or instances of an archive.

``--level`` (default STUDY), ``-k Keyword=value`` exact-match keys (repeatable; the keys of
the level and those above it, PS3.4 C.6), ``-o Keyword`` the columns shown (default: the
level's unique and required keys), ``--json`` one JSON object per line.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from dicomkit.cli.archive import add_common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``dicomkit archive ls``."""
    add_common(parser)
    parser.add_argument("--level", default="STUDY", type=str.upper,
                        choices=("PATIENT", "STUDY", "SERIES", "IMAGE"),
                        help="what to list (default STUDY)")
    parser.add_argument("-k", "--key", action="append", default=[], metavar="KEYWORD=VALUE",
                        help="only rows whose key equals the value")
    parser.add_argument("-o", "--show", action="append", default=None, metavar="KEYWORD",
                        help="columns to show (default: the level's unique and required keys)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


def _shown(level: str) -> list[str]:
    from dicomkit.archive.schema import LEVELS
    from dicomkit.generated import query_keys as qk

    out: list[str] = []
    for lv in LEVELS[: LEVELS.index(level) + 1]:
        for k in qk.keys_of(qk.PATIENT_ROOT, lv):
            if not k.path and k.matching in ("U", "R") and k.keyword not in out:
                out.append(k.keyword)
    return out


def run(args: argparse.Namespace) -> int:
    """List; exit status 2 for an unknown keyword."""
    import sqlalchemy as sa

    from dicomkit.archive import Archive

    keys: dict[str, Any] = {}
    for item in args.key:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"dicomkit archive ls: -k {item!r} is not KEYWORD=VALUE", file=sys.stderr)
            return 2
        keys[name] = value
    shown = args.show or _shown(args.level)
    with Archive(args.dir, db=args.db) as archive:
        cols = archive.columns(args.level)
        unknown = [k for k in [*keys, *shown] if k not in cols]
        if unknown:
            print(f"dicomkit archive ls: not keys of the {args.level} level or above: "
                  f"{', '.join(unknown)}", file=sys.stderr)
            return 2
        for k, v in list(keys.items()):
            if archive.schema.kind_of(args.level, k) in ("integer", "float"):
                keys[k] = float(v) if "." in v else int(v)
        where = sa.and_(sa.true(), *(cols[k] == v for k, v in keys.items()))
        for row in archive.select(args.level, where, keywords=shown, order_by=shown[:1]):
            if args.json:
                print(json.dumps({k: row[k] for k in shown}, default=str))
            else:
                print("  ".join("" if row[k] is None else str(row[k]) for k in shown))
    return 0
