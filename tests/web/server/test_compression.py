"""gzip of JSON and XML answers (RFC 9110 8.4.1, 12.5.3): searches, metadata and the
capabilities are compressed for clients that take gzip; DICOM files, frames and images not."""

from __future__ import annotations

import gzip

import httpx
import orjson
import pytest

from dicomkit.web.server.compression import accepts_gzip, same_entity
from tests.web.server.conftest import Served

GZ = {"Accept-Encoding": "gzip"}
NONE = {"Accept-Encoding": "identity"}


def _raw(served: Served, path: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
    with served.http.stream("GET", path, headers=headers) as r:
        return r, b"".join(r.iter_raw())


@pytest.mark.parametrize("value, takes", [
    ("gzip", True), ("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.5", True), ("*", True),
    ("gzip;q=0", False), ("identity", False), ("", False), (None, False), ("gzip;q=x", False),
    ("*;q=0.1", True), ("x-gzip", True), ("deflate", False)])
def test_accepts_gzip(value: str | None, takes: bool) -> None:
    assert accepts_gzip(value) is takes


def test_same_entity() -> None:
    assert same_entity('"abc"', '"abc"') and same_entity('"abc-gzip"', '"abc"')
    assert not same_entity('"abd-gzip"', '"abc"') and not same_entity('"abc"', '"abd"')


def test_search_and_metadata_are_gzipped(served: Served) -> None:
    st = served.studies[0]
    for path in ("/studies", f"/studies/{st}/metadata", f"/studies/{st}/instances"):
        plain, body = _raw(served, path, NONE)
        assert "content-encoding" not in plain.headers and len(body) >= 1024
        r, raw = _raw(served, path, GZ)
        assert r.headers["content-encoding"] == "gzip", path
        assert "accept-encoding" in r.headers["vary"].lower()
        assert int(r.headers["content-length"]) == len(raw) < len(body)
        assert orjson.loads(gzip.decompress(raw)) == orjson.loads(body)


def test_gzipped_etag_is_its_own_and_revalidates(served: Served) -> None:
    path = f"/studies/{served.studies[0]}/metadata"
    plain, _ = _raw(served, path, NONE)
    r, _ = _raw(served, path, GZ)
    assert r.headers["etag"] != plain.headers["etag"]
    assert r.headers["etag"] == plain.headers["etag"][:-1] + '-gzip"'
    again = served.http.get(path, headers={**GZ, "If-None-Match": r.headers["etag"]})
    assert again.status_code == 304


def test_dicom_files_frames_and_images_are_not_gzipped(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][0]
    sop = orjson.loads(served.http.get(f"/studies/{st}/series/{se}/instances").content)[0][
        "00080018"]["Value"][0]
    base = f"/studies/{st}/series/{se}/instances/{sop}"
    for path in (f"/studies/{st}", base + "/frames/1", base + "/rendered", base + "/thumbnail"):
        r, _ = _raw(served, path, GZ)
        assert r.status_code == 200 and "content-encoding" not in r.headers, path


def test_capabilities_gzipped(served: Served) -> None:
    r = served.http.request("OPTIONS", "/", headers=GZ)
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert r.content.startswith(b"<?xml")  # httpx decodes it
