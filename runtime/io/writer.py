"""Writing data sets: Part 10 files (PS3.10 7) in every native transfer syntax, deflate included.

Elements that still hold the bytes they were read as are written as those bytes (byte-swapped
for binary VRs when the byte order changes), so a file read and written unchanged is
byte-identical; changed values are encoded from their VR, padded to even length with the VR's
padding byte (PS3.5 6.2).  Sequences and items keep the defined or undefined lengths they were
read with, or take the lengths asked for.  A file is written to a temporary name and renamed
only when complete, so a failure never leaves half a file behind.
"""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from pathlib import Path
from typing import IO

from dicomkit import __version__
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import CharsetLike, DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.errors import DicomError
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import LONG_LENGTH_VRS, VRS
from dicomkit.io.encapsulation import EncapsulatedPixelData

#: This implementation's class UID (PS3.7 D.3.3.2), a UUID-derived UID (PS3.5 B.2).
IMPLEMENTATION_CLASS_UID = "2.25.123862020377524545462990647178529630207"
IMPLEMENTATION_VERSION_NAME = ("DICOMKIT_" + __version__.replace(".", ""))[:16]
EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"

_PIXEL_DATA = 0x7FE00010
_CHARSET = 0x00080005
_ITEM = 0xFFFEE000
_ITEM_DELIM = 0xFFFEE00D
_SEQ_DELIM = 0xFFFEE0DD
_UNDEFINED = 0xFFFFFFFF


class WriteError(DicomError):
    """A data set that cannot be encoded as asked (names the element and what to do)."""


class _Encoder:
    def __init__(self, little: bool, implicit: bool, undefined_sequences: bool | None) -> None:
        self.little = little
        self.implicit = implicit
        self.undefined_sequences = undefined_sequences
        self.e = "<" if little else ">"
        self.head_implicit = struct.Struct(self.e + "HHL").pack
        self.head_short = struct.Struct(self.e + "HH2sH").pack
        self.head_long = struct.Struct(self.e + "HH2s2xL").pack

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
        from dicomkit.core.values import encode_un_or_value, swap_bytes

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
        group, el = elem.tag >> 16, elem.tag & 0xFFFF
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


def file_meta_for(ds: Dataset, transfer_syntax: str) -> Dataset:
    """The File Meta Information to write (PS3.10 7.1): the data set's own, completed.

    Keeps what the data set's ``file_meta`` has, sets the Transfer Syntax UID, takes the Media
    Storage SOP Class/Instance UIDs from SOP Class/Instance UID when absent, and adds this
    implementation's class UID and version name when absent.
    """
    meta = Dataset()
    if ds.file_meta is not None:
        for elem in ds.file_meta.elements():
            meta._put(elem)
    if 0x00020001 not in meta:
        meta.add_new(0x00020001, "OB", b"\x00\x01")
    for meta_tag, ds_tag, what in ((0x00020002, 0x00080016, "SOP Class UID"),
                                   (0x00020003, 0x00080018, "SOP Instance UID")):
        if meta_tag not in meta:
            source = ds._elements.get(ds_tag)
            if source is None:
                raise WriteError(f"cannot write Part 10 file meta: the data set has no {what} "
                                 f"({ds_tag >> 16:04X},{ds_tag & 0xFFFF:04X}) and file_meta has "
                                 "no Media Storage equivalent; set it first")
            meta.add_new(meta_tag, "UI", str(source.value))
    current = meta.get(0x00020010)
    if current is None or str(current.value) != transfer_syntax:
        meta.add_new(0x00020010, "UI", transfer_syntax)
    if 0x00020012 not in meta:
        meta.add_new(0x00020012, "UI", IMPLEMENTATION_CLASS_UID)
        meta.add_new(0x00020013, "SH", IMPLEMENTATION_VERSION_NAME)
    if 0x00020000 in meta:
        del meta[0x00020000]
    enc = _Encoder(True, False, None)
    out: list[bytes] = []
    enc.dataset(meta, out, None)
    length = sum(len(b) for b in out)
    old = ds.file_meta._elements.get(0x00020000) if ds.file_meta is not None else None
    group_length = DataElement(0x00020000, "UL", length)
    if old is not None and old.raw is not None and len(old.raw) == 4 and \
            struct.unpack("<L", old.raw)[0] == length:
        group_length = old
    meta._put(group_length)
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
    ts = transfer_syntax or _syntax_of(ds)
    meta = file_meta_for(ds, ts)
    out: list[bytes] = [ds.preamble if ds.preamble is not None and len(ds.preamble) == 128
                        else b"\x00" * 128, b"DICM"]
    _Encoder(True, False, None).dataset(meta, out, None)
    out.append(encode_dataset(ds, ts, undefined_length_sequences=undefined_length_sequences))
    return b"".join(out)


def _syntax_of(ds: Dataset) -> str:
    if ds.file_meta is not None:
        el = ds.file_meta._elements.get(0x00020010)
        if el is not None and el.value:
            return str(el.value).strip("\x00 ")
    return ds.read_transfer_syntax or EXPLICIT_VR_LITTLE_ENDIAN


def write(target: str | os.PathLike[str] | IO[bytes], ds: Dataset, *,
          transfer_syntax: str | None = None,
          undefined_length_sequences: bool | None = None) -> None:
    """Write ``ds`` as a Part 10 file.

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
    """
    data = encode_file(ds, transfer_syntax, undefined_length_sequences=undefined_length_sequences)
    if hasattr(target, "write"):
        target.write(data)
        return
    path = Path(os.fspath(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                               dir=str(path.parent) or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise

