"""The element-header scanner: a data set's structure checked as its bytes arrive (PS3.5 7.1,
7.5), without decoding values.

:class:`DataSetScanner` is fed the bytes of a data set in pieces of any size (a network
receiver feeds PDV fragments) and walks the element headers only, skipping values: it checks
that every value length fits in the bytes, that sequences and items of undefined length are
delimited and those of defined length end where they say, and keeps the values of the
top-level elements it is asked to capture (e.g. the identifiers that name a stored file).
:meth:`DataSetScanner.finish` says whether the data set was whole.  Explicit and implicit VR,
both byte orders; a deflated data set (PS3.5 A.5) is inflated as it goes
(:class:`DeflatedScanner`).  Undefined-length UN content is implicit VR little endian
(PS3.5 6.2.2); encapsulated Pixel Data (PS3.5 A.4) is a sequence of fragment items.

:func:`clean_items_end` walks the items of one sequence held in memory, for the reader: it says
whether they are *clean*, i.e. whether the reader would parse them without recovering from
anything and a writer would encode them back to the same bytes; the reader then keeps them
encoded and parses them on first use (lazy sequences), and parses anything else at once.
"""

from __future__ import annotations

import mmap
import struct
import zlib
from collections.abc import Callable, Collection

from dicomkit.errors import DicomError
from dicomkit.generated.dictionary import tag_for_keyword
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import LONG_LENGTH_VRS, VRS

__all__ = ["DataSetScanner", "DeflatedScanner", "ScanError", "clean_items_end", "scanner_for"]


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary has these keywords
        raise KeyError(keyword)
    return tag


_ITEM = _tag("Item")
_ITEM_END = _tag("ItemDelimitationItem")
_SEQUENCE_END = _tag("SequenceDelimitationItem")
_PIXEL_DATA = _tag("PixelData")
_SPECIFIC_CHARACTER_SET = _tag("SpecificCharacterSet")
_ITEM_GROUP = _ITEM >> 16
_UNDEFINED = 0xFFFFFFFF
_LONG_VRS = frozenset(vr.encode("ascii") for vr in LONG_LENGTH_VRS)
_SQ, _UN = b"SQ", b"UN"
_VALID_VRS = frozenset(vr.encode("ascii") for vr in VRS)
# container kinds on the stack
_SEQ, _ITEM_KIND, _FRAGMENTS = 0, 1, 2


class ScanError(DicomError):
    """A data set whose structure is broken (PS3.5 7.1, 7.5): a length past the bytes, an
    unclosed sequence or item, a delimiter out of place.

    Attributes
    ----------
    offset
        Byte offset in the data set where the problem was found.
    tag
        The element or item tag concerned, or None.
    """

    def __init__(self, message: str, *, offset: int, tag: int | None = None) -> None:
        self.offset = offset
        self.tag = tag
        where = f" at offset {offset}" + (
            f", ({tag >> 16:04X},{tag & 0xFFFF:04X})" if tag is not None else "")
        super().__init__(f"{message}{where} (PS3.5 7.1, 7.5)")


