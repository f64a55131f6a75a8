"""The client certificate of a mutual TLS connection, in the ASGI scope.

The ASGI TLS extension (asgiref's "TLS" extension, ``scope["extensions"]["tls"]``) carries
``client_cert_chain`` (PEM strings, the leaf first), ``client_cert_name`` (its subject as an
RFC 4514 string), ``client_cert_error``, ``tls_version`` and ``cipher_suite``.  Servers that
fill it in give :func:`peer_certificate` what it reads; uvicorn (0.30 to 0.55) does not, so
:func:`uvicorn_protocol` makes uvicorn's HTTP/1.1 protocol class that does (``uvicorn.Config(
http=...)``; :meth:`dicomkit.web.security.TLSConfig.uvicorn_options` sets it when client
certificates are asked for).  uvicorn's HTTP/2 protocol is not covered.  Hypercorn
does not fill it in either and has no hook for it: behind hypercorn (or a TLS-terminating
proxy), pass the certificate on in a header the proxy sets and read it with a middleware of
your own.

:class:`~dicomkit.web.security.BearerAuth` gives the :class:`PeerCertificate` to a study
policy that takes a ``peer`` keyword argument, and puts it in its
:class:`~dicomkit.web.security.AuthContext`.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dicomkit.web.security.asgi import ASGIApp, Receive, Scope, Send

__all__ = ["PeerCertificate", "peer_certificate", "tls_extension", "uvicorn_protocol"]

#: TLS versions as the extension gives them (the protocol version numbers of RFC 8446 B.1)
_VERSIONS = {"TLSv1.2": 0x0303, "TLSv1.3": 0x0304, "TLSv1.1": 0x0302, "TLSv1": 0x0301}
#: attribute names of Python's ``getpeercert()`` -> RFC 4514 3 short names
_SHORT = {"commonName": "CN", "organizationName": "O", "organizationalUnitName": "OU",
          "countryName": "C", "stateOrProvinceName": "ST", "localityName": "L",
          "streetAddress": "STREET", "domainComponent": "DC", "userId": "UID"}


@dataclass(frozen=True)
class PeerCertificate:
    """The client's certificate as the TLS handshake verified it.

    Attributes
    ----------
    pem
        The leaf certificate (PEM); the chain's others in :attr:`chain`.
    subject
        Its subject as an RFC 4514 string (``CN=alice,O=Radiology``), ``""`` when unknown.
    chain
        Every certificate the server gives, the leaf first (PEM).
    tls_version
        ``0x0304`` for TLS 1.3 (RFC 8446 B.1), None when unknown.
    """

    pem: str
    subject: str
    chain: tuple[str, ...]
    tls_version: int | None = None


def _escape(value: str) -> str:
    out = "".join("\\" + c if c in ',+"\\<>;=' else c for c in value)
    if out.startswith(("#", " ")):
        out = "\\" + out
    return out[:-1] + "\\ " if out.endswith(" ") else out


def _rfc4514(subject: Any) -> str:
    rdns = []
    for rdn in subject or ():
        rdns.append("+".join(f"{_SHORT.get(k, k)}={_escape(str(v))}" for k, v in rdn))
    return ",".join(reversed(rdns))  # RFC 4514 2.1: the last RDN of the sequence first


def tls_extension(ssl_object: ssl.SSLObject | ssl.SSLSocket | None) -> dict[str, Any] | None:
    """The ASGI TLS extension of a connection's SSL object (None when it is not TLS)."""
    if ssl_object is None:
        return None
    der = ssl_object.getpeercert(binary_form=True)
    chain = [ssl.DER_cert_to_PEM_cert(der)] if der else []
    info = ssl_object.getpeercert() if der else None
    return {"server_cert": None, "client_cert_chain": chain,
            "client_cert_name": _rfc4514(info.get("subject")) if info else None,
            "client_cert_error": None,
            "tls_version": _VERSIONS.get(ssl_object.version() or ""),
            "cipher_suite": None}


def peer_certificate(scope: Mapping[str, Any]) -> PeerCertificate | None:
    """The client certificate of the request's connection, from the ASGI TLS extension; None
    without TLS, without a client certificate, or when the server does not give it."""
    tls = (scope.get("extensions") or {}).get("tls")
    if not tls or not tls.get("client_cert_chain") or tls.get("client_cert_error"):
        return None
    chain = tuple(tls["client_cert_chain"])
    return PeerCertificate(chain[0], tls.get("client_cert_name") or "", chain,
                           tls.get("tls_version"))


def _with_tls(app: ASGIApp, tls: dict[str, Any]) -> ASGIApp:
    async def with_tls(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope = {**scope, "extensions": {**(scope.get("extensions") or {}), "tls": tls}}
        await app(scope, receive, send)
    return with_tls


@functools.cache
def uvicorn_protocol() -> type[asyncio.Protocol] | None:
    """uvicorn's HTTP/1.1 protocol (httptools when installed, else h11) with the TLS
    extension in every request's scope, for ``uvicorn.Config(http=...)``; None without
    uvicorn."""
    try:
        from uvicorn.protocols.http.h11_impl import H11Protocol
    except ImportError:  # uvicorn is not installed
        return None
    base: Any = H11Protocol
    if importlib.util.find_spec("httptools") is not None:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        base = HttpToolsProtocol

    def connection_made(self: Any, transport: asyncio.Transport) -> None:
        base.connection_made(self, transport)
        tls = tls_extension(transport.get_extra_info("ssl_object"))
        if tls is not None:
            self.app = _with_tls(self.config.loaded_app, tls)

    made: type[asyncio.Protocol] = type(f"TLSScope{base.__name__}", (base,), {
        "connection_made": connection_made,
        "__doc__": f"uvicorn's {base.__name__} with the ASGI TLS extension in the scope."})
    return made
