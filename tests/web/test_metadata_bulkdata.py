"""Instances as Metadata and Bulkdata representations (PS3.18 10.5.1.4): written, read back."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings

import dicomkit
from dicomkit.codecs.frames import frame_data
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.io.writer import transfer_syntax_of
from dicomkit.pixels.info import PixelInfo
from dicomkit.web import media_types
from dicomkit.web.element_values import binary_form, value_bytes
from dicomkit.web.errors import BulkDataError, WebModelError
from dicomkit.web.json_model import to_json_dict
from dicomkit.web.metadata_bulkdata import PayloadAssembler, encode_instances
from dicomkit.web.multipart import Headers, iter_multipart, make_boundary, read_parts
from tests.samples import sample
from tests.web.strategies import datasets

JSON = "application/dicom+json"
XML = "application/dicom+xml"
NATIVE = ["CT_small.dcm", "MR_small.dcm", "ExplVR_BigEnd.dcm", "rtdose.dcm", "rtdose_expb.dcm"]
COMPRESSED = ["MR_small_RLE.dcm", "SC_rgb_rle_2frame.dcm", "JPEG2000.dcm",
              "MR_small_jpeg_ls_lossless.dcm", "SC_rgb_jpeg_dcmtk.dcm", "rtdose_rle.dcm"]


def _wire(root: str, parts: list, boundary: str | None = None) -> list[tuple[Headers, bytes]]:
    """The parts as a server reads them: through the multipart writer and parser."""
    b = boundary or make_boundary()
    return read_parts(b"".join(iter_multipart(parts, b)), b)


def _decode(root: str, wire: list[tuple[Headers, bytes]]) -> list:
    asm = PayloadAssembler(root)
    for headers, body in wire:
        asm.add(headers, body)
    return asm.finish()


def _no_meta(ds: Dataset) -> Dataset:
    out = ds.copy()
    out.file_meta = None
    return out


@pytest.mark.parametrize("media", [JSON, XML])
@pytest.mark.parametrize("name", NATIVE)
def test_native_instances_come_back_value_for_value(name: str, media: str) -> None:
    ds = dicomkit.read(sample(name))
    root, parts = encode_instances([ds], media=media)
    assert root == media
    assert parts[0].content_type == media
    bulk = [p for p in parts[1:] if p.content_location and p.content_location.endswith("7FE00010")]
    assert len(bulk) == 1 and bulk[0].content_type == "application/octet-stream"
    (back,) = _decode(root, _wire(root, parts))
    assert back.transfer_syntax == uids.ExplicitVRLittleEndian
    _same(back.dataset, _no_meta(ds))


def _same(got: Dataset, want: Dataset) -> None:
    """Equal as the JSON model sees them (DS/IS are numbers there, F.2.3.1) and byte for byte
    in every binary value (pixel data included, little endian)."""
    assert to_json_dict(got) == to_json_dict(want)
    for el in want.elements():
        if el.vr != "SQ" and binary_form(el) and binary_form(got[el.tag]):
            assert value_bytes(got[el.tag]) == value_bytes(el), hex(el.tag)


@pytest.mark.parametrize("name", COMPRESSED)
def test_compressed_pixel_data_goes_as_one_part_per_frame_in_its_media_type(name: str) -> None:
    """PS3.18 10.5.1.4: "Compressed pixel data for a Multi-Frame Image shall be encoded as
    multiple Single Frame Image compressed Bulkdata representations"; media types of Table
    8.7.3-5, with the transfer-syntax parameter."""
    ds = dicomkit.read(sample(name))
    ts = transfer_syntax_of(ds)
    info = PixelInfo.of(ds, ts)
    root, parts = encode_instances([ds])
    pixel = [p for p in parts if p.content_location and p.content_location.endswith("7FE00010")]
    assert len(pixel) == info.number_of_frames
    for p in pixel:
        ct = media_types.parse(p.content_type or "")
        assert ct.type == "image" and ct.param("transfer-syntax") == ts
    (back,) = _decode(root, _wire(root, parts))
    assert back.transfer_syntax == ts
    back_info = PixelInfo.of(back.dataset, ts)
    for i in range(info.number_of_frames):
        assert frame_data(back.dataset, back_info, i).rstrip(b"\x00") == \
            frame_data(ds, info, i).rstrip(b"\x00")
    others = _no_meta(ds)
    del others[tags.PixelData]
    mine = back.dataset.copy()
    del mine[tags.PixelData]
    _same(mine, others)


def test_several_instances_share_one_json_array_and_xml_has_a_part_each() -> None:
    a, b = dicomkit.read(sample("CT_small.dcm")), dicomkit.read(sample("MR_small.dcm"))
    root, parts = encode_instances([a, b])
    assert sum(p.content_type == JSON for p in parts) == 1
    root_x, parts_x = encode_instances([a, b], media=XML)
    assert sum(p.content_type == XML for p in parts_x) == 2
    for r, ps in ((root, parts), (root_x, parts_x)):
        got = _decode(r, _wire(r, ps))
        assert [str(d.dataset[tags.SOPInstanceUID].value) for d in got] == \
            [str(a[tags.SOPInstanceUID].value), str(b[tags.SOPInstanceUID].value)]


def test_metadata_carries_no_file_meta_information() -> None:
    """PS3.18 10.5.1.4: "shall not include any Group 0002 File Meta Information"."""
    ds = dicomkit.read(sample("CT_small.dcm"))
    _, parts = encode_instances([ds])
    assert b'"00020010"' not in parts[0].body  # type: ignore[operator]


def test_bulk_data_parts_may_come_before_the_metadata_and_under_absolute_uris() -> None:
    ds = dicomkit.read(sample("MR_small.dcm"))
    root, parts = encode_instances([ds], base="https://pacs.example/stow/")
    wire = _wire(root, parts)
    # the server may name the parts by a relative Content-Location
    moved = [(Headers([(k, v.replace("https://pacs.example/stow/", "")) for k, v in h.items])
              if "Content-Location" in h else h, body) for h, body in wire]
    (back,) = _decode(root, moved[1:] + moved[:1])
    assert back.dataset[tags.PixelData].value == ds[tags.PixelData].value


def test_small_binary_values_stay_inline_and_large_ones_go_as_parts() -> None:
    ds = Dataset()
    ds.add_new(tags.SOPInstanceUID, "UI", "1.2.3.4")
    ds.add_new(0x00091010, "LO", "ACME")
    ds.add_new(0x00091011, "OB", b"x" * 10)
    ds.add_new(0x00091012, "OB", b"y" * 5000)
    root, parts = encode_instances([ds], threshold=1024)
    assert len(parts) == 2 and parts[1].body == b"y" * 5000
    (back,) = _decode(root, _wire(root, parts))
    assert back.dataset[0x00091011].value == b"x" * 10
    assert back.dataset[0x00091012].value == b"y" * 5000


def test_an_encapsulated_document_goes_as_its_mime_type() -> None:
    """PS3.18 10.5.1.4: the Encapsulated Document "shall be encoded using the media-type from
    the MIME Type of the Encapsulated Document (0042,0012)"."""
    ds = Dataset()
    ds.add_new(tags.SOPInstanceUID, "UI", "1.2.3.5")
    ds.add_new(tags.MIMETypeOfEncapsulatedDocument, "LO", "application/pdf")
    ds.add_new(tags.EncapsulatedDocument, "OB", b"%PDF-1.4 tiny")
    root, parts = encode_instances([ds])
    assert parts[1].content_type == "application/pdf"
    (back,) = _decode(root, _wire(root, parts))
    assert back.dataset[tags.EncapsulatedDocument].value.rstrip(b"\x00") == b"%PDF-1.4 tiny"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_random_data_sets_survive_json_and_xml_payloads(ds: Dataset) -> None:
    for media in (JSON, XML):
        root, parts = encode_instances([ds], media=media, threshold=8)
        (back,) = _decode(root, _wire(root, parts))
        _same(back.dataset, ds)


