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
# The DICOM audit messages of PS3.15 Annex A.5: the RELAX NG compact schema of A.5.1.1 (as
# written), 8 value sets (enumerations of the schema and Tables A.5.1.2.x-1),
# 15 message specializations of A.5.3 with the rules of their fields, and the
# codes those tables give (62: Event IDs, event types, roles, participant object
# ID types, and the codes of the PS3.16 context groups they name).  Read by
# dicomkit.codegen.readers.part15_audit.

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["CODES", "CONTEXT_GROUP_CODES", "EVENT_IDS", "EVENT_TYPE_CODES", "MESSAGES", "OBJECT_ID_TYPE_CODES",
           "ROLE_ID_CODES", "SCHEMA_RNC", "VALUE_SETS", "AuditCode", "FieldRule", "MessageKind",
           "ValueSet", "message_of_event", 'ACCESS_CONTROL_DECISION', 'APPLICATION', 'APPLICATION_ACTIVITY', 'APPLICATION_LAUNCHER', 'APPLICATION_START', 'APPLICATION_STOP', 'ATTACH', 'AUDIT_LOG_USED', 'AUDIT_RECORDING_STARTED', 'AUDIT_RECORDING_STOPPED', 'AUTHENTICATION_DECISION', 'AUTHORIZATION_DECISION', 'BEGIN_TRANSFERRING_DICOM_INSTANCES', 'CD', 'COMPACT_FLASH', 'DESTINATION_MEDIA', 'DESTINATION_ROLE_ID', 'DETACH', 'DICOM_INSTANCES_ACCESSED', 'DICOM_INSTANCES_TRANSFERRED', 'DICOM_STUDY_DELETED', 'DVD', 'EMAIL', 'EMERGENCY_OVERRIDE_STARTED', 'EMERGENCY_OVERRIDE_STOPPED', 'EXPORT', 'FILM', 'HARDWARE_CONFIGURATION', 'IMPORT', 'LOCAL_SERVICE_OPERATION_STARTED', 'LOCAL_SERVICE_OPERATION_STOPPED', 'LOGIN', 'LOGOUT', 'MULTI_MEDIA_CARD', 'NETWORK_CONFIGURATION', 'NETWORK_ENTRY', 'NODE_AUTHENTICATION', 'NODE_ID', 'OBJECT_SECURITY_ATTRIBUTES_CHANGED', 'ORDER_RECORD', 'PAPER_DOCUMENT', 'PATIENT_RECORD', 'PROCEDURE_RECORD', 'QUERY', 'REMOTE_SERVICE_OPERATION_STARTED', 'REMOTE_SERVICE_OPERATION_STOPPED', 'SECURE_DIGITAL_CARD', 'SECURITY_ALERT', 'SECURITY_CONFIGURATION', 'SECURITY_ROLES_CHANGED', 'SESSION_START', 'SESSION_STOP', 'SOFTWARE_CONFIGURATION', 'SOP_CLASS_UID', 'SOURCE_MEDIA', 'SOURCE_ROLE_ID', 'STUDY_INSTANCE_UID', 'URI', 'USB_DISK_EMULATION', 'USER_AUTHENTICATION', 'USER_SECURITY_ATTRIBUTES_CHANGED', 'USE_OF_RESTRICTED_FUNCTION']


class AuditCode(NamedTuple):
    """A coded value of an audit message (PS3.15 A.5.1.1 ``CodedValueType``): the
    ``csd-code``, ``codeSystemName`` and ``originalText`` attributes."""

    code: str
    scheme: str
    meaning: str


class ValueSet(NamedTuple):
    """The values of one XML attribute of the schema: (value, meaning) in order."""

    name: str
    source: str
    values: tuple[tuple[str, str], ...]


class FieldRule(NamedTuple):
    """One row of a message table of PS3.15 A.5.3: the element, what the participant is, how
    many there are, the field, its usage (M, MC, C, U), the values and codes the constraint
    gives (``*_defined``: Defined Terms, others allowed), the context group it names and its
    text."""

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
    """A DICOM specific audit message (PS3.15 A.5.3.x): keyword, title, section, table, Event
    ID and the rules of its fields in table order."""

    keyword: str
    title: str
    section: str
    table: str
    event_id: AuditCode
    rules: tuple[FieldRule, ...]


_A = AuditCode
_R = FieldRule