class DataSetScanner:
    """Walk a data set's element headers as its bytes arrive (see the module).

    Parameters
    ----------
    implicit
        Implicit VR (PS3.5 7.1.3), else explicit (7.1.2).
    little_endian
        Byte order (PS3.5 7.3).
    capture
        Tags of top-level elements whose values to keep in :attr:`captured`.
    watch
        Tags of top-level elements whose presence to note in :attr:`present` (values not
        kept, e.g. Pixel Data).

    Attributes
    ----------
    captured
        tag -> (VR as written, or ``""`` in implicit VR; value bytes), for the captured tags.
    present
        The watched tags found.
    size
        Bytes fed so far.
    """

    def __init__(self, *, implicit: bool, little_endian: bool,
                 capture: Collection[int] = (), watch: Collection[int] = ()) -> None:
        self.implicit = implicit
        order = "<" if little_endian else ">"
        self._tag_length = struct.Struct(order + "HHI")
        self._explicit = struct.Struct(order + "HH2sH")
        self._long = struct.Struct(order + "I")
        self._capture = frozenset(capture)
        self.captured: dict[int, tuple[str, bytes]] = {}
        self._watch = frozenset(watch)
        self.present: set[int] = set()
        self.size = 0
        # (kind, absolute end or None for undefined length, implicit VR inside)
        self._stack: list[tuple[int, int | None, bool]] = []
        self._base = 0  # absolute offset of self._buf[0]
        self._buf = b""
        self._skip = 0
        self._capturing: tuple[int, str] | None = None
        self._value = bytearray()

    def feed(self, chunk: bytes) -> None:
        """Scan the next bytes of the data set.

        Raises
        ------
        ScanError
            At the first structural problem these bytes show.
        """
        n = len(chunk)
        self.size += n
        if not self._buf and self._skip >= n and self._capturing is None:
            self._skip -= n  # inside a long value (pixel data): nothing to look at
            self._base += n
            return
        data = self._buf + chunk if self._buf else chunk
        end = len(data)
        i = 0
        stack = self._stack
        base = self._base
        skip = self._skip
        tag_length = self._tag_length.unpack_from
        explicit_header = self._explicit.unpack_from
        long_length = self._long.unpack_from
        top_implicit = self.implicit
        capture = self._capture
        watch = self._watch
        try:
            while True:
                if skip:
                    take = skip if skip <= end - i else end - i
                    if self._capturing is not None:
                        self._value += data[i:i + take]
                    i += take
                    skip -= take
                    if skip:
                        break
                    if self._capturing is not None:
                        captured_tag, captured_vr = self._capturing
                        self.captured[captured_tag] = (captured_vr, bytes(self._value))
                        self._capturing = None
                        self._value.clear()
                pos = base + i
                while stack:
                    stop = stack[-1][1]
                    if stop is None or pos < stop:
                        break
                    if pos > stop:
                        raise ScanError("an element runs past the end of its sequence or item",
                                        offset=pos)
                    stack.pop()
                if end - i < 8:
                    break
                implicit = stack[-1][2] if stack else top_implicit
                if implicit:
                    group, element, length = tag_length(data, i)
                    vr = b""
                    header = 8
                else:
                    # one unpack for the common short header (tag, VR, 16-bit length)
                    group, element, vr, length = explicit_header(data, i)
                    header = 8
                    if group == _ITEM_GROUP:
                        length = long_length(data, i + 4)[0]
                    elif vr in _LONG_VRS:
                        if end - i < 12:
                            break
                        length = long_length(data, i + 8)[0]
                        header = 12
                tag = group << 16 | element
                if group == _ITEM_GROUP:
                    self._delimiter(tag, length, pos)
                    i += 8
                    if stack and stack[-1][0] == _FRAGMENTS and tag == _ITEM:
                        skip = length
                    continue
                start = pos + header
                i += header
                if not stack:
                    if tag in watch:
                        self.present.add(tag)
                    if tag in capture and length != _UNDEFINED and vr != _SQ:
                        self._capturing = (tag, vr.decode("ascii", "replace"))
                        if length == 0:
                            self.captured[tag] = (self._capturing[1], b"")
                            self._capturing = None
                if length == _UNDEFINED:
                    if tag == _PIXEL_DATA and vr != _SQ:
                        stack.append((_FRAGMENTS, None, implicit))
                    elif vr in (_SQ, b""):
                        stack.append((_SEQ, None, implicit))
                    elif vr == _UN:
                        stack.append((_SEQ, None, True))  # implicit VR LE inside (PS3.5 6.2.2)
                    else:
                        raise ScanError("undefined length on VR "
                                        f"{vr.decode('ascii', 'replace')}", offset=pos, tag=tag)
                    continue
                if vr == _SQ:
                    stack.append((_SEQ, start + length, implicit))
                    continue
                skip = length
        finally:
            self._skip = skip
        self._buf = data[i:] if i < end else b""
        self._base = base + i

    def _delimiter(self, tag: int, length: int, pos: int) -> None:
        stack = self._stack
        kind = stack[-1][0] if stack else None
        if tag == _ITEM:
            if kind == _FRAGMENTS:
                if length == _UNDEFINED:
                    raise ScanError("a pixel data fragment of undefined length", offset=pos,
                                    tag=tag)
                return
            if kind != _SEQ:
                raise ScanError("an item outside a sequence", offset=pos, tag=tag)
            stack.append((_ITEM_KIND, None if length == _UNDEFINED else pos + 8 + length,
                          stack[-1][2]))
        elif tag == _ITEM_END:
            if kind != _ITEM_KIND or stack[-1][1] is not None:
                raise ScanError("an item delimiter outside an item of undefined length",
                                offset=pos, tag=tag)
            stack.pop()
        elif tag == _SEQUENCE_END:
            if kind not in (_SEQ, _FRAGMENTS) or stack[-1][1] is not None:
                raise ScanError("a sequence delimiter outside a sequence of undefined length",
                                offset=pos, tag=tag)
            stack.pop()
        else:
            raise ScanError("an unknown item tag", offset=pos, tag=tag)

    def finish(self) -> None:
        """Check that the data set ended whole.

        Raises
        ------
        ScanError
            When the bytes ended inside an element (header or value), or a sequence or item
            was not closed.
        """
        end = self._base + len(self._buf)
        stack = self._stack
        while not self._buf and not self._skip and stack and stack[-1][1] == end:
            stack.pop()  # containers of defined length ending with the data set
        if self._buf:
            raise ScanError("the data set ends inside an element header", offset=end)
        if self._skip:
            raise ScanError(f"the data set ends {self._skip} bytes before the end of a value",
                            offset=end)
        if self._stack:
            raise ScanError("the data set ends inside a sequence or item", offset=end)


