"""What write() does around the bytes: value checks before writing (strict / warn / ignore), the
temporary file (mode, owner, umask, stale ones of killed writers), operating system errors, and
streams that take fewer bytes than given.  Real files in tmp_path, real mounts, real processes."""

from __future__ import annotations

import errno
import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dicomkit
from dicomkit.core.config import DicomValueWarning, validation_mode
from dicomkit.core.dataset import Dataset
from dicomkit.core.values import ValueEncodingError
from dicomkit.io.writer import (
    STALE_PART_AGE,
    WriteError,
    encode_file,
    part_name,
    remove_stale_parts,
    value_problems,
)

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _default_modes() -> Iterator[None]:
    yield
    dicomkit.settings.assignment_validation_mode = "warn"
    dicomkit.settings.writing_validation_mode = "warn"


def _ds(pixels: int = 0) -> Dataset:
    ds = Dataset.new("SecondaryCaptureImageStorage", uid_prefix="1.2.3.")
    ds.PatientID = "ID1"
    ds.PatientName = "Doe^Jane"
    if pixels:
        ds.add_new(0x7FE00010, "OB", b"\x5a" * pixels)
    return ds


def _bad(ds: Dataset) -> Dataset:
    with validation_mode("ignore"):
        ds.PatientID = "x" * 100  # LO holds 64 characters
    return ds


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _run(code: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env, **kwargs)


# ------------------------------------------------------------------------------------------------
# Value checks before writing
# ------------------------------------------------------------------------------------------------

def test_strict_write_refuses_a_bad_value_and_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "a.dcm"
    dicomkit.write(target, _ds())
    before = target.read_bytes()
    mtime = target.stat().st_mtime_ns
    with pytest.raises(WriteError) as info:
        dicomkit.write(target, _bad(_ds()), strict=True)
    error = info.value
    assert error.tag_path == "(0010,0020)" and error.target == str(target)
    assert isinstance(error.__cause__, ValueEncodingError)
    assert "PatientID" in str(error) and "value-length" in str(error) and "PS3.5 6.2" in str(error)
    assert target.read_bytes() == before and target.stat().st_mtime_ns == mtime
    assert _parts(tmp_path) == []
    stream = io.BytesIO()
    with pytest.raises(WriteError):
        dicomkit.write(stream, _bad(_ds()), strict=True)
    assert stream.getvalue() == b""  # not a byte reached the stream


def test_strict_write_names_the_tag_path_inside_sequence_items() -> None:
    ds = _ds()
    item = Dataset()
    with validation_mode("ignore"):
        item.ReferencedSOPInstanceUID = "1.2.abc"
    ds.ReferencedImageSequence = [item]
    with pytest.raises(WriteError) as info:
        dicomkit.write(io.BytesIO(), ds, strict=True)
    assert info.value.tag_path == "(0008,1140)[0].(0008,1155)"
    assert [p for p, _e, _pr in value_problems(ds)] == ["(0008,1140)[0].(0008,1155)"]


def test_strict_write_checks_the_file_meta_too() -> None:
    ds = _ds()
    assert ds.file_meta is not None
    with validation_mode("ignore"):
        ds.file_meta.add_new(0x00020016, "AE", "BAD\x01AE")
    with pytest.raises(WriteError) as info:
        dicomkit.write(io.BytesIO(), ds, strict=True)
    assert info.value.tag_path == "(0002,0016)"


def test_default_write_warns_about_values_a_program_set_and_writes_them(tmp_path: Path) -> None:
    target = tmp_path / "w.dcm"
    with pytest.warns(DicomValueWarning, match="written as is.*PatientID") as caught:
        dicomkit.write(target, _bad(_ds()))
    assert caught[0].filename == __file__
    assert dicomkit.read(target).PatientID == "x" * 100
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with validation_mode("ignore"):
            dicomkit.write(target, _bad(_ds()))


