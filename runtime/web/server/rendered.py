"""Rendered and thumbnail resources (PS3.18 8.3.5, 10.4.1.1.4, 10.4.1.1.6): frames through
the display pipeline of :func:`dicomkit.pixels.render.render` (PS3.4 N.2), then cropped and
scaled to the ``viewport``, annotated, and encoded with Pillow (JPEG, PNG, GIF; several frames
as an animated GIF, Table 8.7.4-1 "Multi-frame Image") or PyAV (``video/mp4``, H.264, when
PyAV is installed: ``pip install 'dicomkit[server-video]'``).

Parameters (Table 8.3.5-1), in the order PS3.18 applies them:

* ``window=center,width,function`` (8.3.5.1.4): all three values, the function ``linear``,
  ``linear-exact`` or ``sigmoid`` (the VOI LUT Functions of PS3.3 C.11.2.1.3); else 400.
* ``viewport=vw,vh[,sx,sy,sw,sh]`` (8.3.5.1.3): values may be elided (``512,512,,,256,256``)
  and trailing ones left out; sx, sy default to 0, sw, sh to the right and bottom edges; a
  negative sw or sh flips the region; the region is then scaled, aspect kept, until it fills
  the viewport's width or height.  Thumbnails take ``vw,vh`` only (else 400).
* ``quality=1..100`` (8.3.5.1.2): the JPEG quality; for MP4 the H.264 constant rate factor
  ``51 - quality // 2`` (100: 1, nearly lossless; 1: 51); PNG and GIF are lossless and ignore it.
* ``annotation=patient,technique`` (8.3.5.1.1): burned in after everything else; patient:
  Patient's Name, ID, Birth Date and Sex at the top left; technique: Modality, Study Date,
  Series and Instance Number, the frame and the window at the bottom left.  A value that is
  not a keyword, or no value, is a 400; keywords other than these two are ignored with
  ``Warning: 299 <service>: The following annotation values are not supported: ...``.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags
from dicomkit.generated.web import RENDERED_MEDIA_TYPES, MediaType
from dicomkit.io.reader import read
from dicomkit.pixels.render import render
from dicomkit.web.server.errors import HttpError

__all__ = ["ANNOTATIONS", "IMAGE_TYPES", "MULTIFRAME_TYPES", "PIXEL_TAGS", "VIDEO_TYPES",
           "RenderOptions", "parse_render", "render_image", "video_available"]

#: The rendered media types of single-frame images this server writes (Table 8.7.4-1), the
#: default (JPEG) first.
IMAGE_TYPES: tuple[str, ...] = tuple(dict.fromkeys(
    m.media_type for m in sorted(RENDERED_MEDIA_TYPES, key=lambda m: m.restful != "D")
    if m.category.lower().startswith("single") and m.media_type in
    (MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, MediaType.IMAGE_GIF)))
#: The media types that hold several frames in one image (Table 8.7.4-1, Multi-frame Image)
MULTIFRAME_TYPES: tuple[str, ...] = tuple(
    m.media_type for m in RENDERED_MEDIA_TYPES
    if m.category.lower().startswith("multi") and m.media_type == MediaType.IMAGE_GIF)
#: The video media types this server writes (Table 8.7.4-1, Video), when PyAV is installed
VIDEO_TYPES: tuple[str, ...] = tuple(
    m.media_type for m in RENDERED_MEDIA_TYPES
    if m.category.lower() == "video" and m.media_type == MediaType.VIDEO_MP4)
#: The annotation keywords this server draws (PS3.18 8.3.5.1.1)
ANNOTATIONS = ("patient", "technique")
#: The pixel data elements (PS3.3 C.7.6.3): an instance has frames when it has one.
PIXEL_TAGS = (tags.PixelData, tags.FloatPixelData, tags.DoubleFloatPixelData)
_PIL_FORMAT = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF"}
_THUMBNAIL = 128
_KEYWORD = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
#: window functions of the query parameter (8.3.5.1.4) -> VOI LUT Function (PS3.3 C.11.2.1.3):
#: "the differently capitalized and punctuated values"
_FUNCTIONS = ("linear", "linear-exact", "sigmoid")
_DEFAULT_FRAME_MS = 100.0


def video_available() -> bool:
    """True when PyAV is installed (``video/mp4`` is offered)."""
    return importlib.util.find_spec("av") is not None


@dataclass(frozen=True)
class RenderOptions:
    """What to render: the window (center, width, VOI LUT Function), the viewport (vw, vh,
    then sx, sy, sw, sh or None for their defaults), the quality and the annotations."""

    window: tuple[float, float, str] | None = None
    viewport: tuple[Any, ...] | None = None
    quality: int = 90
    annotations: tuple[str, ...] = ()

    def key(self) -> tuple[Any, ...]:
        """The part of a cache key these options make."""
        return (self.window, self.viewport, self.quality, self.annotations)


def _decimal(name: str, text: str, value: str) -> float:
    try:
        out = float(value)
    except ValueError:
        raise HttpError(400, f"{name}={text!r}: {value!r} is not a decimal number "
                        "(PS3.18 8.3.5.1)") from None
    if not np.isfinite(out):
        raise HttpError(400, f"{name}={text!r}: {value!r} is not a finite number")
    return out


def _window(text: str) -> tuple[float, float, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise HttpError(400, f"window={text!r}: center, width and function, all three "
                        "(PS3.18 8.3.5.1.4)")
    function = parts[2].lower()
    if function not in _FUNCTIONS:
        raise HttpError(400, f"window={text!r}: the function is one of {', '.join(_FUNCTIONS)} "
                        "(PS3.18 8.3.5.1.4)")
    c, w = _decimal("window", text, parts[0]), _decimal("window", text, parts[1])
    if (function == "linear" and w < 1) or w <= 0:
        raise HttpError(400, f"window={text!r}: the width is at least 1 for linear and above 0 "
                        "otherwise (PS3.3 C.11.2.1.2, C.11.2.1.3)")
    return c, w, function.upper().replace("-", "_")


def _viewport(text: str, *, thumbnail: bool) -> tuple[Any, ...]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or len(parts) > (2 if thumbnail else 6):
        raise HttpError(400, f"viewport={text!r}: vw,vh" + ("" if thumbnail else
                        "[,sx,sy,sw,sh]") + " (PS3.18 8.3.5.1.3"
                        + (": a thumbnail takes vw and vh only)" if thumbnail else ")"))
    if not all(p.isdigit() for p in parts[:2]):
        raise HttpError(400, f"viewport={text!r}: vw and vh are positive integers "
                        "(PS3.18 8.3.5.1.3)")
    vw, vh = int(parts[0]), int(parts[1])
    if not 1 <= vw <= 8192 or not 1 <= vh <= 8192:
        raise HttpError(400, f"viewport={text!r}: vw and vh are 1 to 8192 pixels on this server")
    region = [None if p == "" else _decimal("viewport", text, p) for p in parts[2:]]
    if any(v == 0 for v in region[2:]):
        raise HttpError(400, f"viewport={text!r}: sw and sh are not 0")
    return (vw, vh, *region, *([None] * (4 - len(region))))


def _annotations(text: str, warnings: list[str]) -> tuple[str, ...]:
    values = [v.strip() for v in text.split(",")]
    if not values or not all(_KEYWORD.match(v) for v in values):
        raise HttpError(400, f"annotation={text!r}: a comma-separated list of keywords "
                        f"({', '.join(ANNOTATIONS)}; PS3.18 8.3.5.1.1)")
    unsupported = [v for v in values if v.lower() not in ANNOTATIONS]
    if unsupported:
        warnings.append("The following annotation values are not supported: "
                        + ", ".join(unsupported))
    return tuple(a for a in ANNOTATIONS if a in (v.lower() for v in values))


def parse_render(params: Any, *, thumbnail: bool) -> tuple[RenderOptions, list[str]]:
    """The options of a rendered (or thumbnail) request and the warnings to send.

    Raises
    ------
    HttpError
        400 for a parameter value PS3.18 8.3.5.1 does not allow.
    """
    warnings: list[str] = []
    window = None
    viewport: tuple[Any, ...] | None = None
    quality = 90
    annotations: tuple[str, ...] = ()
    if not thumbnail and "window" in params:
        window = _window(params["window"])
    if "viewport" in params:
        viewport = _viewport(params["viewport"], thumbnail=thumbnail)
    if not thumbnail and "quality" in params:
        q = params["quality"]
        if not q.isdigit() or not 1 <= int(q) <= 100:
            raise HttpError(400, f"quality={q!r}: an integer 1 to 100 (PS3.18 8.3.5.1.2)")
        quality = int(q)
    if not thumbnail and "annotation" in params:
        annotations = _annotations(params["annotation"], warnings)
    if thumbnail and viewport is None:
        viewport = (_THUMBNAIL, _THUMBNAIL, None, None, None, None)
    return RenderOptions(window, viewport, quality, annotations), warnings


# --------------------------------------------------------------------------- the pipeline

def _fit(image: Any, viewport: tuple[Any, ...]) -> Any:
    """Crop to the source region, flip for negative sw / sh, scale into the viewport."""
    from PIL import Image

    vw, vh, sx, sy, sw, sh = viewport
    x0, y0 = abs(sx or 0.0), abs(sy or 0.0)
    x1 = image.width if sw is None else x0 + abs(sw)
    y1 = image.height if sh is None else y0 + abs(sh)
    box = (round(x0), round(y0), min(round(x1), image.width), min(round(y1), image.height))
    if box[2] <= box[0] or box[3] <= box[1]:
        raise HttpError(400, f"the viewport's source region {box} is outside the "
                        f"{image.width} x {image.height} image (PS3.18 8.3.5.1.3)")
    if box != (0, 0, image.width, image.height):
        image = image.crop(box)
    if sw is not None and sw < 0:
        image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if sh is not None and sh < 0:
        image = image.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    scale = min(vw / image.width, vh / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    if size != image.size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    if el is None or el.value is None or el.value == "":
        return ""
    value = el.value
    if isinstance(value, list | tuple):
        value = "\\".join(str(v) for v in value)
    return str(value)


def _annotate(image: Any, ds: Dataset, which: tuple[str, ...], frame: int, frames: int,
              window: tuple[float, float, str] | None) -> Any:
    """Burn the annotations into ``image`` (PS3.18 8.3.5.1.1: after everything else)."""
    from PIL import ImageDraw, ImageFont

    size = max(10, min(image.width, image.height) // 20)
    font = ImageFont.load_default(size=size)
    draw = ImageDraw.Draw(image)
    white: Any = 255 if image.mode == "L" else (255, 255, 255)
    black: Any = 0 if image.mode == "L" else (0, 0, 0)
    step = size + 2
    if "patient" in which:
        lines = [_text(ds, tags.PatientName).replace("^", " ").strip(),
                 "ID " + _text(ds, tags.PatientID),
                 " ".join(x for x in (_text(ds, tags.PatientBirthDate),
                                      _text(ds, tags.PatientSex)) if x)]
        for i, line in enumerate(x for x in lines if x.strip() not in ("", "ID")):
            draw.text((3, 2 + i * step), line, fill=white, font=font, stroke_width=1,
                      stroke_fill=black)
    if "technique" in which:
        shown = window[:2] if window else (_text(ds, tags.WindowCenter),
                                           _text(ds, tags.WindowWidth))
        lines = [" ".join(x for x in (_text(ds, tags.Modality), _text(ds, tags.StudyDate)) if x),
                 f"Se {_text(ds, tags.SeriesNumber)} Im {_text(ds, tags.InstanceNumber)}"
                 + (f" Fr {frame}/{frames}" if frames > 1 else ""),
                 f"W {shown[1]} L {shown[0]}" if shown[0] != "" else ""]
        lines = [x for x in lines if x]
        for i, line in enumerate(lines):
            y = image.height - (len(lines) - i) * step - 2
            draw.text((3, y), line, fill=white, font=font, stroke_width=1, stroke_fill=black)
    return image


def _frame_ms(ds: Dataset) -> float:
    """The time of one frame: Frame Time (0018,1063), else 1000 / Cine Rate, else 100 ms."""
    for tag, per_second in ((tags.FrameTime, False), (tags.CineRate, True)):
        text = _text(ds, tag)
        try:
            value = float(text) if text else 0.0
            ms = 1000.0 / value if per_second and value else value
        except ValueError:
            continue
        if ms > 0:
            return ms
    return _DEFAULT_FRAME_MS


def _mp4(images: Sequence[Any], ms: float, quality: int) -> bytes:
    from fractions import Fraction

    import av

    w = max(2, images[0].width // 2 * 2)  # yuv420p: even sizes
    h = max(2, images[0].height // 2 * 2)
    out = io.BytesIO()
    container = av.open(out, "w", format="mp4")
    try:
        stream = container.add_stream("libx264", rate=Fraction(round(1000 * 1000 / ms), 1000))
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        stream.options = {"crf": str(51 - quality // 2)}
        for image in images:
            rgb = image.convert("RGB")
            if rgb.size != (w, h):
                rgb = rgb.crop((0, 0, w, h))
            frame = av.VideoFrame.from_ndarray(np.asarray(rgb), format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    finally:
        container.close()
    return out.getvalue()


def render_image(path: str, frames: Sequence[int], options: RenderOptions,
                 media_type: str) -> bytes:
    """Frames ``frames`` (from 1) of the instance at ``path`` rendered as ``media_type``:
    the first of them for a single-frame media type, all of them as an animated GIF or MP4.

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
    count = int(nof.value or 1) if nof is not None else 1
    bad = [f for f in frames if not 1 <= f <= count]
    if bad:
        raise HttpError(404, f"frame {bad[0]} does not exist: the instance has {count} frame(s)")
    several = media_type in MULTIFRAME_TYPES + VIDEO_TYPES
    wanted = list(frames) if several else list(frames[:1])
    window = options.window
    images = []
    for f in wanted:
        pixels = render(ds, frame=f - 1, window=window[:2] if window else None,
                        window_function=window[2] if window else "LINEAR")
        image = Image.fromarray(np.ascontiguousarray(pixels),
                                mode="L" if pixels.ndim == 2 else "RGB")
        if options.viewport is not None:
            image = _fit(image, options.viewport)
        if options.annotations:
            image = _annotate(image, ds, options.annotations, f, count, window)
        images.append(image)
    out = io.BytesIO()
    if media_type in VIDEO_TYPES:
        return _mp4(images, _frame_ms(ds), options.quality)
    fmt = _PIL_FORMAT[media_type]
    if fmt == "JPEG":
        images[0].save(out, format=fmt, quality=options.quality)
    elif fmt == "GIF" and len(images) > 1:
        images[0].save(out, format=fmt, save_all=True, append_images=images[1:], loop=0,
                       duration=round(_frame_ms(ds)))
    else:
        images[0].save(out, format=fmt)
    return out.getvalue()
