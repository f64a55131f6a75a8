"""Writing data sets: Part 10 files (PS3.10 7) in every native transfer syntax, deflate included.

Elements that still hold the bytes they were read as are written as those bytes (byte-swapped
for binary VRs when the byte order changes), so a file read and written unchanged is
byte-identical; changed values are encoded from their VR, padded to even length with the VR's
padding byte (PS3.5 6.2).  Sequences and items keep the defined or undefined lengths they were
read with, or take the lengths asked for.  A file is written to a temporary name and renamed
only when complete, so a failure never leaves half a file behind.

Values are checked before anything is written, as the writing mode of
:mod:`dicomkit.core.config` (or ``strict=``) says: under ``"warn"`` (the default) the values a
program set that cannot be encoded in their VR (PS3.5 6.2) give a
:class:`~dicomkit.core.config.DicomValueWarning`; under ``"raise"`` (``strict=True``) every value,
those read from a file too, is checked and the first offending one stops the write with a
:class:`WriteError` naming its tag path, before a byte reaches the target.

Writing a path (:func:`write`):

* the bytes go to a temporary file in the target's folder, named
  ``.NAME.dicomkit-HOST-PID-RANDOM.part`` (HOST: a hash of the host name, PID: the writer's
  process), created with ``O_CREAT | O_EXCL`` and mode ``0o666``, which the kernel narrows by
  the process umask: the writer never calls :func:`os.umask` (process-wide, not thread-safe);
* a file that is overwritten keeps its permission bits, and its owner and group where the
  process may set them (``fchown``; a process that may not keeps its own);
* the temporary file is renamed over the target (:func:`os.replace`, atomic within a file
  system) only when every byte was written; it is **not** fsynced before the rename: other
  processes never see a partial file, but after a power loss or kernel crash the target may be
  empty or old on file systems that do not order the rename after the data (call
  :func:`os.fsync` on the result, or sync the folder, where that matters);
* an :class:`OSError` (no space, no permission, read-only file system...) becomes a
  :class:`WriteError` that names the target, the bytes written so far and the errno; the
  temporary file is removed and the target is untouched;
* the ``.part`` files of a writer that was killed are removed by the first write to their folder
  in a process (and again at most once every :data:`STALE_SCAN_INTERVAL` seconds): those of a
  process of this host that no longer runs, and any older than :data:`STALE_PART_AGE` seconds
  (a pid may be reused; other hosts' pids cannot be asked).  :func:`remove_stale_parts` does it
  on demand.

Writing a stream: a ``write`` that takes fewer bytes than given is called again with the rest;
one that takes none (returns 0, or None for a raw stream that would block) raises
:class:`WriteError`.
"""

from __future__ import annotations

import errno as _errno
import io
import os
import re
import secrets
import stat
import struct
import sys
import threading
import time
import warnings
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Final

from dicomkit import __version__
from dicomkit.core.config import DicomValueWarning, ValidationMode, writing_mode
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import CharsetLike, DataElement, has_program_values
from dicomkit.core.rules import ValueProblem, problem_error
from dicomkit.core.sequence import Sequence
from dicomkit.core.values import encode_un_or_value, swap_bytes
from dicomkit.errors import DicomError
from dicomkit.generated import tags
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import LONG_LENGTH_VRS, VRS
from dicomkit.io.encapsulation import EncapsulatedPixelData

#: This implementation's class UID (PS3.7 D.3.3.2), a UUID-derived UID (PS3.5 B.2).
IMPLEMENTATION_CLASS_UID = "2.25.123862020377524545462990647178529630207"
IMPLEMENTATION_VERSION_NAME = ("DICOMKIT_" + __version__.replace(".", ""))[:16]
EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"

_PIXEL_DATA = tags.PixelData
_CHARSET = tags.SpecificCharacterSet
_ITEM = tags.Item
_ITEM_DELIM = tags.ItemDelimitationItem
_SEQ_DELIM = tags.SequenceDelimitationItem
_UNDEFINED = 0xFFFFFFFF


class WriteError(DicomError):
    """A data set that cannot be encoded or written as asked (names the element or the target,
    and what to do).

    Attributes
    ----------
    target
        The path or stream written to, ``""`` when the error is in the data set alone.
    tag_path
        The element at fault (``(0008,1115)[0].(0008,1150)``), ``""`` when none.
    written
        Bytes written to the target (a stream) or its temporary file before the error, -1 when
        nothing was being written.
    errno
        The :mod:`errno` code of the operating system's error, or None.
    """

    def __init__(self, message: str, *, target: str = "", tag_path: str = "",
                 written: int = -1, errno: int | None = None) -> None:
        self.target = target
        self.tag_path = tag_path
        self.written = written
        self.errno = errno
        super().__init__(message)


