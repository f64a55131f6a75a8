"""The Storage SCP (PS3.4 B.2): C-STORE requests answered by a :class:`StorageHandler`.

:class:`StorageSCP` is a service provider for :class:`~dicomkit.net.ae.ApplicationEntity`
(``ae.add_service(StorageSCP(folder))``); its :meth:`StorageSCP.serve` runs an entity with the
Verification SCP beside it.  A handler refuses a data set by raising :class:`StoreRefused`
(a :class:`~dicomkit.net.errors.ServiceError`): the response carries its status and comment.
"""

from __future__ import annotations

import io
import os
import ssl
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path

import anyio
from anyio.abc import TaskStatus

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated.commands import COMMAND_TAGS
from dicomkit.generated.service_statuses import status_code
from dicomkit.net import loop
from dicomkit.net.acse import AcceptedContext, AcceptPolicy
from dicomkit.net.association import Association
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import DimseProvider, Handler, Request, inline_handler
from dicomkit.net.errors import ServiceError
from dicomkit.net.server import AssociationHooks, serve
from dicomkit.net.services.storage.filemeta import part10_head
from dicomkit.net.services.verification import VerificationSCP
from dicomkit.net.ul import Timeouts

__all__ = ["CANNOT_UNDERSTAND", "DATA_SET_DOES_NOT_MATCH", "OUT_OF_RESOURCES", "StorageHandler",
           "StorageSCP", "StoreRefused"]

#: C-STORE statuses of the Storage service class, generated from PS3.4 Table B.2-1: Refused:
#: Out of Resources (A7xx), Error: Data Set does not match SOP Class (A9xx) and Error:
#: Cannot understand (Cxxx), the first code of each range.
OUT_OF_RESOURCES = status_code("B.2-1", "Refused: Out of resources")
DATA_SET_DOES_NOT_MATCH = status_code("B.2-1", "Error: Data Set does not match SOP Class")
CANNOT_UNDERSTAND = status_code("B.2-1", "Error: Cannot understand")


class StoreRefused(ServiceError):
    """Raised by a :class:`StorageHandler` to answer a C-STORE with ``status`` (PS3.4 B.2.3)."""

    def __init__(self, status: int, comment: str, offending_elements: tuple[int, ...] = ()
                 ) -> None:
        super().__init__(status, comment, offending_elements)


def request_uids(command: DimseMessage) -> tuple[str, str]:
    """(Affected SOP Class UID, Affected SOP Instance UID) of a C-STORE-RQ, checked: present
    and text; StoreRefused (Cannot understand) otherwise, before anything is opened."""
    try:
        sop_class = command.affected_sop_class_uid or ""
        instance = command.affected_sop_instance_uid or ""
        instance.encode("ascii")
        sop_class.encode("ascii")
    except (DicomError, ValueError, UnicodeError) as exc:
        raise StoreRefused(CANNOT_UNDERSTAND, f"unreadable SOP UIDs in the request: {exc}",
                           (COMMAND_TAGS["AffectedSOPInstanceUID"],)) from None
    if not instance or not sop_class or not (instance + sop_class).isprintable():
        raise StoreRefused(CANNOT_UNDERSTAND, "the request's Affected SOP Class/Instance UID "
                           "is empty or holds control characters", (COMMAND_TAGS["AffectedSOPInstanceUID"],))
    return sop_class, instance


class StorageHandler:
    """What a :class:`StorageSCP` asks its application (override what you need).

    ``accept_association`` -> False aborts the association; ``will_receive`` may answer a
    C-STORE-RQ before its data set is read (a status, or None to receive it); ``receive``
    consumes the data set stream and returns what ``did_receive`` gets (this base class: the
    parsed :class:`Dataset`); ``did_receive`` returns the status to answer (``finish`` is its
    asynchronous form, which the SCP calls).
    """

    def accept_association(self, assoc: Association) -> bool:
        """Whether to serve this association (False: it is aborted)."""
        return True

    def will_receive(self, command: DimseMessage) -> int | None:
        """A status to answer without receiving the data set, or None to receive it."""
        return None

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> Path | Dataset:
        """Read the data set (in memory here) and parse it; :class:`StoreRefused` to refuse."""
        from dicomkit.io.reader import read

        sop_class, instance = request_uids(command)
        try:
            head = part10_head(sop_class, instance, context.transfer_syntax)
        except DicomError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, f"unusable SOP UIDs: {exc}") from exc
        parts = [head]
        async for chunk in chunks:
            parts.append(chunk)
        try:
            return read(io.BytesIO(b"".join(parts)), strict=True)
        except DicomError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, f"unparsable data set: {exc}") from exc

    def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
        """The status for a received data set (PS3.4 B.2.3)."""
        raise NotImplementedError("a StorageHandler must say what to do with a data set: "
                                  "override did_receive (or use FolderStorage)")

    async def finish(self, received: Path | Dataset, command: DimseMessage) -> int:
        """:meth:`did_receive` as the SCP calls it (FolderStorage: in a worker thread)."""
        return self.did_receive(received, command)


