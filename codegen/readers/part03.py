"""PS3.3 reader: character sets (C.12.1.1.2), and the IODs, modules and macros (Annex A, C, 10).

Character sets
--------------

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

IODs, modules and macros
------------------------
Found by header texts and caption words, never by position (PS3.3 5.4, A.1.3, A.1.4):

- IOD module tables: header IE / Module / Reference / Usage, caption "<name> IOD Modules" (the
  Basic Directory IOD, F.3-1, has no IE column and an extra Module Description; IE is then "").
  Each row's Reference ("Section C.7.1.1") is a section; the module's attribute table is the
  attribute table in that section (or the one below it whose caption names the module).
- Functional Group Macro tables of enhanced multi-frame IODs: header Functional Group Macro /
  Section / Usage, caption "<name> Functional Group Macros"; tied to the IOD table under the
  same parent section.
- Attribute tables: header Attribute Name / Tag / [Type] / Attribute Description (macros may lack
  Type). Captions "... Module Attributes" are modules, every other one a macro.  Leading ``>``
  give the nesting depth; ``Include Table 10-18`` rows name another table by label (its link).
- 1C/2C rows and C modules keep their condition text, and the expression read from it by
  :func:`dicomkit.codegen.conditions.parse_condition` with a resolver of every attribute name of
  these tables (names with more than one tag resolve to nothing).
- Enumerated Values / Defined Terms: the kind is taken from the description; values stated in
  the running text ("shall have the Enumerated Value X") are kept, and a section the
  description points to for them ("See Section C.7.6.3.1.2 for Enumerated Values") is kept as a
  reference.  The front-ends render a value list's definitions but not its terms, so the values
  of list-form Enumerated Values are not available to this reader yet.

Tables of other shapes (normalized IODs, query keys) are not read; rows that cannot be read
(no tag, unknown type) are skipped and counted in :class:`ReadStats`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dicomkit.codegen.census import outside_category
from dicomkit.codegen.document import Document, Link, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.charsets import CharacterSet, CodeElement
from dicomkit.codegen.model.iods import (
    NO_CONDITION,
    AttributeRow,
    AttributeTable,
    Condition,
    FunctionalGroup,
    IncludeRow,
    Iod,
    IodModule,
    Row,
)
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



# ============================================================================ IODs, modules, macros

try:  # the condition parser (dicomkit.codegen.conditions) is optional: without it, expr is None
    from dicomkit.codegen.conditions import parse_condition as _parse_condition
except ImportError:  # pragma: no cover - only while the parser is absent
    _parse_condition = None  # type: ignore[assignment]

PART = 3
_NAME_COLUMNS = ("Attribute Name", "Attribute name")
_DESCRIPTION_COLUMNS = ("Attribute Description", "Description")
_IOD_COLUMNS = ("IE", "Module", "Reference", "Usage")
_FG_COLUMNS = ("Functional Group Macro", "Section", "Usage")
_TYPES = frozenset({"1", "1C", "2", "2C", "3"})
_TAG_CELL = re.compile(r"^\(([0-9A-Fa-fx]{4}),\s*([0-9A-Fa-fx]{4})\)$")
_INCLUDE = re.compile(r"^\s*Include\s+(?:the\s+)?Table\s+([A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*-[0-9A-Za-z.]+?)"
                      r"\.?(?=\s|$)(.*)$")
_SECTION_REF = re.compile(r"\bSection ([A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*?)\.?(?=\s|$)")
_USAGE = re.compile(r"^\s*([MCU])\b\s*(?:[-\u2013\u2014:]\s*)?(.*)$", re.S)
_ENUMERATED = re.compile(r"\bEnumerated Values?\b")
_DEFINED = re.compile(r"\bDefined Terms?\b")
_INLINE_VALUE = re.compile(
    r"\b(?:shall|will) (?:have|be set to|contain) (?:the |a )?(?:Enumerated |Defined )?(?:Value|Term)s?"
    r"(?: of)? ((?:\"[^\"]+\"|[A-Z0-9_]+(?: [A-Z0-9_]+)*)(?:(?:, | or | and |, or )"
    r"(?:\"[^\"]+\"|[A-Z0-9_]+(?: [A-Z0-9_]+)*))*)")
_VALUE_WORD = re.compile(r"\"([^\"]+)\"|([A-Z0-9_]+(?: [A-Z0-9_]+)*)")
#: a list that holds for one value of a multi-valued attribute: "Enumerated Values for Value 1:"
_INDEXED_LIST_TITLE = re.compile(r"^(Enumerated Values|Defined Terms) for Value (\d+):?$")
#: "Value 1 shall be DERIVED." (PS3.3 C.8.20-2): one Enumerated Value for that value
_INDEXED_INLINE = re.compile(r"(?<!\) )\bValue (\d+) shall be ([A-Z0-9_]+(?: or [A-Z0-9_]+)*)\.")


@dataclass
class ReadStats:
    """What reading PS3.3's IOD, module and macro tables found and skipped (for the report)."""

    attribute_tables: int = 0
    iod_tables: int = 0
    functional_group_tables: int = 0
    rows: int = 0
    includes: int = 0
    conditions: int = 0
    conditions_parsed: int = 0
    skipped_tables: list[str] = field(default_factory=list)
    skipped_rows: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


