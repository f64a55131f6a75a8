"""The spool folder: files accepted for forwarding, each under a name of its own.

A file is accepted atomically and durably: written to ``.tmp-<name>`` in the spool (or
received elsewhere on the same file system), flushed (``fsync``), renamed to ``<name>.dcm`` and
the folder flushed, all before the queue's transaction that names it commits.  So after a
crash at any moment a job always has its whole file.

A file without a job is complete (it was renamed only once flushed) and is routed and queued
again when the forwarder recovers (:meth:`dicomkit.forward.Forwarder.recover`): the gateway
answers a C-STORE Success once the file is durable and commits the jobs of several files
together afterwards (:meth:`Spool.adopt`), so the file, not the job, is the durable record of
an accepted instance.  A file the gateway received keeps the calling AE title of its
association in its name (``<hex>-<AE title in hex>.dcm``) for the routing rules that ask for
it (:meth:`Spool.calling_ae`).  :meth:`Spool.sweep` removes temporary files (and, for callers
that want it, files no job names).
"""

from __future__ import annotations

import binascii
import os
import shutil
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

from dicomkit.forward.errors import SpoolError

__all__ = ["Spool"]

_TMP = ".tmp-"
#: The folder in the spool a receiving gateway streams data sets into
#: (:class:`dicomkit.forward.gateway.ForwardingStorage`); a ``.part`` file left there by a
#: crash is a data set never answered Success, removed at recovery.
INCOMING = ".incoming"


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

    def _new_name(self, calling_ae: str = "") -> str:
        if calling_ae:
            return f"{uuid.uuid4().hex}-{calling_ae.encode('ascii', 'replace').hex()}.dcm"
        return uuid.uuid4().hex + ".dcm"

    @staticmethod
    def calling_ae(name: str) -> str:
        """The calling AE title a spool file name carries (``""`` when none)."""
        stem = name[:-4] if name.endswith(".dcm") else name
        _, sep, hexed = stem.partition("-")
        if not sep:
            return ""
        try:
            return binascii.unhexlify(hexed).decode("ascii", "replace")
        except (binascii.Error, ValueError):
            return ""

    def adopt(self, source: str | os.PathLike[str], *, calling_ae: str = "") -> str:
        """Rename ``source`` (a complete file on the spool's file system, flushed already
        when the spool is durable) into the spool and flush the folder; its name.  From this
        moment the file survives a crash, with or without its jobs (see the module)."""
        name = self._new_name(calling_ae)
        try:
            self._commit(Path(source), name)
        except OSError as exc:
            raise SpoolError(f"cannot accept {os.fspath(source)}: {exc.strerror or exc}",
                             path=str(self.root / name)) from None
        return name

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

    def orphans(self, referenced: set[str], *, older_than: float = 3600.0) -> list[str]:
        """Spool files no job names, older than ``older_than`` seconds (younger ones may
        belong to an accept under way in another process), oldest first."""
        now = time.time()
        found = []
        for p in self.root.iterdir():
            if p.name in referenced or not p.name.endswith(".dcm") or \
                    p.name.startswith(_TMP):
                continue
            try:
                st = p.stat()
            except FileNotFoundError:
                continue
            if p.is_file() and now - st.st_mtime >= older_than:
                found.append((st.st_mtime, p.name))
        return [name for _, name in sorted(found)]

    def sweep_temporary(self, *, older_than: float = 3600.0) -> list[str]:
        """Remove temporary files (accepts cut short) and the gateway's part files in
        ``.incoming`` (receptions cut short: never answered Success, PS3.4 B.2.3) older than
        ``older_than`` seconds; their names (``.incoming/<name>`` for part files)."""
        now = time.time()
        removed = []
        incoming = self.root / INCOMING
        candidates = [p for p in self.root.iterdir() if p.name.startswith(_TMP)]
        if incoming.is_dir():
            candidates.extend(p for p in incoming.iterdir() if p.name.endswith(".part"))
        for p in candidates:
            if not p.is_file():
                continue
            try:
                if now - p.stat().st_mtime < older_than:
                    continue
                p.unlink()
            except FileNotFoundError:
                continue
            removed.append(p.name if p.parent == self.root else f"{INCOMING}/{p.name}")
        return removed

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
