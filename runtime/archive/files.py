"""The archive's folder: Part 10 files as received, placed only when complete.

A new file is written to ``<root>/.incoming/<pid>-<random>.part`` (created with ``O_EXCL``),
flushed to disk when the archive is opened with ``fsync=True``, then hard-linked to its
place ``<root>/<Study Instance UID>/<Series Instance UID>/<SOP Instance UID>.dcm`` (never over
an existing file: a name taken by another file gets ``~<sha256 prefix>`` before ``.dcm``) and
the part removed (the folder holding it synced too, with ``fsync``).  So no reader ever sees half a file, and
a crash leaves at most a ``.part`` file in ``.incoming``, removed when the archive is next
opened once its writer no longer runs.  A UID that is not digits and dots (PS3.5 9.1) is
named by its sha256 instead, so no value can climb out of the folder.  Names starting with
``.`` are the archive's own and never indexed.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["FileStore", "PartWriter", "Written", "digest_file"]

INCOMING = ".incoming"
#: Seconds after which a part file is stale whoever wrote it (a day).
STALE_PART_AGE = 86400.0
_UID_NAME = re.compile(r"^[0-9.]{1,64}$")
_BLOCK = 1 << 20


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def digest_file(path: Path) -> tuple[int, str]:
    """(size, sha256 hex) of a file."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            h.update(block)
            size += len(block)
    return size, h.hexdigest()


def _component(uid: str) -> str:
    if _UID_NAME.match(uid) and uid not in (".", ".."):
        return uid
    return "x" + hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()[:40]


class Written:
    """A part file written in full: its path, size and sha256."""

    def __init__(self, path: Path, size: int, sha256: str) -> None:
        self.path = path
        self.size = size
        self.sha256 = sha256

    def discard(self) -> None:
        """Remove the part file (it was not placed)."""
        self.path.unlink(missing_ok=True)


class PartWriter:
    """A part file being written: :meth:`write` pieces, then :meth:`finish` (flushed to disk
    when ``fsync``) or :meth:`discard`.  The file is created (``O_EXCL``) by the first write,
    so making a writer does no I/O.  Not safe for concurrent use."""

    def __init__(self, path: Path, fsync: bool) -> None:
        self.path = path
        self._fd: int | None = None
        self._closed = False
        self._fsync = fsync
        self._hash = hashlib.sha256()
        self.size = 0

    def _open(self) -> int:
        if self._closed:
            raise ValueError(f"{self.path} is closed")
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0), 0o644)
        return self._fd

    def write(self, pieces: Iterable[bytes]) -> None:
        """Append ``pieces``."""
        fd = self._open()
        for piece in pieces:
            view = memoryview(piece)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            self._hash.update(piece)
            self.size += len(piece)

    def finish(self) -> Written:
        """Close the part (flushed when ``fsync``); what was written."""
        fd = self._open()
        self._fd, self._closed = None, True
        try:
            if self._fsync:
                os.fsync(fd)
        finally:
            os.close(fd)
        return Written(self.path, self.size, self._hash.hexdigest())

    def discard(self) -> None:
        """Close and remove the part (if it was created)."""
        self._closed = True
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                os.close(fd)
            except OSError:  # pragma: no cover
                pass
        self.path.unlink(missing_ok=True)


class FileStore:
    """The folder of an archive (see the module)."""

    def __init__(self, root: Path, *, fsync: bool = False) -> None:
        self.root = root
        self.fsync = fsync
        self.incoming = root / INCOMING
        self.incoming.mkdir(parents=True, exist_ok=True)

    def remove_stale_parts(self, max_age: float = STALE_PART_AGE) -> int:
        """Remove the part files killed writers left: those of a process of this machine that
        no longer runs, and any older than ``max_age`` seconds (another machine's, sharing the
        folder); a running writer's parts are left alone.  How many were removed."""
        n = 0
        now = time.time()
        for p in self.incoming.glob("*.part"):
            pid_text = p.name.split("-", 1)[0]
            try:
                old = now - p.stat().st_mtime > max_age
            except OSError:
                continue
            if old or (pid_text.isdigit() and not _alive(int(pid_text))):
                p.unlink(missing_ok=True)
                n += 1
        return n

    def part(self) -> PartWriter:
        """A new part file (named ``<pid>-<96 random bits>.part``, created by its first write),
        written piece by piece (for data that arrives in pieces); no I/O until then."""
        return PartWriter(self.incoming / f"{os.getpid()}-{secrets.token_hex(12)}.part",
                          self.fsync)

    def write_bytes(self, data: bytes) -> Written:
        """Write ``data`` to a new part file."""
        writer = self.part()
        try:
            writer.write((data,))
            return writer.finish()
        except BaseException:
            writer.discard()
            raise

    def write_copy(self, source: Path) -> Written:
        """Copy the file ``source`` to a new part file."""
        writer = self.part()
        try:
            with open(source, "rb") as fh:
                for block in iter(lambda: fh.read(_BLOCK), b""):
                    writer.write((block,))
            return writer.finish()
        except BaseException:
            writer.discard()
            raise

    def name_for(self, study: str, series: str, instance: str) -> str:
        """The relative path of an instance (see the module)."""
        return "/".join((_component(study), _component(series), _component(instance) + ".dcm"))

    def place(self, written: Written, relative: str) -> str:
        """Link the part file to ``relative`` (or, when taken, its ``~<sha256>`` variant); the
        relative path used.  The part stays until :meth:`Written.discard` (so that a failed
        index transaction can be tried again)."""
        target = self.root / relative
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True)
        candidates = (target, target.with_name(f"{target.stem}~{written.sha256[:16]}.dcm"),
                      target.with_name(f"{target.stem}~{written.sha256}.dcm"))
        for candidate in candidates:
            try:
                os.link(written.path, candidate)
            except FileExistsError:
                continue
            if self.fsync:
                self._sync_folder(folder)
            return candidate.relative_to(self.root).as_posix()
        raise FileExistsError(f"{target}: every name for it is taken")

    @staticmethod
    def _sync_folder(folder: Path) -> None:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:  # pragma: no cover - folders that cannot be opened (Windows)
            return
        try:
            os.fsync(fd)
        except OSError:  # pragma: no cover
            pass
        finally:
            os.close(fd)

    def path(self, relative: str) -> Path:
        """The absolute path of a stored file."""
        return self.root / relative

    def unlink(self, relative: str) -> None:
        """Remove a stored file (absent already: nothing to do) and the folders it empties."""
        target = self.root / relative
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent

    def walk(self) -> Iterator[Path]:
        """Every file below the root, the archive's own (names starting with ``.``) left out,
        in a stable order."""
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(dirpath) / name

