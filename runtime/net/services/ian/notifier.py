"""Telling a peer when a study is complete: an Instance Availability Notification (PS3.4
Annex R) per study, sent once no instance of the study arrived for ``idle`` seconds, or when
asked (:meth:`StudyNotifier.flush`).

:meth:`StudyNotifier.note` is what a receiver calls for each instance it stored (thread-safe:
:class:`~dicomkit.net.services.storage.archive.ArchiveStorage` calls it from worker threads as
its ``on_instance``); :meth:`StudyNotifier.run` is the task that sends the notifications of
idle studies.  A study's notification names every instance noted since its last one.  A
notification that cannot be sent is kept and sent again with the instances noted meanwhile,
``retry`` seconds later: nothing noted is dropped.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from dataclasses import dataclass, field

import anyio
from anyio.abc import TaskStatus

from dicomkit.errors import DicomError
from dicomkit.net.services.ian.datasets import AvailableInstance, notification
from dicomkit.net.services.ian.scu import send_notification
from dicomkit.net.ul import Timeouts

__all__ = ["StudyNotifier"]

log = logging.getLogger(__name__)


@dataclass
class _Study:
    last: float
    instances: dict[str, AvailableInstance] = field(default_factory=dict)
    not_before: float = 0.0


class StudyNotifier:
    """Sends a notification per complete study (see the module).

    Parameters
    ----------
    host, port, called_ae
        The Instance Availability Notification SCP.
    retrieve_ae_title
        Retrieve AE Title (0008,0054) of the instances: the AE they can be retrieved from.
    idle
        Seconds without a new instance after which a study is complete.
    calling_ae, timeouts, ssl_context
        For the associations to the SCP.
    retry
        Seconds before a notification that failed is tried again.
    """

    def __init__(self, host: str, port: int, *, called_ae: str, retrieve_ae_title: str,
                 idle: float = 30.0, calling_ae: str = "DICOMKIT",
                 timeouts: Timeouts | None = None, ssl_context: ssl.SSLContext | None = None,
                 retry: float = 30.0) -> None:
        if idle <= 0:
            raise ValueError("idle must be positive seconds")
        self.host, self.port, self.called_ae = host, port, called_ae
        self.retrieve_ae_title = retrieve_ae_title
        self.idle = idle
        self.calling_ae = calling_ae
        self.timeouts = timeouts
        self.ssl_context = ssl_context
        self.retry = retry
        #: (Study Instance UID, notification SOP Instance UID) of each sent, oldest first
        self.sent: list[tuple[str, str]] = []
        self._studies: dict[str, _Study] = {}
        self._lock = threading.Lock()
        self._sending = anyio.Lock()

    def note(self, study_uid: str, series_uid: str, sop_class: str, sop_instance: str) -> None:
        """One instance of ``study_uid`` stored now (thread-safe)."""
        with self._lock:
            study = self._studies.get(study_uid)
            if study is None:
                study = self._studies[study_uid] = _Study(time.monotonic())
            study.last = time.monotonic()
            study.instances[sop_instance] = AvailableInstance(
                series_uid, sop_class, sop_instance, "ONLINE", self.retrieve_ae_title)

    def pending(self) -> list[str]:
        """The studies with instances not notified yet."""
        with self._lock:
            return sorted(self._studies)

    def _take(self, study_uid: str) -> list[AvailableInstance]:
        with self._lock:
            study = self._studies.pop(study_uid, None)
        return list(study.instances.values()) if study is not None else []

    def _put_back(self, study_uid: str, instances: list[AvailableInstance]) -> None:
        with self._lock:
            study = self._studies.setdefault(study_uid, _Study(time.monotonic()))
            for inst in instances:
                study.instances.setdefault(inst.sop_instance, inst)
            study.not_before = time.monotonic() + self.retry

    async def _send(self, study_uid: str) -> str | None:
        instances = self._take(study_uid)
        if not instances:
            return None
        try:
            uid = await send_notification(self.host, self.port, notification(
                study_uid, instances), called_ae=self.called_ae, calling_ae=self.calling_ae,
                timeouts=self.timeouts, ssl_context=self.ssl_context)
        except (DicomError, OSError) as exc:
            log.warning("instance availability notification of study %s to %s at %s:%d "
                        "failed (%s); tried again in %g s", study_uid, self.called_ae,
                        self.host, self.port, exc, self.retry)
            self._put_back(study_uid, instances)
            raise
        self.sent.append((study_uid, uid))
        return uid

    async def flush(self, study_uid: str | None = None) -> list[str]:
        """Send now the notification of ``study_uid`` (None: of every pending study); the
        SOP Instance UIDs of the notifications sent.

        Raises
        ------
        DicomError, OSError
            When one could not be sent (its instances stay pending).
        """
        async with self._sending:
            studies = [study_uid] if study_uid is not None else self.pending()
            out = []
            for study in studies:
                uid = await self._send(study)
                if uid is not None:
                    out.append(uid)
            return out

    def _idle(self) -> list[str]:
        now = time.monotonic()
        with self._lock:
            return [uid for uid, s in self._studies.items()
                    if now - s.last >= self.idle and now >= s.not_before]

    async def run(self, *, task_status: TaskStatus[None] = anyio.TASK_STATUS_IGNORED) -> None:
        """Send the notifications of idle studies until cancelled (start it in a task group)."""
        task_status.started()
        tick = min(1.0, self.idle / 4)
        while True:
            await anyio.sleep(tick)
            for study in self._idle():
                async with self._sending:
                    try:
                        await self._send(study)
                    except (DicomError, OSError):
                        pass  # logged, put back for later
