"""PS3.3 Annex F reader: the Directory Records of the Basic Directory IOD and their keys.

What a DICOMDIR needs from a file, for each record that would reference it (PS3.3 F.4, F.5):

- Table F.4-1 "Relationship Between Directory Records" (found by label, checked by caption and
  header: Directory Record Type / Section / Directory Record Types that may be included in the
  next lower-level directory Entity) gives each record type, the section defining it and the
  record types below it; the root row is "(Root Directory Entity)".  Record types added to a
  row by :mod:`dicomkit.codegen.fixes` (2024c: SURFACE SCAN, under no record) are added.  The
  path of a record from the root (PATIENT, STUDY, SERIES, IMAGE) follows from it.
- Each defining section (F.5.1 ...) holds one table captioned "... Keys" (header Key, or
  Attribute Name, / Tag / Type / Attribute Description; Table F.5-1 "Patient Keys"); its
  top-level rows are the record's keys, 1C/2C conditions read by the condition parser with the
  attribute names of PS3.3's module and macro tables; ``Include`` rows name a macro whose rows
  are keys too.  The condition of Specific Character Set ("Required if an extended or
  replacement character set is used in one of the Keys") is resolved to the name
  ``keys_charset``.  The section's text must name the same record type ("identified by a Directory
  Record Type (0004,1430) of Value "PATIENT"").
- Which record references the instances of an IOD: the section's text either links the IOD's
  section ("the Modules related to the Dose IE of the Section A.18") or names an Information
  Entity ("the Modules related to the Image IE of Image IODs"); an IOD linked by one record gets
  that record, else the one record without links naming an IE of the IOD's module table.  IODs
  with none (or several) get no record and are listed as such.

A table or text of another shape stops generation (:class:`~dicomkit.codegen.errors.CodegenError`).
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.conditions import parse_condition
from dicomkit.codegen.document import Paragraph, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.dicomdir import DirectoryRecord, IodRecord, RecordKey
from dicomkit.codegen.model.iods import AttributeRow, IncludeRow
from dicomkit.codegen.readers.part03 import cached_iods, name_resolver, read_key_table
from dicomkit.codegen.standard import Standard

PART = 3
RELATIONSHIP_TABLE = "F.4-1"
_RELATIONSHIP_CAPTION = "Relationship Between Directory Records"
_RELATIONSHIP_COLUMNS = ("Directory Record Type", "Section")
_ROOT = "(Root Directory Entity)"
_SECTION = re.compile(r"^Section ([A-Z]\.[0-9][0-9.]*)$")
_RECORD_VALUE = re.compile(r"Directory Record Type \(0004,1430\) of Value \"([A-Z0-9 _]+)\"")
_IE = re.compile(r"\bModules related to the (.+?) IEs?\b")
_IOD_SECTION = re.compile(r"^sect_(A\.[0-9][0-9.]*)$")
#: the record types whose keys are those of the levels above an instance (F.4-1, F.5.1-F.5.3)
_LEVEL_IES = frozenset({"Patient", "Study", "Series"})
#: the condition of Specific Character Set in every keys table, resolved to a name
_KEYS_CHARSET = re.compile(r"^Required if an extended or replacement character set is used in "
                           r"one of the Keys\.?$")


def _relationships(table: Table) -> list[tuple[str, str, tuple[str, ...]]]:
    if _RELATIONSHIP_CAPTION not in table.caption or table.columns[:2] != _RELATIONSHIP_COLUMNS \
            or len(table.columns) != 3:
        raise CodegenError(f"{table.where}: caption {table.caption!r}, columns {table.columns}; "
                           f"expected {_RELATIONSHIP_CAPTION!r} with {_RELATIONSHIP_COLUMNS} "
                           "and the lower-level record types")
    out = []
    for i, row in enumerate(table.body, 1):
        record, section, lower = row.texts
        if record == _ROOT:
            label = ""
        else:
            m = _SECTION.match(section)
            if m is None:
                raise CodegenError(f"{table.where} row {i}: {section!r} is not a section")
            label = m.group(1)
        below = tuple(t.strip() for t in lower.split(",") if t.strip() and "(" not in t)
        out.append((record, label, below))
    return out


def _keys_table(section: Section) -> Table | None:
    found = [b for b in section.blocks if isinstance(b, Table) and b.caption.endswith(" Keys")]
    if len(found) > 1:
        raise CodegenError(f"PS3.3 Section {section.label}: {len(found)} Keys tables")
    return found[0] if found else None


def _text(section: Section) -> tuple[str, tuple[str, ...]]:
    """The section's running text, and the IOD sections (Annex A) its paragraphs link."""
    paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)]
    links = []
    for p in paragraphs:
        for link in p.links:
            m = _IOD_SECTION.match(link.target)
            if m and m.group(1) not in links:
                links.append(m.group(1))
    return " ".join(p.text for p in paragraphs), tuple(links)


