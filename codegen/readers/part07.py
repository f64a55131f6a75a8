"""PS3.7 reader: command dictionary, Command Field values, DIMSE messages and statuses.

Where each thing is read from (all found by label, caption or title, never by position):

- Table E.1-1 "Command Fields" and Table E.2-1 "Retired Command Fields" (PS3.7 Annex E): the
  command elements of group 0000.  Every edition on hand (2013 to 2024c) has a Keyword column;
  the reader accepts a table without one and leaves keywords empty.
- The description of Command Field (0000,0100) in Table E.1-1 lists the Command Field values
  (``0001H C-STORE-RQ`` ...); each message field table states the value once more ("shall be
  set to 0001H for the C-STORE-RQ Message"), and the reader checks that both agree.
- Tables captioned "<service> Parameters" (PS3.7 9.1.x, 10.1.x): usage of each service
  parameter per primitive pair (Req/Ind, Rsp/Conf, CnclReq/CnclInd).
- Tables captioned "<message> Message Fields" (PS3.7 9.3.x, 10.3.x): the fields of each
  message.  They have no usage column; PS3.7 says (9.3.1.1 and alike) "Fields are required as
  specified in the <service> service definition ... Fields not specified in the service
  definition but present in Table ... are required by the DIMSE protocol", so a field's usage is
  its service parameter's usage for the message's primitive, else ``M`` by protocol.
- PS3.7 Annex C: the status class convention table (untitled, at the start of the annex), the
  status types (one section each, under "<class> Status Class", with a table of the status
  fields and "shall be set to 0107H"), and the "Status" subsection of each service (9.1.x.1.y,
  10.1.x.1.y) listing which statuses it may return.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from dicomkit.codegen.document import Paragraph, Row, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.model.dimse import (
    CATEGORIES,
    CommandElement,
    CommandField,
    Message,
    MessageField,
    ServiceParameter,
    ServiceParameters,
    Status,
    StatusClass,
)
from dicomkit.codegen.names import member_names
from dicomkit.codegen.standard import Standard

PART = 7

_TAG = re.compile(r"^\(([0-9A-F]{4}),([0-9A-F]{4})\)$")
_NO_TAG = "(no tag)"
_VALUE_NAME = re.compile(r"^([0-9A-F]{4})H\s*([CN]-[A-Z-]+?-(?:RQ|RSP))$")
_SET_TO = re.compile(r"set to (?:the value of )?([0-9A-F]{4})H\b")
_NAMED_VALUE = re.compile(r"\b([A-Z][A-Z]+) = ([0-9A-F]{4})H\b")
_VALUE_IF = re.compile(r"set to the value of ([0-9A-F]{4})H if (.+?)[;.]")
_MESSAGE_CAPTION = re.compile(r"^([CN]-[A-Z-]+?-(?:RQ|RSP)) Message Fields$")
_PARAMS_CAPTION = re.compile(r"^([CN]-[A-Z-]+) Parameters$")
_SERVICE_TITLE = re.compile(r"^([CN]-[A-Z-]+) Service$")
_CLASS_TITLE = re.compile(r"^(\w+) Status Class$")
_PATTERN = re.compile(r"^[0-9A-Fx]{4}$")
_STATUS_ITEM = re.compile(
    r"^(?P<name>.+?) \((?:(?P<code>[0-9A-F]{4})H|Status value is Service Class specific)\)"
    r"\s*(?:(?:-|:)\s*(?P<text>.*))?$")

_COMMAND_COLUMNS = ("Tag", "Message Field", "VR", "VM")
_FIELD_COLUMNS = ("Message Field", "Tag", "VR", "VM", "Description of Field")
_STATUS_COLUMNS = ("Status Field", "Tag", "VR", "VM", "Description of Field")
#: Usage columns of the service parameter tables -> ServiceParameter attribute.
_USAGE_COLUMNS = {"Req/Ind": "request", "Rsp/Conf": "response", "CnclReq/CnclInd": "cancel"}


# --------------------------------------------------------------------------- helpers

def _col(table: Table, name: str, required: bool = True) -> int:
    """Index of the column headed ``name``; TableError (or -1) when absent."""
    cols = table.columns
    if name in cols:
        return cols.index(name)
    if required:
        raise TableError(table.source, table.label or table.id or "(untitled)",
                         f"header is {list(cols)}, expected a column {name!r}")
    return -1


def _check_header(table: Table, expected: tuple[str, ...], what: str) -> None:
    missing = [c for c in expected if c not in table.columns]
    if missing:
        raise TableError(table.source, table.label or what,
                         f"header is {list(table.columns)}, expected the columns {list(expected)}")


def parse_tag(text: str, table: Table, row: int) -> int | None:
    """``"(0000,0100)"`` -> ``0x00000100``; ``"(no tag)"`` -> None; anything else: TableError."""
    if text.lower() == _NO_TAG:
        return None
    m = _TAG.match(text.replace(" ", ""))
    if m is None:
        raise TableError(table.source, table.label or "(untitled)",
                         f"cannot read the tag {text!r}", row)
    return int(m.group(1) + m.group(2), 16)


def _norm(name: str) -> str:
    """A name compared loosely: letters and digits only, lower case."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _cell(row: Row, index: int) -> str:
    return row.cells[index].text if index >= 0 else ""


