"""Model of the Directory Record definitions of the Basic Directory IOD (PS3.3 Annex F).

Built by :mod:`dicomkit.codegen.readers.part03_dicomdir` from PS3.3 Table F.4-1 ("Relationship
Between Directory Records") and the Directory Record Keys tables of F.5 (Table F.5-1 "Patient
Keys", F.5-2 "Study Keys", ...); the template turns them into ``dicomkit.generated.
directory_records``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dicomkit.codegen.model.iods import Expr


@dataclass(frozen=True)
class RecordKey:
    """One top-level row of a Directory Record Keys table.

    Attributes
    ----------
    tag
        The key's tag; 0 for an ``Include`` row.
    name
        The key's name as the table writes it.
    type
        ``1``, ``1C``, ``2``, ``2C`` or ``3`` (PS3.3 F.5: the types of the keys in the record).
    condition
        The "Required if ..." text of a 1C/2C key, ``""`` otherwise.
    expr
        The condition read by the condition parser, None when it stays prose.
    include
        For an ``Include Table 10-12`` row, the macro table's label (its rows are keys too).
    when
        A condition the reader resolved to a name instead of an expression:
        ``"keys_charset"`` for "Required if an extended or replacement character set is used
        in one of the Keys" (Specific Character Set, every table of F.5).
    """

    tag: int
    name: str
    type: str
    condition: str = ""
    expr: Expr | None = None
    include: str = ""
    when: str = ""


@dataclass(frozen=True)
class DirectoryRecord:
    """A Directory Record Type (0004,1430) of PS3.3 F.5 with its keys and place in the tree.

    Attributes
    ----------
    record_type
        The value of Directory Record Type (``"PATIENT"``, ``"RT DOSE"``).
    section
        Its definition (``"F.5.1"``).
    table
        Its keys table (``"F.5-1"``).
    keys
        The top-level rows of that table, in table order (sequence contents are left out: the
        record copies the sequences of the file).
    lower
        The record types that may be in its lower-level directory entity (Table F.4-1).
    path
        The record types from the root directory entity down to this one (``("PATIENT",
        "STUDY", "SERIES", "IMAGE")``), each listed in Table F.4-1 under the one before.
    """

    record_type: str
    section: str
    table: str
    keys: tuple[RecordKey, ...]
    lower: tuple[str, ...]
    path: tuple[str, ...]


@dataclass(frozen=True)
class IodRecord:
    """The Directory Record Type that references instances of one IOD (PS3.3 F.5).

    Attributes
    ----------
    iod
        The IOD's module table label (``"A.3-1"``), as :mod:`dicomkit.generated.iods` keys it.
    record_type
        The record type; how it was chosen is ``how``.
    how
        ``"section"`` when the record's definition links the IOD's section ("the Dose IE of the
        Section A.18"), ``"ie"`` when the IOD has the Information Entity whose modules the
        definition names ("the Modules related to the Image IE of Image IODs").
    """

    iod: str
    record_type: str
    how: str
