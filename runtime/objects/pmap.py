"""Parametric Map instances: float and double pixel data with a Real World Value mapping.

PS3.3 A.75 (Parametric Map IOD), C.8.32 (Parametric Map Series and Image Modules), C.7.6.24
and C.7.6.25 (Floating Point and Double Floating Point Image Pixel Modules), C.7.6.16.2.11
(Real World Value Mapping).  :func:`create_parametric_map` writes one frame per source frame
(Float Pixel Data for float32, Double Float Pixel Data for float64), with the mapping of stored
values to real-world values (slope, intercept, units and quantity) in the shared functional
groups; :class:`ParametricMap` reads one back: stored values or real-world values, aligned with
the source frames.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.objects.codes import CID_SOURCE_IMAGE_PURPOSE, group_code
from dicomkit.objects.derivation import (
    align_frames,
    fg_value,
    floats,
    frame_source,
    geometry,
    position_indices,
    source_count,
)
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.instance import (
    item,
    new_instance,
    put,
    referenced_series,
    same_study,
    sequence,
    tag_vr,
    text,
)
from dicomkit.sr.code import Code

__all__ = ["ParametricMap", "RealWorldValueMapping", "create_parametric_map"]


@dataclass(frozen=True)
class RealWorldValueMapping:
    """One Real World Value Mapping item (PS3.3 C.7.6.16-12b): real = stored * slope + intercept
    for stored values in [first, last].

    Attributes
    ----------
    units
        Measurement Units Code Sequence (UCUM, e.g. ``Code("mm2/s", "UCUM", "mm2/s")``).
    label, explanation
        LUT Label and LUT Explanation.
    slope, intercept
        Real World Value Slope and Intercept.
    first, last
        The stored values mapped (Double Float Real World Value First/Last Value Mapped).
    quantity
        The quantity (a Quantity Definition Sequence item with concept Quantity), optional.
    """

    units: Code
    label: str = "value"
    explanation: str = ""
    slope: float = 1.0
    intercept: float = 0.0
    first: float = -1e38
    last: float = 1e38
    quantity: Code | None = None

    def apply(self, stored: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Real-world values of ``stored`` (NaN outside [first, last])."""
        values = stored.astype(np.float64) * self.slope + self.intercept
        out: np.ndarray[Any, Any] = np.where((stored >= self.first) & (stored <= self.last),
                                             values, np.nan)
        return out

    def to_item(self) -> Dataset:
        ds = item(DoubleFloatRealWorldValueFirstValueMapped=float(self.first),
                  DoubleFloatRealWorldValueLastValueMapped=float(self.last),
                  RealWorldValueIntercept=float(self.intercept),
                  RealWorldValueSlope=float(self.slope),
                  LUTExplanation=self.explanation or self.label, LUTLabel=self.label,
                  MeasurementUnitsCodeSequence=[self.units.to_item()])
        if self.quantity is not None:
            put(ds, "QuantityDefinitionSequence", [_quantity_item(self.quantity)])
        return ds

    @classmethod
    def from_item(cls, ds: Dataset) -> RealWorldValueMapping:
        units = sequence(ds, "MeasurementUnitsCodeSequence")
        if not units:
            raise ObjectError("Measurement Units Code Sequence missing (PS3.3 C.7.6.16-12b)",
                              tag_path="RealWorldValueMappingSequence")

        def num(*keywords: str, default: float) -> float:
            for kw in keywords:
                el = ds.get(tag_vr(kw)[0])
                if el is not None and el.value not in (None, ""):
                    v = el.value[0] if isinstance(el.value, list | tuple) else el.value
                    return float(v)
            return default

        quantity = None
        for q in sequence(ds, "QuantityDefinitionSequence"):
            codes = sequence(q, "ConceptCodeSequence")
            if codes:
                quantity = Code.from_item(codes[0])
        return cls(units=Code.from_item(units[0]), label=text(ds, "LUTLabel"),
                   explanation=text(ds, "LUTExplanation"),
                   slope=num("RealWorldValueSlope", default=1.0),
                   intercept=num("RealWorldValueIntercept", default=0.0),
                   first=num("DoubleFloatRealWorldValueFirstValueMapped",
                             "RealWorldValueFirstValueMapped", default=-np.inf),
                   last=num("DoubleFloatRealWorldValueLastValueMapped",
                            "RealWorldValueLastValueMapped", default=np.inf),
                   quantity=quantity)


