"""A worklist store: the entries a Modality Worklist SCP answers from, one file each in a folder.

Each entry is one data set of the Modality Worklist Information Model (PS3.4 K.6.1: patient,
visit, imaging service request, requested procedure and one or more items of the Scheduled
Procedure Step Sequence), in a file of the folder:

* ``*.json``: the DICOM JSON Model (PS3.18 F.2), one object;
* ``*.dcm``, ``*.wl`` (dcmtk's ``wlmscpfs`` files): a Part 10 file or a bare data set.

Entries are added by dropping files in the folder or with :meth:`WorklistStore.add` (written
to a temporary name and renamed: a reader never sees half an entry), removed with
:meth:`WorklistStore.remove`.  Files are read again only when their size or modification
time changed.  A file that cannot be read is left out of the answers and logged (an SCP does
not fail every query for one bad file); :meth:`WorklistStore.check` lists such files.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from dicomkit.core.dataset import Dataset
from dicomkit.core.json import from_json_dict, to_json_dict
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.io.reader import read
from dicomkit.io.writer import encode_dataset
from dicomkit.net.services.worklist.errors import WorklistStoreError

__all__ = ["SUFFIXES", "WorklistEntry", "WorklistStore"]

log = logging.getLogger(__name__)

#: The file name endings read as entries.
SUFFIXES = (".json", ".dcm", ".wl")


@dataclass(frozen=True)
class WorklistEntry:
    """One entry: its file and its data set."""

    path: Path
    dataset: Dataset


def _read_entry(path: Path) -> Dataset:
    try:
        if path.suffix.lower() == ".json":
            obj = json.loads(path.read_bytes())
            if isinstance(obj, list) and len(obj) == 1:
                obj = obj[0]
            if not isinstance(obj, dict):
                raise WorklistStoreError("not a DICOM JSON object (PS3.18 F.2)", path=path)
            return from_json_dict(obj)
        ds = read(path, strict=True)
        ds.file_meta = None
        return ds
    except WorklistStoreError:
        raise
    except (DicomError, OSError, ValueError, TypeError, LookupError, RecursionError) as exc:
        raise WorklistStoreError(f"cannot be read: {type(exc).__name__}: {exc}",
                                 path=path) from None


class WorklistStore:
    """The entries of a folder (see the module).

    Parameters
    ----------
    folder
        Created when missing.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._cache: dict[Path, tuple[tuple[int, int], Dataset | WorklistStoreError]] = {}
        self._lock = threading.Lock()

    def _files(self) -> list[Path]:
        try:
            return sorted(p for p in self.folder.iterdir()
                          if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
                          and p.is_file())
        except OSError as exc:
            raise WorklistStoreError(f"cannot list the folder: {exc}", path=self.folder) from None

    def _load(self) -> list[tuple[Path, Dataset | WorklistStoreError]]:
        out: list[tuple[Path, Dataset | WorklistStoreError]] = []
        with self._lock:
            files = self._files()
            for path in files:
                try:
                    st = path.stat()
                except OSError:
                    continue  # removed meanwhile
                stamp = (st.st_size, st.st_mtime_ns)
                cached = self._cache.get(path)
                if cached is None or cached[0] != stamp:
                    try:
                        value: Dataset | WorklistStoreError = _read_entry(path)
                    except WorklistStoreError as exc:
                        log.warning("%s", exc)
                        value = exc
                    cached = self._cache[path] = (stamp, value)
                out.append((path, cached[1]))
            for gone in set(self._cache) - set(files):
                del self._cache[gone]
        return out

    def entries(self) -> list[WorklistEntry]:
        """Every readable entry, by file name (blocking: call from a worker thread in async
        code)."""
        return [WorklistEntry(p, v) for p, v in self._load() if isinstance(v, Dataset)]

    def check(self) -> list[WorklistStoreError]:
        """The files that cannot be read, with why."""
        return [v for _p, v in self._load() if isinstance(v, WorklistStoreError)]

    def add(self, entry: Dataset, name: str | None = None, *, format: str = "json") -> Path:
        """Write ``entry`` as a new file (``format`` ``"json"`` or ``"dcm"``: a bare data set
        in Explicit VR Little Endian) and return its path; ``name`` defaults to a new UID.

        Raises
        ------
        WorklistStoreError
            When ``name`` is taken or the file cannot be written.
        """
        if format not in ("json", "dcm"):
            raise ValueError(f"format {format!r}: 'json' or 'dcm'")
        stem = name or generate_uid()
        if "/" in stem or "\\" in stem or stem.startswith("."):
            raise WorklistStoreError("an entry name is a plain file name", path=stem)
        path = self.folder / f"{stem}.{format}"
        if path.exists():
            raise WorklistStoreError("exists already: remove it first or give another name",
                                     path=path)
        if format == "json":
            data = json.dumps(to_json_dict(entry), ensure_ascii=False,
                              sort_keys=True).encode("utf-8")
        else:
            data = encode_dataset(entry)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.link(tmp, path)  # fails when the name was taken meanwhile
        except FileExistsError:
            raise WorklistStoreError("exists already", path=path) from None
        except OSError as exc:
            raise WorklistStoreError(f"cannot be written: {exc}", path=path) from None
        finally:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return path

    def remove(self, name: str | os.PathLike[str]) -> None:
        """Remove the entry file ``name`` (a file name of the folder, or its path).

        Raises
        ------
        WorklistStoreError
            When there is no such entry.
        """
        path = self.folder / Path(name).name
        if path.suffix.lower() not in SUFFIXES:
            raise WorklistStoreError("is not a worklist entry file", path=path)
        try:
            path.unlink()
        except FileNotFoundError:
            raise WorklistStoreError("no such entry", path=path) from None
        except OSError as exc:
            raise WorklistStoreError(f"cannot be removed: {exc}", path=path) from None
