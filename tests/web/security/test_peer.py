"""The client certificate of mutual TLS in the ASGI scope (the ASGI TLS extension): uvicorn
with TLSConfig's options puts it there; peer_certificate reads it; BearerAuth gives it to a
study policy that takes ``peer`` and to its AuthContext.  A real uvicorn, reached by httpx
with and without a client certificate (certificates made by ``cryptography``)."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from dicomkit.web.security import (
    BearerAuth,
    KeySet,
    PeerCertificate,
    TLSConfig,
    TokenVerifier,
    peer_certificate,
)
from dicomkit.web.security.peer import tls_extension, uvicorn_protocol
from tests.web.security import tokens
from tests.web.security.pki import Pki, make_pki
from tests.web.uvicorn_server import serve

STUDY = "1.2.840.113619.2.55.3.604688119.971.1"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


async def who(request: Request) -> JSONResponse:
    peer = peer_certificate(request.scope)
    auth = getattr(request.state, "auth", None)
    return JSONResponse({"subject": peer.subject if peer else None,
                         "pem": peer.pem if peer else None,
                         "version": peer.tls_version if peer else None,
                         "auth_peer": auth.peer.subject if auth and auth.peer else None})


def _context(pki: Pki, cert: tuple[Path, Path] | None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=str(pki.ca))
    if cert is not None:
        ctx.load_cert_chain(*cert)
    return ctx


def _der(pem: str | bytes) -> bytes:
    data = pem.encode() if isinstance(pem, str) else pem
    return x509.load_pem_x509_certificate(data).public_bytes(Encoding.DER)


def test_uvicorn_puts_the_client_certificate_in_the_scope(pki: Pki) -> None:
    tls = TLSConfig(pki.server_cert, pki.server_key, ca_file=pki.ca, client_certs="optional")
    options = tls.uvicorn_options()
    assert options["http"] is uvicorn_protocol()
    app = Starlette(routes=[Route("/", who)])
    with serve(app, **options) as port:
        url = f"https://127.0.0.1:{port}/"
        with_cert = httpx.get(url, verify=_context(pki, (pki.client_cert, pki.client_key)),
                              timeout=10).json()
        without = httpx.get(url, verify=_context(pki, None), timeout=10).json()
    assert with_cert["subject"] == "CN=viewer-client"
    assert _der(with_cert["pem"]) == _der(pki.client_cert.read_bytes())
    assert with_cert["version"] in (0x0303, 0x0304)
    assert without["subject"] is None


def test_without_client_certificates_uvicorn_keeps_its_own_protocol(pki: Pki) -> None:
    assert "http" not in TLSConfig(pki.server_cert, pki.server_key).uvicorn_options()


def test_policy_taking_peer_gets_the_certificate(pki: Pki) -> None:
    seen: list[PeerCertificate | None] = []

    def policy(claims: Mapping[str, Any], study: str, *, peer: PeerCertificate | None) -> bool:
        seen.append(peer)
        return peer is not None and peer.subject == "CN=viewer-client"

    verifier = TokenVerifier(KeySet.from_jwks(tokens.jwks()), issuer=tokens.ISSUER,
                             audience=tokens.AUDIENCE)
    app = Starlette(routes=[Route("/studies/{study}", who)],
                    middleware=[Middleware(BearerAuth, verifier=verifier, policy=policy)])
    tls = TLSConfig(pki.server_cert, pki.server_key, ca_file=pki.ca, client_certs="optional")
    token = {"Authorization": f"Bearer {tokens.mint()}"}
    with serve(app, **tls.uvicorn_options()) as port:
        url = f"https://127.0.0.1:{port}/studies/{STUDY}"
        ok = httpx.get(url, headers=token, timeout=10,
                       verify=_context(pki, (pki.client_cert, pki.client_key)))
        refused = httpx.get(url, headers=token, timeout=10, verify=_context(pki, None))
    assert ok.status_code == 200 and ok.json()["auth_peer"] == "CN=viewer-client"
    assert refused.status_code == 403
    assert [p.subject if p else None for p in seen] == ["CN=viewer-client", None]


def test_two_argument_policies_are_called_as_before() -> None:
    from starlette.testclient import TestClient

    calls: list[str] = []

    def policy(claims: Mapping[str, Any], study: str) -> bool:
        calls.append(study)
        return True

    verifier = TokenVerifier(KeySet.from_jwks(tokens.jwks()), issuer=tokens.ISSUER,
                             audience=tokens.AUDIENCE)
    app = Starlette(routes=[Route("/studies/{study}", who)],
                    middleware=[Middleware(BearerAuth, verifier=verifier, policy=policy)])
    r = TestClient(app).get(f"/studies/{STUDY}",
                            headers={"Authorization": f"Bearer {tokens.mint()}"})
    assert r.status_code == 200 and calls == [STUDY] and r.json()["auth_peer"] is None


def test_scope_without_tls_and_names() -> None:
    assert peer_certificate({"type": "http"}) is None
    assert peer_certificate({"extensions": {"tls": {"client_cert_chain": []}}}) is None
    assert peer_certificate({"extensions": {"tls": {"client_cert_chain": ["x"],
                                                    "client_cert_error": "expired"}}}) is None
    assert tls_extension(None) is None
    from dicomkit.web.security.peer import _rfc4514

    subject = ((("countryName", "DE"),), (("organizationName", "A, B"),),
               (("commonName", "alice"),))
    assert _rfc4514(subject) == "CN=alice,O=A\\, B,C=DE"  # RFC 4514 2.1 and 2.4
