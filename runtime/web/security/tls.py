"""TLS and mutual TLS for the DICOMweb server: one description of the certificate, key and
client-certificate rule, turned into the options of uvicorn or hypercorn, or an
:class:`ssl.SSLContext` for any other server.

Client certificates (mutual TLS) are ``"none"`` (not asked for), ``"optional"`` (asked for and
verified against ``ca_file`` when given) or ``"required"`` (the handshake fails without one).
The files are checked when the configuration is made, so that a wrong path is reported before the
server starts, naming the file.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dicomkit.web.security.errors import TLSConfigError

__all__ = ["ClientCerts", "TLSConfig"]

ClientCerts = Literal["none", "optional", "required"]

_VERIFY = {"none": ssl.CERT_NONE, "optional": ssl.CERT_OPTIONAL, "required": ssl.CERT_REQUIRED}


@dataclass(frozen=True)
class TLSConfig:
    """A server's TLS settings.

    Parameters
    ----------
    cert_file
        The server's certificate chain (PEM), the leaf first.
    key_file
        Its private key (PEM).
    key_password
        The key's password, when encrypted.
    ca_file
        CA certificates (PEM) that client certificates must chain to; needed for ``"optional"``
        and ``"required"``.
    client_certs
        ``"none"``, ``"optional"`` or ``"required"``.
    ciphers
        An OpenSSL cipher list for TLS 1.2 (TLS 1.3 suites are not configurable), ``None`` for
        Python's defaults.
    """

    cert_file: Path
    key_file: Path
    key_password: str | None = None
    ca_file: Path | None = None
    client_certs: ClientCerts = "none"
    ciphers: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "cert_file", Path(self.cert_file))
        object.__setattr__(self, "key_file", Path(self.key_file))
        if self.ca_file is not None:
            object.__setattr__(self, "ca_file", Path(self.ca_file))
        if self.client_certs not in _VERIFY:
            raise TLSConfigError(f"client_certs is {self.client_certs!r}; use 'none', 'optional' "
                                 "or 'required'")
        if self.client_certs != "none" and self.ca_file is None:
            raise TLSConfigError(f"client certificates {self.client_certs} need a CA file "
                                 "(ca_file) to verify them against")
        for name, path in (("certificate", self.cert_file), ("key", self.key_file),
                           ("CA file", self.ca_file)):
            if path is not None and not path.is_file():
                raise TLSConfigError(f"the {name} file does not exist or is not a file", str(path))
        self.ssl_context()  # reads every file now: a bad key or certificate fails here, named

    def ssl_context(self) -> ssl.SSLContext:
        """A server-side :class:`ssl.SSLContext` (TLS 1.2 at least) with these settings.

        Raises
        ------
        TLSConfigError
            A file that cannot be read or parsed, a key that does not match the certificate.
        """
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        try:
            ctx.load_cert_chain(self.cert_file, self.key_file, self.key_password)
        except (ssl.SSLError, OSError) as exc:
            raise TLSConfigError(f"the certificate and key cannot be loaded ({exc}); check that "
                                 f"{self.key_file} is the key of this certificate and its password",
                                 str(self.cert_file)) from exc
        if self.ca_file is not None:
            try:
                ctx.load_verify_locations(cafile=self.ca_file)
            except (ssl.SSLError, OSError) as exc:
                raise TLSConfigError(f"the CA certificates cannot be loaded: {exc}",
                                     str(self.ca_file)) from exc
        ctx.verify_mode = _VERIFY[self.client_certs]
        if self.ciphers:
            try:
                ctx.set_ciphers(self.ciphers)
            except ssl.SSLError as exc:
                raise TLSConfigError(f"no cipher matches {self.ciphers!r}") from exc
        return ctx

    def uvicorn_options(self) -> dict[str, Any]:
        """Keyword arguments of ``uvicorn.run`` / ``uvicorn.Config`` (``ssl_*``; with client
        certificates, ``http``: a protocol that puts the certificate in the ASGI scope, see
        :mod:`dicomkit.web.security.peer`)."""
        opts: dict[str, Any] = {"ssl_certfile": str(self.cert_file), "ssl_keyfile": str(self.key_file),
                                "ssl_cert_reqs": int(_VERIFY[self.client_certs])}
        if self.key_password is not None:
            opts["ssl_keyfile_password"] = self.key_password
        if self.ca_file is not None:
            opts["ssl_ca_certs"] = str(self.ca_file)
        if self.ciphers:
            opts["ssl_ciphers"] = self.ciphers
        if self.client_certs != "none":
            from dicomkit.web.security.peer import uvicorn_protocol

            protocol = uvicorn_protocol()
            if protocol is not None:  # the client certificate in the scope (peer.py)
                opts["http"] = protocol
        return opts

    def hypercorn_options(self) -> dict[str, Any]:
        """Attributes of a ``hypercorn.config.Config`` (``certfile``, ``keyfile``, ``ca_certs``,
        ``verify_mode``, ...); set them with ``setattr``."""
        opts: dict[str, Any] = {"certfile": str(self.cert_file), "keyfile": str(self.key_file),
                                "verify_mode": _VERIFY[self.client_certs]}
        if self.key_password is not None:
            opts["keyfile_password"] = self.key_password
        if self.ca_file is not None:
            opts["ca_certs"] = str(self.ca_file)
        if self.ciphers:
            opts["ciphers"] = self.ciphers
        return opts
