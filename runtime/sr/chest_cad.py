"""Building Chest CAD SR documents (PS3.16 TID 4100 Chest CAD Document Root, with TID 4101
Findings Summary, 4104 Single Image Finding, 4107 Geometry, 4015-4019 Detections / Analyses
Performed and Algorithm Identification, 4020 CAD Image Library Entry, 1204 Language; PS3.3
A.35.6 Chest CAD SR IOD).

Concept names and relationship types come from the generated template rows
(:func:`dicomkit.sr.tid1500.row_concept`), coded values from the generated context groups
(:func:`dicomkit.sr.tid1500.context_group_code`): the code values written here only pick a
row or a member of a context group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated import uids
from dicomkit.sr import Code, ContentItem, NumValue, SpatialCoordinates, SRDocument, SRError
from dicomkit.sr.tid1500 import (
    _item,
    _row,
    context_group_code,
    image_reference,
    include_relationship,
    row_concept,
)

__all__ = ["Algorithm", "CadPerformed", "ChestCadReport", "SingleImageFinding"]

#: CID 6042 (Summary of Detections / Analyses) and CID 6047 (CAD Processing and Findings
#: Summary) members, by their Code Value (PS3.16).
_SUCCEEDED, _FAILED, _PARTIAL, _NOT_ATTEMPTED = "111222", "111224", "111223", "111225"
_ALL_WITH, _ALL_WITHOUT = "111242", "111241"
_SOME_FAILED_WITH, _SOME_FAILED_WITHOUT = "111244", "111243"  # "Not all algorithms succeeded"


@dataclass(frozen=True)
class Algorithm:
    """TID 4019 Algorithm Identification: name and version (rows 1 and 2, mandatory),
    parameters (row 3)."""

    name: str
    version: str
    parameters: str = ""

    def items(self) -> list[ContentItem]:
        out = [_row("4019", "111001", "TEXT", self.name),
               _row("4019", "111003", "TEXT", self.version)]
        if self.parameters:
            out.append(_row("4019", "111002", "TEXT", self.parameters))
        rel = include_relationship("4017", "4019")
        for item in out:
            item.relationship = rel
        return out


@dataclass(frozen=True)
class CadPerformed:
    """A detection (TID 4017) or analysis (TID 4018) the CAD performed on ``images``:
    ``code`` from CID 6101/6102 (detections) or CID 6137 (analyses)."""

    code: Code
    algorithm: Algorithm
    images: Sequence[Dataset]
    succeeded: bool = True

    def to_item(self, tid: str) -> ContentItem:
        if not self.images:
            raise SRError(f"TID {tid} rows 3-6: at least one image the algorithm ran on")
        value = "111022" if tid == "4017" else "111004"
        item = _row(tid, value, "CODE", self.code)
        for child in self.algorithm.items():
            item.add(child)
        for ds in self.images:
            item.add(_item("IMAGE", "HAS PROPERTIES", None, image_reference(ds)))
        return item


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

    def to_item(self) -> ContentItem:
        item = _row("4104", "111059", "CODE", self.finding)
        intent = self.rendering_intent or context_group_code(6034, "111150")
        item.add(_row("4104", "111056", "CODE", intent))
        for child in self.algorithm.items():
            child.relationship = include_relationship("4104", "4019")
            item.add(child)
        if self.certainty is not None:
            if not 0 <= self.certainty <= 100:
                raise SRError(f"TID 4104 row 12: Certainty of Finding {self.certainty} is not in "
                              "0 - 100 (%)")
            unit = Code("%", "UCUM", "Percent")
            item.add(_row("4104", "111012", "NUM",
                          NumValue(Decimal(str(self.certainty)), unit)))
        rel = include_relationship("4104", "4107")
        center = _row("4107", "111010", "SCOORD", SpatialCoordinates("POINT", self.center))
        center.relationship = rel
        center.add(_item("IMAGE", "SELECTED FROM", None, image_reference(self.image)))
        item.add(center)
        if self.outline:
            points = tuple(v for p in (*self.outline, self.outline[0]) for v in p)
            outline = _row("4107", "111041", "SCOORD", SpatialCoordinates("POLYLINE", points))
            outline.relationship = rel
            outline.add(_item("IMAGE", "SELECTED FROM", None, image_reference(self.image)))
            item.add(outline)
        return item


@dataclass
class ChestCadReport:
    """A Chest CAD SR report (PS3.16 TID 4100): ``language`` (TID 1204, mandatory in TID 4100
    row 2) is a code of CID 5000, which PS3.16 defines by RFC 5646 (e.g. ``Code("en-US",
    "RFC5646", "English (United States)")``)."""

    images: Sequence[Dataset]
    language: Code
    findings: list[SingleImageFinding] = field(default_factory=list)
    detections: list[CadPerformed] = field(default_factory=list)
    analyses: list[CadPerformed] = field(default_factory=list)

    def _summary(self, performed: Sequence[CadPerformed]) -> str:
        if not performed:
            return _NOT_ATTEMPTED
        ok = [p.succeeded for p in performed]
        return _SUCCEEDED if all(ok) else _FAILED if not any(ok) else _PARTIAL

    def _performed(self, tid: str, performed: Sequence[CadPerformed]) -> list[ContentItem]:
        group = "4015" if tid == "4017" else "4016"
        kids = []
        for succeeded, value in ((True, "111063" if tid == "4017" else "111062"),
                                 (False, "111025" if tid == "4017" else "111024")):
            chosen = [p for p in performed if p.succeeded is succeeded]
            if chosen:
                container = _row(group, value, "CONTAINER", None,
                                 [p.to_item(tid) for p in chosen])
                container.continuity = "SEPARATE"
                for child in container.children:
                    child.relationship = include_relationship(group, tid)
                kids.append(container)
        return kids

    def to_content(self) -> ContentItem:
        """The root CONTAINER of the TID 4100 content tree."""
        if not self.images:
            raise SRError("TID 4100 row 4: the image library lists at least one image")
        concept = row_concept("4100", "112000", "CONTAINER")[0]
        root = _item("CONTAINER", "", concept)
        root.template = "4100"
        root.continuity = "SEPARATE"
        lang = _row("1204", "121049", "CODE", self.language)
        lang.relationship = include_relationship("4100", "1204")
        root.add(lang)
        lib_concept, lib_rel = row_concept("4100", "111028", "CONTAINER")
        library = _item("CONTAINER", lib_rel, lib_concept)
        library.continuity = "SEPARATE"
        for ds in self.images:
            library.add(_library_entry(ds))
        root.add(library)
        if not self.findings:
            overall = _ALL_WITHOUT
        else:
            overall = _ALL_WITH
        if any(not p.succeeded for p in (*self.detections, *self.analyses)):
            overall = _SOME_FAILED_WITH if self.findings else _SOME_FAILED_WITHOUT
        summary = _row("4101", "111017", "CODE", context_group_code(6047, overall))
        summary.relationship = include_relationship("4100", "4101")
        for finding in self.findings:
            child = finding.to_item()
            child.relationship = include_relationship("4101", "4104")
            summary.add(child)
        root.add(summary)
        for value, tid, performed in (("111064", "4017", self.detections),
                                      ("111065", "4018", self.analyses)):
            item = _row("4100", value, "CODE",
                        context_group_code(6042, self._summary(performed)))
            include = "4015" if tid == "4017" else "4016"
            for block in self._performed(tid, performed):
                block.relationship = include_relationship("4100", include)
                item.add(block)
            root.add(item)
        return root

    def to_document(self, *, evidence: Sequence[Dataset] = (), **kwargs: Any) -> SRDocument:
        """The report as a Chest CAD SR instance (PS3.3 A.35.6), by :meth:`SRDocument.create`."""
        return SRDocument.create(self.to_content(), sop_class_uid=uids.ChestCADSRStorage,
                                 evidence=evidence or self.images, **kwargs)


def _library_entry(ds: Dataset) -> ContentItem:
    """TID 4020: the IMAGE and the acquisition context its rows require from the instance."""
    image = _item("IMAGE", "CONTAINS", None, image_reference(ds))
    for value, vr, keyword in (("111060", "DATE", "StudyDate"), ("111061", "TIME", "StudyTime"),
                               ("111018", "DATE", "ContentDate"),
                               ("111019", "TIME", "ContentTime")):
        el = ds.get(keyword)
        if el is not None and el.value not in (None, ""):
            image.add(_row("4020", value, vr, str(el.value)))
    orientation = ds.get("PatientOrientation")
    if orientation is not None and orientation.value not in (None, ""):
        row_col = list(orientation.value) if not isinstance(orientation.value, str) \
            else orientation.value.split("\\")
        if len(row_col) == 2:
            image.add(_row("4020", "111044", "TEXT", str(row_col[0])))
            image.add(_row("4020", "111043", "TEXT", str(row_col[1])))
    spacing = ds.get("ImagerPixelSpacing") or ds.get("PixelSpacing")
    if spacing is not None and spacing.value not in (None, ""):
        row_spacing, col_spacing = (Decimal(str(v)) for v in spacing.value)
        mm = Code("mm", "UCUM", "millimeter")
        image.add(_row("4020", "111026", "NUM", NumValue(col_spacing, mm)))
        image.add(_row("4020", "111066", "NUM", NumValue(row_spacing, mm)))
    return image
