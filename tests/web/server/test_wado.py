"""WADO-RS of the dicomkit server (PS3.18 10.4): instances, metadata, frames, bulk data,
rendered and thumbnails, checked over HTTP against the stored files."""

from __future__ import annotations

import io

import orjson
import pytest
from PIL import Image

import dicomkit
from dicomkit.generated import tags, uids
from dicomkit.web.multipart import boundary_of, read_parts
from tests.archive.make import dataset
from tests.web.server.conftest import Served

ALL = 'multipart/related; type="application/dicom"; transfer-syntax=*'
OCTET_ANY = "multipart/related; type=application/octet-stream; transfer-syntax=*"


def _parts(r):  # type: ignore[no-untyped-def]
    assert r.status_code in (200, 206), r.text
    return read_parts(r.content, boundary_of(r.headers["content-type"]))


def _instances_of(served: Served, study: str, series: str | None = None) -> list[str]:
    r = served.http.get(f"/studies/{study}/series/{series}/instances" if series else
                        f"/studies/{study}/instances")
    return [i["00080018"]["Value"][0] for i in orjson.loads(r.content)]


def test_study_retrieve_streams_the_stored_files_byte_for_byte(served: Served) -> None:
    st = served.studies[0]
    r = served.http.get(f"/studies/{st}", headers={"Accept": ALL})
    assert r.headers["content-type"].startswith('multipart/related; type="application/dicom"')
    assert r.content.startswith(b"--")  # no preamble
    parts = _parts(r)
    assert len(parts) == 5
    got = {dicomkit.read(io.BytesIO(body)).SOPInstanceUID: body for _h, body in parts}
    assert got == {k: v for k, v in served.files.items() if k in got}
    for headers, _body in parts:
        assert headers.transfer_syntax == uids.ExplicitVRLittleEndian
    assert b"\r\nContent-Type: application/dicom; transfer-syntax=" in r.content


def test_series_and_instance_retrieve(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][1]
    assert len(_parts(served.http.get(f"/studies/{st}/series/{se}", headers={"Accept": ALL}))) == 2
    sop = _instances_of(served, st, se)[0]
    [(_h, body)] = _parts(served.http.get(f"/studies/{st}/series/{se}/instances/{sop}",
                                          headers={"Accept": ALL}))
    assert body == served.files[sop]


def test_boundaries_are_random(served: Served) -> None:
    st = served.studies[1]
    a = served.http.get(f"/studies/{st}").headers["content-type"]
    b = served.http.get(f"/studies/{st}").headers["content-type"]
    assert boundary_of(a) != boundary_of(b)


def test_no_transfer_syntax_parameter_means_explicit_vr_little_endian(served: Served) -> None:
    ds = dataset(served.studies[1], served.series[served.studies[1]][0], "1.2.3.999.1")
    out = io.BytesIO()
    dicomkit.write(out, ds, transfer_syntax=uids.ImplicitVRLittleEndian)  # type: ignore[call-arg]
    served.archive.insert_bytes(out.getvalue())
    url = f"/studies/{served.studies[1]}/series/{ds.SeriesInstanceUID}/instances/1.2.3.999.1"
    [(h, body)] = _parts(served.http.get(url, headers={"Accept": 'multipart/related; type="application/dicom"'}))
    assert h.transfer_syntax == uids.ExplicitVRLittleEndian
    back = dicomkit.read(io.BytesIO(body))
    assert back.file_meta.TransferSyntaxUID == uids.ExplicitVRLittleEndian
    assert back[tags.PixelData].value == ds[tags.PixelData].value
    [(h, body)] = _parts(served.http.get(url, headers={"Accept": ALL}))
    assert h.transfer_syntax == uids.ImplicitVRLittleEndian and body == out.getvalue()


def test_retrieve_in_a_compressed_syntax_is_transcoded(served: Served) -> None:
    st = served.studies[1]
    [(h, body)] = _parts(served.http.get(f"/studies/{st}", headers={
        "Accept": f'multipart/related; type="application/dicom"; transfer-syntax={uids.RLELossless}'}))
    assert h.transfer_syntax == uids.RLELossless
    ds = dicomkit.read(io.BytesIO(body))
    assert ds.file_meta.TransferSyntaxUID == uids.RLELossless


