"""dicomkit.generated.workflow: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table F.7.2-1, Table F.7.2-1a, Table F.7.2-1b, Table F.7.2-1c, Table F.7.2-1d, Table F.7.2-1e, Table F.7.2-1f, Table F.7.2-2, Table K.6-1, Table K.6-1a, Table K.6.1.4-1, Table R.3.2-1
"""
from typing import Final, NamedTuple

class WorklistKey(NamedTuple):
    path: tuple[int, ...]
    tag: int
    name: str
    matching: str
    returned: str
    group: str
    table: str

class RequestAttribute(NamedTuple):
    path: tuple[int, ...]
    tag: int
    name: str
    create_scu: str
    create_scp: str
    set_scu: str
    set_scp: str
    final: str
    group: str
    table: str

class StepStates(NamedTuple):
    create: str
    final: tuple[str, ...]
    section_create: str
    section_final: str
    failure_status: int
    failure_comment: str
    failure_error_id: int
    failure_table: str

WORKLIST_SOP_CLASS: Final[str]
WORKLIST_KEYS: Final[tuple[WorklistKey, ...]]
MPPS_ATTRIBUTES: Final[tuple[RequestAttribute, ...]]
MPPS_STATES: Final[StepStates]
IAN_ATTRIBUTES: Final[tuple[RequestAttribute, ...]]

def worklist_keys_at(path: tuple[int, ...]) -> tuple[WorklistKey, ...]: ...
def attributes_at(table: tuple[RequestAttribute, ...],
                  path: tuple[int, ...]) -> tuple[RequestAttribute, ...]: ...
