"""SR documents: a content tree with the modules of an SR IOD (PS3.3 A.35, C.17.1, C.17.2).

:meth:`SRDocument.create` makes a new instance around a content tree: Patient and General Study
copied from a source instance (or left empty, type 2), SR Document Series, General Equipment, SR
Document General (flags, content date/time, the evidence the report rests on) and SOP Common.
:meth:`SRDocument.from_dataset` reads one; :meth:`SRDocument.to_dataset` writes the tree back
into the data set.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence as DicomSequence
from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.sr.code import keyword_tag
from dicomkit.sr.constraints import check_relationships
from dicomkit.sr.content import ContentItem, read_content_tree
from dicomkit.sr.errors import SRError

#: Attributes copied from the source instance: Patient Module (PS3.3 C.7.1.1) and General Study
#: Module (C.7.2.1) type 1/2 attributes, which every SR IOD holds.
PATIENT_STUDY = ("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyInstanceUID",
                 "StudyDate", "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber",
                 "IssuerOfPatientID", "OtherPatientIDsSequence", "PatientAge", "StudyDescription")

#: Type 2 attributes of those modules that must be present even when empty.
_TYPE2 = ("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyDate", "StudyTime",
          "ReferringPhysicianName", "StudyID", "AccessionNumber")

_ROOT_ATTRIBUTES = frozenset(keyword_tag(k)[0] for k in (
    "ValueType", "ConceptNameCodeSequence", "ContinuityOfContent", "ContentTemplateSequence",
    "ContentSequence", "ObservationDateTime", "ObservationUID"))

#: SR Storage SOP Classes whose IOD is made of the SR Document modules (PS3.4 B.5, PS3.3 A.35).
SR_SOP_CLASSES = frozenset(v for k, v in vars(uids).items()
                           if isinstance(v, str) and k.endswith("SRStorage"))


def _set(ds: Dataset, keyword: str, value: Any) -> None:
    tag, vr = keyword_tag(keyword)
    if vr == "SQ":
        ds.put_element(DataElement(tag, vr, DicomSequence(value)))
    else:
        ds.put_element(DataElement(tag, vr, value))


class SRDocument:
    """An SR instance: its content tree and its data set.

    Attributes
    ----------
    root
        The root content item (a CONTAINER: the document title and everything below it).
    dataset
        The data set: document-level modules; :meth:`to_dataset` writes the tree into it.
    """

    def __init__(self, root: ContentItem, dataset: Dataset) -> None:
        self.root = root
        self.dataset = dataset

    @classmethod
    def from_dataset(cls, ds: Dataset) -> SRDocument:
        """Read the content tree of an SR instance."""
        return cls(read_content_tree(ds), ds)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> SRDocument:
        """Read an SR file."""
        from dicomkit.io.reader import read

        return cls.from_dataset(read(path))

    @classmethod
    def create(cls, root: ContentItem, *, sop_class_uid: str = uids.ComprehensiveSRStorage,
               evidence: Sequence[Dataset] = (), source: Dataset | None = None,
               series_instance_uid: str | None = None, series_number: int = 1,
               instance_number: int = 1, series_description: str = "",
               completion_flag: str = "COMPLETE", verification_flag: str = "UNVERIFIED",
               manufacturer: str = "dicomkit", institution_name: str = "",
               content_datetime: datetime.datetime | None = None,
               uid_prefix: str | None = None) -> SRDocument:
        """A new SR instance holding ``root`` (PS3.3 A.35, C.17).

        Parameters
        ----------
        root
            The root CONTAINER (its ``template`` becomes the Content Template Sequence).
        sop_class_uid
            An SR Storage SOP Class (Comprehensive SR by default).
        evidence
            The instances the report was made from: listed in the Current Requested Procedure
            Evidence Sequence (PS3.3 C.17.2.3), grouped by study and series.  The first also gives
            patient and study when ``source`` is not given.
        source
            The instance whose Patient and General Study attributes the report copies.
        completion_flag, verification_flag
            Completion Flag (PARTIAL / COMPLETE) and Verification Flag (UNVERIFIED / VERIFIED;
            VERIFIED needs a Verifying Observer Sequence, which :meth:`create` does not make).

        Raises
        ------
        SRError
            A SOP class that is not SR, a root that is not a titled CONTAINER, flags out of
            their values, or a content item whose value type the IOD's Relationship Content
            Constraints table does not allow there (a NUM in Basic Text SR, PS3.3 A.35.1-2;
            :mod:`dicomkit.sr.constraints`).
        """
        if sop_class_uid not in SR_SOP_CLASSES:
            raise SRError(f"{sop_class_uid} is not an SR Storage SOP Class (PS3.4 B.5)")
        if root.value_type != "CONTAINER" or root.concept is None:
            raise SRError("the root of an SR document is a CONTAINER with a concept name (the "
                          "document title, PS3.3 C.17.3)")
        check_relationships(root, sop_class_uid)
        if completion_flag not in ("PARTIAL", "COMPLETE"):
            raise SRError(f"Completion Flag {completion_flag!r}: PARTIAL or COMPLETE (PS3.3 C.17.2)")
        if verification_flag not in ("UNVERIFIED", "VERIFIED"):
            raise SRError(f"Verification Flag {verification_flag!r}: UNVERIFIED or VERIFIED")
        if verification_flag == "VERIFIED":
            raise SRError("a VERIFIED document needs a Verifying Observer Sequence; create it "
                          "UNVERIFIED and add the observer to the data set")
        ds = Dataset.new(sop_class_uid, uid_prefix=uid_prefix)
        _set(ds, "SpecificCharacterSet", "ISO_IR 192")
        src = source if source is not None else (evidence[0] if evidence else None)
        for kw in PATIENT_STUDY:
            value = src.get(kw) if src is not None else None
            if value is not None and value.value not in (None, ""):
                ds.put_element(DataElement(value.tag, value.vr, value.value))
            elif kw in _TYPE2:
                _set(ds, kw, "")
        if ds.get("StudyInstanceUID") is None:
            _set(ds, "StudyInstanceUID", generate_uid(uid_prefix))
        now = content_datetime or datetime.datetime.now()
        _set(ds, "Modality", "SR")
        _set(ds, "SeriesInstanceUID", series_instance_uid or generate_uid(uid_prefix))
        _set(ds, "SeriesNumber", series_number)
        if series_description:
            _set(ds, "SeriesDescription", series_description)
        _set(ds, "ReferencedPerformedProcedureStepSequence", [])
        _set(ds, "Manufacturer", manufacturer)
        if institution_name:
            _set(ds, "InstitutionName", institution_name)
        _set(ds, "InstanceNumber", instance_number)
        _set(ds, "CompletionFlag", completion_flag)
        _set(ds, "VerificationFlag", verification_flag)
        _set(ds, "ContentDate", now.strftime("%Y%m%d"))
        _set(ds, "ContentTime", now.strftime("%H%M%S"))
        _set(ds, "InstanceCreationDate", now.strftime("%Y%m%d"))
        _set(ds, "InstanceCreationTime", now.strftime("%H%M%S"))
        _set(ds, "PerformedProcedureCodeSequence", [])
        if evidence:
            _set(ds, "CurrentRequestedProcedureEvidenceSequence", _evidence(evidence))
        # the tree is written into the data set by to_dataset(), once, when it is needed
        return cls(root, ds)

    def to_dataset(self) -> Dataset:
        """The data set with the content tree written into it (PS3.3 C.17.3) and returned."""
        ds = self.dataset
        for tag in _ROOT_ATTRIBUTES:
            if tag in ds:
                del ds[tag]
        item = self.root.to_item()
        for elem in item.elements():
            if elem.tag in _ROOT_ATTRIBUTES:
                ds.put_element(elem)
        return ds

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the document as a Part 10 file."""
        from dicomkit.io.writer import write

        write(path, self.to_dataset())


