"""DIMSE services (PS3.4): Verification (Annex A) and Storage (Annex B), as SCU and SCP."""

from __future__ import annotations

from dicomkit.net.services.storage import (
    FolderStorage,
    StorageHandler,
    StorageSCP,
    StorageSCU,
    StoreRefused,
    StoreResult,
    TranscodeError,
    store_on,
)
from dicomkit.net.services.verification import (
    VerificationSCP,
    answer_echo,
    echo,
    echo_blocking,
    echo_on,
)

__all__ = [
    "FolderStorage", "StorageHandler", "StorageSCP", "StorageSCU", "StoreRefused",
    "StoreResult", "TranscodeError", "VerificationSCP", "answer_echo", "echo", "echo_blocking",
    "echo_on", "store_on",
]
