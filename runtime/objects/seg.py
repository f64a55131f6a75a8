"""Segmentation (SEG) instances: create from numpy masks, read back into masks or a label map.

PS3.3 A.51 (Segmentation IOD), C.8.20 (Segmentation Series and Image Modules), C.8.20-4
(Segment Description Macro), C.7.6.16 (Multi-frame Functional Groups), C.7.6.17 (Multi-frame
Dimension).  A segmentation is a multi-frame image: each frame holds one segment over one source
frame; the Segment Identification functional group says which segment, the Derivation Image
group which source frame, Plane Position which place.

:func:`create_segmentation` writes BINARY (1 bit per pixel, frames packed without padding, PS3.5
8.1.1) or FRACTIONAL (8 bits, PROBABILITY or OCCUPANCY up to Maximum Fractional Value) from a
label map or per-segment masks aligned with a series of single-frame images or the frames of one
multi-frame image.  The label map segmentation type of recent editions (LABELMAP) is not in the
PS3.3 on hand (2024c), so it is refused with that reason.

:class:`Segmentation` reads any SEG: its segment descriptions and, aligned with source frames
given in the caller's order, per-segment masks or a label map.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, Final, TypeVar

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.generated.modules import MODULES
from dicomkit.io.reader import encoded_sequence, item_values
from dicomkit.io.writer import encode_dataset, encode_items
from dicomkit.objects.codes import (
    CID_IMAGE_DERIVATION,
    CID_SOURCE_IMAGE_PURPOSE,
    group_code,
)
from dicomkit.objects.derivation import (
    Geometry,
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
    element,
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

__all__ = ["SegmentDescription", "Segmentation", "create_segmentation"]

_T = TypeVar("_T")

#: PS3.3 C.8.20-2 Segmentation Image Module, the table the enumerated values come from.
_SEGMENTATION_IMAGE: Final = "C.8.20-2"
#: PS3.3 C.8.20-4 Segment Description Macro.
_SEGMENT_DESCRIPTION: Final = "C.8.20-4"


@cache
def enumerated(label: str, tag: int) -> tuple[str, ...]:
    """The Enumerated Values of attribute ``tag`` in the generated table ``label`` (PS3.3)."""
    from dicomkit.generated.macros import MACROS

    table = MODULES.get(label) or MACROS.get(label)
    if table is None:
        raise ObjectError(f"PS3.3 table {label} is not in the generated tables")
    for row in table[3]:
        if row[0] == "attr" and row[2] == tag and row[8] == "enumerated":
            return tuple(row[9])
    return ()


def segmentation_types() -> tuple[str, ...]:
    """Segmentation Type (0062,0001) Enumerated Values of the PS3.3 on hand (C.8.20-2)."""
    return enumerated(_SEGMENTATION_IMAGE, tags.SegmentationType)


def algorithm_types() -> tuple[str, ...]:
    """Segment Algorithm Type (0062,0008) Enumerated Values (PS3.3 C.8.20-4)."""
    return enumerated(_SEGMENT_DESCRIPTION, tags.SegmentAlgorithmType)


#: Segmentation Fractional Type (0062,0010) Enumerated Values (PS3.3 C.8.20.2.3); the table
#: row refers to the section's prose, so the values are not in the generated table.
FRACTIONAL_TYPES: Final = ("PROBABILITY", "OCCUPANCY")


@dataclass(frozen=True)
class SegmentDescription:
    """One item of the Segment Sequence (PS3.3 C.8.20-4 Segment Description Macro).

    Attributes
    ----------
    label
        Segment Label (0062,0005).
    category
        Segmented Property Category (CID 7150, :func:`dicomkit.objects.codes.find_code`).
    property_type
        Segmented Property Type (CID 7151 and the groups it includes).
    algorithm_type
        Segment Algorithm Type: AUTOMATIC, SEMIAUTOMATIC or MANUAL.
    algorithm_name
        Segment Algorithm Name, required unless MANUAL (C.8.20-2).
    algorithm_family, algorithm_version
        With ``algorithm_name``: the Segmentation Algorithm Identification Sequence (Algorithm
        Identification Macro, PS3.3 10-19; family from CID 7162).
    description
        Segment Description (0062,0006), optional.
    tracking_id, tracking_uid
        Tracking ID and UID (both or neither, C.8.20-4).
    anatomic_region
        Anatomic Region Sequence (PS3.3 10-5, CID 4), optional.
    cielab
        Recommended Display CIELab Value (three values 0-65535), optional.
    number
        Segment Number, set when read; :func:`create_segmentation` numbers segments from 1.
    """

    label: str
    category: Code
    property_type: Code
    algorithm_type: str = "MANUAL"
    algorithm_name: str = ""
    algorithm_family: Code | None = None
    algorithm_version: str = ""
    description: str = ""
    tracking_id: str = ""
    tracking_uid: str = ""
    anatomic_region: Code | None = None
    cielab: tuple[int, int, int] | None = None
    number: int = 0

    def to_item(self, number: int) -> Dataset:
        """The Segment Sequence item of this segment as number ``number``."""
        if self.algorithm_type not in algorithm_types():
            raise ObjectError(f"Segment Algorithm Type {self.algorithm_type!r}: one of "
                              f"{', '.join(algorithm_types())} (PS3.3 C.8.20-4)")
        if self.algorithm_type != "MANUAL" and not self.algorithm_name:
            raise ObjectError(f"segment {number} ({self.label}): an {self.algorithm_type} "
                              "segment needs an algorithm name (Segment Algorithm Name, PS3.3 "
                              "C.8.20-2)")
        if bool(self.tracking_id) != bool(self.tracking_uid):
            raise ObjectError(f"segment {number} ({self.label}): Tracking ID and Tracking UID "
                              "go together (PS3.3 C.8.20-4)")
        ds = item(SegmentNumber=number, SegmentLabel=self.label,
                  SegmentAlgorithmType=self.algorithm_type,
                  SegmentedPropertyCategoryCodeSequence=[self.category.to_item()],
                  SegmentedPropertyTypeCodeSequence=[self.property_type.to_item()])
        if self.description:
            put(ds, "SegmentDescription", self.description)
        if self.algorithm_name:
            put(ds, "SegmentAlgorithmName", self.algorithm_name)
            if self.algorithm_family is not None:
                put(ds, "SegmentationAlgorithmIdentificationSequence", [item(
                    AlgorithmFamilyCodeSequence=[self.algorithm_family.to_item()],
                    AlgorithmName=self.algorithm_name,
                    AlgorithmVersion=self.algorithm_version or "unknown")])
        if self.tracking_id:
            put(ds, "TrackingID", self.tracking_id)
            put(ds, "TrackingUID", self.tracking_uid)
        if self.anatomic_region is not None:
            put(ds, "AnatomicRegionSequence", [self.anatomic_region.to_item()])
        if self.cielab is not None:
            put(ds, "RecommendedDisplayCIELabValue", list(self.cielab))
        return ds

    @classmethod
    def from_item(cls, ds: Dataset, index: int = 0) -> SegmentDescription:
        """Read one Segment Sequence item."""
        where = f"SegmentSequence[{index}]"
        number = ds.get(tags.SegmentNumber)
        if number is None or number.value in (None, ""):
            raise ObjectError("Segment Number missing (PS3.3 C.8.20-4)", tag_path=where)

        def code(keyword: str, required: bool) -> Code | None:
            items = sequence(ds, keyword)
            if not items:
                if required:
                    raise ObjectError(f"{keyword} missing or empty (PS3.3 C.8.20-4)",
                                      tag_path=where)
                return None
            try:
                return Code.from_item(items[0])
            except Exception as exc:
                raise ObjectError(str(exc), tag_path=f"{where}.{keyword}[0]") from None

        category = code("SegmentedPropertyCategoryCodeSequence", True)
        ptype = code("SegmentedPropertyTypeCodeSequence", True)
        assert category is not None and ptype is not None
        family = None
        version = ""
        algo = sequence(ds, "SegmentationAlgorithmIdentificationSequence")
        if algo:
            fam = sequence(algo[0], "AlgorithmFamilyCodeSequence")
            family = Code.from_item(fam[0]) if fam else None
            version = text(algo[0], "AlgorithmVersion")
        lab = ds.get(tag_vr("RecommendedDisplayCIELabValue")[0])
        cielab = None
        if lab is not None and lab.value is not None:
            values = list(lab.value) if isinstance(lab.value, list | tuple) else [lab.value]
            if len(values) == 3:
                cielab = (int(values[0]), int(values[1]), int(values[2]))
        return cls(label=text(ds, "SegmentLabel"), category=category, property_type=ptype,
                   algorithm_type=text(ds, "SegmentAlgorithmType"),
                   algorithm_name=text(ds, "SegmentAlgorithmName"), algorithm_family=family,
                   algorithm_version=version, description=text(ds, "SegmentDescription"),
                   tracking_id=text(ds, "TrackingID"), tracking_uid=text(ds, "TrackingUID"),
                   anatomic_region=code("AnatomicRegionSequence", False), cielab=cielab,
                   number=int(number.value))


# ------------------------------------------------------------------------------------------------
# source frames and their geometry
# ------------------------------------------------------------------------------------------------

_READ_ERRORS = (TypeError, ValueError, IndexError, KeyError, AttributeError, OverflowError)


def _guarded(what: str, source: str, call: Callable[[], _T]) -> _T:
    """Run ``call``, turning the errors of malformed values into an :class:`ObjectError`."""
    try:
        return call()
    except ObjectError as exc:
        if exc.source:
            raise
        raise ObjectError(exc.reason, source=source, tag_path=exc.tag_path) from None
    except DicomError:
        raise
    except _READ_ERRORS as exc:
        raise ObjectError(f"{what}: malformed value ({type(exc).__name__}: {exc})",
                          source=source) from None


# ------------------------------------------------------------------------------------------------
# creation
# ------------------------------------------------------------------------------------------------

class _Masks:
    """The masks given to :func:`create_segmentation`, checked, with the occupancy of each
    (source frame, segment) and the stored frames of a list of them.  A label map is never
    expanded into one mask per segment (100 segments over 200 frames of 512x512 would take
    5 GB): its frames are made per segment when packed."""

    def __init__(self, masks: np.ndarray[Any, Any], nsegments: int, nframes: int,
                 segmentation_type: str, max_fractional_value: int) -> None:
        if masks.ndim == 2:
            masks = masks[None]
        if masks.shape[0] != nframes:
            raise ObjectError(f"masks have {masks.shape[0]} frames, the sources {nframes}: one "
                              "mask frame per source frame, in the sources' order")
        self.label_map = masks.ndim == 3
        if self.label_map:
            if segmentation_type != "BINARY":
                raise ObjectError("a label map makes a BINARY segmentation; FRACTIONAL needs "
                                  "masks shaped (frames, rows, columns, segments)")
            if masks.dtype.kind not in "iub":
                raise ObjectError(f"a label map holds integers (segment numbers), not "
                                  f"{masks.dtype}")
            if masks.size and (int(masks.max()) > nsegments or (
                    masks.dtype.kind == "i" and int(masks.min()) < 0)):  # (unsigned: >= 0)
                raise ObjectError(f"label map values run from {int(masks.min())} to "
                                  f"{int(masks.max())}; segments are 1..{nsegments}, 0 "
                                  "background")
            self.occupied: np.ndarray[Any, Any] = np.zeros((nframes, nsegments), bool)
            for i in range(nframes):
                counts = np.bincount(masks[i].ravel(), minlength=nsegments + 1)
                self.occupied[i] = counts[1:nsegments + 1] > 0
            self.overlap = False
        elif masks.ndim != 4 or masks.shape[3] != nsegments:
            raise ObjectError(f"masks of shape {masks.shape}: (frames, rows, columns) label map "
                              f"or (frames, rows, columns, {nsegments}) with one mask per "
                              "segment")
        elif segmentation_type == "BINARY":
            if masks.dtype != np.bool_:
                if masks.dtype.kind not in "iuf" or ((masks != 0) & (masks != 1)).any():
                    raise ObjectError("BINARY masks hold booleans (or 0 and 1)")
                masks = masks.astype(bool)
            self.occupied = np.asarray(masks.any(axis=(1, 2)))
            self.overlap = bool((masks.sum(axis=3, dtype=np.uint16) > 1).any())
        else:
            if masks.dtype.kind not in "fiub":
                raise ObjectError(f"FRACTIONAL masks hold numbers in [0, 1], not {masks.dtype}")
            if masks.size and (float(masks.min()) < 0 or float(masks.max()) > 1):
                raise ObjectError(f"FRACTIONAL masks hold values in [0, 1]; these run from "
                                  f"{float(masks.min())} to {float(masks.max())}")
            masks = np.rint(masks.astype(np.float64) * max_fractional_value).astype(np.uint8)
            self.occupied = np.asarray(masks.any(axis=(1, 2)))
            self.overlap = bool(((masks > 0).sum(axis=3) > 1).any())
        self.masks = masks
        self.shape = masks.shape[1:3]

    def pixel_data(self, chosen: list[tuple[int, int]]) -> bytes:
        """The Pixel Data of the stored frames ``chosen``: bits packed without padding between
        frames (PS3.5 8.1.1) for BINARY, bytes for FRACTIONAL."""
        npix = self.shape[0] * self.shape[1]
        if not self.label_map or npix % 8:
            frames = self.frames(chosen)
            if frames.dtype == np.bool_:
                return np.packbits(frames.ravel(), bitorder="little").tobytes()
            return frames.tobytes()
        # a label map: each source frame's pixels grouped by label once, each stored frame
        # packed from the pixels of its segment alone (frames are whole bytes here)
        frame_bytes = npix // 8
        out = np.zeros(len(chosen) * frame_bytes, np.uint8)
        by_source: dict[int, list[tuple[int, int]]] = {}
        for k, (s, i) in enumerate(chosen):
            by_source.setdefault(i, []).append((k, s))
        for i, wanted in by_source.items():
            flat = self.masks[i].ravel()
            nz = np.flatnonzero(flat)
            labels = flat[nz]
            order = np.argsort(labels, kind="stable")
            sorted_labels = labels[order]
            for k, s in wanted:
                lo, hi = np.searchsorted(sorted_labels, [s + 1, s + 2])
                if lo == hi:
                    continue
                idx = nz[order[lo:hi]]          # ascending: nz is, and the sort is stable
                # set bit (idx % 8) of byte (idx // 8): the bits of one byte summed (each once)
                byte = idx >> 3
                bit = np.left_shift(1, idx & 7).astype(np.uint8)
                starts = np.flatnonzero(np.diff(byte, prepend=-1))
                out[k * frame_bytes + byte[starts]] = np.add.reduceat(bit, starts)
        return out.tobytes()

    def frames(self, chosen: list[tuple[int, int]]) -> np.ndarray[Any, Any]:
        """The stored frames of ``(segment index, source frame index)`` pairs, in that order."""
        seg_idx = np.fromiter((s for s, _ in chosen), dtype=np.intp, count=len(chosen))
        src_idx = np.fromiter((i for _, i in chosen), dtype=np.intp, count=len(chosen))
        if not self.label_map:
            out: np.ndarray[Any, Any] = self.masks[src_idx, :, :, seg_idx]
            return out
        out = np.empty((len(chosen), *self.shape), bool)
        for s in np.unique(seg_idx):
            at = np.nonzero(seg_idx == s)[0]
            out[at] = self.masks[src_idx[at]] == s + 1
        return out


def create_segmentation(
        sources: Sequence[Dataset], masks: np.ndarray[Any, Any],
        segments: Sequence[SegmentDescription], *, segmentation_type: str = "BINARY",
        fractional_type: str = "PROBABILITY", max_fractional_value: int = 255,
        omit_empty_frames: bool = True, content_label: str = "SEGMENTATION",
        content_description: str = "", content_creator: str = "",
        series_instance_uid: str | None = None, series_number: int = 1,
        instance_number: int = 1, series_description: str = "",
        manufacturer: str = "dicomkit", model_name: str = "dicomkit",
        software_versions: str = "", device_serial_number: str = "1",
        content_datetime: datetime.datetime | None = None,
        uid_prefix: str | None = None) -> Dataset:
    """A new Segmentation instance (PS3.3 A.51) of ``masks`` over ``sources``.

    Parameters
    ----------
    sources
        The source images, one per mask frame in the same order: single-frame images of one
        series (or study), or one multi-frame image (its frames).
    masks
        A label map ``(frames, rows, columns)`` of segment numbers (0 background) for BINARY, or
        one mask per segment ``(frames, rows, columns, segments)``: booleans for BINARY, values
        in [0, 1] for FRACTIONAL.
    segments
        One description per segment; numbered 1, 2, ... in this order.
    segmentation_type
        BINARY or FRACTIONAL (PS3.3 C.8.20.2.3); LABELMAP is not in the edition on hand.
    fractional_type, max_fractional_value
        Segmentation Fractional Type (PROBABILITY or OCCUPANCY) and the stored value meaning 1.
    omit_empty_frames
        Leave out frames where a segment is empty (each segment keeps at least one frame).

    Raises
    ------
    ObjectError
        Sources without size or UIDs, of several studies or sizes; masks whose shape, type or
        values do not fit; segment descriptions the macro refuses; a type the standard on hand
        does not define.
    """
    if segmentation_type not in segmentation_types():
        raise ObjectError(f"Segmentation Type {segmentation_type!r}: the PS3.3 on hand defines "
                          f"{', '.join(segmentation_types())} (C.8.20-2)")
    if segmentation_type == "FRACTIONAL":
        if fractional_type not in FRACTIONAL_TYPES:
            raise ObjectError(f"Segmentation Fractional Type {fractional_type!r}: one of "
                              f"{', '.join(FRACTIONAL_TYPES)} (PS3.3 C.8.20.2.3)")
        if not 1 <= max_fractional_value <= 255:
            raise ObjectError(f"Maximum Fractional Value {max_fractional_value}: 1..255 for 8-bit "
                              "frames (PS3.3 C.8.20.2.3)")
    if not segments:
        raise ObjectError("a segmentation has at least one segment (Segment Sequence, PS3.3 "
                          "C.8.20-2)")
    same_study(sources)
    geo = geometry(sources)
    masks = np.asarray(masks)
    given = _Masks(masks, len(segments), len(geo.frames), segmentation_type,
                   max_fractional_value)
    if given.shape != (geo.rows, geo.columns):
        raise ObjectError(f"mask frames are {given.shape[0]}x{given.shape[1]}, the source "
                          f"images {geo.rows}x{geo.columns}")
    occupied, overlap = given.occupied, given.overlap

    source = sources[0]
    ds = new_instance(uids.SegmentationStorage, source, modality="SEG",
                      series_instance_uid=series_instance_uid, series_number=series_number,
                      instance_number=instance_number, series_description=series_description,
                      manufacturer=manufacturer, model_name=model_name,
                      software_versions=software_versions or "dicomkit",
                      device_serial_number=device_serial_number,
                      content_datetime=content_datetime, uid_prefix=uid_prefix)
    put(ds, "ImageType", ["DERIVED", "PRIMARY"])
    put(ds, "ContentLabel", content_label)
    put(ds, "ContentDescription", content_description)
    put(ds, "ContentCreatorName", content_creator)
    put(ds, "SamplesPerPixel", 1)
    put(ds, "PhotometricInterpretation", "MONOCHROME2")
    put(ds, "PixelRepresentation", 0)
    bits = 1 if segmentation_type == "BINARY" else 8
    put(ds, "BitsAllocated", bits)
    put(ds, "BitsStored", bits)
    put(ds, "HighBit", bits - 1)
    put(ds, "Rows", geo.rows)
    put(ds, "Columns", geo.columns)
    put(ds, "LossyImageCompression", "00")
    put(ds, "SegmentationType", segmentation_type)
    if segmentation_type == "FRACTIONAL":
        put(ds, "SegmentationFractionalType", fractional_type)
        put(ds, "MaximumFractionalValue", max_fractional_value)
    put(ds, "SegmentsOverlap", "YES" if overlap else "NO")
    put(ds, "SegmentSequence", [s.to_item(i + 1) for i, s in enumerate(segments)])

    # frames: by segment, then by position along the normal (the dimension organisation)
    positions = position_indices(geo)
    order = sorted(range(len(geo.frames)), key=lambda i: (positions[i] if positions else i))
    chosen: list[tuple[int, int]] = []          # (segment index, source frame index)
    for s in range(len(segments)):
        frames = [i for i in order if occupied[i, s]] if omit_empty_frames else list(order)
        chosen.extend((s, i) for i in (frames or order[:1]))

    dim_uid = generate_uid(uid_prefix)
    dims = [item(DimensionOrganizationUID=dim_uid,
                 DimensionIndexPointer=tags.ReferencedSegmentNumber,
                 FunctionalGroupPointer=tags.SegmentIdentificationSequence,
                 DimensionDescriptionLabel="Segment Number")]
    if positions is not None:
        dims.append(item(DimensionOrganizationUID=dim_uid,
                         DimensionIndexPointer=tags.ImagePositionPatient,
                         FunctionalGroupPointer=tags.PlanePositionSequence,
                         DimensionDescriptionLabel="Image Position Patient"))
    put(ds, "DimensionOrganizationSequence", [item(DimensionOrganizationUID=dim_uid)])
    put(ds, "DimensionIndexSequence", dims)

    shared = Dataset()
    if geo.spacing is not None:
        measures = item(PixelSpacing=geo.spacing)
        if geo.thickness is not None:
            put(measures, "SliceThickness", geo.thickness)
        put(shared, "PixelMeasuresSequence", [measures])
    if geo.orientation is not None:
        put(shared, "PlaneOrientationSequence", [item(ImageOrientationPatient=geo.orientation)])
    put(ds, "SharedFunctionalGroupsSequence", [shared])
    ds[tags.PerFrameFunctionalGroupsSequence] = _per_frame(chosen, geo, positions)
    put(ds, "NumberOfFrames", len(chosen))
    put(ds, "ReferencedSeriesSequence", referenced_series(
        sources if len(sources) > 1 or geo.frames[0].frame is None else sources[:1]))

    data = given.pixel_data(chosen)
    if len(data) % 2:
        data += b"\x00"
    ds.put_element(DataElement(tags.PixelData, "OB", data))
    return ds


def _per_frame(chosen: list[tuple[int, int]], geo: Geometry,
               positions: list[int] | None) -> DataElement:
    """The Per-frame Functional Groups Sequence (PS3.3 C.7.6.16): Derivation Image, Frame
    Content, Plane Position (Patient), Segment Identification in each item.

    The parts that repeat are encoded once (Derivation Image and Plane Position per source
    frame, Segment Identification per segment) and each item is their concatenation with its
    own Frame Content, in ascending tag order (PS3.5 7.1); the sequence stays encoded
    (:func:`~dicomkit.io.reader.encoded_sequence`) until its value is used, and is written
    by copy in explicit VR little endian.  Building thousands of items as data sets, then
    writing them, was most of the time of creating a large SEG (issue 20)."""
    derivation = group_code(CID_IMAGE_DERIVATION, "113076")      # Segmentation
    purpose = group_code(CID_SOURCE_IMAGE_PURPOSE, "121322")    # Source image for image processing
    t_content, _ = tag_vr("FrameContentSequence")
    t_dimv, _ = tag_vr("DimensionIndexValues")
    t_pos, _ = tag_vr("ImagePositionPatient")
    t_refseg, _ = tag_vr("ReferencedSegmentNumber")

    def encoded(keyword: str, items: list[Dataset]) -> bytes:
        el = element(keyword, items)
        return encode_dataset(Dataset({el.tag: el}))

    by_source: dict[int, tuple[bytes, bytes]] = {}  # Derivation Image, Plane Position
    by_segment: dict[int, bytes] = {}  # Segment Identification of a segment
    bodies = []
    for s, i in chosen:
        source_part = by_source.get(i)
        if source_part is None:
            f = geo.frames[i]
            ref = item(ReferencedSOPClassUID=f.sop_class, ReferencedSOPInstanceUID=f.sop_instance)
            if f.frame is not None:
                put(ref, "ReferencedFrameNumber", f.frame)
            put(ref, "PurposeOfReferenceCodeSequence", [purpose.to_item()])
            put(ref, "SpatialLocationsPreserved", "YES")
            deriv = item(DerivationCodeSequence=[derivation.to_item()],
                         SourceImageSequence=[ref])
            plane = b"" if f.position is None else encoded("PlanePositionSequence", [
                Dataset({t_pos: DataElement(t_pos, "DS", list(f.position))})])
            source_part = by_source[i] = encoded("DerivationImageSequence", [deriv]), plane
        segment_part = by_segment.get(s)
        if segment_part is None:
            segment_part = by_segment[s] = encoded("SegmentIdentificationSequence", [
                Dataset({t_refseg: DataElement(t_refseg, "US", s + 1)})])
        dim_values = [s + 1, positions[i]] if positions is not None else s + 1
        content = encoded("FrameContentSequence",
                          [Dataset({t_dimv: DataElement(t_dimv, "UL", dim_values)})])
        bodies.append(b"".join((source_part[0], content, source_part[1], segment_part)))
    return encoded_sequence(tags.PerFrameFunctionalGroupsSequence, encode_items(bodies),
                            source="create_segmentation")


# ------------------------------------------------------------------------------------------------
# reading
# ------------------------------------------------------------------------------------------------

#: what :class:`Segmentation` reads of each per-frame functional group item (PS3.3 C.7.6.16):
#: the Segment Identification (C.8.20.3.1), the source of the Derivation Image group
#: (C.7.6.16.2.6) and the Plane Position (C.7.6.16.2.3), each in the first item
_PER_FRAME_PATHS: Final = [
    (tags.SegmentIdentificationSequence, tags.ReferencedSegmentNumber),
    (tags.DerivationImageSequence, tags.SourceImageSequence, tags.ReferencedSOPInstanceUID),
    (tags.DerivationImageSequence, tags.SourceImageSequence, tags.ReferencedFrameNumber),
    (tags.PlanePositionSequence, tags.ImagePositionPatient),
]


def _quick_frame(found: list[DataElement | None]
                 ) -> tuple[int, tuple[str, int | None], tuple[float, ...] | None] | None:
    """Segment number, source and position of one frame from the elements
    :data:`_PER_FRAME_PATHS` found in its per-frame item, as the items would give them; None
    when one is missing or empty (the shared groups or a later item may hold it: the caller
    reads the items then)."""
    refseg, uid_el, frame_el, pos_el = found
    if refseg is None or uid_el is None or pos_el is None:
        return None
    number, uid, pos = refseg.value, uid_el.value, pos_el.value
    if number in (None, "") or uid in (None, "", b"") or pos in (None, ""):
        return None
    fn = frame_el.value if frame_el is not None else None
    if isinstance(fn, list | tuple):
        fn = fn[0] if fn else None
    values = floats(pos)
    return (int(number), (str(uid), int(fn) if fn not in (None, "") else None),
            tuple(values) if values else None)


class Segmentation:
    """A Segmentation instance read: its segments and frames, as masks aligned with sources.

    Attributes
    ----------
    dataset
        The data set.
    segmentation_type
        BINARY or FRACTIONAL (or another value of a later edition: reading it is refused).
    segments
        Segment number -> description.
    frame_segments
        Segment number of each frame (Segment Identification functional group).
    frame_sources
        ``(SOP Instance UID, frame number or None)`` of the source frame of each frame
        (Derivation Image functional group), None for a frame without one.
    frame_positions
        Image Position (Patient) of each frame, or None.
    """

    def __init__(self, ds: Dataset) -> None:
        self.dataset = ds
        self._all_frames: np.ndarray[Any, Any] | None = None
        _guarded("reading the segmentation", ds.filename, self._read)

    def _read(self) -> None:
        ds = self.dataset
        where = ds.filename
        sop = text(ds, "SOPClassUID")
        if sop != uids.SegmentationStorage:
            raise ObjectError(f"SOP Class {sop or '(none)'} is not Segmentation Storage "
                              f"({uids.SegmentationStorage}, PS3.4 B.5)", source=where)
        self.segmentation_type = text(ds, "SegmentationType")
        if self.segmentation_type not in ("BINARY", "FRACTIONAL"):
            raise ObjectError(f"Segmentation Type {self.segmentation_type!r} is not read (BINARY "
                              "and FRACTIONAL are, PS3.3 C.8.20.2.3)", source=where,
                              tag_path="SegmentationType")
        self.segments: dict[int, SegmentDescription] = {}
        for i, it in enumerate(sequence(ds, "SegmentSequence")):
            try:
                desc = SegmentDescription.from_item(it, i)
            except ObjectError as exc:
                raise ObjectError(exc.reason, source=where, tag_path=exc.tag_path) from None
            self.segments[desc.number] = desc
        if not self.segments:
            raise ObjectError("no Segment Sequence items (PS3.3 C.8.20-2)", source=where)
        try:
            self.rows, self.columns = int(ds.Rows), int(ds.Columns)
            nframes_el = ds.get(tags.NumberOfFrames)
            self.number_of_frames = int(nframes_el.value) if nframes_el is not None \
                and nframes_el.value not in (None, "") else 1
            self.bits_allocated = int(ds.BitsAllocated)
        except (AttributeError, TypeError, ValueError) as exc:
            raise ObjectError(f"Image Pixel attribute missing or not a number: {exc}",
                              source=where) from None
        max_el = ds.get(tags.MaximumFractionalValue)
        self.max_fractional_value = int(max_el.value) if max_el is not None and \
            max_el.value not in (None, "") else 1
        shared = sequence(ds, "SharedFunctionalGroupsSequence")
        per_frame_el = ds.get(tags.PerFrameFunctionalGroupsSequence)
        # the per-frame values straight from the encoded items when the sequence was not
        # parsed (thousands of items: no data set built for them); the items otherwise
        quick = item_values(per_frame_el, _PER_FRAME_PATHS) if per_frame_el is not None \
            else None
        per_frame: list[Dataset] | None = None if quick is not None else \
            sequence(ds, "PerFrameFunctionalGroupsSequence")
        count = len(quick) if quick is not None else len(per_frame or [])
        if count and count != self.number_of_frames:
            raise ObjectError(f"{count} per-frame functional group items for "
                              f"{self.number_of_frames} frames (PS3.3 C.7.6.16)", source=where,
                              tag_path="PerFrameFunctionalGroupsSequence")
        self.frame_segments: list[int] = []
        self.frame_sources: list[tuple[str, int | None] | None] = []
        self.frame_positions: list[tuple[float, ...] | None] = []
        t_refseg = tags.ReferencedSegmentNumber
        for i in range(self.number_of_frames):
            if quick is not None:
                got = _quick_frame(quick[i]) if count else None
                if got is not None and got[0] in self.segments:
                    self.frame_segments.append(got[0])
                    self.frame_sources.append(got[1])
                    self.frame_positions.append(got[2])
                    continue
                if per_frame is None:  # something the quick path does not decide: the items
                    per_frame = sequence(ds, "PerFrameFunctionalGroupsSequence")
            groups = ([per_frame[i]] if per_frame else []) + shared
            number = None
            for g in groups:
                items = sequence(g, "SegmentIdentificationSequence")
                if items and t_refseg in items[0]:
                    number = int(items[0][t_refseg].value)
                    break
            if number is None or number not in self.segments:
                raise ObjectError(f"frame {i + 1}: no Referenced Segment Number of a segment of "
                                  "the Segment Sequence (PS3.3 C.8.20.3.1)", source=where,
                                  tag_path=f"PerFrameFunctionalGroupsSequence[{i}]")
            self.frame_segments.append(number)
            self.frame_sources.append(frame_source(groups))
            pos = floats(fg_value(groups, "PlanePositionSequence", "ImagePositionPatient"))
            self.frame_positions.append(tuple(pos) if pos else None)

    @classmethod
    def from_dataset(cls, ds: Dataset) -> Segmentation:
        """Read a Segmentation data set."""
        return cls(ds)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> Segmentation:
        """Read a Segmentation file."""
        from dicomkit.io.reader import read

        return cls(read(path))

    def frames(self) -> np.ndarray[Any, Any]:
        """Every stored frame ``(frames, rows, columns)``: booleans (BINARY) or the stored 8-bit
        values (FRACTIONAL)."""
        return _guarded("decoding the frames", self.dataset.filename, self._frames)

    def _frames(self) -> np.ndarray[Any, Any]:
        el = self.dataset.get(tags.PixelData)
        if el is None:
            raise ObjectError("no Pixel Data", source=self.dataset.filename, tag_path="PixelData")
        data = el.value
        if not isinstance(data, bytes | bytearray | memoryview):
            # an encapsulated transfer syntax: decode through the pixel layer
            from dicomkit.pixels.array import pixel_array

            arr = np.asarray(pixel_array(self.dataset))
            return arr.reshape(self.number_of_frames, self.rows, self.columns)
        count = self.number_of_frames * self.rows * self.columns
        if self.bits_allocated == 1:
            need = (count + 7) // 8
            if len(data) < need:
                raise ObjectError(f"Pixel Data holds {len(data)} bytes, {self.number_of_frames} "
                                  f"frames of {self.rows}x{self.columns} bits need {need}",
                                  source=self.dataset.filename, tag_path="PixelData")
            bits = np.unpackbits(np.frombuffer(data, np.uint8, need), bitorder="little",
                                 count=count)
            return bits.view(np.bool_).reshape(self.number_of_frames, self.rows, self.columns)
        if self.bits_allocated != 8:
            raise ObjectError(f"Bits Allocated {self.bits_allocated}: 1 (BINARY) or 8 "
                              "(FRACTIONAL) (PS3.3 C.8.20.2.1)", source=self.dataset.filename,
                              tag_path="BitsAllocated")
        if len(data) < count:
            raise ObjectError(f"Pixel Data holds {len(data)} bytes, {count} needed",
                              source=self.dataset.filename, tag_path="PixelData")
        return np.frombuffer(data, np.uint8, count).reshape(self.number_of_frames, self.rows,
                                                             self.columns)

    def _source_index(self, sources: Sequence[Dataset | str]) -> list[int | None]:
        return align_frames(self.frame_sources, self.frame_positions, sources)

    @staticmethod
    def _source_count(sources: Sequence[Dataset | str]) -> int:
        return source_count(sources)

    def segment_masks(self, sources: Sequence[Dataset | str],
                      segment_numbers: Sequence[int] | None = None) -> np.ndarray[Any, Any]:
        """Masks aligned with ``sources``: ``(len(sources), rows, columns, segments)``, booleans
        for BINARY, floats in [0, 1] (stored value / Maximum Fractional Value) for FRACTIONAL.

        Parameters
        ----------
        sources
            The source images in the order wanted (data sets, or SOP Instance UIDs), or one
            multi-frame image (its frames).  Frames are matched by the Derivation Image
            references, else by Image Position (Patient).
        segment_numbers
            The segments, in the order of the last axis (default: all, by number).
        """
        return _guarded("aligning the frames with the sources", self.dataset.filename,
                        partial(self._segment_masks, sources, segment_numbers))

    def _segment_masks(self, sources: Sequence[Dataset | str],
                       segment_numbers: Sequence[int] | None) -> np.ndarray[Any, Any]:
        numbers = list(segment_numbers) if segment_numbers is not None else sorted(self.segments)
        missing = [n for n in numbers if n not in self.segments]
        if missing:
            raise ObjectError(f"segment(s) {missing} not in this segmentation (it has "
                              f"{sorted(self.segments)})", source=self.dataset.filename)
        nsrc = self._source_count(sources)
        index = self._source_index(sources)
        column = {n: k for k, n in enumerate(numbers)}
        binary = self.segmentation_type == "BINARY"
        out: np.ndarray[Any, Any] = np.zeros((nsrc, self.rows, self.columns, len(numbers)),
                                             dtype=np.bool_ if binary else np.float32)
        stored = self.frames()
        frame_ids = [f for f, (j, s) in enumerate(zip(index, self.frame_segments, strict=True))
                     if j is not None and s in column]
        if frame_ids:
            dst = np.fromiter((index[f] for f in frame_ids), np.intp, len(frame_ids))
            seg = np.fromiter((column[self.frame_segments[f]] for f in frame_ids), np.intp,
                              len(frame_ids))
            values = stored[np.asarray(frame_ids)]
            if binary:
                out[dst, :, :, seg] = values
            else:
                out[dst, :, :, seg] = values.astype(np.float32) / self.max_fractional_value
        return out

    def label_map(self, sources: Sequence[Dataset | str],
                  segment_numbers: Sequence[int] | None = None) -> np.ndarray[Any, Any]:
        """A label map aligned with ``sources``: ``(len(sources), rows, columns)`` of segment
        numbers, 0 where no segment is (a FRACTIONAL segment counts where its value is above
        half).

        Raises
        ------
        ObjectError
            Where two of the segments overlap (a label map holds one segment per pixel).
        """
        return _guarded("aligning the frames with the sources", self.dataset.filename,
                        partial(self._label_map, sources, segment_numbers))

    def _label_map(self, sources: Sequence[Dataset | str],
                   segment_numbers: Sequence[int] | None) -> np.ndarray[Any, Any]:
        numbers = list(segment_numbers) if segment_numbers is not None else sorted(self.segments)
        missing = [n for n in numbers if n not in self.segments]
        if missing:
            raise ObjectError(f"segment(s) {missing} not in this segmentation (it has "
                              f"{sorted(self.segments)})")
        index = self._source_index(sources)
        dtype = np.uint8 if max(numbers, default=0) < 256 else np.uint16
        npix = self.rows * self.columns
        out = np.zeros((self._source_count(sources), npix), dtype)
        wanted = set(numbers)
        packed = self._packed_frames()
        seen: set[tuple[int, int]] = set()
        for f, (j, number) in enumerate(zip(index, self.frame_segments, strict=True)):
            if j is None or number not in wanted:
                continue
            if (j, number) in seen:
                raise ObjectError(f"segment {number} has two frames for source frame {j}")
            seen.add((j, number))
            idx = self._frame_pixels(packed, f)
            if idx.size == 0:
                continue
            target = out[j]
            clash = target[idx]
            if clash.any():
                p = int(idx[np.flatnonzero(clash)[0]])
                raise ObjectError(f"segments {int(target[p])} and {number} overlap (first at "
                                  f"source frame {j}, row {p // self.columns}, column "
                                  f"{p % self.columns}): ask for segment_masks, or for segments "
                                  "that do not overlap")
            target[idx] = number
        return out.reshape(-1, self.rows, self.columns)

    def _packed_frames(self) -> np.ndarray[Any, Any] | None:
        """The Pixel Data bytes of a native BINARY segmentation whose frames are whole bytes
        (read a frame's set pixels from them without unpacking the rest), else None."""
        el = self.dataset.get(tags.PixelData)
        npix = self.rows * self.columns
        if self.bits_allocated != 1 or el is None or npix % 8:
            return None
        data = el.value
        if not isinstance(data, bytes | bytearray):
            return None
        need = self.number_of_frames * npix // 8
        if len(data) < need:
            raise ObjectError(f"Pixel Data holds {len(data)} bytes, {self.number_of_frames} "
                              f"frames of {self.rows}x{self.columns} bits need {need}",
                              tag_path="PixelData")
        return np.frombuffer(data, np.uint8, need)

    def _frame_pixels(self, packed: np.ndarray[Any, Any] | None, f: int) -> np.ndarray[Any, Any]:
        """Flat indices of the pixels of stored frame ``f`` in its segment (FRACTIONAL: above
        half of the Maximum Fractional Value)."""
        if packed is None:
            if self._all_frames is None:
                self._all_frames = self.frames()
            frame = self._all_frames[f].ravel()
            if frame.dtype != np.bool_:
                frame = frame > self.max_fractional_value / 2
            return np.flatnonzero(frame)
        frame_bytes = self.rows * self.columns // 8
        chunk = packed[f * frame_bytes:(f + 1) * frame_bytes]
        if frame_bytes % 8 == 0:
            # the words that have a bit set, then their bits: a mostly empty frame is cheap
            words = chunk.view("<u8")
            nzw = np.flatnonzero(words)
            if nzw.size == 0:
                return nzw
            wbits = np.unpackbits(words[nzw].view(np.uint8), bitorder="little").view(np.bool_)
            return (nzw[:, None] * 64 + np.arange(64)).ravel()[wbits]
        nz = np.flatnonzero(chunk)
        if nz.size == 0:
            return nz
        bits = np.unpackbits(chunk[nz], bitorder="little").reshape(-1, 8).view(np.bool_)
        return (nz[:, None] * 8 + np.arange(8))[bits]