@dataclass
class Pt3Model:
    """Everything read from PS3.3 Annex A, C and Chapter 10, with indexes."""

    tables: dict[str, AttributeTable]
    iods: dict[str, Iod]
    iod_by_section: dict[str, str]
    stats: ReadStats


def _section_label(doc: Document, section_id: str) -> str:
    if not section_id:
        return ""
    try:
        return doc.section(section_id).label
    except CodegenError:
        return section_id.removeprefix("sect_")


def _parse_tag(text: str) -> int | None:
    m = _TAG_CELL.match(text.strip())
    if not m:
        return None
    return int((m.group(1) + m.group(2)).replace("x", "0").replace("X", "0"), 16)


def _table_link(links: tuple[Link, ...]) -> str:
    for link in links:
        if link.target.startswith("table_") and not link.document:
            return link.target.removeprefix("table_")
    return ""


def _section_links(links: tuple[Link, ...]) -> list[str]:
    return [link.target.removeprefix("sect_") for link in links
            if link.target.startswith("sect_") and not link.document]


#: The item count a sequence's description states (PS3.3 5.4: "Only a single Item shall be
#: included in this Sequence.", "One or more Items shall be included ...").
_ITEM_COUNT = re.compile(r"\b(?:Only a single Item|One or more Items|Zero or more Items)"
                         r" (?:shall|is permitted to|are permitted to|may) be (?:included|present)"
                         r"[^.]*\.", re.IGNORECASE)
_PLAIN_LIST_TITLE = re.compile(r"^(Enumerated Values|Defined Terms):?$", re.IGNORECASE)


def _listed_values(lists: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
                   ) -> tuple[str, list[str]]:
    """(kind, terms) of the one unconditional "Enumerated Values:" / "Defined Terms:" list of a
    description cell.  Lists that hold for one value of a multi-valued attribute ("Enumerated
    Values for Value 1:") or under a condition ("Enumerated Values if Bits Stored = 8:") give
    nothing: checking a value against them without their condition would report valid data."""
    titled = [(title, entries) for title, entries in lists
              if _ENUMERATED.search(title) or _DEFINED.search(title)]
    if len(titled) != 1:
        return "", []
    title, entries = titled[0]
    m = _PLAIN_LIST_TITLE.match(title.strip())
    if not m:
        return "", []
    kind = "enumerated" if m.group(1).lower().startswith("enumerated") else "defined"
    return kind, [term for term, _ in entries if term]


