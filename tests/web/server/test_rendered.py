"""Rendered resources (PS3.18 8.3.5, 10.4.1.1.4): multi-frame instances as animated GIF and
MP4 (Table 8.7.4-1), and the parameters of Table 8.3.5-1 as 8.3.5.1 defines them: viewport
with elided values and flips, window with its function, annotation, quality."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image, ImageChops

from tests.archive.make import instance, uid
from tests.web.server.running import archive_of, running
from tests.web.server.test_wado_frames import FRAMES, SIZE, multiframe


@pytest.fixture
def urls(tmp_path: Path) -> Iterator[tuple[httpx.Client, str, str]]:
    """A client, the URL of a multi-frame instance and of a single-frame 128 x 128 one."""
    st, se, multi, single = uid(), uid(), uid(), uid()
    archive = archive_of(tmp_path, [multiframe(st, se, multi), instance(st, se, single)])
    try:
        with running(archive) as base, httpx.Client(base_url=base, timeout=60) as http:
            prefix = f"/studies/{st}/series/{se}/instances/"
            yield http, prefix + multi, prefix + single
    finally:
        archive.close()


def _image(r: httpx.Response) -> Image.Image:
    assert r.status_code == 200, r.text
    return Image.open(io.BytesIO(r.content))


def test_multiframe_instance_as_animated_gif(urls: tuple[httpx.Client, str, str]) -> None:
    http, multi, _single = urls
    gif = _image(http.get(multi + "/rendered", headers={"Accept": "image/gif"}))
    assert gif.format == "GIF" and gif.n_frames == FRAMES and gif.size == (SIZE, SIZE)
    some = _image(http.get(multi + "/frames/2,4/rendered", headers={"Accept": "image/gif"}))
    assert some.n_frames == 2
    jpeg = _image(http.get(multi + "/rendered", headers={"Accept": "image/jpeg"}))
    assert jpeg.format == "JPEG"  # a single-frame type: the first frame


def test_multiframe_instance_as_mp4(urls: tuple[httpx.Client, str, str]) -> None:
    av = pytest.importorskip("av")
    http, multi, single = urls
    r = http.get(multi + "/rendered", headers={"Accept": "video/mp4"})
    assert r.status_code == 200 and r.headers["content-type"] == "video/mp4"
    with av.open(io.BytesIO(r.content)) as video:
        frames = list(video.decode(video=0))
    assert len(frames) == FRAMES and frames[0].width == SIZE
    # one frame is not a video: only the image types are offered
    assert http.get(single + "/rendered", headers={"Accept": "video/mp4"}).status_code == 406


def test_viewport_elided_values_and_flips(urls: tuple[httpx.Client, str, str]) -> None:
    http, _multi, single = urls
    png = {"Accept": "image/png"}
    whole = _image(http.get(single + "/rendered", headers=png)).convert("L")
    assert whole.size == (128, 128)
    # sx, sy elided (0); the 32 x 16 region at the top left, scaled into 64 x 64: 64 x 32
    part = _image(http.get(single + "/rendered", headers=png,
                           params={"viewport": "64,64,,,32,16"})).convert("L")
    assert part.size == (64, 32)
    expected = whole.crop((0, 0, 32, 16)).resize((64, 32), Image.Resampling.LANCZOS)
    assert ImageChops.difference(part, expected).getbbox() is None
    # a negative sw flips the region horizontally
    flipped = _image(http.get(single + "/rendered", headers=png,
                              params={"viewport": "128,128,0,0,-128"})).convert("L")
    assert ImageChops.difference(flipped, whole.transpose(
        Image.Transpose.FLIP_LEFT_RIGHT)).getbbox() is None
    # trailing values left out: the region from (64, 64) to the edges
    corner = _image(http.get(single + "/rendered", headers=png,
                             params={"viewport": "64,64,64,64"})).convert("L")
    assert ImageChops.difference(corner, whole.crop((64, 64, 128, 128))).getbbox() is None
    for bad in ("64", "64,x", "0,64", "64,64,1,2,3,4,5", "64,64,,,0,10", "64,64,500,500"):
        assert http.get(single + "/rendered", params={"viewport": bad}).status_code == 400, bad
    r = http.get(single + "/thumbnail", params={"viewport": "64,64,0,0,10,10"})
    assert r.status_code == 400  # a thumbnail takes vw, vh only (8.3.5.1.3)


def test_window_needs_its_function(urls: tuple[httpx.Client, str, str]) -> None:
    http, _multi, single = urls
    png = {"Accept": "image/png"}

    def get(window: str) -> httpx.Response:
        return http.get(single + "/rendered", headers=png, params={"window": window})

    linear = np.asarray(_image(get("100,200,linear")))
    exact = np.asarray(_image(get("100,200,linear-exact")))
    sigmoid = np.asarray(_image(get("100,200,sigmoid")))
    assert not np.array_equal(linear, sigmoid) and linear.shape == exact.shape
    for bad in ("100,200", "100,200,cubic", "x,200,linear", "100,0,linear", "100,0,sigmoid",
                "100,200,linear,1", ",200,linear"):
        assert get(bad).status_code == 400, bad


def test_annotation(urls: tuple[httpx.Client, str, str]) -> None:
    http, multi, single = urls
    png = {"Accept": "image/png"}
    plain = _image(http.get(single + "/rendered", headers=png)).convert("L")
    for which in ("patient", "technique", "patient,technique"):
        r = http.get(single + "/rendered", headers=png, params={"annotation": which})
        assert "warning" not in r.headers
        drawn = _image(r).convert("L")
        box = ImageChops.difference(plain, drawn).getbbox()
        assert box is not None, which  # burned in
        if which == "patient":
            assert box[1] < 10  # at the top
        if which == "technique":
            assert box[3] > 118  # at the bottom
    r = http.get(single + "/rendered", headers=png, params={"annotation": "patient,ruler"})
    assert r.status_code == 200
    assert r.headers["warning"].endswith(
        '"The following annotation values are not supported: ruler"')
    for bad in ("", "patient,", "pat ient", "1x"):
        r = http.get(single + "/rendered", params={"annotation": bad})
        assert r.status_code == 400, bad
    gif = _image(http.get(multi + "/rendered", headers={"Accept": "image/gif"},
                          params={"annotation": "technique"}))
    assert gif.n_frames == FRAMES


def test_quality_applies_to_jpeg_only(urls: tuple[httpx.Client, str, str]) -> None:
    http, _multi, single = urls
    a = http.get(single + "/rendered", headers={"Accept": "image/png"}, params={"quality": "5"})
    b = http.get(single + "/rendered", headers={"Accept": "image/png"}, params={"quality": "99"})
    assert a.content == b.content  # PNG is lossless: quality has no meaning (8.3.5.1.2)
    low = http.get(single + "/rendered", params={"quality": "5"}).content
    high = http.get(single + "/rendered", params={"quality": "99"}).content
    assert len(low) < len(high)
