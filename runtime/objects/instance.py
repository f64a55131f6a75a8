"""Modules every object of this layer shares: Patient (PS3.3 C.7.1.1) and General Study
(C.7.2.1) copied from a source instance, General Series (C.7.3.1), General Equipment (C.7.5.1),
Enhanced General Equipment (C.7.5.2), General Image (C.7.6.1) and SOP Common (C.12.1) dates.

Elements are made with their dictionary VR (PS3.6) looked up by keyword from the generated
registry, once per keyword.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence as DicomSequence
from dicomkit.core.uid import generate_uid
from dicomkit.generated.dictionary import lookup, tag_for_keyword
from dicomkit.objects.errors import ObjectError

#: Patient Module (PS3.3 C.7.1.1) and General Study Module (C.7.2.1) attributes copied from the
#: source instance.
PATIENT_STUDY = ("PatientName", "PatientID", "IssuerOfPatientID", "PatientBirthDate", "PatientSex",
                 "OtherPatientIDsSequence", "PatientAge", "StudyInstanceUID", "StudyDate",
                 "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber",
                 "StudyDescription")

#: Their type 2 attributes: present, empty when the source has no value.
PATIENT_STUDY_TYPE2 = ("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyDate",
                       "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber")


@cache
def tag_vr(keyword: str) -> tuple[int, str]:
    """``(tag, VR)`` of a keyword from the generated data dictionary (PS3.6 Table 6-1); an
    element with several VRs (``US or SS``) takes the first.

    Raises
    ------
    ObjectError
        When the keyword is not in the dictionary.
    """
    tag = tag_for_keyword(keyword)
    entry = lookup(tag) if tag is not None else None
    if tag is None or entry is None:
        raise ObjectError(f"{keyword} is not in the generated data dictionary (PS3.6)")
    return tag, entry[0].split(" or ")[0]


def element(keyword: str, value: Any, vr: str | None = None) -> DataElement:
    """A data element of ``keyword`` (its dictionary VR unless ``vr`` is given); a list of data
    sets for an SQ becomes a :class:`~dicomkit.Sequence`."""
    tag, dvr = tag_vr(keyword)
    vr = vr or dvr
    if vr == "SQ":
        value = DicomSequence(value)
    return DataElement(tag, vr, value)


def put(ds: Dataset, keyword: str, value: Any, vr: str | None = None) -> None:
    """Set ``keyword`` in ``ds`` to ``value`` (no value checks: the builders make valid values)."""
    ds.put_element(element(keyword, value, vr))


def item(**values: Any) -> Dataset:
    """A sequence item with the elements given by keyword."""
    elements = {}
    for kw, value in values.items():
        el = element(kw, value)
        elements[el.tag] = el
    return Dataset(elements)


def text(ds: Dataset, keyword: str, default: str = "") -> str:
    """The value of a text attribute of ``ds`` as a string, ``default`` when absent or empty."""
    el = ds.get(tag_vr(keyword)[0])
    if el is None or el.value in (None, "", b""):
        return default
    return str(el.value)


def sequence(ds: Dataset, keyword: str) -> list[Dataset]:
    """The items of a sequence attribute of ``ds`` (none when absent)."""
    el = ds.get(tag_vr(keyword)[0])
    if el is None or not el.value:
        return []
    return list(el.value)


def copy_patient_study(ds: Dataset, source: Dataset | None, uid_prefix: str | None) -> None:
    """Copy the Patient and General Study attributes of ``source`` into ``ds`` (type 2 ones
    empty when the source lacks them; a new Study Instance UID without a source)."""
    for kw in PATIENT_STUDY:
        el = source.get(tag_vr(kw)[0]) if source is not None else None
        if el is not None and el.value not in (None, ""):
            ds.put_element(DataElement(el.tag, el.vr, el.value))
        elif kw in PATIENT_STUDY_TYPE2:
            put(ds, kw, "")
    if tag_vr("StudyInstanceUID")[0] not in ds:
        put(ds, "StudyInstanceUID", generate_uid(uid_prefix))


def new_instance(sop_class_uid: str, source: Dataset | None, *, modality: str,
                 series_instance_uid: str | None, series_number: int, instance_number: int,
                 series_description: str, manufacturer: str, model_name: str,
                 software_versions: str, device_serial_number: str,
                 content_datetime: datetime.datetime | None, uid_prefix: str | None,
                 enhanced_equipment: bool = True, general_image: bool = True,
                 laterality: bool = False) -> Dataset:
    """A new data set with the shared modules: SOP Common, Patient, General Study, General
    Series, General (and Enhanced General) Equipment, the content date and time of General Image
    (PS3.3 C.7.6.1) and the Frame of Reference of ``source`` when it has one."""
    ds = Dataset.new(sop_class_uid, uid_prefix=uid_prefix)
    put(ds, "SpecificCharacterSet", "ISO_IR 192")
    copy_patient_study(ds, source, uid_prefix)
    now = content_datetime or datetime.datetime.now()
    put(ds, "InstanceCreationDate", now.strftime("%Y%m%d"))
    put(ds, "InstanceCreationTime", now.strftime("%H%M%S"))
    put(ds, "Modality", modality)
    put(ds, "SeriesInstanceUID", series_instance_uid or generate_uid(uid_prefix))
    put(ds, "SeriesNumber", series_number)
    if series_description:
        put(ds, "SeriesDescription", series_description)
    put(ds, "Manufacturer", manufacturer)
    if enhanced_equipment:
        put(ds, "ManufacturerModelName", model_name)
        put(ds, "DeviceSerialNumber", device_serial_number)
        put(ds, "SoftwareVersions", software_versions)
    put(ds, "InstanceNumber", instance_number)
    if general_image:
        put(ds, "ContentDate", now.strftime("%Y%m%d"))
        put(ds, "ContentTime", now.strftime("%H%M%S"))
    if source is not None:
        # the Frame of Reference; Laterality (C.7.3.1, 2C: required for a paired body part when
        # no Image or Frame Laterality is sent) when asked: the same body part as the source's
        copied = ("FrameOfReferenceUID", "PositionReferenceIndicator")
        for kw in copied + (("Laterality",) if laterality else ()):
            el = source.get(tag_vr(kw)[0])
            if el is not None:
                ds.put_element(DataElement(el.tag, el.vr, el.value))
    return ds


def referenced_series(sources: Iterable[Dataset]) -> list[Dataset]:
    """The Referenced Series Sequence items of the Common Instance Reference Module (PS3.3
    C.12.2) for instances of one study: one item per series, each instance once."""
    series: dict[str, list[tuple[str, str]]] = {}
    for i, src in enumerate(sources):
        try:
            refs = series.setdefault(str(src.SeriesInstanceUID), [])
            ref = (str(src.SOPClassUID), str(src.SOPInstanceUID))
        except AttributeError as exc:
            raise ObjectError(f"source instance {i} ({src.filename or 'in memory'}) lacks a UID "
                              f"the references need: {exc}") from None
        if ref not in refs:
            refs.append(ref)
    return [item(ReferencedInstanceSequence=[item(ReferencedSOPClassUID=c,
                                                  ReferencedSOPInstanceUID=u) for c, u in refs],
                 SeriesInstanceUID=uid) for uid, refs in series.items()]


def same_study(sources: Sequence[Dataset]) -> None:
    """Refuse sources of more than one study (the objects reference them from one study)."""
    studies = {text(s, "StudyInstanceUID") for s in sources}
    if len(studies) > 1:
        raise ObjectError(f"the source instances belong to {len(studies)} studies; an object "
                          "references images of its own study (PS3.3 C.12.2): split them")
