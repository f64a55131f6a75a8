"""dicomkit's loggers, one per layer, and a structured (JSON lines) formatter.

Every logger is under ``dicomkit``, named for the layer and module that logs:

``dicomkit.net``
    Associations and operations (:class:`dicomkit.net.events.LoggingObserver`: established,
    released, aborted, rejected at INFO/WARNING; messages and operation times at DEBUG), and
    the network modules' own warnings (``dicomkit.net.server``, ``dicomkit.net.ae``...).
``dicomkit.net.pdu``
    DEBUG only: every PDU sent and received, with its type, PDU-length and peer.
``dicomkit.net.services.*``
    The service providers (storage, Q/R, commitment).
``dicomkit.audit``, ``dicomkit.audit.dropped``
    Audit delivery: a sink retried or given up (with the message's JSON), the queue full; each
    message dropped, with its JSON.

Records carry their fields as ``extra`` (``peer``, ``calling_ae``, ``called_ae``,
``duration``, ``status``, ...): :class:`JsonFormatter` writes them as JSON keys.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import IO, Any

__all__ = ["LOGGERS", "JsonFormatter", "configure"]

LOGGERS: dict[str, str] = {
    "dicomkit.net": "associations and operations; the network layer",
    "dicomkit.net.pdu": "every PDU sent and received (DEBUG)",
    "dicomkit.net.services": "the service providers (storage, Q/R, commitment)",
    "dicomkit.audit": "audit trail delivery (retries, failures, queue full)",
    "dicomkit.audit.dropped": "audit messages dropped, each with its JSON",
}

#: LogRecord attributes that are not fields given as ``extra``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ``time`` (UTC, ISO 8601), ``level``, ``logger``,
    ``message``, the ``extra`` fields, and ``exception`` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value if isinstance(value, (str, int, float, bool, type(None))) \
                    else str(value)
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def configure(level: int | str = logging.INFO, *, json_lines: bool = False, pdu: bool = False,
              stream: IO[str] | None = None) -> logging.Handler:
    """Send dicomkit's logs at ``level`` to ``stream`` (stderr), as JSON lines when
    ``json_lines``; ``pdu`` turns on the PDU trace of ``dicomkit.net.pdu``.  The handler
    added to the ``dicomkit`` logger is returned (remove it to undo)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("dicomkit")
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("dicomkit.net.pdu").setLevel(logging.DEBUG if pdu else logging.NOTSET)
    return handler
