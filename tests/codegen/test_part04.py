"""PS3.4 reader: SOP Class UID -> PS3.3 IOD, on the real parts on hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.document import Document
from dicomkit.codegen.model.iods import SopClass
from dicomkit.codegen.readers.part04 import SopStats, read_sop_classes
from dicomkit.codegen.standard import PartSource, Standard

pytestmark = pytest.mark.slow  # reads PS3.3 2024c and PS3.4 (about 10 s)

CT = "1.2.840.10008.5.1.4.1.1.2"
ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1"
LEGACY_PET = "1.2.840.10008.5.1.4.1.1.128.1"


PS33 = PartSource(3, "2024c", "chtml")


@pytest.fixture(scope="module")
def ps33(standard_dir: Path, part_path: Any) -> Document:
    """PS3.3 2024c, read once for both editions of PS3.4."""
    part_path("2024c", 3, "chtml")
    return Standard(roots=[standard_dir], parts={3: PS33}).document(3)


def _read(standard_dir: Path, ps33: Document, edition: str,
          form: str) -> tuple[dict[str, SopClass], SopStats]:
    std = Standard(roots=[standard_dir], parts={3: PS33, 4: PartSource(4, edition, form)})
    std._docs[PS33] = ps33
    classes, stats = read_sop_classes(std)
    return {c.uid: c for c in classes}, stats


@pytest.fixture(scope="module")
def sop_2024c(standard_dir: Path, part_path: Any,
              ps33: Document) -> tuple[dict[str, SopClass], SopStats]:
    part_path("2024c", 4, "chtml")
    return _read(standard_dir, ps33, "2024c", "chtml")


@pytest.fixture(scope="module")
def sop_2020c(standard_dir: Path, part_path: Any,
              ps33: Document) -> tuple[dict[str, SopClass], SopStats]:
    part_path("2020c", 4)
    return _read(standard_dir, ps33, "2020c", "docbook")


def test_ct_image_storage_is_specified_by_the_ct_image_iod(
        sop_2024c: tuple[dict[str, SopClass], SopStats]) -> None:
    classes, stats = sop_2024c
    ct = classes[CT]
    assert (ct.name, ct.iod_section, ct.iod_table, ct.service) == (
        "CT Image Storage", "A.3", "A.3-1", "B.5")
    assert classes[ENHANCED_CT].iod_table == "A.38-1"
    assert "B.5-1" in stats.tables and "I.4-1" in stats.tables
    assert classes["1.2.840.10008.1.3.10"].iod_table == "F.3-1"  # Media Storage Directory


def test_nearly_every_sop_class_maps_to_a_ps33_iod_table(
        sop_2024c: tuple[dict[str, SopClass], SopStats]) -> None:
    classes, stats = sop_2024c
    assert len(classes) >= 150
    # unmapped: only IODs that PS3.3 does not tabulate as composite IOD modules (Annex B, F)
    assert len(stats.unmapped) <= 5, stats.unmapped
    # the secondary capture IODs share Section A.8 and are told apart by name
    sc = [c for c in classes.values() if "Secondary Capture Image Storage" in c.name]
    assert len({c.iod_table for c in sc}) == len(sc) >= 4


def test_the_docbook_2020c_part_is_read_and_its_defect_corrected(
        sop_2020c: tuple[dict[str, SopClass], SopStats]) -> None:
    classes, stats = sop_2020c
    assert classes[CT].iod_table == "A.3-1"
    # 2020c writes 'Section B.5.1.23' for the IOD; the fixes table gives A.72 (codegen/fixes.py)
    assert classes[LEGACY_PET].iod_section == "A.72"
    assert classes[LEGACY_PET].iod_table.startswith("A.72")
    assert len(classes) >= 140 and len(stats.unmapped) <= 3


def test_generated_lookup_finds_the_iod_of_a_sop_class() -> None:
    from dicomkit.generated import iods, sop_classes

    label = sop_classes.iod_for_sop_class(CT)
    assert label is not None
    entry = iods.iod(label)
    assert entry is not None and entry[0] == "CT Image"
    assert sop_classes.iod_for_sop_class("1.2.3.4") is None


@pytest.mark.parametrize(("edition", "form"), [("2024c", "chtml"), ("2020c", "docbook")])
def test_service_class_statuses_are_read_from_every_status_table(
        standard_dir: Path, part_path: Any, edition: str, form: str) -> None:
    from dicomkit.codegen.readers.part04 import read_service_statuses

    part_path(edition, 4, form)
    std = Standard(roots=[standard_dir], parts={4: PartSource(4, edition, form)})
    statuses = read_service_statuses(std)
    store = {(s.status, s.meaning): s.code for s in statuses if s.table == "B.2-1"}
    assert store[("Failure", "Refused: Out of resources")] == "A7xx"
    assert store[("Failure", "Error: Cannot understand")] == "Cxxx"
    assert store[("Warning", "Elements Discarded")] == "B006"
    find = {s.code for s in statuses if s.caption == "C-FIND Response Status Values"}
    assert {"FF00", "FF01", "FE00", "0000"} <= find
    # rows that only refer to PS3.7 ("Other Failure statuses as specified in ...") are left out
    assert all(s.code for s in statuses)
    assert len({s.table for s in statuses}) >= 12


def test_generated_status_code_takes_the_first_code_of_a_range() -> None:
    from dicomkit.generated.service_statuses import status_code

    assert status_code("B.2-1", "Refused: Out of resources") == 0xA700
    assert status_code("B.2-1", "Coercion of Data Elements") == 0xB000
    with pytest.raises(KeyError):
        status_code("B.2-1", "no such status")


# --------------------------------------------------------------------------- service classes

PS36 = PartSource(6, "2024c", "chtml", known_missing=("chapter_6.html",))
VERIFICATION = "1.2.840.10008.1.1"
RT_CONVENTIONAL_MACHINE_VERIFICATION = "1.2.840.10008.5.1.4.34.8"
REPOSITORY_QUERY = "1.2.840.10008.5.1.4.1.1.201.6"
MOVE_STUDY_ROOT = "1.2.840.10008.5.1.4.1.2.2.2"


def _services_std(standard_dir: Path, edition: str = "2024c", form: str = "chtml",
                  ps36: PartSource = PS36) -> Standard:
    return Standard(roots=[standard_dir], parts={4: PartSource(4, edition, form), 6: ps36})


def _read_services(std: Standard) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    from dicomkit.codegen.readers.part04 import read_service_classes

    classes, services, unmapped = read_service_classes(std)
    return ({c.annex: c for c in classes}, {s.uid: s for s in services},
            {u.uid: u for u in unmapped})


@pytest.fixture(scope="module")
def services_2024c(standard_dir: Path, part_path: Any) -> tuple[dict[str, Any], ...]:
    part_path("2024c", 4, "chtml")
    part_path("2024c", 6, "chtml")
    return _read_services(_services_std(standard_dir))


def test_every_annex_listing_sop_classes_is_a_service_class(
        services_2024c: tuple[dict[str, Any], ...]) -> None:
    classes, services, _ = services_2024c
    names = {a: c.name for a, c in classes.items()}
    assert names["A"] == "VERIFICATION" and names["B"] == "STORAGE"
    assert names["C"] == "QUERY_RETRIEVE" and names["J"] == "STORAGE_COMMITMENT"
    assert names["K"] == "BASIC_WORKLIST_MANAGEMENT" and names["F"] == "PROCEDURE_STEP"
    assert names["CC"] == "UNIFIED_PROCEDURE_STEP"  # "... Service and SOP Classes"
    assert names["BB"] == "IMPLANT_TEMPLATE_QUERY_RETRIEVE"  # "... Service Classes"
    assert names["GG"] == "NON_PATIENT_OBJECT_STORAGE"
    assert classes["B"].title == "Storage Service Class"  # "(Normative)" left out
    assert set(classes) == {s.annex for s in services.values()}
    assert "T" not in classes  # Hanging Protocol Storage: its SOP class is listed in GG.3-1
    assert services["1.2.840.10008.5.1.4.38.1"].annex == "GG"


def test_sop_classes_are_placed_by_table_text_or_name(
        services_2024c: tuple[dict[str, Any], ...]) -> None:
    _, services, _ = services_2024c
    ct = services[CT]
    assert (ct.annex, ct.section, ct.how, ct.operation) == ("B", "B.5", "table", "")
    echo = services[VERIFICATION]  # A.4: 'The SOP Class UID shall be "1.2.840.10008.1.1"'
    assert (echo.annex, echo.section, echo.how, echo.name) == (
        "A", "A.4", "text", "Verification SOP Class")
    ups = [s for s in services.values() if s.uid.startswith("1.2.840.10008.5.1.4.34.6.")]
    assert len(ups) == 5 and {s.annex for s in ups} == {"CC"}
    # PS3.4 2024c Annex DD names the SOP class but writes no UID; PS3.6 gives it
    rt = services[RT_CONVENTIONAL_MACHINE_VERIFICATION]
    assert (rt.annex, rt.how) == ("DD", "named")
    grayscale = services["1.2.840.10008.5.1.1.9"]
    assert grayscale.meta and grayscale.annex == "H"
    assert services["1.2.840.10008.1.20.2"].annex == "J" and services["1.2.840.10008.1.20.2"].retired


def test_query_retrieve_sop_classes_carry_their_dimse_c_operation(
        services_2024c: tuple[dict[str, Any], ...]) -> None:
    _, services, _ = services_2024c
    assert services[MOVE_STUDY_ROOT].operation == "C-MOVE"  # "... - MOVE"
    assert services["1.2.840.10008.5.1.4.1.1.201.3"].operation == "C-MOVE"  # "Inventory MOVE"
    # no suffix: C.6.4 "The Repository Query SOP Class uses the C-FIND Service"
    assert services[REPOSITORY_QUERY].operation == "C-FIND"
    # no suffix: Annex Q's DIMSE-C Service Group has C-FIND only
    assert services["1.2.840.10008.5.1.4.37.1"].operation == "C-FIND"
    # annexes without a DIMSE-C Service Group of C-FIND/MOVE/GET have none
    assert services[VERIFICATION].operation == services[CT].operation == ""
    assert services["1.2.840.10008.5.1.4.34.6.5"].operation == ""  # UPS Query (DIMSE-N group)
    for s in services.values():
        if s.name.endswith((" - FIND", " - MOVE", " - GET")):
            assert s.operation == "C-" + s.name.rsplit(" ", 1)[1], s


def test_sop_classes_ps34_no_longer_gives_are_unmapped_with_the_reason(
        services_2024c: tuple[dict[str, Any], ...]) -> None:
    _, services, unmapped = services_2024c
    assert unmapped and all("(Retired)" in u.name for u in unmapped.values())
    assert unmapped["1.2.840.10008.5.1.4.1.2.3.1"].reason == (
        "PS3.4 neither writes its UID nor names it")
    assert not set(unmapped) & set(services)


@pytest.mark.parametrize(("edition", "ps36"), [("2013", "2013"), ("2020c", "2015b")])
def test_older_editions_place_sop_classes_in_the_same_annexes(
        standard_dir: Path, part_path: Any, services_2024c: tuple[dict[str, Any], ...],
        edition: str, ps36: str) -> None:
    part_path(edition, 4)
    part_path(ps36, 6)
    _, services, _ = _read_services(_services_std(standard_dir, edition, "docbook",
                                                  PartSource(6, ps36, "docbook")))
    _, new, _ = services_2024c
    common = set(services) & set(new)
    assert len(common) >= 180
    # PS3.4 2013 Table I.4-1 lists the Storage SOP Classes again: they stay Storage (the first)
    assert services[CT].annex == "B"
    moved = {u for u in common if services[u].annex != new[u].annex}
    # 2020c moved Hanging Protocol, Color Palette, Implant Template Storage (T, W, BB) to GG
    assert {new[u].annex for u in moved} <= {"GG"}, sorted(moved)
    assert all(services[u].operation == new[u].operation for u in common)


def test_a_uid_written_by_two_annexes_without_a_table_stops_generation(
        standard_dir: Path, part_path: Any) -> None:
    from dicomkit.codegen.document import Paragraph
    from dicomkit.codegen.errors import CodegenError

    part_path("2024c", 4, "chtml")
    std = _services_std(standard_dir)
    doc = std.document(4)
    doc.section("J.3.4").blocks.append(Paragraph(f'The SOP Class UID is "{VERIFICATION}".'))
    with pytest.raises(CodegenError, match=r"1\.2\.840\.10008\.1\.1 is written in annexes "
                                           r"\['A \(A\.4\)', 'J \(J\.3\.4\)'\]"):
        _read_services(std)


def test_a_sop_class_named_by_two_annexes_is_unmapped_with_both(
        standard_dir: Path, part_path: Any) -> None:
    from dicomkit.codegen.document import Paragraph

    part_path("2024c", 4, "chtml")
    std = _services_std(standard_dir)
    std.document(4).section("EE.2.3").blocks.append(
        Paragraph("See the RT Conventional Machine Verification SOP Class."))
    _, services, unmapped = _read_services(std)
    assert RT_CONVENTIONAL_MACHINE_VERIFICATION not in services
    assert unmapped[RT_CONVENTIONAL_MACHINE_VERIFICATION].reason == (
        "PS3.4 does not write its UID and names it in annexes DD, EE")


def test_no_annex_stops_generation(standard_dir: Path, part_path: Any) -> None:
    from dicomkit.codegen.errors import CodegenError

    part_path("2024c", 4, "chtml")
    std = _services_std(standard_dir)
    doc = std.document(4)
    doc.root.blocks[:] = [b for b in doc.root.blocks
                          if not (isinstance(b, type(doc.root)) and len(b.label) <= 2
                                  and b.label.isalpha())]
    with pytest.raises(CodegenError, match="no annexes"):
        _read_services(std)


@pytest.mark.parametrize(("edition", "form"), [("2024c", "chtml"), ("2020c", "docbook")])
def test_status_tables_name_the_dimse_service_of_their_caption(
        standard_dir: Path, part_path: Any, edition: str, form: str) -> None:
    from dicomkit.codegen.readers.part04 import read_service_statuses

    part_path(edition, 4, form)
    std = Standard(roots=[standard_dir], parts={4: PartSource(4, edition, form)})
    services = {s.table: s.service for s in read_service_statuses(std)}
    assert services["B.2-1"] == "C-STORE" and services["C.4-2"] == "C-MOVE"
    assert services["C.4-1"] == "C-FIND" and services["C.4-3"] == "C-GET"
    assert services["S.3.2.3.4-1"] == ""  # "Response Statuses" names no service


def test_generated_service_tables_list_each_service_in_table_order() -> None:
    from dicomkit.generated.service_statuses import SERVICE_STATUSES, SERVICE_TABLES

    labels = list(dict.fromkeys(entry[0] for entry in SERVICE_STATUSES))
    assert SERVICE_TABLES["C-STORE"][0] == "B.2-1"
    for tables in SERVICE_TABLES.values():
        assert [t for t in labels if t in tables] == list(tables)
