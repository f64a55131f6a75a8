"""Image planes in patient coordinates, closed planar contours filled on a pixel grid, and
binary masks traced back into contours along the pixel edges.

The patient-based coordinate system is the one of PS3.3 C.7.6.2.1.1 (LPS, millimetres): the
centre of the pixel in row ``r`` and column ``c`` of an image is::

    P(r, c) = IPP + c * PixelSpacing[1] * X + r * PixelSpacing[0] * Y

with ``IPP`` the Image Position (Patient), ``X`` and ``Y`` the row and column direction cosines
of Image Orientation (Patient) (``X`` is the direction of increasing column index) and
Pixel Spacing given as (row spacing, column spacing) (PS3.3 10.7.1.3).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dicomkit.objects.rt.errors import RTError

__all__ = ["Plane", "fill_polygon", "loops_to_points", "trace_mask"]

FloatArray = np.ndarray[Any, np.dtype[np.float64]]
BoolArray = np.ndarray[Any, np.dtype[np.bool_]]


def _floats(ds: Any, keyword: str, count: int, source: str) -> FloatArray:
    value = getattr(ds, keyword, None)
    if value is None:
        raise RTError(f"{keyword} is missing", source=source)
    try:
        out = np.array([float(v) for v in value], dtype=np.float64)
    except (TypeError, ValueError):
        raise RTError(f"{keyword} is {value!r}, not {count} numbers", source=source) from None
    if out.shape != (count,) or not np.all(np.isfinite(out)):
        raise RTError(f"{keyword} is {value!r}, not {count} finite numbers", source=source)
    return out


@dataclass(frozen=True)
class Plane:
    """The plane and pixel grid of one image (or one frame): origin (the centre of the first
    pixel), unit row and column directions, their normal, spacings and size."""

    origin: FloatArray
    row_direction: FloatArray
    column_direction: FloatArray
    row_spacing: float
    column_spacing: float
    rows: int
    columns: int
    sop_instance_uid: str = ""
    source: str = ""

    @functools.cached_property
    def normal(self) -> FloatArray:
        """The unit normal, row direction x column direction."""
        n: FloatArray = np.cross(self.row_direction, self.column_direction)
        return n

    @classmethod
    def of(cls, image: Any) -> Plane:
        """The plane of a single-frame image data set (Image Plane Module, PS3.3 C.7.6.2)."""
        source = str(getattr(image, "filename", "") or "")
        origin = _floats(image, "ImagePositionPatient", 3, source)
        orientation = _floats(image, "ImageOrientationPatient", 6, source)
        spacing = _floats(image, "PixelSpacing", 2, source)
        x, y = orientation[:3], orientation[3:]
        if not (np.isclose(np.linalg.norm(x), 1, atol=1e-3)
                and np.isclose(np.linalg.norm(y), 1, atol=1e-3)
                and abs(float(x @ y)) < 1e-3):
            raise RTError(f"Image Orientation (Patient) {orientation.tolist()} is not two "
                          "orthogonal unit vectors (PS3.3 C.7.6.2.1.1)", source=source)
        if np.any(spacing <= 0):
            raise RTError(f"Pixel Spacing {spacing.tolist()} is not positive", source=source)
        try:
            rows, columns = int(image.Rows), int(image.Columns)
        except (AttributeError, TypeError, ValueError):
            raise RTError("the image has no Rows and Columns", source=source) from None
        return cls(origin, x / np.linalg.norm(x), y / np.linalg.norm(y), float(spacing[0]),
                   float(spacing[1]), rows, columns,
                   str(getattr(image, "SOPInstanceUID", "") or ""), source)

    def to_pixels(self, points: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Row and column indices (fractional) of patient points ``(N, 3)``, and each point's
        signed distance from the plane in mm."""
        d = points - self.origin
        return (d @ self.column_direction / self.row_spacing,
                d @ self.row_direction / self.column_spacing, d @ self.normal)

    def to_patient(self, rows: FloatArray, columns: FloatArray) -> FloatArray:
        """Patient points ``(N, 3)`` of fractional row and column indices."""
        out: FloatArray = (self.origin + np.outer(columns * self.column_spacing, self.row_direction)
                           + np.outer(rows * self.row_spacing, self.column_direction))
        return out

    def distance(self, points: FloatArray) -> float:
        """The largest distance of ``points`` from this plane (mm)."""
        return float(np.max(np.abs((points - self.origin) @ self.normal))) if len(points) else 0.0


