"""dicomkit.sr.cad: the parts the CAD templates share (TID 4015-4020, CID 6042, CID 6047)."""

from __future__ import annotations

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.sr import SRError
from dicomkit.sr.cad import (
    Algorithm,
    CadPerformed,
    LibraryImage,
    image_library,
    overall_summary,
    performed_summary,
)
from dicomkit.sr.rows import context_group_code as cg
from tests.samples import sample

ALG = Algorithm("finder", "1")


def _ct() -> Dataset:
    return dicomkit.read(sample("CT_small.dcm"))


@pytest.mark.parametrize(("outcomes", "findings", "expected"), [
    ((True, True), True, "111242"),    # CID 6047 All algorithms succeeded; with findings
    ((True,), False, "111241"),        # ... without findings
    ((), False, "111241"),             # nothing performed: nothing failed
    ((True, False), True, "111244"),   # Not all algorithms succeeded; with findings
    ((True, False), False, "111243"),  # ... without findings
    ((False, False), False, "111245"),  # No algorithms succeeded; without findings
])
def test_the_processing_summary_follows_the_outcomes(outcomes: tuple[bool, ...], findings: bool,
                                                     expected: str) -> None:
    ct = _ct()
    performed = [CadPerformed(cg(6014, "111099"), ALG, [ct], succeeded=ok) for ok in outcomes]
    item = overall_summary("4001", findings, performed)
    assert item.concept is not None and item.concept.value == "111017"
    assert item.value == cg(6047, expected)


@pytest.mark.parametrize(("outcomes", "status", "containers"), [
    ((), "111225", []),                           # Not Attempted: no TID 4015 (row 7 condition)
    ((True,), "111222", ["111063"]),              # Succeeded: Successful Detections
    ((False,), "111224", ["111025"]),             # Failed: Failed Detections
    ((True, False), "111223", ["111063", "111025"]),  # Partially Succeeded: both
])
def test_the_summary_of_detections_holds_the_containers_of_tid_4015(
        outcomes: tuple[bool, ...], status: str, containers: list[str]) -> None:
    ct = _ct()
    performed = [CadPerformed(cg(6014, "111099"), ALG, [ct], succeeded=ok) for ok in outcomes]
    item = performed_summary("4000", "111064", performed)
    assert item.value == cg(6042, status)
    assert [c.concept.value for c in item.children if c.concept is not None] == containers
    assert all(c.relationship == "INFERRED FROM" for c in item.children)  # TID 4000 row 7


def test_the_library_needs_an_image_and_a_laterality_code_for_a_lateral_image() -> None:
    ct = _ct()
    with pytest.raises(SRError, match="TID 4000 row 4"):
        image_library("4000", [])
    library, entries = image_library("4100", [ct])
    assert list(entries) == [str(ct.SOPInstanceUID)]
    assert library.children[0].relationship == "CONTAINS"  # TID 4100 row 4
    ct.ImageLaterality = "R"
    with pytest.raises(SRError, match="TID 4020 row 2: image .* has Image Laterality 'R'"):
        image_library("4100", [ct])
    right = cg(244, "24028007")  # CID 244 includes CID 247 "Right"
    library, _ = image_library("4100", [LibraryImage(ct, right)])
    assert library.children[0].children[0].value == right


def test_tid_4017_and_4018_only() -> None:
    with pytest.raises(SRError, match="neither TID 4017 nor TID 4018"):
        CadPerformed(cg(6014, "111099"), ALG, [_ct()]).to_item("4019")
