"""dicomkit.generated.matching: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Section C.2.2.2, Section C.2.2.2.1, Section C.2.2.2.4, Section C.2.2.2.5, Section C.2.2.2.7, Section C.2.2.2.8
  PS3.5 2026c (docbook) https://dicom.nema.org/medical/dicom/2026c/source/docbook/part05/part05.xml
    sha256 4dfd7b8cbc7c368b7cf03e9c4b8a0773bed91266fcdb0bbf8ed634b7287cacca
    Section 6.2, Section 7.1.2, Table 6.2-1
"""
# 8 types of matching of PS3.4 C.2.2.2, and the VRs named by 6 of its rules.

from __future__ import annotations

from enum import Enum
from typing import Final


class MatchingType(Enum):
    """A type of attribute matching (PS3.4 C.2.2.2); the value is the section defining it."""

    SINGLE_VALUE = 'C.2.2.2.1'
    LIST_OF_UID = 'C.2.2.2.2'
    UNIVERSAL = 'C.2.2.2.3'
    WILD_CARD = 'C.2.2.2.4'
    RANGE = 'C.2.2.2.5'
    SEQUENCE = 'C.2.2.2.6'
    EMPTY_VALUE = 'C.2.2.2.7'
    MULTIPLE_VALUE = 'C.2.2.2.8'

    @property
    def title(self) -> str:
        """The standard's name of the type (``"Wild Card Matching"``)."""
        return MATCHING_TITLES[self]


#: Matching type -> its title as PS3.4 C.2.2.2 lists it.
MATCHING_TITLES: Final[dict[MatchingType, str]] = {
    MatchingType.SINGLE_VALUE: 'Single Value Matching',
    MatchingType.LIST_OF_UID: 'List of UID Matching',
    MatchingType.UNIVERSAL: 'Universal Matching',
    MatchingType.WILD_CARD: 'Wild Card Matching',
    MatchingType.RANGE: 'Range Matching',
    MatchingType.SEQUENCE: 'Sequence Matching',
    MatchingType.EMPTY_VALUE: 'Empty Value Matching',
    MatchingType.MULTIPLE_VALUE: 'Multiple Value Matching',
}

#: VRs whose key of exactly two QUOTATION MARKs asks for an empty value (when negotiated) (PS3.4 C.2.2.2.7)
EMPTY_VALUE_VRS: Final[frozenset[str]] = frozenset({'AE', 'CS', 'DA', 'DT', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UR', 'UT'})

#: VRs whose multi-valued key asks that every value match (when negotiated) (PS3.4 C.2.2.2.8)
MULTIPLE_VALUE_VRS: Final[frozenset[str]] = frozenset({'AE', 'AS', 'AT', 'CS', 'LO', 'PN', 'SH', 'UC'})

#: VRs whose key is matched as a range when it holds "-" (PS3.4 C.2.2.2.5)
RANGE_VRS: Final[frozenset[str]] = frozenset({'DA', 'DT', 'TM'})

#: date and time VRs whose key is matched as a single value unless it has "-" (or is "") (PS3.4 C.2.2.2.1)
SINGLE_VALUE_DATE_TIME_VRS: Final[frozenset[str]] = frozenset({'DA', 'DT', 'TM'})

#: string VRs whose key is matched as a single value unless it has wild cards (or is "") (PS3.4 C.2.2.2.1)
SINGLE_VALUE_STRING_VRS: Final[frozenset[str]] = frozenset({'AE', 'CS', 'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UR', 'UT'})

#: VRs whose key is matched with wild cards when it holds "*" or "?" (PS3.4 C.2.2.2.4)
WILD_CARD_VRS: Final[frozenset[str]] = frozenset({'AE', 'CS', 'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UR', 'UT'})
