"""Reading data sets: Part 10 files (PS3.10 7) and bare data sets in every native transfer syntax.

The parser walks a buffer (the file's bytes, a memory map for large files, or an inflated
deflated data set) and builds :class:`~dicomkit.core.dataset.Dataset` objects whose elements keep
their raw bytes; values are decoded on first use.  Sequences (PS3.5 7.5), of defined or undefined
length, are walked as they are met (:func:`~dicomkit.io.scan.clean_items_end`); a clean one keeps
its encoded items and parses them on first access of its value (``read(lazy_sequences=False)``
parses every one at once; :func:`read` says what is checked when), a damaged one is parsed at
once; :func:`item_values` reads a few values of many items without parsing them.  Encapsulated
pixel data (PS3.5 A.4) is kept as its items; UN elements of undefined length are re-read as
implicit VR little endian sequences (PS3.5 6.2.2).

Strict mode raises :class:`~dicomkit.errors.InvalidDicomError` with source, offset and tag path at
the first problem.  Lenient mode (the default) recovers where readers commonly do and records each
recovery in ``Dataset.warnings`` (at most :data:`MAX_WARNINGS`, then one that counts the rest).
Lengths are checked against the bytes left, so hostile lengths never allocate beyond the input,
nesting is bounded, a deflated data set inflates only up to a limit (:data:`MAX_INFLATED_SIZE`,
:data:`MAX_INFLATION_RATIO`), and running out of memory is reported as
:class:`~dicomkit.errors.ReadLimitError` naming what was being read.

Input that is neither a Part 10 file (PS3.10 7.1) nor a plausible bare data set (PS3.5 7) is
refused with :class:`~dicomkit.errors.NotDicomError` unless ``force=True``.
"""

from __future__ import annotations

import errno
import functools
import io
import mmap
import os
import stat
import struct
import zlib
from collections.abc import Callable, Collection, Iterable
from typing import IO, Any, SupportsIndex

from dicomkit.core.dataset import Dataset, ReadWarning, dictionary_vr
from dicomkit.core.dictionary import lookup as dictionary_lookup
from dicomkit.core.element import DataElement, DeferredValue, EncodingContext
from dicomkit.core.sequence import Sequence
from dicomkit.core.tag import as_tag_int
from dicomkit.errors import DicomError, InvalidDicomError, NotDicomError, ReadLimitError
from dicomkit.generated import dictionary, tags
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import LONG_LENGTH_VRS, VRS
from dicomkit.io.scan import clean_items_end

IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2"
EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"

_ITEM = tags.Item
_ITEM_DELIM = tags.ItemDelimitationItem
_SEQ_DELIM = tags.SequenceDelimitationItem
_PIXEL_DATA = tags.PixelData
#: Float Pixel Data (7FE0,0008), the first of the pixel data elements (then Double Float Pixel
#: Data (7FE0,0009) and Pixel Data (7FE0,0010)) where stop_before_pixels stops
_FLOAT_PIXEL_DATA = tags.FloatPixelData
_SPECIFIC_CHARACTER_SET = tags.SpecificCharacterSet
_UNDEFINED = 0xFFFFFFFF
_MAX_DEPTH = 64
#: files above this size are memory-mapped instead of read, so untouched values cost no memory
#: and a large value is copied once (from the mapping) rather than twice (file, then slice):
#: a 52 MB multi-frame file reads 1.75x faster, one deferred frame 40x faster than at 64 MB
_MMAP_THRESHOLD = 4 * 1024 * 1024
#: the most a deflated data set (PS3.5 A.5) may inflate to, in bytes, whatever its compressed
#: size: against deflate bombs.  ``read(max_inflated_size=...)`` overrides it for one read.
MAX_INFLATED_SIZE = 1024 ** 3
#: the most a deflated data set may inflate to as a multiple of its compressed size, once it is
#: above :data:`INFLATION_FLOOR` (deflate reaches about 1032:1 on constant bytes; real data sets,
#: structured reports and images, stay far below 100:1).  ``read(max_inflation_ratio=...)``
#: overrides it for one read.
MAX_INFLATION_RATIO = 100.0
#: what any deflated data set may inflate to whatever the ratio (a small stream of a mostly
#: empty data set has a high ratio and is harmless)
INFLATION_FLOOR = 64 * 1024 ** 2
#: sequences of defined length whose value is shorter than this many bytes are parsed while
#: reading even when sequences are lazy (``read(lazy_sequences=True)``): walking then parsing a
#: small sequence costs more than parsing it, and saves little when it is not used
LAZY_SEQUENCE_BYTES = 2048
#: the most warnings kept per read; the rest are counted in one last warning
MAX_WARNINGS = 1000
#: input is fed to zlib in blocks of this size and taken out in pieces of at most the other
#: (zlib.decompressobj with max_length, never past the limit): a tail copy per call stays small
_INFLATE_IN = 64 * 1024
_INFLATE_OUT = 256 * 1024
#: a bare data set may begin after at most this many stray bytes (then two element headers in
#: a row must be plausible)
_STRAY_BYTES = 7

_VR_OF_BYTES = {code.encode("ascii"): code for code in VRS}
_HEAD_EXPLICIT = {True: struct.Struct("<HH2sH").unpack_from,
                  False: struct.Struct(">HH2sH").unpack_from}
_U32 = {True: struct.Struct("<L").unpack_from, False: struct.Struct(">L").unpack_from}
_LONG_VR_BYTES = frozenset(code.encode("ascii") for code in LONG_LENGTH_VRS)


class _Stop(Exception):
    """Raised internally to stop parsing (stop_before_pixels)."""


