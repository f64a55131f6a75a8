"""Random and mutated input for the server's parsers of outside input: query parameters
(parse_search, rendered parameters, frame lists, Range), Accept values, STOW-RS bodies and
Content-Types.  Only the server's HttpError may come out, and a STOW body that fails leaves
nothing in the archive."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from starlette.requests import Request

from dicomkit.web.multipart import Part, iter_multipart
from dicomkit.web.server import HttpError
from dicomkit.web.server.negotiation import choose, choose_multipart
from dicomkit.web.server.qido import parse_search
from dicomkit.web.server.rendered import parse_render
from dicomkit.web.server.stow import check_request_type, store_body
from dicomkit.web.server.wado import FRAME_TYPES, frame_numbers, frame_syntax, instance_syntax
from tests.archive.make import instance, uid
from tests.web.server.running import archive_of

_NAMES = st.one_of(st.sampled_from(["includefield", "limit", "offset", "fuzzymatching",
                                    "PatientName", "StudyDate", "00100020", "ModalitiesInStudy",
                                    "ReferencedStudySequence.ReferencedSOPClassUID",
                                    "StudyInstanceUID", "NumberOfStudyRelatedSeries"]),
                   st.text(max_size=12))
_VALUES = st.one_of(st.sampled_from(["*", "", '""', "2020-", "-", "1,2", "all", "true", "a\\b",
                                     "20200101-20190101", "??", "^", "=", "1.2.3"]),
                    st.text(max_size=20))
_RESOURCES = st.sampled_from(["All Studies", "All Series", "All Instances", "Study's Series",
                              "Study's Instances", "Study's Series' Instances"])


@settings(max_examples=400, deadline=None)
@given(_RESOURCES, st.lists(st.tuples(_NAMES, _VALUES), max_size=6))
def test_search_parameters_raise_only_http_errors(resource: str, params: list[tuple[str, str]]
                                                  ) -> None:
    try:
        parse_search(resource, params, {"StudyInstanceUID": "1.2.3"} if "Study's" in resource
                     else {})
    except HttpError as exc:
        assert exc.status == 400


def _request(headers: list[tuple[str, str]], query: str = "") -> Request:
    return Request({"type": "http", "method": "GET", "path": "/", "query_string": query.encode(
        "latin-1", "replace"), "headers": [(k.encode(), v.encode("latin-1", "replace"))
                                           for k, v in headers]})


_ACCEPT = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(["multipart/related", "type=application/dicom", 'type="image/jls"',
                              "transfer-syntax=*", "transfer-syntax=1.2.840.10008.1.2.4.90",
                              "q=0.5", "q=2", "*/*", "application/dicom+json", ";", ",", '"']),
             max_size=8).map(" ; ".join))


@settings(max_examples=400, deadline=None)
@given(_ACCEPT)
def test_accept_values_raise_only_http_errors(accept: str) -> None:
    request = _request([("accept", accept)])
    for run in (lambda: choose(request, ["application/dicom+json"]),
                lambda: choose_multipart(request, ["application/dicom"], instance_syntax),
                lambda: choose_multipart(request, FRAME_TYPES, frame_syntax("1.2.840.10008.1.2.1"))):
        try:
            run()
        except HttpError as exc:
            assert exc.status in (400, 406)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["window", "viewport", "quality", "annotation"]),
                       st.text(max_size=20)), st.booleans(), st.text(max_size=12))
def test_rendered_parameters_and_frame_lists_raise_only_http_errors(
        params: dict[str, str], thumbnail: bool, frames: str) -> None:
    for run in (lambda: parse_render(params, thumbnail=thumbnail),
                lambda: frame_numbers(frames, 3)):
        try:
            run()
        except HttpError as exc:
            assert exc.status in (400, 404)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_stow_content_types_raise_only_http_errors(text: str) -> None:
    try:
        check_request_type(text)
    except HttpError as exc:
        assert exc.status in (400, 415)


_FOLDER = Path(tempfile.mkdtemp(prefix="dicomkit-fuzz-"))
_ARCHIVE = archive_of(_FOLDER)
_GOOD = b"".join(iter_multipart([Part(instance(uid(), uid(), uid(), size=8),
                                      content_type="application/dicom")], "b0und4ry"))


def _metadata_body(media: str) -> bytes:
    """A small instance as metadata (``media``) and bulk data parts (PS3.18 10.5.1.4)."""
    import dicomkit
    from dicomkit.web.metadata_bulkdata import encode_instances

    ds = dicomkit.read(instance(uid(), uid(), uid(), size=8))
    return b"".join(iter_multipart(encode_instances([ds], media=media, threshold=4)[1],
                                   "b0und4ry"))


_GOOD_METADATA = {m: _metadata_body(m) for m in ("application/dicom+json",
                                                 "application/dicom+xml")}


def _mutated(data: st.DataObject, good: bytes = _GOOD) -> bytes:
    body = bytearray(good)
    for _ in range(data.draw(st.integers(1, 6))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = data.draw(st.integers(0, max(len(body) - 1, 0)))
        if kind == "flip" and body:
            body[at] ^= data.draw(st.integers(1, 255))
        elif kind == "cut":
            del body[at:]
        elif kind == "insert":
            body[at:at] = data.draw(st.sampled_from([b"\r\n--b0und4ry\r\n", b"--", b"\r\n\r\n",
                                                     bytes(data.draw(st.binary(max_size=30)))]))
        elif body:
            del body[at:at + data.draw(st.integers(1, 200))]
    return bytes(body)


@pytest.fixture(scope="module", autouse=True)
def _close_archive():  # type: ignore[no-untyped-def]
    yield
    _ARCHIVE.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(16, 4096))
def test_mutated_stow_bodies_raise_only_http_errors_and_leave_no_part(data: st.DataObject,
                                                                        chunk: int) -> None:
    body = data.draw(st.one_of(st.binary(max_size=300), st.builds(lambda: None).map(
        lambda _: _mutated(data))))

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(body), chunk):
            yield body[i:i + chunk]

    async def go() -> None:
        try:
            outcome = await store_body(_ARCHIVE, chunks(), "b0und4ry", study=None, policy=None,
                                       max_bytes=1 << 20, max_header=4096)
        except HttpError as exc:
            assert exc.status == 400
        else:
            assert outcome.status in (200, 202, 409)

    anyio.run(go)
    assert not list((_ARCHIVE.root / ".incoming").glob("*"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(16, 4096), st.sampled_from(sorted(_GOOD_METADATA)))
def test_mutated_metadata_bodies_raise_only_http_errors_and_leave_no_part(
        data: st.DataObject, chunk: int, media: str) -> None:
    """The Metadata and Bulkdata form (JSON, XML): mutated metadata and bulk data parts."""
    body = data.draw(st.one_of(st.binary(max_size=300), st.builds(lambda: None).map(
        lambda _: _mutated(data, _GOOD_METADATA[media]))))

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(body), chunk):
            yield body[i:i + chunk]

    async def go() -> None:
        try:
            outcome = await store_body(_ARCHIVE, chunks(), "b0und4ry", study=None, policy=None,
                                       max_bytes=1 << 20, max_header=4096, root=media)
        except HttpError as exc:
            assert exc.status == 400
        else:
            assert outcome.status in (200, 202, 409)

    anyio.run(go)
    assert not list((_ARCHIVE.root / ".incoming").glob("*"))


@settings(max_examples=300, deadline=None)
@example([("x-forwarded-prefix", '/a "b'), ("host", 'x"<y')])
@example([("forwarded", 'host="a b";proto=ftp'), ("x-forwarded-prefix", "/../etc")])
@given(st.lists(st.tuples(st.sampled_from(["host", "forwarded", "x-forwarded-proto",
                                           "x-forwarded-host", "x-forwarded-prefix"]),
                          st.text(max_size=40)), max_size=5))
def test_forwarding_headers_give_an_http_url_whatever_they_say(headers: list[tuple[str, str]]
                                                               ) -> None:
    from dicomkit.web.server.urls import base_url

    request = Request({"type": "http", "method": "GET", "path": "/", "scheme": "http",
                       "server": ("127.0.0.1", 8042), "query_string": b"",
                       "headers": [(k.encode(), v.encode("utf-8")) for k, v in headers]})
    url = base_url(request, None)
    assert url.startswith(("http://", "https://"))
    assert not any(c in url for c in "\r\n\"<> ")
