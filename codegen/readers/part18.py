"""PS3.18 reader: the tables of DICOMweb that the web models, client and server use.

Where each thing is read from (found by label, caption and header, never by position):

- Status codes: every table captioned "Status Code Meaning"; Table 8.5-1 (Section 8.5) gives
  the codes of every service, the others those of one transaction, named by the titles of the
  chapter ("Studies Service and Resources" -> service ``Studies``) and of the section
  ("Retrieve Transaction" -> ``Retrieve``) they are in.  Rows whose Code cell is not
  ``NNN (Reason)`` (8.5-1 describes each class of codes in a row) are left out.
- Media types and transfer syntaxes: Tables 8.7.3-2 (the media type is the one the caption
  names, "... for application/dicom Media Types"), 8.7.3-4 and 8.7.3-5 (a Media Type column);
  rows without a UID ("N/A ...") are left out.  Metadata media types: Table 8.7.3-3; rendered:
  Table 8.7.4-1.
- Media types by transaction: tables captioned "Default, Required, and Optional Media Types";
  their target resource is the "Target Resource" column, or the whole transaction.
- Resources: tables whose header is "Resource", "URI Template" (and more), in chapters 9 to 13.
- Header fields: the tables captioned "<Kind> Header Fields" outside chapter 5 (conventions),
  placed like the status codes.
- Query parameters: Tables 9.1.2-1, 9.1.2-2 and 9.4.1-1 (WADO-URI),
  8.3.4-1 (Search; its first row, ``search``, is the grammar of the
  others), 8.3.5-1 (rendered), 8.3.5-2 (thumbnail), 10.4.1-5 (Retrieve by resource).
- Search resources: Table 10.6.1-1 with the IE levels of Table 10.6.1-4; matching keys:
  Table 10.6.1-5; return attributes: Tables 10.6.3-3, 10.6.3-4 and 10.6.3-5, each level named
  by the first word of its caption ("Study Resource Search Response Payload").
- JSON data types: Table F.2.3-1.  Store reasons: Tables I.2-1 (warning) and I.2-2 (failure);
  the Store Instances Response Module: Table I.1-1.
  Charsets: Table D-1.

Corrections of the standard's defects are entries of :mod:`dicomkit.codegen.fixes`.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.web import (
    AttributeKey,
    CharsetMapping,
    HeaderField,
    JsonType,
    MediaTypeSyntax,
    MediaTypeUsage,
    QueryParameter,
    RenderedMediaType,
    Resource,
    SearchResource,
    StatusCode,
    StoreReason,
    TransactionStatuses,
)
from dicomkit.codegen.names import identifier
from dicomkit.codegen.standard import Standard

PART = 18

_CODE = re.compile(r"^(\d{3}) \((.+)\)$")
_UID = re.compile(r"^\d+(?:\.\d+)+$")
_TAG = re.compile(r"^\(([0-9A-F]{4}),([0-9A-F]{4})\)$")
_MEDIA_TYPE = re.compile(r"^[a-zA-Z0-9][\w.+-]*/[a-zA-Z0-9][\w.+-]*$")
_TYPE_PARAM = re.compile(r'type\s*=\s*"([^"]+)"')
_NOTE = re.compile(r"\s*\(See Note \d+\)$")
_SERVICE_TITLE = re.compile(r"^(.+?) Service(?: and Resources)?$")
_TRANSACTION_TITLE = re.compile(r"^(.+?) Transaction$")
_CAPTION_MEDIA_TYPE = re.compile(r"for (\S+/\S+) Media Types$")
_STORE_CODE = re.compile(r"^([0-9A-F]{2})([0-9A-Fx]{2})$|^([0-9A-F])xxx$")
_SECTION_REF = re.compile(r"^Section (\S+)$")


def _fail(table: Table, message: str, row: int | None = None) -> TableError:
    return TableError(table.source, table.label or table.id, message, row)


def _columns(table: Table, expected: tuple[str, ...]) -> dict[str, int]:
    """Column index of each header text expected (compared case-insensitively)."""
    cols = [c.lower() for c in table.columns]
    out: dict[str, int] = {}
    for name in expected:
        if name.lower() not in cols:
            raise _fail(table, f"header is {list(table.columns)}, expected a column {name!r}")
        out[name] = cols.index(name.lower())
    return out


def _parents(root: Section) -> dict[str, list[Section]]:
    """Section id -> its ancestors from the top (the chapter first) down to itself."""
    out: dict[str, list[Section]] = {}

    def walk(sec: Section, chain: list[Section]) -> None:
        here = [*chain, sec] if sec is not root else []
        if sec.id:
            out[sec.id] = here
        for sub in sec.sections:
            walk(sub, here)

    walk(root, [])
    return out


def _place(std: Standard, table: Table) -> tuple[str, str, str]:
    """(service, transaction, section label) of a table, from the titles around it.

    The service is the chapter's ("Studies Service and Resources" -> ``"Studies"``; a chapter
    of common aspects gives ``""``); the transaction the nearest section titled "... Transaction"
    (``""`` when none).
    """
    doc = std.document(PART)
    chain = _parents(doc.root).get(table.section_id)
    if not chain:
        raise _fail(table, f"is in no section (section id {table.section_id!r})")
    m = _SERVICE_TITLE.match(chain[0].title)
    service = m.group(1) if m else ""
    transaction = ""
    for sec in reversed(chain):
        mt = _TRANSACTION_TITLE.match(sec.title)
        if mt:
            transaction = mt.group(1)
            break
    return service, transaction, chain[-1].label


# --------------------------------------------------------------------------- status codes

def _status_rows(table: Table) -> tuple[StatusCode, ...]:
    cols = _columns(table, ("Status", "Code", "Meaning"))
    out = []
    for i, row in enumerate(table.body, 1):
        code = row.cells[cols["Code"]].text
        m = _CODE.match(code)
        if m is None:
            if code == row.cells[cols["Meaning"]].text:
                continue  # a row describing a class of codes (Table 8.5-1)
            raise _fail(table, f"code {code!r} is not 'NNN (Reason)'", i)
        out.append(StatusCode(int(m.group(1)), m.group(2), row.cells[cols["Status"]].text,
                              row.cells[cols["Meaning"]].text))
    if not out:
        raise _fail(table, "no status codes")
    return tuple(out)


def read_status_codes(std: Standard) -> tuple[tuple[StatusCode, ...],
                                              tuple[TransactionStatuses, ...]]:
    """The status codes of PS3.18 8.5 (Table 8.5-1) and those of each transaction."""
    general = _status_rows(std.table(PART, "8.5-1"))
    per: list[TransactionStatuses] = []
    seen: set[tuple[str, str]] = set()
    for t in std.tables_titled(PART, "Status Code Meaning"):
        if t.label == "8.5-1":
            continue
        service, transaction, section = _place(std, t)
        if not transaction:
            raise _fail(t, "a Status Code Meaning table outside any '... Transaction' section")
        key = (service, transaction)
        if key in seen:
            raise _fail(t, f"a second Status Code Meaning table for {key}")
        seen.add(key)
        per.append(TransactionStatuses(service, transaction, section, t.label, _status_rows(t)))
    if not any(p.service == "Studies" for p in per):
        raise CodegenError("PS3.18: no Status Code Meaning table of the Studies Service found")
    return general, tuple(per)


# --------------------------------------------------------------------------- media types

def _syntax_rows(table: Table, media_type: str | None) -> list[MediaTypeSyntax]:
    names = ["Transfer Syntax UID", "Transfer Syntax Name"]
    cols = [c.lower() for c in table.columns]
    cat = "Category" if "category" in cols else "Resource Category"
    opt = "Optionality" if "optionality" in cols else "RESTful"
    wanted = (cat, *names, opt) + (("Media Type",) if media_type is None else ())
    idx = _columns(table, wanted)
    out = []
    for i, row in enumerate(table.body, 1):
        uid = row.cells[idx["Transfer Syntax UID"]].text
        if not _UID.match(uid):
            if uid.startswith("N/A"):
                continue
            raise _fail(table, f"transfer syntax UID {uid!r} is not a UID", i)
        mt = media_type if media_type is not None else row.cells[idx["Media Type"]].text
        if not _MEDIA_TYPE.match(mt):
            raise _fail(table, f"media type {mt!r} is not type/subtype", i)
        letter = row.cells[idx[opt]].text
        if letter not in ("D", "O", "R"):
            raise _fail(table, f"optionality {letter!r} is not D, O or R", i)
        out.append(MediaTypeSyntax(row.cells[idx[cat]].text, mt.lower(), uid,
                                   row.cells[idx["Transfer Syntax Name"]].text, letter == "D",
                                   table.label))
    if not out:
        raise _fail(table, "no transfer syntaxes")
    return out


def read_media_type_syntaxes(std: Standard) -> tuple[MediaTypeSyntax, ...]:
    """Transfer syntaxes by category and media type (Tables 8.7.3-2, 8.7.3-4, 8.7.3-5)."""
    dicom = std.table(PART, "8.7.3-2")
    m = _CAPTION_MEDIA_TYPE.search(dicom.caption)
    if m is None:
        raise _fail(dicom, f"caption {dicom.caption!r} names no media type ('... for "
                           "type/subtype Media Types')")
    rows = _syntax_rows(dicom, m.group(1))
    rows += _syntax_rows(std.table(PART, "8.7.3-4"), None)
    rows += _syntax_rows(std.table(PART, "8.7.3-5"), None)
    return tuple(rows)


def read_metadata_media_types(std: Standard) -> tuple[str, ...]:
    """The media types of metadata (Table 8.7.3-3)."""
    t = std.table(PART, "8.7.3-3")
    idx = _columns(t, ("Media Type",))
    out = tuple(r.cells[idx["Media Type"]].text.lower() for r in t.body)
    for i, mt in enumerate(out, 1):
        if not _MEDIA_TYPE.match(mt):
            raise _fail(t, f"media type {mt!r} is not type/subtype", i)
    return out


def read_rendered_media_types(std: Standard) -> tuple[RenderedMediaType, ...]:
    """Rendered media types by resource category (Table 8.7.4-1)."""
    t = std.table(PART, "8.7.4-1")
    idx = _columns(t, ("Category", "Media Type", "URI", "RESTful"))
    out = []
    for i, r in enumerate(t.body, 1):
        mt = r.cells[idx["Media Type"]].text.lower()
        if not _MEDIA_TYPE.match(mt):
            raise _fail(t, f"media type {mt!r} is not type/subtype", i)
        out.append(RenderedMediaType(r.cells[idx["Category"]].text, mt,
                                     r.cells[idx["URI"]].text, r.cells[idx["RESTful"]].text))
    return tuple(out)


def _usage(service: str, transaction: str, target: str, text: str, usage: str) -> MediaTypeUsage:
    clean = _NOTE.sub("", text).strip()
    head, _, params = clean.partition(";")
    head = head.strip()
    media_type = head.lower() if _MEDIA_TYPE.match(head) else ""
    m = _TYPE_PARAM.search(params)
    type_param = m.group(1).lower() if m else ""
    return MediaTypeUsage(service, transaction, target, media_type, type_param, usage, clean)


def read_media_type_usages(std: Standard) -> tuple[MediaTypeUsage, ...]:
    """Media types of each transaction's resources ("Default, Required, and Optional Media
    Types" tables)."""
    out = []
    for t in std.tables_titled(PART, "Default, Required, and Optional Media Types"):
        service, transaction, _ = _place(std, t)
        cols = [c.lower() for c in t.columns]
        idx = _columns(t, ("Media Type", "Usage"))
        target_col = cols.index("target resource") if "target resource" in cols else None
        for r in t.body:
            target = r.cells[target_col].text if target_col is not None else ""
            out.append(_usage(service, transaction or "(all)", target,
                              r.cells[idx["Media Type"]].text, r.cells[idx["Usage"]].text))
    if not any(u.transaction == "Retrieve" and u.service == "Studies" for u in out):
        raise CodegenError("PS3.18: no media types of the Studies Retrieve transaction found")
    return tuple(out)


