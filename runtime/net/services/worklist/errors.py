"""Errors of the Modality Worklist service (PS3.4 Annex K): a worklist entry that cannot be
read or written.  Query failures of the SCU are the Query/Retrieve SCU's
(:class:`~dicomkit.net.services.qr.errors.QueryFailed` ...): the C-FIND is the same.

Every error derives from :class:`dicomkit.DicomError`.
"""

from __future__ import annotations

from pathlib import Path

from dicomkit.errors import DicomError

__all__ = ["WorklistError", "WorklistStoreError"]


class WorklistError(DicomError):
    """A Modality Worklist operation that did not go as asked."""


class WorklistStoreError(WorklistError):
    """A worklist entry that cannot be read, written or removed.

    Attributes
    ----------
    path
        The entry's file (or the store's folder).
    """

    def __init__(self, message: str, *, path: str | Path) -> None:
        self.path = str(path)
        super().__init__(f"worklist entry {self.path}: {message}")
