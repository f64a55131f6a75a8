"""Lazy sequences: ``read`` keeps the items of clean sequences encoded and parses them on first
use (``lazy_sequences=0``, the default); everything that touches values sees what an eager
read (``lazy_sequences=False``) gives.

Pinned here: equality of lazy and eager reads of every pydicom sample (values, VRs, offsets,
item lengths, warnings, JSON, dump, validation, de-identification, encodings in other transfer
syntaxes); nested sequences of defined and undefined lengths in every native encoding (explicit
and implicit VR, big endian); an untouched sequence is written back by copying its bytes, and
those bytes are what encoding its parsed items gives (PS3.5 7.5); damage is found while reading
(structure, depth, tag order, odd lengths: the damaged sequence is parsed at once) or, for a
private sequence of implicit VR whose VR only its creator's dictionary gives, when its parent is
parsed, with the same error class, offset and tag path as an eager read; a property test of
random nested sequences; mutated bytes give only dicomkit's errors, on read and on access, and
the same outcome as an eager read.
"""

from __future__ import annotations

import copy
import pickle
import random
import struct
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit import DicomError, InvalidDicomError
from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.json import to_json_dict
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.io.writer import encode_dataset, encode_file
from tests.samples import samples

EXPLICIT_LE = "1.2.840.10008.1.2.1"
IMPLICIT_LE = "1.2.840.10008.1.2"
EXPLICIT_BE = "1.2.840.10008.1.2.2"
NATIVE = (EXPLICIT_LE, IMPLICIT_LE, EXPLICIT_BE)


def _read(data: bytes | str, **kw: Any) -> Dataset:
    """A read keeping every clean sequence encoded, however short (``lazy_sequences=0``)."""
    return dicomkit.read(data, lazy_sequences=0, **kw)


def _read_both(data: bytes | str, **kw: Any) -> tuple[Dataset, Dataset]:
    return (dicomkit.read(data, lazy_sequences=0, **kw),
            dicomkit.read(data, lazy_sequences=False, **kw))


def _lazy_elements(ds: Dataset) -> list[DataElement]:
    return [el for el in ds.elements() if el.vr == "SQ" and not el.is_parsed]


def _same(a: Dataset, b: Dataset, path: str = "") -> None:
    """Element by element: tag, VR, lengths, offsets, values; items recursively."""
    assert list(a) == list(b), path
    for ea, eb in zip(a.elements(), b.elements(), strict=True):
        where = f"{path}{ea.tag_str}"
        assert (ea.tag, ea.vr, ea.undefined_length, ea.offset, ea.length, ea.is_raw) == \
            (eb.tag, eb.vr, eb.undefined_length, eb.offset, eb.length, eb.is_raw), where
        if ea.vr == "SQ":
            va, vb = ea.value, eb.value
            assert isinstance(va, Sequence) and isinstance(vb, Sequence), where
            assert len(va) == len(vb), where
            assert va.item_undefined_length == vb.item_undefined_length, where
            for i, (ia, ib) in enumerate(zip(va, vb, strict=True)):
                _same(ia, ib, f"{where}[{i}].")
        else:
            try:
                va = ea.value
            except DicomError as exc:
                with pytest.raises(type(exc)):
                    eb.value  # noqa: B018 - the access is the test
                continue
            assert va == eb.value, where


def _sample_names() -> list[str]:
    return sorted(p.name for p in samples("*.dcm"))


