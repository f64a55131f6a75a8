"""The spool folder: files accepted for forwarding, each under a name of its own.

A file is accepted atomically and durably: written to ``.tmp-<name>`` in the spool, flushed
(``fsync``), renamed to ``<name>.dcm`` and the folder flushed, all before the queue's
transaction that names it commits.  So after a crash at any moment a job always has its whole
file; a file without a job (the crash came between the rename and the commit, and the sender
was not answered Success, so it sends again) is an orphan that :meth:`Spool.sweep` removes.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

from dicomkit.forward.errors import SpoolError

__all__ = ["Spool"]

_TMP = ".tmp-"


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Spool:
    """A spool folder (made when missing)."""

    def __init__(self, root: str | os.PathLike[str], *, fsync: bool = True) -> None:
        self.root = Path(root)
        self.fsync = fsync
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SpoolError(f"cannot make the spool folder: {exc.strerror or exc}",
                             path=str(self.root)) from None

    def path(self, name: str) -> Path:
        """The file of a spool name."""
        return self.root / name

    def _new_name(self) -> str:
        return uuid.uuid4().hex + ".dcm"

    def _commit(self, tmp: Path, name: str) -> str:
        os.replace(tmp, self.root / name)
        if self.fsync:
            _fsync_dir(self.root)
        return name

    def accept_bytes(self, data: bytes) -> str:
        """Write ``data`` as a new spool file; its name (see the module)."""
        name = self._new_name()
        tmp = self.root / (_TMP + name)
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                if self.fsync:
                    os.fsync(fh.fileno())
            return self._commit(tmp, name)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise SpoolError(f"cannot accept: {exc.strerror or exc}", path=str(tmp)) from None

    def accept_file(self, source: str | os.PathLike[str], *, move: bool = False) -> str:
        """Copy (or, with ``move`` on the same file system, rename) ``source`` into the
        spool; its name."""
        name = self._new_name()
        tmp = self.root / (_TMP + name)
        try:
            if move:
                try:
                    os.replace(source, tmp)
                except OSError:
                    shutil.copyfile(source, tmp)
                    os.unlink(source)
            else:
                shutil.copyfile(source, tmp)
            if self.fsync:
                fd = os.open(tmp, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            return self._commit(tmp, name)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise SpoolError(f"cannot accept {os.fspath(source)}: {exc.strerror or exc}",
                             path=str(tmp)) from None

    def remove(self, names: Iterable[str]) -> None:
        """Remove spool files (their jobs are done); missing ones are ignored."""
        for name in names:
            (self.root / name).unlink(missing_ok=True)

    def names(self) -> set[str]:
        """Every spool file's name (not the temporary ones)."""
        return {p.name for p in self.root.iterdir() if p.is_file() and
                p.name.endswith(".dcm") and not p.name.startswith(_TMP)}

    def sweep(self, referenced: set[str], *, older_than: float = 3600.0) -> list[str]:
        """Remove files that no job names (and temporary files) older than ``older_than``
        seconds (younger ones may belong to an accept under way in another process); the
        names removed."""
        now = time.time()
        removed = []
        for p in self.root.iterdir():
            # only spool files (the queue's database may share the folder)
            if not p.is_file() or p.name in referenced or not p.name.endswith(".dcm"):
                continue
            try:
                if now - p.stat().st_mtime < older_than:
                    continue
                p.unlink()
            except FileNotFoundError:
                continue
            removed.append(p.name)
        return removed