class DeflatedScanner(DataSetScanner):
    """A :class:`DataSetScanner` for a deflated data set (PS3.5 A.5): fed the compressed
    bytes, it scans them inflated (explicit VR little endian)."""

    def __init__(self, *, capture: Collection[int] = (), watch: Collection[int] = ()) -> None:
        super().__init__(implicit=False, little_endian=True, capture=capture, watch=watch)
        self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> None:
        """Inflate and scan."""
        try:
            data = self._inflate.decompress(chunk)
        except zlib.error as exc:
            raise ScanError(f"the deflated data set does not inflate: {exc}",
                            offset=self.size) from None
        if data:
            super().feed(data)

    def finish(self) -> None:
        """Check the stream and the data set ended whole."""
        try:
            rest = self._inflate.flush()
        except zlib.error as exc:  # pragma: no cover - flush reports earlier errors
            raise ScanError(f"the deflated data set does not inflate: {exc}",
                            offset=self.size) from None
        if rest:
            super().feed(rest)
        super().finish()


def scanner_for(transfer_syntax: str, capture: Collection[int] = (),
                watch: Collection[int] = ()) -> DataSetScanner:
    """The scanner for a data set in ``transfer_syntax`` (explicit VR little endian when the
    syntax is not known: the usual encoding of a private one)."""
    syntax = TRANSFER_SYNTAXES.get(transfer_syntax)
    if syntax is not None and syntax.deflated:
        return DeflatedScanner(capture=capture, watch=watch)
    if syntax is None:
        return DataSetScanner(implicit=False, little_endian=True, capture=capture, watch=watch)
    return DataSetScanner(implicit=bool(syntax.implicit_vr),
                          little_endian=bool(syntax.little_endian), capture=capture,
                          watch=watch)


# -- clean sequences (the reader's lazy sequences) --------------------------------------------

_HEAD = {True: struct.Struct("<HHL").unpack_from, False: struct.Struct(">HHL").unpack_from}
_HEAD_EXPLICIT = {True: struct.Struct("<HH2sH").unpack_from,
                  False: struct.Struct(">HH2sH").unpack_from}
_U32 = {True: struct.Struct("<L").unpack_from, False: struct.Struct(">L").unpack_from}