# --------------------------------------------------------------------------- Annex E

def _read_command_table(table: Table, retired: bool) -> list[CommandElement]:
    _check_header(table, _COMMAND_COLUMNS, "E.1-1")
    i_tag, i_name, i_vr, i_vm = (_col(table, c) for c in _COMMAND_COLUMNS)
    i_kw = _col(table, "Keyword", required=False)
    i_desc = _col(table, "Description of Field", required=False)
    out = []
    for n, row in enumerate(table.body, 1):
        tag = parse_tag(row.cells[i_tag].text, table, n)
        if tag is None:
            raise TableError(table.source, table.label, "a command element without a tag", n)
        vr, vm = row.cells[i_vr].text, row.cells[i_vm].text
        if not re.fullmatch(r"[A-Z]{2}", vr) or not re.fullmatch(r"\d+(-(\d+|n))?", vm):
            raise TableError(table.source, table.label, f"cannot read VR {vr!r} / VM {vm!r}", n)
        out.append(CommandElement(
            tag=tag, name=row.cells[i_name].text, keyword=_cell(row, i_kw), vr=vr, vm=vm,
            retired=retired or row.italic, description=_cell(row, i_desc)))
    return out


def read_command_elements(std: Standard) -> list[CommandElement]:
    """Every command element of PS3.7 Annex E, current (E.1-1) and retired (E.2-1), by tag."""
    current = std.table(PART, "E.1-1")
    if "Command Fields" not in current.caption:
        raise TableError(current.source, current.label,
                         f"caption is {current.caption!r}, expected 'Command Fields'")
    out = _read_command_table(current, retired=False)
    old = std.find_table(PART, "E.2-1")
    if old is not None:
        if "Retired" not in old.caption:
            raise TableError(old.source, old.label,
                             f"caption is {old.caption!r}, expected 'Retired Command Fields'")
        out += _read_command_table(old, retired=True)
    tags = [e.tag for e in out]
    dup = sorted({t for t in tags if tags.count(t) > 1})
    if dup:
        raise TableError(current.source, current.label,
                         "tags listed twice in Tables E.1-1/E.2-1: "
                         + ", ".join(f"({t >> 16:04X},{t & 0xFFFF:04X})" for t in dup))
    return sorted(out, key=lambda e: e.tag)


def read_command_fields(std: Standard) -> list[CommandField]:
    """The Command Field values listed in the description of (0000,0100) in Table E.1-1."""
    table = std.table(PART, "E.1-1")
    i_tag, i_desc = _col(table, "Tag"), _col(table, "Description of Field")
    for n, row in enumerate(table.body, 1):
        if parse_tag(row.cells[i_tag].text, table, n) != 0x00000100:
            continue
        out = []
        for para in row.cells[i_desc].paragraphs:
            m = _VALUE_NAME.match(para.strip())
            if m:
                out.append(CommandField(m.group(2), int(m.group(1), 16)))
        if not out:
            raise TableError(table.source, table.label,
                             "the description of Command Field (0000,0100) lists no values", n)
        return sorted(out, key=lambda c: (c.value, c.name))
    raise TableError(table.source, table.label, "no row for Command Field (0000,0100)")