def media_type_names(types: set[str]) -> list[tuple[str, str]]:
    """(Python name, media type) for each media type, by the identifier rule
    (``application/dicom+json`` -> ``APPLICATION_DICOM_JSON``), sorted by name."""
    names: dict[str, str] = {}
    for mt in sorted(types):
        name = identifier(mt)
        if name in names and names[name] != mt:
            raise CodegenError(f"media types {names[name]!r} and {mt!r} get one name {name}")
        names[name] = mt
    return sorted(names.items())


# --------------------------------------------------------------------------- resources

def read_resources(std: Standard) -> tuple[Resource, ...]:
    """Every resource with a URI template (chapters 9 to 13)."""
    out = []
    doc = std.document(PART)
    for t in doc.tables():
        cols = [c.lower() for c in t.columns]
        if len(cols) < 2 or cols[0] != "resource" or cols[1] != "uri template":
            continue
        std.table(PART, t.label)  # record the use
        service, transaction, _ = _place(std, t)
        fixes = fixes_for(PART, t.label, doc.edition)
        swapped = fixes.get(("|".join(t.columns[:2]), "header")) == "URI Template|Description"
        for i, r in enumerate(t.body, 1):
            name, template = r.cells[0].text, r.cells[1].text
            if swapped:
                name, template = template.rstrip("."), name
            if not template or not (template.startswith("/") or template.startswith("{")):
                raise _fail(t, f"URI template {template!r} of {name!r} is not a path", i)
            out.append(Resource(service, transaction, name, template, t.label))
    if not any(r.service == "Studies" and r.transaction == "Retrieve" for r in out):
        raise CodegenError("PS3.18: no Retrieve resources of the Studies Service found")
    return tuple(out)


