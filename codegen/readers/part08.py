"""PS3.8 reader: the upper-layer PDUs, items and sub-items, and the protocol state machine.

Where each thing is read from (found by caption, label or title, never by position):

- Tables captioned "... PDU Fields" (PS3.8 9.3.2 to 9.3.8): one per PDU, named by the title
  of its section ("A-ASSOCIATE-RQ PDU Structure").
- Tables captioned "... Item Fields" in PS3.8 (9.3.x items and sub-items, Annex D.1 Maximum
  Length) and "... Sub-Item Fields" in PS3.7 Annex D (the user information sub-items PS3.8
  defers to PS3.7 D.3.3); the sub-field group of SOP Class Common Extended Negotiation is the
  table its row links to (PS3.7 Table D.3-13).  Items laid out alike for the A-ASSOCIATE-RQ
  and -AC (same type code, same fields) become one unit.
- Which items a variable field holds: the item names its description mentions ("one
  Application Context Item, one or more Presentation Context Items and one User Information
  Item"), preferring the items defined under the same section; "defined in Annex D" means
  every user information sub-item.
- The Presentation-data-value field of a PDV item is split into its Message Control Header
  byte and the fragment, as PS3.8 E.2 says ("the 1st byte in each PDV").
- States: the "State"/"Definition" tables of PS3.8 9.2.1; actions: the tables of 9.2.2; the
  transitions: Table 9-10, whose header row lists the states and whose rows are the events.
  The DocBook and XHTML texts do not carry the event names Evt1 ... Evt19 of the printed
  standard; they are numbered here in the order of the rows of Table 9-10, which is theirs.

Classification rules (kept here, in one place): see :func:`classify`.  Corrections of defects
in the standard's tables are entries of :mod:`dicomkit.codegen.fixes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from dicomkit.codegen.document import Link, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.pdus import (
    Action,
    Choice,
    CodedField,
    Event,
    Field,
    MachineNames,
    Member,
    State,
    StateMachine,
    Transition,
    Unit,
)
from dicomkit.codegen.names import identifier, member_names
from dicomkit.codegen.standard import Standard

PART = 8

#: Accepted header texts (compared case-insensitively) of field tables: bytes, name, description.
_BYTES_HEADERS = ("pdu bytes", "item bytes", "bytes")
_NAME_HEADERS = ("field name", "sub-field name")
_DESC_HEADERS = ("description of field", "description of sub-field")

_HEX_BYTE = re.compile(r"^([0-9A-F]{2})H$")
_FILL = re.compile(r"sent with a value ([0-9A-F]+)H")
_FIXED = re.compile(r"fixed value of ([0-9A-F]+)H")
_POSITION = re.compile(r"^\(?([a-z]+)?(?:\+?(\d+))?\)?$")
_VERSION_IS = re.compile(r"version of the Sub-Item defined in this edition of the Standard is (\d+)",
                         re.IGNORECASE)
_ITEMS_WORDS = re.compile(r"\bitems?\b|\bsub-items?\b|\bitems?\(s\)", re.IGNORECASE)
_UID_WORDS = re.compile(r"\bUIDs?\b|Annex F")
_OPTIONAL_WORDS = re.compile(r"present only if|zero[- ]length|may be zero", re.IGNORECASE)
_DIRECTION = re.compile(r"\s*\((A-ASSOCIATE-(?:RQ|AC))(?: and (A-ASSOCIATE-(?:RQ|AC)))?\)\s*$")
_PDU_TITLE = re.compile(r"^([A-Z]-[A-Z-]+?) PDU Structure$")
_STATE = re.compile(r"^Sta ?(\d+)$", re.IGNORECASE)
_ACTION = re.compile(r"^(AE|AR|AA|DT)-(\d+)$")
_NEXT_STATE = re.compile(r"next state is (Sta ?\d+)", re.IGNORECASE)
_CELL = re.compile(r"^((?:AE|AR|AA|DT)-\d+) Sta ?(\d+)(?: or (\d+))?$")

_LEVEL_RANK = {"sub-field": 0, "sub-item": 1, "item": 2, "pdu": 3}


# --------------------------------------------------------------------------- helpers

def _label(table: Table) -> str:
    return table.label or table.id or "(untitled)"


def _fail(table: Table, message: str, row: int | None = None) -> TableError:
    return TableError(table.source, _label(table), message, row)


def check_field_header(table: Table) -> tuple[int, int, int]:
    """Indexes of the bytes, field name and description columns; TableError when absent."""
    cols = [c.lower() for c in table.columns]
    found = []
    for accepted in (_BYTES_HEADERS, _NAME_HEADERS, _DESC_HEADERS):
        idx = [i for i, c in enumerate(cols) if c in accepted]
        if len(idx) != 1:
            raise _fail(table, f"header is {list(table.columns)}, expected the columns "
                               f"'PDU/Item bytes', 'Field name', 'Description of field'")
        found.append(idx[0])
    return found[0], found[1], found[2]


def python_key(name: str) -> str:
    """``"Transfer-syntax-name(s)"`` -> ``"transfer_syntax_name"``; ``"Reason/Diag."`` ->
    ``"reason_diag"``."""
    base = re.sub(r"\((?:s|es)\)", "", name)
    return re.sub(r"[^0-9a-z]+", "_", base.lower()).strip("_")


def constant_name(name: str) -> str:
    """``"A-ASSOCIATE-RQ"`` -> ``"A_ASSOCIATE_RQ"``."""
    return re.sub(r"[^0-9A-Z]+", "_", name.upper()).strip("_")


def _position(text: str) -> tuple[str | None, int | None]:
    m = _POSITION.match(text)
    if m is None or (m.group(1) is None and m.group(2) is None):
        raise ValueError(text)
    sym, off = m.group(1), m.group(2)
    return sym, (int(off) if off is not None else None)


def parse_byte_range(text: str) -> tuple[str, int | None, int | None]:
    """The byte column: ``"3-6"`` -> ``("3-6", 3, 4)``; ``"75-xxx"`` -> ``("75-xxx", 75, None)``.

    A single position (``"5"``, ``"xxx"``) is one byte; ``"(x+1) - (x+2)"`` is two bytes at
    an offset only known at run time.  Raises ValueError when unreadable.
    """
    compact = text.replace(" ", "")
    parts = compact.split("-")
    if len(parts) == 1:
        sym, off = _position(parts[0])
        return compact, (off if sym is None else None), 1
    if len(parts) != 2:
        raise ValueError(text)
    (s1, o1), (s2, o2) = _position(parts[0]), _position(parts[1])
    first = o1 if s1 is None else None
    if s1 is None and s2 is None and o1 is not None and o2 is not None:
        return compact, first, o2 - o1 + 1
    if s1 == s2 and s1 is not None and o1 is not None and o2 is not None:
        return compact, first, o2 - o1 + 1
    return compact, first, None


@dataclass(frozen=True)
class _Raw:
    """One row of a field table, as read."""

    byte_range: str
    first: int | None
    size: int | None
    name: str
    description: str
    links: tuple[Link, ...]


def read_rows(table: Table) -> list[_Raw]:
    """The rows of a field table, byte ranges checked to follow on from one another."""
    i_bytes, i_name, i_desc = check_field_header(table)
    out: list[_Raw] = []
    for n, row in enumerate(table.body, 1):
        text = row.cells[i_bytes].text
        try:
            rng, first, size = parse_byte_range(text)
        except ValueError:
            raise _fail(table, f"cannot read the byte range {text!r}", n) from None
        name = row.cells[i_name].text
        if not name:
            raise _fail(table, "a field without a name", n)
        if out:
            prev = out[-1]
            if (first is not None and prev.first is not None and prev.size is not None
                    and first != prev.first + prev.size):
                raise _fail(table, f"field {name!r} starts at byte {first}, expected "
                                   f"{prev.first + prev.size} after {prev.name!r}", n)
        out.append(_Raw(rng, first, size, name, row.cells[i_desc].text,
                        row.cells[i_desc].links))
    if not out:
        raise _fail(table, "no fields")
    return out


# --------------------------------------------------------------------------- classification

def classify(table: Table, rows: list[_Raw], index: int) -> Field:
    """The kind (and fixed value, default, scope) of one field.  The rules:

    - ``PDU-type``/``Item-type``: the description is the type code (``01H``).
    - ``Reserved``: "sent with a value 00H" gives the fill; "identical to the value received
      in the same field of the A-ASSOCIATE-RQ PDU" is an echo; a variable reserved field
      ("Reserved for additional fields") is opaque optional bytes.
    - a name ending in ``-length``: ``PDU-length``/``Item-length`` count the rest of the
      PDU/item (PS3.8 9.3.1), any other length the field after it; "fixed value of
      00000004H" gives a fixed value.
    - 16 bytes named ``...AE-title``: an AE title.
    - 1, 2 or 4 bytes otherwise: an unsigned binary number (Protocol-version defaults to 1,
      "identified with bit 0 set"; Sub-Item-version to the version the text names).
    - variable: sub-fields when it links to the table laying them out; a UID when it says
      UID or Annex F; items when the description speaks of items/sub-items; a string when
      ISO 646; opaque bytes otherwise.  (UID before items: the SOP-class-uid of the role
      selection sub-item speaks of "this Sub-Item".)  Optional when "present only if", "zero-length" or
      "may be zero".
    """
    raw = rows[index]
    row = index + 1
    lname = raw.name.lower()
    key = python_key(raw.name)

    def mk(kind: str, **extra: Any) -> Field:
        return Field(name=raw.name, key=key, byte_range=raw.byte_range, first=raw.first,
                     size=raw.size, kind=kind, description=raw.description, **extra)

    if lname in ("pdu-type", "item-type"):
        m = _HEX_BYTE.match(raw.description)
        if m is None or raw.size != 1:
            raise _fail(table, f"{raw.name} should be one byte whose description is its "
                               f"value (e.g. '01H'), found {raw.description!r}", row)
        return mk("type", value=int(m.group(1), 16))
    if lname == "reserved":
        if "identical to the value received" in raw.description:
            return mk("echo")
        fill = _FILL.search(raw.description)
        if raw.size is None:
            return mk("bytes", optional=bool(_OPTIONAL_WORDS.search(raw.description)))
        if fill is None:
            raise _fail(table, f"reserved field {raw.byte_range} states no value to send", row)
        value = int(fill.group(1), 16)
        if value != 0:
            raise _fail(table, f"reserved field {raw.byte_range} is sent as {value:X}H; only "
                               f"zero-filled reserved fields are supported", row)
        return mk("reserved", value=value)
    if lname.endswith("-length"):
        if raw.size not in (1, 2, 4):
            raise _fail(table, f"{raw.name} is {raw.size} bytes, expected 1, 2 or 4", row)
        fixed = _FIXED.search(raw.description)
        if lname in ("pdu-length", "item-length"):
            if "following field" not in raw.description:
                raise _fail(table, f"{raw.name} does not say it counts the bytes from the "
                                   f"following field", row)
            scope = "rest"
        else:
            if index + 1 >= len(rows):
                raise _fail(table, f"{raw.name} is the last field; it has nothing to count", row)
            scope = "next"
        return mk("length", scope=scope, value=int(fixed.group(1), 16) if fixed else None)
    if raw.size == 16 and lname.endswith("ae-title"):
        return mk("ae_title")
    if raw.size in (1, 2, 4):
        default = None
        if "bit 0 set" in raw.description:
            default = 1
        version = _VERSION_IS.search(raw.description)
        if version is not None:
            default = int(version.group(1))
        return mk("uint", default=default)
    if raw.size is not None:
        return mk("bytes")
    optional = bool(_OPTIONAL_WORDS.search(raw.description))
    if "message control header" in raw.description.lower():
        return mk("control_header")
    if any(link.target.startswith("table_") for link in raw.links):
        return mk("subfields")
    if _UID_WORDS.search(raw.description):
        return mk("uid", optional=optional)
    if _ITEMS_WORDS.search(raw.description):
        return mk("items")
    if "ISO 646" in raw.description:
        return mk("string", optional=optional)
    return mk("bytes", optional=optional)


def _check_keys(table: Table, fields: list[Field]) -> None:
    keys = [f.key for f in fields if f.kind not in ("reserved", "echo")]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise _fail(table, f"fields named alike: {dup}")


# --------------------------------------------------------------------------- units

@dataclass
class _Draft:
    """A unit being read: its fields and where it was found."""

    name: str
    level: str
    code: int | None
    directions: set[str]
    fields: list[Field]
    tables: list[str]
    sections: list[str]
    table: Table


def _section_of(std: Standard, part: int, table: Table) -> Section:
    doc = std.document(part, table.label)
    sec = doc.find_section(table.section_id) if table.section_id else None
    if sec is None:
        raise _fail(table, "is in no section")
    return sec


def _directions(caption: str, section_label: str) -> tuple[str, set[str]]:
    """Caption without its ``(A-ASSOCIATE-RQ)`` tail, and the directions it names."""
    m = _DIRECTION.search(caption)
    if m is not None:
        dirs = {g[-2:] for g in m.groups() if g}
        return caption[:m.start()], dirs
    if section_label.startswith("9.3.2"):
        return caption, {"RQ"}
    if section_label.startswith("9.3.3"):
        return caption, {"AC"}
    return caption, set()


def _draft(std: Standard, part: int, table: Table, level: str) -> _Draft:
    rows = read_rows(table)
    fields = [classify(table, rows, i) for i in range(len(rows))]
    _check_keys(table, fields)
    sec = _section_of(std, part, table)
    code = fields[0].value if fields[0].kind == "type" else None
    if level == "pdu":
        m = _PDU_TITLE.match(sec.title)
        if m is None:
            raise _fail(table, f"its section is titled {sec.title!r}, expected "
                               f"'<name> PDU Structure'")
        name, dirs = m.group(1), set[str]()
    else:
        caption, dirs = _directions(table.caption, sec.label)
        name = re.sub(r"\s+(?:Sub-)?Fields$", "", caption)
    if level != "sub-field" and code is None and not (
            fields[0].kind == "length" and fields[0].scope == "rest"):
        raise _fail(table, "starts neither with a type nor with a length")
    return _Draft(name=name.strip(), level=level, code=code, directions=dirs, fields=fields,
                  tables=[f"PS3.{part} Table {table.label}"], sections=[sec.label], table=table)


def _layout(d: _Draft) -> tuple[tuple[str, str, int | None, int | None, str], ...]:
    return tuple((f.byte_range, f.kind, f.size, f.value, f.scope) for f in d.fields)


def _split_pdv(std: Standard, d: _Draft) -> None:
    """Split the Presentation-data-value field into Message Control Header and fragment."""
    for i, f in enumerate(d.fields):
        if f.kind != "control_header":
            continue
        sec = std.section(PART, "E.2")
        text = " ".join(b.text for b in sec.blocks if hasattr(b, "text"))
        if "1st byte in each PDV" not in text or "bit 0" not in text or "bit 1" not in text:
            raise CodegenError(f"{std.document(PART).source}: Section E.2 no longer says the "
                               f"Message Control Header is the 1st byte of each PDV "
                               f"(bits 0 and 1)")
        if f.first is None:
            raise _fail(d.table, f"{f.name} has no fixed first byte", None)
        header = replace(f, name="Message Control Header", key="message_control_header",
                         byte_range=str(f.first), size=1, description=text)
        fragment = replace(f, name="Message fragment", key="fragment", kind="bytes",
                           byte_range=f"{f.first + 1}-xxx", first=f.first + 1)
        d.fields[i:i + 1] = [header, fragment]
        return


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One draft per type code: items laid out alike for the RQ and AC become one."""
    out: list[_Draft] = []
    by_code: dict[int, _Draft] = {}
    for d in drafts:
        if d.code is None or d.level == "pdu":
            out.append(d)
            continue
        seen = by_code.get(d.code)
        if seen is None:
            by_code[d.code] = d
            out.append(d)
            continue
        if _layout(seen) != _layout(d):
            if seen.directions & d.directions or not (seen.directions and d.directions):
                raise _fail(d.table, f"item type {d.code:02X}H is laid out unlike "
                                     f"{seen.tables[0]}")
            out.append(d)  # same code, different layout per direction
            continue
        seen.directions |= d.directions
        seen.tables.append(d.tables[0])
        seen.sections.append(d.sections[0])
    return out


