"""Model of the PS3.6 data element registries (Tables 6-1, 7-1, 8-1, 9-1)."""

from __future__ import annotations

from dataclasses import dataclass

#: The mask of a tag without wildcards: every nibble is fixed.
EXACT_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class DataElement:
    """One row of a data element registry (PS3.6 6, 7, 8, 9).

    Attributes
    ----------
    tag
        The tag as an int, with the nibbles the standard writes as ``x`` set to zero
        (``(60xx,3000)`` -> ``0x60003000``).
    mask
        1-bits where the tag is fixed: ``0xFFFFFFFF`` for an exact tag, ``0xFF00FFFF`` for
        ``(60xx,3000)``.  A tag ``t`` is this element when ``t & mask == tag``.
    tag_text
        The tag as the standard writes it, hex digits upper case (``"(60xx,3000)"``).
    name, keyword
        Name and keyword; both empty for the retired placeholders of PS3.6 6 note 3.
    vr
        The VR column as written: ``"PN"``, ``"US or SS"``, ``"OB or OW"``; ``""`` when the
        standard gives none (items and delimiters, whose VR "does not exist" per PS3.6 6
        note 2, and the placeholders).
    vm
        The VM column: ``"1"``, ``"1-n"``, ``"2-2n"``, ``"1-n or 1"``; ``""`` when none.
    retired
        Retired: ``RET`` in the last column, an italic row, or a name ending "(Retired)".
    retired_since
        The edition year the newer editions write after ``RET`` (``"RET (2004)"``), else ``""``.
    usage
        ``"DICOS"`` or ``"DICONDE"`` when the last column says the element is defined for
        that standard only, else ``""``.
    note
        The text of the note the row refers to (``See Note n``), else ``""``.
    table
        The label of the table the row is from (``"6-1"``, ``"7-1"``, ...).
    """

    tag: int
    mask: int
    tag_text: str
    name: str
    keyword: str
    vr: str
    vm: str
    retired: bool
    retired_since: str
    usage: str
    note: str
    table: str

    @property
    def repeating(self) -> bool:
        """True for a tag with ``x`` wildcards (a repeating group or element)."""
        return self.mask != EXACT_MASK

    @property
    def vrs(self) -> tuple[str, ...]:
        """The VRs the element may have (``"US or SS"`` -> ``("US", "SS")``); empty if none."""
        return tuple(self.vr.split(" or ")) if self.vr else ()


@dataclass(frozen=True)
class RegistryTable:
    """A data element registry table read: label and caption (for the module header)."""

    label: str
    caption: str