# --------------------------------------------------------------------------- header fields

_HEADER_CAPTION = re.compile(r"^(.+?) Header Fields$")


def _first_column(table: Table, names: tuple[str, ...]) -> int | None:
    cols = [c.lower() for c in table.columns]
    for n in names:
        if n.lower() in cols:
            return cols.index(n.lower())
    return None


def read_header_fields(std: Standard) -> tuple[HeaderField, ...]:
    """The header fields of every "... Header Fields" table outside the conventions of
    chapter 5 (whose rows are placeholders, "...")."""
    out = []
    for t in std.tables_titled(PART, "Header Fields"):
        m = _HEADER_CAPTION.match(t.caption)
        if m is None:
            continue
        service, transaction, section = _place(std, t)
        if section.split(".")[0] == "5":
            continue  # PS3.18 5.2: how the tables are laid out, with "..." rows
        name_col = _first_column(t, ("Name", "Names", "Header Field"))
        value_col = _first_column(t, ("Value", "Values"))
        if name_col is None or value_col is None:
            raise _fail(t, f"header is {list(t.columns)}, expected a Name and a Value column")
        ua = _first_column(t, ("User Agent",))
        os_ = _first_column(t, ("Origin Server", "Origin Server Usage"))
        usage = _first_column(t, ("Usage",))
        desc = _first_column(t, ("Description", "Requirement", "Requirements", "Condition"))
        for i, r in enumerate(t.body, 1):
            name = r.cells[name_col].text
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", name):
                raise _fail(t, f"header field name {name!r} is not a token", i)

            def cell(col: int | None, row: Any = r) -> str:
                return row.cells[col].text if col is not None else ""

            out.append(HeaderField(service, transaction, m.group(1), name, cell(value_col),
                                   cell(ua), cell(os_), cell(usage), cell(desc), t.label))
    if not any(h.service == "Studies" and h.transaction == "Store" and h.kind == "Response"
               for h in out):
        raise CodegenError("PS3.18: no Response Header Fields of the Studies Store transaction")
    return tuple(out)


