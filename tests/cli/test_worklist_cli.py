"""``dicomkit worklist``: bad keys and bad entry files are reported, not raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dicomkit.cli.main import main
from dicomkit.core.json import to_json_dict
from dicomkit.net.services.worklist import WorklistStore
from tests.net.worklist_peers import entries


def test_find_with_an_unknown_key_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worklist", "find", "127.0.0.1", "9", "-k", "NoSuchKeyword=1"]) == 1
    assert "NoSuchKeyword" in capsys.readouterr().err


def test_add_reports_broken_files_and_adds_the_rest(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(to_json_dict(entries()[1])))
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    missing = tmp_path / "missing.dcm"
    assert main(["worklist", "add", str(tmp_path / "wl"), str(good), str(bad),
                 str(missing)]) == 1
    out = capsys.readouterr()
    assert "bad.json" in out.err and "missing.dcm" in out.err
    [entry] = WorklistStore(tmp_path / "wl").entries()
    assert str(entry.dataset.PatientID) == "P2"
