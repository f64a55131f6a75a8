"""The OHIF viewer's static files as an ASGI application, at the same origin as the DICOMweb
server: a generated ``app-config.js`` pointing at it, the SPA fallback to ``index.html`` for the
viewer's client routes (``/viewer?StudyInstanceUIDs=...``, ``/segmentation``, ...), cache headers
(hashed bundles immutable, the rest revalidated) and the cross-origin isolation headers (COOP
``same-origin``, COEP ``require-corp``) that let the viewer use ``SharedArrayBuffer`` for its
decoders.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import anyio
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

from dicomkit.web.viewer.config import app_config_js
from dicomkit.web.viewer.dist import find_ohif_dist
from dicomkit.web.viewer.errors import ViewerError

__all__ = ["OhifViewer"]

# Webpack's content-hashed names: 100.bundle.cb02411ce321d4e4.js, 0ddf166f7a343eda.wasm
_HASHED = re.compile(r"(?:^|[./])[0-9a-f]{16,}\.[a-z0-9]+$")
_MEDIA_TYPES = {".wasm": "application/wasm", ".js": "text/javascript; charset=utf-8",
                ".mjs": "text/javascript; charset=utf-8", ".json": "application/json",
                ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".woff2": "font/woff2",
                ".html": "text/html; charset=utf-8", ".ico": "image/x-icon", ".png": "image/png"}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


class OhifViewer:
    """ASGI app serving an OHIF viewer build.

    Parameters
    ----------
    dicomweb_root
        The DICOMweb root the viewer queries, best at the same origin (``/dicom-web``).
    dist
        The build folder (holding ``index.html``); found by :func:`find_ohif_dist` when ``None``.
    base_path
        The path the viewer is served at, ``"/"`` or e.g. ``"/viewer"`` (without a trailing
        slash); the build's absolute asset paths are rewritten to it.
    cross_origin_isolation
        Send ``Cross-Origin-Opener-Policy: same-origin`` and
        ``Cross-Origin-Embedder-Policy: require-corp`` (then every resource the viewer loads must
        be same-origin or send CORP/CORS headers: serve DICOMweb at the same origin).
    **config
        Options of :func:`dicomkit.web.viewer.config.app_config` (``thumbnail_rendering``,
        ``supports_fuzzy_matching``, ``extra``, ...).

    Raises
    ------
    ViewerNotFoundError
        No build found.
    ViewerError
        The build's ``index.html`` cannot be read.
    """

    def __init__(self, dicomweb_root: str, *, dist: str | os.PathLike[str] | None = None,
                 base_path: str = "/", cross_origin_isolation: bool = True, **config: Any) -> None:
        self.dist = find_ohif_dist(dist)
        base = "/" + base_path.strip("/")
        self.base_path = base
        try:
            index = (self.dist / "index.html").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ViewerError(f"{self.dist / 'index.html'} cannot be read: {exc}") from exc
        if base != "/":
            index = (index.replace('window.PUBLIC_URL="/"', f'window.PUBLIC_URL="{base}/"')
                     .replace('href="/', f'href="{base}/').replace('src="/', f'src="{base}/'))
        self.index_html = index.encode("utf-8")
        self.app_config = app_config_js(dicomweb_root, router_basename=base, **config).encode("utf-8")
        self.headers = {"X-Content-Type-Options": "nosniff",
                        "Cross-Origin-Resource-Policy": "same-origin"}
        if cross_origin_isolation:
            self.headers |= {"Cross-Origin-Opener-Policy": "same-origin",
                             "Cross-Origin-Embedder-Policy": "require-corp"}
        self._root = self.dist.resolve()

    def _relative(self, scope: Scope) -> str:
        path = str(scope.get("path", "/"))
        root = str(scope.get("root_path", ""))
        if root and path.startswith(root):
            path = path[len(root):]
        if self.base_path != "/" and (path == self.base_path or path.startswith(self.base_path + "/")):
            path = path[len(self.base_path):]
        return path.lstrip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            raise ViewerError(f"the viewer serves HTTP only, not {scope['type']}")
        method = scope.get("method", "GET")
        if method not in ("GET", "HEAD"):
            response: Response = PlainTextResponse(f"{method} is not allowed on the viewer's files",
                                                   status_code=405, headers={"Allow": "GET, HEAD"})
            await response(scope, receive, send)
            return
        response = await self._respond(self._relative(scope))
        response.headers.update(self.headers)
        await response(scope, receive, send)

    async def _respond(self, relative: str) -> Response:
        if relative == "app-config.js":
            return Response(self.app_config, media_type="text/javascript; charset=utf-8",
                            headers={"Cache-Control": REVALIDATE})
        if relative in ("", "index.html"):
            return self._index()
        candidate = (self._root / relative)
        try:
            resolved = Path(await anyio.Path(candidate).resolve())
        except OSError:
            resolved = candidate
        inside = resolved.is_relative_to(self._root)
        if inside and await anyio.Path(resolved).is_file():
            cache = IMMUTABLE if _HASHED.search(resolved.name) else REVALIDATE
            return FileResponse(resolved, headers={"Cache-Control": cache},
                                media_type=_MEDIA_TYPES.get(resolved.suffix.lower()))
        last = relative.rsplit("/", 1)[-1]
        if inside and "." not in last:  # a client route of the single-page app
            return self._index()
        return PlainTextResponse(f"no file {relative!r} in the viewer", status_code=404,
                                 headers={"Cache-Control": REVALIDATE})

    def _index(self) -> Response:
        return Response(self.index_html, media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": REVALIDATE})

    def __repr__(self) -> str:
        return f"OhifViewer({self.dist}, at {self.base_path})"