def _resolve_echo(drafts: list[_Draft]) -> None:
    rq = next((d for d in drafts if d.name == "A-ASSOCIATE-RQ"), None)
    for d in drafts:
        for i, f in enumerate(d.fields):
            if f.kind != "echo":
                continue
            same = None if rq is None else next(
                (g for g in rq.fields if g.byte_range == f.byte_range), None)
            if same is None:
                raise _fail(d.table, f"reserved field {f.byte_range} echoes the A-ASSOCIATE-RQ, "
                                     f"which has no field at those bytes")
            if same.kind == "reserved":
                d.fields[i] = replace(f, kind="reserved", value=same.value)
            else:
                d.fields[i] = replace(f, key=same.key, echo_of=same.key, kind=same.kind)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _item_base(name: str) -> str:
    return _norm(re.sub(r"\s*(?:Sub-)?Item$", "", name))


def _resolve_items(drafts: list[_Draft], consts: dict[int, str]) -> None:
    """Fill ``items`` of every items field from the names its description mentions."""
    candidates = [d for d in drafts if d.level in ("item", "sub-item")]
    annex_d = [d for d in candidates if any(s.startswith("D.") for s in d.sections)]
    for d in drafts:
        for i, f in enumerate(d.fields):
            if f.kind != "items":
                continue
            if "Annex D" in f.description:
                chosen = annex_d
            else:
                desc = " " + _norm(f.description) + " "
                chosen = []
                bases = sorted({_item_base(c.name) for c in candidates if c is not d})
                for base in bases:
                    if f" {base} " not in desc:
                        continue
                    named = [c for c in candidates if _item_base(c.name) == base and c is not d]
                    near = [c for c in named if any(s.startswith(d.sections[0] + ".")
                                                    for s in c.sections)]
                    chosen += near or [c for c in named
                                       if not (c.directions and d.directions)
                                       or c.directions & d.directions] or named
            if not chosen:
                raise _fail(d.table, f"cannot tell which items {f.name!r} holds from "
                                     f"{f.description!r}")
            kind = "pdv_items" if all(c.code is None for c in chosen) else "items"
            if kind == "items" and any(c.code is None for c in chosen):
                raise _fail(d.table, f"{f.name!r} mixes items with and without a type")
            names = tuple(sorted({consts[id(c)] for c in chosen}))
            d.fields[i] = replace(f, kind=kind, items=names)


