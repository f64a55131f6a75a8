"""The Modality Performed Procedure Step SOP Class as SCP (PS3.4 F.7.2).

:class:`MppsSCP` answers N-CREATE-RQ and N-SET-RQ of Modality Performed Procedure Step: each
request is checked against the rules of PS3.4 F.7.2 (:mod:`~dicomkit.net.services.mpps.rules`),
then written to its :class:`~dicomkit.net.services.mpps.store.MppsStore` before the response
says Success; the records are Part 10 files, readable as data sets (:meth:`MppsSCP.record`).

Statuses (PS3.7 Annex C, PS3.4 F.7.2.1.3, F.7.2.2.3): Duplicate SOP Instance (0111H) for an
N-CREATE of a UID that exists; No such SOP Instance (0112H) for an N-SET of one that does not;
Invalid SOP Instance (0117H) for a UID that is not one; Processing Failure (0110H) for a data
set that cannot be read or a record that cannot be written, and with Error ID A710H for an
N-SET of a step that is final (Table F.7.2-2); the rule statuses of
:mod:`~dicomkit.net.services.mpps.rules` (0105H, 0106H, 0120H, 0121H) with the attributes at
fault.  Requests are applied one at a time per SCP (an N-SET reads, checks and replaces its
record as one step).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.generated.statuses import StatusType
from dicomkit.net.dimse import error_comment
from dicomkit.net.dimse_provider import Request
from dicomkit.net.services.mpps.errors import (
    MppsNoSuchRecord,
    MppsRecordExists,
    MppsRuleError,
    MppsStoreError,
)
from dicomkit.net.services.mpps.rules import apply_set, check_create, check_set
from dicomkit.net.services.mpps.store import MppsStore
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.qr.responses import decode_identifier

__all__ = ["MppsSCP"]

log = logging.getLogger(__name__)

SUCCESS = int(StatusType.SUCCESS)
DUPLICATE = int(StatusType.DUPLICATE_SOP_INSTANCE)
NO_SUCH_INSTANCE = int(StatusType.NO_SUCH_SOP_INSTANCE)
INVALID_INSTANCE = int(StatusType.INVALID_SOP_INSTANCE)
PROCESSING_FAILURE = int(StatusType.PROCESSING_FAILURE)
_LISTS_TAGS = (int(StatusType.NO_SUCH_ATTRIBUTE), int(StatusType.MISSING_ATTRIBUTE))

#: Called with (SOP Instance UID, the record after the change) when a record was created or
#: changed; may be a coroutine function.
OnChange = Callable[[str, Dataset], Awaitable[None] | None]



def _uid(value: Any) -> str:
    return "" if value is None else str(value).strip("\0 ")


class MppsSCP:
    """Modality Performed Procedure Step SCP (see the module); register with
    :meth:`dicomkit.net.ae.ApplicationEntity.add_service`.

    Parameters
    ----------
    store
        The records' store, or its folder.
    on_change
        Called after each record written (see :data:`OnChange`).
    """

    requests: tuple[str, ...] = ("N-CREATE-RQ", "N-SET-RQ")
    sop_classes: tuple[str, ...] | None = (uids.ModalityPerformedProcedureStep,)

    def __init__(self, store: MppsStore | str, *, on_change: OnChange | None = None) -> None:
        self.store = store if isinstance(store, MppsStore) else MppsStore(store)
        self.on_change = on_change
        self._lock = anyio.Lock()

    async def record(self, uid: str) -> Dataset:
        """The record of ``uid`` as a data set (:class:`MppsStoreError` when none)."""
        return await anyio.to_thread.run_sync(self.store.get, uid)

    async def handle(self, request: Request) -> int | None:
        """Answer one N-CREATE-RQ or N-SET-RQ (PS3.4 F.7.2.1.3, F.7.2.2.3)."""
        data = await request.read_data()
        try:
            ds = decode_identifier(data, request.transfer_syntax, request.abstract_syntax,
                                   operation=request.message.name[:-3])
        except IdentifierError as exc:
            await request.respond(PROCESSING_FAILURE, ErrorComment=error_comment(exc.reason))
            return None
        if request.message.name == "N-CREATE-RQ":
            uid = _uid(request.message.get("AffectedSOPInstanceUID")) or generate_uid()
            await self._answer(request, uid, self._create, ds)
        else:
            uid = _uid(request.message.get("RequestedSOPInstanceUID"))
            await self._answer(request, uid, self._set, ds)
        return None

    async def _answer(self, request: Request, uid: str,
                      step: Callable[[str, Dataset], Dataset], ds: Dataset) -> None:
        try:
            self.store.path(uid)
        except MppsStoreError:
            await request.respond(INVALID_INSTANCE, ErrorComment="not a UID (PS3.5 9.1)")
            return
        try:
            async with self._lock:
                after = await anyio.to_thread.run_sync(step, uid, ds)
        except MppsRuleError as exc:
            fields: dict[str, Any] = {"ErrorComment": error_comment(exc.comment),
                                      "AffectedSOPInstanceUID": uid}
            if exc.error_id is not None:
                fields["ErrorID"] = exc.error_id
            if exc.attributes and exc.status in _LISTS_TAGS:
                fields["AttributeIdentifierList"] = list(exc.attributes)
            log.info("MPPS %s from %s refused: %s", request.message.name,
                     request.association.calling_ae, exc)
            await request.respond(exc.status, **fields)
            return
        except MppsRecordExists:
            await request.respond(DUPLICATE, AffectedSOPInstanceUID=uid)
            return
        except MppsNoSuchRecord:
            await request.respond(NO_SUCH_INSTANCE, AffectedSOPInstanceUID=uid)
            return
        except MppsStoreError as exc:
            log.warning("MPPS %s: %s", uid, exc)
            await request.respond(PROCESSING_FAILURE, ErrorComment=error_comment(exc.args[0]))
            return
        await request.respond(SUCCESS, AffectedSOPInstanceUID=uid,
                              AffectedSOPClassUID=uids.ModalityPerformedProcedureStep)
        if self.on_change is not None:
            try:
                result = self.on_change(uid, after)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("MPPS on_change for %s failed", uid)

    def _create(self, uid: str, ds: Dataset) -> Dataset:
        check_create(ds)
        self.store.create(uid, ds)
        return ds

    def _set(self, uid: str, modifications: Dataset) -> Dataset:
        current = self.store.get(uid)
        check_set(current, modifications)
        after = apply_set(current, modifications)
        self.store.replace(uid, after)
        return after
