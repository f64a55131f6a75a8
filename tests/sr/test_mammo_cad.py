"""Mammography CAD SR (PS3.16 TID 4000, PS3.3 A.35.5): built from the generated templates and
context groups, checked by our template and IOD validators, dciodvfy, pydicom and highdicom."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pydicom
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.sr import Code, ContentItem, SRDocument, SRError
from dicomkit.sr.mammo_cad import (
    Algorithm,
    Assessment,
    CadPerformed,
    Impression,
    LibraryImage,
    MammoCadReport,
    MammoCompositeFeature,
    MammoFinding,
)
from dicomkit.sr.rows import context_group_code as cg
from dicomkit.sr.validate import validate_template
from tests.samples import sample
from tests.sr.cad_trees import highdicom_tree, our_tree, pydicom_tree, walk_pydicom

EN = Code("en-US", "RFC5646", "English (United States)")
ALG = Algorithm("mammo cad", "2.1", "sensitivity=high")
LEFT = cg(6023, "80248007")                 # CID 6023 "Left breast"
CLUSTER = cg(6015, "129769006")             # CID 6015 "Calcification Cluster"
SINGLE = cg(6015, "129770007")              # CID 6015 "Individual Calcification"
DENSITY = cg(6015, "129793001")             # CID 6015 "Mammography breast density"
MASS = cg(6017, "129788004")                # CID 6017 "Mammographic breast mass"
SPATIAL = cg(6035, "111154")                # CID 6035 "... related spatially"
MULTIPLE = cg(6036, "111158")               # CID 6036 "Feature detected on multiple images"


def _mg(view: str, laterality: str = "L") -> Dataset:
    """A mammogram-like instance: CT_small's patient and study with the attributes TID 4020 reads
    (Image Laterality, View Code Sequence from CID 4014, Patient Orientation, Imager Pixel Spacing)."""
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.SOPClassUID = uids.DigitalMammographyXRayImageStorageForPresentation
    ds.SOPInstanceUID = generate_uid()
    ds.ImageLaterality = laterality
    ds.ViewCodeSequence = [cg(4014, view).to_item()]
    ds.PatientOrientation = ["A", "R"]
    return ds


def _images() -> tuple[Dataset, Dataset]:
    return _mg("399162004"), _mg("399368009")  # CID 4014 cranio-caudal, medio-lateral oblique


def _report(cc: Dataset, mlo: Dataset, *, failed: bool = False) -> MammoCadReport:
    cluster = MammoFinding(CLUSTER, cc, (100.0, 120.0), ALG, certainty=75,
                           outline=[(90.0, 110.0), (110.0, 110.0), (110.0, 130.0)],
                           calcification_types=[cg(6011, "129755006")],      # Punctate
                           calcification_distribution=cg(6013, "129766004"),  # Grouped
                           number_of_calcifications=7)
    single = MammoFinding(SINGLE, mlo, (20.0, 30.0), ALG, calcification_types=[cg(6011, "129760005")])
    on_cc = MammoFinding(DENSITY, cc, (50.0, 60.0), ALG, density=cg(6009, "129744006"))
    on_mlo = MammoFinding(DENSITY, mlo, (55.0, 65.0), ALG, probability_of_cancer=12.5)
    mass = MammoCompositeFeature(MASS, SPATIAL, MULTIPLE, ALG, [on_cc, on_mlo], certainty=60,
                                 density=cg(6009, "129744006"))
    detections = [CadPerformed(CLUSTER, ALG, [cc, mlo]), CadPerformed(DENSITY, ALG, [cc, mlo])]
    if failed:
        detections.append(CadPerformed(SINGLE, Algorithm("other", "0.9"), [cc], succeeded=False))
    return MammoCadReport(
        [LibraryImage(cc, LEFT), LibraryImage(mlo, LEFT)], EN,
        impressions=[Impression([cluster, single], assessment=Assessment(
                         ALG, cg(6027, "397143007"), certainty=70)),        # "3 - Probably Benign"
                     Impression([mass])],
        overall=Assessment(ALG, cg(6027, "397144001"),                      # "4 - Suspicious"
                           follow_up=[cg(6029, "111135")]),                 # "Additional projections"
        detections=detections,
        analyses=[CadPerformed(cg(6043, "111233"), ALG, [cc, mlo])])  # CID 6043


def _errors(doc: object, tid: str | None = None) -> list[str]:
    return [str(f) for f in validate_template(doc, tid) if f.severity == "error"]


def _child(node: ContentItem, value: str) -> ContentItem:
    return next(c for c in node.children if c.concept is not None and c.concept.value == value)


@pytest.mark.parametrize("failed", [False, True])
def test_the_document_validates_against_tid_4000(failed: bool) -> None:
    doc = _report(*_images(), failed=failed).to_document()
    assert _errors(doc) == []
    assert str(doc.to_dataset().SOPClassUID) == uids.MammographyCADSRStorage
    root = doc.root
    assert root.template == "4000" and root.concept is not None and root.concept.value == "111036"
    summary = _child(root, "111017")  # TID 4001 row 1, CID 6047
    assert summary.value.value == ("111244" if failed else "111242")
    assert [c.concept.value for c in summary.children if c.concept] == [
        "111005", "111053", "111001", "111003", "111002", "111034", "111034"]  # TID 4001 rows 2, 3
    assert _child(summary, "111005").relationship == "HAS PROPERTIES"     # TID 4001 row 2
    first = summary.children[-2]
    assert _child(first, "111005").relationship == "CONTAINS"            # TID 4003 row 3
    assert _child(first, "111013").value.value == 70                     # TID 4002 row 10
    detections = _child(root, "111064")  # CID 6042 Partially Succeeded / Succeeded
    assert detections.value.value == ("111223" if failed else "111222")
    assert [c.concept.value for c in detections.children if c.concept] == (
        ["111063", "111025"] if failed else ["111063"])  # TID 4015 rows 1, 3


def test_the_library_entries_carry_laterality_and_view_and_geometry_points_at_them() -> None:
    cc, mlo = _images()
    root = _report(cc, mlo).to_content()
    library = _child(root, "111028")
    entry = library.children[0]
    assert entry.value.sop_instance_uid == str(cc.SOPInstanceUID)
    assert _child(entry, "111027").value == LEFT            # TID 4020 row 2
    assert _child(entry, "111031").value == cg(4014, "399162004")  # TID 4020 row 3
    assert _child(entry, "111044").value == "A" and _child(entry, "111043").value == "R"
    finding = _child(_child(_child(root, "111017"), "111034"), "111059")
    center = _child(finding, "111010")                      # TID 4021 row 1
    (selected,) = center.children
    assert selected.relationship == "SELECTED FROM" and selected.target() is entry  # row 2, by ref
    number = _child(finding, "111038")                      # TID 4010 row 3, UNITS (1, UCUM)
    assert number.value.value == 7 and number.value.units.value == "1"


def test_a_broken_tree_is_reported_by_our_template_validator() -> None:
    root = _report(*_images()).to_content()
    finding = _child(_child(_child(root, "111017"), "111034"), "111059")
    finding.children[:] = [k for k in finding.children
                           if not (k.concept is not None and k.concept.value == "111056")]
    errors = _errors(root, "4000")
    assert errors and any("TID 4006 row 2" in e for e in errors), errors


def test_bad_input_is_refused_with_a_clear_message() -> None:
    cc, mlo = _images()
    with pytest.raises(SRError, match="image library lists at least one image"):
        MammoCadReport([], EN).to_content()
    with pytest.raises(SRError, match=r"Image Laterality 'L'.*laterality code"):
        MammoCadReport([cc], EN).to_content()           # TID 4020 row 2 needs the code
    right_lung = cg(247, "24028007")                     # CID 247 "Right": not CID 6022
    with pytest.raises(SRError, match=r"Image Laterality of image .* not in CID 6022"):
        MammoCadReport([LibraryImage(cc, right_lung)], EN).to_content()
    dx_view = _mg("399162004")
    dx_view.ViewCodeSequence = [cg(4010, "399348003").to_item()]  # CID 4010 (DX) "antero-posterior"
    with pytest.raises(SRError, match=r"Image View of image .* not in CID 4014, which is not "
                                      r"extensible"):
        MammoCadReport([LibraryImage(dx_view, LEFT)], EN).to_content()
    with pytest.raises(SRError, match=r"TID 4003 Rendering Intent.*not in CID 6034"):
        Impression([MammoFinding(CLUSTER, cc, (1.0, 1.0), ALG)], rendering_intent=SPATIAL
                   ).to_item({})
    with pytest.raises(SRError, match="not in the image library"):
        MammoCadReport([LibraryImage(cc, LEFT)], EN, impressions=[
            Impression([MammoFinding(CLUSTER, mlo, (1.0, 1.0), ALG)])]).to_content()
    with pytest.raises(SRError, match="Certainty of Finding 120 is not in 0 - 100"):
        MammoCadReport([LibraryImage(cc, LEFT)], EN, impressions=[
            Impression([MammoFinding(CLUSTER, cc, (1.0, 1.0), ALG, certainty=120)])]).to_content()
    with pytest.raises(SRError, match="describe a calcification cluster"):
        MammoFinding(SINGLE, cc, (1.0, 1.0), ALG, number_of_calcifications=3).to_item({})
    with pytest.raises(SRError, match="at least two"):
        MammoCompositeFeature(MASS, SPATIAL, MULTIPLE, ALG,
                              [MammoFinding(DENSITY, cc, (1.0, 1.0), ALG)]).to_item({})
    with pytest.raises(SRError, match="at least one single image finding"):
        Impression([]).to_item({})
    with pytest.raises(SRError, match="TID 4002 rows 1, 3, 5, 6, 8, 9"):
        Assessment(ALG).items("CONTAINS")
    with pytest.raises(SRError, match="TID 4002 row 10"):
        Assessment(ALG, description="dense tissue", certainty=50).items("CONTAINS")
    with pytest.raises(SRError, match=r"TID 4005 row 2 Scope of Feature.*not in CID 6036"):
        MammoCompositeFeature(MASS, SPATIAL, SPATIAL, ALG, [
            MammoFinding(DENSITY, cc, (1.0, 1.0), ALG), MammoFinding(DENSITY, mlo, (1.0, 1.0), ALG)
        ]).to_item({})
    with pytest.raises(SRError, match="Algorithm Name and Algorithm Version are mandatory"):
        MammoCadReport([LibraryImage(cc, LEFT)], EN,
                       detections=[CadPerformed(CLUSTER, Algorithm("", "1"), [cc])]).to_content()
    with pytest.raises(SRError, match="TID 4006 row 9"):        # breast composition: not built
        MammoFinding(cg(6015, "129715009"), cc, (1.0, 1.0), ALG).to_item({})


def test_a_finding_extending_cid_6014_is_kept_and_only_warned_about() -> None:
    """CID 6014 (TID 4006 row 1, $DetectionCode of TID 4000 row 7) is Extensible: PS3.16 7.2.3
    lets an application add terms for new concepts; our template validator warns."""
    cc, _ = _images()
    local = Code("SPICULE-X", "99CADLOCAL", "CAD-specific spiculation")
    doc = MammoCadReport([LibraryImage(cc, LEFT)], EN,
                         impressions=[Impression([MammoFinding(local, cc, (1.0, 1.0), ALG)])],
                         detections=[CadPerformed(local, ALG, [cc])]).to_document()
    findings = validate_template(doc)
    assert [f for f in findings if f.severity == "error"] == []
    assert any(f.rule == "value-set" and "SPICULE-X" in f.message for f in findings), findings


def _write(tmp_path: Path) -> tuple[Path, SRDocument]:
    path = tmp_path / "mammo_cad.dcm"
    doc = _report(*_images(), failed=True).to_document()
    dicomkit.write(path, doc.to_dataset())
    return path, doc


def test_the_file_passes_our_iod_validator_and_reads_back_the_same_tree(tmp_path: Path) -> None:
    from dicomkit.validate import validate

    path, doc = _write(tmp_path)
    assert [str(f) for f in validate(path).findings if f.severity == "error"] == []
    again = SRDocument.read(path)
    assert again.root == doc.root
    assert _errors(again) == []


def test_dciodvfy_finds_no_error_in_the_file(tmp_path: Path) -> None:
    exe = shutil.which("dciodvfy")
    if exe is None:
        from tests.conftest import missing
        missing("dciodvfy (dicom3tools)")
    path, _ = _write(tmp_path)
    out = subprocess.run([str(exe), str(path)], capture_output=True, text=True, check=False)
    lines = (out.stdout + out.stderr).splitlines()
    assert lines[:1] == ["MammographyCADSR"], lines  # dciodvfy recognised the IOD (A.35.5)
    assert [line for line in lines if line.startswith("Error")] == [], out.stderr


def test_pydicom_reads_the_same_content_tree(tmp_path: Path) -> None:
    path, doc = _write(tmp_path)
    read = pydicom.dcmread(path)
    assert read.SOPClassUID == uids.MammographyCADSRStorage
    assert read.ContentTemplateSequence[0].TemplateIdentifier == "4000"
    assert read.ContentTemplateSequence[0].MappingResource == "DCMR"
    assert pydicom_tree(read) == our_tree(doc.root)


def test_highdicom_reads_the_by_value_items_and_refuses_the_sop_class(tmp_path: Path) -> None:
    """highdicom 0.28 ``srread`` only knows the Enhanced / Comprehensive / Comprehensive 3D SR
    classes, and its ``ContentSequence.from_sequence`` requires a Value Type in every item, which
    by-reference items (PS3.3 C.17.3.2.5, Table C.17-6: Referenced Content Item Identifier instead
    of a value) lack; TID 4021 rows 2 and 4 require them.  So: every subtree without a by-reference
    item parses in highdicom to the same concept names, relationships and coded values."""
    hd = pytest.importorskip("highdicom")
    path, doc = _write(tmp_path)
    with pytest.raises(RuntimeError, match="not supported"):
        hd.sr.srread(path)
    read = pydicom.dcmread(path)

    def has_ref(item: Any) -> bool:
        return "ReferencedContentItemIdentifier" in item or any(
            has_ref(c) for c in item.get("ContentSequence", []))

    checked = 0
    for ours, theirs in zip(doc.root.walk(), walk_pydicom(read), strict=True):
        if theirs is read or has_ref(theirs):
            continue
        parsed = hd.sr.ContentSequence.from_sequence([theirs])[0] if ours.concept else None
        if parsed is not None:
            assert highdicom_tree(parsed, theirs) == our_tree(ours)
            checked += 1
    assert checked > 50



#: CID 6014 single image findings this builder makes (TID 4006 rows 8, 12-14), by Code Value.
_BUILT = ["129770007", "129769006", "129793001", "129792006", "24142002", "443808008"]


@st.composite
def _findings(draw: st.DrawFn) -> MammoFinding:
    code = cg(6014, draw(st.sampled_from(_BUILT)))
    image = draw(st.sampled_from(_library()))
    # Graphic Data (0070,0022) is FL (PS3.6 Table 6-1): only float32 values come back unchanged
    xy = st.floats(0, 4096, width=32)
    kwargs: dict[str, Any] = {
        "certainty": draw(st.none() | st.integers(0, 100)),
        "outline": draw(st.lists(st.tuples(xy, xy), min_size=3, max_size=5) | st.just([])),
    }
    if code.value in ("129770007", "129769006"):
        types = [c.value for c in _members(6011)]
        kwargs["calcification_types"] = [cg(6011, v) for v in
                                         draw(st.lists(st.sampled_from(types), max_size=2, unique=True))]
    if code.value == "129769006":
        kwargs["number_of_calcifications"] = draw(st.none() | st.integers(1, 500))
    if code.value == "129793001":
        kwargs["density"] = draw(st.none() | st.sampled_from(_members(6009)))
    return MammoFinding(code, image, (draw(xy), draw(xy)), ALG, **kwargs)


def _members(cid: int) -> list[Code]:
    from dicomkit.generated.context_groups import CONTEXT_GROUPS

    return [Code.of(c) for c in CONTEXT_GROUPS[cid].codes]


@functools.cache
def _library() -> tuple[Dataset, Dataset]:
    """The two images of the property test, made once (read when the test draws, not at import)."""
    return _images()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_findings(), min_size=1, max_size=3), max_size=3),
       st.booleans())
def test_any_report_built_validates_and_survives_the_file(findings: list[list[MammoFinding]],
                                                          failed: bool) -> None:
    """Encoder/decoder pair: every report the builder accepts follows TID 4000 and reads back from
    its Part 10 bytes as the same content tree."""
    cc, mlo = _library()
    detections = [CadPerformed(CLUSTER, ALG, [cc, mlo], succeeded=not failed)]
    report = MammoCadReport([LibraryImage(cc, LEFT), LibraryImage(mlo, LEFT)], EN,
                            impressions=[Impression(group) for group in findings],
                            detections=detections)
    doc = report.to_document()
    assert _errors(doc) == []
    buf = io.BytesIO()
    dicomkit.write(buf, doc.to_dataset())
    again = SRDocument.from_dataset(dicomkit.read(io.BytesIO(buf.getvalue())))
    assert again.root == doc.root
