"""dicomkit.generated.workflow: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table F.7.2-1, Table F.7.2-1a, Table F.7.2-1b, Table F.7.2-1c, Table F.7.2-1d, Table F.7.2-1e, Table F.7.2-1f, Table F.7.2-2, Table K.6-1, Table K.6-1a, Table K.6.1.4-1, Table R.3.2-1
"""
# Workflow service classes of PS3.4: 87 Modality Worklist keys (Tables K.6-1,
# K.6-1a), 240 Modality Performed Procedure Step attributes (Table F.7.2-1 with its
# macros F.7.2-1a..f expanded), the MPPS state rules (F.7.2.1.3, F.7.2.2.2, F.7.2.2.3, Table
# F.7.2-2) and 18 Instance Availability Notification attributes (Table R.3.2-1).
#
# path: the tags of the sequences an attribute is nested in.  Requirement types are "1", "1C",
# "2", "2C", "3", or "" where the table says "Not allowed" (N-SET) or gives none.
# Read by dicomkit.codegen.readers.part04_workflow.

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["IAN_ATTRIBUTES", "MPPS_ATTRIBUTES", "MPPS_STATES", "WORKLIST_KEYS",
           "WORKLIST_SOP_CLASS", "RequestAttribute", "StepStates", "WorklistKey",
           "attributes_at", "worklist_keys_at"]


class WorklistKey(NamedTuple):
    """A key of the Modality Worklist Information Model (PS3.4 Table K.6-1): Matching Key Type
    (R, O, or - not used for matching) and Return Key Type (1, 1C, 2, 2C, 3)."""

    path: tuple[int, ...]
    tag: int
    name: str
    matching: str
    returned: str
    group: str
    table: str


class RequestAttribute(NamedTuple):
    """An attribute of an N-CREATE / N-SET requirement table (PS3.4 Table F.7.2-1, R.3.2-1):
    SCU and SCP types for N-CREATE and N-SET ("" not allowed), and the Final State type."""

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
    """The MPPS state rules: the Performed Procedure Step Status (0040,0252) an N-CREATE
    carries and N-SET requires, the final statuses, and the N-SET Processing Failure."""

    create: str
    final: tuple[str, ...]
    section_create: str
    section_final: str
    failure_status: int
    failure_comment: str
    failure_error_id: int
    failure_table: str


#: The Modality Worklist Information Model - FIND SOP class (PS3.4 Table K.6.1.4-1).
WORKLIST_SOP_CLASS: Final = '1.2.840.10008.5.1.4.31'

