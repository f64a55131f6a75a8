"""FolderStorage: received data sets as ``<root>/<PatientID>/<Study>/<Series>/<SOP Instance>.dcm``.

Every data set is checked whole before it is answered Success: its element headers are
walked as the fragments arrive (:class:`dicomkit.io.scan.DataSetScanner`: every length inside
the bytes received, sequences and items closed), its SOP Class and Instance UIDs must be
present and equal the request's, and an image SOP class (whose IOD has the Image Pixel module,
PS3.3 C.7.6.3) must carry pixel data.  Otherwise the answer is Error: Cannot understand (C000H)
or Error: Data Set does not match SOP Class (A900H) and nothing is stored.

Files are written by worker threads (nothing blocks the event loop; the last bytes, the close
and the link into place in one call on a long-lived thread, :data:`LANES`): a data set is kept in
memory up to :data:`FLUSH_BYTES`, then streamed into ``<root>/.incoming-*.part``; the complete
file is linked into place (never replacing one) and the part removed, so nothing half written
is ever visible, and every failure path closes and removes what it opened.

Names are injective: every character outside ``A-Z a-z 0-9 _ -`` (and ``.`` after the first)
is written ``%XX`` (UTF-8), so ``A/B`` and ``A_B`` stay apart and no value can climb out of the
folder; values are not cut (a name over 150 characters keeps its first 120 and a hash of the
whole); a missing value is ``~missing~`` and a value that does not decode in its character set
is named from its bytes with a trailing ``~``.  A file already stored under the same name with
the same bytes is kept (the repeat answered Success); with different bytes, both are kept: the
new one as ``<SOP Instance>~<sha256 prefix>.dcm``, answered Success and logged as a warning
(dcmtk's storescp overwrites such a file; we never replace what was stored).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import anyio

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.generated.iods import IODS
from dicomkit.generated.sop_classes import SOP_CLASSES
from dicomkit.io.scan import ScanError, scanner_for
from dicomkit.net.acse import AcceptedContext
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.services.storage.filemeta import part10_head
from dicomkit.net.services.storage.scp import (
    CANNOT_UNDERSTAND,
    DATA_SET_DOES_NOT_MATCH,
    OUT_OF_RESOURCES,
    StorageHandler,
    StoreRefused,
    request_uids,
)
from dicomkit.net.workers import WorkerLanes

__all__ = ["FLUSH_BYTES", "FOLDER_TAGS", "FolderStorage", "component"]

log = logging.getLogger(__name__)


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover
        raise KeyError(keyword)
    return tag


#: Patient ID, Study Instance UID, Series Instance UID: the folders of a stored file
FOLDER_TAGS = (_tag("PatientID"), _tag("StudyInstanceUID"), _tag("SeriesInstanceUID"))
_CHARSET = _tag("SpecificCharacterSet")
_SOP_CLASS = _tag("SOPClassUID")
_SOP_INSTANCE = _tag("SOPInstanceUID")
_CAPTURE = (*FOLDER_TAGS, _CHARSET, _SOP_CLASS, _SOP_INSTANCE)
_PIXELS = (_tag("PixelData"), _tag("FloatPixelData"), _tag("DoubleFloatPixelData"))
#: The Image Pixel Module's table (PS3.3 C.7.6.3), as the generated IOD table names it.
_IMAGE_PIXEL_TABLE = "C.7-11a"
#: SOP classes whose IOD requires the Image Pixel module (PS3.3 A.*): they must carry pixels.
NEEDS_PIXELS: frozenset[str] = frozenset(
    uid for uid, (_, _, label, _) in SOP_CLASSES.items()
    if label in IODS and any(m[3] == _IMAGE_PIXEL_TABLE and m[4] == "M" for m in IODS[label][3]))
#: Bytes of a data set held in memory before it is streamed to its part file.
FLUSH_BYTES = 1 << 18
#: Data set summaries a FolderStorage keeps between receive() and did_receive() at most.
PENDING_LIMIT = 64
_FOLDER_CACHE_SIZE = 4096
#: The threads that complete and place received files (one per association receiving at once,
#: reused from file to file: no thread pool round per file).
LANES = WorkerLanes("dicomkit-storage", limit=40)
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.")
_MAX_NAME = 150
MISSING = "~missing~"


def _escape(text: str | bytes) -> str:
    """``%XX`` for each UTF-8 byte (text) or byte (undecodable bytes) outside the safe set."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    out = []
    for i, byte in enumerate(data):
        ch = chr(byte)
        if byte < 0x80 and ch in _SAFE and not (ch == "." and i == 0):
            out.append(ch)
        else:
            out.append(f"%{byte:02X}")
    name = "".join(out)
    if len(name) > _MAX_NAME:
        name = name[:120] + "~" + hashlib.sha256(name.encode("ascii")).hexdigest()[:24]
    return name


