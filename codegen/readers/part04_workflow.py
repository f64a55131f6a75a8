"""PS3.4 workflow reader: Modality Worklist (Annex K), Modality Performed Procedure Step
(Annex F.7) and Instance Availability Notification (Annex R).

* Table K.6-1 "Attributes for the Modality Worklist Information Model" (columns "Description /
  Module", "Tag", "Matching Key Type", "Return Key Type") and K.6-1a "... C-FIND Identifier"
  ("Attribute Name", "Tag", "Request Identifier", "Response Identifier"): one
  :class:`WorklistKey` per row with a tag; rows spanning the table ("Scheduled Procedure
  Step") are the group of the rows below; "Include Table 8-2a" rows (macros of PS3.3) and "All
  other Attributes ..." rows (no tag) are left out.
* The table whose caption ends "N-CREATE, N-SET and Final State Attributes" in the section
  titled "Modality Performed Procedure Step Subset Specification" (Table F.7.2-1), with its
  "Include Table F.7.2-1a" rows expanded from the tables of the same section at their nesting
  depth (Tables F.7.2-1c and 1e of 2024c open one level too deep: corrected in
  :mod:`dicomkit.codegen.fixes`); "1/1", "3/1" cells give the SCU and SCP types, "Not allowed" an empty type.
* The table whose caption ends "Instance Availability Notification SOP Class N-CREATE
  Attributes" (Table R.3.2-1).
* The MPPS state rules: the quoted status of the SCP's N-CREATE rule (F.7.2.1.3 "The SCP shall
  accept N-CREATE request primitives only if the value of Performed Procedure Step Status
  (0040,0252) is "IN PROGRESS"") and of its N-SET rule (F.7.2.2.3), the final statuses of
  F.7.2.2.2 ("... set to "COMPLETED" or "DISCONTINUED" ..."), and the N-SET Processing Failure
  row of the "N-SET Response Status Values" table (F.7.2-2).
* The Modality Worklist SOP class from the "SOP Class Name" / "SOP Class UID" table of the
  section titled "SOP Class" in K.6.

Sections and tables are found by title and caption, never by position.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Document, Paragraph, Row, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.workflow import RequestAttribute, StepStates, WorklistKey
from dicomkit.codegen.standard import Standard

PART = 4
MWL_CAPTIONS = ("Attributes for the Modality Worklist Information Model",
                "Attributes for the Modality Worklist C-FIND Identifier")
MWL_COLUMNS = (("Description / Module", "Tag", "Matching Key Type", "Return Key Type"),
               ("Attribute Name", "Tag", "Request Identifier", "Response Identifier"))
MPPS_SECTION = "Modality Performed Procedure Step Subset Specification"
MPPS_CAPTION = "N-CREATE, N-SET and Final State Attributes"
MPPS_COLUMNS = ("Attribute Name", "Tag", "Req. Type N-CREATE (SCU/SCP)",
                "Req. Type N-SET (SCU/SCP)")
MPPS_FINAL = "Requirement Type Final State"
IAN_CAPTION = "Instance Availability Notification SOP Class N-CREATE Attributes"
IAN_COLUMNS = ("Attribute Name", "Tag", "Req. Type N-CREATE (SCU/SCP)")
NSET_STATUS_CAPTION = "N-SET Response Status Values"
NSET_STATUS_COLUMNS = ("Service Status", "Further Meaning", "Status Code",
                       "Error Comment (0000,0902)", "Error ID (0000,0903)")
SOP_COLUMNS = ("SOP Class Name", "SOP Class UID")
MWL_SOP_NAME = "Modality Worklist Information Model - FIND"

_TAG = re.compile(r"^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$")
_INCLUDE = re.compile(r"^(>*)\s*Include\s+Table\s+(\S+)$")
_TYPES = re.compile(r"^(1C|2C|1|2|3)\s*/\s*(1C|2C|1|2|3)\b")
_NOT_ALLOWED = re.compile(r"^Not allowed$", re.IGNORECASE)
_FINAL = re.compile(r"^(1C|2C|1|2|3)\b")
_STATUS = "Performed Procedure Step Status (0040,0252)"
_CREATE_RULE = re.compile(r"The SCP shall accept N-CREATE request primitives only if the value "
                          r"of " + re.escape(_STATUS) + r' is "([A-Z ]+)"')
_SET_RULE = re.compile(r"The SCP shall accept N-SET request primitives only if the value of "
                       r"the already existing " + re.escape(_STATUS) + r' is "([A-Z ]+)"')
_FINAL_RULE = re.compile(r"Once the Modality " + re.escape(_STATUS) + r' has been set to '
                         r'"([A-Z ]+)" or "([A-Z ]+)"')


def _tag(table: Table, n: int, text: str) -> int:
    m = _TAG.match(text.replace("\u200b", "").strip())
    if m is None:
        raise TableError(table.source, table.label, f"tag {text!r} is not (gggg,eeee)", n)
    return int(m.group(1), 16) << 16 | int(m.group(2), 16)


def _heading(row: Row) -> bool:
    texts = row.texts
    return len(set(texts)) == 1 and bool(texts[0]) and not texts[0].startswith((">", "Include"))


def _depth(name: str) -> tuple[int, str]:
    stripped = name.lstrip(">")
    return len(name) - len(stripped), stripped.strip()


def _caption_table(doc: Document, ending: str, columns: tuple[str, ...]) -> Table:
    found = [t for t in doc.tables() if t.caption.endswith(ending)
             and all(c in t.columns for c in columns)]
    if len(found) != 1:
        raise CodegenError(f"{doc.name}: {len(found)} tables with a caption ending {ending!r} "
                           f"and the columns {', '.join(columns)}; expected one")
    return found[0]


def read_worklist_keys(std: Standard) -> list[WorklistKey]:
    """The keys of PS3.4 Tables K.6-1 and K.6-1a, in table order."""
    doc = std.document(PART)
    out: list[WorklistKey] = []
    for caption, columns in zip(MWL_CAPTIONS, MWL_COLUMNS, strict=True):
        table = _caption_table(doc, caption, columns)
        std.table(PART, table.label)
        i_name, i_tag, i_match, i_return = (table.columns.index(c) for c in columns)
        group = ""
        stack: list[int] = []
        for n, row in enumerate(table.body, 1):
            if _heading(row):
                group = row.texts[0]
                continue
            depth, name = _depth(row.cells[i_name].text)
            tag_text = row.cells[i_tag].text
            if _INCLUDE.match(row.cells[i_name].text) or not tag_text:
                continue
            tag = _tag(table, n, tag_text)
            if depth > len(stack):
                raise TableError(table.source, table.label,
                                 f"{name!r} nested {depth} deep under {len(stack)} sequences", n)
            del stack[depth:]
            out.append(WorklistKey(tuple(stack), tag, name, row.cells[i_match].text.strip(),
                                   row.cells[i_return].text.split()[0] if
                                   row.cells[i_return].text else "", group, table.label))
            stack.append(tag)
    return out


def _types(table: Table, n: int, text: str) -> tuple[str, str]:
    if _NOT_ALLOWED.match(text.strip()):
        return "", ""
    m = _TYPES.match(text.strip())
    if m is None:
        raise TableError(table.source, table.label,
                         f"requirement {text!r} is neither 'SCU/SCP' types nor 'Not allowed'", n)
    return m.group(1), m.group(2)


def _request_rows(std: Standard, doc: Document, table: Table, section: Section | None,
                  depth0: int, path0: tuple[int, ...], group0: str,
                  seen: tuple[str, ...] = ()) -> list[RequestAttribute]:
    std.table(PART, table.label)
    cols = table.columns
    i_name, i_tag = cols.index("Attribute Name"), cols.index("Tag")
    i_create = cols.index("Req. Type N-CREATE (SCU/SCP)")
    i_set = cols.index("Req. Type N-SET (SCU/SCP)") if "Req. Type N-SET (SCU/SCP)" in cols \
        else None
    i_final = next((i for i, c in enumerate(cols) if c.startswith(MPPS_FINAL)), None)
    out: list[RequestAttribute] = []
    stack: list[int] = list(path0)
    group = group0
    fixed = fixes_for(PART, table.label, doc.edition)
    for n, row in enumerate(table.body, 1):
        raw = fixed.get((f"row {n}", "Attribute Name"), row.cells[i_name].text)
        include = _INCLUDE.match(raw)
        if include is not None:
            depth = depth0 + len(include.group(1))
            label = include.group(2)
            target = doc.find_table(label)
            if target is None or section is None or \
                    not any(b is target for b in section.blocks):
                continue  # a macro of another part (PS3.3 Table 8-1a): not expanded here
            if label in seen:
                raise TableError(table.source, table.label, f"Table {label} includes itself", n)
            out.extend(_request_rows(std, doc, target, section, depth,
                                     tuple(stack[:depth]), group, (*seen, label)))
            continue
        if _heading(row):
            group = row.texts[0]
            continue
        depth, name = _depth(raw)
        depth += depth0
        tag_text = row.cells[i_tag].text
        if not tag_text or not _TAG.match(tag_text.replace("\u200b", "").strip()):
            continue  # "All other Attributes of ..."
        tag = _tag(table, n, tag_text)
        if depth > len(stack):
            raise TableError(table.source, table.label,
                             f"{name!r} nested {depth} deep under {len(stack)} sequences", n)
        del stack[depth:]
        create = _types(table, n, row.cells[i_create].text)
        nset = _types(table, n, row.cells[i_set].text) if i_set is not None else ("", "")
        final = ""
        if i_final is not None:
            m = _FINAL.match(row.cells[i_final].text.strip())
            final = m.group(1) if m else ""
        out.append(RequestAttribute(tuple(stack), tag, name, create[0], create[1], nset[0],
                                    nset[1], final, group, table.label))
        stack.append(tag)
    return out


def _section_of(doc: Document, table: Table) -> Section:
    for sec in doc.root.walk():
        if any(b is table for b in sec.blocks):
            return sec
    raise CodegenError(f"{table.where}: not inside any section")


def read_mpps_attributes(std: Standard) -> list[RequestAttribute]:
    """PS3.4 Table F.7.2-1 with its F.7.2-1a ... f macros expanded."""
    doc = std.document(PART)
    table = _caption_table(doc, MPPS_CAPTION, MPPS_COLUMNS)
    section = _section_of(doc, table)
    if section.title != MPPS_SECTION:
        raise CodegenError(f"{table.where} is in Section {section.label} {section.title!r}, "
                           f"not {MPPS_SECTION!r}")
    return _request_rows(std, doc, table, section, 0, (), "")


def read_ian_attributes(std: Standard) -> list[RequestAttribute]:
    """PS3.4 Table R.3.2-1."""
    doc = std.document(PART)
    table = _caption_table(doc, IAN_CAPTION, IAN_COLUMNS)
    return _request_rows(std, doc, table, _section_of(doc, table), 0, (), "")


def _paragraph(doc: Document, pattern: re.Pattern[str]) -> tuple[Section, re.Match[str]]:
    for sec in doc.root.walk():
        for block in sec.blocks:
            if isinstance(block, Paragraph):
                m = pattern.search(block.text)
                if m is not None:
                    return sec, m
    raise CodegenError(f"{doc.name}: no paragraph says {pattern.pattern!r} (PS3.4 F.7.2)")


def read_step_states(std: Standard) -> StepStates:
    """The MPPS state rules of PS3.4 F.7.2.1.3, F.7.2.2.2, F.7.2.2.3 and Table F.7.2-2."""
    doc = std.document(PART)
    sec_create, create = _paragraph(doc, _CREATE_RULE)
    _sec_set, nset = _paragraph(doc, _SET_RULE)
    sec_final, final = _paragraph(doc, _FINAL_RULE)
    if create.group(1) != nset.group(1):
        raise CodegenError(f"{doc.name}: N-CREATE needs status {create.group(1)!r} but N-SET "
                           f"is accepted in {nset.group(1)!r}; the MPPS model assumes one")
    table = _caption_table(doc, NSET_STATUS_CAPTION, NSET_STATUS_COLUMNS)
    std.table(PART, table.label)
    rows = [r for r in table.body if r.cells[table.columns.index("Service Status")].text ==
            "Failure"]
    if len(rows) != 1:
        raise TableError(table.source, table.label, f"{len(rows)} Failure rows, expected one")
    cells = dict(zip(table.columns, rows[0].texts, strict=True))
    return StepStates(create.group(1), (final.group(1), final.group(2)), sec_create.label,
                      sec_final.label, int(cells["Status Code"], 16),
                      cells["Error Comment (0000,0902)"], int(cells["Error ID (0000,0903)"], 16),
                      table.label)


def read_worklist_sop_class(std: Standard) -> str:
    """The UID of the Modality Worklist Information Model - FIND SOP class (PS3.4 K.6.1.4)."""
    doc = std.document(PART)
    for table in doc.tables():
        if table.columns != SOP_COLUMNS:
            continue
        for row in table.body:
            if row.texts[0] == MWL_SOP_NAME:
                std.table(PART, table.label)
                return row.texts[1].replace("\u200b", "")
    raise CodegenError(f"{doc.name}: no SOP class table row {MWL_SOP_NAME!r}")


def _build(std: Standard) -> dict[str, Any]:
    return {"worklist_keys": read_worklist_keys(std),
            "worklist_sop_class": read_worklist_sop_class(std),
            "mpps": read_mpps_attributes(std), "states": read_step_states(std),
            "ian": read_ian_attributes(std)}


MODULES = [
    ModuleSpec("workflow", _build,
               {"workflow.py": "workflow.py.j2", "workflow.pyi": "workflow.pyi.j2"},
               "Modality Worklist keys (PS3.4 K.6), Modality Performed Procedure Step "
               "attributes and state rules (F.7) and Instance Availability Notification "
               "attributes (R.3)", reads=(4,)),
]
