"""ArchiveStorage: a Storage SCP handler that stores every received data set into a
:class:`dicomkit.archive.Archive` (``dicomkit storescp --archive DIR``).

The data set is received behind its file meta information (PS3.10 7.1); beyond
:data:`FLUSH_BYTES` it is streamed into a part file of the archive
(:meth:`dicomkit.archive.files.FileStore.part`) by worker threads, so at most that much is held
in memory.  Then, in one worker thread call, it is checked whole (structure, unique keys:
:meth:`~dicomkit.archive.Archive.inspect` from memory, or
:meth:`~dicomkit.archive.Archive.inspect_file` from the part), written, placed and indexed in
one transaction (:meth:`~dicomkit.archive.Archive.insert_written`).  Only then is the C-STORE
answered Success, and a failure at any step removes the part.

Statuses (PS3.4 B.2.3): an instance the archive refuses (damaged, truncated, without its
unique keys) is answered Error: Cannot understand (C000H); a data set whose SOP Class or
Instance UID differs from the request's, Error: Data Set does not match SOP Class (A900H); a
SOP Instance UID stored with other content under the "reject" policy, Error: Cannot understand
with the reason in the Error Comment; a failing disk or index, Refused: Out of Resources
(A700H).  Under the "keep" policy (the default) a repeat is answered Success and the stored
instance stays.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import anyio

from dicomkit.archive import Archive, ArchiveError, DuplicateInstanceError, InstanceRefusedError
from dicomkit.archive.files import PartWriter
from dicomkit.archive.index import Outcome
from dicomkit.archive.schema import IMAGE, SERIES, STUDY
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

__all__ = ["FLUSH_BYTES", "ArchiveStorage"]

log = logging.getLogger(__name__)

#: Bytes of a data set held in memory before they are written to its part file.
FLUSH_BYTES = 1 << 18


class ArchiveStorage(StorageHandler):
    """Store received data sets into ``archive`` (see the module).

    Parameters
    ----------
    archive
        The archive.
    on_stored
        Called (from a worker thread) with each insert's outcome.
    on_instance
        Called (from a worker thread) with (Study, Series, SOP Class, SOP Instance UID) of
        each instance stored or replaced (not a duplicate or a kept repeat), e.g. by
        :class:`dicomkit.net.services.ian.StudyNotifier`.
    """

    def __init__(self, archive: Archive, *,
                 on_stored: Callable[[Outcome], None] | None = None,
                 on_instance: Callable[[str, str, str, str], None] | None = None) -> None:
        self.archive = archive
        self.on_stored = on_stored
        self.on_instance = on_instance
        self.stored: list[Outcome] = []
        #: part path -> (its writer, the bytes not written yet, whether some were), between
        #: receive() and finish()
        self._parts: dict[Path, tuple[PartWriter, list[bytes], bool]] = {}

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> Path:
        """Stream the data set, as a Part 10 file, into a part file; its path."""
        sop_class, instance = request_uids(command)
        try:
            head = part10_head(sop_class, instance, context.transfer_syntax)
        except DicomError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, f"unusable SOP UIDs: {exc}") from exc
        writer = self.archive.files.part()  # named only: created by its first write
        buffered, size = [head], len(head)
        streamed = False
        try:
            async for chunk in chunks:
                buffered.append(chunk)
                size += len(chunk)
                if size >= FLUSH_BYTES:
                    await anyio.to_thread.run_sync(writer.write, buffered)
                    buffered, size, streamed = [], 0, True
        except OSError as exc:
            await self._discard(writer)
            raise StoreRefused(OUT_OF_RESOURCES, f"cannot write: {exc.strerror or exc}") from exc
        except BaseException:
            await self._discard(writer)
            raise
        # what is left is written by did_receive, in the same worker thread call as the rest
        self._parts[writer.path] = (writer, buffered, streamed)
        return writer.path

    @staticmethod
    async def _discard(writer: PartWriter) -> None:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(writer.discard)

    def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
        """Check, place and index the part (blocking; :meth:`finish` runs it in a worker
        thread); the status."""
        entry = self._parts.pop(received, None) if isinstance(received, Path) else None
        if entry is None:
            raise TypeError("ArchiveStorage.did_receive takes the path receive() returned")
        writer = entry[0]
        try:
            return self._store(*entry, command)
        finally:
            writer.discard()  # placed: linked already; refused: removed

    def _store(self, writer: PartWriter, rest: list[bytes], streamed: bool,
               command: DimseMessage) -> int:
        sop_class, instance = request_uids(command)
        archive = self.archive
        where = f"C-STORE of {instance}"
        try:
            if streamed:  # large: checked from the file, in blocks
                writer.write(rest)
                written = writer.finish()
                record, _, _ = archive.inspect_file(written.path, where)
            else:  # in memory: checked from the bytes, then written
                data = b"".join(rest)
                record = archive.inspect(data, where)
                writer.write((data,))
                written = writer.finish()
        except InstanceRefusedError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, exc.reason) from None
        except OSError as exc:
            raise StoreRefused(OUT_OF_RESOURCES, f"cannot write: {exc.strerror or exc}") from None
        ds_class = record.values[IMAGE].get(archive.schema.keyword_of(IMAGE, tags.SOPClassUID))
        if record.sop_instance_uid != instance or ds_class != sop_class:
            raise StoreRefused(DATA_SET_DOES_NOT_MATCH, "the data set's SOP Class/Instance UID "
                               "differ from the request's",
                               (tags.SOPClassUID, tags.SOPInstanceUID))
        try:
            outcome = archive.insert_written(record, written)
        except DuplicateInstanceError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, exc.reason, (tags.SOPInstanceUID,)) from None
        except (ArchiveError, OSError) as exc:
            log.warning("cannot store %s: %s", instance, exc)
            raise StoreRefused(OUT_OF_RESOURCES, f"cannot store: {exc}") from None
        self.stored.append(outcome)
        if self.on_stored is not None:
            self.on_stored(outcome)
        if self.on_instance is not None and outcome.action in ("stored", "replaced"):
            self.on_instance(record.uids[STUDY], record.uids[SERIES], str(ds_class),
                             record.sop_instance_uid)
        return 0x0000

    async def finish(self, received: Path | Dataset, command: DimseMessage) -> int:
        """:meth:`did_receive` in a worker thread."""
        try:
            return await anyio.to_thread.run_sync(self.did_receive, received, command)
        except BaseException:
            entry = self._parts.pop(received, None) if isinstance(received, Path) else None
            if entry is not None:  # cancelled before the thread took it
                await self._discard(entry[0])
            raise