def read_directory_records(std: Standard) -> tuple[list[DirectoryRecord], list[IodRecord],
                                                   list[str]]:
    """The directory records of PS3.3 F.4/F.5, the record of each IOD, and the IODs without one.

    Raises
    ------
    CodegenError
        When Table F.4-1, a keys table or a definition's text is not of the shape described in
        the module docstring.
    """
    doc = std.document(PART)
    model = cached_iods(std, attribute_tables=False)
    resolve = name_resolver(model.tables)
    relation = std.table(PART, RELATIONSHIP_TABLE)
    rows = _relationships(relation)
    fixes = fixes_for(PART, RELATIONSHIP_TABLE, doc.edition)
    rows = [(record, label, below + tuple(
        t.strip() for t in fixes.get((record, "lower-level record types added"), "").split(",")
        if t.strip() and t.strip() not in below)) for record, label, below in rows]
    lower = {record: below for record, _label, below in rows}
    parents: dict[str, str] = {}
    for record, below in lower.items():
        for child in below:
            parents.setdefault(child, record)
    records: list[DirectoryRecord] = []
    texts: dict[str, tuple[str, tuple[str, ...]]] = {}
    for record, label, below in rows:
        if not label:
            continue
        section = doc.section(label)
        table = _keys_table(section)
        if table is None:  # PRIVATE (F.6.1): keys are private
            continue
        std.table(PART, table.label)
        text, links = _text(section)
        named = _RECORD_VALUE.findall(text)
        if named[:1] != [record]:
            raise CodegenError(f"PS3.3 Section {label} defines {named}, Table F.4-1 says "
                               f"{record!r}")
        texts[record] = (text, links)
        keys: list[RecordKey] = []
        for row in read_key_table(table, doc).rows:
            if row.depth:
                continue
            if isinstance(row, IncludeRow):
                keys.append(RecordKey(0, "", "", include=row.table))
                continue
            assert isinstance(row, AttributeRow)
            condition, expr, when = "", None, ""
            if row.type in ("1C", "2C"):
                condition = row.condition.text or row.description
                if _KEYS_CHARSET.match(condition.strip()):
                    when = "keys_charset"
                else:
                    expr = parse_condition(condition, resolve).expr
            keys.append(RecordKey(row.tag, row.name, row.type, condition, expr, when=when))
        path = [record]
        while path[0] in parents and parents[path[0]] != _ROOT:
            path.insert(0, parents[path[0]])
        if parents.get(path[0]) != _ROOT:
            raise CodegenError(f"{relation.where}: {record} is below no record of the root")
        records.append(DirectoryRecord(record, label, table.label, tuple(keys), below,
                                       tuple(path)))
    if not records:
        raise CodegenError(f"{relation.where}: no directory record with a keys table")
    instance = {r.record_type for r in records if set(r.lower) <= {"PRIVATE"}}
    ies: dict[str, str] = {}
    for r in records:
        m = _IE.search(texts[r.record_type][0])
        if m and r.record_type in instance and m.group(1) not in _LEVEL_IES:
            ies[r.record_type] = m.group(1)
    by_iod: list[IodRecord] = []
    without: list[str] = []
    for iod_label, iod in model.iods.items():
        linked = [r for r in instance
                  if any(iod.section == s or iod.section.startswith(s + ".")
                         for s in texts[r][1])]
        if len(linked) > 1:
            raise CodegenError(f"PS3.3 F.5: the IOD of Section {iod.section} is linked by "
                               f"several records: {sorted(linked)}")
        if linked:
            by_iod.append(IodRecord(iod_label, linked[0], "section"))
            continue
        iod_ies = {m.ie for m in iod.modules}
        named_ie = sorted(r for r, ie in ies.items() if ie in iod_ies and not texts[r][1])
        if len(named_ie) == 1:
            by_iod.append(IodRecord(iod_label, named_ie[0], "ie"))
        else:
            without.append(iod_label)
    return records, by_iod, without


def _natural_key(s: str) -> tuple[Any, ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", s))


def _build(std: Standard) -> dict[str, Any]:
    records, by_iod, without = read_directory_records(std)
    return {"records": records,
            "by_iod": sorted(by_iod, key=lambda r: _natural_key(r.iod)),
            "without": tuple(sorted(without, key=_natural_key))}


MODULES = [
    ModuleSpec("directory_records", _build,
               {"directory_records.py": "directory_records.py.j2",
                "directory_records.pyi": "directory_records.pyi.j2"},
               "Directory Record Types of the Basic Directory IOD, their keys, their place in "
               "the directory and the record of each IOD (PS3.3 F.4, F.5)",
               reads=(3,)),
]
