"""PS3.6 reader: data element registries and UID registries, on the real parts on hand."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from dicomkit.codegen.document import Row
from dicomkit.codegen.emit import make_env, render_module
from dicomkit.codegen.errors import TableError
from dicomkit.codegen.model.dictionary import DataElement
from dicomkit.codegen.model.uids import Uid
from dicomkit.codegen.readers.part06 import (
    MODULES,
    parse_tag,
    read_color_palettes,
    read_context_group_uids,
    read_data_elements,
    read_frames_of_reference,
    read_template_uids,
    read_uids,
)
from dicomkit.codegen.standard import PartSource, Standard


def _std(root: Path, edition: str, form: str = "docbook") -> Standard:
    if form == "chtml":
        # the 2024c chtml copy lacks chapter_6.html (Table 6-1), which comes from 2015b
        return Standard(roots=[root],
                        parts={6: PartSource(6, edition, form, ("chapter_6.html",))},
                        tables={(6, "6-1"): PartSource(6, "2015b", "docbook")})
    return Standard(roots=[root], parts={6: PartSource(6, edition, form)})


@pytest.fixture(scope="module")
def std_2015b(standard_dir: Path) -> Standard:
    return _std(standard_dir, "2015b")


@pytest.fixture(scope="module")
def std_2013(standard_dir: Path) -> Standard:
    return _std(standard_dir, "2013")


@pytest.fixture(scope="module")
def std_2024c(standard_dir: Path) -> Standard:
    return _std(standard_dir, "2024c", "chtml")


@pytest.fixture(scope="module")
def els_2015b(std_2015b: Standard) -> dict[str, DataElement]:
    return {e.tag_text: e for e in read_data_elements(std_2015b)}


@pytest.fixture(scope="module")
def els_2013(std_2013: Standard) -> dict[str, DataElement]:
    return {e.tag_text: e for e in read_data_elements(std_2013)}


@pytest.fixture(scope="module")
def uids_2015b(std_2015b: Standard) -> dict[str, Uid]:
    return {u.value: u for u in read_uids(std_2015b)}


@pytest.fixture(scope="module")
def uids_2024c(std_2024c: Standard) -> dict[str, Uid]:
    return {u.value: u for u in read_uids(std_2024c)}


# ----------------------------------------------------------------------------- data elements

def test_tags_with_wildcards_become_value_and_mask() -> None:
    assert parse_tag("(0010,0010)") == (0x00100010, 0xFFFFFFFF)
    assert parse_tag("(60xx,3000)") == (0x60003000, 0xFF00FFFF)
    assert parse_tag("(50xx,xxxx)") == (0x50000000, 0xFF000000)
    assert parse_tag("(0020,31xx)") == (0x00203100, 0xFFFFFF00)
    assert parse_tag("(1000,xxx0)") == (0x10000000, 0xFFFF000F)
    assert parse_tag("(7Fxx,0010)") == (0x7F000010, 0xFF00FFFF)
    with pytest.raises(ValueError, match="not of the form"):
        parse_tag("(0010,001)")


def test_table_6_1_of_2015b_has_3879_elements_and_the_other_registries_theirs(
        els_2015b: dict[str, DataElement]) -> None:
    by_table: dict[str, int] = {}
    for e in els_2015b.values():
        by_table[e.table] = by_table.get(e.table, 0) + 1
    assert by_table == {"6-1": 3879, "7-1": 12, "8-1": 19}


def test_pinned_rows_of_2015b(els_2015b: dict[str, DataElement]) -> None:
    pn = els_2015b["(0010,0010)"]
    assert (pn.tag, pn.mask, pn.name, pn.keyword, pn.vr, pn.vm, pn.retired) == (
        0x00100010, 0xFFFFFFFF, "Patient's Name", "PatientName", "PN", "1", False)
    smallest = els_2015b["(0028,0106)"]
    assert (smallest.keyword, smallest.vr, smallest.vrs) == (
        "SmallestImagePixelValue", "US or SS", ("US", "SS"))
    lut = els_2015b["(0028,1200)"]
    assert (lut.vr, lut.vm, lut.retired) == ("US or SS or OW", "1-n or 1", True)
    assert els_2015b["(0008,0001)"].keyword == "LengthToEnd"
    assert els_2015b["(0008,0001)"].retired
    assert els_2015b["(0020,000D)"].vr == "UI" and not els_2015b["(0020,000D)"].retired
    assert els_2015b["(0008,1190)"].vr == "UR"  # UR came in 2015; 2013 wrote UT


def test_repeating_groups_keep_their_mask(els_2015b: dict[str, DataElement]) -> None:
    overlay = els_2015b["(60xx,3000)"]
    assert (overlay.tag, overlay.mask, overlay.keyword, overlay.vr, overlay.retired) == (
        0x60003000, 0xFF00FFFF, "OverlayData", "OB or OW", False)
    assert overlay.repeating
    escape = els_2015b["(1000,xxx0)"]
    assert (escape.tag, escape.mask, escape.keyword, escape.vm) == (
        0x10000000, 0xFFFF000F, "EscapeTriplet", "3")
    assert els_2015b["(0020,31xx)"].mask == 0xFFFFFF00
    assert els_2015b["(7Fxx,0010)"].keyword == "VariablePixelData"
    assert els_2015b["(7Fxx,0010)"].retired
    assert sum(e.repeating for e in els_2015b.values()) == 88


def test_items_have_no_vr_and_carry_their_note(els_2015b: dict[str, DataElement]) -> None:
    item = els_2015b["(FFFE,E000)"]
    assert (item.name, item.keyword, item.vr, item.vrs, item.vm) == ("Item", "Item", "", (), "1")
    assert "do not exist" in item.note
    assert els_2015b["(FFFE,E0DD)"].keyword == "SequenceDelimitationItem"
    observation = els_2015b["(0040,A170)"]
    assert observation.vr == "SQ" and "Observation Class" in observation.note
    assert not observation.retired


def test_placeholders_without_name_are_retired_with_the_note(
        els_2015b: dict[str, DataElement]) -> None:
    for tag in ("(0018,9445)", "(0028,0020)"):
        e = els_2015b[tag]
        assert (e.name, e.keyword, e.vr, e.vm, e.retired) == ("", "", "", "", True)
        assert "placeholders" in e.note


def test_dicos_and_diconde_elements_are_marked_and_a_keyword_fix_applies(
        els_2015b: dict[str, DataElement]) -> None:
    threat = els_2015b["(4010,1029)"]
    assert threat.usage == "DICOS" and not threat.retired
    # 2015b writes 'ThreatDetectionAlgorithmandVersion'; codegen/fixes.py corrects it
    assert threat.keyword == "ThreatDetectionAlgorithmAndVersion"
    assert els_2015b["(0014,0046)"].usage == "DICONDE"
    assert els_2015b["(0076,0034)"].vr == "SQ"  # fixed: 2015b says CS
    assert sum(e.usage == "DICOS" for e in els_2015b.values()) == 88


def test_file_meta_and_directory_elements_name_their_table(
        els_2015b: dict[str, DataElement]) -> None:
    ts = els_2015b["(0002,0010)"]
    assert (ts.keyword, ts.vr, ts.table) == ("TransferSyntaxUID", "UI", "7-1")
    assert els_2015b["(0004,1220)"].table == "8-1"
    assert els_2015b["(0004,1504)"].retired


def test_2024c_registries_beside_2015b_table_6_1(std_2024c: Standard) -> None:
    els = {e.tag_text: e for e in read_data_elements(std_2024c)}
    counts: dict[str, int] = {}
    for e in els.values():
        counts[e.table] = counts.get(e.table, 0) + 1
    assert counts == {"6-1": 3879, "7-1": 22, "8-1": 19, "9-1": 1}
    assert els["(0006,0001)"].keyword == "CurrentFrameFunctionalGroupsSequence"
    assert els["(0002,0026)"].vr == "UR"
    mrdr = els["(0004,1504)"]
    assert (mrdr.retired, mrdr.retired_since) == (True, "2004")


def test_2013_agrees_with_2015b_where_they_overlap(
        els_2013: dict[str, DataElement], els_2015b: dict[str, DataElement]) -> None:
    assert len(els_2013) == 3751
    assert set(els_2013) <= set(els_2015b)  # tags are retired, never removed

    def key(e: DataElement) -> tuple[object, ...]:
        return (e.tag, e.mask, e.vr, e.vm, e.name, e.keyword, e.retired, e.usage, e.table)

    differ = sorted(t for t in els_2013 if key(els_2013[t]) != key(els_2015b[t]))
    # changes between the editions: UR replaced UT/ST for URLs (2015), names respaced,
    # (0040,4005) un-retired
    assert differ == ["(0008,1163)", "(0008,1190)", "(0008,225C)", "(0028,1104)",
                      "(0028,7FE0)", "(0040,4005)", "(0040,E010)", "(0074,100A)",
                      "(0074,1246)"]
    assert els_2013["(0074,100A)"].vr == "ST" and els_2015b["(0074,100A)"].vr == "UR"


def test_a_registry_with_another_header_is_refused_naming_file_and_table(
        standard_dir: Path) -> None:
    std = _std(standard_dir, "2013")
    doc = std.document(6)
    real = doc.table("6-1")
    cells = list(real.header[-1].cells)
    cells[3] = replace(cells[3], paragraphs=("Value Representation",))
    doc.replace_table(real.label, replace(real, header=(Row(cells=tuple(cells)),)))
    with pytest.raises(TableError, match=r"2013/part06\.xml: Table 6-1: header is .* 'VR'"):
        read_data_elements(std)


def test_a_row_with_an_unparseable_tag_is_refused_naming_the_row(standard_dir: Path) -> None:
    std = _std(standard_dir, "2013")
    doc = std.document(6)
    real = doc.table("6-1")
    cells = list(real.body[4].cells)
    cells[0] = replace(cells[0], paragraphs=("(0008,00G5)",))
    bad = replace(real, body=real.body[:4] + (Row(cells=tuple(cells)),) + real.body[5:])
    doc.replace_table(real.label, bad)
    with pytest.raises(TableError, match=r"part06\.xml: Table 6-1, row 5: tag '\(0008,00G5\)'"):
        read_data_elements(std)


def test_a_uid_table_with_another_header_is_refused(standard_dir: Path) -> None:
    std = _std(standard_dir, "2013")
    doc = std.document(6)
    real = doc.table("A-1")
    doc.replace_table(real.label, replace(real, header=(Row(cells=real.header[-1].cells[1:]),)))
    with pytest.raises(TableError, match=r"part06\.xml: Table A-1: header is"):
        read_uids(std)


# ------------------------------------------------------------------------------------ UIDs

def test_transfer_syntax_uids_with_keyword_where_the_edition_has_it(
        uids_2015b: dict[str, Uid], uids_2024c: dict[str, Uid]) -> None:
    old, new = uids_2015b["1.2.840.10008.1.2"], uids_2024c["1.2.840.10008.1.2"]
    for u in (old, new):
        assert u.name == "Implicit VR Little Endian: Default Transfer Syntax for DICOM"
        assert (u.type, u.part, u.retired, u.table) == ("Transfer Syntax", "PS3.5", False, "A-1")
    assert old.keyword == "" and new.keyword == "ImplicitVRLittleEndian"
    assert uids_2024c["1.2.840.10008.5.1.4.1.1.2"].keyword == "CTImageStorage"


def test_retired_uids_by_name_italics_or_year(
        uids_2015b: dict[str, Uid], uids_2024c: dict[str, Uid]) -> None:
    big = uids_2024c["1.2.840.10008.1.2.2"]
    assert (big.retired, big.part, big.retired_since, big.keyword) == (
        True, "PS3.5", "2011", "ExplicitVRBigEndian")
    assert uids_2015b["1.2.840.10008.1.2.2"].retired  # by "(Retired)": 2015b has no italics
    withheld = uids_2024c["1.2.840.10008.5.1.4.1.1.40"]
    assert (withheld.name, withheld.keyword, withheld.part, withheld.retired_since) == (
        "(Retired)", "", "", "2015c")
    assert not uids_2024c["1.2.840.10008.1.1"].retired
    assert sum(u.retired for u in uids_2024c.values() if u.table == "A-1") == 75


def test_a_type_fix_applies_to_the_color_palette_sop_classes(
        uids_2015b: dict[str, Uid]) -> None:
    for suffix in ("1", "2", "3", "4"):
        assert uids_2015b["1.2.840.10008.5.1.4.39." + suffix].type == "SOP Class"


def test_frames_of_reference_from_a_1_or_a_2(
        std_2024c: Standard, uids_2015b: dict[str, Uid], uids_2024c: dict[str, Uid]) -> None:
    old, new = uids_2015b["1.2.840.10008.1.4.1.1"], uids_2024c["1.2.840.10008.1.4.1.1"]
    assert old.name == new.name == "Talairach Brain Atlas Frame of Reference"
    assert old.type == new.type == "Well-known frame of reference"
    assert (old.table, new.table, new.keyword) == ("A-1", "A-2", "TalairachBrainAtlas")
    frames = read_frames_of_reference(std_2024c)
    assert len(frames) == 28
    assert frames[1].keyword == "SPM2T1" and frames[1].reference.endswith("T1.mnc")


def test_context_group_uids_by_cid_in_every_edition(
        std_2013: Standard, std_2015b: Standard, std_2024c: Standard) -> None:
    g13 = {g.value: g for g in read_context_group_uids(std_2013)}
    g15 = {g.value: g for g in read_context_group_uids(std_2015b)}
    g24 = {g.value: g for g in read_context_group_uids(std_2024c)}
    assert (len(g13), len(g15), len(g24)) == (866, 927, 1388)
    for groups in (g13, g15, g24):
        assert groups["1.2.840.10008.6.1.1"].cid == 2
    assert g13["1.2.840.10008.6.1.1"].name == "Anatomic Modifier"
    assert g24["1.2.840.10008.6.1.1"].name == ""  # 2024c only refers to PS3.16
    assert g24["1.2.840.10008.6.1.50"].retired and g24["1.2.840.10008.6.1.50"].cid == 3082
    assert g24["1.2.840.10008.6.1.888"].cid is None and g24["1.2.840.10008.6.1.888"].retired


def test_template_uids_and_color_palettes_where_present(
        std_2013: Standard, std_2015b: Standard, std_2024c: Standard) -> None:
    assert read_template_uids(std_2013) == []
    templates = read_template_uids(std_2015b)
    assert len(templates) == 24
    assert (templates[0].value, templates[0].type, templates[0].part) == (
        "1.2.840.10008.9.1", "Document TemplateID", "PS3.20")
    p15, p24 = read_color_palettes(std_2015b), read_color_palettes(std_2024c)
    assert (len(p15), len(p24)) == (4, 8)
    assert p15[0] == p24[0]
    assert (p24[0].uid, p24[0].label, p24[0].section) == ("1.2.840.10008.1.5.1", "HOT_IRON",
                                                          "B.1.1")


def test_2013_uids_lose_their_soft_hyphens_and_agree_with_2015b(
        std_2013: Standard, uids_2015b: dict[str, Uid]) -> None:
    u13 = {u.value: u for u in read_uids(std_2013) if u.table == "A-1"}
    assert "1.2.840.10008.3.1.2.3.3" in u13  # written '1.\xad2.840...' in 2013
    differ = sorted(v for v, u in u13.items()
                    if (u.name, u.type, u.part, u.retired)
                    != (uids_2015b[v].name, uids_2015b[v].type, uids_2015b[v].part,
                        uids_2015b[v].retired))
    assert set(u13) <= set(uids_2015b)
    assert differ == ["1.2.840.10008.5.1.4.34.5"]  # renamed UPS Global Subscription 2014


# ------------------------------------------------------------------------- generated modules

def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_rendered_modules_import_and_look_up(std_2015b: Standard, tmp_path: Path) -> None:
    env = make_env()
    for spec in MODULES:
        files = render_module(env, spec, std_2015b)
        assert files == render_module(env, spec, std_2015b)  # deterministic
        for filename, text in files.items():
            (tmp_path / filename).write_text(text, encoding="utf-8")
    d = _load(tmp_path / "dictionary.py", "_p06_dictionary")
    u = _load(tmp_path / "uids.py", "_p06_uids")
    assert d.lookup(0x00100010) == ("PN", "1", "Patient's Name", "PatientName", False)
    assert d.lookup(0x60023000)[3] == "OverlayData"
    assert d.lookup(0x60013000) is None  # odd groups are private
    assert d.lookup(0x7FE00010)[3] == "PixelData"  # exact entry before (7Fxx,0010)
    assert d.lookup(0x7F020010)[3] == "VariablePixelData"
    assert d.lookup(0x10001231)[3] == "RunLengthTriplet"
    assert d.lookup(0xFFFEE000)[:2] == ("", "1")
    assert d.lookup(0x00110010) is None
    assert d.tag_for_keyword("PatientName") == 0x00100010
    assert d.tag_for_keyword("OverlayData") == 0x60003000
    assert d.tag_for_keyword("NoSuchKeyword") is None
    assert d.TABLE_OF[0x00020010] == "7-1" and 0x00100010 not in d.TABLE_OF
    assert len(d.ELEMENTS) + len(d.REPEATERS) == 3910
    assert u.UIDS["1.2.840.10008.1.2"][2] == "Transfer Syntax"
    assert u.CONTEXT_GROUP_UIDS[2] == "1.2.840.10008.6.1.1"
    assert len(u.TEMPLATE_UIDS) == 24 and len(u.COLOR_PALETTES) == 4
    assert not hasattr(u, "ImplicitVRLittleEndian")  # 2015b has no UID keywords
    pyi = (tmp_path / "dictionary.pyi").read_text(encoding="utf-8")
    assert "def lookup(tag: int) -> Entry | None: ..." in pyi
