"""The dicomkit server through hypercorn (dicomkit.web.server.serving): HTTP/2 over TLS (ALPN
h2) and cleartext (h2c, prior knowledge), on asyncio and on trio; dicomkit's client with
``http2=True`` against it, and the client's error when h2 is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import anyio
import httpx
import pytest

import dicomkit
from dicomkit.web.client import DicomWebClient, TlsOptions
from dicomkit.web.errors import DicomWebConnectionError
from dicomkit.web.multipart import boundary_of, read_parts
from dicomkit.web.security import TLSConfig
from dicomkit.web.server.serving import HypercornOptions, listen_socket
from tests.archive.make import instance, uid
from tests.web.security.pki import Pki, make_pki
from tests.web.server.hypercorn_running import hypercorn_running
from tests.web.server.running import archive_of


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@pytest.mark.parametrize("client_backend", ["asyncio", "trio"])
def test_own_client_over_http2_with_tls(tmp_path: Path, pki: Pki, backend: str,
                                        client_backend: str) -> None:
    """ALPN h2 (RFC 9113 3.2): STOW, QIDO and WADO over HTTP/2, the server on asyncio or trio,
    the client on either."""
    archive = archive_of(tmp_path)
    st, se, sop = uid(), uid(), uid()
    data = instance(st, se, sop)
    tls = TLSConfig(pki.server_cert, pki.server_key)
    try:
        with hypercorn_running(archive, backend, HypercornOptions(tls=tls)) as url:
            async def go() -> None:
                async with DicomWebClient(url, tls=TlsOptions(ca_file=pki.ca), http2=True) as web:
                    result = await web.store([data])
                    assert [o.status for o in result.outcomes] == ["stored"]
                    r = await web.request("GET", web.url_of("/studies"),
                                          accept="application/dicom+json")
                    try:
                        assert r.http_version == "HTTP/2"
                        body = b"".join([c async for c in r.aiter_bytes()])
                    finally:
                        await r.aclose()
                    assert st.encode() in body
                    [got] = await web.retrieve(st, se, sop, transfer_syntax="*")
                    assert got.SOPInstanceUID == sop
                    paths = await web.retrieve_to(tmp_path / "out", st, transfer_syntax="*")
                    assert [p.read_bytes() for p in paths] == [data]
                    # the Metadata and Bulkdata form of STOW-RS over HTTP/2 too
                    other = dicomkit.read(data)
                    other.SOPInstanceUID = uid()
                    result = await web.store_metadata([other], media="application/dicom+xml")
                    assert result.http_statuses == [200]
                    [back] = await web.retrieve(st, se, str(other.SOPInstanceUID))
                    assert back.PixelData == other.PixelData

            anyio.run(go, backend=client_backend)
    finally:
        archive.close()


def test_http1_only_when_http2_is_off(tmp_path: Path, pki: Pki) -> None:
    archive = archive_of(tmp_path)
    tls = TLSConfig(pki.server_cert, pki.server_key)
    try:
        with hypercorn_running(archive, "asyncio", HypercornOptions(tls=tls, http2=False)) as url:
            async def go() -> None:
                async with DicomWebClient(url, tls=TlsOptions(ca_file=pki.ca), http2=True) as web:
                    r = await web.request("GET", web.url_of("/studies"))
                    await r.aclose()
                    assert r.status == 204 and r.http_version == "HTTP/1.1"

            anyio.run(go)
    finally:
        archive.close()


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_h2c_prior_knowledge_and_http1_on_one_cleartext_port(tmp_path: Path, backend: str) -> None:
    """Cleartext HTTP/2 by prior knowledge (RFC 9113 3.3) and HTTP/1.1 on the same port."""
    st, se, sop = uid(), uid(), uid()
    data = instance(st, se, sop)
    archive = archive_of(tmp_path, [data])
    try:
        with hypercorn_running(archive, backend, HypercornOptions()) as url:
            with httpx.Client(http1=False, http2=True, base_url=url) as h2c:
                r = h2c.get(f"/studies/{st}/series/{se}/instances/{sop}", headers={
                    "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'})
                assert r.http_version == "HTTP/2" and r.status_code == 200
                [(_h, got)] = read_parts(r.content, boundary_of(r.headers["content-type"]))
                assert got == data
            r = httpx.get(f"{url}/studies", params={"StudyInstanceUID": st})
            assert r.http_version == "HTTP/1.1" and st in r.text
    finally:
        archive.close()


def test_a_port_in_use_fails_at_once() -> None:
    sock = listen_socket("127.0.0.1", 0)
    try:
        with pytest.raises(OSError, match="cannot listen on 127.0.0.1:"):
            listen_socket("127.0.0.1", sock.getsockname()[1])
    finally:
        sock.close()


def test_client_http2_without_h2_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "h2", None)  # import h2 raises ImportError
    with pytest.raises(DicomWebConnectionError, match=r"HTTP/2 needs the h2 package: pip "
                                                      r"install 'dicomkit\[http2\]'"):
        DicomWebClient("https://127.0.0.1:1", http2=True)
    DicomWebClient("https://127.0.0.1:1")  # HTTP/1.1 does not need it
