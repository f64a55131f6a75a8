"""The resolved attributes of each frame: :func:`frame_info` and the per-frame value APIs.

An enhanced multi-frame image (PS3.3 C.7.6.16) keeps what varies by frame in functional
groups: each functional group macro is a sequence of one item, in the item of the Shared
Functional Groups Sequence (5200,9229) when it applies to every frame, else in the frame's item
of the Per-frame Functional Groups Sequence (5200,9230) (C.7.6.16.1.1: never both).  The groups
read here are Pixel Measures (C.7.6.16.2.1), Frame Content (C.7.6.16.2.2), Plane Position
(Patient) (C.7.6.16.2.3), Plane Orientation (Patient) (C.7.6.16.2.4), Pixel Value
Transformation (C.7.6.16.2.9), Frame VOI LUT (C.7.6.16.2.10, with or without a LUT), Real World
Value Mapping (C.7.6.16.2.11) and Temporal Position (C.7.6.16.2.23).

Which attribute lives in which functional group sequence comes from the generated macro tables
(:mod:`dicomkit.generated.macros`): the members of each group are the rows under its sequence,
checked when this module loads, so that an edition that moves an attribute fails loudly.

A data set without functional groups (a classic single-frame or multi-frame image) has the same
attributes at the top level (Image Plane C.7.6.2, Modality LUT C.11.1, VOI LUT C.11.2), and
:func:`frame_info` gives those for every frame.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

import numpy as np

from dicomkit.generated import macros, tags
from dicomkit.objects.frames_errors import FrameError
from dicomkit.pixels import array as pixel_arrays
from dicomkit.pixels import lut
from dicomkit.pixels.info import PixelInfo

__all__ = ["Dimension", "FrameInfo", "RealWorldValueMapping", "Window", "dimension_values",
           "dimensions", "display_values", "frame_info", "iter_frame_info", "modality_transform",
           "modality_values", "real_world_values", "voi_values"]

Array = np.ndarray[Any, Any]


def _macro_members(rows: Sequence[tuple[Any, ...]], depth: int = 0) -> Iterator[tuple[int, int]]:
    """(level, tag) of every attribute row of a macro table, includes expanded."""
    for row in rows:
        kind, level = row[0], row[1]
        if kind == "attr" and row[2] is not None:
            yield level + depth, int(row[2])
        elif kind == "include" and depth < 8:
            included = macros.macro(str(row[4]))
            if included is not None:
                yield from _macro_members(included[3], level + depth)


@cache
def group_members(sequence: int) -> frozenset[int]:
    """The tags of the attributes a functional group sequence holds (the first-level rows
    under ``sequence`` in every generated macro table that opens with it; PS3.3 C.7.6.16.2)."""
    members: set[int] = set()
    for _name, _label, _section, rows in macros.MACROS.values():
        if not rows or rows[0][0] != "attr" or rows[0][1] != 0 or rows[0][2] != sequence:
            continue
        members.update(tag for level, tag in _macro_members(rows[1:]) if level == 1)
    return frozenset(members)


def _member(sequence: int, attribute: int) -> int:
    """``attribute``, after checking that the macro tables put it in ``sequence``."""
    if attribute not in group_members(sequence):  # pragma: no cover - a generated table change
        raise RuntimeError(f"the generated macro tables do not list ({attribute >> 16:04X},"
                           f"{attribute & 0xFFFF:04X}) in functional group sequence "
                           f"({sequence >> 16:04X},{sequence & 0xFFFF:04X}): regenerate or fix "
                           "dicomkit.objects.frames")
    return attribute


_PIXEL_MEASURES: Final = tags.PixelMeasuresSequence
_FRAME_CONTENT: Final = tags.FrameContentSequence
_PLANE_POSITION: Final = tags.PlanePositionSequence
_PLANE_ORIENTATION: Final = tags.PlaneOrientationSequence
_PIXEL_VALUE_TRANSFORMATION: Final = tags.PixelValueTransformationSequence
_FRAME_VOI_LUT: Final = tags.FrameVOILUTSequence
_REAL_WORLD_VALUE_MAPPING: Final = tags.RealWorldValueMappingSequence
_TEMPORAL_POSITION: Final = tags.TemporalPositionSequence

#: (sequence, attribute) of each value FrameInfo resolves, checked against the macro tables.
_FIELDS: Final[dict[str, tuple[int, int]]] = {
    "pixel_spacing": (_PIXEL_MEASURES, tags.PixelSpacing),
    "slice_thickness": (_PIXEL_MEASURES, tags.SliceThickness),
    "spacing_between_slices": (_PIXEL_MEASURES, tags.SpacingBetweenSlices),
    "image_position": (_PLANE_POSITION, tags.ImagePositionPatient),
    "image_orientation": (_PLANE_ORIENTATION, tags.ImageOrientationPatient),
    "rescale_intercept": (_PIXEL_VALUE_TRANSFORMATION, tags.RescaleIntercept),
    "rescale_slope": (_PIXEL_VALUE_TRANSFORMATION, tags.RescaleSlope),
    "rescale_type": (_PIXEL_VALUE_TRANSFORMATION, tags.RescaleType),
    "window_center": (_FRAME_VOI_LUT, tags.WindowCenter),
    "window_width": (_FRAME_VOI_LUT, tags.WindowWidth),
    "window_explanation": (_FRAME_VOI_LUT, tags.WindowCenterWidthExplanation),
    "voi_lut_function": (_FRAME_VOI_LUT, tags.VOILUTFunction),
    "voi_lut_sequence": (_FRAME_VOI_LUT, tags.VOILUTSequence),
    "dimension_index_values": (_FRAME_CONTENT, tags.DimensionIndexValues),
    "temporal_position_index": (_FRAME_CONTENT, tags.TemporalPositionIndex),
    "stack_id": (_FRAME_CONTENT, tags.StackID),
    "in_stack_position_number": (_FRAME_CONTENT, tags.InStackPositionNumber),
    "frame_acquisition_datetime": (_FRAME_CONTENT, tags.FrameAcquisitionDateTime),
    "frame_reference_datetime": (_FRAME_CONTENT, tags.FrameReferenceDateTime),
    "frame_acquisition_number": (_FRAME_CONTENT, tags.FrameAcquisitionNumber),
    "temporal_position_time_offset": (_TEMPORAL_POSITION, tags.TemporalPositionTimeOffset),
}


def _checked_fields() -> dict[str, tuple[int, int]]:
    return {name: (seq, _member(seq, attr)) for name, (seq, attr) in _FIELDS.items()}


def _tag_path(*tags_: int, index: int | None = None) -> str:
    parts = []
    for i, tag in enumerate(tags_):
        text = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
        if i == 0 and index is not None:
            text += f"[{index}]"
        parts.append(text)
    return ".".join(parts)


def _value(item: Any, tag: int) -> Any:
    elem = item.get(tag) if item is not None else None
    return None if elem is None else elem.value


def _floats(value: Any, count: int | None, what: str, where: str, frame: int, source: str
            ) -> tuple[float, ...] | None:
    if value is None or value == "" or value == []:
        return None
    values = value if isinstance(value, list | tuple) else [value]
    try:
        out = tuple(float(v) for v in values)
    except (TypeError, ValueError):
        raise FrameError(f"{what} is {value!r}, not numbers", source=source, frame=frame,
                         tag_path=where) from None
    if count is not None and len(out) != count:
        raise FrameError(f"{what} has {len(out)} value(s), {count} are required", source=source,
                         frame=frame, tag_path=where)
    if not all(np.isfinite(out)):
        raise FrameError(f"{what} is {value!r}: not finite", source=source, frame=frame,
                         tag_path=where)
    return out


def _float(value: Any, what: str, where: str, frame: int, source: str) -> float | None:
    values = _floats(value, None, what, where, frame, source)
    return values[0] if values else None


def _ints(value: Any, what: str = "the value", where: str = "", frame: int = -1,
          source: str = "") -> tuple[int, ...]:
    if value is None or value == "":
        return ()
    values = value if isinstance(value, list | tuple) else [value]
    try:
        return tuple(int(v) for v in values)
    except (TypeError, ValueError):
        raise FrameError(f"{what} is {value!r}, not integers", source=source, frame=frame,
                         tag_path=where) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\\".join(str(v) for v in value)
    return str(value).strip()


@dataclass(frozen=True, slots=True)
class Window:
    """One VOI window (PS3.3 C.11.2.1.2): center, width, explanation, VOI LUT Function."""

    center: float
    width: float
    explanation: str = ""
    function: str = "LINEAR"


@dataclass(frozen=True, slots=True)
class RealWorldValueMapping:
    """One item of the Real World Value Mapping Sequence (PS3.3 C.7.6.16.2.11).

    Stored values from ``first`` to ``last`` map to real world values through ``lut`` (one
    float per stored value, Real World Value LUT Data) when present, else linearly with
    ``slope`` and ``intercept``; ``units`` is the Measurement Units Code Sequence item as
    (code value, coding scheme designator, code meaning), UCUM for most.
    """

    first: float
    last: float
    slope: float | None
    intercept: float | None
    lut: tuple[float, ...] | None
    label: str
    explanation: str
    units: tuple[str, str, str]

    def covers(self, values: Array) -> Array:
        """True where a stored value lies in [first, last] (C.7.6.16.2.11.1)."""
        result: Array = (values >= self.first) & (values <= self.last)
        return result

    def apply(self, stored: Array) -> Array:
        """The real world values of ``stored`` (float64); stored values outside [first, last]
        give NaN, the mapping saying nothing of them (C.7.6.16.2.11.1)."""
        values = np.asarray(stored)
        if self.lut is not None:
            table = np.asarray(self.lut, dtype=np.float64)
            index = np.clip(np.rint(values - self.first).astype(np.int64), 0, len(table) - 1)
            out: Array = table[index]
        else:
            out = values.astype(np.float64) * float(self.slope or 0.0) + float(
                self.intercept or 0.0)
        return np.where(self.covers(values), out, np.nan)


@dataclass(frozen=True, slots=True)
class FrameInfo:
    """The attributes of frame ``index`` (0-based), resolved from the per-frame functional
    groups, else the shared ones, else (a data set without functional groups) the top level.

    ``None`` or an empty tuple where the data set does not say.  ``groups`` maps each
    functional group sequence tag present for this frame to its item, for attributes not
    resolved into fields.
    """

    index: int
    pixel_spacing: tuple[float, float] | None = None
    slice_thickness: float | None = None
    spacing_between_slices: float | None = None
    image_position: tuple[float, float, float] | None = None
    image_orientation: tuple[float, float, float, float, float, float] | None = None
    rescale_slope: float | None = None
    rescale_intercept: float | None = None
    rescale_type: str = ""
    windows: tuple[Window, ...] = ()
    voi_lut_sequence: tuple[Any, ...] = ()
    modality_lut_sequence: tuple[Any, ...] = ()
    dimension_index_values: tuple[int, ...] = ()
    temporal_position_index: int | None = None
    stack_id: str = ""
    in_stack_position_number: int | None = None
    frame_acquisition_datetime: str = ""
    frame_reference_datetime: str = ""
    frame_acquisition_number: int | None = None
    temporal_position_time_offset: float | None = None
    real_world_value_mappings: tuple[RealWorldValueMapping, ...] = ()
    groups: dict[int, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def normal(self) -> Array | None:
        """The slice normal: row cosines x column cosines (PS3.3 C.7.6.2.1.1), or None."""
        if self.image_orientation is None:
            return None
        row = np.asarray(self.image_orientation[:3])
        col = np.asarray(self.image_orientation[3:])
        result: Array = np.cross(row, col)
        return result

    def item(self, sequence: int) -> Any:
        """The item of functional group ``sequence`` for this frame, else None."""
        return self.groups.get(sequence)


def _items(ds: Any, tag: int) -> list[Any]:
    value = _value(ds, tag)
    return list(value) if isinstance(value, list | tuple) else []


def _enhanced(ds: Any) -> bool:
    return tags.SharedFunctionalGroupsSequence in ds or tags.PerFrameFunctionalGroupsSequence in ds


def _source(ds: Any) -> str:
    return str(getattr(ds, "filename", "") or "")


def _groups(ds: Any, index: int) -> dict[int, Any]:
    """Functional group sequence tag -> the item that applies to frame ``index`` (the frame's
    own group first, the shared one otherwise; PS3.3 C.7.6.16.1.1)."""
    shared = _items(ds, tags.SharedFunctionalGroupsSequence)
    per_frame = _items(ds, tags.PerFrameFunctionalGroupsSequence)
    count = _frame_count(ds)
    if not 0 <= index < count:
        raise FrameError(f"frame {index} does not exist: the image has {count} frame(s)",
                         source=_source(ds), frame=index, tag_path=_tag_path(tags.NumberOfFrames))
    if per_frame and len(per_frame) != count:
        raise FrameError(f"Per-frame Functional Groups Sequence has {len(per_frame)} item(s) "
                         f"for {count} frames (PS3.3 C.7.6.16)", source=_source(ds),
                         frame=index, tag_path=_tag_path(tags.PerFrameFunctionalGroupsSequence))
    found: dict[int, Any] = {}
    for container in ([shared[0]] if shared else []) + ([per_frame[index]] if per_frame else []):
        for elem in container.elements():
            if elem.vr == "SQ" and elem.value:
                found[int(elem.tag)] = elem.value[0]  # a frame's own group wins
    return found


def _frame_count(ds: Any) -> int:
    value = _value(ds, tags.NumberOfFrames)
    try:
        count = int(value) if value not in (None, "") else 1
    except (TypeError, ValueError):
        raise FrameError(f"Number of Frames is {value!r}, not an integer", source=_source(ds),
                         tag_path=_tag_path(tags.NumberOfFrames)) from None
    return max(count, 1)


def _read_mapping(item: Any, where: str, frame: int, source: str) -> RealWorldValueMapping:
    def number(*candidates: int) -> float | None:
        for tag in candidates:
            got = _float(_value(item, tag), "Real World Value mapping bound",
                         f"{where}.{_tag_path(tag)}", frame, source)
            if got is not None:
                return got
        return None

    first = number(tags.RealWorldValueFirstValueMapped,
                   tags.DoubleFloatRealWorldValueFirstValueMapped)
    last = number(tags.RealWorldValueLastValueMapped,
                  tags.DoubleFloatRealWorldValueLastValueMapped)
    if first is None or last is None:
        raise FrameError("a Real World Value Mapping item has no first or last value mapped "
                         "(PS3.3 C.7.6.16.2.11)", source=source, frame=frame, tag_path=where)
    first_elem = item.get(tags.RealWorldValueFirstValueMapped)
    if first_elem is not None and first_elem.vr == "US":  # US or SS, read unsigned
        first = first - 65536 if first > 32767 and last < first else first
    slope = number(tags.RealWorldValueSlope)
    intercept = number(tags.RealWorldValueIntercept)
    table_elem = item.get(tags.RealWorldValueLUTData)
    table: Array | None = None
    if table_elem is not None and table_elem.value not in (None, b"", []):
        raw = table_elem.value
        if isinstance(raw, bytes | bytearray | memoryview):
            table = np.frombuffer(bytes(raw), "<f8").copy()
        else:
            table = np.asarray(raw if isinstance(raw, list | tuple) else [raw], np.float64)
        need = int(round(last - first)) + 1
        if len(table) != need:
            raise FrameError(f"Real World Value LUT Data has {len(table)} entries; first {first}"
                             f" to last {last} value mapped needs {need} (PS3.3 C.7.6.16.2.11.1)",
                             source=source, frame=frame,
                             tag_path=f"{where}.{_tag_path(tags.RealWorldValueLUTData)}")
    elif slope is None or intercept is None:
        raise FrameError("a Real World Value Mapping item has neither LUT Data nor slope and "
                         "intercept (PS3.3 C.7.6.16.2.11)", source=source, frame=frame,
                         tag_path=where)
    units_item = (_items(item, tags.MeasurementUnitsCodeSequence) or [None])[0]
    units = (_text(_value(units_item, tags.CodeValue)),
             _text(_value(units_item, tags.CodingSchemeDesignator)),
             _text(_value(units_item, tags.CodeMeaning)))
    return RealWorldValueMapping(first=first, last=last, slope=slope, intercept=intercept,
                                 lut=None if table is None else tuple(float(v) for v in table),
                                 label=_text(_value(item, tags.LUTLabel)),
                                 explanation=_text(_value(item, tags.LUTExplanation)),
                                 units=units)


def frame_info(ds: Any, index: int) -> FrameInfo:
    """The resolved attributes of frame ``index`` (0-based) of ``ds``.

    Parameters
    ----------
    ds
        A data set (:class:`dicomkit.Dataset`), enhanced multi-frame (PS3.3 C.7.6.16) or not.
    index
        The frame, 0-based.

    Raises
    ------
    FrameError
        A frame out of range, a Per-frame Functional Groups Sequence whose item count is not
        Number of Frames, an attribute with the wrong number of values or not numeric, a Real
        World Value Mapping item without its bounds or its mapping.
    """
    if isinstance(index, bool) or not isinstance(index, int | np.integer):
        raise FrameError(f"frame must be an int, not {index!r}", source=_source(ds))
    index = int(index)
    source = _source(ds)
    fields = _checked_fields()
    if _enhanced(ds):
        groups = _groups(ds, index)

        def get(name: str) -> tuple[Any, str]:
            seq, attr = fields[name]
            return _value(groups.get(seq), attr), _tag_path(seq, attr, index=0)
    else:
        count = _frame_count(ds)
        if not 0 <= index < count:
            raise FrameError(f"frame {index} does not exist: the image has {count} frame(s)",
                             source=source, frame=index,
                             tag_path=_tag_path(tags.NumberOfFrames))
        groups = {}

        def get(name: str) -> tuple[Any, str]:
            _seq, attr = fields[name]
            return _value(ds, attr), _tag_path(attr)

    def floats(name: str, count: int | None, what: str) -> tuple[float, ...] | None:
        value, where = get(name)
        return _floats(value, count, what, where, index, source)

    def one(name: str, what: str) -> float | None:
        value, where = get(name)
        return _float(value, what, where, index, source)

    def integer(name: str) -> int | None:
        value, where = get(name)
        got = _ints(value, name.replace("_", " "), where, index, source)
        return got[0] if got else None

    def integers(name: str) -> tuple[int, ...]:
        value, where = get(name)
        return _ints(value, name.replace("_", " "), where, index, source)

    spacing = floats("pixel_spacing", 2, "Pixel Spacing")
    position = floats("image_position", 3, "Image Position (Patient)")
    orientation = floats("image_orientation", 6, "Image Orientation (Patient)")
    if not _enhanced(ds) and position is not None and orientation is not None \
            and tags.GridFrameOffsetVector in ds:
        position = _grid_frame_position(ds, index, position, orientation)
    centers = floats("window_center", None, "Window Center") or ()
    widths = floats("window_width", None, "Window Width") or ()
    explanation_value, _ = get("window_explanation")
    explanations = (explanation_value if isinstance(explanation_value, list | tuple)
                    else [explanation_value] if explanation_value else [])
    function = _text(get("voi_lut_function")[0]) or "LINEAR"
    windows = tuple(Window(c, w, str(explanations[i]).strip() if i < len(explanations) else "",
                           function) for i, (c, w) in enumerate(zip(centers, widths)))
    if _enhanced(ds):
        rwv_items = _items(_rwv_parent(ds, index), _REAL_WORLD_VALUE_MAPPING)
        modality_luts: tuple[Any, ...] = ()
        voi_luts = tuple(_items(groups.get(_FRAME_VOI_LUT), tags.VOILUTSequence))
    else:
        rwv_items = _items(ds, _REAL_WORLD_VALUE_MAPPING)
        modality_luts = tuple(_items(ds, tags.ModalityLUTSequence))
        voi_luts = tuple(_items(ds, tags.VOILUTSequence))
    rwv_where = _tag_path(_REAL_WORLD_VALUE_MAPPING)
    mappings = tuple(_read_mapping(item, f"{rwv_where}[{i}]", index, source)
                     for i, item in enumerate(rwv_items))
    return FrameInfo(
        index=index,
        pixel_spacing=(spacing[0], spacing[1]) if spacing else None,
        slice_thickness=one("slice_thickness", "Slice Thickness"),
        spacing_between_slices=one("spacing_between_slices", "Spacing Between Slices"),
        image_position=(position[0], position[1], position[2]) if position else None,
        image_orientation=(orientation[0], orientation[1], orientation[2], orientation[3],
                           orientation[4], orientation[5]) if orientation else None,
        rescale_slope=one("rescale_slope", "Rescale Slope"),
        rescale_intercept=one("rescale_intercept", "Rescale Intercept"),
        rescale_type=_text(get("rescale_type")[0]),
        windows=windows,
        voi_lut_sequence=voi_luts,
        modality_lut_sequence=modality_luts,
        dimension_index_values=integers("dimension_index_values"),
        temporal_position_index=integer("temporal_position_index"),
        stack_id=_text(get("stack_id")[0]),
        in_stack_position_number=integer("in_stack_position_number"),
        frame_acquisition_datetime=_text(get("frame_acquisition_datetime")[0]),
        frame_reference_datetime=_text(get("frame_reference_datetime")[0]),
        frame_acquisition_number=integer("frame_acquisition_number"),
        temporal_position_time_offset=one("temporal_position_time_offset",
                                          "Temporal Position Time Offset"),
        real_world_value_mappings=mappings,
        groups=groups,
    )


def _grid_frame_position(ds: Any, index: int, position: tuple[float, ...],
                         orientation: tuple[float, ...]) -> tuple[float, ...]:
    """The position of frame ``index`` of a multi-frame RT Dose by its Grid Frame Offset
    Vector (PS3.3 C.8.8.3.2): offsets along row x column from Image Position (Patient) when
    the first is 0; patient z coordinates when the first equals Image Position's z and the
    orientation is (1,0,0,0,1,0)."""
    where = _tag_path(tags.GridFrameOffsetVector)
    offsets = _floats(_value(ds, tags.GridFrameOffsetVector), None, "Grid Frame Offset Vector",
                      where, index, _source(ds)) or ()
    count = _frame_count(ds)
    if count == 1:  # the one frame is at Image Position (Patient) in either form
        return position
    if len(offsets) != count:
        raise FrameError(f"Grid Frame Offset Vector has {len(offsets)} value(s) for {count} "
                         "frames (PS3.3 C.8.8.3.2)", source=_source(ds), frame=index,
                         tag_path=where)
    if offsets[0] == 0.0:
        normal = np.cross(np.asarray(orientation[:3]), np.asarray(orientation[3:]))
        placed = np.asarray(position) + offsets[index] * normal
        return tuple(float(v) for v in placed)
    if offsets[0] == position[2] and tuple(orientation) == (1.0, 0.0, 0.0, 0.0, 1.0, 0.0):
        return (position[0], position[1], offsets[index])
    raise FrameError(f"Grid Frame Offset Vector starts with {offsets[0]:g}: neither 0 (offsets "
                     "along the normal) nor the z of Image Position (Patient) with orientation "
                     "1\\0\\0\\0\\1\\0 (z coordinates), the two forms of PS3.3 C.8.8.3.2",
                     source=_source(ds), frame=index, tag_path=where)


def _rwv_parent(ds: Any, index: int) -> Any:
    """The functional groups item holding frame ``index``'s Real World Value Mapping
    Sequence: the per-frame one when it has it, else the shared one (C.7.6.16.1.1)."""
    per_frame = _items(ds, tags.PerFrameFunctionalGroupsSequence)
    if per_frame and _REAL_WORLD_VALUE_MAPPING in per_frame[index]:
        return per_frame[index]
    shared = _items(ds, tags.SharedFunctionalGroupsSequence)
    return shared[0] if shared else None


@dataclass(frozen=True, slots=True)
class Dimension:
    """One item of the Dimension Index Sequence (0020,9222) (PS3.3 C.7.6.17): the attribute
    whose values index the frames (``pointer``), the functional group sequence holding it
    (``group``, 0 when at the top level), its label and Dimension Organization UID."""

    pointer: int
    group: int
    label: str
    organization: str


def dimensions(ds: Any) -> tuple[Dimension, ...]:
    """The dimensions of a multi-frame instance, in the order of the Dimension Index Values of
    each frame (PS3.3 C.7.6.17, C.7.6.16.2.2.1); empty when it declares none.

    Raises
    ------
    FrameError
        A Dimension Index Sequence item without its Dimension Index Pointer.
    """
    out = []
    for i, item in enumerate(_items(ds, tags.DimensionIndexSequence)):
        pointer = _value(item, tags.DimensionIndexPointer)
        if pointer in (None, "", []):
            raise FrameError("a Dimension Index Sequence item has no Dimension Index Pointer "
                             "(PS3.3 C.7.6.17)", source=_source(ds),
                             tag_path=f"{_tag_path(tags.DimensionIndexSequence)}[{i}]."
                                      f"{_tag_path(tags.DimensionIndexPointer)}")
        group = _value(item, tags.FunctionalGroupPointer)
        pointer = pointer[0] if isinstance(pointer, list | tuple) else pointer
        group = group[0] if isinstance(group, list | tuple) else group
        try:
            tag_pointer = int(pointer)
            tag_group = int(group) if group not in (None, "") else 0
        except (TypeError, ValueError):
            raise FrameError(f"Dimension Index Sequence item {i}: pointers {pointer!r}, "
                             f"{group!r} are not tags (AT)", source=_source(ds),
                             tag_path=f"{_tag_path(tags.DimensionIndexSequence)}[{i}]") from None
        out.append(Dimension(tag_pointer, tag_group,
                             _text(_value(item, tags.DimensionDescriptionLabel)),
                             _text(_value(item, tags.DimensionOrganizationUID))))
    return tuple(out)


def dimension_values(ds: Any, index: int) -> dict[int, int]:
    """Frame ``index``'s Dimension Index Values by the pointer of their dimension (PS3.3
    C.7.6.16.2.2.1: value i indexes dimension i of the Dimension Index Sequence).

    Raises
    ------
    FrameError
        The frame's Dimension Index Values do not have one value per dimension.
    """
    declared = dimensions(ds)
    values = frame_info(ds, index).dimension_index_values
    if not declared and not values:
        return {}
    if len(values) != len(declared):
        raise FrameError(f"Dimension Index Values has {len(values)} value(s) for "
                         f"{len(declared)} dimension(s) of the Dimension Index Sequence "
                         "(PS3.3 C.7.6.16.2.2.1)", source=_source(ds), frame=index,
                         tag_path=_tag_path(_FRAME_CONTENT, tags.DimensionIndexValues, index=0))
    return {d.pointer: v for d, v in zip(declared, values)}


def iter_frame_info(ds: Any) -> Iterator[FrameInfo]:
    """:func:`frame_info` of every frame in turn."""
    for index in range(_frame_count(ds)):
        yield frame_info(ds, index)


def _stored(ds: Any, index: int) -> Array:
    info = PixelInfo.of(ds)
    if info.samples_per_pixel != 1:
        raise FrameError(f"pixel values are transformed for one sample per pixel; this image "
                         f"has {info.samples_per_pixel} ({info.photometric_interpretation})",
                         source=_source(ds), frame=index,
                         tag_path=_tag_path(tags.SamplesPerPixel))
    return pixel_arrays.pixel_array(ds, frame=index, as_rgb=False)


def modality_transform(stored: Array, info: FrameInfo, ds: Any) -> Array:
    """``stored`` through the modality transform ``info`` resolved (float64): the Modality LUT
    Sequence of a classic image (PS3.3 C.11.1), else Rescale Slope and Intercept or the frame's
    Pixel Value Transformation (C.7.6.16.2.9); identity when neither is present."""
    if info.modality_lut_sequence:
        first, _bits, values = lut.lut_from(info.modality_lut_sequence[0])
        first = lut.signed_first(first, ds)
        return lut.apply_lut(stored, first, values).astype(np.float64)
    slope = info.rescale_slope if info.rescale_slope is not None else 1.0
    intercept = info.rescale_intercept if info.rescale_intercept is not None else 0.0
    return stored.astype(np.float64) * slope + intercept


def modality_values(ds: Any, index: int) -> Array:
    """Frame ``index``'s modality values (float64): the stored values through the frame's Pixel
    Value Transformation (PS3.3 C.7.6.16.2.9, Rescale Slope and Intercept), or for a classic
    image the Modality LUT Sequence or rescale of the top level (C.11.1); identity when none.

    Raises
    ------
    FrameError
        What :func:`frame_info` raises; an image with more than one sample per pixel.
    PixelDataError
        What decoding the frame raises.
    """
    info = frame_info(ds, index)
    return modality_transform(_stored(ds, index), info, ds)


def voi_values(ds: Any, index: int, *, window: int = 0, y_range: tuple[float, float] = (0.0, 1.0)
               ) -> Array:
    """Frame ``index`` through its modality transform and its VOI (PS3.3 C.11.2): the frame's
    VOI LUT Sequence item ``window`` when it has one (C.7.6.16.2.10b), else its window
    ``window`` with its VOI LUT Function, mapped onto ``y_range``; the modality values when
    the frame has no VOI.

    Raises
    ------
    FrameError
        ``window`` names no window or LUT of the frame; what :func:`modality_values` raises.
    """
    info = frame_info(ds, index)
    values = modality_transform(_stored(ds, index), info, ds)
    low, high = y_range
    if info.voi_lut_sequence:
        if not 0 <= window < len(info.voi_lut_sequence):
            raise FrameError(f"frame {index} has {len(info.voi_lut_sequence)} VOI LUT(s), not "
                             f"{window + 1}", source=_source(ds), frame=index,
                             tag_path=_tag_path(tags.VOILUTSequence))
        first, bits, table = lut.lut_from(info.voi_lut_sequence[window])
        mapped = lut.apply_lut(values, first, table).astype(np.float64)
        top = float((1 << bits) - 1)
        return mapped / top * (high - low) + low
    if not info.windows:
        return values
    if not 0 <= window < len(info.windows):
        raise FrameError(f"frame {index} has {len(info.windows)} window(s), not {window + 1}",
                         source=_source(ds), frame=index, tag_path=_tag_path(tags.WindowCenter))
    chosen = info.windows[window]
    return lut.apply_windowing(values, chosen.center, chosen.width, chosen.function, low, high)


def real_world_values(ds: Any, index: int, *, mapping: int | str = 0) -> tuple[Array, tuple[
        str, str, str]]:
    """Frame ``index``'s real world values (float64) and their units, through the frame's
    Real World Value Mapping (PS3.3 C.7.6.16.2.11): the item numbered ``mapping``, or the one
    whose LUT Label or units code value is ``mapping``.  Stored values no chosen mapping
    covers are NaN; when several items share the label, each stored value takes the first
    item whose range covers it.

    Raises
    ------
    FrameError
        The frame has no mapping, or none that ``mapping`` names.
    """
    info = frame_info(ds, index)
    maps = info.real_world_value_mappings
    if not maps:
        raise FrameError("the frame has no Real World Value Mapping Sequence (PS3.3 "
                         "C.7.6.16.2.11)", source=_source(ds), frame=index,
                         tag_path=_tag_path(_REAL_WORLD_VALUE_MAPPING))
    if isinstance(mapping, str):
        chosen = [m for m in maps if mapping in (m.label, m.units[0])]
        if not chosen:
            names = ", ".join(repr(m.label) for m in maps)
            raise FrameError(f"no Real World Value Mapping labelled or in units {mapping!r}; "
                             f"the frame has {names}", source=_source(ds), frame=index,
                             tag_path=_tag_path(_REAL_WORLD_VALUE_MAPPING))
    else:
        if not -len(maps) <= mapping < len(maps):
            raise FrameError(f"the frame has {len(maps)} Real World Value Mapping(s), not "
                             f"{mapping + 1}", source=_source(ds), frame=index,
                             tag_path=_tag_path(_REAL_WORLD_VALUE_MAPPING))
        chosen = [maps[mapping]]
    stored = _stored(ds, index)
    out = np.full(stored.shape, np.nan)
    for item in reversed(chosen):  # the first covering item wins
        covered = item.covers(stored)
        out = np.where(covered, item.apply(stored), out)
    return out, chosen[0].units


def display_values(ds: Any, index: int, *, window: int = 0,
                   center_width: tuple[float, float] | None = None,
                   supplemental_palette: bool = True) -> Array:
    """Frame ``index`` as 8-bit display values, as :func:`dicomkit.pixels.render.render` gives
    a classic image, but through the frame's own transforms (PS3.4 N.2): its modality values,
    then ``center_width`` (a LINEAR window, PS3.3 C.11.2.1.2.1) when given, else its VOI
    (:func:`voi_values` item ``window``), else its value range, onto 0..255; then the
    Presentation LUT (MONOCHROME1 and INVERSE invert, C.11.6).  With a Supplemental Palette
    Color LUT (PS3.3 C.7.6.19) and ``supplemental_palette``: RGB, the stored values from the
    palette's first value mapped in colour (C.8.16.2.1.1.1); else ``(rows, cols)``.

    Raises
    ------
    FrameError
        As :func:`voi_values`.
    """
    info = frame_info(ds, index)
    stored = _stored(ds, index)
    values = modality_transform(stored, info, ds)
    if center_width is not None:
        shown = lut.apply_windowing(values, center_width[0], center_width[1], "LINEAR", 0.0,
                                    255.0)
    elif info.windows or info.voi_lut_sequence:
        shown = voi_values(ds, index, window=window, y_range=(0.0, 255.0))
    else:
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
        shown = (values - low) * (255.0 / (high - low)) if high > low else np.where(
            values > low, 255.0, 0.0)
    gray8 = np.clip(np.rint(shown), 0, 255).astype(np.uint8)
    presented = lut.apply_presentation_lut(gray8, ds, low=0.0, high=255.0)
    gray: Array = np.clip(np.rint(presented * 255.0), 0, 255).astype(np.uint8)
    if supplemental_palette and lut.has_palette(ds):
        return lut.apply_supplemental_palette(stored, gray, ds)
    return gray
