"""Building Chest CAD SR documents (PS3.16 TID 4100 Chest CAD Document Root, with TID 4101
Findings Summary, 4102/4103 Composite Feature, 4104 Single Image Finding, 4107 Geometry,
4015-4019 Detections / Analyses Performed and Algorithm Identification, 4020 CAD Image Library
Entry, 1204 Language; PS3.3 A.35.6 Chest CAD SR IOD).

Concept names and relationship types come from the generated template rows
(:func:`dicomkit.sr.rows.row_concept`), coded values from the generated context groups
(:func:`dicomkit.sr.rows.context_group_code`), and coded inputs are checked against the Defined
Context Groups of their rows when those are not extensible (:func:`dicomkit.sr.rows.coded_row`,
PS3.16 7.2.3): the code values written here only pick a row or a member of a context group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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
from dicomkit.sr.content import ContentItem, SpatialCoordinates
from dicomkit.sr.document import SRDocument
from dicomkit.sr.errors import SRError
from dicomkit.sr.rows import (
    coded_row,
    content_item,
    context_group_code,
    image_reference,
    include_relationship,
    row_concept,
    row_item,
)

__all__ = ["Algorithm", "CadPerformed", "ChestCadReport", "CompositeFeature", "LibraryImage",
           "SingleImageFinding"]

#: CID 6034 "Presentation Required" (PS3.16 CID 6034), the default rendering intent.
_PRESENTATION_REQUIRED = "111150"


#: CID 6101 members that choose rows of TID 4102 / 4104 (rows 4, 13, 14, 19-24).
_ANATOMY, _SELECTED_REGION, _IMAGE_QUALITY = "112005", "111099", "111101"


def _intent(tid: str, intent: Code | None) -> ContentItem:
    code = intent if intent is not None else context_group_code(6034, _PRESENTATION_REQUIRED)
    return coded_row(tid, "111056", code, f"TID {tid} Rendering Intent")


def _component(tid: str, finding: Code, component: Code | None) -> list[ContentItem]:
    """Row 4 of TID 4102 / 4104 "Associated Chest Component" (CID 6100): present if and only if
    the finding is (112005, DCM, "Radiographic anatomy")."""
    anatomy = finding == context_group_code(6101, _ANATOMY)
    if anatomy != (component is not None):
        raise SRError(f"TID {tid} row 4: an Associated Chest Component (CID 6100) is given if and "
                      f"only if the finding is 'Radiographic anatomy'; finding {finding.meaning!r}, "
                      f"component {component.meaning if component is not None else None!r}")
    if component is None:
        return []
    return [coded_row(tid, "112003", component, f"TID {tid} row 4 Associated Chest Component")]


@dataclass(frozen=True)
class SingleImageFinding:
    """TID 4104 Chest CAD Single Image Finding: ``finding`` (CID 6101) at ``center`` (column,
    row) of ``image``, ``rendering_intent`` (CID 6034), found by ``algorithm``."""

    finding: Code
    image: Dataset
    center: tuple[float, float]
    algorithm: Algorithm
    rendering_intent: Code | None = None
    certainty: float | None = None
    outline: Sequence[tuple[float, float]] = ()
    component: Code | None = None
    region_description: str = ""

    def to_item(self) -> ContentItem:
        """The TID 4104 CODE item "Single Image Finding" with its rows as children.

        ``component`` (row 4, CID 6100) is given for and only for "Radiographic anatomy",
        ``region_description`` (row 13) for and only for "Selected region"; "Image quality"
        findings (rows 19-24, TID 4014) are not built here."""
        item = coded_row("4104", "111059", self.finding, "TID 4104 row 1 Single Image Finding")
        if self.finding == context_group_code(6101, _IMAGE_QUALITY):
            raise SRError("TID 4104 rows 19-24: an 'Image quality' finding needs TID 4014 (CAD Image "
                          "Quality), which dicomkit.sr.chest_cad does not build")
        selected = self.finding == context_group_code(6101, _SELECTED_REGION)
        if selected != bool(self.region_description):
            raise SRError("TID 4104 row 13: a Selected Region Description is given if and only if "
                          f"the finding is 'Selected region' (finding {self.finding.meaning!r})")
        for child in _component("4104", self.finding, self.component):
            item.add(child)
        item.add(_intent("4104", self.rendering_intent))
        for child in self.algorithm.items(include_relationship("4104", "4019")):
            item.add(child)
        certainty = percent("4104", "111012", self.certainty, "TID 4104 row 12")
        if certainty is not None:
            item.add(certainty)
        if self.region_description:
            item.add(row_item("4104", "111058", "TEXT", self.region_description))
        rel = include_relationship("4104", "4107")
        center = row_item("4107", "111010", "SCOORD", SpatialCoordinates("POINT", self.center))
        center.relationship = rel
        center.add(content_item("IMAGE", "SELECTED FROM", None, image_reference(self.image)))
        item.add(center)
        if self.outline:
            points = tuple(v for p in (*self.outline, self.outline[0]) for v in p)
            outline = row_item("4107", "111041", "SCOORD", SpatialCoordinates("POLYLINE", points))
            outline.relationship = rel
            outline.add(content_item("IMAGE", "SELECTED FROM", None, image_reference(self.image)))
            item.add(outline)
        return item


@dataclass(frozen=True)
class CompositeFeature:
    """TID 4102 Chest CAD Composite Feature: ``feature`` (CID 6101) inferred from at least two
    single image findings or composite features (rows 13, 14), with its TID 4103 body: how they
    relate (``composite_type``, CID 6035), where the feature was seen (``scope``, CID 6036) and
    the certainty of the feature (%), found by ``algorithm`` (row 11)."""

    feature: Code
    composite_type: Code
    scope: Code
    algorithm: Algorithm
    inferred_from: Sequence[SingleImageFinding | CompositeFeature]
    rendering_intent: Code | None = None
    certainty: float | None = None
    component: Code | None = None

    def to_item(self) -> ContentItem:
        """The TID 4102 CODE item "Composite Feature" with its rows as children (``component``:
        row 4, CID 6100, for and only for "Radiographic anatomy")."""
        if len(self.inferred_from) < 2:
            raise SRError("TID 4102 rows 13-14: a composite feature is inferred from at least two "
                          f"single image findings or composite features, got {len(self.inferred_from)}")
        item = coded_row("4102", "111015", self.feature, "TID 4102 row 1 Composite Feature")
        for child in _component("4102", self.feature, self.component):
            item.add(child)
        item.add(_intent("4102", self.rendering_intent))
        for child in self.algorithm.items(include_relationship("4102", "4019")):
            item.add(child)
        body_rel = include_relationship("4102", "4103")
        body = [coded_row("4103", "111016", self.composite_type, "TID 4103 row 1 Composite type"),
                coded_row("4103", "111057", self.scope, "TID 4103 row 2 Scope of Feature")]
        certainty = percent("4103", "111011", self.certainty, "TID 4103 row 3")
        if certainty is not None:
            body.append(certainty)
        for child in body:
            child.relationship = body_rel
            item.add(child)
        for source in self.inferred_from:
            child = source.to_item()
            child.relationship = include_relationship(
                "4102", "4102" if isinstance(source, CompositeFeature) else "4104")
            item.add(child)
        return item


@dataclass
class ChestCadReport:
    """A Chest CAD SR report (PS3.16 TID 4100): ``language`` (TID 1204, mandatory in TID 4100
    row 2) is a code of CID 5000, which PS3.16 defines by RFC 5646 (e.g. ``Code("en-US",
    "RFC5646", "English (United States)")``); ``composites`` (TID 4102) and ``findings`` (TID 4104)
    are the findings of the summary (TID 4101 rows 2, 3)."""

    images: Sequence[Dataset | LibraryImage]
    language: Code
    findings: list[SingleImageFinding] = field(default_factory=list)
    detections: list[CadPerformed] = field(default_factory=list)
    analyses: list[CadPerformed] = field(default_factory=list)
    composites: list[CompositeFeature] = field(default_factory=list)

    def to_content(self) -> ContentItem:
        """The root CONTAINER of the TID 4100 content tree."""
        if not self.images:
            raise SRError("TID 4100 row 4: the image library lists at least one image")
        concept = row_concept("4100", "112000", "CONTAINER")[0]
        root = content_item("CONTAINER", "", concept)
        root.template = "4100"
        root.continuity = "SEPARATE"
        lang = row_item("1204", "121049", "CODE", self.language)
        lang.relationship = include_relationship("4100", "1204")
        root.add(lang)
        library, _ = image_library("4100", self.images)
        root.add(library)
        summary = overall_summary("4101", bool(self.findings or self.composites),
                                  (*self.detections, *self.analyses))
        summary.relationship = include_relationship("4100", "4101")
        for composite in self.composites:
            child = composite.to_item()
            child.relationship = include_relationship("4101", "4102")
            summary.add(child)
        for finding in self.findings:
            child = finding.to_item()
            child.relationship = include_relationship("4101", "4104")
            summary.add(child)
        root.add(summary)
        root.add(performed_summary("4100", "111064", self.detections))
        root.add(performed_summary("4100", "111065", self.analyses))
        return root

    def to_document(self, *, evidence: Sequence[Dataset] = (), **kwargs: Any) -> SRDocument:
        """The report as a Chest CAD SR instance (PS3.3 A.35.6), by :meth:`SRDocument.create`."""
        images = [i.dataset if isinstance(i, LibraryImage) else i for i in self.images]
        return SRDocument.create(self.to_content(), sop_class_uid=uids.ChestCADSRStorage,
                                 evidence=evidence or images, **kwargs)


