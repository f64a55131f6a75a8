"""Model of the Attribute Confidentiality Profiles of PS3.15 Annex E.

What is read, and from where (see :mod:`dicomkit.codegen.readers.part15_deid`): the action
codes of Table E.1-1a "De-identification Action Codes", each resolved to an enumeration name;
every row of Table E.1-1 "Application Level Confidentiality Profile Attributes" (tag pattern,
retired, in a standard composite IOD, the Basic Profile's action and each option column's
action); the option columns matched to their codes of CID 7050 "De-identification Method"
(PS3.16); and Table E.3.10-1 "Safe Private Attributes".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionDef:
    """One action code of Table E.1-1a.

    Attributes
    ----------
    code
        The code as the table writes it (``"X/Z/D"``).
    name
        The enumeration name the generator gives it (``"REMOVE_OR_ZERO_OR_DUMMY"``).
    steps
        The single codes it chooses among, weakest first (``("X", "Z", "D")``).
    meaning
        The table's text for it.
    """

    code: str
    name: str
    steps: tuple[str, ...]
    meaning: str


@dataclass(frozen=True)
class OptionDef:
    """The Basic Profile or one of its options, as a column of Table E.1-1 and a CID 7050 code.

    Attributes
    ----------
    name
        The enumeration name (``"RETAIN_UIDS"``), from the code meaning.
    column
        The column heading of Table E.1-1 (``"Rtn. UIDs Opt."``); empty for the options that
        have no column (Clean Pixel Data, Clean Recognizable Visual Features).
    scheme, value, meaning
        The code of CID 7050 (``"DCM"``, ``"113110"``, ``"Retain UIDs Option"``).
    """

    name: str
    column: str
    scheme: str
    value: str
    meaning: str


@dataclass(frozen=True)
class ProfileRow:
    """One row of Table E.1-1.

    Attributes
    ----------
    name
        Attribute Name.
    tag, mask
        The tag pattern: an element matches when ``element_tag & mask == tag``; ``(60xx,3000)``
        is ``tag=0x60003000, mask=0xFF00FFFF``; the row "(gggg,eeee) where gggg is odd" is
        ``tag=0x00010000, mask=0x00010000``.
    private
        The row of Private Attributes.
    retired, in_iod
        The "Retd." and "In Std. Comp. IOD" columns.
    basic
        The enumeration name of the Basic Profile's action.
    options
        ``(option name, action name)`` for each option column with an action in this row.
    """

    name: str
    tag: int
    mask: int
    private: bool
    retired: bool
    in_iod: bool
    basic: str
    options: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SafePrivateDef:
    """One row of Table E.3.10-1 "Safe Private Attributes": group, element offset within the
    private block (the ``xx`` of ``(gggg,xxee)`` stands for the block), Private Creator, VR,
    VM, meaning."""

    group: int
    element: int
    creator: str
    vr: str
    vm: str
    meaning: str


@dataclass(frozen=True)
class ContentItemDef:
    """One row of Table E.3.4-1 (Clean Structured Content Option): the concept name code of
    content items, their value type, the Basic Profile's action and each option's."""

    meaning: str
    value: str
    scheme: str
    scheme_version: str
    value_type: str
    retired: bool
    in_template: bool
    basic: str
    options: tuple[tuple[str, str], ...]
