"""``dicomkit sr dump`` / ``dicomkit sr validate``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dicomkit.cli.main import main
from tests.sr.hd_reports import report_bytes


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.dcm"
    path.write_bytes(report_bytes(2))
    return path


def test_dump_prints_the_tree(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sr", "dump", str(report)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("1 ")
    assert "Imaging Measurement Report" in out and "Tracking Identifier" in out


def test_validate_clean_report_exits_zero(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sr", "validate", str(report)]) == 0
    assert "TID 1500: 0 error(s)" in capsys.readouterr().out


def test_validate_json_and_errors_exit_one(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sr", "validate", str(report), "--template", "2000", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["template"] == "2000" and doc["errors"] > 0
    assert {"severity", "path", "rule", "tid", "row", "message", "concept"} <= set(doc["findings"][0])


def test_non_sr_file_and_unknown_template_give_clear_errors(
        report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.samples import sample_str

    ct = sample_str("CT_small.dcm")
    assert main(["sr", "validate", ct]) == 1
    assert "not an SR document" in capsys.readouterr().err
    assert main(["sr", "validate", str(report), "--template", "99999"]) == 1
    assert "unknown SR template" in capsys.readouterr().err