def _read_subfields(std: Standard, drafts: list[_Draft]) -> list[_Draft]:
    """The sub-field groups (PS3.7 Table D.3-13) linked from ``subfields`` fields."""
    extra: list[_Draft] = []
    for d in drafts:
        for i, f in enumerate(d.fields):
            if f.kind != "subfields":
                continue
            part = 7 if d.tables[0].startswith("PS3.7") else PART
            desc_links = [lk for lk in _links_of(d.table, f) if lk.target.startswith("table_")]
            label = desc_links[0].target[len("table_"):]
            table = std.table(part, label)
            sub = _draft(std, part, table, "sub-field")
            extra.append(sub)
            d.fields[i] = replace(f, items=(constant_name(sub.name),))
    return extra


def _links_of(table: Table, field: Field) -> tuple[Link, ...]:
    _, i_name, i_desc = check_field_header(table)
    for row in table.body:
        if row.cells[i_name].text == field.name:
            return row.cells[i_desc].links
    return ()


def _constants(drafts: list[_Draft]) -> dict[int, str]:
    """Constant names: from the name, with ``_RQ``/``_AC`` where two units share a name."""
    names: dict[str, list[_Draft]] = {}
    for d in drafts:
        names.setdefault(constant_name(d.name), []).append(d)
    out: dict[int, str] = {}
    for const, group in names.items():
        for d in group:
            if len(group) > 1:
                if len(d.directions) != 1:
                    raise _fail(d.table, f"two units named {d.name!r} not told apart by "
                                         f"direction")
                out[id(d)] = f"{const}_{next(iter(d.directions))}"
            else:
                out[id(d)] = const
    return out


