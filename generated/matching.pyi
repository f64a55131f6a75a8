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

from enum import Enum
from typing import Final


class MatchingType(Enum):
    SINGLE_VALUE = 'C.2.2.2.1'
    LIST_OF_UID = 'C.2.2.2.2'
    UNIVERSAL = 'C.2.2.2.3'
    WILD_CARD = 'C.2.2.2.4'
    RANGE = 'C.2.2.2.5'
    SEQUENCE = 'C.2.2.2.6'
    EMPTY_VALUE = 'C.2.2.2.7'
    MULTIPLE_VALUE = 'C.2.2.2.8'
    @property
    def title(self) -> str: ...

MATCHING_TITLES: Final[dict[MatchingType, str]]
EMPTY_VALUE_VRS: Final[frozenset[str]]
MULTIPLE_VALUE_VRS: Final[frozenset[str]]
RANGE_VRS: Final[frozenset[str]]
SINGLE_VALUE_DATE_TIME_VRS: Final[frozenset[str]]
SINGLE_VALUE_STRING_VRS: Final[frozenset[str]]
WILD_CARD_VRS: Final[frozenset[str]]
