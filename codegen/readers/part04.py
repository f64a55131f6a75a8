"""PS3.4 reader: which PS3.3 IOD each SOP Class is specified by (Storage, Media Storage, ...).

Every PS3.4 table with the columns "SOP Class Name", "SOP Class UID" and an "IOD Specification"
column is read, found by header text, never by position: Table B.5-1 "Standard SOP Classes" of
the Storage Service Class (PS3.4 B.5), Table I.4-1 "Media Storage Standard SOP Classes" (PS3.4
I.4) and, in editions that have them, the other service classes' tables naming an IOD.  The IOD
Specification cell links to a PS3.3 section ("Section A.3 in PS3.3"); it is mapped to the IOD
module table of PS3.3 that section holds (read by :func:`dicomkit.codegen.readers.part03.read_iods`).
When the section holds several IOD tables (A.8 Secondary Capture), the one whose IOD name the SOP
Class name starts with is chosen; when none can be told apart, the IOD table label is left empty.
A UID listed in more than one table keeps its first (Storage) entry.  Corrections come from
:mod:`dicomkit.codegen.fixes`, keyed by SOP Class UID and the field "IOD Specification".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dicomkit.codegen.document import Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.iods import Iod, SopClass
from dicomkit.codegen.readers.part03 import Pt3Model, cached_iods
from dicomkit.codegen.standard import Standard

PART = 4
NAME = "SOP Class Name"
UID = "SOP Class UID"
IOD_SPEC = "IOD Specification"

_UID = re.compile(r"^[0-2](?:\.(?:0|[1-9][0-9]*))+$")
_PS33_SECTION = re.compile(r"\bSection ([A-Z]{1,2}\.[0-9][0-9A-Za-z.]*?)\.? in PS3\.3\b")


@dataclass
class SopStats:
    """What the PS3.4 reader found (for tests and the module comment)."""

    tables: list[str] = field(default_factory=list)
    rows: int = 0
    unmapped: list[str] = field(default_factory=list)
    skipped_rows: list[str] = field(default_factory=list)


def _iod_column(table: Table) -> int | None:
    for i, c in enumerate(table.columns):
        if c.startswith(IOD_SPEC):
            return i
    return None


def _section(table: Table, row_index: int, col: int, fixed: str | None) -> str:
    """The PS3.3 section of the IOD Specification cell (a link, else "Section X in PS3.3")."""
    if fixed is not None:
        m = _PS33_SECTION.search(fixed)
        return m.group(1) if m else ""
    cell = table.body[row_index].cells[col]
    for link in cell.links:
        if link.target.startswith("sect_") and link.document == "PS3.3":
            return link.target.removeprefix("sect_")
    m = _PS33_SECTION.search(cell.text)
    return m.group(1) if m else ""


def _iod_table(section: str, sop_name: str, pt3: Pt3Model) -> str:
    """The IOD table label for the IOD Specification ``section`` of SOP Class ``sop_name``."""
    if not section:
        return ""
    if section in pt3.iod_by_section:
        return pt3.iod_by_section[section]
    below: list[Iod] = [d for d in pt3.iods.values()
                        if d.section == section or d.section.startswith(section + ".")]
    if len(below) == 1:
        return below[0].label
    name = re.sub(r"\s+Storage\b.*$", "", sop_name).lower()
    starts = sorted((d for d in below if name.startswith(d.name.lower())),
                    key=lambda d: -len(d.name))
    if starts and (len(starts) == 1 or len(starts[0].name) > len(starts[1].name)):
        return starts[0].label
    return ""


def read_sop_classes(std: Standard) -> tuple[list[SopClass], SopStats]:
    """Every SOP Class of PS3.4 whose table names its PS3.3 IOD, in document order.

    Raises
    ------
    CodegenError
        When PS3.4 has no such table at all.
    TableError
        When a row's SOP Class UID is not a UID.
    """
    doc = std.document(PART)
    pt3 = cached_iods(std, attribute_tables=False)
    stats = SopStats()
    found: dict[str, SopClass] = {}
    for t in doc.tables():
        cols = t.columns
        spec = _iod_column(t)
        if NAME not in cols or UID not in cols or spec is None:
            continue
        std.table(PART, t.label or t.id)
        stats.tables.append(t.label or t.id)
        fixes = fixes_for(PART, t.label, doc.edition)
        service = doc.section(t.section_id).label if t.section_id else ""
        name_col, uid_col = cols.index(NAME), cols.index(UID)
        for i, row in enumerate(t.body):
            name, uid = row.texts[name_col], row.texts[uid_col]
            if not name and not uid:
                continue
            if not _UID.match(uid):
                raise TableError(t.source, t.label, f"SOP Class UID {uid!r} is not a UID", row=i + 1)
            section = _section(t, i, spec, fixes.get((uid, IOD_SPEC)))
            label = _iod_table(section, name, pt3)
            if not label:
                stats.unmapped.append(f"{name} ({uid}): Section {section or '?'}")
            stats.rows += 1
            if uid not in found:
                found[uid] = SopClass(name=name, uid=uid, iod_section=section, iod_table=label,
                                      service=service)
    if not found:
        raise CodegenError(f"{doc.source}: no SOP Class table with an IOD Specification column")
    return list(found.values()), stats


def _build_sop_classes(std: Standard) -> dict[str, Any]:
    classes, stats = read_sop_classes(std)
    return {"classes": sorted(classes, key=lambda c: [int(p) for p in c.uid.split(".")]),
            "stats": stats}


# --------------------------------------------------------------------------- status tables

_STATUS_CODE = re.compile(r"^[0-9A-Fx]{4}$")
_STATUS_COLUMNS = ("Service Status", "Further Meaning")
_CODE_COLUMNS = ("Status Codes", "Response Status Codes")
#: The DIMSE service a status table is for, as its caption names it first ("C-STORE Response
#: Status Values", "N-ACTION Response Status Values"; PS3.7 9.1, 10.1).
_CAPTION_SERVICE = re.compile(r"^([CN]-[A-Z]+(?:-[A-Z]+)?) Response Status")


@dataclass(frozen=True)
class ServiceStatus:
    """One row of a PS3.4 "... Response Status Values" table: a status and its code(s).

    ``code`` is the standard's pattern, four hex digits with ``x`` for any digit ("A7xx": the
    service class may use any code of that range); ``related`` the related command fields;
    ``service`` the DIMSE service the caption names ("C-STORE"), "" when it names none.
    """

    table: str
    caption: str
    section: str
    status: str
    meaning: str
    code: str
    related: str
    service: str = ""


def read_service_statuses(std: Standard) -> list[ServiceStatus]:
    """Every status table of PS3.4 (header "Service Status", "Further Meaning", "Status
    Codes"), e.g. Table B.2-1 "C-STORE Response Status Values" of the Storage Service Class;
    found by header text.  Codes written as several values ("A700, A710") give one row each;
    rows without a code refer to statuses defined elsewhere (PS3.7) and are left out."""
    doc = std.document(PART)
    out: list[ServiceStatus] = []
    for table in doc.tables():
        cols = table.columns
        code_col = next((cols.index(c) for c in _CODE_COLUMNS if c in cols), None)
        if code_col is None or any(c not in cols for c in _STATUS_COLUMNS):
            continue
        std.table(PART, table.label)  # recorded as a source of the module
        i_status, i_meaning = (cols.index(c) for c in _STATUS_COLUMNS)
        i_related = cols.index("Related Fields") if "Related Fields" in cols else None
        status = ""
        for n, row in enumerate(table.body, 1):
            cells = row.cells
            status = cells[i_status].text or status
            codes = [c for c in re.split(r"[\s,]+", cells[code_col].text) if c]
            if not codes:  # "Other Failure statuses as specified in Section 10.1.4.1.10 ..."
                continue
            if any(not _STATUS_CODE.match(c) for c in codes):
                raise TableError(table.source, table.label,
                                 f"status code {cells[code_col].text!r} is not four hex digits "
                                 "(x for any digit)", n)
            related = cells[i_related].text if i_related is not None else ""
            named = _CAPTION_SERVICE.match(table.caption)
            for code in codes:
                out.append(ServiceStatus(table.label, table.caption,
                                         table.section_id.removeprefix("sect_"), status,
                                         cells[i_meaning].text, code,
                                         "" if related == "None" else related,
                                         named.group(1) if named else ""))
    if not out:
        raise CodegenError(f"{doc.source}: no status table (Service Status / Further Meaning / "
                           "Status Codes) found in PS3.4")
    return out


def _build_service_statuses(std: Standard) -> dict[str, Any]:
    return {"statuses": read_service_statuses(std)}


MODULES = [
    ModuleSpec("service_statuses", _build_service_statuses,
               {"service_statuses.py": "service_statuses.py.j2"},
               "service-class specific DIMSE statuses of PS3.4 (C-STORE, C-FIND, C-MOVE, C-GET ... "
               "Response Status Values)",
               reads=(4,)),
    ModuleSpec("sop_classes", _build_sop_classes,
               {"sop_classes.py": "sop_classes.py.j2", "sop_classes.pyi": "sop_classes.pyi.j2"},
               "SOP Class UID -> PS3.3 IOD of the Storage and Media Storage SOP Classes (PS3.4 B.5, "
               "I.4)",
               reads=(3, 4)),
]
