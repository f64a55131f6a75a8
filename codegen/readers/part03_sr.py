"""PS3.3 Annex A reader: the relationship content constraints of the SR IODs.

Each SR IOD that restricts its content tree has a table captioned "Relationship Content
Constraints for <name> IOD" (Table A.35.1-2 for Basic Text SR, A.35.2-2 for Enhanced SR, ...),
with the columns Source Value Type, Relationship Type (Enumerated Values) and Target Value
Type.  A cell may list several value types separated by commas; footnote marks (a digit after a
value type) are dropped; the source "any type" is ``*``.  Tables are found by caption and their
columns checked by header; the IOD is the table label before its dash (``A.35.1-2`` -> ``A.35.1``).
A table whose columns differ, or a cell with something other than value types, stops generation.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.model.sr_constraints import IodConstraints, RelationshipConstraint
from dicomkit.codegen.standard import Standard

PART = 3
_CAPTION = re.compile(r"Relationship Content Constraints for (.+?) IOD\s*$")
_COLUMNS = ("Source Value Type", "Relationship Type", "Target Value Type")
#: A value type with an optional footnote mark, a superscript the text form writes "^1^" or
#: "^1" (PS3.5 6.2 caret convention of the front-ends) or a bare digit: "COMPOSITE^1", "CODE 2".
_VALUE_TYPE = re.compile(r"^([A-Z][A-Z0-9]*)(?:\s*\^?\d+\^?)?$")
_REMARK = re.compile(r"\s*\([^)]*\)")
_ANY_OTHER = re.compile(r"^any type other than (.+)$", re.IGNORECASE)
_RELATIONSHIP = re.compile(r"^[A-Z]+(?: [A-Z]+)*$")


def _value_types(text: str, where: str) -> tuple[str, ...]:
    if text.strip().lower() == "any type":
        return ("*",)
    out = []
    # a remark in parentheses after a value type ("CONTAINER (see below)") is not one
    text = _REMARK.sub("", text)
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        if token.lower().startswith("any type"):     # "any type", with a footnote mark
            out.append("*")
            continue
        m = _VALUE_TYPE.match(token)
        if m is None:
            raise CodegenError(f"{where}: {token!r} is not a value type")
        if m.group(1) not in out:
            out.append(m.group(1))
    if not out:
        raise CodegenError(f"{where}: an empty value type cell")
    return tuple(out)


def read_constraints(std: Standard) -> list[IodConstraints]:
    """Every relationship content constraints table of PS3.3, by IOD section label."""
    out = []
    for table in std.tables_titled(PART, "Relationship Content Constraints for"):
        m = _CAPTION.search(table.caption)
        if m is None or "-" not in table.label:
            continue
        cols = table.columns
        if len(cols) != 3 or not all(c.startswith(w) for c, w in zip(cols, _COLUMNS,
                                                                     strict=True)):
            raise CodegenError(f"{table.where}: columns {cols}, expected {_COLUMNS}")
        rows = []
        for i, row in enumerate(table.body):
            source, relationship, target = row.texts
            where = f"{table.where} row {i + 1}"
            excluded: tuple[str, ...] = ()
            other = _ANY_OTHER.match(relationship)
            if other is not None:            # "any type other than CONTAINS" (A.35.15-2)
                excluded = tuple(r.strip() for r in re.split(r",| or | and ", other.group(1))
                                 if r.strip())
                relationship = "*"
            elif relationship.strip().lower() == "any type":
                relationship = "*"
            if not all(_RELATIONSHIP.match(r) for r in (*excluded, relationship)
                       if r != "*"):
                raise CodegenError(f"{where}: {row.texts[1]!r} is not a relationship type")
            rows.append(RelationshipConstraint(_value_types(source, where), relationship,
                                               _value_types(target, where), excluded))
        if not rows:
            raise CodegenError(f"{table.where}: no rows")
        out.append(IodConstraints(table.label.rsplit("-", 1)[0], m.group(1), table.label,
                                  tuple(rows)))
    if not out:
        raise CodegenError("PS3.3 has no table 'Relationship Content Constraints for ... IOD'")
    return sorted(out, key=lambda c: [int(p) if p.isdigit() else p
                                      for p in re.split(r"[.]", c.iod)])


def _build(std: Standard) -> dict[str, Any]:
    return {"iods": read_constraints(std)}


MODULES = [
    ModuleSpec("sr_constraints", _build,
               {"sr_constraints.py": "sr_constraints.py.j2",
                "sr_constraints.pyi": "sr_constraints.pyi.j2"},
               "relationship content constraints of the SR IODs (PS3.3 A.35)",
               reads=(3,)),
]
