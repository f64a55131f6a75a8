"""Chest CAD SR (PS3.16 TID 4100, PS3.3 A.35.6): built from the generated templates and context
groups, checked by our template and IOD validators, pydicom and dciodvfy."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pydicom
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.sr import Code, SRError
from dicomkit.sr.chest_cad import Algorithm, CadPerformed, ChestCadReport, SingleImageFinding
from dicomkit.sr.tid1500 import context_group_code
from dicomkit.sr.validate import validate_template
from tests.samples import sample

EN = Code("en-US", "RFC5646", "English (United States)")
ALG = Algorithm("nodule finder", "1.0", "threshold=0.5")


def _ct() -> Dataset:
    return dicomkit.read(sample("CT_small.dcm"))


def _report(ct: Dataset, *, failed: bool = False) -> ChestCadReport:
    lesion = context_group_code(6101, "111102")  # CID 6101 "Non-lesion"
    return ChestCadReport(
        [ct], EN,
        findings=[SingleImageFinding(lesion, ct, (30.0, 40.0), ALG, certainty=80,
                                     outline=[(20.0, 30.0), (40.0, 30.0), (40.0, 50.0)])],
        detections=[CadPerformed(lesion, ALG, [ct]),
                    *([CadPerformed(lesion, Algorithm("other", "2"), [ct], succeeded=False)]
                      if failed else [])])


def _errors(doc: object) -> list[str]:
    return [str(f) for f in validate_template(doc) if f.severity == "error"]


@pytest.mark.parametrize("failed", [False, True])
def test_the_document_validates_against_tid_4100(failed: bool) -> None:
    doc = _report(_ct(), failed=failed).to_document()
    assert _errors(doc) == []
    ds = doc.to_dataset()
    assert str(ds.SOPClassUID) == uids.ChestCADSRStorage
    root = doc.root
    summary = next(c for c in root.children if c.concept is not None
                   and c.concept.value == "111017")
    expected = "111244" if failed else "111242"  # CID 6047, "Not all / All algorithms ..."
    assert summary.value.value == expected
    detections = next(c for c in root.children if c.concept is not None
                      and c.concept.value == "111064")
    assert detections.value.value == ("111223" if failed else "111222")  # CID 6042
    analyses = next(c for c in root.children if c.concept is not None
                    and c.concept.value == "111065")
    assert analyses.value.value == "111225" and not analyses.children  # Not Attempted


def test_a_finding_without_its_mandatory_rendering_intent_is_reported() -> None:
    root = _report(_ct()).to_content()
    summary = next(c for c in root.children if c.concept is not None
                   and c.concept.value == "111017")
    finding = summary.children[0]
    finding.children[:] = [k for k in finding.children
                           if not (k.concept is not None and k.concept.value == "111056")]
    errors = [str(f) for f in validate_template(root, "4100") if f.severity == "error"]
    assert errors and "TID 4104 row 6" in errors[0]


def test_bad_input_is_refused() -> None:
    ct = _ct()
    with pytest.raises(SRError, match="image library"):
        ChestCadReport([], EN).to_content()
    with pytest.raises(SRError, match="Certainty of Finding 120"):
        SingleImageFinding(context_group_code(6101, "111102"), ct, (1.0, 1.0), ALG,
                           certainty=120).to_item()
    with pytest.raises(SRError, match="at least one image"):
        CadPerformed(context_group_code(6101, "111102"), ALG, []).to_item("4017")


def test_the_file_passes_our_iod_validator_pydicom_and_dciodvfy(tmp_path: Path) -> None:
    from dicomkit.validate import validate

    path = tmp_path / "cad.dcm"
    dicomkit.write(path, _report(_ct(), failed=True).to_document().to_dataset())
    errors = [f for f in validate(path).findings if f.severity == "error"]
    assert errors == []
    read = pydicom.dcmread(path)
    assert read.SOPClassUID == uids.ChestCADSRStorage
    assert read.ContentTemplateSequence[0].TemplateIdentifier == "4100"
    exe = shutil.which("dciodvfy")
    if exe is None:
        from tests.conftest import missing
        missing("dciodvfy (dicom3tools)")
    out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
    bad = [line for line in (out.stdout + out.stderr).splitlines() if line.startswith("Error")]
    assert bad == [], out.stderr
