"""dicomkit.generated.sr_constraints: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.3 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part03/
    sha256 bff7a8d0249c558b5f7dd741c65bbf49cc7bda604fbec28da08ecf5b923e9837
    Table A.35.1-2, Table A.35.2-2, Table A.35.3-2, Table A.35.4-2, Table A.35.5-2, Table A.35.6-2, Table A.35.7-2, Table A.35.8-2, Table A.35.9-2, Table A.35.10-2, Table A.35.11-2, Table A.35.12-2, Table A.35.13-2, Table A.35.14-2, Table A.35.15-2, Table A.35.16-2, Table A.35.17-2, Table A.35.18-2, Table A.35.19-2, Table A.35.20-2, Table A.35.21-2, Table A.35.22-2, Table A.35.23-2
"""
from typing import Final, NamedTuple

class RelationshipConstraint(NamedTuple):
    sources: tuple[str, ...]
    relationship: str
    targets: tuple[str, ...]
    excluded: tuple[str, ...]

class IodConstraints(NamedTuple):
    iod: str
    name: str
    table: str
    rows: tuple[RelationshipConstraint, ...]

CONSTRAINTS: Final[dict[str, IodConstraints]]