def _quantity_item(quantity: Code) -> Dataset:
    """A Content Item Macro (PS3.3 10.2.1-1) item: CODE, concept (SCT 246205007 "Quantity", as
    TID 1419 names it; from CID 9000, the generated group that lists it), value ``quantity``."""
    concept = group_code(9000, "246205007")
    return item(ValueType="CODE", ConceptNameCodeSequence=[concept.to_item()],
                ConceptCodeSequence=[quantity.to_item()])


def create_parametric_map(
        sources: Sequence[Dataset], values: np.ndarray[Any, Any],
        mapping: RealWorldValueMapping, *, derivation: Code, content_label: str = "PARAMETRIC_MAP",
        content_description: str = "", content_creator: str = "",
        window: tuple[float, float] | None = None,
        content_qualification: str = "RESEARCH", image_flavor: str = "VOLUME",
        derived_pixel_contrast: str = "NONE", recognizable_visual_features: bool = False,
        series_instance_uid: str | None = None, series_number: int = 1,
        instance_number: int = 1, series_description: str = "", manufacturer: str = "dicomkit",
        model_name: str = "dicomkit", software_versions: str = "dicomkit",
        device_serial_number: str = "1", content_datetime: datetime.datetime | None = None,
        uid_prefix: str | None = None) -> Dataset:
    """A new Parametric Map instance (PS3.3 A.75) of ``values`` over ``sources``.

    Parameters
    ----------
    sources
        The source images, one per frame of ``values`` in the same order (single-frame images,
        or one multi-frame image).
    values
        ``(frames, rows, columns)`` float32 (Float Pixel Data) or float64 (Double Float Pixel
        Data) stored values.
    mapping
        Their Real World Value mapping (slope, intercept, units, quantity).
    derivation
        How the values were derived from the sources: Derivation Code Sequence (CID 7203 Image
        Derivation, e.g. ``group_code(7203, "129105")`` Diffusion image analysis).
    image_flavor, derived_pixel_contrast
        Values 3 and 4 of Image Type and Frame Type (PS3.3 C.8.16.1.1, C.8.16.1.4 Defined
        Terms).
    window
        Window Center and Width of the Frame VOI LUT (default: the range of the values).

    Raises
    ------
    ObjectError
        Values that are not floats, of another shape or frame count than the sources; NaN or
        infinite values; sources of several studies.
    """
    values = np.asarray(values)
    if values.ndim == 2:
        values = values[None]
    if values.dtype not in (np.float32, np.float64):
        raise ObjectError(f"values of type {values.dtype}: float32 (Float Pixel Data) or float64 "
                          "(Double Float Pixel Data), PS3.3 C.7.6.24, C.7.6.25")
    if values.ndim != 3:
        raise ObjectError(f"values of shape {values.shape}: (frames, rows, columns)")
    if not np.isfinite(values).all():
        raise ObjectError("values hold NaN or infinity; give a Float Pixel Padding Value "
                          "instead (not written by this builder)")
    same_study(sources)
    geo = geometry(sources)
    if values.shape[0] != len(geo.frames):
        raise ObjectError(f"values have {values.shape[0]} frames, the sources {len(geo.frames)}")
    if values.shape[1:] != (geo.rows, geo.columns):
        raise ObjectError(f"value frames are {values.shape[1]}x{values.shape[2]}, the source "
                          f"images {geo.rows}x{geo.columns}")
    if geo.spacing is None:
        raise ObjectError("the source images have no Pixel Spacing: a parametric map needs the "
                          "Pixel Measures functional group (PS3.3 A.75, mandatory)")
    source = sources[0]
    if tag_vr("FrameOfReferenceUID")[0] not in source:
        raise ObjectError("the source images have no Frame of Reference UID: the Frame of "
                          "Reference Module is mandatory in a parametric map (PS3.3 A.75)")
    double = values.dtype == np.float64
    ds = new_instance(uids.ParametricMapStorage, source, modality=text(source, "Modality", "OT"),
                      series_instance_uid=series_instance_uid, series_number=series_number,
                      instance_number=instance_number, series_description=series_description,
                      manufacturer=manufacturer, model_name=model_name,
                      software_versions=software_versions,
                      device_serial_number=device_serial_number,
                      content_datetime=content_datetime, uid_prefix=uid_prefix,
                      laterality=True)
    frame_type = ["DERIVED", "PRIMARY", image_flavor, derived_pixel_contrast]
    put(ds, "ImageType", frame_type)
    put(ds, "ContentLabel", content_label)
    put(ds, "ContentDescription", content_description)
    put(ds, "ContentCreatorName", content_creator)
    put(ds, "SamplesPerPixel", 1)
    put(ds, "PhotometricInterpretation", "MONOCHROME2")
    put(ds, "Rows", geo.rows)
    put(ds, "Columns", geo.columns)
    put(ds, "BitsAllocated", 64 if double else 32)
    put(ds, "PresentationLUTShape", "IDENTITY")
    put(ds, "LossyImageCompression", "00")
    put(ds, "BurnedInAnnotation", "NO")
    put(ds, "RecognizableVisualFeatures", "YES" if recognizable_visual_features else "NO")
    put(ds, "ContentQualification", content_qualification)
    put(ds, "AcquisitionContextSequence", [])

    positions = position_indices(geo)
    order = sorted(range(len(geo.frames)), key=lambda i: positions[i] if positions else i)
    dim_uid = generate_uid(uid_prefix)
    put(ds, "DimensionOrganizationSequence", [item(DimensionOrganizationUID=dim_uid)])
    if positions is not None:
        dims = [item(DimensionOrganizationUID=dim_uid,
                     DimensionIndexPointer=tags.ImagePositionPatient,
                     FunctionalGroupPointer=tags.PlanePositionSequence,
                     DimensionDescriptionLabel="Image Position Patient")]
    else:
        dims = [item(DimensionOrganizationUID=dim_uid,
                     DimensionIndexPointer=tag_vr("InStackPositionNumber")[0],
                     FunctionalGroupPointer=tag_vr("FrameContentSequence")[0],
                     DimensionDescriptionLabel="In-Stack Position Number")]
    put(ds, "DimensionIndexSequence", dims)

    lo, hi = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
    center, width = window if window is not None else ((lo + hi) / 2, max(hi - lo, 1e-6))
    shared = Dataset()
    measures = item(PixelSpacing=geo.spacing)
    if geo.thickness is not None:
        put(measures, "SliceThickness", geo.thickness)
    put(shared, "PixelMeasuresSequence", [measures])
    if geo.orientation is not None:
        put(shared, "PlaneOrientationSequence", [item(ImageOrientationPatient=geo.orientation)])
    put(shared, "PixelValueTransformationSequence",
        [item(RescaleIntercept=0, RescaleSlope=1, RescaleType="US")])
    put(shared, "FrameVOILUTSequence", [item(WindowCenter=_ds(center), WindowWidth=_ds(width))])
    put(shared, "RealWorldValueMappingSequence", [mapping.to_item()])
    put(shared, "ParametricMapFrameTypeSequence", [item(FrameType=frame_type)])
    put(ds, "SharedFunctionalGroupsSequence", [shared])

    purpose = group_code(CID_SOURCE_IMAGE_PURPOSE, "121322")
    per_frame = []
    for k, i in enumerate(order):
        f = geo.frames[i]
        ref = item(ReferencedSOPClassUID=f.sop_class, ReferencedSOPInstanceUID=f.sop_instance,
                   PurposeOfReferenceCodeSequence=[purpose.to_item()],
                   SpatialLocationsPreserved="YES")
        if f.frame is not None:
            put(ref, "ReferencedFrameNumber", f.frame)
        content = item(DimensionIndexValues=positions[i] if positions is not None else k + 1)
        if positions is None:
            put(content, "InStackPositionNumber", k + 1)
            put(content, "StackID", "1")
        fg = item(DerivationImageSequence=[item(DerivationCodeSequence=[derivation.to_item()],
                                                SourceImageSequence=[ref])],
                  FrameContentSequence=[content])
        if f.position is not None:
            put(fg, "PlanePositionSequence", [item(ImagePositionPatient=list(f.position))])
        per_frame.append(fg)
    put(ds, "PerFrameFunctionalGroupsSequence", per_frame)
    put(ds, "NumberOfFrames", len(order))
    put(ds, "ReferencedSeriesSequence", referenced_series(
        sources if len(sources) > 1 or geo.frames[0].frame is None else sources[:1]))
    data = np.ascontiguousarray(values[np.asarray(order)], dtype="<f8" if double else "<f4")
    keyword = "DoubleFloatPixelData" if double else "FloatPixelData"
    tag, vr = tag_vr(keyword)
    ds.put_element(DataElement(tag, vr, data.tobytes()))
    return ds


