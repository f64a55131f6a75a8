"""Sequences built from encoded items (:func:`dicomkit.io.reader.encoded_sequence`,
:func:`dicomkit.io.writer.encode_items`): parsed on first use as a sequence read from a file,
written by copy in their own encoding, refused when the items are not clean."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.errors import DicomError, InvalidDicomError
from dicomkit.generated import tags, uids
from dicomkit.io.reader import encoded_sequence
from dicomkit.io.writer import WriteError, encode_dataset, encode_items


def _item(n: int) -> Dataset:
    ds = Dataset()
    ds[tags.ReferencedSOPClassUID] = uids.CTImageStorage
    ds[tags.ReferencedSOPInstanceUID] = f"1.2.3.{n}"
    ds[tags.ReferencedFrameNumber] = n
    return ds


def _host() -> Dataset:
    ds = Dataset()
    ds[tags.SOPClassUID] = uids.SecondaryCaptureImageStorage
    ds[tags.SOPInstanceUID] = "1.2.3.4"
    ds[tags.PatientName] = "Test^Encoded"
    return ds


def test_encoded_items_parse_to_the_items_and_write_as_the_data_sets_would() -> None:
    items = [_item(n) for n in range(1, 6)]
    element = encoded_sequence(tags.ReferencedImageSequence,
                               encode_items(encode_dataset(i) for i in items))
    assert not element.is_parsed
    built = _host()
    built[tags.ReferencedImageSequence] = element
    eager = _host()
    eager[tags.ReferencedImageSequence] = items
    # written by copy, the bytes are those of the same items built as data sets
    assert encode_dataset(built) == encode_dataset(eager)
    assert not built[tags.ReferencedImageSequence].is_parsed
    # and in another encoding (parsed, then encoded)
    implicit = uids.ImplicitVRLittleEndian
    assert encode_dataset(built, implicit) == encode_dataset(eager, implicit)
    # the value, once used, is the items
    seq = built.ReferencedImageSequence
    assert [str(i.ReferencedSOPInstanceUID) for i in seq] == [f"1.2.3.{n}" for n in range(1, 6)]
    assert [int(i.ReferencedFrameNumber) for i in seq] == [1, 2, 3, 4, 5]


def test_a_file_with_an_encoded_sequence_reads_back_equal() -> None:
    ds = _host()
    ds[tags.ReferencedImageSequence] = encoded_sequence(
        tags.ReferencedImageSequence, encode_items([encode_dataset(_item(7))]))
    buf = io.BytesIO()
    dicomkit.write(buf, ds)
    back = dicomkit.read(buf.getvalue())
    (only,) = back.ReferencedImageSequence
    assert str(only.ReferencedSOPInstanceUID) == "1.2.3.7"


def test_items_that_are_not_clean_are_refused_with_the_source() -> None:
    good = encode_items([encode_dataset(_item(1))])
    for bad in (good[:-2], good + b"\x00\x00", b"\xfe\xff\x00\xe0\xff\xff\xff\x7f" + good[8:],
                encode_dataset(_item(1))):  # element bytes without an item header
        with pytest.raises(InvalidDicomError, match="not clean sequence items") as info:
            encoded_sequence(tags.ReferencedImageSequence, bad, source="my builder")
        assert info.value.source == "my builder"


def test_an_item_body_of_odd_length_is_refused() -> None:
    with pytest.raises(WriteError, match="even length"):
        encode_items([b"\x08\x00\x50\x11\x03"])


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=400),
       st.binary(max_size=8))
def test_mutated_items_give_only_dicomkit_errors(noise: bytes, at: int, patch: bytes) -> None:
    data = bytearray(encode_items([encode_dataset(_item(n)) for n in range(3)]))
    at %= len(data)
    data[at:at + len(patch)] = patch
    data += noise[: len(noise) & ~1]
    try:
        element = encoded_sequence(tags.ReferencedImageSequence, bytes(data))
    except InvalidDicomError:
        return
    try:
        seq = element.value
        for item in seq:
            for el in item.elements():
                _ = el.value
    except DicomError:
        pass
    assert isinstance(element, DataElement)
