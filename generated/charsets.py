"""dicomkit.generated.charsets: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.3 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part03/
    sha256 bff7a8d0249c558b5f7dd741c65bbf49cc7bda604fbec28da08ecf5b923e9837
    Table C.12-2, Table C.12-3, Table C.12-4, Table C.12-5
"""

from __future__ import annotations

from typing import Final, NamedTuple


class CodeElement(NamedTuple):
    """One code element of a character set (a row of PS3.3 Tables C.12-2 to C.12-4)."""

    #: ISO registration number (100 for ISO-IR 100)
    iso_ir: int
    #: ISO/IEC 2022 escape sequence designating it; b"" without code extensions (Table C.12-2)
    escape: bytes
    #: "G0" or "G1"
    code_element: str
    #: number of characters (94, 96, 88, 8836 for 94 x 94, 6763)
    characters: int
    #: the Character Set column, as text
    character_set: str


class CharacterSet(NamedTuple):
    """One Defined Term of Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2)."""

    #: the Defined Term; "" is the default repertoire (the Attribute absent or Value 1 empty)
    defined_term: str
    description: str
    #: True for ISO/IEC 2022 code extensions (Tables C.12-3 and C.12-4)
    code_extensions: bool
    #: True for multi-byte sets (Tables C.12-4 and C.12-5)
    multi_byte: bool
    #: code elements in table order; empty for Table C.12-5
    elements: tuple[CodeElement, ...]
    #: the Character Set column of Table C.12-5; "" elsewhere
    character_set: str


_E = CodeElement