def _evidence(instances: Sequence[Dataset]) -> list[Dataset]:
    """The Hierarchical SOP Instance Reference Macro items of ``instances`` (PS3.3 C.17.2.3)."""
    studies: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for i, inst in enumerate(instances):
        try:
            study, series = str(inst.StudyInstanceUID), str(inst.SeriesInstanceUID)
            sop = (str(inst.SOPClassUID), str(inst.SOPInstanceUID))
        except AttributeError as exc:
            raise SRError(f"evidence instance {i} ({inst.filename or 'in memory'}) lacks a UID the "
                          f"evidence sequence needs: {exc}") from None
        refs = studies.setdefault(study, {}).setdefault(series, [])
        if sop not in refs:
            refs.append(sop)
    out = []
    for study, series_map in studies.items():
        series_items = []
        for series, sops in series_map.items():
            sop_items = []
            for cls_uid, inst_uid in sops:
                s = Dataset()
                _set(s, "ReferencedSOPClassUID", cls_uid)
                _set(s, "ReferencedSOPInstanceUID", inst_uid)
                sop_items.append(s)
            se = Dataset()
            _set(se, "ReferencedSOPSequence", sop_items)
            _set(se, "SeriesInstanceUID", series)
            series_items.append(se)
        st = Dataset()
        _set(st, "ReferencedSeriesSequence", series_items)
        _set(st, "StudyInstanceUID", study)
        out.append(st)
    return out
