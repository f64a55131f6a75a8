"""Damaged files: the reader fails cleanly (InvalidDicomError) or recovers and says so.

Variants of real sample files of every kind of encoding (explicit/implicit VR little endian, big
endian, deflated, encapsulated, nested and UN sequences, a bare data set) are truncated at every
element header boundary and many other offsets, given hostile lengths, garbage VRs, bad item tags
and corrupted deflate streams; a data set of 10,000 nested sequences is made by hand; hypothesis
adds random truncations and byte flips.  For every variant:

* ``strict=True`` succeeds or raises :class:`dicomkit.InvalidDicomError`, nothing else;
* ``strict=False`` succeeds or raises InvalidDicomError, and when strict mode failed, a lenient
  success records the recovery in ``ds.warnings``;
* decoding every value afterwards raises nothing but :class:`dicomkit.DicomError`;
* every read finishes in well under a second (an alarm guards against hangs), and hostile lengths
  cost no memory beyond the input (tracemalloc).
"""

from __future__ import annotations

import signal
import struct
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit import DicomError, InvalidDicomError
from dicomkit.core.dataset import Dataset
from tests.samples import sample

#: sample file -> what it exercises
SAMPLES = {
    "CT_small.dcm": "explicit VR little endian, private elements",
    "MR_small_implicit.dcm": "implicit VR little endian",
    "MR_small_bigendian.dcm": "explicit VR big endian",
    "image_dfl.dcm": "deflated explicit VR little endian",
    "JPEG2000.dcm": "encapsulated pixel data",
    "SC_rgb_rle_2frame.dcm": "encapsulated RLE, two frames",
    "rtplan.dcm": "implicit VR, nested sequences of defined length",
    "UN_sequence.dcm": "UN of undefined length holding nested sequences",
    "nested_priv_SQ.dcm": "nested private sequences",
    "ExplVR_BigEndNoMeta.dcm": "a bare big endian data set",
    "rtstruct.dcm": "no preamble, sequences",
}
#: CPU seconds a read of a damaged sample may take (a guard against hangs and quadratic
#: work, not a speed target: the process's own CPU time, which the load of other processes on
#: a shared machine does not inflate as it does wall time); the alarm is wall time.
_TIME_LIMIT = 2.0
_WALL_LIMIT = 30.0


def sample_bytes(name: str) -> bytes:
    return sample(name).read_bytes()


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _touch(ds: Dataset) -> None:
    """Decode every value (values are lazy): only DicomError may come out."""
    for el in ds.elements():
        try:
            value = el.value
        except DicomError:
            continue
        if el.vr == "SQ":
            for item in value:
                _touch(item)
        elif el.undefined_length:
            try:
                list(value.frames())
            except DicomError:
                pass


def _read(data: bytes, strict: bool) -> Dataset | InvalidDicomError:
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, _WALL_LIMIT)
    start = time.process_time()
    try:
        try:
            ds = dicomkit.read(data, strict=strict)
        except InvalidDicomError as exc:
            return exc
        _touch(ds)
        return ds
    except _Timeout:
        pytest.fail(f"read (strict={strict}) of {len(data)} bytes did not finish")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        elapsed = time.process_time() - start
        assert elapsed < _TIME_LIMIT, f"read took {elapsed:.2f} s of CPU"


def check(data: bytes, label: str = "") -> tuple[Dataset | InvalidDicomError, ...]:
    """Read ``data`` strictly and leniently and assert the contract of the module doc."""
    try:
        strict = _read(data, True)
        lenient = _read(data, False)
    except (InvalidDicomError, _Timeout):  # pragma: no cover - handled in _read
        raise
    except Exception as exc:
        raise AssertionError(f"{label}: {type(exc).__name__}: {exc}") from exc
    if isinstance(strict, InvalidDicomError) and isinstance(lenient, Dataset):
        assert lenient.warnings, f"{label}: strict mode failed ({strict}) but the lenient " \
            "read recorded no recovery"
    return strict, lenient


def element_offsets(data: bytes) -> list[int]:
    """The offsets of the element headers of ``data`` (nested ones too), as read."""
    ds = dicomkit.read(data)
    out: set[int] = set()

    def walk(d: Dataset) -> None:
        for el in d.elements():
            if el.offset >= 0:
                out.add(el.offset)
            if el.vr == "SQ":
                for item in el.value:
                    walk(item)

    walk(ds)
    if ds.file_meta is not None:
        walk(ds.file_meta)
    return sorted(out)


