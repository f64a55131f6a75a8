"""The rules of PS3.4 F.7.2 an MPPS SCP enforces, from the generated tables.

* N-CREATE (F.7.2.1.3): Performed Procedure Step Status (0040,0252) is the create status of
  :data:`~dicomkit.generated.workflow.MPPS_STATES` ("IN PROGRESS"), else Invalid Attribute
  Value (0106H); the attributes Table F.7.2-1 makes Type 1 for the SCP's N-CREATE are there
  (Missing Attribute, 0120H) with a value (Missing Attribute Value, 0121H), in the items of the
  sequences that are there too.
* N-SET (F.7.2.2.3): accepted only while the stored status is the create status; afterwards
  Processing Failure (0110H) with the Error Comment and Error ID of Table F.7.2-2 (A710H).
  Attributes whose N-SET column says "Not allowed" are refused with No such Attribute (0105H)
  and the Attribute Identifier List naming them (PS3.4 names no status for this; PS3.7 C.5.17
  is the one whose related field lists tags, and dcm4che answers the same).  The status may
  become a final one ("COMPLETED", "DISCONTINUED") or stay; another value is Invalid Attribute
  Value (0106H).  Becoming final needs the Final State Type 1 attributes (F.7.2.2.2:
  Performed Procedure Step End Date and Time, Performed Series Sequence with its Type 1 item
  attributes) once the modification is applied (Missing Attribute Value, 0121H).
* An N-SET replaces each attribute it carries, sequences whole (PS3.7 10.1.3.1.1: "the
  Attribute values ... replace the values of the Attributes").

Attributes the table does not list are allowed: it ends with "All other Attributes of the
Section C.4.17 in PS3.3", Type 3 in both N-CREATE and N-SET.
"""

from __future__ import annotations

from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.generated.statuses import StatusType
from dicomkit.generated.workflow import MPPS_ATTRIBUTES, MPPS_STATES, attributes_at
from dicomkit.net.services.mpps.errors import MppsRuleError

__all__ = ["FINAL", "IN_PROGRESS", "apply_set", "check_create", "check_set", "status_of"]

IN_PROGRESS = MPPS_STATES.create
FINAL = MPPS_STATES.final
_INVALID = int(StatusType.INVALID_ATTRIBUTE_VALUE)
_MISSING = int(StatusType.MISSING_ATTRIBUTE)
_MISSING_VALUE = int(StatusType.MISSING_ATTRIBUTE_VALUE)
_NO_SUCH = int(StatusType.NO_SUCH_ATTRIBUTE)
_PPS_STATUS = tags.PerformedProcedureStepStatus


def _empty(ds: Dataset, tag: int) -> bool:
    elem = ds.get(tag)
    if elem is None:
        return True
    value = elem.value
    if value is None:
        return True
    if isinstance(value, (str, bytes, list, Sequence)):
        return len(value) == 0 or (isinstance(value, str) and not value.strip(" \0"))
    return False


def status_of(ds: Dataset) -> str:
    """Performed Procedure Step Status (0040,0252) of ``ds``, ``""`` when absent."""
    elem = ds.get(_PPS_STATUS)
    return "" if elem is None or elem.value is None else str(elem.value).strip()


def _required(ds: Dataset, path: tuple[int, ...], column: str, where: str) -> None:
    """The Type 1 attributes of ``column`` at ``path`` in ``ds``, then in the items of its
    sequences, recursively."""
    absent: list[int] = []
    empty: list[int] = []
    for attr in attributes_at(MPPS_ATTRIBUTES, path):
        kind = getattr(attr, column)
        if kind == "1":
            if attr.tag not in ds:
                absent.append(attr.tag)
            elif _empty(ds, attr.tag):
                empty.append(attr.tag)
    if absent:
        raise MppsRuleError(_MISSING if column.startswith("create") else _MISSING_VALUE,
                            f"{where}: Type 1 missing (PS3.4 Table F.7.2-1)",
                            attributes=tuple(absent))
    if empty:
        raise MppsRuleError(_MISSING_VALUE, f"{where}: Type 1 empty (PS3.4 Table F.7.2-1)",
                            attributes=tuple(empty))
    for attr in attributes_at(MPPS_ATTRIBUTES, path):
        elem = ds.get(attr.tag)
        if elem is not None and isinstance(elem.value, Sequence):
            for item in elem.value:
                _required(item, (*path, attr.tag), column, where)


def check_create(ds: Dataset) -> None:
    """Raise :class:`MppsRuleError` unless ``ds`` may be the Attribute List of an N-CREATE
    (see the module)."""
    status = status_of(ds)
    if status != IN_PROGRESS:
        raise MppsRuleError(_INVALID, f"N-CREATE status {status!r}, not {IN_PROGRESS!r} "
                            f"(PS3.4 {MPPS_STATES.section_create})", attributes=(_PPS_STATUS,))
    not_allowed = tuple(a.tag for a in attributes_at(MPPS_ATTRIBUTES, ())
                        if not a.create_scu and a.tag in ds)
    if not_allowed:
        raise MppsRuleError(_NO_SUCH, "not allowed in an N-CREATE (PS3.4 Table F.7.2-1)",
                            attributes=not_allowed)
    _required(ds, (), "create_scp", "N-CREATE")


def check_set(current: Dataset, modifications: Dataset) -> None:
    """Raise :class:`MppsRuleError` unless ``modifications`` may be applied to the stored
    ``current`` by an N-SET (see the module)."""
    if status_of(current) != IN_PROGRESS:
        raise MppsRuleError(MPPS_STATES.failure_status, MPPS_STATES.failure_comment,
                            error_id=MPPS_STATES.failure_error_id)
    not_allowed = tuple(a.tag for a in attributes_at(MPPS_ATTRIBUTES, ())
                        if not a.set_scu and a.tag in modifications)
    if not_allowed:
        raise MppsRuleError(_NO_SUCH, "not allowed in an N-SET (PS3.4 Table F.7.2-1)",
                            attributes=not_allowed)
    if _PPS_STATUS in modifications:
        status = status_of(modifications)
        if status not in (IN_PROGRESS, *FINAL):
            raise MppsRuleError(_INVALID, f"status {status!r}, not {IN_PROGRESS}, "
                                f"{' or '.join(FINAL)} (PS3.4 {MPPS_STATES.section_final})",
                                attributes=(_PPS_STATUS,))
    after = apply_set(current, modifications)
    if status_of(after) in FINAL:
        _required(after, (), "final", f"N-SET to {status_of(after)}")


def apply_set(current: Dataset, modifications: Dataset) -> Dataset:
    """A copy of ``current`` with each attribute of ``modifications`` replacing its own (the
    elements are shared, not copied: neither data set is changed)."""
    out = current.copy()
    for elem in modifications.elements():
        out[elem.tag] = elem
    return out
