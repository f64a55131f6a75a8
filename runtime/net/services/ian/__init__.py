"""Instance Availability Notification (PS3.4 Annex R) as SCU and SCP.

* :mod:`~dicomkit.net.services.ian.datasets` - :func:`notification` (Table R.3.2-1);
* :mod:`~dicomkit.net.services.ian.scu` - :func:`notify_availability`,
  :func:`send_notification`;
* :mod:`~dicomkit.net.services.ian.scp` - :class:`IanSCP`;
* :mod:`~dicomkit.net.services.ian.notifier` - :class:`StudyNotifier`, a notification when a
  study is complete (what ``dicomkit storescp/qrscp --ian`` runs);
* :mod:`~dicomkit.net.services.ian.errors` - what can go wrong.
"""

from __future__ import annotations

from dicomkit.net.services.ian.datasets import (
    AVAILABILITY,
    AvailableInstance,
    missing_attributes,
    notification,
    read_notification,
)
from dicomkit.net.services.ian.errors import IanError, IanRefused
from dicomkit.net.services.ian.notifier import StudyNotifier
from dicomkit.net.services.ian.scp import IanSCP, Notification
from dicomkit.net.services.ian.scu import notify_availability, send_notification

__all__ = ["AVAILABILITY", "AvailableInstance", "IanError", "IanRefused", "IanSCP",
           "Notification", "StudyNotifier", "missing_attributes", "notification",
           "notify_availability", "read_notification", "send_notification"]
