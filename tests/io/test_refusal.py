"""What is not DICOM is refused (PS3.10 7.1, PS3.5 7), unless ``force=True``; what is DICOM reads.

Each kind of foreign input is made here as real bytes: text, an empty file, a PNG, zeros, a cut
preamble, ``/etc/passwd``-like text, random bytes.  Each must raise
:class:`~dicomkit.errors.NotDicomError` at offset 0 naming its source and saying what to do, in
strict and lenient mode, from a path, bytes and a stream; ``force=True`` reads each as a data set
(or raises the library's own error, nothing else).  Every bundled pydicom DICOM sample reads
without ``force`` exactly as with it, and pydicom's bundled files that are not DICOM (text,
JSON, gzip, an ICC profile) are refused.  Bare data sets, a file meta without preamble, damaged
or zeroed preambles and stray bytes before a data set read, with a warning where it is damage.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.errors import InvalidDicomError, NotDicomError
from tests.samples import sample, samples


def _png() -> bytes:
    """A 2x2 grey PNG (PNG specification: signature, IHDR, IDAT, IEND)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">L", len(body)) + kind + body + \
            struct.pack(">L", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes([0x80, 0x80]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">LLBBBBB", 2, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


_PASSWD = "".join(f"user{i}:x:{1000 + i}:{1000 + i}:User {i}:/home/user{i}:/bin/bash\n"
                  for i in range(30)).encode()

#: foreign inputs, each made from real bytes of its kind
FOREIGN: dict[str, bytes] = {
    "text": b"Hello, this is a plain text file.\nIt has two lines.\n",
    "empty": b"",
    "png": _png(),
    "zeros": bytes(4096),
    "cut preamble": b"",  # filled in by the fixture: the first 100 bytes of a Part 10 file
    "passwd": b"root:x:0:0:root:/root:/bin/bash\n" + _PASSWD,
    "random": random.Random(20240611).randbytes(8192),
    "gzip": b"",  # filled in below: a gzip file of a DICOM file is not a DICOM file
    "json": b'{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "A^B"}]}}\n',
}


@pytest.fixture(scope="module")
def foreign() -> dict[str, bytes]:
    out = dict(FOREIGN)
    ct = sample("CT_small.dcm").read_bytes()
    out["cut preamble"] = ct[:100]
    import gzip

    out["gzip"] = gzip.compress(ct)
    return out


_KINDS = sorted(FOREIGN)


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize("strict", [False, True])
def test_foreign_input_is_refused_with_its_source_offset_0_and_what_to_do(
        kind: str, strict: bool, foreign: dict[str, bytes], tmp_path: Path) -> None:
    data = foreign[kind]
    path = tmp_path / f"{kind.replace(' ', '_')}.bin"
    path.write_bytes(data)
    for source, name in ((path, str(path)), (str(path), str(path)), (data, "<bytes>")):
        with pytest.raises(NotDicomError) as info:
            dicomkit.read(source, strict=strict)
        err = info.value
        assert isinstance(err, InvalidDicomError)
        assert err.source == name and err.offset == 0
        assert "not DICOM" in str(err) and "force=True" in str(err)
        assert err.why and err.why in str(err)
    with open(path, "rb") as fh, pytest.raises(NotDicomError):
        dicomkit.read(fh, strict=strict)
    # a stream read up to the pixels is refused too (also when tag bytes of pixel data occur)
    with pytest.raises(NotDicomError):
        dicomkit.read(io.BytesIO(data + b"\xe0\x7f\x10\x00" + data), stop_before_pixels=True)


@pytest.mark.parametrize("kind", _KINDS)
def test_force_reads_foreign_input_as_a_data_set_and_says_so(
        kind: str, foreign: dict[str, bytes]) -> None:
    data = foreign[kind]
    ds = dicomkit.read(data, force=True)
    assert isinstance(ds, Dataset)
    assert any("not DICOM" in w.message and "force=True" in w.message for w in ds.warnings)
    if not data:
        assert len(ds) == 0
    for el in ds.elements():
        assert el.tag >> 16 != 0xFFFE
    # strict and force: the first problem (not DICOM) raises, as the library's own error
    with pytest.raises(InvalidDicomError):
        dicomkit.read(data, force=True, strict=True)


def test_the_empty_file_is_refused_even_strictly(tmp_path: Path) -> None:
    path = tmp_path / "empty.dcm"
    path.write_bytes(b"")
    for strict in (False, True):
        with pytest.raises(NotDicomError, match="empty"):
            dicomkit.read(path, strict=strict)


def test_many_random_inputs_are_refused() -> None:
    rng = random.Random(7)
    refused = 0
    total = 300
    for _ in range(total):
        data = rng.randbytes(rng.randrange(1, 3000))
        try:
            dicomkit.read(data)
        except NotDicomError:
            refused += 1
        except InvalidDicomError:  # pragma: no cover - taken for a data set, then failed
            pass
    # a random start is taken for a data set only when a known group meets a valid VR or a
    # fitting length (about 1 in 10^4 per offset)
    assert refused >= total - 2


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600), force=st.booleans(), strict=st.booleans())
def test_random_bytes_give_a_data_set_or_the_librarys_own_error(data: bytes, force: bool,
                                                               strict: bool) -> None:
    try:
        ds = dicomkit.read(data, force=force, strict=strict)
    except InvalidDicomError:
        return
    for el in ds.elements():
        assert el.tag >> 16 != 0xFFFE