def test_read_values_are_checked_only_by_a_strict_write(tmp_path: Path) -> None:
    target = tmp_path / "r.dcm"
    with validation_mode("ignore"):
        dicomkit.write(target, _bad(_ds()))
    back = dicomkit.read(target)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dicomkit.write(io.BytesIO(), back)  # as read: not checked again by a default write
    with pytest.raises(WriteError, match=r"\(0010,0020\)"):
        dicomkit.write(io.BytesIO(), back, strict=True)


def test_the_assignment_mode_does_not_decide_what_a_write_refuses() -> None:
    ds = _ds()
    with validation_mode("ignore"):
        ds.SOPInstanceUID = "1.2.abc"  # copied by the writer into the file meta (0002,0003)
    data = io.BytesIO()
    with validation_mode("ignore"):
        dicomkit.write(data, ds)
    back = dicomkit.read(data.getvalue())
    back.file_meta = None  # the writer makes the file meta again from SOP Instance UID
    dicomkit.settings.assignment_validation_mode = "raise"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dicomkit.write(io.BytesIO(), back)  # writing mode warn: read values are not checked
    with pytest.raises(WriteError, match=r"\(0008,0018\)"):
        dicomkit.write(io.BytesIO(), back, strict=True)


def test_the_process_setting_decides_and_strict_false_overrides_it() -> None:
    dicomkit.settings.writing_validation_mode = "raise"
    with pytest.raises(WriteError):
        dicomkit.write(io.BytesIO(), _bad(_ds()))
    with pytest.warns(DicomValueWarning):
        dicomkit.write(io.BytesIO(), _bad(_ds()), strict=False)
    dicomkit.write(io.BytesIO(), _ds())  # valid values pass


# ------------------------------------------------------------------------------------------------
# Temporary files of killed writers
# ------------------------------------------------------------------------------------------------

_KILLED_WRITER = """
import resource, signal, sys
import dicomkit
from dicomkit.core.dataset import Dataset
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)   # Python ignores it; the kernel's default kills
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
ds = Dataset.new("SecondaryCaptureImageStorage", uid_prefix="1.2.3.")
ds.add_new(0x7FE00010, "OB", bytes(1 << 20))
dicomkit.write(sys.argv[1] if len(sys.argv) > 1 else {target!r}, ds)
print("not killed")
"""


def test_a_killed_writers_part_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "big.dcm"
    result = _run(_KILLED_WRITER.format(target=str(target)))
    assert result.returncode == -signal.SIGXFSZ, result.stdout + result.stderr
    left = _parts(tmp_path)
    assert len(left) == 1 and left[0].startswith(".big.dcm.dicomkit-")
    assert (tmp_path / left[0]).stat().st_size == 65536 and not target.exists()
    dicomkit.write(tmp_path / "next.dcm", _ds())  # the next write to the folder
    assert _parts(tmp_path) == []