# --------------------------------------------------------------------------- query parameters

def _parameter_rows(table: Table, target: str | None) -> list[QueryParameter]:
    cols = [c.lower() for c in table.columns]
    key = "Key" if "key" in cols else "Term"
    values = "Values" if "values" in cols else ("Value" if "value" in cols else "Resources")
    has_ua = "user agent" in cols
    sec = "Section" if "section" in cols else "Description"
    wanted = [key, values, sec] + (["User Agent", "Origin Server"] if has_ua else [])
    tgt = ("Target Resource Category" if "target resource category" in cols
           else ("Resources" if "resources" in cols else None))
    if tgt:
        wanted.append(tgt)
    idx = _columns(table, tuple(wanted))
    out = []
    for i, r in enumerate(table.body, 1):
        name = r.cells[idx[key]].text
        if not re.fullmatch(r"[a-z]+", name):
            raise _fail(table, f"parameter name {name!r} is not a lower case word", i)
        section = r.cells[idx[sec]].text
        m = _SECTION_REF.match(section)
        if m is None:
            if name == "search" and not section:
                continue  # Table 8.3.4-1 row 1: the grammar of the rows below it
            raise _fail(table, f"section {section!r} of {name!r} is not 'Section N'", i)
        out.append(QueryParameter(
            name, r.cells[idx[values]].text if values != "Resources" else "",
            r.cells[idx["User Agent"]].text if has_ua else "",
            r.cells[idx["Origin Server"]].text if has_ua else "",
            r.cells[idx[tgt]].text if tgt else (target or ""), m.group(1), table.label))
    if not out:
        raise _fail(table, "no query parameters")
    return out