ACCESS_CONTROL_DECISION: Final[AuditCode] = _A('110147', 'DCM', 'Access Control Decision')
APPLICATION: Final[AuditCode] = _A('110150', 'DCM', 'Application')
APPLICATION_ACTIVITY: Final[AuditCode] = _A('110100', 'DCM', 'Application Activity')
APPLICATION_LAUNCHER: Final[AuditCode] = _A('110151', 'DCM', 'Application Launcher')
APPLICATION_START: Final[AuditCode] = _A('110120', 'DCM', 'Application Start')
APPLICATION_STOP: Final[AuditCode] = _A('110121', 'DCM', 'Application Stop')
ATTACH: Final[AuditCode] = _A('110124', 'DCM', 'Attach')
AUDIT_LOG_USED: Final[AuditCode] = _A('110101', 'DCM', 'Audit Log Used')
AUDIT_RECORDING_STARTED: Final[AuditCode] = _A('110134', 'DCM', 'Audit Recording Started')
AUDIT_RECORDING_STOPPED: Final[AuditCode] = _A('110133', 'DCM', 'Audit Recording Stopped')
AUTHENTICATION_DECISION: Final[AuditCode] = _A('110143', 'DCM', 'Authentication Decision')
AUTHORIZATION_DECISION: Final[AuditCode] = _A('110144', 'DCM', 'Authorization Decision')
BEGIN_TRANSFERRING_DICOM_INSTANCES: Final[AuditCode] = _A('110102', 'DCM', 'Begin Transferring DICOM Instances')
CD: Final[AuditCode] = _A('110032', 'DCM', 'CD')
COMPACT_FLASH: Final[AuditCode] = _A('110034', 'DCM', 'Compact Flash')
DESTINATION_MEDIA: Final[AuditCode] = _A('110154', 'DCM', 'Destination Media')
DESTINATION_ROLE_ID: Final[AuditCode] = _A('110152', 'DCM', 'Destination Role ID')
DETACH: Final[AuditCode] = _A('110125', 'DCM', 'Detach')
DICOM_INSTANCES_ACCESSED: Final[AuditCode] = _A('110103', 'DCM', 'DICOM Instances Accessed')
DICOM_INSTANCES_TRANSFERRED: Final[AuditCode] = _A('110104', 'DCM', 'DICOM Instances Transferred')
DICOM_STUDY_DELETED: Final[AuditCode] = _A('110105', 'DCM', 'DICOM Study Deleted')
DVD: Final[AuditCode] = _A('110033', 'DCM', 'DVD')
EMAIL: Final[AuditCode] = _A('110031', 'DCM', 'Email')
EMERGENCY_OVERRIDE_STARTED: Final[AuditCode] = _A('110127', 'DCM', 'Emergency Override Started')
EMERGENCY_OVERRIDE_STOPPED: Final[AuditCode] = _A('110138', 'DCM', 'Emergency Override Stopped')
EXPORT: Final[AuditCode] = _A('110106', 'DCM', 'Export')
FILM: Final[AuditCode] = _A('110010', 'DCM', 'Film')
HARDWARE_CONFIGURATION: Final[AuditCode] = _A('110130', 'DCM', 'Hardware Configuration')
IMPORT: Final[AuditCode] = _A('110107', 'DCM', 'Import')
LOCAL_SERVICE_OPERATION_STARTED: Final[AuditCode] = _A('110141', 'DCM', 'Local Service Operation Started')
LOCAL_SERVICE_OPERATION_STOPPED: Final[AuditCode] = _A('110142', 'DCM', 'Local Service Operation Stopped')
LOGIN: Final[AuditCode] = _A('110122', 'DCM', 'Login')
LOGOUT: Final[AuditCode] = _A('110123', 'DCM', 'Logout')
MULTI_MEDIA_CARD: Final[AuditCode] = _A('110035', 'DCM', 'Multi-media Card')
NETWORK_CONFIGURATION: Final[AuditCode] = _A('110128', 'DCM', 'Network Configuration')
NETWORK_ENTRY: Final[AuditCode] = _A('110108', 'DCM', 'Network Entry')
NODE_AUTHENTICATION: Final[AuditCode] = _A('110126', 'DCM', 'Node Authentication')
NODE_ID: Final[AuditCode] = _A('110182', 'DCM', 'Node ID')
OBJECT_SECURITY_ATTRIBUTES_CHANGED: Final[AuditCode] = _A('110135', 'DCM', 'Object Security Attributes Changed')
ORDER_RECORD: Final[AuditCode] = _A('110109', 'DCM', 'Order Record')
PAPER_DOCUMENT: Final[AuditCode] = _A('110038', 'DCM', 'Paper Document')
PATIENT_RECORD: Final[AuditCode] = _A('110110', 'DCM', 'Patient Record')
PROCEDURE_RECORD: Final[AuditCode] = _A('110111', 'DCM', 'Procedure Record')
QUERY: Final[AuditCode] = _A('110112', 'DCM', 'Query')
REMOTE_SERVICE_OPERATION_STARTED: Final[AuditCode] = _A('110139', 'DCM', 'Remote Service Operation Started')
REMOTE_SERVICE_OPERATION_STOPPED: Final[AuditCode] = _A('110140', 'DCM', 'Remote Service Operation Stopped')
SECURE_DIGITAL_CARD: Final[AuditCode] = _A('110036', 'DCM', 'Secure Digital Card')
SECURITY_ALERT: Final[AuditCode] = _A('110113', 'DCM', 'Security Alert')
SECURITY_CONFIGURATION: Final[AuditCode] = _A('110129', 'DCM', 'Security Configuration')
SECURITY_ROLES_CHANGED: Final[AuditCode] = _A('110136', 'DCM', 'Security Roles Changed')
SESSION_START: Final[AuditCode] = _A('110145', 'DCM', 'Session start')
SESSION_STOP: Final[AuditCode] = _A('110146', 'DCM', 'Session stop')
SOFTWARE_CONFIGURATION: Final[AuditCode] = _A('110131', 'DCM', 'Software Configuration')
SOP_CLASS_UID: Final[AuditCode] = _A('110181', 'DCM', 'SOP Class UID')
SOURCE_MEDIA: Final[AuditCode] = _A('110155', 'DCM', 'Source Media')
SOURCE_ROLE_ID: Final[AuditCode] = _A('110153', 'DCM', 'Source Role ID')
STUDY_INSTANCE_UID: Final[AuditCode] = _A('110180', 'DCM', 'Study Instance UID')
URI: Final[AuditCode] = _A('110037', 'DCM', 'URI')
USB_DISK_EMULATION: Final[AuditCode] = _A('110030', 'DCM', 'USB Disk Emulation')
USER_AUTHENTICATION: Final[AuditCode] = _A('110114', 'DCM', 'User Authentication')
USER_SECURITY_ATTRIBUTES_CHANGED: Final[AuditCode] = _A('110137', 'DCM', 'User Security Attributes Changed')
USE_OF_RESTRICTED_FUNCTION: Final[AuditCode] = _A('110132', 'DCM', 'Use of Restricted Function')

#: Every code above by name.
CODES: Final[dict[str, AuditCode]] = {
    'ACCESS_CONTROL_DECISION': ACCESS_CONTROL_DECISION,
    'APPLICATION': APPLICATION,
    'APPLICATION_ACTIVITY': APPLICATION_ACTIVITY,
    'APPLICATION_LAUNCHER': APPLICATION_LAUNCHER,
    'APPLICATION_START': APPLICATION_START,
    'APPLICATION_STOP': APPLICATION_STOP,
    'ATTACH': ATTACH,
    'AUDIT_LOG_USED': AUDIT_LOG_USED,
    'AUDIT_RECORDING_STARTED': AUDIT_RECORDING_STARTED,
    'AUDIT_RECORDING_STOPPED': AUDIT_RECORDING_STOPPED,
    'AUTHENTICATION_DECISION': AUTHENTICATION_DECISION,
    'AUTHORIZATION_DECISION': AUTHORIZATION_DECISION,
    'BEGIN_TRANSFERRING_DICOM_INSTANCES': BEGIN_TRANSFERRING_DICOM_INSTANCES,
    'CD': CD,
    'COMPACT_FLASH': COMPACT_FLASH,
    'DESTINATION_MEDIA': DESTINATION_MEDIA,
    'DESTINATION_ROLE_ID': DESTINATION_ROLE_ID,
    'DETACH': DETACH,
    'DICOM_INSTANCES_ACCESSED': DICOM_INSTANCES_ACCESSED,
    'DICOM_INSTANCES_TRANSFERRED': DICOM_INSTANCES_TRANSFERRED,
    'DICOM_STUDY_DELETED': DICOM_STUDY_DELETED,
    'DVD': DVD,
    'EMAIL': EMAIL,
    'EMERGENCY_OVERRIDE_STARTED': EMERGENCY_OVERRIDE_STARTED,
    'EMERGENCY_OVERRIDE_STOPPED': EMERGENCY_OVERRIDE_STOPPED,
    'EXPORT': EXPORT,
    'FILM': FILM,
    'HARDWARE_CONFIGURATION': HARDWARE_CONFIGURATION,
    'IMPORT': IMPORT,
    'LOCAL_SERVICE_OPERATION_STARTED': LOCAL_SERVICE_OPERATION_STARTED,
    'LOCAL_SERVICE_OPERATION_STOPPED': LOCAL_SERVICE_OPERATION_STOPPED,
    'LOGIN': LOGIN,
    'LOGOUT': LOGOUT,
    'MULTI_MEDIA_CARD': MULTI_MEDIA_CARD,
    'NETWORK_CONFIGURATION': NETWORK_CONFIGURATION,
    'NETWORK_ENTRY': NETWORK_ENTRY,
    'NODE_AUTHENTICATION': NODE_AUTHENTICATION,
    'NODE_ID': NODE_ID,
    'OBJECT_SECURITY_ATTRIBUTES_CHANGED': OBJECT_SECURITY_ATTRIBUTES_CHANGED,
    'ORDER_RECORD': ORDER_RECORD,
    'PAPER_DOCUMENT': PAPER_DOCUMENT,
    'PATIENT_RECORD': PATIENT_RECORD,
    'PROCEDURE_RECORD': PROCEDURE_RECORD,
    'QUERY': QUERY,
    'REMOTE_SERVICE_OPERATION_STARTED': REMOTE_SERVICE_OPERATION_STARTED,
    'REMOTE_SERVICE_OPERATION_STOPPED': REMOTE_SERVICE_OPERATION_STOPPED,
    'SECURE_DIGITAL_CARD': SECURE_DIGITAL_CARD,
    'SECURITY_ALERT': SECURITY_ALERT,
    'SECURITY_CONFIGURATION': SECURITY_CONFIGURATION,
    'SECURITY_ROLES_CHANGED': SECURITY_ROLES_CHANGED,
    'SESSION_START': SESSION_START,
    'SESSION_STOP': SESSION_STOP,
    'SOFTWARE_CONFIGURATION': SOFTWARE_CONFIGURATION,
    'SOP_CLASS_UID': SOP_CLASS_UID,
    'SOURCE_MEDIA': SOURCE_MEDIA,
    'SOURCE_ROLE_ID': SOURCE_ROLE_ID,
    'STUDY_INSTANCE_UID': STUDY_INSTANCE_UID,
    'URI': URI,
    'USB_DISK_EMULATION': USB_DISK_EMULATION,
    'USER_AUTHENTICATION': USER_AUTHENTICATION,
    'USER_SECURITY_ATTRIBUTES_CHANGED': USER_SECURITY_ATTRIBUTES_CHANGED,
    'USE_OF_RESTRICTED_FUNCTION': USE_OF_RESTRICTED_FUNCTION,
}

