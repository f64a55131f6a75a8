"""PS3.4 Annex CC reader: the Unified Procedure Step service.

What is read, by table caption and columns (never by position):

* the states: Table "Unified Procedure Step (UPS) States" (columns "State", "Description");
* the state transition table: "Unified Procedure Step State Transition Table"; each row an
  event ("N-CREATE received ...", "N-ACTION to Change State to <state>[, with|without correct
  transaction UID]", "N-ACTION to Request Cancel"), each column a state ("null": no UPS); each
  cell either a status ("Failure Status Code C307H", "Warning Status Code B306H") or actions
  ("Report state change", "Record transaction UID", "Change State to <state>", "If Final State
  Requirements met, (...); Else Failure Status Code C304H", "Report that an Application Entity
  requested a cancel.");
* the SOP classes: the "DIMSE Service Group Applicable to UPS <name>" tables, each naming the
  "Unified Procedure Step - <name> SOP Class" of PS3.6 Table A-1 (UPS abbreviates Unified
  Procedure Step, as the states table's caption says), and the well-known "UPS ..." SOP
  instances of PS3.6;
* the N-ACTION Action Information tables (columns "Action Type Name", "Action Type ID") and the
  N-EVENT-REPORT Event Report Information table (columns "Event Type Name", "Event Type ID");
* the response status tables of CC.2 (columns "Service Status", "Further Meaning", "Status
  Code[s]");
* the Final State Codes (Table "Final State Codes") and the attribute requirement tables with
  the columns of Table CC.2.5-3 (its macros CC.2.5-2a to CC.2.5-2g too).
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Document, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.ups import (
    AttributeRow,
    FinalStateCode,
    SubscriptionCell,
    Transition,
    TypeAttribute,
    UpsSopClass,
    UpsStatus,
)
from dicomkit.codegen.names import identifier, member_names
from dicomkit.codegen.readers.part06 import read_uid_values
from dicomkit.codegen.standard import Standard

PART = 4
STATES_CAPTION = "Unified Procedure Step (UPS) States"
TRANSITIONS_CAPTION = "Unified Procedure Step State Transition Table"
FINAL_CAPTION = "Final State Codes"
_GROUP_CAPTION = re.compile(r"^DIMSE Service Group Applicable to UPS (\w+)$")
ATTRIBUTE_COLUMNS = ("Attribute Name", "Tag", "Req. Type N-CREATE (SCU/SCP)",
                     "Req. Type N-SET (SCU/SCP)", "Final State", "Req. Type N-GET (SCU/SCP)",
                     "Matching Key Type", "Return Key Type", "Remark/Matching Type")
ACTION_COLUMNS = ("Action Type Name", "Action Type ID", "Attribute Name", "Tag")
EVENT_COLUMNS = ("Event Type Name", "Event Type ID", "Attribute Name", "Tag")
_STATUS_COLUMNS = ("Service Status", "Further Meaning")
_TAG = re.compile(r"^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$")
_STATUS = re.compile(r"^(Failure|Warning) Status Code ([0-9A-F]{4})H$")
_FINAL = re.compile(r"^If Final State Requirements met, \((.+)\); Else Failure Status Code "
                    r"([0-9A-F]{4})H$")
_CHANGE = re.compile(r"^N-ACTION to Change State to ([A-Z -]+?)(?:,? (with|without) correct "
                     r"transaction UID)?$")
_CREATE = "N-CREATE received for this SOP Instance UID"
_CANCEL = "N-ACTION to Request Cancel"
_REQUIREMENT = re.compile(r"^((?:-|[123]C?)/(?:-|[123]C?))(?:\s|$)")
_FORBIDS = re.compile(r"shall not be set to (COMPLETED or CANCELED|COMPLETED|CANCELED) if")
_INCLUDE = re.compile(r"^(>*)Include Table ([A-Z0-9.\-]+?[a-z]?)\.?$")
_OTHER = re.compile(r"^All (?:other )?Attributes of ")
_FAILED = re.compile(r"^(?:Failed: )?(?:The )?")
_SECTION_HEADING = "Module"


def _tables(doc: Document, caption: str) -> list[Table]:
    return [t for t in doc.tables() if t.label.startswith("CC") and t.caption == caption]


def _one(doc: Document, caption: str) -> Table:
    found = _tables(doc, caption)
    if len(found) != 1:
        raise CodegenError(f"{doc.name}: {len(found)} tables captioned {caption!r} in Annex "
                           "CC, expected one")
    return found[0]


def _col(table: Table, name: str) -> int:
    if name not in table.columns:
        raise TableError(table.source, table.label, f"no column {name!r} "
                         f"(columns {table.columns})")
    return table.columns.index(name)


def _tag(table: Table, n: int, text: str) -> int:
    m = _TAG.match(text.replace("\u200b", "").strip())
    if m is None:
        raise TableError(table.source, table.label, f"tag {text!r} is not (gggg,eeee)", n)
    return int(m.group(1), 16) << 16 | int(m.group(2), 16)


def read_states(std: Standard) -> tuple[str, ...]:
    """The Procedure Step State values (PS3.4 Table CC.1.1-1), in table order."""
    table = _one(std.document(PART), STATES_CAPTION)
    std.table(PART, table.label)
    i = _col(table, "State")
    return tuple(row.cells[i].text for row in table.body)


def _state_name(table: Table, text: str, states: tuple[str, ...], fixed: dict[tuple[str, str],
                str], n: int = 0) -> str:
    text = fixed.get((text, "state"), text)
    if text not in states:
        raise TableError(table.source, table.label, f"{text!r} is not a UPS state "
                         f"({', '.join(states)})", n)
    return text


def _actions(table: Table, n: int, text: str, states: tuple[str, ...],
             fixed: dict[tuple[str, str], str]) -> tuple[str, tuple[str, ...], bool, bool]:
    """(resulting state, reported states, cancel requested, records transaction) of a cell's
    actions."""
    result = ""
    reports: list[str] = []
    pending_report = False
    cancel = False
    record = False
    for part in (p.strip() for p in text.rstrip(".").split(",")):
        if part in ("Create SOP Instance with empty transaction UID",):
            continue
        if part == "Record transaction UID":
            record = True
        elif part == "Report state change":
            pending_report = True
        elif part.startswith("Report state change to "):
            reports.append(_state_name(table, part[len("Report state change to "):], states,
                                       fixed, n))
        elif part.startswith("Change State to "):
            result = _state_name(table, part[len("Change State to "):], states, fixed, n)
        elif part == "Report that an Application Entity requested a cancel":
            cancel = True
        else:
            raise TableError(table.source, table.label, f"unknown action {part!r}", n)
    if pending_report:
        if not result:
            raise TableError(table.source, table.label, "'Report state change' without a "
                             "state change", n)
        reports.append(result)
    return result, tuple(reports), cancel, record


def read_transitions(std: Standard) -> list[Transition]:
    """Every cell of the UPS State Transition Table (PS3.4 Table CC.1.1-2), row by row."""
    doc = std.document(PART)
    states = read_states(std)
    table = _one(doc, TRANSITIONS_CAPTION)
    std.table(PART, table.label)
    fixed = fixes_for(PART, table.label, doc.edition)
    if table.columns[0] != "Events":
        raise TableError(table.source, table.label, f"first column {table.columns[0]!r}, "
                         "expected 'Events'")
    columns = [("" if c == "null" else _state_name(table, c, states, fixed))
               for c in table.columns[1:]]
    out: list[Transition] = []
    for n, row in enumerate(table.body, 1):
        event = row.cells[0].text
        transaction: bool | None = None
        if event == _CREATE:
            operation, requested = "N-CREATE", states[0]
        elif event == _CANCEL:
            operation, requested = "REQUEST CANCEL", ""
        else:
            m = _CHANGE.match(event)
            if m is None:
                raise TableError(table.source, table.label, f"unknown event {event!r}", n)
            operation = "CHANGE STATE"
            requested = _state_name(table, m.group(1), states, fixed, n)
            if m.group(2):
                transaction = m.group(2) == "with"
        for state, cell in zip(columns, row.cells[1:], strict=True):
            text = cell.text
            m_status = _STATUS.match(text)
            if m_status is not None:
                out.append(Transition(event, operation, requested, transaction, state,
                                      int(m_status.group(2), 16), "", (), False, False, False,
                                      0))
                continue
            m_final = _FINAL.match(text)
            final_status = 0
            if m_final is not None:
                text, final_status = m_final.group(1), int(m_final.group(2), 16)
            result, reports, cancel, record = _actions(table, n, text, states, fixed)
            out.append(Transition(event, operation, requested, transaction, state, 0, result,
                                  reports, cancel, record, m_final is not None, final_status))
    return out


SUBSCRIPTION_CAPTION = "UPS Subscription State Transition Table"
_GLOBAL_NOW = re.compile(r'^AE Global State is now "(.+)"$')
_GO_TO = re.compile(r"^(All )?Go to (.+)$")
_GLOBAL_ABBREVIATION = re.compile(r"^Global Sub\. ")


def read_subscription_transitions(std: Standard) -> tuple[tuple[str, ...], list[SubscriptionCell]]:
    """The subscription states and every cell of PS3.4 Table CC.2.3-2.  Its first body row
    heads the columns ("Events", "null", the states); a cell is "N/A" or ``;``-separated
    actions: 'AE Global State is now "<global state>"' ("Global Sub." abbreviating "Global
    Subscription", as the event rows write it), "[All ]Go to <state>", "No UPS state change",
    "[All ]Send initial event"."""
    doc = std.document(PART)
    table = _one(doc, SUBSCRIPTION_CAPTION)
    std.table(PART, table.label)
    head = table.body[0].texts
    if head[0] != "Events" or head[1] != "null":
        raise TableError(table.source, table.label, f"first row {head!r}, expected the "
                         "column heads 'Events', 'null', states")
    states = tuple(head[2:])
    rows = table.body[1:]
    members = member_names("UpsSubscriptionEvent",
                           {n: row.cells[0].text for n, row in enumerate(rows)})
    out: list[SubscriptionCell] = []
    for n, row in enumerate(rows):
        event = row.cells[0].text
        for state, cell in zip(("", *states), row.cells[1:], strict=True):
            text = cell.text.strip()
            if text == "N/A":
                out.append(SubscriptionCell(event, members[n], state, False, "", "", False,
                                            False))
                continue
            global_state = result = ""
            every = initial = False
            for part in (p.strip() for p in text.split(";")):
                m_global = _GLOBAL_NOW.match(part)
                m_go = _GO_TO.match(part)
                if not part or part == "No UPS state change":
                    continue
                if m_global is not None:
                    global_state = _GLOBAL_ABBREVIATION.sub("Global Subscription ",
                                                            m_global.group(1))
                elif m_go is not None:
                    result, every = m_go.group(2), bool(m_go.group(1))
                    if result not in states:
                        raise TableError(table.source, table.label, f"{result!r} is not a "
                                         "subscription state", n + 2)
                elif part in ("Send initial event", "All Send initial event"):
                    initial = True
                else:
                    raise TableError(table.source, table.label, f"unknown action {part!r}",
                                     n + 2)
            out.append(SubscriptionCell(event, members[n], state, True, global_state, result,
                                        every, initial))
    return states, out


_CREATED = re.compile(r'^A UPS is Created when the AE Global Subscription State is "(.+)"$')


def creation_events(cells: list[SubscriptionCell]) -> list[tuple[str, str]]:
    """(Global Subscription State, the event "A UPS is Created when the AE Global
    Subscription State is ...") of Table CC.2.3-2."""
    out: dict[str, str] = {}
    for cell in cells:
        m = _CREATED.match(cell.event)
        if m is not None:
            out[m.group(1)] = cell.member
    if len(out) != 3:
        raise CodegenError(f"Table CC.2.3-2: {len(out)} UPS creation events, expected three "
                           "(one per Global Subscription State)")
    return list(out.items())


def read_sop_classes(std: Standard) -> list[UpsSopClass]:
    """The UPS SOP classes with the DIMSE services of each (PS3.4 Table CC.2-1 to CC.2-5)."""
    doc = std.document(PART)
    registered = {u.name: u for u in read_uid_values(std)}
    out: list[UpsSopClass] = []
    for table in doc.tables():
        m = _GROUP_CAPTION.match(table.caption)
        if m is None:
            continue
        std.table(PART, table.label)
        name = f"Unified Procedure Step - {m.group(1)} SOP Class"
        uid = registered.get(name)
        if uid is None:
            raise TableError(table.source, table.label, f"PS3.6 registers no {name!r}")
        i_element = _col(table, "DICOM Message Service Element")
        usage = [c for c in table.columns if c != table.columns[i_element]]
        if len(usage) != 1:
            raise TableError(table.source, table.label, "no single usage column")
        i_usage = table.columns.index(usage[0])
        services = tuple((row.cells[i_element].text, row.cells[i_usage].text)
                         for row in table.body)
        out.append(UpsSopClass(name, uid.keyword, uid.value, table.label, services))
    if not out:
        raise CodegenError(f"{doc.name}: no 'DIMSE Service Group Applicable to UPS ...' table")
    return out


def operation_classes(classes: list[UpsSopClass], actions: list[TypeAttribute]
                      ) -> tuple[dict[str, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """The SOP classes of each DIMSE service ("N-GET" -> UIDs) and of each N-ACTION Action
    Type ID, from the service group tables: an entry "N-ACTION - <name>" names the action
    types whose name is <name> ("Change UPS State"), or, written "Un/<name>", those whose
    name begins "<name>" or "Un<name>" (lower-cased), with every other action type of the
    same Action Information table (Table CC.2.3-1: subscribe, unsubscribe, suspend)."""
    services: dict[str, list[str]] = {}
    by_action: dict[int, list[str]] = {}
    for cls in classes:
        for element, _usage in cls.services:
            if not element.startswith("N-ACTION - "):
                services.setdefault(element, []).append(cls.uid)
                continue
            name = element[len("N-ACTION - "):]
            if name.startswith("Un/"):
                stem = name[3:].lower()
                found = {a.table for a in actions
                         if a.type_name.lower().startswith((stem, "un" + stem))}
                ids = {a.type_id for a in actions if a.table in found}
            else:
                ids = {a.type_id for a in actions if a.type_name == name}
            if not ids:
                raise CodegenError(f"Table {cls.table}: {element!r} names no action type")
            for type_id in sorted(ids):
                by_action.setdefault(type_id, []).append(cls.uid)
    return ({k: tuple(v) for k, v in sorted(services.items())},
            {k: tuple(v) for k, v in sorted(by_action.items())})


def read_well_known(std: Standard) -> list[tuple[str, str, str]]:
    """(keyword, name, UID) of the well-known UPS SOP instances of PS3.6 (the global
    subscription instances, PS3.4 CC.3.1)."""
    return [(u.keyword, u.name, u.value) for u in read_uid_values(std)
            if u.type == "Well-known SOP Instance" and u.name.startswith("UPS ")]


def _type_rows(std: Standard, columns: tuple[str, ...]) -> list[TypeAttribute]:
    doc = std.document(PART)
    out: list[TypeAttribute] = []
    for table in doc.tables():
        if not table.label.startswith("CC") or table.columns[:4] != columns:
            continue
        std.table(PART, table.label)
        i_name, i_id, i_attr, i_tag = range(4)
        i_req = 4
        for n, row in enumerate(table.body, 1):
            t = row.texts
            if not t[i_id].isdigit():
                raise TableError(table.source, table.label, f"type ID {t[i_id]!r}", n)
            attr = t[i_attr]
            depth = len(attr) - len(attr.lstrip(">"))
            tag = _tag(table, n, t[i_tag]) if _TAG.match(t[i_tag].strip()) else 0
            out.append(TypeAttribute(int(t[i_id]), t[i_name], "", depth, tag,
                                     attr.lstrip(">"), t[i_req], table.label))
    members = member_names("UpsType" + columns[0].split()[0],
                           {r.type_id: r.type_name for r in out})
    return [TypeAttribute(r.type_id, r.type_name, members[r.type_id], r.depth, r.tag, r.name,
                          r.requirement, r.table) for r in out]


def read_actions(std: Standard) -> list[TypeAttribute]:
    """The N-ACTION Action Types and their Action Information (PS3.4 CC.2.1-1, CC.2.2-1,
    CC.2.3-1)."""
    return _type_rows(std, ACTION_COLUMNS)


def read_events(std: Standard) -> list[TypeAttribute]:
    """The N-EVENT-REPORT Event Types and their Event Information (PS3.4 Table CC.2.4-1)."""
    return _type_rows(std, EVENT_COLUMNS)


def _section_of(doc: Document, table: Table) -> str:
    for sec in doc.root.walk():
        if any(b is table for b in sec.blocks):
            return sec.label
    return ""


def read_statuses(std: Standard) -> list[UpsStatus]:
    """The rows of every response status table of PS3.4 CC.2."""
    doc = std.document(PART)
    out: list[UpsStatus] = []
    for table in doc.tables():
        if not table.label.startswith("CC.2") or table.columns[:2] != _STATUS_COLUMNS:
            continue
        std.table(PART, table.label)
        code_col = "Status Code" if "Status Code" in table.columns else "Status Codes"
        i_code = _col(table, code_col)
        service = table.caption.split(" Response Status Values", 1)[0]
        for n, row in enumerate(table.body, 1):
            code = row.cells[i_code].text
            if not re.fullmatch(r"[0-9A-Fx]{4}", code):
                raise TableError(table.source, table.label, f"status code {code!r}", n)
            out.append(UpsStatus(table.label, service, row.cells[0].text, row.cells[1].text,
                                 code))
    return out


def status_names(statuses: list[UpsStatus]) -> dict[int, str]:
    """Member names of the UPS-specific status codes (Bxxx and Cxxx, one per code, named by
    the first table giving it, a leading "Failed: " and "The " dropped), by the rule of
    :mod:`dicomkit.codegen.names`."""
    meanings: dict[int, str] = {}
    for s in statuses:
        if s.code[0] in "BC" and "x" not in s.code:
            meanings.setdefault(int(s.code, 16), _FAILED.sub("", s.meaning))
    return dict(sorted(member_names("UpsStatus", meanings).items()))


def read_final_state_codes(std: Standard) -> list[FinalStateCode]:
    """The Final State Codes (PS3.4 Table CC.2.5-1) and the states each forbids."""
    doc = std.document(PART)
    table = _one(doc, FINAL_CAPTION)
    std.table(PART, table.label)
    i_code, i_meaning = _col(table, "Final State Code"), _col(table, "Meaning")
    out = []
    for row in table.body:
        meaning = row.cells[i_meaning].text
        m = _FORBIDS.search(meaning)
        forbids = tuple(m.group(1).split(" or ")) if m else ()
        out.append(FinalStateCode(row.cells[i_code].text, meaning, forbids,
                                  "if the condition is met" in meaning))
    return out


def _requirement(text: str) -> str:
    """The requirement of a cell: its ``x/y`` code, ``"not allowed"``, or the text."""
    m = _REQUIREMENT.match(text)
    if m is not None:
        return str(m.group(1))
    if text.lower().startswith("not allowed"):
        return "not allowed"
    return text


def _attribute_rows(std: Standard, table: Table) -> list[AttributeRow]:
    fixed = fixes_for(PART, table.label, std.document(PART).edition)
    idx = [_col(table, c) for c in ATTRIBUTE_COLUMNS]
    out: list[AttributeRow] = []
    module = ""
    previous = 0
    for n, row in enumerate(table.body, 1):
        t = [row.cells[i].text for i in idx]
        if len(set(t)) == 1 and t[0].endswith(_SECTION_HEADING):
            module = t[0]
            continue
        name = t[0]
        depth = len(name) - len(name.lstrip(">"))
        m_inc = _INCLUDE.match(name.split(" \u201c")[0].strip())
        if m_inc is not None:
            label = m_inc.group(2).rstrip(".")
            depth = int(fixed.get((f"Include Table {label} after {previous:08X}", "depth"),
                                  depth))
            out.append(AttributeRow(table.label, module, "include", depth, 0, name.lstrip(">"),
                                    "", "", "", "", "", "", "", label))
            continue
        if _OTHER.match(name):
            out.append(AttributeRow(table.label, module, "other", depth, 0, name,
                                    _requirement(t[2]), _requirement(t[3]), t[4],
                                    _requirement(t[5]), t[6], t[7], t[8], ""))
            continue
        tag = _tag(table, n, t[1])
        previous = tag
        final = fixed.get((f"({tag >> 16:04X},{tag & 0xFFFF:04X})", "Final State"), t[4])
        out.append(AttributeRow(table.label, module, "attribute", depth, tag, name.lstrip(">"),
                                _requirement(t[2]), _requirement(t[3]), final,
                                _requirement(t[5]), t[6], t[7], t[8], ""))
    return out


def read_attributes(std: Standard) -> tuple[list[AttributeRow], dict[str, list[AttributeRow]]]:
    """The rows of Table CC.2.5-3 and of each macro table it includes."""
    doc = std.document(PART)
    tables = [t for t in doc.tables() if t.label.startswith("CC.2.5")
              and t.columns == ATTRIBUTE_COLUMNS]
    main = [t for t in tables if t.caption.startswith("UPS SOP Class N-CREATE")]
    if len(main) != 1:
        raise CodegenError(f"{doc.name}: {len(main)} UPS attribute tables, expected one")
    rows: dict[str, list[AttributeRow]] = {}
    for table in tables:
        std.table(PART, table.label)
        rows[table.label] = _attribute_rows(std, table)
    for table_rows in rows.values():
        for r in table_rows:
            if r.kind == "include" and r.include not in rows:
                raise CodegenError(f"{doc.name}: Table {r.table} includes {r.include}, which "
                                   "is not a UPS attribute table")
    top = rows.pop(main[0].label)
    return top, dict(sorted(rows.items()))


def _build(std: Standard) -> dict[str, Any]:
    statuses = read_statuses(std)
    states = read_states(std)
    attributes, macros = read_attributes(std)
    actions, events = read_actions(std), read_events(std)
    classes = read_sop_classes(std)
    by_service, by_action = operation_classes(classes, actions)
    subscription_states, subscription_cells = read_subscription_transitions(std)
    return {
        "subscription_states": [(identifier(s), s) for s in subscription_states],
        "subscription_cells": subscription_cells,
        "subscription_events": list(dict.fromkeys((c.member, c.event)
                                                  for c in subscription_cells)),
        "global_states": [(identifier(g), g) for g in dict.fromkeys(
            c.global_state for c in subscription_cells if c.global_state)],
        "creation_events": creation_events(subscription_cells),
        "by_service": by_service,
        "by_action": by_action,
        "states": [(identifier(s), s) for s in states],
        "transitions": read_transitions(std),
        "sop_classes": classes,
        "well_known": read_well_known(std),
        "actions": actions,
        "action_types": list(dict.fromkeys((a.type_id, a.member) for a in actions)),
        "events": events,
        "event_types": list(dict.fromkeys((e.type_id, e.member) for e in events)),
        "statuses": statuses,
        "status_names": status_names(statuses),
        "final_codes": read_final_state_codes(std),
        "attributes": attributes,
        "macros": macros,
    }


MODULES = [
    ModuleSpec("ups", _build, {"ups.py": "ups.py.j2", "ups.pyi": "ups.pyi.j2"},
               "Unified Procedure Step: states, state transition table, SOP classes, action "
               "and event types, status codes, final state codes and attribute requirements "
               "(PS3.4 Annex CC)", reads=(4, 6)),
]
