"""OhifViewer: the generated app-config.js, the SPA fallback, cache and cross-origin isolation
headers, a prefix mount, and no file outside the build; through Starlette and a real uvicorn."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from dicomkit.web.viewer import OhifViewer, ViewerNotFoundError
from tests.web.uvicorn_server import serve
from tests.web.viewer.builds import make_build


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    return make_build(tmp_path / "ohif")


def test_app_config_is_generated_for_the_dicomweb_root(dist: Path) -> None:
    client = TestClient(OhifViewer("/dicom-web", dist=dist))
    r = client.get("/app-config.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert '"qidoRoot": "/dicom-web"' in r.text and "config/default.js" not in r.text
    assert r.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("route", ["/", "/viewer", "/viewer?StudyInstanceUIDs=1.2.3", "/local",
                                   "/segmentation/x"])
def test_client_routes_fall_back_to_index_html(dist: Path, route: str) -> None:
    r = TestClient(OhifViewer("/dicom-web", dist=dist)).get(route)
    assert r.status_code == 200 and r.text.startswith("<!doctype html>")
    assert r.headers["cache-control"] == "no-cache"


def test_hashed_bundles_are_immutable_with_their_media_types(dist: Path) -> None:
    client = TestClient(OhifViewer("/dicom-web", dist=dist))
    js = client.get("/app.bundle.0f6159c501addfe9.js")
    assert js.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert js.headers["content-type"].startswith("text/javascript")
    wasm = client.get("/0ddf166f7a343eda.wasm")
    assert wasm.headers["content-type"] == "application/wasm" and wasm.content.startswith(b"\x00asm")
    assert client.get("/manifest.json").headers["cache-control"] == "no-cache"


def test_cross_origin_isolation_headers_on_every_response(dist: Path) -> None:
    client = TestClient(OhifViewer("/dicom-web", dist=dist))
    for path in ("/", "/app-config.js", "/assets/favicon.ico", "/missing.js"):
        r = client.get(path)
        assert r.headers["cross-origin-opener-policy"] == "same-origin"
        assert r.headers["cross-origin-embedder-policy"] == "require-corp"
    r = TestClient(OhifViewer("/dicom-web", dist=dist, cross_origin_isolation=False)).get("/")
    assert "cross-origin-embedder-policy" not in r.headers


def test_missing_files_and_files_outside_the_build_are_404(dist: Path) -> None:
    (dist.parent / "secret.txt").write_text("no")
    client = TestClient(OhifViewer("/dicom-web", dist=dist))
    assert client.get("/nothing.js").status_code == 404
    assert client.get("/..%2Fsecret.txt").status_code == 404
    assert client.post("/").status_code == 405


@pytest.mark.anyio
async def test_dot_segments_in_the_raw_path_do_not_leave_the_build(dist: Path) -> None:
    (dist.parent / "secret.txt").write_text("no")
    viewer = OhifViewer("/dicom-web", dist=dist)
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    for path in ("/assets/../../secret.txt", "/../secret", "//etc/passwd"):
        sent.clear()
        await viewer({"type": "http", "method": "GET", "path": path, "headers": [],
                      "query_string": b""}, receive, send)  # type: ignore[arg-type]
        assert sent[0]["status"] in (404, 200)
        assert b"no" != b"".join(m.get("body", b"") for m in sent[1:])  # type: ignore[misc]
        if sent[0]["status"] == 200:  # a client route: index.html, never the file
            assert b"".join(m.get("body", b"") for m in sent[1:]).startswith(b"<!doctype")  # type: ignore[misc]


def test_prefix_mount_rewrites_asset_paths_and_router_basename(dist: Path) -> None:
    viewer = OhifViewer("/dicom-web", dist=dist, base_path="/ohif")
    client = TestClient(Starlette(routes=[Mount("/ohif", app=viewer)]))
    index = client.get("/ohif/viewer").text
    assert 'window.PUBLIC_URL="/ohif/"' in index and 'src="/ohif/app.bundle.' in index
    assert 'href="/ohif/manifest.json"' in index
    assert '"routerBasename": "/ohif"' in client.get("/ohif/app-config.js").text
    assert client.get("/ohif/app.bundle.0f6159c501addfe9.js").text == "console.log('app');\n"


def test_absent_build_raises_with_the_npm_command(tmp_path: Path) -> None:
    with pytest.raises(ViewerNotFoundError, match="npm pack @ohif/app@3.13"):
        OhifViewer("/dicom-web", dist=tmp_path)


def test_uvicorn_serves_the_viewer_with_range_requests(dist: Path) -> None:
    with serve(OhifViewer("/dicom-web", dist=dist)) as port:
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/viewer?StudyInstanceUIDs=1.2").text.startswith("<!doctype html>")
        part = httpx.get(f"{base}/0ddf166f7a343eda.wasm", headers={"Range": "bytes=0-3"})
        assert part.status_code == 206 and part.content == b"\x00asm"
        assert httpx.head(f"{base}/app-config.js").status_code == 200