def _uri_parameter_rows(table: Table, target: str) -> list[QueryParameter]:
    """The query parameters of the URI Service (WADO-URI, PS3.18 9): ``Name`` or ``Key``,
    ``Values``, the usage of user agent and origin server; names are camelCase
    (``requestType``) and the Section column is empty in 2024c."""
    cols = [c.lower() for c in table.columns]
    key = "Key" if "key" in cols else "Name"
    idx = _columns(table, (key, "Values", "User Agent", "Origin Server"))
    sec = cols.index("section") if "section" in cols else None
    out = []
    for i, r in enumerate(table.body, 1):
        name = r.cells[idx[key]].text
        if not re.fullmatch(r"[a-z][A-Za-z]*", name):
            raise _fail(table, f"parameter name {name!r} is not a camelCase word", i)
        m = _SECTION_REF.match(r.cells[sec].text) if sec is not None else None
        out.append(QueryParameter(name, r.cells[idx["Values"]].text,
                                  r.cells[idx["User Agent"]].text,
                                  r.cells[idx["Origin Server"]].text, target,
                                  m.group(1) if m else "", table.label))
    if not out:
        raise _fail(table, "no query parameters")
    return out


def read_query_parameters(std: Standard) -> dict[str, tuple[QueryParameter, ...]]:
    """Query parameters of Search (8.3.4-1), rendered (8.3.5-1) and thumbnail (8.3.5-2)
    resources, of Retrieve by resource (10.4.1-5), and of the URI Service's Retrieve DICOM
    Instance (WADO-URI: mandatory 9.1.2-1, optional 9.1.2-2, the transaction's 9.4.1-1)."""
    return {
        "search": tuple(_parameter_rows(std.table(PART, "8.3.4-1"), "Search")),
        "rendered": tuple(_parameter_rows(std.table(PART, "8.3.5-1"), None)),
        "thumbnail": tuple(_parameter_rows(std.table(PART, "8.3.5-2"), None)),
        "retrieve": tuple(_parameter_rows(std.table(PART, "10.4.1-5"), None)),
        "uri": (tuple(_uri_parameter_rows(std.table(PART, "9.1.2-1"), "Mandatory"))
                + tuple(_uri_parameter_rows(std.table(PART, "9.1.2-2"), "Optional"))
                + tuple(_uri_parameter_rows(std.table(PART, "9.4.1-1"),
                                            "Retrieve DICOM Instance"))),
    }


# --------------------------------------------------------------------------- search keys

_LEVELS = ("Study", "Series", "Instance")


def read_search_resources(std: Standard) -> tuple[SearchResource, ...]:
    """Search resources (Table 10.6.1-1) with their IE levels (Table 10.6.1-4)."""
    t = std.table(PART, "10.6.1-1")
    idx = _columns(t, ("Resource", "URI Template", "Native", "Proxy", "Query Type"))
    lt = std.table(PART, "10.6.1-4")
    lidx = _columns(lt, ("Resource", *_LEVELS))
    edition = std.document(PART, "10.6.1-4").edition
    fixes = fixes_for(PART, "10.6.1-4", edition)
    levels: dict[str, tuple[str, ...]] = {}
    for r in lt.body:
        name = r.cells[lidx["Resource"]].text
        name = fixes.get((name, "Resource"), name)
        levels[name] = tuple(lv for lv in _LEVELS if r.cells[lidx[lv]].text == "X")
    out = []
    for i, r in enumerate(t.body, 1):
        name = r.cells[idx["Resource"]].text
        if name not in levels:
            raise _fail(t, f"resource {name!r} has no row in Table 10.6.1-4 (which lists "
                           f"{sorted(levels)}); add a fix to codegen/fixes.py", i)
        out.append(SearchResource(name, r.cells[idx["URI Template"]].text,
                                  r.cells[idx["Native"]].text, r.cells[idx["Proxy"]].text,
                                  r.cells[idx["Query Type"]].text, levels.pop(name)))
    if levels:
        raise _fail(lt, f"resources {sorted(levels)} are not in Table 10.6.1-1")
    return tuple(out)


