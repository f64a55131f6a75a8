"""Routing rules (TOML), bandwidth limits and time windows (dicomkit.forward.rules, limits)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import anyio
import pytest

import dicomkit
from dicomkit.forward import RulesError, TimeWindow, TokenBucket, load_rules, parse_rules
from dicomkit.forward.queue import PRIORITIES
from dicomkit.generated import uids
from dicomkit.net.resilience import FakeClock, RetryPolicy
from tests.forward.conftest import make_files

RULES = """
[defaults.retry]
backoff = "linear"
base = 3
max_attempts = 4

[destinations.PACS]
host = "127.0.0.1"
port = 11112
called_ae = "PACS"
concurrency = 2
max_operations = 100
bandwidth = 1_000_000
windows = ["20:00-06:00"]
retry = { backoff = "fixed", base = 10, max_attempts = 2 }

[destinations.AI]
host = "127.0.0.1"
port = 11113
called_ae = "AI"
transfer_syntax = "JPEGBaseline8Bit"
lossy = true

[sop_class_retry.CTImageStorage]
backoff = "exponential"
max_attempts = 7

[[rules]]
name = "all CT to the PACS"
modality = ["CT"]
destinations = ["PACS"]

[[rules]]
name = "test patients from CT1 to the AI, urgently"
calling_ae = "CT1"
match = { PatientID = "TEST*" }
destinations = ["AI", "PACS"]
priority = "stat"
"""


@pytest.fixture()
def routing(tmp_path: Path):  # type: ignore[no-untyped-def]
    f = tmp_path / "rules.toml"
    f.write_text(RULES)
    return load_rules(f)


def test_a_file_goes_to_the_destinations_whose_rules_match(routing, tmp_path: Path) -> None:
    (ct,) = make_files(tmp_path / "a", 1, patient="TEST-1")
    ds = dicomkit.read(ct, stop_before_pixels=True)
    routes = {r.destination.name: r for r in routing.route(ds, "CT1")}
    assert set(routes) == {"PACS", "AI"}
    assert routes["PACS"].priority == PRIORITIES["stat"]  # the higher of its two rules
    assert routes["AI"].transfer_syntax == uids.JPEGBaseline8Bit and routes["AI"].lossy
    assert routes["PACS"].transfer_syntax == "" and not routes["PACS"].lossy
    assert [r.destination.name for r in routing.route(ds, "OTHER")] == ["PACS"]
    (mr,) = make_files(tmp_path / "b", 1, modality="MR", patient="TEST-2")
    assert routing.route(dicomkit.read(mr, stop_before_pixels=True), "OTHER") == []


def test_retry_policy_per_sop_class_then_destination_then_default(routing) -> None:
    assert routing.policy("PACS", uids.CTImageStorage) == \
        RetryPolicy("exponential", max_attempts=7)
    assert routing.policy("PACS", uids.MRImageStorage) == \
        RetryPolicy("fixed", base=10.0, max_attempts=2)
    assert routing.policy("AI", uids.MRImageStorage) == \
        RetryPolicy("linear", base=3.0, max_attempts=4)


def test_destination_fields_are_read(routing) -> None:
    pacs = routing.destinations["PACS"]
    assert (pacs.concurrency, pacs.max_operations, pacs.bandwidth) == (2, 100, 1e6)
    assert [str(w) for w in pacs.windows] == ["20:00-06:00"]


@pytest.mark.parametrize(("data", "where"), [
    ({}, "destinations"),
    ({"destinations": {"A": {"host": "h", "port": 1}}}, "called_ae is required"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A", "colour": 1}}},
     "unknown field"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A"}},
      "rules": [{"destinations": ["B"]}]}, "no destination 'B'"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A"}},
      "rules": [{"destinations": ["A"], "priority": "asap"}]}, "priority"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A",
                             "transfer_syntax": "JPEGBaseline8Bit"}}}, "lossy"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A",
                             "windows": ["8-17"]}}}, "HH:MM"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A",
                             "retry": {"backoff": "sometimes"}}}}, "backoff"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A" * 17}}}, "AE"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A"}},
      "rules": [{"destinations": ["A"], "sop_class": ["NoSuchStorage"]}]}, "UID"),
    ({"destinations": {"A": {"host": "h", "port": 1, "called_ae": "A"}},
      "rules": [{"destinations": ["A"], "match": {"StudyDate": "2024-bad"}}]}, "match"),
])
def test_bad_routing_files_say_where(data: dict[str, object], where: str) -> None:
    with pytest.raises(RulesError, match=where):
        parse_rules(data)


def test_unreadable_and_non_toml_files_are_rules_errors(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[destinations\n")
    with pytest.raises(RulesError, match="not TOML"):
        load_rules(bad)


def test_time_windows_cross_midnight() -> None:
    night = TimeWindow.parse("20:00-06:00")
    assert night.contains(dt.time(23, 0)) and night.contains(dt.time(5, 59))
    assert not night.contains(dt.time(6, 0)) and not night.contains(dt.time(12, 0))
    assert night.opens_in(dt.datetime(2024, 1, 1, 19, 0)) == 3600
    assert night.opens_in(dt.datetime(2024, 1, 1, 21, 0)) == 0
    day = TimeWindow.parse("08:00-17:30")
    assert day.opens_in(dt.datetime(2024, 1, 1, 18, 0)) == 14 * 3600


def test_token_bucket_holds_the_rate_on_a_fake_clock() -> None:
    clock = FakeClock(0)
    bucket = TokenBucket(1000, clock=clock)

    async def main() -> None:
        for _ in range(10):
            await bucket.take(500)

    anyio.run(main)
    # 5000 bytes at 1000 B/s with a 1000-byte burst: 4 s of waiting
    assert clock.now() == pytest.approx(4.0)
    big = TokenBucket(1000, clock=clock)
    start = clock.now()

    async def large() -> None:
        await big.take(5000)  # larger than the bucket: passes, in debt
        await big.take(1000)

    anyio.run(large)
    assert clock.now() - start == pytest.approx(5.0)


def test_routing_tags_are_all_the_rules_look_at(routing, tmp_path: Path) -> None:
    """The gateway routes from the top-level values of ``Routing.tags()`` alone: a data set
    holding only those is routed as the whole one, for every calling AE and patient."""
    from dicomkit.generated import tags

    wanted = routing.tags()
    assert wanted is not None and {tags.PatientID, tags.Modality, tags.SOPClassUID} <= wanted
    for patient, modality in (("TEST-1", "CT"), ("OTHER", "CT"), ("TEST-2", "MR")):
        (f,) = make_files(tmp_path / f"{patient}{modality}", 1, modality=modality,
                          patient=patient)
        whole = dicomkit.read(f, stop_before_pixels=True)
        small = dicomkit.read(f, stop_before_pixels=True, specific_tags=sorted(wanted))
        assert len(small) < len(whole)
        for ae in ("CT1", "OTHER"):
            assert routing.route(small, ae) == routing.route(whole, ae)


def test_routing_tags_give_up_on_keys_that_need_more_than_their_value() -> None:
    """A date key may be matched with its time partner (PS3.4 C.2.2.2.5), a sequence key
    with its items: the gateway then reads the whole header."""
    base = {"destinations": {"D": {"host": "127.0.0.1", "port": 1, "called_ae": "D"}}}
    dated = parse_rules({**base, "rules": [{"destinations": ["D"],
                                            "match": {"StudyDate": "20240101-"}}]})
    assert dated.tags() is None
    plain = parse_rules({**base, "rules": [{"destinations": ["D"]}]})
    assert plain.tags() is not None
