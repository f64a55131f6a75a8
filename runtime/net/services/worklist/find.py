"""Modality Worklist Information Model - FIND as SCU (PS3.4 K.4.1): the scheduled procedure
steps of a worklist SCP, streamed as they arrive, C-CANCEL when the caller leaves early.

::

    async with find_worklist(assoc, Modality="CT", ScheduledStationAETitle="CT1",
                             ScheduledProcedureStepStartDate=Range(today, today)) as steps:
        async for entry in steps:      # a Dataset per pending response
            print(entry.PatientName, entry.ScheduledProcedureStepSequence[0].ScheduledProcedureStepID)

The results are those of the Query/Retrieve C-FIND
(:class:`~dicomkit.net.services.qr.find.FindResults`): leaving the block before the final
response sends C-CANCEL-RQ (the SCP answers Cancel, FE00H, PS3.4 Table K.4-1), ``timeout``
cancels and raises :class:`~dicomkit.net.services.qr.errors.QueryTimeout`, a failure status
raises :class:`~dicomkit.net.services.qr.errors.QueryFailed`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated.workflow import WORKLIST_SOP_CLASS
from dicomkit.net.association import Association
from dicomkit.net.dimse import Priority
from dicomkit.net.services.qr.find import FindResults
from dicomkit.net.services.qr.operation import CANCEL_GRACE
from dicomkit.net.services.worklist.keys import worklist_identifier

__all__ = ["find_worklist", "find_worklist_all"]


def find_worklist(association: Association, keys: Mapping[object, Any] | None = None, *,
                  return_keys: Iterable[object] = (), priority: int = Priority.MEDIUM,
                  timeout: float | None = None, cancel_grace: float = CANCEL_GRACE,
                  defaults: bool = True, **keywords: Any) -> FindResults:
    """A Modality Worklist C-FIND (PS3.4 K.4.1) over ``association``.

    Parameters
    ----------
    keys, keywords
        Matching and return keys (:mod:`dicomkit.net.services.worklist.keys`); Scheduled
        Procedure Step keys given as keywords go into the Scheduled Procedure Step Sequence
        item.
    return_keys
        More keys to return (universal matching).
    priority
        Priority (0000,0700).
    timeout
        Seconds for the whole query; then C-CANCEL and QueryTimeout.
    cancel_grace
        Seconds to wait for the SCP's answer to our C-CANCEL.
    defaults
        Ask for the keys of Matching Key Type R and Return Key Type 1 of Table K.6-1.

    Returns
    -------
    FindResults
        To use as ``async with find_worklist(...) as results: async for ds in results``.
    """
    merged: dict[object, Any] = dict(keys or {})
    merged.update(keywords)
    query = worklist_identifier(merged, return_keys=return_keys, defaults=defaults)
    return FindResults(association, query, model=None, level="", priority=priority,
                       timeout=timeout, cancel_grace=cancel_grace,
                       sop_class=WORKLIST_SOP_CLASS)


async def find_worklist_all(association: Association, keys: Mapping[object, Any] | None = None,
                            **options: Any) -> list[Dataset]:
    """Every entry a :func:`find_worklist` (same arguments) returns, as a list."""
    async with find_worklist(association, keys, **options) as results:
        return [ds async for ds in results]