def test_a_bulk_data_uri_no_part_fills_names_the_uri_and_tag_path() -> None:
    ds = dicomkit.read(sample("CT_small.dcm"))
    root, parts = encode_instances([ds])
    wire = [w for w in _wire(root, parts) if not (w[0].content_location or "").endswith("7FE00010")]
    with pytest.raises(BulkDataError, match=r"7FE00010.*\(7FE0,0010\)|\(7FE0,0010\)"):
        _decode(root, wire)


def test_a_bulk_part_without_content_location_is_refused() -> None:
    asm = PayloadAssembler(JSON)
    with pytest.raises(BulkDataError, match="Content-Location"):
        asm.add(Headers([("Content-Type", "application/octet-stream")]), b"abc")


def test_a_payload_without_metadata_and_a_bad_root_type_are_refused() -> None:
    with pytest.raises(WebModelError, match="metadata"):
        PayloadAssembler(JSON).finish()
    with pytest.raises(WebModelError, match="10.5.1.4"):
        PayloadAssembler("application/dicom")


def test_bulk_data_past_the_limit_is_refused() -> None:
    asm = PayloadAssembler(JSON, max_bytes=10)
    with pytest.raises(BulkDataError, match="10 bytes"):
        asm.add(Headers([("Content-Type", "application/octet-stream"),
                         ("Content-Location", "x")]), b"0123456789ab")


def test_mutated_payloads_raise_only_the_librarys_errors() -> None:
    rng = random.Random(1803)
    ds = dicomkit.read(sample("MR_small.dcm"))
    for media in (JSON, XML):
        root, parts = encode_instances([ds], media=media)
        wire = _wire(root, parts)
        for _ in range(150):
            mutated = []
            for headers, body in wire:
                b = bytearray(body)
                for _ in range(rng.randint(0, 4)):
                    if b:
                        b[rng.randrange(len(b))] = rng.randrange(256)
                if rng.random() < 0.2:
                    b = b[: rng.randrange(len(b) + 1)]
                mutated.append((headers, bytes(b)))
            rng.shuffle(mutated)
            try:
                _decode(root, mutated)
            except DicomError:
                pass
