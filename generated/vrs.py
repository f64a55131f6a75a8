"""dicomkit.generated.vrs: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.5 2026c (docbook) https://dicom.nema.org/medical/dicom/2026c/source/docbook/part05/part05.xml
    sha256 4dfd7b8cbc7c368b7cf03e9c4b8a0773bed91266fcdb0bbf8ed634b7287cacca
    Section 6.2, Section 7.1.2, Table 6.2-1
"""

from __future__ import annotations

from typing import Final, NamedTuple


class VR(NamedTuple):
    """One value representation (PS3.5 Table 6.2-1; length field per PS3.5 7.1.2)."""

    code: str
    name: str
    #: "string", "text" (never multi-valued), "binary", "sequence" or "unknown"
    kind: str
    #: maximum (or, when ``fixed``, exact) length of one value; None: only the length field bounds it
    max_length: int | None
    #: "bytes", "chars" or "" (unbounded)
    length_unit: str
    fixed: bool
    #: byte appended to reach even length: " ", "\x00", or "" (values are always even)
    padding: str
    #: 16 or 32: size of the value length field in explicit VR encoding
    length_field: int
    repertoire: str
    length_text: str


VRS: Final[dict[str, VR]] = {
    'AE': VR('AE', 'Application Entity', 'string', 16, 'bytes', False, ' ', 16,
        'Default Character Repertoire excluding character code 5CH (the BACKSLASH "\\" in ISO-IR 6), and all control characters.',
        '16 bytes maximum'),
    'AS': VR('AS', 'Age String', 'string', 4, 'bytes', True, ' ', 16,
        '"0"-"9", "D", "W", "M", "Y" of Default Character Repertoire',
        '4 bytes fixed'),
    'AT': VR('AT', 'Attribute Tag', 'binary', 4, 'bytes', True, '', 16,
        'not applicable',
        '4 bytes fixed'),
    'CS': VR('CS', 'Code String', 'string', 16, 'bytes', False, ' ', 16,
        'Uppercase characters, "0"-"9", the SPACE character, and underscore "_", of the Default Character Repertoire In the context of a Query with Empty Value Matching (see PS3.4), the QUOTATION MARK character is allowed.',
        '16 bytes maximum In the context of a Query with Empty Value Matching (see PS3.4), the length is 2 bytes fixed.'),
    'DA': VR('DA', 'Date', 'string', 8, 'bytes', True, ' ', 16,
        '"0"-"9" of Default Character Repertoire In the context of a Query with Range Matching (see PS3.4), the character "-" is allowed, and a trailing SPACE character is allowed for padding. In the context of a Query with Empty Value Matching (see PS3.4), the QUOTATION MARK character is allowed.',
        '8 bytes fixed In the context of a Query with Range Matching (see PS3.4), the length is 18 bytes maximum. In the context of a Query with Empty Value Matching (see PS3.4), the length is 2 bytes fixed.'),
    'DS': VR('DS', 'Decimal String', 'string', 16, 'bytes', False, ' ', 16,
        '"0"-"9", "+", "-", "E", "e", "." and the SPACE character of Default Character Repertoire',
        '16 bytes maximum'),
    'DT': VR('DT', 'Date Time', 'string', 26, 'bytes', False, ' ', 16,
        '"0"-"9", "+", "-", "." and the SPACE character of Default Character Repertoire In the context of a Query with Empty Value Matching (see PS3.4), the QUOTATION MARK character is allowed.',
        '26 bytes maximum In the context of a Query with Range Matching (see PS3.4), the length is 54 bytes maximum. In the context of a Query with Empty Value Matching (see PS3.4), the length is 2 bytes fixed.'),
    'FD': VR('FD', 'Floating Point Double', 'binary', 8, 'bytes', True, '', 16,
        'not applicable',
        '8 bytes fixed'),
    'FL': VR('FL', 'Floating Point Single', 'binary', 4, 'bytes', True, '', 16,
        'not applicable',
        '4 bytes fixed'),
    'IS': VR('IS', 'Integer String', 'string', 12, 'bytes', False, ' ', 16,
        '"0"-"9", "+", "-" and the SPACE character of Default Character Repertoire',
        '12 bytes maximum'),
    'LO': VR('LO', 'Long String', 'string', 64, 'chars', False, ' ', 16,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding character code 5CH (the BACKSLASH "\\" in ISO-IR 6), and all Control Characters except ESC when used for [ISOIEC2022] escape sequences.',
        '64 chars maximum (see Note)'),
    'LT': VR('LT', 'Long Text', 'text', 10240, 'chars', False, ' ', 16,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding Control Characters except TAB, LF, FF, CR (and ESC when used for [ISOIEC2022] escape sequences).',
        '10240 chars maximum (see Note)'),
    'OB': VR('OB', 'Other Byte', 'binary', None, 'bytes', False, '\x00', 32,
        'not applicable',
        '2^32-2 bytes maximum, except when Value Length is Undefined Length if and only if permitted by the Transfer Syntax for the Data Element (see Section 7.1.1)'),
    'OD': VR('OD', 'Other Double', 'binary', None, 'bytes', False, '', 32,
        'not applicable',
        '2^32-8 bytes maximum'),
    'OF': VR('OF', 'Other Float', 'binary', None, 'bytes', False, '', 32,
        'not applicable',
        '2^32-4 bytes maximum'),
    'OL': VR('OL', 'Other Long', 'binary', None, 'bytes', False, '', 32,
        'not applicable',
        '2^32-4 bytes maximum'),
    'OV': VR('OV', 'Other 64-bit Very Long', 'binary', None, 'bytes', False, '', 32,
        'not applicable',
        '2^32-8 bytes maximum'),
    'OW': VR('OW', 'Other Word', 'binary', None, 'bytes', False, '', 32,
        'not applicable',
        '2^32-2 bytes maximum'),
    'PN': VR('PN', 'Person Name', 'string', 64, 'chars', False, ' ', 16,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding character code 5CH (the BACKSLASH "\\" in ISO-IR 6) and all Control Characters except ESC when used for [ISOIEC2022] escape sequences.',
        '64 chars maximum per component group (see Note)'),
    'SH': VR('SH', 'Short String', 'string', 16, 'chars', False, ' ', 16,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding character code 5CH (the BACKSLASH "\\" in ISO-IR 6) and all Control Characters except ESC when used for [ISOIEC2022] escape sequences.',
        '16 chars maximum (see Note)'),
    'SL': VR('SL', 'Signed Long', 'binary', 4, 'bytes', True, '', 16,
        'not applicable',
        '4 bytes fixed'),
    'SQ': VR('SQ', 'Sequence of Items', 'sequence', None, 'bytes', False, '', 32,
        'not applicable (see Section 7.5)',
        '2^32-2 bytes maximum (see Section 7.5)'),
    'SS': VR('SS', 'Signed Short', 'binary', 2, 'bytes', True, '', 16,
        'not applicable',
        '2 bytes fixed'),
    'ST': VR('ST', 'Short Text', 'text', 1024, 'chars', False, ' ', 16,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding Control Characters except TAB, LF, FF, CR (and ESC when used for [ISOIEC2022] escape sequences).',
        '1024 chars maximum (see Note)'),
    'SV': VR('SV', 'Signed 64-bit Very Long', 'binary', 8, 'bytes', True, '', 32,
        'not applicable',
        '8 bytes fixed'),
    'TM': VR('TM', 'Time', 'string', 14, 'bytes', False, ' ', 16,
        '"0"-"9", "." and the SPACE character of Default Character Repertoire In the context of a Query with Range Matching (see PS3.4), the character "-" is allowed. In the context of a Query with Empty Value Matching (see PS3.4), the QUOTATION MARK character is allowed.',
        '14 bytes maximum In the context of a Query with Range Matching (see PS3.4), the length is 28 bytes maximum. In the context of a Query with Empty Value Matching (see PS3.4), the length is 2 bytes fixed.'),
    'UC': VR('UC', 'Unlimited Characters', 'string', None, 'bytes', False, ' ', 32,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding character code 5CH (the BACKSLASH "\\" in ISO-IR 6), and all Control Characters except ESC when used for [ISOIEC2022] escape sequences.',
        '2^32-2 bytes maximum See Note'),
    'UI': VR('UI', 'Unique Identifier (UID)', 'string', 64, 'bytes', False, '\x00', 16,
        '"0"-"9", "." of Default Character Repertoire',
        '64 bytes maximum'),
    'UL': VR('UL', 'Unsigned Long', 'binary', 4, 'bytes', True, '', 16,
        'not applicable',
        '4 bytes fixed'),
    'UN': VR('UN', 'Unknown', 'unknown', None, '', False, '', 32,
        'not applicable',
        'Any length valid for any of the other DICOM Value Representations'),
    'UR': VR('UR', 'Universal Resource Identifier or Universal Resource Locator (URI/URL)', 'text', None, 'bytes', False, ' ', 32,
        'The subset of the Default Character Repertoire required for the URI as defined in IETF RFC3986 Section 2, plus the space (20H) character permitted only as trailing padding. Characters outside the permitted character set must be "percent encoded". The BACKSLASH (5CH) character is among those disallowed in URIs. In the context of a Query with Empty Value Matching (see PS3.4), the QUOTATION MARK character is allowed.',
        '2^32-2 bytes maximum. See Note. In the context of a Query with Empty Value Matching (see PS3.4), the length is 2 bytes fixed.'),
    'US': VR('US', 'Unsigned Short', 'binary', 2, 'bytes', True, '', 16,
        'not applicable',
        '2 bytes fixed'),
    'UT': VR('UT', 'Unlimited Text', 'text', None, 'bytes', False, ' ', 32,
        'Default Character Repertoire and/or as defined by (0008,0005) excluding Control Characters except TAB, LF, FF, CR (and ESC when used for [ISOIEC2022] escape sequences).',
        '2^32-2 bytes maximum See Note'),
    'UV': VR('UV', 'Unsigned 64-bit Very Long', 'binary', 8, 'bytes', True, '', 32,
        'not applicable',
        '8 bytes fixed'),
}

#: VRs whose explicit VR encoding has a 16-bit value length (PS3.5 7.1.2)
SHORT_LENGTH_VRS: Final[frozenset[str]] = frozenset({'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US'})

#: VRs whose explicit VR encoding has 2 reserved bytes and a 32-bit value length (PS3.5 7.1.2)
LONG_LENGTH_VRS: Final[frozenset[str]] = frozenset({'OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'})

#: VRs whose values are character strings (PS3.5 6.2)
CHARACTER_VRS: Final[frozenset[str]] = frozenset({'AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT'})