#: CID -> the codes of that PS3.16 context group, for the context groups the message tables
#: name (``DCID 402`` ...), in the group's table order.
CONTEXT_GROUP_CODES: Final[dict[int, tuple[AuditCode, ...]]] = {
    402: (APPLICATION, APPLICATION_LAUNCHER, DESTINATION_ROLE_ID, SOURCE_ROLE_ID, DESTINATION_MEDIA, SOURCE_MEDIA, ),
    403: (APPLICATION_START, APPLICATION_STOP, LOGIN, LOGOUT, ATTACH, DETACH, NODE_AUTHENTICATION, EMERGENCY_OVERRIDE_STARTED, NETWORK_CONFIGURATION, SECURITY_CONFIGURATION, HARDWARE_CONFIGURATION, SOFTWARE_CONFIGURATION, USE_OF_RESTRICTED_FUNCTION, AUDIT_RECORDING_STOPPED, AUDIT_RECORDING_STARTED, OBJECT_SECURITY_ATTRIBUTES_CHANGED, SECURITY_ROLES_CHANGED, USER_SECURITY_ATTRIBUTES_CHANGED, EMERGENCY_OVERRIDE_STOPPED, REMOTE_SERVICE_OPERATION_STARTED, REMOTE_SERVICE_OPERATION_STOPPED, LOCAL_SERVICE_OPERATION_STARTED, LOCAL_SERVICE_OPERATION_STOPPED, AUTHENTICATION_DECISION, AUTHORIZATION_DECISION, SESSION_START, SESSION_STOP, ACCESS_CONTROL_DECISION, ),
    405: (USB_DISK_EMULATION, EMAIL, CD, DVD, COMPACT_FLASH, MULTI_MEDIA_CARD, SECURE_DIGITAL_CARD, URI, FILM, PAPER_DOCUMENT, ),
}

