"""The audit trail, metrics and log options a serving subcommand shares (``dicomkit qrscp``):

``--audit-log FILE`` (XML, one PS3.15 A.5 message a line, rotated), ``--audit-json FILE``
(JSON lines), ``--audit-syslog udp://HOST:PORT | tcp://HOST:PORT | tls://HOST:PORT`` (RFC
5424 over RFC 5426 / 6587 / 5425) with ``--audit-syslog-ca PEM`` to trust the collector,
``--metrics-port PORT`` (``GET /metrics`` on ``--metrics-bind``, loopback by default),
``--log-json`` (dicomkit's logs on stderr as JSON lines).
"""

from __future__ import annotations

import argparse
import logging
import ssl
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Observability", "add_arguments"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the module docstring."""
    group = parser.add_argument_group("audit trail and metrics")
    group.add_argument("--audit-log", metavar="FILE", default=None,
                       help="write DICOM audit messages (PS3.15 A.5) as XML lines to FILE")
    group.add_argument("--audit-json", metavar="FILE", default=None,
                       help="write the audit messages as JSON lines to FILE")
    group.add_argument("--audit-syslog", metavar="URL", default=None,
                       help="send them to a syslog collector: udp://, tcp:// or tls://HOST:PORT")
    group.add_argument("--audit-syslog-ca", metavar="PEM", default=None,
                       help="CA certificates that sign the tls:// collector's certificate")
    group.add_argument("--metrics-port", type=int, default=None, metavar="PORT",
                       help="serve Prometheus metrics on GET /metrics at this port")
    group.add_argument("--metrics-bind", default="127.0.0.1", metavar="HOST",
                       help="address of the metrics endpoint (default 127.0.0.1)")
    group.add_argument("--log-json", action="store_true",
                       help="dicomkit's logs on stderr as JSON lines")


def _syslog(url: str, ca: str | None) -> Any:
    from dicomkit.audit import TcpSyslog, TlsSyslog, UdpSyslog

    parts = urlsplit(url)
    if parts.scheme not in ("udp", "tcp", "tls") or not parts.hostname:
        raise ValueError(f"--audit-syslog {url!r}: udp://, tcp:// or tls://HOST:PORT")
    host = parts.hostname
    if parts.scheme == "udp":
        return UdpSyslog(host, parts.port or 514)
    if parts.scheme == "tcp":
        return TcpSyslog(host, parts.port or 601)
    ctx = ssl.create_default_context(cafile=ca) if ca else ssl.create_default_context()
    return TlsSyslog(host, parts.port or 6514, ssl_context=ctx)


class Observability:
    """What the options ask for: the observers to give the application entity, the C-FIND
    hook, and what to close at the end."""

    def __init__(self, args: argparse.Namespace, ae_title: str) -> None:
        from dicomkit.audit import AuditFile, AuditObserver, AuditTrail
        from dicomkit.metrics import MetricsServer, NetworkMetrics, Registry
        from dicomkit.net.events import LoggingObserver

        self.events: list[object] = []
        self.trail: AuditTrail | None = None
        self.audit: AuditObserver | None = None
        self.server: MetricsServer | None = None
        self._handler: logging.Handler | None = None
        sinks: list[Any] = []
        if args.audit_log:
            sinks.append(AuditFile(args.audit_log))
        if args.audit_json:
            sinks.append(AuditFile(args.audit_json, format="json"))
        if args.audit_syslog:
            sinks.append(_syslog(args.audit_syslog, args.audit_syslog_ca))
        if sinks:
            self.trail = AuditTrail(sinks)
            self.audit = AuditObserver(self.trail.emit, ae_title=ae_title)
            self.events.append(self.audit)
        if args.metrics_port is not None:
            self.registry = Registry()
            self.events.append(NetworkMetrics(self.registry))
            self.server = MetricsServer(self.registry, args.metrics_bind, args.metrics_port)
        if args.log_json:
            from dicomkit.logs import configure

            self._handler = configure(logging.INFO, json_lines=True)
            self.events.append(LoggingObserver())

    @property
    def on_query(self) -> Any:
        return self.audit.query_received if self.audit is not None else None

    def on_stored(self, archive: Any) -> Any:
        """The hook of the Storage SCP's handler into ``archive`` telling the audit trail of
        each instance (None without an audit trail)."""
        if self.audit is None:
            return None
        return self.audit.archived_in(archive.root)

    def close(self) -> None:
        if self.trail is not None:
            self.trail.close()
        if self.server is not None:
            self.server.close()
        if self._handler is not None:
            logging.getLogger("dicomkit").removeHandler(self._handler)
