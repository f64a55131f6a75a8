"""TLSConfig: options for uvicorn and hypercorn; a real uvicorn with TLS and mutual TLS (client
certificates required or optional), reached by httpx with and without a client certificate; the
certificates made by ``cryptography``."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from dicomkit.web.security import TLSConfig, TLSConfigError
from tests.web.security.pki import Pki, make_pki
from tests.web.uvicorn_server import serve


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


async def hello(request: Request) -> PlainTextResponse:
    return PlainTextResponse(f"hello over {request.url.scheme}")


APP = Starlette(routes=[Route("/", hello)])


def client_context(pki: Pki, cert: tuple[Path, Path] | None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=str(pki.ca))
    if cert is not None:
        ctx.load_cert_chain(*cert)
    return ctx


def get(port: int, ctx: ssl.SSLContext) -> httpx.Response:
    return httpx.get(f"https://127.0.0.1:{port}/", verify=ctx, timeout=10)


def test_uvicorn_tls_without_client_certificates(pki: Pki) -> None:
    tls = TLSConfig(pki.server_cert, pki.server_key)
    with serve(APP, **tls.uvicorn_options()) as port:
        assert get(port, client_context(pki, None)).text == "hello over https"
        with pytest.raises(httpx.ConnectError):  # the client does not trust a server of another CA
            httpx.get(f"https://127.0.0.1:{port}/", verify=ssl.create_default_context(
                cafile=str(pki.stranger_cert)), timeout=10)


def test_uvicorn_mutual_tls_required(pki: Pki) -> None:
    tls = TLSConfig(pki.server_cert, pki.server_key, ca_file=pki.ca, client_certs="required")
    with serve(APP, **tls.uvicorn_options()) as port:
        r = get(port, client_context(pki, (pki.client_cert, pki.client_key)))
        assert r.status_code == 200
        for cert in (None, (pki.stranger_cert, pki.stranger_key)):
            # TLS 1.3: the server's alert can come after the client's handshake, on the first read
            with pytest.raises((httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError)):
                get(port, client_context(pki, cert))


def test_uvicorn_mutual_tls_optional(pki: Pki) -> None:
    tls = TLSConfig(pki.server_cert, pki.server_key, ca_file=pki.ca, client_certs="optional")
    with serve(APP, **tls.uvicorn_options()) as port:
        assert get(port, client_context(pki, None)).status_code == 200
        assert get(port, client_context(pki, (pki.client_cert, pki.client_key))).status_code == 200
        with pytest.raises((httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError)):
            get(port, client_context(pki, (pki.stranger_cert, pki.stranger_key)))  # offered, bad


def test_hypercorn_options_and_ssl_context(pki: Pki) -> None:
    tls = TLSConfig(pki.server_cert, pki.server_key, ca_file=pki.ca, client_certs="required")
    opts = tls.hypercorn_options()
    assert opts["verify_mode"] == ssl.CERT_REQUIRED and opts["ca_certs"] == str(pki.ca)
    from hypercorn.config import Config

    config = Config()
    for k, v in opts.items():
        setattr(config, k, v)
    assert config.ssl_enabled and config.create_ssl_context() is not None
    assert tls.ssl_context().verify_mode == ssl.CERT_REQUIRED


def test_bad_tls_settings_name_the_file(pki: Pki, tmp_path: Path) -> None:
    with pytest.raises(TLSConfigError, match="does not exist") as info:
        TLSConfig(tmp_path / "none.crt", pki.server_key)
    assert info.value.path == str(tmp_path / "none.crt")
    with pytest.raises(TLSConfigError, match="need a CA file"):
        TLSConfig(pki.server_cert, pki.server_key, client_certs="required")
    with pytest.raises(TLSConfigError, match="is the key of this certificate"):
        TLSConfig(pki.server_cert, pki.client_key)
    with pytest.raises(TLSConfigError, match="'sometimes'"):
        TLSConfig(pki.server_cert, pki.server_key, client_certs="sometimes")  # type: ignore[arg-type]