#: The RELAX NG compact schema of the DICOM audit message (PS3.15 A.5.1.1), as written but for
#: the corrections of dicomkit.codegen.fixes (a '##' after a pattern made a '#' comment).
SCHEMA_RNC: Final[str] = (
    'datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"\n'
    '\n'
    '# This defines the coded value type. The comment shows a pattern that can be used to further\n'
    '# constrain the token to limit it to the format of an OID. Not all schema software\n'
    '# implementations support the pattern option for tokens.\n'
    'other-csd-attributes =\n'
    '  (attribute codeSystemName { token } |     # OID pattern="[0-2]((\\.0)|(\\.[1-9][0-9]*))*"\n'
    '     attribute codeSystemName { token }),   # This makes clear that codeSystemName is\n'
    '                                            # either an OID or String\n'
    '  attribute displayName { token }?,\n'
    '  attribute originalText { token }          # Note: this also corresponds to DICOM "Code Meaning"\n'
    'CodedValueType =\n'
    '  attribute csd-code { token },\n'
    '  other-csd-attributes\n'
    '\n'
    '# Define the event identification, used later\n'
    '\n'
    'EventIdentificationContents =\n'
    '  element EventID { CodedValueType },\n'
    '  element EventTypeCode { CodedValueType }*, # Note: DICOM/IHE defines and uses this\n'
    '                                             # differently than RFC 3881\n'
    '  attribute EventActionCode {                # Optional action code\n'
    '    "C" |              # Create\n'
    '    "R" |              # Read\n'
    '    "U" |              # Update\n'
    '    "D" |              # Delete\n'
    '    "E"                # Execute\n'
    '  }?,\n'
    '\n'
    '  attribute EventDateTime { xsd:dateTime },\n'
    '  attribute EventOutcomeIndicator {\n'
    '    "0" |            # Nominal Success (use if status otherwise unknown or ambiguous)\n'
    '    "4" |            # Minor failure (per reporting application definition)\n'
    '    "8" |            # Serious failure (per reporting application definition)\n'
    '    "12"             # Major failure, (reporting application now unavailable)\n'
    '  },\n'
    '\n'
    '  element EventOutcomeDescription { text }?\n'
    '\n'
    '# Define AuditSourceIdentification, used later\n'
    '\n'
    'AuditSourceIdentificationContents =\n'
    '  attribute AuditEnterpriseSiteID { token }?,\n'
    '  attribute AuditSourceID { token },\n'
    '  element AuditSourceTypeCode { AuditSourceTypeCodeContent }*\n'
    '\n'
    '# Define AuditSourceTypeCodeContent so that an isolated single digit\n'
    '# value is acceptable, or a token with other csd attributes so that\n'
    '# any controlled terminology can also be used.\n'
    '\n'
    'AuditSourceTypeCodeContent =\n'
    '  attribute csd-code {\n'
    '    "1" |                 # End-user display device, diagnostic device\n'
    '    "2" |                 # Data acquisition device or instrument\n'
    '    "3" |                 # Web Server process or thread\n'
    '    "4" |                 # Application Server process or thread\n'
    '    "5" |                 # Database Server process or thread\n'
    '    "6" |                 # Security server, e.g., a domain controller\n'
    '    "7" |                 # ISO level 1-3 network component\n'
    '    "8" |                 # ISO level 4-6 operating software\n'
    '    "9" |                 # other\n'
    '    token },              # other values are allowed if a codeSystemName is present\n'
    '  other-csd-attributes?  # If these are present, they define the meaning of code\n'
    '\n'
    '# Define ActiveParticipantType, used later\n'
    '\n'
    'ActiveParticipantContents =\n'
    '  element RoleIDCode { CodedValueType }*,\n'
    '  element MediaIdentifier {\n'
    '    element MediaType { CodedValueType }\n'
    '  }?,\n'
    '  attribute UserID { text },\n'
    '  attribute AlternativeUserID { text }?,\n'
    '  attribute UserName { text }?,\n'
    '  attribute UserIsRequestor { xsd:boolean },\n'
    '  attribute NetworkAccessPointID { token }?,\n'
    '  attribute NetworkAccessPointTypeCode {\n'
    '    "1" |              # Machine Name, including DNS name\n'
    '    "2" |              # IP Address\n'
    '    "3" |              # Telephone Number\n'
    '    "4" |              # Email address\n'
    '    "5" }?             # URI (user directory, HTTP PUT, ftp, etc.)\n'
    '\n'
    '# The BinaryValuePair is used in ParticipantObject descriptions to capture parameters.\n'
    '# All values (even those that are normally plain text) are encoded as xsd:base64Binary.\n'
    '# This is to preserve details of encoding (e.g., nulls) and to protect against text\n'
    '# contents that contain XML fragments. These are known attack points against applications,\n'
    '# so security logs can be expected to need to capture them without modification by the\n'
    '# audit encoding process.\n'
    '\n'
    'ValuePair =\n'
    '  # clarify the name\n'
    '  attribute type { token },\n'
    '  attribute value { xsd:base64Binary } # used to encode potentially binary, malformed XML text, etc.\n'
    '\n'
    '# Define ParticipantObjectIdentification, used later\n'
    '\n'
    '# Participant Object Description, used later\n'
    '\n'
    'DICOMObjectDescriptionContents =\n'
    '  element MPPS {\n'
    '    attribute UID { token }       # OID pattern="[0-2]((\\.0)|(\\.[1-9][0-9]*))*"\n'
    '  }*,\n'
    '  element Accession {\n'
    '    attribute Number { token }\n'
    '  }*,\n'
    '  element SOPClass {              # SOP Class for one Study\n'
    '    element Instance {\n'
    '      attribute UID { token }     # OID pattern="[0-2]((\\.0)|(\\.[1-9][0-9]*))*"\n'
    '    }*,\n'
    '    attribute UID { token }?,     # OID pattern="[0-2]((\\.0)|(\\.[1-9][0-9]*))*"\n'
    '    attribute NumberOfInstances { xsd:integer }\n'
    '  }*,\n'
    '  element ParticipantObjectContainsStudy {\n'
    '    element StudyIDs {\n'
    '      attribute UID { token }\n'
    '    }*\n'
    '  }?,\n'
    '  element Encrypted { xsd:boolean }?,\n'
    '  element Anonymized { xsd:boolean }?\n'
    '\n'
    'ParticipantObjectIdentificationContents =\n'
    '  element ParticipantObjectIDTypeCode { CodedValueType },\n'
    '  (element ParticipantObjectName { token } |             # either a name or\n'
    '  element ParticipantObjectQuery { xsd:base64Binary }),  # a query ID field,\n'
    '  element ParticipantObjectDetail { ValuePair }*,   # optional details, these can be extensive\n'
    '                                                    # and large\n'
    '  element ParticipantObjectDescription { DICOMObjectDescriptionContents }*,\n'
    '  attribute ParticipantObjectID { token },          # mandatory ID\n'
    '  attribute ParticipantObjectTypeCode {             # optional type\n'
    '    "1" | # Person\n'
    '    "2" | # System object\n'
    '    "3" | # Organization\n'
    '    "4"   # Other\n'
    '  }?,\n'
    '\n'
    '  attribute ParticipantObjectTypeCodeRole {          # optional role\n'
    '    "1" |         # Patient\n'
    '    "2" |         # Location\n'
    '    "3" |         # Report\n'
    '    "4" |         # Resource\n'
    '    "5" |         # Master File\n'
    '    "6" |         # User\n'
    '    "7" |         # List\n'
    '    "8" |         # Doctor\n'
    '    "9" |         # Subscriber\n'
    '    "10" |        # Guarantor\n'
    '    "11" |        # Security User Entity\n'
    '    "12" |        # Security User Group\n'
    '    "13" |        # Security Resource\n'
    '    "14" |        # Security Granularity Definition\n'
    '    "15" |        # Provider\n'
    '    "16" |        # Data Destination\n'
    '    "17" |        # Data Archive\n'
    '    "18" |        # Schedule\n'
    '    "19" |        # Customer\n'
    '    "20" |        # Job\n'
    '    "21" |        # Job Stream\n'
    '    "22" |        # Table\n'
    '    "23" |        # Routing Criteria\n'
    '    "24" |        # Query\n'
    '    "25" |        # Data Source\n'
    '    "26"          # Processing Element\n'
    '    }?,\n'
    '\n'
    '  attribute ParticipantObjectDataLifeCycle {          # optional life cycle stage\n'
    '    "1" |         # Origination, Creation\n'
    '    "2" |         # Import/ Copy\n'
    '    "3" |         # Amendment\n'
    '    "4" |         # Verification\n'
    '    "5" |         # Translation\n'
    '    "6" |         # Access/Use\n'
    '    "7" |         # De-identification\n'
    '    "8" |         # Aggregation, summarization, derivation\n'
    '    "9" |         # Report\n'
    '    "10" |        # Export\n'
    '    "11" |        # Disclosure\n'
    '    "12" |        # Receipt of Disclosure\n'
    '    "13" |        # Archiving\n'
    '    "14" |        # Logical deletion\n'
    '    "15" }?,      # Permanent erasure, physical destruction\n'
    '\n'
    '  attribute ParticipantObjectSensitivity { token }?\n'
    '\n'
    '# The basic message\n'
    'message =\n'
    '  element AuditMessage {\n'
    '    (element EventIdentification { EventIdentificationContents }, # The event must be identified\n'
    '     element ActiveParticipant { ActiveParticipantContents }+, # It has one or more active\n'
    '                                                               # participants\n'
    '     element AuditSourceIdentification {                       # It is reported by one source\n'
    '       AuditSourceIdentificationContents\n'
    '     },\n'
    '     element ParticipantObjectIdentification {                 # It may have other objects involved\n'
    '       ParticipantObjectIdentificationContents\n'
    '     }*)\n'
    '  }\n'
    '\n'
    '# And finally the magic statement that message is the root of everything.\n'
    'start = message\n'
    '\n'
    '\n'
)

