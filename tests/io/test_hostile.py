"""Hostile files, built here byte by byte: the reader fails with its own errors, within bounds.

* an item (FFFE,E000) or another group FFFE tag in a data set, outside a sequence: strict mode
  raises at its offset; lenient mode records a warning and skips it by its length, or stops
  cleanly when its length is undefined or too long; it never becomes an element, so the writer
  never emits it (PS3.5 7.5);
* a deflated data set (PS3.5 A.5) that is truncated, corrupt or followed by junk: strict mode
  raises, lenient mode warns and keeps what inflated; the one NUL that pads an odd stream is
  no damage;
* a deflate bomb: refused by the ratio to its compressed size and by the absolute cap, both
  settable, with memory bounded by the cap (tracemalloc), never by the bomb;
* running out of memory anywhere in a read gives :class:`~dicomkit.errors.ReadLimitError`
  naming the source and what was being read, not a bare MemoryError (a real one, under an
  address-space limit in a child process, and injected ones);
* the warnings of one read are capped (:data:`dicomkit.io.reader.MAX_WARNINGS`), the rest
  counted in a last warning, so a file of repeated elements costs no memory per element.
"""

from __future__ import annotations

import functools
import shutil
import struct
import subprocess
import sys
import textwrap
import tracemalloc
import zlib
from pathlib import Path

import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.errors import InvalidDicomError, ReadLimitError
from dicomkit.generated import uids
from dicomkit.io import reader
from dicomkit.io.writer import encode_file, encode_file_meta

_MiB = 1024 * 1024


def explicit(tag: int, vr: bytes, value: bytes, little: bool = True) -> bytes:
    """One explicit VR element (PS3.5 7.1.2), short or long header by its VR."""
    e = "<" if little else ">"
    if vr in (b"OB", b"OW", b"SQ", b"UN", b"UT", b"UC", b"UR", b"OF", b"OD", b"OL", b"OV"):
        return struct.pack(f"{e}HH2sHL", tag >> 16, tag & 0xFFFF, vr, 0, len(value)) + value
    return struct.pack(f"{e}HH2sH", tag >> 16, tag & 0xFFFF, vr, len(value)) + value


def implicit(tag: int, value: bytes) -> bytes:
    return struct.pack("<HHL", tag >> 16, tag & 0xFFFF, len(value)) + value


def item(length: int, body: bytes = b"", tag: int = 0xFFFEE000, little: bool = True) -> bytes:
    return struct.pack("<HHL" if little else ">HHL", tag >> 16, tag & 0xFFFF, length) + body


def _elements(ds: Dataset) -> list[int]:
    return [el.tag for el in ds.elements()]


def _all_tags(ds: Dataset) -> list[int]:
    out = []
    for el in ds.elements():
        out.append(el.tag)
        if el.vr == "SQ":
            for it in el.value:
                out += _all_tags(it)
    return out


# -- group FFFE in a data set ----------------------------------------------------------------

_HEAD = 0x00080016, b"UI", b"1.2.840.10008.5.1.4.1.1.7\x00"
_TAIL = 0x00100010, b"PN", b"Doe^Jane"


@pytest.mark.parametrize("form", ["explicit", "implicit", "big"])
@pytest.mark.parametrize("stray", [0xFFFEE000, 0xFFFE1234])
def test_a_group_fffe_tag_in_a_data_set_is_skipped_by_its_length(form: str, stray: int) -> None:
    little = form != "big"

    def el(tag: int, vr: bytes, value: bytes) -> bytes:
        return implicit(tag, value) if form == "implicit" else explicit(tag, vr, value, little)

    head = el(*_HEAD)
    junk = item(6, b"abcdef", stray, little)
    data = head + junk + el(*_TAIL)
    meta = Dataset.new("SecondaryCaptureImageStorage").file_meta
    assert meta is not None
    syntax = {"explicit": uids.ExplicitVRLittleEndian, "implicit": uids.ImplicitVRLittleEndian,
              "big": uids.ExplicitVRBigEndian}[form]
    for prefix in (b"", encode_file_meta(meta, syntax)):
        whole = prefix + data
        ds = dicomkit.read(whole)
        assert _elements(ds) == [_HEAD[0], _TAIL[0]]
        assert str(ds.PatientName) == "Doe^Jane"
        [warning] = ds.warnings
        assert warning.offset == len(prefix) + len(head)
        assert f"({stray >> 16:04X},{stray & 0xFFFF:04X})" in warning.tag_path
        assert "outside a sequence" in warning.message
        with pytest.raises(InvalidDicomError) as info:
            dicomkit.read(whole, strict=True)
        assert info.value.offset == len(prefix) + len(head)
        assert "outside a sequence" in str(info.value)