class _Warnings(list[ReadWarning]):
    """The warnings of one read: the first ``limit`` are kept, the rest only counted."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.dropped = 0

    def append(self, warning: ReadWarning, /) -> None:
        if len(self) < self.limit:
            super().append(warning)
        else:
            self.dropped += 1

    def extend(self, warnings: Iterable[ReadWarning], /) -> None:
        for w in warnings:
            self.append(w)

    def insert(self, index: SupportsIndex, warning: ReadWarning, /) -> None:
        if len(self) < self.limit:
            super().insert(index, warning)
        else:
            self.dropped += 1

    def result(self) -> list[ReadWarning]:
        """A plain list: the warnings kept, and one counting those dropped."""
        out = list(self)
        if self.dropped:
            out.append(ReadWarning(-1, "", f"{self.dropped} more problem(s) found and not kept "
                                           f"(at most {self.limit} warnings are kept per read)"))
        return out


class _ReadState:
    """What the lazy sequences of one read share: how to parse and where to report.

    ``warnings`` is the read's list of warnings: the one being filled while reading, then the
    data set's ``warnings`` (problems found when a lazy sequence is parsed are appended to it).
    """

    __slots__ = ("source", "strict", "path", "defer_size", "warnings", "min_length")

    def __init__(self, source: str, strict: bool, path: str, defer_size: int | None,
                 warnings: list[ReadWarning], min_length: int = 0) -> None:
        self.min_length = min_length  # sequences of defined length shorter are parsed at once
        self.source = source
        self.strict = strict
        self.path = path
        self.defer_size = defer_size
        self.warnings = warnings

    def __deepcopy__(self, memo: dict[int, Any]) -> _ReadState:
        return self  # shared by the copies of a data set, as the file they came from


class _LazyItems:
    """The encoded items of a sequence read and not parsed yet (a
    :class:`~dicomkit.core.element.SequenceSource`): parsed on first access of the element's
    value, by the parser and with the settings of the read, as they would have been then."""

    __slots__ = ("data", "little_endian", "implicit_vr", "_charset", "_state", "_base",
                 "_stack", "_tag", "_checked")

    def __init__(self, data: bytes, little: bool, implicit: bool, charset: Any,
                 state: _ReadState, base: int, stack: tuple[tuple[int, int], ...], tag: int,
                 checked: bool) -> None:
        self.data = data
        self.little_endian = little
        self.implicit_vr = implicit
        self._charset = charset  # the character set the items inherit, as when read
        self._state = state
        self._base = base        # file offset of data[0]
        self._stack = stack      # the tag path of the sequence's data set
        self._tag = tag
        self._checked = checked  # nested sequences were checked clean with this one

    def __deepcopy__(self, memo: dict[int, Any]) -> _LazyItems:
        return self  # immutable: every parse makes new items

    def parse(self) -> Sequence:
        """The items (see the class).

        Raises
        ------
        InvalidDicomError
            For damage found in the items (strict reads; lenient ones record warnings in the
            data set's ``warnings``), with the source, file offset and tag path.
        ReadLimitError
            When memory runs out.
        """
        state = self._state
        parser = Parser(self.data, state.source, strict=state.strict, path=state.path,
                        base=self._base, defer_size=state.defer_size, warnings=state.warnings,
                        lazy=True, state=state, checked=self._checked)
        parser.stack = list(self._stack)
        ctx = EncodingContext(self.little_endian, self._charset)
        try:
            seq, _ = parser._items(self._tag, 0, len(self.data), self.little_endian,
                                   self.implicit_vr, ctx, undefined=False)
        except (struct.error, IndexError) as exc:  # pragma: no cover - guarded by lengths
            raise InvalidDicomError(f"malformed data: {exc}", source=state.source,
                                    offset=self._base, tag_path=parser.tag_path(self._tag)) \
                from exc
        except RecursionError as exc:  # pragma: no cover - bounded by _MAX_DEPTH
            raise InvalidDicomError("sequences nested too deeply", source=state.source,
                                    offset=self._base) from exc
        except MemoryError:
            raise ReadLimitError("out of memory parsing a sequence", source=state.source,
                                 offset=self._base, tag_path=parser.tag_path(self._tag)) \
                from None
        return seq

    def values(self, paths: list[tuple[int, ...]]) -> list[list[DataElement | None]] | None:
        """See :func:`item_values`."""
        if not paths or not all(paths):
            raise ValueError("item_values needs paths of at least one tag")
        trie: dict[int, Any] = {}
        for n, path in enumerate(paths):
            node = trie
            for tag in path[:-1]:
                node = node.setdefault(tag, {})
                if not isinstance(node, dict):
                    raise ValueError(f"path {n} goes through an element another path ends at")
            if path[-1] in node:
                raise ValueError(f"path {n} ends where another path goes on")
            node[path[-1]] = n
        if self.implicit_vr and any(t >> 16 & 1 or len((dictionary_lookup(t) or ("",))[0]) != 2
                                    for path in paths for t in path):
            # in implicit VR the VR of a private tag depends on its creator, and one of
            # several (US or SS) on the item's other values: parse instead
            return None
        little, data = self.little_endian, self.data
        ctx = EncodingContext(little, self._charset)
        head = struct.Struct("<HHL" if little else ">HHL").unpack_from
        out: list[list[DataElement | None]] = []
        pos, end = 0, len(data)
        try:
            while pos < end:
                _tag, length = _item_head(data, pos, little)
                pos += 8
                stop = end if length == _UNDEFINED else pos + length
                found: list[DataElement | None] = [None] * len(paths)
                pos = self._walk(data, pos, stop, length == _UNDEFINED, trie, found, ctx, head)
                if pos < 0:
                    return None
                out.append(found)
        except struct.error:  # pragma: no cover - the items were checked clean
            return None
        return out

    def _walk(self, data: bytes, pos: int, end: int, in_item: bool, trie: dict[int, Any],
              found: list[DataElement | None], ctx: EncodingContext, head: Any) -> int:
        """Walk one item's elements from ``pos``, keeping those ``trie`` asks for; returns the
        position after the item (-1: not what a clean item looks like)."""
        little, implicit = self.little_endian, self.implicit_vr
        last = max(trie)
        done = False
        head_explicit = _HEAD_EXPLICIT[little]
        u32 = _U32[little]
        vr_of_bytes, long_vrs = _VR_OF_BYTES, _LONG_VR_BYTES
        while pos < end:
            if implicit:
                group, elem, length = head(data, pos)
                vr = ""
                hlen = 8
            else:
                group, elem, vrb, length = head_explicit(data, pos)
                if group == 0xFFFE:
                    (length,) = u32(data, pos + 4)
                    vr, hlen = "", 8
                else:
                    vr = vr_of_bytes.get(vrb, "")
                    if not vr:
                        return -1
                    if vrb in long_vrs:
                        (length,) = u32(data, pos + 8)
                        hlen = 12
                    else:
                        hlen = 8
            tag = (group << 16) | elem
            if tag == _ITEM_DELIM:
                return pos + 8 if in_item else -1
            vpos = pos + hlen
            if length == _UNDEFINED:
                nxt = clean_items_end(data, vpos, end, little_endian=little, implicit=implicit,
                                      undefined=True, level=0, max_depth=_MAX_DEPTH,
                                      is_sequence=_public_sequence)
                if nxt < 0:
                    return -1
                value_end = nxt - 8
            else:
                nxt = value_end = vpos + length
            node = None if done else trie.get(tag)
            if node is not None:
                if not vr:
                    vr = "OB" if tag == _PIXEL_DATA else dictionary_vr(tag)
                if isinstance(node, dict):
                    if vr != "SQ":
                        return -1
                    if value_end - vpos >= 8:  # the first item, if any
                        ilen = _item_head(data, vpos, little)[1]
                        istop = value_end if ilen == _UNDEFINED else vpos + 8 + ilen
                        if self._walk(data, vpos + 8, istop, ilen == _UNDEFINED, node, found,
                                      ctx, head) < 0:
                            return -1
                elif vr == "SQ" or length == _UNDEFINED:
                    return -1  # only plain values are kept
                else:
                    found[node] = DataElement.read_from(tag, vr, data[vpos:nxt], ctx,
                                                        self._base + pos)
            if tag >= last:
                done = True  # nothing more wanted in this item: skip to its end
                if not in_item:
                    return end
            pos = nxt
        return -1 if in_item else pos


def item_values(element: DataElement, paths: list[tuple[int, ...]]
                ) -> list[list[DataElement | None]] | None:
    """The elements at ``paths`` in each item of a sequence read and not parsed yet, found in
    its encoded items without parsing them into data sets (reading many items' few values).

    A path is a tuple of tags: each but the last a sequence whose *first* item the path goes
    into, as ``item[t1].value[0][t2]``; the elements found hold their bytes (``value`` decodes
    them as the parsed items' would).  For each item, in order, a list with one element (or
    None where it is absent, or a sequence on the way is absent or empty) per path.

    Returns
    -------
    list or None
        None when ``element`` is not such a sequence (parsed already, set by a program, read
        with ``lazy_sequences=False``), or when the paths name private tags of an implicit VR
        encoding (their VR needs their creator): use its value then.
    """
    items = element.unparsed_items()
    if not isinstance(items, _LazyItems):
        return None
    return items.values(paths)


def encoded_sequence(tag: int, items: bytes, *, little_endian: bool = True,
                     implicit_vr: bool = False, charset: Any = None,
                     source: str = "<encoded items>") -> DataElement:
    """An SQ element of ``tag`` whose value is ``items``, the encoded items of a sequence
    (PS3.5 7.5), kept encoded as a clean sequence read from a file is: parsed (strictly) on
    first access of its value, written by copy in the same encoding.

    For builders of large sequences (the per-frame functional groups of a multi-frame object)
    that encode repeated parts once with :func:`~dicomkit.io.writer.encode_dataset` and
    :func:`~dicomkit.io.writer.encode_items` instead of building a data set per item.

    Raises
    ------
    InvalidDicomError
        When ``items`` are not clean items of one sequence (:func:`~dicomkit.io.scan.
        clean_items_end`: item headers, lengths, tag order, VRs).
    """
    end = clean_items_end(items, 0, len(items), little_endian=little_endian,
                          implicit=implicit_vr, undefined=False, level=0, max_depth=_MAX_DEPTH,
                          is_sequence=_public_sequence)
    if end != len(items):
        raise InvalidDicomError(f"the encoded items of ({tag >> 16:04X},{tag & 0xFFFF:04X}) "
                                "are not clean sequence items (PS3.5 7.5)", source=source,
                                offset=max(end, 0))
    state = _ReadState(source, True, "", None, [])
    lazy = _LazyItems(bytes(items), little_endian, implicit_vr, charset, state, 0, (), tag, True)
    return DataElement.lazy_sequence(tag, lazy, EncodingContext(little_endian, charset), 0)


class Parser:
    """Parses data set encodings from one buffer.

    Parameters
    ----------
    buf
        The bytes (or memory map) to parse.
    source
        How to name the input in errors.
    path
        The file, when values may be deferred (read later from it).
    base
        Offset of ``buf[0]`` in the file (for error messages and deferred values).
    lazy
        Keep the items of clean sequences encoded (:func:`~dicomkit.io.scan.clean_items_end`),
        parsed on first access; ``state`` is then what they share.
    checked
        The sequences in ``buf`` were found clean already, walked with the sequence holding
        them (all in explicit VR; in implicit VR those of public tags).
    """

    def __init__(self, buf: bytes | mmap.mmap, source: str, *, strict: bool = False,
                 path: str = "", base: int = 0, defer_size: int | None = None,
                 specific_tags: frozenset[int] | None = None,
                 stop_before_pixels: bool = False, warnings: list[ReadWarning],
                 lazy: bool = False, state: _ReadState | None = None,
                 checked: bool = False) -> None:
        self.buf = buf
        self.source = source
        self.strict = strict
        self.path = path
        self.base = base
        self.defer_size = defer_size if path else None
        self.specific_tags = specific_tags
        self.stop_before_pixels = stop_before_pixels
        self.warnings = warnings
        self.stack: list[tuple[int, int]] = []  # (sequence tag, item index) while nested
        self.state = state if lazy else None
        self.checked = checked

    # -- reporting ------------------------------------------------------------------------
    def tag_path(self, tag: int | None = None) -> str:
        """The current tag path, e.g. ``(0008,1115)[0].(0008,1150)``."""
        parts = [f"({t >> 16:04X},{t & 0xFFFF:04X})[{i}]" for t, i in self.stack]
        if tag is not None:
            parts.append(f"({tag >> 16:04X},{tag & 0xFFFF:04X})")
        return ".".join(parts)

    def problem(self, message: str, offset: int, tag: int | None = None) -> None:
        """Raise in strict mode; record a warning in lenient mode."""
        path = self.tag_path(tag)
        if self.strict:
            raise InvalidDicomError(message, source=self.source, offset=self.base + offset,
                                    tag_path=path)
        self.warnings.append(ReadWarning(self.base + offset, path, message))

    def fail(self, message: str, offset: int, tag: int | None = None) -> InvalidDicomError:
        """An error that no mode can recover from."""
        return InvalidDicomError(message, source=self.source, offset=self.base + offset,
                                 tag_path=self.tag_path(tag))

    # -- the data set loop ----------------------------------------------------------------
    def parse(self, ds: Dataset, pos: int, end: int, little: bool, implicit: bool,
              ctx: EncodingContext, *, in_item: bool = False, top: bool = False,
              group2_only: bool = False) -> int:
        """Parse elements into ``ds`` from ``pos`` up to ``end`` (or an item delimiter).

        Returns the position after the last element (after the delimiter, inside items).
        """
        buf = self.buf
        elements = ds._elements
        u32 = "<L" if little else ">L"
        head_explicit = struct.Struct("<HH2sH" if little else ">HH2sH").unpack_from
        head_implicit = struct.Struct("<HHL" if little else ">HHL").unpack_from
        unpack_from = struct.unpack_from
        vr_of_bytes = _VR_OF_BYTES
        long_vrs = _LONG_VR_BYTES
        # specific_tags selects top-level elements; the items of a kept sequence are whole
        specific = self.specific_tags if top else None
        defer = self.defer_size
        base = self.base
        stop_pixels = self.stop_before_pixels and top
        new_element = DataElement.read_from
        last_tag = -1
        tag = length = -1
        try:
            # The common path (a short or long explicit header, or an implicit one, a defined
            # length, no delimiter) takes as few tests as possible: the reader's hot path.
            while pos < end:
                if end - pos < 8:
                    self.problem(f"{end - pos} trailing byte(s) too few for an element header; "
                                 "ignored", pos)
                    return end
                if implicit:
                    group, elem, length = head_implicit(buf, pos)
                    vr = ""
                    hlen = 8
                else:
                    group, elem, vrb, length = head_explicit(buf, pos)
                    if group2_only and group != 0x0002:
                        return pos
                    if group == 0xFFFE:
                        (length,) = unpack_from(u32, buf, pos + 4)
                        vr = ""
                        hlen = 8
                    else:
                        vr = vr_of_bytes.get(vrb, "")
                        if not vr:
                            # an element encoded implicitly inside an explicit data set, or damage
                            (ilen,) = unpack_from(u32, buf, pos + 4)
                            if pos + 8 + ilen <= end or ilen == _UNDEFINED:
                                self.problem(f"no valid VR {bytes(vrb)!r}: read as implicit VR",
                                             pos, (group << 16) | elem)
                                length, hlen = ilen, 8
                            else:
                                raise self.fail(f"invalid VR {bytes(vrb)!r} and no implicit VR "
                                                "length fits: the data is damaged", pos,
                                                (group << 16) | elem)
                        elif vrb in long_vrs:
                            if end - pos < 12:
                                self.problem("element header cut short at the end", pos,
                                             (group << 16) | elem)
                                return end
                            (length,) = unpack_from(u32, buf, pos + 8)
                            hlen = 12
                        else:
                            hlen = 8
                tag = (group << 16) | elem
                if group2_only and group != 0x0002:
                    return pos
                if group == 0xFFFE:
                    if tag == _ITEM_DELIM:
                        if in_item:
                            return pos + 8
                        self.problem("item delimiter outside an item; ignored", pos, tag)
                        pos += 8
                        continue
                    if tag == _SEQ_DELIM:
                        if in_item:
                            self.problem("sequence delimiter where an item delimiter was "
                                         "expected", pos, tag)
                            return pos
                        self.problem("sequence delimiter outside a sequence; ignored", pos, tag)
                        pos += 8
                        continue
                    # an item, or another tag of group FFFE, is no data element (PS3.5 7.5):
                    # it is never kept as one (it would be written back as an element)
                    what = "an item (FFFE,E000)" if tag == _ITEM else "a group FFFE tag"
                    if length == _UNDEFINED or length > end - pos - 8:
                        size = "undefined length" if length == _UNDEFINED else \
                            f"length {length} beyond the {end - pos - 8} byte(s) left"
                        self.problem(f"{what} of {size} in a data set, outside a sequence: the "
                                     f"{end - pos} byte(s) from it are not read", pos, tag)
                        return end
                    self.problem(f"{what} in a data set, outside a sequence: skipped with its "
                                 f"{length} byte(s)", pos, tag)
                    pos += 8 + length
                    continue
                if tag <= last_tag:
                    self.problem(f"element out of order after ({last_tag >> 16:04X},"
                                 f"{last_tag & 0xFFFF:04X})", pos, tag)
                last_tag = tag
                vpos = pos + hlen
                if stop_pixels and group == 0x7FE0 and tag >= _FLOAT_PIXEL_DATA:
                    raise _Stop(pos)
                if not vr:
                    # PS3.5 A.1: native Pixel Data in implicit VR is OW; encapsulated
                    # (undefined length) pixel data is OB (PS3.5 A.4)
                    if tag == _PIXEL_DATA:
                        vr = "OB" if length == _UNDEFINED else "OW"
                    else:
                        vr = dictionary_vr(tag, ds)
                if length == _UNDEFINED:
                    pos = self._undefined(ds, tag, vr, vpos, end, little, implicit, ctx, at=pos,
                                          keep=specific is None or tag in specific)
                    continue
                nxt = vpos + length
                if nxt > end:
                    self.problem(f"value length {length} exceeds the {end - vpos} byte(s) left; "
                                 "value cut short", pos, tag)
                    length = end - vpos
                    nxt = end
                if length & 1:
                    self.problem(f"odd value length {length}", pos, tag)
                if specific is not None and tag not in specific and tag != _SPECIFIC_CHARACTER_SET:
                    pos = nxt
                    continue
                if vr == "SQ":
                    if self.state is not None and length >= self.state.min_length and (
                            (self.checked and not (implicit and group & 1)) or clean_items_end(
                                buf, vpos, nxt, little_endian=little, implicit=implicit,
                                undefined=False, level=len(self.stack), max_depth=_MAX_DEPTH,
                                is_sequence=_public_sequence) == nxt):
                        el = DataElement.lazy_sequence(tag, self._lazy(tag, vpos, nxt, little,
                                                                       implicit, ctx),
                                                       ctx, base + pos)
                    else:
                        seq, _ = self._items(tag, vpos, nxt, little, implicit, ctx,
                                             undefined=False)
                        el = DataElement(tag, "SQ", seq, context=ctx, offset=base + pos)
                elif defer is not None and length > defer:
                    el = DataElement(tag, vr, context=ctx, offset=base + pos,
                                     deferred=DeferredValue(self.path, base + vpos, length))
                else:
                    el = new_element(tag, vr, buf[vpos:nxt], ctx, base + pos)
                elements[tag] = el
                if tag == _SPECIFIC_CHARACTER_SET:
                    self._set_charset(el, ctx, pos)
                pos = nxt
        except MemoryError:
            # a value too large for the memory left: an error naming where, not a bare
            # MemoryError (nested data sets report their own path before it gets here)
            what = f"a value of {length} bytes" if length >= 0 else "the data set"
            raise ReadLimitError(f"out of memory reading {what}", source=self.source,
                                 offset=base + pos, tag_path=self.tag_path(
                                     tag if tag >= 0 else None)) from None
        return pos

    def _lazy(self, tag: int, vpos: int, end: int, little: bool, implicit: bool,
              ctx: EncodingContext) -> _LazyItems:
        """The items from ``vpos`` to ``end`` kept encoded (found clean by the caller)."""
        assert self.state is not None
        return _LazyItems(bytes(self.buf[vpos:end]), little, implicit, ctx.charset, self.state,
                          self.base + vpos, tuple(self.stack), tag, True)

    def _set_charset(self, el: DataElement, ctx: EncodingContext, pos: int) -> None:
        from dicomkit.core.charset import Charset

        raw = el.raw or b""
        terms = [t.strip(" \x00") for t in raw.decode("ascii", "replace").split("\\")]
        try:
            ctx.charset = Charset.from_value(terms, strict=self.strict)
        except DicomError as exc:
            raise self.fail(str(exc), pos, _SPECIFIC_CHARACTER_SET) from exc
        for w in getattr(ctx.charset, "warnings", ()):
            self.problem(w, pos, _SPECIFIC_CHARACTER_SET)

    # -- undefined lengths ----------------------------------------------------------------
    def _undefined(self, ds: Dataset, tag: int, vr: str, vpos: int, end: int, little: bool,
                   implicit: bool, ctx: EncodingContext, *, at: int, keep: bool = True) -> int:
        """An element of undefined length: a sequence, encapsulated pixel data, or UN.

        ``at`` is where its header starts (8 bytes before ``vpos`` in implicit VR, 12 in
        explicit VR: PS3.5 7.1.2); ``keep`` false parses past it without storing it (not among
        ``specific_tags``).
        """
        if vr == "SQ" or (vr == "UN" and tag != _PIXEL_DATA):
            if vr == "SQ" and self.state is not None:
                stop = clean_items_end(self.buf, vpos, end, little_endian=little,
                                       implicit=implicit, undefined=True,
                                       level=len(self.stack), max_depth=_MAX_DEPTH,
                                       is_sequence=_public_sequence)
                if stop >= 0:  # clean: kept encoded, without the delimiter
                    if keep:
                        ds._elements[tag] = DataElement.lazy_sequence(
                            tag, self._lazy(tag, vpos, stop - 8, little, implicit, ctx), ctx,
                            self.base + at, undefined_length=True)
                    return stop
            if vr == "UN":
                # PS3.5 6.2.2: UN of undefined length holds a sequence in implicit VR LE
                seq, nxt = self._items(tag, vpos, end, True, True, ctx, undefined=True)
            else:
                seq, nxt = self._items(tag, vpos, end, little, implicit, ctx, undefined=True)
            if keep:
                ds._elements[tag] = DataElement(tag, "SQ", seq, context=ctx,
                                                undefined_length=True,
                                                offset=self.base + at)
            return nxt
        # encapsulated pixel data (or another OB/OW of undefined length): items to a delimiter
        item = struct.Struct("<HHL" if little else ">HHL").unpack_from
        buf = self.buf
        pos = vpos
        while True:
            if end - pos < 8:
                self.problem("encapsulated value ends without a sequence delimiter", pos, tag)
                value_end, nxt = end, end
                break
            group, elem, length = item(buf, pos)
            t = (group << 16) | elem
            if t == _SEQ_DELIM:
                value_end, nxt = pos, pos + 8
                break
            if t != _ITEM:
                raise self.fail(f"expected an item tag in an encapsulated value, found "
                                f"({group:04X},{elem:04X})", pos, tag)
            if length > end - pos - 8:
                self.problem(f"fragment length {length} exceeds the {end - pos - 8} byte(s) "
                             "left; cut short", pos, tag)
                value_end, nxt = end, end
                break
            pos += 8 + length
        if keep:
            ds._elements[tag] = DataElement(tag, vr if vr in ("OB", "OW") else "OB",
                                            raw=buf[vpos:value_end], context=ctx,
                                            undefined_length=True,
                                            offset=self.base + at)
        return nxt

    def _new_item(self, ctx: EncodingContext) -> Dataset:
        return Dataset(context=ctx.child())

    def _items(self, tag: int, pos: int, end: int, little: bool, implicit: bool,
               ctx: EncodingContext, *, undefined: bool) -> tuple[Sequence, int]:
        """The items of a sequence: up to ``end`` (defined length) or to the sequence
        delimiter (undefined length, PS3.5 7.5.2); returns them and the position after."""
        seq = Sequence()
        if len(self.stack) >= _MAX_DEPTH:
            raise self.fail(f"sequences nested deeper than {_MAX_DEPTH}", pos, tag)
        index = 0
        while undefined or pos < end:
            if end - pos < 8:
                if undefined:
                    self.problem("sequence of undefined length ends without a delimiter", pos,
                                 tag)
                    return seq, end
                self.problem("trailing bytes in a sequence", pos, tag)
                break
            itag, length = _item_head(self.buf, pos, little)
            if itag == _SEQ_DELIM:
                if undefined:
                    return seq, pos + 8
                self.problem("sequence delimiter in a sequence of defined length", pos, tag)
                break
            if itag != _ITEM:
                expected = "an item (FFFE,E000) or a sequence delimiter" if undefined \
                    else "an item (FFFE,E000) in the sequence"
                raise self.fail(f"expected {expected}, found "
                                f"({itag >> 16:04X},{itag & 0xFFFF:04X})", pos, tag)
            item = self._new_item(ctx)
            self.stack.append((tag, index))
            try:
                pos = self._item_body(item, pos + 8, length, end, little, implicit)
            finally:
                self.stack.pop()
            seq.append(item)
            seq.item_undefined_length.append(length == _UNDEFINED)
            index += 1
        return seq, end

    def _item_body(self, item: Dataset, pos: int, length: int, end: int, little: bool,
                   implicit: bool) -> int:
        if length == _UNDEFINED:
            return self.parse(item, pos, end, little, implicit, item._context, in_item=True)
        if length > end - pos:
            self.problem(f"item length {length} exceeds the {end - pos} byte(s) left; cut "
                         "short", pos - 8)
            length = end - pos
        self.parse(item, pos, pos + length, little, implicit, item._context)
        return pos + length


def _public_sequence(tag: int) -> bool:
    """Whether the data dictionary makes the public element ``tag`` a sequence (its VR in
    implicit VR, PS3.5 7.1.3)."""
    return dictionary_vr(tag) == "SQ"


def _item_head(buf: Any, pos: int, little: bool) -> tuple[int, int]:
    group, elem, length = struct.unpack_from("<HHL" if little else ">HHL", buf, pos)
    return (group << 16) | elem, length


# -- loading -------------------------------------------------------------------------------

def _load(source: Any, stream_path: str = "") -> tuple[bytes | mmap.mmap, str, str]:
    """The bytes to parse, how to name the source, and its path ("" for streams).

    ``stream_path`` is :func:`_file_path_of` of a stream source, found by the caller.
    """
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        try:
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                # an absolute path (not Path.resolve(), whose symlink walk costs more than
                # reading a small file): deferred values reopen the file by it
                absolute = os.path.abspath(path)
                if size >= _MMAP_THRESHOLD:
                    return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ), path, absolute
                return fh.read(), path, absolute
        except OSError as exc:
            if exc.errno == errno.ENOMEM:  # no room to map (or read) it
                raise ReadLimitError(f"out of memory loading the file: {exc.strerror or exc}",
                                     source=path) from exc
            raise InvalidDicomError(f"cannot read: {exc.strerror or exc}", source=path) from exc
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), "<bytes>", ""
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        try:
            data = source.read()
        except OSError as exc:
            raise InvalidDicomError(f"cannot read the stream: {exc}", source=name) from exc
        if not isinstance(data, bytes | bytearray):
            raise InvalidDicomError("the stream gives text, not bytes: open it in binary mode "
                                    "('rb')", source=name)
        return bytes(data), name, stream_path
    raise TypeError(f"read() takes a path, bytes or a binary stream, not {type(source).__name__}")


def _file_path_of(stream: Any) -> str:
    """The absolute path of the regular file a stream reads from its start, else "".

    A file opened by the caller (``open(path, "rb")``) can then defer values like a path does:
    they are read again from the file by offset.  Only the operating system's file objects
    qualify (a gzip or socket stream also has a ``name`` or ``fileno``, but its bytes are not
    the file's), and only at offset 0 with a name that is the same file as the one open.
    """
    raw = getattr(stream, "raw", stream)
    name = getattr(stream, "name", None)
    if not isinstance(raw, io.FileIO) or not isinstance(name, str):
        return ""
    try:
        if not stream.seekable() or stream.tell() != 0:
            return ""
        opened, named = os.fstat(stream.fileno()), os.stat(name)
    except (OSError, ValueError):
        return ""
    if (opened.st_dev, opened.st_ino) != (named.st_dev, named.st_ino) or \
            not stat.S_ISREG(opened.st_mode):
        return ""
    return os.path.abspath(name)


def _guess_syntax(buf: Any, pos: int) -> str:
    """Implicit or explicit VR, little or big endian, from the first element of a bare data set."""
    if len(buf) - pos < 8:
        return IMPLICIT_VR_LITTLE_ENDIAN
    vrb = bytes(buf[pos + 4:pos + 6])
    group_le = struct.unpack_from("<H", buf, pos)[0]
    explicit = vrb in _VR_OF_BYTES
    if explicit:
        if group_le > 0x00FF and struct.unpack_from(">H", buf, pos)[0] <= 0x00FF:
            return "1.2.840.10008.1.2.2"
        return EXPLICIT_VR_LITTLE_ENDIAN
    return IMPLICIT_VR_LITTLE_ENDIAN


# -- is it DICOM at all? ---------------------------------------------------------------------

@functools.cache
def _known_groups() -> frozenset[int]:
    """The (even) groups the data dictionary defines elements in (PS3.6 6), repeating groups
    such as 50xx and 60xx expanded; not FFFE, whose tags are items and delimiters."""
    groups = {tag >> 16 for tag in dictionary.ELEMENTS}
    for mask, value, _entry in dictionary.REPEATERS:
        fixed = mask >> 16
        free = ~fixed & 0xFFFF
        sub = free
        while True:  # every value of the free bits (at most 256 for xx)
            groups.add(((value >> 16) & fixed) | sub)
            if not sub:
                break
            sub = (sub - 1) & free
    return frozenset(g for g in groups if not g & 1 and g != 0xFFFE)


def _header_at(buf: Any, pos: int, end: int, little: bool, implicit: bool, complete: bool,
               after: int) -> tuple[int, int] | None:
    """The tag of a plausible element header at ``pos`` in this encoding and where the element
    ends (-1: undefined length or not known), else None.

    A first element (``after`` -1) must be one the data dictionary knows (PS3.6 6), or the
    4-byte group length (PS3.5 7.2) of a group it knows; a later one must follow the one
    before in tag order (PS3.5 7.1).  An explicit VR must be one of PS3.5 6.2; an implicit VR
    length must fit the bytes there are (unless they are only the first part of the input), or
    be undefined for a sequence.
    """
    if end - pos < 8:
        return None
    group, elem = struct.unpack_from("<HH" if little else ">HH", buf, pos)
    tag = (group << 16) | elem
    if after < 0:
        if group not in _known_groups():
            return None
    elif tag <= after:
        return None
    if implicit:
        if not little:  # implicit VR is little endian only (PS3.5 A.1)
            return None
        (length,) = struct.unpack_from("<L", buf, pos + 4)
        if length == _UNDEFINED:
            nxt = -1
            if dictionary_vr(tag) != "SQ" and tag != _PIXEL_DATA:
                return None
        else:
            nxt = pos + 8 + length
            if nxt > end and complete:
                return None
    else:
        vrb = bytes(buf[pos + 4:pos + 6])
        if vrb not in _VR_OF_BYTES:
            return None
        if vrb not in _LONG_VR_BYTES:
            (length,) = struct.unpack_from("<H" if little else ">H", buf, pos + 6)
            nxt = pos + 8 + length
        elif end - pos < 12:  # the length is cut off
            length, nxt = -1, -1
        else:
            (length,) = struct.unpack_from("<L" if little else ">L", buf, pos + 8)
            nxt = -1 if length == _UNDEFINED else pos + 12 + length
    if after < 0 and not (length == 4 if elem == 0 else dictionary.lookup(tag) is not None):
        return None
    return tag, nxt


def _data_set_at(buf: Any, pos: int, complete: bool, *, confirm: bool) -> bool:
    """Whether a data set (PS3.5 7) plausibly begins at ``pos``, in explicit VR little or big
    endian or implicit VR little endian (see :func:`_header_at`).  ``confirm`` also wants the
    element after the first to be plausible in the same encoding (or the first to end the
    input)."""
    end = len(buf)
    for little, implicit in ((True, False), (False, False), (True, True)):
        first = _header_at(buf, pos, end, little, implicit, complete, -1)
        if first is None:
            continue
        if not confirm:
            return True
        tag, nxt = first
        if nxt == end or (0 <= nxt < end and _header_at(buf, nxt, end, little, implicit,
                                                        complete, tag) is not None):
            return True
    return False


def _meta_header_at(buf: Any, pos: int) -> bool:
    """A file meta element header (group 0002, explicit VR little endian, PS3.10 7.1)."""
    return len(buf) - pos >= 8 and struct.unpack_from("<H", buf, pos)[0] == 0x0002 \
        and bytes(buf[pos + 4:pos + 6]) in _VR_OF_BYTES


def _not_dicom_why(buf: Any) -> str:
    """Why ``buf`` is not DICOM, naming its first bytes."""
    size = len(buf)
    if not size:
        return "the input is empty (0 bytes)"
    head = bytes(buf[:8])
    text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in head)
    prefix = "no 'DICM' prefix at offset 128" if size >= 132 else \
        f"only {size} byte(s), too few for a preamble and 'DICM' prefix"
    return (f"{prefix}, and the first bytes {head.hex(' ')} ({text!r}) do not begin a data set "
            "(PS3.10 7.1, PS3.5 7)")


# -- deflated data sets ------------------------------------------------------------------------

def _inflate(buf: Any, pos: int, source: str, problem: Callable[[str, int], None], *,
             max_size: int, max_ratio: float, complete: bool = True) -> bytes:
    """The inflated data set of a Deflated Explicit VR Little Endian file (PS3.5 A.5).

    Inflated in pieces (``decompressobj`` with ``max_length``), so that no more than the limit
    (``max_ratio`` times the compressed size, at least :data:`INFLATION_FLOOR`, at most
    ``max_size``) plus one byte is ever inflated.  A stream that ends early (truncated) or
    turns corrupt is a ``problem`` (strict mode raises; lenient mode keeps what inflated); one
    that yields nothing raises.  ``complete`` false: ``buf`` is only the first part of the input
    (an early end is expected).
    """
    compressed = len(buf) - pos
    limit = min(max_size, max(INFLATION_FLOOR, int(compressed * max_ratio)))
    d = zlib.decompressobj(-zlib.MAX_WBITS)
    out = io.BytesIO()  # grows in place; getvalue() hands over its buffer without a copy
    total = fed = 0

    def add(piece: bytes) -> None:
        nonlocal total
        total += len(piece)
        if total > limit:
            raise ReadLimitError(
                f"the deflated data set of {compressed} bytes inflates beyond {limit} bytes "
                f"(the limits: {max_ratio:g} times the compressed size, at least "
                f"{INFLATION_FLOOR}, at most {max_size}); refused as a deflate bomb.  "
                "read(max_inflation_ratio=..., max_inflated_size=...) raises the limits",
                source=source, offset=pos)
        out.write(piece)

    saved, given = d.copy(), b""
    try:
        while fed < compressed and not d.eof:
            tail = bytes(buf[pos + fed:pos + fed + _INFLATE_IN])
            fed += len(tail)
            while True:
                # the state before each call: a call that fails gives back nothing it inflated
                saved, given = d.copy(), tail
                # never more than one byte past the limit: a bomb is refused before it grows
                room = min(_INFLATE_OUT, limit - total + 1)
                piece = d.decompress(tail, room)
                add(piece)
                tail = d.unconsumed_tail
                if d.eof or (not tail and len(piece) < room):
                    break
    except zlib.error as exc:
        _salvage(saved, given, add)
        if not total:
            raise InvalidDicomError(f"the deflated data set cannot be inflated: {exc}",
                                    source=source, offset=pos) from exc
        problem(f"the deflated data set is corrupt after {total} inflated bytes ({exc}); "
                "only those are read", pos + fed - len(given))
    except MemoryError:
        raise ReadLimitError(f"out of memory inflating the deflated data set ({total} bytes "
                             "inflated so far)", source=source, offset=pos) from None
    else:
        if not d.eof:
            if complete:
                problem(f"the deflated data set ends before the end of its deflate stream "
                        f"(truncated after {total} inflated bytes); only those are read",
                        len(buf))
        else:
            extra = len(d.unused_data) + compressed - fed
            rest = d.unused_data[:16] + bytes(buf[pos + fed:pos + fed + 16])
            if extra and not _harmless_trailer(rest[:16] if extra > 16 else rest, total):
                problem(f"{extra} byte(s) after the end of the deflated data set; ignored",
                        len(buf) - extra)
    return out.getvalue()


def _salvage(d: Any, data: bytes, add: Callable[[bytes], None]) -> None:
    """Inflate ``data`` from the state ``d`` (a copy from before a call that failed on it) up
    to its damage, handing each piece to ``add``: in small pieces, the failing one again byte
    by byte."""
    step = 256
    pos = 0
    while pos < len(data) and not d.eof:
        piece = data[pos:pos + step]
        trial = d.copy()
        try:
            got = trial.decompress(piece)  # at most about 1032 times 256 bytes
        except zlib.error:
            if step == 1:
                return
            step = 1
            continue
        add(got)
        d = trial
        pos += len(piece)


def _harmless_trailer(rest: bytes, total: int) -> bool:
    """Bytes after a deflate stream that are no damage: the one NUL that pads an odd stream
    (PS3.5 A.5), or the 8-byte trailer of gzip (CRC-32, then the size of the inflated bytes)
    that some writers add (pydicom's image_dfl.dcm has one); the size is checked, not the
    CRC, which would cost a pass over the inflated data."""
    if rest == b"\x00":
        return True
    return len(rest) in (8, 9) and rest[8:] in (b"", b"\x00") and \
        struct.unpack_from("<L", rest, 4)[0] == total & 0xFFFFFFFF


# -- the entry point -----------------------------------------------------------------------

def _name_of(source: Any) -> str:
    """How :func:`_load` names ``source`` in errors."""
    if isinstance(source, str | os.PathLike):
        return os.fsdecode(source)
    if isinstance(source, bytes | bytearray | memoryview):
        return "<bytes>"
    return str(getattr(source, "name", "<stream>"))


def read(source: str | os.PathLike[str] | IO[bytes] | bytes, *, stop_before_pixels: bool = False,
         specific_tags: Collection[object] | None = None, defer_size: int | str | None = None,
         strict: bool = False, force: bool = False, max_inflated_size: int | None = None,
         max_inflation_ratio: float | None = None, lazy_sequences: bool | int = True) -> Dataset:
    """Read a Part 10 file or a bare data set.

    Parameters
    ----------
    source
        A path, the bytes, or a binary stream (read to its end).
    stop_before_pixels
        Stop at Pixel Data (7FE0,0010) and the float/double pixel data elements.
    specific_tags
        Keep only these elements (tags, keywords); Specific Character Set is always kept.
    defer_size
        Values longer than this many bytes (or ``"512 KB"``, ``"1 MB"``) are not read until
        used, then read from the file: needs a path or a file opened by the caller at its
        start (other streams are read whole).
    strict
        Raise :class:`InvalidDicomError` at the first problem instead of recovering.
    force
        Read input that is not DICOM anyway (see Notes), as a data set starting at its first
        byte; the data set's warnings say so.  Without it such input raises
        :class:`~dicomkit.errors.NotDicomError`.
    max_inflated_size, max_inflation_ratio
        For a deflated data set (PS3.5 A.5): the most bytes it may inflate to, and the most
        times its compressed size once above :data:`INFLATION_FLOOR` (default
        :data:`MAX_INFLATED_SIZE`, 1 GiB, and :data:`MAX_INFLATION_RATIO`, 100).  Beyond them
        :class:`~dicomkit.errors.ReadLimitError` is raised; nothing beyond them is allocated.
    lazy_sequences
        Keep the items of each clean sequence (PS3.5 7.5) of undefined length or of a value of
        at least :data:`LAZY_SEQUENCE_BYTES` bytes encoded, and parse them on first access of
        the element's value (see Notes); a number instead of True is that least length (0:
        every sequence); False parses every sequence while reading.

    Returns
    -------
    Dataset
        With ``file_meta``, ``preamble``, ``warnings`` (recoveries, at most
        :data:`MAX_WARNINGS` and one counting the rest) and ``filename`` set.

    Raises
    ------
    NotDicomError
        The input is not DICOM and ``force`` is false.
    ReadLimitError
        A deflated data set inflates beyond the limits, or memory ran out (naming what was being
        read).
    InvalidDicomError
        The input cannot be read (or, with ``strict``, has a problem).

    Notes
    -----
    DICOM is a Part 10 file, 128 bytes of preamble and ``DICM`` (PS3.10 7.1); a file meta
    information group without them; or a bare data set (PS3.5 7): its first element of a group
    the data dictionary knows, with a valid explicit VR (little or big endian) or an implicit VR
    length that fits the input (a few stray bytes before it are tolerated, with a warning).  A
    damaged ``DICM`` prefix with file meta information after it is read as Part 10, with a
    warning.  Anything else, an empty input included, is not DICOM.

    A stream that is not a file of its own (a socket, a pipe, an HTTP body) is read to its end,
    except with ``stop_before_pixels``: it is then read in growing blocks only until the data
    set reaches the pixel data at its top level, so a peer that keeps the connection open after
    the header, or a large multi-frame body, is not read further (PS3.5 7.1; the stream is left
    just after the bytes taken).

    Lazy sequences give the same values, items, equality, encoding and errors as sequences
    parsed while reading; what changes is when the work is done.  While reading, each sequence
    of undefined length or of a value of at least :data:`LAZY_SEQUENCE_BYTES` is walked without
    building anything (:func:`~dicomkit.io.scan.clean_items_end`: item and element headers,
    lengths, delimiters, tag order, nesting depth); one that is damaged in any way the reader
    would report, or whose items declare their own Specific Character Set, is parsed at once,
    so its warnings (or, with ``strict``, its error) come from ``read`` as before; so are
    shorter ones (the walk would cost more than it saves).  A clean one is kept as its bytes,
    parsed when its value is first used, and written back by copying those bytes when the
    target transfer syntax encodes them the same way (byte order and VR encoding).  In
    implicit VR the bytes do not give the VR of a private element, which depends on its
    private creator (PS3.5 7.8.1): a private sequence nested in a lazy one is checked when the
    item holding it is parsed, and damage in it is reported then, with the same error class,
    source, file offset and tag path (``strict``), or appended to the read data set's
    ``warnings``.
    UN elements of undefined length (PS3.5 6.2.2) are always parsed while reading.
    """
    limits = _Limits(MAX_INFLATED_SIZE if max_inflated_size is None else max_inflated_size,
                     MAX_INFLATION_RATIO if max_inflation_ratio is None else max_inflation_ratio,
                     force)
    try:
        stream_path = _file_path_of(source) if hasattr(source, "read") else ""
        if stop_before_pixels and hasattr(source, "read") and not stream_path:
            return _read_stream_until_pixels(source, specific_tags=specific_tags,
                                             defer_size=defer_size, strict=strict, limits=limits,
                                             lazy=_lazy_min(lazy_sequences))
        buf, name, path = _load(source, stream_path)
        return _parse_buffer(buf, name, path, stop_before_pixels=stop_before_pixels,
                             specific_tags=specific_tags, defer_size=defer_size, strict=strict,
                             limits=limits, lazy=_lazy_min(lazy_sequences))[0]
    except MemoryError:
        # the parser and the inflater say where; this is what is left (loading the input)
        raise ReadLimitError("out of memory reading the input", source=_name_of(source)) \
            from None


class _Limits:
    """What one read allows: inflation limits, and reading what is not DICOM."""

    __slots__ = ("max_inflated_size", "max_inflation_ratio", "force")

    def __init__(self, max_inflated_size: int, max_inflation_ratio: float,
                 force: bool) -> None:
        self.max_inflated_size = max_inflated_size
        self.max_inflation_ratio = max_inflation_ratio
        self.force = force


_DEFAULT_LIMITS = _Limits(MAX_INFLATED_SIZE, MAX_INFLATION_RATIO, False)

#: First block read from a stream by :func:`_read_stream_until_pixels`; each next is twice as
#: large, up to the cap.
_STREAM_BLOCK = 64 * 1024
_STREAM_BLOCK_MAX = 16 * 1024 * 1024
#: (7FE0,0008), (7FE0,0009), (7FE0,0010) in either byte order: where a top-level stop may be
_PIXEL_TAG_BYTES = tuple(struct.pack(fmt, 0x7FE0, elem) for fmt in ("<HH", ">HH")
                         for elem in (0x0008, 0x0009, 0x0010))


def _read_stream_until_pixels(stream: Any, *, specific_tags: Collection[object] | None,
                              defer_size: int | str | None, strict: bool,
                              limits: _Limits = _DEFAULT_LIMITS, lazy: int = -1) -> Dataset:
    """``read(stream, stop_before_pixels=True)`` taking no more of the stream than it needs.

    Blocks are read until a pixel data tag appears in the bytes; the bytes so far are then
    parsed, and if the parse stopped at pixel data of the top-level data set the result is
    returned.  Otherwise (the tag bytes were inside a value, or the data set is deflated) the
    next block is read; at the end of the stream the whole is parsed as :func:`read` would.
    """
    name = str(getattr(stream, "name", "<stream>"))
    data = bytearray()
    block = _STREAM_BLOCK
    searched = 0
    read_some = getattr(stream, "read1", None)
    while True:
        try:
            # read1: what one read of the underlying stream gives (a BufferedReader's read(n)
            # would wait for n bytes, which a peer that stops sending never delivers)
            chunk = read_some(block) if read_some is not None else stream.read(block)
        except OSError as exc:
            raise InvalidDicomError(f"cannot read the stream: {exc}", source=name) from exc
        if chunk is None:  # a non-blocking raw stream with nothing yet: read() again blocks
            chunk = stream.read()
        if not isinstance(chunk, bytes | bytearray | memoryview):
            raise InvalidDicomError("the stream gives text, not bytes: open it in binary mode "
                                    "('rb')", source=name)
        if not chunk:
            break
        data += chunk
        # the tag can straddle two blocks: search from 3 bytes before the new block
        start, searched = max(0, searched - 3), len(data)
        if any(data.find(t, start) != -1 for t in _PIXEL_TAG_BYTES):
            try:
                ds, stopped = _parse_buffer(bytes(data), name, "", stop_before_pixels=True,
                                            specific_tags=specific_tags, defer_size=defer_size,
                                            strict=False, limits=limits, complete=False,
                                            lazy=lazy)
            except NotDicomError:  # too few bytes yet to tell (the end decides)
                stopped = False
            if stopped:
                if strict and ds.warnings:  # raise at the first problem, as read() does
                    _parse_buffer(bytes(data), name, "", stop_before_pixels=True,
                                  specific_tags=specific_tags, defer_size=defer_size, strict=True,
                                  limits=limits, complete=False, lazy=lazy)
                return ds
        block = min(block * 2, _STREAM_BLOCK_MAX)
    return _parse_buffer(bytes(data), name, "", stop_before_pixels=True,
                         specific_tags=specific_tags, defer_size=defer_size, strict=strict,
                         limits=limits, lazy=lazy)[0]


def _parse_buffer(buf: bytes | mmap.mmap, name: str, path: str, *, stop_before_pixels: bool,
                  specific_tags: Collection[object] | None, defer_size: int | str | None,
                  strict: bool, limits: _Limits = _DEFAULT_LIMITS,
                  complete: bool = True, lazy: int = -1) -> tuple[Dataset, bool]:
    """Parse a whole file or data set held in ``buf``; also say whether parsing stopped at pixel
    data of the top-level data set (``stop_before_pixels``).

    ``complete`` false: ``buf`` is the first part of a stream, whose end is not yet known.
    ``lazy``: the least value length of a lazy sequence of defined length, -1 for none.
    """
    warnings = _Warnings(MAX_WARNINGS)
    ds = Dataset()
    ds.filename = name if path else ""
    wanted = frozenset(as_tag_int(t) for t in specific_tags) if specific_tags is not None else None
    base_parser = Parser(buf, name, strict=strict, warnings=warnings)
    pos = 0
    if len(buf) >= 132 and buf[128:132] == b"DICM":
        ds.preamble = bytes(buf[:128])
        pos = 132
    elif buf[:4] == b"DICM":
        warnings.append(ReadWarning(0, "", "no preamble before 'DICM'"))
        pos = 4
    elif not _data_set_at(buf, 0, complete, confirm=False):
        if _meta_header_at(buf, 132):
            base_parser.problem(f"no 'DICM' prefix at offset 128 (found {bytes(buf[128:132])!r}) "
                                "but file meta information follows: read as a Part 10 file", 128)
            ds.preamble = bytes(buf[:128])
            pos = 132
        else:
            stray = next((k for k in range(1, _STRAY_BYTES + 1)
                          if _data_set_at(buf, k, complete, confirm=True)), 0)
            if stray:
                base_parser.problem(f"{stray} stray byte(s) before a data set that seems to "
                                    f"begin at offset {stray}; read from offset 0 as found", 0)
            elif limits.force:
                base_parser.problem(f"not DICOM: {_not_dicom_why(buf)}; read as a data set "
                                    "because force=True", 0)
            else:
                raise NotDicomError(_not_dicom_why(buf), source=name,
                                    advice="dicomkit.read(..., force=True) reads it anyway")
    meta = Dataset()
    if len(buf) - pos >= 8 and struct.unpack_from("<H", buf, pos)[0] == 0x0002:
        meta_ctx = EncodingContext(True)
        implicit_meta = bytes(buf[pos + 4:pos + 6]) not in _VR_OF_BYTES
        if implicit_meta:
            base_parser.problem("file meta information is not explicit VR", pos)
        pos = base_parser.parse(meta, pos, len(buf), True, implicit_meta, meta_ctx,
                                group2_only=True)
        ds.file_meta = meta
    elif ds.preamble is not None:
        base_parser.problem("no file meta information after 'DICM'", pos)
    ts_elem = meta.get(tags.TransferSyntaxUID)
    ts_uid = ""
    if ts_elem is not None and ts_elem.raw is not None:
        ts_uid = ts_elem.raw.decode("ascii", "replace").strip(" \x00")
    if not ts_uid:
        ts_uid = _guess_syntax(buf, pos)
        if ds.preamble is not None or ds.file_meta is not None:
            base_parser.problem(f"no Transfer Syntax UID in the file meta; the data set looks "
                                f"like {ts_uid}", pos)
    syntax = TRANSFER_SYNTAXES.get(ts_uid)
    if syntax is None:
        base_parser.problem(f"unknown transfer syntax {ts_uid!r}; read as explicit VR little "
                            "endian", pos)
        little, implicit, deflated = True, False, False
    else:
        little, implicit, deflated = syntax.little_endian, syntax.implicit_vr, syntax.deflated
    if implicit and len(buf) - pos >= 8 and bytes(buf[pos + 4:pos + 6]) in _VR_OF_BYTES \
            and syntax is not None and struct.unpack_from("<H", buf, pos)[0] < 0x7FE0:
        # a common defect: an explicit VR data set labelled implicit
        probe = _guess_syntax(buf, pos)
        if probe != IMPLICIT_VR_LITTLE_ENDIAN:
            base_parser.problem(f"the data set is encoded explicit VR although the file meta "
                                f"says {ts_uid}; read as explicit", pos)
            implicit = False
    elif not implicit and little and len(buf) - pos >= 8 and \
            bytes(buf[pos + 4:pos + 6]) not in _VR_OF_BYTES and syntax is not None \
            and not syntax.deflated:
        # the opposite defect: an implicit VR data set labelled explicit
        base_parser.problem(f"the data set is encoded implicit VR although the file meta "
                            f"says {ts_uid}; read as implicit", pos)
        implicit = True
    ds.read_transfer_syntax = ts_uid
    ds.data_offset = pos
    data: Any = buf
    base = 0
    dpath = path
    if deflated:
        data = _inflate(buf, pos, name, base_parser.problem, max_size=limits.max_inflated_size,
                        max_ratio=limits.max_inflation_ratio, complete=complete)
        base, pos, dpath = 0, 0, ""
    ctx = EncodingContext(little)
    object.__setattr__(ds, "_context", ctx)
    size = _size(defer_size)
    state = _ReadState(name, strict, dpath, size if dpath else None, warnings, max(lazy, 0))
    parser = Parser(data, name, strict=strict, path=dpath, base=base,
                    defer_size=size, specific_tags=wanted,
                    stop_before_pixels=stop_before_pixels, warnings=warnings, lazy=lazy >= 0,
                    state=state)
    stopped = False
    try:
        parser.parse(ds, pos, len(data), little, implicit, ctx, top=True)
    except _Stop:
        stopped = True
    except (struct.error, IndexError) as exc:  # pragma: no cover - guarded by length checks
        raise InvalidDicomError(f"malformed data: {exc}", source=name) from exc
    except RecursionError as exc:  # pragma: no cover - bounded by _MAX_DEPTH
        raise InvalidDicomError("sequences nested too deeply", source=name) from exc
    ds.warnings = warnings.result()
    state.warnings = ds.warnings  # where problems of lazy sequences parsed later go
    return ds, stopped


def _lazy_min(lazy_sequences: bool | int) -> int:
    """The least value length of a lazy sequence of defined length, -1: none are lazy."""
    if lazy_sequences is True:
        return LAZY_SEQUENCE_BYTES
    if lazy_sequences is False:
        return -1
    return max(0, int(lazy_sequences))


def _size(value: int | str | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    text = value.strip().upper()
    units = {"KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3, "B": 1}
    for unit, factor in units.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)].strip()) * factor)
    return int(text)


def read_bytes(data: bytes, **kwargs: Any) -> Dataset:
    """:func:`read` from bytes in memory."""
    return read(io.BytesIO(data), **kwargs)