#: XML attribute -> its value set (PS3.15 A.5.1.1 enumerations, Tables A.5.1.2.x-1).
VALUE_SETS: Final[dict[str, ValueSet]] = {
    'EventActionCode': ValueSet('EventActionCode', 'Section A.5.1.1', (
        ('C', 'Create'),
        ('R', 'Read'),
        ('U', 'Update'),
        ('D', 'Delete'),
        ('E', 'Execute'),
    )),
    'EventOutcomeIndicator': ValueSet('EventOutcomeIndicator', 'Section A.5.1.1', (
        ('0', 'Nominal Success (use if status otherwise unknown or ambiguous)'),
        ('4', 'Minor failure (per reporting application definition)'),
        ('8', 'Serious failure (per reporting application definition)'),
        ('12', 'Major failure, (reporting application now unavailable)'),
    )),
    'ParticipantObjectTypeCode': ValueSet('ParticipantObjectTypeCode', 'Section A.5.1.1', (
        ('1', 'Person'),
        ('2', 'System object'),
        ('3', 'Organization'),
        ('4', 'Other'),
    )),
    'ParticipantObjectTypeCodeRole': ValueSet('ParticipantObjectTypeCodeRole', 'Section A.5.1.1', (
        ('1', 'Patient'),
        ('2', 'Location'),
        ('3', 'Report'),
        ('4', 'Resource'),
        ('5', 'Master File'),
        ('6', 'User'),
        ('7', 'List'),
        ('8', 'Doctor'),
        ('9', 'Subscriber'),
        ('10', 'Guarantor'),
        ('11', 'Security User Entity'),
        ('12', 'Security User Group'),
        ('13', 'Security Resource'),
        ('14', 'Security Granularity Definition'),
        ('15', 'Provider'),
        ('16', 'Data Destination'),
        ('17', 'Data Archive'),
        ('18', 'Schedule'),
        ('19', 'Customer'),
        ('20', 'Job'),
        ('21', 'Job Stream'),
        ('22', 'Table'),
        ('23', 'Routing Criteria'),
        ('24', 'Query'),
        ('25', 'Data Source'),
        ('26', 'Processing Element'),
    )),
    'AuditSourceTypeCode': ValueSet('AuditSourceTypeCode', 'Table A.5.1.2.1-1', (
        ('1', 'End-user interface'),
        ('2', 'Data acquisition device or instrument'),
        ('3', 'Web server process tier in a multi-tier system'),
        ('4', 'Application server process tier in a multi-tier system'),
        ('5', 'Database server process tier in a multi-tier system'),
        ('6', 'Security server, e.g., a domain controller'),
        ('7', 'ISO level 1-3 network component'),
        ('8', 'ISO level 4-6 operating software'),
        ('9', 'External source, other or unknown type'),
    )),
    'ParticipantObjectDataLifeCycle': ValueSet('ParticipantObjectDataLifeCycle', 'Table A.5.1.2.3-1', (
        ('1', 'Origination or Creation'),
        ('2', 'Import or Copy from original'),
        ('3', 'Amendment'),
        ('4', 'Verification'),
        ('5', 'Translation'),
        ('6', 'Access or Use'),
        ('7', 'De-identification'),
        ('8', 'Aggregation, summarization, derivation'),
        ('9', 'Report'),
        ('10', 'Export or Copy to target'),
        ('11', 'Disclosure'),
        ('12', 'Receipt of Disclosure'),
        ('13', 'Archiving'),
        ('14', 'Logical Deletion'),
        ('15', 'Permanent erasure or physical destruction'),
    )),
    'ParticipantObjectIDTypeCode': ValueSet('ParticipantObjectIDTypeCode', 'Table A.5.1.2.4-1', (
        ('1', 'Medical Record Number'),
        ('2', 'Patient Number'),
        ('3', 'Encounter Number'),
        ('4', 'Enrollee Number'),
        ('5', 'Social Security Number'),
        ('6', 'Account Number'),
        ('7', 'Guarantor Number'),
        ('8', 'Report Name'),
        ('9', 'Report Number'),
        ('10', 'Search Criteria'),
        ('11', 'User Identifier'),
        ('12', 'URI'),
    )),
    'NetworkAccessPointTypeCode': ValueSet('NetworkAccessPointTypeCode', 'Table A.5.1.2.5-1', (
        ('1', 'Machine Name, including DNS name'),
        ('2', 'IP Address'),
        ('3', 'Telephone Number'),
        ('4', 'Email address'),
        ('5', 'URI (user directory, HTTP PUT, ftp, etc.)'),
    )),
}