@pytest.mark.parametrize("name", _sample_names())
def test_lazy_and_eager_reads_of_every_pydicom_sample_are_equal(name: str) -> None:
    path = str(next(p for p in samples("*.dcm") if p.name == name))
    try:
        eager = dicomkit.read(path, lazy_sequences=False)
    except DicomError as exc:
        with pytest.raises(type(exc)) as got:
            dicomkit.read(path, lazy_sequences=0)
        assert str(got.value) == str(exc)
        return
    lazy = dicomkit.read(path, lazy_sequences=0)
    # while reading: the same recoveries, nothing else (damaged sequences are parsed at once)
    assert [str(w) for w in lazy.warnings] == [str(w) for w in eager.warnings]
    # written before anything is touched: the same bytes as the eager data set's (copied
    # sequences are their own encoding), in the syntax read and in the others
    ts = lazy.read_transfer_syntax
    targets = [t for t in NATIVE if t != ts] + ([ts] if ts in NATIVE else [])
    for target in targets:
        if lazy.get(tags.PixelData) is not None and lazy[tags.PixelData].undefined_length:
            break  # compressed pixel data is written in its own syntax only
        fresh = _read(path)
        try:
            want = encode_dataset(eager, target)
        except DicomError as exc:
            with pytest.raises(type(exc)):
                encode_dataset(fresh, target)
            continue
        assert encode_dataset(fresh, target) == want, target
    try:
        want_file = encode_file(eager)
    except DicomError as exc:
        with pytest.raises(type(exc)):
            encode_file(_read(path))
    else:
        assert encode_file(_read(path)) == want_file
    # values, JSON, dump
    assert to_json_dict(_read(path)) == to_json_dict(eager)
    from dicomkit.cli.dump import dump_text

    assert dump_text(_read(path)) == dump_text(eager)
    assert lazy == eager
    _same(lazy, eager)
    assert [str(w) for w in lazy.warnings] == [str(w) for w in eager.warnings]


@pytest.mark.parametrize("name", ["rtplan.dcm", "rtstruct.dcm", "nested_priv_SQ.dcm",
                                  "UN_sequence.dcm", "CT_small.dcm", "MR_small_bigendian.dcm"])
def test_validation_and_deidentification_see_the_same_data_set(name: str) -> None:
    from dicomkit.deid.engine import deidentify
    from dicomkit.validate import validate

    path = str(next(p for p in samples(name)))
    lazy, eager = _read_both(path)
    assert [str(f) for f in validate(lazy).findings] == \
        [str(f) for f in validate(eager).findings]
    lazy, eager = _read_both(path)
    out_lazy, _ = deidentify(lazy, secret=b"k")
    out_eager, _ = deidentify(eager, secret=b"k")
    assert encode_dataset(out_lazy, EXPLICIT_LE) == encode_dataset(out_eager, EXPLICIT_LE)


def test_sequences_of_a_sample_stay_encoded_until_used() -> None:
    path = str(next(p for p in samples("rtplan.dcm")))
    ds = _read(path)
    lazy = _lazy_elements(ds)
    assert len(lazy) >= 5  # rtplan.dcm: implicit VR, nested sequences of defined length
    assert all(not el.is_parsed for el in lazy)
    beams = ds[tags.BeamSequence]
    assert not beams.is_parsed
    assert len(beams.value) == 1 and beams.is_parsed
    assert all(not el.is_parsed for el in _lazy_elements(beams.value[0]))
    assert dicomkit.read(path, lazy_sequences=False)[tags.BeamSequence].is_parsed


def test_by_default_only_long_sequences_and_undefined_lengths_stay_encoded() -> None:
    from dicomkit.io.reader import LAZY_SEQUENCE_BYTES

    big = _nested_dataset()
    frames = big[tags.PerFrameFunctionalGroupsSequence].value
    frames.extend(copy.deepcopy(frames[0]) for _ in range(40))
    data = _file(big, EXPLICIT_LE, False)
    ds = dicomkit.read(data)
    long_seq = ds[tags.PerFrameFunctionalGroupsSequence]
    assert len(encode_dataset(ds)) > LAZY_SEQUENCE_BYTES and not long_seq.is_parsed
    assert ds[tags.ReferencedImageSequence].is_parsed  # empty: parsed while reading
    assert {el.tag for el in _lazy_elements(dicomkit.read(data, lazy_sequences=10 ** 9))} == \
        set()
    undefined = dicomkit.read(_file(_nested_dataset(), EXPLICIT_LE, True))
    assert not undefined[tags.PerFrameFunctionalGroupsSequence].is_parsed
    # the short sequences inside a long one are parsed with it
    assert all(el.is_parsed for el in long_seq.value[0].elements())
    _same(ds, dicomkit.read(data, lazy_sequences=False))