def _indexed_values(text: str, lists: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
                    ) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """``(index, kind, terms)`` of the lists of a description cell that hold for one value of a
    multi-valued attribute, and of "Value N shall be X." sentences (enumerated); a title with a
    condition ("... for Value 1 if ...") gives nothing."""
    out: dict[int, tuple[str, list[str]]] = {}
    for title, entries in lists:
        m = _INDEXED_LIST_TITLE.match(title.strip())
        terms = [term for term, _ in entries if term]
        if m and terms:
            kind = "enumerated" if m.group(1) == "Enumerated Values" else "defined"
            index = int(m.group(2))
            if index in out and out[index][0] != kind:
                return ()  # two kinds of list for one value: not read
            out.setdefault(index, (kind, []))[1].extend(t for t in terms
                                                        if t not in out[index][1])
    for m in _INDEXED_INLINE.finditer(text):
        index = int(m.group(1))
        if index in out:
            return ()  # a list and a sentence for one value: not read
        out[index] = ("enumerated", m.group(2).split(" or "))
    return tuple((i, kind, tuple(terms)) for i, (kind, terms) in sorted(out.items()))


def _values(text: str, links: tuple[Link, ...],
            lists: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
            ) -> tuple[str, tuple[str, ...], str]:
    """(kind, values stated in the text or its definition list, reference) of Enumerated
    Values / Defined Terms."""
    kind = "enumerated" if _ENUMERATED.search(text) else "defined" if _DEFINED.search(text) else ""
    if not kind:
        return "", (), ""
    list_kind, values = _listed_values(lists)
    if list_kind:
        kind = list_kind
    for m in _INLINE_VALUE.finditer(text):
        for q, bare in _VALUE_WORD.findall(m.group(1)):
            v = q or bare
            if v and v not in values:
                values.append(v)
    ref = ""
    word = "Enumerated Value" if kind == "enumerated" else "Defined Term"
    for sentence in re.split(r"(?<=\.)\s+", text):
        if word in sentence:
            refs = _SECTION_REF.findall(sentence)
            if refs:
                ref = refs[0]
                break
    return kind, tuple(values), ref


def _attribute_columns(table: Table) -> dict[str, int] | None:
    cols = table.columns
    if len(cols) not in (3, 4) or cols[0] not in _NAME_COLUMNS or cols[1] != "Tag" \
            or cols[-1] not in _DESCRIPTION_COLUMNS:
        return None
    if len(cols) == 4 and cols[2] != "Type":
        return None
    out = {"name": 0, "tag": 1, "description": len(cols) - 1}
    if len(cols) == 4:
        out["type"] = 2
    return out


def _table_name(caption: str) -> tuple[str, str]:
    """(name, kind) of an attribute table from its caption."""
    kind = "macro" if "Macro" in caption or not re.search(r"\bModule\b", caption) else "module"
    name = re.sub(r"\s+Attributes?$", "", caption.strip())
    if kind == "module":
        name = re.sub(r"\s+Module(?: Table)?$", "", name)
    return name, kind


def _read_attribute_table(table: Table, col: dict[str, int], doc: Document,
                          stats: ReadStats) -> AttributeTable:
    rows: list[Row] = []
    for i, row in enumerate(table.body, start=1):
        cells = row.cells
        first = cells[col["name"]].text
        stripped = first.lstrip("> ")
        depth = len(first) - len(first.lstrip(">"))
        inc = _INCLUDE.match(stripped)
        if inc:
            label = _table_link(cells[col["name"]].links) or inc.group(1)
            description = cells[col["description"]].text
            rest = inc.group(2).strip()
            restriction = description if description and description != first else rest
            rows.append(IncludeRow(table=label, depth=depth, restriction=restriction))
            stats.includes += 1
            continue
        tag = _parse_tag(cells[col["tag"]].text)
        typ = cells[col["type"]].text if "type" in col else ""
        if tag is None or not stripped or ("type" in col and typ not in _TYPES):
            stats.skipped_rows.append(f"Table {table.label} row {i}: {row.texts[:3]}")
            continue
        desc_cell = cells[col["description"]]
        description = desc_cell.text
        kind, values, ref = _values(description, desc_cell.links, desc_cell.lists)
        condition = NO_CONDITION
        if typ in ("1C", "2C") and "equired" in description:
            condition = Condition(description)
        else:
            count = _ITEM_COUNT.search(description)
            if count:  # a sequence's item count, kept so validators can check it
                condition = Condition(count.group(0))
        rows.append(AttributeRow(name=stripped, tag=tag, type=typ, depth=depth,
                                 description=description, condition=condition,
                                 values_kind=kind, values=values, values_ref=ref,
                                 indexed_values=_indexed_values(description, desc_cell.lists)))
        stats.rows += 1
    name, kind = _table_name(table.caption)
    return AttributeTable(name=name, label=table.label, section=_section_label(doc, table.section_id),
                          kind=kind, rows=tuple(rows))


