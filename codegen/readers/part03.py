"""PS3.3 reader: the Defined Terms of Specific Character Set (0008,0005) (C.12.1.1.2).

The four tables of PS3.3 C.12.1.1.2 are found by label and checked by caption and header:

- Table C.12-2 "Defined Terms for Single-Byte Character Sets Without Code Extensions",
- Table C.12-3 "... for Single-Byte Character Sets with Code Extensions",
- Table C.12-4 "... for Multi-Byte Character Sets with Code Extensions",
- Table C.12-5 "... for Multi-Byte Character Sets Without Code Extensions".

Columns are indexed by header name.  Row spans are expanded by the front-ends, so a Defined Term
spanning its G1 and G0 rows gives one row per code element; consecutive rows with the same
Defined Term are one character set.  Escape sequences are written in column/row notation
("ESC 02/13 04/01" is the bytes 1B 2D 41).  Table C.12-5 has no code elements (2016 editions
lack its Character Set column, which is then left empty).  The default repertoire's Defined Term
is written "none" in Table C.12-2; it is keyed ``""`` (value absent or empty).

Corrections of the tables' defects come from :mod:`dicomkit.codegen.fixes`, keyed by
``"<Defined Term> / <ISO Registration Number>"`` and the column name.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.charsets import CharacterSet, CodeElement
from dicomkit.codegen.standard import Standard

DESCRIPTION = "Character Set Description"
TERM = "Defined Term"
EXTENSION = "Standard for Code Extension"
ESCAPE = "ESC Sequence"
REGISTRATION = "ISO Registration Number"
COUNT = "Number of Characters"
ELEMENT = "Code Element"
CHARSET = "Character Set"

#: label -> (caption words, required columns, optional columns, code extensions, multi-byte)
TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], bool, bool]] = {
    "C.12-2": ("Single-Byte Character Sets Without Code Extensions",
               (DESCRIPTION, TERM, REGISTRATION, COUNT, ELEMENT, CHARSET), (), False, False),
    "C.12-3": ("Single-Byte Character Sets with Code Extensions",
               (DESCRIPTION, TERM, EXTENSION, ESCAPE, REGISTRATION, COUNT, ELEMENT, CHARSET),
               (), True, False),
    "C.12-4": ("Multi-Byte Character Sets with Code Extensions",
               (DESCRIPTION, TERM, EXTENSION, ESCAPE, REGISTRATION, COUNT, ELEMENT, CHARSET),
               (), True, True),
    "C.12-5": ("Multi-Byte Character Sets Without Code Extensions",
               (DESCRIPTION, TERM), (CHARSET,), False, True),
}

_ESCAPE = re.compile(r"^ESC((?:\s+\d{1,2}/\d{1,2})+)$")
_COLUMN_ROW = re.compile(r"(\d{1,2})/(\d{1,2})")
_ISO_IR = re.compile(r"^ISO-IR\s*(\d+)$")
_COUNT = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)$")
_NONE_TERM = "none"


def parse_escape(text: str) -> bytes:
    """The bytes of an escape sequence written in column/row notation.

    ``"ESC 02/13 04/01"`` -> ``b"\\x1b\\x2d\\x41"`` (ISO/IEC 2022 writes a byte as its column,
    the high four bits, and row, the low four bits, of the code table; PS3.5 6.1.2.5).

    Raises
    ------
    ValueError
        When ``text`` is not ``ESC`` followed by column/row pairs of a 7-bit code table.
    """
    m = _ESCAPE.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not an escape sequence 'ESC cc/rr ...'")
    out = bytearray(b"\x1b")
    for col, row in _COLUMN_ROW.findall(m.group(1)):
        c, r = int(col), int(row)
        if c > 7 or r > 15:
            raise ValueError(f"{text!r}: {col}/{row} is outside the 7-bit code table")
        out.append(c * 16 + r)
    return bytes(out)


def _columns(table: Table, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, int]:
    cols = table.columns
    missing = [c for c in required if c not in cols]
    unknown = [c for c in cols if c not in required and c not in optional]
    if missing or unknown:
        raise TableError(table.source, table.label,
                         f"header is {list(cols)}; expected the columns {list(required)}"
                         + (f" and optionally {list(optional)}" if optional else ""))
    return {c: cols.index(c) for c in cols}


def read_table(std: Standard, label: str) -> list[CharacterSet]:
    """The character sets of one of PS3.3 Tables C.12-2 to C.12-5, in table order."""
    words, required, optional, extensions, multi = TABLES[label]
    table = std.table(3, label)
    if words.lower() not in table.caption.lower():
        raise TableError(table.source, table.label,
                         f"caption is {table.caption!r}, expected it to name {words!r}")
    col = _columns(table, required, optional)
    fixes = fixes_for(3, label, std.document(3, label).edition)
    # defined term -> (description, elements, character set), in table order
    found: dict[str, tuple[str, list[CodeElement], str]] = {}
    texts: tuple[str, ...] = ()

    def cell(name: str, key: str = "") -> str:
        """The row's text in column ``name`` (corrected when ``key`` has a fix); "" if absent."""
        if name not in col:
            return ""
        return fixes.get((key, name), texts[col[name]]) if key else texts[col[name]]

    for i, row in enumerate(table.body, start=1):
        texts = row.texts
        term = cell(TERM)
        if not term:
            raise TableError(table.source, table.label, "empty Defined Term", row=i)
        description = cell(DESCRIPTION)
        key_term = "" if term.lower() == _NONE_TERM else term
        if not extensions and not multi and key_term == "" and description != "Default repertoire":
            raise TableError(table.source, table.label,
                             f"Defined Term 'none' for {description!r}; only the default "
                             "repertoire has none", row=i)
        if REGISTRATION not in col:  # Table C.12-5: no code elements
            if key_term in found:
                raise TableError(table.source, table.label,
                                 f"Defined Term {term!r} listed twice", row=i)
            found[key_term] = (description, [], cell(CHARSET))
            continue
        registration = cell(REGISTRATION)
        key = f"{term} / {registration}"
        m = _ISO_IR.match(cell(REGISTRATION, key))
        if not m:
            raise TableError(table.source, table.label,
                             f"ISO Registration Number {registration!r} is not 'ISO-IR n'", row=i)
        escape = b""
        if extensions:
            standard = cell(EXTENSION, key)
            if standard != "ISO 2022":
                raise TableError(table.source, table.label,
                                 f"Standard for Code Extension {standard!r}, expected "
                                 "'ISO 2022'", row=i)
            try:
                escape = parse_escape(cell(ESCAPE, key))
            except ValueError as exc:
                raise TableError(table.source, table.label, str(exc), row=i) from None
        count = cell(COUNT, key)
        if not _COUNT.match(count):
            raise TableError(table.source, table.label,
                             f"Number of Characters {count!r} is not a number", row=i)
        element = cell(ELEMENT, key)
        if element not in ("G0", "G1"):
            raise TableError(table.source, table.label,
                             f"Code Element {element!r}, expected G0 or G1", row=i)
        ce = CodeElement(iso_ir=int(m.group(1)), escape=escape, code_element=element,
                         characters=int(count.replace(",", "")),
                         character_set=cell(CHARSET, key))
        if key_term in found:
            desc, elements, _ = found[key_term]
            if desc != description:
                raise TableError(table.source, table.label,
                                 f"Defined Term {term!r} described as {description!r} and "
                                 f"{desc!r}", row=i)
            if any(e.code_element == element for e in elements):
                raise TableError(table.source, table.label,
                                 f"Defined Term {term!r} has two {element} elements", row=i)
            elements.append(ce)
        else:
            found[key_term] = (description, [ce], "")
    if not found:
        raise TableError(table.source, table.label, "no Defined Terms")
    return [CharacterSet(defined_term=t, description=d, code_extensions=extensions,
                         multi_byte=multi, elements=tuple(e), character_set=c)
            for t, (d, e, c) in found.items()]