def fill_polygon(rows: int, columns: int, r: FloatArray, c: FloatArray) -> BoolArray:
    """The pixels of a ``rows`` x ``columns`` grid whose centres lie inside the closed polygon
    with vertices ``(r[i], c[i])`` (fractional row and column indices) or on its path.

    The polygon is closed from the last vertex to the first (PS3.3 C.8.8.6.1, CLOSED_PLANAR);
    inside is by the even-odd rule, and "points in space lying along the path defined by the
    contour are considered to be part of the ROI" (C.8.8.6.3), so a centre on an edge counts.
    """
    mask = np.zeros((rows, columns), dtype=bool)
    if len(r) == 0 or rows <= 0 or columns <= 0:
        return mask
    r0, c0 = np.asarray(r, dtype=np.float64), np.asarray(c, dtype=np.float64)
    # work on the bounding box only (a contour is usually small against its image)
    top_row = max(int(np.floor(r0.min())), 0)
    left = max(int(np.floor(c0.min())), 0)
    bottom_row = min(int(np.ceil(r0.max())), rows - 1)
    right = min(int(np.ceil(c0.max())), columns - 1)
    if top_row > bottom_row or left > right:
        return mask
    mask[top_row:bottom_row + 1, left:right + 1] = _fill(
        bottom_row - top_row + 1, right - left + 1, r0 - top_row, c0 - left)
    return mask


