"""The Attribute List of an Instance Availability Notification (PS3.4 R.3.2, Table R.3.2-1):
built from the instances of a study, checked against the table's Type 1 attributes, read back.

Instance Availability (0008,0056) values are the codes of CID 50 "Instance Availability
Status" (ONLINE, NEARLINE, OFFLINE, UNAVAILABLE; PS3.3 C.4.23.1.1 lists the same), from the
generated context groups.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.generated.context_groups import CONTEXT_GROUPS
from dicomkit.generated.workflow import IAN_ATTRIBUTES, attributes_at

__all__ = ["AVAILABILITY", "AvailableInstance", "missing_attributes", "notification",
           "read_notification"]

#: The Instance Availability (0008,0056) values (CID 50).
AVAILABILITY: tuple[str, ...] = next(
    tuple(c.value for c in g.codes) for g in CONTEXT_GROUPS.values()
    if g.keyword == "InstanceAvailabilityStatus")


@dataclass(frozen=True)
class AvailableInstance:
    """One instance of a notification: its series, SOP class and instance, availability and
    where to retrieve it."""

    series_uid: str
    sop_class: str
    sop_instance: str
    availability: str = "ONLINE"
    retrieve_ae_title: str = ""


def notification(study_uid: str, instances: Iterable[AvailableInstance], *,
                 performed_procedure_steps: Iterable[tuple[str, str]] = ()) -> Dataset:
    """The Attribute List of the N-CREATE for ``instances`` of study ``study_uid``, grouped by
    series in the order first seen; ``performed_procedure_steps`` are (SOP class, SOP
    instance) of the Referenced Performed Procedure Step Sequence (Type 2: empty when none).

    Raises
    ------
    ValueError
        For an availability that is not one of :data:`AVAILABILITY`, or no instances.
    """
    by_series: dict[str, list[AvailableInstance]] = {}
    for inst in instances:
        if inst.availability not in AVAILABILITY:
            raise ValueError(f"Instance Availability {inst.availability!r}: one of "
                             f"{', '.join(AVAILABILITY)} (CID 50)")
        by_series.setdefault(inst.series_uid, []).append(inst)
    if not by_series:
        raise ValueError("a notification names at least one instance (Referenced Series "
                         "Sequence is Type 1, PS3.4 Table R.3.2-1)")
    ds = Dataset()
    pps = []
    for sop_class, sop_instance in performed_procedure_steps:
        item = Dataset()
        item.add_new(tags.ReferencedSOPClassUID, "UI", sop_class)
        item.add_new(tags.ReferencedSOPInstanceUID, "UI", sop_instance)
        item.add_new(tags.PerformedWorkitemCodeSequence, "SQ", Sequence([]))
        pps.append(item)
    ds.add_new(tags.ReferencedPerformedProcedureStepSequence, "SQ", Sequence(pps))
    ds.add_new(tags.StudyInstanceUID, "UI", study_uid)
    series_items = []
    for series_uid, members in by_series.items():
        refs = []
        for inst in members:
            ref = Dataset()
            ref.add_new(tags.ReferencedSOPClassUID, "UI", inst.sop_class)
            ref.add_new(tags.ReferencedSOPInstanceUID, "UI", inst.sop_instance)
            ref.add_new(tags.InstanceAvailability, "CS", inst.availability)
            ref.add_new(tags.RetrieveAETitle, "AE", inst.retrieve_ae_title)
            refs.append(ref)
        item = Dataset()
        item.add_new(tags.SeriesInstanceUID, "UI", series_uid)
        item.add_new(tags.ReferencedSOPSequence, "SQ", Sequence(refs))
        series_items.append(item)
    ds.add_new(tags.ReferencedSeriesSequence, "SQ", Sequence(series_items))
    return ds


def _empty(ds: Dataset, tag: int) -> bool:
    elem = ds.get(tag)
    if elem is None or elem.value is None:
        return True
    value = elem.value
    if isinstance(value, str):
        return not value.strip(" \0")
    if isinstance(value, (list, Sequence, bytes)):
        return len(value) == 0
    return False


def missing_attributes(ds: Dataset, path: tuple[int, ...] = ()) -> tuple[tuple[int, ...], bool]:
    """The first Type 1 attribute of Table R.3.2-1 (SCP column) that ``ds`` lacks or leaves
    empty, as its tag path, and whether it is absent (True) or empty (False); ``((), False)``
    when none is."""
    for attr in attributes_at(IAN_ATTRIBUTES, path):
        if attr.create_scp == "1" and _empty(ds, attr.tag):
            return (*path, attr.tag), attr.tag not in ds
    for attr in attributes_at(IAN_ATTRIBUTES, path):
        elem = ds.get(attr.tag)
        if elem is not None and isinstance(elem.value, Sequence):
            for item in elem.value:
                found = missing_attributes(item, (*path, attr.tag))
                if found[0]:
                    return found
    return (), False


def read_notification(ds: Dataset) -> tuple[str, list[AvailableInstance]]:
    """(Study Instance UID, the instances) of a notification's Attribute List."""
    study = str(ds.get(tags.StudyInstanceUID).value or "") if tags.StudyInstanceUID in ds \
        else ""
    out: list[AvailableInstance] = []
    series_elem = ds.get(tags.ReferencedSeriesSequence)
    for series in (series_elem.value if series_elem is not None and series_elem.value
                   else []):
        series_uid = str(series.get(tags.SeriesInstanceUID).value or "") \
            if tags.SeriesInstanceUID in series else ""
        refs = series.get(tags.ReferencedSOPSequence)
        for ref in (refs.value if refs is not None and refs.value else []):
            def text(tag: int, item: Dataset = ref) -> str:
                elem = item.get(tag)
                return "" if elem is None or elem.value is None else str(elem.value).strip()

            out.append(AvailableInstance(series_uid, text(tags.ReferencedSOPClassUID),
                                         text(tags.ReferencedSOPInstanceUID),
                                         text(tags.InstanceAvailability),
                                         text(tags.RetrieveAETitle)))
    return study, out
