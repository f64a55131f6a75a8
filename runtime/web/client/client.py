"""The async DICOMweb client: QIDO-RS, WADO-RS and STOW-RS (PS3.18 10) over a transport.

>>> async with DicomWebClient("http://pacs/dicom-web") as web:        # doctest: +SKIP
...     studies = await web.search_studies({"PatientID": "123"}, includefield="all")
...     paths = await web.retrieve_to("out/", studies[0].StudyInstanceUID)
...     result = await web.store(["a.dcm", "b.dcm"])

Every request goes through :meth:`DicomWebClient.request`: credentials added, idempotent
requests retried (429, 503, connection errors), and an HTTP error raised as
:class:`~dicomkit.web.errors.DicomWebError` with the method, URL, status, Warning header and
an excerpt of the body.  Bodies are streamed both ways: a retrieved study is read one part at a
time (and written to disk part by part by :meth:`DicomWebClient.retrieve_to`), a stored one is
sent from the files in chunks.  The resources' paths are the URI templates of PS3.18 10.4 to
10.6 (``dicomkit.generated.web.RESOURCES``).

Server quirks handled: 204 or ``[]`` (or an empty body) for no results; ``Warning`` headers
kept (:attr:`SearchResults.warnings`, :attr:`StoreResult.warnings`); media types with
``charset`` or other parameters; 202 and 409 Store responses parsed into per-instance outcomes;
header names in any case; quoted or unquoted boundaries; frames without ``transfer-syntax``
(Explicit VR Little Endian, PS3.18 8.7.3.3.1); servers that ignore ``offset`` or ``limit``
while paging; a Store answered 400 with a Store Instances Response (Orthanc).  WADO-URI
(PS3.18 9.4) is there for servers without WADO-RS (:meth:`DicomWebClient.retrieve_wado_uri`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urljoin

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.core.tag import as_tag_int
from dicomkit.generated import tags, uids
from dicomkit.generated.web import (
    HTTP_STATUSES,
    MATCHING_KEYS,
    RENDERED_PARAMETERS,
    RESOURCES,
    SEARCH_RESOURCES,
    THUMBNAIL_PARAMETERS,
    URI_PARAMETERS,
    MediaType,
)
from dicomkit.io.reader import read, read_bytes
from dicomkit.io.writer import encode_file
from dicomkit.web import json_model, media_types, xml_model
from dicomkit.web.client.options import IDEMPOTENT_METHODS, Auth, RetryPolicy, TlsOptions
from dicomkit.web.client.query import Match, QueryKey, key_name, query_params
from dicomkit.web.client.results import (
    Frame,
    SearchResults,
    StoreResult,
    parse_store_response,
)
from dicomkit.web.client.transport import Body, HttpxTransport, Response, Transport
from dicomkit.web.client.workitems import WorkitemCalls
from dicomkit.web.errors import (
    DicomWebConnectionError,
    DicomWebError,
    JsonModelError,
    WebModelError,
)
from dicomkit.web.metadata_bulkdata import DEFAULT_THRESHOLD, encode_instances
from dicomkit.web.multipart import (
    AsyncBodyPart,
    Headers,
    Part,
    aiter_multipart,
    aiter_parts,
    boundary_of,
    content_type,
    file_body,
    make_boundary,
)

__all__ = ["DicomWebClient", "Instance", "multipart_accept", "resource_path", "unlisted_keys"]

#: What :meth:`DicomWebClient.store` accepts: a Part 10 file's path, its bytes, a data set.
Instance = str | os.PathLike[str] | bytes | Dataset

_BODY_EXCERPT = 2000
_WRITE_SIZE = 1 << 20
#: Search answers up to this size (by Content-Length) are parsed whole, larger ones streamed.
_WHOLE_JSON = 4 << 20
_TEMPLATE_VAR = re.compile(r"\{(\w+)\}")
_TEMPLATE_QUERY = re.compile(r"\{\?[^}]*\}")


def resource_path(transaction: str, name: str, **values: str) -> str:
    """The path of a Studies Service resource from its URI template (PS3.18 10.4.1, 10.5.1,
    10.6.1; ``dicomkit.generated.web.RESOURCES``), the variables filled in, percent-encoded.

    >>> resource_path("Retrieve", "Series Metadata", study="1.2", series="3.4")
    '/studies/1.2/series/3.4/metadata'
    """
    for r in RESOURCES:
        if r.service == "Studies" and r.transaction == transaction and r.name == name:
            template = _TEMPLATE_QUERY.sub("", r.uri_template)
            return _TEMPLATE_VAR.sub(lambda m: quote(values[m.group(1)], safe=","), template)
    raise KeyError(f"PS3.18 has no Studies {transaction} resource {name!r}")


def _level_path(transaction: str, kind: str, study: str, series: str | None,
                instance: str | None, frames: str | None = None) -> str:
    """The resource of a Retrieve at the deepest level given (kind: "" for instances,
    "Metadata", "Rendered", "Thumbnail", "Bulkdata", "Pixel Data")."""
    if frames is not None:
        if instance is None or series is None:
            raise ValueError("frames need a series and an instance")
        name = {"Rendered": "Rendered Frames", "Thumbnail": "Frame Thumbnail",
                "Pixel Data": "Frame Pixel Data"}[kind]
        return resource_path(transaction, name, study=study, series=series, instance=instance,
                             frames=frames)
    if instance is not None:
        if series is None:
            raise ValueError("an instance needs its series")
        level = "Instance"
    elif series is not None:
        level = "Series"
    else:
        level = "Study"
    if kind == "":
        name = {"Study": "Study Instances", "Series": "Series Instances",
                "Instance": "Instance"}[level]
    elif kind == "Rendered":
        name = f"Rendered {level}"
    else:
        name = f"{level} {kind}"
    values = {"study": study}
    if series is not None:
        values["series"] = series
    if instance is not None:
        values["instance"] = instance
    return resource_path(transaction, name, **values)


def unlisted_keys(resource: str, match: Match | None) -> list[str]:
    """The matching keys of ``match`` that PS3.18 does not require an origin server to support
    on the Search ``resource`` (its IE levels' keys, Tables 10.6.1-4 and 10.6.1-5): a server may
    still match on them, or ignore them (then results are not filtered by them)."""
    levels = next((r.levels for r in SEARCH_RESOURCES if r.name == resource), None)
    if levels is None:
        raise KeyError(f"PS3.18 has no Search resource {resource!r}")
    listed = {k.path[0] for level in levels for k in MATCHING_KEYS.get(level, ())}
    out = []
    for key in match or {}:
        first = key.split(".", 1)[0] if isinstance(key, str) else key
        if as_tag_int(first) not in listed:
            out.append(key_name(key))
    return out


def _param(name: str, table: Sequence[Any]) -> str:
    """A query parameter's name, checked against the generated table that defines it."""
    if not any(p.name == name for p in table):
        raise KeyError(f"{name!r} is not a parameter of PS3.18 Table {table[0].table}")
    return name


def _warnings(headers: Headers) -> list[str]:
    return [v for k, v in headers.items if k.lower() == "warning"]


def _mime(headers: Headers) -> media_types.ContentType | None:
    text = headers.get("content-type")
    if text is None or not text.strip():
        return None
    try:
        return media_types.parse(text)
    except WebModelError:
        return None


def multipart_accept(choices: Iterable[tuple[str, str | None, float]]) -> str:
    """An Accept header of multipart/related ranges with q-values (PS3.18 8.7.3.5, RFC 7231
    5.3.2): ``[("image/jls", uids.JPEGLSLossless, 1.0), ("application/octet-stream", None,
    0.5)]`` asks for JPEG-LS frames, or uncompressed ones if the server has none."""
    out = []
    for type_, transfer_syntax, q in choices:
        if not 0 <= q <= 1:
            raise ValueError(f"q-value {q} is not between 0 and 1 (RFC 7231 5.3.1)")
        text = _part_accept(type_, transfer_syntax)
        out.append(text if q == 1 else f"{text}; q={q:.3g}")
    if not out:
        raise ValueError("an Accept header needs at least one media range")
    return ", ".join(out)


def _part_accept(type_: str, transfer_syntax: str | None) -> str:
    ct = media_types.ContentType("multipart", "related")
    params = {"type": type_}
    if transfer_syntax is not None:
        params["transfer-syntax"] = transfer_syntax
    return str(ct.with_params(**params))


def _json_array(body: bytes) -> list[Dataset]:
    """The data sets of a whole DICOM JSON array (PS3.18 F.2.1); none for a blank body."""
    if not body.strip():
        return []
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise JsonModelError(f"not JSON: {exc}") from None
    if not isinstance(doc, list):
        raise JsonModelError(f"a Search answer is a JSON array (PS3.18 F.2.1), not a "
                             f"{type(doc).__name__}")
    out = []
    for i, item in enumerate(doc):
        if not isinstance(item, dict):
            raise JsonModelError(f"not a DICOM JSON object but a {type(item).__name__}", f"[{i}]")
        out.append(json_model.from_json_dict(item))
    return out


async def _json_datasets(chunks: AsyncIterator[bytes]) -> AsyncIterator[Dataset]:
    """The data sets of a DICOM JSON array body; none for a body of only white space (a 200
    with an empty body, as some servers send for no results)."""
    held: list[bytes] = []
    async for chunk in chunks:
        held.append(chunk)
        if chunk.strip():
            break
    else:
        return

    async def rest() -> AsyncIterator[bytes]:
        for h in held:
            yield h
        async for more in chunks:
            yield more

    async for ds in json_model.aiter_datasets(rest()):
        yield ds


class DicomWebClient(WorkitemCalls):
    """A DICOMweb user agent of one origin server's Studies Service (PS3.18 10) and Worklist
    Service (UPS-RS, PS3.18 11: the calls of
    :class:`~dicomkit.web.client.workitems.WorkitemCalls`, events by :meth:`aiter_events`).

    Parameters
    ----------
    url
        The service's base URL (``http://host:8042/dicom-web``).
    transport
        How requests are sent (default :class:`HttpxTransport` with ``tls`` and ``timeout``).
    auth
        :class:`~dicomkit.web.client.options.BasicAuth`, ``BearerAuth`` or None.
    tls
        CA, client certificate (:class:`~dicomkit.web.client.options.TlsOptions`).
    timeout
        Seconds for connecting and each read (None: none).
    retry
        Retries of idempotent requests (default :class:`RetryPolicy`).
    headers
        Header fields added to every request.
    wado_uri
        The URL of the server's URI Service (WADO-URI, PS3.18 9), e.g.
        ``http://host:8042/wado``, for :meth:`retrieve_wado_uri`.
    http2
        Offer HTTP/2 over TLS to the server (the default transport; needs ``h2``).
    """

    def __init__(self, url: str, *, transport: Transport | None = None, auth: Auth | None = None,
                 tls: TlsOptions | None = None, timeout: float | None = 30.0,
                 retry: RetryPolicy | None = None,
                 headers: Mapping[str, str] | None = None, wado_uri: str | None = None,
                 http2: bool = False) -> None:
        self.url = url.rstrip("/")
        self.wado_uri = wado_uri
        self.ssl_context = tls.context() if tls is not None else None
        self.transport: Transport = transport or HttpxTransport(
            verify=self.ssl_context if self.ssl_context is not None else True,
            timeout=timeout, http2=http2)
        self.auth = auth
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.headers = dict(headers or {})

    async def __aenter__(self) -> DicomWebClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the transport's connections."""
        await self.transport.aclose()

    # ------------------------------------------------------------------ requests
    def url_of(self, path: str, params: Sequence[tuple[str, str]] = ()) -> str:
        """The absolute URL of ``path`` (relative to the base URL, or absolute) with a query."""
        if path.startswith(("http://", "https://")):
            url = path
        elif path.startswith("/"):
            url = self.url + path
        else:
            url = urljoin(self.url + "/", path)
        if params:
            # RFC 3986 3.4 lets '/' and ':' stand in a query; Orthanc's WADO-URI does not
            # decode %2F (contentType=application%2Fdicom is a 400 there)
            url += ("&" if "?" in url else "?") + urlencode(list(params), quote_via=quote,
                                                            safe="*,/:")
        return url

    async def request(self, method: str, url: str, *, accept: str | None = None,
                      content_type: str | None = None, body: Body = None,
                      headers: Sequence[tuple[str, str]] = (),
                      allow: frozenset[int] = frozenset()) -> Response:
        """Send a request (retrying idempotent ones) and return the response, whose body the
        caller reads and closes.  A status of 400 or more not in ``allow`` raises.

        Raises
        ------
        DicomWebError
            For an error status (with the Warning header and a body excerpt).
        DicomWebConnectionError
            When no response came, after the retries.
        """
        fields: list[tuple[str, str]] = list(self.headers.items())
        if accept is not None:
            fields.append(("Accept", accept))
        if content_type is not None:
            fields.append(("Content-Type", content_type))
        fields.extend(headers)
        attempts = self.retry.attempts if method.upper() in IDEMPOTENT_METHODS else 1
        attempt = 0
        reauthorized = False
        while True:
            attempt += 1
            sent = list(fields)
            if self.auth is not None:
                field = await self.auth.aheader(self.transport)
                if field is not None:
                    sent.append(field)
            try:
                response = await self.transport.request(method, url, sent, body,
                                                        timeout=self.timeout)
            except DicomWebConnectionError:
                if attempt >= attempts:
                    raise
                await anyio.sleep(self.retry.delay(attempt))
                continue
            status = response.status
            if status in self.retry.statuses and attempt < attempts:
                retry_after = response.headers.get("retry-after")
                await response.aclose()
                await anyio.sleep(self.retry.delay(attempt, retry_after))
                continue
            if (status == 401 and self.auth is not None and not reauthorized
                    and (body is None or isinstance(body, bytes)) and self.auth.invalidate()):
                reauthorized = True  # a token that expired early: once more with a new one
                attempt -= 1
                await response.aclose()
                continue
            if status >= 400 and status not in allow:
                raise await self._error(method, url, response, accept)
            return response

    async def _error(self, method: str, url: str, response: Response,
                     accept: str | None) -> DicomWebError:
        excerpt = b""
        try:
            async for chunk in response.aiter_bytes():
                excerpt += chunk
                if len(excerpt) >= _BODY_EXCERPT:
                    break
        except DicomWebConnectionError:
            pass
        finally:
            await response.aclose()
        status = response.status
        known = HTTP_STATUSES.get(status)
        reason = known.reason if known is not None else "error"
        if status == 406:
            reason += (f": the server has no representation of this resource for Accept: "
                       f"{accept} (PS3.18 8.7.8); ask for another media type or transfer syntax")
        elif status in (401, 403):
            reason += ": check the credentials (auth=BasicAuth(...) or BearerAuth(...))"
        return DicomWebError(reason, method=method, url=url, status=status,
                             warning=", ".join(_warnings(response.headers)),
                             body=excerpt[:_BODY_EXCERPT].decode("utf-8", "replace"))

    @contextlib.asynccontextmanager
    async def _get(self, url: str, accept: str, headers: Sequence[tuple[str, str]] = ()
                   ) -> AsyncIterator[Response]:
        response = await self.request("GET", url, accept=accept, headers=headers)
        try:
            yield response
        finally:
            await response.aclose()

    # ------------------------------------------------------------------ QIDO-RS
    async def aiter_search(self, path: str, match: Match | None = None, *,
                           includefield: Iterable[QueryKey] | str | None = None,
                           fuzzymatching: bool | None = None, limit: int | None = None,
                           offset: int | None = None, page_size: int | None = None,
                           extra: Mapping[str, str] | None = None,
                           warnings: list[str] | None = None) -> AsyncIterator[Dataset]:
        """The data sets of a Search (PS3.18 10.6) on ``path``, as they arrive.

        With ``page_size`` the results are asked for ``page_size`` at a time (``limit`` and
        ``offset``, 8.3.4.4) until a page comes back short, ``limit`` results have come, or
        the server is seen ignoring ``offset`` (a page starting with the first page's first
        result: then paging stops, with a note in ``warnings``).  The responses' Warning
        headers are appended to ``warnings``.
        """
        if page_size is None:
            async for ds in self._search_page(path, match, includefield, fuzzymatching, limit,
                                              offset, extra, warnings):
                yield ds
            return
        if page_size <= 0:
            raise ValueError("page_size must be positive")
        done = 0
        position = offset or 0
        first: Dataset | None = None
        while limit is None or done < limit:
            want = page_size if limit is None else min(page_size, limit - done)
            page = [ds async for ds in self._search_page(path, match, includefield,
                                                         fuzzymatching, want, position, extra,
                                                         warnings)]
            if not page:
                return
            if first is None:
                first = page[0]
            elif page[0] == first:
                if warnings is not None:
                    warnings.append(f"the server ignored offset={position}: paging stopped "
                                    "(PS3.18 8.3.4.4)")
                return
            for ds in page[:want]:
                yield ds
            done += min(len(page), want)
            position += len(page)
            if len(page) < want:
                return
            if len(page) > want:
                if warnings is not None:
                    warnings.append(f"the server ignored limit={want}: paging stopped")
                return

    async def _search_page(self, path: str, match: Match | None,
                           includefield: Iterable[QueryKey] | str | None,
                           fuzzymatching: bool | None, limit: int | None, offset: int | None,
                           extra: Mapping[str, str] | None,
                           warnings: list[str] | None) -> AsyncIterator[Dataset]:
        params = query_params(match, includefield=includefield, fuzzymatching=fuzzymatching,
                              limit=limit, offset=offset, extra=extra)
        async with self._get(self.url_of(path, params),
                             str(MediaType.APPLICATION_DICOM_JSON)) as response:
            if warnings is not None:
                warnings.extend(_warnings(response.headers))
            if response.status == 204:
                return
            ct = _mime(response.headers)
            if ct is not None and ct.mime == MediaType.APPLICATION_DICOM_XML:
                raise DicomWebError("the server answered Native DICOM XML to a request for "
                                    "DICOM JSON", method="GET", url=self.url_of(path, params),
                                    status=response.status)
            length = response.headers.get("content-length") or ""
            if length.strip().isdigit() and int(length) <= _WHOLE_JSON:
                # a small answer of known size: one json.loads beats the streaming splitter
                body = b"".join([c async for c in response.aiter_bytes()])
                for ds in _json_array(body):
                    yield ds
                return
            async for ds in _json_datasets(response.aiter_bytes()):
                yield ds

    async def _search(self, resource: str, path: str, match: Match | None,
                      options: dict[str, Any]) -> SearchResults:
        warnings: list[str] = []
        found = [ds async for ds in self.aiter_search(path, match, warnings=warnings,
                                                      **options)]
        return SearchResults(found, warnings, unlisted_keys(resource, match))

    async def search_studies(self, match: Match | None = None, **options: Any) -> SearchResults:
        """Search for studies (PS3.18 10.6, "All Studies").

        ``match`` maps keys to values (:mod:`dicomkit.web.client.query`); ``options`` are
        those of :meth:`aiter_search` (``includefield``, ``fuzzymatching``, ``limit``,
        ``offset``, ``page_size``, ``extra``).
        """
        return await self._search("All Studies", resource_path("Search", "All Studies"), match,
                                  options)

    async def search_series(self, match: Match | None = None, *, study: str | None = None,
                            **options: Any) -> SearchResults:
        """Search for series, in all studies or in ``study`` (PS3.18 10.6)."""
        name = "Study's Series" if study is not None else "All Series"
        path = (resource_path("Search", name, study=study) if study is not None
                else resource_path("Search", name))
        return await self._search(name, path, match, options)

    async def search_instances(self, match: Match | None = None, *, study: str | None = None,
                               series: str | None = None, **options: Any) -> SearchResults:
        """Search for instances: all, in ``study``, or in ``study``'s ``series`` (PS3.18 10.6)."""
        if series is not None:
            if study is None:
                raise ValueError("a series search of instances needs the study")
            name = "Study's Series' Instances"
            path = resource_path("Search", name, study=study, series=series)
        elif study is not None:
            name = "Study's Instances"
            path = resource_path("Search", name, study=study)
        else:
            name = "All Instances"
            path = resource_path("Search", name)
        return await self._search(name, path, match, options)

    # ------------------------------------------------------------------ WADO-RS
    @contextlib.asynccontextmanager
    async def _parts(self, url: str, accept: str, headers: Sequence[tuple[str, str]] = ()
                     ) -> AsyncIterator[AsyncIterator[tuple[Headers, AsyncIterator[bytes]]]]:
        """The parts of a multipart/related response (or the body of a single-part one)."""
        async with self._get(url, accept, headers) as response:
            ct = _mime(response.headers)

            async def parts() -> AsyncIterator[tuple[Headers, AsyncIterator[bytes]]]:
                if response.status == 204:
                    return
                if ct is not None and ct.type == "multipart":
                    part: AsyncBodyPart
                    async for part in aiter_parts(response.aiter_bytes(), boundary_of(ct)):
                        yield part.headers, part.chunks()
                else:
                    single = Headers([(k, v) for k, v in response.headers.items
                                      if k.lower() in ("content-type", "content-location")])
                    yield single, response.aiter_bytes()

            yield parts()

    async def aiter_retrieve(self, study: str, series: str | None = None,
                             instance: str | None = None, *, transfer_syntax: str | None = None,
                             **read_options: Any) -> AsyncIterator[Dataset]:
        """The instances of a study, series or instance (PS3.18 10.4, application/dicom), one
        data set at a time (each part is read whole, one part at a time).

        ``transfer_syntax`` is the ``transfer-syntax`` parameter: a UID, ``"*"`` (any: the
        server's choice, usually the stored one), or None (no parameter: Explicit VR Little
        Endian, PS3.18 Table 8.7.3-2).  ``read_options`` go to :func:`dicomkit.read`.
        """
        url = self.url_of(_level_path("Retrieve", "", study, series, instance))
        async with self._parts(url, _part_accept(MediaType.APPLICATION_DICOM,
                                                 transfer_syntax)) as parts:
            async for _headers, chunks in parts:
                data = b"".join([c async for c in chunks])
                yield await anyio.to_thread.run_sync(functools.partial(read_bytes, data, **read_options))

    async def retrieve(self, study: str, series: str | None = None, instance: str | None = None,
                       *, transfer_syntax: str | None = None, **read_options: Any
                       ) -> list[Dataset]:
        """:meth:`aiter_retrieve` as a list."""
        return [ds async for ds in self.aiter_retrieve(study, series, instance,
                                                       transfer_syntax=transfer_syntax,
                                                       **read_options)]

    async def retrieve_to(self, folder: str | os.PathLike[str], study: str,
                          series: str | None = None, instance: str | None = None, *,
                          transfer_syntax: str | None = None,
                          progress: Callable[[int, int], None] | None = None) -> list[Path]:
        """Write the instances of a study, series or instance to ``folder`` as Part 10 files
        named ``<SOP Instance UID>.dcm``, each streamed to a temporary name and renamed once
        complete (nothing is held in memory but one chunk).  ``progress(instances, bytes)``
        is called after each instance.  Returns the paths written, in the order received.
        """
        out = Path(folder)
        await anyio.Path(out).mkdir(parents=True, exist_ok=True)
        url = self.url_of(_level_path("Retrieve", "", study, series, instance))
        written: list[Path] = []
        total = 0
        async with self._parts(url, _part_accept(MediaType.APPLICATION_DICOM,
                                                 transfer_syntax)) as parts:
            async for _headers, chunks in parts:
                tmp = out / f".dicomkit-{make_boundary()}.part"
                try:
                    async with await anyio.open_file(tmp, "wb") as fh:
                        held = bytearray()  # one worker-thread write per MiB, not per chunk
                        async for chunk in chunks:
                            held += chunk
                            total += len(chunk)
                            if len(held) >= _WRITE_SIZE:
                                await fh.write(bytes(held))
                                held.clear()
                        if held:
                            await fh.write(bytes(held))
                    uid = await anyio.to_thread.run_sync(_sop_instance_uid, tmp)
                    final = out / f"{uid}.dcm"
                    await anyio.Path(tmp).replace(final)
                except BaseException:
                    with contextlib.suppress(OSError):
                        await anyio.Path(tmp).unlink()
                    raise
                written.append(final)
                if progress is not None:
                    progress(len(written), total)
        return written

    async def retrieve_metadata(self, study: str, series: str | None = None,
                                instance: str | None = None, *, xml: bool = False
                                ) -> list[Dataset]:
        """The metadata of a study, series or instance (PS3.18 10.4.1.1.2): DICOM JSON, or
        Native DICOM XML parts with ``xml``.  Bulk data stay as
        :class:`~dicomkit.web.bulkdata.BulkDataURI` values (fetch them with
        :meth:`retrieve_bulkdata`)."""
        url = self.url_of(_level_path("Retrieve", "Metadata", study, series, instance))
        if xml:
            found: list[Dataset] = []
            async with self._parts(url, _part_accept(MediaType.APPLICATION_DICOM_XML,
                                                     None)) as parts:
                async for _headers, chunks in parts:
                    found.append(xml_model.from_xml(b"".join([c async for c in chunks])))
            return found
        async with self._get(url, str(MediaType.APPLICATION_DICOM_JSON)) as response:
            if response.status == 204:
                return []
            return [ds async for ds in
                    _json_datasets(response.aiter_bytes())]

    async def retrieve_frames(self, study: str, series: str, instance: str,
                              frames: int | Iterable[int], *,
                              media_type: str = MediaType.APPLICATION_OCTET_STREAM,
                              transfer_syntax: str | None = None,
                              accept: str | None = None) -> list[Frame]:
        """Frames of an instance (PS3.18 10.4.1.1.5), numbered from 1: uncompressed
        (application/octet-stream) or in a compressed media type (``image/jls`` ...), in
        ``transfer_syntax`` when given.  A part without ``transfer-syntax`` is Explicit VR
        Little Endian for octet-stream (PS3.18 8.7.3.3.1).  ``accept`` replaces the Accept
        header (several ranges with q-values: :func:`multipart_accept`); each frame then says
        the media type and syntax the server chose."""
        numbers = [frames] if isinstance(frames, int) else list(frames)
        if not numbers or any(n < 1 for n in numbers):
            raise ValueError("frame numbers start at 1")
        url = self.url_of(_level_path("Retrieve", "Pixel Data", study, series, instance,
                                      ",".join(str(n) for n in numbers)))
        found: list[Frame] = []
        async with self._parts(url, accept or _part_accept(media_type, transfer_syntax)) as parts:
            async for headers, chunks in parts:
                data = b"".join([c async for c in chunks])
                ct = headers.content_type
                mime = ct.mime if ct is not None else str(media_type)
                ts = ct.param("transfer-syntax") if ct is not None else None
                found.append(Frame(data, mime, ts or uids.ExplicitVRLittleEndian))
        return found

    async def retrieve_bulkdata(self, uri: str, *, byte_range: tuple[int, int | None] | None = None
                                ) -> bytes:
        """The value of a BulkDataURI (PS3.18 10.4.1.1.3), relative to the base URL or
        absolute; ``byte_range`` asks for ``(first, last)`` bytes (RFC 7233, last inclusive or
        None for the end)."""
        headers: list[tuple[str, str]] = []
        if byte_range is not None:
            first, last = byte_range
            headers.append(("Range", f"bytes={first}-{'' if last is None else last}"))
        chunks: list[bytes] = []
        async with self._parts(self.url_of(uri),
                               _part_accept(MediaType.APPLICATION_OCTET_STREAM, None),
                               headers) as parts:
            async for _headers, body in parts:
                chunks.extend([c async for c in body])
                break
        return b"".join(chunks)

    async def _rendered(self, kind: str, table: Sequence[Any], study: str, series: str | None,
                        instance: str | None, frames: int | Iterable[int] | None,
                        media_type: str, params: dict[str, str | None]) -> bytes:
        frame_text = None
        if frames is not None:
            frame_text = (str(frames) if isinstance(frames, int)
                          else ",".join(str(f) for f in frames))
        path = _level_path("Retrieve", kind, study, series, instance, frame_text)
        query = [(_param(k, table), v) for k, v in params.items() if v is not None]
        async with self._get(self.url_of(path, query), media_type) as response:
            return b"".join([c async for c in response.aiter_bytes()])

    async def retrieve_rendered(self, study: str, series: str | None = None,
                                instance: str | None = None, *,
                                frames: int | Iterable[int] | None = None,
                                media_type: str = MediaType.IMAGE_JPEG,
                                window: tuple[float, float, str] | None = None,
                                viewport: tuple[int, ...] | None = None,
                                quality: int | None = None, annotation: str | None = None
                                ) -> bytes:
        """A rendered study, series, instance or frames (PS3.18 10.4.1.1.4, 8.3.5.1): the
        bytes of ``media_type``; ``window`` is (center, width, shape: "linear", "sigmoid")."""
        params = {
            "window": ",".join(str(v) for v in window) if window else None,
            "viewport": ",".join(str(v) for v in viewport) if viewport else None,
            "quality": str(quality) if quality is not None else None,
            "annotation": annotation,
        }
        return await self._rendered("Rendered", RENDERED_PARAMETERS, study, series, instance,
                                    frames, media_type, params)

    async def retrieve_thumbnail(self, study: str, series: str | None = None,
                                 instance: str | None = None, *,
                                 frames: int | Iterable[int] | None = None,
                                 media_type: str = MediaType.IMAGE_JPEG,
                                 viewport: tuple[int, int] | None = None) -> bytes:
        """A thumbnail (PS3.18 10.4.1.1.6, 8.3.5) as the bytes of ``media_type``."""
        params = {"viewport": ",".join(str(v) for v in viewport) if viewport else None}
        return await self._rendered("Thumbnail", THUMBNAIL_PARAMETERS, study, series, instance,
                                    frames, media_type, params)

    # ------------------------------------------------------------------ WADO-URI
    async def retrieve_wado_uri(self, study: str, series: str, instance: str, *,
                                content_type: str = MediaType.APPLICATION_DICOM,
                                transfer_syntax: str | None = None, anonymize: bool = False,
                                extra: Mapping[str, str] | None = None) -> bytes:
        """One instance through the URI Service (WADO-URI, PS3.18 9.4: the older single GET
        with ``requestType=WADO``), for servers that have no WADO-RS: the bytes of
        ``content_type`` (a Part 10 file by default) from ``wado_uri`` (set on the client).
        """
        if self.wado_uri is None:
            raise ValueError("WADO-URI needs the client's wado_uri (the URI Service's URL)")
        request_type = next(p.values.strip('"') for p in URI_PARAMETERS
                            if p.name == "requestType")
        query: list[tuple[str, str]] = [
            (_param("requestType", URI_PARAMETERS), request_type),
            (_param("studyUID", URI_PARAMETERS), study),
            (_param("seriesUID", URI_PARAMETERS), series),
            (_param("objectUID", URI_PARAMETERS), instance),
            (_param("contentType", URI_PARAMETERS), str(content_type)),
        ]
        if transfer_syntax is not None:
            query.append((_param("transferSyntax", URI_PARAMETERS), transfer_syntax))
        if anonymize:
            query.append((_param("anonymize", URI_PARAMETERS), "yes"))
        query.extend((extra or {}).items())
        async with self._get(self.url_of(self.wado_uri, query), str(content_type)) as response:
            return b"".join([c async for c in response.aiter_bytes()])

    # ------------------------------------------------------------------ STOW-RS
    async def store(self, instances: Iterable[Instance], *, study: str | None = None,
                    batch_size: int = 100, batch_bytes: int | None = None,
                    progress: Callable[[int, int], None] | None = None) -> StoreResult:
        """Store instances (PS3.18 10.5): Part 10 files streamed from disk, bytes or data sets
        (encoded in their transfer syntax), in multipart/related requests of at most
        ``batch_size`` instances and, with ``batch_bytes``, of at most that many bytes of
        instances (a larger instance goes alone).

        A 200, 202 (some stored) or 409 (none stored) response is parsed into one
        :class:`~dicomkit.web.client.results.InstanceOutcome` per instance, and so is a 400
        that carries a Store Instances Response (Orthanc's answer to a batch it stored only
        part of); an instance such a response does not name is "unknown".  Any other error
        status raises.  ``progress(sent, total)`` is called after each batch.  Store requests
        are not retried (POST is not idempotent).
        """
        if batch_size <= 0 or (batch_bytes is not None and batch_bytes <= 0):
            raise ValueError("batch_size and batch_bytes must be positive")
        items = list(instances)
        path = (resource_path("Store", "Study", study=study) if study is not None
                else resource_path("Store", "Studies"))
        url = self.url_of(path)
        result = StoreResult()
        parts: list[Part] = []
        sent: list[tuple[str, str]] = []
        size = 0
        done = 0
        for item in items:
            part, ids, length = await anyio.to_thread.run_sync(_store_part, item)
            if parts and (len(parts) >= batch_size
                          or (batch_bytes is not None and size + length > batch_bytes)):
                await self._store_batch(url, parts, sent, result)
                done += len(parts)
                if progress is not None:
                    progress(done, len(items))
                parts, sent, size = [], [], 0
            parts.append(part)
            sent.append(ids)
            size += length
        if parts:
            await self._store_batch(url, parts, sent, result)
            if progress is not None:
                progress(done + len(parts), len(items))
        return result

    async def store_metadata(self, datasets: Iterable[Dataset], *, study: str | None = None,
                             media: str = str(MediaType.APPLICATION_DICOM_JSON),
                             threshold: int = DEFAULT_THRESHOLD) -> StoreResult:
        """Store instances as Metadata and Bulkdata representations (PS3.18 10.5.1.4): their
        DICOM JSON (one array) or Native DICOM XML (one part each) followed by a part per bulk
        data value (binary values above ``threshold`` bytes, Pixel Data and the Encapsulated
        Document always), compressed pixel data as its Table 8.7.3-5 media type, one part per
        frame.  One request for all instances; the response is read as :meth:`store` reads it.
        """
        items = list(datasets)
        root, parts = await anyio.to_thread.run_sync(
            lambda: encode_instances(items, media=media, threshold=threshold))
        sent = [(_text(ds, tags.SOPClassUID), _text(ds, tags.SOPInstanceUID)) for ds in items]
        path = (resource_path("Store", "Study", study=study) if study is not None
                else resource_path("Store", "Studies"))
        result = StoreResult()
        await self._store_batch(self.url_of(path), parts, sent, result,
                                root=root)
        return result

    async def _store_batch(self, url: str, parts: list[Part], sent: list[tuple[str, str]],
                           result: StoreResult,
                           root: str = str(MediaType.APPLICATION_DICOM)) -> None:
        boundary = make_boundary()
        response = await self.request(
            "POST", url, accept=str(MediaType.APPLICATION_DICOM_JSON),
            content_type=content_type(boundary, root),
            body=aiter_multipart(parts, boundary), allow=frozenset({400, 409}))
        try:
            body = b"".join([c async for c in response.aiter_bytes()])
        finally:
            await response.aclose()
        if response.status == 400:
            # Orthanc answers 400 where PS3.18 10.5.3 has 409 or 202, with a Store Instances
            # Response naming what it did store: read it; any other 400 is an error
            try:
                answer = _store_response(body, _mime(response.headers), url, 400)
            except DicomWebError:
                answer = None
            if answer is None or not (tags.ReferencedSOPSequence in answer
                                      or tags.FailedSOPSequence in answer):
                raise DicomWebError("Bad Request", method="POST", url=url, status=400,
                                    warning=", ".join(_warnings(response.headers)),
                                    body=body[:_BODY_EXCERPT].decode("utf-8", "replace"))
        else:
            answer = _store_response(body, _mime(response.headers), url, response.status)
        result.http_statuses.append(response.status)
        result.warnings.extend(_warnings(response.headers))
        result.responses.append(answer)
        result.outcomes.extend(parse_store_response(answer, sent))


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    return str(el.value).strip() if el is not None and el.value else ""


def _sop_instance_uid(path: Path) -> str:
    ds = read(path, stop_before_pixels=True, specific_tags=[tags.SOPInstanceUID])
    uid = ds.get(tags.SOPInstanceUID)
    text = str(uid.value).strip() if uid is not None and uid.value else ""
    if not text or "/" in text or text.startswith("."):
        raise DicomWebError(f"a retrieved part has no usable SOP Instance UID ({text!r})")
    return text


def _store_part(item: Instance) -> tuple[Part, tuple[str, str], int]:
    """A Store part for an instance, its (SOP Class UID, SOP Instance UID) and its size."""
    body: bytes | AsyncIterator[bytes]
    if isinstance(item, Dataset):
        ds = item
        body = encode_file(item)
        size = len(body)
    elif isinstance(item, bytes):
        ds = read_bytes(item, stop_before_pixels=True)
        body = item
        size = len(body)
    else:
        ds = read(item, stop_before_pixels=True,
                  specific_tags=[tags.SOPClassUID, tags.SOPInstanceUID])
        body = file_body(item)
        size = os.stat(item).st_size
    ids = []
    for tag in (tags.SOPClassUID, tags.SOPInstanceUID):
        el = ds.get(tag)
        ids.append(str(el.value).strip() if el is not None and el.value else "")
    return (Part(body, content_type=str(MediaType.APPLICATION_DICOM)), (ids[0], ids[1]), size)


def _store_response(body: bytes, ct: media_types.ContentType | None, url: str,
                    status: int) -> Dataset | None:
    """The Store Instances Response (PS3.18 I.1) of a body in DICOM JSON (an object, or an
    array of one as some servers send) or Native DICOM XML; None when there is none."""
    if not body.strip():
        return None
    try:
        if ct is not None and (ct.mime == MediaType.APPLICATION_DICOM_XML
                               or ct.mime == MediaType.TEXT_XML or ct.subtype.endswith("+xml")):
            return xml_model.from_xml(body)
        doc = json.loads(body)
        if isinstance(doc, list):
            doc = doc[0] if doc else {}
        return json_model.from_json_dict(doc)
    except (ValueError, WebModelError) as exc:
        raise DicomWebError(f"the Store response is not a Store Instances Response: {exc}",
                            method="POST", url=url, status=status,
                            body=body[:_BODY_EXCERPT].decode("utf-8", "replace")) from exc
