"""Building TID 1500 Measurement Reports (PS3.16 TID 1500, 1501, 1410, 1411, 300, 1001, 1204).

A :class:`MeasurementReport` collects :class:`MeasurementGroup` objects, each holding
:class:`Measurement` objects (TID 300 NUM items) and qualitative evaluations (CODE items), and turns
them into a content tree (:meth:`MeasurementReport.to_content`) or a whole SR instance
(:meth:`MeasurementReport.to_document`, through :meth:`dicomkit.sr.SRDocument.create`).

Concept names and relationship types of the template rows are taken from the generated PS3.16
tables (:data:`dicomkit.generated.sr_templates.TEMPLATES`) by :func:`dicomkit.sr.rows.row_concept`,
which fails loudly when a row is no longer where the standard put it; only the code *values* that
identify rows are written here. Units are UCUM codes chosen by the caller (PS3.16 TID 300 row 1, CID 7181).

Which SOP class can carry a report (PS3.3 A.35.2.3.1, A.35.3.3.1, A.35.13.3.1): SCOORD3D content
items are only in the Comprehensive 3D SR (and Extensible SR) IODs; Enhanced SR forbids by-reference
relationships. :func:`choose_sop_class` picks the least capable class that fits and
:meth:`MeasurementReport.to_document` raises :class:`~dicomkit.sr.SRError` for impossible choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.sr import (
    Code,
    ContentItem,
    NumValue,
    Reference,
    SpatialCoordinates,
    SpatialCoordinates3D,
    SRDocument,
    SRError,
)
from dicomkit.sr.rows import (
    content_item,
    context_group_code,
    image_reference,
    include_relationship,
    param_relationship,
    row_concept,
    row_item,
)

__all__ = [
    "DeviceObserver",
    "ImageRegion",
    "ImageRegion3D",
    "Measurement",
    "MeasurementGroup",
    "MeasurementReport",
    "PersonObserver",
    "QualitativeEvaluation",
    "SegmentReference",
    "choose_sop_class",
    "context_group_code",
    "image_reference",
    "row_concept",
]


# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonObserver:
    """TID 1003 Person Observer Identifying Attributes."""

    name: str
    organization: str = ""


@dataclass(frozen=True)
class DeviceObserver:
    """TID 1004 Device Observer Identifying Attributes."""

    uid: str
    name: str = ""
    manufacturer: str = ""
    model_name: str = ""
    serial_number: str = ""


@dataclass(frozen=True)
class ImageRegion:
    """A planar region (SCOORD) on one source image: PS3.16 TID 1410 / 1411 "Image Region"."""

    graphic_type: str
    data: Sequence[float]
    image: Reference
    pixel_origin: str = ""


@dataclass(frozen=True)
class ImageRegion3D:
    """A region in a frame of reference (SCOORD3D): TID 1410 "Image Region", TID 1411 "Volume Surface"."""

    graphic_type: str
    data: Sequence[float]
    frame_of_reference_uid: str


@dataclass(frozen=True)
class SegmentReference:
    """A segment of a Segmentation instance: TID 1410 "Referenced Segmentation Frame" (one frame) or
    TID 1411 "Referenced Segment", with the series the segmentation was made from."""

    segmentation: Reference
    source_series_uid: str = ""


@dataclass(frozen=True)
class QualitativeEvaluation:
    """A coded evaluation (CODE content item) of a measurement group (TID 1501/1410/1411)."""

    concept: Code
    value: Code


@dataclass
class Measurement:
    """One TID 300 measurement: a NUM content item with its concept modifiers.

    ``value`` may be a Decimal, int, float or decimal string; it is kept as a Decimal (DS, PS3.5 6.2)
    and, when it does not fit 16 characters, also as Floating Point Value (PS3.3 C.18.1).
    """

    concept: Code
    value: Decimal | float | int | str
    units: Code
    qualifier: Code | None = None
    method: Code | None = None
    derivation: Code | None = None
    finding_sites: Sequence[Code] = ()

    def to_item(self, relationship: str) -> ContentItem:
        """The NUM content item of TID 300 row 1 with its rows 2.. as children."""
        dec = self.value if isinstance(self.value, Decimal) else Decimal(str(self.value))
        num = NumValue(value=dec, units=self.units, qualifier=self.qualifier,
                       float_value=float(dec) if len(str(dec)) > 16 else None)
        children = []
        if self.method is not None:
            children.append(row_item("300", "370129005", "CODE", self.method))
        if self.derivation is not None:
            children.append(row_item("300", "121401", "CODE", self.derivation))
        for site in self.finding_sites:
            children.append(row_item("300", "363698007", "CODE", site))
        return content_item("NUM", relationship, self.concept, num, children)


@dataclass
class MeasurementGroup:
    """One measurement group of TID 1500 row "Imaging Measurements".

    The template follows from ``roi``: None -> TID 1501 (measurements of whole images, listed in
    ``source_images``); an :class:`ImageRegion`, a planar :class:`ImageRegion3D` or a
    :class:`SegmentReference` -> TID 1410; ``volumetric=True`` (with a sequence of ImageRegion, an
    ImageRegion3D volume surface or a SegmentReference) -> TID 1411.
    """

    tracking_id: str
    measurements: Sequence[Measurement] = ()
    tracking_uid: str = ""
    finding_type: Code | None = None
    finding_category: Code | None = None
    finding_sites: Sequence[Code] = ()
    method: Code | None = None
    session: str = ""
    roi: ImageRegion | ImageRegion3D | SegmentReference | Sequence[ImageRegion] | None = None
    volumetric: bool = False
    source_images: Sequence[Reference] = ()
    qualitative: Sequence[QualitativeEvaluation] = field(default_factory=tuple)

    @property
    def tid(self) -> str:
        """The template of this group: "1501", "1410" or "1411"."""
        if self.roi is None:
            return "1501"
        return "1411" if self.volumetric else "1410"

    def uses_scoord3d(self) -> bool:
        """Whether the group holds a SCOORD3D content item (needs Comprehensive 3D SR)."""
        return isinstance(self.roi, ImageRegion3D)

    def to_item(self, relationship: str) -> ContentItem:
        """The Measurement Group CONTAINER of TID 1501/1410/1411 with its rows as children."""
        tid = self.tid
        concept, _ = row_concept(tid, "125007", "CONTAINER")
        group = content_item("CONTAINER", relationship, concept)
        group.add(row_item(tid, "112039", "TEXT", self.tracking_id))
        group.add(row_item(tid, "112040", "UIDREF", self.tracking_uid or generate_uid()))
        if self.session:
            group.add(row_item(tid, "C67447", "TEXT", self.session))
        if self.finding_type is not None:
            group.add(row_item(tid, "121071", "CODE", self.finding_type))
        if self.method is not None:
            group.add(row_item(tid, "370129005", "CODE", self.method))
        for site in self.finding_sites:
            group.add(row_item(tid, "363698007", "CODE", site))
        if self.finding_category is not None:
            group.add(row_item(tid, "276214006", "CODE", self.finding_category))
        if tid == "1501":
            # TID 1501 row 10b; $ImagePurpose is bound by TID 1500 row 9 to CID 7551 (-> CID 7552).
            rel = param_relationship(tid, "ImagePurpose", "IMAGE")
            source = context_group_code(7551, "121112")
            for ref in self.source_images:
                group.add(content_item("IMAGE", rel, source, ref))
        else:
            for roi_item in self._roi_items(tid):
                group.add(roi_item)
        # TID 1501 row 10 includes TID 300; TID 1410 row 11 / TID 1411 row 15 include TID 1419,
        # whose row 5 (the NUM, TID 300's content) has no relationship of its own.
        rel_300 = include_relationship(tid, "300" if tid == "1501" else "1419")
        for m in self.measurements:
            group.add(m.to_item(rel_300))
        if self.qualitative:
            rel = param_relationship(tid, "QualType", "CODE")
            for q in self.qualitative:
                group.add(content_item("CODE", rel, q.concept, q.value))
        return group

    def _roi_items(self, tid: str) -> list[ContentItem]:
        roi = self.roi
        out: list[ContentItem] = []
        regions: Sequence[ImageRegion]
        if isinstance(roi, ImageRegion3D):
            value = SpatialCoordinates3D(graphic_type=roi.graphic_type, data=tuple(roi.data),
                                         frame_of_reference_uid=roi.frame_of_reference_uid)
            code = "111030" if tid == "1410" else "121231"
            out.append(row_item(tid, code, "SCOORD3D", value))
            return out
        if isinstance(roi, SegmentReference):
            code = "121214" if tid == "1410" else "121191"
            out.append(row_item(tid, code, "IMAGE", roi.segmentation))
            if roi.source_series_uid:
                out.append(row_item(tid, "121232", "UIDREF", roi.source_series_uid))
            return out
        if isinstance(roi, ImageRegion):
            regions = (roi,)
        elif roi is None:
            regions = ()
        else:
            regions = tuple(roi)
        if tid == "1410" and len(regions) != 1:
            raise SRError(f"group {self.tracking_id!r}: a planar ROI (TID 1410) has one image region, "
                          f"got {len(regions)}; use volumetric=True for TID 1411")
        concept, rel = row_concept(tid, "111030", "SCOORD")
        for region in regions:
            coords = SpatialCoordinates(graphic_type=region.graphic_type, data=tuple(region.data),
                                        pixel_origin=region.pixel_origin)
            # the child row (TID 1410 row 6 / TID 1411 row 6): SELECTED FROM IMAGE, no concept name
            out.append(content_item("SCOORD", rel, concept, coords,
                             [content_item("IMAGE", "SELECTED FROM", None, region.image)]))
        return out


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------

def choose_sop_class(groups: Iterable[MeasurementGroup]) -> str:
    """The least capable SR SOP Class able to hold ``groups``: Comprehensive 3D SR when any group
    holds SCOORD3D (PS3.3 A.35.13), Comprehensive SR otherwise (PS3.3 A.35.3)."""
    if any(g.uses_scoord3d() for g in groups):
        return uids.Comprehensive3DSRStorage
    return uids.ComprehensiveSRStorage


#: Value types each SR SOP class allows beyond the Enhanced SR set (PS3.3 A.35.x.3.1.1):
#: only the 3D-capable classes allow SCOORD3D.
_SCOORD3D_CLASSES = frozenset({uids.Comprehensive3DSRStorage, uids.ExtensibleSRStorage})
_TID1500_CLASSES = frozenset({uids.EnhancedSRStorage, uids.ComprehensiveSRStorage,
                              uids.Comprehensive3DSRStorage, uids.ExtensibleSRStorage})


@dataclass
class MeasurementReport:
    """A TID 1500 Measurement Report under construction.

    Parameters
    ----------
    procedure_reported
        TID 1500 row 4 "Procedure reported" (CID 100), one or more codes.
    observers
        :class:`PersonObserver` / :class:`DeviceObserver` of TID 1002 (observation context, TID 1001).
    title
        Document title (TID 1500 row 1, CID 7021); default (126000, DCM, "Imaging Measurement Report").
    language
        TID 1204 language (TID 1500 row 2, user option): an RFC 5646 code such as
        ``Code("en-US", "RFC5646", "English (United States)")``; CID 5000 is the whole RFC 5646
        scheme rather than a list, so there is no default and the row is left out when None.
    """

    procedure_reported: Code | Sequence[Code]
    observers: Sequence[PersonObserver | DeviceObserver] = ()
    title: Code | None = None
    language: Code | None = None
    groups: list[MeasurementGroup] = field(default_factory=list)

    def add_group(self, group: MeasurementGroup) -> MeasurementGroup:
        """Append a measurement group; returns it."""
        self.groups.append(group)
        return group

    def to_content(self) -> ContentItem:
        """The root CONTAINER of the TID 1500 content tree."""
        title = self.title if self.title is not None else context_group_code(7021, "126000")
        root = content_item("CONTAINER", "", title)
        root.template = "1500"
        root.continuity = "SEPARATE"
        if self.language is not None:
            root.add(row_item("1204", "121049", "CODE", self.language))
        for obs in self.observers:
            for item in self._observer(obs):
                root.add(item)
        procs = [self.procedure_reported] if isinstance(self.procedure_reported, Code) \
            else list(self.procedure_reported)
        if not procs:
            raise SRError("TID 1500 row 4: at least one procedure reported is required")
        for proc in procs:
            root.add(row_item("1500", "121058", "CODE", proc))
        lib_concept, lib_rel = row_concept("1600", "111028", "CONTAINER")
        library = content_item("CONTAINER", include_relationship("1500", "1600") or lib_rel, lib_concept)
        library.continuity = "SEPARATE"
        root.add(library)
        meas_concept, meas_rel = row_concept("1500", "126010", "CONTAINER")
        container = content_item("CONTAINER", meas_rel, meas_concept)
        container.continuity = "SEPARATE"
        for group in self.groups:
            g = group.to_item(include_relationship("1500", group.tid))
            g.continuity = "SEPARATE"
            container.add(g)
        root.add(container)
        return root

    def _observer(self, obs: PersonObserver | DeviceObserver) -> list[ContentItem]:
        out: list[ContentItem] = []
        if isinstance(obs, PersonObserver):
            out.append(row_item("1002", "121005", "CODE", context_group_code(270, "121006")))
            # TID 1003 rows have no relationship of their own: TID 1002's INCLUDE row gives it.
            out.append(row_item("1002", "121008", "PNAME", obs.name))
            if obs.organization:
                out.append(row_item("1002", "121009", "TEXT", obs.organization))
            return out
        out.append(row_item("1002", "121005", "CODE", context_group_code(270, "121007")))
        out.append(row_item("1002", "121012", "UIDREF", obs.uid))
        for value, text in (("121013", obs.name), ("121014", obs.manufacturer),
                            ("121015", obs.model_name), ("121016", obs.serial_number)):
            if text:
                out.append(row_item("1002", value, "TEXT", text))
        return out

    def to_document(self, *, sop_class_uid: str | None = None, evidence: Sequence[Dataset] = (),
                    **kwargs: Any) -> SRDocument:
        """The report as an SR instance (PS3.3 A.35), made by :meth:`SRDocument.create`.

        ``sop_class_uid`` defaults to :func:`choose_sop_class`; Enhanced SR or Comprehensive SR with
        SCOORD3D content, or a non-SR class, raise :class:`SRError`. Further keyword arguments go to
        :meth:`SRDocument.create` (patient/study source, series, manufacturer, flags).
        """
        sop = sop_class_uid or choose_sop_class(self.groups)
        if sop not in _TID1500_CLASSES:
            raise SRError(f"SOP class {sop} cannot hold a TID 1500 report (PS3.3 A.35: Enhanced, "
                          "Comprehensive, Comprehensive 3D or Extensible SR)")
        if sop not in _SCOORD3D_CLASSES:
            bad = [g.tracking_id for g in self.groups if g.uses_scoord3d()]
            if bad:
                raise SRError(f"groups {bad} hold SCOORD3D, which SOP class {sop} does not allow "
                              "(PS3.3 A.35.2.3.1.1 / A.35.3.3.1.1); use Comprehensive 3D SR")
        return SRDocument.create(self.to_content(), sop_class_uid=sop, evidence=evidence, **kwargs)