# --------------------------------------------------------------------------- 9.1 / 10.1

def read_service_parameters(std: Standard) -> list[ServiceParameters]:
    """The parameter tables of every DIMSE-C and DIMSE-N service (Tables 9.1-x, 10.1-x)."""
    out = []
    for table in std.tables_titled(PART, "Parameters"):
        m = _PARAMS_CAPTION.match(table.caption)
        if m is None:
            continue
        cols = table.columns
        if not cols or not cols[0].endswith("Parameter Name"):
            raise TableError(table.source, table.label,
                             f"header is {list(cols)}, expected '... Parameter Name' first")
        unknown = [c for c in cols[1:] if c not in _USAGE_COLUMNS]
        if unknown or "Req/Ind" not in cols or "Rsp/Conf" not in cols:
            raise TableError(table.source, table.label,
                             f"header is {list(cols)}, expected usage columns among "
                             f"{list(_USAGE_COLUMNS)} with Req/Ind and Rsp/Conf")
        rows = []
        for n, row in enumerate(table.body, 1):
            name = row.cells[0].text
            if not name:
                raise TableError(table.source, table.label, "a parameter without a name", n)
            usage = {attr: (row.cells[cols.index(col)].text if col in cols else "")
                     for col, attr in _USAGE_COLUMNS.items()}
            rows.append(ServiceParameter(name=name, **usage))
        out.append(ServiceParameters(m.group(1), tuple(rows), table.label))
    if not out:
        raise CodegenError(f"{std.document(PART).source}: no '<service> Parameters' tables "
                           f"(PS3.7 9.1, 10.1)")
    return sorted(out, key=lambda p: p.service)


# --------------------------------------------------------------------------- 9.3 / 10.3

def _service_of(message: str) -> tuple[str, str]:
    """``C-STORE-RQ`` -> ``("C-STORE", "request")``; ``C-CANCEL-FIND-RQ`` -> C-FIND, cancel."""
    base, _, kind = message.rpartition("-")
    if base.startswith("C-CANCEL-"):
        return "C-" + base[len("C-CANCEL-"):], "cancel"
    return base, ("request" if kind == "RQ" else "response")


def read_messages(std: Standard) -> list[Message]:
    """Every DIMSE message with its fields, usage and Command Field value (PS3.7 9.3, 10.3)."""
    elements = {e.tag: e for e in read_command_elements(std)}
    values = {c.name: c.value for c in read_command_fields(std)}
    params = {p.service: p for p in read_service_parameters(std)}
    out = []
    for table in std.tables_titled(PART, "Message Fields"):
        m = _MESSAGE_CAPTION.match(table.caption)
        if m is None:
            continue
        name = m.group(1)
        _check_header(table, _FIELD_COLUMNS, name)
        i_name, i_tag, i_vr, i_vm, i_desc = (_col(table, c) for c in _FIELD_COLUMNS)
        service, primitive = _service_of(name)
        if service not in params:
            raise TableError(table.source, table.label,
                             f"no parameter table '{service} Parameters' for {name}")
        usage_of = {}
        for p in params[service].rows:
            usage_of[_norm(p.name)] = getattr(p, primitive)
        fields = []
        command_field = None
        for n, row in enumerate(table.body, 1):
            tag = parse_tag(row.cells[i_tag].text, table, n)
            fname = row.cells[i_name].text
            desc = row.cells[i_desc].text
            keyword = ""
            names = [fname]
            if tag is not None:
                if tag not in elements:
                    raise TableError(table.source, table.label,
                                     f"{fname} {row.cells[i_tag].text} is not in the command "
                                     f"dictionary (Table E.1-1)", n)
                keyword = elements[tag].keyword
                names.append(elements[tag].name)
            usage = next((usage_of[_norm(x)] for x in names if _norm(x) in usage_of), None)
            protocol = usage is None
            usage = "M" if usage is None else usage
            if tag == 0x00000100:
                sm = _SET_TO.search(desc)
                if sm is None:
                    raise TableError(table.source, table.label,
                                     f"Command Field row does not say its value: {desc!r}", n)
                command_field = int(sm.group(1), 16)
            fields.append(MessageField(
                tag=tag, keyword=keyword, name=fname, vr=row.cells[i_vr].text,
                vm=row.cells[i_vm].text, usage=usage, protocol=protocol,
                condition_text=desc if usage.startswith("C") else "", description=desc))
        if command_field is None:
            raise TableError(table.source, table.label, f"{name} has no Command Field row")
        listed = values.get(name)
        if listed is None and primitive == "cancel":
            listed = values.get("C-CANCEL-RQ")
        if listed != command_field:
            raise TableError(table.source, table.label,
                             f"{name}: Command Field is {command_field:04X}H here but "
                             f"{'unlisted' if listed is None else f'{listed:04X}H'} in Table E.1-1")
        out.append(Message(name, service, command_field, tuple(fields), table.label))
    if not out:
        raise CodegenError(f"{std.document(PART).source}: no '<message> Message Fields' tables "
                           f"(PS3.7 9.3, 10.3)")
    return sorted(out, key=lambda x: x.name)