def test_unknown_study_is_404_and_unsatisfiable_accept_406(served: Served) -> None:
    r = served.http.get("/studies/1.2.3.4")
    assert r.status_code == 404 and "1.2.3.4" in r.text
    r = served.http.get(f"/studies/{served.studies[0]}", headers={"Accept": "image/png"})
    assert r.status_code == 406
    r = served.http.get(f"/studies/{served.studies[0]}", headers={
        "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=1.2.3.4.5'})
    assert r.status_code == 406


def test_metadata_is_complete_per_instance_with_absolute_bulk_data_uris(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][0]
    r = served.http.get(f"/studies/{st}/series/{se}/metadata")
    items = orjson.loads(r.content)
    assert len(items) == 3
    sops = {i["00080018"]["Value"][0] for i in items}
    assert sops == set(_instances_of(served, st, se))
    for item in items:
        sop = item["00080018"]["Value"][0]
        stored = dicomkit.read(io.BytesIO(served.files[sop]))
        assert {f"{e.tag:08X}" for e in stored.elements() if e.tag & 0xFFFF} == set(item)
        uri = item["7FE00010"]["BulkDataURI"]
        assert uri == f"{served.url}/studies/{st}/series/{se}/instances/{sop}/bulk/7FE00010"
    assert len(orjson.loads(served.http.get(f"/studies/{st}/metadata").content)) == 5
    one = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/metadata")
    assert len(orjson.loads(one.content)) == 1


def test_metadata_cache_sees_a_replaced_instance(served: Served) -> None:
    st = served.studies[1]
    se = served.series[st][0]
    url = f"/studies/{st}/series/{se}/metadata"
    before = orjson.loads(served.http.get(url).content)
    sop = before[0]["00080018"]["Value"][0]
    ds = dicomkit.read(io.BytesIO(served.files[sop]))
    ds.StudyDescription = "changed"
    out = io.BytesIO()
    dicomkit.write(out, ds)
    served.archive.insert_bytes(out.getvalue(), policy="replace")
    after = orjson.loads(served.http.get(url).content)
    assert after[0]["00081030"]["Value"] == ["changed"]


def test_forwarded_headers_make_the_bulk_data_uris(served: Served) -> None:
    st = served.studies[1]
    r = served.http.get(f"/studies/{st}/metadata", headers={
        "Forwarded": 'for=1.2.3.4;proto=https;host="pacs.example:8443"'})
    assert orjson.loads(r.content)[0]["7FE00010"]["BulkDataURI"].startswith(
        f"https://pacs.example:8443/studies/{st}/")
    r = served.http.get(f"/studies/{st}/metadata", headers={
        "X-Forwarded-Proto": "https", "X-Forwarded-Host": "proxy.example",
        "X-Forwarded-Prefix": "/dicom-web"})
    assert orjson.loads(r.content)[0]["7FE00010"]["BulkDataURI"].startswith(
        f"https://proxy.example/dicom-web/studies/{st}/")


def test_etag_and_if_none_match(served: Served) -> None:
    st = served.studies[1]
    r = served.http.get(f"/studies/{st}/metadata")
    etag = r.headers["etag"]
    again = served.http.get(f"/studies/{st}/metadata", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert served.http.get(f"/studies/{st}/metadata",
                           headers={"If-None-Match": '"other"'}).status_code == 200
    se = served.series[st][0]
    sop = _instances_of(served, st, se)[0]
    base = f"/studies/{st}/series/{se}/instances/{sop}"
    for path in ("", "/frames/1", "/rendered", "/thumbnail", "/bulk/7FE00010"):
        first = served.http.get(base + path)
        assert first.status_code == 200, path
        tag = first.headers["etag"]
        assert served.http.get(base + path, headers={"If-None-Match": tag}).status_code == 304
    # another variant of the same resource is another entity
    png = served.http.get(base + "/rendered", params={"accept": "image/png"}).headers["etag"]
    assert png != served.http.get(base + "/rendered").headers["etag"]


def _one(served: Served) -> tuple[str, str, str]:
    st = served.studies[1]
    se = served.series[st][0]
    return st, se, _instances_of(served, st, se)[0]


def test_frames_uncompressed_each_part_with_its_transfer_syntax(served: Served) -> None:
    st, se, sop = _one(served)
    pixels = dicomkit.read(io.BytesIO(served.files[sop]))[tags.PixelData].value
    for accept in (None, OCTET_ANY, "multipart/related; type=application/octet-stream"):
        headers = {"Accept": accept} if accept else {}
        r = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/frames/1", headers=headers)
        [(h, body)] = _parts(r)
        assert body == pixels
        assert h["Content-Type"] == f"application/octet-stream; transfer-syntax={uids.ExplicitVRLittleEndian}"
        assert b"\r\nContent-Type: application/octet-stream; transfer-syntax=" in r.content


def test_frames_in_a_compressed_media_type(served: Served) -> None:
    st, se, sop = _one(served)
    r = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/frames/1",
                        headers={"Accept": 'multipart/related; type="image/dicom-rle"'})
    [(h, body)] = _parts(r)
    assert h.content_type.mime == "image/dicom-rle"
    assert h.transfer_syntax == uids.RLELossless
    assert body[:4] != b"\x00\x00\x00\x00"


@pytest.mark.parametrize("frames, status", [("2", 404), ("0", 400), ("1,x", 400), ("1,1", 200)])
def test_frame_list_errors(served: Served, frames: str, status: int) -> None:
    st, se, sop = _one(served)
    r = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/frames/{frames}")
    assert r.status_code == status, r.text


def test_bulk_data_with_ranges(served: Served) -> None:
    st, se, sop = _one(served)
    pixels = dicomkit.read(io.BytesIO(served.files[sop]))[tags.PixelData].value
    url = f"/studies/{st}/series/{se}/instances/{sop}/bulk/7FE00010"
    [(_h, body)] = _parts(served.http.get(url))
    assert body == pixels
    r = served.http.get(url, headers={"Range": "bytes=10-19"})
    assert r.status_code == 206
    [(h, body)] = _parts(r)
    assert body == pixels[10:20] and h["Content-Range"] == f"bytes 10-19/{len(pixels)}"
    r = served.http.get(url, headers={"Range": "bytes=-5", "Accept": "application/octet-stream"})
    assert r.status_code == 206 and r.content == pixels[-5:]
    r = served.http.get(url, headers={"Range": f"bytes={len(pixels)}-"})
    assert r.status_code == 416
    assert r.headers["content-range"] == f"bytes */{len(pixels)}" and "past the end" in r.text


def test_bulk_data_uri_of_another_study_is_404(served: Served) -> None:
    st, se, sop = _one(served)
    other = served.studies[0]
    r = served.http.get(f"/studies/{other}/series/{se}/instances/{sop}/bulk/7FE00010")
    assert r.status_code == 404 and other in r.text
    r = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/bulk/7FE00011")
    assert r.status_code == 404
    r = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/bulk/..%2Fetc")
    assert r.status_code == 404


@pytest.mark.parametrize("accept, fmt", [("image/jpeg", "JPEG"), ("image/png", "PNG"),
                                          ("image/gif", "GIF"), ("*/*", "JPEG")])
def test_rendered_instance(served: Served, accept: str, fmt: str) -> None:
    st, se, sop = _one(served)
    r = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}/rendered",
                        headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"] == Image.MIME[fmt]
    assert Image.open(io.BytesIO(r.content)).format == fmt


def test_rendered_window_viewport_and_quality(served: Served) -> None:
    st, se, sop = _one(served)
    base = f"/studies/{st}/series/{se}/instances/{sop}"
    plain = served.http.get(base + "/rendered", params={"accept": "image/png"}).content
    windowed = served.http.get(base + "/rendered", params={"accept": "image/png",
                                                            "window": "100,200,linear"}).content
    assert plain != windowed
    img = Image.open(io.BytesIO(served.http.get(base + "/rendered",
                                                params={"viewport": "64,32"}).content))
    assert img.size == (32, 32)  # 128 x 128 fitted into 64 x 32, aspect kept
    crop = Image.open(io.BytesIO(served.http.get(base + "/frames/1/rendered",
                                                 params={"viewport": "40,20,0,0,64,32"}).content))
    assert crop.size == (40, 20)
    low = served.http.get(base + "/rendered", params={"quality": "5"}).content
    high = served.http.get(base + "/rendered", params={"quality": "95"}).content
    assert len(low) < len(high)
    assert served.http.get(base + "/rendered", params={"window": "1,2,cubic"}).status_code == 400
    assert served.http.get(base + "/rendered", params={"quality": "0"}).status_code == 400
    r = served.http.get(base + "/rendered", params={"annotation": "patient"})
    assert r.status_code == 200 and "warning" not in r.headers


@pytest.mark.parametrize("level", ["study", "series", "instance"])
def test_thumbnails_at_every_level(served: Served, level: str) -> None:
    st, se, sop = _one(served)
    path = {"study": f"/studies/{st}", "series": f"/studies/{st}/series/{se}",
            "instance": f"/studies/{st}/series/{se}/instances/{sop}"}[level]
    r = served.http.get(path + "/thumbnail?viewport=256%2C256")  # as OHIF asks
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(r.content)).size) == 256


def test_rendered_series_is_multipart_of_each_instance(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][1]
    parts = _parts(served.http.get(f"/studies/{st}/series/{se}/rendered"))
    assert len(parts) == 2
    assert all(h.content_type.mime == "image/jpeg" for h, _ in parts)


def test_study_retrieve_is_streamed_not_held_in_memory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import tracemalloc

    import httpx

    from tests.archive.make import instance, uid
    from tests.web.server.running import archive_of, running

    st, se = uid(), uid()
    archive = archive_of(tmp_path, [instance(st, se, uid(), number=i, size=1024)
                                    for i in range(24)])  # 24 x 2 MiB of pixels
    try:
        with running(archive) as url:
            total = 0
            tracemalloc.start()
            try:
                with httpx.stream("GET", f"{url}/studies/{st}", headers={
                        "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'},
                        timeout=60) as r:
                    for chunk in r.iter_raw():
                        total += len(chunk)
                _size, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
        assert total > 48 << 20
        assert peak < 12 << 20, peak  # a few file blocks in flight, not the study's 48 MiB
    finally:
        archive.close()
