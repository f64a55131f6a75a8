"""The Modality Worklist service (PS3.4 Annex K) as SCU and SCP.

* :mod:`~dicomkit.net.services.worklist.find` - :func:`find_worklist`, streamed, C-CANCEL;
* :mod:`~dicomkit.net.services.worklist.keys` - the request identifier (Table K.6-1);
* :mod:`~dicomkit.net.services.worklist.store` - :class:`WorklistStore`, a folder of entries;
* :mod:`~dicomkit.net.services.worklist.scp` - :class:`WorklistSCP` over a store;
* :mod:`~dicomkit.net.services.worklist.errors` - what can go wrong.

The SOP class and the keys come from :mod:`dicomkit.generated.workflow`, the statuses from
:mod:`dicomkit.generated.service_statuses` (Table K.4-1).
"""

from __future__ import annotations

from dicomkit.net.services.worklist.errors import WorklistError, WorklistStoreError
from dicomkit.net.services.worklist.find import find_worklist, find_worklist_all
from dicomkit.net.services.worklist.keys import worklist_identifier
from dicomkit.net.services.worklist.scp import WorklistSCP
from dicomkit.net.services.worklist.store import WorklistEntry, WorklistStore

__all__ = ["WorklistEntry", "WorklistError", "WorklistSCP", "WorklistStore",
           "WorklistStoreError", "find_worklist", "find_worklist_all", "worklist_identifier"]