# -- built data sets: nested, undefined lengths, every native encoding -------------------------

def _code(value: str) -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = "DCM"
    item.CodeMeaning = f"meaning {value}"
    return item


def _nested_dataset() -> Dataset:
    ds = Dataset()
    ds.PatientName = "Lazy^Seq"
    ds.PatientID = "L1"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.SOPInstanceUID = "1.2.3.4"
    ref = Dataset()
    ref.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ref.ReferencedSOPInstanceUID = "1.2.3.5"
    ref.add_new(tags.PurposeOfReferenceCodeSequence, "SQ", [_code("121322"), _code("121311")])
    deriv = Dataset()
    deriv.add_new(tags.DerivationCodeSequence, "SQ", [_code("113076")])
    deriv.add_new(tags.SourceImageSequence, "SQ", [ref])
    frames = []
    for i in range(3):
        fg = Dataset()
        fg.add_new(tags.DerivationImageSequence, "SQ", [copy.deepcopy(deriv)])
        pos = Dataset()
        pos.ImagePositionPatient = [0.0, 0.0, 1.5 * i]
        fg.add_new(tags.PlanePositionSequence, "SQ", [pos])
        seg = Dataset()
        seg.ReferencedSegmentNumber = i + 1
        fg.add_new(tags.SegmentIdentificationSequence, "SQ", [seg])
        frames.append(fg)
    ds.add_new(tags.PerFrameFunctionalGroupsSequence, "SQ", frames)
    ds.add_new(tags.ReferencedImageSequence, "SQ", [])  # an empty sequence
    return ds


def _file(ds: Dataset, ts: str, undefined: bool | None) -> bytes:
    ds = copy.deepcopy(ds)
    meta = Dataset()
    meta.add_new(tags.MediaStorageSOPClassUID, "UI", str(ds.SOPClassUID))
    meta.add_new(tags.MediaStorageSOPInstanceUID, "UI", str(ds.SOPInstanceUID))
    ds.file_meta = meta
    return encode_file(ds, ts, undefined_length_sequences=undefined)


@pytest.mark.parametrize("ts", NATIVE)
@pytest.mark.parametrize("undefined", [False, True])
def test_nested_sequences_in_every_native_encoding(ts: str, undefined: bool) -> None:
    data = _file(_nested_dataset(), ts, undefined)
    lazy, eager = _read_both(data)
    assert not lazy.warnings and not eager.warnings
    # kept encoded, undefined lengths too
    assert {el.tag for el in _lazy_elements(lazy)} == {tags.PerFrameFunctionalGroupsSequence,
                                                       tags.ReferencedImageSequence}
    assert lazy[tags.PerFrameFunctionalGroupsSequence].undefined_length is undefined
    # written back untouched: the same bytes, still not parsed
    assert encode_file(lazy) == data
    assert _lazy_elements(lazy)
    # parsed: the same values, item lengths, offsets as eagerly
    _same(lazy, eager)
    assert lazy == eager and encode_file(lazy) == data
    frames = lazy.PerFrameFunctionalGroupsSequence
    assert [f.SegmentIdentificationSequence[0].ReferencedSegmentNumber for f in frames] == \
        [1, 2, 3]
    src = frames[2].DerivationImageSequence[0].SourceImageSequence[0]
    assert src.ReferencedSOPInstanceUID == "1.2.3.5"
    assert src.PurposeOfReferenceCodeSequence[1].CodeValue == "121311"
    # in the other encodings: parsed, then encoded as the eager data set is
    for target in NATIVE:
        for flag in (None, False, True):
            again = _read(data)
            assert encode_file(again, target, undefined_length_sequences=flag) == \
                encode_file(eager, target, undefined_length_sequences=flag), (target, flag)