def _check_common_header(drafts: list[_Draft]) -> None:
    """Every typed item starts type (1), one byte, Item-length (2, rest): PS3.8 9.3.1's
    "items of unrecognized types shall be ignored and skipped" relies on it."""
    for d in drafts:
        if d.level in ("item", "sub-item") and d.code is not None:
            f = d.fields
            if not (len(f) >= 3 and f[1].size == 1 and f[2].kind == "length"
                    and f[2].size == 2 and f[2].scope == "rest"):
                raise _fail(d.table, "an item that does not start with Item-type, one byte "
                                     "and a 2-byte Item-length")


def read_units(std: Standard) -> list[Unit]:
    """Every PDU, item, sub-item and sub-field group, dependencies first."""
    drafts: list[_Draft] = []
    pdus = std.tables_titled(PART, "PDU Fields")
    if not pdus:
        raise CodegenError(f"{std.document(PART).source}: no '... PDU Fields' tables (PS3.8 9.3)")
    for t in pdus:
        drafts.append(_draft(std, PART, t, "pdu"))
    for t in std.tables_titled(PART, "Item Fields"):
        drafts.append(_draft(std, PART, t, "sub-item" if "Sub-Item" in t.caption else "item"))
    for t in std.tables_titled(7, "Sub-Item Fields"):
        if t.label.startswith("D."):
            drafts.append(_draft(std, 7, t, "sub-item"))
    for d in drafts:
        _split_pdv(std, d)
    drafts = _merge(drafts)
    _resolve_echo(drafts)
    _check_common_header(drafts)
    drafts += _read_subfields(std, drafts)
    consts = _constants(drafts)
    _resolve_items(drafts, consts)
    units = []
    for d in drafts:
        fields = tuple(d.fields)
        _check_sizes(d.table, fields)
        units.append(Unit(name=d.name, const=consts[id(d)], level=d.level, code=d.code,
                          directions=tuple(sorted(d.directions, key=("RQ", "AC").index)),
                          fields=fields, tables=tuple(d.tables), section=d.sections[0]))
    codes = [u.code for u in units if u.level == "pdu"]
    if len(set(codes)) != len(codes):
        raise CodegenError(f"{std.document(PART).source}: PDU types listed twice: {codes}")
    return sorted(units, key=lambda u: (_LEVEL_RANK[u.level], u.code or 0, u.const))


def _check_sizes(table: Table, fields: tuple[Field, ...]) -> None:
    """Every variable field must have its size known: prefixed by a length, or the one
    variable field left in the scope of the PDU/Item-length."""
    for i, f in enumerate(fields):
        if f.size is not None:
            continue
        if i > 0 and fields[i - 1].kind == "length" and fields[i - 1].scope == "next":
            continue
        head = [g for g in fields[:i] if g.kind == "length" and g.scope == "rest"]
        if not head:
            raise _fail(table, f"variable field {f.name!r} has no length to bound it")
        others = [g for j, g in enumerate(fields) if g.size is None and j != i
                  and fields.index(head[0]) < j
                  and not (fields[j - 1].kind == "length" and fields[j - 1].scope == "next")]
        if others:
            raise _fail(table, f"variable fields {f.name!r} and {others[0].name!r} share "
                               f"one length; their sizes cannot be told apart")


# --------------------------------------------------------------------------- state machine

def _definition_tables(std: Standard, section: str, first: str) -> list[Table]:
    sec = std.section(PART, section)
    out = []
    for b in sec.iter_blocks():
        if isinstance(b, Table):
            fixes = fixes_for(PART, b.label, std.document(PART).edition)
            cols = tuple(fixes.get((c, "header"), c) for c in b.columns)
            if cols != (first, "Definition"):
                raise _fail(b, f"header is {list(b.columns)}, expected "
                               f"['{first}', 'Definition']")
            out.append(b)
    if not out:
        raise CodegenError(f"{std.document(PART).source}: Section {section} has no tables")
    return out


