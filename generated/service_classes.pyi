"""dicomkit.generated.service_classes: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Section A, Section AA, Section B, Section BB, Section C, Section CC, Section D, Section DD, Section E, Section EE, Section F, Section FF, Section G, Section GG, Section H, Section HH, Section I, Section II, Section J, Section JJ, Section K, Section KK, Section L, Section M, Section N, Section O, Section P, Section Q, Section R, Section S, Section T, Section U, Section V, Section W, Section X, Section Y, Section Z
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1
"""
import enum
from typing import Final, NamedTuple

class ServiceClass(enum.Enum):
    VERIFICATION = 'A'
    STORAGE = 'B'
    QUERY_RETRIEVE = 'C'
    PROCEDURE_STEP = 'F'
    PRINT_MANAGEMENT = 'H'
    MEDIA_STORAGE = 'I'
    STORAGE_COMMITMENT = 'J'
    BASIC_WORKLIST_MANAGEMENT = 'K'
    APPLICATION_EVENT_LOGGING = 'P'
    RELEVANT_PATIENT_INFORMATION_QUERY = 'Q'
    INSTANCE_AVAILABILITY_NOTIFICATION = 'R'
    MEDIA_CREATION_MANAGEMENT = 'S'
    HANGING_PROTOCOL_QUERY_RETRIEVE = 'U'
    SUBSTANCE_ADMINISTRATION_QUERY = 'V'
    COLOR_PALETTE_QUERY_RETRIEVE = 'X'
    COMPOSITE_INSTANCE_ROOT_RETRIEVE = 'Y'
    COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA = 'Z'
    IMPLANT_TEMPLATE_QUERY_RETRIEVE = 'BB'
    UNIFIED_PROCEDURE_STEP = 'CC'
    RT_MACHINE_VERIFICATION = 'DD'
    DISPLAY_SYSTEM_MANAGEMENT = 'EE'
    NON_PATIENT_OBJECT_STORAGE = 'GG'
    DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE = 'HH'
    PROTOCOL_APPROVAL_QUERY_RETRIEVE = 'II'
    INVENTORY_QUERY_RETRIEVE = 'JJ'
    STORAGE_MANAGEMENT = 'KK'

class SopClassService(NamedTuple):
    name: str
    keyword: str
    service: ServiceClass
    section: str
    operation: str
    meta: bool
    retired: bool
    how: str

SERVICE_CLASS_TITLES: Final[dict[ServiceClass, str]]
SOP_CLASS_SERVICES: Final[dict[str, SopClassService]]
SOP_CLASS_SERVICE: Final[dict[str, ServiceClass]]
SOP_CLASSES_OF: Final[dict[ServiceClass, tuple[str, ...]]]
UNMAPPED_SOP_CLASSES: Final[dict[str, tuple[str, str]]]

def service_class(uid: str) -> ServiceClass | None: ...
