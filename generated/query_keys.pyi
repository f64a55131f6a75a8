"""dicomkit.generated.query_keys: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Section C.6.1.1.4, Section C.6.1.1.5, Table C.3-1, Table C.6-1, Table C.6-2, Table C.6-2a, Table C.6-2b, Table C.6-3, Table C.6-4, Table C.6-5, Table C.6.1-1, Table C.6.2-1
  PS3.6 2015b (docbook) https://dicom.nema.org/medical/dicom/2015b/source/docbook/part06/part06.xml
    sha256 24c0444e85b5216f06756dbc615a2d5a772f14ddb4e09453001e7cfa6345979b
    Table 6-1
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table 7-1, Table 8-1, Table 9-1
  PS3.18 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part18/part18.xml
    sha256 84d0bb2b66361d994646cb6c4fd746bb229b04280ecd5a7d3631929ae56f2d02
    Table 10.6.1-5, Table 10.6.3-3, Table 10.6.3-4, Table 10.6.3-5
  dcmtk-dicom (made from PS3.6 2022b) /usr/share/libdcmtk17/dicom.dic
    sha256 7da64aebe4f31be6ef8b3a2ac26a20975185586a3249a4ff06a0303e06f8301b
    data elements not in Table 6-1 2015b
"""
from typing import Final, NamedTuple

PATIENT_ROOT: Final[str]
STUDY_ROOT: Final[str]
QIDO_RS: Final[str]

class QueryLevel(NamedTuple):
    model: str
    value: str
    name: str
    table: str

class QueryKey(NamedTuple):
    model: str
    level: str
    path: tuple[int, ...]
    tag: int
    keyword: str
    vr: str
    vm: str
    matching: str
    returned: str
    additional: bool
    table: str

MODELS: Final[dict[str, tuple[str, ...]]]
LEVELS: Final[tuple[QueryLevel, ...]]
KEYS: Final[tuple[QueryKey, ...]]
ADDITIONAL: Final[frozenset[int]]
NOT_IN_DICTIONARY: Final[tuple[tuple[str, int, str], ...]]

def keys_of(model: str, level: str) -> tuple[QueryKey, ...]: ...
