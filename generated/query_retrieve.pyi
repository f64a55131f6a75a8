"""dicomkit.generated.query_retrieve: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table C.5-1, Table C.5-3, Table C.6-1, Table C.6-2, Table C.6-3, Table C.6-4, Table C.6-5, Table C.6.1-1, Table C.6.2-1
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1
"""
from typing import Final, NamedTuple

class QueryLevel(NamedTuple):
    model: str
    name: str
    value: str
    table: str
    unique: int
    required: tuple[int, ...]

class InformationModel(NamedTuple):
    name: str
    section: str
    levels: tuple[QueryLevel, ...]
    sop_classes: dict[str, str]
    retired: bool

MODELS: Final[dict[str, InformationModel]]
LEVELS: Final[dict[tuple[str, str], QueryLevel]]
EXTENDED_NEGOTIATION: Final[dict[str, tuple[tuple[int, str], ...]]]

def model_of(sop_class: str) -> tuple[InformationModel, str] | None: ...
