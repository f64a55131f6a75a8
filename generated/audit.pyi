"""dicomkit.generated.audit: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.15 2026c (docbook) https://dicom.nema.org/medical/dicom/2026c/source/docbook/part15/part15.xml
    sha256 77d60b856faf4223ab40a398c53130fc0ee9490d0d811ee3536e6d25c02ac717
    Section A.5.1.1, Section A.5.1.2, Section A.5.3, Table A.5.1.2.1-1, Table A.5.1.2.2-1, Table A.5.1.2.3-1, Table A.5.1.2.4-1, Table A.5.1.2.5-1, Table A.5.3.1-1, Table A.5.3.2-1, Table A.5.3.3-1, Table A.5.3.4-1, Table A.5.3.5-1, Table A.5.3.6-1, Table A.5.3.7-1, Table A.5.3.8-1, Table A.5.3.9-1, Table A.5.3.10-1, Table A.5.3.11-1, Table A.5.3.12-1, Table A.5.3.13-1, Table A.5.3.14-1, Table A.5.3.15-1
  PS3.16 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part16/
    sha256 418c2e6242e66eeb1946a07598c4b48f12a410c83a0e6a67d34137003c8e9cfc
    Section CID 402, Section CID 403, Section CID 405
"""
from typing import Final, NamedTuple

class AuditCode(NamedTuple):
    code: str
    scheme: str
    meaning: str

class ValueSet(NamedTuple):
    name: str
    source: str
    values: tuple[tuple[str, str], ...]

class FieldRule(NamedTuple):
    entity: str
    participant: str
    cardinality: str
    name: str
    usage: str
    values: tuple[str, ...]
    values_defined: bool
    codes: tuple[AuditCode, ...]
    codes_defined: bool
    cid: int
    text: str

class MessageKind(NamedTuple):
    keyword: str
    title: str
    section: str
    table: str
    event_id: AuditCode
    rules: tuple[FieldRule, ...]

ACCESS_CONTROL_DECISION: Final[AuditCode]
APPLICATION: Final[AuditCode]
APPLICATION_ACTIVITY: Final[AuditCode]
APPLICATION_LAUNCHER: Final[AuditCode]
APPLICATION_START: Final[AuditCode]
APPLICATION_STOP: Final[AuditCode]
ATTACH: Final[AuditCode]
AUDIT_LOG_USED: Final[AuditCode]
AUDIT_RECORDING_STARTED: Final[AuditCode]
AUDIT_RECORDING_STOPPED: Final[AuditCode]
AUTHENTICATION_DECISION: Final[AuditCode]
AUTHORIZATION_DECISION: Final[AuditCode]
BEGIN_TRANSFERRING_DICOM_INSTANCES: Final[AuditCode]
CD: Final[AuditCode]
COMPACT_FLASH: Final[AuditCode]
DESTINATION_MEDIA: Final[AuditCode]
DESTINATION_ROLE_ID: Final[AuditCode]
DETACH: Final[AuditCode]
DICOM_INSTANCES_ACCESSED: Final[AuditCode]
DICOM_INSTANCES_TRANSFERRED: Final[AuditCode]
DICOM_STUDY_DELETED: Final[AuditCode]
DVD: Final[AuditCode]
EMAIL: Final[AuditCode]
EMERGENCY_OVERRIDE_STARTED: Final[AuditCode]
EMERGENCY_OVERRIDE_STOPPED: Final[AuditCode]
EXPORT: Final[AuditCode]
FILM: Final[AuditCode]
HARDWARE_CONFIGURATION: Final[AuditCode]
IMPORT: Final[AuditCode]
LOCAL_SERVICE_OPERATION_STARTED: Final[AuditCode]
LOCAL_SERVICE_OPERATION_STOPPED: Final[AuditCode]
LOGIN: Final[AuditCode]
LOGOUT: Final[AuditCode]
MULTI_MEDIA_CARD: Final[AuditCode]
NETWORK_CONFIGURATION: Final[AuditCode]
NETWORK_ENTRY: Final[AuditCode]
NODE_AUTHENTICATION: Final[AuditCode]
NODE_ID: Final[AuditCode]
OBJECT_SECURITY_ATTRIBUTES_CHANGED: Final[AuditCode]
ORDER_RECORD: Final[AuditCode]
PAPER_DOCUMENT: Final[AuditCode]
PATIENT_RECORD: Final[AuditCode]
PROCEDURE_RECORD: Final[AuditCode]
QUERY: Final[AuditCode]
REMOTE_SERVICE_OPERATION_STARTED: Final[AuditCode]
REMOTE_SERVICE_OPERATION_STOPPED: Final[AuditCode]
SECURE_DIGITAL_CARD: Final[AuditCode]
SECURITY_ALERT: Final[AuditCode]
SECURITY_CONFIGURATION: Final[AuditCode]
SECURITY_ROLES_CHANGED: Final[AuditCode]
SESSION_START: Final[AuditCode]
SESSION_STOP: Final[AuditCode]
SOFTWARE_CONFIGURATION: Final[AuditCode]
SOP_CLASS_UID: Final[AuditCode]
SOURCE_MEDIA: Final[AuditCode]
SOURCE_ROLE_ID: Final[AuditCode]
STUDY_INSTANCE_UID: Final[AuditCode]
URI: Final[AuditCode]
USB_DISK_EMULATION: Final[AuditCode]
USER_AUTHENTICATION: Final[AuditCode]
USER_SECURITY_ATTRIBUTES_CHANGED: Final[AuditCode]
USE_OF_RESTRICTED_FUNCTION: Final[AuditCode]
CODES: Final[dict[str, AuditCode]]
CONTEXT_GROUP_CODES: Final[dict[int, tuple[AuditCode, ...]]]
SCHEMA_RNC: Final[str]
VALUE_SETS: Final[dict[str, ValueSet]]
MESSAGES: Final[dict[str, MessageKind]]
EVENT_IDS: Final[dict[str, AuditCode]]
EVENT_TYPE_CODES: Final[tuple[AuditCode, ...]]
ROLE_ID_CODES: Final[tuple[AuditCode, ...]]
OBJECT_ID_TYPE_CODES: Final[tuple[AuditCode, ...]]

def message_of_event(event_id: AuditCode) -> MessageKind | None: ...
