"""Model of the relationship content constraints of the SR IODs (PS3.3 A.35).

What is read, and from where (see :mod:`dicomkit.codegen.readers.part03_sr`): each table
"Relationship Content Constraints for <name> IOD" of PS3.3 Annex A, one row per source value
type(s) and relationship type, with the target value types allowed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RelationshipConstraint:
    """One row of a relationship content constraints table.

    Attributes
    ----------
    sources
        The source value types of the row (``("TEXT", "CODE", "NUM")``), or ``("*",)`` for the
        table's "any type".
    relationship
        The relationship type (``"HAS CONCEPT MOD"``), or ``"*"`` for "any type" and "any type
        other than ..." (A.35.15-2).
    targets
        The target value types allowed (footnote marks dropped).
    excluded
        For "any type other than X": the relationship types X.
    """

    sources: tuple[str, ...]
    relationship: str
    targets: tuple[str, ...]
    excluded: tuple[str, ...] = ()


@dataclass(frozen=True)
class IodConstraints:
    """The relationship content constraints of one SR IOD.

    Attributes
    ----------
    iod
        The IOD's section label (``"A.35.1"``), as the SOP class registry names it.
    name
        The IOD name of the caption (``"Basic Text SR"``).
    table
        The table label (``"A.35.1-2"``).
    rows
        Its rows, in table order.
    """

    iod: str
    name: str
    table: str
    rows: tuple[RelationshipConstraint, ...]