#: Message keyword -> the message and the rules of its fields (PS3.15 A.5.3).
MESSAGES: Final[dict[str, MessageKind]] = {
    'APPLICATION_ACTIVITY': MessageKind('APPLICATION_ACTIVITY', 'Application Activity', 'A.5.3.1', 'A.5.3.1-1', _A('110100', 'DCM', 'Application Activity'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110100', 'DCM', 'Application Activity'), ), False, 0,
           'EV (110100, DCM, "Application Activity")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('E',), False, (), False, 0,
           'Shall be: Execute'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'M', (), False, (_A('110120', 'DCM', 'Application Start'), _A('110121', 'DCM', 'Application Stop'), ), True, 0,
           'DT (110120, DCM, "Application Start") DT (110121, DCM, "Application Stop")'),
        _R('ActiveParticipant', 'Application started', '1', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the process started or stopped formatted as specified in Section A.5.2.1.'),
        _R('ActiveParticipant', 'Application started', '1', 'AlternativeUserID', 'MC', (), False, (), False, 0,
           'If the process supports DICOM, then the AE Titles as specified in Section A.5.2.2.'),
        _R('ActiveParticipant', 'Application started', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Application started', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Application started', '1', 'RoleIDCode', 'M', (), False, (_A('110150', 'DCM', 'Application'), ), False, 0,
           'EV (110150, DCM, "Application")'),
        _R('ActiveParticipant', 'Application started', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Application started', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'The persons or processes starting or stopping the application.'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'RoleIDCode', 'M', (), False, (_A('110151', 'DCM', 'Application Launcher'), ), False, 0,
           'EV (110151, DCM, "Application Launcher")'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Persons and or processes starting the application', '0..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'AUDIT_LOG_USED': MessageKind('AUDIT_LOG_USED', 'Audit Log Used', 'A.5.3.2', 'A.5.3.2-1', _A('110101', 'DCM', 'Audit Log Used'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110101', 'DCM', 'Audit Log Used'), ), False, 0,
           'EV (110101, DCM, "Audit Log Used")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('R',), False, (), False, 0,
           'Shall be: read'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'The person or process accessing the audit trail. If both are known, then two active participants shall be included (both the person and the process).'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and or process that started the Application', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectTypeCodeRole', 'M', ('13',), False, (), False, 0,
           'Shall be: Security Resource'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectIDTypeCode', 'M', ('12',), False, (), False, 0,
           'Shall be: URI'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The URI of the audit log.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectName', 'M', ('Security Audit Log',), False, (), False, 0,
           'Shall be:'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'SOPClass', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'Accession', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'Instances', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'Encrypted', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'Anonymized', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Identity of the audit log', '1', 'ParticipantObjectContainsStudy', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
    )),
    'BEGIN_TRANSFERRING_DICOM_INSTANCES': MessageKind('BEGIN_TRANSFERRING_DICOM_INSTANCES', 'Begin Transferring DICOM Instances', 'A.5.3.3', 'A.5.3.3-1', _A('110102', 'DCM', 'Begin Transferring DICOM Instances'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110102', 'DCM', 'Begin Transferring DICOM Instances'), ), False, 0,
           'EV (110102, DCM, "Begin Transferring DICOM Instances")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('E',), False, (), False, 0,
           'Shall be: Execute'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the process sending the data.'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'RoleIDCode', 'M', (), False, (_A('110153', 'DCM', 'Source Role ID'), ), False, 0,
           'EV (110153, DCM, "Source Role ID")'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process sending the data', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the process receiving the data.'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'RoleIDCode', 'M', (), False, (_A('110152', 'DCM', 'Destination Role ID'), ), False, 0,
           'EV (110152, DCM, "Destination Role ID")'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process receiving the data', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'The identity of any other participants that might be involved and known, especially third parties that are the requestor.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants', '0..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Element "ContainsSOPClass" with one or more SOP Class UID values.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'Not specialized. See Section A.5.2 for conditions.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'DATA_EXPORT': MessageKind('DATA_EXPORT', 'Data Export', 'A.5.3.4', 'A.5.3.4-1', _A('110106', 'DCM', 'Export'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110106', 'DCM', 'Export'), ), False, 0,
           'EV (110106, DCM, "Export")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('R',), False, (), False, 0,
           'Shall be: Read'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the remote user or process receiving the data.'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'See Section A.5.3.4.1.'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'RoleIDCode', 'M', (), False, (_A('110152', 'DCM', 'Destination Role ID'), ), False, 0,
           'EV (110152, DCM, "Destination Role ID")'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Remote users and/or processes', '0..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the local user or process exporting the data. If both are known, then two active participants shall be included (both the person and the process).'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'See Section A.5.3.4.1.'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'RoleIDCode', 'M', (), False, (_A('110153', 'DCM', 'Source Role ID'), ), False, 0,
           'EV (110153, DCM, "Source Role ID")'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'User and/or process exporting the data', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Media', '1', 'UserID', 'M', (), False, (), False, 0,
           'See Section A.5.2.1.'),
        _R('ActiveParticipant', 'Media', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'See Section A.5.2.2.'),
        _R('ActiveParticipant', 'Media', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Media', '1', 'UserIsRequestor', 'M', ('false',), False, (), False, 0,
           'Shall be:'),
        _R('ActiveParticipant', 'Media', '1', 'RoleIDCode', 'M', (), False, (), False, 402,
           'DSection CID 402 in PS3.16 See Section A.5.2.7.'),
        _R('ActiveParticipant', 'Media', '1', 'NetworkAccessPointTypeCode', 'MC', (), False, (), False, 0,
           'Required if being exported to other than physical media. May be present otherwise.'),
        _R('ActiveParticipant', 'Media', '1', 'NetworkAccessPointID', 'MC', (), False, (), False, 0,
           'Required if NetworkAccessPointTypeCode is present. May be present otherwise.'),
        _R('ActiveParticipant', 'Media', '1', 'MediaIdentifier', 'MC', (), False, (), False, 0,
           'Volume ID, URI, or other identifier for media. Required if digital media. May be present otherwise.'),
        _R('ActiveParticipant', 'Media', '1', 'MediaType', 'MC', (), False, (), False, 405,
           'DSection CID 405 in PS3.16 or DSection CID 406 in PS3.16 Required if NetworkAccessPointID is not present. May be present otherwise.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: 3 = Report'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'DATA_IMPORT': MessageKind('DATA_IMPORT', 'Data Import', 'A.5.3.5', 'A.5.3.5-1', _A('110107', 'DCM', 'Import'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110107', 'DCM', 'Import'), ), False, 0,
           'EV (110107, DCM, "Import")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('C',), False, (), False, 0,
           'Shall be: Create'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the local users or processes importing the data.'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'See Section A.5.3.5.'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'RoleIDCode', 'M', (), False, (_A('110152', 'DCM', 'Destination Role ID'), ), False, 0,
           'EV (110152, DCM, "Destination Role ID")'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Users and/or processes importing the data', '1..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Source Media', '1', 'UserID', 'M', (), False, (), False, 0,
           'See Section A.5.2.1.'),
        _R('ActiveParticipant', 'Source Media', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'See Section A.5.2.2.'),
        _R('ActiveParticipant', 'Source Media', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Source Media', '1', 'UserIsRequestor', 'M', ('false',), False, (), False, 0,
           'Shall be:'),
        _R('ActiveParticipant', 'Source Media', '1', 'RoleIDCode', 'M', (), False, (), False, 402,
           'DSection CID 402 in PS3.16 See Section A.5.2.7.'),
        _R('ActiveParticipant', 'Source Media', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Source Media', '1', 'NetworkAccessPointID', 'MC', (), False, (), False, 0,
           'Required if NetworkAccessPointTypeCode is present. May be present otherwise.'),
        _R('ActiveParticipant', 'Source Media', '1', 'MediaIdentifier', 'M', (), False, (), False, 0,
           'Volume ID, URI, or other identifier for media.'),
        _R('ActiveParticipant', 'Source Media', '1', 'MediaType', 'MC', (), False, (), False, 405,
           'DSection CID 405 in PS3.16 or DSection CID 406 in PS3.16 Required if NetworkAccessPointID is not present. May be present otherwise.'),
        _R('ActiveParticipant', 'Source', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'See Section A.5.2.1.'),
        _R('ActiveParticipant', 'Source', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'See Section A.5.2.2.'),
        _R('ActiveParticipant', 'Source', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Source', '0..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'See Section A.5.3.5.'),
        _R('ActiveParticipant', 'Source', '0..N', 'RoleIDCode', 'M', (), False, (_A('110153', 'DCM', 'Source Role ID'), ), False, 0,
           'EV (110153, DCM, "Source Role ID")'),
        _R('ActiveParticipant', 'Source', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Source', '0..N', 'NetworkAccessPointID', 'MC', (), False, (), False, 0,
           'Shall be present if Net Access Point Type Code is present.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '0..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patients', '1..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'DICOM_INSTANCES_ACCESSED': MessageKind('DICOM_INSTANCES_ACCESSED', 'DICOM Instances Accessed', 'A.5.3.6', 'A.5.3.6-1', _A('110103', 'DCM', 'DICOM Instances Accessed'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110103', 'DCM', 'DICOM Instances Accessed'), ), False, 0,
           'EV (110103, DCM, "DICOM Instances Accessed")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('C', 'R', 'U', 'D'), False, (), False, 0,
           'Enumerated Values: Create Read Update Delete'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing the data', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies', '1..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'DICOM_INSTANCES_TRANSFERRED': MessageKind('DICOM_INSTANCES_TRANSFERRED', 'DICOM Instances Transferred', 'A.5.3.7', 'A.5.3.7-1', _A('110104', 'DCM', 'DICOM Instances Transferred'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110104', 'DCM', 'DICOM Instances Transferred'), ), False, 0,
           'EV (110104, DCM, "DICOM Instances Transferred")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('C', 'R', 'U'), False, (), False, 0,
           'Enumerated Value: (Create) if the receiver did not hold copies of the SOP Instances transferred (Read) if the receiver already holds copies of the SOP Instances transferred, and has determined that no changes are needed to the copies held. (Update) if the receiver is altering its held copies to reconcile differences between the held copies and the received copies. If the Audit Source is either not the receiver, or otherwise does not know whether or not the instances previously were held by the receiving node, then use "R" = Read.'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Shall be the time when the transfer has completed.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'RoleIDCode', 'M', (), False, (), False, 402,
           'DSection CID 402 in PS3.16 See Section A.5.2.7.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'MediaIdentifier', 'U', (), False, (), False, 0,
           'Volume ID, URI, or other identifier for digital media.'),
        _R('ActiveParticipant', 'Process that sent the data', '1', 'MediaType', 'MC', (), False, (), False, 405,
           'DSection CID 405 in PS3.16 or DSection CID 406 in PS3.16 Required if MediaIdentifier is present.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'RoleIDCode', 'M', (), False, (), False, 402,
           'DSection CID 402 in PS3.16 See Section A.5.2.7.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'MediaIdentifier', 'U', (), False, (), False, 0,
           'Volume ID, URI, or other identifier for digital media.'),
        _R('ActiveParticipant', 'The process that received the data', '1', 'MediaType', 'MC', (), False, (), False, 405,
           'DSection CID 405 in PS3.16 or DSection CID 406 in PS3.16 Required if MediaIdentifier is present.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that are the requestor', '0..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being transferred', '1..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'DICOM_STUDY_DELETED': MessageKind('DICOM_STUDY_DELETED', 'DICOM Study Deleted', 'A.5.3.8', 'A.5.3.8-1', _A('110105', 'DCM', 'DICOM Study Deleted'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110105', 'DCM', 'DICOM Study Deleted'), ), False, 0,
           'EV (110105, DCM, "DICOM Study Deleted")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('D',), False, (), False, 0,
           'Shall be: Delete'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The person and/or process deleting the Study', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Studies being deleted', '1..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'NETWORK_ENTRY': MessageKind('NETWORK_ENTRY', 'Network Entry', 'A.5.3.9', 'A.5.3.9-1', _A('110108', 'DCM', 'Network Entry'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110108', 'DCM', 'Network Entry'), ), False, 0,
           'EV (110108, DCM, "Network Entry")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('E',), False, (), False, 0,
           'Shall be: Execute'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'M', (), False, (_A('110124', 'DCM', 'Attach'), _A('110125', 'DCM', 'Detach'), ), False, 0,
           'EV (110124, DCM, "Attach") EV (110125, DCM, "Detach")'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'UserIsRequestor', 'M', ('false',), False, (), False, 0,
           'Shall be:'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system entering or leaving the network', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'QUERY': MessageKind('QUERY', 'Query', 'A.5.3.10', 'A.5.3.10-1', _A('110112', 'DCM', 'Query'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110112', 'DCM', 'Query'), ), False, 0,
           'EV (110112, DCM, "Query")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('E',), False, (), False, 0,
           'Shall be: Execute'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'RoleIDCode', 'M', (), False, (_A('110153', 'DCM', 'Source Role ID'), ), False, 0,
           'EV (110153, DCM, "Source Role ID")'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Process issuing the query', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'RoleIDCode', 'M', (), False, (_A('110152', 'DCM', 'Destination Role ID'), ), False, 0,
           'EV (110152, DCM, "Destination Role ID")'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'The process that will respond to the query', '1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Other participants that are known, especially third parties that requested the query', '0..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110181', 'DCM', 'SOP Class UID'), ), True, 0,
           'DT (110181, DCM, "SOP Class UID")'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'If the ParticipantObjectIDTypeCode is (110181, DCM, "SOP Class UID"), then this field shall hold the UID of the SOP Class being queried.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectQuery', 'M', (), False, (), False, 0,
           'If the ParticipantObjectIDTypeCode is (110181, DCM, "SOP Class UID"), then this field shall hold the Data Set of the DICOM query, xs:base64Binary encoded. Otherwise, it shall be the query in the format of the protocol used.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectDetail', 'MC', (), False, (), False, 0,
           'Required if the ParticipantObjectIDTypeCode is (110181, DCM, "SOP Class UID") A ParticipantObjectDetail element with the XML attribute "TransferSyntax" shall be present. The value of the Transfer Syntax attribute shall be the UID of the transfer syntax of the query. The element contents shall be xs:base64Binary encoding. The Transfer Syntax shall be a DICOM Transfer Syntax.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'SOPClass', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'Instance', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'SOP Class queried and the query', '1', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'SECURITY_ALERT': MessageKind('SECURITY_ALERT', 'Security Alert', 'A.5.3.11', 'A.5.3.11-1', _A('110113', 'DCM', 'Security Alert'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110113', 'DCM', 'Security Alert'), ), False, 0,
           'EV (110113, DCM, "Security Alert")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('E',), False, (), False, 0,
           'Shall be: Execute'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Success implies an informative alert. The other failure values imply warning codes that indicate the severity of the alert. A Minor or Serious failure indicates that mitigation efforts were effective in maintaining system security. A Major failure indicates that mitigation efforts may not have been effective, and that the security system may have been compromised.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'M', (), False, (), False, 403,
           'DSection CID 403 in PS3.16.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Reporting person and/or process', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'UserIsRequestor', 'M', ('false',), False, (), False, 0,
           'Shall be:'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Performing persons and/or processes', '0..N', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectTypeCodeRole', 'U', ('5', '13'), True, (), False, 0,
           'Defined Terms: Master File Security Resource'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectIDTypeCode', 'M', ('12',), True, (_A('110182', 'DCM', 'Node ID'), ), True, 0,
           'Defined Terms: URI DT (110182, DCM, "Node ID")'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'For a ParticipantObjectIDTypeCode of 12 = URI, then this value shall be the URI of the file or other resource that is the subject of the alert. For a ParticipantObjectIDTypeCode of (110182, DCM, "Node ID") then the value shall include the identity of the node that is the subject of the alert either in the form of node_name@domain_name or as an IP address. Otherwise, the value shall be an identifier of the type specified by ParticipantObjectIDTypeCode of the subject of the alert.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectDetail', 'M', (), False, (), False, 0,
           'An element with the Attribute "type" equal to "Alert Description" shall be present with a free text description of the nature of the alert as the value.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'SOPClass', 'U', (), False, (), False, 0,
           'See Section A.5.2.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'Accession', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'Instances', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Alert subject', '0..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'USER_AUTHENTICATION': MessageKind('USER_AUTHENTICATION', 'User Authentication', 'A.5.3.12', 'A.5.3.12-1', _A('110114', 'DCM', 'User Authentication'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110114', 'DCM', 'User Authentication'), ), False, 0,
           'EV (110114, DCM, "User Authentication")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('E',), False, (), False, 0,
           'Shall be: Execute'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'M', (), False, (_A('110122', 'DCM', 'Login'), _A('110123', 'DCM', 'Logout'), ), True, 0,
           'DT (110122, DCM, "Login") DT (110123, DCM, "Logout")'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'NetworkAccessPointTypeCode', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person authenticated or claimed', '1', 'NetworkAccessPointID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'UserID', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'UserIsRequestor', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Node or system performing authentication', '0..1', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
    )),
    'ORDER_RECORD': MessageKind('ORDER_RECORD', 'Order Record', 'A.5.3.13', 'A.5.3.13-1', _A('110109', 'DCM', 'Order Record'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110109', 'DCM', 'Order Record'), ), False, 0,
           'EV (110109, DCM, "Order Record")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('C', 'R', 'U', 'D'), False, (), False, 0,
           'Enumerated Values: Create Read Update Delete'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the person or process accessing or manipulating the data. If both the person and the process are known, both shall be included.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserIsRequestor', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not further specialized.'),
    )),
    'PATIENT_RECORD': MessageKind('PATIENT_RECORD', 'Patient Record', 'A.5.3.14', 'A.5.3.14-1', _A('110110', 'DCM', 'Patient Record'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110110', 'DCM', 'Patient Record'), ), False, 0,
           'EV (110110, DCM, "Patient Record")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'M', ('C', 'R', 'U', 'D'), False, (), False, 0,
           'Enumerated Value: Create Read Update Delete'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the person or process accessing or manipulating the data. If both are known, then two active participants shall be included (both the person and the process).'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserIsRequestor', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient)'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'M', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not further specialized.'),
    )),
    'PROCEDURE_RECORD': MessageKind('PROCEDURE_RECORD', 'Procedure Record', 'A.5.3.15', 'A.5.3.15-1', _A('110111', 'DCM', 'Procedure Record'), (
        _R('EventIdentification', '', '', 'EventID', 'M', (), False, (_A('110111', 'DCM', 'Procedure Record'), ), False, 0,
           'EV (110111, DCM, "Procedure Record")'),
        _R('EventIdentification', '', '', 'EventActionCode', 'C', ('C', 'R', 'U', 'D'), False, (), False, 0,
           'Enumerated Value: Create Read Update Delete'),
        _R('EventIdentification', '', '', 'EventDateTime', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventOutcomeIndicator', 'M', (), False, (), False, 0,
           'Not specialized.'),
        _R('EventIdentification', '', '', 'EventTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserID', 'M', (), False, (), False, 0,
           'The identity of the person or process accessing or manipulating the data. If both are known, then two active participants shall be included (both the person and the process).'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'AlternativeUserID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserName', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'UserIsRequestor', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'RoleIDCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'NetworkAccessPointTypeCode', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ActiveParticipant', 'Person and/or process accessing or manipulating the data', '1..2', 'NetworkAccessPointID', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: System Object'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectTypeCodeRole', 'M', ('3',), False, (), False, 0,
           'Shall be: Report'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectIDTypeCode', 'M', (), False, (_A('110180', 'DCM', 'Study Instance UID'), ), False, 0,
           'EV (110180, DCM, "Study Instance UID")'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The Study Instance UID.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectName', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectQuery is not present.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectQuery', 'MC', (), False, (), False, 0,
           'Required if ParticipantObjectName is not present.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'SOPClass', 'MC', (), False, (), False, 0,
           'Not further specialized. See Section A.5.2 for conditions.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'Accession', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'NumberOfInstances', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'Instances', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'Encrypted', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Study', '0..N', 'Anonymized', 'U', (), False, (), False, 0,
           'Not further specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCode', 'M', ('1',), False, (), False, 0,
           'Shall be: Person'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectTypeCodeRole', 'M', ('1',), False, (), False, 0,
           'Shall be: Patient'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDataLifeCycle', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectIDTypeCode', 'M', ('2',), False, (), False, 0,
           'Shall be: Patient Number'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectSensitivity', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectID', 'M', (), False, (), False, 0,
           'The patient ID.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectName', 'U', (), False, (), False, 0,
           'The patient name.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDetail', 'U', (), False, (), False, 0,
           'Not specialized.'),
        _R('ParticipantObjectIdentification', 'Patient', '1', 'ParticipantObjectDescription', 'U', (), False, (), False, 0,
           'Not further specialized.'),
    )),
}

