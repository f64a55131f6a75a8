"""What DICOMweb transactions answer, as values: search results with their warnings, the
per-instance outcome of a store (PS3.18 10.5.3, Annex I), frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags
from dicomkit.generated.web import StoreReason, store_reason

__all__ = ["Frame", "InstanceOutcome", "SearchResults", "StoreResult", "parse_store_response"]


class SearchResults(list[Dataset]):
    """The data sets a Search (QIDO-RS) returned, with the Warning headers it carried
    (PS3.18 8.4.3: e.g. ``299 ... The fuzzymatching parameter is not supported``) and the
    matching keys asked for that PS3.18 does not require the server to support on that
    resource (``unlisted_keys``: a server may ignore them, leaving results unfiltered)."""

    def __init__(self, items: Iterable[Dataset] = (), warnings: Iterable[str] = (),
                 unlisted_keys: Iterable[str] = ()) -> None:
        super().__init__(items)
        self.warnings: list[str] = list(warnings)
        self.unlisted_keys: list[str] = list(unlisted_keys)


@dataclass(frozen=True)
class Frame:
    """One frame of a Retrieve Frames (PS3.18 10.4.1.1.5): its bytes, media type and transfer
    syntax (Explicit VR Little Endian when the part named none, PS3.18 8.7.3.3.1)."""

    data: bytes
    media_type: str
    transfer_syntax: str


@dataclass(frozen=True)
class InstanceOutcome:
    """What the origin server did with one instance of a Store (PS3.18 I.1).

    Attributes
    ----------
    sop_class_uid, sop_instance_uid
        The instance (as sent; as answered when the server named one we did not send).
    status
        ``"stored"``, ``"warning"`` (stored, with a Warning Reason: coercion, elements
        discarded ...), ``"failed"`` (in the Failed SOP Sequence) or ``"unknown"`` (the
        response did not mention it, e.g. a 202 whose report is incomplete).
    reason
        The Warning Reason (0008,1196) or Failure Reason (0008,1197), or None.
    retrieve_url
        Retrieve URL (0008,1190) of a stored instance, ``""`` when absent.
    """

    sop_class_uid: str
    sop_instance_uid: str
    status: str
    reason: int | None = None
    retrieve_url: str = ""

    @property
    def reason_info(self) -> StoreReason | None:
        """The reason's entry of PS3.18 Table I.2-1 / I.2-2 (its meaning), or None."""
        return store_reason(self.reason) if self.reason is not None else None


@dataclass
class StoreResult:
    """The outcome of a Store request (one or several batches).

    Attributes
    ----------
    outcomes
        One per instance sent, in the order sent (and any the server named that were not).
    http_statuses
        The HTTP status of each batch (200, 202, 409 ...).
    warnings
        The Warning headers of the responses.
    responses
        The Store Instances Response data set of each batch (PS3.18 I.1), None when a batch's
        response had no body.
    """

    outcomes: list[InstanceOutcome] = field(default_factory=list)
    http_statuses: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    responses: list[Dataset | None] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every instance was stored (with or without warnings)."""
        return all(o.status in ("stored", "warning") for o in self.outcomes)

    @property
    def failed(self) -> list[InstanceOutcome]:
        """The instances the server did not store."""
        return [o for o in self.outcomes if o.status == "failed"]


def _text(ds: Dataset, tag: int) -> str:
    value: Any = ds.get(tag)
    value = getattr(value, "value", value)
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _int(ds: Dataset, tag: int) -> int | None:
    value: Any = ds.get(tag)
    value = getattr(value, "value", value)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return None if value is None or value == "" else int(value)


def _items(ds: Dataset | None, tag: int) -> list[Dataset]:
    if ds is None:
        return []
    el: Any = ds.get(tag)
    value = getattr(el, "value", el)
    return list(value) if value else []


def parse_store_response(response: Dataset | None, sent: list[tuple[str, str]]
                         ) -> list[InstanceOutcome]:
    """The outcome of each instance of ``sent`` (``(SOP Class UID, SOP Instance UID)`` pairs)
    from a Store Instances Response (PS3.18 I.1: Referenced SOP Sequence with Warning Reason,
    Failed SOP Sequence with Failure Reason), then those it names that were not sent."""
    answered: dict[str, InstanceOutcome] = {}
    for item in _items(response, tags.ReferencedSOPSequence):
        uid = _text(item, tags.ReferencedSOPInstanceUID)
        warn = _int(item, tags.WarningReason)
        answered[uid] = InstanceOutcome(_text(item, tags.ReferencedSOPClassUID), uid,
                                        "warning" if warn is not None else "stored", warn,
                                        _text(item, tags.RetrieveURL))
    for item in _items(response, tags.FailedSOPSequence):
        uid = _text(item, tags.ReferencedSOPInstanceUID)
        answered[uid] = InstanceOutcome(_text(item, tags.ReferencedSOPClassUID), uid, "failed",
                                        _int(item, tags.FailureReason))
    out: list[InstanceOutcome] = []
    for cls, uid in sent:
        found = answered.pop(uid, None)
        out.append(found if found is not None else InstanceOutcome(cls, uid, "unknown"))
    out.extend(answered.values())
    return out
