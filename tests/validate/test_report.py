"""Findings and reports: counts, ok, severity filters, text and JSON rendering."""

from __future__ import annotations

import json

import pytest

from dicomkit.validate.report import Finding, Report, tag_path


def test_tag_path_nests_items_with_dots() -> None:
    assert tag_path("", 0x00081115) == "(0008,1115)"
    assert tag_path("(0008,1115)[0]", 0x00081150) == "(0008,1115)[0].(0008,1150)"


def test_counts_and_ok_follow_severities() -> None:
    r = Report("f.dcm")
    assert r.ok and r.errors == 0
    r.add("warning", "retired", "(0008,0041)", "retired")
    assert r.ok and r.warnings == 1 and r.fails("warning") and not r.fails("error")
    r.add("error", "type1-missing", "(0008,0060)", "missing", "PS3.3 C.7.3.1", "General Series")
    r.add("info", "defined-term", "(0018,0015)", "x")
    assert not r.ok and r.errors == 1 and r.fails("error")
    assert r.rules() == {"retired": 1, "type1-missing": 1, "defined-term": 1}
    assert [f.path for f in r.by_rule("type1-missing")] == ["(0008,0060)"]


def test_text_has_dciodvfy_like_lines_with_paths_and_filters_severity() -> None:
    r = Report("f.dcm", iod="CT Image")
    r.add("error", "type1-missing", "(0008,0060)", "missing type 1 attribute Modality",
          "PS3.3 C.7.3.1", "General Series")
    r.add("info", "defined-term", "(0018,0015)", "not a Defined Term")
    text = r.text()
    assert text.splitlines()[0] == "f.dcm: CT Image"
    assert ("  Error - (0008,0060): missing type 1 attribute Modality "
            "[type1-missing; PS3.3 C.7.3.1; General Series]") in text.splitlines()
    assert "Info - " in text
    assert "Info - " not in r.text(min_severity="warning")


def test_json_round_trips_every_field() -> None:
    r = Report("f.dcm", sop_class="1.2.840.10008.5.1.4.1.1.2", iod="CT Image")
    r.add("error", "vr", "(0010,0010)", "bad VR", "PS3.5 6.2")
    doc = json.loads(r.to_json())
    assert doc["ok"] is False and doc["errors"] == 1 and doc["iod"] == "CT Image"
    assert Finding(**doc["findings"][0]) == r.findings[0]


def test_report_round_trips_through_to_dict_and_from_dict() -> None:
    import json

    from dicomkit.validate import validate
    from dicomkit.validate.report import Report
    from tests.samples import sample

    report = validate(sample("rtplan.dcm"), ignore=("retired",))
    assert report.findings and report.suppressed >= 0
    again = Report.from_dict(json.loads(report.to_json()))
    assert again == report


def test_findings_are_immutable_values_that_survive_pickling() -> None:
    import pickle

    r = Report("f.dcm")
    r.add("error", "vr", "(0010,0010)", "bad VR", "PS3.5 6.2")
    found = r.findings[0]
    assert isinstance(found, Finding) and found.rule == "vr" and found.module == ""
    with pytest.raises(AttributeError):
        found.rule = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(found)) == found == Finding("error", "vr", "(0010,0010)",
                                                                 "bad VR", "PS3.5 6.2")
