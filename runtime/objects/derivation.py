"""The source frames of a derived multi-frame image (segmentation, parametric map).

What PS3.3 C.7.6.16.2.6 (Derivation Image) and C.7.6.16.2.1-4 (Pixel Measures, Plane Position and
Orientation) need of the sources: their size, geometry and UIDs (:func:`geometry`, from a series
of single-frame images or the functional groups of one multi-frame image), the rank of each frame
along the normal of the image plane (:func:`position_indices`), and, when reading, which source
frame each stored frame belongs to (:func:`frame_source`, :func:`align_frames`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.instance import sequence, tag_vr, text


@dataclass(frozen=True)
class SourceFrame:
    sop_class: str
    sop_instance: str
    frame: int | None                       # Referenced Frame Number, None for single-frame
    position: tuple[float, ...] | None      # Image Position (Patient)


@dataclass
class Geometry:
    rows: int
    columns: int
    orientation: list[float] | None = None
    spacing: list[float] | None = None
    thickness: float | None = None
    frames: list[SourceFrame] = field(default_factory=list)


def floats(value: Any) -> list[float] | None:
    if value is None or value == "":
        return None
    values = value if isinstance(value, list | tuple) else [value]
    try:
        return [float(v) for v in values]
    except (TypeError, ValueError):
        raise ObjectError(f"{values!r} are not decimal numbers (PS3.5 DS)") from None


def value_of(ds: Dataset, keyword: str) -> Any:
    el = ds.get(tag_vr(keyword)[0])
    return None if el is None else el.value


def fg_value(groups: list[Dataset], sequence_kw: str, keyword: str) -> Any:
    """The value of ``keyword`` in the first functional group of ``groups`` holding it."""
    for g in groups:
        items = sequence(g, sequence_kw)
        if items:
            value = value_of(items[0], keyword)
            if value is not None:
                return value
    return None


def geometry(sources: Sequence[Dataset]) -> Geometry:
    """The frames of the source images (a series of single-frame images, or one multi-frame
    image whose geometry is in its functional groups, PS3.3 C.7.6.16)."""
    if not sources:
        raise ObjectError("no source images: a segmentation is derived from images (PS3.3 A.51)")
    first = sources[0]
    try:
        rows, cols = int(first.Rows), int(first.Columns)
    except (AttributeError, TypeError, ValueError):
        raise ObjectError("the first source image has no Rows and Columns (PS3.3 C.7.6.3)",
                          source=first.filename) from None
    geo = Geometry(rows, cols)
    frames_el = first.get(tags.NumberOfFrames)
    nframes = int(frames_el.value) if frames_el is not None and frames_el.value else 1
    if len(sources) == 1 and (nframes > 1 or tags.PerFrameFunctionalGroupsSequence in first):
        shared = sequence(first, "SharedFunctionalGroupsSequence")
        per_frame = sequence(first, "PerFrameFunctionalGroupsSequence")
        geo.orientation = floats(fg_value(shared + per_frame[:1], "PlaneOrientationSequence",
                                            "ImageOrientationPatient"))
        geo.spacing = floats(fg_value(shared + per_frame[:1], "PixelMeasuresSequence",
                                        "PixelSpacing"))
        t = floats(fg_value(shared + per_frame[:1], "PixelMeasuresSequence", "SliceThickness"))
        geo.thickness = t[0] if t else None
        for i in range(nframes):
            groups = ([per_frame[i]] if i < len(per_frame) else []) + shared
            pos = floats(fg_value(groups, "PlanePositionSequence", "ImagePositionPatient"))
            geo.frames.append(SourceFrame(str(first.SOPClassUID), str(first.SOPInstanceUID),
                                           i + 1, tuple(pos) if pos else None))
        return geo
    geo.orientation = floats(value_of(first, "ImageOrientationPatient"))
    geo.spacing = floats(value_of(first, "PixelSpacing"))
    t = floats(value_of(first, "SliceThickness"))
    geo.thickness = t[0] if t else None
    for i, src in enumerate(sources):
        try:
            r, c = int(src.Rows), int(src.Columns)
            sop = (str(src.SOPClassUID), str(src.SOPInstanceUID))
        except (AttributeError, TypeError, ValueError) as exc:
            raise ObjectError(f"source image {i} lacks {exc}", source=src.filename) from None
        if (r, c) != (rows, cols):
            raise ObjectError(f"source image {i} is {r}x{c}, the first is {rows}x{cols}: the "
                              "frames of a segmentation share one size (PS3.3 C.7.6.3)",
                              source=src.filename)
        pos = floats(value_of(src, "ImagePositionPatient"))
        geo.frames.append(SourceFrame(sop[0], sop[1], None, tuple(pos) if pos else None))
    return geo


def position_indices(geo: Geometry) -> list[int] | None:
    """1-based rank of each source frame along the normal of the image plane, or None when the
    sources have no patient geometry."""
    if geo.orientation is None or len(geo.orientation) != 6 or \
            any(f.position is None or len(f.position) != 3 for f in geo.frames):
        return None
    row, col = np.array(geo.orientation[:3]), np.array(geo.orientation[3:])
    normal = np.cross(row, col)
    distances = [float(np.dot(normal, np.array(f.position))) for f in geo.frames]
    distinct = sorted(set(round(d, 4) for d in distances))
    rank = {d: i + 1 for i, d in enumerate(distinct)}
    return [rank[round(d, 4)] for d in distances]


def source_count(sources: Sequence[Dataset | str]) -> int:
    """How many source frames ``sources`` holds (the frames of one multi-frame image)."""
    if len(sources) == 1 and not isinstance(sources[0], str):
        nf = sources[0].get(tags.NumberOfFrames)
        return int(nf.value) if nf is not None and nf.value not in (None, "") else 1
    return len(sources)

def align_frames(frame_sources: Sequence[tuple[str, int | None] | None],
                 frame_positions: Sequence[tuple[float, ...] | None],
                 sources: Sequence[Dataset | str]) -> list[int | None]:
    """For each stored frame of a derived multi-frame image, the index into ``sources`` (data
    sets or SOP Instance UIDs, or the frames of one multi-frame image) of its source frame: by
    the Derivation Image references (PS3.3 C.7.6.16.2.6), else by Image Position (Patient);
    None when neither matches."""
    keys: dict[tuple[str, int | None], int] = {}
    by_position: dict[tuple[float, ...], int] = {}
    for j, src in enumerate(sources):
        if isinstance(src, str):
            keys[(src, None)] = j
            continue
        uid = text(src, "SOPInstanceUID")
        nf = src.get(tags.NumberOfFrames)
        n = int(nf.value) if nf is not None and nf.value not in (None, "") else 1
        if n > 1 and len(sources) == 1:
            for k in range(n):
                keys[(uid, k + 1)] = k
        else:
            keys[(uid, None)] = j
            keys[(uid, 1)] = j
            src_pos = floats(value_of(src, "ImagePositionPatient"))
            if src_pos:
                by_position[tuple(round(p, 3) for p in src_pos)] = j
    out: list[int | None] = []
    for ref, pos in zip(frame_sources, frame_positions, strict=True):
        found = keys.get(ref) if ref is not None else None
        if found is None and ref is not None and ref[1] is None and len(sources) == 1:
            found = keys.get((ref[0], 1))
        if found is None and pos is not None:
            found = by_position.get(tuple(round(p, 3) for p in pos))
        out.append(found)
    return out


def frame_source(groups: list[Dataset]) -> tuple[str, int | None] | None:
    for g in groups:
        for deriv in sequence(g, "DerivationImageSequence"):
            for src in sequence(deriv, "SourceImageSequence"):
                uid = text(src, "ReferencedSOPInstanceUID")
                if uid:
                    fn = value_of(src, "ReferencedFrameNumber")
                    if isinstance(fn, list | tuple):
                        fn = fn[0] if fn else None
                    return uid, int(fn) if fn not in (None, "") else None
    return None