#: the packers of element headers (implicit VR, explicit VR short and long), by byte order
_HEADS: Final = {little: tuple(struct.Struct(("<" if little else ">") + f).pack
                               for f in ("HHL", "HH2sH", "HH2s2xL"))
                 for little in (True, False)}


class _Encoder:
    def __init__(self, little: bool, implicit: bool, undefined_sequences: bool | None) -> None:
        self.little = little
        self.implicit = implicit
        self.undefined_sequences = undefined_sequences
        self.e = "<" if little else ">"
        self.head_implicit, self.head_short, self.head_long = _HEADS[little]

    def dataset(self, ds: Dataset, out: list[bytes], charset: CharsetLike | None,
                skip_group2: bool = False) -> None:
        el = ds._elements.get(_CHARSET)
        if el is not None:
            charset = _charset_of(el, charset)
        for elem in ds.elements():
            if skip_group2 and elem.tag >> 16 == 0x0002:
                continue
            self.element(elem, out, charset)

    def element(self, elem: DataElement, out: list[bytes], charset: CharsetLike | None) -> None:
        tag, vr = elem.tag, elem.vr
        group, el = tag >> 16, tag & 0xFFFF
        if vr == "SQ":
            self.sequence(elem, out, charset)
            return
        if elem.undefined_length and vr in ("OB", "OW", "UN"):
            value = self.encapsulated(elem)
            out.append(self.header(group, el, vr, _UNDEFINED))
            out.append(value)
            out.append(self.head_implicit(0xFFFE, 0xE0DD, 0))
            return
        value = self.value(elem, charset)
        if len(value) & 1:
            pad = VRS[vr].padding.encode("latin-1") if vr in VRS else b"\x00"
            value += pad or b"\x00"
        out.append(self.header(group, el, vr, len(value), elem))
        out.append(value)

    def header(self, group: int, el: int, vr: str, length: int,
               elem: DataElement | None = None) -> bytes:
        if self.implicit:
            return self.head_implicit(group, el, length)
        if vr in LONG_LENGTH_VRS or length == _UNDEFINED:
            return self.head_long(group, el, vr.encode("ascii"), length)
        if length > 0xFFFF:
            where = elem.tag_str if elem is not None else f"({group:04X},{el:04X})"
            raise WriteError(f"{where}: a {vr} value of {length} bytes does not fit the 16-bit "
                             "length of explicit VR encoding (PS3.5 7.1.2); shorten it or "
                             "write an implicit VR transfer syntax")
        return self.head_short(group, el, vr.encode("ascii"), length)

    def value(self, elem: DataElement, charset: CharsetLike | None) -> bytes:
        raw = elem.raw
        if raw is not None:
            ctx = elem.context
            if ctx is None or ctx.little_endian == self.little:
                return bytes(raw)
            return swap_bytes(elem.vr, bytes(raw))
        try:
            return encode_un_or_value(elem, self.little, charset)
        except DicomError as exc:
            raise WriteError(f"{elem.tag_str}: {exc}") from exc

    def encapsulated(self, elem: DataElement) -> bytes:
        raw = elem.raw
        ctx = elem.context
        if raw is not None and (ctx is None or ctx.little_endian == self.little):
            return bytes(raw)
        value = elem.value
        if isinstance(value, EncapsulatedPixelData):
            return value.encode(self.little)
        raise WriteError(f"{elem.tag_str}: an undefined-length {elem.vr} value must be "
                         "encapsulated pixel data (EncapsulatedPixelData)")

    def sequence(self, elem: DataElement, out: list[bytes], charset: CharsetLike | None) -> None:
        group, el = elem.tag >> 16, elem.tag & 0xFFFF
        encoded = elem.unparsed_items()
        if encoded is not None and self.undefined_sequences is None and \
                encoded.little_endian == self.little and encoded.implicit_vr == self.implicit:
            # read and never parsed: its items are clean (the reader checked them), so their
            # bytes are what encoding the parsed items would give
            if elem.undefined_length:
                out.append(self.header(group, el, "SQ", _UNDEFINED))
                out.append(encoded.data)
                out.append(self.head_implicit(0xFFFE, 0xE0DD, 0))
            else:
                out.append(self.header(group, el, "SQ", len(encoded.data)))
                out.append(encoded.data)
            return
        seq = elem.value
        if not isinstance(seq, list):
            raise WriteError(f"{elem.tag_str}: an SQ value must be a Sequence of data sets")
        undefined = elem.undefined_length if self.undefined_sequences is None \
            else self.undefined_sequences
        flags = seq.item_undefined_length if isinstance(seq, Sequence) else []
        body: list[bytes] = []
        for i, item in enumerate(seq):
            if not isinstance(item, Dataset):
                raise WriteError(f"{elem.tag_str}[{i}]: a sequence item must be a Dataset")
            item_out: list[bytes] = []
            self.dataset(item, item_out, charset)
            content = b"".join(item_out)
            item_undefined = flags[i] if i < len(flags) and self.undefined_sequences is None \
                else bool(self.undefined_sequences)
            if item_undefined:
                body.append(self.head_implicit(0xFFFE, 0xE000, _UNDEFINED))
                body.append(content)
                body.append(self.head_implicit(0xFFFE, 0xE00D, 0))
            else:
                body.append(self.head_implicit(0xFFFE, 0xE000, len(content)))
                body.append(content)
        data = b"".join(body)
        if undefined:
            out.append(self.header(group, el, "SQ", _UNDEFINED))
            out.append(data)
            out.append(self.head_implicit(0xFFFE, 0xE0DD, 0))
        else:
            out.append(self.header(group, el, "SQ", len(data)))
            out.append(data)