def test_an_item_of_undefined_or_too_long_length_stops_the_data_set_cleanly() -> None:
    head = explicit(*_HEAD)
    tail = explicit(*_TAIL)
    for junk in (item(0xFFFFFFFF), item(10_000), item(0xFFFFFFF0)):
        ds = dicomkit.read(head + junk + tail)
        assert _elements(ds) == [_HEAD[0]]
        assert any("not read" in w.message for w in ds.warnings)
        with pytest.raises(InvalidDicomError) as info:
            dicomkit.read(head + junk + tail, strict=True)
        assert info.value.offset == len(head)


def test_an_item_tag_inside_an_items_data_set_is_skipped_too() -> None:
    inner = explicit(0x00081150, b"UI", b"1.2.3\x00") + item(4, b"\x00\x00\x00\x00") + \
        explicit(0x00081155, b"UI", b"1.2.4\x00")
    seq = explicit(0x00081140, b"SQ", item(len(inner), inner))
    data = explicit(*_HEAD) + seq + explicit(*_TAIL)
    ds = dicomkit.read(data)
    refs = ds[0x00081140].value
    assert _elements(refs[0]) == [0x00081150, 0x00081155]
    assert [w.tag_path for w in ds.warnings] == ["(0008,1140)[0].(FFFE,E000)"]
    with pytest.raises(InvalidDicomError, match=r"\(0008,1140\)\[0\]\.\(FFFE,E000\)"):
        dicomkit.read(data, strict=True)


def test_a_stray_item_is_never_written_back(tmp_path: Path) -> None:
    ds = Dataset.new("SecondaryCaptureImageStorage")
    ds.PatientName = "Doe^Jane"
    good = encode_file(ds, uids.ExplicitVRLittleEndian)
    start = good.index(b"\x10\x00\x10\x00PN")  # before Patient's Name, in the data set
    hostile = good[:start] + item(8, b"12345678") + good[start:]
    read = dicomkit.read(hostile)
    assert read.warnings and 0xFFFEE000 not in _all_tags(read)
    out = tmp_path / "rewritten.dcm"
    dicomkit.write(out, read)
    back = dicomkit.read(out, strict=True)  # our own strict reader takes what we wrote
    assert str(back.PatientName) == "Doe^Jane" and not back.warnings
    assert b"\xfe\xff\x00\xe0" not in out.read_bytes()
    if shutil.which("dcmdump") is not None:
        run = subprocess.run(["dcmdump", str(out)], capture_output=True, text=True)
        assert run.returncode == 0 and "E:" not in run.stderr, run.stderr


# -- deflated data sets ---------------------------------------------------------------------

_ELEMENTS = [explicit(0x00080016, b"UI", b"1.2.840.10008.5.1.4.1.1.7\x00"),
             explicit(0x00080018, b"UI", b"1.2.3.4\x00"),
             explicit(0x00100010, b"PN", b"Doe^Jane"),
             explicit(0x00100020, b"LO", b"12345678" * 64)]


def _deflated_head() -> bytes:
    meta = Dataset.new("SecondaryCaptureImageStorage").file_meta
    assert meta is not None
    return encode_file_meta(meta, uids.DeflatedExplicitVRLittleEndian)


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


def test_a_whole_deflated_data_set_reads_without_warnings() -> None:
    body = b"".join(_ELEMENTS)
    stream = _deflate(body)
    for pad in (b"", b"\x00" if len(stream) & 1 else b""):  # PS3.5 A.5: one NUL pads it even
        ds = dicomkit.read(_deflated_head() + stream + pad, strict=True)
        assert len(ds) == len(_ELEMENTS) and not ds.warnings


def _two_then_rest() -> tuple[bytes, bytes]:
    """The deflate stream of the data set in two parts: the first two elements, flushed to a
    block boundary (so that they inflate alone), and the rest."""
    body = b"".join(_ELEMENTS)
    two = len(_ELEMENTS[0]) + len(_ELEMENTS[1])
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    first = c.compress(body[:two]) + c.flush(zlib.Z_FULL_FLUSH)
    return first, c.compress(body[two:]) + c.flush()


