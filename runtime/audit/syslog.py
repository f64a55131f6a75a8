"""Audit messages to a syslog collector, as IHE ATNA (ITI-20 Record Audit Event) expects:
RFC 5424 messages over UDP (RFC 5426, one message a datagram) or over TLS (RFC 5425,
octet-counting framing ``MSG-LEN SP SYSLOG-MSG``), or plain TCP with the same framing
(RFC 6587 3.4.1).

:func:`format_syslog` writes the message: ``<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID
- MSG``, facility 10 (security/authorization) and severity 5 (notice) by default, MSGID
``IHE+RFC-3881`` (IHE ITI TF-2 3.20.4.2.1.1), no structured data, MSG the audit message's XML
in UTF-8 after the BOM (RFC 5424 6.4).
"""

from __future__ import annotations

import datetime as dt
import os
import select
import socket
import ssl
import threading

from dicomkit.audit.errors import AuditTransportError
from dicomkit.audit.message import AuditMessage

__all__ = ["MSGID", "TcpSyslog", "TlsSyslog", "UdpSyslog", "format_syslog"]

#: RFC 5424 6.2.1: facility 10 is security/authorization messages; severity 5 is notice.
FACILITY_AUTHPRIV = 10
SEVERITY_NOTICE = 5
#: The MSGID of an audit message in IHE ATNA.
MSGID = "IHE+RFC-3881"
BOM = b"\xef\xbb\xbf"
#: RFC 5426 3.2: a UDP payload over IPv4 cannot be larger than this.
MAX_UDP = 65507
_LIMITS = {"HOSTNAME": 255, "APP-NAME": 48, "PROCID": 128, "MSGID": 32}


def _field(name: str, value: str) -> bytes:
    """A header field: PRINTUSASCII (33-126) of the length RFC 5424 6.2 allows, or ``-``."""
    if not value:
        return b"-"
    if len(value) > _LIMITS[name] or any(not 33 <= ord(c) <= 126 for c in value):
        raise ValueError(f"syslog {name} {value!r}: 1 to {_LIMITS[name]} printable US-ASCII "
                         "characters without spaces (RFC 5424 6.2)")
    return value.encode("ascii")


def _timestamp(t: dt.datetime) -> bytes:
    """RFC 5424 6.2.3 (RFC 3339, at most 6 fraction digits), in UTC."""
    return t.astimezone(dt.UTC).isoformat(timespec="microseconds").replace(
        "+00:00", "Z").encode("ascii")


def format_syslog(payload: bytes, *, hostname: str = "", app_name: str = "dicomkit",
                  procid: str = "", msgid: str = MSGID, facility: int = FACILITY_AUTHPRIV,
                  severity: int = SEVERITY_NOTICE, timestamp: dt.datetime | None = None,
                  bom: bool = True) -> bytes:
    """An RFC 5424 syslog message carrying ``payload`` (UTF-8 text) as MSG."""
    if not 0 <= facility <= 23 or not 0 <= severity <= 7:
        raise ValueError(f"facility {facility} (0-23), severity {severity} (0-7): RFC 5424 6.2.1")
    when = timestamp if timestamp is not None else dt.datetime.now(dt.UTC)
    head = b"<%d>1 %s %s %s %s %s -" % (
        facility * 8 + severity, _timestamp(when),
        _field("HOSTNAME", hostname or socket.gethostname()), _field("APP-NAME", app_name),
        _field("PROCID", procid or str(os.getpid())), _field("MSGID", msgid))
    return head + b" " + (BOM if bom else b"") + payload


