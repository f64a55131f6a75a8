"""The Storage service class (PS3.4 Annex B): C-STORE as SCU and SCP.

* :mod:`~dicomkit.net.services.storage.negotiation` - contexts to propose, the syntax a data
  set goes in;
* :mod:`~dicomkit.net.services.storage.scu` - :func:`store_on` over an open association
  (also for C-MOVE/C-GET sub-operations), :class:`StorageSCU` in batches;
* :mod:`~dicomkit.net.services.storage.scp` - :class:`StorageSCP`, :class:`StorageHandler`;
* :mod:`~dicomkit.net.services.storage.folder` - :class:`FolderStorage`, checked and
  injectively named files written off the event loop.
"""

from __future__ import annotations

from dicomkit.net.dimse_provider import UNRECOGNIZED_OPERATION
from dicomkit.net.services.storage.folder import FolderStorage
from dicomkit.net.services.storage.negotiation import TranscodeError, choose, contexts_for
from dicomkit.net.services.storage.scp import (
    CANNOT_UNDERSTAND,
    DATA_SET_DOES_NOT_MATCH,
    OUT_OF_RESOURCES,
    StorageHandler,
    StorageSCP,
    StoreRefused,
)
from dicomkit.net.services.storage.scu import StorageSCU, StoreResult, store_on

__all__ = [
    "CANNOT_UNDERSTAND", "DATA_SET_DOES_NOT_MATCH", "FolderStorage", "OUT_OF_RESOURCES",
    "StorageHandler", "StorageSCP", "StorageSCU", "StoreRefused", "StoreResult",
    "TranscodeError", "UNRECOGNIZED_OPERATION", "choose", "contexts_for", "store_on",
]
