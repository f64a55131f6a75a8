"""Template validation (PS3.16 6.1): peers validate cleanly, known defects give exactly their findings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dicomkit.sr.code import Code
from dicomkit.sr.content import ContentItem, NumValue
from dicomkit.sr.templates import TemplateError
from dicomkit.sr.validate import validate_template

from .hd_reports import report_tree


def _one(root: ContentItem, concept_value: str) -> ContentItem:
    found = [i for i in root.walk() if i.concept is not None and i.concept.value == concept_value]
    assert found, concept_value
    return found[0]


def _rules(findings: list) -> list[tuple[str, str, str, str]]:
    return sorted((f.severity, f.rule, f.tid, f.row) for f in findings)


def test_highdicom_tid1500_report_has_no_findings() -> None:
    root = report_tree(3)
    assert root.template == "1500"
    assert validate_template(root) == []


def test_a_large_highdicom_report_validates_and_the_cached_matching_gives_the_same_answer() -> None:
    # speed is measured in bench/bench_sr.py, never asserted here
    root = report_tree(100)
    first = validate_template(root, "1500")
    assert first == [] and validate_template(root, "1500") == first
    scoord = root.children[-1].children[-1].children[-1]  # the last group's Image Region
    scoord.children.clear()  # loses its SELECTED FROM image
    assert [(f.rule, f.path) for f in validate_template(root, "1500")] == [
        ("missing-mandatory", scoord.path_text)]


def test_missing_mandatory_selected_from_image_is_reported_at_its_scoord() -> None:
    root = report_tree()
    region = _one(root, "111030")  # Image Region SCOORD of TID 1410
    region.children.clear()
    findings = validate_template(root)
    assert _rules(findings) == [("error", "missing-mandatory", "1410", "6")]
    assert findings[0].path == ".".join(map(str, region.path))


def test_wrong_value_type_of_tracking_uid_is_reported() -> None:
    root = report_tree()
    uid = _one(root, "112040")
    uid.value_type = "TEXT"
    findings = validate_template(root)
    assert _rules(findings) == [("error", "value-type", "1410", "3")]
    assert "UIDREF" in findings[0].message


def test_code_outside_non_extensible_group_is_an_error() -> None:
    root = report_tree()
    _one(root, "121005").value = Code("999", "99TEST", "Robot")  # Observer Type, DCID 270 (closed)
    findings = validate_template(root)
    assert _rules(findings) == [("error", "value-set", "1002", "1")]
    assert "DCID 270" in findings[0].message


def test_vm_exceeded_by_a_second_tracking_identifier() -> None:
    root = report_tree()
    tid_item = _one(root, "112039")
    tid_item.parent.add(ContentItem("TEXT", "HAS OBS CONTEXT", tid_item.concept, "again"))
    findings = validate_template(root)
    assert _rules(findings) == [("error", "vm", "1410", "2")]


def test_mc_condition_violated_when_no_measurement_container_is_present() -> None:
    root = report_tree()
    root.children[:] = [c for c in root.children if c.concept is None or c.concept.value != "126010"]
    findings = validate_template(root)
    assert _rules(findings) == [("error", "condition", "1500", "10"), ("error", "condition", "1500", "12"),
                                ("error", "condition", "1500", "6")]


def test_wrong_units_against_bound_units_parameter_of_tid300() -> None:
    area = Code("42798000", "SCT", "Area")
    num = ContentItem("NUM", "", area, NumValue(Decimal("2"), Code("mm", "UCUM", "millimeter")))
    params = {"Measurement": [("EV", "SCT", "42798000", "Area")], "Units": [("EV", "UCUM", "mm2", "mm2")]}
    findings = validate_template(num, "300", params=params)
    assert _rules(findings) == [("error", "value-set", "300", "1")]
    assert "units" in findings[0].message
    num.value = NumValue(Decimal("2"), Code("mm2", "UCUM", "square millimeter"))
    assert validate_template(num, "300", params=params) == []


def test_unexpected_item_under_non_extensible_template_is_an_error() -> None:
    lang = ContentItem("CODE", "", Code("121049", "DCM", "Language of Content Item and Descendants"),
                       Code("en", "RFC5646", "English"))
    assert validate_template(lang, "1204") == []
    lang.add(ContentItem("TEXT", "HAS CONCEPT MOD", Code("1", "99TEST", "note"), "x"))
    assert _rules(validate_template(lang, "1204")) == [("error", "unexpected", "1204", "")]


def test_extra_item_in_extensible_template_is_allowed() -> None:
    root = report_tree()
    root.add(ContentItem("TEXT", "CONTAINS", Code("1", "99TEST", "note"), "free text"))
    assert validate_template(root) == []


def test_unknown_and_undeclared_templates_raise() -> None:
    root = ContentItem("CONTAINER", "", Code("126000", "DCM", "Imaging Measurement Report"))
    with pytest.raises(TemplateError, match="no template"):
        validate_template(root)
    with pytest.raises(TemplateError, match="99999"):
        validate_template(root, "99999")


def test_pydicom_sr_samples_declare_no_template_and_fail_tid2000_on_extra_items() -> None:
    import dicomkit
    from dicomkit.sr.content import read_content_tree
    from tests.samples import sample

    name = sample("test-SR.dcm")
    root = read_content_tree(dicomkit.read(name))
    with pytest.raises(TemplateError):
        validate_template(root)
    rules = {f.rule for f in validate_template(root, "2000")}
    assert rules == {"unexpected", "missing-mandatory"}


@pytest.mark.parametrize("with_3d", [False, True])
def test_dicomkit_tid1500_reports_validate_and_groups_pick_their_template(with_3d: bool) -> None:
    # TID 1500 rows 7/8/9 all start with a Measurement Group: a volumetric group with two SCOORD
    # Image Regions must be matched to TID 1411 (VM n), not rejected by TID 1410 (VM 1).
    from .tid1500_cases import build_report, ct_small

    root = build_report(ct_small(), with_3d=with_3d).to_content()
    assert validate_template(root, "1500") == []
