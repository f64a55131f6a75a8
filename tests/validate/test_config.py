"""Rule ids, suppression and the validation configuration file."""

from __future__ import annotations

from pathlib import Path

import pytest

import dicomkit
from dicomkit.validate import validate
from dicomkit.validate.config import ValidateConfig, check_rules, load_config
from dicomkit.validate.errors import ValidateConfigError
from dicomkit.validate.report import RULES, Report
from tests.samples import sample, samples


def test_every_rule_the_validator_reports_on_the_samples_is_registered() -> None:
    seen: set[str] = set()
    for path in samples(recursive=True):
        if path.suffix in (".dcm", ""):
            seen.update(f.rule for f in validate(path).findings)
    assert seen - set(RULES) == set()
    assert len(seen) > 15  # the corpus exercises most rules


def test_suppress_counts_what_it_drops() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    del ds.StudyInstanceUID
    ds.HighBit = 3
    report = validate(ds, ignore=("pixel-*",))
    assert report.by_rule("pixel-bits") == [] and report.suppressed == 1
    assert report.by_rule("type1-missing")
    assert report.to_dict()["suppressed"] == 1


def test_since_is_carried_to_text_and_json() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    ds.HighBit = 3
    [finding] = validate(ds).by_rule("pixel-bits")
    assert finding.since == "2016a"
    assert "since 2016a" in finding.text() and finding.to_dict()["since"] == "2016a"


def test_load_config(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    path.write_text('[validate]\nignore = ["retired", "pixel-*"]\nfail-on = "warning"\n')
    assert load_config(path) == ValidateConfig(("retired", "pixel-*"), "warning")
    assert load_config(path).with_ignored(["vm,retired"]).ignore == ("retired", "pixel-*", "vm")


@pytest.mark.parametrize("text", [
    '[validate]\nignore = ["retierd"]\n', '[validate]\nfail-on = "info"\n',
    '[validate]\nignored = []\n', '[validate]\nignore = "retired"\n', "not toml = = \n",
])
def test_bad_config_is_refused_with_the_file_named(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ValidateConfigError, match="bad.toml"):
        load_config(path)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ValidateConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_check_rules_splits_commas_and_refuses_unknown_ids() -> None:
    assert check_rules(["vm, vr", "pixel-*"]) == ("vm", "vr", "pixel-*")
    with pytest.raises(ValidateConfigError, match="names no rule"):
        check_rules(["zzz-*"])
    assert Report().suppress([]) == 0