def test_part_files_of_live_writers_and_of_others_are_kept(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / part_name(tmp_path / "a.dcm", pid=sleeper.pid)
        mine = tmp_path / part_name(tmp_path / "b.dcm")
        old_live = tmp_path / part_name(tmp_path / "c.dcm", pid=sleeper.pid)
        foreign = [tmp_path / ".x.dcm.part", tmp_path / "notes.part",
                   tmp_path / ".y.dcm.dicomkit-zz-1-00000000.part"]
        host = live.name.split(".dicomkit-")[1].split("-")[0]
        other_host = tmp_path / live.name.replace(host, "0" * 8 if host != "0" * 8 else "1" * 8)
        for path in [live, mine, old_live, other_host, *foreign]:
            path.write_bytes(b"partial")
        two_hours_ago = time.time() - 2 * STALE_PART_AGE
        os.utime(old_live, (two_hours_ago, two_hours_ago))
        dicomkit.write(tmp_path / "d.dcm", _ds())
        kept = set(_parts(tmp_path))
        assert kept == {p.name for p in [live, mine, other_host, *foreign]}  # old_live went
        sleeper.kill()
        sleeper.wait(10)
        assert remove_stale_parts(tmp_path) == [live]  # its writer is dead now
        os.utime(other_host, (two_hours_ago, two_hours_ago))
        assert remove_stale_parts(tmp_path) == [other_host]  # another host's: by age only
        assert set(_parts(tmp_path)) == {p.name for p in [mine, *foreign]}
    finally:
        sleeper.kill()
        sleeper.wait(10)


def test_temporary_names_carry_the_pid_and_fit_long_target_names(tmp_path: Path) -> None:
    name = part_name(tmp_path / ("n" * 250 + ".dcm"))
    assert f"-{os.getpid()}-" in name and name.endswith(".part") and len(name) < 255
    target = tmp_path / ("n" * 240 + ".dcm")
    dicomkit.write(target, _ds())
    assert target.exists() and _parts(tmp_path) == []


# ------------------------------------------------------------------------------------------------
# Modes, owners, umask
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444, 0o755])
def test_an_overwritten_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "m.dcm"
    target.write_bytes(b"old")
    os.chmod(target, mode)
    dicomkit.write(target, _ds())
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert dicomkit.read(target).PatientID == "ID1"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_an_overwritten_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    target = tmp_path / "o.dcm"
    target.write_bytes(b"old")
    os.chown(target, 65534, 65534)
    os.chmod(target, 0o640)
    dicomkit.write(target, _ds())
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o000, 0o077])
def test_a_new_file_gets_0666_less_the_umask_and_the_umask_is_left_alone(
        tmp_path: Path, umask: int) -> None:
    target = tmp_path / "new.dcm"
    code = f"""
import os
os.umask({umask})
import dicomkit
from dicomkit.core.dataset import Dataset
ds = Dataset.new("SecondaryCaptureImageStorage", uid_prefix="1.2.3.")
dicomkit.write({str(target)!r}, ds)
print(oct(os.stat({str(target)!r}).st_mode & 0o777), oct(os.umask(0)))
"""
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [oct(0o666 & ~umask), oct(umask)]


def test_a_thread_creating_files_during_1000_writes_never_gets_a_wrong_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)  # read before the threads start; the test's own, not the writer's
    expected = 0o666 & ~umask
    other = tmp_path / "other"
    other.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    wrong: list[int] = []
    created = 0
    stop = threading.Event()

    def create() -> None:
        nonlocal created
        while not stop.is_set():
            path = other / f"f{created}"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            os.close(fd)
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode != expected:
                wrong.append(mode)
            os.unlink(path)
            created += 1

    thread = threading.Thread(target=create)
    thread.start()
    try:
        ds = _ds()
        deadline = time.monotonic() + 60
        for i in range(1000):
            dicomkit.write(out / f"{i % 50}.dcm", ds)  # new files, then overwrites
            assert time.monotonic() < deadline
    finally:
        stop.set()
        thread.join(10)
    assert created > 100 and wrong == []
    assert os.umask(umask) == umask


# ------------------------------------------------------------------------------------------------
# Operating system errors
# ------------------------------------------------------------------------------------------------

@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root and permission to mount; CI runs as root)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN): "
                    f"{result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_gives_write_error_and_leaves_the_target_and_no_part(tiny_tmpfs: Path) -> None:
    target = tiny_tmpfs / "full.dcm"
    dicomkit.write(target, _ds())
    before = target.read_bytes()
    big = _ds(pixels=200_000)
    data_len = len(encode_file(big))
    with pytest.raises(WriteError) as info:
        dicomkit.write(target, big)
    error = info.value
    assert error.errno == errno.ENOSPC and "ENOSPC" in str(error) and str(target) in str(error)
    assert 0 < error.written < data_len and f"of {data_len} bytes" in str(error)
    assert isinstance(error.__cause__, OSError)
    assert target.read_bytes() == before and _parts(tiny_tmpfs) == []


