"""Metrics of an application entity's network activity, as an observer of
``dicomkit.net.events`` (pass :class:`NetworkMetrics` to ``ApplicationEntity(events=...)``;
this module imports nothing of the network layer, which sits above it).

Metrics (all prefixed ``dicomkit_``):

``associations_total{side, outcome}``
    Associations ended, ``side`` ``requestor``/``acceptor``, ``outcome`` ``released``/``aborted``.
``associations_active{side}``
    Associations established and not yet ended.
``association_rejections_total``, ``tls_handshake_failures_total``
    Association requests we rejected; failed TLS handshakes.
``association_duration_seconds{side}``
    Histogram of association lifetimes.
``messages_total{command, direction}``
    DIMSE messages (``C-STORE-RQ``...) ``sent`` or ``received``.
``bytes_total{direction}``
    PDU bytes ``sent`` or ``received``.
``operation_duration_seconds{command, role}``
    Histogram: request to final response (``role`` ``scu``/``scp``).
``operation_failures_total{command, role, category}``
    Operations whose final status was not success (``category`` warning, failure, cancel).
"""

from __future__ import annotations

from typing import Any

from dicomkit.metrics.registry import Registry

__all__ = ["NetworkMetrics"]


def _side(assoc: Any) -> str:
    return "requestor" if assoc.is_requestor else "acceptor"


class NetworkMetrics:
    """Counts an application entity's associations, messages, bytes, latencies, failures."""

    def __init__(self, registry: Registry) -> None:
        r = self.registry = registry
        self.associations = r.counter("dicomkit_associations_total",
                                      "Associations ended, by side and outcome",
                                      ("side", "outcome"))
        self.active = r.gauge("dicomkit_associations_active", "Associations open", ("side",))
        self.rejections = r.counter("dicomkit_association_rejections_total",
                                    "Association requests rejected")
        self.handshakes = r.counter("dicomkit_tls_handshake_failures_total",
                                    "TLS handshakes that failed")
        self.lifetimes = r.histogram("dicomkit_association_duration_seconds",
                                     "Association lifetimes", ("side",))
        self.messages = r.counter("dicomkit_messages_total", "DIMSE messages",
                                  ("command", "direction"))
        self.bytes = r.counter("dicomkit_bytes_total", "PDU bytes", ("direction",))
        self.latency = r.histogram("dicomkit_operation_duration_seconds",
                                   "DIMSE operations, request to final response",
                                   ("command", "role"))
        self.failures = r.counter("dicomkit_operation_failures_total",
                                  "DIMSE operations whose final status was not success",
                                  ("command", "role", "category"))

    def association_established(self, assoc: Any) -> None:
        self.active.inc(side=_side(assoc))

    def association_ended(self, assoc: Any, error: BaseException | None,
                          duration: float) -> None:
        side = _side(assoc)
        self.active.dec(side=side)
        self.associations.inc(side=side, outcome="released" if error is None else "aborted")
        self.lifetimes.observe(duration, side=side)

    def association_rejected(self, peer: Any, request: Any, rejection: Any) -> None:
        self.rejections.inc()

    def handshake_failed(self, peer: Any, why: str) -> None:
        self.handshakes.inc()

    def message(self, assoc: Any, direction: str, message: Any) -> None:
        self.messages.inc(command=message.name, direction=direction)

    def bytes_transferred(self, assoc: Any, direction: str, nbytes: int) -> None:
        if nbytes:
            self.bytes.inc(nbytes, direction=direction)

    def operation_completed(self, assoc: Any, role: str, request: Any, response: Any,
                            duration: float) -> None:
        self.latency.observe(duration, command=request.name, role=role)
        category = response.status_category or "failure"
        if category != "success":
            self.failures.inc(command=request.name, role=role, category=category)
