"""The attribute types (1, 2, 3) an IOD gives each tag: what the composite actions of PS3.15
Table E.1-1a choose by ("X unless Z or D is required to maintain IOD conformance (Type 3
versus Type 2 versus Type 1)").

Read from the generated IOD, module and macro tables of PS3.3 (:mod:`dicomkit.generated`):
for the top level of a data set, the strongest type of the tag among the top-level rows of
the IOD's modules (1C and 2C count as 1 and 2: a conditional attribute that is present is
taken to be required); inside sequences, the strongest type of the tag at any depth.  A tag
the IOD does not name, or an unknown SOP class, has no type (the weakest choice applies).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dicomkit.generated import iods, modules, sop_classes

__all__ = ["iod_types"]


def _strength(kind: str) -> int:
    return {"1": 3, "2": 2, "3": 1}.get(kind[:1], 0)


def _walk(label: str, depth: int, stack: tuple[str, ...], top: dict[int, int],
          nested: dict[int, int]) -> None:
    table: Any = modules.attribute_table(label)
    if table is None or label in stack:
        return
    for row in table[3]:
        kind, row_depth = row[0], depth + row[1]
        if kind == "include":
            _walk(row[4], row_depth, (*stack, label), top, nested)
        elif row[2] is not None:
            target = top if row_depth == 0 else nested
            target[row[2]] = max(target.get(row[2], 0), _strength(row[3]))


@lru_cache(maxsize=256)
def iod_types(sop_class: str) -> tuple[dict[int, int], dict[int, int]]:
    """``(top, nested)``: tag -> 3 (Type 1), 2 (Type 2) or 1 (Type 3), for the IOD of a SOP
    class; both empty for a SOP class without an IOD table."""
    top: dict[int, int] = {}
    nested: dict[int, int] = {}
    label = sop_classes.iod_for_sop_class(sop_class)
    entry = iods.IODS.get(label) if label else None
    if entry is None:
        return top, nested
    for module in entry[3]:
        if module[3]:
            _walk(module[3], 0, (), top, nested)
    for group in entry[4]:
        if group[2]:
            _walk(group[2], 1, (), top, nested)  # functional groups sit inside sequences
    return top, nested
