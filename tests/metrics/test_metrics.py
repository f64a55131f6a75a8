"""Metrics: counters, gauges and histograms read in-process and written in the Prometheus text
format, read back with prometheus_client's parser (the format's reference reader), served
over HTTP on a port and as an ASGI app."""

from __future__ import annotations

import math
import urllib.request

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.metrics import CONTENT_TYPE, MetricsServer, Registry, asgi_app
from tests.conftest import missing


def _parse(text: str) -> dict[str, list[tuple[str, dict[str, str], float]]]:
    try:
        from prometheus_client.parser import text_string_to_metric_families
    except ImportError:
        missing("prometheus_client (pip install -e '.[test]')")
    return {f.name: [(s.name, s.labels, s.value) for s in f.samples]
            for f in text_string_to_metric_families(text)}


def _registry() -> Registry:
    r = Registry()
    c = r.counter("dicomkit_messages_total", "DIMSE messages", ("command", "direction"))
    c.inc(command="C-STORE-RQ", direction="sent")
    c.inc(2, command="C-STORE-RQ", direction="sent")
    c.inc(command='odd"name\\', direction="received")
    g = r.gauge("dicomkit_associations_active", "Associations open", ("side",))
    g.inc(side="acceptor")
    g.inc(side="acceptor")
    g.dec(side="acceptor")
    h = r.histogram("dicomkit_operation_duration_seconds", "latency\nwith a line break",
                    ("command",), buckets=(0.01, 0.1, 1.0))
    for v in (0.005, 0.05, 0.05, 0.5, 5.0):
        h.observe(v, command="C-ECHO-RQ")
    return r


def test_exposition_reads_back_with_prometheus_client() -> None:
    parsed = _parse(_registry().exposition())
    # prometheus_client names counter families without _total
    assert ("dicomkit_messages_total", {"command": "C-STORE-RQ", "direction": "sent"}, 3.0) in \
        parsed["dicomkit_messages"]
    assert ("dicomkit_messages_total", {"command": 'odd"name\\', "direction": "received"}, 1.0) in \
        parsed["dicomkit_messages"]
    assert parsed["dicomkit_associations_active"] == [
        ("dicomkit_associations_active", {"side": "acceptor"}, 1.0)]
    buckets = {s[1]["le"]: s[2] for s in parsed["dicomkit_operation_duration_seconds"]
               if s[0].endswith("_bucket")}
    assert buckets == {"0.01": 1, "0.1": 3, "1.0": 4, "+Inf": 5}
    sums = {s[0]: s[2] for s in parsed["dicomkit_operation_duration_seconds"]
            if not s[0].endswith("_bucket")}
    assert sums["dicomkit_operation_duration_seconds_count"] == 5
    assert math.isclose(sums["dicomkit_operation_duration_seconds_sum"], 5.605)


def test_in_process_reading() -> None:
    r = _registry()
    snap = r.snapshot()
    assert snap["dicomkit_messages_total"][
        'dicomkit_messages_total{command="C-STORE-RQ",direction="sent"}'] == 3
    h = r.histogram("dicomkit_operation_duration_seconds", "", ("command",), buckets=(0.01, 0.1, 1.0))
    assert h.snapshot(command="C-ECHO-RQ")["count"] == 5


def test_bad_names_labels_and_decrements_are_refused() -> None:
    r = Registry()
    with pytest.raises(ValueError):
        r.counter("bad-name", "x")
    with pytest.raises(ValueError):
        r.counter("ok_total", "x", ("__reserved",))
    c = r.counter("ok_total", "x", ("a",))
    with pytest.raises(ValueError):
        c.inc(-1, a="1")
    with pytest.raises(ValueError):
        c.inc(b="1")
    with pytest.raises(ValueError):
        r.gauge("ok_total", "x", ("a",))  # another kind under the same name


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.floats(0, 1e6, allow_nan=False)), max_size=20))
def test_any_label_value_and_amount_survive_the_text_format(items: list[tuple[str, float]]) -> None:
    r = Registry()
    c = r.counter("x_total", "help", ("label",))
    expected: dict[str, float] = {}
    for label, amount in items:
        c.inc(amount, label=label)
        expected[label] = expected.get(label, 0.0) + amount
    parsed = _parse(r.exposition()).get("x", [])
    assert {s[1]["label"]: s[2] for s in parsed} == pytest.approx(expected)


def test_http_endpoint_serves_the_text_format_on_loopback() -> None:
    with MetricsServer(_registry(), "127.0.0.1", 0) as server:
        host, port = server.address
        with urllib.request.urlopen(f"http://{host}:{port}/metrics", timeout=5) as resp:
            assert resp.headers["Content-Type"] == CONTENT_TYPE
            body = resp.read().decode()
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"http://{host}:{port}/other", timeout=5)
        assert info.value.code == 404
    assert "dicomkit_associations_active" in _parse(body)


@pytest.mark.anyio
async def test_asgi_app_serves_the_text_format() -> None:
    import httpx

    app = asgi_app(_registry())
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        resp = await client.get("/metrics")
        missing_page = await client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"] == CONTENT_TYPE
    assert "dicomkit_messages" in _parse(resp.text)
    assert missing_page.status_code == 404
