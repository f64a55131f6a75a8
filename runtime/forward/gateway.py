"""A receiving gateway: a Storage SCP (PS3.4 B.2) whose received files are routed and put in
the forwarding queue before they are answered Success (``dicomkit storescp --forward RULES``).

A data set is received and checked as :class:`~dicomkit.net.services.storage.FolderStorage`
does (into ``<spool>/.incoming``), then flushed, moved into the spool and its jobs committed
(:meth:`dicomkit.forward.Forwarder.accept`); only then is Success sent.  A file no rule
matches is answered Success and not kept (it has nowhere to go; the folders FolderStorage made
for it under ``.incoming`` are left, empty, for the next files of the study); a file that cannot be put in
the queue is answered Refused: Out of resources (PS3.4 Table B.2-1), so the sender tries
again later.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from pathlib import Path

from dicomkit.errors import DicomError
from dicomkit.forward.forwarder import Forwarder
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import Request, inline_handler
from dicomkit.net.services.storage import OUT_OF_RESOURCES, FolderStorage, StorageSCP
from dicomkit.net.services.storage.scp import CANNOT_UNDERSTAND

__all__ = ["ForwardingSCP", "ForwardingStorage"]

log = logging.getLogger(__name__)

#: The calling AE title of the association a C-STORE came on (set by ForwardingSCP).
CALLING_AE: contextvars.ContextVar[str] = contextvars.ContextVar("calling_ae", default="")


class ForwardingStorage(FolderStorage):
    """Receives into ``<spool>/.incoming`` and hands each file to the forwarder."""

    def __init__(self, forwarder: Forwarder) -> None:
        self.forwarder = forwarder
        self._last = threading.local()
        #: files accepted, and files no rule routed
        self.accepted = 0
        self.unrouted = 0
        self._lock = threading.Lock()
        super().__init__(forwarder.spool.root / ".incoming", on_stored=self._stored)

    def _stored(self, path: Path, size: int) -> None:
        self._last.path = path

    def did_receive(self, received: Path | object, command: DimseMessage) -> int:
        """Place the file (FolderStorage), then route and enqueue it; the status."""
        self._last.path = None
        status = super().did_receive(received, command)  # type: ignore[arg-type]
        path: Path | None = self._last.path
        if status != 0 or path is None:
            return status
        try:
            from dicomkit.io.reader import read

            ds = read(path, stop_before_pixels=True)
            routes = self.forwarder.routing.route(ds, CALLING_AE.get())
        except DicomError as exc:
            path.unlink(missing_ok=True)
            log.warning("received file cannot be routed: %s", exc)
            return CANNOT_UNDERSTAND
        try:
            # FolderStorage checked that the data set's UIDs are the request's
            ids = self.forwarder.accept(path, routes, move=True, identity=(
                command.affected_sop_class_uid or "", command.affected_sop_instance_uid or ""))
        except (DicomError, OSError) as exc:
            path.unlink(missing_ok=True)
            log.error("cannot queue a received file: %s", exc)
            return OUT_OF_RESOURCES
        with self._lock:
            if ids:
                self.accepted += 1
            else:
                self.unrouted += 1
        return 0


class ForwardingSCP(StorageSCP):
    """A Storage SCP over :class:`ForwardingStorage`: the calling AE title reaches the
    routing rules."""

    def __init__(self, storage: ForwardingStorage) -> None:
        super().__init__(storage)

    @inline_handler
    async def handle(self, request: Request) -> int | None:
        """Answer one C-STORE-RQ once the file is queued."""
        CALLING_AE.set(request.association.calling_ae)
        return await super().handle(request)
