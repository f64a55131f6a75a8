"""The reader of dcmtk's ``.dic`` dictionaries: format conventions (fixtures), the real files,
precedence of NEMA's tables, the edition rule, missing files, and bad input."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from dicomkit.cli.main import main as dicomkit_main
from dicomkit.codegen.emit import generate
from dicomkit.codegen.errors import CodegenError, MissingRegistryError
from dicomkit.codegen.model.dictionary import DataElement
from dicomkit.codegen.modules import all_specs
from dicomkit.codegen.readers.dcmtk_dic import (
    DCMTK_VRS,
    DicError,
    merge_public,
    name_from_keyword,
    parse_dic,
    private_elements,
    read_edition,
    second_rank_elements,
)
from dicomkit.codegen.standard import PartSource, RegistrySource, RegistryUse, Standard
from tests.conftest import missing

FIXTURES = Path(__file__).parent / "fixtures" / "dcmtk"
PUBLIC = FIXTURES / "public.dic"
PRIVATE = FIXTURES / "private.dic"
DCMTK = Path("/usr/share/libdcmtk17")
PROJECT = Path(__file__).resolve().parents[2]


def _nema(tag: int, keyword: str, vr: str = "LO", vm: str = "1", mask: int = 0xFFFFFFFF,
          text: str = "") -> DataElement:
    return DataElement(tag=tag, mask=mask, tag_text=text or f"({tag >> 16:04X},{tag & 0xFFFF:04X})",
                       name=name_from_keyword(keyword), keyword=keyword, vr=vr, vm=vm,
                       retired=False, retired_since="", usage="", note="", table="6-1")


#: NEMA's (0020,31xx), which makes the fixture's even-element range redundant
SOURCE_IMAGE_IDS = _nema(0x00203100, "SourceImageIDs", "CS", "1-n", 0xFFFFFF00, "(0020,31xx)")


def _real(name: str) -> Path:
    path = DCMTK / name
    if not path.is_file():
        missing(f"{path} (apt-get install dcmtk)")
    return path


# ----------------------------------------------------------------- format conventions

def test_fixture_entries_pin_each_convention() -> None:
    entries = {e.line: e for e in parse_dic(PUBLIC.read_bytes(), PUBLIC)}
    by_name = {e.name: e for e in entries.values()}
    assert len(entries) == 19  # comments, the indented comment and the blank line skipped
    exact = by_name["FixtureExact"]
    assert (exact.group, exact.element, exact.group_parity, exact.creator) == (8, 1, "", None)
    # three fields: VM 1, version DICOM; four fields: version DICOM
    assert (by_name["FixtureThreeFields"].vm, by_name["FixtureThreeFields"].version) == ("1",
                                                                                          "DICOM")
    assert (by_name["FixtureFourFields"].vm, by_name["FixtureFourFields"].element) == ("1-3", 0xA)
    # a range is even unless -o- / -u- says otherwise
    overlay = by_name["FixtureOverlayRange"]
    assert (overlay.group, overlay.group_hi, overlay.group_parity) == (0x6000, 0x60FF, "e")
    even = by_name["FixtureEvenElements"]
    assert (even.element, even.element_hi, even.element_parity) == (0x3100, 0x31FF, "e")
    creators = by_name["PrivateCreator"]
    assert (creators.group_parity, creators.element_parity) == ("o", "u")
    assert by_name["GenericGroupLength"].group_parity == "u"
    assert by_name["RETIRED_FixtureRetired"].version == "DICOM/retired"
    assert read_edition(PUBLIC.read_bytes(), PUBLIC) == "2022b"


def test_public_entries_become_elements_with_masks_retired_usage_and_derived_names() -> None:
    entries = parse_dic(PUBLIC.read_bytes(), PUBLIC)
    got = {e.keyword: e for e in merge_public([SOURCE_IMAGE_IDS], entries, PUBLIC, "fixture")}
    # group 0000 (PS3.7, in generated.commands) and the PRIVATE/ILLEGAL/GENERIC rules are left out
    assert "CommandField" not in got and "PrivateCreator" not in got
    assert "GenericGroupLength" not in got and "IllegalGroupLength" not in got
    # dcmtk's own VRs as the standard writes them
    assert got["FixtureSmallestValue"].vr == "US or SS" == DCMTK_VRS["xs"]
    assert got["FixtureCurveValues"].vr == "OB or OW" and got["FixtureRecordOffset"].vr == "UL"
    retired = got["FixtureRetired"]
    assert retired.retired and retired.keyword == "FixtureRetired" and retired.vm == "1-n"
    assert (got["FixtureDiconde"].usage, got["FixtureDicos"].usage) == ("DICONDE", "DICOS")
    assert got["FixtureExact"].usage == "" and not got["FixtureExact"].retired
    # a later line overrides an earlier one for the same tag
    assert "FixtureFirst" not in got and got["FixtureOverride"].vm == "2"
    overlay = got["FixtureOverlayRange"]
    assert (overlay.tag, overlay.mask, overlay.tag_text) == (0x60000010, 0xFF00FFFF,
                                                              "(60xx,0010)")
    variable = got["FixtureVariableRange"]
    assert (variable.mask, variable.tag_text, variable.retired) == (0xFF00FFFF, "(7Fxx,0011)",
                                                                     True)
    for el in got.values():
        assert el.source == "fixture" and el.name_derived and el.table == "6-1"
        assert el.name == name_from_keyword(el.keyword)
    assert got["FixtureSmallestValue"].name == "Fixture Smallest Value"


def test_an_even_element_range_nema_lacks_cannot_be_a_mask_and_names_its_line() -> None:
    entries = parse_dic(PUBLIC.read_bytes(), PUBLIC)
    with pytest.raises(DicError, match=r"public\.dic: line 24: \(0020,31xx\) is not in NEMA"):
        merge_public([], entries, PUBLIC, "fixture")


def test_private_entries_pin_each_convention() -> None:
    got = private_elements(parse_dic(PRIVATE.read_bytes(), PRIVATE), PRIVATE)
    by_key = {(p.creator, p.group, p.group_mask, p.element): p for p in got}
    later = by_key[("FIXTURE CREATOR", 0x0019, 0xFFFF, 0x10)]
    assert (later.vr, later.keyword, later.line) == ("LT", "FixtureParamsLater", 10)  # override
    fixed = by_key[("FIXTURE CREATOR", 0x0019, 0xFFFF, 0x1020)]
    assert (fixed.vr, fixed.vm) == ("DS", "2")
    lut = by_key[("FIXTURE RANGE", 0x6000, 0xFF00, 0x02)]
    assert lut.repeating and lut.vm == "1-n"
    isi = by_key[("FIXTURE ISI", 0x0003, 0xFFFF, 0x08)]
    assert (isi.keyword, isi.name) == ("FixtureISIField", "Fixture ISI Field")
    label = by_key[("FIXTURE CREATOR", 0x0029, 0xFFFF, 0xAB)]
    assert (label.vr, label.vm, label.name) == ("OB or OW", "1", "X-Ray Fixture Label")
    assert len(got) == 5


@pytest.mark.parametrize(("line", "message"), [
    ("(0008,0001)\tSH", "2 tab-separated field"),
    ("(0008,0001)\tSH\tA\t1\tDICOM\textra", "6 tab-separated field"),
    ("(0008,001)\tSH\tShortElement\t1\tDICOM", "is not (gggg,eeee)"),
    ("0008,0001\tSH\tNoParens\t1\tDICOM", "is not (gggg,eeee)"),
    ("(60FF-6000,0010)\tUS\tBackwards\t1\tDICOM", "ends before it starts"),
    ("(0008,0001)\tZZZ\tBadVR\t1\tDICOM", "VR 'ZZZ'"),
    ("(0008,0001)\tSH\t\t1\tDICOM", "empty name"),
    ("(0008,0001)\tSH\tBadVM\tn-1\tDICOM", "VM 'n-1'"),
    ('(0009,"CREATOR",1)\tSH\tOneDigit\t1\tPrivateTag', "is not (gggg,eeee)"),
    ('(0009,"CREATOR,10)\tSH\tUnclosed\t1\tPrivateTag', "is not (gggg,eeee)"),
])
def test_bad_lines_raise_naming_file_and_line(line: str, message: str) -> None:
    data = f"# header\n\n{line}\n".encode()
    with pytest.raises(DicError, match=rf"bad\.dic: line 3: .*{re.escape(message)}") as info:
        parse_dic(data, "bad.dic")
    assert info.value.line == 3


@pytest.mark.parametrize(("line", "message"), [
    ("(0009,0001)\tSH\tOddGroup\t1\tDICOM", "is private"),
    ("(0008,0001)\tSH\tBadVersion\t1\tDICOM/future", "version 'DICOM/future'"),
    ("(0008,0001)\tSH\tRETIRED_Half\t1\tDICOM", "a retired entry has both"),
    ("(0008,0001)\tSH\tHalf\t1\tDICOM/retired", "a retired entry has both"),
    ("(0008,0001)\tSH\tNot-AnIdentifier\t1\tDICOM", "not an identifier"),
    ("(6000-60FE,0010)\tUS\tRagged\t1\tDICOM", "whole hex digits"),
    ('(0008,"CREATOR",10)\tSH\tCreatorInPublic\t1\tDICOM', "private creator in a public"),
])
def test_bad_public_entries_raise_naming_file_and_line(line: str, message: str) -> None:
    entries = parse_dic(f"{line}\n".encode(), "bad.dic")
    with pytest.raises(DicError, match=rf"bad\.dic: line 1: .*{re.escape(message)}"):
        merge_public([], entries, "bad.dic", "fixture")


@pytest.mark.parametrize(("line", "message"), [
    ("(0009,0010)\tSH\tNoCreator\t1\tPrivateTag", "no private creator"),
    ('(0008,"CREATOR",10)\tSH\tEvenGroup\t1\tPrivateTag', "not a private group"),
    ('(FFFF,"CREATOR",10)\tSH\tLastGroup\t1\tPrivateTag', "not a private group"),
    ('(0009,"CREATOR",0100)\tSH\tNoBlock\t1\tPrivateTag', "neither an offset"),
    ('(0009,"CREATOR",10-o-20)\tSH\tRange\t1\tPrivateTag', "is not (gggg,eeee)"),
    ('(6000-60ff,"CREATOR",10)\tSH\tEvenRange\t1\tPrivateTag', "not a range of odd groups"),
])
def test_bad_private_entries_raise_naming_file_and_line(line: str, message: str) -> None:
    with pytest.raises(DicError, match=rf"bad\.dic: line 1: .*{re.escape(message)}"):
        private_elements(parse_dic(f"{line}\n".encode(), "bad.dic"), "bad.dic")


def test_text_that_is_not_utf8_names_its_line() -> None:
    with pytest.raises(DicError, match=r"line 2: not UTF-8"):
        parse_dic(b"# ok\n(0008,0001)\tSH\tBad\xff\t1\n", "bad.dic")


def test_a_dictionary_without_its_edition_in_the_header_is_refused() -> None:
    with pytest.raises(DicError, match="does not say which edition"):
        read_edition(b"# no edition here\n(0008,0001)\tSH\tA\t1\tDICOM\n", "x.dic")


def test_random_and_mutated_bytes_raise_only_the_readers_errors() -> None:
    rng = random.Random(20260)
    seeds = [PUBLIC.read_bytes(), PRIVATE.read_bytes()]
    for i in range(3000):
        if i % 3 == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(200)))
        else:
            data = bytearray(rng.choice(seeds))
            for _ in range(rng.randrange(1, 12)):
                pos = rng.randrange(len(data))
                choice = rng.randrange(3)
                if choice == 0:
                    data[pos] = rng.choice(b'\t\n()",-ouxX0fF9 #\xff')
                elif choice == 1:
                    del data[pos:pos + rng.randrange(1, 8)]
                else:
                    data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(4)))
            data = bytes(data)
        try:
            entries = parse_dic(data, "fuzz.dic")
            merge_public([SOURCE_IMAGE_IDS], [e for e in entries if e.creator is None],
                         "fuzz.dic", "fuzz")
            private_elements([e for e in entries if e.creator is not None], "fuzz.dic")
            read_edition(data, "fuzz.dic")
        except DicError as exc:
            assert "fuzz.dic: line " in str(exc)
        except CodegenError as exc:  # a keyword taken twice
            assert "fuzz.dic" in str(exc)


# --------------------------------------------------------------------------- names

def test_name_from_keyword_examples() -> None:
    assert name_from_keyword("StationAETitle") == "Station AE Title"
    assert name_from_keyword("NumberOfFrames") == "Number of Frames"
    assert name_from_keyword("OfFrames") == "Of Frames"
    assert name_from_keyword("ThreeDPlaneNormal") == "3D Plane Normal"
    assert name_from_keyword("XRayTubeCurrent") == "X-Ray Tube Current"
    assert name_from_keyword("TMLinePositionX0") == "TM Line Position X0"
    assert name_from_keyword("ObservationDateTrial") == "Observation Date (Trial)"
    assert name_from_keyword("ExpirationDateTime") == "Expiration DateTime"
    assert name_from_keyword("X-RayTubeIdentificationLabel") == "X-Ray Tube Identification Label"
    assert name_from_keyword("2DOversamplingLines") == "2D Oversampling Lines"


def test_name_from_keyword_gives_most_names_of_the_2015b_table(standard_dir: Path) -> None:
    from dicomkit.codegen.readers.part06 import read_data_elements

    std = Standard(roots=[standard_dir], parts={6: PartSource(6, "2015b", "docbook")})
    elements = [e for e in read_data_elements(std) if e.keyword and e.table == "6-1"]
    same = sum(1 for e in elements
               if name_from_keyword(e.keyword) == e.name.removesuffix(" (Retired)"))
    assert same >= 0.9 * len(elements), f"{same} of {len(elements)}"


# ---------------------------------------------------------------------- the real files

def test_the_real_dicom_dic_reads_whole() -> None:
    path = _real("dicom.dic")
    data = path.read_bytes()
    lines = [line for line in data.decode().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    entries = parse_dic(data, path)
    assert len(entries) == len(lines) > 4900
    assert read_edition(data, path) == "2022b"
    taken = merge_public([SOURCE_IMAGE_IDS], entries, path, "dcmtk-dicom")
    from dicomkit.generated.vrs import VRS

    assert all(v in VRS for el in taken for v in el.vrs)
    assert len({el.keyword for el in taken}) == len(taken)
    station = next(el for el in taken if el.tag == 0x00081010)
    assert (station.keyword, station.name, station.vr) == ("StationName", "Station Name", "SH")


def test_the_real_private_dic_reads_whole() -> None:
    path = _real("private.dic")
    data = path.read_bytes()
    lines = [line for line in data.decode().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    entries = parse_dic(data, path)
    assert len(entries) == len(lines) > 2800
    got = private_elements(entries, path)
    # three lines of "SPI RELEASE 1" (0011,xx10/15/20) are there twice, the same: later wins
    keys = {(e.creator, e.group, e.group_hi, e.element) for e in entries}
    assert len(got) == len(keys) == len(entries) - 3
    by_key = {(p.creator, p.group, p.element): p for p in got if not p.repeating}
    assert by_key[("1.2.840.113681", 0x0019, 0x10)].keyword == "CRImageParamsCommon"
    assert by_key[("SIEMENS CSA HEADER", 0x0029, 0x10)].vr == "OB"
    assert any(p.repeating and p.creator == "PAPYRUS 3.0" for p in got)


def test_the_generated_private_dictionary_is_the_real_private_dic() -> None:
    path = _real("private.dic")
    from dicomkit.generated import private_dictionary as generated

    got = private_elements(parse_dic(path.read_bytes(), path), path)
    assert sum(len(v) for v in generated.PRIVATE_ELEMENTS.values()) + sum(
        len(v) for v in generated.PRIVATE_REPEATERS.values()) == len(got)
    assert set(generated.PRIVATE_ELEMENTS) == {p.creator for p in got}
    for p in got:
        group = p.group | (1 if p.repeating else 0)
        element = p.element if p.element > 0xFF else 0x1000 | p.element
        entry = generated.lookup(p.creator, (group << 16) | element)
        assert entry == (p.vr, p.vm, p.name, p.keyword), p
    assert generated.lookup("1.2.840.113681", 0x00194210) == generated.lookup(
        "1.2.840.113681", 0x00191010)  # any block the creator reserved
    assert generated.lookup("1.2.840.113681", 0x00191099) is None
    assert generated.lookup("no such creator", 0x00191010) is None
    assert generated.lookup("PAPYRUS 3.0", 0x60FF1000) is not None  # a group range


# ------------------------------------------------------------------ precedence and rule

def _std(table_edition: str, path: Path, edition: str = "2022b", env: str = "") -> Standard:
    reg = RegistrySource("fixture-dic", path=str(path), env=env, edition=edition,
                         install="apt-get install dcmtk", second_rank_for="6:6-1")
    return Standard(roots=[], parts={6: PartSource(6, "2024c", "chtml")},
                    tables={(6, "6-1"): PartSource(6, table_edition, "docbook")},
                    registries={reg.key: reg})


def test_nema_wins_for_its_tags_and_masks_and_the_rest_is_marked() -> None:
    entries = parse_dic(PUBLIC.read_bytes(), PUBLIC)
    # NEMA's (0008,0001) differs in VR and VM; (60xx,0010) is NEMA's mask too; (7Fxx,0011) is
    # covered by a wider NEMA mask (7Fxx,xxxx)
    nema = [_nema(0x00080001, "NemaExact", "LO", "1-n"), SOURCE_IMAGE_IDS,
            _nema(0x60000010, "OverlayRows", "US", "1", 0xFF00FFFF, "(60xx,0010)"),
            _nema(0x7F000000, "Wide", "OW", "1", 0xFF000000, "(7Fxx,xxxx)")]
    got = {e.keyword for e in merge_public(nema, entries, PUBLIC, "fixture")}
    assert "FixtureExact" not in got and "FixtureOverlayRange" not in got
    assert "FixtureVariableRange" not in got
    assert "FixtureSmallestValue" in got


def test_a_dic_keyword_that_is_nemas_for_another_tag_stops_generation() -> None:
    entries = parse_dic(PUBLIC.read_bytes(), PUBLIC)
    nema = [SOURCE_IMAGE_IDS, _nema(0x00100010, "FixtureDicos")]
    with pytest.raises(CodegenError, match=r"keyword FixtureDicos of \(0008,0008\) is also"):
        merge_public(nema, entries, PUBLIC, "fixture")


def test_the_second_rank_is_read_only_when_newer_than_table_6_1(tmp_path: Path) -> None:
    std = _std("2015b", PUBLIC)
    with std.recording() as uses:
        got = second_rank_elements(std, [SOURCE_IMAGE_IDS])
    assert {e.keyword for e in got} >= {"FixtureExact", "FixtureOverlayRange"}
    use = next(u for u in uses if isinstance(u, RegistryUse))
    assert (use.key, use.edition, use.path) == ("fixture-dic", "2022b", str(PUBLIC))
    assert use.what == "data elements not in Table 6-1 2015b" and len(use.sha256) == 64
    # a complete newer edition of Table 6-1 replaces it wholly: the file is not even opened
    for newer in ("2022b", "2025e"):
        std = _std(newer, tmp_path / "absent.dic")
        with std.recording() as uses:
            assert second_rank_elements(std, [SOURCE_IMAGE_IDS]) == []
        assert uses == []


def test_a_missing_dic_names_the_file_and_what_to_install(tmp_path: Path) -> None:
    std = _std("2015b", tmp_path / "absent.dic", env="DICOMKIT_TEST_NO_SUCH_VAR")
    with pytest.raises(MissingRegistryError) as info:
        second_rank_elements(std, [])
    text = str(info.value)
    assert str(tmp_path / "absent.dic") in text and "apt-get install dcmtk" in text
    assert "$DICOMKIT_TEST_NO_SUCH_VAR" in text and "sources.json" in text


def test_the_environment_variable_overrides_the_path(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("DICOMKIT_TEST_DIC", str(PUBLIC))
    std = _std("2015b", tmp_path / "absent.dic", env="DICOMKIT_TEST_DIC")
    assert second_rank_elements(std, [SOURCE_IMAGE_IDS])


def test_a_dic_of_another_edition_than_declared_is_refused() -> None:
    std = _std("2015b", PUBLIC, edition="2023c")
    with pytest.raises(CodegenError, match=r"generated from PS3\.6 2022b.*declares .*2023c"):
        second_rank_elements(std, [])


def test_generation_leaves_the_dictionary_as_it_was_when_the_dic_is_missing(
        standard_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "dictionary.py").write_text("# committed content\n")
    monkeypatch.setenv("DICOMKIT_DCMTK_DICT", str(tmp_path / "absent.dic"))
    std = Standard.declared(PROJECT, roots=[standard_dir])
    report = generate(std, out, [s for s in all_specs() if s.name == "dictionary"],
                      only={"dictionary"}, jobs=1)
    assert "absent.dic" in report.skipped["dictionary"]
    assert "apt-get install dcmtk" in report.skipped["dictionary"]
    assert (out / "dictionary.py").read_text() == "# committed content\n"
    argv = ["codegen", "generate", "--source", str(standard_dir), "--out", str(out),
            "--only", "dictionary", "--jobs", "1"]
    assert dicomkit_main(argv) == 1
    assert "left dictionary as it was" in capsys.readouterr().err
    assert dicomkit_main([*argv, "--allow-missing"]) == 0
    assert (out / "dictionary.py").read_text() == "# committed content\n"
