"""The OHIF viewer in a real browser, for tests: the prebuilt viewer (npm ``@ohif/app`` 3.13),
``playwright-core`` (npm) and Debian's headless ``chromium``.

Setup (once; ``.ci/run`` does it, tests never reach the internet)::

    apt-get install chromium
    python -m tests.web.ohif install        # npm: @ohif/app@3.13 and playwright-core into .cache/ohif

The install folder is ``$DICOMKIT_OHIF_HOME`` or ``.cache/ohif`` in the project (ignored by git).
Absent pieces skip the tests, or fail them under ``DICOMKIT_REQUIRE_ALL`` (tests/conftest.py).

:func:`viewer_site` serves the viewer with :class:`dicomkit.web.viewer.OhifViewer` and a reverse
proxy of ``/dicom-web`` to any DICOMweb root (Orthanc's now, ours later), all at one origin, and
logs every DICOMweb request; :func:`run_browser` drives Chromium through the study list and a
study with ``tests/web/viewer/ohif_driver.cjs`` and keeps the screenshots and request logs.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import missing

PROJECT = Path(__file__).resolve().parents[2]
#: The OHIF release and the playwright-core major the harness is made for.
OHIF_SPEC = "@ohif/app@3.13"
PLAYWRIGHT_SPEC = "playwright-core@1"
CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path(__file__).with_name("viewer") / "ohif_driver.cjs"
SETUP = "apt-get install chromium && python -m tests.web.ohif install"


def home() -> Path:
    """Where the npm packages are installed."""
    return Path(os.environ.get("DICOMKIT_OHIF_HOME") or PROJECT / ".cache" / "ohif")


def dist_dir(root: Path | None = None) -> Path:
    # beside node_modules, not in it: npm prunes packages it did not install itself
    return (root or home()) / "ohif-app" / "dist"


def playwright_dir(root: Path | None = None) -> Path:
    return (root or home()) / "node_modules" / "playwright-core"


def install(root: Path | None = None) -> None:
    """Install ``@ohif/app`` (its prebuilt ``dist`` only: ``npm pack`` then unpack, without the
    hundreds of build dependencies ``npm install`` would pull; into ``ohif-app/``) and ``playwright-core`` (no browser
    download: it drives Debian's chromium) into ``root``."""
    root = root or home()
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not installed (apt-get install npm)")
    root.mkdir(parents=True, exist_ok=True)
    if not (dist_dir(root) / "index.html").is_file():
        with tempfile.TemporaryDirectory(dir=root) as tmp:
            name = subprocess.run([npm, "pack", OHIF_SPEC, "--silent", "--pack-destination", tmp],
                                  check=True, capture_output=True, text=True).stdout.split()[-1]
            staging = Path(tmp) / "app"
            with tarfile.open(Path(tmp) / name) as tar:
                tar.extractall(staging, filter="data")
            target = dist_dir(root).parent
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                shutil.rmtree(target)
            (staging / "package").rename(target)  # visible only once whole
    if not (playwright_dir(root) / "package.json").is_file():
        subprocess.run([npm, "install", "--prefix", str(root), "--no-save", "--no-audit", "--no-fund",
                        "--ignore-scripts", PLAYWRIGHT_SPEC], check=True)
    print(f"OHIF viewer in {dist_dir(root)}, playwright-core in {playwright_dir(root)}")


@dataclass(frozen=True)
class Harness:
    """What the browser tests need: the viewer build, playwright-core, chromium, node."""

    dist: Path
    playwright: Path
    chromium: Path
    node: str


@pytest.fixture(scope="session")
def ohif_harness() -> Harness:
    """The installed harness, or a skip (a failure in CI) saying how to set it up."""
    node = shutil.which("node")
    if node is None:
        missing("Node.js (apt-get install nodejs)")
        raise AssertionError("unreachable")
    if not CHROMIUM.exists():
        missing(f"Debian's chromium at {CHROMIUM} ({SETUP})")
    if not (dist_dir() / "index.html").is_file():
        missing(f"the OHIF viewer {OHIF_SPEC} in {dist_dir()} ({SETUP})")
    if not (playwright_dir() / "package.json").is_file():
        missing(f"{PLAYWRIGHT_SPEC} in {playwright_dir()} ({SETUP})")
    return Harness(dist_dir(), playwright_dir(), CHROMIUM, node)


# -- the site: the viewer and a DICOMweb reverse proxy at one origin ------------------------------

@dataclass
class RequestLog:
    """The DICOMweb requests the viewer made, as the proxy saw them."""

    entries: list[dict[str, Any]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [e["target"] for e in self.entries]

    def write(self, path: Path) -> None:
        path.write_text("".join(f"{e['method']} {e['target']} -> {e['status']}  "
                                f"accept={e['accept']!r}\n" for e in self.entries))


_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
        "transfer-encoding", "upgrade", "content-length"}


def proxy_app(upstream: str, log: RequestLog, client: Any, *, middleware: list[Any] | None = None) -> Any:
    """An ASGI reverse proxy of every request to ``upstream`` (a DICOMweb root), streaming both
    ways.  The ``Host`` header is passed on, so that a server building absolute URLs from it (as
    Orthanc's BulkDataURIs) names this origin.  ``client`` is an ``httpx.AsyncClient``."""
    from starlette.applications import Starlette
    from starlette.background import BackgroundTask
    from starlette.middleware import Middleware
    from starlette.requests import Request
    from starlette.responses import StreamingResponse
    from starlette.routing import Route

    async def forward(request: Request) -> StreamingResponse:
        path = request.url.path
        root = request.scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root):]
        query = request.scope.get("query_string", b"").decode("latin-1")
        target = path + ("?" + query if query else "")
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _HOP]
        upstream_request = client.build_request(request.method, upstream.rstrip("/") + target,
                                                headers=headers, content=request.stream())
        response = await client.send(upstream_request, stream=True)
        log.entries.append({"method": request.method, "target": target, "status": response.status_code,
                            "accept": request.headers.get("accept"),
                            "content_type": response.headers.get("content-type")})
        out_headers = {k: v for k, v in response.headers.items() if k.lower() not in _HOP}
        return StreamingResponse(response.aiter_raw(), status_code=response.status_code,
                                 headers=out_headers, background=BackgroundTask(response.aclose))

    return Starlette(routes=[Route("/{rest:path}", forward, methods=["GET", "HEAD", "POST", "PUT",
                                                                      "DELETE", "OPTIONS"])],
                     middleware=[m if isinstance(m, Middleware) else Middleware(m)
                                 for m in middleware or []])


