"""PS3.4 Annex C reader: the Query/Retrieve information models and extended negotiation.

* The level tables (columns "Query/Retrieve Level" and "Value in (0008,0052)", Table
  C.6.1-1 "Query/Retrieve Level Values for Patient Root", C.6.2-1 for Study Root) give each
  model's levels top down; the model's name is the caption's tail after "for".
* Each level's keys are in the key table (columns "Attribute Name", "Tag", "Type") of the
  subsection of the model titled "<level> Level" ("Patient Level" for "Patient Information");
  a level subsection without a table (Study Root's Series and Composite Object Instance
  levels, C.6.2.1.3-4) follows its link to the section that has one ("the same as ... described
  in Section C.6.1.1.4").  The unique key is the top-level row of Type U, the required keys the
  top-level rows of Type R.
* The SOP classes of a model are the rows of the "SOP Class Name" / "SOP Class UID" table of
  its group, by the operation their name ends in ("... - FIND").
* The SOP Class Extended Negotiation fields of the A-ASSOCIATE-RQ (columns "Item Bytes",
  "Field Name", "Description of Field", caption ending "A-ASSOCIATE-RQ") in section C.5.1
  (C-FIND) and C.5.2 (C-MOVE; C.5.3 says C-GET's "is identical to the negotiation defined for
  C-MOVE").

The Patient/Study Only model is retired (C.6.3 "Retired. See PS 3.4-2004"); peers still offer
its SOP classes, so its levels come from :mod:`dicomkit.codegen.fixes` (the Patient and Study
levels of Patient Root, as PS3.4-2004 defined it).
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Document, Paragraph, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.query_retrieve import ExtendedField, InformationModel, QueryLevel
from dicomkit.codegen.readers.part06 import read_uid_values
from dicomkit.codegen.standard import Standard

PART = 4
LEVEL_COLUMNS = ("Query/Retrieve Level", "Value in (0008,0052)")
KEY_COLUMNS = ("Attribute Name", "Tag", "Type")
SOP_COLUMNS = ("SOP Class Name", "SOP Class UID")
EXTENDED_COLUMNS = ("Item Bytes", "Field Name", "Description of Field")
#: the sections of PS3.4 C.5 whose extended negotiation tables apply to these operations
EXTENDED_SECTIONS = {"C.5.1": ("C-FIND",), "C.5.2": ("C-MOVE", "C-GET")}
_TAG = re.compile(r"^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$")
_CAPTION_MODEL = re.compile(r"^Query/Retrieve Level Values for (.+)$")
_OPERATION = re.compile(r"\s-\s(FIND|MOVE|GET)\b")
_INFORMATION = re.compile(r"\s+Information$")
PATIENT_STUDY_ONLY = "Patient/Study Only"


def _parent_of(doc: Document, target: Table) -> Section:
    for sec in doc.root.walk():
        if any(b is target for b in sec.blocks):
            return sec
    raise CodegenError(f"{target.where}: not inside any section")


def _tables(sec: Section) -> list[Table]:
    return [b for b in sec.blocks if isinstance(b, Table)]


def _key_table(doc: Document, sec: Section, seen: tuple[str, ...] = ()) -> Table:
    """The key table of a level section, following its section link when it has none."""
    for table in _tables(sec):
        if all(c in table.columns for c in KEY_COLUMNS):
            return table
    for block in sec.blocks:
        if isinstance(block, Paragraph):
            for link in block.links:
                if link.target.startswith("sect_") and link.target not in seen:
                    target = doc.find_section(link.target)
                    if target is not None:
                        return _key_table(doc, target, (*seen, link.target))
    raise CodegenError(f"{doc.name}: Section {sec.label} {sec.title!r} has no key table "
                       f"({', '.join(KEY_COLUMNS)}) and links to none")


def _tag(table: Table, n: int, text: str) -> int:
    m = _TAG.match(text.replace("\u200b", "").strip())
    if m is None:
        raise TableError(table.source, table.label, f"tag {text!r} is not (gggg,eeee)", n)
    return int(m.group(1), 16) << 16 | int(m.group(2), 16)


def _keys(table: Table) -> tuple[int, tuple[int, ...]]:
    """(unique key, required keys) of a key table: its top-level rows of Type U and R."""
    i_name, i_tag, i_type = (table.columns.index(c) for c in KEY_COLUMNS)
    unique: list[int] = []
    required: list[int] = []
    for n, row in enumerate(table.body, 1):
        name, tag, kind = (row.cells[i].text for i in (i_name, i_tag, i_type))
        if name.startswith(">") or not tag:
            continue
        if kind == "U":
            unique.append(_tag(table, n, tag))
        elif kind == "R":
            required.append(_tag(table, n, tag))
    if len(unique) != 1:
        raise TableError(table.source, table.label,
                         f"{len(unique)} unique (Type U) keys at one level, expected one")
    return unique[0], tuple(required)


def _level_section(group: Section, level: str) -> Section:
    want = _INFORMATION.sub("", level) + " Level"
    for sec in group.walk():
        if sec.title == want:
            return sec
    raise CodegenError(f"Section {group.label} has no subsection titled {want!r}")


def _sop_classes(group: Section) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for sec in group.walk():
        for table in _tables(sec):
            if not all(c in table.columns for c in SOP_COLUMNS):
                continue
            i_name, i_uid = (table.columns.index(c) for c in SOP_COLUMNS)
            for row in table.body:
                m = _OPERATION.search(row.cells[i_name].text)
                if m is not None:
                    out.append(("C-" + m.group(1), row.cells[i_uid].text.replace("\u200b", "")))
    return tuple(out)


def read_models(std: Standard) -> list[InformationModel]:
    """Every information model with a level table in PS3.4 Annex C, plus the retired
    Patient/Study Only model (see the module)."""
    doc = std.document(PART)
    models: list[InformationModel] = []
    for table in doc.tables():
        if table.columns[:2] != LEVEL_COLUMNS:
            continue
        m = _CAPTION_MODEL.match(table.caption)
        if m is None:
            raise TableError(table.source, table.label, f"caption {table.caption!r} names no "
                             "information model ('Query/Retrieve Level Values for ...')")
        std.table(PART, table.label)
        model = m.group(1)
        group = _parent_of(doc, table)
        levels = []
        for row in table.body:
            name, value = row.cells[0].text, row.cells[1].text
            keys = _key_table(doc, _level_section(group, name))
            std.table(PART, keys.label)
            unique, required = _keys(keys)
            levels.append(QueryLevel(model, name, value, keys.label, unique, required))
        models.append(InformationModel(model, group.label, tuple(levels), _sop_classes(group)))
    if not models:
        raise CodegenError(f"{doc.name}: no Query/Retrieve level table "
                           f"({', '.join(LEVEL_COLUMNS)}) found")
    models.append(_patient_study_only(std, doc, models))
    return models


def _patient_study_only(std: Standard, doc: Document,
                        models: list[InformationModel]) -> InformationModel:
    section = next((s for s in doc.root.walk()
                    if s.title.startswith(PATIENT_STUDY_ONLY + " SOP Class Group")), None)
    if section is None:
        raise CodegenError(f"{doc.name}: no section titled {PATIENT_STUDY_ONLY!r}")
    fixed = fixes_for(PART, section.label, doc.edition)
    values = fixed.get((PATIENT_STUDY_ONLY, "levels"), "").split()
    base_name = fixed.get((PATIENT_STUDY_ONLY, "levels of"), "")
    base = next((m for m in models if m.name == base_name), None)
    if not values or base is None:
        raise CodegenError(f"{doc.name}: Section {section.label} {section.title!r}: no fix "
                           "gives the levels of the retired Patient/Study Only model")
    levels = tuple(QueryLevel(PATIENT_STUDY_ONLY, lv.name, lv.value, lv.table, lv.unique,
                              lv.required) for lv in base.levels if lv.value in values)
    prefix = "".join(w for w in re.split(r"\W+", PATIENT_STUDY_ONLY))
    classes: list[tuple[str, str]] = []
    for uid in read_uid_values(std):
        if uid.keyword.startswith(prefix + "QueryRetrieveInformationModel"):
            classes.append(("C-" + uid.keyword.rsplit("Model", 1)[1].upper(), uid.value))
    return InformationModel(PATIENT_STUDY_ONLY, section.label, levels, tuple(sorted(classes)),
                            retired=True)


def read_extended_negotiation(std: Standard) -> list[ExtendedField]:
    """The A-ASSOCIATE-RQ extended negotiation bytes of the Q/R SOP classes (PS3.4 C.5)."""
    doc = std.document(PART)
    out: list[ExtendedField] = []
    for label, operations in EXTENDED_SECTIONS.items():
        sec = doc.section(label)
        tables = [t for s in sec.walk() for t in _tables(s)
                  if t.columns == EXTENDED_COLUMNS and t.caption.endswith("A-ASSOCIATE-RQ")]
        if len(tables) != 1:
            raise CodegenError(f"{doc.name}: Section {label}: {len(tables)} A-ASSOCIATE-RQ "
                               "extended negotiation tables, expected one")
        table = tables[0]
        std.table(PART, table.label)
        for n, row in enumerate(table.body, 1):
            byte, name = row.cells[0].text, row.cells[1].text
            if not byte.isdigit():
                raise TableError(table.source, table.label, f"item byte {byte!r}", n)
            out.append(ExtendedField(operations, int(byte), name, table.label))
    return out


def _build(std: Standard) -> dict[str, Any]:
    return {"models": read_models(std), "extended": read_extended_negotiation(std)}


MODULES = [
    ModuleSpec("query_retrieve", _build,
               {"query_retrieve.py": "query_retrieve.py.j2",
                "query_retrieve.pyi": "query_retrieve.pyi.j2"},
               "Query/Retrieve information models (levels, unique and required keys, SOP "
               "classes) and SOP Class Extended Negotiation fields (PS3.4 C.5, C.6)",
               reads=(4, 6)),
]