def _charset_of(el: DataElement, inherited: CharsetLike | None) -> CharsetLike | None:
    from dicomkit.core.charset import Charset

    value = el.value
    terms = list(value) if isinstance(value, list) else [value or ""]
    return Charset.from_value([str(t) for t in terms])


def encode_dataset(ds: Dataset, transfer_syntax: str = EXPLICIT_VR_LITTLE_ENDIAN, *,
                   undefined_length_sequences: bool | None = None) -> bytes:
    """The encoding of a data set (without file meta) in a native transfer syntax.

    Group 0002 elements are left out (they belong to the file meta).  Deflated syntaxes are
    deflated.
    """
    syntax = TRANSFER_SYNTAXES.get(transfer_syntax)
    if syntax is None:
        raise WriteError(f"unknown transfer syntax {transfer_syntax!r}")
    pixels = ds._elements.get(_PIXEL_DATA)
    if syntax.encapsulated and pixels is not None and not pixels.undefined_length:
        raise WriteError(f"{syntax.name} needs compressed (encapsulated) pixel data and the "
                         "data set has native pixel data: transcode it first (the pixel layer's "
                         "transcoder)")
    if not syntax.encapsulated and pixels is not None and pixels.undefined_length:
        raise WriteError(f"the pixel data is compressed (read as {ds.read_transfer_syntax}) and "
                         f"{syntax.name} is a native syntax: decompress it first (the pixel "
                         "layer's transcoder)")
    enc = _Encoder(syntax.little_endian, syntax.implicit_vr, undefined_length_sequences)
    out: list[bytes] = []
    enc.dataset(ds, out, None, skip_group2=True)
    data = b"".join(out)
    if syntax.deflated:
        c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        data = c.compress(data) + c.flush()
        if len(data) & 1:
            data += b"\x00"
    return data


#: An Item (FFFE,E000) header of defined length, each byte order (PS3.5 7.5.1).
_ITEM_HEAD_LE = struct.Struct("<HHL")
_ITEM_HEAD_BE = struct.Struct(">HHL")


def encode_items(bodies: Iterable[bytes], *, little_endian: bool = True) -> bytes:
    """The encoded items of a sequence (PS3.5 7.5), each of defined length, from the encoded
    contents of its items (e.g. :func:`encode_dataset` of each item, or concatenations of
    encoded elements in ascending tag order): the value of an SQ element
    (:func:`dicomkit.io.reader.encoded_sequence`)."""
    head = _ITEM_HEAD_LE if little_endian else _ITEM_HEAD_BE
    out: list[bytes] = []
    for body in bodies:
        if len(body) & 1:
            raise WriteError(f"an item's content of {len(body)} bytes: encoded elements are of "
                             "even length (PS3.5 7.1)")
        out.append(head.pack(0xFFFE, 0xE000, len(body)))
        out.append(body)
    return b"".join(out)


