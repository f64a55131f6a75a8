"""RT Structure Set (PS3.3 A.19): its ROIs and contours as plain objects, ROI masks on the grid
of the referenced images, and new structure sets made from masks.

- :func:`read_structure_set` gives a :class:`StructureSet` of :class:`Roi` (Structure Set ROI
  Sequence, ROI Contour Sequence and RT ROI Observations Sequence joined by ROI number,
  PS3.3 C.8.8.5, C.8.8.6, C.8.8.8).
- :func:`roi_mask` fills an ROI's planar contours on the pixel grid of images (a classic
  single-frame series, in the order given): CLOSED_PLANAR contours of one plane are combined
  by union (each is a part of the ROI; holes are drawn with the "keyhole" technique, C.8.8.6.3),
  CLOSEDPLANAR_XOR contours by exclusive or (C.8.8.6.1, C.8.8.6.3).  A contour goes to the
  image its Contour Image Sequence names, else to the image whose plane it lies in.
- :func:`create_structure_set` traces masks along the pixel edges (so that :func:`roi_mask`
  gives the same masks back) and writes the modules of the RT Structure Set IOD (Table
  A.19.3-1): Patient, General Study, RT Series, General Equipment, Frame of Reference,
  Structure Set, ROI Contour, RT ROI Observations and SOP Common.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement, EncodingContext
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags, uids
from dicomkit.objects.rt import terms
from dicomkit.objects.rt.errors import RTError
from dicomkit.objects.rt.geometry import BoolArray, FloatArray, Plane, fill_polygon, trace_mask

#: the longest DS value (16 characters) and its separator; the 16-bit length of explicit VR
_DS_CHARS = 17
_EXPLICIT_VR_LIMIT = 65534
#: how far (mm) a point of a planar contour may lie off its image's plane
_COPLANAR = 0.5

__all__ = ["Contour", "Roi", "StructureSet", "create_structure_set", "read_structure_set",
           "roi_mask"]

#: The attributes the new instance copies from its referenced images (Patient and General
#: Study modules, PS3.3 C.7.1.1 and C.7.2.1)
_COPIED = ("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyInstanceUID",
           "StudyDate", "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber",
           "StudyDescription")


@dataclass(frozen=True)
class Contour:
    """One contour of an ROI (an item of Contour Sequence, PS3.3 C.8.8.6): its geometric type,
    points ``(N, 3)`` in patient coordinates (mm) and the images it was drawn on."""

    geometric_type: str
    points: FloatArray
    images: tuple[str, ...] = ()
    number: int | None = None


@dataclass(frozen=True)
class Roi:
    """One ROI: its number, name, frame of reference, generation algorithm, display colour,
    interpreted type (from the RT ROI Observations) and contours."""

    number: int
    name: str
    frame_of_reference_uid: str
    generation_algorithm: str = ""
    color: tuple[int, int, int] | None = None
    interpreted_type: str = ""
    observation_label: str = ""
    contours: tuple[Contour, ...] = ()


@dataclass(frozen=True)
class StructureSet:
    """An RT Structure Set: label, name, date and its ROIs by number."""

    label: str
    name: str
    date: str
    rois: dict[int, Roi] = field(default_factory=dict)
    source: str = ""

    def roi(self, which: int | str) -> Roi:
        """The ROI of this number or name."""
        if isinstance(which, int) and which in self.rois:
            return self.rois[which]
        found = [r for r in self.rois.values() if r.name == which]
        if len(found) == 1:
            return found[0]
        names = ", ".join(f"{r.number} {r.name!r}" for r in self.rois.values())
        raise RTError(f"no {'single ' if found else ''}ROI {which!r} (the ROIs are {names})",
                      source=self.source)


def _text(item: Any, keyword: str) -> str:
    value = getattr(item, keyword, None)
    return "" if value is None else str(value).strip()


def _int(item: Any, keyword: str, where: str, source: str) -> int:
    try:
        return int(getattr(item, keyword))
    except (AttributeError, TypeError, ValueError):
        raise RTError(f"{keyword} is missing or not a number", source=source,
                      where=where) from None


def read_structure_set(ds: Dataset) -> StructureSet:
    """The ROIs and contours of an RT Structure Set data set (see the module).

    Raises
    ------
    RTError
        A required sequence or ROI number missing, a contour whose Contour Data is not a
        multiple of three numbers or does not match its Number of Contour Points, a Contour
        Geometric Type PS3.3 C.8.8.6.1 does not list, or an ROI Contour item of an ROI the
        Structure Set ROI Sequence lacks.
    """
    source = str(getattr(ds, "filename", "") or "")
    rois: dict[int, dict[str, Any]] = {}
    for i, item in enumerate(getattr(ds, "StructureSetROISequence", None) or ()):
        where = f"StructureSetROISequence[{i}]"
        number = _int(item, "ROINumber", where, source)
        rois[number] = {"number": number, "name": _text(item, "ROIName"),
                        "frame_of_reference_uid": _text(item, "ReferencedFrameOfReferenceUID"),
                        "generation_algorithm": _text(item, "ROIGenerationAlgorithm"),
                        "contours": ()}
    if not rois:
        raise RTError("no Structure Set ROI Sequence items (PS3.3 C.8.8.5)", source=source)
    for i, item in enumerate(getattr(ds, "ROIContourSequence", None) or ()):
        where = f"ROIContourSequence[{i}]"
        number = _int(item, "ReferencedROINumber", where, source)
        if number not in rois:
            raise RTError(f"ROI {number} has contours but no Structure Set ROI Sequence item",
                          source=source, where=where)
        color = getattr(item, "ROIDisplayColor", None)
        if color is not None:
            try:
                rgb = tuple(int(v) for v in color)
            except (TypeError, ValueError):
                rgb = ()
            if len(rgb) != 3:
                raise RTError(f"ROI Display Color {color!r} is not three numbers",
                              source=source, where=where)
            rois[number]["color"] = (rgb[0], rgb[1], rgb[2])
        contours = []
        for j, c in enumerate(getattr(item, "ContourSequence", None) or ()):
            contours.append(_contour(c, f"{where}.ContourSequence[{j}]", source))
        rois[number]["contours"] = tuple(contours)
    for i, item in enumerate(getattr(ds, "RTROIObservationsSequence", None) or ()):
        where = f"RTROIObservationsSequence[{i}]"
        number = _int(item, "ReferencedROINumber", where, source)
        if number in rois:
            rois[number]["interpreted_type"] = _text(item, "RTROIInterpretedType")
            rois[number]["observation_label"] = _text(item, "ROIObservationLabel")
    return StructureSet(_text(ds, "StructureSetLabel"), _text(ds, "StructureSetName"),
                        _text(ds, "StructureSetDate"),
                        {n: Roi(**r) for n, r in sorted(rois.items())}, source)


def _contour(item: Any, where: str, source: str) -> Contour:
    kind = _text(item, "ContourGeometricType")
    if kind not in terms.GEOMETRIC_TYPES:
        raise RTError(f"Contour Geometric Type {kind!r} is none of {terms.GEOMETRIC_TYPES} "
                      "(PS3.3 C.8.8.6.1)", source=source, where=where)
    data = getattr(item, "ContourData", None)
    try:
        values = np.array([float(v) for v in (data or ())], dtype=np.float64)
    except (TypeError, ValueError):
        raise RTError("Contour Data is not numbers", source=source, where=where) from None
    if len(values) % 3 or not np.all(np.isfinite(values)):
        raise RTError(f"Contour Data has {len(values)} values, not finite (x, y, z) triplets",
                      source=source, where=where)
    points = values.reshape(-1, 3)
    declared = getattr(item, "NumberOfContourPoints", None)
    if declared is not None and int(declared) != len(points):
        raise RTError(f"Number of Contour Points is {int(declared)}, Contour Data has "
                      f"{len(points)} points", source=source, where=where)
    images = tuple(_text(ref, "ReferencedSOPInstanceUID")
                   for ref in getattr(item, "ContourImageSequence", None) or ())
    number = getattr(item, "ContourNumber", None)
    return Contour(kind, points, tuple(u for u in images if u),
                   None if number is None else int(number))


def _planes(images: Sequence[Any]) -> list[Plane]:
    planes = [Plane.of(im) for im in images]
    if planes:
        ref = planes[0]
        for p in planes[1:]:
            if not (np.allclose(p.row_direction, ref.row_direction, atol=1e-4)
                    and np.allclose(p.column_direction, ref.column_direction, atol=1e-4)):
                raise RTError(f"image {p.sop_instance_uid or p.source} is not parallel to "
                              f"image {ref.sop_instance_uid or ref.source}: one grid of "
                              "masks needs one orientation", source=p.source)
            if (p.rows, p.columns) != (ref.rows, ref.columns):
                raise RTError(f"image {p.sop_instance_uid or p.source} is {p.rows}x{p.columns}, "
                              f"the first {ref.rows}x{ref.columns}", source=p.source)
    return planes


def _tolerance(planes: Sequence[Plane]) -> float:
    if len(planes) < 2:
        return 0.5
    depths = np.sort([float(p.origin @ planes[0].normal) for p in planes])
    gaps = np.diff(depths)
    gaps = gaps[gaps > 1e-6]
    return float(np.min(gaps)) / 2 if len(gaps) else 0.5


def roi_mask(structure_set: StructureSet | Dataset, roi: int | str, images: Sequence[Any], *,
             tolerance: float | None = None) -> BoolArray:
    """The mask of ``roi`` on the grid of ``images`` (single-frame images of one
    orientation and size), shaped ``(len(images), rows, columns)`` in the order given.

    ``tolerance`` (mm) is how far from an image's plane a contour without a Contour Image
    Sequence may lie to belong to it (default: half the smallest spacing between the images,
    0.5 mm for one image); a contour's points may lie at most that, and at most 0.5 mm, off
    its image's plane.  POINT and OPEN contours enclose nothing and are left out.

    Raises
    ------
    RTError
        No such ROI; images of different orientations or sizes; a contour that names an image
        not given, or lies in none of the images' planes; a planar contour whose points are
        not in one plane.
    """
    ss = structure_set if isinstance(structure_set, StructureSet) \
        else read_structure_set(structure_set)
    target = ss.roi(roi)
    planes = _planes(images)
    if not planes:
        raise RTError("no images to draw the ROI on", source=ss.source)
    tol = _tolerance(planes) if tolerance is None else tolerance
    by_uid = {p.sop_instance_uid: k for k, p in enumerate(planes) if p.sop_instance_uid}
    ref = planes[0]
    depths = np.array([float(p.origin @ ref.normal) for p in planes])
    union = np.zeros((len(planes), ref.rows, ref.columns), dtype=bool)
    xor = np.zeros_like(union)
    for j, contour in enumerate(target.contours):
        if contour.geometric_type not in (terms.CLOSED_PLANAR, terms.CLOSEDPLANAR_XOR):
            continue
        where = f"ROI {target.number} {target.name!r} contour {j}"
        if not len(contour.points):
            continue
        named = [by_uid[u] for u in contour.images if u in by_uid]
        if named:
            k = named[0]
        elif contour.images:
            raise RTError(f"{where} was drawn on image {contour.images[0]}, which is not "
                          "among the images given", source=ss.source)
        else:
            depth = float(np.mean(contour.points @ ref.normal))
            k = int(np.argmin(np.abs(depths - depth)))
            if abs(depths[k] - depth) > tol:
                raise RTError(f"{where} lies {depth:.3f} mm along the normal, in none of the "
                              f"images' planes (nearest {depths[k]:.3f} mm, tolerance "
                              f"{tol:.3f} mm)", source=ss.source)
        plane = planes[k]
        r, c, d = plane.to_pixels(contour.points)
        if float(np.max(np.abs(d))) > min(tol, _COPLANAR):
            raise RTError(f"{where} is not in the plane of its image "
                          f"{plane.sop_instance_uid or k} (a point is {float(np.max(np.abs(d))):.3f} "
                          "mm off it; PS3.3 C.8.8.6.1 wants coplanar points)", source=ss.source)
        filled = fill_polygon(plane.rows, plane.columns, r, c)
        if contour.geometric_type == terms.CLOSEDPLANAR_XOR:
            xor[k] ^= filled
        else:
            union[k] |= filled
    out: BoolArray = union | xor
    return out


def _reference_images(images: Sequence[Any]) -> tuple[Dataset, list[Dataset]]:
    """The Referenced Frame of Reference Sequence item of ``images`` (PS3.3 C.8.8.5) and the
    Contour Image Sequence items, one per image."""
    first = images[0]
    frame = str(getattr(first, "FrameOfReferenceUID", "") or "")
    study = str(getattr(first, "StudyInstanceUID", "") or "")
    series = str(getattr(first, "SeriesInstanceUID", "") or "")
    for i, im in enumerate(images):
        for keyword, want in (("FrameOfReferenceUID", frame), ("StudyInstanceUID", study),
                              ("SeriesInstanceUID", series)):
            if not want or str(getattr(im, keyword, "") or "") != want:
                raise RTError(f"image {i} has {keyword} {getattr(im, keyword, None)!r}, the "
                              f"first {want!r}: the images of a structure set are one series "
                              "in one frame of reference", source=str(im.filename or ""))
    refs = []
    for im in images:
        item = Dataset()
        item.ReferencedSOPClassUID = str(im.SOPClassUID)
        item.ReferencedSOPInstanceUID = str(im.SOPInstanceUID)
        refs.append(item)
    series_item = Dataset()
    series_item.SeriesInstanceUID = series
    series_item.ContourImageSequence = refs
    study_item = Dataset()
    # "the SOP Class UID is that of the Study itself ... the Detached Study Management SOP
    # Class (Retired) may be used" (PS3.3 C.8.8.5.4)
    study_item.ReferencedSOPClassUID = uids.DetachedStudyManagement
    study_item.ReferencedSOPInstanceUID = study
    study_item.RTReferencedSeriesSequence = [series_item]
    frame_item = Dataset()
    frame_item.FrameOfReferenceUID = frame
    frame_item.RTReferencedStudySequence = [study_item]
    return frame_item, refs


def create_structure_set(images: Sequence[Any], masks: Mapping[str, Any], *,
                         label: str = "ROIs", name: str = "",
                         colors: Mapping[str, tuple[int, int, int]] | None = None,
                         interpreted_types: Mapping[str, str] | None = None,
                         algorithm: str = "AUTOMATIC", series_number: int = 1,
                         manufacturer: str = "dicomkit",
                         when: datetime.datetime | None = None) -> Dataset:
    """A new RT Structure Set over ``images`` (one series, single-frame, in one frame of
    reference) with one ROI per entry of ``masks``: name -> a boolean array shaped
    ``(len(images), rows, columns)``, slice k on image k.

    Each slice's mask is traced along the pixel edges into closed planar contours; an ROI
    with a hole in any slice is written with CLOSEDPLANAR_XOR contours (its outer and inner
    boundaries combined by exclusive or, PS3.3 C.8.8.6.3), the others with CLOSED_PLANAR.
    ``interpreted_types`` gives RT ROI Interpreted Types (default ``"ORGAN"``), which must be
    Defined Terms of PS3.3 C.8.8.8; ``algorithm`` the ROI Generation Algorithm (C.8.8.5).

    Raises
    ------
    RTError
        No images, images of several series or frames of reference, a mask of another shape,
        an unknown interpreted type or algorithm.
    """
    if not images:
        raise RTError("a structure set needs the images its contours are drawn on")
    if algorithm not in terms.GENERATION_ALGORITHMS:
        raise RTError(f"ROI Generation Algorithm {algorithm!r} is none of "
                      f"{terms.GENERATION_ALGORITHMS} (PS3.3 C.8.8.5)")
    planes = _planes(images)
    frame_item, image_refs = _reference_images(images)
    shape = (len(planes), planes[0].rows, planes[0].columns)
    now = when or datetime.datetime.now()
    ds = Dataset()
    ds.SOPClassUID = uids.RTStructureSetStorage
    ds.SOPInstanceUID = generate_uid()
    ds.Modality = "RTSTRUCT"
    first = images[0]
    for keyword in _COPIED:
        value = getattr(first, keyword, None)
        setattr(ds, keyword, "" if value is None else value)
    ds.SeriesInstanceUID = generate_uid()
    ds.SeriesNumber = series_number
    ds.OperatorsName = ""
    ds.Manufacturer = manufacturer
    ds.FrameOfReferenceUID = frame_item.FrameOfReferenceUID
    ds.PositionReferenceIndicator = ""
    ds.StructureSetLabel = label
    if name:
        ds.StructureSetName = name
    ds.StructureSetDate = now.strftime("%Y%m%d")
    ds.StructureSetTime = now.strftime("%H%M%S")
    ds.InstanceCreationDate = ds.StructureSetDate
    ds.InstanceCreationTime = ds.StructureSetTime
    ds.ReferencedFrameOfReferenceSequence = [frame_item]
    roi_items, contour_items, observations = [], [], []
    longest = 0
    for number, (roi_name, mask) in enumerate(masks.items(), 1):
        m = np.asarray(mask, dtype=bool)
        if m.shape != shape:
            raise RTError(f"the mask of {roi_name!r} is {m.shape}, the images {shape}")
        kind = (interpreted_types or {}).get(roi_name, "ORGAN")
        if kind not in terms.INTERPRETED_TYPES:
            raise RTError(f"RT ROI Interpreted Type {kind!r} of {roi_name!r} is none of "
                          f"{terms.INTERPRETED_TYPES} (PS3.3 C.8.8.8)")
        item = Dataset()
        item.ROINumber = number
        item.ReferencedFrameOfReferenceUID = frame_item.FrameOfReferenceUID
        item.ROIName = roi_name
        item.ROIGenerationAlgorithm = algorithm
        roi_items.append(item)
        traced = [trace_mask(m[k]) for k in range(shape[0])]
        holes = any(_signed_area(loop) < 0 for loops in traced for loop in loops)
        geometric = terms.CLOSEDPLANAR_XOR if holes else terms.CLOSED_PLANAR
        contours: list[Dataset] = []
        for k, loops in enumerate(traced):
            for loop in loops:
                corners = loop.astype(np.float64) - 0.5
                points = planes[k].to_patient(corners[:, 0], corners[:, 1])
                c = Dataset()
                c.ContourNumber = len(contours) + 1
                c.ContourImageSequence = [image_refs[k]]
                c.ContourGeometricType = geometric
                c.NumberOfContourPoints = len(points)
                c[tags.ContourData] = _contour_data(points)
                longest = max(longest, len(points))
                contours.append(c)
        roi_contour = Dataset()
        roi_contour.ReferencedROINumber = number
        roi_contour.ROIDisplayColor = list((colors or {}).get(roi_name, _color(number)))
        if contours:
            roi_contour.ContourSequence = contours
        contour_items.append(roi_contour)
        obs = Dataset()
        obs.ObservationNumber = number
        obs.ReferencedROINumber = number
        obs.RTROIInterpretedType = kind
        obs.ROIInterpreter = ""
        observations.append(obs)
    ds.StructureSetROISequence = roi_items
    ds.ROIContourSequence = contour_items
    ds.RTROIObservationsSequence = observations
    if longest * 3 * _DS_CHARS > _EXPLICIT_VR_LIMIT:
        # "Contour Data may not be properly encoded if Explicit VR Transfer Syntax is used
        # and the VL of this Attribute exceeds 65534 bytes" (PS3.3 C.8.8.6): such a data set
        # is written in Implicit VR Little Endian unless the caller says otherwise
        meta = Dataset()
        meta.TransferSyntaxUID = uids.ImplicitVRLittleEndian
        ds.file_meta = meta
    return ds


def _contour_data(points: FloatArray) -> DataElement:
    """Contour Data (3006,0050) of ``points``, encoded once: each coordinate with four
    decimals (0.1 um, far below a pixel: the traced corners stay half a pixel away from
    every pixel centre) fits the 16 characters of DS (PS3.5 Table 6.2-1)."""
    flat = points.ravel()
    if len(flat) and float(np.max(np.abs(flat))) < 1e9:
        raw = "\\".join(np.char.mod("%.4f", flat).tolist()).encode("ascii")
        if len(raw) % 2:
            raw += b" "
        return DataElement(tags.ContourData, "DS", raw=raw, context=EncodingContext())
    return DataElement(tags.ContourData, "DS", [float(v) for v in flat])


def _signed_area(loop: np.ndarray[Any, Any]) -> float:
    """The shoelace area of a traced loop: positive for an outer boundary (traced clockwise
    on screen by :func:`trace_mask`), negative for the boundary of a hole."""
    x, y = loop[:, 1].astype(np.float64), loop[:, 0].astype(np.float64)
    return float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum() / 2)


def _color(number: int) -> tuple[int, int, int]:
    """A distinct display colour per ROI number (a fixed golden-angle hue walk)."""
    import colorsys

    r, g, b = colorsys.hsv_to_rgb((number * 0.618033988749895) % 1.0, 0.75, 0.95)
    return (round(r * 255), round(g * 255), round(b * 255))