def test_an_untouched_sequence_is_copied_and_a_changed_one_encoded() -> None:
    data = _file(_nested_dataset(), EXPLICIT_LE, False)
    ds = _read(data)
    frames = ds.PerFrameFunctionalGroupsSequence
    frames[1].SegmentIdentificationSequence[0].ReferencedSegmentNumber = 7
    out = _read(encode_file(ds))
    assert [f.SegmentIdentificationSequence[0].ReferencedSegmentNumber
            for f in out.PerFrameFunctionalGroupsSequence] == [1, 7, 3]
    ds = _read(data)
    ds[tags.PerFrameFunctionalGroupsSequence].value = Sequence([_code("1")])
    assert len(_read(encode_file(ds)).PerFrameFunctionalGroupsSequence) == 1


def test_copies_and_pickles_of_unparsed_sequences_are_independent() -> None:
    data = _file(_nested_dataset(), IMPLICIT_LE, True)
    ds = _read(data)
    deep = copy.deepcopy(ds)
    pickled = pickle.loads(pickle.dumps(ds))
    ds.PerFrameFunctionalGroupsSequence[0].PlanePositionSequence[0].ImagePositionPatient = \
        [9.0, 9.0, 9.0]
    for other in (deep, pickled):
        assert other.PerFrameFunctionalGroupsSequence[0].PlanePositionSequence[0] \
            .ImagePositionPatient == [0.0, 0.0, 0.0]
        assert encode_file(other) == data


def test_specific_character_set_is_inherited_by_lazy_items() -> None:
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.SOPInstanceUID = "1.2.3.4"
    item = Dataset()
    item.PatientName = "Müller^Jürgen"
    ds.add_new(tags.OtherPatientIDsSequence, "SQ", [item])
    data = _file(ds, EXPLICIT_LE, False)
    assert "Müller".encode("latin-1") in data
    lazy, eager = _read_both(data)
    assert not lazy[tags.OtherPatientIDsSequence].is_parsed
    assert lazy.OtherPatientIDsSequence[0].PatientName == "Müller^Jürgen"
    _same(lazy, eager)
    # a change of the data set's character set decodes the items' text first (PS3.5 7.5.3)
    ds2 = _read(data)
    ds2.SpecificCharacterSet = "ISO_IR 192"
    out = _read(encode_file(ds2))
    assert out.OtherPatientIDsSequence[0].PatientName == "Müller^Jürgen"
    assert "Müller".encode() in encode_file(ds2)


# -- damage: found while reading, or on access -------------------------------------------------

def _element(tag: int, vr: str, value: bytes, implicit: bool = False) -> bytes:
    g, e = tag >> 16, tag & 0xFFFF
    if implicit:
        return struct.pack("<HHL", g, e, len(value)) + value
    if vr in ("SQ", "OB", "OW", "UN", "UT", "UC", "UR", "OF", "OD", "OL", "OV"):
        return struct.pack("<HH2s2xL", g, e, vr.encode(), len(value)) + value
    return struct.pack("<HH2sH", g, e, vr.encode(), len(value)) + value


def _item(body: bytes) -> bytes:
    return struct.pack("<HHL", 0xFFFE, 0xE000, len(body)) + body


def test_an_odd_length_inside_an_item_is_found_while_reading() -> None:
    inner = _element(tags.CodeValue, "SH", b"ABC") + _element(tags.CodeMeaning, "LO", b"xyz")
    data = _element(tags.ReferencedStudySequence, "SQ", _item(inner)) + \
        _element(tags.PatientID, "LO", b"P1")
    lazy, eager = _read_both(data)
    assert [str(w) for w in lazy.warnings] == [str(w) for w in eager.warnings]
    assert any("odd value length" in str(w) for w in lazy.warnings)
    assert lazy[tags.ReferencedStudySequence].is_parsed  # damaged: parsed while reading
    _same(lazy, eager)
    with pytest.raises(InvalidDicomError) as lazy_err:
        _read(data, strict=True)
    with pytest.raises(InvalidDicomError) as eager_err:
        dicomkit.read(data, strict=True, lazy_sequences=False)
    assert str(lazy_err.value) == str(eager_err.value)
    assert lazy_err.value.offset == eager_err.value.offset == 12 + 8  # SQ and item headers
    assert lazy_err.value.tag_path == "(0008,1110)[0].(0008,0100)"


