"""Rules that relate attributes to one another across a data set (and its file meta).

* ``file-meta`` (PS3.10 7.1, Table 7.1-1): Media Storage SOP Class UID (0002,0002) and Media
  Storage SOP Instance UID (0002,0003) identify the SOP Class and Instance of the data set that
  follows: when the data set has SOP Class UID (0008,0016) / SOP Instance UID (0008,0018) they
  must be equal.
* ``uid-reuse`` (PS3.5 9: "the same UID cannot be used to identify both a study instance (Study
  Instance UID) and a series instance (Series Instance UID)"): the Study, Series, SOP Instance
  and Frame of Reference UIDs of a data set identify different things and must differ.
* ``sr-evidence`` (PS3.3 C.17.2.3): every SOP Instance the content tree of an SR document
  references (Referenced SOP Sequence (0008,1199) of its content items) must be listed in the
  Current Requested Procedure Evidence Sequence (0040,A375) or the Pertinent Other Evidence
  Sequence (0040,A385) ("This shall include ... all current evidence referenced in the Content
  Tree"; "Pertinent Other Evidence Sequence ... shall include all other evidence referenced in
  the Content Tree").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import tag_for_keyword
from dicomkit.core.element import DataElement
from dicomkit.validate.report import Report, tag_path

__all__ = ["check_consistency"]


def _kw(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary always has them
        raise RuntimeError(f"data dictionary without {keyword}")
    return tag


_MEDIA_CLASS: Final = _kw("MediaStorageSOPClassUID")
_MEDIA_INSTANCE: Final = _kw("MediaStorageSOPInstanceUID")
_SOP_CLASS: Final = _kw("SOPClassUID")
_SOP_INSTANCE: Final = _kw("SOPInstanceUID")
_STUDY: Final = _kw("StudyInstanceUID")
_SERIES: Final = _kw("SeriesInstanceUID")
_FRAME_OF_REFERENCE: Final = _kw("FrameOfReferenceUID")
_CONTENT: Final = _kw("ContentSequence")
_REFERENCED_SOP: Final = _kw("ReferencedSOPSequence")
_REFERENCED_INSTANCE: Final = _kw("ReferencedSOPInstanceUID")
_REFERENCED_SERIES: Final = _kw("ReferencedSeriesSequence")
_CURRENT_EVIDENCE: Final = _kw("CurrentRequestedProcedureEvidenceSequence")
_OTHER_EVIDENCE: Final = _kw("PertinentOtherEvidenceSequence")
_VALUE_TYPE: Final = _kw("ValueType")


def _uid(el: DataElement | None) -> str | None:
    if el is None or el.is_deferred or el.vr == "SQ":
        return None
    try:
        value = el.value
    except Exception:  # noqa: BLE001 - an undecodable value is reported by the element checks
        return None
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    text = str(value).strip(" \x00") if isinstance(value, str) else ""
    return text or None


def _items(el: DataElement | None) -> list[Dataset]:
    if el is None or el.vr != "SQ" or not el.value:
        return []
    return [item for item in el.value if isinstance(item, Dataset)]


def check_consistency(ds: Dataset, report: Report) -> None:
    """Add the findings of the rules of the module docstring to ``report``."""
    elements = ds.by_tag()
    meta = ds.file_meta.by_tag() if ds.file_meta is not None else {}
    for meta_tag, tag, what in ((_MEDIA_CLASS, _SOP_CLASS, "SOP Class"),
                                (_MEDIA_INSTANCE, _SOP_INSTANCE, "SOP Instance")):
        in_meta, in_data = _uid(meta.get(meta_tag)), _uid(elements.get(tag))
        if in_meta is not None and in_data is not None and in_meta != in_data:
            report.add("error", "file-meta", tag_path("", meta_tag),
                       f"Media Storage {what} UID {in_meta!r} differs from the data set's "
                       f"{what} UID {in_data!r}", "PS3.10 7.1")
    seen: dict[str, int] = {}
    for tag in (_STUDY, _SERIES, _SOP_INSTANCE, _FRAME_OF_REFERENCE):
        uid = _uid(elements.get(tag))
        if uid is None:
            continue
        if uid in seen:
            report.add("error", "uid-reuse", tag_path("", tag),
                       f"UID {uid!r} also identifies {tag_path('', seen[uid])}: a UID shall not "
                       "identify two different things", "PS3.5 9")
        else:
            seen[uid] = tag
    if _CONTENT in elements and _VALUE_TYPE in elements:
        _check_evidence(ds, report)


def _referenced(items: list[Dataset], path: str) -> Iterator[tuple[str, str]]:
    """(UID, tag path) of each Referenced SOP Instance UID of the content tree's items."""
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        elements = item.by_tag()
        for ref_index, ref in enumerate(_items(elements.get(_REFERENCED_SOP))):
            uid = _uid(ref.element(_REFERENCED_INSTANCE))
            if uid is not None:
                yield uid, tag_path(f"{tag_path(where, _REFERENCED_SOP)}[{ref_index}]",
                                    _REFERENCED_INSTANCE)
        inner = elements.get(_CONTENT)
        if inner is not None:
            yield from _referenced(_items(inner), tag_path(where, _CONTENT))


def _check_evidence(ds: Dataset, report: Report) -> None:
    elements = ds.by_tag()
    listed: set[str] = set()
    for sequence in (_CURRENT_EVIDENCE, _OTHER_EVIDENCE):
        for study in _items(elements.get(sequence)):
            for series in _items(study.element(_REFERENCED_SERIES)):
                for ref in _items(series.element(_REFERENCED_SOP)):
                    uid = _uid(ref.element(_REFERENCED_INSTANCE))
                    if uid is not None:
                        listed.add(uid)
    for uid, where in _referenced(_items(elements.get(_CONTENT)), tag_path("", _CONTENT)):
        if uid not in listed:
            report.add("error", "sr-evidence", where,
                       f"SOP Instance {uid!r} referenced in the content tree is listed in "
                       "neither the Current Requested Procedure Evidence Sequence nor the "
                       "Pertinent Other Evidence Sequence", "PS3.3 C.17.2.3", "SR Document General")
