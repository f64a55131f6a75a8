"""RT Dose (PS3.3 A.18, C.8.8.3): the dose grid as a volume in its units, with the position of
every plane and, for evenly spaced planes, the affine from voxel indices to patient
coordinates.

The dose of a voxel is its stored value times Dose Grid Scaling (3004,000E) (C.8.8.3).  The
planes are placed by Grid Frame Offset Vector (3004,000C) as C.8.8.3.2 says: offsets from
the first plane along the normal (row direction x column direction) when its first value is
zero, or patient z coordinates when its first value equals the z of Image Position (Patient)
and the orientation is (1, 0, 0, 0, 1, 0).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from dicomkit.objects.rt import terms
from dicomkit.objects.rt.errors import RTError, RTWarning
from dicomkit.objects.rt.geometry import FloatArray, Plane

__all__ = ["DoseGrid", "read_dose"]


@dataclass(frozen=True)
class DoseGrid:
    """A dose distribution.

    Attributes
    ----------
    dose
        ``(planes, rows, columns)`` float64, in :attr:`units` (Gy, or relative).
    units, dose_type, summation_type
        Dose Units (GY or RELATIVE), Dose Type and Dose Summation Type (PS3.3 C.8.8.3).
    positions
        ``(planes, 3)``: the patient position (mm) of the first voxel of each plane.
    affine
        4x4, voxel ``(plane, row, column, 1)`` -> patient ``(x, y, z, 1)`` (LPS, mm), or None
        when the planes are not evenly spaced (then use :attr:`positions`).
    plane
        The grid of one plane (origin of the first, directions, spacings).
    """

    dose: FloatArray
    units: str
    dose_type: str
    summation_type: str
    positions: FloatArray
    affine: FloatArray | None
    plane: Plane


def _offsets(ds: Any, plane: Plane, frames: int, source: str) -> FloatArray:
    vector = getattr(ds, "GridFrameOffsetVector", None)
    if vector is None:
        if frames > 1:
            raise RTError(f"{frames} dose planes and no Grid Frame Offset Vector "
                          "(PS3.3 C.8.8.3.2 requires it for a multi-frame dose)", source=source)
        return np.zeros(1)
    try:
        offsets = np.array([float(v) for v in vector], dtype=np.float64)
    except (TypeError, ValueError):
        raise RTError(f"Grid Frame Offset Vector {vector!r} is not numbers",
                      source=source) from None
    if len(offsets) < frames:
        raise RTError(f"Grid Frame Offset Vector has {len(offsets)} values for {frames} "
                      "planes (PS3.3 C.8.8.3.2: one per plane)", source=source)
    if len(offsets) > frames:
        # files cut down to fewer frames keep the whole vector (pydicom's rtdose_1frame.dcm)
        warnings.warn(f"{source or 'RT Dose'}: Grid Frame Offset Vector has {len(offsets)} "
                      f"values for {frames} plane(s); the first {frames} are used",
                      RTWarning, stacklevel=3)
        offsets = offsets[:frames]
    steps = np.diff(offsets)
    if len(steps) and not (np.all(steps > 0) or np.all(steps < 0)):
        raise RTError("Grid Frame Offset Vector does not vary monotonically (PS3.3 "
                      "C.8.8.3.2)", source=source)
    if offsets[0] == 0:
        return offsets  # (a): relative to the first plane, along the normal
    axial = np.allclose(plane.row_direction, (1, 0, 0)) and np.allclose(
        plane.column_direction, (0, 1, 0))
    if axial and np.isclose(offsets[0], plane.origin[2]):
        relative: FloatArray = offsets - offsets[0]  # (b): patient z of each plane
        return relative
    raise RTError(f"Grid Frame Offset Vector starts at {offsets[0]}: neither 0 (offsets from "
                  f"the first plane) nor the z of Image Position (Patient) "
                  f"{plane.origin[2]} with an axial orientation (PS3.3 C.8.8.3.2)",
                  source=source)


def read_dose(ds: Any) -> DoseGrid:
    """The dose grid of an RT Dose data set (see the module).

    Raises
    ------
    RTError
        No pixel data or Dose Grid Scaling, Dose Units outside PS3.3 C.8.8.3's Enumerated
        Values, a Grid Frame Offset Vector that is missing, of the wrong length, not
        monotonic or of neither form of C.8.8.3.2.
    dicomkit.pixels.PixelDataError
        The pixel data cannot be decoded.
    """
    from dicomkit.pixels.array import pixel_array

    source = str(getattr(ds, "filename", "") or "")
    units = str(getattr(ds, "DoseUnits", "") or "").strip()
    if units not in terms.DOSE_UNITS:
        raise RTError(f"Dose Units {units!r} is none of {terms.DOSE_UNITS} (PS3.3 C.8.8.3)",
                      source=source)
    if getattr(ds, "PixelData", None) is None:
        raise RTError("the RT Dose has no pixel data (a dose grid needs it)", source=source)
    scaling = getattr(ds, "DoseGridScaling", None)
    if scaling is None:
        raise RTError("Dose Grid Scaling is missing (PS3.3 C.8.8.3: required with pixel "
                      "data)", source=source)
    plane = Plane.of(ds)
    stored = pixel_array(ds)
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    if frames == 1 and stored.ndim == 2:
        stored = stored[np.newaxis]
    dose = stored.astype(np.float64) * float(scaling)
    offsets = _offsets(ds, plane, frames, source)
    positions = plane.origin + np.outer(offsets, plane.normal)
    steps = np.diff(offsets)
    affine: FloatArray | None = None
    if len(steps) == 0 or np.allclose(steps, steps[0], rtol=1e-5, atol=1e-4):
        step = float(steps[0]) if len(steps) else 1.0
        affine = np.eye(4)
        affine[:3, 0] = plane.normal * step
        affine[:3, 1] = plane.column_direction * plane.row_spacing
        affine[:3, 2] = plane.row_direction * plane.column_spacing
        affine[:3, 3] = plane.origin
    return DoseGrid(dose, units, str(getattr(ds, "DoseType", "") or ""),
                    str(getattr(ds, "DoseSummationType", "") or ""), positions, affine, plane)
