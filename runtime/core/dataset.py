"""Data sets (PS3.5 7): a mutable mapping of tags to data elements, kept in tag order.

``ds.PatientName`` reads and writes values by keyword, ``ds[0x0010, 0x0010]``,
``ds["PatientName"]`` and ``ds[Tag(...)]`` give the :class:`DataElement`; iteration yields tags in
ascending order (PS3.5 7.1 requires that order in encoded data sets).  Private elements are
reached through their private creator (:meth:`Dataset.private_block`, PS3.5 7.8.1), which
reserves a block when one is created.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from dicomkit.core import dictionary
from dicomkit.core.config import ValidationMode, assignment_mode, check_mode
from dicomkit.core.dictionary import lookup as dictionary_lookup
from dicomkit.core.dictionary import private_creator_name, private_lookup
from dicomkit.core.element import DataElement, EncodingContext, known_vr_of_un
from dicomkit.core.rules import enforce, value_problem
from dicomkit.core.sequence import Sequence
from dicomkit.core.tag import Tag, TagError, as_tag_int
from dicomkit.core.values import split_multi_valued
from dicomkit.errors import DicomError
from dicomkit.generated import tags

_PIXEL_REPRESENTATION = tags.PixelRepresentation
_BITS_ALLOCATED = tags.BitsAllocated
_PIXEL_DATA = tags.PixelData
_SPECIFIC_CHARACTER_SET = tags.SpecificCharacterSet


@dataclass(frozen=True)
class ReadWarning:
    """A recovery a lenient reader made, recorded on the data set it read."""

    offset: int
    tag_path: str
    message: str

    def __str__(self) -> str:
        where = f"offset {self.offset}" if self.offset >= 0 else ""
        if self.tag_path:
            where = f"{where} {self.tag_path}".strip()
        return f"{where}: {self.message}" if where else self.message


def resolve_vr(tag: int, registry_vr: str, ds: Dataset | None = None) -> str:
    """One VR for a dictionary entry that allows several (PS3.5 Annex A, PS3.6 6 notes).

    ``US or SS`` follows Pixel Representation (0028,0103) (1: SS); ``OB or OW`` is OW for pixel
    data with Bits Allocated above 8 and for overlay/LUT data, OB otherwise; ``US or SS or OW``
    (LUT data) is OW; an empty or ``See Note`` VR (items, delimiters) is UN.
    """
    if len(registry_vr) == 2:
        return registry_vr
    if not registry_vr or "Note" in registry_vr:
        return "UN"
    choices = [c.strip() for c in registry_vr.split(" or ")]
    if "SS" in choices and "US" in choices and "OW" not in choices:
        rep = ds._elements.get(_PIXEL_REPRESENTATION) if ds is not None else None
        if rep is not None:
            try:
                return "SS" if rep.value == 1 else "US"
            except DicomError:
                pass
        return "US"
    if "OW" in choices and "OB" in choices:
        if tag == _PIXEL_DATA and ds is not None:
            bits = ds._elements.get(_BITS_ALLOCATED)
            try:
                return "OW" if bits is None or (bits.value or 16) > 8 else "OB"
            except DicomError:
                return "OW"
        return "OW" if tag != _PIXEL_DATA else "OB"
    if "OW" in choices:
        return "OW"
    return choices[0]


def dictionary_vr(tag: int, ds: Dataset | None = None) -> str:
    """The VR the data dictionary gives ``tag`` (resolved when ambiguous), UN when unknown.

    Private creators (gggg,0010-00FF) are LO (PS3.5 7.8.1); group lengths UL (PS3.5 7.2).  A
    private element (gggg,xxee) takes the VR the private dictionary gives it under the creator
    that reserved block ``xx``, i.e. the value of (gggg,00xx) in ``ds`` (PS3.5 7.8.1); the
    reader calls this with the data set being filled, which holds the creator already.  The
    dictionaries are those of :mod:`dicomkit.core.dictionary` (generated, and the user's).
    """
    if (tag >> 16) & 1:
        element = tag & 0xFFFF
        if element < 0x1000:
            return "LO" if element >= 0x0010 and element <= 0x00FF else "UN"
        creator = ds._elements.get((tag & 0xFFFF0000) | (element >> 8)) if ds is not None \
            else None
        if creator is None:
            return "UN"
        raw = creator.raw
        private = private_lookup(private_creator_name(raw if raw is not None
                                                      else creator.value), tag)
        return "UN" if private is None else resolve_vr(tag, private[0], ds)
    entry = dictionary_lookup(tag)
    if entry is None:
        return "UL" if tag & 0xFFFF == 0 else "UN"
    return resolve_vr(tag, entry[0], ds)


class Dataset(MutableMapping[Tag, DataElement]):
    """A DICOM data set.

    Attributes
    ----------
    file_meta
        The File Meta Information (group 0002) of a Part 10 file, as its own data set.
    preamble
        The 128-byte preamble of a Part 10 file, or None.
    warnings
        Recoveries made while reading (lenient mode), each with offset and tag path.
    filename
        The file read, or ``""``.
    """

    _elements: dict[int, DataElement]
    _sorted: bool
    _context: EncodingContext
    file_meta: Dataset | None
    preamble: bytes | None
    warnings: list[ReadWarning]
    filename: str
    read_transfer_syntax: str
    data_offset: int

    # instance attributes that are not data elements
    _INTERNAL = frozenset({"_elements", "_sorted", "_context", "file_meta", "preamble",
                           "warnings", "filename", "read_transfer_syntax", "data_offset",
                           "_parent"})

    def __init__(self, elements: dict[int, DataElement] | None = None, *,
                 context: EncodingContext | None = None) -> None:
        # one update of the instance dict, not one object.__setattr__ per attribute (data
        # sets are made by the thousand: one per sequence item, C-FIND match, index row)
        self.__dict__.update({
            "_elements": elements if elements is not None else {},
            "_sorted": False,
            "_context": context or EncodingContext(),
            "file_meta": None,
            "preamble": None,
            "warnings": [],
            "filename": "",
            "read_transfer_syntax": "",
            # where the data set's encoding starts in the file read (after the file meta), or -1
            "data_offset": -1,
        })

    # -- mapping protocol -----------------------------------------------------------------
    def __getitem__(self, key: object) -> DataElement:
        tag = key if type(key) is int else _key(key)
        try:
            return self._elements[tag]
        except KeyError:
            raise KeyError(Tag(tag)) from None

    def __setitem__(self, key: object, value: Any) -> None:
        """Set an element (a :class:`DataElement` for ``tag``) or the value of one.

        A value is checked against the rules of its VR (PS3.5 6.2) as the assignment mode of
        :mod:`dicomkit.core.config` says: warned about (default), refused with
        :class:`~dicomkit.core.values.ValueEncodingError` (``"raise"``, the data set is left
        unchanged) or not checked (``"ignore"``).  A :class:`DataElement` that holds bytes as
        read is not checked.
        """
        tag = key if type(key) is int else _key(key)
        assert isinstance(tag, int)
        if isinstance(value, DataElement):
            if value.tag != tag:
                raise DicomError(f"element {value.tag_str} cannot be stored under {Tag(tag)}")
            elem = value
            if not elem.is_raw:
                mode = assignment_mode()
                if mode != "ignore":
                    problem = elem.value_problem()
                    if problem is not None:
                        enforce(problem, tag, elem.vr, elem.value, mode)
        else:
            existing = self._elements.get(tag)
            if existing is not None:
                vr = existing.vr
                if vr == "UN":  # a UN of a known tag takes values of its dictionary VR
                    vr = known_vr_of_un(tag) or vr
                value = split_multi_valued(vr, value)
                if tag == _SPECIFIC_CHARACTER_SET:
                    _check_assigned(tag, vr, value, assignment_mode())  # before text changes
                    self._charset_changing(value)
                    existing.set_value(value, validation_mode="ignore")
                    return
                existing.value = value
                return
            vr = dictionary_vr(tag, self)
            value = split_multi_valued(vr, value)
            _check_assigned(tag, vr, value, assignment_mode())
            elem = DataElement(tag, vr, value)
        self._put(elem)

    def _put(self, elem: DataElement) -> None:
        elements = self._elements
        if elem.tag not in elements:
            object.__setattr__(self, "_sorted", False)
        if elem.tag == _SPECIFIC_CHARACTER_SET and not elem.is_raw:
            self._charset_changing(elem.value)
            self._context.charset = None  # re-resolved by the writer from the new value
        elements[elem.tag] = elem

    def _charset_changing(self, new_value: Any) -> None:
        """Decode the text still held as read bytes before Specific Character Set changes.

        Elements read from a file keep their bytes, which the writer copies as they are; once
        (0008,0005) says another character set those bytes would be mislabelled (PS3.5 6.1.2.3).
        So every raw SH LO ST LT UC UT PN value of this data set, and of the sequence items that
        inherit its character set (PS3.5 7.5.3), is decoded now, in the old character set, and
        will be encoded in the new one.  Nothing happens when the value does not change.
        """
        old = self._elements.get(_SPECIFIC_CHARACTER_SET)
        if old is None and not new_value:
            return
        if old is not None and old.value == new_value:
            return
        _decode_text(self)

    def __delitem__(self, key: object) -> None:
        tag = key if type(key) is int else _key(key)
        if tag == _SPECIFIC_CHARACTER_SET:
            self._charset_changing(None)
        try:
            del self._elements[tag]
        except KeyError:
            raise KeyError(Tag(tag)) from None

    def __iter__(self) -> Iterator[Tag]:
        return map(Tag, self._ordered())

    def __len__(self) -> int:
        return len(self._elements)

    def __contains__(self, key: object) -> bool:
        try:
            tag = key if type(key) is int else _key(key)
        except (TagError, KeyError):
            return False
        return tag in self._elements

    def _ordered(self) -> list[int]:
        elements = self._elements
        if not self._sorted:
            ordered = dict(sorted(elements.items()))
            elements.clear()
            elements.update(ordered)
            object.__setattr__(self, "_sorted", True)
        return list(elements)

    def elements(self) -> Iterator[DataElement]:
        """The data elements, in tag order."""
        self._ordered()
        return iter(list(self._elements.values()))

    def get(self, key: object, default: Any = None) -> Any:
        """The element for ``key`` (tag, keyword, ...), or ``default``."""
        if type(key) is int:  # the common case: no Tag made, no KeyError raised on a miss
            return self._elements.get(key, default)
        try:
            return self[key]
        except (KeyError, TagError):
            return default

    def element(self, tag: int) -> DataElement | None:
        """The element of tag ``tag`` (a plain int, ``0x00100010``), or None when absent.

        The fast lookup for code that holds tags as ints (generated tables, PS3.6): no
        :class:`Tag` is made and no keyword or tuple is accepted (use :meth:`get` for those).
        """
        return self._elements.get(tag)

    def by_tag(self) -> Mapping[int, DataElement]:
        """A read-only view of the elements by int tag (not in tag order: :meth:`elements`
        for that), for code that tests many tags at once (``view.keys().isdisjoint(...)``)
        or looks many up; it follows later changes of the data set."""
        return MappingProxyType(self._elements)

    # -- keyword attributes -----------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        if name[:1].isupper():
            tag = dictionary.tag_for_keyword(name)
            if tag is not None:
                elem = self._elements.get(tag)
                if elem is not None:
                    return elem.value
                raise AttributeError(f"the data set has no {name} {Tag(tag)}")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        if name in Dataset._INTERNAL:
            object.__setattr__(self, name, value)
            return
        tag = dictionary.tag_for_keyword(name) if name[:1].isupper() else None
        if tag is None:
            if name[:1].isupper():
                raise AttributeError(f"{name!r} is not a keyword of the data dictionary")
            object.__setattr__(self, name, value)
            return
        self[tag] = value

    def __delattr__(self, name: str) -> None:
        tag = dictionary.tag_for_keyword(name) if name[:1].isupper() else None
        if tag is not None:
            if tag in self._elements:
                del self[tag]
                return
            raise AttributeError(f"the data set has no {name}")
        object.__delattr__(self, name)

    def __dir__(self) -> list[str]:
        names = [e.keyword for e in self._elements.values() if e.keyword]
        return sorted(set(super().__dir__()) | set(names))

    # -- building -------------------------------------------------------------------------
    @classmethod
    def new(cls, sop_class: str, *, uid_prefix: str | None = None) -> Dataset:
        """A new data set of a SOP class: SOP Class UID, a new SOP Instance UID, file meta.

        Parameters
        ----------
        sop_class
            The SOP Class UID or its keyword from the UID registry (``"CTImageStorage"``).
        uid_prefix
            Organization root for the new SOP Instance UID (default: ``2.25.`` from a UUID).

        Raises
        ------
        DicomError
            When ``sop_class`` is not a SOP Class of the registry (PS3.6 Table A-1).
        """
        from dicomkit.core.uid import generate_uid
        from dicomkit.generated import uids

        uid = sop_class
        if uid not in uids.UIDS:
            uid = next((u for u, e in uids.UIDS.items() if e[1] == sop_class), "")
        entry = uids.UIDS.get(uid)
        if entry is None or "SOP Class" not in entry[2]:
            raise DicomError(f"{sop_class!r} is not a SOP Class UID or keyword of the UID "
                             "registry (PS3.6 Table A-1)")
        ds = cls()
        ds.SOPClassUID = uid
        ds.SOPInstanceUID = generate_uid(uid_prefix)
        meta = cls()
        meta.add_new(tags.FileMetaInformationVersion, "OB", b"\x00\x01")
        meta.add_new(tags.MediaStorageSOPClassUID, "UI", uid)
        meta.add_new(tags.MediaStorageSOPInstanceUID, "UI", ds.SOPInstanceUID)
        ds.file_meta = meta
        return ds

    def add_new(self, tag: object, vr: str, value: Any, *,
                validation_mode: ValidationMode | None = None) -> DataElement:
        """Add (or replace) an element with an explicit VR.

        Parameters
        ----------
        validation_mode
            How to treat a value that cannot be encoded in ``vr`` (PS3.5 6.2): ``"raise"``,
            ``"warn"`` or ``"ignore"``; default: the assignment mode of
            :mod:`dicomkit.core.config`.

        Raises
        ------
        ValueEncodingError
            In mode ``"raise"`` for such a value; nothing is added.
        """
        t = _key(tag)
        if vr == "SQ":
            if not value or (isinstance(value, list | tuple)
                             and not isinstance(value, Sequence)):
                value = Sequence(value or [])  # anything else is refused or warned about
        else:
            value = split_multi_valued(vr, value)
        _check_assigned(t, vr, value, assignment_mode() if validation_mode is None
                        else check_mode(validation_mode))
        elem = DataElement(t, vr, value)
        self._put(elem)
        return elem

    def put_element(self, elem: DataElement) -> None:
        """Add (or replace) ``elem`` under its tag as it is, its value not checked.

        For elements whose values were checked already or come as they were read: a copy of
        an element of another data set, a value the archive index returned.  Specific
        Character Set is handled as on assignment (the text still held as read bytes is
        decoded first, PS3.5 6.1.2.3).  ``ds[tag] = elem`` checks the value of an element
        made by a program against its VR (PS3.5 6.2); this does not, which makes it the
        cheaper way to build many data sets of known-good values (a C-FIND response
        identifier, PS3.4 C.4.1.1.3.2).
        """
        self._put(elem)

    def private_block(self, group: int, creator: str, *, create: bool = False) -> PrivateBlock:
        """The block of private group ``group`` reserved by ``creator`` (PS3.5 7.8.1).

        Parameters
        ----------
        create
            Reserve the first free block (gggg,0010-00FF) when ``creator`` has none.

        Raises
        ------
        KeyError
            When the creator has no block and ``create`` is false.
        DicomError
            When ``group`` is not a private (odd) group, or all 240 blocks are taken.
        """
        if not group & 1 or group <= 0x0007 or group == 0xFFFF:
            raise DicomError(f"group {group:04X} is not a private group (odd, above 0007)")
        free = None
        for element in range(0x0010, 0x0100):
            elem = self._elements.get((group << 16) | element)
            if elem is None:
                if free is None:
                    free = element
                continue
            value = elem.value
            if isinstance(value, str) and value.strip() == creator.strip():
                return PrivateBlock(self, group, element, creator)
        if not create:
            raise KeyError(f"no private block of {creator!r} in group {group:04X}")
        if free is None:
            raise DicomError(f"group {group:04X} has no free private block for {creator!r}")
        _check_assigned((group << 16) | free, "LO", creator, assignment_mode())
        self._put(DataElement((group << 16) | free, "LO", creator))
        return PrivateBlock(self, group, free, creator)

    def copy(self) -> Dataset:
        """A shallow copy: same element objects, new mapping."""
        new = Dataset(dict(self._elements), context=self._context)
        new.file_meta = self.file_meta
        new.preamble = self.preamble
        return new

    # -- reading facts ----------------------------------------------------------------------
    @property
    def context(self) -> EncodingContext:
        """The encoding context of elements read into this data set."""
        ctx: EncodingContext = self._context
        return ctx

    @property
    def pixel_array(self) -> Any:
        """The pixels as a numpy array (every frame), YBR images as RGB, palette images as
        their indices (as pydicom 3): :func:`dicomkit.pixels.array.pixel_array`, which also
        takes ``frame=`` and ``as_rgb=False`` (the stored values)."""
        from dicomkit.pixels.array import pixel_array

        return pixel_array(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        if set(self._elements) != set(other._elements):
            return False
        return all(self._elements[t] == other._elements[t] for t in self._elements)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "\n".join(repr(e) for e in self.elements())


def _check_assigned(tag: int, vr: str, value: Any, mode: ValidationMode) -> None:
    """Warn about or refuse (by ``mode``) a value that cannot be encoded in ``vr`` (PS3.5
    6.2); a UN of a known tag is checked with its dictionary VR (PS3.5 6.2.2)."""
    if mode == "ignore" or value is None:
        return
    if vr == "UN" and not isinstance(value, bytes | bytearray | memoryview):
        vr = known_vr_of_un(tag) or vr
    problem = value_problem(vr, value)
    if problem is not None:
        enforce(problem, tag, vr, value, mode)


def _decode_text(ds: Dataset) -> None:
    """Decode (and drop the read bytes of) every character-set text value of ``ds``, and of
    its sequence items that have no Specific Character Set of their own."""
    from dicomkit.core.values import CHARSET_VRS

    for elem in ds._elements.values():
        if elem.vr == "SQ":
            for item in elem.value or ():
                if isinstance(item, Dataset) and _SPECIFIC_CHARACTER_SET not in item._elements:
                    _decode_text(item)
        elif elem.vr in CHARSET_VRS and elem.is_raw:
            # decoded with the old character set; the raw bytes go (a read value: not checked)
            elem.set_value(elem.value, validation_mode="ignore")


class PrivateBlock:
    """The private elements (gggg,xx00-xxFF) reserved by one private creator."""

    def __init__(self, ds: Dataset, group: int, block: int, creator: str) -> None:
        self.dataset = ds
        self.group = group
        self.block = block
        self.creator = creator

    def tag(self, offset: int) -> int:
        """The full tag of element ``offset`` (0x00-0xFF) of this block."""
        if not 0 <= offset <= 0xFF:
            raise DicomError(f"private element offset must be 00-FF, got {offset:#x}")
        return (self.group << 16) | (self.block << 8) | offset

    def __getitem__(self, offset: int) -> DataElement:
        return self.dataset[self.tag(offset)]

    def __contains__(self, offset: int) -> bool:
        return self.tag(offset) in self.dataset

    def add_new(self, offset: int, vr: str, value: Any, *,
                validation_mode: ValidationMode | None = None) -> DataElement:
        """Add an element to this block, checked as :meth:`Dataset.add_new` checks it."""
        return self.dataset.add_new(self.tag(offset), vr, value,
                                    validation_mode=validation_mode)


def _key(key: object) -> int:
    if isinstance(key, int):
        return int(key)
    try:
        return as_tag_int(key)
    except TagError as exc:
        raise KeyError(str(exc)) from None
