"""ArchiveStorage: a Storage SCP handler that stores every received data set into a
:class:`dicomkit.archive.Archive` (``dicomkit storescp --archive DIR``).

The data set is received into memory behind its file meta information (PS3.10 7.1), then
handed to :meth:`dicomkit.archive.Archive.insert_bytes` in a worker thread, which checks it
whole, writes it to a part file, places it and indexes it in one transaction; only then is the
C-STORE answered Success.  An instance the archive refuses (damaged, truncated, without its
unique keys) is answered Error: Cannot understand (C000H); a data set whose SOP Class or
Instance UID differs from the request's, Error: Data Set does not match SOP Class (A900H); a
SOP Instance UID stored with other content under the "reject" policy, Error: Cannot understand
with the reason in the Error Comment; a failing disk or index, Refused: Out of Resources
(A700H) (PS3.4 B.2.3).  Under the "keep" policy (the default) a repeat is answered Success and
the stored instance stays.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable

import anyio

from dicomkit.archive import Archive, ArchiveError, DuplicateInstanceError, InstanceRefusedError
from dicomkit.archive.index import Outcome
from dicomkit.archive.schema import IMAGE
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.net.acse import AcceptedContext
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.services.storage.filemeta import part10_head
from dicomkit.net.services.storage.scp import (
    CANNOT_UNDERSTAND,
    DATA_SET_DOES_NOT_MATCH,
    OUT_OF_RESOURCES,
    StorageHandler,
    StoreRefused,
    request_uids,
)

__all__ = ["ArchiveStorage"]

log = logging.getLogger(__name__)


class _Received(Dataset):
    """The bytes of one received Part 10 file (a Dataset only to satisfy the SCP's types)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data


class ArchiveStorage(StorageHandler):
    """Store received data sets into ``archive`` (see the module).

    Parameters
    ----------
    archive
        The archive.
    on_stored
        Called (from a worker thread) with each insert's outcome.
    """

    def __init__(self, archive: Archive, *,
                 on_stored: Callable[[Outcome], None] | None = None) -> None:
        self.archive = archive
        self.on_stored = on_stored
        self.stored: list[Outcome] = []

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> _Received:
        """The data set's bytes as a Part 10 file."""
        sop_class, instance = request_uids(command)
        try:
            head = part10_head(sop_class, instance, context.transfer_syntax)
        except DicomError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, f"unusable SOP UIDs: {exc}") from exc
        parts = [head]
        async for chunk in chunks:
            parts.append(chunk)
        return _Received(b"".join(parts))

    def did_receive(self, received: object, command: DimseMessage) -> int:
        """Insert into the archive (blocking; :meth:`finish` runs it in a worker thread)."""
        if not isinstance(received, _Received):
            raise TypeError("ArchiveStorage.did_receive takes what receive() returned")
        sop_class, instance = request_uids(command)
        archive = self.archive
        try:
            record = archive.inspect(received.data, f"C-STORE of {instance}")
        except InstanceRefusedError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, exc.reason) from None
        ds_class = record.values[IMAGE].get(archive.schema.keyword_of(IMAGE, tags.SOPClassUID))
        if record.sop_instance_uid != instance or ds_class != sop_class:
            raise StoreRefused(DATA_SET_DOES_NOT_MATCH, "the data set's SOP Class/Instance UID "
                               "differ from the request's",
                               (tags.SOPClassUID, tags.SOPInstanceUID))
        try:
            outcome = archive.insert_bytes(received.data, source=f"C-STORE of {instance}",
                                           record=record)
        except DuplicateInstanceError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, exc.reason, (tags.SOPInstanceUID,)) from None
        except InstanceRefusedError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, exc.reason) from None
        except (ArchiveError, OSError) as exc:
            log.warning("cannot store %s: %s", instance, exc)
            raise StoreRefused(OUT_OF_RESOURCES, f"cannot store: {exc}") from None
        self.stored.append(outcome)
        if self.on_stored is not None:
            self.on_stored(outcome)
        return 0x0000

    async def finish(self, received: object, command: DimseMessage) -> int:
        """:meth:`did_receive` in a worker thread."""
        return await anyio.to_thread.run_sync(self.did_receive, received, command)
