"""Volumes: the frames of a series, or of one enhanced instance, as a 3D array and its affine.

The slices are sorted by their position along the slice normal (from the row and column
direction cosines of Image Orientation (Patient), PS3.3 C.7.6.2.1.1), checked to
share one orientation, one frame size and one pixel spacing and to lie at equal intervals, and
stacked as ``array[slice, row, column]``.  The affine maps ``(slice, row, column, 1)`` to
patient coordinates ``(x, y, z, 1)`` in the LPS system of PS3.3 C.7.6.2.1.1 (x to the patient's
left, y posterior, z head): its columns are the slice step (the slice direction times the spacing), the step
down a column (column direction cosines times the row spacing, Pixel Spacing's first value),
the step along a row (row direction cosines times the column spacing) and the centre of the
first voxel (Image Position (Patient) of the first slice).  That is highdicom's convention
(``highdicom.Volume``), so that the two can be compared, including its default of a
right-handed index space: the slice direction is column cosines x row cosines, so slices go
against the normal row x column (for an axial series in the usual orientation, head first).
``handedness="left"`` sorts the other way (ascending along row x column).

An enhanced instance with several stacks or temporal positions (Frame Content, PS3.3
C.7.6.16.2.2) is selected by ``stack_id`` and ``temporal_position`` (Temporal Position Index),
or split by :func:`volumes_by_dimension`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from dicomkit.generated import tags
from dicomkit.objects.frames import (
    FrameInfo,
    dimension_values,
    dimensions,
    frame_info,
    iter_frame_info,
    modality_transform,
    real_world_values,
)
from dicomkit.objects.frames_errors import FrameError, VolumeError
from dicomkit.pixels import array as pixel_arrays

__all__ = ["SPATIAL_POINTERS", "Volume", "volume_from_frames", "volume_from_series",
           "volumes_by_dimension", "volumes_by_dimension_index"]

#: Dimension Index Pointers that place a frame in space (PS3.3 C.7.6.17.1): the frames of
#: one volume differ in these and agree in every other dimension.
SPATIAL_POINTERS = frozenset({tags.ImagePositionPatient, tags.InStackPositionNumber,
                              tags.ImagePositionVolume})

Array = np.ndarray[Any, Any]

#: Default tolerances: positions (mm) and direction cosines.
SPACING_TOLERANCE = 1e-2
ORIENTATION_TOLERANCE = 1e-4


@dataclass(frozen=True, slots=True)
class Volume:
    """A 3D array ``(slices, rows, columns)`` with its affine to LPS patient coordinates (mm).

    ``sources`` names, slice by slice, where each came from (``file`` or ``file#frame``);
    ``frames`` the frame numbers (0-based) for a volume of one enhanced instance.
    """

    array: Array
    affine: Array
    sources: tuple[str, ...]
    frames: tuple[int, ...] = ()

    @property
    def spacing(self) -> tuple[float, float, float]:
        """(between slices, between rows, between columns) in mm."""
        norms = np.linalg.norm(self.affine[:3, :3], axis=0)
        return float(norms[0]), float(norms[1]), float(norms[2])

    @property
    def ras_affine(self) -> Array:
        """The affine to RAS coordinates (x to the right, y anterior, z head: NIfTI's world
        space) for the same ``(slice, row, column)`` indexes: LPS with x and y negated."""
        flip: Array = np.diag([-1.0, -1.0, 1.0, 1.0]) @ self.affine
        return flip

    def position(self, index: tuple[float, float, float]) -> Array:
        """The LPS position (mm) of voxel ``(slice, row, column)``."""
        out: Array = self.affine @ np.array([*index, 1.0])
        return out[:3]


@dataclass(frozen=True, slots=True)
class _Slice:
    key: int  # the caller's order, for stable tie reports
    name: str
    info: FrameInfo
    load: Callable[[], Array]


def _geometry(item: _Slice) -> tuple[Array, Array, Array, tuple[float, float]]:
    info = item.info
    if info.image_orientation is None:
        raise VolumeError("no Image Orientation (Patient): the slice cannot be placed (PS3.3 "
                          "C.7.6.2.1.1)", source=item.name, frame=info.index,
                          tag_path="(0020,0037)")
    if info.image_position is None:
        raise VolumeError("no Image Position (Patient): the slice cannot be placed (PS3.3 "
                          "C.7.6.2.1.1)", source=item.name, frame=info.index,
                          tag_path="(0020,0032)")
    if info.pixel_spacing is None:
        raise VolumeError("no Pixel Spacing: the voxel size is unknown (PS3.3 C.7.6.2.1.1)",
                          source=item.name, frame=info.index, tag_path="(0028,0030)")
    orientation = np.asarray(info.image_orientation, dtype=np.float64)
    row, col = orientation[:3], orientation[3:]
    for what, vector in (("row", row), ("column", col)):
        norm = float(np.linalg.norm(vector))
        if abs(norm - 1.0) > 1e-3:
            raise VolumeError(f"the {what} direction cosines of Image Orientation (Patient) "
                              f"have length {norm:.6g}, not 1", source=item.name,
                              frame=info.index, tag_path="(0020,0037)",
                              deviation=abs(norm - 1.0))
    dot = float(np.dot(row, col))
    if abs(dot) > 1e-3:
        raise VolumeError(f"the row and column direction cosines are not orthogonal (dot "
                          f"product {dot:.6g})", source=item.name, frame=info.index,
                          tag_path="(0020,0037)", deviation=abs(dot))
    return row, col, np.asarray(info.image_position, dtype=np.float64), info.pixel_spacing


def _assemble(slices: Sequence[_Slice], *, spacing_tolerance: float,
              orientation_tolerance: float, dtype: Any, handedness: str) -> Volume:
    if handedness not in ("right", "left"):
        raise VolumeError(f"handedness must be 'right' or 'left', not {handedness!r}")
    if not slices:
        raise VolumeError("no slices to make a volume of")
    geometry = [_geometry(s) for s in slices]
    row0, col0, _, spacing0 = geometry[0]
    for item, (row, col, _pos, pixel_spacing) in zip(slices[1:], geometry[1:]):
        diff = float(max(np.abs(row - row0).max(), np.abs(col - col0).max()))
        if diff > orientation_tolerance:
            raise VolumeError(f"Image Orientation (Patient) differs from that of "
                              f"{slices[0].name} by up to {diff:.6g} (tolerance "
                              f"{orientation_tolerance:g}): the slices are not parallel",
                              source=item.name, frame=item.info.index, tag_path="(0020,0037)",
                              deviation=diff)
        sdiff = float(max(abs(pixel_spacing[0] - spacing0[0]),
                          abs(pixel_spacing[1] - spacing0[1])))
        if sdiff > spacing_tolerance:
            raise VolumeError(f"Pixel Spacing {pixel_spacing} differs from {spacing0} of "
                              f"{slices[0].name} by {sdiff:.6g} mm", source=item.name,
                              frame=item.info.index, tag_path="(0028,0030)", deviation=sdiff)
    normal = np.cross(col0, row0) if handedness == "right" else np.cross(row0, col0)
    distances = np.array([float(np.dot(g[2], normal)) for g in geometry])
    order = np.argsort(distances, kind="stable")
    ordered = [slices[i] for i in order]
    sorted_distance = distances[order]
    positions = np.array([geometry[i][2] for i in order])
    if len(ordered) > 1:
        steps = np.diff(sorted_distance)
        for k, step in enumerate(steps):
            if step <= spacing_tolerance:
                raise VolumeError(f"the slice is at the same position along the normal as "
                                  f"{ordered[k].name} ({sorted_distance[k]:.6g} mm, "
                                  f"{step:.6g} mm apart): duplicate positions (several "
                                  "stacks or temporal positions? select one)",
                                  source=ordered[k + 1].name, frame=ordered[k + 1].info.index,
                                  tag_path="(0020,0032)", deviation=float(step))
        spacing = float(np.median(steps))
        for k, step in enumerate(steps):
            if abs(step - spacing) > spacing_tolerance:
                raise VolumeError(f"slices are not equally spaced: {step:.6g} mm from "
                                  f"{ordered[k].name} where the series' spacing is "
                                  f"{spacing:.6g} mm (off by {abs(step - spacing):.6g} mm; a "
                                  "missing or extra slice?)", source=ordered[k + 1].name,
                                  frame=ordered[k + 1].info.index, tag_path="(0020,0032)",
                                  deviation=abs(float(step) - spacing))
        # every position on the line through the first along the normal
        offsets = positions - positions[0]
        lateral = offsets - np.outer(offsets @ normal, normal)
        worst = int(np.argmax(np.linalg.norm(lateral, axis=1)))
        drift = float(np.linalg.norm(lateral[worst]))
        if drift > spacing_tolerance:
            raise VolumeError(f"the slice is shifted {drift:.6g} mm in its own plane from the "
                              f"line through {ordered[0].name} along the normal (a gantry tilt "
                              "or another stack)", source=ordered[worst].name,
                              frame=ordered[worst].info.index, tag_path="(0020,0032)",
                              deviation=drift)
    else:
        info = ordered[0].info
        spacing = float(info.spacing_between_slices or info.slice_thickness or 1.0)
    arrays = []
    shape: tuple[int, ...] | None = None
    for item in ordered:
        frame = item.load()
        if frame.ndim != 2:
            raise VolumeError(f"a frame of shape {frame.shape}: volumes are of one sample per "
                              "pixel", source=item.name, frame=item.info.index,
                              tag_path="(0028,0002)")
        if shape is None:
            shape = frame.shape
        elif frame.shape != shape:
            raise VolumeError(f"frame size {frame.shape} differs from {shape} of "
                              f"{ordered[0].name}", source=item.name, frame=item.info.index,
                              tag_path="(0028,0010)")
        arrays.append(frame)
    volume = np.stack(arrays).astype(dtype, copy=False) if dtype is not None else np.stack(
        arrays)
    row_spacing, column_spacing = spacing0
    affine = np.eye(4)
    affine[:3, 0] = normal * spacing
    affine[:3, 1] = col0 * row_spacing
    affine[:3, 2] = row0 * column_spacing
    affine[:3, 3] = positions[0]
    return Volume(array=volume, affine=affine, sources=tuple(s.name for s in ordered),
                  frames=tuple(s.info.index for s in ordered))


_VALUES = ("stored", "modality", "real-world")


def _check_values(values: str) -> None:
    if values not in _VALUES:
        raise FrameError(f"values must be one of {', '.join(map(repr, _VALUES))}, not "
                         f"{values!r}")


def _values(ds: Any, frame: int, info: FrameInfo, values: str, mapping: int | str) -> Array:
    if values == "real-world":
        return real_world_values(ds, frame, mapping=mapping)[0]
    stored = pixel_arrays.pixel_array(ds, frame=frame, as_rgb=False)
    if values == "stored":
        return stored
    return modality_transform(stored, info, ds)


def volume_from_series(datasets: Iterable[Any], *, values: str = "modality",
                       mapping: int | str = 0,
                       dtype: Any = np.float64, spacing_tolerance: float = SPACING_TOLERANCE,
                       orientation_tolerance: float = ORIENTATION_TOLERANCE,
                       handedness: str = "right") -> Volume:
    """A volume from single-frame images of one series, in any order.

    Parameters
    ----------
    datasets
        The images (:class:`dicomkit.Dataset`); each one frame.
    values
        ``"modality"`` (the default): Rescale Slope and Intercept or the Modality LUT applied
        (PS3.3 C.11.1); ``"stored"``: the stored values; ``"real-world"``: the Real World
        Value Mapping ``mapping`` names (an index, a LUT Label or a units code value; PS3.3
        C.7.6.16.2.11; values it does not cover are NaN).
    dtype
        The array's type (float64 by default, as highdicom; None keeps the decoded type).
    spacing_tolerance, orientation_tolerance
        How far (mm) positions and spacings, and direction cosines, may deviate.
    handedness
        ``"right"`` (the default, as highdicom): slices along column x row cosines;
        ``"left"``: along row x column.

    Raises
    ------
    VolumeError
        No images; an image with several frames, no position, orientation or pixel spacing;
        orientations, pixel spacings or frame sizes that differ; duplicate positions; slices
        not equally spaced or not on one line (naming the file and by how much).
    """
    _check_values(values)
    slices = []
    for key, ds in enumerate(datasets):
        name = str(getattr(ds, "filename", "") or f"data set {key}")
        info = frame_info(ds, 0)
        count = ds.get(tags.NumberOfFrames)
        if count is not None and count.value not in (None, "") and int(count.value) > 1:
            raise VolumeError(f"{int(count.value)} frames: volume_from_series takes single-"
                              "frame images (use volume_from_frames for a multi-frame one)",
                              source=name, tag_path="(0028,0008)")
        slices.append(_Slice(key, name, info, partial(_values, ds, 0, info, values, mapping)))
    return _assemble(slices, spacing_tolerance=spacing_tolerance,
                     orientation_tolerance=orientation_tolerance, dtype=dtype,
                     handedness=handedness)


def _selected(infos: Sequence[FrameInfo], stack_id: str | None,
              temporal_position: int | None) -> list[FrameInfo]:
    chosen = list(infos)
    if stack_id is not None:
        chosen = [i for i in chosen if i.stack_id == stack_id]
    if temporal_position is not None:
        chosen = [i for i in chosen if i.temporal_position_index == temporal_position]
    return chosen


def volume_from_frames(ds: Any, *, stack_id: str | None = None,
                       temporal_position: int | None = None, frames: Sequence[int] | None = None,
                       values: str = "modality", mapping: int | str = 0,
                       dtype: Any = np.float64,
                       spacing_tolerance: float = SPACING_TOLERANCE,
                       orientation_tolerance: float = ORIENTATION_TOLERANCE,
                       handedness: str = "right") -> Volume:
    """A volume from the frames of one multi-frame instance (enhanced CT, MR, PET...).

    Parameters
    ----------
    stack_id, temporal_position
        Keep the frames of this Stack ID (0020,9056) and Temporal Position Index (0020,9128)
        (Frame Content, PS3.3 C.7.6.16.2.2); None keeps all.
    frames
        The frames to use (0-based), instead of selecting by stack and time.
    values
        ``"modality"``: each frame's own Pixel Value Transformation applied; ``"stored"``;
        ``"real-world"``: each frame's Real World Value Mapping ``mapping`` (as
        :func:`volume_from_series`).

    Raises
    ------
    VolumeError
        No frame selected, and what :func:`volume_from_series` raises, naming the frame.
    """
    _check_values(values)
    name = str(getattr(ds, "filename", "") or "data set")
    infos = [frame_info(ds, i) for i in frames] if frames is not None else list(
        iter_frame_info(ds))
    chosen = _selected(infos, stack_id, temporal_position)
    if not chosen:
        stacks = sorted({i.stack_id for i in infos})
        times = sorted({i.temporal_position_index for i in infos
                        if i.temporal_position_index is not None})
        raise VolumeError(f"no frame has Stack ID {stack_id!r} and Temporal Position Index "
                          f"{temporal_position!r}; the instance has stacks {stacks} and "
                          f"temporal positions {times}", source=name, tag_path="(0020,9111)")
    slices = [_Slice(info.index, f"{name}#frame {info.index}", info,
                     partial(_values, ds, info.index, info, values, mapping)) for info in chosen]
    return _assemble(slices, spacing_tolerance=spacing_tolerance,
                     orientation_tolerance=orientation_tolerance, dtype=dtype,
                     handedness=handedness)


def volumes_by_dimension(ds: Any, **options: Any) -> dict[tuple[str, int | None], Volume]:
    """One volume per (Stack ID, Temporal Position Index) of a multi-frame instance (PS3.3
    C.7.6.16.2.2.4 and C.7.6.16.2.2.6), keyed by them (``""`` and None when absent).

    Raises
    ------
    VolumeError
        What :func:`volume_from_frames` raises for any of them.
    """
    groups: dict[tuple[str, int | None], list[int]] = {}
    for info in iter_frame_info(ds):
        groups.setdefault((info.stack_id, info.temporal_position_index), []).append(info.index)
    return {key: volume_from_frames(ds, frames=indexes, **options)
            for key, indexes in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))}


def volumes_by_dimension_index(ds: Any, **options: Any) -> dict[tuple[tuple[int, int], ...],
                                                                Volume]:
    """One volume per combination of the non-spatial dimensions of a multi-frame instance
    (its Dimension Index Sequence, PS3.3 C.7.6.17; the spatial ones are
    :data:`SPATIAL_POINTERS`), keyed by ((pointer tag, index value), ...) in the order of the
    Dimension Index Sequence: stacks, temporal positions, b-values, echoes, whatever the
    instance declares.

    Raises
    ------
    VolumeError
        The instance declares no dimensions; what :func:`volume_from_frames` raises.
    FrameError
        A frame whose Dimension Index Values do not match the dimensions.
    """
    if not dimensions(ds):
        raise VolumeError("the instance has no Dimension Index Sequence (0020,9222): split "
                          "it with volumes_by_dimension (stack and temporal position)",
                          source=str(getattr(ds, "filename", "") or ""),
                          tag_path="(0020,9222)")
    groups: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for info in iter_frame_info(ds):
        values = dimension_values(ds, info.index)
        key = tuple((p, v) for p, v in values.items() if p not in SPATIAL_POINTERS)
        groups.setdefault(key, []).append(info.index)
    return {key: volume_from_frames(ds, frames=indexes, **options)
            for key, indexes in sorted(groups.items())}
