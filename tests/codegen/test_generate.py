"""`dicomkit codegen generate`: deterministic, complete, atomic, and the same from either form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dicomkit.cli.main import main as dicomkit_main
from dicomkit.codegen.emit import generate, strip_header
from dicomkit.codegen.modules import all_specs
from dicomkit.codegen.standard import PartSource, Standard

PROJECT = Path(__file__).resolve().parents[2]
COMMITTED = PROJECT / "generated"


@pytest.fixture(scope="module")
def fresh(standard_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generation run from the declared sources into a scratch folder."""
    out = tmp_path_factory.mktemp("generated")
    std = Standard.declared(PROJECT, roots=[standard_dir])
    report = generate(std, out, all_specs())
    assert report.ok, report.skipped
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix in (".py", ".pyi", ".typed")}


@pytest.mark.slow
def test_committed_generated_modules_equal_a_fresh_run(fresh: Path) -> None:
    new, old = _files(fresh), _files(COMMITTED)
    assert sorted(new) == sorted(old), "generated/ lacks or has extra modules: regenerate"
    stale = [name for name in new if new[name] != old[name]]
    assert not stale, f"generated/ differs from a fresh run in {stale}: run 'dicomkit codegen " \
                      "generate' and commit"


@pytest.mark.slow
def test_a_second_run_rewrites_nothing(fresh: Path, standard_dir: Path) -> None:
    before = _files(fresh)
    report = generate(Standard.declared(PROJECT, roots=[standard_dir]), fresh, all_specs())
    assert report.written == []
    assert _files(fresh) == before


def test_every_module_header_names_edition_form_address_and_sha256(fresh: Path) -> None:
    for name, data in _files(fresh).items():
        if not name.endswith(".py") or name == "__init__.py":
            continue
        head = data.decode().split('"""', 2)[1]
        assert "dicomkit.codegen" in head and "sha256 " in head, name
        assert "https://dicom.nema.org/medical/dicom/" in head, name
    dictionary = (fresh / "dictionary.py").read_text()
    head = dictionary.split('"""', 2)[1]
    assert "PS3.6 2015b (docbook)" in head and "Table 6-1" in head
    assert "PS3.6 2024c (chtml)" in head


def test_a_missing_part_leaves_the_modules_needing_it_as_they_were(
        standard_dir: Path, tmp_path: Path) -> None:
    roots = tmp_path / "std"
    (roots / "2026c").mkdir(parents=True)
    shutil.copy(standard_dir / "2026c" / "part05.xml", roots / "2026c" / "part05.xml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "commands.py").write_text("# committed content\n")
    std = Standard(roots=[roots], parts={5: PartSource(5, "2026c", "docbook"),
                                         7: PartSource(7, "2024c", "docbook")})
    specs = [s for s in all_specs() if s.name in ("vrs", "commands")]
    report = generate(std, out, specs)
    assert "commands" in report.skipped and "PS3.7 2024c" in report.skipped["commands"]
    assert (out / "commands.py").read_text() == "# committed content\n"
    assert (out / "vrs.py").is_file()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_truncated_part_is_reported_by_file_and_changes_nothing(
        standard_dir: Path, tmp_path: Path) -> None:
    roots = tmp_path / "std"
    (roots / "2026c").mkdir(parents=True)
    data = (standard_dir / "2026c" / "part05.xml").read_bytes()
    (roots / "2026c" / "part05.xml").write_bytes(data[: len(data) // 3])
    out = tmp_path / "out"
    out.mkdir()
    (out / "vrs.py").write_text("# committed content\n")
    std = Standard(roots=[roots], parts={5: PartSource(5, "2026c", "docbook")})
    report = generate(std, out, [s for s in all_specs() if s.name == "vrs"], only={"vrs"})
    assert "part05.xml" in report.skipped["vrs"] and "not well-formed" in report.skipped["vrs"]
    assert (out / "vrs.py").read_text() == "# committed content\n"


@pytest.mark.slow
def test_docbook_and_chtml_of_2024c_generate_the_same_modules(
        standard_dir: Path, tmp_path: Path) -> None:
    outs = {}
    for form in ("docbook", "chtml"):
        parts = {n: PartSource(n, "2024c", form) for n in (5, 7, 8)}
        std = Standard(roots=[standard_dir], parts=parts)
        specs = [s for s in all_specs() if s.name in (
            "vrs", "transfer_syntaxes", "commands", "statuses", "pdus", "upper_layer")]
        out = tmp_path / form
        report = generate(std, out, specs)
        assert report.ok, report.skipped
        outs[form] = {n: strip_header(b.decode()) for n, b in _files(out).items()}
    assert sorted(outs["docbook"]) == sorted(outs["chtml"])
    for name in outs["docbook"]:
        assert outs["docbook"][name] == outs["chtml"][name], name


def test_generate_command_writes_the_requested_module(
        standard_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = dicomkit_main(["codegen", "generate", "--source", str(standard_dir),
                          "--out", str(tmp_path), "--only", "vrs"])
    assert code == 0
    assert (tmp_path / "vrs.py").is_file()
    assert "wrote vrs.py" in capsys.readouterr().out
