"""Metrics of the toolkit, readable in-process and scrapeable in the Prometheus text format.

::

    from dicomkit.metrics import REGISTRY, NetworkMetrics, MetricsServer
    ae = ApplicationEntity("MYSCP", events=[NetworkMetrics(REGISTRY)])
    REGISTRY.snapshot()["dicomkit_messages_total"]      # in-process
    MetricsServer(REGISTRY, port=9464)                   # GET http://127.0.0.1:9464/metrics

:data:`REGISTRY` is the default registry; make a :class:`Registry` of your own to keep
metrics apart (one per application entity, per test).
"""

from __future__ import annotations

from dicomkit.metrics.http import CONTENT_TYPE, MetricsServer, asgi_app
from dicomkit.metrics.network import NetworkMetrics
from dicomkit.metrics.registry import DEFAULT_BUCKETS, Counter, Gauge, Histogram, Registry

__all__ = ["CONTENT_TYPE", "Counter", "DEFAULT_BUCKETS", "Gauge", "Histogram", "MetricsServer",
           "NetworkMetrics", "REGISTRY", "Registry", "asgi_app"]

#: The default registry.
REGISTRY = Registry()
