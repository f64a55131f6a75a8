"""Model of PS3.5: value representations and transfer syntaxes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vr:
    """One value representation (PS3.5 6.2, Table 6.2-1; length field from PS3.5 7.1.2).

    Attributes
    ----------
    code
        The two-letter VR (``"AE"``).
    name
        Its name (``"Application Entity"``).
    kind
        ``"string"`` (character repertoire applies, multi-valued with backslash),
        ``"text"`` (character string never multi-valued: LT, ST, UT, UR), ``"binary"``,
        ``"sequence"`` (SQ) or ``"unknown"`` (UN).
    max_length
        Maximum (or fixed) value length, None when bounded only by the length field.
    length_unit
        ``"bytes"`` or ``"chars"`` (characters, not bytes), ``""`` when unbounded.
    fixed
        True when ``max_length`` is the exact length of one value.
    padding
        Byte used to reach even length: ``" "`` or ``"\\x00"``; ``""`` when values are always even.
    length_field
        16 or 32: the size of the value length field in explicit VR transfer syntaxes.
    repertoire
        The Character Repertoire column, as text.
    length_text
        The Length of Value column, as text.
    definition
        The Definition column, as text.
    """

    code: str
    name: str
    kind: str
    max_length: int | None
    length_unit: str
    fixed: bool
    padding: str
    length_field: int
    repertoire: str
    length_text: str
    definition: str


@dataclass(frozen=True)
class TransferSyntax:
    """One transfer syntax with the encoding properties PS3.5 Annex A gives it.

    Attributes
    ----------
    uid, name, keyword
        The UID and, where the registry (PS3.6 Table A-1) is on hand, its name and keyword.
    implicit_vr, little_endian
        How the data set is encoded (PS3.5 A.1-A.3).
    encapsulated
        Pixel data in fragments (PS3.5 A.4).
    deflated
        The whole data set is deflated (PS3.5 A.5, A.7, A.12).
    referenced
        Pixel data referenced by JPIP rather than present (PS3.5 A.6, A.7, A.11, A.12).
    lossless
        True when decoding gives back the original pixels exactly, False when the
        compression is lossy, None when the syntax allows either.
    retired
        Retired per the registry.
    section
        The PS3.5 section specifying it (``"A.4.1"``).
    """

    uid: str
    name: str
    keyword: str
    implicit_vr: bool
    little_endian: bool
    encapsulated: bool
    deflated: bool
    referenced: bool
    lossless: bool | None
    retired: bool
    section: str
