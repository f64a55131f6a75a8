"""Instance Availability Notification as SCU (PS3.4 R.3.2): one N-CREATE per notification.

::

    ds = notification(study_uid, [AvailableInstance(series, sop_class, sop_uid,
                                                     retrieve_ae_title="ARCHIVE"), ...])
    uid = await notify_availability(assoc, ds)

:func:`send_notification` opens the association itself (what the archive's study completion
notifier does).
"""

from __future__ import annotations

import ssl

from dicomkit.core.dataset import Dataset
from dicomkit.core.uid import generate_uid
from dicomkit.generated import uids
from dicomkit.io.writer import encode_dataset
from dicomkit.net.acse import PresentationContext
from dicomkit.net.association import Association
from dicomkit.net.client import associate
from dicomkit.net.dimse import build, classify_status
from dicomkit.net.dimse_provider import DimseProvider
from dicomkit.net.services.ian.datasets import missing_attributes
from dicomkit.net.services.ian.errors import IanError, IanRefused
from dicomkit.net.ul import Timeouts

__all__ = ["CONTEXT", "notify_availability", "send_notification"]

#: The presentation context to propose.
CONTEXT = PresentationContext(1, uids.InstanceAvailabilityNotification,
                              (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian))


def _check(ds: Dataset) -> None:
    path, absent = missing_attributes(ds)
    if path:
        where = ".".join(f"({t >> 16:04X},{t & 0xFFFF:04X})" for t in path)
        raise IanError(f"Type 1 attribute {where} {'missing' if absent else 'empty'} (PS3.4 "
                       "Table R.3.2-1)")


async def notify_availability(association: Association, attributes: Dataset, *,
                              instance_uid: str | None = None, check: bool = True,
                              provider: DimseProvider | None = None) -> str:
    """N-CREATE the notification ``attributes`` (see
    :func:`~dicomkit.net.services.ian.datasets.notification`); its SOP Instance UID.

    Raises
    ------
    IanError
        When ``check`` and a Type 1 attribute of Table R.3.2-1 is missing (nothing sent), or
        the peer accepted no Instance Availability Notification context.
    IanRefused
        When the SCP answers a failure.
    """
    if check:
        _check(attributes)
    dimse = provider or association.dimse
    if dimse is None:
        raise IanError("the association has no DIMSE provider reading it: use "
                       "ApplicationEntity.connect", peer=association.peer_address)
    context = next((c for c in association.contexts.values()
                    if c.abstract_syntax == uids.InstanceAvailabilityNotification), None)
    if context is None:
        raise IanError("the peer accepted no Instance Availability Notification context",
                       peer=association.peer_address)
    uid = instance_uid or generate_uid()
    msg = build("N-CREATE-RQ", data_set=True,
                AffectedSOPClassUID=uids.InstanceAvailabilityNotification,
                AffectedSOPInstanceUID=uid)
    rsp = await dimse.request_one(context.id, msg,
                                  encode_dataset(attributes, context.transfer_syntax))
    if classify_status(rsp.status) not in ("success", "warning"):
        comment = rsp.message.get("ErrorComment")
        listed = rsp.message.get("AttributeIdentifierList")
        values = listed if isinstance(listed, list) else ([] if listed in (None, "") else
                                                          [listed])
        raise IanRefused(rsp.status, comment=str(comment or "").strip(),
                         attributes=tuple(int(v) for v in values), instance_uid=uid,
                         peer=association.peer_address)
    return uid


async def send_notification(host: str, port: int, attributes: Dataset, *, called_ae: str,
                            calling_ae: str = "DICOMKIT", timeouts: Timeouts | None = None,
                            ssl_context: ssl.SSLContext | None = None) -> str:
    """:func:`notify_availability` on a new association to ``called_ae`` at host:port,
    released afterwards; the notification's SOP Instance UID."""
    _check(attributes)
    assoc = await associate(host, port, called_ae=called_ae, calling_ae=calling_ae,
                            contexts=[CONTEXT], timeouts=timeouts or Timeouts(),
                            ssl_context=ssl_context)
    async with assoc, DimseProvider(assoc) as dimse:
        return await notify_availability(assoc, attributes, check=False, provider=dimse)
