"""Counters, gauges and histograms with labels, readable in-process and written in the
Prometheus text exposition format (version 0.0.4).

Written here rather than taken from ``prometheus_client``: the toolkit's metrics must be
readable in-process without a server (:meth:`Registry.snapshot`), several registries must
live side by side (one per application entity in tests, no process-global state), and the
text format is small and stable; so the metrics cost no dependency.  The tests parse the
output with ``prometheus_client``'s own parser, the reference reader of the format.

Every operation takes a lock: metrics are updated from the event loop, worker threads and the
audit trail's thread alike.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
from collections.abc import Iterable, Sequence

__all__ = ["Counter", "DEFAULT_BUCKETS", "Gauge", "Histogram", "Registry"]

_NAME = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
_LABEL = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
#: Seconds: from a C-ECHO on loopback (sub-millisecond) to a large C-MOVE.
DEFAULT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                   5.0, 10.0, 30.0, 60.0)

LabelValues = tuple[str, ...]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if math.isnan(value):
        return "NaN"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


class _Metric:
    kind = ""

    def __init__(self, name: str, help: str, labels: Sequence[str] = ()) -> None:
        if not _NAME.match(name):
            raise ValueError(f"metric name {name!r} is not [a-zA-Z_:][a-zA-Z0-9_:]*")
        for label in labels:
            if not _LABEL.match(label) or label.startswith("__"):
                raise ValueError(f"label name {label!r} of {name} is not allowed")
        self.name = name
        self.help = help
        self.labels = tuple(labels)
        self._lock = threading.Lock()

    def _key(self, labels: dict[str, str]) -> LabelValues:
        try:
            if len(labels) == len(self.labels):
                return tuple([str(labels[k]) for k in self.labels])
        except KeyError:
            pass
        raise ValueError(f"{self.name} takes the labels {self.labels}, not {sorted(labels)}")

    def _label_text(self, values: LabelValues, extra: tuple[tuple[str, str], ...] = ()) -> str:
        pairs = [*zip(self.labels, values, strict=True), *extra]
        if not pairs:
            return ""
        return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in pairs) + "}"

    def samples(self) -> Iterable[tuple[str, str, float]]:
        """(sample name, label text, value) of every sample."""
        raise NotImplementedError

    def exposition(self) -> str:
        text = self.help.replace("\\", "\\\\").replace("\n", "\\n")
        lines = [f"# HELP {self.name} {text}",
                 f"# TYPE {self.name} {self.kind}"]
        lines.extend(f"{n}{labels} {_number(v)}" for n, labels, v in self.samples())
        return "\n".join(lines) + "\n"


class Counter(_Metric):
    """A count that only goes up (``*_total``)."""

    kind = "counter"

    def __init__(self, name: str, help: str, labels: Sequence[str] = ()) -> None:
        super().__init__(name, help, labels)
        self._values: dict[LabelValues, float] = {}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError(f"{self.name}: a counter cannot go down ({amount})")
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        with self._lock:
            return self._values.get(self._key(labels), 0.0)

    def values(self) -> dict[LabelValues, float]:
        with self._lock:
            return dict(self._values)

    def samples(self) -> Iterable[tuple[str, str, float]]:
        for key, v in sorted(self.values().items()):
            yield self.name, self._label_text(key), v


class Gauge(Counter):
    """A value that goes up and down (open associations)."""

    kind = "gauge"

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def dec(self, amount: float = 1.0, **labels: str) -> None:
        self.inc(-amount, **labels)

    def set(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            self._values[key] = value


class Histogram(_Metric):
    """Observations counted in cumulative buckets, with their sum and count."""

    kind = "histogram"

    def __init__(self, name: str, help: str, labels: Sequence[str] = (),
                 buckets: Sequence[float] = DEFAULT_BUCKETS) -> None:
        if "le" in labels:
            raise ValueError(f"{name}: 'le' is the bucket label of a histogram")
        super().__init__(name, help, labels)
        self.buckets = tuple(sorted(float(b) for b in buckets))
        self._data: dict[LabelValues, tuple[list[int], list[float]]] = {}

    def observe(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        i = bisect.bisect_left(self.buckets, value)
        with self._lock:
            counts, total = self._data.setdefault(key, ([0] * (len(self.buckets) + 1), [0.0]))
            counts[i] += 1
            total[0] += value

    def snapshot(self, **labels: str) -> dict[str, object]:
        """``{"count": n, "sum": s, "buckets": {le: cumulative count}}``."""
        key = self._key(labels)
        with self._lock:
            counts, total = self._data.get(key, ([0] * (len(self.buckets) + 1), [0.0]))
            counts = list(counts)
            s = total[0]
        cumulative, running = {}, 0
        for le, c in zip([*self.buckets, math.inf], counts, strict=True):
            running += c
            cumulative[le] = running
        return {"count": running, "sum": s, "buckets": cumulative}

    def samples(self) -> Iterable[tuple[str, str, float]]:
        with self._lock:
            data = {k: (list(c), t[0]) for k, (c, t) in self._data.items()}
        for key, (counts, s) in sorted(data.items()):
            running = 0
            for le, c in zip([*self.buckets, math.inf], counts, strict=True):
                running += c
                le_text = "+Inf" if math.isinf(le) else repr(float(le))  # "1.0", as is usual
                yield self.name + "_bucket", self._label_text(key, (("le", le_text),)), running
            yield self.name + "_sum", self._label_text(key), s
            yield self.name + "_count", self._label_text(key), running


class Registry:
    """A set of metrics by name."""

    def __init__(self) -> None:
        self._metrics: dict[str, _Metric] = {}
        self._lock = threading.Lock()

    def _add(self, metric: _Metric) -> _Metric:
        with self._lock:
            old = self._metrics.get(metric.name)
            if old is not None:
                if type(old) is not type(metric) or old.labels != metric.labels:
                    raise ValueError(f"metric {metric.name} exists as another kind or labels")
                return old
            self._metrics[metric.name] = metric
            return metric

    def counter(self, name: str, help: str, labels: Sequence[str] = ()) -> Counter:
        m = self._add(Counter(name, help, labels))
        assert isinstance(m, Counter)
        return m

    def gauge(self, name: str, help: str, labels: Sequence[str] = ()) -> Gauge:
        m = self._add(Gauge(name, help, labels))
        assert isinstance(m, Gauge)
        return m

    def histogram(self, name: str, help: str, labels: Sequence[str] = (),
                  buckets: Sequence[float] = DEFAULT_BUCKETS) -> Histogram:
        m = self._add(Histogram(name, help, labels, buckets))
        assert isinstance(m, Histogram)
        return m

    def get(self, name: str) -> _Metric | None:
        with self._lock:
            return self._metrics.get(name)

    def snapshot(self) -> dict[str, dict[str, float]]:
        """Every sample: metric name -> {sample name + labels: value}, for reading in-process."""
        with self._lock:
            metrics = list(self._metrics.values())
        return {m.name: {n + labels: v for n, labels, v in m.samples()} for m in metrics}

    def exposition(self) -> str:
        """The Prometheus text format (0.0.4) of every metric, sorted by name."""
        with self._lock:
            metrics = sorted(self._metrics.values(), key=lambda m: m.name)
        return "".join(m.exposition() for m in metrics)