def test_a_read_only_file_system_gives_write_error(tiny_tmpfs: Path) -> None:
    target = tiny_tmpfs / "ro.dcm"
    dicomkit.write(target, _ds())
    before = target.read_bytes()
    result = subprocess.run(["mount", "-o", "remount,ro", str(tiny_tmpfs)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot remount read-only: {result.stderr.strip()}")
    with pytest.raises(WriteError) as info:
        dicomkit.write(target, _ds())
    assert info.value.errno == errno.EROFS and info.value.written == 0
    assert target.read_bytes() == before


def test_the_file_size_limit_gives_write_error_efbig(tmp_path: Path) -> None:
    code = f"""
import os, resource
import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.io.writer import WriteError
resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))   # SIGXFSZ is ignored by Python
ds = Dataset.new("SecondaryCaptureImageStorage", uid_prefix="1.2.3.")
ds.add_new(0x7FE00010, "OB", bytes(100000))
try:
    dicomkit.write({str(tmp_path / 'f.dcm')!r}, ds)
except WriteError as exc:
    print(exc.errno, exc.written, sorted(os.listdir({str(tmp_path)!r})))
"""
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split(maxsplit=2) == [str(errno.EFBIG), "16384", "[]"]


def test_a_folder_as_target_or_a_missing_folder_give_write_error(tmp_path: Path) -> None:
    folder = tmp_path / "dir.dcm"
    folder.mkdir()
    with pytest.raises(WriteError) as info:
        dicomkit.write(folder, _ds())
    assert info.value.errno in (errno.EISDIR, errno.EEXIST, errno.ENOTEMPTY) and folder.is_dir()
    assert _parts(tmp_path) == []
    with pytest.raises(WriteError) as info:
        dicomkit.write(tmp_path / "absent" / "x.dcm", _ds())
    assert info.value.errno == errno.ENOENT and "absent" in str(info.value)


# ------------------------------------------------------------------------------------------------
# Streams
# ------------------------------------------------------------------------------------------------

class _SevenAtATime(io.RawIOBase):
    def __init__(self, stop_after: int = -1, answer: Any = 0) -> None:
        self.data = bytearray()
        self.stop_after = stop_after
        self.answer = answer

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> Any:
        if 0 <= self.stop_after <= len(self.data):
            return self.answer
        chunk = bytes(b[:7])
        self.data += chunk
        return len(chunk)


def test_a_stream_taking_seven_bytes_at_a_time_gets_the_whole_file() -> None:
    ds = _ds(pixels=1001)
    stream = _SevenAtATime()
    dicomkit.write(stream, ds)
    assert bytes(stream.data) == encode_file(ds)
    assert dicomkit.read(bytes(stream.data)).PatientID == "ID1"


@pytest.mark.parametrize("answer", [0, None])
def test_a_raw_stream_that_takes_nothing_raises(answer: Any) -> None:
    stream = _SevenAtATime(stop_after=70, answer=answer)
    with pytest.raises(WriteError) as info:
        dicomkit.write(stream, _ds())
    assert info.value.written == 70 and len(stream.data) == 70
    assert ("would block" in str(info.value)) == (answer is None)


class _NoCount:
    """A file-like object (not io) whose write returns None, as old ones do."""

    def __init__(self, tell: bool, keep: bool) -> None:
        self.data = bytearray()
        self.keep = keep
        if tell:
            self.tell = lambda: len(self.data)

    def write(self, b: Any) -> None:
        if self.keep:
            self.data += bytes(b)


def test_file_likes_returning_none_are_followed_by_their_position() -> None:
    ds = _ds()
    for tell in (True, False):
        stream = _NoCount(tell=tell, keep=True)
        dicomkit.write(stream, ds)  # type: ignore[arg-type]
        assert bytes(stream.data) == encode_file(ds)
    with pytest.raises(WriteError, match="took 0 of"):
        dicomkit.write(_NoCount(tell=True, keep=False), ds)  # type: ignore[arg-type]


def test_a_non_blocking_pipe_that_fills_up_raises_naming_the_bytes_written() -> None:
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    try:
        with io.FileIO(write_end, "wb", closefd=False) as raw:
            with pytest.raises(WriteError, match="would block") as info:
                dicomkit.write(raw, _ds(pixels=1 << 20))
        assert info.value.written > 0
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_stream_error_becomes_write_error_with_errno() -> None:
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteError) as info:
        dicomkit.write(Full(), _ds())
    assert info.value.errno == errno.ENOSPC and info.value.written == 0
    assert "Full stream" in str(info.value)
