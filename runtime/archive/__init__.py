"""The archive: a folder of Part 10 files as received and an index of them (SQLite by
default, PostgreSQL by URL), for every receiver (Storage SCP, C-MOVE/C-GET, STOW-RS) and every
query service (C-FIND, QIDO-RS) of dicomkit.

* :mod:`~dicomkit.archive.schema` - the tables per level, from the generated query keys;
* :mod:`~dicomkit.archive.extract` - an instance's values per level;
* :mod:`~dicomkit.archive.files` - files written to a part name, placed when complete;
* :mod:`~dicomkit.archive.index` - the SQL: inserts with policies, derived attributes, deletes;
* :mod:`~dicomkit.archive.store` - :class:`Archive` (blocking);
* :mod:`~dicomkit.archive.async_store` - :class:`AsyncArchive` (anyio).
"""

from __future__ import annotations

from dicomkit.archive.async_store import AsyncArchive
from dicomkit.archive.errors import (
    ArchiveError,
    DuplicateInstanceError,
    IndexUnavailableError,
    InstanceRefusedError,
    NotFoundError,
)
from dicomkit.archive.index import POLICIES, Outcome
from dicomkit.archive.schema import LEVELS, Schema
from dicomkit.archive.store import Archive, CheckReport, IndexReport, default_db

__all__ = ["LEVELS", "POLICIES", "Archive", "ArchiveError", "AsyncArchive", "CheckReport",
           "DuplicateInstanceError", "IndexReport", "IndexUnavailableError",
           "InstanceRefusedError", "NotFoundError", "Outcome", "Schema", "default_db"]
