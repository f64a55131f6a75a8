"""`dicomkit codegen generate`: deterministic, complete, atomic, and the same from either form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dicomkit.cli.main import main as dicomkit_main
from dicomkit.codegen.emit import GenerateReport, ModuleSpec, generate, plan_lanes, strip_header
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.modules import all_specs
from dicomkit.codegen.standard import PartSource, Standard
from tests.conftest import missing

PROJECT = Path(__file__).resolve().parents[2]
COMMITTED = PROJECT / "generated"


@pytest.fixture(scope="module")
def fresh_run(standard_dir: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Path, GenerateReport]:
    """One generation run from the declared sources into a scratch folder (in two processes)."""
    out = tmp_path_factory.mktemp("generated")
    std = Standard.declared(PROJECT, roots=[standard_dir])
    for reg in std.registries.values():  # dcmtk's .dic files (.ci/run installs dcmtk)
        if not reg.resolved().is_file():
            missing(f"{reg.resolved()} ({reg.install})")
    report = generate(std, out, all_specs(), jobs=2)
    assert report.ok, report.skipped
    return out, report


@pytest.fixture(scope="module")
def fresh(fresh_run: tuple[Path, GenerateReport]) -> Path:
    return fresh_run[0]


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


#: Modules made from registry files outside the standard's XML only (no NEMA address).
REGISTRY_ONLY = {"private_dictionary.py": "dcmtk-private"}


def test_every_module_header_names_edition_form_address_and_sha256(fresh: Path) -> None:
    for name, data in _files(fresh).items():
        if not name.endswith(".py") or name == "__init__.py":
            continue
        head = data.decode().split('"""', 2)[1]
        assert "dicomkit.codegen" in head and "sha256 " in head, name
        if name in REGISTRY_ONLY:
            assert f"  {REGISTRY_ONLY[name]} /" in head and "from the registries" in head, name
            assert "https://dicom.nema.org/" not in head, name
        else:
            assert "https://dicom.nema.org/medical/dicom/" in head, name
    dictionary = (fresh / "dictionary.py").read_text()
    head = dictionary.split('"""', 2)[1]
    assert "PS3.6 2015b (docbook)" in head and "Table 6-1" in head
    assert "PS3.6 2024c (chtml)" in head
    # the second rank registry: its key, edition, path and sha256, and what it gave
    lines = head.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  dcmtk-dicom "))
    assert "(made from PS3.6 2022b)" in lines[at] and lines[at].endswith("dicom.dic")
    assert lines[at + 1].startswith("    sha256 ") and len(lines[at + 1].split()[1]) == 64
    assert lines[at + 2].strip() == "data elements not in Table 6-1 2015b"


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


def test_every_module_declares_the_parts_its_build_reads(
        fresh_run: tuple[Path, GenerateReport]) -> None:
    # ModuleSpec.reads only schedules the processes; this keeps it true as readers change
    _, report = fresh_run
    for spec in all_specs():
        # a module made from registry files alone (private_dictionary) reads no part
        assert report.reads[spec.name] or f"{spec.name}.py" in REGISTRY_ONLY, spec.name
        assert set(report.reads[spec.name]) <= set(spec.reads), (
            f"{spec.name} reads parts {report.reads[spec.name]} but declares {spec.reads}")


def test_lanes_keep_the_large_parts_apart_and_hold_every_module_once() -> None:
    std = Standard.declared(PROJECT)
    specs = all_specs()
    for lanes in (1, 2, 3, 8):
        plan = plan_lanes(std, specs, lanes)
        assert 1 <= len(plan) <= lanes
        names = sorted(spec.name for lane in plan for spec in lane)
        assert names == sorted(spec.name for spec in specs)
        assert plan == plan_lanes(std, specs, lanes)  # deterministic
    two = plan_lanes(std, specs, 2)
    lane_of = {spec.name: i for i, lane in enumerate(two) for spec in lane}
    assert lane_of["context_groups"] == lane_of["sr_templates"]
    assert lane_of["modules"] == lane_of["macros"] == lane_of["iods"] == lane_of["charsets"]
    assert lane_of["sr_templates"] != lane_of["modules"]  # PS3.16 and PS3.3 read in parallel


