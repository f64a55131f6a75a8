"""``dicomkit validate``: folders walked, per-file findings, summary, JSON, exit status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import dicomkit
from dicomkit.cli.main import main
from tests.samples import sample


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    src = sample("CT_small.dcm")
    folder = tmp_path / "files"
    (folder / "sub").mkdir(parents=True)
    good = folder / "good.dcm"
    good.write_bytes(Path(src).read_bytes())
    ds = dicomkit.read(src)
    ds.StudyDate = "1997.04.24"  # DA syntax: value-format error
    del ds.StudyInstanceUID      # type 1 of General Study
    bad = folder / "sub" / "bad.dcm"
    dicomkit.write(bad, ds)
    (folder / ".hidden.dcm").write_bytes(b"ignored")
    return folder, good, bad


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["validate", *args])
    return status, capsys.readouterr().out


def test_folders_are_walked_and_errors_set_the_exit_status(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _good, bad = _corpus(tmp_path)
    status, out = run(capsys, str(folder))
    assert status == 1
    assert f"{bad}: CT Image" in out
    assert "Error - (0008,0020): DA value '1997.04.24'" in out
    assert "Error - (0020,000D): missing type 1 attribute" in out
    assert out.splitlines()[-1].startswith("2 files, ")
    assert "most frequent:" in out and ".hidden" not in out


def test_json_output_matches_the_text_summary(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder, good, bad = _corpus(tmp_path)
    status, out = run(capsys, "--json", str(folder))
    doc = json.loads(out)
    assert [r["source"] for r in doc["reports"]] == [str(good), str(bad)]
    summary = doc["summary"]
    assert summary["files"] == 2
    assert summary["errors"] == sum(r["errors"] for r in doc["reports"])
    assert status == (1 if summary["errors"] else 0)
    rules = {f["rule"] for f in doc["reports"][1]["findings"]}
    assert {"value-format", "type1-missing"} <= rules


def test_quiet_prints_only_files_with_errors(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder, good, bad = _corpus(tmp_path)
    _status, doc_out = run(capsys, "--json", str(good))
    good_errors = json.loads(doc_out)["summary"]["errors"]
    status, out = run(capsys, "--quiet", str(good))
    assert status == (1 if good_errors else 0)
    assert ("Warning - " in out) is False
    status, out = run(capsys, "--quiet", str(bad))
    assert status == 1 and "Error - " in out and "Warning - " not in out


def test_fail_on_warning_fails_when_only_warnings(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = sample("CT_small.dcm")
    ds = dicomkit.read(src)
    ds.add_new(0x00082FFF, "LO", "X")  # unknown public tag: a warning
    path = tmp_path / "w.dcm"
    dicomkit.write(path, ds)
    _s, out = run(capsys, "--json", str(path))
    report = json.loads(out)["reports"][0]
    assert report["warnings"] >= 1
    status, _ = run(capsys, "--fail-on", "warning", str(path))
    assert status == 1
    status, _ = run(capsys, str(path))
    assert status == (0 if report["ok"] else 1)


def test_ignore_drops_a_rule_and_the_exit_status_follows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _good, _bad = _corpus(tmp_path)
    status, out = run(capsys, "--json", "--ignore", "value-format,type1-*", str(folder))
    doc = json.loads(out)
    rules = {f["rule"] for r in doc["reports"] for f in r["findings"]}
    assert not rules & {"value-format", "type1-missing"}
    assert doc["summary"]["suppressed"] >= 2
    assert status == (1 if doc["summary"]["errors"] else 0)


def test_config_file_ignores_and_sets_fail_on(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder, good, _bad = _corpus(tmp_path)
    config = tmp_path / "validate.toml"
    config.write_text('[validate]\nignore = ["defined-term"]\nfail-on = "warning"\n')
    status, out = run(capsys, "--config", str(config), "--quiet", str(good))
    assert "defined-term" not in out and status in (0, 1)
    config.write_text('[validate]\nignore = ["type1-mising"]\n')  # misspelt: refused
    assert run(capsys, "--config", str(config), str(good))[0] == 2


def test_unknown_rule_in_ignore_is_refused(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _folder, good, _bad = _corpus(tmp_path)
    assert main(["validate", "--ignore", "no-such-rule", str(good)]) == 2
    assert "'no-such-rule' names no rule" in capsys.readouterr().err


def test_rules_lists_every_rule_id(capsys: pytest.CaptureFixture[str]) -> None:
    from dicomkit.validate.report import RULES

    assert main(["validate", "--rules"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == list(RULES)


def _totals(out: str) -> str:
    return out.splitlines()[-1]


def test_results_store_resumes_an_interrupted_run_with_the_same_totals(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run stopped after some files (their rows committed) and started again validates only
    the rest and reports the totals of a run in one go; --summary prints them from the store."""
    from tests.samples import samples

    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(samples("*.dcm"))[:24]:
        (folder / p.name).write_bytes(p.read_bytes())
    names = sorted(str(p) for p in folder.iterdir())
    status_full, full = run(capsys, str(folder))
    store = tmp_path / "run.sqlite"
    run(capsys, "--results", str(store), *names[:9])  # the part done before the "crash"

    from dicomkit.validate import results

    seen: list[str] = []
    real = results.ResultsStore.todo

    def todo(self: results.ResultsStore, paths: list[str]) -> list[str]:
        left = real(self, paths)
        seen.extend(left)
        return left

    results.ResultsStore.todo = todo  # type: ignore[method-assign]
    try:
        status, resumed = run(capsys, "--results", str(store), str(folder))
    finally:
        results.ResultsStore.todo = real  # type: ignore[method-assign]
    assert seen == names[9:]
    assert _totals(resumed) == _totals(full) and status == status_full
    status, summed = run(capsys, "--summary", str(store))
    assert _totals(summed) == _totals(full) and status == status_full


