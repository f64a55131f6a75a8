"""dicomkit.generated.context_groups: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-3
  PS3.16 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part16/
    sha256 418c2e6242e66eeb1946a07598c4b48f12a410c83a0e6a67d34137003c8e9cfc
    Section A, Section B, Table 8-1
"""

from typing import Final, NamedTuple

class Code(NamedTuple):
    scheme: str
    value: str
    meaning: str
    scheme_version: str

class ContextGroup(NamedTuple):
    cid: int
    name: str
    keyword: str
    uid: str
    extensible: bool
    version: str
    codes: tuple[Code, ...]
    includes: tuple[int, ...]

CONTEXT_GROUPS: Final[dict[int, ContextGroup]]
CODING_SCHEMES: Final[dict[str, tuple[str, str]]]
RETIRED_CODING_SCHEMES: Final[dict[str, str]]
MISSING: Final[dict[str, str]]
