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

from dicomkit.codegen.document import DefinitionList, Paragraph, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.iods import Iod, SopClass
from dicomkit.codegen.model.services import ServiceClassDef, SopClassService, UnmappedSopClass
from dicomkit.codegen.names import identifier
from dicomkit.codegen.readers.part03 import Pt3Model, cached_iods
from dicomkit.codegen.readers.part06 import read_uid_values
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
#: Status Values", "N-ACTION Response Status Values"; "C-STORE Status" before 2024; PS3.7 9.1,
#: 10.1).
_CAPTION_SERVICE = re.compile(r"^([CN]-[A-Z]+(?:-[A-Z]+)?) (?:Response )?Status")


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


# --------------------------------------------------------------------------- service classes

#: A DICOM UID written in running text (never followed by more digits: "... 1.2.840.10008.1.1.").
_UID_IN_TEXT = re.compile(r"(?<![0-9.])1\.2\.840\.10008(?:\.[0-9]+)+(?![0-9])")
_ANNEX = re.compile(r"^[A-Z]{1,2}$")
_ANNEX_NOTE = re.compile(r"\s*\((?:Normative|Informative)\)")
_RETIRED = re.compile(r"\s*\(Retired\)")
#: The closing words of an annex title that every service class title shares.
#: (PS3.4 2020c titles Annex K "Basic Worklist Management Service".)
_SERVICE_TAIL = re.compile(r"\s+(?:Service and SOP Classes|Service Classes|Service Class|"
                           r"SOP Classes|Service)$")
#: "... Information Model - FIND" (PS3.4 Table JJ.4-1 writes "Inventory FIND").
_SUFFIX_OPERATION = re.compile(r"\s(?:-\s)?(FIND|MOVE|GET)$")
_OPERATION = re.compile(r"\bC-(FIND|MOVE|GET)\b")
_DIMSE_C_GROUP = re.compile(r"^DIMSE-C Service Groups?$")
_SOP_CLASS_TYPES = ("SOP Class", "Meta SOP Class")


@dataclass(frozen=True)
class _Occurrence:
    """Where PS3.4 writes a UID: annex, section, whether in a SOP class table (and the name
    its row gives), and the chain of sections from the annex down."""

    annex: str
    section: Section
    in_table: bool
    name: str
    path: tuple[Section, ...]


@dataclass
class _Annex:
    """What the service class reader keeps of one annex."""

    section: Section
    texts: list[tuple[Section, bool, str]] = field(default_factory=list)  # (section, title?, text)


def _walk_annex(annex: _Annex, sec: Section, path: tuple[Section, ...],
                found: dict[str, list[_Occurrence]]) -> None:
    """Collect the UIDs and texts of ``sec`` (informative sections are left out)."""
    if "(Informative)" in sec.title:
        return
    path = (*path, sec)
    annex.texts.append((sec, True, sec.title))
    for b in sec.blocks:
        if isinstance(b, Section):
            _walk_annex(annex, b, path, found)
            continue
        texts: list[tuple[str, str, bool]] = []  # (text, row name, in a SOP class table)
        if isinstance(b, Table):
            listing = NAME in b.columns and UID in b.columns
            name_col = b.columns.index(NAME) if listing else -1
            uid_col = b.columns.index(UID) if listing else -1
            texts.append((b.caption, "", False))
            for row in b.body:
                for i, cell in enumerate(row.cells):
                    texts.append((cell.text, row.cells[name_col].text if listing else "",
                                  listing and i == uid_col))
        elif isinstance(b, DefinitionList):
            texts.extend((f"{term} {text}", "", False) for term, text in b.entries)
        else:
            texts.append((b.text, "", False))
        for text, row_name, in_table in texts:
            annex.texts.append((sec, False, text))
            for uid in _UID_IN_TEXT.findall(text):
                found.setdefault(uid, []).append(
                    _Occurrence(annex.section.label, sec, in_table, row_name, path))


def _service_class(sec: Section) -> ServiceClassDef:
    title = _ANNEX_NOTE.sub("", sec.title).strip()
    retired = bool(_RETIRED.search(title))
    title = _RETIRED.sub("", title).strip()
    return ServiceClassDef(annex=sec.label, title=title,
                           name=identifier(_SERVICE_TAIL.sub("", title)), retired=retired)