def item_tag_offsets(data: bytes, limit: int = 30) -> list[int]:
    """Offsets of item, item delimiter and sequence delimiter tags (either byte order)."""
    out = []
    for tag in (b"\xfe\xff\x00\xe0", b"\xff\xfe\xe0\x00", b"\xfe\xff\x0d\xe0",
                b"\xfe\xff\xdd\xe0"):
        pos = data.find(tag)
        while pos >= 0 and len(out) < limit:
            out.append(pos)
            pos = data.find(tag, pos + 1)
    return sorted(out)


def truncations(data: bytes) -> Iterator[int]:
    cuts = set(range(min(len(data), 300)))
    cuts |= set(range(0, len(data), max(1, len(data) // 150)))
    for off in element_offsets(data):
        cuts |= {off + d for d in (0, 1, 2, 4, 6, 8, 10, 12, 13)}
    for off in item_tag_offsets(data):
        cuts |= {off, off + 4, off + 8, off + 9}
    return iter(sorted(c for c in cuts if c < len(data)))


def patched(data: bytes, pos: int, new: bytes) -> bytes:
    return data[:pos] + new + data[pos + len(new):]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_reads_cleanly_before_damage(name: str) -> None:
    _, lenient = check(sample_bytes(name), name)
    assert isinstance(lenient, Dataset)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_truncation_at_every_header_boundary_and_many_offsets(name: str) -> None:
    data = sample_bytes(name)
    count = refused = 0
    for cut in truncations(data):
        strict, _ = check(data[:cut], f"{name}[:{cut}]")
        count += 1
        refused += isinstance(strict, InvalidDicomError)
    assert count > 100 and refused > count // 2  # the damage is real: strict mode sees it


_HOSTILE_LENGTHS = [b"\xf0\xff\xff\xff", b"\xff\xff\xff\xff", b"\x01\x00\x00\x00",
                    b"\x03\x00\x00\x00", b"\xff\xff\xff\x7f", b"\xff\xff"]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_flipped_length_fields(name: str) -> None:
    data = sample_bytes(name)
    recovered = 0
    for off in element_offsets(data)[:60]:
        # the 16-bit length of explicit VR, the 32-bit one of long VRs, the implicit VR one
        for pos in (off + 4, off + 6, off + 8):
            for value in _HOSTILE_LENGTHS:
                _, lenient = check(patched(data, pos, value), f"{name} length@{pos}={value!r}")
                recovered += isinstance(lenient, Dataset) and bool(lenient.warnings)
    assert recovered


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_hostile_lengths_allocate_nothing_beyond_the_input(name: str) -> None:
    data = sample_bytes(name)
    offsets = element_offsets(data)
    variants = [patched(data, off + p, v) for off in offsets[:: max(1, len(offsets) // 15)]
                for p in (4, 8) for v in (b"\xf0\xff\xff\xff", b"\xfe\xff\xff\xff")]
    tracemalloc.start()
    try:
        for v in variants:
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            check(v, name)
            peak = tracemalloc.get_traced_memory()[1] - before
            assert peak < 3 * len(data) + 4 * 1024 * 1024, f"{name}: peak {peak} bytes"
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_garbage_vrs(name: str) -> None:
    data = sample_bytes(name)
    for off in element_offsets(data)[:60]:
        for vr in (b"ZZ", b"\x00\x00", b"SQ", b"UN", b"OB", b"\xff\xff", b"UT"):
            check(patched(data, off + 4, vr), f"{name} vr@{off}={vr!r}")


@pytest.mark.parametrize("name", ["rtplan.dcm", "UN_sequence.dcm", "nested_priv_SQ.dcm",
                                  "JPEG2000.dcm", "SC_rgb_rle_2frame.dcm", "rtstruct.dcm"])
def test_bad_item_tags_and_delimiters(name: str) -> None:
    data = sample_bytes(name)
    offsets = item_tag_offsets(data)
    assert offsets
    for off in offsets:
        for bad in (b"\x08\x00\x16\x00", b"\xfe\xff\xdd\xe0", b"\xfe\xff\x0d\xe0",
                    b"\xfe\xff\x00\xe0", b"\x00\x00\x00\x00"):
            check(patched(data, off, bad), f"{name} item@{off}={bad!r}")
        check(patched(data, off + 4, b"\xf0\xff\xff\xff"), f"{name} item length@{off}")
        check(patched(data, off + 4, b"\xff\xff\xff\xff"), f"{name} item undefined@{off}")


def _deflated_parts() -> tuple[bytes, bytes]:
    data = sample_bytes("image_dfl.dcm")
    ds = dicomkit.read(data)
    assert ds.read_transfer_syntax == "1.2.840.10008.1.2.1.99"
    # the file meta ends where its group length says (PS3.10 7.1)
    group_length = struct.unpack_from("<L", data, 132 + 8)[0]
    start = 132 + 12 + group_length
    return data[:start], data[start:]


def test_corrupted_deflate_stream() -> None:
    head, stream = _deflated_parts()
    results = [check(head + stream[:n], f"deflate cut {n}")
               for n in range(0, len(stream), max(1, len(stream) // 60))]
    assert results
    for pos in range(0, len(stream), max(1, len(stream) // 60)):
        for byte in (0x00, 0xFF, stream[pos] ^ 0x55):
            check(head + patched(stream, pos, bytes([byte])), f"deflate flip {pos}")
    strict, lenient = check(head + b"\xff" * 64, "deflate garbage")
    assert isinstance(strict, InvalidDicomError) and isinstance(lenient, InvalidDicomError)


def test_a_deflate_stream_that_inflates_to_a_wrong_data_set_is_reported() -> None:
    head, _ = _deflated_parts()
    junk = zlib.compressobj(wbits=-15)
    stream = junk.compress(b"\x08\x00\x16\x00UI\xff\xff" + b"x" * 1000) + junk.flush()
    check(head + stream, "deflated junk")


def _nested(depth: int, undefined: bool) -> bytes:
    """A bare implicit VR data set of ``depth`` nested sequences, innermost holding a name."""
    leaf = struct.pack("<HHL", 0x0010, 0x0010, 4) + b"AB^C"
    if undefined:
        head = (struct.pack("<HHL", 0x0008, 0x1115, 0xFFFFFFFF)
                + struct.pack("<HHL", 0xFFFE, 0xE000, 0xFFFFFFFF)) * depth
        tail = (struct.pack("<HHL", 0xFFFE, 0xE00D, 0)
                + struct.pack("<HHL", 0xFFFE, 0xE0DD, 0)) * depth
        return head + leaf + tail
    body = leaf
    for _ in range(depth):
        item = struct.pack("<HHL", 0xFFFE, 0xE000, len(body)) + body
        body = struct.pack("<HHL", 0x0008, 0x1115, len(item)) + item
    return body


@pytest.mark.parametrize("undefined", [True, False])
def test_ten_thousand_nested_sequences_are_refused_quickly(undefined: bool) -> None:
    data = _nested(10_000, undefined)
    strict, lenient = check(data, "deep nesting")
    assert isinstance(strict, InvalidDicomError) and isinstance(lenient, InvalidDicomError)
    assert "nested deeper" in str(strict)
    shallow = check(_nested(20, undefined), "shallow nesting")[1]
    assert isinstance(shallow, Dataset)
    seq = shallow[0x00081115].value
    for _ in range(19):
        seq = seq[0][0x00081115].value
    assert seq[0].PatientName == "AB^C"


_DAMAGE = settings(max_examples=150, deadline=2000,
                   suppress_health_check=[HealthCheck.too_slow])
_FILES = st.sampled_from(sorted(SAMPLES))


@_DAMAGE
@given(name=_FILES, fraction=st.floats(0, 1, exclude_max=True))
def test_random_truncations(name: str, fraction: float) -> None:
    data = sample_bytes(name)
    check(data[:int(len(data) * fraction)], f"{name} random cut")


@_DAMAGE
@given(name=_FILES, flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True),
                                             st.integers(0, 255)), min_size=1, max_size=8),
       head_only=st.booleans())
def test_random_byte_flips(name: str, flips: list[tuple[float, int]], head_only: bool) -> None:
    data = bytearray(sample_bytes(name))
    span = min(len(data), 2048) if head_only else len(data)  # headers live near the start
    for where, byte in flips:
        data[int(span * where)] = byte
    check(bytes(data), f"{name} random flips")


def test_the_contract_check_catches_other_exceptions(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Dataset:
        raise IndexError("boom")

    monkeypatch.setattr(dicomkit, "read", broken)
    with pytest.raises(AssertionError, match="IndexError"):
        check(b"", "broken reader")
