"""Audit log files: one message a line (XML per PS3.15 A.5.1, or JSON), rotation by size,
retention by count and age, a cut last line reported."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dicomkit.audit import builders as b
from dicomkit.audit.errors import AuditParseError, AuditTransportError
from dicomkit.audit.files import AuditFile, read_log
from tests.audit.schema import assert_valid


def _msg(n: int) -> b.AuditMessage:
    return b.security_alert(b.security_alert_type("110126"), b.Endpoint.local("AE", "host"),
                            source="AE", subjects=[f"dicom://h:{n}"], description=f"line\n{n}")


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_each_message_is_one_line_read_back_in_order(tmp_path: Path, fmt: str) -> None:
    log = AuditFile(tmp_path / f"audit.{fmt}.log", format=fmt)
    for n in range(10):
        log.write(_msg(n))
    log.close()
    lines = (tmp_path / f"audit.{fmt}.log").read_bytes().splitlines()
    assert len(lines) == 10
    if fmt == "xml":
        for line in lines:
            assert_valid(line)
    read = list(read_log(tmp_path / f"audit.{fmt}.log", fmt))
    assert [m.objects[0].object_id for m in read] == [f"dicom://h:{n}" for n in range(10)]
    assert read[3].outcome_description == "line\n3"  # a line break inside a line's message


def test_rotation_by_size_keeps_the_newest_files_and_loses_no_message(tmp_path: Path) -> None:
    path = tmp_path / "audit.xml.log"
    size = len(AuditFile(path).line(_msg(0)))
    log = AuditFile(path, max_bytes=3 * size + 10, keep=3)
    for n in range(30):
        log.write(_msg(n))
    log.close()
    rotated = log.rotated()
    assert len(rotated) == 3  # the older ones removed by retention
    assert all(p.stat().st_size <= 3 * size + 10 for p in [*rotated, path])
    kept = [m.objects[0].object_id for p in [*rotated, path] for m in read_log(p)]
    assert kept == [f"dicom://h:{n}" for n in range(30 - len(kept), 30)]  # the newest, in order
    assert len(kept) == 3 * 3 + 3


def test_retention_by_age_removes_old_rotated_files(tmp_path: Path) -> None:
    path = tmp_path / "audit.json.log"
    log = AuditFile(path, format="json", keep=0, max_age=3600)
    log.write(_msg(1))
    old = log.rotate()
    assert old is not None and old.exists()
    past = time.time() - 7200
    os.utime(old, (past, past))
    log.write(_msg(2))
    newer = log.rotate()
    assert not old.exists() and newer is not None and newer.exists()


def test_a_cut_last_line_is_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "audit.xml.log"
    log = AuditFile(path, durable=True)
    log.write(_msg(1))
    log.write(_msg(2))
    log.close()
    data = path.read_bytes()
    path.write_bytes(data[:-40])
    with pytest.raises(AuditParseError, match="line 2.*cut"):
        list(read_log(path))


def test_a_line_that_is_no_message_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.xml.log"
    path.write_bytes(AuditFile(path).line(_msg(1)) + b"<NotAudit/>\n")
    with pytest.raises(AuditParseError, match="line 2"):
        list(read_log(path))


def test_an_unwritable_folder_is_a_transport_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(AuditTransportError, match="cannot write"):
        AuditFile(blocker / "audit.log").write(_msg(1))
