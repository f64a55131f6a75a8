"""What a storage commitment SCP checks for each reference, and the Failure Reasons it gives
(PS3.4 J.3.3.1.2; the values of Failure Reason (0008,1197) are those of PS3.3 C.14.1.1,
generated as :class:`dicomkit.generated.commitment_reasons.FailureReason`).

A *checker* is a callable ``(sop_class, sop_instance) -> bool | int`` (or an awaitable of
that): True when the instance is held and committed, False for No such object instance
(0112H), an int (a :class:`FailureReason`) for another Failure Reason.
:class:`ArchiveChecker` checks an archive.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from dicomkit.archive import AsyncArchive
from dicomkit.generated.commitment_reasons import FailureReason

__all__ = ["CLASS_INSTANCE_CONFLICT", "DUPLICATE_TRANSACTION_UID", "NO_SUCH_OBJECT_INSTANCE",
           "PROCESSING_FAILURE", "REFERENCED_SOP_CLASS_NOT_SUPPORTED", "RESOURCE_LIMITATION",
           "ArchiveChecker", "Checker", "FailureReason", "failure_reason"]

#: PS3.3 C.14.1.1: 0110H Processing failure.
PROCESSING_FAILURE = FailureReason.PROCESSING_FAILURE
#: PS3.3 C.14.1.1: 0112H No such object instance.
NO_SUCH_OBJECT_INSTANCE = FailureReason.NO_SUCH_OBJECT_INSTANCE
#: PS3.3 C.14.1.1: 0213H Resource limitation.
RESOURCE_LIMITATION = FailureReason.RESOURCE_LIMITATION
#: PS3.3 C.14.1.1: 0122H Referenced SOP Class not supported.
REFERENCED_SOP_CLASS_NOT_SUPPORTED = FailureReason.REFERENCED_SOP_CLASS_NOT_SUPPORTED
#: PS3.3 C.14.1.1: 0119H Class/Instance conflict.
CLASS_INSTANCE_CONFLICT = FailureReason.CLASS_INSTANCE_CONFLICT
#: PS3.3 C.14.1.1: 0131H Duplicate transaction UID.
DUPLICATE_TRANSACTION_UID = FailureReason.DUPLICATE_TRANSACTION_UID

_REASONS = frozenset(int(r) for r in FailureReason)

Checker = Callable[[str, str], "bool | int | Awaitable[bool | int]"]


def failure_reason(outcome: bool | int) -> int | None:
    """The Failure Reason of a checker's answer, None when committed (an int that is one of
    PS3.3 C.14.1.1 comes back as its :class:`FailureReason`)."""
    if outcome is True:
        return None
    if outcome is False:
        return NO_SUCH_OBJECT_INSTANCE
    code = int(outcome)
    return FailureReason(code) if code in _REASONS else code


class ArchiveChecker:
    """A checker over an :class:`~dicomkit.archive.AsyncArchive`: committed when the archive
    holds the instance with that SOP class (PS3.4 J.3.3); No such object instance (0112H)
    when it does not hold it, Class / Instance conflict (0119H) when it holds it with another
    SOP class, Referenced SOP Class not supported (0122H) for a class outside ``sop_classes``
    (when given).
    """

    def __init__(self, archive: AsyncArchive, sop_classes: Iterable[str] | None = None) -> None:
        self.archive = archive
        self.sop_classes = None if sop_classes is None else frozenset(sop_classes)

    async def __call__(self, sop_class: str, sop_instance: str) -> bool | int:
        if self.sop_classes is not None and sop_class not in self.sop_classes:
            return REFERENCED_SOP_CLASS_NOT_SUPPORTED
        rows = await self.archive.find("IMAGE", SOPInstanceUID=sop_instance)
        if not rows:
            return NO_SUCH_OBJECT_INSTANCE
        if str(rows[0].get("SOPClassUID") or "") != sop_class:
            return CLASS_INSTANCE_CONFLICT
        return True
