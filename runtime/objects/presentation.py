"""Grayscale Softcopy Presentation States (PS3.3 A.33.1; PS3.4 N): applied to an image when
rendering, and made from a window, a spatial transformation, a displayed area, shutters and
annotations.

:func:`render_presented` follows the grayscale pipeline of PS3.4 N.2: stored values -> the
presentation state's Modality LUT (C.11.1; the image's own when the state has none) -> its
Softcopy VOI LUT for this image (C.11.8: a window or a LUT; without one the full range of the
modality values, which PS3.4 N.2.1.3 calls identity) -> its Presentation LUT (C.11.6) ->
P-values, written as 8 bits.  Then the display shutters (C.7.6.11: rectangular, circular,
polygonal; outside them the Shutter Presentation Value), the activated overlays (C.11.7), the
displayed area (C.10.4: the region from Displayed Area Top Left Hand Corner to Bottom Right
Hand Corner, 1-based column\\row in the image before spatial transformation, padded with 0
where it leaves the image) and the spatial transformation (C.10.6: rotation clockwise, then
horizontal flip).  Graphic and text annotations (C.10.5) are drawn with Pillow when asked.

:func:`create_presentation_state` writes the modules of the GSPS IOD (Table A.33.1-1) that its
arguments fill; what it leaves out is optional there.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.objects.terms import values_of

__all__ = ["GraphicObject", "PresentationError", "Shutter", "TextObject",
           "create_presentation_state", "render_presented"]

#: Enumerated Values and Defined Terms used below, checked against the generated module tables
_SHUTTER_SHAPES = values_of("Display Shutter", tags.ShutterShape)
_GRAPHIC_TYPES = values_of("Graphic Annotation", tags.GraphicType)
_ROTATIONS = tuple(int(v) for v in values_of("Spatial Transformation", tags.ImageRotation))
_PLUT_SHAPES = values_of("Softcopy Presentation LUT", tags.PresentationLUTShape)
_SIZE_MODES = values_of("Displayed Area", tags.PresentationSizeMode)


def _term(values: tuple[str, ...], value: str) -> str:
    if value not in values:
        raise LookupError(f"{value!r} is no longer one of {values}; regenerate and review "
                          "dicomkit.objects.presentation")
    return value


RECTANGULAR = _term(_SHUTTER_SHAPES, "RECTANGULAR")
CIRCULAR = _term(_SHUTTER_SHAPES, "CIRCULAR")
POLYGONAL = _term(_SHUTTER_SHAPES, "POLYGONAL")
POINT = _term(_GRAPHIC_TYPES, "POINT")
POLYLINE = _term(_GRAPHIC_TYPES, "POLYLINE")
CIRCLE = _term(_GRAPHIC_TYPES, "CIRCLE")
ELLIPSE = _term(_GRAPHIC_TYPES, "ELLIPSE")
INTERPOLATED = _term(_GRAPHIC_TYPES, "INTERPOLATED")
IDENTITY = _term(_PLUT_SHAPES, "IDENTITY")
INVERSE = _term(_PLUT_SHAPES, "INVERSE")
SCALE_TO_FIT = _term(_SIZE_MODES, "SCALE TO FIT")
#: how many times the image a displayed area may cover (C.10.4 allows areas larger than the
#: image; this bounds the memory a damaged state can ask for)
_AREA_LIMIT = 64
PIXEL = "PIXEL"  # Graphic Annotation Units (C.10.5): image pixel coordinates


class PresentationError(DicomError):
    """A presentation state that cannot be applied or made as asked, with why."""

    def __init__(self, reason: str, *, source: str = "") -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


@dataclass(frozen=True)
class Shutter:
    """A display shutter (PS3.3 C.7.6.11), in image pixel coordinates (1-based column, row).

    ``rectangle`` is (left, right, upper, lower) column/row bounds; ``circle`` (center column,
    center row, radius); ``polygon`` the vertices (column, row).  The image shows where every
    given shape allows; elsewhere ``value``, a P-value 0..65535 (default 0, black).
    """

    rectangle: tuple[int, int, int, int] | None = None
    circle: tuple[int, int, int] | None = None
    polygon: tuple[tuple[int, int], ...] = ()
    value: int = 0


@dataclass(frozen=True)
class GraphicObject:
    """A graphic annotation (C.10.5.2) in image pixel coordinates (column, row), 1-based."""

    type: str
    points: tuple[tuple[float, float], ...]
    filled: bool = False


@dataclass(frozen=True)
class TextObject:
    """A text annotation anchored at an image pixel (column, row), 1-based (C.10.5.1)."""

    text: str
    anchor: tuple[float, float]


# ------------------------------------------------------------------------------ reading


def _numbers(value: Any) -> list[float]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [float(v) for v in value]
    return [float(value)]


def _applies(item: Any, uid: str, frame: int) -> bool:
    """Whether an item with an optional Referenced Image Sequence applies to this image and
    frame (1-based in Referenced Frame Number; no sequence: every image, C.11.8)."""
    refs = getattr(item, "ReferencedImageSequence", None)
    if not refs:
        return True
    for ref in refs:
        if str(getattr(ref, "ReferencedSOPInstanceUID", "")) == uid:
            frames = getattr(ref, "ReferencedFrameNumber", None)
            return not frames or (frame + 1) in [int(f) for f in _numbers(frames)]
    return False


def _check_references(ps: Any, image: Any) -> None:
    uid = str(getattr(image, "SOPInstanceUID", ""))
    for series in getattr(ps, "ReferencedSeriesSequence", None) or ():
        for ref in getattr(series, "ReferencedImageSequence", None) or ():
            if str(getattr(ref, "ReferencedSOPInstanceUID", "")) == uid:
                return
    raise PresentationError(f"the presentation state does not reference image {uid} "
                            "(Presentation State Relationship, PS3.3 C.11.11)",
                            source=str(getattr(ps, "filename", "") or ""))


def _modality(stored: np.ndarray[Any, Any], ps: Any, image: Any) -> np.ndarray[Any, Any]:
    from dicomkit.pixels.lut import apply_modality_lut

    has = getattr(ps, "ModalityLUTSequence", None) or getattr(ps, "RescaleSlope", None) \
        is not None
    return apply_modality_lut(stored, ps if has else image).astype(np.float64)


def _stored_range(image: Any) -> tuple[float, float]:
    bits = int(getattr(image, "BitsStored", 16))
    signed = int(getattr(image, "PixelRepresentation", 0)) == 1
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


def _voi(values: np.ndarray[Any, Any], ps: Any, image: Any, frame: int
         ) -> tuple[np.ndarray[Any, Any], float, float]:
    """VOI output and its range (C.11.8 items for this image, the first that applies)."""
    from dicomkit.pixels.lut import apply_lut, apply_windowing, lut_from

    uid = str(getattr(image, "SOPInstanceUID", ""))
    for item in getattr(ps, "SoftcopyVOILUTSequence", None) or ():
        if not _applies(item, uid, frame):
            continue
        luts = getattr(item, "VOILUTSequence", None)
        if luts:
            first, bits, table = lut_from(luts[0])
            return apply_lut(np.rint(values).astype(np.int64), first, table), 0.0, \
                float((1 << bits) - 1)
        centers, widths = _numbers(getattr(item, "WindowCenter", None)), \
            _numbers(getattr(item, "WindowWidth", None))
        if centers and widths:
            function = str(getattr(item, "VOILUTFunction", "") or "LINEAR")
            return apply_windowing(values, centers[0], widths[0], function), 0.0, 255.0
    # no VOI transform: the range of the modality values the stored range maps to
    low, high = _stored_range(image)
    ends = _modality(np.array([low, high], dtype=np.int64), ps, image)
    return values, float(ends.min()), float(ends.max())


def _shutter_mask(ps: Any, rows: int, columns: int) -> np.ndarray[Any, Any] | None:
    value = getattr(ps, "ShutterShape", None)
    listed = value if isinstance(value, (list, tuple)) else str(value or "").split("\\")
    shapes = {str(v).strip() for v in listed if str(v).strip()}
    if not shapes:
        return None
    r, c = np.indices((rows, columns))
    r, c = r + 1, c + 1  # shutter coordinates are 1-based (C.7.6.11)
    shown = np.ones((rows, columns), dtype=bool)
    if RECTANGULAR in shapes:
        left = int(ps.ShutterLeftVerticalEdge)
        right = int(ps.ShutterRightVerticalEdge)
        upper = int(ps.ShutterUpperHorizontalEdge)
        lower = int(ps.ShutterLowerHorizontalEdge)
        shown &= (c >= left) & (c <= right) & (r >= upper) & (r <= lower)
    if CIRCULAR in shapes:
        center = _numbers(ps.CenterOfCircularShutter)  # row\column
        radius = float(ps.RadiusOfCircularShutter)
        shown &= (r - center[0]) ** 2 + (c - center[1]) ** 2 <= radius ** 2
    if POLYGONAL in shapes:
        from dicomkit.objects.rt.geometry import fill_polygon

        v = np.array(_numbers(ps.VerticesOfThePolygonalShutter)).reshape(-1, 2)  # row\column
        shown &= fill_polygon(rows, columns, v[:, 0] - 1, v[:, 1] - 1)
    return shown


def _displayed_area(ps: Any, image: Any, frame: int) -> tuple[int, int, int, int] | None:
    uid = str(getattr(image, "SOPInstanceUID", ""))
    for item in getattr(ps, "DisplayedAreaSelectionSequence", None) or ():
        if _applies(item, uid, frame):
            tl = [int(v) for v in _numbers(item.DisplayedAreaTopLeftHandCorner)]
            br = [int(v) for v in _numbers(item.DisplayedAreaBottomRightHandCorner)]
            return (min(tl[0], br[0]), max(tl[0], br[0]), min(tl[1], br[1]), max(tl[1], br[1]))
    return None


def render_presented(image: Any, ps: Any, *, frame: int = 0, annotations: bool = False
                     ) -> np.ndarray[Any, Any]:
    """``image`` (frame ``frame``, 0-based) as the presentation state ``ps`` presents it: an
    8-bit array (see the module for each step).

    Raises
    ------
    PresentationError
        The state does not reference the image; a color image (a Grayscale Softcopy
        Presentation State applies to grayscale images, A.33.1); an Image Rotation outside
        C.10.6's Enumerated Values; an attribute of the state with the wrong number or kind
        of values (naming it).
    dicomkit.pixels.PixelDataError
        The image's pixels cannot be decoded.
    """
    try:
        return _render(image, ps, frame, annotations)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        raise PresentationError(f"the presentation state cannot be applied: "
                                f"{type(exc).__name__}: {exc} (an attribute is missing or has "
                                "the wrong values)",
                                source=str(getattr(ps, "filename", "") or "")) from exc


def _render(image: Any, ps: Any, frame: int, annotations: bool) -> np.ndarray[Any, Any]:
    """:func:`render_presented` without its error translation."""
    from dicomkit.pixels.array import pixel_array
    from dicomkit.pixels.lut import apply_presentation_lut

    source = str(getattr(ps, "filename", "") or "")
    _check_references(ps, image)
    if str(getattr(ps, "SOPClassUID", "")) == uids.ColorSoftcopyPresentationStateStorage:
        return _render_color(image, ps, frame, annotations, source)
    if int(getattr(image, "SamplesPerPixel", 1)) != 1:
        raise PresentationError("a Grayscale Softcopy Presentation State applies to grayscale "
                                "images (PS3.3 A.33.1); this one has 3 samples per pixel",
                                source=source)
    stored = pixel_array(image, frame if int(getattr(image, "NumberOfFrames", 1) or 1) > 1
                         else None)
    values = _modality(stored, ps, image)
    voi, low, high = _voi(values, ps, image, frame)
    p = apply_presentation_lut(voi, ps, low=low, high=high)
    out = np.rint(p * 255.0).astype(np.uint8)
    rows, columns = out.shape
    shown = _shutter_mask(ps, rows, columns)
    if shown is not None:
        value = int(getattr(ps, "ShutterPresentationValue", 0) or 0)
        out[~shown] = round(value / 65535 * 255)
    for group in _activated_overlays(ps):
        from dicomkit.pixels.overlay import overlay_array

        holder = ps if getattr(ps, f"Overlay{group:04X}", None) is not None or \
            _has_overlay(ps, group) else image
        bits = overlay_array(holder, group, frame=None)
        if bits.ndim == 3:
            bits = bits[min(frame, len(bits) - 1)]
        out[bits[:rows, :columns].astype(bool)] = 255
    return _spatial(out, ps, image, frame, annotations, source)


def _spatial(out: np.ndarray[Any, Any], ps: Any, image: Any, frame: int, annotations: bool,
             source: str) -> np.ndarray[Any, Any]:
    """Displayed area, annotations, rotation and flip of a rendered (rows, cols[, 3]) image."""
    rows, columns = out.shape[:2]
    area = _displayed_area(ps, image, frame)
    if area is not None:
        left, right, top, bottom = area
        size = (bottom - top + 1) * (right - left + 1)
        if size > max(_AREA_LIMIT * rows * columns, 1 << 24):
            raise PresentationError(f"the displayed area {area} covers {size} pixels, more "
                                    f"than {_AREA_LIMIT} times the {columns}x{rows} image: "
                                    "refused rather than allocated", source=source)
        canvas = np.zeros((bottom - top + 1, right - left + 1, *out.shape[2:]), dtype=np.uint8)
        r0, r1 = max(top, 1), min(bottom, rows)
        c0, c1 = max(left, 1), min(right, columns)
        if r0 <= r1 and c0 <= c1:
            canvas[r0 - top:r1 - top + 1, c0 - left:c1 - left + 1] = out[r0 - 1:r1, c0 - 1:c1]
        out = canvas
        origin = (left, top)
    else:
        origin = (1, 1)
    if annotations:
        out = _draw(out, ps, image, frame, origin)
    rotation = int(getattr(ps, "ImageRotation", 0) or 0)
    if rotation not in _ROTATIONS:
        raise PresentationError(f"Image Rotation {rotation} is none of {_ROTATIONS} "
                                "(PS3.3 C.10.6)", source=source)
    out = np.rot90(out, k=-rotation // 90, axes=(0, 1))  # clockwise
    if str(getattr(ps, "ImageHorizontalFlip", "N") or "N").strip() == "Y":
        out = out[:, ::-1]
    return np.ascontiguousarray(out)


def _lab_to_srgb(value: Sequence[float]) -> tuple[int, int, int]:
    """A DICOM CIELab value (PS3.3 C.10.7.1.1: L*, a*, b* scaled to 0..65535, D50) as 8-bit
    sRGB (D65, Bradford-adapted)."""
    lab_l = float(value[0]) / 65535 * 100
    lab_a = float(value[1]) / 65535 * 255 - 128
    lab_b = float(value[2]) / 65535 * 255 - 128
    fy = (lab_l + 16) / 116
    fx, fz = fy + lab_a / 500, fy - lab_b / 200

    def inv(t: float) -> float:
        return t ** 3 if t ** 3 > 216 / 24389 else (116 * t - 16) / (24389 / 27)

    xyz = np.array([0.96422 * inv(fx), 1.0 * inv(fy), 0.82521 * inv(fz)])  # D50 white
    bradford = np.array([[0.9555766, -0.0230393, 0.0631636],
                         [-0.0282895, 1.0099416, 0.0210077],
                         [0.0122982, -0.0204830, 1.3299098]])
    linear = np.array([[3.2404542, -1.5371385, -0.4985314],
                       [-0.9692660, 1.8760108, 0.0415560],
                       [0.0556434, -0.2040259, 1.0572252]]) @ (bradford @ xyz)
    linear = np.clip(linear, 0, 1)
    srgb = np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)
    r, g, b = (int(round(float(v) * 255)) for v in srgb)
    return (r, g, b)


def _render_color(image: Any, ps: Any, frame: int, annotations: bool, source: str
                  ) -> np.ndarray[Any, Any]:
    """A Color Softcopy Presentation State (A.33.2): the image's colours through the state's
    ICC Profile (C.11.15) to sRGB, shutters in their CIELab colour, then as the grayscale."""
    from dicomkit.pixels.array import pixel_array
    from dicomkit.pixels.icc import apply_icc_profile

    if int(getattr(image, "SamplesPerPixel", 1)) != 3:
        raise PresentationError("a Color Softcopy Presentation State applies to colour "
                                "images (PS3.3 A.33.2); this one has one sample per pixel",
                                source=source)
    rgb = pixel_array(image, frame if int(getattr(image, "NumberOfFrames", 1) or 1) > 1
                      else None, as_rgb=True)
    if rgb.dtype != np.uint8:
        bits = int(getattr(image, "BitsStored", 8))
        rgb = np.rint(rgb.astype(np.float64) / ((1 << bits) - 1) * 255).astype(np.uint8)
    if getattr(ps, "ICCProfile", None) is not None:
        rgb = apply_icc_profile(rgb, ps)
    out = np.array(rgb, dtype=np.uint8)
    shown = _shutter_mask(ps, out.shape[0], out.shape[1])
    if shown is not None:
        lab = getattr(ps, "ShutterPresentationColorCIELabValue", None)
        out[~shown] = _lab_to_srgb(_numbers(lab)) if lab is not None else (0, 0, 0)
    return _spatial(out, ps, image, frame, annotations, source)


def _has_overlay(ds: Any, group: int) -> bool:
    return getattr(ds, "get", None) is not None and ds.get(group << 16 | 0x3000) is not None


def _activated_overlays(ps: Any) -> list[int]:
    """Overlay groups the state activates (Overlay Activation Layer (60xx,1001), C.11.7)."""
    out = []
    for group in range(0x6000, 0x6020, 2):
        if ps.get(group << 16 | 0x1001) is not None:
            out.append(group)
    return out


def _draw(out: np.ndarray[Any, Any], ps: Any, image: Any, frame: int,
          origin: tuple[int, int]) -> np.ndarray[Any, Any]:
    """Graphic and text annotations in PIXEL units drawn in white (C.10.5)."""
    from PIL import Image, ImageDraw

    canvas = Image.fromarray(out)
    pen = ImageDraw.Draw(canvas)
    white: Any = (255, 255, 255) if out.ndim == 3 else 255
    uid = str(getattr(image, "SOPInstanceUID", ""))
    ox, oy = origin[0], origin[1]

    def at(x: float, y: float) -> tuple[float, float]:
        return (x - ox, y - oy)

    for item in getattr(ps, "GraphicAnnotationSequence", None) or ():
        if not _applies(item, uid, frame):
            continue
        for g in getattr(item, "GraphicObjectSequence", None) or ():
            if str(getattr(g, "GraphicAnnotationUnits", PIXEL)) != PIXEL:
                continue
            pts = np.array(_numbers(g.GraphicData)).reshape(-1, 2)
            xy = [at(float(x), float(y)) for x, y in pts]
            kind = str(g.GraphicType)
            fill = white if str(getattr(g, "GraphicFilled", "N")) == "Y" else None
            if kind == POINT:
                for x, y in xy:
                    pen.point((x, y), fill=white)
            elif kind in (POLYLINE, INTERPOLATED):
                if fill is not None and len(xy) > 2:
                    pen.polygon(xy, fill=fill, outline=white)
                else:
                    pen.line(xy, fill=white)
            elif kind == CIRCLE and len(xy) == 2:
                (cx, cy), (px, py) = xy
                radius = float(np.hypot(px - cx, py - cy))
                pen.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=white,
                            fill=fill)
            elif kind == ELLIPSE and len(xy) == 4:
                xs, ys = [x for x, _ in xy], [y for _, y in xy]
                pen.ellipse((min(xs), min(ys), max(xs), max(ys)), outline=white, fill=fill)
        for t in getattr(item, "TextObjectSequence", None) or ():
            anchor = getattr(t, "AnchorPoint", None)
            tl = getattr(t, "BoundingBoxTopLeftHandCorner", None)
            where = _numbers(anchor if anchor is not None else tl)
            if len(where) == 2:
                pen.text(at(where[0], where[1]), str(t.UnformattedTextValue), fill=white)
    return np.asarray(canvas)


# ------------------------------------------------------------------------------ creating


def create_presentation_state(images: Sequence[Any], *, window: tuple[float, float] | None = None,
                              rotation: int = 0, flip: bool = False,
                              displayed_area: tuple[int, int, int, int] | None = None,
                              shutter: Shutter | None = None, inverse: bool = False,
                              graphics: Iterable[GraphicObject] = (),
                              texts: Iterable[TextObject] = (), label: str = "DICOMKIT",
                              description: str = "", creator: str = "",
                              when: datetime.datetime | None = None) -> Dataset:
    """A Grayscale Softcopy Presentation State for ``images`` (of one study).

    Parameters
    ----------
    window
        (center, width) of a LINEAR window (C.11.8); None: no VOI transform.
    rotation, flip
        Image Rotation clockwise (0, 90, 180, 270) and Image Horizontal Flip (C.10.6).
    displayed_area
        (left column, top row, right column, bottom row), 1-based, before the spatial
        transformation (C.10.4); default the whole first image.
    shutter
        A display shutter (C.7.6.11).
    inverse
        Presentation LUT Shape INVERSE instead of IDENTITY (C.11.6).
    graphics, texts
        Annotations in image pixel coordinates, on one graphic layer (C.10.5, C.10.7).

    Raises
    ------
    PresentationError
        No images, images of several studies, a rotation outside C.10.6's values, a graphic
        type outside C.10.5's, a shutter or area of the wrong shape.
    """
    if not images:
        raise PresentationError("a presentation state needs the images it presents")
    if rotation not in _ROTATIONS:
        raise PresentationError(f"Image Rotation {rotation} is none of {_ROTATIONS} "
                                "(PS3.3 C.10.6)")
    first = images[0]
    study = str(first.StudyInstanceUID)
    for i, im in enumerate(images):
        if str(im.StudyInstanceUID) != study:
            raise PresentationError(f"image {i} is of study {im.StudyInstanceUID}, the first "
                                    f"of {study}: a presentation state is of one study")
    color = int(getattr(first, "SamplesPerPixel", 1) or 1) == 3
    if color and (window is not None or inverse):
        raise PresentationError("a colour image takes a Color Softcopy Presentation State "
                                "(PS3.3 A.33.2), which has no VOI or Presentation LUT")
    now = when or datetime.datetime.now()
    ds = Dataset()
    ds.SOPClassUID = uids.ColorSoftcopyPresentationStateStorage if color \
        else uids.GrayscaleSoftcopyPresentationStateStorage
    ds.SOPInstanceUID = generate_uid()
    ds.Modality = "PR"
    for keyword in ("PatientName", "PatientID", "PatientBirthDate", "PatientSex",
                    "StudyInstanceUID", "StudyDate", "StudyTime", "ReferringPhysicianName",
                    "StudyID", "AccessionNumber"):
        value = getattr(first, keyword, None)
        setattr(ds, keyword, "" if value is None else value)
    ds.SeriesInstanceUID = generate_uid()
    ds.SeriesNumber = 1
    ds.Manufacturer = "dicomkit"
    ds.InstanceNumber = 1
    ds.ContentLabel = label.upper().replace(" ", "_")[:16]
    ds.ContentDescription = description
    ds.PresentationCreationDate = now.strftime("%Y%m%d")
    ds.PresentationCreationTime = now.strftime("%H%M%S")
    ds.ContentCreatorName = creator
    ds.InstanceCreationDate = ds.PresentationCreationDate
    ds.InstanceCreationTime = ds.PresentationCreationTime
    by_series: dict[str, list[Dataset]] = {}
    image_refs = []
    for im in images:
        ref = Dataset()
        ref.ReferencedSOPClassUID = str(im.SOPClassUID)
        ref.ReferencedSOPInstanceUID = str(im.SOPInstanceUID)
        by_series.setdefault(str(im.SeriesInstanceUID), []).append(ref)
        image_refs.append(ref)
    series_items = []
    for series, refs in by_series.items():
        item = Dataset()
        item.SeriesInstanceUID = series
        item.ReferencedImageSequence = refs
        series_items.append(item)
    ds.ReferencedSeriesSequence = series_items
    if color:  # ICC Profile Module (C.11.15): the image's own, else sRGB
        from dicomkit.pixels.icc import icc_profile

        ds.ICCProfile = icc_profile(first) or _srgb_profile()
    # Modality LUT (C.11.1): the images' rescale, so that the state's VOI is in their units
    elif getattr(first, "RescaleSlope", None) is not None:
        ds.RescaleSlope = first.RescaleSlope
        ds.RescaleIntercept = getattr(first, "RescaleIntercept", 0)
        ds.RescaleType = str(getattr(first, "RescaleType", "") or "US")
    if window is not None:
        voi = Dataset()
        voi.WindowCenter = float(window[0])
        voi.WindowWidth = float(window[1])
        ds.SoftcopyVOILUTSequence = [voi]
    area = Dataset()
    if displayed_area is None:
        displayed_area = (1, 1, int(first.Columns), int(first.Rows))
    if len(displayed_area) != 4:
        raise PresentationError("a displayed area is (left, top, right, bottom)")
    left, top, right, bottom = (int(v) for v in displayed_area)
    # TLHC and BRHC name the pixels that are top left and bottom right after the spatial
    # transformation (C.10.4), in the coordinates of the image before it
    corners = np.empty((2, 2), dtype=object)
    corners[0, 0], corners[0, 1] = [left, top], [right, top]
    corners[1, 0], corners[1, 1] = [left, bottom], [right, bottom]
    corners = np.rot90(corners, k=-rotation // 90)
    if flip:
        corners = corners[:, ::-1]
    area.DisplayedAreaTopLeftHandCorner = list(corners[0, 0])
    area.DisplayedAreaBottomRightHandCorner = list(corners[-1, -1])
    area.PresentationSizeMode = SCALE_TO_FIT
    spacing = getattr(first, "PixelSpacing", None)
    if spacing is not None:
        area.PresentationPixelSpacing = [float(v) for v in spacing]
    else:
        area.PresentationPixelAspectRatio = [1, 1]
    ds.DisplayedAreaSelectionSequence = [area]
    ds.ImageRotation = rotation
    ds.ImageHorizontalFlip = "Y" if flip else "N"
    if not color:
        ds.PresentationLUTShape = INVERSE if inverse else IDENTITY
    if shutter is not None:
        _write_shutter(ds, shutter, color)
    graphics, texts = list(graphics), list(texts)
    if graphics or texts:
        layer = Dataset()
        layer.GraphicLayer = "ANNOTATIONS"
        layer.GraphicLayerOrder = 1
        ds.GraphicLayerSequence = [layer]
        ann = Dataset()
        ann.ReferencedImageSequence = image_refs
        ann.GraphicLayer = "ANNOTATIONS"
        if graphics:
            ann.GraphicObjectSequence = [_graphic(g) for g in graphics]
        if texts:
            ann.TextObjectSequence = [_text(t) for t in texts]
        ds.GraphicAnnotationSequence = [ann]
    return ds


def _srgb_profile() -> bytes:
    """An sRGB ICC profile made by littlecms (through Pillow)."""
    try:
        from PIL import ImageCms
    except ImportError:
        raise PresentationError("a Color Softcopy Presentation State needs an ICC profile: "
                                "the image has none, and making sRGB's needs Pillow "
                                "(pip install Pillow)") from None
    data: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return data


def _write_shutter(ds: Dataset, shutter: Shutter, color: bool = False) -> None:
    shapes = []
    if shutter.rectangle is not None:
        left, right, upper, lower = shutter.rectangle
        ds.ShutterLeftVerticalEdge = left
        ds.ShutterRightVerticalEdge = right
        ds.ShutterUpperHorizontalEdge = upper
        ds.ShutterLowerHorizontalEdge = lower
        shapes.append(RECTANGULAR)
    if shutter.circle is not None:
        column, row, radius = shutter.circle
        ds.CenterOfCircularShutter = [row, column]
        ds.RadiusOfCircularShutter = radius
        shapes.append(CIRCULAR)
    if shutter.polygon:
        if len(shutter.polygon) < 3:
            raise PresentationError("a polygonal shutter has three vertices or more")
        ds.VerticesOfThePolygonalShutter = [v for column, row in shutter.polygon
                                            for v in (row, column)]
        shapes.append(POLYGONAL)
    if not shapes:
        raise PresentationError("a shutter needs a rectangle, a circle or a polygon")
    if not 0 <= shutter.value <= 0xFFFF:
        raise PresentationError(f"Shutter Presentation Value {shutter.value} is not 0..65535")
    ds.ShutterShape = shapes
    # C.11.12: the grey value always; the colour one too when the state is not grayscale (the
    # shutter's P-value as a neutral grey of that lightness)
    ds.ShutterPresentationValue = shutter.value
    if color:
        ds.ShutterPresentationColorCIELabValue = [shutter.value, 32896, 32896]


def _graphic(g: GraphicObject) -> Dataset:
    if g.type not in _GRAPHIC_TYPES:
        raise PresentationError(f"Graphic Type {g.type!r} is none of {_GRAPHIC_TYPES} "
                                "(PS3.3 C.10.5)")
    item = Dataset()
    item.GraphicAnnotationUnits = PIXEL
    item.GraphicDimensions = 2
    item.NumberOfGraphicPoints = len(g.points)
    item.GraphicData = [float(v) for point in g.points for v in point]
    item.GraphicType = g.type
    item.GraphicFilled = "Y" if g.filled else "N"
    return item


def _text(t: TextObject) -> Dataset:
    item = Dataset()
    item.AnchorPointAnnotationUnits = PIXEL
    item.UnformattedTextValue = t.text
    item.AnchorPoint = [float(t.anchor[0]), float(t.anchor[1])]
    item.AnchorPointVisibility = "N"
    return item
