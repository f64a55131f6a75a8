"""The stored instances a WADO-RS path names, from the archive's index: their files, sizes,
sha256 and stored transfer syntaxes (PS3.18 10.4: a study, a series or one instance)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import sqlalchemy as sa

from dicomkit.archive import Archive
from dicomkit.archive.schema import IMAGE
from dicomkit.web.server.errors import HttpError

__all__ = ["Stored", "find_instances", "fingerprint"]

_KEYS = ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "SOPClassUID",
         "InstanceNumber", "NumberOfFrames")


@dataclass(frozen=True)
class Stored:
    """One stored instance."""

    study: str
    series: str
    instance: str
    sop_class: str
    number: int | None
    frames: int | None
    path: Path
    size: int
    sha256: str
    transfer_syntax: str


def _select(archive: Archive, study: str, series: str | None,
            instance: str | None) -> list[Stored]:
    cols = archive.columns(IMAGE)
    where: Any = cols["StudyInstanceUID"] == study
    if series is not None:
        where = sa.and_(where, cols["SeriesInstanceUID"] == series)
    if instance is not None:
        where = sa.and_(where, cols["SOPInstanceUID"] == instance)
    out = []
    for row in archive.select(IMAGE, where, keywords=_KEYS):
        out.append(Stored(row["StudyInstanceUID"], row["SeriesInstanceUID"],
                          row["SOPInstanceUID"], row["SOPClassUID"] or "",
                          row["InstanceNumber"], row["NumberOfFrames"],
                          archive.files.path(row["path"]), int(row["size"]), row["sha256"],
                          row["transfer_syntax"] or ""))
    out.sort(key=lambda s: (s.series, s.number if s.number is not None else 0, s.instance))
    return out


async def find_instances(archive: Archive, study: str, series: str | None = None,
                         instance: str | None = None) -> list[Stored]:
    """The instances under a path, series by series in Instance Number order.

    Raises
    ------
    HttpError
        404 when the archive holds none.
    """
    found = await anyio.to_thread.run_sync(_select, archive, study, series, instance)
    if not found:
        what = (f"instance {instance}" if instance else f"series {series}" if series
                else f"study {study}")
        where = f" of study {study}" if instance or series else ""
        raise HttpError(404, f"the archive holds no {what}{where}")
    return found


def fingerprint(stored: list[Stored], *extra: str) -> str:
    """A strong entity tag of these instances' contents (and of ``extra``: the variant)."""
    import hashlib

    h = hashlib.sha256()
    for s in stored:
        h.update(s.sha256.encode())
    for e in extra:
        h.update(b"\0" + e.encode())
    return '"' + h.hexdigest()[:32] + '"'
