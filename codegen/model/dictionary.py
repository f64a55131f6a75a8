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
        The label of the table the row is from (``"6-1"``, ``"7-1"``, ...); for an element
        of a second rank registry, the table it stands in for (``"6-1"``).
    source
        ``""`` for an element of NEMA's own tables; else the key of the second rank registry
        it comes from (``"dcmtk-dicom"``, ``standard/sources.json``).
    name_derived
        True when the registry gives no name and :attr:`name` was derived from the keyword
        (:func:`dicomkit.codegen.readers.dcmtk_dic.name_from_keyword`).
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
    source: str = ""
    name_derived: bool = False

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


@dataclass(frozen=True)
class PrivateElement:
    """One private data element of a vendor's dictionary, under its private creator (PS3.5 7.8.1).

    Attributes
    ----------
    creator
        The private creator as the dictionary writes it (compared exactly).
    group, group_mask
        The private group: ``group_mask`` is ``0xFFFF`` for one group, ``0xFF00`` for a range
        like ``(6001-o-60FF)`` (odd groups 6001 to 60FF), with ``group`` its lowest group with
        the masked digits zero (``0x6000``).  A group ``g`` is this element's when
        ``g & group_mask == group``; private groups are odd, so only odd ones match.
    element
        The offset within the creator's block (``0x00``-``0xFF``: element ``xxee`` of whichever
        block ``xx`` the creator reserved), or, for an element the dictionary ties to one block,
        the full element number (``0x1000``-``0xFFFF``).
    vr, vm
        As the standard writes them (``"OB or OW"`` for dcmtk's ``ox``).
    name
        A name derived from :attr:`keyword` (``name_from_keyword``).
    keyword
        The dictionary's name field with its white space removed: what dcmtk's ``dcmdump``
        prints; not always an identifier (``X-RayTubeIdentificationLabel``).
    line
        The line of the dictionary file the entry is on (later lines override earlier ones).
    """

    creator: str
    group: int
    group_mask: int
    element: int
    vr: str
    vm: str
    name: str
    keyword: str
    line: int

    @property
    def repeating(self) -> bool:
        """True for an element of a range of groups."""
        return self.group_mask != 0xFFFF