def read_key_table(table: Table, doc: Document, stats: ReadStats | None = None) -> AttributeTable:
    """Read a table of attribute rows whose name column is headed ``Key`` (or ``Attribute
    Name``): the Directory Record Keys tables of PS3.3 F.5, header Key / Tag / Type /
    Attribute Description.  Rows as in module tables (nesting, ``Include`` rows, 1C/2C
    condition texts, not yet parsed); rows without a tag ("Any other Attribute of the ...
    IE Modules") are skipped and counted in ``stats``.

    Raises
    ------
    TableError
        When the header is not Key (or Attribute Name) / Tag / Type / Attribute Description.
    """
    cols = table.columns
    if len(cols) != 4 or cols[0] not in ("Key", *_NAME_COLUMNS) or cols[1:] != (
            "Tag", "Type", "Attribute Description"):
        raise TableError(table.source, table.label,
                         f"header is {list(cols)}; expected Key, Tag, Type, Attribute Description")
    return _read_attribute_table(table, {"name": 0, "tag": 1, "type": 2, "description": 3}, doc,
                                 stats if stats is not None else ReadStats())


def name_resolver(tables: dict[str, AttributeTable]) -> Callable[[str], int | None]:
    """Attribute name as written in prose -> tag, from every attribute row of ``tables``.

    Names that stand for more than one tag in PS3.3 resolve to None (ambiguous prose is not
    guessed at).
    """
    tags: dict[str, set[int]] = {}
    for t in tables.values():
        for r in t.rows:
            if isinstance(r, AttributeRow):
                tags.setdefault(r.name.lower(), set()).add(r.tag)
    unique = {name: next(iter(found)) for name, found in tags.items() if len(found) == 1}

    def resolve(name: str) -> int | None:
        return unique.get(name.strip().lower())

    return resolve


ModuleResolve = Callable[[str], "tuple[str, str] | None"]

_SECTION_NAME = re.compile(r"^Section ([A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*)$")
_GROUP_NAME = re.compile(r"^.+ Functional Group \(Section ([A-Z]{0,2}\.?[0-9][0-9A-Za-z.]*)\)$")
_MODULE_NAME = re.compile(r"^(.+) Module$")
_GROUP_MACRO_NAME = re.compile(r"^(.+) Functional Group Macro$")


def module_resolver(tables: dict[str, AttributeTable],
                    by_section: dict[str, list[AttributeTable]]) -> ModuleResolve:
    """A module or functional group as written in a Usage condition -> what the condition parser
    emits for its presence (:data:`dicomkit.codegen.conditions.ModuleResolver`).

    "Section C.7.6.4b" names the one module table of that section; "Palette Color Lookup Table
    Module" the one module table of that name; "Derivation Image Functional Group (Section
    C.7.6.16.2.6)" the one macro table of that section, as a functional group.  Anything else
    (no table, or several) resolves to None: the condition stays prose.  "Pixel Measures
    Functional Group Macro" (as the parser rewrites "Pixel Measures or ... Macros Present") names
    the one functional group macro table of PS3.3 C.7.6.16.2 called "Pixel Measures Macro".
    """
    by_name: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    for t in tables.values():
        if t.kind == "module":
            by_name.setdefault(t.name.lower(), []).append(t.label)
        elif t.section.startswith("C.7.6.16.2"):
            groups.setdefault(t.name.lower(), []).append(t.label)

    def resolve(ref: str) -> tuple[str, str] | None:
        m = _GROUP_MACRO_NAME.match(ref)
        if m:
            labels = groups.get(m.group(1).lower() + " macro", [])
            return ("group_present", labels[0]) if len(labels) == 1 else None
        m = _GROUP_NAME.match(ref)
        if m:
            found = by_section.get(m.group(1), [])
            return ("group_present", found[0].label) if len(found) == 1 else None
        m = _SECTION_NAME.match(ref)
        if m:
            found = [t for t in by_section.get(m.group(1), []) if t.kind == "module"]
            return ("module_present", found[0].label) if len(found) == 1 else None
        m = _MODULE_NAME.match(ref)
        if m:
            labels = by_name.get(m.group(1).lower(), [])
            return ("module_present", labels[0]) if len(labels) == 1 else None
        return None

    return resolve


