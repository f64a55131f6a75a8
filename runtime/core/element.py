"""Data elements (PS3.5 7.1): a tag, a VR and a value decoded only when it is first used.

A :class:`DataElement` read from a file keeps the value's encoded bytes (``raw``) and decodes
them on first access of :attr:`DataElement.value`, with the byte order and character set of the
data set it was read in (its :class:`EncodingContext`).  Until the value is changed, ``raw`` stays
available and is what a writer emits, so a file read and written unchanged is byte-identical.
Values larger than a reader's ``defer_size`` are not even read: a :class:`DeferredValue` reads them
from the file when they are first used.  A sequence (PS3.5 7.5) read from a file may likewise keep
its encoded items (a :class:`SequenceSource`, given by the reader) and parse them on first access
of its value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from dicomkit.core.sequence import Sequence

from dicomkit.core import dictionary
from dicomkit.core.config import ValidationMode, assignment_mode, check_mode
from dicomkit.core.rules import ValueProblem, enforce, value_problem
from dicomkit.errors import DicomError


class CharsetLike(Protocol):
    """What value decoding needs of a character set (implemented by ``dicomkit.core.charset``)."""

    def decode(self, raw: bytes, vr: str) -> str:
        """Decode the bytes of a value of VR ``vr``."""

    def encode(self, text: str, vr: str) -> bytes:
        """Encode a value of VR ``vr``."""


class EncodingContext:
    """How the values of one data set are encoded: byte order and character set.

    Shared by a data set and the elements read into it; a sequence item that carries its own
    Specific Character Set gets its own context (PS3.5 7.5.3).
    """

    __slots__ = ("little_endian", "charset", "charset_warnings")

    def __init__(self, little_endian: bool = True, charset: CharsetLike | None = None) -> None:
        self.little_endian = little_endian
        self.charset = charset
        self.charset_warnings: list[str] = []

    def child(self) -> EncodingContext:
        """A context for a nested item: same byte order and (until it declares its own) charset."""
        return EncodingContext(self.little_endian, self.charset)


@dataclass(frozen=True)
class DeferredValue:
    """Where a value not read yet lies: file, byte offset and length (``defer_size``)."""

    path: str
    offset: int
    length: int

    def load(self) -> bytes:
        """Read the value's bytes from the file.

        Raises
        ------
        DicomError
            When the file is gone, changed size, or cannot be read.
        """
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self.offset)
                data = fh.read(self.length)
        except OSError as exc:
            raise DicomError(f"{self.path}: cannot read the deferred value at offset "
                             f"{self.offset}: {exc}") from exc
        if len(data) != self.length:
            raise DicomError(f"{self.path}: the deferred value at offset {self.offset} should "
                             f"be {self.length} bytes, the file gives {len(data)}; was the file "
                             "changed after it was read?")
        return data


class SequenceSource(Protocol):
    """The encoded items of a sequence not parsed yet (implemented by the reader).

    Attributes
    ----------
    data
        The encoded value of the SQ element as read: its items (PS3.5 7.5).
    little_endian, implicit_vr
        The encoding of ``data`` (PS3.5 7.1, 7.3).
    """

    data: bytes
    little_endian: bool
    implicit_vr: bool

    def parse(self) -> Sequence:
        """The items, parsed as the reader would have parsed them when reading.

        Raises
        ------
        DicomError
            As the reader raises for damaged items (file, offset and tag path in the error).
        """


class _Unset:
    """The marker of a value not decoded yet: one object, kept by copy, deepcopy and pickle
    (a copied marker would read as a value)."""

    __slots__ = ()

    def __copy__(self) -> _Unset:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Unset:
        return self

    def __reduce__(self) -> str:
        return "_UNSET"

    def __repr__(self) -> str:
        return "<not decoded>"


_UNSET: Any = _Unset()


def known_vr_of_un(tag: int) -> str | None:
    """The VR in which the value of a UN element with ``tag`` is read, or None to keep bytes.

    A public tag whose data dictionary entry names one VR, other than SQ (a sequence of defined
    length sent as UN stays bytes) and UN: its value is decoded with that VR as implicit VR
    little endian (PS3.5 6.2.2), while the element keeps VR UN, so that a file read and
    written unchanged is written with the bytes and the VR it had.  Private tags, unknown tags
    and entries with several VRs (``US or SS``, ``OB or OW``) give None.
    """
    if (tag >> 16) & 1 or not tag & 0xFFFF:
        return None
    entry = dictionary.lookup(tag)
    if entry is None:
        return None
    vr = entry[0]
    if len(vr) != 2 or vr in ("SQ", "UN"):
        return None
    return vr


class DataElement:
    """One data element: ``tag``, ``vr`` and a lazily decoded ``value``.

    A UN element of a tag the data dictionary knows (one VR, not SQ) gives its value decoded
    with that VR (:func:`known_vr_of_un`, PS3.5 6.2.2); its ``vr`` stays UN and ``raw`` the
    bytes as read.

    Parameters
    ----------
    tag
        The tag as an int.
    vr
        The two-letter value representation.
    value
        The value, when the element is made by a program.
    raw
        The encoded value bytes, when the element was read.
    context
        The encoding of ``raw`` (byte order, character set).
    """

    __slots__ = ("tag", "vr", "_value", "_raw", "_context", "_deferred", "undefined_length",
                 "offset", "_items")

    def __init__(self, tag: int, vr: str, value: Any = _UNSET, *, raw: bytes | None = None,
                 context: EncodingContext | None = None, deferred: DeferredValue | None = None,
                 undefined_length: bool = False, offset: int = -1) -> None:
        self.tag = tag
        self.vr = vr
        self._value = value
        self._raw = raw
        self._context = context
        self._deferred = deferred
        self.undefined_length = undefined_length
        self.offset = offset
        self._items: SequenceSource | None = None

    @classmethod
    def read_from(cls, tag: int, vr: str, raw: bytes, context: EncodingContext,
                  offset: int) -> DataElement:
        """An element read from a file, holding its raw bytes (the reader's fast constructor).

        Equivalent to ``DataElement(tag, vr, raw=raw, context=context, offset=offset)``; it
        skips the keyword-argument handling of ``__init__``, which costs about half the time of
        making an element, and the reader makes one per element it reads.
        """
        el = cls.__new__(cls)
        el.tag = tag
        el.vr = vr
        el._value = _UNSET
        el._raw = raw
        el._context = context
        el._deferred = None
        el.undefined_length = False
        el.offset = offset
        el._items = None
        return el

    @classmethod
    def lazy_sequence(cls, tag: int, items: SequenceSource, context: EncodingContext,
                      offset: int, undefined_length: bool = False) -> DataElement:
        """An SQ element read from a file whose items are parsed on first access of
        :attr:`value` (by ``items.parse()``); until then :meth:`unparsed_items` gives them
        encoded.  Its ``raw`` is None, as for any sequence."""
        el = cls.__new__(cls)
        el.tag = tag
        el.vr = "SQ"
        el._value = _UNSET
        el._raw = None
        el._context = context
        el._deferred = None
        el.undefined_length = undefined_length
        el.offset = offset
        el._items = items
        return el

    def unparsed_items(self) -> SequenceSource | None:
        """The encoded items of a sequence read from a file and not accessed since (its value
        never parsed, never set), else None: a writer may copy them when it writes the
        encoding they are in."""
        return self._items

    @property
    def is_parsed(self) -> bool:
        """False while the value of a sequence read from a file has not been parsed."""
        return self._items is None

    # -- value --------------------------------------------------------------------------
    @property
    def value(self) -> Any:
        """The decoded value (decoded on first access)."""
        v = self._value
        if v is _UNSET:
            v = self._value = self._decode()
        return v

    @value.setter
    def value(self, value: Any) -> None:
        mode = assignment_mode()
        if mode != "ignore" and value is not None:
            self._check(value, mode)
        self._value = value
        self._raw = None
        self._deferred = None
        self._items = None

    def set_value(self, value: Any, *, validation_mode: ValidationMode | None = None) -> None:
        """Set the value, checked as ``validation_mode`` says (default: the assignment mode of
        :mod:`dicomkit.core.config`, ``"warn"`` unless changed).

        Raises
        ------
        ValueEncodingError
            In mode ``"raise"``, when ``value`` cannot be encoded in the element's VR (PS3.5
            6.2); the element keeps its old value.
        """
        mode = assignment_mode() if validation_mode is None else check_mode(validation_mode)
        if mode != "ignore" and value is not None:
            self._check(value, mode)
        self._value = value
        self._raw = None
        self._deferred = None
        self._items = None

    def _check(self, value: Any, mode: ValidationMode) -> None:
        if self.undefined_length:
            return  # encapsulated pixel data: the writer checks its items
        vr = self.vr
        if vr == "UN" and not isinstance(value, bytes | bytearray | memoryview):
            vr = known_vr_of_un(self.tag) or vr
        problem = value_problem(vr, value)
        if problem is not None:
            enforce(problem, self.tag, vr, value, mode)

    def value_problem(self) -> ValueProblem | None:
        """The first rule of PS3.5 6.2 (Table 6.2-1) that the value breaks, or None.

        A value read from a file is decoded first.  Sequences (their items are data sets, each
        checked on its own), encapsulated values and UN values that stay bytes give None.
        """
        if self.undefined_length or self.vr == "SQ":
            return None
        value = self.value
        vr = self.vr
        if vr == "UN":
            if value is None or isinstance(value, bytes | bytearray | memoryview):
                return None
            vr = known_vr_of_un(self.tag) or vr
        return value_problem(vr, value)

    def _decode(self) -> Any:
        from dicomkit.core.values import decode_value

        items = self._items
        if items is not None:
            seq = items.parse()
            self._items = None  # parsed: the items are the value, the bytes may go
            return seq
        raw = self.raw
        if raw is None:
            return None
        ctx = self._context
        little = ctx.little_endian if ctx is not None else True
        if self.undefined_length and self.vr != "SQ":
            from dicomkit.io.encapsulation import parse_fragments

            return parse_fragments(raw, little)
        charset = ctx.charset if ctx is not None else None
        if self.vr == "UN":
            known = known_vr_of_un(self.tag)
            if known is not None:
                # PS3.5 6.2.2: an application that knows the VR may read a UN value as
                # implicit VR little endian, whatever the transfer syntax
                try:
                    return decode_value(known, raw, True, charset)
                except (DicomError, ValueError, UnicodeError, TypeError):
                    return bytes(raw)  # not decodable as the dictionary says: keep the bytes
        try:
            return decode_value(self.vr, raw, little, charset)
        except DicomError:
            raise
        except (ValueError, UnicodeError, TypeError) as exc:  # pragma: no cover - defensive
            raise DicomError(f"{self.tag_str}: cannot decode {self.vr} value: {exc}") from exc

    @property
    def raw(self) -> bytes | None:
        """The encoded value bytes as read (None once the value was set by a program)."""
        if self._raw is None and self._deferred is not None:
            self._raw = self._deferred.load()
            self._deferred = None
        return self._raw

    def read_range(self, start: int, length: int) -> bytes:
        """``length`` bytes of the encoded value from ``start``: read from the file alone when
        the value is deferred (one frame of a large Pixel Data without loading the rest), else
        sliced from the bytes in memory.

        Raises
        ------
        DicomError
            When a deferred value's file cannot be read.
        """
        deferred = self._deferred
        if deferred is not None and self._raw is None:
            length = max(0, min(length, deferred.length - start))
            return DeferredValue(deferred.path, deferred.offset + start, length).load()
        data = self.raw
        if data is None:
            value = self.value
            data = bytes(value) if isinstance(value, bytes | bytearray | memoryview) else b""
        return bytes(data[start:start + length])

    @property
    def is_deferred(self) -> bool:
        """True while the value has not been read from its file."""
        return self._deferred is not None and self._raw is None

    @property
    def is_raw(self) -> bool:
        """True while the element still holds the bytes it was read as (unchanged)."""
        return self._raw is not None or self._deferred is not None

    @property
    def context(self) -> EncodingContext | None:
        """The encoding the raw bytes are in, for elements that were read."""
        return self._context

    @property
    def length(self) -> int:
        """Length of the encoded value as read, or -1 when not known (set by a program)."""
        if self._deferred is not None and self._raw is None:
            return self._deferred.length
        return len(self._raw) if self._raw is not None else -1

    # -- dictionary facts -----------------------------------------------------------------
    @property
    def keyword(self) -> str:
        """The keyword of the tag (PS3.6), ``""`` for private and unknown tags."""
        if (self.tag >> 16) & 1:
            return ""
        entry = dictionary.lookup(self.tag)
        return entry[3] if entry else ""

    @property
    def name(self) -> str:
        """The name of the tag (PS3.6); private creators and unknown tags are described."""
        if (self.tag >> 16) & 1:
            if 0x0010 <= (self.tag & 0xFFFF) <= 0x00FF:
                return "Private Creator"
            return "Private tag data"
        entry = dictionary.lookup(self.tag)
        return entry[2] if entry else "Unknown"

    @property
    def tag_str(self) -> str:
        """The tag written ``(gggg,eeee)``."""
        return f"({self.tag >> 16:04X},{self.tag & 0xFFFF:04X})"

    @property
    def VM(self) -> int:  # noqa: N802 - the standard's abbreviation, as pydicom spells it
        """The value multiplicity of the current value."""
        from dicomkit.core.values import value_multiplicity

        if self.vr == "SQ":
            return 1
        return value_multiplicity(self.value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DataElement):
            return NotImplemented
        return self.tag == other.tag and self.vr == other.vr and self.value == other.value

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self.vr == "SQ":
            shown = f"<Sequence of {len(self.value)} item(s)>"
        elif self.is_deferred:
            shown = f"<deferred, {self.length} bytes>"
        else:
            v = self.value
            if isinstance(v, bytes | bytearray) and len(v) > 32:
                shown = f"<{len(v)} bytes>"
            else:
                shown = repr(v)
                if len(shown) > 80:
                    shown = shown[:77] + "..."
        return f"{self.tag_str} {self.name:<34.34} {self.vr}: {shown}"


def has_program_values(elements: Iterable[DataElement], sequences: list[DataElement]) -> bool:
    """True when one of ``elements`` (SQ aside) has a value set by a program, not the bytes it
    was read as; the SQ elements met before that are appended to ``sequences`` (their items
    are for the caller to look into).  A writer's quick test, one attribute test per element."""
    for el in elements:
        if el.vr == "SQ":
            sequences.append(el)
        elif el._raw is None and el._deferred is None:
            return True
    return False


def path_of(path: str | Path) -> str:
    """A path as the string deferred values store."""
    return str(Path(path).resolve())
