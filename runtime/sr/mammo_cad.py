"""Building Mammography CAD SR documents (PS3.16 TID 4000 Mammography CAD Document Root, with
TID 4001 Overall Impression/Recommendation, 4003 Individual Impression/Recommendation, 4004/4005
Composite Feature, 4006 Single Image Finding, 4009-4011 calcification and density descriptors,
4021 Geometry, 4015-4019 Detections / Analyses Performed and Algorithm Identification, 4020 CAD
Image Library Entry, 1204 Language; PS3.3 A.35.5 Mammography CAD SR IOD).

Concept names, relationship types and units come from the generated template rows
(:mod:`dicomkit.sr.rows`); coded inputs are checked against the Defined Context Groups of their
rows (e.g. an image laterality against the CID 6022 that TID 4000 row 4 binds to
``$ImageLaterality``, a rendering intent against CID 6034) and refused with
:class:`~dicomkit.sr.SRError` when outside a group that is not extensible (PS3.16 7.2.3; codes
extending an Extensible group, such as CID 6014 Mammography Single Image Finding, are kept).
The code values written here only pick a row or a member of a context group.

TID 4021 (Mammography CAD Geometry) selects its coordinates from the IMAGE items of the image
library by reference (PS3.3 C.17.3.2.5, rows 2 and 4), so every image a finding is on must be in
``MammoCadReport.images``.

>>> report = MammoCadReport([LibraryImage(mg, laterality=left)], language=en_us,
...     impressions=[Impression([MammoFinding(cluster, mg, (512.0, 300.0), alg)])],
...     detections=[CadPerformed(cluster, alg, [mg])])   # doctest: +SKIP
>>> report.to_document().to_dataset()                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.sr.cad import (
    Algorithm,
    CadPerformed,
    LibraryImage,
    image_library,
    overall_summary,
    percent,
    performed_summary,
)
from dicomkit.sr.code import Code
from dicomkit.sr.content import ContentItem, NumValue, SpatialCoordinates
from dicomkit.sr.document import SRDocument
from dicomkit.sr.errors import SRError
from dicomkit.sr.rows import (
    coded_row,
    content_item,
    context_group_code,
    include_relationship,
    row_concept,
    row_item,
    row_unit,
)

__all__ = ["Algorithm", "Assessment", "CadPerformed", "Impression", "LibraryImage", "MammoCadReport",
           "MammoCompositeFeature", "MammoFinding"]

#: CID 6015 / CID 6014 members that choose TID 4006 rows (PS3.16 TID 4006 rows 8-17).
_INDIVIDUAL_CALCIFICATION, _CLUSTER, _DENSITY = "129770007", "129769006", "129793001"
#: Single image findings whose TID 4006 rows (4007, 4008, 4012-4014) this builder does not make.
_UNSUPPORTED = {"129715009": "TID 4006 row 9 (TID 4007 Breast Composition)",
                "111100": "TID 4006 row 11 (TID 4008 Breast Geometry)",
                "111102": "TID 4006 row 16 (TID 4012 Non-lesion)",
                "111099": "TID 4006 row 17 (TID 4013 Selected Region)",
                "111101": "TID 4006 rows 18-21 (TID 4014 Image Quality)"}
#: CID 6017 members whose composite type is "related contra-laterally" (TID 4005 row 1).
_ASYMMETRIES, _CONTRA_LATERAL = ("129789007", "129790003"), "111155"
#: CID 6034 "Presentation Required", the default rendering intent.
_PRESENTATION_REQUIRED = "111150"


def _intent(tid: str, intent: Code | None) -> ContentItem:
    code = intent if intent is not None else context_group_code(6034, _PRESENTATION_REQUIRED)
    return coded_row(tid, "111056", code, f"TID {tid} Rendering Intent")


def _is(code: Code, cid: int, value: str) -> bool:
    return code == context_group_code(cid, value)


def _library_ref(entries: Mapping[str, ContentItem], image: Dataset, what: str) -> ContentItem:
    """A by-reference SELECTED FROM IMAGE item pointing at ``image``'s library entry."""
    uid = str(image.SOPInstanceUID)
    entry = entries.get(uid)
    if entry is None:
        raise SRError(f"{what}: image {uid} is not in the image library (TID 4000 row 4); TID 4021 "
                      "selects coordinates from library entries by reference")
    return ContentItem("", "SELECTED FROM", reference=entry.path)


def _descriptors(tid: str, rows: Sequence[tuple[str, Sequence[Code]]]) -> list[ContentItem]:
    return [coded_row(tid, value, code, f"TID {tid} {row_concept(tid, value, 'CODE')[0].meaning}")
            for value, codes in rows for code in codes]