# --------------------------------------------------------------------------- Annex C

def _annex_c(std: Standard) -> Section:
    sec = std.section(PART, "C")
    if "Status" not in sec.title:
        raise CodegenError(f"{std.document(PART).source}: Annex C is titled {sec.title!r}, "
                           f"expected the Status Type Encoding annex")
    return sec


def _categories_in(text: str) -> list[str]:
    low = text.lower()
    return sorted((c for c in CATEGORIES if re.search(rf"\b{c}\b", low)),
                  key=lambda c: low.index(c))


def read_status_classes(std: Standard) -> list[StatusClass]:
    """The status class convention table at the start of PS3.7 Annex C.

    Rows are ``class, codes``; codes are patterns joined by ``or``/``and``, optionally with
    ``(except 0107 and 0116)`` after a pattern.
    """
    annex = _annex_c(std)
    table = next((b for b in annex.blocks if isinstance(b, Table)), None)
    if table is None:
        raise CodegenError(f"{std.document(PART).source}: Annex C has no status class table")
    where = table.label or "(Annex C status classes)"
    out = []
    for n, row in enumerate(table.body, 1):
        if len(row.cells) != 2:
            raise TableError(table.source, where, f"expected 2 columns, got {row.texts}", n)
        klass, codes = row.texts
        cats = _categories_in(klass)
        if not cats:
            raise TableError(table.source, where, f"{klass!r} names no status class", n)
        for part in re.split(r"\s+(?:or|and)\s+(?![^()]*\))", codes):
            m = re.fullmatch(r"(\S+)(?:\s*\(except\s+(.+)\))?", part.strip())
            if m is None or not _PATTERN.match(m.group(1)):
                raise TableError(table.source, where, f"cannot read the code {part!r}", n)
            excluded = tuple(sorted(re.findall(r"[0-9A-F]{4}", m.group(2) or "")))
            out.append(StatusClass(m.group(1), "|".join(cats), excluded))
    return out


def _status_paragraphs(std: Standard) -> Iterator[tuple[str, str]]:
    """``(service, paragraph text)`` for each paragraph of each service's "Status" subsection."""
    for top in ("9.1", "10.1"):
        for service_sec in std.section(PART, top).sections:
            m = _SERVICE_TITLE.match(service_sec.title)
            if m is None:
                continue
            for sec in service_sec.walk():
                if sec.title == "Status":
                    for b in sec.blocks:
                        if isinstance(b, Paragraph):
                            yield m.group(1), b.text