def read_states(std: Standard) -> list[State]:
    """Sta1 ... Sta13 with their definitions (PS3.8 9.2.1, Tables 9-1 to 9-5)."""
    out = []
    for t in _definition_tables(std, "9.2.1", "State"):
        for n, row in enumerate(t.body, 1):
            m = _STATE.match(row.cells[0].text)
            if m is None:
                raise _fail(t, f"cannot read the state {row.cells[0].text!r}", n)
            out.append(State(f"Sta{int(m.group(1))}", row.cells[1].text, t.caption))
    return sorted(out, key=lambda s: int(s.name[3:]))


def read_actions(std: Standard) -> list[Action]:
    """AE-1 ... DT-2 with their definitions and next states (PS3.8 9.2.2)."""
    out = []
    edition = std.document(PART).edition
    for t in _definition_tables(std, "9.2.2", "Action"):
        fixes = fixes_for(PART, t.label, edition)
        for n, row in enumerate(t.body, 1):
            name, text = row.cells[0].text, row.cells[1].text
            if _ACTION.match(name) is None:
                raise _fail(t, f"cannot read the action {name!r}", n)
            fixed = fixes.get((name, "next_state"))
            found = [fixed] if fixed else _NEXT_STATE.findall(text)
            if not found:
                raise _fail(t, f"the definition of {name} names no next state", n)
            states = tuple(f"Sta{int(re.sub(r'[^0-9]', '', s))}" for s in found)
            group = re.sub(r"\s+Related Actions$", "", t.caption)
            out.append(Action(name, text, states, group))
    order = ("AE", "DT", "AR", "AA")
    return sorted(out, key=lambda a: (order.index(a.name[:2]), int(a.name[3:])))


def read_state_machine(std: Standard) -> StateMachine:
    """States, events, actions and every transition of Table 9-10, cross-checked."""
    states = read_states(std)
    actions = read_actions(std)
    t = std.table(PART, "9-10")
    if "State Transition" not in t.caption:
        raise _fail(t, f"caption is {t.caption!r}, expected '... State Transition Table'")
    cols = t.columns
    names = [s.name for s in states]
    if not cols or cols[0].upper() != "EVENTS" or list(cols[1:]) != names:
        raise _fail(t, f"header is {list(cols)}, expected ['EVENTS', {', '.join(names)}]")
    by_action = {a.name: a for a in actions}
    events, transitions = [], []
    for n, row in enumerate(t.body, 1):
        event = Event(f"Evt{n}", row.cells[0].text)
        if not event.description:
            raise _fail(t, "an event without a description", n)
        events.append(event)
        for state, cell in zip(names, row.cells[1:]):
            if not cell.text:
                continue
            m = _CELL.match(cell.text)
            if m is None:
                raise _fail(t, f"cannot read the cell {cell.text!r} under {state}", n)
            nxt = tuple(f"Sta{int(g)}" for g in m.groups()[1:] if g)
            action = by_action.get(m.group(1))
            if action is None:
                raise _fail(t, f"action {m.group(1)} under {state} is not defined in 9.2.2", n)
            if set(nxt) != set(action.next_states):
                raise _fail(t, f"{m.group(1)} under {state} leads to {nxt}, its definition "
                               f"says {action.next_states}", n)
            transitions.append(Transition(event.name, state, action.name, nxt))
    return StateMachine(tuple(states), tuple(events), tuple(actions), tuple(transitions))


# --------------------------------------------------------------------------- resolved names

_IDLE = re.compile(r"^Idle$")
_INVALID_PDU = re.compile(r"^Unrecognized or invalid PDU\b")
_ARTIM_EXPIRED = re.compile(r"^ARTIM timer expired\b")
_ARTIM_START = re.compile(r"\bstart (?:\(or restart if already started\) )?ARTIM timer",
                          re.IGNORECASE)
_ARTIM_STOP = re.compile(r"\bstop ARTIM timer", re.IGNORECASE)
#: The next state a branch of a definition leads to ("... Next state is Sta13").
_BRANCH_END = re.compile(r"next state is (Sta ?\d+)", re.IGNORECASE)
#: "if <condition>: ... Next state is StaN otherwise: ... Next state is StaM" (AE-6) and
#: "if <condition>, next state is StaN if not, next state is StaM" (AR-8); 2013 writes
#: "if <condition>:- issue ..." and "StaN- if not".
_CHOICE = re.compile(r"\bif (?P<cond>[^:,]+?)[:,].*?next state is Sta ?(?P<yes>\d+)[\s-]*"
                     r"(?:otherwise|if not)\b.*?next state is Sta ?(?P<no>\d+)",
                     re.IGNORECASE)


def _one(what: str, found: list[str], where: str) -> str:
    if len(found) != 1:
        raise CodegenError(f"PS3.8 {where}: expected one {what}, found {found or 'none'}; the "
                           f"phrase the generator looks for is gone or doubled")
    return found[0]


def _branches(action: Action) -> list[tuple[str, str]]:
    """The definition cut at each "Next state is StaN": (text before it, StaN); the whole
    definition when there is one next state (which may come from codegen/fixes.py)."""
    if len(action.next_states) == 1:
        return [(action.description, action.next_states[0])]
    out, start = [], 0
    for m in _BRANCH_END.finditer(action.description):
        out.append((action.description[start:m.start()],
                    f"Sta{int(re.sub(r'[^0-9]', '', m.group(1)))}"))
        start = m.end()
    return out


