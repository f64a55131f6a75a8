"""Reader behaviours of issue #3 pinned on hand-made encodings (PS3.5 7, PS3.10 7).

Each data set here is built byte by byte, so that the test says exactly what is in the file: the
recoveries of lenient mode (a data set encoded in the other VR form than its transfer syntax
says, an element without a valid VR), the context a strict error carries (source, offset, tag
path through sequence items), UN of undefined length in a big endian file (PS3.5 6.2.2), and the
forms of ``specific_tags``, ``defer_size`` and streams that ``read`` takes.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
from pathlib import Path

import pytest

import dicomkit
from dicomkit import InvalidDicomError, Tag

IMPLICIT_LE = "1.2.840.10008.1.2"
EXPLICIT_LE = "1.2.840.10008.1.2.1"
EXPLICIT_BE = "1.2.840.10008.1.2.2"


def explicit(group: int, elem: int, vr: bytes, value: bytes, *, little: bool = True) -> bytes:
    """One explicit VR element with a 2-byte length (short VRs)."""
    return struct.pack("<HH2sH" if little else ">HH2sH", group, elem, vr, len(value)) + value


def implicit(group: int, elem: int, value: bytes) -> bytes:
    return struct.pack("<HHL", group, elem, len(value)) + value


def part10(syntax: str, body: bytes) -> bytes:
    """Preamble, DICM and a minimal file meta (explicit VR LE, PS3.10 7.1) saying ``syntax``."""
    ts = syntax.encode("ascii")
    if len(ts) & 1:
        ts += b"\x00"
    meta = explicit(0x0002, 0x0010, b"UI", ts)
    head = struct.pack("<HH2sHL", 0x0002, 0x0000, b"UL", 4, len(meta))
    return b"\x00" * 128 + b"DICM" + head + meta + body


MODALITY_CT = (0x0008, 0x0060, b"CS", b"CT")
PATIENT = (0x0010, 0x0010, b"PN", b"Doe^Jane")


def test_an_explicit_data_set_labelled_implicit_is_read_as_explicit_with_a_warning() -> None:
    body = explicit(*MODALITY_CT) + explicit(*PATIENT)
    data = part10(IMPLICIT_LE, body)
    ds = dicomkit.read(data)
    assert ds.PatientName == "Doe^Jane" and ds["PatientName"].vr == "PN"
    assert [w.message for w in ds.warnings] == [
        f"the data set is encoded explicit VR although the file meta says {IMPLICIT_LE}; "
        "read as explicit"]
    with pytest.raises(InvalidDicomError) as info:
        dicomkit.read(data, strict=True)
    assert info.value.offset == data.index(body)


def test_an_implicit_data_set_labelled_explicit_is_read_as_implicit_with_a_warning() -> None:
    body = implicit(0x0008, 0x0060, b"CT") + implicit(0x0010, 0x0010, b"Doe^Jane")
    data = part10(EXPLICIT_LE, body)
    ds = dicomkit.read(data)
    assert ds.Modality == "CT" and ds.PatientName == "Doe^Jane"
    assert ds["PatientName"].vr == "PN"  # from the dictionary, as implicit VR reads it
    assert len(ds.warnings) == 1 and "read as implicit" in ds.warnings[0].message
    with pytest.raises(InvalidDicomError, match="read as implicit"):
        dicomkit.read(data, strict=True)


def test_one_element_without_a_valid_vr_in_an_explicit_data_set_is_read_as_implicit() -> None:
    # (0010,0020) written with an implicit header inside an explicit VR data set
    body = explicit(*MODALITY_CT) + explicit(*PATIENT) + implicit(0x0010, 0x0020, b"ID42")
    data = part10(EXPLICIT_LE, body)
    ds = dicomkit.read(data)
    assert ds.PatientID == "ID42" and ds["PatientID"].vr == "LO"
    (warning,) = ds.warnings
    assert warning.tag_path == "(0010,0020)" and warning.offset == len(data) - 12
    assert "no valid VR" in warning.message
    with pytest.raises(InvalidDicomError) as info:
        dicomkit.read(data, strict=True)
    assert (info.value.offset, info.value.tag_path) == (len(data) - 12, "(0010,0020)")


def _nested_damage() -> tuple[bytes, int]:
    """A sequence whose second item holds an element longer than the item: the bytes and the
    offset of that element."""
    good_item = explicit(0x0008, 0x1150, b"UI", b"1.2.3\x00")
    bad_inner = struct.pack("<HH2sH", 0x0008, 0x1155, b"UI", 40) + b"1.2.3.4\x00"
    items = b"".join(struct.pack("<HHL", 0xFFFE, 0xE000, len(i)) + i
                     for i in (good_item, bad_inner))
    seq = struct.pack("<HH2sHL", 0x0008, 0x1140, b"SQ", 0, len(items)) + items
    body = explicit(*MODALITY_CT) + seq + explicit(*PATIENT)
    data = part10(EXPLICIT_LE, body)
    return data, data.index(bad_inner)


def test_strict_errors_carry_the_file_the_byte_offset_and_the_tag_path(tmp_path: Path) -> None:
    data, offset = _nested_damage()
    path = tmp_path / "damaged.dcm"
    path.write_bytes(data)
    with pytest.raises(InvalidDicomError) as info:
        dicomkit.read(path, strict=True)
    err = info.value
    assert (err.source, err.offset, err.tag_path) == (str(path), offset, "(0008,1140)[1].(0008,1155)")
    assert str(path) in str(err) and "(0008,1140)[1].(0008,1155)" in str(err)
    # lenient: the same place is recorded, the rest of the data set is read
    ds = dicomkit.read(path)
    assert ds.PatientName == "Doe^Jane"
    assert len(ds.ReferencedImageSequence) == 2
    assert ds.ReferencedImageSequence[1].ReferencedSOPInstanceUID == "1.2.3.4"
    assert ds.warnings[0].tag_path == "(0008,1140)[1].(0008,1155)"
    assert ds.warnings[0].offset == offset


def test_un_of_undefined_length_in_a_big_endian_file_is_read_as_implicit_little_endian() -> None:
    # PS3.5 6.2.2: the value of UN with undefined length is an implicit VR little endian
    # sequence, whatever the transfer syntax of the data set around it
    inner = implicit(0x0008, 0x1150, b"1.2.3\x00") + implicit(0x0008, 0x1155, b"1.2.3.4\x00")
    item = struct.pack("<HHL", 0xFFFE, 0xE000, 0xFFFFFFFF) + inner + \
        struct.pack("<HHL", 0xFFFE, 0xE00D, 0)
    un = struct.pack(">HH2sHL", 0x0008, 0x1140, b"UN", 0, 0xFFFFFFFF) + item + \
        struct.pack("<HHL", 0xFFFE, 0xE0DD, 0)
    body = explicit(*MODALITY_CT, little=False) + un + explicit(*PATIENT, little=False)
    ds = dicomkit.read(part10(EXPLICIT_BE, body), strict=True)
    seq = ds["ReferencedImageSequence"]
    assert seq.vr == "SQ" and seq.undefined_length
    assert [str(i.ReferencedSOPInstanceUID) for i in seq.value] == ["1.2.3.4"]
    assert ds.PatientName == "Doe^Jane" and ds.warnings == []


def test_specific_tags_takes_keywords_ints_tags_tuples_and_tag_strings() -> None:
    body = b"".join(explicit(*e) for e in (
        (0x0008, 0x0060, b"CS", b"CT"), (0x0010, 0x0010, b"PN", b"Doe^Jane"),
        (0x0010, 0x0020, b"LO", b"ID42"), (0x0010, 0x0030, b"DA", b"20000101"),
        (0x0010, 0x0040, b"CS", b"F "), (0x0020, 0x0011, b"IS", b"7 ")))
    data = part10(EXPLICIT_LE, body)
    ds = dicomkit.read(data, specific_tags=["PatientName", 0x00100020, Tag(0x00100030),
                                            (0x0010, 0x0040), "(0020,0011)"])
    assert [int(t) for t in ds] == [0x00100010, 0x00100020, 0x00100030, 0x00100040, 0x00200011]
    assert ds.SeriesNumber == 7


def test_defer_size_takes_a_byte_count_or_a_size_with_its_unit(tmp_path: Path) -> None:
    value = b"\x01\x02" * 1024  # 2 KiB of OB
    body = explicit(*MODALITY_CT) + struct.pack("<HH2sHL", 0x0011, 0x1001, b"OB", 0, len(value)) + value
    path = tmp_path / "big.dcm"
    path.write_bytes(part10(EXPLICIT_LE, body))
    for size, deferred in (("1 MB", False), ("1MB", False), ("1 KB", True), ("2 KB", False),
                           (2047, True), (2048, False), ("0.5 KB", True)):
        el = dicomkit.read(path, defer_size=size)[0x00111001]
        assert el.is_deferred is deferred, size
        assert el.value == value


def test_a_socket_stream_is_read_to_its_end() -> None:
    data = part10(EXPLICIT_LE, explicit(*MODALITY_CT) + explicit(*PATIENT))
    ours, theirs = socket.socketpair()

    def send() -> None:
        with theirs:
            for i in range(0, len(data), 7):  # small pieces, as a network delivers them
                theirs.sendall(data[i:i + 7])

    sender = threading.Thread(target=send)
    sender.start()
    try:
        with ours, ours.makefile("rb") as stream:
            assert not stream.seekable()
            ds = dicomkit.read(stream)
    finally:
        sender.join()
    assert ds.PatientName == "Doe^Jane" and ds.warnings == []
    assert ds.read_transfer_syntax == EXPLICIT_LE and ds.filename == ""


def test_a_file_opened_by_the_caller_defers_like_its_path_and_other_streams_do_not(
        tmp_path: Path) -> None:
    value = b"\x05\x06" * 2048
    data = part10(EXPLICIT_LE, explicit(*MODALITY_CT)
                  + struct.pack("<HH2sHL", 0x0011, 0x1001, b"OB", 0, len(value)) + value)
    path = tmp_path / "a.dcm"
    path.write_bytes(data)
    with path.open("rb") as fh:
        ds = dicomkit.read(fh, defer_size="1 KB")
    el = ds[0x00111001]
    assert el.is_deferred and el.value == value  # read from the file after it was closed
    assert ds.filename == str(path)
    # a compressed file's stream has a name too, but its bytes are not the file's
    packed = tmp_path / "a.dcm.gz"
    packed.write_bytes(gzip.compress(data))
    with gzip.open(packed, "rb") as gz:
        ds = dicomkit.read(gz, defer_size="1 KB")
    assert not ds[0x00111001].is_deferred and ds[0x00111001].value == value
    # a file not at its start: the bytes read are not at the file's offsets
    with path.open("rb") as fh:
        head = fh.read(128)
        ds = dicomkit.read(fh, defer_size="1 KB")
    assert head == b"\x00" * 128 and ds.Modality == "CT"
    assert not ds[0x00111001].is_deferred and ds[0x00111001].value == value


def _with_pixels(pixels: bytes, *, before: bytes = b"") -> bytes:
    """A data set whose Pixel Data (7FE0,0010) OW holds ``pixels``, with ``before`` ahead of it."""
    return part10(EXPLICIT_LE, explicit(*MODALITY_CT) + explicit(*PATIENT) + before
                  + struct.pack("<HH2sHL", 0x7FE0, 0x0010, b"OW", 0, len(pixels)) + pixels)


def test_stop_before_pixels_takes_no_more_of_a_stream_than_the_header_needs() -> None:
    data = _with_pixels(b"\x01\x02" * (4 * 1024 * 1024))  # 8 MiB of pixels
    stream = _Unseekable(data)
    ds = dicomkit.read(stream, stop_before_pixels=True)
    assert ds.PatientName == "Doe^Jane" and 0x7FE00010 not in ds and ds.warnings == []
    taken = stream.taken
    assert taken < 1024 * 1024  # one block or two, not the 8 MiB
    assert stream.read() == data[taken:]  # the rest is still in the stream


def test_stop_before_pixels_returns_while_the_peer_keeps_the_connection_open() -> None:
    data = _with_pixels(b"\x00" * 1000)
    ours, theirs = socket.socketpair()
    ours.settimeout(20)  # a regression fails with a timeout, not a hang
    try:
        theirs.sendall(data)  # and never closes
        with ours.makefile("rb") as stream:
            ds = dicomkit.read(stream, stop_before_pixels=True)
        assert ds.PatientName == "Doe^Jane" and 0x7FE00010 not in ds
    finally:
        ours.close()
        theirs.close()


def test_pixel_tag_bytes_inside_an_earlier_value_do_not_stop_a_stream_early() -> None:
    decoy = (b"\xe0\x7f\x10\x00" * 40000)  # the tag's bytes, inside a private OB value
    private = struct.pack("<HH2sHL", 0x0011, 0x1001, b"OB", 0, len(decoy)) + decoy
    creator = explicit(0x0011, 0x0010, b"LO", b"DICOMKIT")
    data = _with_pixels(b"\x00" * 64, before=creator + private)
    ds = dicomkit.read(_Unseekable(data), stop_before_pixels=True)
    assert ds[0x00111001].value == decoy and ds.warnings == []
    assert ds == dicomkit.read(data, stop_before_pixels=True)


def test_stop_before_pixels_on_a_stream_reads_every_sample_as_from_its_path() -> None:
    from tests.io.test_pydicom_samples import _sample_paths

    paths = _sample_paths()
    assert len(paths) > 50
    for path in paths.values():
        data = path.read_bytes()
        try:
            expected = dicomkit.read(path, stop_before_pixels=True)
        except InvalidDicomError:
            continue
        got = dicomkit.read(_Unseekable(data), stop_before_pixels=True)
        assert got == expected, path.name
        assert [w.message for w in got.warnings] == [w.message for w in expected.warnings], path.name


class _Unseekable:
    """A binary stream that is not a file: counts what was taken from it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.taken = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size is None or size < 0 else self.taken + size
        chunk = self._data[self.taken:end]
        self.taken += len(chunk)
        return chunk


