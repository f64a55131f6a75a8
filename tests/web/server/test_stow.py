"""STOW-RS and DELETE of the dicomkit server (PS3.18 10.5): statuses, the Store Instances
Response, bad bodies that store nothing."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import orjson
import pytest

import dicomkit
from dicomkit.web.multipart import Part, content_type, iter_multipart, make_boundary
from dicomkit.web.server import ServerConfig
from tests.archive.make import instance, uid
from tests.web.server.conftest import Served
from tests.web.server.running import archive_of, running

CT = "multipart/related; type=\"application/dicom\"; boundary={}"


def _body(*files: bytes, boundary: str = "b0und4ry") -> bytes:
    return b"".join(iter_multipart([Part(f, content_type="application/dicom") for f in files],
                                   boundary))


def _post(served: Served, body: bytes, path: str = "/studies", boundary: str = "b0und4ry",
          ctype: str | None = None) -> httpx.Response:
    return served.http.post(path, content=body, headers={
        "Content-Type": ctype or CT.format(boundary), "Accept": "application/dicom+json"})


def _count(served: Served) -> int:
    return served.archive.count("IMAGE")


def test_store_then_retrieve_byte_for_byte(served: Served) -> None:
    st, se = uid(), uid()
    files = {s: instance(st, se, s, number=i) for i, s in enumerate((uid(), uid()), 1)}
    r = _post(served, _body(*files.values()))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/dicom+json"
    answer = orjson.loads(r.content)
    refs = answer["00081199"]["Value"]
    assert {i["00081155"]["Value"][0] for i in refs} == set(files)
    assert answer["00081190"]["Value"] == [f"{served.url}/studies/{st}"]
    for sop, data in files.items():
        got = served.http.get(f"/studies/{st}/series/{se}/instances/{sop}", headers={
            "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'})
        from dicomkit.web.multipart import boundary_of, read_parts
        [(_h, body)] = read_parts(got.content, boundary_of(got.headers["content-type"]))
        assert body == data


def test_study_uid_of_the_url_is_checked(served: Served) -> None:
    st, other = uid(), uid()
    good, bad = instance(st, uid(), uid()), instance(other, uid(), uid())
    r = _post(served, _body(good, bad), path=f"/studies/{st}")
    assert r.status_code == 202
    answer = orjson.loads(r.content)
    [failed] = answer["00081198"]["Value"]
    assert failed["00081197"]["Value"] == [0xC409]
    assert len(answer["00081199"]["Value"]) == 1
    assert "is not" in r.headers["warning"]
    r = _post(served, _body(bad), path=f"/studies/{st}")
    assert r.status_code == 409


def test_damaged_data_set_is_refused_and_not_stored(served: Served) -> None:
    before = _count(served)
    data = instance(uid(), uid(), uid())
    damaged = data[:-100]  # the pixel data cut short: an element past the end (PS3.5 7.1)
    r = _post(served, _body(damaged))
    assert r.status_code == 409
    [failed] = orjson.loads(r.content)["00081198"]["Value"]
    assert failed["00081197"]["Value"] == [0xC000]
    assert "truncated" in r.headers["warning"] or "damaged" in r.headers["warning"]
    assert _count(served) == before
    assert not list((served.archive.root / ".incoming").glob("*"))


@pytest.mark.parametrize("body, words", [
    (lambda good: _body(good)[:-len(b"--b0und4ry--\r\n")], "not a whole multipart"),
    (lambda good: _body(good, boundary="other"), "not a whole multipart"),
    (lambda good: b"--b0und4ry\r\n" + b"X-Big: " + b"a" * 100_000 + b"\r\n\r\n" + good
     + b"\r\n--b0und4ry--\r\n", "not a whole multipart"),
])
def test_malformed_multipart_is_400_and_stores_nothing(served: Served, body, words) -> None:  # type: ignore[no-untyped-def]
    before = _count(served)
    good = instance(uid(), uid(), uid())
    r = _post(served, _body(instance(uid(), uid(), uid())) [:0] + body(good))
    assert r.status_code == 400, r.text
    assert words in r.text and "nothing was stored" in r.text
    assert _count(served) == before
    assert not list((served.archive.root / ".incoming").glob("*"))


def test_first_parts_are_not_stored_when_the_last_is_cut(served: Served) -> None:
    before = _count(served)
    body = _body(instance(uid(), uid(), uid()), instance(uid(), uid(), uid()))
    r = _post(served, body[: len(body) - 50])
    assert r.status_code == 400
    assert _count(served) == before


@pytest.mark.parametrize("ctype, status", [
    ("application/dicom", 415),
    ('multipart/related; type="text/plain"; boundary=b0und4ry', 415),
    # the metadata form (PS3.18 Table 10.5.4-1), here without a metadata part
    ('multipart/related; type="application/dicom+json"; boundary=b0und4ry', 400),
    ("multipart/related; type=\"application/dicom\"", 400),
    ("not a media type;;", 400),
])
def test_request_media_types(served: Served, ctype: str, status: int) -> None:
    r = _post(served, _body(instance(uid(), uid(), uid())), ctype=ctype)
    assert r.status_code == status, r.text


def test_request_size_limit_is_413(tmp_path: Path) -> None:
    archive = archive_of(tmp_path)
    try:
        with running(archive, ServerConfig(max_request_bytes=10_000)) as url:
            data = instance(uid(), uid(), uid())
            boundary = make_boundary()
            body = b"".join(iter_multipart([Part(data, content_type="application/dicom")], boundary))

            def chunks():  # type: ignore[no-untyped-def]
                yield body  # chunked: no Content-Length, the limit is met while reading
            r = httpx.post(url + "/studies", content=chunks(),
                           headers={"Content-Type": content_type(boundary, "application/dicom")})
            assert r.status_code == 413 and "larger than 10000" in r.text
            r = httpx.post(url + "/studies", content=body,
                           headers={"Content-Type": content_type(boundary, "application/dicom")})
            assert r.status_code == 413
            assert archive.count("IMAGE") == 0
    finally:
        archive.close()


@pytest.mark.parametrize("policy, status, stored_text", [
    ("keep", 409, "first"), ("replace", 200, "second"), ("reject", 409, "first")])
def test_duplicate_policy(tmp_path: Path, policy: str, status: int, stored_text: str) -> None:
    archive = archive_of(tmp_path, policy=policy)
    st, se, sop = uid(), uid(), uid()
    first = dicomkit.read(io.BytesIO(instance(st, se, sop)))
    versions = []
    for text in ("first", "second"):
        first.StudyDescription = text
        out = io.BytesIO()
        dicomkit.write(out, first)
        versions.append(out.getvalue())
    try:
        with running(archive) as url, httpx.Client(base_url=url) as http:
            headers = {"Content-Type": CT.format("b0und4ry")}
            assert http.post("/studies", content=_body(versions[0]), headers=headers).status_code == 200
            # the same bytes again: stored already, a success whatever the policy
            assert http.post("/studies", content=_body(versions[0]), headers=headers).status_code == 200
            r = http.post("/studies", content=_body(versions[1]), headers=headers)
            assert r.status_code == status, r.text
            meta = orjson.loads(http.get(f"/studies/{st}/metadata").content)
            assert meta[0]["00081030"]["Value"] == [stored_text]
    finally:
        archive.close()


def test_a_part_of_another_type_is_an_other_failure(served: Served) -> None:
    body = b"".join(iter_multipart([Part(b"{}", content_type="application/json"),
                                    Part(instance(uid(), uid(), uid()),
                                         content_type="application/dicom")], "b0und4ry"))
    r = _post(served, body)
    assert r.status_code == 202
    assert "0008119A" in orjson.loads(r.content)


def test_delete_at_every_level(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][0]
    sop = orjson.loads(served.http.get(f"/studies/{st}/series/{se}/instances").content)[0][
        "00080018"]["Value"][0]
    assert served.http.delete(f"/studies/{st}/series/{se}/instances/{sop}").status_code == 204
    assert served.http.get(f"/studies/{st}/series/{se}/instances/{sop}").status_code == 404
    assert served.http.delete(f"/studies/{st}/series/{se}").status_code == 204
    assert served.http.get(f"/studies/{st}/series/{se}").status_code == 404
    assert served.http.delete(f"/studies/{st}").status_code == 204
    assert served.http.get(f"/studies/{st}").status_code == 404
    assert served.http.delete(f"/studies/{st}").status_code == 404
    assert _count(served) == 1


def test_delete_is_off_by_default(tmp_path: Path) -> None:
    st = uid()
    archive = archive_of(tmp_path, [instance(st, uid(), uid())])
    try:
        with running(archive) as url:
            r = httpx.delete(f"{url}/studies/{st}")
            assert r.status_code == 405 and "not enabled" in r.text
            assert archive.count("IMAGE") == 1
    finally:
        archive.close()


def test_a_part_whose_content_type_cannot_be_read_is_an_other_failure(served: Served) -> None:
    # found by tests/web/server/test_fuzz.py: a MediaTypeError escaped as a 500
    body = b"".join(iter_multipart([Part(instance(uid(), uid(), uid()),
                                         content_type=",application/dicom")], "b0und4ry"))
    r = _post(served, body)
    assert r.status_code == 409
    assert "cannot be read" in r.headers["warning"]
