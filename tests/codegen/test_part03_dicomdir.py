"""PS3.3 Annex F reader: the Directory Records of the Basic Directory IOD (Table F.4-1), their
keys (the Keys tables of F.5) and the record of each IOD, on the real PS3.3 2024c (chtml) on
hand and on a DocBook fixture pinning one convention each; tables or texts of another shape stop
generation."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.docbook import read_docbook
from dicomkit.codegen.document import Cell, Row
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.readers.part03_dicomdir import read_directory_records
from dicomkit.codegen.standard import PartSource, Standard
from dicomkit.generated import directory_records, iods, tags

FIXTURE = Path(__file__).parent / "fixtures" / "docbook" / "part03_dicomdir.xml"


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 3, "chtml")
    return Standard(roots=[standard_dir], parts={3: PartSource(3, "2024c", "chtml")})


def test_fixture_keys_includes_conditions_paths_and_iod_records() -> None:
    std = Standard.of_document(read_docbook(FIXTURE))
    records, by_iod, without = read_directory_records(std)
    got = {r.record_type: r for r in records}
    assert sorted(got) == ["IMAGE", "PATIENT", "RT DOSE"]  # PRIVATE (F.6.1) has no keys table
    patient = got["PATIENT"]
    # the "Any other Attribute" row has no tag: not a key
    assert [(k.tag, k.type) for k in patient.keys] == [
        (tags.SpecificCharacterSet, "1C"), (tags.PatientName, "2"), (tags.PatientID, "1")]
    # the Specific Character Set condition is resolved to a name, not parsed
    assert patient.keys[0].when == "keys_charset" and patient.keys[0].expr is None
    image = got["IMAGE"]
    assert image.path == ("PATIENT", "IMAGE") and image.lower == ("PRIVATE",)
    # a 1C condition is parsed; nested rows (>Rows of the icon) are not keys
    assert image.keys[0].expr == ("present", (tags.PatientID,))
    assert tags.Rows not in {k.tag for k in image.keys}
    # an Include row is a key row naming the macro
    assert [(k.tag, k.include) for k in got["RT DOSE"].keys] == [(0, "10-12")]
    # A.18 is linked from F.5.19: RT DOSE, though the IOD has the Image IE too
    assert {(r.iod, r.record_type, r.how) for r in by_iod} == {
        ("A.2-1", "IMAGE", "ie"), ("A.18-1", "RT DOSE", "section")}
    assert without == []


def test_real_part_records_keys_and_paths_match_the_generated_module(std: Standard) -> None:
    records, by_iod, without = read_directory_records(std)
    got = {r.record_type: r for r in records}
    assert len(got) == len(directory_records.RECORDS) == 33
    study = got["STUDY"]
    assert study.table == "F.5-2" and study.path == ("PATIENT", "STUDY")
    assert {k.tag: k.type for k in study.keys if k.tag} == {
        tags.SpecificCharacterSet: "1C", tags.StudyDate: "1", tags.StudyTime: "1",
        tags.StudyDescription: "2", tags.StudyInstanceUID: "1", tags.StudyID: "1",
        tags.AccessionNumber: "2"}
    assert got["IMAGE"].path == ("PATIENT", "STUDY", "SERIES", "IMAGE")
    assert got["HANGING PROTOCOL"].path == ("HANGING PROTOCOL",)  # at the root (F.4-1)
    # the fix of 2024c: SURFACE SCAN is under no record in Table F.4-1 as published
    assert got["SURFACE SCAN"].path[-2:] == ("SERIES", "SURFACE SCAN")
    sr = {k.tag: k for k in got["SR DOCUMENT"].keys}
    assert sr[tags.VerificationDateTime].expr == (
        "equals", (tags.VerificationFlag,), ("VERIFIED",), None)
    for record in records:
        g = directory_records.RECORDS[record.record_type]
        assert (g.section, g.table, g.lower, g.path) == (
            record.section, record.table, record.lower, record.path)
        assert [tuple(k) for k in g.keys] == [dataclasses.astuple(k) for k in record.keys]
    assert {r.iod: r.record_type for r in by_iod} == directory_records.IOD_RECORDS
    assert tuple(without) == directory_records.IODS_WITHOUT_RECORD


def test_real_part_iod_records(std: Standard) -> None:
    by = directory_records.IOD_RECORDS
    name = {v[0]: k for k, v in iods.IODS.items()}
    assert by[name["CT Image"]] == "IMAGE"
    assert by[name["RT Dose"]] == "RT DOSE"
    assert by[name["Key Object Selection Document"]] == "KEY OBJECT DOC"  # linked, not by IE
    assert by[name["Basic Text SR"]] == "SR DOCUMENT"
    assert by[name["Grayscale Softcopy Presentation State"]] == "PRESENTATION"
    assert by[name["Hanging Protocol"]] == "HANGING PROTOCOL"
    assert name["Basic Directory"] in directory_records.IODS_WITHOUT_RECORD


def _changed(std: Standard, label: str, row: int, cell: int, text: str) -> Any:
    doc = std.document(3)
    table = doc.table(label)
    cells = list(table.body[row].cells)
    cells[cell] = Cell((text,))
    body = list(table.body)
    body[row] = Row(tuple(cells))
    doc.replace_table(label, dataclasses.replace(table, body=tuple(body)))
    return table


@pytest.mark.parametrize(("label", "row", "cell", "text", "match"), [
    ("F.4-1", 2, 1, "F.5.1", "is not a section"),
    ("F.4-1", 2, 0, "PERSON", "defines"),
])
def test_a_relationship_table_of_another_shape_stops_generation(
        label: str, row: int, cell: int, text: str, match: str) -> None:
    std = Standard.of_document(read_docbook(FIXTURE))
    _changed(std, label, row, cell, text)
    with pytest.raises(CodegenError, match=match):
        read_directory_records(std)


def test_a_keys_table_with_another_header_stops_generation() -> None:
    std = Standard.of_document(read_docbook(FIXTURE))
    doc = std.document(3)
    table = doc.table("F.5-1")
    header = Row(tuple(Cell((t,)) for t in ("Key", "Tag", "Req", "Attribute Description")))
    doc.replace_table("F.5-1", dataclasses.replace(table, header=(header,)))
    with pytest.raises(CodegenError, match="expected Key, Tag, Type"):
        read_directory_records(std)
