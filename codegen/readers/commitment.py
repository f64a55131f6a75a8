"""Storage Commitment reader: Failure Reasons, Action and Event Types, N-ACTION and
N-EVENT-REPORT statuses, so that :mod:`dicomkit.net.services.commitment` names them.

=====================  ==========================  =========================================
generated              read from                   how it is found
=====================  ==========================  =========================================
``FailureReason``      PS3.3 C.14.1.1              the one section titled "Failure Reason"
                                                   whose text names Failure Reason
                                                   (0008,1197) (found by title and tag, not
                                                   by number), its definition list:
                                                   term ``0112H``, first paragraph the
                                                   meaning, the others the description
``CommitmentAction``   PS3.4 Table J.3-1           caption "Storage Commitment Request -
                                                   Action Information": Action Type Name, ID
``CommitmentEvent``    PS3.4 Table J.3-2           caption "Storage Commitment Result - Event
                                                   Information": Event Type Name, ID
``NActionStatus``,     PS3.7 Annex C and the       every status with a fixed code whose
``NEventReportStatus`` "Status" sections 10.1.x    service's Status section lists it; PS3.4
                                                   J.3.2.1.4 and J.3.3.1.4 define no
                                                   Service Class specific status
=====================  ==========================  =========================================

Generation stops when the section is missing or found twice, a term is not a four-digit
hexadecimal code with ``H``, or a table lacks its columns.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import DefinitionList, Paragraph, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.model.commitment import FailureReason, ServiceStatus, TypeId
from dicomkit.codegen.names import member_names
from dicomkit.codegen.readers.part07 import read_statuses
from dicomkit.codegen.standard import Standard

#: The title of the section defining the values, and the attribute it is about (PS3.3).
FAILURE_REASON_TITLE = "Failure Reason"
FAILURE_REASON_TAG = "(0008,1197)"
#: Captions of PS3.4 Tables J.3-1 and J.3-2 and the columns read.
ACTION_CAPTION = "Storage Commitment Request - Action Information"
EVENT_CAPTION = "Storage Commitment Result - Event Information"
_ACTION_COLUMNS = ("Action Type Name", "Action Type ID")
_EVENT_COLUMNS = ("Event Type Name", "Event Type ID")
#: The DIMSE services of the Storage Commitment Push Model (PS3.4 J.3.2, J.3.3).
SERVICES = ("N-ACTION", "N-EVENT-REPORT")

_CODE = re.compile(r"^([0-9A-F]{4})H$")


def _failure_reason_section(std: Standard) -> Section:
    doc = std.document(3)
    found = [s for s in doc.root.walk() if s.title == FAILURE_REASON_TITLE
             and any(isinstance(b, Paragraph) and FAILURE_REASON_TAG in b.text
                     for b in s.blocks)]
    if len(found) != 1:
        raise CodegenError(f"{doc.name}: {len(found)} sections titled "
                           f"{FAILURE_REASON_TITLE!r} name {FAILURE_REASON_TAG}; expected one "
                           "(PS3.3 C.14.1.1)")
    return std.section(3, found[0].id or found[0].label)


def read_failure_reasons(std: Standard) -> list[FailureReason]:
    """The values of Failure Reason (0008,1197) (PS3.3 C.14.1.1), in the order listed.

    Raises
    ------
    CodegenError
        When the section is not found once, has no definition list, or a term is not a
        code such as ``0112H``, or a code is listed twice.
    """
    sec = _failure_reason_section(std)
    lists = [b for b in sec.blocks if isinstance(b, DefinitionList)]
    if len(lists) != 1:
        raise CodegenError(f"PS3.3 {sec.label} {sec.title}: {len(lists)} lists of values; "
                           "expected one")
    dl = lists[0]
    rows: list[tuple[int, str, str]] = []
    for (term, _definition), paras in zip(dl.entries, dl.paragraphs or
                                         tuple((d,) for _, d in dl.entries), strict=True):
        m = _CODE.match(term.strip())
        if m is None:
            raise CodegenError(f"PS3.3 {sec.label} {sec.title}: value {term!r} is not a "
                               "code such as 0112H")
        if not paras:
            raise CodegenError(f"PS3.3 {sec.label}: value {term} has no meaning")
        rows.append((int(m.group(1), 16), paras[0], " ".join(paras[1:])))
    codes = [c for c, _, _ in rows]
    if not rows or len(set(codes)) != len(codes):
        raise CodegenError(f"PS3.3 {sec.label} {sec.title}: no values, or a value listed "
                           f"twice: {[f'{c:04X}H' for c in codes]}")
    names = member_names("FailureReason", {c: m for c, m, _ in rows})
    return [FailureReason(c, names[c], m, d) for c, m, d in rows]


def _type_ids(std: Standard, caption: str, columns: tuple[str, str],
              owner: str) -> list[TypeId]:
    found = std.tables_titled(4, caption)
    tables = [t for t in found if t.caption == caption]
    if len(tables) != 1:
        raise CodegenError(f"PS3.4: {len(tables)} tables captioned {caption!r}; expected one")
    table: Table = tables[0]
    index = [table.columns.index(c) if c in table.columns else -1 for c in columns]
    if -1 in index:
        raise TableError(table.source, table.label, f"columns {list(table.columns)}, "
                         f"expected {list(columns)}")
    seen: dict[int, str] = {}
    for n, row in enumerate(table.body, 1):
        title, value = row.cells[index[0]].text, row.cells[index[1]].text
        if not title and not value and seen:
            continue  # a further attribute of the type above (the table leaves both blank)
        if not value.isdigit():
            raise TableError(table.source, table.label, f"type ID {value!r}", n)
        if seen.setdefault(int(value), title) != title:
            raise TableError(table.source, table.label, f"type ID {value} named "
                             f"{seen[int(value)]!r} and {title!r}", n)
    names = member_names(owner, seen)
    return [TypeId(v, names[v], t, table.label) for v, t in seen.items()]


def read_actions(std: Standard) -> list[TypeId]:
    """The Action Types of Request Storage Commitment (PS3.4 Table J.3-1)."""
    return _type_ids(std, ACTION_CAPTION, _ACTION_COLUMNS, "CommitmentAction")


def read_events(std: Standard) -> list[TypeId]:
    """The Event Types of the Storage Commitment Result (PS3.4 Table J.3-2)."""
    return _type_ids(std, EVENT_CAPTION, _EVENT_COLUMNS, "CommitmentEvent")


def read_service_statuses(std: Standard, service: str) -> list[ServiceStatus]:
    """The statuses with a fixed code that PS3.7 lists for ``service``, by code.

    Raises
    ------
    CodegenError
        When PS3.7 lists none for the service.
    """
    rows = []
    for s in read_statuses(std):
        if service in s.services and s.code:
            text = next((d for svc, d in s.descriptions if svc == service), "")
            rows.append((int(s.code, 16), s.name, s.category, text, s.source))
    if not rows:
        raise CodegenError(f"PS3.7 lists no status with a code for {service}")
    rows.sort()
    owner = "NActionStatus" if service == "N-ACTION" else "NEventReportStatus"
    names = member_names(owner, {r[0]: r[1] for r in rows})
    return [ServiceStatus(c, names[c], t, k, d, src) for c, t, k, d, src in rows]


def _build(std: Standard) -> dict[str, Any]:
    return {"reasons": read_failure_reasons(std),
            "reason_section": _failure_reason_section(std).label, "actions": read_actions(std),
            "events": read_events(std),
            "action_statuses": read_service_statuses(std, "N-ACTION"),
            "event_statuses": read_service_statuses(std, "N-EVENT-REPORT")}


MODULES = [
    ModuleSpec("commitment_reasons", _build,
               {"commitment_reasons.py": "commitment_reasons.py.j2",
                "commitment_reasons.pyi": "commitment_reasons.pyi.j2"},
               "Storage Commitment Failure Reasons, Action and Event Types, and the N-ACTION "
               "and N-EVENT-REPORT statuses (PS3.3 C.14.1.1, PS3.4 J.3, PS3.7 Annex C)",
               reads=(3, 4, 7)),
]