def _match_status(text: str, names: list[str]) -> tuple[str, str, str] | None:
    """The status a service's "Status" paragraph lists: ``(code, name, description)``.

    Since 2018 the paragraphs give the code (``Success (0000H) - ...``) or say "(Status value
    is Service Class specific)"; before, only the name (``Refused:Duplicate Invocation- ...``).
    A coded paragraph is resolved by its code (``name`` is then ``""``); the others by the
    longest Annex C status name the paragraph starts with, compared on letters and digits only,
    allowing the qualifier "Refused:" that the 2013-2016 editions put before some names, or
    leave off (``not authorized:`` for "Refused: Not Authorized").  Two names of those
    editions match no Annex C title ("invalid SOP Instance" for 0117 "Invalid Object
    Instance", "no such action" for 0123 "No Such Action Type") and are left unassigned.
    """
    m = _STATUS_ITEM.match(text)
    if m and m.group("code"):
        return m.group("code"), "", m.group("text") or ""
    head = _norm(m.group("name")) if m else _norm(text)
    for name in sorted(names, key=len, reverse=True):
        n = _norm(name)
        if m is not None:
            if head == n:
                return "", name, m.group("text") or ""
            continue
        bare = n.removeprefix("refused")
        prefix = next((p for p in (n, "refused" + n, bare) if p and head.startswith(p)), None)
        if prefix is not None:
            # skip as many letters and digits of the text as the prefix has, then the separator
            count, i = 0, 0
            while i < len(text) and count < len(prefix):
                count += text[i].isalnum()
                i += 1
            return "", name, re.sub(r"^\s*[-:\u2011]\s*", "", text[i:])
    return None


def read_statuses(std: Standard) -> list[Status]:
    """Every status type of PS3.7 Annex C, with its code, class, fields and services."""
    elements = {e.tag: e for e in read_command_elements(std)}
    annex = _annex_c(std)
    found: list[tuple[str, Section, str, tuple[str, ...], str]] = []
    for klass in annex.sections:
        cm = _CLASS_TITLE.match(klass.title)
        if cm is None or cm.group(1).lower() not in CATEGORIES:
            continue
        for sec in klass.sections:
            code, fields = _status_fields(std, sec, elements)
            found.append((sec.title, sec, code, fields, cm.group(1).lower()))
    if not found:
        raise CodegenError(f"{std.document(PART).source}: Annex C lists no status types")
    listed: dict[str, set[tuple[str, str]]] = {}
    names = [f[0] for f in found]
    by_code = {f[2]: f[0] for f in found if f[2]}
    for service, text in _status_paragraphs(std):
        hit = _match_status(text, names)
        if hit is None:
            continue
        code, name, description = hit
        name = name or by_code.get(code, "")
        if not name:
            raise CodegenError(f"{std.document(PART).source}: the {service} Status section "
                               f"lists code {code}H, which Annex C does not define: {text!r}")
        listed.setdefault(name, set()).add((service, description))
    out = []
    for name, sec, code, fields, category in found:
        descriptions = tuple(sorted(listed.get(name, ())))
        out.append(Status(
            name=name, code=code, category=category, fields=fields,
            services=tuple(sorted({s for s, _ in descriptions})),
            descriptions=descriptions, source=sec.label))
    return sorted(out, key=lambda s: (s.code or "~", s.name))


def _status_fields(std: Standard, sec: Section,
                   elements: dict[int, CommandElement]) -> tuple[str, tuple[str, ...]]:
    """The code (``""`` if Service Class specific) and other fields of one Annex C status."""
    table = next((b for b in sec.blocks if isinstance(b, Table)), None)
    if table is None:
        raise CodegenError(f"{std.document(PART).source}: Section {sec.label} "
                           f"({sec.title}) has no table of status fields")
    where = f"{table.label or '(untitled)'} in Section {sec.label}"
    if tuple(table.columns) != _STATUS_COLUMNS:
        raise TableError(table.source, where, f"header is {list(table.columns)}, "
                         f"expected {list(_STATUS_COLUMNS)}")
    code = None
    fields = []
    for n, row in enumerate(table.body, 1):
        fname, tag_text, _vr, _vm, desc = row.texts
        tag = parse_tag(tag_text, table, n)
        if tag == 0x00000900:
            sm = _SET_TO.search(desc)
            if sm:
                code = sm.group(1)
            elif "Service Class specific" in desc:
                code = ""
            else:
                raise TableError(table.source, where,
                                 f"cannot tell the Status value from {desc!r}", n)
        elif tag is None:
            fields.append(fname)
        elif tag in elements:
            fields.append(elements[tag].keyword or elements[tag].name)
        else:
            raise TableError(table.source, where,
                             f"{tag_text} is not in the command dictionary", n)
    if code is None:
        raise TableError(table.source, where, "no Status (0000,0900) row")
    return code, tuple(sorted(fields))


