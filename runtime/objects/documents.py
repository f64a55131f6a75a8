"""Encapsulated documents: PDF, CDA, STL and OBJ in a DICOM instance, created and extracted.

PS3.3 A.45.1 (Encapsulated PDF IOD), A.45.2 (Encapsulated CDA IOD), A.85.1 and A.85.2
(Encapsulated STL and OBJ IODs), C.24 (Encapsulated Document Series and Module), C.35.1
(Manufacturing 3D Model Module).  :func:`create_encapsulated` wraps the bytes of a document;
:func:`extract` returns them (without the padding byte of an odd length, PS3.5 7.1.1) with their
MIME type.
"""

from __future__ import annotations

import datetime
import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.instance import (
    new_instance,
    put,
    referenced_series,
    same_study,
    tag_vr,
    text,
)
from dicomkit.sr.code import Code

__all__ = ["DOCUMENT_KINDS", "DocumentKind", "EncapsulatedDocument", "create_encapsulated",
           "extract"]


@dataclass(frozen=True)
class DocumentKind:
    """What PS3.3 says of one encapsulated document IOD.

    Attributes
    ----------
    sop_class_uid
        Its Storage SOP Class (PS3.4 B.5).
    mime_type
        MIME Type of Encapsulated Document (0042,0012) the IOD requires.
    modality
        Modality (0008,0060) the IOD requires.
    clause
        The clause of PS3.3 stating both.
    model
        True for the 3D model IODs (Frame of Reference, Enhanced General Equipment and
        Manufacturing 3D Model modules; no SC Equipment).
    """

    sop_class_uid: str
    mime_type: str
    modality: str
    clause: str
    model: bool = False


#: The encapsulated document kinds: MIME type and modality are stated in the prose of each IOD's
#: specialization (not in a table), so they are named here with the clause.
DOCUMENT_KINDS: Final[dict[str, DocumentKind]] = {
    "pdf": DocumentKind(uids.EncapsulatedPDFStorage, "application/pdf", "DOC", "PS3.3 A.45.1.4"),
    "cda": DocumentKind(uids.EncapsulatedCDAStorage, "text/XML", "DOC", "PS3.3 A.45.2.4"),
    "stl": DocumentKind(uids.EncapsulatedSTLStorage, "model/stl", "M3D", "PS3.3 A.85.1.4",
                        model=True),
    "obj": DocumentKind(uids.EncapsulatedOBJStorage, "model/obj", "M3D", "PS3.3 A.85.2.4",
                        model=True),
}

_BY_SOP_CLASS = {k.sop_class_uid: name for name, k in DOCUMENT_KINDS.items()}
_HL7 = "{urn:hl7-org:v3}"
MILLIMETRE: Final = Code("mm", "UCUM", "mm")


def _check_content(kind: str, document: bytes) -> str:
    """Refuse bytes that are not what ``kind`` says; for CDA return the HL7 Instance Identifier
    (the ClinicalDocument's id root, ^extension when present, PS3.3 C.24.2.1)."""
    if kind == "pdf" and not document.lstrip()[:5] == b"%PDF-":
        raise ObjectError("the bytes are not a PDF document (no %PDF- header, ISO 32000 7.5.2)")
    if kind == "cda":
        try:
            root = ET.fromstring(document)
        except ET.ParseError as exc:
            raise ObjectError(f"the CDA document is not well-formed XML: {exc}") from None
        if root.tag != f"{_HL7}ClinicalDocument":
            raise ObjectError(f"the XML root is {root.tag}, not HL7 CDA's ClinicalDocument")
        ident = root.find(f"{_HL7}id")
        if ident is None or not ident.get("root"):
            raise ObjectError("the ClinicalDocument has no id with a root: the HL7 Instance "
                              "Identifier (0040,E001) is made from it (PS3.3 C.24.2.1)")
        ext = ident.get("extension")
        return f"{ident.get('root')}^{ext}" if ext else str(ident.get("root"))
    if kind == "stl" and len(document) < 84 and not document.lstrip().startswith(b"solid"):
        raise ObjectError("the bytes are neither an ASCII STL (solid ...) nor a binary STL "
                          "(80-byte header and a facet count)")
    return ""