def _un(group: int, elem: int, value: bytes, *, little: bool = True) -> bytes:
    """An explicit VR element encoded as UN (reserved bytes and a 4-byte length)."""
    return struct.pack("<HH2sHL" if little else ">HH2sHL", group, elem, b"UN", 0,
                       len(value)) + value


#: SOP Class and Instance UIDs (test values), which a Part 10 file meta is made from
_SOP = explicit(0x0008, 0x0016, b"UI", b"1.2.3\x00") + explicit(0x0008, 0x0018, b"UI", b"1.2.3.4\x00")


def test_un_of_a_known_tag_gives_the_value_of_its_dictionary_vr_and_is_written_back_as_read(
        tmp_path: Path) -> None:
    elements = _un(0x0010, 0x0010, b"Doe^Jane") + _un(0x0028, 0x0010, struct.pack("<H", 512))
    data = part10(EXPLICIT_LE, _SOP + explicit(*MODALITY_CT) + elements)
    ds = dicomkit.read(data)
    el = ds["PatientName"]
    assert el.vr == "UN" and el.raw == b"Doe^Jane"
    assert ds.PatientName.family_name == "Doe" and ds.Rows == 512  # PS3.5 6.2.2
    out = tmp_path / "un.dcm"
    dicomkit.write(out, ds)
    assert dicomkit.read(out)["PatientName"].vr == "UN"
    assert out.read_bytes().endswith(elements)  # the two UN elements, byte for byte