#: Defined Term -> character set (PS3.3 Tables C.12-2, C.12-3, C.12-4, C.12-5, in that order)
CHARACTER_SETS: Final[dict[str, CharacterSet]] = {
    '': CharacterSet('', 'Default repertoire', False, False, (
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 100': CharacterSet('ISO_IR 100', 'Latin alphabet No. 1', False, False, (
        _E(100, b'', 'G1', 96, '[ISOIR100] [ISOIEC8859-1]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 101': CharacterSet('ISO_IR 101', 'Latin alphabet No. 2', False, False, (
        _E(101, b'', 'G1', 96, '[ISOIR101] [ISOIEC8859-2]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 109': CharacterSet('ISO_IR 109', 'Latin alphabet No. 3', False, False, (
        _E(109, b'', 'G1', 96, '[ISOIR109] [ISOIEC8859-3]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 110': CharacterSet('ISO_IR 110', 'Latin alphabet No. 4', False, False, (
        _E(110, b'', 'G1', 96, '[ISOIR110] [ISOIEC8859-4]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 144': CharacterSet('ISO_IR 144', 'Cyrillic', False, False, (
        _E(144, b'', 'G1', 96, '[ISOIR144] [ISOIEC8859-5]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 127': CharacterSet('ISO_IR 127', 'Arabic', False, False, (
        _E(127, b'', 'G1', 96, '[ISOIR127] [ISOIEC8859-6]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 126': CharacterSet('ISO_IR 126', 'Greek', False, False, (
        _E(126, b'', 'G1', 96, '[ISOIR126] [ISOIEC8859-7]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 138': CharacterSet('ISO_IR 138', 'Hebrew', False, False, (
        _E(138, b'', 'G1', 96, '[ISOIR138] [ISOIEC8859-8]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 148': CharacterSet('ISO_IR 148', 'Latin alphabet No. 5', False, False, (
        _E(148, b'', 'G1', 96, '[ISOIR148] [ISOIEC8859-9]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 203': CharacterSet('ISO_IR 203', 'Latin alphabet No. 9', False, False, (
        _E(203, b'', 'G1', 96, '[ISOIR203] [ISOIEC8859-15]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO_IR 13': CharacterSet('ISO_IR 13', 'Japanese', False, False, (
        _E(13, b'', 'G1', 94, '[ISOIR13] [JIS_X_0201]: Katakana'),
        _E(14, b'', 'G0', 94, '[ISOIR14] [JIS_X_0201]: Romaji'),
    ), ''),
    'ISO_IR 166': CharacterSet('ISO_IR 166', 'Thai', False, False, (
        _E(166, b'', 'G1', 88, '[ISOIR166] [TIS_620-2533]'),
        _E(6, b'', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 6': CharacterSet('ISO 2022 IR 6', 'Default repertoire', True, False, (
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 100': CharacterSet('ISO 2022 IR 100', 'Latin alphabet No. 1', True, False, (
        _E(100, b'\x1b-A', 'G1', 96, '[ISOIR100] [ISOIEC8859-1]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 101': CharacterSet('ISO 2022 IR 101', 'Latin alphabet No. 2', True, False, (
        _E(101, b'\x1b-B', 'G1', 96, '[ISOIR101] [ISOIEC8859-2]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 109': CharacterSet('ISO 2022 IR 109', 'Latin alphabet No. 3', True, False, (
        _E(109, b'\x1b-C', 'G1', 96, '[ISOIR109] [ISOIEC8859-3]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 110': CharacterSet('ISO 2022 IR 110', 'Latin alphabet No. 4', True, False, (
        _E(110, b'\x1b-D', 'G1', 96, '[ISOIR110] [ISOIEC8859-4]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 144': CharacterSet('ISO 2022 IR 144', 'Cyrillic', True, False, (
        _E(144, b'\x1b-L', 'G1', 96, '[ISOIR144] [ISOIEC8859-5]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 127': CharacterSet('ISO 2022 IR 127', 'Arabic', True, False, (
        _E(127, b'\x1b-G', 'G1', 96, '[ISOIR127] [ISOIEC8859-6]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 126': CharacterSet('ISO 2022 IR 126', 'Greek', True, False, (
        _E(126, b'\x1b-F', 'G1', 96, '[ISOIR126] [ISOIEC8859-7]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 138': CharacterSet('ISO 2022 IR 138', 'Hebrew', True, False, (
        _E(138, b'\x1b-H', 'G1', 96, '[ISOIR138] [ISOIEC8859-8]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 148': CharacterSet('ISO 2022 IR 148', 'Latin alphabet No. 5', True, False, (
        _E(148, b'\x1b-M', 'G1', 96, '[ISOIR148] [ISOIEC8859-9]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 203': CharacterSet('ISO 2022 IR 203', 'Latin alphabet No. 9', True, False, (
        _E(203, b'\x1b-b', 'G1', 96, '[ISOIR203] [ISOIEC8859-15]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 13': CharacterSet('ISO 2022 IR 13', 'Japanese', True, False, (
        _E(13, b'\x1b)I', 'G1', 94, '[ISOIR13] [JIS_X_0201]: Katakana'),
        _E(14, b'\x1b(J', 'G0', 94, '[ISOIR14] [JIS_X_0201]: Romaji'),
    ), ''),
    'ISO 2022 IR 166': CharacterSet('ISO 2022 IR 166', 'Thai', True, False, (
        _E(166, b'\x1b-T', 'G1', 88, '[ISOIR166] [TIS_620-2533]'),
        _E(6, b'\x1b(B', 'G0', 94, '[ISO646]'),
    ), ''),
    'ISO 2022 IR 87': CharacterSet('ISO 2022 IR 87', 'Japanese', True, True, (
        _E(87, b'\x1b$B', 'G0', 8836, '[JIS_X_0208]: Kanji'),
    ), ''),
    'ISO 2022 IR 159': CharacterSet('ISO 2022 IR 159', 'Japanese', True, True, (
        _E(159, b'\x1b$(D', 'G0', 8836, '[JIS_X_0212]: Supplementary Kanji set'),
    ), ''),
    'ISO 2022 IR 149': CharacterSet('ISO 2022 IR 149', 'Korean', True, True, (
        _E(149, b'\x1b$)C', 'G1', 8836, '[KS_X_1001]: Hangul and Hanja'),
    ), ''),
    'ISO 2022 IR 58': CharacterSet('ISO 2022 IR 58', 'Simplified Chinese', True, True, (
        _E(58, b'\x1b$)A', 'G1', 6763, '[GB2312]'),
    ), ''),
    'ISO_IR 192': CharacterSet('ISO_IR 192', 'Unicode in UTF-8', False, True, (
    ), '[ISOIR192]'),
    'GB18030': CharacterSet('GB18030', 'GB18030', False, True, (
    ), '[GB18030]'),
    'GBK': CharacterSet('GBK', 'GBK', False, True, (
    ), '[GBK]'),
}

#: escape sequence -> (Defined Term, ISO-IR number, code element) (PS3.3 Tables C.12-3, C.12-4)
ESCAPE_SEQUENCES: Final[dict[bytes, tuple[str, int, str]]] = {
    b'\x1b$(D': ('ISO 2022 IR 159', 159, 'G0'),
    b'\x1b$)A': ('ISO 2022 IR 58', 58, 'G1'),
    b'\x1b$)C': ('ISO 2022 IR 149', 149, 'G1'),
    b'\x1b$B': ('ISO 2022 IR 87', 87, 'G0'),
    b'\x1b(B': ('ISO 2022 IR 6', 6, 'G0'),
    b'\x1b(J': ('ISO 2022 IR 13', 14, 'G0'),
    b'\x1b)I': ('ISO 2022 IR 13', 13, 'G1'),
    b'\x1b-A': ('ISO 2022 IR 100', 100, 'G1'),
    b'\x1b-B': ('ISO 2022 IR 101', 101, 'G1'),
    b'\x1b-C': ('ISO 2022 IR 109', 109, 'G1'),
    b'\x1b-D': ('ISO 2022 IR 110', 110, 'G1'),
    b'\x1b-F': ('ISO 2022 IR 126', 126, 'G1'),
    b'\x1b-G': ('ISO 2022 IR 127', 127, 'G1'),
    b'\x1b-H': ('ISO 2022 IR 138', 138, 'G1'),
    b'\x1b-L': ('ISO 2022 IR 144', 144, 'G1'),
    b'\x1b-M': ('ISO 2022 IR 148', 148, 'G1'),
    b'\x1b-T': ('ISO 2022 IR 166', 166, 'G1'),
    b'\x1b-b': ('ISO 2022 IR 203', 203, 'G1'),
}
