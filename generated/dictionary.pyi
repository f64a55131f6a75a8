"""dicomkit.generated.dictionary: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.6 2015b (docbook) https://dicom.nema.org/medical/dicom/2015b/source/docbook/part06/part06.xml
    sha256 24c0444e85b5216f06756dbc615a2d5a772f14ddb4e09453001e7cfa6345979b
    Table 6-1
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table 7-1, Table 8-1, Table 9-1
  dcmtk-dicom (made from PS3.6 2022b) /usr/share/libdcmtk17/dicom.dic
    sha256 7da64aebe4f31be6ef8b3a2ac26a20975185586a3249a4ff06a0303e06f8301b
    data elements not in Table 6-1 2015b
"""

from typing import Final, TypeAlias

Entry: TypeAlias = tuple[str, str, str, str, bool]

TABLES: Final[dict[str, str]]
ELEMENTS: Final[dict[int, Entry]]
REPEATERS: Final[tuple[tuple[int, int, Entry], ...]]
TABLE_OF: Final[dict[int, str]]
USAGE: Final[dict[int, str]]
NOTES: Final[dict[int, str]]
SECOND_RANK_SOURCES: Final[tuple[str, ...]]
SECOND_RANK: Final[frozenset[int]]
SECOND_RANK_REPEATERS: Final[frozenset[tuple[int, int]]]

def lookup(tag: int) -> Entry | None: ...
def tag_for_keyword(keyword: str) -> int | None: ...
