"""Rendered and thumbnail resources (PS3.18 8.3.5, 10.4.1.1.4, 10.4.1.1.6): one frame through
the display pipeline of :func:`dicomkit.pixels.render.render` (PS3.4 N.2), then cropped and
scaled to the ``viewport``, encoded as JPEG, PNG or GIF with Pillow.

Parameters (Table 8.3.5-1): ``window=center,width[,linear]`` (a VOI window; ``sigmoid`` is
not supported: 400), ``viewport=vw,vh[,sx,sy,sw,sh]`` (the region of the image, then the
size it is scaled to fit, aspect kept), ``quality`` (JPEG, 1-100).  ``annotation`` is not
supported and answered with ``Warning: 299``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np

from dicomkit.generated import tags
from dicomkit.generated.web import RENDERED_MEDIA_TYPES, MediaType
from dicomkit.io.reader import read
from dicomkit.pixels.render import render
from dicomkit.web.server.errors import HttpError

__all__ = ["IMAGE_TYPES", "PIXEL_TAGS", "RenderOptions", "parse_render", "render_image"]

#: The rendered media types of single-frame images this server writes (Table 8.7.4-1), the
#: default (JPEG) first.
IMAGE_TYPES: tuple[str, ...] = tuple(dict.fromkeys(
    m.media_type for m in sorted(RENDERED_MEDIA_TYPES, key=lambda m: m.restful != "D")
    if m.category.lower().startswith("single") and m.media_type in
    (MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, MediaType.IMAGE_GIF)))
#: The pixel data elements (PS3.3 C.7.6.3): an instance has frames when it has one.
PIXEL_TAGS = (tags.PixelData, tags.FloatPixelData, tags.DoubleFloatPixelData)
_PIL_FORMAT = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF"}
_THUMBNAIL = 128


@dataclass(frozen=True)
class RenderOptions:
    """What to render: the window, the viewport and the JPEG quality."""

    window: tuple[float, float] | None = None
    viewport: tuple[int, ...] | None = None
    quality: int = 90

    def key(self) -> tuple[Any, ...]:
        """The part of a cache key these options make."""
        return (self.window, self.viewport, self.quality)


def _numbers(name: str, text: str, count: tuple[int, ...]) -> list[float]:
    try:
        values = [float(v) for v in text.split(",") if v.strip() != ""]
    except ValueError:
        raise HttpError(400, f"{name}={text!r}: the values are numbers (PS3.18 8.3.5.1)") from None
    if len(values) not in count:
        raise HttpError(400, f"{name}={text!r}: {' or '.join(map(str, count))} values "
                        "(PS3.18 8.3.5.1)")
    return values


def parse_render(params: Any, *, thumbnail: bool) -> tuple[RenderOptions, list[str]]:
    """The options of a rendered (or thumbnail) request and the warnings to send.

    Raises
    ------
    HttpError
        400 for a parameter PS3.18 8.3.5.1 does not allow.
    """
    warnings: list[str] = []
    window = None
    viewport: tuple[int, ...] | None = None
    quality = 90
    if not thumbnail and params.get("window"):
        text = params["window"]
        parts = text.split(",")
        shape = parts[2].strip().lower() if len(parts) == 3 else "linear"
        if shape != "linear":
            raise HttpError(400, f"window shape {shape!r} is not supported (only 'linear')")
        c, w = _numbers("window", ",".join(parts[:2]), (2,))
        if w < 1:
            raise HttpError(400, f"window={text!r}: the width is at least 1 (PS3.18 8.3.5.1.4)")
        window = (c, w)
    if params.get("viewport"):
        v = _numbers("viewport", params["viewport"], (2,) if thumbnail else (2, 6))
        if v[0] < 1 or v[1] < 1 or v[0] > 8192 or v[1] > 8192:
            raise HttpError(400, "viewport width and height are 1 to 8192 pixels")
        viewport = tuple(int(x) for x in v)
    if not thumbnail and params.get("quality"):
        q = params["quality"]
        if not q.isdigit() or not 1 <= int(q) <= 100:
            raise HttpError(400, f"quality={q!r}: an integer 1 to 100 (PS3.18 8.3.5.1.2)")
        quality = int(q)
    if not thumbnail and params.get("annotation"):
        warnings.append("annotation is not supported: the image is rendered without it")
    if thumbnail and viewport is None:
        viewport = (_THUMBNAIL, _THUMBNAIL)
    return RenderOptions(window, viewport, quality), warnings


def render_image(path: str, frame: int, options: RenderOptions, media_type: str) -> bytes:
    """Frame ``frame`` (from 1) of the instance at ``path`` rendered as ``media_type``.

    Raises
    ------
    HttpError
        404 for a frame that does not exist, 400 for an instance without pixel data.
    """
    from PIL import Image

    ds = read(path)
    if not any(t in ds for t in PIXEL_TAGS):
        raise HttpError(400, "the instance has no pixel data: it cannot be rendered")
    nof = ds.get(tags.NumberOfFrames)
    frames = int(nof.value or 1) if nof is not None else 1
    if not 1 <= frame <= frames:
        raise HttpError(404, f"frame {frame} does not exist: the instance has {frames} frame(s)")
    pixels = render(ds, frame=frame - 1, window=options.window)
    image = Image.fromarray(np.ascontiguousarray(pixels), mode="L" if pixels.ndim == 2 else "RGB")
    vp = options.viewport
    if vp is not None:
        if len(vp) == 6:
            sx, sy, sw, sh = vp[2:]
            box = (max(sx, 0), max(sy, 0), min(sx + sw, image.width), min(sy + sh, image.height))
            if box[2] <= box[0] or box[3] <= box[1]:
                raise HttpError(400, "the viewport's source region is outside the image")
            image = image.crop(box)
        image.thumbnail((vp[0], vp[1]), Image.Resampling.LANCZOS) if (
            image.width > vp[0] or image.height > vp[1]) else None
        if image.width < vp[0] and image.height < vp[1]:
            scale = min(vp[0] / image.width, vp[1] / image.height)
            image = image.resize((max(1, round(image.width * scale)),
                                  max(1, round(image.height * scale))), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    fmt = _PIL_FORMAT[media_type]
    if fmt == "JPEG":
        image.save(out, format=fmt, quality=options.quality)
    else:
        image.save(out, format=fmt)
    return out.getvalue()
