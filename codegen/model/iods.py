"""Model of PS3.3 IODs, modules and macros, and of the PS3.4 SOP Class -> IOD mapping.

Plain frozen dataclasses built by :mod:`dicomkit.codegen.readers.part03` and
:mod:`dicomkit.codegen.readers.part04`; the templates turn them into the static tables of
``dicomkit.generated.modules``, ``macros``, ``iods`` and ``sop_classes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Expr = tuple[Any, ...]
"""A condition expression (the nested-tuple language of :mod:`dicomkit.codegen.conditions`)."""


@dataclass(frozen=True)
class Condition:
    """A requirement condition as written, and as read by the condition parser.

    Attributes
    ----------
    text
        The cell text stating it (Attribute Description of a 1C/2C row, Usage of a C module).
    expr
        The parsed expression, None when the prose could not be read with certainty (or the
        parser is not available).
    otherwise
        ``"may"``, ``"shall_not"`` or ``""`` (PS3.5 7.4.4 / 7.4.5 then apply).
    """

    text: str
    expr: Expr | None = None
    otherwise: str = ""


NO_CONDITION = Condition("")


@dataclass(frozen=True)
class AttributeRow:
    """One attribute row of a module or macro table (PS3.3 5.4 table conventions).

    Attributes
    ----------
    name
        Attribute Name without its ``>`` nesting markers.
    tag
        ``(gggg,eeee)`` as an int; the ``x`` of repeating groups (``60xx``) read as 0.
    type
        ``1``, ``1C``, ``2``, ``2C``, ``3`` (PS3.5 7.4), ``""`` when the table has no Type column.
    depth
        Number of leading ``>``: 1 is an attribute of the items of the sequence above.
    description
        The Attribute Description text.
    condition
        The "Required if ..." condition of 1C/2C rows (``NO_CONDITION`` otherwise).
    values_kind
        ``"enumerated"`` or ``"defined"`` when the description states Enumerated Values or
        Defined Terms, else ``""``.
    values
        The values listed in the description itself (may be empty: see ``values_ref``).
    values_ref
        A section or table label ("C.7.6.3.1.2") the description points to for its values.
    indexed_values
        ``(index, kind, terms)`` for each list that holds for one value of a multi-valued
        attribute ("Enumerated Values for Value 1:", "Value 2 shall be PRIMARY."), 1-based.
    """

    name: str
    tag: int
    type: str
    depth: int
    description: str
    condition: Condition = NO_CONDITION
    values_kind: str = ""
    values: tuple[str, ...] = ()
    values_ref: str = ""
    indexed_values: tuple[tuple[int, str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class IncludeRow:
    """An ``Include Table 10-18 "..."`` row: the rows of another table, at this depth.

    ``restriction`` is the rest of the row's text (Baseline / Defined CID, "... defined in ...").
    """

    table: str
    depth: int
    restriction: str = ""


Row = AttributeRow | IncludeRow


@dataclass(frozen=True)
class AttributeTable:
    """A module or macro table (PS3.3 Annex C, Chapter 10).

    ``name`` is the caption without its trailing "Module Attributes" / "Attributes";
    ``kind`` is ``"module"`` or ``"macro"``.
    """

    name: str
    label: str
    section: str
    kind: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class IodModule:
    """One row of an IOD's module table (PS3.3 A.1.3): IE, module, reference and usage."""

    ie: str
    module: str
    section: str
    table: str
    usage: str
    condition: Condition = NO_CONDITION


@dataclass(frozen=True)
class FunctionalGroup:
    """One row of an enhanced multi-frame IOD's Functional Group Macros table (PS3.3 A.1.4)."""

    macro: str
    section: str
    table: str
    usage: str
    condition: Condition = NO_CONDITION


@dataclass(frozen=True)
class Iod:
    """A composite IOD (PS3.3 Annex A): its module table and functional group macros."""

    name: str
    label: str
    section: str
    modules: tuple[IodModule, ...]
    functional_groups: tuple[FunctionalGroup, ...] = ()
    functional_groups_label: str = ""


@dataclass(frozen=True)
class SopClass:
    """A SOP Class of a PS3.4 service class table and the PS3.3 IOD it is specified by."""

    name: str
    uid: str
    iod_section: str
    iod_table: str
    service: str