def _own_operations(sec: Section) -> set[str]:
    """The C-FIND/C-MOVE/C-GET a section names in its title and own paragraphs."""
    ops = set(_OPERATION.findall(sec.title))
    for b in sec.blocks:
        if isinstance(b, Paragraph):
            ops |= set(_OPERATION.findall(b.text))
    return {f"C-{op}" for op in ops}


def _group_operations(annex: Section) -> set[str]:
    """The C-FIND/C-MOVE/C-GET of the annex's "DIMSE-C Service Group(s)" section (with its
    sub-section titles: "C-FIND Operation"); empty when it has none."""
    for sec in annex.walk():
        if _DIMSE_C_GROUP.match(sec.title):
            ops: set[str] = set()
            for s in sec.walk():
                ops |= _own_operations(s)
            return ops
    return set()


def _operation(names: tuple[str, ...], occurrence: _Occurrence | None, group: set[str]) -> str:
    """The DIMSE-C operation of a SOP class of a query/retrieve-style annex (``group``: the
    operations of its DIMSE-C Service Group): its names' " - FIND/MOVE/GET" (PS3.4's, then
    PS3.6's); else the one operation the nearest section around its UID names; else the
    group's one operation."""
    if not group:
        return ""
    for name in names:
        m = _SUFFIX_OPERATION.search(name)
        if m:
            return f"C-{m.group(1)}"
    if occurrence is not None:
        for sec in reversed(occurrence.path):
            ops = _own_operations(sec)
            if len(ops) == 1:
                return ops.pop()
    return next(iter(group)) if len(group) == 1 else ""


def _base_name(name: str) -> str:
    """``"Storage Commitment Pull Model SOP Class (Retired)"`` -> ``"Storage Commitment Pull
    Model"``: the words that PS3.4 follows with "SOP Class" when it names it."""
    return re.sub(r"\s+SOP Class$", "", _RETIRED.sub("", name).strip())


def _named_in(annexes: list[_Annex], name: str) -> list[tuple[str, Section]]:
    """Annexes naming "<name> SOP Class": a section title starting so, else any text."""
    base = re.escape(_base_name(name))
    title = re.compile(rf"^{base} SOP Class\b")
    anywhere = re.compile(rf"(?<![\w-]){base} SOP Class\b")
    for pattern, titles_only in ((title, True), (anywhere, False)):
        hits: dict[str, Section] = {}
        for a in annexes:
            for sec, is_title, text in a.texts:
                if (is_title or not titles_only) and pattern.search(text):
                    hits.setdefault(a.section.label, sec)
        if hits:
            return list(hits.items())
    return []