def component(value: object) -> str:
    """The file name for one value (see the module): injective, never ``.``/``..``/``/``."""
    if value is None:
        return MISSING
    if isinstance(value, bytes):  # undecodable in its character set: named from the bytes
        raw = value.rstrip(b"\x00 ")
        return _escape(raw) + "~" if raw else MISSING
    text = str(value).strip("\x00 ")
    return _escape(text) if text else MISSING


def _decode(captured: dict[int, tuple[str, bytes]], tag: int) -> str | bytes | None:
    entry = captured.get(tag)
    if entry is None:
        return None
    raw = entry[1]
    if tag != FOLDER_TAGS[0]:  # the UIDs: ASCII by definition (PS3.5 9.1)
        try:
            return raw.decode("ascii").strip("\x00 ")
        except UnicodeDecodeError:
            return raw
    from dicomkit.core.charset import Charset

    charset_raw = captured.get(_CHARSET, ("", b""))[1]
    terms = [t.strip(" \x00") for t in charset_raw.decode("ascii", "replace").split("\\")]
    try:
        return Charset.from_value(terms, strict=True).decode(raw, "LO").strip("\x00 ")
    except (DicomError, ValueError, UnicodeError):
        return raw


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                x, y = fa.read(1 << 20), fb.read(1 << 20)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _iov_max() -> int:
    """Most buffers one ``writev`` takes (IOV_MAX: 1024 on Linux, at least 16 by POSIX)."""
    try:
        return max(16, min(1024, os.sysconf("SC_IOV_MAX")))
    except (AttributeError, ValueError, OSError):
        return 16


_IOV_MAX = _iov_max()


def _write_all(fd: int, parts: list[bytes]) -> int:
    """Write ``parts`` in order with as few system calls as can be (``writev``); the bytes
    written.  A short write is continued; one that writes nothing is an error (never a
    silently shorter file)."""
    views = [memoryview(p) for p in parts if p]
    total = sum(len(v) for v in views)
    while views:
        n = os.writev(fd, views[:_IOV_MAX])
        if n <= 0:
            raise OSError(errno.EIO, "the file system accepted no bytes")
        while views and n >= len(views[0]):
            n -= len(views[0])
            views.pop(0)
        if n:
            views[0] = views[0][n:]
    return total


class _Part:
    """A part file (named at once, created by the first write, in a worker thread)."""

    def __init__(self, root: Path) -> None:
        self.path = root / f".incoming-{uuid.uuid4().hex}.part"
        self.fd: int | None = None
        self.size = 0
        self.pending: list[bytes] = []

    def open(self) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            self.fd = os.open(self.path, flags, 0o600)
        except FileNotFoundError:  # the storage folder was removed under us: make it again
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(self.path, flags, 0o600)

    def write(self, parts: list[bytes]) -> None:
        if self.fd is None:
            self.open()
        assert self.fd is not None
        self.size += _write_all(self.fd, parts)

    def close(self, *, fsync: bool = False) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            try:
                if fsync:
                    os.fsync(fd)
            finally:
                os.close(fd)

    def discard(self) -> None:
        try:
            self.close()
        except OSError:
            pass
        self.path.unlink(missing_ok=True)