def _parsed(text: str, resolve: Callable[[str], int | None], stats: ReadStats,
            modules: ModuleResolve | None = None) -> Condition:
    stats.conditions += 1
    if _parse_condition is None:
        return Condition(text)
    pc = _parse_condition(text, resolve, modules)
    if pc.expr is not None and not pc.partly:
        stats.conditions_parsed += 1
    return Condition(text, pc.expr, pc.otherwise)


def _fixed(condition: Condition, joiner: str | None) -> Condition:
    """A condition with the connective between its cases corrected (codegen/fixes.py)."""
    if joiner is None or condition.expr is None:
        return condition
    if condition.expr[0] not in ("and", "or"):
        raise CodegenError(f"fix of the joiner of {condition.text!r}: the condition is not a "
                           "list of cases; remove the fix from codegen/fixes.py")
    return dataclasses.replace(condition, expr=(joiner, *condition.expr[1:]))


def _usage_row(t: Table, i: int, row: Any, name_col: int, ref_col: int, usage_col: int,
               what: str, doc: Document, by_section: dict[str, list[AttributeTable]],
               resolve: Callable[[str], int | None], stats: ReadStats,
               modules: ModuleResolve | None = None
               ) -> tuple[str, str, str, str, Condition] | None:
    """(name, section, attribute table label, usage, condition) of one row of an IOD module
    table or a functional group macro table; None (and counted) when it names no section or
    usage."""
    texts = row.texts
    cell = row.cells[ref_col]
    refs = _section_links(cell.links) or _SECTION_REF.findall(cell.text)
    usage, cond_text = _usage(texts[usage_col])
    if not refs or not usage:
        stats.skipped_rows.append(f"Table {t.label} row {i}: {texts}")
        return None
    name = texts[name_col]
    section = _section_label(doc, "sect_" + refs[0])
    condition = _parsed(cond_text, resolve, stats, modules) if usage == "C" and cond_text else (
        Condition(cond_text) if cond_text else NO_CONDITION)
    label = _find_module_table(section, name, by_section)
    if not label:
        stats.unresolved.append(f"Table {t.label}: {what} {name!r} (Section {section})")
    return name, section, label, usage, condition


def _ancestors(label: str) -> Iterator[str]:
    """``"A.38.1.3"`` -> ``A.38.1.3``, ``A.38.1``, ``A.38`` (not the annex letter itself)."""
    parts = label.split(".")
    for n in range(len(parts), 1, -1):
        yield ".".join(parts[:n])


def _find_module_table(section: str, name: str, by_section: dict[str, list[AttributeTable]]) -> str:
    """The label of the attribute table of module/macro ``name`` defined in ``section``."""
    direct = by_section.get(section, [])
    if len(direct) == 1:
        return direct[0].label
    below = direct or [t for s, ts in by_section.items() if s.startswith(section + ".") for t in ts]
    key = name.lower().replace(" macro", "")
    named = [t for t in below if t.name.lower().replace(" macro", "") == key]
    if len(named) == 1:
        return named[0].label
    starts = [t for t in below if t.name.lower().startswith(key)]
    if len(starts) == 1:
        return starts[0].label
    return direct[0].label if direct else ""


def _usage(text: str) -> tuple[str, str]:
    m = _USAGE.match(text)
    if not m:
        return "", text
    return m.group(1), (text.strip() if m.group(2).strip() else "")


