"""Random and mutated bytes given to the archive: only the archive's own refusal, and nothing
left behind."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.archive import Archive, InstanceRefusedError
from tests.archive.make import instance, uid


@functools.cache
def _good() -> bytes:
    return instance(uid(), uid(), uid())


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_files_are_stored_or_refused_with_instance_refused(tmp_path: Path,
                                                                    data: st.DataObject) -> None:
    good = _good()
    kind = data.draw(st.sampled_from(["random", "flip", "cut"]))
    if kind == "random":
        blob = data.draw(st.binary(max_size=600))
    elif kind == "flip":
        blob = bytearray(good)
        for _ in range(data.draw(st.integers(1, 8))):
            blob[data.draw(st.integers(0, len(good) - 1))] ^= data.draw(st.integers(1, 255))
        blob = bytes(blob)
    else:
        blob = good[: data.draw(st.integers(0, len(good) - 1))]
    archive = _archive(tmp_path)
    try:
        outcome = archive.insert_bytes(blob)
    except InstanceRefusedError:
        assert not list(archive.files.incoming.iterdir())
        return
    assert outcome.action in ("stored", "duplicate", "kept")
    assert archive.files.path(outcome.path).is_file()


@functools.cache
def _archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path / "fuzz", fsync=False)