@contextlib.contextmanager
def viewer_site(harness: Harness, upstream: str, *, dicomweb_middleware: list[Any] | None = None,
                **viewer_options: Any) -> Iterator[tuple[str, RequestLog]]:
    """Serve the viewer at ``/`` and ``upstream`` at ``/dicom-web`` on one free loopback port
    (uvicorn); yields the site's URL and the DICOMweb request log."""
    import httpx
    from starlette.applications import Starlette
    from starlette.routing import Mount

    from dicomkit.web.viewer import OhifViewer
    from tests.web.uvicorn_server import serve

    log = RequestLog()
    viewer = OhifViewer("/dicom-web", dist=harness.dist, **viewer_options)
    client = httpx.AsyncClient(timeout=60)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        yield
        await client.aclose()

    proxy = proxy_app(upstream, log, client, middleware=dicomweb_middleware)
    app = Starlette(routes=[Mount("/dicom-web", app=proxy), Mount("/", app=viewer)], lifespan=lifespan)
    with serve(app, lifespan="on") as port:
        yield f"http://127.0.0.1:{port}", log


@dataclass(frozen=True)
class BrowserRun:
    """What the driver saw: the steps (``study-list``, ``thumbnails``, ``image``) passed or not,
    the browser's requests, requests to other origins it refused, and the output folder."""

    steps: dict[str, tuple[bool, Any]]
    requests: list[dict[str, Any]]
    blocked: list[str]
    out: Path

    def failed(self) -> list[str]:
        return [f"{k}: {d}" for k, (ok, d) in self.steps.items() if not ok]


def run_browser(harness: Harness, base_url: str, out: Path, *, studies: list[dict[str, Any]],
                viewer_uid: str, viewer_query: str = "", filter_text: str = "",
                filter_expect: list[str] | None = None, filter_request: str = "",
                timeout_s: float = 60) -> BrowserRun:
    """Run the driver; screenshots, ``browser-requests.json``, ``console.log`` and
    ``result.json`` are left in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    config = {"playwright": str(harness.playwright), "chromium": str(harness.chromium),
              "baseUrl": base_url, "outDir": str(out), "studies": studies,
              "viewer": {"uid": viewer_uid, "query": viewer_query}, "timeoutMs": int(timeout_s * 1000),
              "filter": {"text": filter_text, "expect": filter_expect or [], "request": filter_request}
              if filter_text else None}
    (out / "driver-config.json").write_text(json.dumps(config, indent=1))
    proc = subprocess.run([harness.node, str(DRIVER), str(out / "driver-config.json")],
                          capture_output=True, text=True, timeout=timeout_s * 4 + 60)
    (out / "driver-output.log").write_text(proc.stdout + proc.stderr)
    result_file = out / "result.json"
    if not result_file.is_file():
        raise AssertionError(f"the browser driver wrote no result (exit {proc.returncode}): "
                             f"{proc.stderr[-3000:]}")
    result = json.loads(result_file.read_text())
    requests_file = out / "browser-requests.json"
    requests = json.loads(requests_file.read_text()) if requests_file.is_file() else []
    steps = {s["name"]: (bool(s["ok"]), s["detail"]) for s in result["steps"]}
    return BrowserRun(steps, requests, list(result["blocked"]), out)


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        raise SystemExit("usage: python -m tests.web.ohif install")
    install()
