"""dicomkit.generated.directory_records: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.3 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part03/
    sha256 bff7a8d0249c558b5f7dd741c65bbf49cc7bda604fbec28da08ecf5b923e9837
    Table A.2-1, Table A.3-1, Table A.4-1, Table A.5-1, Table A.6-1, Table A.7-1, Table A.8-1, Table A.8-2, Table A.8-3, Table A.8-3b, Table A.8-4, Table A.8-4b, Table A.8-5, Table A.8-5b, Table A.14-1, Table A.16-1, Table A.17.3-1, Table A.18.3-1, Table A.19.3-1, Table A.20.3-1, Table A.21.3-1, Table A.26-1, Table A.27-1, Table A.28-1, Table A.29.3-1, Table A.30.3-1, Table A.31.3-1, Table A.32.1-1, Table A.32.1-2, Table A.32.1-3, Table A.32.4-1, Table A.32.5-1, Table A.32.6-1, Table A.32.7-1, Table A.32.8-1, Table A.32.8-2, Table A.32.9-1, Table A.32.9-2, Table A.32.10-1, Table A.32.10-2, Table A.32.11-1, Table A.33.1-1, Table A.33.2-1, Table A.33.3-1, Table A.33.4-1, Table A.33.5.1-1, Table A.33.6-1, Table A.33.7-1, Table A.33.8-1, Table A.34.2-1, Table A.34.3-1, Table A.34.4-1, Table A.34.5-1, Table A.34.6-1, Table A.34.7-1, Table A.34.8-1, Table A.34.9-1, Table A.34.10-1, Table A.34.11-1, Table A.34.11-2, Table A.34.12-1, Table A.34.13-1, Table A.34.14-1, Table A.34.15-1, Table A.34.16-1, Table A.34.17-1, Table A.34.18-1, Table A.35.1-1, Table A.35.2-1, Table A.35.3-1, Table A.35.4-1, Table A.35.5-1, Table A.35.6-1, Table A.35.7-1, Table A.35.8-1, Table A.35.9-1, Table A.35.10-1, Table A.35.11-1, Table A.35.12-1, Table A.35.13-1, Table A.35.14-1, Table A.35.15-1, Table A.35.16-1, Table A.35.17-1, Table A.35.18-1, Table A.35.19-1, Table A.35.20-1, Table A.35.21-1, Table A.35.22-1, Table A.35.23-1, Table A.36-1, Table A.36-2, Table A.36-3, Table A.36-4, Table A.36-5, Table A.37-1, Table A.38-1, Table A.38-2, Table A.39.1-1, Table A.39.2-1, Table A.40-1, Table A.41-1, Table A.42-1, Table A.43-1, Table A.44.3-1, Table A.45.1-1, Table A.45.2-1, Table A.46-1, Table A.47-1, Table A.47-2, Table A.48-1, Table A.48-2, Table A.49-1, Table A.50-1, Table A.51-1, Table A.51-2, Table A.52.3-1, Table A.52.4.3-1, Table A.53-1, Table A.53-2, Table A.54-1, Table A.54-2, Table A.55-1, Table A.55-2, Table A.56-1, Table A.56-2, Table A.57-1, Table A.58.3-1, Table A.59-1, Table A.59-2, Table A.60.1-1, Table A.60.2-1, Table A.60.3-1, Table A.60.4-1, Table A.60.5-1, Table A.60.6-1, Table A.60.7-1, Table A.61-1, Table A.62-1, Table A.63-1, Table A.64.3-1, Table A.65.3-1, Table A.66.3-1, Table A.66.4.3-1, Table A.67.3-1, Table A.68-1, Table A.69-1, Table A.70-1, Table A.70-2, Table A.71-1, Table A.71-2, Table A.72-1, Table A.72-2, Table A.73.3-1, Table A.74-1, Table A.74-2, Table A.75-1, Table A.75-2, Table A.76-1, Table A.77-1, Table A.78-1, Table A.79.3-1, Table A.80.1-1, Table A.80.2.3-1, Table A.81.3-1, Table A.82.1.3-1, Table A.82.2.3-1, Table A.82.3.1.3-1, Table A.82.4.3-1, Table A.82.5.3-1, Table A.83-1, Table A.84-1, Table A.84.3.2-1, Table A.85.1-1, Table A.85.2-1, Table A.85.3-1, Table A.86.1.2-1, Table A.86.1.3-1, Table A.86.1.4-1, Table A.86.1.5-1, Table A.86.1.6-1, Table A.86.1.7-1, Table A.86.1.8-1, Table A.86.1.9-1, Table A.86.1.10.3-1, Table A.86.1.11-1, Table A.86.1.12-1, Table A.86.1.13-1, Table A.86.1.14-1, Table A.86.1.15-1, Table A.86.1.15-2, Table A.86.1.16-1, Table A.86.1.16-2, Table A.86.1.17-1, Table A.87-1, Table A.88.3-1, Table A.89.3-1, Table A.89.4-1, Table A.90.1.3-1, Table A.90.1.5-1, Table A.90.2.3-1, Table A.90.2.5-1, Table F.3-1, Table F.4-1, Table F.5-1, Table F.5-2, Table F.5-3, Table F.5-4, Table F.5-19, Table F.5-20, Table F.5-21, Table F.5-22, Table F.5-23, Table F.5-24, Table F.5-25, Table F.5-26, Table F.5-27, Table F.5-28, Table F.5-29, Table F.5-30, Table F.5-31, Table F.5-32, Table F.5-34, Table F.5-35, Table F.5-36, Table F.5-37, Table F.5-38, Table F.5-39, Table F.5-40, Table F.5-41, Table F.5-42, Table F.5-43, Table F.5-44, Table F.5-45, Table F.5-46, Table F.5-47, Table F.5-48
"""
from typing import Any, Final, NamedTuple

class RecordKey(NamedTuple):
    tag: int
    name: str
    type: str
    condition: str
    expr: Any
    include: str
    when: str

class DirectoryRecord(NamedTuple):
    record_type: str
    section: str
    table: str
    keys: tuple[RecordKey, ...]
    lower: tuple[str, ...]
    path: tuple[str, ...]

RECORDS: Final[dict[str, DirectoryRecord]]
IOD_RECORDS: Final[dict[str, str]]
IODS_WITHOUT_RECORD: Final[tuple[str, ...]]