#: The keys of PS3.4 Tables K.6-1 and K.6-1a, in table order.
WORKLIST_KEYS: Final[tuple[WorklistKey, ...]] = (
    WorklistKey((), 0x00400100, 'Scheduled Procedure Step Sequence', 'R', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400001, 'Scheduled Station AE Title', 'R', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400002, 'Scheduled Procedure Step Start Date', 'R', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400003, 'Scheduled Procedure Step Start Time', 'R', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00080060, 'Modality', 'R', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400006, "Scheduled Performing Physician's Name", 'R', '2', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400007, 'Scheduled Procedure Step Description', 'O', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400010, 'Scheduled Station Name', 'O', '2', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400011, 'Scheduled Procedure Step Location', 'O', '2', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x0018990C, 'Referenced Defined Protocol Sequence', 'O', '3', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x0018990C, ), 0x00081150, 'Referenced SOP Class UID', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x0018990C, ), 0x00081155, 'Referenced SOP Instance UID', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x0018990D, 'Referenced Performed Protocol Sequence', 'O', '3', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x0018990D, ), 0x00081150, 'Referenced SOP Class UID', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x0018990D, ), 0x00081155, 'Referenced SOP Instance UID', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400008, 'Scheduled Protocol Code Sequence', 'O', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, ), 0x00400440, 'Protocol Context Sequence', '-', '3', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A040, 'Value Type', '-', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A043, 'Concept Name Code Sequence', '-', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A120, 'DateTime', '-', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A123, 'Person Name', '-', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A160, 'Text Value', '-', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A168, 'Concept Code Sequence', '-', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x0040A30A, 'Numeric Value', '-', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, 0x00400008, 0x00400440, ), 0x004008EA, 'Measurement Units Code Sequence', '-', '1C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400012, 'Pre-Medication', 'O', '2C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400009, 'Scheduled Procedure Step ID', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00321070, 'Requested Contrast Agent', 'O', '2C', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400100, ), 0x00400020, 'Scheduled Procedure Step Status', 'O', '3', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((), 0x00400500, 'Scheduled Specimen Sequence', 'O', '3', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400500, ), 0x00400512, 'Container Identifier', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400500, ), 0x00400518, 'Container Type Code Sequence', '-', '2', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400500, ), 0x00400560, 'Specimen Description Sequence', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400500, 0x00400560, ), 0x00400551, 'Specimen Identifier', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((0x00400500, 0x00400560, ), 0x00400554, 'Specimen UID', 'O', '1', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((), 0x22000005, 'Barcode Value', 'O', '3', 'Scheduled Procedure Step', 'K.6-1'),
    WorklistKey((), 0x00401001, 'Requested Procedure ID', 'O', '1', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00321060, 'Requested Procedure Description', 'O', '1C', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00321064, 'Requested Procedure Code Sequence', 'O', '1C', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00321065, 'Requested Laterality Code Sequence', 'O', '3', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x0020000D, 'Study Instance UID', 'O', '1', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00080020, 'Study Date', 'O', '3', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00080030, 'Study Time', 'O', '3', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00081110, 'Referenced Study Sequence', 'O', '2', 'Requested Procedure', 'K.6-1'),
    WorklistKey((0x00081110, ), 0x00081150, 'Referenced SOP Class UID', 'O', '1', 'Requested Procedure', 'K.6-1'),
    WorklistKey((0x00081110, ), 0x00081155, 'Referenced SOP Instance UID', 'O', '1', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00401003, 'Requested Procedure Priority', 'O', '2', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00401004, 'Patient Transport Arrangements', 'O', '2', 'Requested Procedure', 'K.6-1'),
    WorklistKey((), 0x00080050, 'Accession Number', 'O', '2', 'Imaging Service Request', 'K.6-1'),
    WorklistKey((), 0x00080051, 'Issuer of Accession Number Sequence', 'O', '3', 'Imaging Service Request', 'K.6-1'),
    WorklistKey((), 0x00321032, 'Requesting Physician', 'O', '2', 'Imaging Service Request', 'K.6-1'),
    WorklistKey((), 0x00080090, "Referring Physician's Name", 'O', '2', 'Imaging Service Request', 'K.6-1'),
    WorklistKey((), 0x00380010, 'Admission ID', 'O', '2', 'Visit Identification', 'K.6-1'),
    WorklistKey((), 0x00380014, 'Issuer of Admission ID Sequence', 'O', '3', 'Visit Identification', 'K.6-1'),
    WorklistKey((), 0x00380300, 'Current Patient Location', 'O', '2', 'Visit Status', 'K.6-1'),
    WorklistKey((), 0x00081120, 'Referenced Patient Sequence', 'O', '2', 'Visit Relationship', 'K.6-1'),
    WorklistKey((0x00081120, ), 0x00081150, 'Referenced SOP Class UID', 'O', '1', 'Visit Relationship', 'K.6-1'),
    WorklistKey((0x00081120, ), 0x00081155, 'Referenced SOP Instance UID', 'O', '1', 'Visit Relationship', 'K.6-1'),
    WorklistKey((), 0x00100010, "Patient's Name", 'R', '1', 'Patient Identification', 'K.6-1'),
    WorklistKey((), 0x00100020, 'Patient ID', 'R', '1', 'Patient Identification', 'K.6-1'),
    WorklistKey((), 0x00100021, 'Issuer of Patient ID', 'O', '3', 'Patient Identification', 'K.6-1'),
    WorklistKey((), 0x00100024, 'Issuer of Patient ID Qualifiers Sequence', 'O', '3', 'Patient Identification', 'K.6-1'),
    WorklistKey((), 0x00101002, 'Other Patient IDs Sequence', 'O', '3', 'Patient Identification', 'K.6-1'),
    WorklistKey((), 0x00100030, "Patient's Birth Date", 'O', '2', 'Patient Demographic', 'K.6-1'),
    WorklistKey((), 0x00100040, "Patient's Sex", 'O', '2', 'Patient Demographic', 'K.6-1'),
    WorklistKey((), 0x00100101, "Patient's Primary Language Code Sequence", 'O', '3', 'Patient Demographic', 'K.6-1'),
    WorklistKey((0x00100101, ), 0x00100102, "Patient's Primary Language Modifier Code Sequence", 'O', '3', 'Patient Demographic', 'K.6-1'),
    WorklistKey((), 0x00101030, "Patient's Weight", 'O', '2', 'Patient Demographic', 'K.6-1'),
    WorklistKey((), 0x00101020, "Patient's Size", 'O', '3', 'Patient Demographic', 'K.6-1'),
    WorklistKey((), 0x00403001, 'Confidentiality constraint on patient data', 'O', '2', 'Patient Demographic', 'K.6-1'),
    WorklistKey((), 0x00380500, 'Patient State', 'O', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((), 0x001021C0, 'Pregnancy Status', 'O', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((), 0x00102000, 'Medical Alerts', 'O', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((), 0x00102110, 'Allergies', 'O', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((), 0x00380050, 'Special Needs', 'O', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((), 0x00380100, 'Pertinent Documents Sequence', 'O', '3', 'Patient Medical', 'K.6-1'),
    WorklistKey((0x00380100, ), 0x00081150, 'Referenced SOP Class UID', '-', '1', 'Patient Medical', 'K.6-1'),
    WorklistKey((0x00380100, ), 0x00081155, 'Referenced SOP Instance UID', '-', '1', 'Patient Medical', 'K.6-1'),
    WorklistKey((0x00380100, ), 0x0040A170, 'Purpose of Reference Code Sequence', '-', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((0x00380100, ), 0x00420010, 'Document Title', '-', '2', 'Patient Medical', 'K.6-1'),
    WorklistKey((), 0x00080005, 'Specific Character Set', '1C', '1C', '', 'K.6-1a'),
    WorklistKey((), 0x00080201, 'Timezone Offset From UTC', '1C', '1C', '', 'K.6-1a'),
    WorklistKey((), 0x0040A390, 'HL7 Structured Document Reference Sequence', '-', '1C', '', 'K.6-1a'),
    WorklistKey((0x0040A390, ), 0x00081150, 'Referenced SOP Class UID', '-', '1', '', 'K.6-1a'),
    WorklistKey((0x0040A390, ), 0x00081155, 'Referenced SOP Instance UID', '-', '1', '', 'K.6-1a'),
    WorklistKey((0x0040A390, ), 0x0040E001, 'HL7 Instance Identifier', '-', '1', '', 'K.6-1a'),
    WorklistKey((0x0040A390, ), 0x0040E010, 'Retrieve URI', '-', '3', '', 'K.6-1a'),
)

#: PS3.4 Table F.7.2-1, macros expanded, in table order.
MPPS_ATTRIBUTES: Final[tuple[RequestAttribute, ...]] = (
    RequestAttribute((), 0x00080005, 'Specific Character Set', '1C', '1C', '1C', '1C', '', '', 'F.7.2-1'),
    RequestAttribute((), 0x00400270, 'Scheduled Step Attributes Sequence', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x0020000D, 'Study Instance UID', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00081110, 'Referenced Study Sequence', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00081110, ), 0x00081150, 'Referenced SOP Class UID', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00081110, ), 0x00081155, 'Referenced SOP Instance UID', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00080050, 'Accession Number', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00080051, 'Issuer of Accession Number Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00080051, ), 0x00400031, 'Local Namespace Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00080051, ), 0x00400032, 'Universal Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00080051, ), 0x00400033, 'Universal Entity ID Type', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00402016, 'Placer Order Number/Imaging Service Request', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00400026, 'Order Placer Identifier Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400026, ), 0x00400031, 'Local Namespace Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400026, ), 0x00400032, 'Universal Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400026, ), 0x00400033, 'Universal Entity ID Type', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00402017, 'Filler Order Number/Imaging Service Request', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00400027, 'Order Filler Identifier Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400027, ), 0x00400031, 'Local Namespace Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400027, ), 0x00400032, 'Universal Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400027, ), 0x00400033, 'Universal Entity ID Type', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00401001, 'Requested Procedure ID', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00321064, 'Requested Procedure Code Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080100, 'Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080104, 'Code Meaning', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080119, 'Long Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080120, 'URN Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080105, 'Mapping Resource', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080118, 'Mapping Resource UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080106, 'Context Group Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080107, 'Context Group Local Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, ), 0x00080121, 'Equivalent Code Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1a'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080100, 'Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080104, 'Code Meaning', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080119, 'Long Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080120, 'URN Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080105, 'Mapping Resource', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080118, 'Mapping Resource UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080106, 'Context Group Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x00080107, 'Context Group Local Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00321064, 0x00080121, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, ), 0x00321060, 'Requested Procedure Description', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00400009, 'Scheduled Procedure Step ID', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00400007, 'Scheduled Procedure Step Description', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, ), 0x00400008, 'Scheduled Protocol Code Sequence', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080100, 'Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080104, 'Code Meaning', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080119, 'Long Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080120, 'URN Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080105, 'Mapping Resource', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080118, 'Mapping Resource UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080106, 'Context Group Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080107, 'Context Group Local Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, ), 0x00080121, 'Equivalent Code Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1a'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080100, 'Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080104, 'Code Meaning', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080119, 'Long Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080120, 'URN Code Value', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080105, 'Mapping Resource', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080118, 'Mapping Resource UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080106, 'Context Group Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x00080107, 'Context Group Local Version', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((0x00400270, 0x00400008, 0x00080121, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1b'),
    RequestAttribute((), 0x00100010, "Patient's Name", '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00100020, 'Patient ID', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00100021, 'Issuer of Patient ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00100024, 'Issuer of Patient ID Qualifiers Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00100024, ), 0x00400032, 'Universal Entity ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00100024, ), 0x00400033, 'Universal Entity ID Type', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00101002, 'Other Patient IDs Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00101002, ), 0x00100020, 'Patient ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00101002, ), 0x00100021, 'Issuer of Patient ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00101002, ), 0x00100024, 'Issuer of Patient ID Qualifiers Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00101002, ), 0x00100022, 'Type of Patient ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00100030, "Patient's Birth Date", '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00100040, "Patient's Sex", '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00081120, 'Referenced Patient Sequence', '2', '2', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00081120, ), 0x00081150, 'Referenced SOP Class UID', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00081120, ), 0x00081155, 'Referenced Instance UID', '1', '1', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00380010, 'Admission ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00380014, 'Issuer of Admission ID Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00380014, ), 0x00400031, 'Local Namespace Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00380014, ), 0x00400032, 'Universal Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00380014, ), 0x00400033, 'Universal Entity ID Type', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00380060, 'Service Episode ID', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00380064, 'Issuer of Service Episode ID Sequence', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00380064, ), 0x00400031, 'Local Namespace Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00380064, ), 0x00400032, 'Universal Entity ID', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((0x00380064, ), 0x00400033, 'Universal Entity ID Type', '1C', '1C', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00380062, 'Service Episode Description', '3', '3', '', '', '', 'Performed Procedure Step Relationship', 'F.7.2-1'),
    RequestAttribute((), 0x00400253, 'Performed Procedure Step ID', '1', '1', '', '', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400241, 'Performed Station AE Title', '1', '1', '', '', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400242, 'Performed Station Name', '2', '2', '', '', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400243, 'Performed Location', '2', '2', '', '', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400244, 'Performed Procedure Step Start Date', '1', '1', '', '', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400245, 'Performed Procedure Step Start Time', '1', '1', '', '', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400252, 'Performed Procedure Step Status', '1', '1', '3', '1', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400254, 'Performed Procedure Step Description', '2', '2', '3', '2', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400255, 'Performed Procedure Type Description', '2', '2', '3', '2', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00081032, 'Procedure Code Sequence', '2', '2', '3', '2', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((0x00081032, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080104, 'Code Meaning', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, ), 0x00080121, 'Equivalent Code Sequence', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1e'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080104, 'Code Meaning', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((0x00081032, 0x00080121, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1f'),
    RequestAttribute((), 0x00401012, 'Reason For Performed Procedure Code Sequence', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((0x00401012, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080104, 'Code Meaning', '1', '1', '1', '1', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, ), 0x00080121, 'Equivalent Code Sequence', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1c'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080104, 'Code Meaning', '1', '1', '1', '1', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00401012, 0x00080121, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((), 0x00400250, 'Performed Procedure Step End Date', '2', '2', '3', '1', '1', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400251, 'Performed Procedure Step End Time', '2', '2', '3', '1', '1', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400280, 'Comments on the Performed Procedure Step', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((), 0x00400281, 'Performed Procedure Step Discontinuation Reason Code Sequence', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1'),
    RequestAttribute((0x00400281, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080104, 'Code Meaning', '1', '1', '1', '1', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, ), 0x00080121, 'Equivalent Code Sequence', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1c'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080104, 'Code Meaning', '1', '1', '1', '1', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((0x00400281, 0x00080121, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Performed Procedure Step Information', 'F.7.2-1d'),
    RequestAttribute((), 0x00080060, 'Modality', '1', '1', '', '', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((), 0x00200010, 'Study ID', '2', '2', '', '', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((), 0x00400260, 'Performed Protocol Code Sequence', '2', '2', '3', '2', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400260, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080104, 'Code Meaning', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, ), 0x00080121, 'Equivalent Code Sequence', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1e'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080100, 'Code Value', '1C', '1C', '3', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080102, 'Coding Scheme Designator', '1C', '1C', '1C', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080103, 'Coding Scheme Version', '1C', '1C', '1C', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080104, 'Code Meaning', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080119, 'Long Code Value', '1C', '1C', '3', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080120, 'URN Code Value', '1C', '1C', '3', '1C', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080105, 'Mapping Resource', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080118, 'Mapping Resource UID', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080106, 'Context Group Version', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x0008010B, 'Context Group Extension Flag', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x00080107, 'Context Group Local Version', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((0x00400260, 0x00080121, ), 0x0008010D, 'Context Group Extension Creator UID', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1f'),
    RequestAttribute((), 0x00400340, 'Performed Series Sequence', '2', '2', '3', '1', '1', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x00081050, "Performing Physician's Name", '2', '2', '2', '2', '2', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x00181030, 'Protocol Name', '1', '1', '1', '1', '1', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x00081070, "Operators' Name", '2', '2', '2', '2', '2', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x0020000E, 'Series Instance UID', '1', '1', '1', '1', '1', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x0008103E, 'Series Description', '2', '2', '2', '2', '2', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x00080054, 'Retrieve AE Title', '2', '2', '2', '2', '2', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x0040A494, 'Archive Requested', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x00081140, 'Referenced Image Sequence', '2', '2', '2', '2', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00081140, ), 0x00081150, 'Referenced SOP Class UID', '1', '1', '1', '1', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00081140, ), 0x00081155, 'Referenced SOP Instance UID', '1', '1', '1', '1', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00081140, ), 0x00400512, 'Container Identifier', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00081140, ), 0x00400560, 'Specimen Description Sequence', '3', '3', '3', '3', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00081140, 0x00400560, ), 0x00400551, 'Specimen Identifier', '1', '1', '1', '1', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00081140, 0x00400560, ), 0x00400554, 'Specimen UID', '1', '1', '1', '1', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, ), 0x00400220, 'Referenced Non-Image Composite SOP Instance Sequence', '2', '2', '2', '2', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00400220, ), 0x00081150, 'Referenced SOP Class UID', '1', '1', '1', '1', '', 'Image Acquisition Results', 'F.7.2-1'),
    RequestAttribute((0x00400340, 0x00400220, ), 0x00081155, 'Referenced SOP Instance UID', '1', '1', '1', '1', '', 'Image Acquisition Results', 'F.7.2-1'),
)