class _Syslog:
    """What the three transports share: formatting, the target's name."""

    scheme = ""

    def __init__(self, host: str, port: int, *, hostname: str = "", app_name: str = "dicomkit",
                 timeout: float = 10.0, bom: bool = True) -> None:
        self.host = host
        self.port = port
        self.hostname = hostname or socket.gethostname()
        self.app_name = app_name
        self.timeout = timeout
        self.bom = bom
        self._lock = threading.Lock()

    @property
    def target(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def frame(self, message: AuditMessage) -> bytes:
        """The RFC 5424 message of ``message`` (its XML as MSG)."""
        return format_syslog(message.to_xml(), hostname=self.hostname, app_name=self.app_name,
                             bom=self.bom)


class UdpSyslog(_Syslog):
    """RFC 5426: each message one datagram (default port 514)."""

    scheme = "udp"

    def __init__(self, host: str, port: int = 514, **kwargs: object) -> None:
        super().__init__(host, port, **kwargs)  # type: ignore[arg-type]
        self._sock: socket.socket | None = None

    def write(self, message: AuditMessage) -> None:
        data = self.frame(message)
        if len(data) > MAX_UDP:
            raise AuditTransportError(self.target, f"message of {len(data)} bytes is larger "
                                      f"than a UDP datagram ({MAX_UDP}); use TLS (RFC 5425)")
        with self._lock:
            try:
                if self._sock is None:
                    family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
                    self._sock = socket.socket(family, socket.SOCK_DGRAM)
                    self._sock.settimeout(self.timeout)
                self._sock.sendto(data, (self.host, self.port))
            except OSError as exc:
                self._close()
                raise AuditTransportError(self.target, f"cannot send: {exc}") from exc

    def _close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def close(self) -> None:
        with self._lock:
            self._close()


class TcpSyslog(_Syslog):
    """Octet-counted messages over a TCP connection (RFC 6587 3.4.1), reconnected when
    lost; :class:`TlsSyslog` adds TLS."""

    scheme = "tcp"

    def __init__(self, host: str, port: int = 601, **kwargs: object) -> None:
        super().__init__(host, port, **kwargs)  # type: ignore[arg-type]
        self._sock: socket.socket | None = None

    def _connect(self) -> socket.socket:
        return socket.create_connection((self.host, self.port), timeout=self.timeout)

    def _closed_by_peer(self) -> bool:
        """Whether the collector closed (or reset) the connection, checked before each write
        (a write into a closed connection succeeds once, and is lost).  A collector sends
        nothing (RFC 5425 4.3, RFC 6587) but TLS records (session tickets), so a read that
        finds the end of the stream, or fails, says it is closed."""
        sock = self._sock
        assert sock is not None
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return True
        if not readable:
            return False
        sock.setblocking(False)
        try:
            return sock.recv(4096) == b""
        except (ssl.SSLWantReadError, ssl.SSLWantWriteError, BlockingIOError):
            return False  # a TLS record that carried no data
        except OSError:
            return True
        finally:
            try:
                sock.settimeout(self.timeout)
            except OSError:
                pass

    def write(self, message: AuditMessage) -> None:
        payload = self.frame(message)
        data = b"%d " % len(payload) + payload  # RFC 5425 4.3: MSG-LEN SP SYSLOG-MSG
        with self._lock:
            for attempt in (1, 2):  # a connection the collector closed is reopened once
                try:
                    if self._sock is not None and self._closed_by_peer():
                        self._close()
                    if self._sock is None:
                        self._sock = self._connect()
                    self._sock.sendall(data)
                    return
                except (OSError, ssl.SSLError) as exc:
                    self._close()
                    if attempt == 2:
                        raise AuditTransportError(self.target, f"cannot send: {exc}") from exc

    def _close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
            self._sock = None

    def close(self) -> None:
        with self._lock:
            self._close()


class TlsSyslog(TcpSyslog):
    """RFC 5425: syslog over TLS (default port 6514), the transport of IHE ATNA.

    ``ssl_context`` verifies the collector (and carries our certificate where the collector
    authenticates nodes, as ATNA's mutual node authentication wants); by default the
    system's trust store and the host name.
    """

    scheme = "tls"

    def __init__(self, host: str, port: int = 6514, *, ssl_context: ssl.SSLContext | None = None,
                 server_hostname: str | None = None, **kwargs: object) -> None:
        super().__init__(host, port, **kwargs)
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.server_hostname = server_hostname or host

    def _connect(self) -> socket.socket:
        raw = socket.create_connection((self.host, self.port), timeout=self.timeout)
        try:
            return self.ssl_context.wrap_socket(raw, server_hostname=self.server_hostname)
        except BaseException:
            raw.close()
            raise
