"""Errors of the archive (instance store and index).

Every error derives from :class:`ArchiveError`, a :class:`dicomkit.errors.DicomError`, and
names what it concerns: the archive folder, the file, the SOP Instance UID, the index URL (its
password left out).
"""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["ArchiveError", "DuplicateInstanceError", "IndexUnavailableError",
           "InstanceRefusedError", "NotFoundError"]


class ArchiveError(DicomError):
    """An archive operation failed.

    Attributes
    ----------
    path
        The file or folder concerned (``""`` when none).
    uid
        The SOP Instance UID (or study/series UID) concerned (``""`` when none).
    url
        The index database URL, password hidden (``""`` when not the cause).
    """

    def __init__(self, message: str, *, path: str = "", uid: str = "", url: str = "") -> None:
        self.path = path
        self.uid = uid
        self.url = url
        self.reason = message
        where = [w for w in (path, f"UID {uid}" if uid else "", url) if w]
        super().__init__(": ".join([*where, message]))


class InstanceRefusedError(ArchiveError):
    """The input is not an instance the archive can store: not DICOM, truncated, or without a
    SOP Instance, Study Instance or Series Instance UID (PS3.4 C.6: the unique keys of each
    level).  Nothing was stored."""


class DuplicateInstanceError(ArchiveError):
    """An instance with this SOP Instance UID but other content is already stored and the
    policy is ``"reject"``.  Store it under the ``"replace"`` policy to replace it, or delete
    the stored one first.

    Attributes
    ----------
    stored_sha256, new_sha256
        The digests of the stored file and of the refused one.
    """

    def __init__(self, message: str, *, path: str = "", uid: str = "", stored_sha256: str = "",
                 new_sha256: str = "") -> None:
        super().__init__(message, path=path, uid=uid)
        self.stored_sha256 = stored_sha256
        self.new_sha256 = new_sha256


class NotFoundError(ArchiveError):
    """No patient, study, series or instance with that identifier is in the index."""


class IndexUnavailableError(ArchiveError):
    """The index database cannot be opened or used (server down, wrong URL, no driver: for
    PostgreSQL ``pip install 'dicomkit[archive]'`` installs psycopg).

    Attributes
    ----------
    retryable
        True when the transaction was rolled back by the server to break a deadlock or a
        serialization conflict, or SQLite stayed locked: the archive tries such an insert
        again (up to :data:`dicomkit.archive.store.ATTEMPTS` times) before raising it.
    """

    retryable: bool = False
