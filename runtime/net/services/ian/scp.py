"""Instance Availability Notification as SCP (PS3.4 R.3.2.1.3): :class:`IanSCP` answers
N-CREATE-RQ of the SOP class.

The Attribute List is checked against the Type 1 attributes of Table R.3.2-1 (SCP column):
one absent is answered Missing Attribute (0120H) with the Attribute Identifier List, one empty
Missing Attribute Value (0121H); a data set that cannot be read, Processing Failure (0110H); a
SOP Instance UID seen already, Duplicate SOP Instance (0111H).  An accepted notification is
kept (the last 1,000, :attr:`IanSCP.notifications`), written to ``folder`` when given (a Part
10 file per notification, written to a temporary name and renamed) and handed to ``on_notify``.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import os
import tempfile
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.generated.statuses import StatusType
from dicomkit.io.writer import encode_file
from dicomkit.net.dimse import error_comment
from dicomkit.net.dimse_provider import Request
from dicomkit.net.services.ian.datasets import missing_attributes
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.qr.responses import decode_identifier

__all__ = ["IanSCP", "Notification"]

log = logging.getLogger(__name__)

SUCCESS = int(StatusType.SUCCESS)
DUPLICATE = int(StatusType.DUPLICATE_SOP_INSTANCE)
MISSING = int(StatusType.MISSING_ATTRIBUTE)
MISSING_VALUE = int(StatusType.MISSING_ATTRIBUTE_VALUE)
PROCESSING_FAILURE = int(StatusType.PROCESSING_FAILURE)


@dataclass(frozen=True)
class Notification:
    """One notification received: its SOP Instance UID, who sent it, its Attribute List."""

    instance_uid: str
    calling_ae: str
    attributes: Dataset


OnNotify = Callable[[Notification], Awaitable[None] | None]


def _write(folder: Path, uid: str, ds: Dataset) -> Path:
    record = ds.copy()
    record.file_meta = None
    record.add_new(tags.SOPClassUID, "UI", uids.InstanceAvailabilityNotification)
    record.add_new(tags.SOPInstanceUID, "UI", uid)
    data = encode_file(record, uids.ExplicitVRLittleEndian)
    path = folder / f"{uid}.dcm"
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


class IanSCP:
    """Instance Availability Notification SCP (see the module).

    Parameters
    ----------
    folder
        Where to keep each notification as a file (None: in memory only).
    on_notify
        Called with each accepted :class:`Notification` (may be a coroutine function).
    """

    requests: tuple[str, ...] = ("N-CREATE-RQ",)
    sop_classes: tuple[str, ...] | None = (uids.InstanceAvailabilityNotification,)

    def __init__(self, folder: str | os.PathLike[str] | None = None, *,
                 on_notify: OnNotify | None = None) -> None:
        self.folder = Path(folder) if folder is not None else None
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
        self.on_notify = on_notify
        self.notifications: deque[Notification] = deque(maxlen=1000)
        self._seen: deque[str] = deque(maxlen=10000)

    async def handle(self, request: Request) -> int | None:
        """Answer one N-CREATE-RQ (PS3.4 R.3.2.1.3)."""
        data = await request.read_data()
        uid = str(request.message.get("AffectedSOPInstanceUID") or "").strip("\0 ") or \
            generate_uid()
        try:
            ds = decode_identifier(data, request.transfer_syntax, request.abstract_syntax,
                                   operation="N-CREATE")
        except IdentifierError as exc:
            await request.respond(PROCESSING_FAILURE, ErrorComment=error_comment(exc.reason))
            return None
        path, absent = missing_attributes(ds)
        if path:
            if absent:
                await request.respond(MISSING, AttributeIdentifierList=[path[-1]],
                                      AffectedSOPInstanceUID=uid)
            else:
                await request.respond(MISSING_VALUE, AffectedSOPInstanceUID=uid,
                                      ErrorComment="Type 1 attribute empty (Table R.3.2-1)")
            return None
        if uid in self._seen:
            await request.respond(DUPLICATE, AffectedSOPInstanceUID=uid)
            return None
        if self.folder is not None:
            try:
                await anyio.to_thread.run_sync(_write, self.folder, uid, ds)
            except (OSError, DicomError) as exc:
                log.warning("instance availability notification %s not kept: %s", uid, exc)
                await request.respond(PROCESSING_FAILURE, ErrorComment=error_comment(exc))
                return None
        self._seen.append(uid)
        note = Notification(uid, str(request.association.calling_ae or "").strip(), ds)
        self.notifications.append(note)
        await request.respond(SUCCESS, AffectedSOPInstanceUID=uid,
                              AffectedSOPClassUID=uids.InstanceAvailabilityNotification)
        if self.on_notify is not None:
            try:
                result = self.on_notify(note)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("on_notify for %s failed", uid)
        return None
