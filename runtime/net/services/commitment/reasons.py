"""What a storage commitment SCP checks for each reference, and the Failure Reasons it gives
(PS3.4 J.3.3, the Failure Reason (0008,1197) values, which are the PS3.7 Annex C status codes
of the generated :data:`dicomkit.generated.statuses.STATUSES`).

A *checker* is a callable ``(sop_class, sop_instance) -> bool | int`` (or an awaitable of
that): True when the instance is held and committed, False for No such object instance
(0112H), an int for another Failure Reason.  :class:`ArchiveChecker` checks an archive.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from dicomkit.archive import AsyncArchive
from dicomkit.generated.statuses import STATUSES

__all__ = ["CLASS_INSTANCE_CONFLICT", "NO_SUCH_OBJECT_INSTANCE", "PROCESSING_FAILURE",
           "REFERENCED_SOP_CLASS_NOT_SUPPORTED", "RESOURCE_LIMITATION", "ArchiveChecker",
           "Checker", "failure_reason"]


def _code(name: str) -> int:
    """The PS3.7 Annex C status code named ``name`` (generated table)."""
    for code, entry in STATUSES.items():
        if entry[0] == name:
            return int(code)
    raise KeyError(f"PS3.7 Annex C has no status {name!r}")


#: PS3.4 J.3.3: 0110H Processing failure.
PROCESSING_FAILURE = _code("Processing Failure")
#: PS3.4 J.3.3: 0112H No such object instance.
NO_SUCH_OBJECT_INSTANCE = _code("No such SOP Instance")
#: PS3.4 J.3.3: 0213H Resource limitation.
RESOURCE_LIMITATION = _code("Resource Limitation")
#: PS3.4 J.3.3: 0122H Referenced SOP Class not supported.
REFERENCED_SOP_CLASS_NOT_SUPPORTED = _code("Refused: SOP Class not supported")
#: PS3.4 J.3.3: 0119H Class / Instance conflict.
CLASS_INSTANCE_CONFLICT = _code("Class-Instance conflict")

Checker = Callable[[str, str], "bool | int | Awaitable[bool | int]"]


def failure_reason(outcome: bool | int) -> int | None:
    """The Failure Reason of a checker's answer, None when committed."""
    if outcome is True:
        return None
    if outcome is False:
        return NO_SUCH_OBJECT_INSTANCE
    return int(outcome)


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
