"""The optional aiohttp transport (asyncio only) behind the same client: searches, multipart
retrieval, a streamed STOW body, retries after 429, refused connections and TLS, against the
in-test servers of test_client_quirks."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from dicomkit.io.reader import read
from dicomkit.web.client import (
    BlockingDicomWebClient,
    DicomWebClient,
    RetryPolicy,
    TlsOptions,
    aiohttp_transport,
)
from dicomkit.web.errors import DicomWebConnectionError, DicomWebError
from dicomkit.web.multipart import boundary_of, read_parts
from tests.samples import sample
from tests.web.quirk_server import Answer, QuirkServer, Request
from tests.web.test_client_quirks import _json, _multipart, _paging_server, _store_answer, _study

FAST = RetryPolicy(attempts=3, backoff=0.01, max_backoff=0.05)


def _client(server: QuirkServer, **options: object) -> BlockingDicomWebClient:
    return BlockingDicomWebClient(server.url, retry=FAST,  # type: ignore[arg-type]
                                  transport=aiohttp_transport.AiohttpTransport(), **options)


def test_aiohttp_transport_pages_a_search() -> None:
    with QuirkServer(_paging_server(5)) as server, _client(server) as web:
        found = web.search_studies(page_size=2)
    assert [d.StudyInstanceUID for d in found] == [f"1.2.3.{i}" for i in range(5)]


def test_aiohttp_transport_retrieves_multipart_and_streams_a_store(tmp_path: Path) -> None:
    files = [sample("CT_small.dcm"), sample("MR_small.dcm")]
    body = _multipart([([("content-type", "application/dicom")], f.read_bytes()) for f in files], "b")

    def handler(r: Request) -> Answer:
        if r.method == "GET":
            return 200, [("Content-Type", "multipart/related; boundary=b")], body
        got = [read(b) for _, b in read_parts(r.body, boundary_of(r.header("content-type") or ""))]
        return _store_answer(200, [(str(d.SOPClassUID), str(d.SOPInstanceUID), None) for d in got],
                             [], "application/dicom+json; charset=utf-8")

    with QuirkServer(handler) as server, _client(server) as web:
        paths = web.retrieve_to(tmp_path, "1.2")
        result = web.store(files)
    assert [p.read_bytes() for p in paths] == [f.read_bytes() for f in files]
    assert result.ok and len(result.outcomes) == 2
    # the STOW body went out chunked, streamed from the files
    assert server.requests[1].header("transfer-encoding") == "chunked"


def test_aiohttp_transport_retries_429_and_reports_refused_connections() -> None:
    answers = [(429, [("Retry-After", "0")], b""), _json([_study("1.2.3.1")])]
    with QuirkServer(lambda r: answers.pop(0)) as server, _client(server) as web:
        assert len(web.search_studies()) == 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with BlockingDicomWebClient(f"http://127.0.0.1:{port}/dicom-web", retry=FAST,
                                transport=aiohttp_transport.AiohttpTransport()) as web, \
            pytest.raises(DicomWebConnectionError):
        web.search_studies()


def test_aiohttp_transport_errors_and_tls(tmp_path: Path) -> None:
    from tests.web.test_client_quirks import _tls_server_context

    with QuirkServer(lambda r: (406, [("Warning", '299 x "no"')], b"nope")) as server, \
            _client(server) as web, pytest.raises(DicomWebError) as info:
        web.retrieve_frames("1", "2", "3", 1)
    assert info.value.status == 406 and info.value.warning == '299 x "no"'
    pki, ctx = _tls_server_context(tmp_path)
    tls = TlsOptions(ca_file=pki.ca_cert, cert_file=pki.client_cert, key_file=pki.client_key)
    with QuirkServer(lambda r: (204, [], b""), ssl_context=ctx) as server:
        with BlockingDicomWebClient(server.url, transport=aiohttp_transport.AiohttpTransport(
                verify=tls.context())) as web:
            assert list(web.search_studies()) == []
        with BlockingDicomWebClient(server.url, retry=FAST, transport=aiohttp_transport.AiohttpTransport(
                verify=TlsOptions(ca_file=pki.ca_cert).context())) as web, \
                pytest.raises(DicomWebConnectionError):
            web.search_studies()


@pytest.mark.anyio
async def test_aiohttp_transport_under_the_async_client() -> None:
    with QuirkServer(_paging_server(3)) as server:
        async with DicomWebClient(server.url, transport=aiohttp_transport.AiohttpTransport()) as web:
            found = [d.StudyInstanceUID async for d in web.aiter_search("/studies", page_size=2)]
    assert found == ["1.2.3.0", "1.2.3.1", "1.2.3.2"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # aiohttp runs on asyncio only
