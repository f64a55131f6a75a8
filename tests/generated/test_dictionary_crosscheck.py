"""The generated dictionary and uids modules against pydicom 3's tables.

The modules are rendered from the declared sources (``standard/sources.json``: Table 6-1 from
PS3.6 2015b, every other PS3.6 table from 2024c, and what Table 6-1 lacks from dcmtk's
``dicom.dic`` made from PS3.6 2022b, the second rank registry) into a temporary folder and
imported from there.  pydicom 3 follows a newer edition (2024) for Table 6-1, so the few
elements that changed since 2015b are listed below, each with the reason; everything else must
agree.  The elements pydicom knows and we lack are listed too, exactly, by the edition they
come from.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dicomkit.codegen.emit import make_env, render_module
from dicomkit.codegen.readers.part06 import MODULES
from dicomkit.codegen.standard import Standard
from tests.conftest import missing

#: Elements where Table 6-1 of 2015b and pydicom 3 (a 2024 edition) differ in VR, VM or
#: keyword: tag -> why.  Kept exact: an entry that stops differing fails the test too.
ELEMENT_DIFFERENCES: dict[int, str] = {
    0x00089007: "Frame Type: VM 4 in 2015b, 4-5 in later editions",
    0x00140023: "CAD File Format (ST): VM 1-n in 2015b, 1 later (ST is single valued)",
    0x00140024: "Component Reference System (ST): VM 1-n in 2015b, 1 later",
    0x00140025: "Component Manufacturing Procedure (ST): VM 1-n in 2015b, 1 later",
    0x00140028: "Component Manufacturer (ST): VM 1-n in 2015b, 1 later",
    0x00140042: "Material Grade (ST): VM 1-n in 2015b, 1 later",
    0x00140044: "Material Properties Description (ST): VM 1-n in 2015b, 1 later",
    0x00140045: "Material Properties File Format (Retired) (ST): VM 1-n in 2015b, 1 later",
    0x001440A0: "Image Quality Indicator Type: VM 1 in 2015b, 1-n later",
    0x001440A1: "Image Quality Indicator Material: VM 1 in 2015b, 1-n later",
    0x001440A2: "Image Quality Indicator Size: VM 1 in 2015b, 1-n later",
    0x00189323: "Exposure Modulation Type: VM 1 in 2015b, 1-n later",
    0x00189445: "placeholder without VR/VM in the standard (PS3.6 6 note 3); pydicom says OB 1",
    0x00280020: "placeholder without VR/VM in the standard (PS3.6 6 note 3); pydicom says OB 1",
    0x00281200: "Gray Lookup Table Data: the standard's VM '1-n or 1', pydicom writes '1-n'",
    0x00283006: "LUT Data: the standard's VM '1-n or 1', pydicom writes '1-n'",
    0x00620009: "Segment Algorithm Name: VM 1 in 2015b, 1-n later",
    0x00660040: "Long Primitive Point Index List: UL 1-n in 2015b, OL 1 since OL came (2016)",
    0x00660041: "Long Triangle Point Index List: UL 3-3n in 2015b, OL 1 later",
    0x00660042: "Long Edge Point Index List: UL 2-2n in 2015b, OL 1 later",
    0x00660043: "Long Vertex Point Index List: UL 1-n in 2015b, OL 1 later",
    0x006862F0: "View Orientation Modifier FD 9 in 2015b; later View Orientation Modifier "
                "Code Sequence, SQ 1",
    0x00800010: "U Value Data (OF): VM 1-n in 2015b, 1 later (OF holds one value)",
    0x00800011: "V Value Data (OF): VM 1-n in 2015b, 1 later",
    0x300A0131: "keyword AverageBeamDosePointSourceToExternalContourSurfaceDistance in "
                "2015b, renamed AverageBeamDosePointSourceToExternalContourDistance later",
}


#: pydicom 3.0.2 elements we lack that came after PS3.6 2022b (dcmtk's dicom.dic lacks them) and
#: that the PS3.3 2024c module and macro tables use: in the standard by 2024c.
AFTER_2022B_IN_PS3_3_2024C: frozenset[int] = frozenset({
    0x0008001C, 0x00080400, 0x00080401, 0x00080402, 0x00080403, 0x00080404,
    0x00080405, 0x00080406, 0x00080407, 0x00080408, 0x00080409, 0x0008040A,
    0x0008040B, 0x0008040C, 0x0008040D, 0x0008040E, 0x0008040F, 0x00080410,
    0x00080411, 0x00080412, 0x00080413, 0x00080414, 0x00080415, 0x00080416,
    0x00080417, 0x00080418, 0x00080419, 0x0008041A, 0x0008041F, 0x00080420,
    0x00080421, 0x00080422, 0x00080423, 0x00080424, 0x00080425, 0x00080426,
    0x00080427, 0x00080428, 0x00102161, 0x00120022, 0x00120023, 0x00120032,
    0x00120041, 0x00120043, 0x00120054, 0x00120055, 0x00120073, 0x00181204,
    0x00181205, 0x00189821, 0x00189822, 0x00189823, 0x00189824, 0x00189825,
    0x00189826, 0x00189828, 0x00189829, 0x0018982A, 0x0018982B, 0x0018982C,
    0x0018982D, 0x0018982E, 0x0018982F, 0x00189830, 0x00189831, 0x00189832,
    0x00189833, 0x00189834, 0x00189835, 0x00189836, 0x0022000F, 0x00283001,
    0x003A0317, 0x003A0318, 0x003A0319, 0x003A0320, 0x003A0321, 0x003A0322,
    0x003A0323, 0x003A0324, 0x003A0325, 0x003A0326, 0x003A0327, 0x003A0328,
    0x003A0329, 0x003A032A, 0x003A032B, 0x003A032C, 0x003A032D, 0x003A032E,
    0x00480114, 0x00480115, 0x00480116, 0x00480117, 0x00700315, 0x30020100,
    0x30020101, 0x30020102, 0x30020103, 0x30020104, 0x30020105, 0x30020106,
    0x30020107, 0x30020108, 0x30020109, 0x3002010A, 0x3002010B, 0x3002010C,
    0x3002010D, 0x3002010E, 0x3002010F, 0x30020110, 0x30020111, 0x30020112,
    0x30020113, 0x30020114, 0x30020115, 0x30020116, 0x30020117, 0x30020118,
    0x30020119, 0x3002011A, 0x3002011B, 0x3002011C, 0x3002011D, 0x3002011E,
    0x3002011F, 0x30020120, 0x30020121, 0x30020122, 0x30020123, 0x30020124,
    0x30020125, 0x30020126, 0x30020127, 0x30020128, 0x30020129, 0x3002012A,
    0x3002012B, 0x3002012C, 0x3002012D, 0x3002012E, 0x3002012F, 0x30020130,
    0x30020131, 0x30020132, 0x30020133, 0x30020134, 0x30020135, 0x3006002D,
    0x3006002E, 0x3006004B, 0x3006004C, 0x3006004D, 0x3006004E, 0x3006004F,
    0x300800A1, 0x300800A2, 0x300800A3, 0x300800A4, 0x300A0054, 0x300A068B,
    0x300A079F, 0x300A07A0, 0x300A07A1, 0x300C0129, 0x301000A0, 0x7FE00003,
})

#: pydicom 3.0.2 elements we lack that came after 2022b and that the PS3.3 2024c tables do not
#: use (PS3.4 / PS3.18 query and inventory attributes, retired placeholders).
AFTER_2022B_ELSEWHERE: frozenset[int] = frozenset({
    0x00080202,  # (no keyword)
    0x0008041B,  # RecordKey
    0x0008041C,  # PriorRecordKey
    0x0008041D,  # MetadataSequence
    0x0008041E,  # UpdatedMetadataSequence
    0x00080429,  # MaximumNumberOfRecords
    0x00081112,  # ReferencedInstancesBySOPClassSequence
    0x0008119B,  # FailedStudySequence
    0x00140200,  # DataElementLabelSequence
    0x00140201,  # DataElementLabelItemSequence
    0x00140202,  # DataElement
    0x00140203,  # DataElementName
    0x00140204,  # DataElementDescription
    0x00140205,  # DataElementConditionality
    0x00140206,  # DataElementMinimumCharacters
    0x00140207,  # DataElementMaximumCharacters
    0x00180061,  # (no keyword)
    0x04000315,  # (no keyword)
    0x300A0782,  # (no keyword)
})


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(standard_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("generated06")
    std = Standard.declared(roots=[standard_dir])
    for reg in std.registries.values():
        if not reg.resolved().is_file():
            missing(f"{reg.resolved()} ({reg.install})")
    env = make_env()
    for spec in MODULES:
        for filename, text in render_module(env, spec, std).items():
            (out / filename).write_text(text, encoding="utf-8")
    return {"dictionary": _load(out / "dictionary.py", "_cc_dictionary"),
            "uids": _load(out / "uids.py", "_cc_uids")}


@pytest.fixture(scope="module")
def pydicom_tables() -> tuple[dict[int, Any], dict[str, Any], dict[str, Any]]:
    try:
        from pydicom.datadict import DicomDictionary, RepeatersDictionary
        from pydicom.uid import UID_dictionary
    except ImportError:
        missing("pydicom")
        raise
    return DicomDictionary, RepeatersDictionary, UID_dictionary


def _pydicom_vr(vr: str) -> str:
    """pydicom writes 'NONE' where the standard gives no VR (items and delimiters)."""
    return "" if vr == "NONE" else vr


def test_elements_agree_with_pydicom_but_for_the_listed_edition_changes(
        generated: dict[str, Any], pydicom_tables: tuple[Any, Any, Any]) -> None:
    elements = generated["dictionary"].ELEMENTS
    pyd = pydicom_tables[0]
    both = [t for t in elements if t in pyd]
    differ = {}
    for tag in both:
        vr, vm, _name, kw, _retired = elements[tag]
        p_vr, p_vm, _p_name, _p_ret, p_kw = pyd[tag]
        if (vr, vm, kw) != (_pydicom_vr(p_vr), p_vm, p_kw):
            differ[tag] = ((vr, vm, kw), (p_vr, p_vm, p_kw))
    unexplained = {f"0x{t:08X}": d for t, d in differ.items() if t not in ELEMENT_DIFFERENCES}
    stale = [f"0x{t:08X}" for t in ELEMENT_DIFFERENCES if t not in differ]
    assert not unexplained and not stale
    agree = len(both) - len(differ)
    print(f"\nexact tags in both: {len(both)}, agree: {agree}, listed differences: {len(differ)}")
    assert agree >= 3800


def test_repeating_elements_agree_with_pydicom(
        generated: dict[str, Any], pydicom_tables: tuple[Any, Any, Any]) -> None:
    repeaters = generated["dictionary"].REPEATERS
    pyd = pydicom_tables[1]
    agree = 0
    for mask, value, (vr, vm, _name, kw, retired) in repeaters:
        key = "".join("x" if (mask >> s) & 0xF == 0 else f"{(value >> s) & 0xF:X}"
                      for s in range(28, -4, -4))
        p_vr, p_vm, _p_name, p_ret, p_kw = pyd[key]
        assert (vr, vm, kw, retired) == (p_vr, p_vm, p_kw, p_ret == "Retired"), key
        agree += 1
    print(f"\nrepeating elements: {len(repeaters)}, agree: {agree}")
    assert agree == len(pyd) == 88


def _pydicom_name(name: str, info: str) -> str:
    """The registry name as PS3.6 writes it, from pydicom's split (name, info) form.

    pydicom cuts ``": Default Transfer Syntax for ..."`` into its info field (which otherwise
    holds the retirement year or the part) and writes ``and`` for ``&``.
    """
    if info.startswith("Default Transfer Syntax"):
        return f"{name}: {info}"
    return name


def _our_name(name: str) -> str:
    """Our name with the standard's "(Retired)" dropped and "&" spelt as pydicom spells it."""
    return name.replace(" (Retired)", "").replace("(Retired)", "").replace("&", "and")


