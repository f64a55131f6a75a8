"""Parts shared by the CAD SR templates of PS3.16 (Mammography CAD TID 4000, Chest CAD TID 4100,
...): algorithm identification (TID 4019), detections and analyses performed (TID 4015-4018),
the image library entry (TID 4020) and the CAD processing summary codes (CID 6042, CID 6047).

Concept names, relationship types, units and the context groups a root template binds to the
parameters of TID 4015-4020 (``$DetectionCode``, ``$ImageLaterality``, ...) come from the generated
template rows (:mod:`dicomkit.sr.rows`); the code values written here only pick a row or a member
of a context group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated.sr_templates import TEMPLATES
from dicomkit.sr.code import Code
from dicomkit.sr.content import ContentItem, NumValue
from dicomkit.sr.errors import SRError
from dicomkit.sr.rows import (
    binding_groups,
    content_item,
    context_group_code,
    image_reference,
    include_relationship,
    require_member,
    row_concept,
    row_item,
    row_unit,
)

__all__ = ["Algorithm", "CadPerformed", "LibraryImage", "image_library", "overall_summary",
           "percent", "performed_summary"]

#: CID 6042 Result Status members, by Code Value (PS3.16 CID 6042).
_SUCCEEDED, _PARTIAL, _FAILED, _NOT_ATTEMPTED = "111222", "111223", "111224", "111225"
#: CID 6047 CAD Processing and Findings Summary members, by Code Value (PS3.16 CID 6047).
_ALL_WITHOUT, _ALL_WITH = "111241", "111242"
_SOME_FAILED_WITHOUT, _SOME_FAILED_WITH, _NONE_SUCCEEDED = "111243", "111244", "111245"


@dataclass(frozen=True)
class Algorithm:
    """TID 4019 Algorithm Identification: name and version (rows 1 and 2, mandatory),
    parameters (row 3)."""

    name: str
    version: str
    parameters: str = ""

    def items(self, relationship: str) -> list[ContentItem]:
        """The TID 4019 rows, each with ``relationship`` (that of the row including TID 4019)."""
        if not self.name or not self.version:
            raise SRError("TID 4019 rows 1 and 2: Algorithm Name and Algorithm Version are "
                          f"mandatory, got name={self.name!r} version={self.version!r}")
        out = [row_item("4019", "111001", "TEXT", self.name),
               row_item("4019", "111003", "TEXT", self.version)]
        if self.parameters:
            out.append(row_item("4019", "111002", "TEXT", self.parameters))
        for item in out:
            item.relationship = relationship
        return out


@dataclass(frozen=True)
class CadPerformed:
    """A detection (TID 4017) or analysis (TID 4018) the CAD performed on ``images``.

    ``code`` is the detection or analysis performed: a member of the context groups the root
    template binds to ``$DetectionCode`` / ``$AnalysisCode`` (TID 4000: CID 6014 and CID 6043;
    TID 4100: CID 6101/6102 and CID 6137)."""

    code: Code
    algorithm: Algorithm
    images: Sequence[Dataset]
    succeeded: bool = True

    def to_item(self, tid: str, root: str = "") -> ContentItem:
        """The TID 4017 (``tid="4017"``) or TID 4018 item; ``root`` (the document root template)
        gives the context groups the code is checked against."""
        if tid not in ("4017", "4018"):
            raise SRError(f"TID {tid} is neither TID 4017 nor TID 4018")
        if not self.images:
            raise SRError(f"TID {tid} rows 3-6: at least one image the algorithm ran on")
        if root:
            include, param = ("4015", "DetectionCode") if tid == "4017" else ("4016", "AnalysisCode")
            require_member(self.code, binding_groups(root, include, param),
                           f"TID {root} ${param} of TID {tid}")
        value = "111022" if tid == "4017" else "111004"
        item = row_item(tid, value, "CODE", self.code)
        for child in self.algorithm.items(include_relationship(tid, "4019")):
            item.add(child)
        rel = _image_relationship(tid)
        for ds in self.images:
            item.add(content_item("IMAGE", rel, None, image_reference(ds)))
        return item


def _image_relationship(tid: str) -> str:
    """The relationship of the unnamed by-value IMAGE row of TID 4017/4018 (row 3)."""
    for r in TEMPLATES[tid].rows:
        if r.value_type == "IMAGE" and r.concept is None and not r.by_reference and r.level == 1:
            return r.relationship
    raise SRError(f"TID {tid} has no by-value IMAGE row (PS3.16 TID {tid})")


def percent(tid: str, value: str, number: float | Decimal | None, what: str) -> ContentItem | None:
    """The NUM row ``value`` of template ``tid`` in percent (UNITS = EV (%, UCUM, "Percent"),
    Value = 0 - 100), or None when ``number`` is None; out of range raises :class:`SRError`."""
    if number is None:
        return None
    if not 0 <= number <= 100:
        concept = row_concept(tid, value, "NUM")[0]
        raise SRError(f"{what}: {concept.meaning} {number} is not in 0 - 100 (%) (PS3.16 TID {tid})")
    return row_item(tid, value, "NUM", NumValue(Decimal(str(number)), row_unit(tid, value, "%")))


def performed_summary(root: str, value: str, performed: Sequence[CadPerformed]) -> ContentItem:
    """Root row "Summary of Detections" (``value="111064"``) or "Summary of Analyses"
    (``"111065"``) of template ``root``: a CID 6042 result status, inferred from TID 4015 / 4016
    (present unless the status is "Not Attempted", PS3.16 TID 4000 rows 7 and 9)."""
    tid, include = ("4017", "4015") if value == "111064" else ("4018", "4016")
    if not performed:
        status = _NOT_ATTEMPTED
    else:
        ok = [p.succeeded for p in performed]
        status = _SUCCEEDED if all(ok) else _FAILED if not any(ok) else _PARTIAL
    item = row_item(root, value, "CODE", context_group_code(6042, status))
    rel = include_relationship(root, include)
    names = {True: "111063" if tid == "4017" else "111062",
             False: "111025" if tid == "4017" else "111024"}
    for succeeded in (True, False):
        chosen = [p for p in performed if p.succeeded is succeeded]
        if chosen:
            container = row_item(include, names[succeeded], "CONTAINER", None,
                                 [p.to_item(tid, root) for p in chosen])
            container.relationship = rel
            container.continuity = "SEPARATE"
            for child in container.children:
                child.relationship = include_relationship(include, tid)
            item.add(container)
    return item


def overall_summary(tid: str, with_findings: bool, performed: Iterable[CadPerformed]) -> ContentItem:
    """Row 1 of TID 4001 / TID 4101 "CAD Processing and Findings Summary" (CID 6047)."""
    ok = [p.succeeded for p in performed]
    if ok and not any(ok):
        value = _NONE_SUCCEEDED
    elif all(ok):
        value = _ALL_WITH if with_findings else _ALL_WITHOUT
    else:
        value = _SOME_FAILED_WITH if with_findings else _SOME_FAILED_WITHOUT
    return row_item(tid, "111017", "CODE", context_group_code(6047, value))


@dataclass(frozen=True)
class LibraryImage:
    """An image of the CAD image library (TID 4020) with the code of its Image Laterality
    (0020,0062), which TID 4020 row 2 requires when the image has that attribute: a member of
    the group the root binds to ``$ImageLaterality`` (TID 4000: CID 6022, e.g. (80248007, SCT,
    "Left breast"); TID 4100: CID 244)."""

    dataset: Dataset
    laterality: Code | None = None


def _value(ds: Dataset, keyword: str) -> Any:
    el = ds.get(keyword)
    if el is None or el.value is None or el.value == "":
        return None
    return el.value


def library_entry(root: str, image: Dataset | LibraryImage) -> ContentItem:
    """TID 4020: the IMAGE and the acquisition context its rows require from the instance."""
    entry = image if isinstance(image, LibraryImage) else LibraryImage(image)
    ds = entry.dataset
    uid = _value(ds, "SOPInstanceUID") or "?"
    item = content_item("IMAGE", include_relationship(root, "4020"), None, image_reference(ds))
    laterality = _value(ds, "ImageLaterality")
    if entry.laterality is not None:
        item.add(row_item("4020", "111027", "CODE", require_member(
            entry.laterality, binding_groups(root, "4020", "ImageLaterality"),
            f"TID 4020 row 2 Image Laterality of image {uid}")))
    elif laterality is not None:
        raise SRError(f"TID 4020 row 2: image {uid} has Image Laterality {laterality!r}, so its "
                      "library entry needs the laterality code (LibraryImage(ds, laterality=...))")
    views = _value(ds, "ViewCodeSequence")
    if views:
        view = Code.from_item(views[0])
        view_item = row_item("4020", "111031", "CODE", require_member(
            view, binding_groups(root, "4020", "ImageView"),
            f"TID 4020 row 3 Image View of image {uid}"))
        for mod in _value(views[0], "ViewModifierCodeSequence") or ():
            view_item.add(row_item("4020", "111032", "CODE", require_member(
                Code.from_item(mod), binding_groups(root, "4020", "ImageViewMod"),
                f"TID 4020 row 4 Image View Modifier of image {uid}")))
        item.add(view_item)
    orientation = _value(ds, "PatientOrientation")
    if orientation is not None:
        row_col = orientation.split("\\") if isinstance(orientation, str) else list(orientation)
        if len(row_col) == 2:
            item.add(row_item("4020", "111044", "TEXT", str(row_col[0])))
            item.add(row_item("4020", "111043", "TEXT", str(row_col[1])))
    for value, vr, keyword in (("111060", "DATE", "StudyDate"), ("111061", "TIME", "StudyTime"),
                               ("111018", "DATE", "ContentDate"),
                               ("111019", "TIME", "ContentTime")):
        v = _value(ds, keyword)
        if v is not None:
            item.add(row_item("4020", value, vr, str(v)))
    spacing = _value(ds, "ImagerPixelSpacing") or _value(ds, "PixelSpacing")
    if spacing is not None:
        row_spacing, col_spacing = (Decimal(str(v)) for v in spacing)
        item.add(row_item("4020", "111026", "NUM",
                          NumValue(col_spacing, row_unit("4020", "111026", "mm"))))
        item.add(row_item("4020", "111066", "NUM",
                          NumValue(row_spacing, row_unit("4020", "111066", "mm"))))
    return item


def image_library(root: str, images: Sequence[Dataset | LibraryImage]
                  ) -> tuple[ContentItem, Mapping[str, ContentItem]]:
    """The "Image Library" CONTAINER of template ``root`` (TID 4000 / 4100 row 3) with one TID 4020
    entry per image, and the entries by SOP Instance UID (targets of by-reference IMAGE items)."""
    if not images:
        raise SRError(f"TID {root} row 4: the image library lists at least one image")
    concept, rel = row_concept(root, "111028", "CONTAINER")
    library = content_item("CONTAINER", rel, concept)
    library.continuity = "SEPARATE"
    entries: dict[str, ContentItem] = {}
    for image in images:
        entry = library_entry(root, image)
        library.add(entry)
        entries[entry.value.sop_instance_uid] = entry
    return library, entries
