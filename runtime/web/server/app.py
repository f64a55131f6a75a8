"""The DICOMweb server: an ASGI application (Starlette routing on anyio) over an archive.

>>> from dicomkit.archive import Archive                      # doctest: +SKIP
>>> app = create_app(Archive("/data/pacs"))                   # doctest: +SKIP
>>> uvicorn.run(app, port=8042)                               # doctest: +SKIP

Resources (PS3.18 Table 10.4.1-1, 10.5.1-1, 10.6.1-1): Search (QIDO-RS) at ``/studies``,
``/series``, ``/instances`` and nested under a study and a series; Retrieve (WADO-RS) of
studies, series and instances, their ``/metadata``, ``/rendered`` and ``/thumbnail``, an
instance's ``/frames/{list}`` (and their rendered and thumbnail forms) and its bulk data
``/bulk/{tag path}``; Store (STOW-RS) at ``/studies`` and ``/studies/{study}``; DELETE of
studies, series and instances when :attr:`ServerConfig.allow_delete` is on; Retrieve
Capabilities (PS3.18 8.9) as ``OPTIONS /``: a WADL document made from these routes
(:mod:`dicomkit.web.server.capabilities`).  JSON and XML answers are gzipped for clients
that take it (:mod:`dicomkit.web.server.compression`); streamed retrieves that fail after
they started are cut off, never ended as if complete (:mod:`dicomkit.web.server.streaming`).

Authentication, rate limits and the viewer are not here: :func:`create_app` takes ASGI
middleware (applied inside CORS, so that preflight requests are answered without them) and
extra routes or mounts, which later packages provide.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import anyio
import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from dicomkit.archive import Archive, AsyncArchive
from dicomkit.archive.errors import ArchiveError, NotFoundError
from dicomkit.archive.schema import IMAGE, SERIES, STUDY
from dicomkit.errors import DicomError
from dicomkit.generated.web import MediaType
from dicomkit.net.services.qr.archive_query import ArchiveMatcher
from dicomkit.web import xml_model
from dicomkit.web.json_model import to_json_dict
from dicomkit.web.multipart import Part, aiter_multipart, content_type, iter_multipart, make_boundary
from dicomkit.web.server import capabilities, qido, rendered, stow, wado
from dicomkit.web.server.cache import ByteCache
from dicomkit.web.server.compression import GzipMiddleware, same_entity
from dicomkit.web.server.config import ServerConfig
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.instances import Stored, find_instances, fingerprint
from dicomkit.web.server.negotiation import choose, choose_multipart
from dicomkit.web.server.streaming import CutOffStreamingResponse, prefetch
from dicomkit.web.server.ups_rs import UpsRsService
from dicomkit.web.server.urls import base_url, instance_url
from dicomkit.workitems import AsyncWorkitemStore

__all__ = ["DicomWebServer", "create_app"]

log = logging.getLogger("dicomkit.web.server")

_JSON = str(MediaType.APPLICATION_DICOM_JSON)
_XML = str(MediaType.APPLICATION_DICOM_XML)
_DICOM = str(MediaType.APPLICATION_DICOM)
_OCTET = str(MediaType.APPLICATION_OCTET_STREAM)
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
#: Header fields a browser script may read (CORS): the warnings and part locations of PS3.18
EXPOSED = ("Warning", "Content-Location", "Content-Type", "Content-Range", "ETag", "Location")


def _service(request: Request) -> str:
    """The ``<service>`` of a Warning value (RFC 7234 5.5: the host of the origin server)."""
    return request.headers.get("host") or "dicomkit"


def _with_warnings(response: Response, warnings: Sequence[str]) -> Response:
    for w in warnings:
        response.headers.append("Warning", w)
    return response


def _not_modified(request: Request, etag: str) -> Response | None:
    """A 304 when ``If-None-Match`` names ``etag`` (RFC 7232 3.2)."""
    given = request.headers.get("if-none-match")
    if given is None:
        return None
    tags_ = [t.strip().removeprefix("W/") for t in given.split(",")]
    if "*" in tags_ or any(same_entity(t, etag) for t in tags_):
        return Response(status_code=304, headers={"ETag": etag})
    return None


class DicomWebServer:
    """The request handlers over one archive (see the module); :attr:`app` is the ASGI app."""

    def __init__(self, archive: Archive | AsyncArchive, config: ServerConfig | None = None
                 ) -> None:
        self.aarchive = archive if isinstance(archive, AsyncArchive) else AsyncArchive(archive)
        self.archive: Archive = self.aarchive.archive
        self.config = config or ServerConfig()
        self.matcher = ArchiveMatcher(self.aarchive)
        self.metadata_cache: ByteCache[bytes] = ByteCache(self.config.metadata_cache_bytes)
        self.rendered_cache: ByteCache[bytes] = ByteCache(self.config.rendered_cache_bytes)
        self.search_cache: ByteCache[bytes] = ByteCache(self.config.search_cache_bytes)
        self._search_meta: dict[object, tuple[int, float, list[str]]] = {}
        self._searching: dict[object, anyio.Event] = {}

    # ------------------------------------------------------------------ helpers
    def base(self, request: Request) -> str:
        """The public base URL for this request."""
        return base_url(request, self.config.public_url)

    # ------------------------------------------------------------------ QIDO-RS
    async def search(self, request: Request) -> Response:
        """Search (PS3.18 10.6)."""
        p = request.path_params
        study, series = p.get("study"), p.get("series")
        route = request.scope["route_name"]
        fixed: dict[str, str] = {}
        if study is not None:
            fixed["StudyInstanceUID"] = study
        if series is not None:
            fixed["SeriesInstanceUID"] = series
        choose(request, [_JSON])
        base = self.base(request)
        items = request.query_params.multi_items()
        key = (route, tuple(items), study, series, base, _service(request))
        cached = self._cached_search(key)
        if cached is not None:
            return cached
        running = self._searching.get(key)
        if running is not None:  # the same search under way: wait for its answer
            await running.wait()
            cached = self._cached_search(key)
            if cached is not None:
                return cached
        done = anyio.Event()
        if self.config.search_cache_seconds > 0:
            self._searching[key] = done
        try:
            changes = self.archive.changes
            s = qido.parse_search(route, items, fixed)
            results, warnings = await qido.run_search(self.matcher, s, base, _service(request),
                                                      self.config.max_results)
            body = orjson.dumps([to_json_dict(ds) for ds in results]) if results else b""
            if self.config.search_cache_seconds > 0:
                if len(self._search_meta) > 4 * max(len(self.search_cache), 256):
                    self._search_meta = {k: v for k, v in self._search_meta.items()
                                         if self.search_cache.get(k) is not None}
                # the answer's age counts from when it was made, not from when it was asked
                self._search_meta[key] = (changes, time.monotonic(), warnings)
                self.search_cache.put(key, body)
        finally:
            if self._searching.get(key) is done:
                del self._searching[key]
            done.set()
        return self._search_answer(body, warnings)

    def _cached_search(self, key: object) -> Response | None:
        meta = self._search_meta.get(key)
        if meta is None or meta[0] != self.archive.changes or \
                time.monotonic() - meta[1] >= self.config.search_cache_seconds:
            return None
        body = self.search_cache.get(key)
        return None if body is None else self._search_answer(body, meta[2])

    @staticmethod
    def _search_answer(body: bytes, warnings: list[str]) -> Response:
        if not body:
            return _with_warnings(Response(status_code=204), warnings)
        return _with_warnings(Response(body, media_type=_JSON), warnings)

    # ------------------------------------------------------------------ WADO-RS
    async def _stored(self, request: Request) -> list[Stored]:
        p = request.path_params
        return await find_instances(self.archive, p["study"], p.get("series"),
                                    p.get("instance"))

    async def retrieve(self, request: Request) -> Response:
        """Retrieve instances of a study, series or instance (PS3.18 10.4.1.1.1)."""
        stored = await self._stored(request)
        _part, syntax = choose_multipart(request, [_DICOM], wado.instance_syntax)
        etag = fingerprint(stored, "dicom", syntax)
        cached = _not_modified(request, etag)
        if cached is not None:
            return cached
        wado.check_transcodable(stored, syntax)
        parts = await prefetch(wado.instance_parts(stored, syntax))
        boundary = make_boundary()
        response = CutOffStreamingResponse(aiter_multipart(parts, boundary),
                                           media_type=content_type(boundary, _DICOM),
                                           headers={"ETag": etag})
        response.what = f"{request.method} {request.url.path}"
        return response

    async def metadata(self, request: Request) -> Response:
        """Retrieve metadata at every level (PS3.18 10.4.1.1.2): complete per instance."""
        stored = await self._stored(request)
        xml_offer = f'multipart/related; type="{_XML}"'
        chosen = choose(request, [_JSON, xml_offer])
        base = self.base(request)
        threshold = self.config.bulk_data_threshold
        etag = fingerprint(stored, chosen, base)
        cached = _not_modified(request, etag)
        if cached is not None:
            return cached
        if chosen == "multipart/related":
            parts = await anyio.to_thread.run_sync(self._xml_parts, stored, base, threshold)
            boundary = make_boundary()
            return Response(b"".join(iter_multipart(parts, boundary)),
                            media_type=content_type(boundary, _XML), headers={"ETag": etag})
        whole = self.metadata_cache.get(("all", etag))
        if whole is None:
            found: dict[str, bytes] = {}
            missing = []
            for s in stored:
                one = self.metadata_cache.get((s.sha256, base, threshold))
                if one is None:
                    missing.append(s)
                else:
                    found[s.instance] = one
            if missing:
                made = await anyio.to_thread.run_sync(
                    lambda: [wado.instance_json(s, base, threshold) for s in missing])
                for s, one in zip(missing, made):
                    self.metadata_cache.put((s.sha256, base, threshold), one)
                    found[s.instance] = one
            whole = b"[" + b",".join(found[s.instance] for s in stored) + b"]"
            if len(stored) > 1:
                self.metadata_cache.put(("all", etag), whole)
        return Response(whole, media_type=_JSON, headers={"ETag": etag})

    @staticmethod
    def _xml_parts(stored: list[Stored], base: str, threshold: int) -> list[Part]:
        from dicomkit.io.reader import read

        parts = []
        for s in stored:
            ds = read(str(s.path), defer_size=threshold)
            url = instance_url(base, s.study, s.series, s.instance) + "/bulk/"

            def uri(path: tuple[int, ...], _el: object, u: str = url) -> str:
                return u + wado.bulk_path(path)

            parts.append(Part(xml_model.to_xml(ds, bulk_data_uri=uri,
                                               bulk_data_threshold=threshold),
                              content_type=f"{_XML}; charset=utf-8"))
        return parts

    async def frames(self, request: Request) -> Response:
        """Retrieve frames (PS3.18 10.4.1.1.5)."""
        [s] = await self._stored(request)
        numbers = wado.frame_numbers(request.path_params["frames"], s.frames or 1)
        part, syntax = choose_multipart(request, wado.FRAME_TYPES,
                                        wado.frame_syntax(s.transfer_syntax))
        etag = fingerprint([s], "frames", request.path_params["frames"], part, syntax)
        cached = _not_modified(request, etag)
        if cached is not None:
            return cached
        parts = await wado.frame_parts(s, part, syntax, numbers)
        boundary = make_boundary()
        return Response(b"".join(iter_multipart(parts, boundary)),
                        media_type=content_type(boundary, part), headers={"ETag": etag})

    async def bulkdata(self, request: Request) -> Response:
        """Retrieve bulk data (PS3.18 10.4.1.1.3), with byte ranges (RFC 7233)."""
        [s] = await self._stored(request)
        try:
            single = False
            choose_multipart(request, [_OCTET], lambda _p, ts: ts or "-")
        except HttpError:
            choose(request, [_OCTET])
            single = True
        etag = fingerprint([s], "bulk", request.path_params["path"])
        cached = _not_modified(request, etag)
        if cached is not None:
            return cached
        data = await wado.read_bulk(s, request.path_params["path"])
        status, extra, body = 200, [], data
        rng = request.headers.get("range")
        if rng is not None:
            m = _RANGE.match(rng.strip())
            if m is None or (not m.group(1) and not m.group(2)):
                raise HttpError(416, f"Range {rng!r} is not one byte range 'bytes=first-last'",
                                headers=[("Content-Range", f"bytes */{len(data)}")])
            if m.group(1):
                first = int(m.group(1))
                last = int(m.group(2)) if m.group(2) else len(data) - 1
            else:
                first, last = max(len(data) - int(m.group(2)), 0), len(data) - 1
            if first >= len(data) or last < first:
                raise HttpError(416, f"Range {rng!r} is past the end of the {len(data)} bytes "
                                "of this bulk data (RFC 7233 4.4)",
                                headers=[("Content-Range", f"bytes */{len(data)}")])
            last = min(last, len(data) - 1)
            body = data[first:last + 1]
            status = 206
            extra = [("Content-Range", f"bytes {first}-{last}/{len(data)}")]
        headers = {"ETag": etag, "Accept-Ranges": "bytes"}
        if single:
            headers.update(dict(extra))
            return Response(body, status_code=status, media_type=_OCTET, headers=headers)
        boundary = make_boundary()
        part = Part(body, content_type=_OCTET, headers=extra)
        return Response(b"".join(iter_multipart([part], boundary)), status_code=status,
                        media_type=content_type(boundary, _OCTET), headers=headers)

    async def render(self, request: Request) -> Response:
        """Rendered and thumbnail resources (PS3.18 10.4.1.1.4, 10.4.1.1.6)."""
        thumbnail = request.scope["route_name"].endswith("thumbnail")
        options, notes = rendered.parse_render(request.query_params, thumbnail=thumbnail)
        stored = await self._stored(request)
        frames_text = request.path_params.get("frames")
        numbers = wado.frame_numbers(frames_text, stored[0].frames or 1) if frames_text \
            else None
        single = thumbnail or request.path_params.get("instance") is not None
        warnings = [f'299 {_service(request)} "{n}"' for n in notes]
        if single:
            s = stored[len(stored) // 2] if len(stored) > 1 else stored[0]
            count = s.frames or 1
            if thumbnail:
                media = choose(request, rendered.IMAGE_TYPES)
                frames = numbers[:1] if numbers else [count // 2 + 1 if count > 1 else 1]
            else:  # several frames: an animated GIF or a video (Table 8.7.4-1) when asked
                wanted = numbers or list(range(1, count + 1))
                offers = rendered.IMAGE_TYPES
                if len(wanted) > 1 and rendered.video_available():
                    offers += rendered.VIDEO_TYPES
                media = choose(request, offers)
                several = media in rendered.MULTIFRAME_TYPES + rendered.VIDEO_TYPES
                frames = wanted if several else wanted[:1]
            etag = fingerprint([s], media, ",".join(map(str, frames)), repr(options.key()))
            cached = _not_modified(request, etag)
            if cached is not None:
                return cached
            image = await self._rendered(s, frames, options, media)
            return _with_warnings(Response(image, media_type=media, headers={"ETag": etag}),
                                  warnings)
        try:  # a rendered study or series is multipart (PS3.18 10.4.4); a single-part
            media, _ts = choose_multipart(request, rendered.IMAGE_TYPES,  # Accept of an
                                          lambda _p, _t: "-")  # image type: that part type
        except HttpError:
            media = choose(request, rendered.IMAGE_TYPES)
        boundary = make_boundary()

        async def parts() -> AsyncIterator[Part]:
            for s in stored:
                for f in numbers or range(1, (s.frames or 1) + 1):
                    yield Part(await self._rendered(s, [f], options, media), content_type=media)

        response = CutOffStreamingResponse(aiter_multipart(await prefetch(parts()), boundary),
                                           media_type=content_type(boundary, media))
        response.what = f"{request.method} {request.url.path}"
        return _with_warnings(response, warnings)

    async def _rendered(self, s: Stored, frames: list[int], options: rendered.RenderOptions,
                        media: str) -> bytes:
        key = (s.sha256, tuple(frames), options.key(), media)
        image = self.rendered_cache.get(key)
        if image is None:
            try:
                image = await anyio.to_thread.run_sync(rendered.render_image, str(s.path),
                                                       frames, options, media)
            except HttpError:
                raise
            except DicomError as exc:
                raise HttpError(406, f"instance {s.instance} cannot be rendered: {exc}") from None
            self.rendered_cache.put(key, image)
        return image

    # ------------------------------------------------------------------ STOW-RS
    async def store(self, request: Request) -> Response:
        """Store instances (PS3.18 10.5)."""
        study = request.path_params.get("study")
        kind = stow.check_request_type(request.headers.get("content-type"))
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.config.max_request_bytes:
            raise HttpError(413, f"the request body ({length} bytes) is larger than "
                            f"{self.config.max_request_bytes} bytes, the most this server takes")
        outcome = await stow.store_body(
            self.archive, request.stream(), kind.boundary, study=study,
            policy=self.config.policy, max_bytes=self.config.max_request_bytes,
            max_header=self.config.max_part_header_bytes, root=kind.root)
        for line in outcome.messages():
            log.info("STOW-RS %s: %s", request.url.path, line)
        body = orjson.dumps(to_json_dict(outcome.response(self.base(request), study)))
        response = Response(body, status_code=outcome.status)
        response.headers["Content-Type"] = _JSON  # exactly, no parameter (dicomweb-client)
        return _with_warnings(response, [f'299 {_service(request)} "{m}"'.replace("\n", " ")
                                         for m in outcome.messages()[:20]])

    # ------------------------------------------------------------------ DELETE
    async def delete(self, request: Request) -> Response:
        """Delete a study, series or instance (off unless :attr:`ServerConfig.allow_delete`)."""
        if not self.config.allow_delete:
            raise HttpError(405, "DELETE is not enabled on this server (ServerConfig."
                            "allow_delete; dicomkit serve --allow-delete)",
                            headers=[("Allow", "GET")])
        p = request.path_params
        await self._stored(request)  # 404 when absent, or not of that study (and series)
        level, uid = ((IMAGE, p["instance"]) if "instance" in p else
                      (SERIES, p["series"]) if "series" in p else (STUDY, p["study"]))
        try:
            await self.aarchive.delete(level, uid)
        except NotFoundError as exc:
            raise HttpError(404, str(exc)) from None
        return Response(status_code=204)

    # ------------------------------------------------------------------ capabilities
    def offers(self) -> dict[Any, capabilities.Offer]:
        """What each handler takes and gives, for the Capabilities Description."""
        c = capabilities
        retrieve = (f'multipart/related; type="{_DICOM}"',)
        images = tuple(rendered.IMAGE_TYPES)
        return {
            self.search: c.Offer(c.search_parameters(), (), (_JSON,)),
            self.store: c.Offer((), retrieve, (_JSON,)),
            self.retrieve: c.Offer(c.retrieve_parameters(), (), retrieve),
            self.metadata: c.Offer(c.retrieve_parameters(metadata=True), (),
                                   (_JSON, f'multipart/related; type="{_XML}"')),
            self.render: c.Offer(c.rendered_parameters(), (),
                                 images + (rendered.VIDEO_TYPES if rendered.video_available()
                                           else ())
                                 + tuple(f'multipart/related; type="{t}"' for t in images)),
            self.frames: c.Offer(c.retrieve_parameters(), (),
                                 tuple(f'multipart/related; type="{t}"'
                                       for t in wado.FRAME_TYPES)),
            self.bulkdata: c.Offer(c.retrieve_parameters(), (),
                                   (_OCTET, f'multipart/related; type="{_OCTET}"')),
            self.delete: c.Offer(),
        }

    def methods(self) -> list[capabilities.Method]:
        """The routes as the Capabilities Description lists them (DELETE only when on)."""
        offers = self.offers()
        out = []
        for route in self.routes():
            assert isinstance(route, Route)
            offer = offers[route.endpoint]
            if route.endpoint == self.render and route.name.endswith("thumbnail"):
                offer = capabilities.Offer(capabilities.thumbnail_parameters(), (),
                                           tuple(rendered.IMAGE_TYPES))
            for method in sorted(route.methods or ()):
                if method == "HEAD" or (method == "DELETE" and not self.config.allow_delete):
                    continue
                out.append(capabilities.Method(method, route.path, route.name, offer))
        return out

    async def capabilities(self, request: Request) -> Response:
        """Retrieve Capabilities (PS3.18 8.9): the WADL document of Annex H, or JSON."""
        chosen = choose(request, [capabilities.WADL, "application/json"])
        base = self.base(request)
        allow = {"Allow": "GET, POST, DELETE, OPTIONS" if self.config.allow_delete
                 else "GET, POST, OPTIONS"}
        if chosen == "application/json":
            return Response(orjson.dumps(capabilities.describe_json(self.methods(), base)),
                            media_type="application/json", headers=allow)
        return Response(capabilities.describe_wadl(self.methods(), base),
                        media_type=capabilities.WADL, headers=allow)

    # ------------------------------------------------------------------ routes
    def routes(self) -> list[BaseRoute]:
        """The DICOMweb routes (their names are the resource names of PS3.18)."""
        st = "/studies/{study}"
        se = st + "/series/{series}"
        ins = se + "/instances/{instance}"
        r: list[BaseRoute] = [
            Route("/studies", self.search, methods=["GET"], name="All Studies"),
            Route("/series", self.search, methods=["GET"], name="All Series"),
            Route("/instances", self.search, methods=["GET"], name="All Instances"),
            Route(st + "/series", self.search, methods=["GET"], name="Study's Series"),
            Route(st + "/instances", self.search, methods=["GET"], name="Study's Instances"),
            Route(se + "/instances", self.search, methods=["GET"],
                  name="Study's Series' Instances"),
            Route("/studies", self.store, methods=["POST"], name="store"),
            Route(st, self.store, methods=["POST"], name="store study"),
        ]
        for path, level in ((st, "study"), (se, "series"), (ins, "instance")):
            r += [
                Route(path, self.retrieve, methods=["GET"], name=f"{level}"),
                Route(path, self.delete, methods=["DELETE"], name=f"delete {level}"),
                Route(path + "/metadata", self.metadata, methods=["GET"], name=f"{level} metadata"),
                Route(path + "/rendered", self.render, methods=["GET"], name=f"{level} rendered"),
                Route(path + "/thumbnail", self.render, methods=["GET"],
                      name=f"{level} thumbnail"),
            ]
        r += [
            Route(ins + "/frames/{frames}", self.frames, methods=["GET"], name="frames"),
            Route(ins + "/frames/{frames}/rendered", self.render, methods=["GET"],
                  name="frames rendered"),
            Route(ins + "/frames/{frames}/thumbnail", self.render, methods=["GET"],
                  name="frames thumbnail"),
            Route(ins + "/bulk/{path}", self.bulkdata, methods=["GET"], name="bulkdata"),
        ]
        return r


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HttpError)
    if exc.status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc.reason)
    headers = dict(exc.headers)
    return Response(exc.reason + "\n", status_code=exc.status, media_type="text/plain",
                    headers=headers)


async def _dicom_error(request: Request, exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.url.path)
    status = 503 if isinstance(exc, ArchiveError) else 500
    return Response(f"the server could not answer: {exc}\n", status_code=status,
                    media_type="text/plain")


def create_app(archive: Archive | AsyncArchive, config: ServerConfig | None = None, *,
               middleware: Sequence[Middleware] = (), mounts: Sequence[BaseRoute] = (),
               prefix: str = "", workitems: AsyncWorkitemStore | None = None,
               ae_title: str = "DICOMKIT") -> Starlette:
    """The DICOMweb ASGI application over ``archive``.

    Parameters
    ----------
    config
        The server's choices (:class:`ServerConfig`).
    middleware
        ASGI middleware (``starlette.middleware.Middleware(cls, **options)``), outermost
        first, applied inside CORS: authentication, rate limits.
    mounts
        More routes or mounts (a viewer's static files), tried after the DICOMweb ones.
    prefix
        The path DICOMweb is served under (``/dicom-web``); empty: the root.
    workitems
        A workitem store: UPS-RS (PS3.18 11) is served over it
        (:class:`~dicomkit.web.server.ups_rs.UpsRsService`, ``app.state.ups_rs``), its events
        shared with every other transport over the store (its event hub).
    ae_title
        The origin server's AE title (UPS-RS: the Requesting AE of cancel requests).
    """
    server = DicomWebServer(archive, config)
    cfg = server.config
    routes: list[BaseRoute] = []
    for route in server.routes():
        assert isinstance(route, Route)
        endpoint = route.endpoint
        name = route.name

        def bind(fn: Any = endpoint, n: str = name) -> Any:
            async def handler(request: Request) -> Response:
                request.scope["route_name"] = n
                result: Response = await fn(request)
                return result
            return handler

        routes.append(Route(route.path, bind(), methods=sorted(route.methods or ()), name=name))
    ups_rs = None
    if workitems is not None:
        ups_rs = UpsRsService(workitems, ae_title=ae_title, public_url=cfg.public_url,
                              max_results=cfg.max_results)
        routes += ups_rs.routes()
    routes.append(Route("/", server.capabilities, methods=["OPTIONS"], name="capabilities"))
    dicomweb: list[BaseRoute] = [Mount(prefix, routes=routes)] if prefix else routes
    stack = [Middleware(CORSMiddleware, allow_origins=list(cfg.cors_origins),
                        allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
                        allow_headers=["*"],
                        expose_headers=list(EXPOSED), max_age=600)]
    if cfg.gzip_minimum_bytes is not None:
        stack.append(Middleware(GzipMiddleware, minimum_size=cfg.gzip_minimum_bytes))
    stack += middleware
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # the UPS-RS service listens on the store's hub from its creation (events published
        # before the server's startup are not lost); it stops listening when the server stops,
        # so that a store outliving many apps does not keep feeding dead connection sets
        try:
            yield
        finally:
            if ups_rs is not None:
                ups_rs.close()

    app = Starlette(routes=[*dicomweb, *mounts], middleware=stack, lifespan=lifespan,
                    exception_handlers={HttpError: _http_error, DicomError: _dicom_error})
    app.state.dicomweb = server
    app.state.ups_rs = ups_rs
    return app