def _key_rows(table: Table, level: str | None) -> list[AttributeKey]:
    has_type = "type" in [c.lower() for c in table.columns]
    wanted = ("Attribute Name", "Tag") + (("Type", "Condition") if has_type else ("IE Level",))
    idx = _columns(table, wanted)
    out: list[AttributeKey] = []
    parents: list[int] = []
    for i, r in enumerate(table.body, 1):
        name = r.cells[idx["Attribute Name"]].text
        m = _TAG.match(r.cells[idx["Tag"]].text)
        if m is None:
            raise _fail(table, f"tag {r.cells[idx['Tag']].text!r} is not (gggg,eeee)", i)
        tag = int(m.group(1) + m.group(2), 16)
        depth = len(name) - len(name.lstrip(">"))
        if depth > len(parents):
            raise _fail(table, f"{name!r} is nested below no sequence", i)
        parents = parents[:depth]
        lv = level if level is not None else r.cells[idx["IE Level"]].text
        if lv not in _LEVELS:
            raise _fail(table, f"IE level {lv!r} is not one of {_LEVELS}", i)
        out.append(AttributeKey(lv, (*parents, tag), name.lstrip(">"),
                                r.cells[idx["Type"]].text if has_type else "",
                                r.cells[idx["Condition"]].text if has_type else ""))
        parents.append(tag)
    return out


def read_matching_keys(std: Standard) -> tuple[AttributeKey, ...]:
    """The matching keys an origin server supports at each level (Table 10.6.1-5)."""
    return tuple(_key_rows(std.table(PART, "10.6.1-5"), None))


def read_return_keys(std: Standard) -> tuple[AttributeKey, ...]:
    """The attributes of a Search response at each level (Tables 10.6.3-3, -4, -5)."""
    out: list[AttributeKey] = []
    for label in ("10.6.3-3", "10.6.3-4", "10.6.3-5"):
        t = std.table(PART, label)
        level = t.caption.split()[0]
        if level not in _LEVELS or "Search Response Payload" not in t.caption:
            raise _fail(t, f"caption {t.caption!r} is not '<Level> ... Search Response Payload'")
        out += _key_rows(t, level)
    return tuple(out)


# --------------------------------------------------------------------------- annexes

def _json_kind(text: str) -> str:
    low = text.lower()
    if low.startswith("number or string"):
        return "number_or_string"
    if low == "number":
        return "number"
    if low == "string":
        return "string"
    if low.startswith("base64"):
        return "base64"
    if low.startswith("object containing person name"):
        return "person_name"
    if low.startswith("array containing dicom json objects"):
        return "sequence"
    return ""


def read_json_types(std: Standard) -> tuple[JsonType, ...]:
    """The JSON data type of each VR (Table F.2.3-1)."""
    t = std.table(PART, "F.2.3-1")
    idx = _columns(t, ("VR Name", "JSON Data Type"))
    out = []
    for i, r in enumerate(t.body, 1):
        vr, text = r.cells[idx["VR Name"]].text, r.cells[idx["JSON Data Type"]].text
        kind = _json_kind(text)
        if not re.fullmatch(r"[A-Z]{2}", vr) or not kind:
            raise _fail(t, f"cannot read the JSON type {text!r} of VR {vr!r}", i)
        out.append(JsonType(vr, kind, text))
    return tuple(sorted(out, key=lambda j: j.vr))


def read_store_reasons(std: Standard) -> tuple[StoreReason, ...]:
    """Warning (Table I.2-1) and failure (Table I.2-2) reasons of the Store response."""
    out = []
    for label, kind in (("I.2-1", "warning"), ("I.2-2", "failure")):
        t = std.table(PART, label)
        idx = _columns(t, ("Status Code (hexadecimal)", "Meaning", "Explanation"))
        for i, r in enumerate(t.body, 1):
            pattern = r.cells[idx["Status Code (hexadecimal)"]].text
            if not _STORE_CODE.match(pattern):
                raise _fail(t, f"status code {pattern!r} is not four hex digits (x for any)", i)
            low = int(pattern.replace("x", "0"), 16)
            high = int(pattern.replace("x", "F"), 16)
            out.append(StoreReason(kind, pattern, low, high, r.cells[idx["Meaning"]].text,
                                   r.cells[idx["Explanation"]].text))
    return tuple(out)