def resolve_machine(machine: StateMachine) -> MachineNames:
    """The states, events and actions the runtime needs by meaning, found in their text.

    - the idle state: the state defined as "Idle" (PS3.8 Table 9-1);
    - the invalid-PDU event: "Unrecognized or invalid PDU received"; the ARTIM event: "ARTIM
      timer expired" (rows of Table 9-10);
    - ARTIM starts: per action, the next states whose part of the definition says "start ARTIM
      timer" or "start (or restart if already started) ARTIM timer" (AE-6 starts it only on
      the way to Sta13); stops: definitions saying "Stop ARTIM timer" (PS3.8 9.2.2);
    - choices: definitions "if <condition>: ... Next state is X otherwise: ... Next state is
      Y" and "if <condition>, next state is X if not, next state is Y".

    What was found is checked against Table 9-10: ARTIM runs in the states where the ARTIM
    event has a cell, so every transition into them from another state must start it and
    every transition out of them to another state must stop it; every action with two next
    states must be a choice.

    Raises
    ------
    CodegenError
        When a phrase is missing, doubled, or disagrees with Table 9-10.
    """
    idle = _one("state defined as 'Idle'",
                [st.name for st in machine.states if _IDLE.match(st.description)], "9.2.1")
    invalid = _one("event 'Unrecognized or invalid PDU'",
                   [e.name for e in machine.events if _INVALID_PDU.match(e.description)],
                   "Table 9-10")
    expired = _one("event 'ARTIM timer expired'",
                   [e.name for e in machine.events if _ARTIM_EXPIRED.match(e.description)],
                   "Table 9-10")
    starts: dict[str, tuple[str, ...]] = {}
    stops: list[str] = []
    choices: list[Choice] = []
    for a in machine.actions:
        branches = _branches(a)
        if [b[1] for b in branches] != list(a.next_states):
            raise CodegenError(f"PS3.8 9.2.2: {a.name}: cannot cut its definition at its next "
                               f"states {a.next_states}: {a.description!r}")
        into = tuple(state for text, state in branches if _ARTIM_START.search(text))
        if into:
            starts[a.name] = into
        if _ARTIM_STOP.search(a.description):
            stops.append(a.name)
        if len(a.next_states) == 2:
            m = _CHOICE.search(a.description)
            if m is None:
                raise CodegenError(f"PS3.8 9.2.2: {a.name} has two next states but no "
                                   f"'if <condition> ... otherwise/if not' in {a.description!r}")
            yes, no = f"Sta{int(m.group('yes'))}", f"Sta{int(m.group('no'))}"
            if (yes, no) != a.next_states:
                raise CodegenError(f"PS3.8 9.2.2: {a.name} chooses {yes} or {no}, its next "
                                   f"states are {a.next_states}")
            cond = m.group("cond").strip()
            choices.append(Choice(a.name, cond, identifier(cond), yes, no))
    timed = {t.state for t in machine.transitions if t.event == expired}
    if not timed:
        raise CodegenError(f"PS3.8 Table 9-10: the ARTIM event {expired} has no cell")
    for t in machine.transitions:
        for nxt in t.next_states:
            if nxt in timed and t.state not in timed and nxt not in starts.get(t.action, ()):
                raise CodegenError(f"PS3.8 9.2.2: {t.action} leads from {t.state} to {nxt}, "
                                   f"where ARTIM runs ({expired}), but its definition does not "
                                   f"say 'start ARTIM timer'")
            if t.state in timed and nxt not in timed and t.action not in stops:
                raise CodegenError(f"PS3.8 9.2.2: {t.action} leads from {t.state}, where ARTIM "
                                   f"runs ({expired}), to {nxt}, but its definition does not "
                                   f"say 'Stop ARTIM timer'")
    if len({c.condition_name for c in choices}) != len(choices):
        raise CodegenError(f"PS3.8 9.2.2: two choices with one condition: {choices}")
    event_names = member_names("Event", {e.name: e.description for e in machine.events})
    return MachineNames(
        idle_state=idle,
        invalid_pdu_event=invalid,
        artim_expired_event=expired,
        artim_starts=tuple(starts.items()),
        artim_stops=tuple(stops),
        choices=tuple(choices),
        states=tuple(Member(identifier(st.name), st.name, st.description)
                     for st in machine.states),
        events=tuple(Member(event_names[e.name], e.name, e.description)
                     for e in machine.events),
        actions=tuple(Member(identifier(a.name), a.name, a.description)
                      for a in machine.actions),
    )


# --------------------------------------------------------------------------- rendering

_INT = {1: "Int8ub", 2: "Int16ub", 4: "Int32ub"}


def _seq_name(unit: Unit, f: Field) -> str:
    return f"_{unit.const}_{f.key.upper()}"


def _in_rest_scope(unit: Unit, i: int) -> int | None:
    for j, g in enumerate(unit.fields[:i]):
        if g.kind == "length" and g.scope == "rest":
            return j
    return None


def _value_size(unit: Unit, f: Field) -> str:
    """Python expression (over ``this``) of the byte size of a variable field's value."""
    ref = f"this.get({f.key!r}, {_empty(f)})" if f.optional else f"this.{f.key}"
    if f.kind in ("items", "pdv_items", "subfields"):
        return f"len({_seq_name(unit, f)}.build({ref}))"
    return f"len({ref})"


def _empty(f: Field) -> str:
    return "''" if f.kind in ("uid", "string") else "b''"


def _parse_size(unit: Unit, i: int) -> str:
    """The ``this`` expression giving the size of variable field ``i`` when parsing."""
    fields = unit.fields
    if i > 0 and fields[i - 1].kind == "length" and fields[i - 1].scope == "next":
        return f"this.{fields[i - 1].key}"
    h = _in_rest_scope(unit, i)
    assert h is not None  # checked by _check_sizes
    fixed = 0
    parts = [f"this.{fields[h].key}"]
    for j in range(h + 1, len(fields)):
        g = fields[j]
        if j == i:
            continue
        if g.size is not None:
            fixed += g.size
        else:
            parts.append(f"this.{fields[j - 1].key}")
    expr = parts[0]
    if fixed:
        expr += f" - {fixed}"
    for p in parts[1:]:
        expr += f" - {p}"
    return expr