@pytest.mark.parametrize("undefined", [False, True])
def test_deep_nesting_is_refused_while_reading(undefined: bool) -> None:
    leaf = _element(tags.PatientName, "PN", b"AB^C")
    body = leaf
    for _ in range(70):
        body = _element(tags.ReferencedSeriesSequence, "SQ", _item(body))
    for lazy in (0, False):
        with pytest.raises(InvalidDicomError, match="nested deeper"):
            dicomkit.read(body, strict=True, lazy_sequences=lazy)


def test_a_truncated_sequence_is_found_while_reading() -> None:
    data = _file(_nested_dataset(), EXPLICIT_LE, False)
    cut = data.index(b"\x00\x52\x30\x92") + 60  # inside the per-frame functional groups
    lazy, eager = _read_both(data[:cut])
    assert lazy.warnings and [str(w) for w in lazy.warnings] == [str(w) for w in eager.warnings]
    _same(lazy, eager)
    for flag in (0, False):
        with pytest.raises(InvalidDicomError):
            dicomkit.read(data[:cut], strict=True, lazy_sequences=flag)


@pytest.fixture
def private_sequence() -> Iterator[None]:
    dictionary.add_private_dict_entry("LAZY TEST", 0x00091001, "SQ", "Lazy Nested")
    yield
    dictionary.reset()


def test_damage_in_a_private_implicit_sequence_is_reported_on_access(
        private_sequence: None) -> None:
    # implicit VR: the private sequence's VR comes from its creator (PS3.5 7.8.1), so the
    # walk while reading skips it; its damage (an odd length) is reported when it is parsed
    bad = _element(tags.CodeValue, "SH", b"ABC", implicit=True) + \
        _element(tags.CodeMeaning, "LO", b"xyz", implicit=True)  # two odd lengths, even item
    inner = _element(0x00090010, "LO", b"LAZY TEST ", implicit=True) + \
        _element(0x00091001, "SQ", _item(bad), implicit=True)
    data = _element(tags.ReferencedStudySequence, "SQ", _item(inner), implicit=True) + \
        _element(tags.PatientID, "LO", b"P1", implicit=True)
    eager = dicomkit.read(data, lazy_sequences=False)
    assert any("odd value length" in str(w) for w in eager.warnings)
    lazy = _read(data)
    before = [str(w) for w in lazy.warnings]
    assert not any("odd value length" in w for w in before)
    _same(lazy, eager)  # parses: the problem is recorded now
    assert [str(w) for w in lazy.warnings] == [str(w) for w in eager.warnings]
    with pytest.raises(InvalidDicomError) as eager_err:
        dicomkit.read(data, strict=True, lazy_sequences=False)
    strict = _read(data, strict=True)
    with pytest.raises(InvalidDicomError) as lazy_err:
        strict.ReferencedStudySequence  # noqa: B018 - the access is the test
    assert str(lazy_err.value) == str(eager_err.value)
    assert (lazy_err.value.source, lazy_err.value.offset, lazy_err.value.tag_path) == \
        (eager_err.value.source, eager_err.value.offset, eager_err.value.tag_path)
    assert lazy_err.value.tag_path == "(0008,1110)[0].(0009,1001)[0].(0008,0100)"
    with pytest.raises(InvalidDicomError):  # the next access raises again
        strict.ReferencedStudySequence  # noqa: B018


# -- property tests ---------------------------------------------------------------------------

_LEAVES = st.sampled_from([
    (tags.CodeValue, "SH"), (tags.CodeMeaning, "LO"), (tags.ReferencedSegmentNumber, "US"),
    (tags.ImagePositionPatient, "DS"), (tags.ReferencedSOPInstanceUID, "UI"),
])
_SEQUENCES = [tags.ReferencedSeriesSequence, tags.SourceImageSequence,
              tags.PlanePositionSequence, tags.DerivationImageSequence]


def _leaf_value(vr: str, n: int) -> Any:
    return {"SH": f"C{n}", "LO": f"text {n}", "US": n % 65536, "DS": [float(n), 0.5],
            "UI": f"1.2.{n}"}[vr]


