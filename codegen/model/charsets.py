"""Model of PS3.3 C.12.1.1.2: the Defined Terms of Specific Character Set (0008,0005)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeElement:
    """One code element (one row) of a character set of PS3.3 Tables C.12-2 to C.12-4.

    Attributes
    ----------
    iso_ir
        The ISO registration number (``100`` for ``ISO-IR 100``).
    escape
        The ISO/IEC 2022 escape sequence designating the element (``b"\\x1b-A"`` for
        ``ESC 02/13 04/01``); ``b""`` for sets without code extensions (Table C.12-2).
    code_element
        ``"G0"`` or ``"G1"``.
    characters
        The number of characters of the set (94, 96, 88, 94 x 94 = 8836, 6763).
    character_set
        The Character Set column as text (``"[ISOIR100] [ISOIEC8859-1]"``).
    """

    iso_ir: int
    escape: bytes
    code_element: str
    characters: int
    character_set: str


@dataclass(frozen=True)
class CharacterSet:
    """One Defined Term of Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2).

    Attributes
    ----------
    defined_term
        The Defined Term (``"ISO_IR 100"``, ``"ISO 2022 IR 87"``); ``""`` for the default
        repertoire, whose Defined Term the table gives as "none" (the Attribute absent, or
        its Value 1 empty).
    description
        The Character Set Description (``"Latin alphabet No. 1"``).
    code_extensions
        True for the sets of Tables C.12-3 and C.12-4 (ISO/IEC 2022 code extensions).
    multi_byte
        True for the sets of Tables C.12-4 and C.12-5.
    elements
        The code elements, in table order; empty for Table C.12-5 (no code elements).
    character_set
        The Character Set column of Table C.12-5 (``"[ISOIR192]"``); ``""`` elsewhere, or
        when the edition's table has no such column.
    """

    defined_term: str
    description: str
    code_extensions: bool
    multi_byte: bool
    elements: tuple[CodeElement, ...]
    character_set: str = ""