def _build_length(unit: Unit, i: int) -> str:
    """The ``lambda this: ...`` computing length field ``i`` when building."""
    fields = unit.fields
    f = fields[i]
    if f.scope == "next":
        return f"lambda this: {_value_size(unit, fields[i + 1])}"
    fixed = sum(g.size for g in fields[i + 1:] if g.size is not None)
    terms = [str(fixed)] if fixed or all(g.size is not None for g in fields[i + 1:]) else []
    terms += [_value_size(unit, g) for g in fields[i + 1:] if g.size is None]
    return "lambda this: " + " + ".join(terms)


def subcon(unit: Unit, i: int) -> str:
    """The construct expression of field ``i`` of ``unit`` (named with ``/`` when kept)."""
    f = unit.fields[i]
    size = str(f.size) if f.size is not None else None
    if f.kind == "reserved":
        return f"Padding({f.size})"
    if f.kind == "type":
        return f"{f.key!r} / Const({f.value:#04x}, Int8ub)"
    if f.kind == "length":
        assert f.size is not None
        if f.value is not None:
            return f"{f.key!r} / Const({f.value}, {_INT[f.size]})"
        return f"{f.key!r} / Rebuild({_INT[f.size]}, {_build_length(unit, i)})"
    if f.kind == "uint":
        assert f.size is not None
        if f.default is not None:
            return f"{f.key!r} / Default({_INT[f.size]}, {f.default})"
        return f"{f.key!r} / {_INT[f.size]}"
    if f.kind in ("ae_title", "echo"):
        return f"{f.key!r} / _AE_TITLE"
    if f.kind == "control_header":
        return f"{f.key!r} / _MESSAGE_CONTROL_HEADER"
    n = size or _parse_size(unit, i)
    if f.kind in ("uid", "string"):
        expr = f"PaddedString({n}, 'ascii')"
    elif f.kind == "bytes":
        expr = f"Bytes({n})"
    elif f.kind in ("items", "pdv_items", "subfields"):
        expr = f"FixedSized({n}, {_seq_name(unit, f)})"
    else:
        raise CodegenError(f"{unit.tables[0]}: no construct for a {f.kind} field ({f.name})")
    if f.optional:
        expr = f"Default({expr}, {_empty(f)})"
    return f"{f.key!r} / {expr}"


def sequences(unit: Unit) -> list[tuple[str, str]]:
    """Module-level sequence constructs an items field needs: (name, expression)."""
    out = []
    for f in unit.fields:
        if f.kind == "items":
            alts = ", ".join((*f.items, "ITEM"))
            out.append((_seq_name(unit, f), f"GreedyRange(Select({alts}))"))
        elif f.kind in ("pdv_items", "subfields"):
            out.append((_seq_name(unit, f), f"GreedyRange({f.items[0]})"))
    return out


_CODE_LINE = re.compile(r"^(\d+)(?:-(\d+))? - (.+)$")
_SOURCE_CONTEXT = re.compile(r"If the Source field has the value \((\d+)\)")
_FIELD_VALUE_TABLES = ((8, "9-18"), (8, "9-21"), (8, "9-26"), (7, "D.3-14"))


def read_field_values(std: Standard) -> dict[tuple[str, str, int], dict[int, str]]:
    """Meanings of coded PDU field values, from their descriptions (PS3.8 9.3.3.2 Table 9-18
    presentation context results, 9.3.4 Table 9-21 A-ASSOCIATE-RJ, 9.3.8 Table 9-26 A-ABORT,
    PS3.7 D.3.3.7.1 Table D.3-14 user identity types).

    A description lists values as paragraphs ``"N - meaning"``; where the meaning depends on the
    Source field, a paragraph ``If the Source field has the value (k) ...`` opens each list.
    Returns ``(table caption subject, field name, source or 0) -> {value: meaning}``; reserved
    values are left out.  Corrections of the lists live in :mod:`dicomkit.codegen.fixes`.
    """
    out: dict[tuple[str, str, int], dict[int, str]] = {}
    for part, label in _FIELD_VALUE_TABLES:
        table = std.table(part, label)
        edition = std.document(part, label).edition
        fixes = fixes_for(part, label, edition)
        columns = [c.lower() for c in table.columns]  # PS3.7 capitalises "Field Name"
        if "field name" not in columns or "description of field" not in columns:
            raise TableError(table.source, table.label,
                             f"header is {list(table.columns)}, expected 'Field name' and "
                             "'Description of field'")
        name_col = columns.index("field name")
        desc_col = columns.index("description of field")
        caption = re.sub(r"\s*\([^)]*\)$", "", table.caption)  # "... Fields (A-ASSOCIATE-RQ)"
        subject = re.sub(r"\s*(PDU|Item|Sub-Item)?\s*Fields?$", "", caption).strip()
        for i, row in enumerate(table.body, start=1):
            field = row.cells[name_col].text.rstrip(",; ")  # 2013 writes "Reason/Diag.,"
            source = 0
            paragraphs: list[str] = []
            for para in row.cells[desc_col].paragraphs:
                paragraphs.extend(fixes.get((para, "paragraph"), para).split("\n"))
            for para in paragraphs:
                m = _SOURCE_CONTEXT.search(para)
                if m:
                    source = int(m.group(1))
                    continue
                m = _CODE_LINE.match(para)
                if not m:
                    continue
                meaning = m.group(3).strip()
                if meaning == "reserved" or m.group(2):
                    continue
                values = out.setdefault((subject, field, source), {})
                value = int(m.group(1))
                if value in values:
                    raise TableError(table.source, table.label,
                                     f"value {value} of {field!r} listed twice", row=i)
                values[value] = meaning
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class _EnumSpec:
    """Which values of ``FIELD_VALUES`` become which enumeration (see :func:`read_coded_fields`)."""

    name: str
    doc: str
    table: str
    subject: str
    field: str
    source: tuple[str, str] | None = None