def test_un_in_a_big_endian_file_is_read_as_implicit_little_endian() -> None:
    body = explicit(0x0008, 0x0060, b"CS", b"CT", little=False) \
        + _un(0x0028, 0x0010, struct.pack("<H", 512), little=False)
    assert dicomkit.read(part10(EXPLICIT_BE, body)).Rows == 512


def test_a_changed_un_value_is_encoded_with_its_dictionary_vr_and_kept_un(tmp_path: Path) -> None:
    ds = dicomkit.read(part10(EXPLICIT_LE, _SOP + explicit(*MODALITY_CT)
                              + _un(0x0010, 0x0010, b"Doe^Jane")))
    ds.PatientName = "Roe^John"
    assert ds.PatientName.family_name == "Roe"  # typed as PN, though the element is UN
    out = tmp_path / "changed.dcm"
    dicomkit.write(out, ds)
    back = dicomkit.read(out)
    assert back["PatientName"].vr == "UN" and back["PatientName"].raw == b"Roe^John"
    assert back.PatientName == "Roe^John"
    from dicomkit.web.json_model import to_json_dict

    # the JSON model sends a UN element whose VR is known in that VR (PS3.5 6.2.2), as
    # pydicom does, so that a DICOMweb client reads a name, not bytes
    assert to_json_dict(ds)["00100010"] == {"vr": "PN", "Value": [{"Alphabetic": "Roe^John"}]}


