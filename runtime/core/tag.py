"""Data element tags (PS3.5 7.1): a group and an element number packed in one int.

:class:`Tag` is an ``int`` (``0x00100010``) so that it sorts, hashes and compares like the
integer keys datasets use internally; it prints as ``(0010,0010)`` and converts from the forms
users write: ints, ``(group, element)`` pairs, keywords and ``"(0010,0010)"``/``"00100010"``
strings.  Keywords come from the generated data dictionary (PS3.6).
"""

from __future__ import annotations

import re
from typing import SupportsIndex, TypeAlias

from dicomkit.core import dictionary
from dicomkit.errors import DicomError

_HEX = re.compile(r"^\(?\s*([0-9A-Fa-f]{4})\s*,?\s*([0-9A-Fa-f]{4})\s*\)?$")

#: What users may pass wherever a tag is expected.
TagLike: TypeAlias = "int | tuple[int, int] | str | Tag"


class TagError(DicomError, ValueError):
    """A value that cannot be turned into a tag (unknown keyword, malformed string, range)."""


class Tag(int):
    """A data element tag: ``Tag(0x00100010)``, ``Tag(0x0010, 0x0010)``, ``Tag("PatientName")``.

    Examples
    --------
    >>> Tag("PatientName")
    (0010,0010)
    >>> Tag(0x0010, 0x0010).keyword
    'PatientName'
    """

    __slots__ = ()

    def __new__(cls, value: TagLike | SupportsIndex, element: int | None = None) -> Tag:
        if element is not None:
            if not isinstance(value, int):
                raise TagError(f"Tag(group, element) needs two ints, got {value!r}, {element!r}")
            return super().__new__(cls, _pack(value, element))
        return super().__new__(cls, as_tag_int(value))

    @property
    def group(self) -> int:
        """The group number (high 16 bits)."""
        return self >> 16

    @property
    def element(self) -> int:
        """The element number (low 16 bits)."""
        return self & 0xFFFF

    @property
    def is_private(self) -> bool:
        """True for odd groups (PS3.5 7.8)."""
        return bool((self >> 16) & 1)

    @property
    def is_private_creator(self) -> bool:
        """True for (gggg,0010)-(gggg,00FF) in odd groups: private creator elements (PS3.5 7.8.1)."""
        return self.is_private and 0x0010 <= (self & 0xFFFF) <= 0x00FF

    @property
    def keyword(self) -> str:
        """The keyword from the data dictionary, or ``""`` for unknown and private tags."""
        entry = dictionary.lookup(self) if not self.is_private else None
        return entry[3] if entry else ""

    @property
    def name(self) -> str:
        """The name from the data dictionary, or ``""``."""
        entry = dictionary.lookup(self) if not self.is_private else None
        return entry[2] if entry else ""

    def __repr__(self) -> str:
        return f"({self >> 16:04X},{self & 0xFFFF:04X})"

    __str__ = __repr__


def _pack(group: int, element: int) -> int:
    if not (0 <= group <= 0xFFFF and 0 <= element <= 0xFFFF):
        raise TagError(f"group and element must be 0..FFFF, got {group:#x}, {element:#x}")
    return (group << 16) | element


def as_tag_int(value: object) -> int:
    """The tag number of any tag-like value.

    Raises
    ------
    TagError
        For unknown keywords, malformed strings and numbers outside 0..0xFFFFFFFF.
    """
    if isinstance(value, int):
        if not 0 <= value <= 0xFFFFFFFF:
            raise TagError(f"tag {value:#x} is outside 0..0xFFFFFFFF")
        return int(value)
    if isinstance(value, tuple) and len(value) == 2:
        g, e = value
        if isinstance(g, int) and isinstance(e, int):
            return _pack(g, e)
    if isinstance(value, str):
        found = dictionary.tag_for_keyword(value)
        if found is not None:
            return found
        m = _HEX.match(value)
        if m:
            return _pack(int(m.group(1), 16), int(m.group(2), 16))
        raise TagError(f"{value!r} is neither a keyword of the data dictionary nor a tag "
                       "written as (gggg,eeee)")
    raise TagError(f"cannot make a tag of {value!r}")