def file_meta_for(ds: Dataset, transfer_syntax: str) -> Dataset:
    """The File Meta Information to write (PS3.10 7.1): the data set's own, completed.

    Keeps what the data set's ``file_meta`` has, sets the Transfer Syntax UID, takes the Media
    Storage SOP Class/Instance UIDs from SOP Class/Instance UID when absent, and adds this
    implementation's class UID and version name when absent.  Nothing here is checked as an
    assignment: the values come from the data set, whose checks are the writer's (its mode).
    """
    meta = Dataset()
    if ds.file_meta is not None:
        for elem in ds.file_meta.elements():
            meta.put_element(elem)
    if tags.FileMetaInformationVersion not in meta:
        meta.add_new(tags.FileMetaInformationVersion, "OB", b"\x00\x01", validation_mode="ignore")
    for meta_tag, ds_tag, what in ((tags.MediaStorageSOPClassUID, tags.SOPClassUID, "SOP Class UID"),
                                   (tags.MediaStorageSOPInstanceUID, tags.SOPInstanceUID,
                                    "SOP Instance UID")):
        if meta_tag not in meta:
            source = ds._elements.get(ds_tag)
            if source is None:
                raise WriteError(f"cannot write Part 10 file meta: the data set has no {what} "
                                 f"({ds_tag >> 16:04X},{ds_tag & 0xFFFF:04X}) and file_meta has "
                                 "no Media Storage equivalent; set it first")
            meta.add_new(meta_tag, "UI", str(source.value), validation_mode="ignore")
    current = meta.get(tags.TransferSyntaxUID)
    if current is None or str(current.value) != transfer_syntax:
        meta.add_new(tags.TransferSyntaxUID, "UI", transfer_syntax, validation_mode="ignore")
    if tags.ImplementationClassUID not in meta:
        meta.add_new(tags.ImplementationClassUID, "UI", IMPLEMENTATION_CLASS_UID, validation_mode="ignore")
        meta.add_new(tags.ImplementationVersionName, "SH", IMPLEMENTATION_VERSION_NAME,
                     validation_mode="ignore")
    if tags.FileMetaInformationGroupLength in meta:
        del meta[tags.FileMetaInformationGroupLength]
    enc = _Encoder(True, False, None)
    out: list[bytes] = []
    enc.dataset(meta, out, None)
    length = sum(len(b) for b in out)
    old = ds.file_meta.get(tags.FileMetaInformationGroupLength) if ds.file_meta is not None \
        else None
    group_length = DataElement(tags.FileMetaInformationGroupLength, "UL", length)
    if old is not None and old.raw is not None and len(old.raw) == 4 and \
            struct.unpack("<L", old.raw)[0] == length:
        group_length = old
    meta.put_element(group_length)
    return meta


def encode_file_meta(file_meta: Dataset, transfer_syntax: str) -> bytes:
    """Preamble, ``DICM`` and the File Meta Information (PS3.10 7.1) that :func:`encode_file`
    writes before a data set in ``transfer_syntax`` whose file meta is ``file_meta`` (which
    must hold the Media Storage SOP Class and Instance UIDs); used to put a data set received
    as bytes (C-STORE) behind its file meta without decoding it."""
    holder = Dataset()
    holder.file_meta = file_meta
    meta = file_meta_for(holder, transfer_syntax)
    out: list[bytes] = [b"\x00" * 128, b"DICM"]
    _Encoder(True, False, None).dataset(meta, out, None)
    return b"".join(out)


def encode_file(ds: Dataset, transfer_syntax: str | None = None, *,
                undefined_length_sequences: bool | None = None) -> bytes:
    """The bytes of a Part 10 file: preamble, ``DICM``, file meta, data set."""
    ts = transfer_syntax or transfer_syntax_of(ds)
    meta = file_meta_for(ds, ts)
    out: list[bytes] = [ds.preamble if ds.preamble is not None and len(ds.preamble) == 128
                        else b"\x00" * 128, b"DICM"]
    _Encoder(True, False, None).dataset(meta, out, None)
    out.append(encode_dataset(ds, ts, undefined_length_sequences=undefined_length_sequences))
    return b"".join(out)


