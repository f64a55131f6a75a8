"""Extracting measurements from TID 1500 Measurement Reports (PS3.16 TID 1500/1501/1410/1411/300).

:func:`extract_measurements` flattens every NUM measurement of every measurement group of a TID 1500
document into a :class:`MeasurementRecord`; :func:`extract_qualitative` does the same for the coded
(CODE) evaluations. They work on any TID 1500 tree: built by :mod:`dicomkit.sr.tid1500`, by highdicom,
or read from a file. Items are recognised by concept name, and the concept names come from the
generated PS3.16 templates (:func:`dicomkit.sr.rows.row_concept`), never typed by hand.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from dicomkit.core.dataset import Dataset
from dicomkit.sr import Code, ContentItem, NumValue, Reference, SRDocument, read_content_tree
from dicomkit.sr.rows import row_concept

__all__ = ["MeasurementRecord", "QualitativeRecord", "extract_measurements", "extract_qualitative",
           "measurement_groups"]


@dataclass(frozen=True)
class MeasurementRecord:
    """One TID 300 measurement with the context of its measurement group, as flat fields."""

    group_index: int                      # 0-based position among the report's measurement groups
    template: str                         # "1501", "1410" or "1411" (from the group's content)
    tracking_identifier: str
    tracking_uid: str
    finding_type: Code | None
    finding_category: Code | None
    finding_sites: tuple[Code, ...]       # the measurement's own, else the group's
    concept: Code
    value: Decimal | None                 # None when the NUM has no measured value (PS3.3 C.18.1)
    float_value: float | None
    units: Code | None
    qualifier: Code | None
    method: Code | None                   # the measurement's own, else the group's
    derivation: Code | None
    referenced_images: tuple[tuple[str, tuple[int, ...]], ...]   # (SOP Instance UID, frames)
    referenced_segments: tuple[tuple[str, tuple[int, ...]], ...]  # (segmentation UID, segments)
    roi_graphic_type: str                 # SCOORD/SCOORD3D graphic type of the group's ROI, or ""


@dataclass(frozen=True)
class QualitativeRecord:
    """One coded evaluation of a measurement group."""

    group_index: int
    tracking_identifier: str
    tracking_uid: str
    concept: Code
    value: Code


@functools.cache
def _codes() -> dict[str, Code]:
    c = {
        "group": row_concept("1501", "125007", "CONTAINER")[0],
        "imaging": row_concept("1500", "126010", "CONTAINER")[0],
        "tracking_id": row_concept("1501", "112039", "TEXT")[0],
        "tracking_uid": row_concept("1501", "112040", "UIDREF")[0],
        "finding": row_concept("1501", "121071", "CODE")[0],
        "category": row_concept("1501", "276214006", "CODE")[0],
        "site": row_concept("1501", "363698007", "CODE")[0],
        "method": row_concept("300", "370129005", "CODE")[0],
        "derivation": row_concept("300", "121401", "CODE")[0],
        "seg_frame": row_concept("1410", "121214", "IMAGE")[0],
        "image_region": row_concept("1410", "111030", "SCOORD3D")[0],
        "segment": row_concept("1411", "121191", "IMAGE")[0],
    }
    return c


@functools.cache
def _row_codes() -> frozenset[Code]:
    """Concepts of the EV/DT CODE rows of the group templates (Finding, Finding category, ...):
    CODE items with these names are template rows, not qualitative evaluations ($QualType)."""
    from dicomkit.generated.sr_templates import TEMPLATES

    return frozenset(Code.of(row.concept) for tid in ("1501", "1410", "1411", "1419")
                     for row in TEMPLATES[tid].rows
                     if row.value_type == "CODE" and row.concept is not None
                     and row.concept[0] in ("EV", "DT"))


def _root(doc: SRDocument | ContentItem | Dataset) -> ContentItem:
    if isinstance(doc, SRDocument):
        return doc.root
    if isinstance(doc, ContentItem):
        return doc
    return read_content_tree(doc)


def measurement_groups(doc: SRDocument | ContentItem | Dataset) -> list[ContentItem]:
    """The Measurement Group containers of the "Imaging Measurements" containers, in order."""
    codes = _codes()
    out: list[ContentItem] = []
    for container in _root(doc).children:
        if container.value_type == "CONTAINER" and container.concept == codes["imaging"]:
            out.extend(ch for ch in container.children
                       if ch.value_type == "CONTAINER" and ch.concept == codes["group"])
    return out


def _first(item: ContentItem, concept: Code, value_type: str) -> ContentItem | None:
    for ch in item.children:
        if ch.value_type == value_type and ch.concept == concept:
            return ch
    return None


def _code_of(item: ContentItem, concept: Code) -> Code | None:
    ch = _first(item, concept, "CODE")
    return ch.value if ch is not None else None


def _images(items: Iterator[ContentItem]) -> tuple[list[tuple[str, tuple[int, ...]]],
                                                   list[tuple[str, tuple[int, ...]]]]:
    images: list[tuple[str, tuple[int, ...]]] = []
    segments: list[tuple[str, tuple[int, ...]]] = []
    for it in items:
        if it.value_type == "IMAGE" and isinstance(it.value, Reference):
            ref = it.value
            entry = (ref.sop_instance_uid, tuple(ref.segments or ref.frames))
            target = segments if ref.segments else images
            if entry not in target:  # several regions on one image name it once
                target.append(entry)
    return images, segments


@dataclass(frozen=True)
class _GroupContext:
    template: str
    tracking_identifier: str
    tracking_uid: str
    finding_type: Code | None
    finding_category: Code | None
    finding_sites: tuple[Code, ...]
    method: Code | None
    images: tuple[tuple[str, tuple[int, ...]], ...]
    segments: tuple[tuple[str, tuple[int, ...]], ...]
    graphic: str


def _group_context(group: ContentItem) -> _GroupContext:
    codes = _codes()
    tid_item = _first(group, codes["tracking_id"], "TEXT")
    uid_item = _first(group, codes["tracking_uid"], "UIDREF")
    graphic = ""
    roi_images: list[ContentItem] = []
    template = "1501"
    regions = 0
    for ch in group.children:
        if ch.value_type in ("SCOORD", "SCOORD3D"):
            graphic = str(ch.value.graphic_type)
            roi_images.extend(ch.walk())
            template = "1410"
            regions += ch.value_type == "SCOORD"
            if ch.value_type == "SCOORD3D" and ch.concept != codes["image_region"]:
                template = "1411"  # TID 1411 row 10 "Volume Surface"
        elif ch.value_type == "IMAGE":
            roi_images.append(ch)
            if ch.concept == codes["seg_frame"]:
                template = "1410"
            elif ch.concept == codes["segment"]:
                template = "1411"
    if regions > 1:
        template = "1411"
    images, segments = _images(iter(roi_images))
    return _GroupContext(
        template=template,
        tracking_identifier=str(tid_item.value) if tid_item is not None else "",
        tracking_uid=str(uid_item.value) if uid_item is not None else "",
        finding_type=_code_of(group, codes["finding"]),
        finding_category=_code_of(group, codes["category"]),
        finding_sites=tuple(ch.value for ch in group.children
                            if ch.value_type == "CODE" and ch.concept == codes["site"]),
        method=_code_of(group, codes["method"]),
        images=tuple(images),
        segments=tuple(segments),
        graphic=graphic,
    )


def extract_measurements(doc: SRDocument | ContentItem | Dataset) -> list[MeasurementRecord]:
    """Every TID 300 measurement (NUM item) of every measurement group of a TID 1500 document.

    ``doc`` may be an :class:`SRDocument`, the root :class:`ContentItem`, or the SR dataset. The
    ``template`` field is inferred from the group's content: one SCOORD region reads as TID 1410
    (a TID 1411 group with a single region cannot be told apart without template identifiers, as
    highdicom also notes), several as TID 1411. Method
    and finding sites of a measurement fall back to its group's (TID 1419 / 1501 group-level rows);
    referenced images are the group's (source images, the images its SCOORDs were selected from)
    followed by the measurement's own (e.g. INFERRED FROM IMAGE items).
    """
    codes = _codes()
    out: list[MeasurementRecord] = []
    for index, group in enumerate(measurement_groups(doc)):
        ctx = _group_context(group)
        for num in group.children:
            if num.value_type != "NUM" or num.concept is None:
                continue
            nv = num.value if isinstance(num.value, NumValue) else None
            own_images, own_segments = _images(iter([d for d in num.walk() if d is not num]))
            sites = tuple(ch.value for ch in num.children
                          if ch.value_type == "CODE" and ch.concept == codes["site"])
            out.append(MeasurementRecord(
                group_index=index,
                template=ctx.template,
                tracking_identifier=ctx.tracking_identifier,
                tracking_uid=ctx.tracking_uid,
                finding_type=ctx.finding_type,
                finding_category=ctx.finding_category,
                finding_sites=sites or ctx.finding_sites,
                concept=num.concept,
                value=nv.value if nv is not None else None,
                float_value=(nv.float_value if nv.float_value is not None else float(nv.value))
                if nv is not None else None,
                units=nv.units if nv is not None else None,
                qualifier=nv.qualifier if nv is not None else None,
                method=_code_of(num, codes["method"]) or ctx.method,
                derivation=_code_of(num, codes["derivation"]),
                referenced_images=ctx.images + tuple(i for i in own_images if i not in ctx.images),
                referenced_segments=ctx.segments + tuple(own_segments),
                roi_graphic_type=ctx.graphic,
            ))
    return out


def extract_qualitative(doc: SRDocument | ContentItem | Dataset) -> list[QualitativeRecord]:
    """Every coded qualitative evaluation (CONTAINS CODE item named by $QualType, i.e. not one of
    the templates' own CODE rows such as Finding) of every measurement group."""
    rows = _row_codes()
    out: list[QualitativeRecord] = []
    for index, group in enumerate(measurement_groups(doc)):
        ctx = _group_context(group)
        for ch in group.children:
            if ch.value_type == "CODE" and ch.relationship == "CONTAINS" and ch.concept is not None \
                    and ch.concept not in rows:
                out.append(QualitativeRecord(index, ctx.tracking_identifier, ctx.tracking_uid,
                                             ch.concept, ch.value))
    return out