@dataclass(frozen=True)
class MammoFinding:
    """TID 4006 Mammography CAD Single Image Finding: ``finding`` (CID 6014, e.g. (129769006,
    SCT, "Calcification Cluster"), (129770007, SCT, "Individual Calcification"), (129793001, SCT,
    "Mammography breast density")) at ``center`` (column, row) of ``image``, found by
    ``algorithm``; ``outline`` is a closed polyline (TID 4021 row 3).

    Descriptors, each only where TID 4006 allows it: ``calcification_types`` (CID 6010, TID 4009
    / 4010 row 1) for calcifications, ``calcification_distribution`` (CID 6012) and
    ``number_of_calcifications`` for clusters (TID 4010 rows 2, 3), ``density`` (CID 6008),
    ``shape`` (CID 6004) and ``margins`` (CID 6006) for densities (TID 4011 rows 1-3).
    """

    finding: Code
    image: Dataset
    center: tuple[float, float]
    algorithm: Algorithm
    rendering_intent: Code | None = None
    certainty: float | None = None
    probability_of_cancer: float | None = None
    outline: Sequence[tuple[float, float]] = ()
    calcification_types: Sequence[Code] = ()
    calcification_distribution: Code | None = None
    number_of_calcifications: int | None = None
    density: Code | None = None
    shape: Code | None = None
    margins: Sequence[Code] = ()

    def to_item(self, entries: Mapping[str, ContentItem]) -> ContentItem:
        """The TID 4006 CODE item; ``entries`` are the image library entries by SOP Instance UID
        (from :func:`dicomkit.sr.cad.image_library`)."""
        what = "TID 4006 row 1 Single Image Finding"
        item = coded_row("4006", "111059", self.finding, what)
        unsupported = _UNSUPPORTED.get(self.finding.value) if self.finding.scheme in ("DCM", "SCT") \
            else None
        if unsupported is not None:
            raise SRError(f"{what} {self.finding.meaning!r} needs {unsupported}, which "
                          "dicomkit.sr.mammo_cad does not build")
        properties = self._properties()
        item.add(_intent("4006", self.rendering_intent))
        for child in self.algorithm.items(include_relationship("4006", "4019")):
            item.add(child)
        for value, number, row in (("111012", self.certainty, "6"),
                                   ("111047", self.probability_of_cancer, "7")):
            num = percent("4006", value, number, f"TID 4006 row {row}")
            if num is not None:
                item.add(num)
        for child in self._geometry(entries):
            item.add(child)
        for child in properties:
            item.add(child)
        return item

    def _geometry(self, entries: Mapping[str, ContentItem]) -> list[ContentItem]:
        rel = include_relationship("4006", "4021")
        center = row_item("4021", "111010", "SCOORD", SpatialCoordinates("POINT", self.center))
        center.relationship = rel
        center.add(_library_ref(entries, self.image, "TID 4021 row 2"))
        out = [center]
        if self.outline:
            if len(self.outline) < 3:
                raise SRError(f"TID 4021 row 3: an outline has at least 3 points, got "
                              f"{len(self.outline)}")
            points = tuple(v for p in (*self.outline, self.outline[0]) for v in p)
            outline = row_item("4021", "111041", "SCOORD", SpatialCoordinates("POLYLINE", points))
            outline.relationship = rel
            outline.add(_library_ref(entries, self.image, "TID 4021 row 4"))
            out.append(outline)
        return out

    def _properties(self) -> list[ContentItem]:
        """TID 4009 (individual calcification), 4010 (cluster) or 4011 (density) rows."""
        single = _is(self.finding, 6015, _INDIVIDUAL_CALCIFICATION)
        cluster = _is(self.finding, 6015, _CLUSTER)
        density = _is(self.finding, 6015, _DENSITY)
        meaning = self.finding.meaning
        if self.calcification_types and not (single or cluster):
            raise SRError(f"TID 4006 rows 12-13: calcification types describe an individual "
                          f"calcification or a calcification cluster, not {meaning!r}")
        if (self.calcification_distribution is not None
                or self.number_of_calcifications is not None) and not cluster:
            raise SRError("TID 4006 row 13 (TID 4010 rows 2, 3): calcification distribution and "
                          f"number of calcifications describe a calcification cluster, not {meaning!r}")
        if (self.density is not None or self.shape is not None or self.margins) and not density:
            raise SRError("TID 4006 row 14 (TID 4011): density, shape and margins describe a "
                          f"mammography breast density, not {meaning!r}")
        tid = "4009" if single else "4010" if cluster else "4011"
        out = _descriptors(tid, [("111009", self.calcification_types)]) if tid != "4011" else []
        if cluster:
            if self.calcification_distribution is not None:
                out += _descriptors("4010", [("111008", [self.calcification_distribution])])
            if self.number_of_calcifications is not None:
                if self.number_of_calcifications < 1:
                    raise SRError("TID 4010 row 3: Number of calcifications "
                                  f"{self.number_of_calcifications} is not a positive count")
                out.append(row_item("4010", "111038", "NUM", NumValue(
                    Decimal(self.number_of_calcifications), row_unit("4010", "111038", "1"))))
        if density:
            out += _descriptors("4011", [("111035", [self.density] if self.density else []),
                                         ("107644003", [self.shape] if self.shape else []),
                                         ("111037", self.margins)])
        rel = include_relationship("4006", tid)
        for child in out:
            child.relationship = rel
        return out