@st.composite
def _datasets(draw: st.DrawFn, depth: int = 0) -> Dataset:
    ds = Dataset()
    for tag, vr in draw(st.lists(_LEAVES, max_size=4, unique_by=lambda t: t[0])):
        ds.add_new(tag, vr, _leaf_value(vr, draw(st.integers(0, 999))))
    if depth < 3:
        for tag in draw(st.lists(st.sampled_from(_SEQUENCES), max_size=2, unique=True)):
            items = draw(st.lists(_datasets(depth + 1), max_size=3))
            ds.add_new(tag, "SQ", items)
    return ds


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ds=_datasets(), ts=st.sampled_from(NATIVE), undefined=st.sampled_from([None, False, True]))
def test_random_nested_sequences_read_lazily_equal_eagerly(ds: Dataset, ts: str,
                                                            undefined: bool | None) -> None:
    top = Dataset()
    top.PatientID = "P"
    top.add_new(tags.ReferencedImageSequence, "SQ", [ds, copy.deepcopy(ds)])
    data = encode_dataset(top, ts, undefined_length_sequences=undefined)
    lazy, eager = _read_both(data)  # a bare data set: the reader finds the encoding
    assert [str(w) for w in lazy.warnings] == [str(w) for w in eager.warnings] == []
    assert encode_dataset(lazy, ts) == data  # untouched: copied
    _same(lazy, eager)
    assert lazy == eager
    assert encode_dataset(lazy, ts) == data  # parsed: encoded again, the same bytes
    assert lazy[tags.ReferencedImageSequence].value[0] == ds


def _outcome(data: bytes, strict: bool, lazy: bool) -> tuple[str, Any]:
    """What reading and then touching every value gives: the error, or the data set."""
    try:
        ds = dicomkit.read(data, strict=strict, lazy_sequences=0 if lazy else False)
    except DicomError as exc:
        return "read", (type(exc), str(exc))
    except Exception as exc:  # noqa: BLE001 - the test: nothing but dicomkit's errors
        raise AssertionError(f"read raised {type(exc).__name__}: {exc}") from exc
    try:
        _touch(ds)
    except DicomError as exc:
        return "access", (type(exc), str(exc))
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"access raised {type(exc).__name__}: {exc}") from exc
    return "ok", ds


def _touch(ds: Dataset) -> None:
    for el in ds.elements():
        value = el.value
        if el.vr == "SQ":
            for item in value:
                _touch(item)


def _mutants(data: bytes, seed: int, count: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for _ in range(count):
        b = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            where = rng.randrange(len(b))
            b[where] = rng.choice([0, 0xFF, 0xFE, 0xE0, 0x01, rng.randrange(256)])
        if rng.random() < 0.2:
            b = b[:rng.randrange(len(b))]
        yield bytes(b)


@pytest.mark.parametrize("ts", NATIVE)
def test_mutated_bytes_give_only_dicomkit_errors_and_the_eager_outcome(ts: str) -> None:
    data = encode_dataset(_nested_dataset(), ts)
    differ = 0
    for i, mutant in enumerate(_mutants(data, NATIVE.index(ts), 300)):
        for strict in (True, False):
            lazy = _outcome(mutant, strict, True)
            eager = _outcome(mutant, strict, False)
            if lazy[0] == "ok" and eager[0] == "ok":
                _same(lazy[1], eager[1])
                assert [str(w) for w in lazy[1].warnings] == \
                    [str(w) for w in eager[1].warnings], i
            elif eager[0] == "read" and lazy[0] == "read":
                assert lazy[1] == eager[1], i
            else:
                # the only difference allowed: damage found on access instead of while
                # reading (nested implicit VR sequences the walk cannot see into)
                differ += 1
                assert ts == IMPLICIT_LE and lazy[0] in ("ok", "access"), (i, lazy, eager)
    assert differ < 30


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ts=st.sampled_from(NATIVE), flips=st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=6),
    strict=st.booleans())