#: Message keyword -> its Event ID (PS3.15 A.5.3.x, the EventID row).
EVENT_IDS: Final[dict[str, AuditCode]] = {k: m.event_id for k, m in MESSAGES.items()}

#: The EventTypeCode codes the message tables give.
EVENT_TYPE_CODES: Final[tuple[AuditCode, ...]] = (
    _A('110120', 'DCM', 'Application Start'),
    _A('110121', 'DCM', 'Application Stop'),
    _A('110122', 'DCM', 'Login'),
    _A('110123', 'DCM', 'Logout'),
    _A('110124', 'DCM', 'Attach'),
    _A('110125', 'DCM', 'Detach'),
)

#: The RoleIDCode codes of active participants the message tables give.
ROLE_ID_CODES: Final[tuple[AuditCode, ...]] = (
    _A('110150', 'DCM', 'Application'),
    _A('110151', 'DCM', 'Application Launcher'),
    _A('110152', 'DCM', 'Destination Role ID'),
    _A('110153', 'DCM', 'Source Role ID'),
)

#: The ParticipantObjectIDTypeCode codes the message tables give (besides the RFC 3881 values
#: of VALUE_SETS["ParticipantObjectIDTypeCode"]).
OBJECT_ID_TYPE_CODES: Final[tuple[AuditCode, ...]] = (
    _A('110180', 'DCM', 'Study Instance UID'),
    _A('110181', 'DCM', 'SOP Class UID'),
    _A('110182', 'DCM', 'Node ID'),
)

_BY_EVENT: Final[dict[tuple[str, str], MessageKind]] = {
    (m.event_id.scheme, m.event_id.code): m for m in MESSAGES.values()}


def message_of_event(event_id: AuditCode) -> MessageKind | None:
    """The message of PS3.15 A.5.3 whose Event ID is ``event_id`` (by scheme and code)."""
    return _BY_EVENT.get((event_id.scheme, event_id.code))