def test_uids_agree_with_pydicom(generated: dict[str, Any],
                                 pydicom_tables: tuple[Any, Any, Any]) -> None:
    uids = generated["uids"].UIDS
    pyd = pydicom_tables[2]
    both = [v for v in uids if v in pyd]
    for value in both:
        name, kw, type_, _part, retired = uids[value]
        p_name, p_type, p_info, p_ret, p_kw = pyd[value]
        assert (_our_name(name), kw, type_, retired) == (
            _pydicom_name(p_name, p_info), p_kw, p_type, p_ret == "Retired"), value
    print(f"\nUIDs in both: {len(both)} of {len(uids)} (pydicom {len(pyd)}), all agree")
    assert len(both) >= 470


def test_uid_constants_are_the_keywords_pydicom_knows(
        generated: dict[str, Any], pydicom_tables: tuple[Any, Any, Any]) -> None:
    uids = generated["uids"]
    by_keyword = {v[4]: k for k, v in pydicom_tables[2].items() if v[4]}
    ours = {kw: value for value, (_n, kw, *_rest) in uids.UIDS.items() if kw}
    assert uids.CTImageStorage == "1.2.840.10008.5.1.4.1.1.2"
    assert uids.ImplicitVRLittleEndian == "1.2.840.10008.1.2"
    for kw, value in ours.items():
        assert getattr(uids, kw) == value
        if kw in by_keyword:
            assert by_keyword[kw] == value, kw


