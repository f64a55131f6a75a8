"""UID mapping and date shifting: properties (hypothesis) of the encoders, and bad input."""

from __future__ import annotations

import datetime
import os
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.core.uid import is_valid_uid
from dicomkit.deid import Deidentifier, DeidFileError, Mapper, MemoryStore, Profile
from dicomkit.deid.files import deidentify_file
from dicomkit.deid.values import shift_date, shift_datetime
from tests.deid.helpers import sample_paths

_UID = st.from_regex(r"\A[1-9][0-9]{0,5}(\.(0|[1-9][0-9]{0,8})){1,8}\Z")


@given(uid=_UID, secret=st.binary(min_size=1, max_size=40))
def test_a_uid_maps_to_a_valid_2_25_uid_the_same_every_time(uid: str, secret: bytes) -> None:
    a, b = Mapper(secret), Mapper(secret)
    new = a.uid(uid)
    assert new == b.uid(uid) and new.startswith("2.25.") and is_valid_uid(new)
    assert a.uid(uid + ".1") != new


@given(uids=st.lists(_UID, min_size=2, max_size=30, unique=True))
def test_distinct_uids_map_to_distinct_uids_and_are_recorded(uids: list[str]) -> None:
    store = MemoryStore()
    m = Mapper(b"k", store)
    mapped = [m.uid(u) for u in uids]
    assert len(set(mapped)) == len(uids)
    m.flush()
    assert all(store.replacement(u) == n for u, n in zip(uids, mapped, strict=True))


@given(day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
       days=st.integers(min_value=-3650, max_value=3650))
def test_shifting_a_date_back_by_the_same_days_gives_it_back(day: datetime.date, days: int) -> None:
    text = day.strftime("%Y%m%d")
    moved = shift_date(text, days)
    assert moved is not None and shift_date(moved, -days) == text
    assert shift_datetime(text + "101500.25-0500", days) == moved + "101500.25-0500"


@given(text=st.text(max_size=12))
def test_anything_that_is_not_a_full_date_is_not_shifted(text: str) -> None:
    if len(text) == 8 and text.isdigit() and text.isascii():
        return
    assert shift_date(text, 3) is None or len(text.strip()) == 8


def test_date_offsets_are_per_patient_and_within_the_bound() -> None:
    m = Mapper(b"k", max_days=30)
    offsets = {m.date_offset(f"P{i}") for i in range(200)}
    assert all(-30 <= d <= -1 for d in offsets) and len(offsets) > 10
    assert m.date_offset("P1") == Mapper(b"k", max_days=30).date_offset("P1")


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_files_are_de_identified_or_refused_with_the_library_error(
        seed: int, tmp_path_factory: Any) -> None:
    rng = random.Random(seed)
    src = rng.choice(sample_paths()).read_bytes()
    data = bytearray(src)
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    if rng.random() < 0.3:
        data = data[:rng.randrange(len(data))]
    if rng.random() < 0.1:
        data = bytearray(os.urandom(rng.randrange(1, 400)))
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "in.dcm"
    path.write_bytes(bytes(data))
    out = folder / "out"
    out.mkdir()
    try:
        report = deidentify_file(path, out, Deidentifier(Profile(), Mapper("s")))
    except DeidFileError:
        assert [p for p in out.iterdir() if not p.name.startswith(".")] == []
    else:
        assert os.path.exists(report.target)