def read_service_classes(std: Standard) -> tuple[list[ServiceClassDef], list[SopClassService],
                                                 list[UnmappedSopClass]]:
    """The service classes of PS3.4 and the SOP classes each specifies.

    The rule: a service class is an annex of PS3.4 ("Annex J Storage Commitment Service
    Class"); PS3.6 Table A-1 says which UIDs are SOP classes (types "SOP Class" and "Meta SOP
    Class") and names them; a SOP class belongs to the annex that writes its UID, in a table
    with "SOP Class Name" and "SOP Class UID" columns or in its text (informative sections
    left out).  A UID written by two annexes goes to the first listing it in such a table
    (PS3.4 2013 to 2015b Table I.4-1 lists the Storage SOP Classes of Table B.5-1 again as
    Media Storage SOP Classes: they stay Storage); listed by none, generation stops.  A SOP
    class A-1 says PS3.4 specifies but whose UID PS3.4 does not write (retired text removed,
    or PS3.4 2024c Annex DD, which names its two SOP classes without their UIDs) goes to the
    one annex naming "<name> SOP Class" (a section title first); otherwise it is returned as
    unmapped, with the reason.  SOP classes of other
    standards (DICOS, DICONDE, PS3.22) that PS3.4 does not write are left out.

    Raises
    ------
    CodegenError
        When PS3.4 has no annexes, a UID is written by two annexes and listed in a table by
        neither, or no SOP class is found.
    """
    doc = std.document(PART)
    annexes = [_Annex(std.section(PART, s.label)) for s in doc.root.sections
               if _ANNEX.match(s.label)]
    if not annexes:
        raise CodegenError(f"{doc.source}: no annexes (sections labelled A, B, ... AA, ...)")
    found: dict[str, list[_Occurrence]] = {}
    for a in annexes:
        _walk_annex(a, a.section, (), found)
    registry = {u.value: u for u in read_uid_values(std) if u.type in _SOP_CLASS_TYPES}
    listed = {uid for uid, occ in found.items() if any(o.in_table for o in occ)}
    groups = {a.section.label: _group_operations(a.section) for a in annexes}
    services: list[SopClassService] = []
    unmapped: list[UnmappedSopClass] = []
    for uid in sorted(registry.keys() | listed, key=_uid_key):
        entry = registry.get(uid)
        occ = found.get(uid, [])
        if occ:
            by_annex = {o.annex for o in occ}
            if len(by_annex) > 1:
                tables = [o.annex for o in occ if o.in_table]
                if not tables:
                    where = sorted(f"{o.annex} ({o.section.label})" for o in occ)
                    raise CodegenError(f"{doc.source}: SOP class {uid} is written in annexes "
                                       f"{where}, listed in none; cannot tell which specifies it")
                occ = [o for o in occ if o.annex == tables[0]]
            first = next((o for o in occ if o.in_table), None) or next(
                (o for o in occ if "SOP Class" in o.section.title), occ[0])
            name = entry.name if entry is not None else first.name
            how = "table" if first.in_table else "text"
            annex, section = first.annex, first.section.label
            op_names = (first.name, name) if first.in_table else (name,)
        elif entry is not None and entry.part == "PS3.4":
            hits = _named_in(annexes, entry.name)
            if len(hits) != 1:
                reason = ("PS3.4 neither writes its UID nor names it" if not hits else
                          f"PS3.4 does not write its UID and names it in annexes "
                          f"{', '.join(a for a, _ in hits)}")
                unmapped.append(UnmappedSopClass(uid, entry.name, reason))
                continue
            annex, sec = hits[0]
            name, how, section, op_names, first = entry.name, "named", sec.label, (entry.name,), None
        else:
            continue
        operation = _operation(op_names, first, groups[annex])
        if groups[annex] and not operation:
            raise CodegenError(f"{doc.source}: SOP class {name} ({uid}) of Annex {annex}, whose "
                               f"DIMSE-C Service Group has {sorted(groups[annex])}: cannot "
                               f"tell which it uses")
        services.append(SopClassService(
            uid=uid, name=name, keyword=entry.keyword if entry is not None else "",
            meta=entry is not None and entry.type == "Meta SOP Class",
            retired=entry.retired if entry is not None else False, annex=annex,
            section=section, how=how, operation=operation))
    if not services:
        raise CodegenError(f"{doc.source}: no SOP class UID of PS3.6 Table A-1 in any annex")
    used = {s.annex for s in services}
    classes = [_service_class(a.section) for a in annexes if a.section.label in used]
    names = [c.name for c in classes]
    if len(set(names)) != len(names):
        raise CodegenError(f"{doc.source}: two service classes named alike: {names}")
    return classes, services, unmapped


def _uid_key(uid: str) -> list[int]:
    return [int(p) for p in uid.split(".")]


def _build_service_classes(std: Standard) -> dict[str, Any]:
    classes, services, unmapped = read_service_classes(std)
    return {"classes": classes, "services": services, "unmapped": unmapped,
            "by_annex": {c.annex: c for c in classes}}


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
    ModuleSpec("service_classes", _build_service_classes,
               {"service_classes.py": "service_classes.py.j2",
                "service_classes.pyi": "service_classes.pyi.j2"},
               "SOP Class UID -> the PS3.4 service class (annex) specifying it, with the DIMSE-C "
               "operation of query/retrieve SOP classes (PS3.4 Annexes A-KK, PS3.6 Table A-1)",
               reads=(4, 6)),
]
