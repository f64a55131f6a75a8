"""PS3.5 reader: VRs and transfer syntaxes, on the real parts on hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dicomkit.codegen.document import Row
from dicomkit.codegen.errors import TableError
from dicomkit.codegen.readers.part05 import read_transfer_syntaxes, read_vrs
from dicomkit.codegen.standard import PartSource, Standard


def _std(root: Path, edition: str, form: str = "docbook") -> Standard:
    return Standard(roots=[root], parts={5: PartSource(5, edition, form)})


def test_every_vr_of_2026c_with_its_length_padding_and_length_field(standard_dir: Path) -> None:
    vrs = {v.code: v for v in read_vrs(_std(standard_dir, "2026c"))}
    assert len(vrs) == 34
    assert (vrs["AE"].max_length, vrs["AE"].length_unit, vrs["AE"].fixed) == (16, "bytes", False)
    assert (vrs["LO"].max_length, vrs["LO"].length_unit) == (64, "chars")
    assert (vrs["US"].max_length, vrs["US"].fixed, vrs["US"].kind) == (2, True, "binary")
    assert vrs["UI"].padding == "\x00" and vrs["OB"].padding == "\x00"
    assert vrs["PN"].padding == " " and vrs["FD"].padding == ""
    assert {c for c, v in vrs.items() if v.length_field == 32} == {
        "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"}
    assert vrs["LT"].kind == "text" and vrs["SQ"].kind == "sequence" and vrs["CS"].kind == "string"


def test_length_fields_are_found_by_caption_although_2016a_swapped_the_labels(
        standard_dir: Path) -> None:
    old = {v.code: v.length_field for v in read_vrs(_std(standard_dir, "2016a"))}
    assert "OV" not in old and "SV" not in old
    assert old["OB"] == old["UT"] == old["UN"] == 32 and old["US"] == old["PN"] == 16


def test_transfer_syntaxes_are_classified_by_their_annex_a_section(standard_dir: Path) -> None:
    ts = {t.uid: t for t in read_transfer_syntaxes(_std(standard_dir, "2026c"))}
    implicit = ts["1.2.840.10008.1.2"]
    assert implicit.implicit_vr and implicit.little_endian and not implicit.encapsulated
    big = ts["1.2.840.10008.1.2.2"]  # from the table of fixes: A.3 never names its UID
    assert not big.implicit_vr and not big.little_endian
    assert ts["1.2.840.10008.1.2.1.99"].deflated and not ts["1.2.840.10008.1.2.1.99"].encapsulated
    assert ts["1.2.840.10008.1.2.4.50"].encapsulated and ts["1.2.840.10008.1.2.4.50"].section == "A.4.1"
    assert ts["1.2.840.10008.1.2.5"].encapsulated
    assert ts["1.2.840.10008.1.2.4.94"].referenced and not ts["1.2.840.10008.1.2.4.94"].encapsulated
    assert ts["1.2.840.10008.1.2.4.100"].lossless is False
    assert "1.2.840.10008.1.2.4.201" in ts  # HTJ2K, added after 2016


def test_docbook_and_chtml_of_2024c_give_the_same_vrs(standard_dir: Path) -> None:
    assert read_vrs(_std(standard_dir, "2024c")) == read_vrs(_std(standard_dir, "2024c", "chtml"))


def test_a_vr_table_with_another_header_is_refused_naming_the_table(standard_dir: Path) -> None:
    std = _std(standard_dir, "2026c")
    doc = std.document(5)
    real = doc.table("6.2-1")
    bad = replace(real, header=(Row(cells=real.header[-1].cells[1:]),))
    doc.replace_table(real.label, bad)
    with pytest.raises(TableError, match=r"part05.xml: Table 6.2-1: header is"):
        read_vrs(std)


def test_a_vr_row_without_a_vr_code_is_refused_naming_the_row(standard_dir: Path) -> None:
    std = _std(standard_dir, "2026c")
    doc = std.document(5)
    real = doc.table("6.2-1")
    cells = list(real.body[2].cells)
    cells[0] = replace(cells[0], paragraphs=("attribute tag",))
    bad = replace(real, body=real.body[:2] + (Row(cells=tuple(cells)),) + real.body[3:])
    doc.replace_table(real.label, bad)
    with pytest.raises(TableError, match=r"Table 6.2-1, row 3: VR Name 'attribute tag'"):
        read_vrs(std)


def test_registry_names_classify_lossiness_and_newer_syntaxes_keep_their_section_name(
        standard_dir: Path) -> None:
    std = Standard(roots=[standard_dir], parts={
        5: PartSource(5, "2026c", "docbook"),
        6: PartSource(6, "2024c", "chtml", ("chapter_6.html",))})
    ts = {t.uid: t for t in read_transfer_syntaxes(std)}
    assert ts["1.2.840.10008.1.2.4.50"].keyword == "JPEGBaseline8Bit"
    assert ts["1.2.840.10008.1.2.4.50"].lossless is False
    assert ts["1.2.840.10008.1.2.4.70"].lossless is True
    assert ts["1.2.840.10008.1.2.4.91"].lossless is None
    assert ts["1.2.840.10008.1.2.2"].retired
    # JPEG XL is in PS3.5 2026c but not in the PS3.6 2024c registry on hand
    jxl = ts["1.2.840.10008.1.2.4.110"]
    assert (jxl.name, jxl.keyword, jxl.lossless) == ("JPEG XL Image Compression", "", True)
    assert ts["1.2.840.10008.1.2.4.112"].lossless is None