@dataclass(frozen=True)
class MammoCompositeFeature:
    """TID 4004 Mammography CAD Composite Feature: ``feature`` (CID 6016, e.g. (129788004, SCT,
    "Mammographic breast mass")) inferred from at least two single image findings or composite
    features (rows 5, 6), with its TID 4005 body: ``composite_type`` (CID 6035), ``scope`` (CID
    6036), ``algorithm``, certainty (%), and for masses ``density`` (CID 6008), ``shape`` (CID
    6004) and ``margins`` (CID 6006) (TID 4005 rows 19-21)."""

    feature: Code
    composite_type: Code
    scope: Code
    algorithm: Algorithm
    inferred_from: Sequence[MammoFinding | MammoCompositeFeature]
    rendering_intent: Code | None = None
    certainty: float | None = None
    probability_of_cancer: float | None = None
    density: Code | None = None
    shape: Code | None = None
    margins: Sequence[Code] = ()

    def to_item(self, entries: Mapping[str, ContentItem]) -> ContentItem:
        """The TID 4004 CODE item with its rows as children."""
        if len(self.inferred_from) < 2:
            raise SRError("TID 4004 rows 5-6: a composite feature is inferred from at least two "
                          f"single image findings or composite features, got {len(self.inferred_from)}")
        item = coded_row("4004", "111015", self.feature, "TID 4004 row 1 Composite Feature")
        item.add(_intent("4004", self.rendering_intent))
        if self.feature.value in _ASYMMETRIES and self.feature.scheme == "SCT" \
                and not _is(self.composite_type, 6035, _CONTRA_LATERAL):
            raise SRError(f"TID 4005 row 1: the composite type of {self.feature.meaning!r} is "
                          "(111155, DCM, 'Target Content Items are related contra-laterally')")
        body = [coded_row("4005", "111016", self.composite_type, "TID 4005 row 1 Composite type"),
                coded_row("4005", "111057", self.scope, "TID 4005 row 2 Scope of Feature")]
        body += self.algorithm.items(include_relationship("4004", "4005"))
        for value, number, row in (("111011", self.certainty, "4"),
                                   ("111047", self.probability_of_cancer, "5")):
            num = percent("4005", value, number, f"TID 4005 row {row}")
            if num is not None:
                body.append(num)
        masses = (context_group_code(6017, "129788004"), context_group_code(6015, _DENSITY))
        if (self.density is not None or self.shape is not None or self.margins) \
                and self.feature not in masses:
            raise SRError("TID 4005 rows 19-21: density, shape and margins describe a mammographic "
                          f"breast mass or density, not {self.feature.meaning!r}")
        body += _descriptors("4005", [("111035", [self.density] if self.density else []),
                                      ("107644003", [self.shape] if self.shape else []),
                                      ("111037", self.margins)])
        rel = include_relationship("4004", "4005")
        for child in body:
            child.relationship = rel
            item.add(child)
        for source in self.inferred_from:
            child = source.to_item(entries)
            child.relationship = include_relationship(
                "4004", "4004" if isinstance(source, MammoCompositeFeature) else "4006")
            item.add(child)
        return item


@dataclass(frozen=True)
class Assessment:
    """TID 4002 Mammography CAD Impression/Recommendation Body: an ``assessment`` category (row 1,
    CID 6026, e.g. BI-RADS® "2 - Benign" of CID 6027), an impression ``description`` (row 5) and
    ``follow_up`` recommendations (row 6, CID 6028), at least one of them, by ``algorithm`` (row 11),
    with the certainty of the impression (row 10, %)."""

    algorithm: Algorithm
    assessment: Code | None = None
    description: str = ""
    follow_up: Sequence[Code] = ()
    certainty: float | None = None

    def items(self, relationship: str) -> list[ContentItem]:
        """The TID 4002 rows, each with ``relationship`` (that of the including row)."""
        if self.assessment is None and not self.description and not self.follow_up:
            raise SRError("TID 4002 rows 1, 3, 5, 6, 8, 9: an impression body holds an assessment "
                          "category, an impression description or a recommended follow-up")
        if self.certainty is not None and self.assessment is None:
            raise SRError("TID 4002 row 10: the Certainty of impression goes with an Assessment "
                          "Category")
        out = _descriptors("4002", [("111005", [self.assessment] if self.assessment else [])])
        if self.description:
            out.append(row_item("4002", "111033", "TEXT", self.description))
        out += _descriptors("4002", [("111053", self.follow_up)])
        certainty = percent("4002", "111013", self.certainty, "TID 4002 row 10")
        if certainty is not None:
            out.append(certainty)
        out += self.algorithm.items(relationship)
        for item in out:
            item.relationship = relationship
        return out


