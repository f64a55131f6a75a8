"""Where an MPPS SCP keeps its Modality Performed Procedure Step records: one Part 10 file per
SOP instance in a folder (``<SOP Instance UID>.dcm``, Explicit VR Little Endian), readable as
data sets by anything that reads DICOM.

Every write goes to a temporary file in the folder, is flushed to disk and renamed over the
record (``os.replace``): a reader sees the old record or the new one, never half of one.  A
new record is linked into place, so two creators of one UID cannot both succeed.  The record
holds the attributes the SCU created and set, plus SOP Class UID and SOP Instance UID (PS3.3
C.12.1) so that the file names its SOP instance.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read
from dicomkit.io.writer import encode_file
from dicomkit.net.services.mpps.errors import MppsNoSuchRecord, MppsRecordExists, MppsStoreError

__all__ = ["MppsStore"]

_UID = re.compile(r"^[0-9]+(\.[0-9]+)*$")


class MppsStore:
    """MPPS records in ``folder`` (created when missing); see the module."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def path(self, uid: str) -> Path:
        """The file of the record ``uid``.

        Raises
        ------
        MppsStoreError
            For a ``uid`` that is not a UID (PS3.5 9.1): it cannot name a file.
        """
        if not _UID.match(uid) or len(uid) > 64:
            raise MppsStoreError("not a UID (PS3.5 9.1)", path=uid)
        return self.folder / f"{uid}.dcm"

    def __contains__(self, uid: object) -> bool:
        return isinstance(uid, str) and bool(_UID.match(uid)) and self.path(uid).is_file()

    def uids(self) -> list[str]:
        """The SOP Instance UIDs of the records, sorted."""
        return sorted(p.stem for p in self.folder.glob("*.dcm") if _UID.match(p.stem))

    def get(self, uid: str) -> Dataset:
        """The record ``uid`` as a data set (without its file meta information).

        Raises
        ------
        MppsStoreError
            When it cannot be read; :class:`MppsNoSuchRecord` when there is none.
        """
        path = self.path(uid)
        if not path.is_file():
            raise MppsNoSuchRecord("no such record", path=path)
        try:
            ds = read(path, strict=True)
        except FileNotFoundError:
            raise MppsNoSuchRecord("no such record", path=path) from None
        except (DicomError, OSError) as exc:
            raise MppsStoreError(f"cannot be read: {exc}", path=path) from None
        ds.file_meta = None
        return ds

    def records(self) -> Iterator[tuple[str, Dataset]]:
        """(UID, data set) of every record."""
        for uid in self.uids():
            yield uid, self.get(uid)

    def _bytes(self, uid: str, ds: Dataset) -> bytes:
        record = ds.copy()
        record.file_meta = None
        record.add_new(tags.SOPClassUID, "UI", uids.ModalityPerformedProcedureStep)
        record.add_new(tags.SOPInstanceUID, "UI", uid)
        return encode_file(record, uids.ExplicitVRLittleEndian)

    def _temporary(self, data: bytes) -> str:
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except BaseException:
            os.unlink(tmp)
            raise
        return tmp

    def create(self, uid: str, ds: Dataset) -> Path:
        """Write the new record ``uid``.

        Raises
        ------
        MppsStoreError
            When it cannot be written; :class:`MppsRecordExists` when a record ``uid``
            exists.
        """
        path = self.path(uid)
        try:
            data = self._bytes(uid, ds)
        except DicomError as exc:
            raise MppsStoreError(f"cannot be encoded: {exc}", path=path) from None
        with self._lock:
            try:
                tmp = self._temporary(data)
                try:
                    os.link(tmp, path)
                finally:
                    os.unlink(tmp)
            except FileExistsError:
                raise MppsRecordExists("exists already", path=path) from None
            except OSError as exc:
                raise MppsStoreError(f"cannot be written: {exc}", path=path) from None
        return path

    def replace(self, uid: str, ds: Dataset) -> Path:
        """Write the record ``uid`` over the one there (atomically).

        Raises
        ------
        MppsStoreError
            When it cannot be written.
        """
        path = self.path(uid)
        try:
            data = self._bytes(uid, ds)
        except DicomError as exc:
            raise MppsStoreError(f"cannot be encoded: {exc}", path=path) from None
        with self._lock:
            try:
                tmp = self._temporary(data)
                os.replace(tmp, path)
            except OSError as exc:
                raise MppsStoreError(f"cannot be written: {exc}", path=path) from None
        return path
