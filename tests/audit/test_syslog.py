"""Audit messages to syslog: RFC 5424 messages (read by a parser of the tests, written from the
RFC's ABNF) over a real UDP socket (RFC 5426) and a real TLS server on loopback with a
self-signed certificate made with cryptography (RFC 5425 octet counting), as IHE ATNA wants."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.audit import builders as b
from dicomkit.audit.errors import AuditTransportError
from dicomkit.audit.message import from_xml
from dicomkit.audit.syslog import MSGID, TcpSyslog, TlsSyslog, UdpSyslog, format_syslog
from tests.audit import rfc5424
from tests.audit.schema import assert_valid

HOST = "127.0.0.1"


def _message(n: int = 0) -> b.AuditMessage:
    return b.instances_transferred(
        b.Endpoint.local("DICOMKIT", HOST), b.Endpoint.remote("PEER", HOST, 104),
        [b.Study(f"1.2.3.{n}", {"1.2.840.10008.5.1.4.1.1.2": [f"1.2.3.{n}.1"]})],
        b.Patient(f"PID{n}", "DOE^J"), source="DICOMKIT", requestor="sender")


def _check(frame: bytes, n: int) -> None:
    parsed = rfc5424.parse(frame)
    assert (parsed.facility, parsed.severity, parsed.version) == (10, 5, 1)
    assert parsed.msgid == MSGID and parsed.app_name == "dicomkit" and parsed.bom
    assert parsed.structured_data == b"-"
    assert parsed.timestamp is not None and parsed.timestamp.tzinfo is not None
    assert_valid(parsed.msg)
    assert from_xml(parsed.msg).objects[1].object_id == f"PID{n}"  # the n-th message


def test_udp_collector_receives_one_rfc5424_message_per_datagram() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind((HOST, 0))
        server.settimeout(5)
        sink = UdpSyslog(HOST, server.getsockname()[1])
        try:
            for n in range(5):
                sink.write(_message(n))
            for n in range(5):
                data, _ = server.recvfrom(65535)
                _check(data, n)
        finally:
            sink.close()


def _tls_server_context(folder: Path) -> tuple[ssl.SSLContext, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_path, key_path)
    return ctx, cert_path


class _Collector:
    """A TLS (or TCP) syslog collector on loopback, reading RFC 5425 frames."""

    def __init__(self, ctx: ssl.SSLContext | None, close_after: int = 0) -> None:
        self.ctx = ctx
        self.close_after = close_after
        self.frames: list[bytes] = []
        self.connections = 0
        self.sock = socket.create_server((HOST, 0))
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.is_set():
            try:
                raw, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            try:
                conn = self.ctx.wrap_socket(raw, server_side=True) if self.ctx else raw
            except (ssl.SSLError, OSError):
                raw.close()  # a client that does not trust us
                continue
            conn.settimeout(10)
            buffer, got = b"", 0
            with conn:
                while True:
                    try:
                        data = conn.recv(65536)
                    except OSError:
                        break
                    if not data:
                        break
                    frames, buffer = rfc5424.split_octet_counted(buffer + data)
                    self.frames.extend(frames)
                    got += len(frames)
                    if self.close_after and got >= self.close_after:
                        break  # the collector drops the connection

    def close(self) -> None:
        self.done.set()
        self.sock.close()
        self.thread.join(5)


@pytest.fixture
def tls_collector(tmp_path: Path) -> Iterator[tuple[_Collector, Path]]:
    ctx, cert = _tls_server_context(tmp_path)
    c = _Collector(ctx)
    yield c, cert
    c.close()


def _wait(pred: object, timeout: float = 10.0) -> None:
    import time

    end = time.monotonic() + timeout
    while not pred():  # type: ignore[operator]
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def test_tls_collector_receives_octet_counted_rfc5424_messages(
        tls_collector: tuple[_Collector, Path]) -> None:
    collector, cert = tls_collector
    client_ctx = ssl.create_default_context(cafile=str(cert))
    sink = TlsSyslog(HOST, collector.port, ssl_context=client_ctx, server_hostname="localhost")
    try:
        for n in range(20):
            sink.write(_message(n))
        _wait(lambda: len(collector.frames) >= 20)
    finally:
        sink.close()
    for n, frame in enumerate(collector.frames):
        _check(frame, n)
    assert collector.connections == 1


def test_tls_refuses_a_collector_whose_certificate_is_not_trusted(
        tls_collector: tuple[_Collector, Path]) -> None:
    collector, _ = tls_collector
    sink = TlsSyslog(HOST, collector.port, ssl_context=ssl.create_default_context(),
                     server_hostname="localhost", timeout=5)
    with pytest.raises(AuditTransportError, match=f"tls://{HOST}:{collector.port}"):
        sink.write(_message())
    assert collector.frames == []


def test_tcp_reconnects_when_the_collector_dropped_the_connection() -> None:
    collector = _Collector(None, close_after=1)
    sink = TcpSyslog(HOST, collector.port)
    try:
        sink.write(_message(0))
        _wait(lambda: len(collector.frames) >= 1)
        import time

        for n in range(1, 4):
            time.sleep(0.1)  # the collector has closed its side after each message
            sink.write(_message(n))  # a dropped connection is reopened, nothing is lost
        _wait(lambda: len(collector.frames) >= 4)
    finally:
        sink.close()
        collector.close()
    assert collector.connections == 4
    assert [rfc5424.parse(f).msg.count(b'PID') for f in collector.frames] == [1] * 4


def test_no_collector_is_an_audit_transport_error_naming_the_target() -> None:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port = s.getsockname()[1]
    with pytest.raises(AuditTransportError, match=f"tcp://{HOST}:{port}"):
        TcpSyslog(HOST, port, timeout=2).write(_message())


def test_header_fields_outside_rfc5424_are_refused() -> None:
    with pytest.raises(ValueError, match="HOSTNAME"):
        format_syslog(b"x", hostname="has space")
    with pytest.raises(ValueError, match="APP-NAME"):
        format_syslog(b"x", app_name="a" * 49)
    with pytest.raises(ValueError, match="RFC 5424"):
        format_syslog(b"x", facility=24)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=48),
       st.integers(0, 23), st.integers(0, 7), st.binary(max_size=200), st.booleans(),
       st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(9999, 1, 1),
                    timezones=st.just(dt.UTC)))
def test_formatted_messages_parse_back_field_for_field(app: str, facility: int, severity: int,
                                                       payload: bytes, bom: bool,
                                                       when: dt.datetime) -> None:
    data = format_syslog(payload, hostname="host.example", app_name=app, procid="42",
                         facility=facility, severity=severity, timestamp=when, bom=bom)
    if bom:
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError:
            with pytest.raises(UnicodeDecodeError):
                rfc5424.parse(data)
            return
    parsed = rfc5424.parse(data)
    assert (parsed.facility, parsed.severity, parsed.app_name, parsed.procid) == (
        facility, severity, app, "42")
    assert parsed.timestamp == when and parsed.msg == payload and parsed.bom == bom
