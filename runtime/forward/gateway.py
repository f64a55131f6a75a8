"""A receiving gateway: a Storage SCP (PS3.4 B.2) whose received files are routed and put in
the forwarding queue before they are answered Success (``dicomkit storescp --forward RULES``).

A data set is received and checked as :class:`~dicomkit.net.services.storage.FolderStorage`
does (into ``<spool>/.incoming``), routed from the top-level values kept while it arrived,
flushed and renamed into the spool (:meth:`dicomkit.forward.Spool.adopt`, the folder flushed
too); only then is Success sent.  The file is the durable record: its jobs are committed
right after, together with other files' (:meth:`dicomkit.forward.Forwarder.submit`), and a
crash before that commit leaves a spool file without a job, which the next start routes and
queues (:meth:`dicomkit.forward.Forwarder.recover`).  A file no rule matches is answered
Success and not kept (it has nowhere to go); a file that cannot be put in the spool is
answered Refused: Out of resources (PS3.4 Table B.2-1), so the sender tries again later.
"""

from __future__ import annotations

import contextvars
import logging
import struct
import threading
from collections.abc import AsyncIterator
from pathlib import Path

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.forward.forwarder import Forwarder
from dicomkit.forward.spool import INCOMING
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import LONG_LENGTH_VRS
from dicomkit.net.acse import AcceptedContext
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import Request, inline_handler
from dicomkit.net.services.storage import OUT_OF_RESOURCES, FolderStorage, StorageSCP
from dicomkit.net.services.storage.filemeta import part10_head
from dicomkit.net.services.storage.folder import PENDING_LIMIT
from dicomkit.net.services.storage.scp import CANNOT_UNDERSTAND

__all__ = ["ForwardingSCP", "ForwardingStorage"]

log = logging.getLogger(__name__)

_LONG_VRS = frozenset(LONG_LENGTH_VRS)

#: The calling AE title of the association a C-STORE came on (set by ForwardingSCP).
CALLING_AE: contextvars.ContextVar[str] = contextvars.ContextVar("calling_ae", default="")


def _header(captured: dict[int, tuple[str, bytes]], transfer_syntax: str,
            head: bytes) -> bytes | None:
    """The top-level elements the scanner captured, encoded again in their own syntax behind
    the file meta ``head``: a small Part 10 file the reader decodes as it would the whole
    header (None for a syntax whose bytes cannot be re-encoded here: deflated)."""
    syntax = TRANSFER_SYNTAXES.get(transfer_syntax)
    if syntax is not None and syntax.deflated:
        return None
    implicit = bool(syntax.implicit_vr) if syntax is not None else False
    order = "<" if syntax is None or syntax.little_endian else ">"
    out = [head]
    for tag in sorted(captured):
        vr, value = captured[tag]
        group, element = tag >> 16, tag & 0xFFFF
        if implicit or not vr:
            out.append(struct.pack(order + "HHI", group, element, len(value)))
        elif vr in _LONG_VRS:
            out.append(struct.pack(order + "HH2s2xI", group, element, vr.encode("ascii"),
                                   len(value)))
        elif len(value) > 0xFFFF:
            return None
        else:
            out.append(struct.pack(order + "HH2sH", group, element, vr.encode("ascii"),
                                   len(value)))
        out.append(value)
    return b"".join(out)


class ForwardingStorage(FolderStorage):
    """Receives into ``<spool>/.incoming`` and hands each file to the forwarder.

    One worker-thread call per data set (the one FolderStorage makes) writes the file's last
    bytes, flushes it (unless the spool is not durable), routes it from the top-level values
    the scanner kept while it arrived (the rules' attributes, :meth:`Routing.tags`), renames
    it into the spool and flushes the folder (:meth:`Spool.adopt`); then Success is answered
    and its jobs are committed with other files' (:meth:`Forwarder.submit`).
    """

    def __init__(self, forwarder: Forwarder) -> None:
        self.forwarder = forwarder
        #: files accepted, and files no rule routed
        self.accepted = 0
        self.unrouted = 0
        self._lock = threading.Lock()
        wanted = forwarder.routing.tags()
        #: None: a rule needs more than top-level values (the file's header is read)
        self._route_tags = wanted
        self._syntaxes: dict[Path, str] = {}
        super().__init__(forwarder.spool.root / INCOMING, fsync=forwarder.spool.fsync)
        if wanted is not None:
            self.capture_tags = tuple(sorted({*self.capture_tags, *wanted}))

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> Path:
        """Receive and check as FolderStorage does; the part file's path."""
        path = await super().receive(command, context, chunks)
        with self._lock:
            if len(self._syntaxes) >= PENDING_LIMIT:  # did_receive never came for some
                del self._syntaxes[next(iter(self._syntaxes))]
            self._syntaxes[path] = context.transfer_syntax
        return path

    def _routing_dataset(self, path: Path, captured: dict[int, tuple[str, bytes]] | None,
                         command: DimseMessage) -> Dataset:
        from dicomkit.io.reader import read

        with self._lock:
            ts = self._syntaxes.pop(path, None)
        if captured is not None and ts is not None and self._route_tags is not None:
            small = _header(captured, ts, part10_head(
                command.affected_sop_class_uid or "", command.affected_sop_instance_uid or "",
                ts))
            if small is not None:
                return read(small, strict=True)
        return read(path, stop_before_pixels=True)

    def did_receive(self, received: Path | object, command: DimseMessage) -> int:
        """Route the received file, move it into the spool (durable) and hand its jobs to
        the forwarder; the status."""
        if not isinstance(received, Path):
            raise TypeError("ForwardingStorage.did_receive takes the path receive() returned")
        captured, size = self.take_received(received)
        calling = CALLING_AE.get()
        try:
            ds = self._routing_dataset(received, captured, command)
            routes = self.forwarder.routing.route(ds, calling)
        except DicomError as exc:
            received.unlink(missing_ok=True)
            log.warning("received file cannot be routed: %s", exc)
            return CANNOT_UNDERSTAND
        if not routes:
            received.unlink(missing_ok=True)
            with self._lock:
                self.unrouted += 1
            return 0
        try:
            if size is None:
                size = received.stat().st_size
            name = self.forwarder.spool.adopt(received, calling_ae=calling)
        except (DicomError, OSError) as exc:
            received.unlink(missing_ok=True)
            log.error("cannot put a received file in the spool: %s", exc)
            return OUT_OF_RESOURCES
        # the file is durable in the spool: from here it is accepted (a crash before its
        # jobs commit leaves it to Forwarder.recover), so Success whatever the commit does
        try:
            self.forwarder.submit(name, routes, size=size, identity=(
                command.affected_sop_class_uid or "", command.affected_sop_instance_uid or ""))
        except DicomError as exc:
            log.error("the jobs of %s wait for the next start: %s", name, exc)
        final = self.forwarder.spool.path(name)
        with self._lock:
            self.accepted += 1
            self.stored.append(final)
        if self.on_stored is not None:
            self.on_stored(final, size)
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