def test_a_truncated_deflate_stream_is_detected() -> None:
    first, rest = _two_then_rest()
    head = _deflated_head()
    whole = _elements(dicomkit.read(head + first + rest, strict=True))
    assert len(whole) == len(_ELEMENTS)
    for cut in (len(first), len(first) + len(rest) // 2, len(first) + len(rest) - 1):
        data = head + (first + rest)[:cut]
        with pytest.raises(InvalidDicomError, match="truncated"):
            dicomkit.read(data, strict=True)
        ds = dicomkit.read(data)
        assert any("truncated" in w.message for w in ds.warnings)
        kept = _elements(ds)
        assert kept == whole[:len(kept)]  # what inflated, in order
        if cut == len(first):
            assert kept == whole[:2]


def test_a_corrupt_deflate_stream_keeps_what_inflated_before() -> None:
    first, _ = _two_then_rest()
    data = _deflated_head() + first + b"\xff" * 40  # 0xff: a reserved block type (RFC 1951)
    with pytest.raises(InvalidDicomError, match="corrupt"):
        dicomkit.read(data, strict=True)
    ds = dicomkit.read(data)
    assert _elements(ds) == [0x00080016, 0x00080018]
    assert any("corrupt" in w.message for w in ds.warnings)
    # nothing inflates at all: no mode reads it
    for strict in (False, True):
        with pytest.raises(InvalidDicomError, match="cannot be inflated"):
            dicomkit.read(_deflated_head() + b"\xff" * 40, strict=strict)


def test_bytes_after_the_deflate_stream_are_reported_but_a_gzip_trailer_is_not() -> None:
    body = b"".join(_ELEMENTS)
    stream = _deflate(body)
    junk = _deflated_head() + stream + b"JUNKJUNK!"
    with pytest.raises(InvalidDicomError, match="after the end of the deflated"):
        dicomkit.read(junk, strict=True)
    assert any("9 byte(s) after" in w.message for w in dicomkit.read(junk).warnings)
    trailer = struct.pack("<LL", zlib.crc32(body), len(body))
    ds = dicomkit.read(_deflated_head() + stream + trailer, strict=True)
    assert len(ds) == len(_ELEMENTS)


@functools.cache
def _bomb(megabytes: int) -> bytes:
    """A deflate stream of ``megabytes`` MiB of zeros inside one long OB value."""
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    size = megabytes * _MiB
    parts = [c.compress(explicit(0x00080016, b"UI", b"1.2.3\x00")
                        + struct.pack("<HH2sHL", 0x0009, 0x1010, b"OB", 0, size))]
    zeros = bytes(_MiB)
    parts += [c.compress(zeros) for _ in range(megabytes)]
    parts.append(c.flush())
    return b"".join(parts)


def _peak_of(fn: object) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        try:
            fn()  # type: ignore[operator]
        except BaseException as exc:  # noqa: B036 - the test asserts what it is
            return exc, tracemalloc.get_traced_memory()[1] - before
        return None, tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def test_a_deflate_bomb_is_refused_at_the_absolute_cap_with_memory_bounded_by_it() -> None:
    data = _deflated_head() + _bomb(64)
    cap = 4 * _MiB
    exc, peak = _peak_of(lambda: dicomkit.read(data, max_inflated_size=cap))
    assert isinstance(exc, ReadLimitError), exc
    assert "deflate bomb" in str(exc) and "max_inflated_size" in str(exc)
    assert exc.source == "<bytes>"
    # the inflated bytes never exceed the cap by more than one piece and the buffer's growth
    assert peak < cap * 1.25 + 2 * reader._INFLATE_OUT + 4 * len(data), peak


def test_a_deflate_bomb_is_refused_by_its_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = _bomb(16)  # about 16 KB that inflate to 16 MiB: a ratio of about 1000
    data = _deflated_head() + stream
    monkeypatch.setattr(reader, "INFLATION_FLOOR", _MiB)
    limit = int(len(stream) * reader.MAX_INFLATION_RATIO)
    assert limit < 16 * _MiB
    exc, peak = _peak_of(lambda: dicomkit.read(data))
    assert isinstance(exc, ReadLimitError) and "max_inflation_ratio" in str(exc)
    assert peak < max(limit, _MiB) * 1.25 + 2 * reader._INFLATE_OUT + 4 * len(data), peak
    # a caller who expects such data raises the ratio and reads it
    ds = dicomkit.read(data, max_inflation_ratio=2000)
    assert ds[0x00091010].length == 16 * _MiB


def test_the_default_limits_refuse_a_bomb_within_the_floor() -> None:
    stream = _bomb(100)  # 100 KB -> 100 MiB
    data = _deflated_head() + stream
    limit = max(reader.INFLATION_FLOOR, int(len(stream) * reader.MAX_INFLATION_RATIO))
    assert limit < 100 * _MiB <= reader.MAX_INFLATED_SIZE
    exc, peak = _peak_of(lambda: dicomkit.read(data))
    assert isinstance(exc, ReadLimitError), exc
    assert peak < limit * 1.25 + 2 * reader._INFLATE_OUT + 4 * len(data), peak


# -- out of memory ----------------------------------------------------------------------------

def test_memory_errors_while_parsing_name_the_source_offset_and_element(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dicomkit.core.element import DataElement

    data = explicit(*_HEAD) + explicit(*_TAIL)
    path = tmp_path / "f.dcm"
    path.write_bytes(data)
    real = DataElement.read_from

    def starving(tag: int, *args: object) -> DataElement:
        if tag == _TAIL[0]:
            raise MemoryError
        return real(tag, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(DataElement, "read_from", staticmethod(starving))
    with pytest.raises(ReadLimitError) as info:
        dicomkit.read(path)
    err = info.value
    assert err.source == str(path) and err.offset == len(explicit(*_HEAD))
    assert err.tag_path == "(0010,0010)" and "out of memory" in str(err)
    assert not isinstance(err.__context__, MemoryError) or err.__suppress_context__


def test_memory_errors_while_inflating_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    class Starved:
        eof = False
        unconsumed_tail = b""
        unused_data = b""

        def copy(self) -> Starved:
            return self

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            raise MemoryError

    monkeypatch.setattr(reader.zlib, "decompressobj", lambda *a: Starved())
    with pytest.raises(ReadLimitError, match="out of memory inflating"):
        dicomkit.read(_deflated_head() + _deflate(b"".join(_ELEMENTS)))


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and /proc are Linux's")
def test_a_real_memory_error_under_an_address_space_limit_is_a_read_limit_error(
        tmp_path: Path) -> None:
    big = tmp_path / "big.dcm"
    head = explicit(*_HEAD) + struct.pack("<HH2sHL", 0x0009, 0x1010, b"OB", 0, 1024 * _MiB)
    with open(big, "wb") as fh:  # sparse: 1 GiB of value costs no disk
        fh.write(head)
        fh.truncate(len(head) + 1024 * _MiB)
    script = textwrap.dedent(f"""
        import resource, sys
        import dicomkit
        from dicomkit.errors import ReadLimitError
        with open("/proc/self/status") as fh:
            vm = next(int(l.split()[1]) * 1024 for l in fh if l.startswith("VmSize"))
        resource.setrlimit(resource.RLIMIT_AS, (vm + 256 * 1024 * 1024,) * 2)
        for how in ("stream", "path"):
            try:
                if how == "stream":
                    with open({str(big)!r}, "rb") as fh:
                        dicomkit.read(fh)
                else:
                    dicomkit.read({str(big)!r})
            except ReadLimitError as exc:
                print("READLIMIT", exc.source, exc)
            except MemoryError:
                print("BARE MemoryError")
            except Exception as exc:
                print("OTHER", type(exc).__name__, exc)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)
    lines = run.stdout.splitlines()
    assert len(lines) == 2, run.stdout + run.stderr
    for line in lines:  # a stream (read whole) and a path (memory-mapped)
        assert line.startswith("READLIMIT"), run.stdout + run.stderr
        assert str(big) in line and "memory" in line


# -- the warnings cap -------------------------------------------------------------------------

def test_the_warnings_of_one_read_are_capped_and_the_rest_counted() -> None:
    repeats = reader.MAX_WARNINGS * 3
    element = implicit(0x00100010, b"Doe^Jane")
    data = element * repeats  # each repeat is out of order: one warning each but the first
    ds = dicomkit.read(data)
    problems = repeats - 1
    assert len(ds.warnings) == reader.MAX_WARNINGS + 1
    assert isinstance(ds.warnings, list)
    assert all("out of order" in w.message for w in ds.warnings[:-1])
    assert f"{problems - reader.MAX_WARNINGS} more problem(s)" in ds.warnings[-1].message
    with pytest.raises(InvalidDicomError, match="out of order"):
        dicomkit.read(data, strict=True)


def test_many_warnings_cost_no_memory_per_warning() -> None:
    element = implicit(0x00100010, b"Doe^Jane")
    data = element * 200_000  # 3.2 MB, 199,999 problems
    exc, peak = _peak_of(lambda: dicomkit.read(data))
    assert exc is None
    # uncapped, each warning kept (about 300 bytes) would be 60 MB
    assert peak < 3 * len(data), peak