def read_character_sets(std: Standard) -> list[CharacterSet]:
    """Every Defined Term of PS3.3 C.12.1.1.2 (Tables C.12-2 to C.12-5), in table order."""
    out: list[CharacterSet] = []
    seen: set[str] = set()
    for label in TABLES:
        for cs in read_table(std, label):
            if cs.defined_term in seen:
                raise CodegenError(f"PS3.3 C.12.1.1.2: Defined Term {cs.defined_term!r} is in "
                                   f"more than one table (again in Table {label})")
            seen.add(cs.defined_term)
            out.append(cs)
    return out


def escape_index(sets: list[CharacterSet]) -> dict[bytes, tuple[str, int, str]]:
    """Escape sequence -> (Defined Term, ISO-IR number, code element) (PS3.5 6.1.2.5).

    The same sequence designates the same element in several Defined Terms (ESC 02/08 04/02,
    ISO-IR 6 as G0, is the G0 of every single-byte set); it is indexed under the Defined Term
    named for that registration (``ISO 2022 IR 6``), else under the only term that has it.

    Raises
    ------
    CodegenError
        When one sequence designates different elements, or no term can be chosen.
    """
    by_escape: dict[bytes, list[tuple[str, int, str]]] = {}
    for cs in sets:
        for e in cs.elements:
            if e.escape:
                by_escape.setdefault(e.escape, []).append(
                    (cs.defined_term, e.iso_ir, e.code_element))
    index: dict[bytes, tuple[str, int, str]] = {}
    for escape, uses in sorted(by_escape.items()):
        if len({(ir, ce) for _, ir, ce in uses}) != 1:
            raise CodegenError(f"PS3.3 C.12.1.1.2: escape sequence {escape!r} designates "
                               f"different code elements: {uses}")
        own = [u for u in uses if u[0].endswith(f" IR {u[1]}")]
        if len(own) == 1:
            index[escape] = own[0]
        elif len(uses) == 1:
            index[escape] = uses[0]
        else:
            raise CodegenError(f"PS3.3 C.12.1.1.2: escape sequence {escape!r} is used by "
                               f"{[u[0] for u in uses]} and none is named for ISO-IR {uses[0][1]}")
    return index


def _build_charsets(std: Standard) -> dict[str, Any]:
    sets = read_character_sets(std)
    # bytes literals: the shared ``py`` filter renders no bytes
    return {"charsets": sets, "escapes": escape_index(sets), "bytes_literal": repr}


MODULES = [
    ModuleSpec("charsets", _build_charsets, {"charsets.py": "charsets.py.j2"},
               "Specific Character Set (0008,0005) Defined Terms, code elements and escape "
               "sequences (PS3.3 C.12.1.1.2)"),
]