# --------------------------------------------------------------------------- modules

def _mask(pattern: str) -> tuple[int, int]:
    """``"01xx"`` -> ``(0xFF00, 0x0100)``: code matches when ``code & mask == value``."""
    mask = int("".join("0" if c == "x" else "F" for c in pattern), 16)
    value = int(pattern.replace("x", "0"), 16)
    return mask, value


def read_field_values(elements: list[CommandElement]) -> list[tuple[str, str, int]]:
    """Values of command elements stated in their descriptions in Table E.1-1, as
    ``(keyword, meaning, value)``: named values (Priority "LOW = 0002H MEDIUM = 0000H HIGH =
    0001H") and conditional ones (Command Data Set Type "shall be set to the value of 0101H if
    no Data Set is present").  The Command Field values are read separately
    (:func:`read_command_fields`)."""
    out = []
    for e in elements:
        if e.retired or not e.keyword or e.tag == 0x00000100:
            continue
        out += [(e.keyword, name, int(value, 16)) for name, value in _NAMED_VALUE.findall(e.description)]
        out += [(e.keyword, meaning, int(value, 16))
                for value, meaning in _VALUE_IF.findall(e.description)]
    return sorted(out)


def build_commands(std: Standard) -> dict[str, Any]:
    """Template context of ``dicomkit.generated.commands``."""
    fields = read_command_fields(std)
    elements = read_command_elements(std)
    return {
        "elements": elements,
        "field_values": read_field_values(elements),
        "command_fields": fields,
        "messages": read_messages(std),
        "service_parameters": read_service_parameters(std),
    }


def build_statuses(std: Standard) -> dict[str, Any]:
    """Template context of ``dicomkit.generated.statuses``."""
    classes = read_status_classes(std)
    statuses = read_statuses(std)
    coded = [s for s in statuses if s.code]
    codes = [s.code for s in coded]
    dup = sorted({c for c in codes if codes.count(c) > 1})
    if dup:
        raise CodegenError(f"PS3.7 Annex C: status codes given to two status types: {dup}")
    ranges = sorted(
        ((c.pattern.count("x"), c.pattern, *_mask(c.pattern), c.category,
          tuple(int(e, 16) for e in c.excluded)) for c in classes),
        key=lambda r: (r[0], r[1]))
    for s in coded:
        code = int(s.code, 16)
        by_class = next((r[4] for r in ranges
                         if code & r[2] == r[3] and code not in r[5]), None)
        if by_class is None or s.category not in by_class.split("|"):
            raise CodegenError(
                f"PS3.7 Annex C: status {s.code}H ({s.name}) is defined in Section {s.source} "
                f"as {s.category}, but the status class convention makes it {by_class}")
    names = member_names("StatusType", {s.code: s.name for s in coded})
    return {"classes": classes, "ranges": ranges, "coded": coded, "statuses": statuses,
            "names": [(names[s.code], s.code, s.name) for s in coded]}


MODULES: list[ModuleSpec] = [
    ModuleSpec(
        name="commands",
        build=build_commands,
        files={"commands.py": "commands.py.j2"},
        summary="DIMSE command elements, Command Field values, message fields and service "
                "parameters (PS3.7 9, 10, Annex E)",
        reads=(7,),
    ),
    ModuleSpec(
        name="statuses",
        build=build_statuses,
        files={"statuses.py": "statuses.py.j2"},
        summary="DIMSE status classes, status types and codes, and classify() (PS3.7 Annex C)",
        reads=(7,),
    ),
]