_INCLUDE = re.compile(r"^Table (\S+) in (PS3\.\d+)$")


def read_store_response(std: Standard) -> tuple[tuple[AttributeKey, ...],
                                                tuple[tuple[tuple[int, ...], str], ...]]:
    """The attributes of the Store Instances Response Module (Table I.1-1), and the macros it
    includes: (tag path of the sequence whose items include it, ``"PS3.3 Table 10-11"``).

    A row ``>>Any Attribute ...`` (the modified attributes, any at all) is left out.
    """
    t = std.table(PART, "I.1-1")
    idx = _columns(t, ("Attribute Name", "Tag", "Type"))
    keys: list[AttributeKey] = []
    includes: list[tuple[tuple[int, ...], str]] = []
    parents: list[int] = []
    for i, r in enumerate(t.body, 1):
        name = r.cells[idx["Attribute Name"]].text
        depth = len(name) - len(name.lstrip(">"))
        bare = name.lstrip(">")
        if depth > len(parents):
            raise _fail(t, f"{name!r} is nested below no sequence", i)
        parents = parents[:depth]
        m = _TAG.match(r.cells[idx["Tag"]].text)
        if m is None:
            inc = _INCLUDE.match(bare)
            if inc is not None:
                includes.append((tuple(parents), f"{inc.group(2)} Table {inc.group(1)}"))
            elif not bare.startswith("Any Attribute"):
                raise _fail(t, f"row {name!r} has no tag and includes no table", i)
            continue
        tag = int(m.group(1) + m.group(2), 16)
        keys.append(AttributeKey("", (*parents, tag), bare, r.cells[idx["Type"]].text, ""))
        parents.append(tag)
    return tuple(keys), tuple(includes)


def read_charsets(std: Standard) -> tuple[CharsetMapping, ...]:
    """IANA charsets and the Specific Character Set terms they map to (Table D-1)."""
    t = std.table(PART, "D-1")
    idx = _columns(t, ("IANA Preferred MIME Name", "Language"))
    term_col = next((i for i, c in enumerate(t.columns) if "Specific Character Set" in c), None)
    if term_col is None:
        raise _fail(t, f"header is {list(t.columns)}, expected a Specific Character Set column")
    out = []
    for r in t.body:
        terms = tuple(x.strip() for x in r.cells[term_col].text.split("\\"))
        out.append(CharsetMapping(r.cells[idx["IANA Preferred MIME Name"]].text, terms,
                                  r.cells[idx["Language"]].text))
    return tuple(out)


# --------------------------------------------------------------------------- module

def build_web(std: Standard) -> dict[str, Any]:
    """Template context of ``web.py``."""
    general, per = read_status_codes(std)
    syntaxes = read_media_type_syntaxes(std)
    metadata = read_metadata_media_types(std)
    rendered = read_rendered_media_types(std)
    usages = read_media_type_usages(std)
    types = ({s.media_type for s in syntaxes} | set(metadata) | {r.media_type for r in rendered}
             | {u.media_type for u in usages if u.media_type}
             | {u.type_param for u in usages if u.type_param})
    return {
        "general_statuses": general,
        "transaction_statuses": per,
        "syntaxes": syntaxes,
        "metadata_types": metadata,
        "rendered": rendered,
        "usages": usages,
        "media_types": media_type_names(types),
        "resources": read_resources(std),
        "parameters": read_query_parameters(std),
        "search_resources": read_search_resources(std),
        "matching_keys": read_matching_keys(std),
        "return_keys": read_return_keys(std),
        "json_types": read_json_types(std),
        "store_reasons": read_store_reasons(std),
        "store_response": read_store_response(std),
        "header_fields": read_header_fields(std),
        "charsets": read_charsets(std),
    }


MODULES = [
    ModuleSpec(
        name="web",
        build=build_web,
        files={"web.py": "web.py.j2", "web.pyi": "web.pyi.j2"},
        summary="DICOMweb tables: media types and their transfer syntaxes, HTTP status codes "
                "by transaction, resources and URI templates, query parameters, Search keys, "
                "JSON types of the VRs, Store reasons, charsets (PS3.18)",
        reads=(18,),
    ),
]
