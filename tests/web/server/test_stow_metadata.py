"""STOW-RS of Metadata and Bulkdata representations (PS3.18 10.5.1.4) on the dicomkit server:
dicomkit's client ``store_metadata`` (JSON and XML, native and compressed pixel data, one part
per frame) stored and retrieved back as equal data sets; statuses and nothing half stored for
bad payloads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np
import orjson
import pytest

import dicomkit
from dicomkit.archive import Archive
from dicomkit.codecs.frames import frame_data
from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids
from dicomkit.io.writer import transfer_syntax_of
from dicomkit.pixels.info import PixelInfo
from dicomkit.web.client import BlockingDicomWebClient
from dicomkit.web.element_values import binary_form, value_bytes
from dicomkit.web.json_model import to_json_dict
from dicomkit.web.metadata_bulkdata import encode_instances
from dicomkit.web.multipart import Part, content_type, iter_multipart
from dicomkit.web.server.stow import REQUEST_TYPES
from tests.archive.make import uid
from tests.samples import sample
from tests.web.server.running import archive_of, running

JSON = "application/dicom+json"
XML = "application/dicom+xml"
NATIVE = ["CT_small.dcm", "MR_small.dcm", "ExplVR_BigEnd.dcm", "rtdose.dcm"]
COMPRESSED = ["MR_small_RLE.dcm", "SC_rgb_rle_2frame.dcm", "JPEG2000.dcm",
              "MR_small_jpeg_ls_lossless.dcm", "SC_rgb_jpeg_dcmtk.dcm", "rtdose_rle.dcm"]


@dataclass
class Pacs:
    url: str
    archive: Archive
    client: BlockingDicomWebClient
    http: httpx.Client


@pytest.fixture(scope="module")
def pacs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pacs]:
    archive = archive_of(tmp_path_factory.mktemp("stow-metadata"))
    try:
        with running(archive) as url, BlockingDicomWebClient(url) as client, \
                httpx.Client(base_url=url, timeout=30) as http:
            yield Pacs(url, archive, client, http)
    finally:
        archive.close()


def _fresh(name: str) -> Dataset:
    """A sample with new Study, Series and SOP Instance UIDs (one stored instance per test)."""
    ds = dicomkit.read(sample(name))
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID = uid(), uid(), uid()
    if ds.file_meta is not None:
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    return ds


def _others(ds: Dataset) -> Dataset:
    out = ds.copy()
    out.file_meta = None
    if tags.PixelData in out:
        del out[tags.PixelData]
    return out


def _same(got: Dataset, want: Dataset) -> None:
    """Equal as the JSON model sees them (DS and IS are JSON numbers, PS3.18 F.2.3.1) and byte
    for byte in every binary value (little endian)."""
    assert to_json_dict(got) == to_json_dict(want)
    for el in want.elements():
        if el.vr != "SQ" and binary_form(el) and binary_form(got[el.tag]):
            assert value_bytes(got[el.tag]) == value_bytes(el), hex(el.tag)


def _incoming(pacs: Pacs) -> list[Path]:
    return list((pacs.archive.root / ".incoming").glob("*"))


def _stored(pacs: Pacs, ds: Dataset) -> Dataset:
    """The instance as stored, retrieved by WADO-RS in its stored transfer syntax."""
    [got] = pacs.client.retrieve(str(ds.StudyInstanceUID), str(ds.SeriesInstanceUID),
                                 str(ds.SOPInstanceUID), transfer_syntax="*")
    return got


@pytest.mark.parametrize("media", [JSON, XML])
@pytest.mark.parametrize("name", NATIVE)
def test_native_instances_stored_from_metadata_come_back_equal(pacs: Pacs, name: str,
                                                               media: str) -> None:
    ds = _fresh(name)
    result = pacs.client.store_metadata([ds], media=media)
    assert result.http_statuses == [200], result.warnings
    [outcome] = result.outcomes
    assert outcome.status == "stored" and outcome.sop_instance_uid == ds.SOPInstanceUID
    got = _stored(pacs, ds)
    # uncompressed bulk data is little endian (PS3.18 8.7.3.3.1): stored Explicit VR LE
    assert transfer_syntax_of(got) == uids.ExplicitVRLittleEndian
    want = ds.copy()
    want.file_meta = None
    got.file_meta = None
    _same(got, want)
    assert not _incoming(pacs)


@pytest.mark.parametrize("media", [JSON, XML])
@pytest.mark.parametrize("name", COMPRESSED)
def test_compressed_instances_stored_from_frames_come_back_equal(pacs: Pacs, name: str,
                                                                 media: str) -> None:
    """One part per frame in its Table 8.7.3-5 media type; the server encapsulates them in the
    transfer syntax of their ``transfer-syntax`` parameter (PS3.18 10.5.2) and makes the File
    Meta Information (10.5.1.4)."""
    ds = _fresh(name)
    ts = transfer_syntax_of(ds)
    result = pacs.client.store_metadata([ds], media=media)
    assert result.http_statuses == [200], result.warnings
    got = _stored(pacs, ds)
    assert transfer_syntax_of(got) == ts
    assert str(got.file_meta.MediaStorageSOPInstanceUID) == ds.SOPInstanceUID
    info, back = PixelInfo.of(ds, ts), PixelInfo.of(got, ts)
    assert back.number_of_frames == info.number_of_frames
    for i in range(info.number_of_frames):
        # a frame's last fragment may carry one byte of padding (PS3.5 A.4)
        assert frame_data(got, back, i).rstrip(b"\x00") == frame_data(ds, info, i).rstrip(b"\x00")
    _same(_others(got), _others(ds))
    # and the frames decode to the same pixels
    assert np.array_equal(got.pixel_array, ds.pixel_array)


def test_one_json_request_of_several_instances_stores_each(pacs: Pacs) -> None:
    a, b, c = _fresh("CT_small.dcm"), _fresh("SC_rgb_rle_2frame.dcm"), _fresh("MR_small.dcm")
    study = uid()
    for ds in (a, b, c):
        ds.StudyInstanceUID = study
    result = pacs.client.store_metadata([a, b, c], study=study)
    assert result.http_statuses == [200]
    assert {o.sop_instance_uid for o in result.outcomes if o.status == "stored"} == \
        {a.SOPInstanceUID, b.SOPInstanceUID, c.SOPInstanceUID}
    assert len(pacs.client.search_instances(study=study)) == 3


def _post(pacs: Pacs, parts: list[Part], root: str = JSON, path: str = "/studies",
          cut: int = 0) -> httpx.Response:
    boundary = "b0und4ry"
    body = b"".join(iter_multipart(parts, boundary))
    return pacs.http.post(path, content=body[:len(body) - cut], headers={
        "Content-Type": content_type(boundary, root), "Accept": JSON})


def _parts(*datasets: Dataset, media: str = JSON) -> list[Part]:
    return encode_instances(list(datasets), media=media)[1]


def test_an_instance_whose_bulk_data_is_missing_fails_alone(pacs: Pacs) -> None:
    good, bad = _fresh("CT_small.dcm"), _fresh("MR_small.dcm")
    parts = _parts(good, bad)
    lost = next(p for p in parts if p.content_location and
                p.content_location.startswith(str(bad.SOPInstanceUID)))
    r = _post(pacs, [p for p in parts if p is not lost])
    assert r.status_code == 202, r.text
    answer = orjson.loads(r.content)
    [failed] = answer["00081198"]["Value"]
    assert failed["00081155"]["Value"] == [bad.SOPInstanceUID]
    assert failed["00081197"]["Value"] == [0xC000]  # Cannot understand (PS3.18 Table I.2-2)
    assert "no part of the payload has this Content-Location" in r.headers["warning"]
    assert [i["00081155"]["Value"][0] for i in answer["00081199"]["Value"]] == \
        [good.SOPInstanceUID]
    assert not pacs.archive.find("IMAGE", SOPInstanceUID=str(bad.SOPInstanceUID))
    assert not _incoming(pacs)


def test_the_study_of_the_url_is_checked(pacs: Pacs) -> None:
    ds = _fresh("CT_small.dcm")
    r = _post(pacs, _parts(ds), path=f"/studies/{uid()}")
    assert r.status_code == 409
    [failed] = orjson.loads(r.content)["00081198"]["Value"]
    assert failed["00081197"]["Value"] == [0xC409]
    assert not _incoming(pacs)


def test_a_data_set_that_is_not_an_instance_is_refused(pacs: Pacs) -> None:
    """The same checks as a PS3.10 part (the archive's): no SOP Instance UID, nothing stored."""
    ds = _fresh("CT_small.dcm")
    del ds[tags.SOPInstanceUID]
    before = pacs.archive.count("IMAGE")
    r = _post(pacs, _parts(ds))
    assert r.status_code == 409, r.text
    [failed] = orjson.loads(r.content)["00081198"]["Value"]
    assert failed["00081197"]["Value"] == [0xC000]
    assert pacs.archive.count("IMAGE") == before
    assert not _incoming(pacs)


@pytest.mark.parametrize("media", [JSON, XML])
def test_metadata_that_does_not_parse_is_400_and_stores_nothing(pacs: Pacs, media: str) -> None:
    good = _fresh("CT_small.dcm")
    parts = _parts(good, media=media) + [Part(b'[{"00100010": {"vr": "PN", "Value": [' if
                                              media == JSON else b"<NativeDicomModel><Dicom",
                                              content_type=media)]
    before = pacs.archive.count("IMAGE")
    r = _post(pacs, parts, root=media)
    assert r.status_code == 400, r.text
    assert "metadata part cannot be read" in r.text and "nothing was stored" in r.text
    assert pacs.archive.count("IMAGE") == before
    assert not _incoming(pacs)


def test_a_cut_body_stores_nothing(pacs: Pacs) -> None:
    before = pacs.archive.count("IMAGE")
    r = _post(pacs, _parts(_fresh("CT_small.dcm"), _fresh("MR_small.dcm")), cut=40)
    assert r.status_code == 400 and "nothing was stored" in r.text
    assert pacs.archive.count("IMAGE") == before
    assert not _incoming(pacs)


def test_bulk_data_only_is_400(pacs: Pacs) -> None:
    parts = [p for p in _parts(_fresh("CT_small.dcm")) if p.content_type != JSON]
    r = _post(pacs, parts)
    assert r.status_code == 400 and "no metadata part" in r.text
    assert not _incoming(pacs)


def test_a_bulk_part_without_content_location_is_an_other_failure(pacs: Pacs) -> None:
    ds = _fresh("CT_small.dcm")
    r = _post(pacs, _parts(ds) + [Part(b"\x00" * 8, content_type="application/octet-stream")])
    assert r.status_code == 202, r.text
    answer = orjson.loads(r.content)
    [other] = answer["0008119A"]["Value"]
    assert other["00081197"]["Value"] == [0xC000]
    assert "Content-Location" in r.headers["warning"]


def test_a_payload_whose_root_is_bulk_data(pacs: Pacs) -> None:
    """Table 10.5.4-1 requires ``type="application/octet-stream"``: the root part is bulk
    data, the metadata follows it (RFC 2387 3.1: ``type`` is the root's media type)."""
    ds = _fresh("CT_small.dcm")
    parts = _parts(ds)
    r = _post(pacs, parts[1:] + parts[:1], root="application/octet-stream")
    assert r.status_code == 200, r.text
    _same(_others(_stored(pacs, ds)), _others(ds))


def test_request_types_are_those_of_table_10_5_4_1(pacs: Pacs) -> None:
    assert set(REQUEST_TYPES) == {"application/dicom", JSON, XML, "application/octet-stream"}
    r = _post(pacs, _parts(_fresh("CT_small.dcm")), root="text/plain")
    assert r.status_code == 415 and "Table 10.5.4-1" in r.text


def test_json_metadata_of_another_element_kind_is_kept(pacs: Pacs) -> None:
    """A private element and a sequence survive the JSON form (PS3.18 F.2)."""
    ds = _fresh("CT_small.dcm")
    block = ds.private_block(0x0009, "DICOMKIT TEST", create=True)
    block.add_new(0x01, "LO", "kept")
    seq_item = Dataset()
    seq_item.CodeValue = "T-D1100"
    seq_item.CodingSchemeDesignator = "SRT"
    ds.AnatomicRegionSequence = [seq_item]
    assert pacs.client.store_metadata([ds]).http_statuses == [200]
    got = _stored(pacs, ds)
    assert json.dumps(to_json_dict(_others(got)), sort_keys=True) == \
        json.dumps(to_json_dict(_others(ds)), sort_keys=True)


def test_a_metadata_part_past_the_limit_is_413_and_stores_nothing(tmp_path: Path) -> None:
    import anyio

    from dicomkit.web.server import HttpError
    from dicomkit.web.server.stow import store_body

    archive = archive_of(tmp_path)
    body = b"".join(iter_multipart(_parts(_fresh("CT_small.dcm")), "b0und4ry"))

    async def chunks():  # type: ignore[no-untyped-def]
        for i in range(0, len(body), 512):
            yield body[i:i + 512]

    async def go() -> None:
        await store_body(archive, chunks(), "b0und4ry", study=None, policy=None,
                         max_bytes=1 << 30, max_header=4096, root=JSON, max_metadata=1000)

    try:
        with pytest.raises(HttpError) as info:
            anyio.run(go)
        assert info.value.status == 413 and "metadata part is larger than 1000" in str(info.value)
        assert archive.count("IMAGE") == 0
        assert not list((archive.root / ".incoming").glob("*"))
    finally:
        archive.close()


def _pn_without_trailing_delimiters(doc: dict) -> dict:  # type: ignore[type-arg]
    """``doc`` (DICOM JSON) with PN component groups stripped of trailing ``^``: "Trailing null
    components and their delimiters may be omitted" (PS3.5 Table 6.2-1, PN), and the Native
    DICOM Model has no way to keep them (PS3.19 A.1.5: a PN value is its components as
    elements, empty ones omitted)."""
    out = {}
    for key, el in doc.items():
        el = dict(el)
        if el.get("vr") == "PN" and "Value" in el:
            values = []
            for v in el["Value"]:
                groups = {k: g.rstrip("^") for k, g in (v or {}).items()} if v else {}
                groups = {k: g for k, g in groups.items() if g}
                values.append(groups or None)
            if any(values):
                el["Value"] = values
            else:
                del el["Value"]
        elif el.get("vr") == "SQ" and "Value" in el:
            el["Value"] = [_pn_without_trailing_delimiters(i) for i in el["Value"]]
        out[key] = el
    return out


def _readable_samples() -> list[Path]:
    from dicomkit.errors import DicomError
    from tests.samples import samples

    out = []
    for path in samples("*.dcm"):
        try:
            ds = dicomkit.read(path)
            str(ds.SOPInstanceUID), str(ds.StudyInstanceUID), str(ds.SeriesInstanceUID)
        except (DicomError, AttributeError):
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("media", [JSON, XML])
def test_every_sample_stored_from_metadata_comes_back_equal(pacs: Pacs, media: str) -> None:
    """Each pydicom sample file we read, stored by ``store_metadata`` and retrieved: the same
    data set but for its pixel data's encapsulation (frames compared above)."""
    paths = _readable_samples()
    assert len(paths) > 50
    for path in paths:
        ds = dicomkit.read(path)
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID = uid(), uid(), uid()
        result = pacs.client.store_metadata([ds], media=media)
        assert result.http_statuses == [200], (path.name, result.warnings)
        got = _stored(pacs, ds)
        want = to_json_dict(_others(ds))
        back = to_json_dict(_others(got))
        if media == XML:
            want, back = _pn_without_trailing_delimiters(want), _pn_without_trailing_delimiters(back)
        assert back == want, path.name
    assert not _incoming(pacs)


def test_json_metadata_that_is_one_object_not_an_array_is_400(pacs: Pacs) -> None:
    """PS3.18 10.5.1.4: "an array of DICOM JSON Model Objects ... in a single representation"."""
    ds = _fresh("CT_small.dcm")
    parts = _parts(ds)
    one = json.loads(parts[0].body)[0]  # type: ignore[arg-type]
    r = _post(pacs, [Part(json.dumps(one).encode(), content_type=JSON), *parts[1:]])
    assert r.status_code == 400 and "not an array" in r.text
    assert not _incoming(pacs)