def create_encapsulated(
        kind: str, document: bytes, *, source: Dataset | None = None,
        sources: Sequence[Dataset] = (), title: str = "", concept: Code | None = None,
        frame_of_reference_uid: str | None = None, units: Code = MILLIMETRE,
        series_instance_uid: str | None = None, series_number: int = 1,
        instance_number: int = 1, series_description: str = "",
        manufacturer: str = "dicomkit", model_name: str = "dicomkit",
        software_versions: str = "dicomkit", device_serial_number: str = "1",
        burned_in_annotation: bool = True,
        content_datetime: datetime.datetime | None = None,
        uid_prefix: str | None = None) -> Dataset:
    """A new encapsulated document instance holding ``document``.

    Parameters
    ----------
    kind
        ``"pdf"``, ``"cda"``, ``"stl"`` or ``"obj"`` (:data:`DOCUMENT_KINDS`).
    document
        The document's bytes.
    source
        The instance whose patient and study the document belongs to (else ``sources[0]``; a
        new study without either).
    sources
        The instances the document was made from: Source Instance Sequence (PS3.3 C.24.2) and,
        for 3D models, the Common Instance Reference Module; a model takes their Frame of
        Reference.
    title, concept
        Document Title and Concept Name Code Sequence (both type 2).
    frame_of_reference_uid
        For STL and OBJ without sources: the Frame of Reference of the model (new if None).
    units
        For STL and OBJ: Measurement Units Code Sequence (UCUM; millimetres by default).
    burned_in_annotation
        Burned In Annotation: whether the document shows patient identification (YES unless
        told otherwise: a report usually does).

    Raises
    ------
    ObjectError
        An unknown kind, bytes that are not of the kind (PDF header, CDA root and id), sources
        of several studies.
    """
    spec = DOCUMENT_KINDS.get(kind)
    if spec is None:
        raise ObjectError(f"document kind {kind!r}: one of {', '.join(DOCUMENT_KINDS)}")
    if not document:
        raise ObjectError("an empty document (Encapsulated Document is type 1, PS3.3 C.24-2)")
    hl7_id = _check_content(kind, document)
    if sources:
        same_study([*sources, *([source] if source is not None else [])])
    origin = source if source is not None else (sources[0] if sources else None)
    ds = new_instance(spec.sop_class_uid, origin, modality=spec.modality,
                      series_instance_uid=series_instance_uid, series_number=series_number,
                      instance_number=instance_number, series_description=series_description,
                      manufacturer=manufacturer, model_name=model_name,
                      software_versions=software_versions,
                      device_serial_number=device_serial_number,
                      content_datetime=content_datetime, uid_prefix=uid_prefix,
                      enhanced_equipment=spec.model)
    now = content_datetime or datetime.datetime.now()
    put(ds, "AcquisitionDateTime", now.strftime("%Y%m%d%H%M%S"))
    put(ds, "BurnedInAnnotation", "YES" if burned_in_annotation else "NO")
    put(ds, "DocumentTitle", title)
    put(ds, "ConceptNameCodeSequence", [concept.to_item()] if concept is not None else [])
    put(ds, "MIMETypeOfEncapsulatedDocument", spec.mime_type)
    if hl7_id:
        put(ds, "HL7InstanceIdentifier", hl7_id)
    if not spec.model:
        put(ds, "ConversionType", "WSD")
    else:
        put(ds, "MeasurementUnitsCodeSequence", [units.to_item()])
        for_tag = tag_vr("FrameOfReferenceUID")[0]
        if for_tag not in ds:
            put(ds, "FrameOfReferenceUID", frame_of_reference_uid or generate_uid(uid_prefix))
            put(ds, "PositionReferenceIndicator", "")
    if sources:
        items = []
        for s in sources:
            ref = Dataset()
            put(ref, "ReferencedSOPClassUID", text(s, "SOPClassUID"))
            put(ref, "ReferencedSOPInstanceUID", text(s, "SOPInstanceUID"))
            items.append(ref)
        put(ds, "SourceInstanceSequence", items)
        if spec.model:
            put(ds, "ReferencedSeriesSequence", referenced_series(sources))
    data = bytes(document)
    put(ds, "EncapsulatedDocumentLength", len(data))
    if len(data) % 2:
        data += b"\x00"
    tag, vr = tag_vr("EncapsulatedDocument")
    ds.put_element(DataElement(tag, vr, data))
    return ds


@dataclass(frozen=True)
class EncapsulatedDocument:
    """A document taken out of an instance.

    Attributes
    ----------
    kind
        ``"pdf"``, ``"cda"``, ``"stl"``, ``"obj"``, or ``""`` for another SOP class holding an
        Encapsulated Document (e.g. MTL, a later edition's kinds).
    mime_type
        MIME Type of Encapsulated Document.
    data
        The document's bytes.
    title
        Document Title.
    """

    kind: str
    mime_type: str
    data: bytes
    title: str


def extract(source: Dataset | str | os.PathLike[str]) -> EncapsulatedDocument:
    """The document of an encapsulated document instance (or file).

    The padding byte of an odd-length document is dropped: the Encapsulated Document Length
    (0042,0015) says where the document ends when present; without it, a PDF's trailing NUL after
    ``%%EOF`` and an XML document's trailing NUL are dropped (neither ends in a NUL); a 3D model
    keeps its bytes as stored.

    Raises
    ------
    ObjectError
        No Encapsulated Document, or a length beyond its bytes.
    """
    if not isinstance(source, Dataset):
        from dicomkit.io.reader import read

        source = read(source)
    ds = source
    el = ds.get(tag_vr("EncapsulatedDocument")[0])
    if el is None or not isinstance(el.value, bytes | bytearray) or not el.value:
        raise ObjectError("no Encapsulated Document (0042,0011) (PS3.3 C.24.2)",
                          source=ds.filename, tag_path="EncapsulatedDocument")
    data = bytes(el.value)
    length_el = ds.get(tag_vr("EncapsulatedDocumentLength")[0])
    length = None
    if length_el is not None and length_el.value not in (None, ""):
        try:
            length = int(length_el.value)
        except (TypeError, ValueError):
            length = None
    if length is not None:
        if length > len(data):
            raise ObjectError(f"Encapsulated Document Length {length} is beyond the "
                              f"{len(data)} bytes held", source=ds.filename,
                              tag_path="EncapsulatedDocumentLength")
        data = data[:length]
    kind = _BY_SOP_CLASS.get(text(ds, "SOPClassUID"), "")
    if length is None and kind in ("pdf", "cda") and data.endswith(b"\x00"):
        data = data[:-1]
    return EncapsulatedDocument(kind, text(ds, "MIMETypeOfEncapsulatedDocument"), data,
                                text(ds, "DocumentTitle"))