def clean_items_end(buf: bytes | mmap.mmap, pos: int, end: int, *, little_endian: bool,
                    implicit: bool, undefined: bool, level: int, max_depth: int,
                    is_sequence: Callable[[int], bool] | None = None) -> int:
    """Where the items of a sequence value starting at ``pos`` end, if they are clean; else -1.

    Clean (PS3.5 7.1, 7.5): every item is an Item (FFFE,E000) whose defined length fits, or of
    undefined length closed by an Item Delimitation Item; a sequence of undefined length
    (``undefined``) is closed by a Sequence Delimitation Item before ``end``, one of defined
    length ends at ``end`` exactly.  Inside the items every element header fits, tags
    ascend, value lengths are even and fit, explicit VRs are valid with zero reserved bytes
    (PS3.5 7.1.2), no item carries a Specific Character Set (PS3.5 7.5.3: it would change how
    the item's text decodes), undefined lengths belong to sequences only (explicit VR SQ, or
    any element but Pixel Data in implicit VR), and sequences nest less than ``max_depth``
    levels below ``level``.  Nested sequences of defined length are walked too: in explicit VR
    all, in implicit VR (where the VR is not in the bytes) those of public tags for which
    ``is_sequence`` (the data dictionary's VR, from the caller) is true; a private element of
    defined length is skipped there (its VR depends on its private creator: the reader checks
    it when it parses the item holding it).

    Returns
    -------
    int
        The position after the items (after the delimiter of an undefined length), or -1.
    """
    try:
        return _items_end(buf, pos, end, little_endian, implicit, undefined, level, max_depth,
                          is_sequence if implicit else None)
    except struct.error:  # pragma: no cover - every read is guarded by a length check
        return -1


def _items_end(buf: bytes | mmap.mmap, pos: int, end: int, little: bool, implicit: bool,
               undefined: bool, level: int, max_depth: int,
               is_sq: Callable[[int], bool] | None) -> int:
    if level >= max_depth:
        return -1
    head = _HEAD[little]
    while True:
        if not undefined and pos == end:
            return end
        if end - pos < 8:
            return -1
        group, elem, length = head(buf, pos)
        tag = group << 16 | elem
        if tag != _ITEM:
            return pos + 8 if undefined and tag == _SEQUENCE_END else -1
        pos += 8
        if length == _UNDEFINED:
            pos = _elements_end(buf, pos, end, little, implicit, True, level, max_depth, is_sq)
            if pos < 0:
                return -1
        else:
            stop = pos + length
            if stop > end or _elements_end(buf, pos, stop, little, implicit, False, level,
                                           max_depth, is_sq) != stop:
                return -1
            pos = stop


def _elements_end(buf: bytes | mmap.mmap, pos: int, end: int, little: bool, implicit: bool,
                  in_item: bool, level: int, max_depth: int,
                  is_sq: Callable[[int], bool] | None) -> int:
    """The end of the elements of one item (after its delimiter when ``in_item``), or -1."""
    head = _HEAD[little]
    head_explicit = _HEAD_EXPLICIT[little]
    u32 = _U32[little]
    valid, long_vrs = _VALID_VRS, _LONG_VRS
    last = -1
    vrb = b""
    while pos < end:
        if end - pos < 8:
            return -1
        if implicit:
            group, elem, length = head(buf, pos)
            hlen = 8
        else:
            group, elem, vrb, length = head_explicit(buf, pos)
            hlen = 8
            if group == _ITEM_GROUP:
                (length,) = u32(buf, pos + 4)
            elif vrb not in valid:
                return -1
            elif vrb in long_vrs:
                if length or end - pos < 12:  # reserved bytes not zero, or header cut short
                    return -1
                (length,) = u32(buf, pos + 8)
                hlen = 12
        tag = group << 16 | elem
        if group == _ITEM_GROUP:
            return pos + 8 if in_item and tag == _ITEM_END else -1
        if tag <= last or tag == _SPECIFIC_CHARACTER_SET:
            return -1
        last = tag
        vpos = pos + hlen
        if length == _UNDEFINED:
            if (vrb != _SQ if not implicit else tag == _PIXEL_DATA):
                return -1
            pos = _items_end(buf, vpos, end, little, implicit, True, level + 1, max_depth, is_sq)
            if pos < 0:
                return -1
            continue
        pos = vpos + length
        if pos > end or length & 1:
            return -1
        if (vrb == _SQ if not implicit else
                is_sq is not None and not group & 1 and is_sq(tag)) and \
                _items_end(buf, vpos, pos, little, implicit, False, level + 1, max_depth,
                           is_sq) != pos:
            return -1
    return -1 if in_item else pos
