"""Key Object Selection documents: a titled list of instances (PS3.3 A.35.4, PS3.16 TID 2010).

:func:`create_key_object_selection` makes one: Key Object Document Series (Modality KO) and
Key Object Document Modules (C.17.6), the evidence of every referenced instance (C.17.6.2.1), and
the content tree of TID 2010: a CONTAINER titled from CID 7010, an optional Key Object
Description, one IMAGE item per image (frames as given) and one COMPOSITE item per other
instance.  :func:`read_key_object_selection` gives back the title, the description and the
references.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.generated.sr_templates import TEMPLATES
from dicomkit.objects.codes import find_code
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.instance import copy_patient_study, put, text
from dicomkit.sr.code import Code
from dicomkit.sr.content import ContentItem, Reference, read_content_tree

__all__ = ["KeyObjectSelection", "create_key_object_selection", "read_key_object_selection"]

#: PS3.16 TID 2010 Key Object Selection, and its document title group (row 1, CID 7010).
TID_KEY_OBJECT_SELECTION = "2010"
CID_KEY_OBJECT_TITLE = 7010


def _row_concept(label: str) -> Code:
    """The concept of row ``label`` of TID 2010 (an EV code in the generated template)."""
    template = TEMPLATES.get(TID_KEY_OBJECT_SELECTION)
    if template is None:
        raise ObjectError("TID 2010 is not in the generated PS3.16 templates")
    for row in template.rows:
        if row.label == label and row.concept is not None and row.concept[0] == "EV":
            return Code.of(row.concept)
    raise ObjectError(f"row {label} of TID 2010 has no EV concept in the generated template")


def _description_concept() -> Code:
    """TID 2010 row 7: TEXT Key Object Description."""
    return _row_concept("7")


@dataclass
class KeyObjectSelection:
    """A Key Object Selection document read (or made).

    Attributes
    ----------
    title
        The document title (CID 7010).
    description
        The Key Object Description, or ``""``.
    references
        The instances selected, in the order of the content tree.
    dataset
        The data set.
    """

    title: Code
    description: str
    references: list[Reference] = field(default_factory=list)
    dataset: Dataset | None = None


def _is_image(ds: Dataset) -> bool:
    return any(t in ds for t in (tags.PixelData, tags.FloatPixelData, tags.DoubleFloatPixelData))


def create_key_object_selection(
        instances: Sequence[Dataset], *, title: Code | str = "Of Interest",
        description: str = "", frames: dict[str, Sequence[int]] | None = None,
        series_instance_uid: str | None = None, series_number: int = 1,
        instance_number: int = 1, manufacturer: str = "dicomkit",
        content_datetime: datetime.datetime | None = None,
        uid_prefix: str | None = None) -> Dataset:
    """A new Key Object Selection Document (PS3.3 A.35.4) selecting ``instances``.

    Parameters
    ----------
    instances
        The instances selected (of one patient; they may span studies).  Images (with pixel
        data) become IMAGE items, others COMPOSITE items (TID 2010 rows 8, 10).
    title
        The document title: a code of CID 7010, or its code value or meaning (``"Of Interest"``,
        ``"For Teaching"``, ``"113000"``).
    description
        The Key Object Description (TID 2010 row 7), optional.
    frames
        SOP Instance UID -> the frame numbers selected of that multi-frame image.

    Raises
    ------
    ObjectError
        No instances, a title outside CID 7010, instances without UIDs or of several patients.
    """
    if not instances:
        raise ObjectError("a key object selection selects at least one instance (TID 2010 "
                          "rows 8-10)")
    code = title if isinstance(title, Code) else find_code(CID_KEY_OBJECT_TITLE, title)
    if isinstance(title, Code):
        find_code(CID_KEY_OBJECT_TITLE, title.value)    # a member of CID 7010, or refused
    patients = {text(s, "PatientID") for s in instances}
    if len(patients) > 1:
        raise ObjectError(f"the instances belong to {len(patients)} patients; a key object "
                          "selection is about one (PS3.3 A.35.4)")
    frames = frames or {}
    root = ContentItem("CONTAINER", concept=code, template=TID_KEY_OBJECT_SELECTION)
    if description:
        root.add(ContentItem("TEXT", "CONTAINS", _description_concept(), description))
    for i, inst in enumerate(instances):
        try:
            ref = Reference(str(inst.SOPClassUID), str(inst.SOPInstanceUID),
                            tuple(frames.get(str(inst.SOPInstanceUID), ())))
            str(inst.StudyInstanceUID), str(inst.SeriesInstanceUID)
        except AttributeError as exc:
            raise ObjectError(f"instance {i} ({inst.filename or 'in memory'}) lacks a UID the "
                              f"selection needs: {exc}") from None
        root.add(ContentItem("IMAGE" if _is_image(inst) else "COMPOSITE", "CONTAINS", None, ref))

    ds = Dataset.new(uids.KeyObjectSelectionDocumentStorage, uid_prefix=uid_prefix)
    put(ds, "SpecificCharacterSet", "ISO_IR 192")
    copy_patient_study(ds, instances[0], uid_prefix)
    now = content_datetime or datetime.datetime.now()
    put(ds, "InstanceCreationDate", now.strftime("%Y%m%d"))
    put(ds, "InstanceCreationTime", now.strftime("%H%M%S"))
    put(ds, "Modality", "KO")
    put(ds, "SeriesInstanceUID", series_instance_uid or generate_uid(uid_prefix))
    put(ds, "SeriesNumber", series_number)
    put(ds, "ReferencedPerformedProcedureStepSequence", [])
    put(ds, "Manufacturer", manufacturer)
    put(ds, "InstanceNumber", instance_number)
    put(ds, "ContentDate", now.strftime("%Y%m%d"))
    put(ds, "ContentTime", now.strftime("%H%M%S"))
    put(ds, "CurrentRequestedProcedureEvidenceSequence", _evidence(instances))
    for el in root.to_item().elements():
        ds.put_element(el)
    return ds


def _evidence(instances: Sequence[Dataset]) -> list[Dataset]:
    """Hierarchical SOP Instance Reference Macro items (PS3.3 C.17-3) by study and series."""
    studies: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for inst in instances:
        refs = studies.setdefault(str(inst.StudyInstanceUID), {}).setdefault(
            str(inst.SeriesInstanceUID), [])
        ref = (str(inst.SOPClassUID), str(inst.SOPInstanceUID))
        if ref not in refs:
            refs.append(ref)
    out = []
    for study, series in studies.items():
        series_items = []
        for uid, refs in series.items():
            sops = []
            for c, u in refs:
                s = Dataset()
                put(s, "ReferencedSOPClassUID", c)
                put(s, "ReferencedSOPInstanceUID", u)
                sops.append(s)
            se = Dataset()
            put(se, "ReferencedSOPSequence", sops)
            put(se, "SeriesInstanceUID", uid)
            series_items.append(se)
        st = Dataset()
        put(st, "ReferencedSeriesSequence", series_items)
        put(st, "StudyInstanceUID", study)
        out.append(st)
    return out


def read_key_object_selection(source: Dataset | str | os.PathLike[str]) -> KeyObjectSelection:
    """The title, description and references of a Key Object Selection Document.

    Raises
    ------
    ObjectError
        Not a Key Object Selection Document, or a content tree without a title.
    """
    if not isinstance(source, Dataset):
        from dicomkit.io.reader import read

        source = read(source)
    ds = source
    if text(ds, "SOPClassUID") != uids.KeyObjectSelectionDocumentStorage:
        raise ObjectError(f"SOP Class {text(ds, 'SOPClassUID') or '(none)'} is not Key Object "
                          "Selection Document Storage (PS3.4 B.5)", source=ds.filename)
    try:
        root = read_content_tree(ds)
    except DicomError as exc:
        raise ObjectError(f"content tree: {exc}", source=ds.filename) from None
    if root.concept is None:
        raise ObjectError("the root CONTAINER has no title (TID 2010 row 1)", source=ds.filename)
    wanted = _description_concept()
    description = ""
    refs = []
    for child in root.children:
        if child.value_type == "TEXT" and child.concept == wanted:
            description = str(child.value)
        elif child.value_type in ("IMAGE", "COMPOSITE", "WAVEFORM") and \
                isinstance(child.value, Reference):
            refs.append(child.value)
    return KeyObjectSelection(root.concept, description, refs, ds)