def read_iods(std: Standard) -> Pt3Model:
    """Every IOD module table, functional group macro table and attribute table of PS3.3.

    Raises
    ------
    CodegenError
        When no IOD or attribute table at all is found (not PS3.3, or an unknown layout).
    """
    doc = std.document(PART)
    stats = ReadStats()
    tables: dict[str, AttributeTable] = {}
    iod_sources: list[Table] = []
    fg_sources: list[Table] = []
    preceding: dict[str, str] = {}  # functional group table -> the IOD table just before it
    for t in doc.tables():
        key = t.label or t.id
        col = _attribute_columns(t)
        if col is not None:
            if not t.label:
                stats.skipped_tables.append(f"{t.id} (no label): {t.caption}")
                continue
            std.table(PART, t.label)  # records the use
            tables[t.label] = _read_attribute_table(t, col, doc, stats)
            stats.attribute_tables += 1
        elif t.columns == _IOD_COLUMNS or (t.caption.endswith("IOD Modules") and all(
                c in t.columns for c in _IOD_COLUMNS[1:])):  # F.3-1 Basic Directory: no IE
            std.table(PART, key)
            iod_sources.append(t)
        elif t.columns == _FG_COLUMNS:
            std.table(PART, key)
            fg_sources.append(t)
            if iod_sources:
                preceding[key] = iod_sources[-1].label
        elif t.caption.endswith("IOD Modules") or "Module Attributes" in t.caption \
                or "Macro Attributes" in t.caption:
            stats.skipped_tables.append(f"Table {key}: {t.caption} (header {list(t.columns)})")
    if not tables or not iod_sources:
        raise CodegenError(f"{doc.source}: no IOD module tables or attribute tables found "
                           f"({len(tables)} attribute tables, {len(iod_sources)} IOD tables)")
    resolve = name_resolver(tables)
    # conditions of 1C/2C rows
    for label, at in list(tables.items()):
        if any(isinstance(r, AttributeRow) and r.condition.text for r in at.rows):
            fixes = fixes_for(PART, label, doc.edition)
            rows = tuple(dataclasses.replace(r, condition=_fixed(
                _parsed(r.condition.text, resolve, stats), fixes.get(
                    (f"({r.tag >> 16:04X},{r.tag & 0xFFFF:04X})", "condition joiner"))))
                         if isinstance(r, AttributeRow) and r.condition.text
                         and r.type in ("1C", "2C") else r for r in at.rows)
            tables[label] = dataclasses.replace(at, rows=rows)
    for at in tables.values():
        for r in at.rows:
            if isinstance(r, IncludeRow) and r.table not in tables:
                stats.unresolved.append(f"Table {at.label} includes Table {r.table}")
    by_section: dict[str, list[AttributeTable]] = {}
    for at in tables.values():
        by_section.setdefault(at.section, []).append(at)

    module_refs = module_resolver(tables, by_section)
    iods: dict[str, Iod] = {}
    for t in iod_sources:
        col = {c: t.columns.index(c) for c in _IOD_COLUMNS if c in t.columns}
        modules: list[IodModule] = []
        ie = ""
        for i, row in enumerate(t.body, start=1):
            texts = row.texts
            ie = (texts[col["IE"]] if "IE" in col else "") or ie
            read = _usage_row(t, i, row, col["Module"], col["Reference"], col["Usage"], "module",
                              doc, by_section, resolve, stats, module_refs)
            if read is not None:
                module, section, label, usage, condition = read
                modules.append(IodModule(ie=ie, module=module, section=section, table=label,
                                         usage=usage, condition=condition))
        name = re.sub(r"\s+IOD Modules$", "", t.caption.strip())
        iods[t.label] = Iod(name=name, label=t.label, section=_section_label(doc, t.section_id),
                            modules=tuple(modules))
        stats.iod_tables += 1

    for t in fg_sources:
        col = {c: t.columns.index(c) for c in _FG_COLUMNS}
        sec = _section_label(doc, t.section_id)
        parent = sec.rsplit(".", 1)[0]
        name = re.sub(r"\s+Functional Group Macros?$", "", t.caption.strip())
        candidates = [d for d in iods.values() if d.section.rsplit(".", 1)[0] == parent]
        if len(candidates) > 1:
            candidates = [d for d in candidates if d.name == name] or candidates
        if len(candidates) != 1 and preceding.get(t.label) in iods:
            # several IODs share the parent section: the one whose table comes just before
            before = iods[preceding[t.label]]
            if before.section.split(".")[:2] == sec.split(".")[:2]:
                candidates = [before]
        if len(candidates) != 1:
            stats.skipped_tables.append(f"Table {t.label}: {t.caption} (no single IOD under "
                                        f"Section {parent})")
            continue
        groups: list[FunctionalGroup] = []
        for i, row in enumerate(t.body, start=1):
            read = _usage_row(t, i, row, col["Functional Group Macro"], col["Section"],
                              col["Usage"], "macro", doc, by_section, resolve, stats, module_refs)
            if read is not None:
                macro, section, label, usage, condition = read
                groups.append(FunctionalGroup(macro=macro, section=section, table=label,
                                              usage=usage, condition=condition))
        iod = candidates[0]
        iods[iod.label] = dataclasses.replace(iod, functional_groups=tuple(groups),
                                              functional_groups_label=t.label)
        stats.functional_group_tables += 1

    # an IOD's section: the shortest ancestor of its table's section holding no other IOD table
    owners: dict[str, set[str]] = {}
    for d in iods.values():
        for a in _ancestors(d.section):
            owners.setdefault(a, set()).add(d.label)
    by_iod_section = {a: next(iter(ls)) for a, ls in sorted(owners.items()) if len(ls) == 1}
    for label, d in list(iods.items()):
        own = [a for a in _ancestors(d.section) if by_iod_section.get(a) == label]
        if own:
            iods[label] = dataclasses.replace(d, section=own[-1])
    return Pt3Model(tables=tables, iods=iods, iod_by_section=by_iod_section, stats=stats)