def transfer_syntax_of(ds: Dataset) -> str:
    """The transfer syntax ``ds`` is in: its file meta's, else the one it was read in, else
    Explicit VR Little Endian."""
    if ds.file_meta is not None:
        el = ds.file_meta._elements.get(tags.TransferSyntaxUID)
        if el is not None and el.value:
            return str(el.value).strip("\x00 ")
    return ds.read_transfer_syntax or EXPLICIT_VR_LITTLE_ENDIAN


# ------------------------------------------------------------------------------------------------
# Value checks before writing
# ------------------------------------------------------------------------------------------------

def value_problems(ds: Dataset, *, read_values: bool = True
                   ) -> list[tuple[str, DataElement, ValueProblem]]:
    """The values of ``ds`` (its ``file_meta`` and sequence items included) that cannot be
    encoded in their VR (PS3.5 6.2, :mod:`dicomkit.core.rules`), in the order they are written.

    Parameters
    ----------
    read_values
        Check the values that still hold the bytes they were read as too (decoding them);
        False checks only the values a program set.

    Returns
    -------
    list of (tag path, element, problem)
    """
    if not read_values and not (_any_set(ds) or (ds.file_meta is not None
                                                  and _any_set(ds.file_meta))):
        return []  # the quick answer for data sets as read (every value still its bytes)
    out: list[tuple[str, DataElement, ValueProblem]] = []
    if ds.file_meta is not None:
        _collect(ds.file_meta, "", read_values, out, group2=True)
    _collect(ds, "", read_values, out, group2=False)
    return out


def _any_set(ds: Dataset) -> bool:
    """True when an element of ``ds`` or of its items has a value set by a program."""
    sequences: list[DataElement] = []
    if has_program_values(ds._elements.values(), sequences):
        return True
    for elem in sequences:
        if elem.unparsed_items() is not None:
            continue  # never parsed: every value in it is as read
        for item in elem.value or ():
            if isinstance(item, Dataset) and _any_set(item):
                return True
    return False


def _collect(ds: Dataset, parent: str, read_values: bool,
             out: list[tuple[str, DataElement, ValueProblem]], *, group2: bool) -> None:
    for elem in ds.elements():
        tag = elem.tag
        if not group2 and not parent and tag >> 16 == 0x0002:
            continue  # not written: the file meta comes from ds.file_meta
        if elem.vr == "SQ":
            if not read_values and elem.unparsed_items() is not None:
                continue  # never parsed: every value in it is as read
            items = elem.value
            if items is None:
                continue
            if not isinstance(items, list):
                bad = ValueProblem("type", "an SQ value is a Sequence of data sets, got "
                                   f"{type(items).__name__}", "PS3.5 7.5")
                out.append((_path(parent, tag), elem, bad))
                continue
            for index, item in enumerate(items):
                if isinstance(item, Dataset):
                    _collect(item, f"{_path(parent, tag)}[{index}]", read_values, out,
                             group2=True)
            continue
        if not read_values and elem.is_raw:
            continue
        try:
            problem = elem.value_problem()
        except DicomError as exc:  # a read value that does not even decode
            problem = ValueProblem("value-format", f"the value cannot be decoded: {exc}")
        if problem is not None:
            out.append((_path(parent, tag), elem, problem))


def _path(parent: str, tag: int) -> str:
    text = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return f"{parent}.{text}" if parent else text


def _check_before_writing(ds: Dataset, mode: ValidationMode, where: str) -> None:
    if mode == "ignore":
        return
    found = value_problems(ds, read_values=mode == "raise")
    if not found:
        return
    if mode == "raise":
        path, elem, problem = found[0]
        error = problem_error(problem, elem.tag, elem.vr, elem.value, tag_path=path)
        more = f" (and {len(found) - 1} more value(s))" if len(found) > 1 else ""
        raise WriteError(f"{where}: not written, nothing was changed: {error}{more}; correct the "
                         "value or write with strict=False", target=where,
                         tag_path=path) from error
    for path, elem, problem in found:
        error = problem_error(problem, elem.tag, elem.vr, elem.value, tag_path=path)
        warnings.warn(DicomValueWarning(f"{where}: written as is: {error}"),
                      stacklevel=_caller_stacklevel())


