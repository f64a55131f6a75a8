"""Frame lists of WADO-RS (PS3.18 10.1: ``{frames}`` is a comma-separated list of frame
numbers in ascending order; 10.4.1.1.5) on a multi-frame instance, with dicomkit's ranges
(``first-last``), and the 400 / 404 answers of bad and missing frame numbers."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import dicomkit
from dicomkit.generated import tags
from dicomkit.web.multipart import boundary_of, read_parts
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.wado import frame_numbers
from tests.archive.make import dataset, uid
from tests.web.server.running import archive_of, running

FRAMES = 6
SIZE = 8  # 8 x 8 x 16 bits: 128 bytes a frame


def frame_bytes(n: int) -> bytes:
    """Frame ``n``'s pixel bytes (from 1): a ramp that starts at ``n`` (each frame differs
    from the others, and within itself)."""
    return bytes((n * 37 + i) % 256 for i in range(SIZE * SIZE * 2))


def multiframe(study: str, series: str, sop: str) -> bytes:
    ds = dataset(study, series, sop, size=SIZE)
    ds.NumberOfFrames = str(FRAMES)
    ds[tags.PixelData].value = b"".join(frame_bytes(n) for n in range(1, FRAMES + 1))
    out = io.BytesIO()
    dicomkit.write(out, ds)  # type: ignore[arg-type]
    return out.getvalue()


@dataclass
class One:
    http: httpx.Client
    url: str  # of the instance


@pytest.fixture
def one(tmp_path: Path) -> Iterator[One]:
    st, se, sop = uid(), uid(), uid()
    archive = archive_of(tmp_path, [multiframe(st, se, sop)])
    try:
        with running(archive) as base, httpx.Client(base_url=base, timeout=30) as http:
            yield One(http, f"/studies/{st}/series/{se}/instances/{sop}")
    finally:
        archive.close()


@pytest.mark.parametrize("text, numbers", [
    ("1", [1]), ("2,4,6", [2, 4, 6]), ("1,1", [1, 1]), ("2-4", [2, 3, 4]),
    ("1,3-5,6", [1, 3, 4, 5, 6]), ("1-6", [1, 2, 3, 4, 5, 6]), ("5-5", [5])])
def test_frame_lists_and_ranges(one: One, text: str, numbers: list[int]) -> None:
    r = one.http.get(f"{one.url}/frames/{text}")
    assert r.status_code == 200, r.text
    parts = read_parts(r.content, boundary_of(r.headers["content-type"]))
    assert [body for _h, body in parts] == [frame_bytes(n) for n in numbers]


@pytest.mark.parametrize("text", ["0", "x", "1,", ",1", "3,2", "1-3,2", "4-2", "1-", "-3",
                                  "1;2", "1 ,2", "99999999999", "2-4,3-5"])
def test_bad_frame_lists_are_400(one: One, text: str) -> None:
    r = one.http.get(f"{one.url}/frames/{text}")
    assert r.status_code == 400, r.text
    assert "PS3.18 10.1" in r.text


@pytest.mark.parametrize("text", ["7", "1,7", "5-7", "1-2000000000"])
def test_frames_past_the_last_are_404(one: One, text: str) -> None:
    r = one.http.get(f"{one.url}/frames/{text}")
    assert r.status_code == 404, r.text
    assert "6 frame(s)" in r.text


def test_rendered_and_thumbnail_frames_check_the_list(one: One) -> None:
    assert one.http.get(f"{one.url}/frames/3/rendered").status_code == 200
    assert one.http.get(f"{one.url}/frames/3/thumbnail").status_code == 200
    assert one.http.get(f"{one.url}/frames/9/rendered").status_code == 404
    assert one.http.get(f"{one.url}/frames/3,1/rendered").status_code == 400


def test_frame_numbers_never_expand_a_range_past_the_instance() -> None:
    with pytest.raises(HttpError) as e:
        frame_numbers("1-2147483647", 3)
    assert e.value.status == 404
    assert frame_numbers("1-3", 3) == [1, 2, 3]
