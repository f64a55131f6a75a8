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