def cached_iods(std: Standard, attribute_tables: bool = True) -> Pt3Model:
    """:func:`read_iods` once per :class:`Standard` (four generated modules use it).

    The uses are recorded on every call, so each module's header lists the tables it rests
    on: the IOD and functional group tables, and the attribute tables when
    ``attribute_tables`` (the SOP class module needs only the IODs).
    """
    model: Pt3Model | None = getattr(std, "_part03_iods", None)
    if model is None:
        with std.recording():  # recorded below, per module
            model = read_iods(std)
        std._part03_iods = model  # type: ignore[attr-defined]
    if attribute_tables:
        for label in model.tables:
            std.table(PART, label)
    for d in model.iods.values():
        std.table(PART, d.label)
        if d.functional_groups_label:
            std.table(PART, d.functional_groups_label)
    return model


def _rows(at: AttributeTable) -> tuple[tuple[Any, ...], ...]:
    out: list[tuple[Any, ...]] = []
    for r in at.rows:
        if isinstance(r, IncludeRow):
            out.append(("include", r.depth, None, "", r.table, r.restriction, None, "", "", (),
                        ()))
        else:
            c = r.condition
            out.append(("attr", r.depth, r.tag, r.type, r.name, c.text, c.expr, c.otherwise,
                        r.values_kind, r.values, r.indexed_values))
    return tuple(out)


def _table_context(model: Pt3Model, kind: str) -> dict[str, Any]:
    chosen = {label: t for label, t in model.tables.items() if t.kind == kind}
    by_name: dict[str, list[str]] = {}
    by_section: dict[str, list[str]] = {}
    for label, t in chosen.items():
        by_name.setdefault(t.name, []).append(label)
        by_section.setdefault(t.section, []).append(label)
    refs = {(label, i): r.values_ref for label, t in chosen.items()
            for i, r in enumerate(t.rows) if isinstance(r, AttributeRow) and r.values_ref}
    entries = [(label, (t.name, t.label, t.section, _rows(t))) for label, t in chosen.items()]
    outside = {(label, i): category for label, t in chosen.items()
               for i, r in enumerate(t.rows)
               if isinstance(r, AttributeRow) and r.type in ("1C", "2C") and r.condition.text
               and r.condition.expr is None
               and (category := outside_category(r.condition.text))}
    return {
        "entries": sorted(entries, key=lambda e: _natural_key(e[0])),
        "by_name": sorted((n, ls[0]) for n, ls in by_name.items() if len(ls) == 1),
        "by_section": sorted((s, ls[0]) for s, ls in by_section.items() if s and len(ls) == 1),
        "value_refs": sorted(refs.items(), key=lambda e: (_natural_key(e[0][0]), e[0][1])),
        "outside": sorted(outside.items(), key=lambda e: (_natural_key(e[0][0]), e[0][1])),
        "stats": model.stats,
        "count": len(chosen),
    }


