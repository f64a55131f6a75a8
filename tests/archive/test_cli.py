"""``dicomkit archive index | check | delete | ls`` and ``storescp --archive`` options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dicomkit.cli.main import SUBCOMMANDS, main
from tests.archive.make import instance, uid


def _folder(tmp_path: Path) -> tuple[Path, str, list[str]]:
    root = tmp_path / "arc"
    (root / "x").mkdir(parents=True)
    study = uid()
    sops = [uid() for _ in range(3)]
    for n, sop in enumerate(sops):
        (root / "x" / f"{n}.dcm").write_bytes(instance(study, uid(), sop, modality="CT",
                                                       number=n))
    return root, study, sops


def test_archive_is_a_registered_subcommand() -> None:
    assert SUBCOMMANDS["archive"][0] == "dicomkit.cli.archive"


def test_index_then_check_ls_and_delete(tmp_path: Path, db_url: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    root, study, sops = _folder(tmp_path)
    (root / "readme.txt").write_text("hello")
    assert main(["archive", "index", str(root), "--db", db_url, "-q"]) == 1  # readme refused
    out, err = capsys.readouterr()
    assert "3 indexed" in out and "files/s" in out and "readme.txt" in err
    assert main(["archive", "check", str(root), "--db", db_url]) == 1
    out, _ = capsys.readouterr()
    assert "unindexed readme.txt" in out
    (root / "readme.txt").unlink()
    assert main(["archive", "check", str(root), "--db", db_url]) == 0
    capsys.readouterr()
    assert main(["archive", "ls", str(root), "--db", db_url, "--level", "image", "-k",
                 "InstanceNumber=1", "-o", "SOPInstanceUID", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert [json.loads(line) for line in out.splitlines()] == [{"SOPInstanceUID": sops[1]}]
    assert main(["archive", "ls", str(root), "--db", db_url]) == 0
    out, _ = capsys.readouterr()
    assert study in out
    assert main(["archive", "ls", str(root), "--db", db_url, "-k", "Nonsense=1"]) == 2
    capsys.readouterr()
    assert main(["archive", "delete", str(root), "--db", db_url, "--instance", sops[0]]) == 0
    assert not (root / "x" / "0.dcm").exists()
    assert main(["archive", "delete", str(root), "--db", db_url, "--study", study]) == 0
    out, _ = capsys.readouterr()
    assert "deleted 2 file(s)" in out
    assert main(["archive", "delete", str(root), "--db", db_url, "--study", study]) == 1
    assert list(root.rglob("*.dcm")) == []


def test_default_index_is_beside_the_folder(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root, _, _ = _folder(tmp_path)
    assert main(["archive", "index", str(root), "-q"]) == 0
    assert (tmp_path / "arc.index.sqlite").is_file()
    assert not any(p.name.endswith(".sqlite") for p in root.rglob("*"))


def test_a_bad_url_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "check", str(tmp_path / "arc"), "--db", "mysql://h/db"]) == 1
    _, err = capsys.readouterr()
    assert "SQLite" in err and "PostgreSQL" in err


def test_storescp_takes_archive_or_out_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["storescp", "0", "--out", "a", "--archive", "b"])
    _, err = capsys.readouterr()
    assert "not allowed with" in err


def test_add_copies_files_and_folders_into_the_archive(tmp_path: Path, db_url: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    study = uid()
    data = [instance(study, uid(), uid()) for _ in range(3)]
    for n, d in enumerate(data):
        (inbox / "sub" / f"{n}.dcm").write_bytes(d)
    (inbox / "junk.bin").write_bytes(b"junk" * 100)
    root = tmp_path / "arc"
    assert main(["archive", "add", str(root), str(inbox), str(inbox / "sub" / "0.dcm"),
                 "--db", db_url, "-q"]) == 1  # junk refused
    out, err = capsys.readouterr()
    assert "5 file(s): 1 duplicate, 3 stored, 1 refused" in out and "junk.bin" in err
    stored = sorted(p.read_bytes() for p in root.rglob("*.dcm"))
    assert stored == sorted(data)  # byte for byte
    assert (inbox / "sub" / "0.dcm").exists()  # copied, not moved
