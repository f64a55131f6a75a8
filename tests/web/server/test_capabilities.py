"""The Capabilities Description (PS3.18 8.9, Annex H): ``OPTIONS /`` answers a WADL document
of the server's resources, named by the generated PS3.18 tables, or the same tree as JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import orjson

from dicomkit.generated.web import SEARCH_PARAMETERS
from dicomkit.web.server.capabilities import WADL, WADL_NS
from tests.web.server.conftest import Served

Q = f"{{{WADL_NS}}}"


def _resource(parent: ET.Element, *path: str) -> ET.Element:
    node = parent
    for seg in path:
        found = [r for r in node.findall(Q + "resource") if r.get("path") == seg]
        assert len(found) == 1, (seg, [r.get("path") for r in node.findall(Q + "resource")])
        node = found[0]
    return node


def test_options_root_is_a_wadl_document(served: Served) -> None:
    r = served.http.request("OPTIONS", "/", headers={"Accept": WADL})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(WADL)
    app = ET.fromstring(r.content)
    assert app.tag == Q + "application"  # one application, one resources (Annex H)
    [resources] = app.findall(Q + "resources")
    assert resources.get("base") == served.url + "/"
    studies = _resource(resources, "studies")
    methods = {m.get("name"): m for m in studies.findall(Q + "method")}
    assert set(methods) == {"GET", "POST"}
    params = {p.get("name") for p in methods["GET"].iter(Q + "param")}
    assert params == {p.name for p in SEARCH_PARAMETERS} - {"match"}
    assert {d.get("title") for d in studies.findall(Q + "doc")} >= {"Studies", "All Studies"}
    study = _resource(resources, "studies", "{study}")
    assert {m.get("name") for m in study.findall(Q + "method")} == {"GET", "POST", "DELETE"}
    frames = _resource(resources, "studies", "{study}", "series", "{series}", "instances",
                       "{instance}", "frames", "{frames}")
    assert [d.get("title") for d in frames.findall(Q + "doc")] == ["Frame Pixel Data"]
    types = {t.get("mediaType") for t in frames.iter(Q + "representation")}
    assert 'multipart/related; type="application/octet-stream"' in types
    rendered = _resource(frames, "rendered")
    assert "viewport" in {p.get("name") for p in rendered.iter(Q + "param")}
    # the capabilities transaction itself is not described (Annex H note)
    assert not [m for m in app.iter(Q + "method") if m.get("name") == "OPTIONS"]


def test_capabilities_as_json_and_406(served: Served) -> None:
    r = served.http.request("OPTIONS", "/", headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    doc = orjson.loads(r.content)
    assert doc["base"] == served.url + "/"
    studies = next(x for x in doc["resources"] if x["path"] == "studies")
    assert {m["name"] for m in studies["methods"]} == {"GET", "POST"}
    r = served.http.request("OPTIONS", "/", headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_delete_is_described_only_when_allowed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import httpx

    from tests.web.server.running import archive_of, running

    archive = archive_of(tmp_path)
    try:
        with running(archive) as url:
            r = httpx.request("OPTIONS", url + "/", headers={"Accept": WADL})
        assert r.status_code == 200
        assert b'name="DELETE"' not in r.content and b'name="GET"' in r.content
        assert r.headers["allow"] == "GET, POST, OPTIONS"
    finally:
        archive.close()


def test_cors_preflight_is_still_answered_by_cors(served: Served) -> None:
    r = served.http.request("OPTIONS", "/", headers={
        "Origin": "http://viewer.example", "Access-Control-Request-Method": "GET"})
    assert r.status_code == 200 and "access-control-allow-methods" in r.headers
    assert not r.content.startswith(b"<?xml")