def _natural_key(s: str) -> tuple[Any, ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", s))


def _build_modules(std: Standard) -> dict[str, Any]:
    return {**_table_context(cached_iods(std), "module"), "kind": "module", "const": "MODULES",
            "const_by_name": "MODULE_BY_NAME", "const_by_section": "MODULE_BY_SECTION",
            "func": "module", "example": "C.7-1"}


def _build_macros(std: Standard) -> dict[str, Any]:
    return {**_table_context(cached_iods(std), "macro"), "kind": "macro", "const": "MACROS",
            "const_by_name": "MACRO_BY_NAME", "const_by_section": "MACRO_BY_SECTION",
            "func": "macro", "example": "10-18"}


def _build_iods(std: Standard) -> dict[str, Any]:
    model = cached_iods(std)
    entries = []
    outside: list[tuple[tuple[str, str, int], str]] = []
    for label, d in model.iods.items():
        mods = tuple((m.ie, m.module, m.section, m.table, m.usage, m.condition.text,
                      m.condition.expr, m.condition.otherwise) for m in d.modules)
        fgs = tuple((g.macro, g.section, g.table, g.usage, g.condition.text, g.condition.expr,
                     g.condition.otherwise) for g in d.functional_groups)
        entries.append((label, (d.name, d.label, d.section, mods, fgs)))
        usages = [("module", i, m.usage, m.condition) for i, m in enumerate(d.modules)]
        usages += [("group", i, g.usage, g.condition) for i, g in enumerate(d.functional_groups)]
        for kind, i, usage, condition in usages:
            category = outside_category(condition.text) if (
                usage == "C" and condition.expr is None) else ""
            if category:
                outside.append(((label, kind, i), category))
    by_name: dict[str, list[str]] = {}
    for d in model.iods.values():
        by_name.setdefault(d.name, []).append(d.label)
    return {
        "entries": sorted(entries, key=lambda e: _natural_key(e[0])),
        "by_name": sorted((n, ls[0]) for n, ls in by_name.items() if len(ls) == 1),
        "by_section": sorted(model.iod_by_section.items(), key=lambda e: _natural_key(e[0])),
        "outside": sorted(outside, key=lambda e: (_natural_key(e[0][0]), e[0][1], e[0][2])),
        "stats": model.stats,
        "count": len(model.iods),
    }

MODULES = [
    ModuleSpec("charsets", _build_charsets, {"charsets.py": "charsets.py.j2"},
               "Specific Character Set (0008,0005) Defined Terms, code elements and escape "
               "sequences (PS3.3 C.12.1.1.2)",
               reads=(3,)),
    ModuleSpec("modules", _build_modules, {"modules.py": "attribute_tables.py.j2",
                                          "modules.pyi": "attribute_tables.pyi.j2"},
               "Module attribute tables of PS3.3 Annex C: rows, types, nesting, includes, "
               "conditions",
               reads=(3,)),
    ModuleSpec("macros", _build_macros, {"macros.py": "attribute_tables.py.j2",
                                        "macros.pyi": "attribute_tables.pyi.j2"},
               "Macro (and other non-module) attribute tables of PS3.3 (Chapter 10, Annex C)",
               reads=(3,)),
    ModuleSpec("iods", _build_iods, {"iods.py": "iods.py.j2", "iods.pyi": "iods.pyi.j2"},
               "IOD module tables and functional group macros of PS3.3 Annex A",
               reads=(3,)),
]