def _fill(rows: int, columns: int, r0: FloatArray, c0: FloatArray) -> BoolArray:
    mask = np.zeros((rows, columns), dtype=bool)
    r1, c1 = np.concatenate((r0[1:], r0[:1])), np.concatenate((c0[1:], c0[:1]))
    top, bottom = np.minimum(r0, r1), np.maximum(r0, r1)
    slanted = top != bottom
    # each non-horizontal edge crosses the centre lines y = ceil(top) .. ceil(bottom) - 1
    first = np.clip(np.ceil(top[slanted]), 0, rows).astype(np.int64)
    last = np.clip(np.ceil(bottom[slanted]), 0, rows).astype(np.int64)
    counts = np.maximum(last - first, 0)
    if counts.sum():
        edge = np.repeat(np.arange(int(slanted.sum())), counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        y = (first[edge] + offsets).astype(np.float64)
        er0, ec0 = r0[slanted][edge], c0[slanted][edge]
        er1, ec1 = r1[slanted][edge], c1[slanted][edge]
        x = ec0 + (y - er0) * (ec1 - ec0) / (er1 - er0)
        order = np.lexsort((x, y))
        y, x = y[order].astype(np.int64), x[order]
        # crossings pair up on each centre line (a closed polygon crosses each line an even
        # number of times under the half-open rule): fill from each odd to the next
        start, stop = x[0::2], x[1::2]
        line = y[0::2]
        lo = np.clip(np.ceil(start - 1e-9), 0, columns).astype(np.int64)
        hi = np.clip(np.floor(stop + 1e-9), -1, columns - 1).astype(np.int64)
        keep = lo <= hi
        diff = np.zeros((rows, columns + 1), dtype=np.int64)
        np.add.at(diff, (line[keep], lo[keep]), 1)
        np.add.at(diff, (line[keep], hi[keep] + 1), -1)
        mask |= np.cumsum(diff[:, :columns], axis=1) > 0
    # horizontal edges lying on a centre line are on the path too
    flat = ~slanted & (np.abs(r0 - np.round(r0)) < 1e-9)
    for fr, fa, fb in zip(np.round(r0[flat]).astype(np.int64), np.minimum(c0, c1)[flat],
                          np.maximum(c0, c1)[flat], strict=True):
        if 0 <= fr < rows:
            lo2, hi2 = max(int(np.ceil(fa - 1e-9)), 0), min(int(np.floor(fb + 1e-9)), columns - 1)
            if lo2 <= hi2:
                mask[fr, lo2:hi2 + 1] = True
    return mask


# Corners of the pixel lattice are (i, j) for the point (i - 0.5, j - 0.5) in row/column
# indices: pixel (r, c) spans the corners (r, c) to (r + 1, c + 1).  A boundary edge runs
# clockwise on screen (rows down, columns right) around the foreground.
_STEP = {(0, 1): 0, (1, 0): 1, (0, -1): 2, (-1, 0): 3}


def trace_mask(mask: BoolArray) -> list[np.ndarray[Any, np.dtype[np.int64]]]:
    """The closed loops along the pixel edges that bound the foreground of a 2-D mask, each
    an ``(N, 2)`` array of lattice corners ``(i, j)`` (the point ``(i - 0.5, j - 0.5)`` in
    row and column indices), collinear corners left out.

    Outer boundaries and the boundaries of holes are separate loops; the even-odd fill of
    every loop combined by exclusive or (:func:`fill_polygon`, PS3.3 C.8.8.6.3, the "XOR"
    technique) gives back exactly the mask.  Where two foreground pixels touch only at a
    corner, the loops are separated there (a right turn is taken).
    """
    m = np.asarray(mask, dtype=bool)
    if m.ndim != 2:
        raise RTError(f"a mask of one plane is 2-D, not of shape {m.shape}")
    p = np.pad(m, 1)
    core = p[1:-1, 1:-1]
    edges: list[np.ndarray[Any, np.dtype[np.int64]]] = []
    # (start, end) corner pairs of each kind of boundary edge
    rr, cc = np.nonzero(core & ~p[:-2, 1:-1])   # top: (r, c) -> (r, c + 1)
    edges.append(np.stack([rr, cc, rr, cc + 1], axis=1))
    rr, cc = np.nonzero(core & ~p[1:-1, 2:])    # right: (r, c + 1) -> (r + 1, c + 1)
    edges.append(np.stack([rr, cc + 1, rr + 1, cc + 1], axis=1))
    rr, cc = np.nonzero(core & ~p[2:, 1:-1])    # bottom: (r + 1, c + 1) -> (r + 1, c)
    edges.append(np.stack([rr + 1, cc + 1, rr + 1, cc], axis=1))
    rr, cc = np.nonzero(core & ~p[1:-1, :-2])   # left: (r + 1, c) -> (r, c)
    edges.append(np.stack([rr + 1, cc, rr, cc], axis=1))
    all_edges = np.concatenate(edges).astype(np.int64)
    if not len(all_edges):
        return []
    outgoing: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, b, c, d in all_edges.tolist():
        outgoing.setdefault((a, b), []).append((c, d))
    loops: list[np.ndarray[Any, np.dtype[np.int64]]] = []
    order = sorted(outgoing)  # deterministic: loops from the top-left remaining corner on
    at = 0
    while outgoing:
        while order[at] not in outgoing:
            at += 1
        start = order[at]
        corner = start
        heading: tuple[int, int] | None = None
        points = [start]
        while True:
            ends = outgoing[corner]
            if len(ends) == 1 or heading is None:
                end = ends[0]
            else:  # a corner where two pieces touch diagonally: turn right (clockwise)
                want = (_STEP[heading] + 1) % 4
                end = next((e for e in ends
                            if _STEP[(e[0] - corner[0], e[1] - corner[1])] == want), ends[0])
            ends.remove(end)
            if not ends:
                del outgoing[corner]
            heading = (end[0] - corner[0], end[1] - corner[1])
            corner = end
            if corner == start:
                break
            points.append(corner)
        loop = np.array(points, dtype=np.int64)
        # leave out corners where the direction does not change
        before = loop - np.roll(loop, 1, axis=0)
        after = np.roll(loop, -1, axis=0) - loop
        turn = np.any(before != after, axis=1)
        loops.append(loop[turn])
    return loops


def loops_to_points(plane: Plane, loops: Sequence[np.ndarray[Any, Any]]) -> list[FloatArray]:
    """The patient points ``(N, 3)`` of each loop of :func:`trace_mask` on ``plane``."""
    return [plane.to_patient(loop[:, 0] - 0.5, loop[:, 1] - 0.5) for loop in loops]
