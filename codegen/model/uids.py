"""Model of the PS3.6 UID registries (Annex A) and standard color palettes (Annex B)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Uid:
    """One registered UID (PS3.6 Annex A).

    Attributes
    ----------
    value
        The UID (``"1.2.840.10008.1.2"``).
    name
        The UID Name as written (``"Implicit VR Little Endian: Default Transfer Syntax for
        DICOM"``; ``"(Retired)"`` for a retired UID whose name the standard withholds).
    keyword
        The UID Keyword, in editions with that column (2016 and later); else ``""``.
    type
        The UID Type (``"SOP Class"``, ``"Transfer Syntax"``, ``"Well-known frame of
        reference"``, ``"Context Group Name"``, ``"Document TemplateID"``, ...).
    part
        The part that specifies it (``"PS3.4"``), without the retirement year; may be ``""``
        or another standard (``"DICOS"``).
    retired
        Retired: italic row, ``(Retired)`` in the name, or a retirement year.
    retired_since
        The edition the newer editions give in parentheses (``"2004"``, ``"2015c"``), else ``""``.
    table
        The label of the table it is registered in (``"A-1"``, ``"A-2"``, ``"A-3"``, ``"A-4"``).
    """

    value: str
    name: str
    keyword: str
    type: str
    part: str
    retired: bool
    retired_since: str
    table: str


@dataclass(frozen=True)
class FrameOfReference:
    """A well-known frame of reference (PS3.6 Table A-2).

    ``reference`` is the Normative Reference column (an atlas, a file, a standard).
    """

    value: str
    name: str
    keyword: str
    reference: str


@dataclass(frozen=True)
class ContextGroupUid:
    """The UID of a context group (PS3.6 Table A-3).

    Attributes
    ----------
    value
        The UID.
    cid
        The context group identifier (CID of PS3.16), None for the few UIDs the table lists
        without one.
    name
        The Context Group Name where the edition writes it as text (2013); ``""`` where it is
        only a reference to the PS3.16 section.
    retired
        Italic row, ``(Retired)`` in the name, or ``Retired``/``RET`` in the Comment column.
    """

    value: str
    cid: int | None
    name: str
    retired: bool


@dataclass(frozen=True)
class ColorPalette:
    """A standard color palette (PS3.6 Table B.1-1).

    Attributes
    ----------
    uid
        Its well-known SOP Instance UID.
    label
        Content Label (0070,0080), e.g. ``"HOT_IRON"``.
    description
        Content Description (0070,0081), e.g. ``"Hot Iron"``.
    section
        The PS3.6 section defining it (``"B.1.1"``).
    url
        Where NEMA publishes the encoded instance.
    """

    uid: str
    label: str
    description: str
    section: str
    url: str
