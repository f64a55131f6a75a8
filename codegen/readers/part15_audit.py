"""PS3.15 Annex A.5 reader: the DICOM audit messages (Audit Trail Message Format Profile).

Where each thing is read from (found by label, id, caption and header, never by position):

- The schema: the one verbatim listing of Section A.5.1.1 ("Audit Message Schema"), RELAX NG
  compact syntax, kept as written.  The enumerations of its attributes (``attribute
  EventActionCode { "C" | ## Create ... }``) give the value sets of the attributes they
  define, each value's meaning from its ``##`` comment.
- The value sets of Section A.5.1.2 ("Codes Used Within the Schema"): every table captioned
  "... Values" with a "Value" and a "Meaning" column in it; its XML attribute is the title of
  its section without spaces ("Audit Source Type Code" -> ``AuditSourceTypeCode``).
- The messages: each sub-section of A.5.3 ("DICOM Specific Audit Messages") whose table has
  the columns "Real-World Entities", "Field Name", "Opt." and a constraint column ("Value
  Constraints", or "Value" in A.5.3.9); the keyword comes from the section title.  A row's
  entity cell reads "<Kind>: <XML element> <what the participant is> (<cardinality>)".
  Codes in a constraint are ``EV (code, scheme, "meaning")`` (Enumerated Value) or ``DT
  (...)`` (Defined Term); lists in the cell ("Shall be:", "Enumerated Values:", "Defined
  Terms:") give values; ``DCID nnn`` names a context group of PS3.16.

The schema as written does not parse as RELAX NG compact syntax (2026c writes ``##``
documentation after the values it documents); the entry of :mod:`dicomkit.codegen.fixes` for
Section A.5.1.1 makes those plain comments in the generated ``SCHEMA_RNC``.

The Event ID of a message is the one code of its ``EventID`` row.

The context groups the tables name (``DCID 402`` for media roles, 403 for security alert
types, 405 for media types) are read from their ``CID nnn`` sections of PS3.16, so that each
of their codes gets a named constant too (``DESTINATION_MEDIA``, ``CD``): a builder picks a
code by its name, never by matching a meaning.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Listing, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.audit import AuditCode, FieldRule, MessageKind, ValueSet
from dicomkit.codegen.names import identifier
from dicomkit.codegen.standard import Standard

PART = 15
SCHEMA_SECTION = "A.5.1.1"
CODES_SECTION = "A.5.1.2"
MESSAGES_SECTION = "A.5.3"
CID_PART = 16
MESSAGE_COLUMNS = ("Real-World Entities", "Field Name", "Opt.")
CONSTRAINT_COLUMNS = ("Value Constraints", "Value")
#: the XML element named in an entity cell -> the element of the schema
ENTITIES = ("EventIdentification", "ActiveParticipant", "AuditSourceIdentification",
            "ParticipantObjectIdentification")

_CODE = re.compile(r'\b(EV|DT) ?\((\w+), ?([\w.-]+), ?"([^"]*)"\)')
_CID = re.compile(r"\bCID (\d+)\b")
_ENTITY = re.compile(r"^[^:]+: (?P<element>\w+)(?: (?P<what>.*?))?(?: \((?P<card>[\d.N]+)\))?$")
_ATTRIBUTE = re.compile(r"attribute\s+([\w-]+)\s*\{([^{}]*)\}")
_LITERAL = re.compile(r'^\s*"([^"]*)"\s*\|?\s*##\s*(.*?)\s*$')
_LIST_TITLES = {"shall be:": False, "enumerated values:": False, "enumerated value:": False,
                "defined terms:": True}
_CODES_CAPTION = re.compile(r"^(.+) Values$")


def _fail(table: Table, message: str, row: int | None = None) -> TableError:
    return TableError(table.source, table.label or table.id, message, row)


_TRAILING_DOC = re.compile(r"(?m)^([^#\n]*\S[^#\n]*?)(\s*)##")


def corrected_schema(std: Standard, schema: str) -> str:
    """The schema as written, with the corrections of :mod:`dicomkit.codegen.fixes` applied
    (``##`` after a pattern on its line made a plain comment, so that it parses as RNC)."""
    edition = std.document(PART).edition
    fix = fixes_for(PART, SCHEMA_SECTION, edition).get(("schema", "trailing documentation "
                                                                  "comments"))
    if fix is None:
        return schema
    return _TRAILING_DOC.sub(lambda m: m.group(1) + m.group(2) + fix, schema)


def read_schema(std: Standard) -> str:
    """The RELAX NG compact schema of PS3.15 A.5.1.1, as the standard writes it."""
    sec = std.section(PART, SCHEMA_SECTION)
    listings = [b for b in sec.blocks if isinstance(b, Listing)]
    if len(listings) != 1:
        raise CodegenError(f"PS3.{PART} Section {sec.label} {sec.title!r}: {len(listings)} "
                           "listings, expected the one audit message schema")
    text = listings[0].text.strip("\n")
    if "start = message" not in text or "element AuditMessage" not in text:
        raise CodegenError(f"PS3.{PART} Section {sec.label}: the listing is not the audit "
                           "message schema (no 'element AuditMessage', 'start = message')")
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def schema_value_sets(schema: str) -> list[ValueSet]:
    """The enumerated attributes of the schema, each value with its ``##`` comment."""
    out: list[ValueSet] = []
    for m in _ATTRIBUTE.finditer(schema):
        name, body = m.group(1), m.group(2)
        values: list[tuple[str, str]] = []
        for line in body.splitlines():
            lit = _LITERAL.match(line)
            if lit:
                values.append((lit.group(1), lit.group(2)))
        bare = [v for v in re.findall(r'"([^"]*)"', body)]
        if not values or len(values) != len(bare) or "token" in body:
            continue  # not an enumeration (or one open to other tokens: AuditSourceTypeCode)
        out.append(ValueSet(name, f"Section {SCHEMA_SECTION}", tuple(values)))
    if not out:
        raise CodegenError(f"PS3.{PART} Section {SCHEMA_SECTION}: no enumerated attribute in "
                           "the schema")
    return out


def read_value_sets(std: Standard) -> list[ValueSet]:
    """The value sets of the tables of PS3.15 A.5.1.2 ("Codes Used Within the Schema")."""
    sec = std.section(PART, CODES_SECTION)
    out: list[ValueSet] = []
    for sub in sec.walk():
        for t in (b for b in sub.blocks if isinstance(b, Table)):
            if not _CODES_CAPTION.match(t.caption):
                continue
            std.table(PART, t.label)
            cols = [c.lower() for c in t.columns]
            if "value" not in cols or "meaning" not in cols:
                raise _fail(t, f"header is {list(t.columns)}, expected 'Value' and 'Meaning'")
            iv, im = cols.index("value"), cols.index("meaning")
            values = []
            for n, row in enumerate(t.body, 1):
                v = row.cells[iv].text
                if not v.isdigit():
                    raise _fail(t, f"value {v!r} is not a number", n)
                values.append((v, row.cells[im].text))
            out.append(ValueSet(sub.title.replace(" ", ""), f"Table {t.label}", tuple(values)))
    if not out:
        raise CodegenError(f"PS3.{PART} Section {CODES_SECTION}: no value set table")
    return out


def _rule(table: Table, n: int, cells: tuple[Any, ...], constraint: Any) -> FieldRule:
    entity_text = cells[0].text
    m = _ENTITY.match(entity_text)
    if m is None or m.group("element") not in ENTITIES:
        raise _fail(table, f"entity {entity_text!r} is not '<Kind>: <element> ... (n)'", n)
    codes = tuple((kind, AuditCode(code, scheme, meaning))
                  for kind, code, scheme, meaning in _CODE.findall(constraint.text))
    values: list[str] = []
    defined = False
    for title, entries in constraint.lists:
        key = title.strip().lower()
        if key not in _LIST_TITLES:
            raise _fail(table, f"list titled {title!r} in the constraint of {cells[1].text}", n)
        defined = defined or _LIST_TITLES[key]
        values.extend(term for term, _ in entries)
    cid = _CID.search(constraint.text)
    usage = cells[2].text
    if usage not in ("M", "MC", "C", "U"):
        raise _fail(table, f"usage {usage!r} of {cells[1].text} is not M, MC, C or U", n)
    return FieldRule(
        entity=m.group("element"),
        participant=(m.group("what") or "").strip(),
        cardinality=m.group("card") or "",
        name=cells[1].text,
        usage=usage,
        values=tuple(values),
        values_defined=defined,
        codes=tuple(c for _, c in codes),
        codes_defined=bool(codes) and all(k == "DT" for k, _ in codes),
        cid=int(cid.group(1)) if cid else 0,
        text=constraint.text,
    )


def _message(std: Standard, sec: Section) -> MessageKind | None:
    tables = [b for b in sec.blocks if isinstance(b, Table)
              and b.columns[:3] == MESSAGE_COLUMNS and b.columns[3:4] in [(c,) for c in
                                                                         CONSTRAINT_COLUMNS]]
    if not tables:
        return None
    if len(tables) != 1:
        raise CodegenError(f"PS3.{PART} Section {sec.label}: {len(tables)} message tables")
    table = std.table(PART, tables[0].label)
    rules = tuple(_rule(table, n, row.cells, row.cells[3]) for n, row in enumerate(table.body, 1))
    ids = [r for r in rules if r.entity == "EventIdentification" and r.name == "EventID"]
    if len(ids) != 1 or len(ids[0].codes) != 1:
        raise _fail(table, "no single EventID code")
    return MessageKind(identifier(sec.title), sec.title, sec.label, table.label,
                       ids[0].codes[0], rules)


def read_messages(std: Standard) -> list[MessageKind]:
    """The DICOM specific audit messages of PS3.15 A.5.3, in section order."""
    top = std.section(PART, MESSAGES_SECTION)
    out = [m for sec in top.sections if (m := _message(std, sec)) is not None]
    if not out:
        raise CodegenError(f"PS3.{PART} Section {MESSAGES_SECTION}: no message table")
    keywords = [m.keyword for m in out]
    if len(set(keywords)) != len(keywords):
        raise CodegenError(f"PS3.{PART} Section {MESSAGES_SECTION}: repeated message titles")
    return out


def _codes_of(messages: list[MessageKind], entity: str, name: str) -> list[AuditCode]:
    seen: dict[str, AuditCode] = {}
    for m in messages:
        for r in m.rules:
            if r.entity == entity and r.name == name:
                for c in r.codes:
                    old = seen.setdefault(c.code, c)
                    if old != c:
                        raise CodegenError(f"PS3.{PART} Table {m.table}: code {c.code} is "
                                           f"{c.meaning!r} here, {old.meaning!r} elsewhere")
    return sorted(seen.values(), key=lambda c: (c.scheme, c.code))


def read_context_group_codes(std: Standard, messages: list[MessageKind]
                             ) -> dict[int, list[AuditCode]]:
    """The codes of each context group (PS3.16 Annex B, its ``CID nnn`` section) that a rule
    of the message tables names, CID -> codes in table order."""
    from dicomkit.codegen.readers.part16 import read_group

    out: dict[int, list[AuditCode]] = {}
    for cid in sorted({r.cid for m in messages for r in m.rules if r.cid}):
        group = read_group(std.section(CID_PART, f"CID {cid}"), cid)
        if not group.codes:
            raise CodegenError(f"PS3.{CID_PART} CID {cid}, named by PS3.{PART} A.5.3: no codes")
        out[cid] = [AuditCode(c.value, c.scheme, c.meaning) for c in group.codes]
    return out


def _build(std: Standard) -> dict[str, Any]:
    schema = read_schema(std)
    messages = read_messages(std)
    value_sets = schema_value_sets(schema) + read_value_sets(std)
    names = [v.name for v in value_sets]
    if len(set(names)) != len(names):
        # PS3.15 defines some value sets both in the schema and in a table (the table wins
        # only where they agree): keep the first, check the others agree on the values.
        merged: dict[str, ValueSet] = {}
        for v in value_sets:
            old = merged.get(v.name)
            if old is None:
                merged[v.name] = v
            elif [x for x, _ in old.values] != [x for x, _ in v.values]:
                raise CodegenError(f"PS3.{PART}: value set {v.name} differs between "
                                   f"{old.source} and {v.source}")
        value_sets = list(merged.values())
    event_types = _codes_of(messages, "EventIdentification", "EventTypeCode")
    roles = _codes_of(messages, "ActiveParticipant", "RoleIDCode")
    id_types = _codes_of(messages, "ParticipantObjectIdentification", "ParticipantObjectIDTypeCode")
    groups = read_context_group_codes(std, messages)
    all_codes = [m.event_id for m in messages] + event_types + roles + id_types
    all_codes += [c for cid in sorted(groups) for c in groups[cid]]
    by_name: dict[str, AuditCode] = {}
    for c in all_codes:
        key = identifier(c.meaning)
        if by_name.setdefault(key, c) != c:
            raise CodegenError(f"PS3.{PART}: two codes named {key}: {by_name[key]} and {c}")
    return {
        "schema": corrected_schema(std, schema),
        "messages": messages,
        "value_sets": value_sets,
        "event_types": event_types,
        "roles": roles,
        "id_types": id_types,
        "code_names": sorted(by_name.items()),
        "context_groups": sorted(groups.items()),
        "code_name_of": {c: name for name, c in by_name.items()},
    }


MODULES = [
    ModuleSpec("audit", _build, {"audit.py": "audit.py.j2", "audit.pyi": "audit.pyi.j2"},
               "DICOM audit messages of PS3.15 A.5: the RELAX NG schema, its value sets, "
               "Event IDs, event type, role and participant object ID type codes, and the "
               "field rules of each message (A.5.3), and the codes of the PS3.16 context groups "
               "those rules name",
               reads=(15, CID_PART)),
]