class FolderStorage(StorageHandler):
    """Store each data set as ``<root>/<PatientID>/<Study>/<Series>/<SOPInstanceUID>.dcm``
    (see the module for the checks, the names and duplicates).

    Parameters
    ----------
    root
        The folder (made when missing).
    on_stored
        Called (from a worker thread) with the path and size of each stored file.
    fsync
        Flush each file to disk (``fsync``) before it is placed and answered.
    """

    #: Top-level tags whose values receive() keeps for did_receive (a subclass may add some:
    #: :meth:`take_received` gives them back).
    capture_tags: tuple[int, ...] = _CAPTURE

    def __init__(self, root: str | os.PathLike[str], *,
                 on_stored: Callable[[Path, int], None] | None = None,
                 fsync: bool = False) -> None:
        self.root = Path(root)
        self.fsync = fsync
        self.root.mkdir(parents=True, exist_ok=True)
        self.stored: list[Path] = []
        self.on_stored = on_stored
        #: part file -> the captured top-level values of its data set, for did_receive()
        self._received: dict[Path, dict[int, tuple[str, bytes]]] = {}
        self._folders: set[Path] = set()
        #: part files whose last bytes finish() writes
        self._parts: dict[Path, _Part] = {}
        #: part file -> its size once written, for on_stored (no stat of the placed file)
        self._sizes: dict[Path, int] = {}

    # ----------------------------------------------------------------- receiving

    async def receive(self, command: DimseMessage, context: AcceptedContext,
                      chunks: AsyncIterator[bytes]) -> Path:
        """Check and stream the data set into a part file; its path."""
        sop_class, instance = request_uids(command)
        try:
            head = part10_head(sop_class, instance, context.transfer_syntax)
        except DicomError as exc:
            raise StoreRefused(CANNOT_UNDERSTAND, f"unusable SOP UIDs: {exc}") from exc
        scanner = scanner_for(context.transfer_syntax, capture=self.capture_tags,
                              watch=_PIXELS)
        buffered: list[bytes] = [head]
        size = len(head)
        part: _Part | None = None
        try:
            try:
                async for chunk in chunks:
                    scanner.feed(chunk)
                    buffered.append(chunk)
                    size += len(chunk)
                    if size >= FLUSH_BYTES:
                        part = await anyio.to_thread.run_sync(self._flush, part, buffered)
                        buffered, size = [], 0
                scanner.finish()
            except ScanError as exc:
                raise StoreRefused(CANNOT_UNDERSTAND, f"damaged data set: {exc}") from exc
            self._check(scanner.captured, scanner.present, sop_class, instance)
            if part is None:
                part = _Part(self.root)
            part.pending = buffered  # written by finish(), in the same thread call as placing
        except OSError as exc:
            await self._discard(part)
            raise StoreRefused(OUT_OF_RESOURCES, f"cannot write: {exc.strerror or exc}") from exc
        except BaseException:
            await self._discard(part)
            raise
        if len(self._received) >= PENDING_LIMIT:  # did_receive overridden without super()
            del self._received[next(iter(self._received))]
        self._received[part.path] = scanner.captured
        self._parts[part.path] = part
        return part.path

    @staticmethod
    async def _discard(part: _Part | None) -> None:
        if part is not None:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(part.discard)

    def _flush(self, part: _Part | None, buffered: list[bytes], last: bool = False) -> _Part:
        new = part is None
        if part is None:
            part = _Part(self.root)
        try:
            part.write(buffered)
            if last:
                part.close()
        except BaseException:
            if new:
                part.discard()
            raise
        return part

    @staticmethod
    def _check(captured: dict[int, tuple[str, bytes]], present: set[int], sop_class: str,
               instance: str) -> None:
        def uid(tag: int) -> str | None:
            entry = captured.get(tag)
            return None if entry is None else entry[1].decode("latin-1").strip("\x00 ")

        ds_class, ds_instance = uid(_SOP_CLASS), uid(_SOP_INSTANCE)
        if not ds_class or not ds_instance:
            raise StoreRefused(CANNOT_UNDERSTAND, "the data set has no SOP Class UID or SOP "
                               "Instance UID (PS3.4 B.2)", (_SOP_CLASS, _SOP_INSTANCE))
        if ds_class != sop_class or ds_instance != instance:
            raise StoreRefused(DATA_SET_DOES_NOT_MATCH, "the data set's SOP Class/Instance "
                               "UID differ from the request's", (_SOP_CLASS, _SOP_INSTANCE))
        if sop_class in NEEDS_PIXELS and not present:
            raise StoreRefused(DATA_SET_DOES_NOT_MATCH, "an image without pixel data "
                               "(PS3.3 C.7.6.3)", (_PIXELS[0],))

    def _complete(self, received: Path | Dataset, command: DimseMessage) -> int:
        part = self._parts.pop(received, None) if isinstance(received, Path) else None
        if part is not None:
            try:
                part.write(part.pending)
                part.pending = []
                part.close(fsync=self.fsync)
                if len(self._sizes) >= PENDING_LIMIT:  # did_receive overridden
                    del self._sizes[next(iter(self._sizes))]
                self._sizes[part.path] = part.size
            except OSError as exc:
                part.discard()
                self._received.pop(part.path, None)
                raise StoreRefused(OUT_OF_RESOURCES,
                                   f"cannot write: {exc.strerror or exc}") from exc
        return self.did_receive(received, command)

    async def finish(self, received: Path | Dataset, command: DimseMessage) -> int:
        """Write the part file's last bytes and :meth:`did_receive`, in one worker thread
        call (one hop per data set that fits in memory, on a long-lived thread: :data:`LANES`)."""
        try:
            return await LANES.run(self._complete, received, command)
        except BaseException:
            part = self._parts.pop(received, None) if isinstance(received, Path) else None
            if part is not None:
                await self._discard(part)
            raise

    # ----------------------------------------------------------------- placing

    def final_path(self, ds: Dataset, command: DimseMessage) -> Path:
        """Where a data set goes: patient / study / series / SOP instance ``.dcm``."""
        parts = []
        for tag in FOLDER_TAGS:
            el = ds.get(tag)
            parts.append(component(None if el is None else el.value))
        return self.root.joinpath(*parts, component(command.affected_sop_instance_uid) + ".dcm")

    def _path_for(self, captured: dict[int, tuple[str, bytes]], command: DimseMessage) -> Path:
        parts = [component(_decode(captured, tag)) for tag in FOLDER_TAGS]
        return self.root.joinpath(*parts, component(command.affected_sop_instance_uid) + ".dcm")

    def _captured_from_file(self, path: Path) -> dict[int, tuple[str, bytes]]:
        from dicomkit.io.reader import read

        ds = read(path, stop_before_pixels=True, specific_tags=self.capture_tags)
        syntax = ds.file_meta.get(tags.TransferSyntaxUID) if ds.file_meta is not None else None
        ts = str(syntax.value) if syntax is not None else ""
        scanner = scanner_for(ts, capture=self.capture_tags)
        with open(path, "rb") as fh:
            fh.seek(ds.data_offset)
            scanner.feed(fh.read())
        return scanner.captured

    def take_received(self, received: Path) -> tuple[dict[int, tuple[str, bytes]] | None,
                                                       int | None]:
        """What receive() kept for the part file ``received``: the captured top-level values
        (tag -> (VR as written, value bytes), see :attr:`capture_tags`) and the file's size;
        None for what is not known (then read the file).  Each is given once."""
        return self._received.pop(received, None), self._sizes.pop(received, None)

    def did_receive(self, received: Path | Dataset, command: DimseMessage) -> int:
        """Link the part file into place (never replacing a file); the status."""
        if not isinstance(received, Path):
            raise TypeError("FolderStorage.did_receive takes the path receive() returned")
        captured, size = self.take_received(received)
        try:
            if captured is None:
                try:
                    captured = self._captured_from_file(received)
                except DicomError:
                    received.unlink(missing_ok=True)
                    return CANNOT_UNDERSTAND
            final = self._place(received, self._path_for(captured, command))
        except OSError as exc:
            log.warning("cannot store %s: %s", received, exc)
            received.unlink(missing_ok=True)
            return OUT_OF_RESOURCES
        self.stored.append(final)
        if self.on_stored is not None:
            self.on_stored(final, size if size is not None else final.stat().st_size)
        return 0x0000

    def _place(self, part: Path, final: Path) -> Path:
        folder = final.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            if len(self._folders) >= _FOLDER_CACHE_SIZE:
                self._folders.clear()
            self._folders.add(folder)
        target = final
        for _attempt in range(2):
            try:
                self._link(part, target)
                return target
            except FileExistsError:
                if _same_file(part, target):
                    part.unlink(missing_ok=True)
                    return target
                if target != final:
                    break
                target = final.with_name(f"{final.stem}~{_digest(part)[:16]}.dcm")
                log.warning("%s exists with other content; keeping both, the new one as %s",
                            final, target.name)
            except FileNotFoundError:  # the folder was removed since: make it again
                folder.mkdir(parents=True, exist_ok=True)
                self._link(part, target)
                return target
        raise FileExistsError(f"{target} exists with other content")

    @staticmethod
    def _link(part: Path, target: Path) -> None:
        """Make ``part`` visible as ``target`` unless ``target`` exists (atomically)."""
        try:
            os.link(part, target)
        except FileExistsError:
            raise
        except (PermissionError, NotImplementedError, OSError) as exc:
            if isinstance(exc, (FileNotFoundError, FileExistsError)):
                raise
            if target.exists():  # a file system without hard links
                raise FileExistsError(str(target)) from None
            os.replace(part, target)
            return
        part.unlink()
