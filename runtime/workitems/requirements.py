"""The attribute requirements of a workitem per operation and state, from PS3.4 Table CC.2.5-3
(:data:`dicomkit.generated.ups.ATTRIBUTES`).

* :func:`check_create`: what an N-CREATE (or a UPS-RS create) must hold (the SCU side of the
  "Req. Type N-CREATE" column): Type 1 present with a value (else Missing Attribute 0120H /
  Missing Attribute Value 0121H), Procedure Step State SCHEDULED (else C309H, PS3.4 CC.2.5.3),
  Transaction UID empty ("Shall be empty").  Type 2 attributes the SCU left out are added empty
  (PS3.4 CC.2.5.3 lets the SCP modify a UPS it creates).  Nested Type 1 attributes are checked
  in every item of a sequence that is present (rows written in the table, not the macros).
* :func:`check_set`: an N-SET may not touch attributes whose "Req. Type N-SET" is "Not
  allowed" (Invalid Attribute Value 0106H with the tags).
* :func:`final_state_missing`: the attributes without a value that forbid a state by their
  Final State Code (PS3.4 Table CC.2.5-1: R, P, X); RC ("if the condition is met") is not
  evaluated (its conditions are prose).  A sequence has a value when it has an item.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.generated import tags, ups
from dicomkit.workitems.errors import WorkitemError
from dicomkit.workitems.statuses import (
    INVALID_ATTRIBUTE_VALUE,
    MISSING_ATTRIBUTE,
    MISSING_ATTRIBUTE_VALUE,
)

__all__ = ["FINAL_STATE", "NOT_SETTABLE", "Path", "check_create", "check_set",
           "final_state_missing", "has_value"]

#: A tag path from the top level: (sequence tag, ..., attribute tag).
Path = tuple[int, ...]
_NOT_ALLOWED = "not allowed"


def _paths(rows: Iterable[ups.AttributeRow]) -> list[tuple[Path, ups.AttributeRow]]:
    """(path, row) of every attribute row of Table CC.2.5-3, the nesting resolved."""
    out: list[tuple[Path, ups.AttributeRow]] = []
    stack: list[int] = []
    for row in rows:
        if row.kind != "attribute":
            continue
        del stack[row.depth:]
        path = (*stack, row.tag)
        out.append((path, row))
        stack.append(row.tag)
    return out


_ROWS: list[tuple[Path, ups.AttributeRow]] = _paths(ups.ATTRIBUTES)

#: Path -> the Final State Code of the attribute (PS3.4 Table CC.2.5-3, "Final State").
FINAL_STATE: dict[Path, str] = {p: r.final for p, r in _ROWS if r.final in ups.FINAL_STATE_CODES}
#: Top-level tags an N-SET shall not change ("Req. Type N-SET": Not allowed).
NOT_SETTABLE: frozenset[int] = frozenset(
    p[0] for p, r in _ROWS if len(p) == 1 and r.set == _NOT_ALLOWED)
#: Path -> the N-CREATE requirement "SCU/SCP" (``"1/1"``, ``"2/2"``, ...).
_CREATE: dict[Path, str] = {p: r.create for p, r in _ROWS if "/" in r.create}


def has_value(elem: Any) -> bool:
    """True when a data element has a value (a sequence: at least one item)."""
    if elem is None:
        return False
    value = elem.value
    if value is None:
        return False
    if isinstance(value, str | bytes):
        return bool(value.strip(" \0") if isinstance(value, str) else value)
    try:
        return len(value) > 0
    except TypeError:
        return True


def _items(ds: Dataset, path: Path) -> list[Dataset]:
    """The items holding the last tag of ``path``: ``[ds]`` at the top level, else every
    item of the sequences along the path."""
    current = [ds]
    for tag in path[:-1]:
        nxt: list[Dataset] = []
        for item in current:
            elem = item.get(tag)
            if elem is not None and elem.vr == "SQ" and elem.value:
                nxt.extend(i for i in elem.value if isinstance(i, Dataset))
        current = nxt
    return current


def check_create(ds: Dataset, *, uid: str = "") -> list[int]:
    """Check an N-CREATE's attributes (see the module); add the Type 2 attributes the SCU
    left out, empty.  The tags added are returned.

    Raises
    ------
    WorkitemError
        0120H/0121H for a Type 1 attribute absent/empty, C309H when Procedure Step State is
        not SCHEDULED, 0106H for a Transaction UID with a value.
    """
    added: list[int] = []
    missing: list[int] = []
    empty: list[int] = []
    for path, requirement in _CREATE.items():
        scu = requirement.split("/", 1)[0]
        for item in _items(ds, path):
            elem = item.get(path[-1])
            if scu == "1":
                if elem is None:
                    missing.append(path[-1])
                elif not has_value(elem):
                    empty.append(path[-1])
            elif scu == "2" and elem is None and len(path) == 1:
                item.add_new(path[-1], dictionary_vr(path[-1]), None, validation_mode="ignore")
                added.append(path[-1])
    if missing:
        raise WorkitemError(MISSING_ATTRIBUTE, "N-CREATE lacks Type 1 attributes "
                            "(PS3.4 Table CC.2.5-3)", uid=uid, offending=tuple(missing))
    if empty:
        raise WorkitemError(MISSING_ATTRIBUTE_VALUE, "N-CREATE has Type 1 attributes without "
                            "a value (PS3.4 Table CC.2.5-3)", uid=uid, offending=tuple(empty))
    state = ds.get(tags.ProcedureStepState)
    if state is None or str(state.value or "").strip() != ups.SCHEDULED:
        raise WorkitemError(ups.UpsStatus.PROVIDED_VALUE_OF_UPS_STATE_WAS_NOT_SCHEDULED,
                            "a UPS is created SCHEDULED (PS3.4 CC.2.5.3)", uid=uid,
                            offending=(tags.ProcedureStepState,))
    if has_value(ds.get(tags.TransactionUID)):
        raise WorkitemError(INVALID_ATTRIBUTE_VALUE, "Transaction UID shall be empty in an "
                            "N-CREATE (PS3.4 Table CC.2.5-3)", uid=uid,
                            offending=(tags.TransactionUID,))
    return added


def check_set(ds: Dataset, *, uid: str = "") -> None:
    """Refuse an N-SET that changes attributes N-SET may not change (PS3.4 Table CC.2.5-3).

    Raises
    ------
    WorkitemError
        0106H Invalid Attribute Value naming the tags.
    """
    bad = tuple(int(t) for t in ds if int(t) in NOT_SETTABLE)
    if bad:
        raise WorkitemError(INVALID_ATTRIBUTE_VALUE, "N-SET may not change these attributes "
                            "(PS3.4 Table CC.2.5-3: Not allowed; the state changes by "
                            "N-ACTION)", uid=uid, offending=bad)


def final_state_missing(ds: Dataset, state: str) -> list[Path]:
    """The paths of the attributes without a value whose Final State Code forbids ``state``
    (PS3.4 Table CC.2.5-1); empty when the UPS may be set to ``state``."""
    out: list[Path] = []
    for path, code in FINAL_STATE.items():
        entry = ups.FINAL_STATE_CODES[code]
        if state not in entry.forbids or entry.conditional:
            continue
        for item in _items(ds, path):
            if not has_value(item.get(path[-1])):
                out.append(path)
                break
    return out
