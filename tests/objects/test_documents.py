"""Encapsulated PDF, CDA, STL and OBJ: created, extracted, read by pydicom (the anchor), our
validator and dciodvfy; bad input refused; random documents round trip."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.errors import DicomError
from dicomkit.objects.documents import DOCUMENT_KINDS, create_encapsulated, extract
from dicomkit.objects.errors import ObjectError
from tests.objects.series import ct_series, dciodvfy_errors, our_errors

pydicom = pytest.importorskip("pydicom")

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
CDA = (b'<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3">'
       b'<id root="2.16.840.1.113883.19.4" extension="c266"/><title>Report</title>'
       b'</ClinicalDocument>')
STL = b"solid cube\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n" \
      b"   vertex 0 1 0\n  endloop\n endfacet\nendsolid cube\n"
STL_BINARY = b"\x00" * 80 + struct.pack("<I", 1) + struct.pack("<12f", *range(12)) + b"\x00\x00"
OBJ = b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"
DOCS = {"pdf": PDF, "cda": CDA, "stl": STL, "obj": OBJ}

#: dciodvfy errors where the standard on hand says otherwise, with the clause.
DCIODVFY_WRONG = {
    "obj": {"Error - Missing attribute Type 1 Required Element=<ICCProfile> Module=<ICCProfile>":
            "PS3.3 2024c Table A.85.2-1: the ICC Profile Module is U (user optional) in the "
            "Encapsulated OBJ IOD; dciodvfy requires it (as for an OBJ with colour)"},
}


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_documents_extract_as_given_and_read_in_pydicom(kind: str, tmp_path: Path) -> None:
    series = ct_series(2, rows=8, columns=8)
    ds = create_encapsulated(kind, DOCS[kind], sources=series, title=f"a {kind}")
    path = tmp_path / f"{kind}.dcm"
    dicomkit.write(path, ds)
    doc = extract(path)
    assert doc.kind == kind and doc.data == DOCS[kind] and doc.title == f"a {kind}"
    assert doc.mime_type == DOCUMENT_KINDS[kind].mime_type
    theirs = pydicom.dcmread(path)
    assert theirs.SOPClassUID == DOCUMENT_KINDS[kind].sop_class_uid
    stored = theirs.EncapsulatedDocument
    assert stored[:len(DOCS[kind])] == DOCS[kind] and len(stored) - len(DOCS[kind]) in (0, 1)
    assert theirs.PatientID == str(series[0].PatientID)
    if kind == "cda":
        assert theirs.HL7InstanceIdentifier == "2.16.840.1.113883.19.4^c266"
    if DOCUMENT_KINDS[kind].model:
        assert theirs.FrameOfReferenceUID == str(series[0].FrameOfReferenceUID)


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_created_documents_pass_our_validator_and_dciodvfy(kind: str, tmp_path: Path) -> None:
    series = ct_series(1, rows=8, columns=8)
    path = tmp_path / f"{kind}.dcm"
    dicomkit.write(path, create_encapsulated(kind, DOCS[kind], sources=series))
    assert our_errors(path) == []
    explained = DCIODVFY_WRONG.get(kind, {})
    assert [e for e in dciodvfy_errors(path) if e not in explained] == []


def test_binary_stl_keeps_its_trailing_zero_bytes(tmp_path: Path) -> None:
    ds = create_encapsulated("stl", STL_BINARY)
    dicomkit.write(tmp_path / "stl.dcm", ds)
    assert extract(tmp_path / "stl.dcm").data == STL_BINARY


@pytest.mark.parametrize(("kind", "data", "match"), [
    ("pdf", b"not a pdf", "PDF"),
    ("cda", b"<html/>", "ClinicalDocument"),
    ("cda", b"<ClinicalDocument", "well-formed"),
    ("cda", b'<ClinicalDocument xmlns="urn:hl7-org:v3"/>', "no id"),
    ("stl", b"abc", "STL"),
    ("docx", b"PK", "kind"),
    ("pdf", b"", "empty"),
])
def test_bad_documents_are_refused(kind: str, data: bytes, match: str) -> None:
    with pytest.raises(ObjectError, match=match):
        create_encapsulated(kind, data)


def test_extracting_without_a_document_or_with_a_wrong_length_is_refused() -> None:
    ds = create_encapsulated("obj", OBJ)
    ds.EncapsulatedDocumentLength = len(OBJ) + 10
    with pytest.raises(ObjectError, match="beyond"):
        extract(ds)
    with pytest.raises(ObjectError, match="no Encapsulated Document"):
        extract(ct_series(1)[0])


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=300))
def test_random_models_round_trip(data: bytes) -> None:
    buf = io.BytesIO()
    dicomkit.write(buf, create_encapsulated("obj", data))
    assert extract(dicomkit.read(buf.getvalue())).data == data


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_documents_give_only_our_errors(changes: list[tuple[int, int]]) -> None:
    buf = io.BytesIO()
    dicomkit.write(buf, create_encapsulated("pdf", PDF))
    data = bytearray(buf.getvalue())
    for pos, value in changes:
        data[132 + pos % (len(data) - 132)] = value
    try:
        extract(dicomkit.read(bytes(data)))
    except DicomError:
        pass