def _ds(value: float) -> str:
    """A decimal string of at most 16 characters (PS3.5 DS)."""
    for digits in range(10, 0, -1):
        out = f"{value:.{digits}g}"
        if len(out) <= 16:
            return out
    return f"{value:.1e}"


class ParametricMap:
    """A Parametric Map instance read.

    Attributes
    ----------
    dataset
        The data set.
    mapping
        The Real World Value mapping of the shared functional groups (or of the first frame).
    frame_sources
        ``(SOP Instance UID, frame number or None)`` of the source of each frame, or None.
    """

    def __init__(self, ds: Dataset) -> None:
        self.dataset = ds
        try:
            self._read()
        except DicomError as exc:
            if isinstance(exc, ObjectError) and exc.source:
                raise
            raise ObjectError(getattr(exc, "reason", str(exc)), source=ds.filename) from None
        except (TypeError, ValueError, IndexError, KeyError, AttributeError,
                OverflowError) as exc:
            raise ObjectError(f"malformed value ({type(exc).__name__}: {exc})",
                              source=ds.filename) from None

    def _read(self) -> None:
        ds = self.dataset
        sop = text(ds, "SOPClassUID")
        if sop != uids.ParametricMapStorage:
            raise ObjectError(f"SOP Class {sop or '(none)'} is not Parametric Map Storage "
                              f"({uids.ParametricMapStorage}, PS3.4 B.5)")
        self.rows, self.columns = int(ds.Rows), int(ds.Columns)
        nf = ds.get(tags.NumberOfFrames)
        self.number_of_frames = int(nf.value) if nf is not None and nf.value not in (None, "") \
            else 1
        shared = sequence(ds, "SharedFunctionalGroupsSequence")
        per_frame = sequence(ds, "PerFrameFunctionalGroupsSequence")
        if per_frame and len(per_frame) != self.number_of_frames:
            raise ObjectError(f"{len(per_frame)} per-frame functional group items for "
                              f"{self.number_of_frames} frames (PS3.3 C.7.6.16)")
        mapping = None
        for g in shared + per_frame[:1]:
            items = sequence(g, "RealWorldValueMappingSequence")
            if items:
                mapping = RealWorldValueMapping.from_item(items[0])
                break
        if mapping is None:
            raise ObjectError("no Real World Value Mapping functional group (mandatory, PS3.3 "
                              "A.75)")
        self.mapping = mapping
        self.frame_sources: list[tuple[str, int | None] | None] = []
        self.frame_positions: list[tuple[float, ...] | None] = []
        for i in range(self.number_of_frames):
            groups = ([per_frame[i]] if per_frame else []) + shared
            self.frame_sources.append(frame_source(groups))
            pos = floats(fg_value(groups, "PlanePositionSequence", "ImagePositionPatient"))
            self.frame_positions.append(tuple(pos) if pos else None)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> ParametricMap:
        """Read a Parametric Map file."""
        from dicomkit.io.reader import read

        return cls(read(path))

    def stored_values(self) -> np.ndarray[Any, Any]:
        """Every frame's stored values ``(frames, rows, columns)`` (float32 or float64; integer
        Pixel Data through the pixel layer)."""
        ds = self.dataset
        count = self.number_of_frames * self.rows * self.columns
        for keyword, dtype in (("FloatPixelData", "<f4"), ("DoubleFloatPixelData", "<f8")):
            el = ds.get(tag_vr(keyword)[0])
            if el is not None:
                data = el.value
                if not isinstance(data, bytes | bytearray) or len(data) < count * int(dtype[-1]):
                    raise ObjectError(f"{keyword} holds {len(data or b'')} bytes, "
                                      f"{count * int(dtype[-1])} needed", source=ds.filename,
                                      tag_path=keyword)
                return np.frombuffer(data, dtype, count).reshape(
                    self.number_of_frames, self.rows, self.columns)
        from dicomkit.pixels.array import pixel_array

        try:
            arr = np.asarray(pixel_array(ds))
        except DicomError as exc:
            raise ObjectError(f"no pixel data that can be read: {exc}",
                              source=ds.filename) from None
        return arr.reshape(self.number_of_frames, self.rows, self.columns)

    def values(self, sources: Sequence[Dataset | str] | None = None, *,
               real_world: bool = True) -> np.ndarray[Any, Any]:
        """The frames as real-world values (float64, :attr:`mapping` applied) or stored values,
        in stored order or aligned with ``sources`` (NaN where a source frame has no frame)."""
        stored = self.stored_values()
        out = self.mapping.apply(stored) if real_world else stored
        if sources is None:
            return out
        index = align_frames(self.frame_sources, self.frame_positions, sources)
        aligned = np.full((source_count(sources), self.rows, self.columns), np.nan,
                          dtype=np.float64 if real_world else stored.dtype)
        for f, j in enumerate(index):
            if j is not None:
                aligned[j] = out[f]
        return aligned