def test_one_process_and_several_give_the_same_bytes(standard_dir: Path, tmp_path: Path) -> None:
    names = {"vrs", "transfer_syntaxes", "commands", "statuses", "upper_layer"}
    std = Standard.declared(PROJECT, roots=[standard_dir])
    specs = [s for s in all_specs() if s.name in names]
    assert len(plan_lanes(std, specs, 3)) > 1
    one, several = tmp_path / "one", tmp_path / "several"
    r1 = generate(std, one, specs, only=names, jobs=1)
    r3 = generate(Standard.declared(PROJECT, roots=[standard_dir]), several, specs, only=names, jobs=3)
    assert r1.ok and r3.ok and r1.reads == r3.reads
    assert _files(one) == _files(several) and len(_files(one)) == len(names)


def _broken_build(std: Standard) -> dict[str, object]:
    std.table(5, "6.2-1")
    raise ValueError("a defect in a reader, not in the standard")


def test_an_error_in_a_worker_process_reaches_the_caller_and_nothing_is_written(
        standard_dir: Path, tmp_path: Path) -> None:
    std = Standard.declared(PROJECT, roots=[standard_dir])
    specs = [ModuleSpec("broken", _broken_build, {"broken.py": "vrs.py.j2"}, "broken", reads=(5,)),
             *[s for s in all_specs() if s.name in ("commands", "upper_layer")]]
    assert len(plan_lanes(std, specs, 2)) == 2
    with pytest.raises(ValueError, match="a defect in a reader"):
        generate(std, tmp_path, specs, jobs=2)
    assert list(tmp_path.iterdir()) == []


def test_generate_edition_reads_every_part_from_that_edition_and_names_what_it_lacks(
        standard_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2024c on hand: PS3.5/7 as DocBook; PS3.6 only as a chtml folder without chapter_6.html
    argv = ["codegen", "generate", "--edition", "2024c", "--source", str(standard_dir),
            "--out", str(tmp_path), "--only", "vrs", "--only", "commands", "--only", "uids"]
    assert dicomkit_main(argv) == 1
    err = capsys.readouterr().err
    assert "left uids as it was" in err and "chapter_6.html" in err and "re-fetch" in err
    assert not (tmp_path / "uids.py").exists()
    for name, part in (("vrs.py", 5), ("commands.py", 7)):
        head = (tmp_path / name).read_text().split('"""', 2)[1]
        assert f"PS3.{part} 2024c (docbook)" in head and "2026c" not in head, name
    assert dicomkit_main([*argv, "--allow-missing"]) == 0


def test_generate_outside_a_checkout_says_how_to_name_the_sources(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DICOMKIT_PROJECT", str(tmp_path))  # a folder without standard/sources.json
    assert dicomkit_main(["codegen", "generate", "--out", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err
    assert "sources.json" in err and "--edition" in err and "DICOMKIT_PROJECT" in err
    assert not (tmp_path / "out").exists()


def _dying_build(std: Standard) -> dict[str, object]:
    std.table(5, "6.2-1")
    import os

    os._exit(3)  # a worker killed mid-way (out of memory, a signal)


def test_a_worker_that_dies_is_named_with_its_status_and_nothing_is_written(
        standard_dir: Path, tmp_path: Path) -> None:
    std = Standard.declared(PROJECT, roots=[standard_dir])
    specs = [ModuleSpec("dying", _dying_build, {"dying.py": "vrs.py.j2"}, "dying", reads=(5,)),
             *[s for s in all_specs() if s.name in ("commands", "upper_layer")]]
    with pytest.raises(CodegenError, match=r"rendering dying exited with status 3.*--jobs 1"):
        generate(std, tmp_path, specs, jobs=2)
    assert list(tmp_path.iterdir()) == []