def _caller_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside dicomkit (the program's write call)."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("dicomkit."):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


# ------------------------------------------------------------------------------------------------
# Writing paths and streams
# ------------------------------------------------------------------------------------------------

#: A ``.part`` file older than this (seconds since it was last written) is a dead writer's.
STALE_PART_AGE: Final = 3600.0
#: How often (seconds) one process looks again for stale ``.part`` files in a folder.
STALE_SCAN_INTERVAL: Final = 60.0

_PART_SUFFIX: Final = ".part"
_PART_MARK: Final = "dicomkit"
#: ``.NAME.dicomkit-HOST-PID-RANDOM.part`` (NAME cut to keep the whole under NAME_MAX)
_PART_NAME: Final = re.compile(r"^\..*\.dicomkit-([0-9a-f]{8})-([0-9]+)-[0-9a-f]{8}\.part$",
                               re.DOTALL)
_NAME_ROOM: Final = 200
_scanned: dict[str, float] = {}
_scanned_lock = threading.Lock()


def _host_tag() -> str:
    import socket
    import zlib as _z

    return f"{_z.crc32(socket.gethostname().encode('utf-8', 'replace')):08x}"


_HOST: Final = _host_tag()


def part_name(target: str | os.PathLike[str], pid: int | None = None) -> str:
    """The name of a new temporary file for writing ``target`` (in its folder), by process
    ``pid`` (default: this one): ``.NAME.dicomkit-HOST-PID-RANDOM.part``."""
    name = Path(os.fspath(target)).name[:_NAME_ROOM]
    pid = os.getpid() if pid is None else pid
    return f".{name}.{_PART_MARK}-{_HOST}-{pid}-{secrets.token_hex(4)}{_PART_SUFFIX}"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix" or pid <= 0:
        return True  # cannot tell (os.kill on Windows terminates): the age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # EPERM: it runs, as another user
    return True


def remove_stale_parts(folder: str | os.PathLike[str], *, max_age: float = STALE_PART_AGE
                       ) -> list[Path]:
    """Remove the temporary files that killed writers left in ``folder``; return them.

    Only names of this writer's pattern (``.NAME.dicomkit-HOST-PID-RANDOM.part``) are
    considered: those written on this host by a process that no longer runs, and those not
    written to for ``max_age`` seconds.  Files that cannot be listed or removed are left.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(os.fspath(folder) or "."))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.endswith(_PART_SUFFIX) or _PART_MARK not in name:
            continue
        match = _PART_NAME.match(name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        dead = match.group(1) == _HOST and not _pid_alive(int(match.group(2)))
        if not dead and now - info.st_mtime < max_age:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _remove_stale_parts_now_and_then(folder: str) -> None:
    key = os.path.abspath(folder)
    now = time.monotonic()
    with _scanned_lock:
        last = _scanned.get(key)
        if last is not None and now - last < STALE_SCAN_INTERVAL:
            return
        _scanned[key] = now
    remove_stale_parts(folder)


def _os_error(what: str, exc: OSError, written: int, total: int) -> WriteError:
    code = exc.errno
    name = _errno.errorcode.get(code, "") if code is not None else ""
    reason = exc.strerror or str(exc)
    if name:
        reason = f"{reason} ({name})"
    return WriteError(f"{what}: cannot write: {reason}, after {max(written, 0)} of {total} "
                      "bytes; the target was not changed", target=what, written=max(written, 0),
                      errno=code)


def _write_path(path: Path, data: bytes) -> None:
    folder = str(path.parent) or "."
    _remove_stale_parts_now_and_then(folder)
    where = str(path)
    total = len(data)
    try:
        old: os.stat_result | None = os.stat(path)
    except OSError:
        old = None  # absent (or not reachable: opening the temporary file will say)
    keep = old is not None and stat.S_ISREG(old.st_mode)
    mode = stat.S_IMODE(old.st_mode) if old is not None and keep else 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    for _attempt in range(8):
        tmp = os.path.join(folder, part_name(path))
        try:
            # the kernel applies the umask: never wider than the target or 0o666 & ~umask
            fd = os.open(tmp, flags, mode & 0o777)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise _os_error(where, exc, 0, total) from exc
    else:  # pragma: no cover - 8 random names taken
        raise WriteError(f"{where}: cannot create a temporary file in {folder}", target=where)
    written = 0
    try:
        try:
            if keep and old is not None:
                _keep_owner_and_mode(fd, old)
            view = memoryview(data)
            while written < total:
                n = os.write(fd, view[written:])
                if n <= 0:  # pragma: no cover - regular files either write or fail
                    raise OSError(_errno.EIO, "write() wrote nothing")
                written += n
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise _os_error(where, exc, written, total) from exc
    except BaseException:
        _unlink_quietly(tmp)
        raise


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """Give the new file the owner, group and permission bits of the one it replaces."""
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            try:  # a member of the group may still give it the group
                os.fchown(fd, -1, old.st_gid)
            except OSError:
                pass
    try:
        os.fchmod(fd, stat.S_IMODE(old.st_mode))  # after chown, which may clear set-id bits
    except OSError:
        pass


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _stream_name(stream: Any) -> str:
    name = getattr(stream, "name", None)
    if isinstance(name, str | bytes) and name:
        return os.fsdecode(name)
    return f"<{type(stream).__name__} stream>"


def _write_stream(stream: Any, data: bytes) -> None:
    total = len(data)
    raw = isinstance(stream, io.RawIOBase)
    try:
        start: int | None = stream.tell() if not raw else None
    except Exception:  # noqa: BLE001 - a stream that cannot tell: counts only
        start = None
    view = memoryview(data)
    done = 0
    chunk: Any = data  # the first call gets the bytes themselves, as it always did
    while done < total:
        try:
            n = stream.write(chunk)
        except BlockingIOError as exc:
            n = exc.characters_written
            if not n:
                raise WriteError(f"{_stream_name(stream)}: the stream would block after {done} "
                                 f"of {total} bytes; write to a blocking stream",
                                 target=_stream_name(stream), written=done,
                                 errno=exc.errno) from exc
        except OSError as exc:
            raise _os_error(_stream_name(stream), exc, done, total) from exc
        if n is None:
            if raw:
                raise WriteError(f"{_stream_name(stream)}: write() returned None (a raw stream "
                                 f"that would block) after {done} of {total} bytes",
                                 target=_stream_name(stream), written=done)
            if start is None:
                return  # a file-like object that returns nothing: taken as all written
            try:
                n = stream.tell() - start - done
            except Exception as exc:  # noqa: BLE001
                raise WriteError(f"{_stream_name(stream)}: write() returned None and the "
                                 f"stream cannot tell its position after {done} of {total} "
                                 "bytes", target=_stream_name(stream), written=done) from exc
        if not isinstance(n, int) or n <= 0 or n > total - done:
            raise WriteError(f"{_stream_name(stream)}: write() took {n!r} of the {total - done} "
                             f"bytes given, after {done} of {total}; the stream accepts no more",
                             target=_stream_name(stream), written=done)
        done += n
        chunk = view[done:]


def write(target: str | os.PathLike[str] | IO[bytes], ds: Dataset, *,
          transfer_syntax: str | None = None,
          undefined_length_sequences: bool | None = None,
          strict: bool | None = None) -> None:
    """Write ``ds`` as a Part 10 file (see the module docstring for how paths are written).

    Parameters
    ----------
    target
        A path (written through a temporary file, renamed when complete) or a binary stream.
    transfer_syntax
        The transfer syntax UID; default: the one the data set was read in, else explicit VR
        little endian.
    undefined_length_sequences
        True or False to write every sequence and item with undefined or defined length;
        None (default) keeps what each had when read (defined for new ones).
    strict
        True: every value (read ones too) must be encodable in its VR (PS3.5 6.2), or nothing
        is written (mode ``"raise"``); False: the values a program set are warned about (mode
        ``"warn"``); None (default): ``dicomkit.settings.writing_validation_mode`` (``"warn"``
        unless changed) or the mode of a :func:`dicomkit.validation_mode` block.

    Raises
    ------
    WriteError
        When a value is refused (``strict``; ``tag_path`` names it), when the data set cannot
        be encoded in the transfer syntax, or when the operating system refuses the write
        (``errno`` says why); the target is then untouched (a stream may hold the bytes
        written before the error, ``written`` says how many).
    """
    mode: ValidationMode = writing_mode() if strict is None else ("raise" if strict else "warn")
    is_stream = hasattr(target, "write")
    where = _stream_name(target) if is_stream else os.fspath(target)  # type: ignore[arg-type]
    _check_before_writing(ds, mode, str(where))
    data = encode_file(ds, transfer_syntax, undefined_length_sequences=undefined_length_sequences)
    if is_stream:
        _write_stream(target, data)
        return
    _write_path(Path(os.fspath(target)), data)  # type: ignore[arg-type]