def _is_dicom_by_name(path: Path) -> bool:
    """pydicom's bundled files that are not DICOM are named by what they are."""
    return path.suffix not in {".txt", ".json", ".gz", ".dump", ".icc"} and path.name != "README"


def _bundled() -> list[Path]:
    return samples(recursive=True) + samples(folder="charset_files", recursive=True)


def _shape(ds: Dataset) -> list[object]:
    out: list[object] = []
    for el in ds.elements():
        if el.vr == "SQ":
            out.append((el.tag, [_shape(item) for item in el.value]))
        else:
            out.append((el.tag, el.vr, el.raw, el.undefined_length))
    return out


def test_every_bundled_dicom_sample_reads_without_force_as_with_it() -> None:
    checked = refused = 0
    for path in _bundled():
        if not _is_dicom_by_name(path):
            with pytest.raises(NotDicomError):
                dicomkit.read(path)
            refused += 1
            continue
        ds = dicomkit.read(path)
        forced = dicomkit.read(path, force=True)
        assert _shape(ds) == _shape(forced), path
        assert [str(w) for w in ds.warnings] == [str(w) for w in forced.warnings], path
        assert (ds.file_meta is None) == (forced.file_meta is None)
        checked += 1
    assert checked > 150 and refused >= 10


def test_bare_data_sets_and_files_without_preamble_read() -> None:
    for name in ("ExplVR_LitEndNoMeta.dcm", "ExplVR_BigEndNoMeta.dcm", "rtstruct.dcm"):
        ds = dicomkit.read(sample(name))
        assert ds.preamble is None and len(ds) > 5
        assert not ds.warnings, name


def test_stray_bytes_before_a_data_set_are_tolerated_with_a_warning() -> None:
    bare = sample("ExplVR_LitEndNoMeta.dcm").read_bytes()
    assert not dicomkit.read(bare).warnings
    ds = dicomkit.read(b"\x20" + bare)
    assert "1 stray byte(s)" in ds.warnings[0].message
    with pytest.raises(InvalidDicomError, match="stray byte"):
        dicomkit.read(b"\x20" + bare, strict=True)
    # no_meta.dcm (pydicom's) is such a file: read as before, from offset 0
    no_meta = dicomkit.read(sample("no_meta.dcm"))
    assert "stray byte" in no_meta.warnings[0].message
    # more stray bytes than an element header: no data set begins there
    with pytest.raises(NotDicomError):
        dicomkit.read(b"\x20" * 9 + bare)


def test_a_file_meta_without_preamble_reads_as_the_part10_file() -> None:
    data = sample("CT_small.dcm").read_bytes()
    whole = dicomkit.read(data)
    meta_first = dicomkit.read(data[132:])
    assert meta_first.file_meta is not None and meta_first.preamble is None
    assert _shape(meta_first.file_meta) == _shape(whole.file_meta)  # type: ignore[arg-type]
    assert _shape(meta_first) == _shape(whole)


def test_zeroed_and_damaged_preambles() -> None:
    data = sample("CT_small.dcm").read_bytes()
    whole = dicomkit.read(data)
    zeroed = dicomkit.read(bytes(128) + data[128:])
    assert _shape(zeroed) == _shape(whole) and not zeroed.warnings
    # a damaged 'DICM' with file meta after it: Part 10 still, with a warning
    damaged = data[:128] + b"DICN" + data[132:]
    ds = dicomkit.read(damaged)
    assert _shape(ds) == _shape(whole) and ds.file_meta is not None
    assert any("'DICM' prefix" in w.message for w in ds.warnings)
    with pytest.raises(InvalidDicomError, match="DICM"):
        dicomkit.read(damaged, strict=True)
    # a preamble cut short before 'DICM' is not DICOM
    with pytest.raises(NotDicomError):
        dicomkit.read(data[:128])


def test_a_stream_read_up_to_the_pixels_in_small_pieces_reads_like_the_file() -> None:
    data = sample("MR_small.dcm").read_bytes()

    class Trickle(io.RawIOBase):
        """A peer that sends 8 bytes per read."""

        def __init__(self) -> None:
            self.pos = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            n = min(8, len(b), len(data) - self.pos)
            b[:n] = data[self.pos:self.pos + n]
            self.pos += n
            return n

    ds = dicomkit.read(Trickle(), stop_before_pixels=True)
    assert _shape(ds) == _shape(dicomkit.read(data, stop_before_pixels=True))
