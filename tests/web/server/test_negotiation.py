"""Content negotiation (PS3.18 8.7) and CORS of the dicomkit server."""

from __future__ import annotations

import pytest

from tests.web.server.conftest import Served


@pytest.mark.parametrize("accept", [
    "application/dicom+json",
    "*/*",
    "application/*",
    "application/dicom+xml;q=0.5, application/dicom+json",
    # OHIF merges its metadata accept with the frame one
    "application/dicom+json, multipart/related; type=application/octet-stream; transfer-syntax=*",
    'multipart/related; type="application/octet-stream"; transfer-syntax=*, application/dicom+json;q=0.9',
])
def test_search_accepts_what_includes_dicom_json(served: Served, accept: str) -> None:
    r = served.http.get("/studies", headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/dicom+json"


def test_accept_query_parameter_overrides_the_header(served: Served) -> None:
    r = served.http.get("/studies", params={"accept": "application/dicom+json"},
                        headers={"Accept": "image/png"})
    assert r.status_code == 200
    r = served.http.get("/studies", params={"accept": "image/png"},
                        headers={"Accept": "application/dicom+json"})
    assert r.status_code == 406


def test_several_accept_header_fields_are_one_list(served: Served) -> None:
    r = served.http.get("/studies", headers=[("Accept", "image/png"),
                                             ("Accept", "application/dicom+json")])
    assert r.status_code == 200


@pytest.mark.parametrize("accept", ["image/png", "application/dicom+json;q=0", "text/html"])
def test_406_only_when_nothing_fits(served: Served, accept: str) -> None:
    r = served.http.get("/studies", headers={"Accept": accept})
    assert r.status_code == 406
    assert "application/dicom+json" in r.text  # says what it offers


def test_malformed_accept_is_400(served: Served) -> None:
    r = served.http.get("/studies", headers={"Accept": "application/dicom+json;q=7"})
    assert r.status_code == 400 and "Accept" in r.text


def test_metadata_for_ohifs_merged_accept_is_json(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][0]
    r = served.http.get(f"/studies/{st}/series/{se}/metadata", headers={
        "Accept": "application/dicom+json, multipart/related; type=application/octet-stream; "
                  "transfer-syntax=*"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/dicom+json"


def test_metadata_as_multipart_xml(served: Served) -> None:
    st = served.studies[1]
    r = served.http.get(f"/studies/{st}/metadata",
                        headers={"Accept": 'multipart/related; type="application/dicom+xml"'})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith('multipart/related; type="application/dicom+xml"')
    assert b"NativeDicomModel" in r.content


def test_cors_preflight_and_exposed_headers(served: Served) -> None:
    r = served.http.options("/studies", headers={
        "Origin": "http://viewer.test", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization, accept"})
    assert r.status_code == 200
    assert "GET" in r.headers["access-control-allow-methods"]
    assert "authorization" in r.headers["access-control-allow-headers"].lower()
    r = served.http.get("/studies", params={"limit": "1"}, headers={"Origin": "http://viewer.test"})
    assert r.headers["access-control-allow-origin"] == "*"
    exposed = r.headers["access-control-expose-headers"].lower()
    assert "warning" in exposed and "content-location" in exposed