def _ps3_3_tags() -> set[int]:
    from dicomkit.generated import macros, modules

    return {row[2] for tables in (modules.MODULES, macros.MACROS) for table in tables.values()
            for row in table[3] if row[0] == "attr" and isinstance(row[2], int)}


def test_the_elements_pydicom_knows_and_we_lack_are_listed_by_edition(
        generated: dict[str, Any], pydicom_tables: tuple[Any, Any, Any]) -> None:
    from dicomkit.codegen.readers.dcmtk_dic import parse_dic
    from dicomkit.generated.commands import COMMAND_ELEMENTS

    dictionary = generated["dictionary"]
    pyd = pydicom_tables[0]
    lack = set(pyd) - set(dictionary.ELEMENTS)
    # group 0000: PS3.7 command elements, which dicomkit.generated.commands has from NEMA
    commands = {t for t in lack if t >> 16 == 0}
    assert commands == {t for t in pyd if t >> 16 == 0} and commands <= set(COMMAND_ELEMENTS)
    listed = AFTER_2022B_IN_PS3_3_2024C | AFTER_2022B_ELSEWHERE
    assert not AFTER_2022B_IN_PS3_3_2024C & AFTER_2022B_ELSEWHERE
    assert sorted(lack - commands) == sorted(listed), "the list is not exact"
    # the editions claimed: none of them in the 2022b dicom.dic; PS3.3 2024c uses the first set
    path = Path(dictionary.__doc__.split("dcmtk-dicom (made from PS3.6 2022b) ")[1].split()[0])
    in_dic = {(e.group << 16) | e.element for e in parse_dic(path.read_bytes(), path)}
    assert not listed & in_dic
    ps3_3 = _ps3_3_tags()
    assert AFTER_2022B_IN_PS3_3_2024C <= ps3_3 and not AFTER_2022B_ELSEWHERE & ps3_3
    known = len(set(pyd) & set(dictionary.ELEMENTS))
    print(f"\npydicom elements: {len(pyd)}, known: {known} ({known / len(pyd):.1%}), lacking: "
          f"{len(commands)} PS3.7 command elements (in generated.commands), "
          f"{len(listed)} after 2022b")


def test_second_rank_entries_are_marked_and_named_from_their_keywords(
        generated: dict[str, Any], pydicom_tables: tuple[Any, Any, Any]) -> None:
    from dicomkit.codegen.readers.dcmtk_dic import name_from_keyword

    dictionary = generated["dictionary"]
    assert dictionary.SECOND_RANK_SOURCES == ("dcmtk-dicom",)
    second = dictionary.SECOND_RANK
    assert second <= set(dictionary.ELEMENTS) and len(second) > 1000
    assert all(dictionary.ELEMENTS[t][2] == name_from_keyword(dictionary.ELEMENTS[t][3])
               for t in second)
    station = dictionary.tag_for_keyword("StationAETitle")
    assert station in second and dictionary.ELEMENTS[station][:4] == (
        "AE", "1", "Station AE Title", "StationAETitle")
    # the derived names against pydicom's (PS3.6 2024) names of the same elements
    pyd = pydicom_tables[0]
    same = sum(1 for t in second if t in pyd and pyd[t][2] == dictionary.ELEMENTS[t][2])
    print(f"\nsecond rank: {len(second)} elements, derived name = pydicom's for {same}")
    assert same >= 0.9 * len(second)