@dataclass(frozen=True)
class Impression:
    """TID 4003 Individual Impression/Recommendation: the findings and composite features of one
    lesion (at least one, rows 4-5), with the rendering intent of the impression (row 2) and an
    optional :class:`Assessment` (row 3, TID 4002)."""

    findings: Sequence[MammoFinding | MammoCompositeFeature]
    rendering_intent: Code | None = None
    assessment: Assessment | None = None

    def to_item(self, entries: Mapping[str, ContentItem]) -> ContentItem:
        """The TID 4003 CONTAINER."""
        if not self.findings:
            raise SRError("TID 4003 rows 4-5: an individual impression holds at least one single "
                          "image finding or composite feature")
        concept, _ = row_concept("4003", "111034", "CONTAINER")
        item = content_item("CONTAINER", include_relationship("4001", "4003"), concept)
        item.continuity = "SEPARATE"
        item.add(_intent("4003", self.rendering_intent))
        if self.assessment is not None:
            for child in self.assessment.items(include_relationship("4003", "4002")):
                item.add(child)
        for finding in self.findings:
            child = finding.to_item(entries)
            child.relationship = include_relationship(
                "4003", "4004" if isinstance(finding, MammoCompositeFeature) else "4006")
            item.add(child)
        return item


@dataclass
class MammoCadReport:
    """A Mammography CAD SR report (PS3.16 TID 4000).

    ``images`` are the image library (TID 4020: a :class:`LibraryImage` gives the CID 6022 code of
    an image's Image Laterality (0020,0062), which the entry needs when the image has one);
    ``language`` the TID 1204 language (mandatory, TID 4000 row 2; an RFC 5646 code, CID 5000);
    ``impressions`` the TID 4003 impressions of the summary (TID 4001); ``detections`` and
    ``analyses`` what the CAD performed (TID 4015 / 4016, codes of CID 6014 / CID 6043).
    """

    images: Sequence[Dataset | LibraryImage]
    language: Code
    impressions: list[Impression] = field(default_factory=list)
    detections: list[CadPerformed] = field(default_factory=list)
    analyses: list[CadPerformed] = field(default_factory=list)
    overall: Assessment | None = None

    def to_content(self) -> ContentItem:
        """The root CONTAINER of the TID 4000 content tree (``overall``: the TID 4002 body of the
        overall impression, TID 4001 row 2)."""
        if not isinstance(self.language, Code):
            raise SRError("TID 4000 row 2 (TID 1204): the language is a Code (RFC 5646), got "
                          f"{type(self.language).__name__}")
        concept = row_concept("4000", "111036", "CONTAINER")[0]
        root = content_item("CONTAINER", "", concept)
        root.template = "4000"
        root.continuity = "SEPARATE"
        lang = row_item("1204", "121049", "CODE", self.language)
        lang.relationship = include_relationship("4000", "1204")
        root.add(lang)
        library, entries = image_library("4000", self.images)
        root.add(library)  # attached before the findings, whose references need its paths
        summary = overall_summary("4001", bool(self.impressions), (*self.detections, *self.analyses))
        summary.relationship = include_relationship("4000", "4001")
        root.add(summary)
        if self.overall is not None:
            for child in self.overall.items(include_relationship("4001", "4002")):
                summary.add(child)
        for impression in self.impressions:
            summary.add(impression.to_item(entries))
        root.add(performed_summary("4000", "111064", self.detections))
        root.add(performed_summary("4000", "111065", self.analyses))
        return root

    def to_document(self, *, evidence: Sequence[Dataset] = (), **kwargs: Any) -> SRDocument:
        """The report as a Mammography CAD SR instance (PS3.3 A.35.5), by
        :meth:`SRDocument.create` (keyword arguments go there)."""
        images = [i.dataset if isinstance(i, LibraryImage) else i for i in self.images]
        return SRDocument.create(self.to_content(), sop_class_uid=uids.MammographyCADSRStorage,
                                 evidence=evidence or images, **kwargs)