#: The enumerations of coded PDU fields.  A reason that depends on the Source field names the
#: source by its member (resolved by the naming rule), so a renumbered or renamed source fails.
_ENUMS = (
    _EnumSpec("PresentationContextResult", "Result/Reason of a Presentation Context Item in the "
              "A-ASSOCIATE-AC", "PS3.8 Table 9-18", "Presentation Context", "Result/Reason"),
    _EnumSpec("RejectResult", "Result of an A-ASSOCIATE-RJ PDU", "PS3.8 Table 9-21",
              "ASSOCIATE-RJ", "Result"),
    _EnumSpec("RejectSource", "Source of an A-ASSOCIATE-RJ PDU", "PS3.8 Table 9-21",
              "ASSOCIATE-RJ", "Source"),
    _EnumSpec("RejectReasonServiceUser", "Reason/Diag. of an A-ASSOCIATE-RJ PDU whose Source "
              "is the service-user", "PS3.8 Table 9-21", "ASSOCIATE-RJ", "Reason/Diag.",
              ("RejectSource", "SERVICE_USER")),
    _EnumSpec("RejectReasonACSE", "Reason/Diag. of an A-ASSOCIATE-RJ PDU whose Source is the "
              "service-provider (ACSE related function)", "PS3.8 Table 9-21", "ASSOCIATE-RJ",
              "Reason/Diag.", ("RejectSource", "SERVICE_PROVIDER_ACSE")),
    _EnumSpec("RejectReasonPresentation", "Reason/Diag. of an A-ASSOCIATE-RJ PDU whose Source "
              "is the service-provider (Presentation related function)", "PS3.8 Table 9-21",
              "ASSOCIATE-RJ", "Reason/Diag.", ("RejectSource", "SERVICE_PROVIDER_PRESENTATION")),
    _EnumSpec("AbortSource", "Source of an A-ABORT PDU", "PS3.8 Table 9-26", "A-ABORT",
              "Source"),
    _EnumSpec("AbortReason", "Reason/Diag. of an A-ABORT PDU whose Source is the "
              "service-provider (not significant, sent as 0, when it is the service-user)",
              "PS3.8 Table 9-26", "A-ABORT", "Reason/Diag.", ("AbortSource", "SERVICE_PROVIDER")),
    _EnumSpec("UserIdentityType", "User-Identity-Type of a User Identity Negotiation sub-item",
              "PS3.7 Table D.3-14", "User Identity Negotiation", "User-Identity-Type"),
    _EnumSpec("PositiveResponseRequested", "Positive-response-requested of a User Identity "
              "Negotiation sub-item", "PS3.7 Table D.3-14", "User Identity Negotiation",
              "Positive-response-requested"),
)


def read_coded_fields(values: dict[tuple[str, str, int], dict[int, str]],
                      specs: tuple[_EnumSpec, ...] = _ENUMS) -> list[CodedField]:
    """The coded PDU fields of :func:`read_field_values` as enumerations.

    Member names come from the meanings by the rule of :mod:`dicomkit.codegen.names`.  Every
    list of values becomes exactly one enumeration; a reason list is found through the member
    of its Source enumeration.

    Raises
    ------
    CodegenError
        When a listed field has no enumeration, an enumeration finds no values (the field or
        its source vanished from the edition), or a name cannot be given.
    """
    out: list[CodedField] = []
    by_name: dict[str, CodedField] = {}
    used: set[tuple[str, str, int]] = set()
    for spec in specs:
        source = 0
        if spec.source is not None:
            enum_name, member = spec.source
            src = by_name.get(enum_name)
            found = [m for m in src.members if m.name == member] if src is not None else []
            if not found:
                raise CodegenError(f"{spec.table}: {spec.name} is the {spec.field} for the "
                                   f"Source {enum_name}.{member}, which this edition does not "
                                   f"list")
            source = int(found[0].value)
        key = (spec.subject, spec.field, source)
        meanings = values.get(key)
        if not meanings:
            raise CodegenError(f"{spec.table}: no values of {spec.subject} {spec.field}"
                               f"{f' for Source {source}' if source else ''} (for {spec.name}); "
                               f"listed are {sorted(values)}")
        names = member_names(spec.name, meanings)
        members = tuple(Member(names[v], v, meanings[v]) for v in sorted(meanings))
        coded = CodedField(spec.name, spec.doc, spec.table, key, spec.source, members)
        out.append(coded)
        by_name[spec.name] = coded
        used.add(key)
    left = sorted(set(values) - used)
    if left:
        raise CodegenError(f"coded PDU fields without an enumeration: {left}; add them to "
                           f"_ENUMS in codegen/readers/part08.py")
    return out


def build_pdus(std: Standard) -> dict[str, Any]:
    """Template context of ``pdus.py``."""
    units = read_units(std)
    schemas = [
        {"unit": u, "sequences": sequences(u),
         "subcons": [subcon(u, i) for i in range(len(u.fields))]}
        for u in units
    ]
    item_types: dict[int, str] = {}
    for u in units:
        if u.level in ("item", "sub-item") and u.code is not None:
            if u.code in item_types:
                raise CodegenError(f"{u.tables[0]}: item type {u.code:02X}H also laid out by "
                                   f"{item_types[u.code]}")
            item_types[u.code] = u.const
    values = read_field_values(std)
    return {"units": units, "schemas": schemas, "item_types": sorted(item_types.items()),
            "field_values": values, "enums": read_coded_fields(values)}


def build_upper_layer(std: Standard) -> dict[str, Any]:
    """Template context of ``upper_layer.py``."""
    machine = read_state_machine(std)
    names = resolve_machine(machine)
    return {"machine": machine, "names": names,
            "artim_starts": [(a, frozenset(states)) for a, states in names.artim_starts]}


MODULES: list[ModuleSpec] = [
    ModuleSpec(
        name="pdus",
        build=build_pdus,
        files={"pdus.py": "pdus.py.j2"},
        summary="construct schemas of the upper-layer PDUs, items and sub-items (PS3.8 9.3, "
                "Annex D; PS3.7 Annex D.3.3)",
        reads=(7, 8),
    ),
    ModuleSpec(
        name="upper_layer",
        build=build_upper_layer,
        files={"upper_layer.py": "upper_layer.py.j2"},
        summary="the upper-layer protocol state machine: states, events, actions, "
                "transitions (PS3.8 9.2)",
        reads=(8,),
    ),
]