def test_un_stays_bytes_for_private_ambiguous_and_undecodable_values() -> None:
    creator = explicit(0x0011, 0x0010, b"LO", b"DICOMKIT")
    body = (explicit(*MODALITY_CT) + creator + _un(0x0011, 0x1001, b"ab")
            + _un(0x0028, 0x0010, b"\x01\x02\x03\x04\x05\x06")  # 3 values for Rows: read as given
            + _un(0x0028, 0x0011, b"\x01\x02\x03\x00")  # Columns (US): two values
            + _un(0x0028, 0x0100, b"\x01\x02\x03")  # Bits Allocated (US) of 3 bytes: not decodable
            + _un(0x0028, 0x0106, b"\x01\x00"))  # Smallest Image Pixel Value: US or SS
    ds = dicomkit.read(part10(EXPLICIT_LE, body))
    assert [w.message for w in ds.warnings if "order" in w.message] == []
    assert ds[0x00111001].value == b"ab"
    assert ds[0x00280106].value == b"\x01\x00"
    assert ds[0x00280010].value == [0x0201, 0x0403, 0x0605]
    assert ds[0x00280011].value == [0x0201, 0x0003]
    assert ds[0x00280100].value == b"\x01\x02\x03"


def test_strict_stop_before_pixels_on_a_stream_raises_at_a_problem_before_the_pixels() -> None:
    odd = explicit(0x0010, 0x0020, b"LO", b"ID1")  # odd value length (PS3.5 7.1.1)
    data = _with_pixels(b"\x00" * 64, before=odd)
    lenient = dicomkit.read(_Unseekable(data), stop_before_pixels=True)
    assert [w.message for w in lenient.warnings] == ["odd value length 3"]
    with pytest.raises(InvalidDicomError, match="odd value length 3"):
        dicomkit.read(_Unseekable(data), stop_before_pixels=True, strict=True)
    clean = dicomkit.read(_Unseekable(_with_pixels(b"\x00" * 64)), stop_before_pixels=True,
                          strict=True)
    assert clean.PatientName == "Doe^Jane"


def test_a_text_stream_is_refused_when_read_up_to_the_pixels() -> None:
    import io

    with pytest.raises(InvalidDicomError, match="binary mode"):
        dicomkit.read(io.StringIO("DICM"), stop_before_pixels=True)