class StorageSCP:
    """A Storage SCP: serves C-STORE with a handler (a :class:`StorageHandler`, or a folder
    for :class:`~dicomkit.net.services.storage.folder.FolderStorage`).

    As a service provider it answers C-STORE-RQ of any SOP class the association accepted
    (the acceptance policy decides which).
    """

    requests: tuple[str, ...] = ("C-STORE-RQ",)
    sop_classes: tuple[str, ...] | None = None

    def __init__(self, handler: StorageHandler | str | os.PathLike[str]) -> None:
        from dicomkit.net.services.storage.folder import FolderStorage

        self.handler = handler if isinstance(handler, StorageHandler) else FolderStorage(handler)
        self._verification = VerificationSCP()
        #: told of every DIMSE message sent or received (association, ``"sent"`` or
        #: ``"received"``, message), as :attr:`ApplicationEntity.on_message` is: for the
        #: audit trail and metrics of a bare Storage SCP (None: no hook)
        self.on_message: Callable[[Association, str, DimseMessage], None] | None = None

    @inline_handler
    async def handle(self, request: Request) -> int | None:
        """Answer one C-STORE-RQ: the handler's status (PS3.4 B.2.3)."""
        msg = request.message
        status = self.handler.will_receive(msg)
        if status is not None:
            return status
        if request.data is None:  # pragma: no cover - checked on receipt (mandatory)
            raise StoreRefused(CANNOT_UNDERSTAND, "no data set")
        context = request.association.contexts[request.context_id]
        received = await self.handler.receive(msg, context, request.data)
        return await self.handler.finish(received, msg)

    def handler_for(self, request: Request) -> Handler | None:
        """C-STORE to this SCP, C-ECHO to the Verification SCP."""
        name = request.message.name
        if name == "C-STORE-RQ":
            return self.handle
        if name == "C-ECHO-RQ":
            return self._verification.handle
        return None

    async def serve_association(self, assoc: Association) -> None:
        """Serve one association until it is released or aborted."""
        if not self.handler.accept_association(assoc):
            await assoc.abort()
            return
        await DimseProvider(assoc, self.handler_for, on_message=self.on_message).run()

    async def serve(self, host: str, port: int, *, policy: AcceptPolicy | None = None,
                    ssl_context: ssl.SSLContext | None = None, timeouts: Timeouts | None = None,
                    hooks: AssociationHooks | None = None,
                    task_status: TaskStatus[tuple[str, int]] = anyio.TASK_STATUS_IGNORED
                    ) -> None:
        """Accept associations on ``host:port`` until cancelled.

        The default policy accepts any called and calling AE title and SOP class, and every
        transfer syntax the requestor proposes first (data sets are stored as received).
        """
        await serve(host, port, policy=policy or AcceptPolicy(ae_title=None,
                                                             transfer_syntaxes=None),
                    handler=self.serve_association, ssl_context=ssl_context,
                    timeouts=timeouts or Timeouts(), hooks=hooks, task_status=task_status)

    def serve_blocking(self, host: str, port: int, *, policy: AcceptPolicy | None = None,
                       ssl_context: ssl.SSLContext | None = None,
                       timeouts: Timeouts | None = None) -> None:
        """:meth:`serve` for scripts (runs until interrupted)."""
        loop.run(partial(self.serve, host, port, policy=policy, ssl_context=ssl_context,
                         timeouts=timeouts))
