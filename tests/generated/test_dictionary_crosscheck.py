"""The generated dictionary and uids modules against pydicom 3's tables.

The modules are rendered from the declared sources (``standard/sources.json``: Table 6-1 from
PS3.6 2015b, every other PS3.6 table from 2024c) into a temporary folder and imported from
there.  pydicom 3 follows a newer edition (2024) for Table 6-1, so the few elements that
changed since 2015b are listed below, each with the reason; everything else must agree.
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