#: The MPPS state rules of PS3.4 F.7.2.
MPPS_STATES: Final = StepStates('IN PROGRESS', ('COMPLETED', 'DISCONTINUED', ), 'F.7.2.1.3', 'F.7.2.2.2', 0x0110, 'Performed Procedure Step Object may no longer be updated', 0xA710, 'F.7.2-2')

#: PS3.4 Table R.3.2-1, in table order.
IAN_ATTRIBUTES: Final[tuple[RequestAttribute, ...]] = (
    RequestAttribute((), 0x00080005, 'Specific Character Set', '1C', '1C', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((), 0x00081111, 'Referenced Performed Procedure Step Sequence', '2', '2', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081111, ), 0x00081150, 'Referenced SOP Class UID', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081111, ), 0x00081155, 'Referenced SOP Instance UID', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081111, ), 0x00404019, 'Performed Workitem Code Sequence', '2', '2', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((), 0x0020000D, 'Study Instance UID', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((), 0x00081115, 'Referenced Series Sequence', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, ), 0x0020000E, 'Series Instance UID', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, ), 0x00081199, 'Referenced SOP Sequence', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00081150, 'Referenced SOP Class UID', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00081155, 'Reference SOP Instance UID', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00080056, 'Instance Availability', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00080054, 'Retrieve AE Title', '1', '1', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x0040E011, 'Retrieve Location UID', '3', '3', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x0040E010, 'Retrieve URI', '3', '3', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00081190, 'Retrieve URL', '3', '3', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00880130, 'Storage Media File-Set ID', '3', '3', '', '', '', '', 'R.3.2-1'),
    RequestAttribute((0x00081115, 0x00081199, ), 0x00880140, 'Storage Media File-Set UID', '3', '3', '', '', '', '', 'R.3.2-1'),
)


def worklist_keys_at(path: tuple[int, ...]) -> tuple[WorklistKey, ...]:
    """The worklist keys directly inside the sequences ``path`` (``()``: the top level)."""
    return tuple(k for k in WORKLIST_KEYS if k.path == path)


def attributes_at(table: tuple[RequestAttribute, ...],
                  path: tuple[int, ...]) -> tuple[RequestAttribute, ...]:
    """The attributes of ``table`` directly inside the sequences ``path``."""
    return tuple(a for a in table if a.path == path)