def test_a_changed_file_is_validated_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, good, _bad = _corpus(tmp_path)
    store = tmp_path / "run.sqlite"
    run(capsys, "--results", str(store), str(good))
    ds = dicomkit.read(good)
    del ds.StudyInstanceUID
    dicomkit.write(good, ds)
    _status, out = run(capsys, "--results", str(store), str(good))
    assert "(0020,000D): missing type 1 attribute" in out


def test_summary_refuses_what_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"not sqlite at all, " * 20)
    assert main(["validate", "--summary", str(bad)]) == 2
    assert "not a validation results store" in capsys.readouterr().err
    assert main(["validate", "--summary", str(tmp_path / "absent.sqlite")]) == 2


def test_csv_has_one_row_per_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    folder, good, bad = _corpus(tmp_path)
    target = tmp_path / "findings.csv"
    _status, out = run(capsys, "--json", "--csv", str(target), str(folder))
    doc = json.loads(out)
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    count = sum(max(1, len(r["findings"])) for r in doc["reports"])
    assert len(rows) == count
    assert {"value-format", "type1-missing"} <= {r["rule"] for r in rows if r["source"] == str(bad)}


def test_html_page_from_a_run_and_from_a_store(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder, _good, bad = _corpus(tmp_path)
    page = tmp_path / "report.html"
    store = tmp_path / "run.sqlite"
    run(capsys, "--results", str(store), "--html", str(page), str(folder))
    text = page.read_text("utf-8")
    assert str(bad) in text and "type1-missing" in text
    again = tmp_path / "again.html"
    run(capsys, "--summary", str(store), "--html", str(again))
    assert again.read_text("utf-8") == text


def test_dicomdir_option_adds_the_dicomdir_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "IM000001"
    shutil.copy(sample("CT_small.dcm"), target)
    main(["validate", "--json", "--dicomdir", "--file-set-root", str(tmp_path),
              str(target)])
    doc = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in doc["reports"][0]["findings"]}
    assert "dicomdir-file-id" not in rules
    main(["validate", "--json", str(target)])
    doc = json.loads(capsys.readouterr().out)
    assert not any(f["rule"].startswith("dicomdir-") for f in doc["reports"][0]["findings"])
