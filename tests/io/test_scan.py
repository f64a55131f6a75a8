"""The element-header scanner (runtime/io/scan.py): a data set fed in pieces of any size is
whole exactly when it ends at a top-level element boundary (PS3.5 7.1, 7.5), and the captured
values are the elements' value bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.generated import tags, uids
from dicomkit.io.scan import ScanError, scanner_for
from tests.samples import sample

SYNTAXES = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian, uids.ExplicitVRBigEndian)
#: samples with sequences (defined and undefined length), private elements, pixel data
FILES = ("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "rtdose.dcm", "JPEG2000.dcm",
         "reportsi.dcm", "nested_priv_SQ.dcm", "SC_rgb_rle.dcm")
CAPTURE = (tags.SOPInstanceUID, tags.PatientID, tags.SeriesInstanceUID)


def encoded(name: str, syntax: str | None) -> tuple[bytes, list[int], str, dict[int, bytes]]:
    """The data set bytes of sample ``name`` in ``syntax`` (None: as stored), the offsets at
    which its top-level elements start (and its end), the syntax, and the captured values."""
    ds = dicomkit.read(sample(name))
    out = io.BytesIO()
    if syntax is None:
        dicomkit.write(out, ds)
    else:
        dicomkit.write(out, ds, transfer_syntax=syntax)
    back = dicomkit.read(io.BytesIO(out.getvalue()))
    data = out.getvalue()[back.data_offset:]
    bounds = [e.offset - back.data_offset for e in back.elements()] + [len(data)]
    ts = str(back.file_meta.TransferSyntaxUID)
    values = {}
    for tag in CAPTURE:
        elem = back.get(tag)
        if elem is not None and elem.raw is not None:
            values[tag] = bytes(elem.raw)
    return data, bounds, ts, values


CASES = [(name, syntax) for name in FILES for syntax in SYNTAXES
         if name not in ("JPEG2000.dcm", "SC_rgb_rle.dcm")] + [("JPEG2000.dcm", None), ("SC_rgb_rle.dcm", None)]


def scan(data: bytes, ts: str, cuts: list[int]) -> dict[int, tuple[str, bytes]]:
    scanner = scanner_for(ts, capture=CAPTURE)
    prev = 0
    for cut in [*sorted(cuts), len(data)]:
        scanner.feed(data[prev:cut])
        prev = cut
    scanner.finish()
    return scanner.captured


@pytest.mark.parametrize(("name", "syntax"), CASES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_whole_data_set_fed_in_any_pieces_is_whole_and_captures_its_values(
        name: str, syntax: str | None, data: st.DataObject) -> None:
    raw, _bounds, ts, values = encoded(name, syntax)
    cuts = data.draw(st.lists(st.integers(0, len(raw)), max_size=30))
    captured = scan(raw, ts, cuts)
    assert {tag: value for tag, (_vr, value) in captured.items()} == values


@pytest.mark.parametrize(("name", "syntax"), CASES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_data_set_cut_anywhere_but_a_top_level_boundary_is_refused(
        name: str, syntax: str | None, data: st.DataObject) -> None:
    raw, bounds, ts, _values = encoded(name, syntax)
    end = data.draw(st.integers(0, len(raw) - 1))
    cuts = data.draw(st.lists(st.integers(0, end), max_size=10))
    if end in bounds:
        scan(raw[:end], ts, cuts)  # a shorter data set, whole in itself
    else:
        with pytest.raises(ScanError):
            scan(raw[:end], ts, cuts)


def test_every_cut_of_a_small_data_set_with_sequences_is_decided_right() -> None:
    raw, bounds, ts, _values = encoded("rtplan.dcm", uids.ExplicitVRLittleEndian)
    for end in range(0, min(len(raw), 3000)):
        if end in bounds:
            scan(raw[:end], ts, [end // 2])
        else:
            with pytest.raises(ScanError):
                scan(raw[:end], ts, [end // 3, end // 2])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(SYNTAXES))
def test_random_bytes_give_only_scan_errors(blob: bytes, syntax: str) -> None:
    try:
        scan(blob, syntax, [len(blob) // 2])
    except ScanError:
        pass


def test_a_damaged_structure_names_the_offset(tmp_path: Path) -> None:
    raw, bounds, ts, _values = encoded("CT_small.dcm", uids.ExplicitVRLittleEndian)
    with pytest.raises(ScanError) as info:
        scan(raw[:bounds[5] + 3], ts, [])
    assert info.value.offset == bounds[5] + 3


@pytest.mark.parametrize(("name", "syntax"), [("rtplan.dcm", uids.ExplicitVRLittleEndian),
                                              ("rtplan.dcm", uids.ImplicitVRLittleEndian),
                                              ("JPEG2000.dcm", None)])
def test_the_reader_gives_every_top_level_element_the_offset_of_its_header(
        name: str, syntax: str | None) -> None:
    # (the reader's undefined-length sequences and encapsulated pixel data were 4 bytes off)
    raw, bounds, _ts, _values = encoded(name, syntax)
    ds = dicomkit.read(sample(name))
    for offset, elem in zip(bounds, ds.elements()):
        group, element = int.from_bytes(raw[offset:offset + 2], "little"), \
            int.from_bytes(raw[offset + 2:offset + 4], "little")
        assert group << 16 | element == elem.tag, (elem.tag_str, offset)