def test_random_byte_flips_on_read_and_on_access(ts: str, flips: list[tuple[float, int]],
                                                 strict: bool) -> None:
    data = bytearray(_file(_nested_dataset(), ts, None))
    for where, byte in flips:
        data[int(len(data) * where)] = byte
    _outcome(bytes(data), strict, True)  # raises AssertionError on any other exception


# -- item_values: a few values of many items, from the encoded items ---------------------------

_PATHS = [
    (tags.SegmentIdentificationSequence, tags.ReferencedSegmentNumber),
    (tags.DerivationImageSequence, tags.SourceImageSequence, tags.ReferencedSOPInstanceUID),
    (tags.DerivationImageSequence, tags.SourceImageSequence,
     tags.PurposeOfReferenceCodeSequence, tags.CodeValue),
    (tags.PlanePositionSequence, tags.ImagePositionPatient),
    (tags.FrameContentSequence, tags.DimensionIndexValues),  # absent
]


def _by_items(items: list[Dataset], path: tuple[int, ...]) -> Any:
    out = []
    for item in items:
        node: Any = item
        for tag in path[:-1]:
            el = node.get(tag)
            node = el.value[0] if el is not None and el.value else None
            if node is None:
                break
        el = node.get(path[-1]) if node is not None else None
        out.append(None if el is None else el.value)
    return out


@pytest.mark.parametrize("ts", NATIVE)
@pytest.mark.parametrize("undefined", [False, True])
def test_item_values_are_the_values_of_the_parsed_items(ts: str, undefined: bool) -> None:
    from dicomkit.io.reader import item_values

    data = _file(_nested_dataset(), ts, undefined)
    ds = _read(data)
    el = ds[tags.PerFrameFunctionalGroupsSequence]
    got = item_values(el, _PATHS)
    assert got is not None and not el.is_parsed  # nothing parsed
    items = list(el.value)
    for n, path in enumerate(_PATHS):
        assert [None if row[n] is None else row[n].value for row in got] == \
            _by_items(items, path), path
    assert got[1][1] is not None and got[1][1].offset == \
        items[1].DerivationImageSequence[0].SourceImageSequence[0][
            tags.ReferencedSOPInstanceUID].offset
    # parsed now, or read eagerly: None (the caller uses the items)
    assert item_values(el, _PATHS) is None
    eager = dicomkit.read(data, lazy_sequences=False)
    assert item_values(eager[tags.PerFrameFunctionalGroupsSequence], _PATHS) is None
    assert item_values(_read(data)[tags.ReferencedImageSequence], _PATHS) == []


def test_item_values_refuse_private_tags_of_implicit_vr(private_sequence: None) -> None:
    from dicomkit.io.reader import item_values

    data = _file(_nested_dataset(), IMPLICIT_LE, False)
    el = _read(data)[tags.PerFrameFunctionalGroupsSequence]
    assert item_values(el, [(0x00091001, tags.CodeValue)]) is None
    assert item_values(el, [(tags.ReferencedSegmentNumber,)]) is not None
    with pytest.raises(ValueError, match="another path"):
        item_values(el, [(tags.PlanePositionSequence,),
                         (tags.PlanePositionSequence, tags.ImagePositionPatient)])


def test_values_deferred_inside_lazy_items_are_read_from_the_file(tmp_path: Any) -> None:
    ds = _nested_dataset()
    item = ds[tags.PerFrameFunctionalGroupsSequence].value[1]
    item.add_new(tags.ImageComments, "LT", "x" * 5000)
    path = tmp_path / "deferred.dcm"
    path.write_bytes(_file(ds, EXPLICIT_LE, False))
    lazy = _read(str(path), defer_size=1000)
    eager = dicomkit.read(str(path), defer_size=1000, lazy_sequences=False)
    got = lazy.PerFrameFunctionalGroupsSequence[1][tags.ImageComments]
    want = eager.PerFrameFunctionalGroupsSequence[1][tags.ImageComments]
    assert got.is_deferred and want.is_deferred
    assert got.offset == want.offset and got.length == want.length == 5000
    assert got.value == want.value == "x" * 5000
    _same(lazy, eager)
