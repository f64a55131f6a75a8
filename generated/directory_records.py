"""dicomkit.generated.directory_records: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.3 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part03/
    sha256 bff7a8d0249c558b5f7dd741c65bbf49cc7bda604fbec28da08ecf5b923e9837
    Table A.2-1, Table A.3-1, Table A.4-1, Table A.5-1, Table A.6-1, Table A.7-1, Table A.8-1, Table A.8-2, Table A.8-3, Table A.8-3b, Table A.8-4, Table A.8-4b, Table A.8-5, Table A.8-5b, Table A.14-1, Table A.16-1, Table A.17.3-1, Table A.18.3-1, Table A.19.3-1, Table A.20.3-1, Table A.21.3-1, Table A.26-1, Table A.27-1, Table A.28-1, Table A.29.3-1, Table A.30.3-1, Table A.31.3-1, Table A.32.1-1, Table A.32.1-2, Table A.32.1-3, Table A.32.4-1, Table A.32.5-1, Table A.32.6-1, Table A.32.7-1, Table A.32.8-1, Table A.32.8-2, Table A.32.9-1, Table A.32.9-2, Table A.32.10-1, Table A.32.10-2, Table A.32.11-1, Table A.33.1-1, Table A.33.2-1, Table A.33.3-1, Table A.33.4-1, Table A.33.5.1-1, Table A.33.6-1, Table A.33.7-1, Table A.33.8-1, Table A.34.2-1, Table A.34.3-1, Table A.34.4-1, Table A.34.5-1, Table A.34.6-1, Table A.34.7-1, Table A.34.8-1, Table A.34.9-1, Table A.34.10-1, Table A.34.11-1, Table A.34.11-2, Table A.34.12-1, Table A.34.13-1, Table A.34.14-1, Table A.34.15-1, Table A.34.16-1, Table A.34.17-1, Table A.34.18-1, Table A.35.1-1, Table A.35.2-1, Table A.35.3-1, Table A.35.4-1, Table A.35.5-1, Table A.35.6-1, Table A.35.7-1, Table A.35.8-1, Table A.35.9-1, Table A.35.10-1, Table A.35.11-1, Table A.35.12-1, Table A.35.13-1, Table A.35.14-1, Table A.35.15-1, Table A.35.16-1, Table A.35.17-1, Table A.35.18-1, Table A.35.19-1, Table A.35.20-1, Table A.35.21-1, Table A.35.22-1, Table A.35.23-1, Table A.36-1, Table A.36-2, Table A.36-3, Table A.36-4, Table A.36-5, Table A.37-1, Table A.38-1, Table A.38-2, Table A.39.1-1, Table A.39.2-1, Table A.40-1, Table A.41-1, Table A.42-1, Table A.43-1, Table A.44.3-1, Table A.45.1-1, Table A.45.2-1, Table A.46-1, Table A.47-1, Table A.47-2, Table A.48-1, Table A.48-2, Table A.49-1, Table A.50-1, Table A.51-1, Table A.51-2, Table A.52.3-1, Table A.52.4.3-1, Table A.53-1, Table A.53-2, Table A.54-1, Table A.54-2, Table A.55-1, Table A.55-2, Table A.56-1, Table A.56-2, Table A.57-1, Table A.58.3-1, Table A.59-1, Table A.59-2, Table A.60.1-1, Table A.60.2-1, Table A.60.3-1, Table A.60.4-1, Table A.60.5-1, Table A.60.6-1, Table A.60.7-1, Table A.61-1, Table A.62-1, Table A.63-1, Table A.64.3-1, Table A.65.3-1, Table A.66.3-1, Table A.66.4.3-1, Table A.67.3-1, Table A.68-1, Table A.69-1, Table A.70-1, Table A.70-2, Table A.71-1, Table A.71-2, Table A.72-1, Table A.72-2, Table A.73.3-1, Table A.74-1, Table A.74-2, Table A.75-1, Table A.75-2, Table A.76-1, Table A.77-1, Table A.78-1, Table A.79.3-1, Table A.80.1-1, Table A.80.2.3-1, Table A.81.3-1, Table A.82.1.3-1, Table A.82.2.3-1, Table A.82.3.1.3-1, Table A.82.4.3-1, Table A.82.5.3-1, Table A.83-1, Table A.84-1, Table A.84.3.2-1, Table A.85.1-1, Table A.85.2-1, Table A.85.3-1, Table A.86.1.2-1, Table A.86.1.3-1, Table A.86.1.4-1, Table A.86.1.5-1, Table A.86.1.6-1, Table A.86.1.7-1, Table A.86.1.8-1, Table A.86.1.9-1, Table A.86.1.10.3-1, Table A.86.1.11-1, Table A.86.1.12-1, Table A.86.1.13-1, Table A.86.1.14-1, Table A.86.1.15-1, Table A.86.1.15-2, Table A.86.1.16-1, Table A.86.1.16-2, Table A.86.1.17-1, Table A.87-1, Table A.88.3-1, Table A.89.3-1, Table A.89.4-1, Table A.90.1.3-1, Table A.90.1.5-1, Table A.90.2.3-1, Table A.90.2.5-1, Table F.3-1, Table F.4-1, Table F.5-1, Table F.5-2, Table F.5-3, Table F.5-4, Table F.5-19, Table F.5-20, Table F.5-21, Table F.5-22, Table F.5-23, Table F.5-24, Table F.5-25, Table F.5-26, Table F.5-27, Table F.5-28, Table F.5-29, Table F.5-30, Table F.5-31, Table F.5-32, Table F.5-34, Table F.5-35, Table F.5-36, Table F.5-37, Table F.5-38, Table F.5-39, Table F.5-40, Table F.5-41, Table F.5-42, Table F.5-43, Table F.5-44, Table F.5-45, Table F.5-46, Table F.5-47, Table F.5-48
"""
# The 33 Directory Record Types of the Basic Directory IOD that have a keys table
# (PS3.3 F.5, Table F.4-1), and the record of each of 166 IODs.

from __future__ import annotations

from typing import Any, Final, NamedTuple


class RecordKey(NamedTuple):
    """A top-level row of a Directory Record Keys table (PS3.3 F.5): tag (0 for an Include row),
    name, type, condition text, parsed condition (None when prose), included macro table label
    (rows of dicomkit.generated.macros), and a resolved condition name (``keys_charset``:
    "Required if an extended or replacement character set is used in one of the Keys")."""

    tag: int
    name: str
    type: str
    condition: str
    expr: Any
    include: str
    when: str


class DirectoryRecord(NamedTuple):
    """A Directory Record Type (0004,1430): its section and keys table, its keys, the record
    types of its lower-level directory entity, and its path from the root directory entity."""

    record_type: str
    section: str
    table: str
    keys: tuple[RecordKey, ...]
    lower: tuple[str, ...]
    path: tuple[str, ...]


_K = RecordKey

#: Directory Record Type -> its definition.
RECORDS: Final[dict[str, DirectoryRecord]] = {
    'PATIENT': DirectoryRecord('PATIENT', 'F.5.1', 'F.5-1', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00100010, "Patient's Name", '2', '', None, '', ''),
        _K(0x00100020, 'Patient ID', '1', '', None, '', ''),
    ), ('STUDY', 'PRIVATE'), ('PATIENT',)),
    'STUDY': DirectoryRecord('STUDY', 'F.5.2', 'F.5-2', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080020, 'Study Date', '1', '', None, '', ''),
        _K(0x00080030, 'Study Time', '1', '', None, '', ''),
        _K(0x00081030, 'Study Description', '2', '', None, '', ''),
        _K(0x0020000D, 'Study Instance UID', '1', '', None, '', ''),
        _K(0x00200010, 'Study ID', '1', '', None, '', ''),
        _K(0x00080050, 'Accession Number', '2', '', None, '', ''),
    ), ('SERIES', 'PRIVATE'), ('PATIENT', 'STUDY')),
    'SERIES': DirectoryRecord('SERIES', 'F.5.3', 'F.5-3', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080060, 'Modality', '1', '', None, '', ''),
        _K(0x0020000E, 'Series Instance UID', '1', '', None, '', ''),
        _K(0x00200011, 'Series Number', '1', '', None, '', ''),
        _K(0x00880200, 'Icon Image Sequence', '3', '', None, '', ''),
    ), ('IMAGE', 'RT DOSE', 'RT STRUCTURE SET', 'RT PLAN', 'RT TREAT RECORD', 'PRESENTATION', 'WAVEFORM', 'SR DOCUMENT', 'KEY OBJECT DOC', 'SPECTROSCOPY', 'RAW DATA', 'REGISTRATION', 'FIDUCIAL', 'ENCAP DOC', 'VALUE MAP', 'STEREOMETRIC', 'PLAN', 'MEASUREMENT', 'SURFACE', 'TRACT', 'ASSESSMENT', 'RADIOTHERAPY', 'ANNOTATION', 'PRIVATE', 'SURFACE SCAN'), ('PATIENT', 'STUDY', 'SERIES')),
    'IMAGE': DirectoryRecord('IMAGE', 'F.5.4', 'F.5-4', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x00880200, 'Icon Image Sequence', '3', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'IMAGE')),
    'RT DOSE': DirectoryRecord('RT DOSE', 'F.5.19', 'F.5-19', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x3004000A, 'Dose Summation Type', '1', '', None, '', ''),
        _K(0x30040006, 'Dose Comment', '3', '', None, '', ''),
        _K(0x00880200, 'Icon Image Sequence', '3', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'RT DOSE')),
    'RT STRUCTURE SET': DirectoryRecord('RT STRUCTURE SET', 'F.5.20', 'F.5-20', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x30060002, 'Structure Set Label', '1', '', None, '', ''),
        _K(0x30060008, 'Structure Set Date', '2', '', None, '', ''),
        _K(0x30060009, 'Structure Set Time', '2', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'RT STRUCTURE SET')),
    'RT PLAN': DirectoryRecord('RT PLAN', 'F.5.21', 'F.5-21', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x300A0002, 'RT Plan Label', '1', '', None, '', ''),
        _K(0x300A0006, 'RT Plan Date', '2', '', None, '', ''),
        _K(0x300A0007, 'RT Plan Time', '2', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'RT PLAN')),
    'RT TREAT RECORD': DirectoryRecord('RT TREAT RECORD', 'F.5.22', 'F.5-22', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x30080250, 'Treatment Date', '2', '', None, '', ''),
        _K(0x30080251, 'Treatment Time', '2', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'RT TREAT RECORD')),
    'PRESENTATION': DirectoryRecord('PRESENTATION', 'F.5.23', 'F.5-23', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00700082, 'Presentation Creation Date', '1', '', None, '', ''),
        _K(0x00700083, 'Presentation Creation Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
        _K(0x00081115, 'Referenced Series Sequence', '1C', 'Sequence of Items where each Item includes the Attributes of one Series to which the Presentation State applies. One or more Items shall be included in this Sequence. Required if the IOD of the Presentation State SOP Instance referenced by this Directory Record includes the Section C.11.11.', None, '', ''),
        _K(0x00700402, 'Blending Sequence', '1C', 'Sequence of Items where each Item includes the Attributes of a Study to which the Presentation State applies. Only two Items shall be included in this Sequence. Required if the SOP Instance referenced by this Directory Record includes Blending Sequence (0070,0402).', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'PRESENTATION')),
    'WAVEFORM': DirectoryRecord('WAVEFORM', 'F.5.24', 'F.5-24', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'WAVEFORM')),
    'SR DOCUMENT': DirectoryRecord('SR DOCUMENT', 'F.5.25', 'F.5-25', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x0040A491, 'Completion Flag', '1', '', None, '', ''),
        _K(0x0040A493, 'Verification Flag', '1', '', None, '', ''),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x0040A030, 'Verification DateTime', '1C', 'Most recent Date and Time of verification among those defined in the Verifying Observer Sequence (0040,A073). Required if Verification Flag (0040,A493) is VERIFIED.', ('equals', (4236435,), ('VERIFIED',), None), '', ''),
        _K(0x0040A043, 'Concept Name Code Sequence', '1', '', None, '', ''),
        _K(0x0040A730, 'Content Sequence', '1C', 'Contains the Target Content Items that modify the Concept Name Code Sequence of the root Content Item (Document Title). One or more Items shall be included in this Sequence. All, and only, Content Items with the HAS CONCEPT MOD relationship from the root Content Item shall be included in this Sequence. Required if the root Content Item is the Source Content Item of HAS CONCEPT MOD relationships.', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'SR DOCUMENT')),
    'KEY OBJECT DOC': DirectoryRecord('KEY OBJECT DOC', 'F.5.26', 'F.5-26', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x0040A043, 'Concept Name Code Sequence', '1', '', None, '', ''),
        _K(0x0040A730, 'Content Sequence', '1C', 'Contains the Target Content Items that modify the Concept Name Code Sequence of the root Content Item (Document Title). One or more Items shall be included in this Sequence. All, and only, Content Items with the HAS CONCEPT MOD relationship from the root Content Item shall be included in this Sequence. Required if the root Content Item is the Source Content Item of HAS CONCEPT MOD relationships.', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'KEY OBJECT DOC')),
    'SPECTROSCOPY': DirectoryRecord('SPECTROSCOPY', 'F.5.27', 'F.5-27', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080008, 'Image Type', '1', '', None, '', ''),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x00089092, 'Referenced Image Evidence Sequence', '1C', 'Required if present in the Spectroscopy Instance. One or more Items shall be included in this Sequence.', None, '', ''),
        _K(0x00280008, 'Number of Frames', '1', '', None, '', ''),
        _K(0x00280010, 'Rows', '1', '', None, '', ''),
        _K(0x00280011, 'Columns', '1', '', None, '', ''),
        _K(0x00289001, 'Data Point Rows', '1', '', None, '', ''),
        _K(0x00289002, 'Data Point Columns', '1', '', None, '', ''),
        _K(0x00880200, 'Icon Image Sequence', '3', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'SPECTROSCOPY')),
    'RAW DATA': DirectoryRecord('RAW DATA', 'F.5.28', 'F.5-28', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00200013, 'Instance Number', '2', '', None, '', ''),
        _K(0x00880200, 'Icon Image Sequence', '3', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'RAW DATA')),
    'REGISTRATION': DirectoryRecord('REGISTRATION', 'F.5.29', 'F.5-29', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'REGISTRATION')),
    'FIDUCIAL': DirectoryRecord('FIDUCIAL', 'F.5.30', 'F.5-30', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'FIDUCIAL')),
    'HANGING PROTOCOL': DirectoryRecord('HANGING PROTOCOL', 'F.5.31', 'F.5-31', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00720002, 'Hanging Protocol Name', '1', '', None, '', ''),
        _K(0x00720004, 'Hanging Protocol Description', '1', '', None, '', ''),
        _K(0x00720006, 'Hanging Protocol Level', '1', '', None, '', ''),
        _K(0x00720008, 'Hanging Protocol Creator', '1', '', None, '', ''),
        _K(0x0072000A, 'Hanging Protocol Creation DateTime', '1', '', None, '', ''),
        _K(0x0072000C, 'Hanging Protocol Definition Sequence', '1', '', None, '', ''),
        _K(0x00720014, 'Number of Priors Referenced', '1', '', None, '', ''),
        _K(0x0072000E, 'Hanging Protocol User Identification Code Sequence', '2', '', None, '', ''),
    ), ('PRIVATE',), ('HANGING PROTOCOL',)),
    'ENCAP DOC': DirectoryRecord('ENCAP DOC', 'F.5.32', 'F.5-32', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '2', '', None, '', ''),
        _K(0x00080033, 'Content Time', '2', '', None, '', ''),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x00420010, 'Document Title', '2', '', None, '', ''),
        _K(0x0040E001, 'HL7 Instance Identifier', '1C', 'Instance Identifier from the referenced HL7 Structured Document, encoded as a UID (OID or UUID), concatenated with a caret ("^") and Extension value (if Extension is present in Instance Identifier). Required if encapsulated document is an HL7 Structured Document.', None, '', ''),
        _K(0x0040A043, 'Concept Name Code Sequence', '2', '', None, '', ''),
        _K(0x00420012, 'MIME Type of Encapsulated Document', '1', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'ENCAP DOC')),
    'VALUE MAP': DirectoryRecord('VALUE MAP', 'F.5.34', 'F.5-34', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'VALUE MAP')),
    'STEREOMETRIC': DirectoryRecord('STEREOMETRIC', 'F.5.35', 'F.5-35', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'STEREOMETRIC')),
    'PALETTE': DirectoryRecord('PALETTE', 'F.5.36', 'F.5-36', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00700080, 'Content Label', '1', '', None, '', ''),
        _K(0x00700081, 'Content Description', '2', '', None, '', ''),
    ), ('PRIVATE',), ('PALETTE',)),
    'IMPLANT': DirectoryRecord('IMPLANT', 'F.5.37', 'F.5-37', (
        _K(0x00080070, 'Manufacturer', '1', '', None, '', ''),
        _K(0x00221095, 'Implant Name', '1', '', None, '', ''),
        _K(0x00686210, 'Implant Size', '1C', 'The size descriptor of the component. Required if present in the referenced Instance.', None, '', ''),
        _K(0x00221097, 'Implant Part Number', '1', '', None, '', ''),
    ), ('PRIVATE',), ('IMPLANT',)),
    'IMPLANT ASSY': DirectoryRecord('IMPLANT ASSY', 'F.5.38', 'F.5-38', (
        _K(0x00760001, 'Implant Assembly Template Name', '1', '', None, '', ''),
        _K(0x00080070, 'Manufacturer', '1', '', None, '', ''),
        _K(0x00760020, 'Procedure Type Code Sequence', '1', '', None, '', ''),
    ), ('PRIVATE',), ('IMPLANT ASSY',)),
    'IMPLANT GROUP': DirectoryRecord('IMPLANT GROUP', 'F.5.39', 'F.5-39', (
        _K(0x00780001, 'Implant Template Group Name', '1', '', None, '', ''),
        _K(0x00780010, 'Implant Template Group Description', '3', '', None, '', ''),
        _K(0x00780020, 'Implant Template Group Issuer', '1', '', None, '', ''),
    ), ('PRIVATE',), ('IMPLANT GROUP',)),
    'PLAN': DirectoryRecord('PLAN', 'F.5.40', 'F.5-40', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'PLAN')),
    'MEASUREMENT': DirectoryRecord('MEASUREMENT', 'F.5.41', 'F.5-41', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'MEASUREMENT')),
    'SURFACE': DirectoryRecord('SURFACE', 'F.5.42', 'F.5-42', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'SURFACE')),
    'SURFACE SCAN': DirectoryRecord('SURFACE SCAN', 'F.5.43', 'F.5-43', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'SURFACE SCAN')),
    'TRACT': DirectoryRecord('TRACT', 'F.5.44', 'F.5-44', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'TRACT')),
    'ASSESSMENT': DirectoryRecord('ASSESSMENT', 'F.5.45', 'F.5-45', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x00080012, 'Instance Creation Date', '1', '', None, '', ''),
        _K(0x00080013, 'Instance Creation Time', '2', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'ASSESSMENT')),
    'RADIOTHERAPY': DirectoryRecord('RADIOTHERAPY', 'F.5.46', 'F.5-46', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00200013, 'Instance Number', '1', '', None, '', ''),
        _K(0x30100033, 'User Content Label', '1C', 'Required if User Content Label (3010,0033) is present.', ('present', (806354995,)), '', ''),
        _K(0x30100034, 'User Content Long Label', '1C', 'Required if User Content Long Label (3010,0034) is present.', ('present', (806354996,)), '', ''),
        _K(0x00700081, 'Content Description', '2', '', None, '', ''),
        _K(0x00700084, "Content Creator's Name", '2', '', None, '', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'RADIOTHERAPY')),
    'ANNOTATION': DirectoryRecord('ANNOTATION', 'F.5.47', 'F.5-47', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, '10-12', ''),
    ), ('PRIVATE',), ('PATIENT', 'STUDY', 'SERIES', 'ANNOTATION')),
    'INVENTORY': DirectoryRecord('INVENTORY', 'F.5.48', 'F.5-48', (
        _K(0x00080005, 'Specific Character Set', '1C', 'Required if an extended or replacement character set is used in one of the Keys.', None, '', 'keys_charset'),
        _K(0x00080023, 'Content Date', '1', '', None, '', ''),
        _K(0x00080033, 'Content Time', '1', '', None, '', ''),
        _K(0x00080401, 'Inventory Purpose', '2', '', None, '', ''),
        _K(0x00080403, 'Inventory Level', '1', '', None, '', ''),
        _K(0x00000000, '', '', '', None, 'C.38.2-1', ''),
        _K(0x00080426, 'Inventory Completion Status', '1', '', None, '', ''),
        _K(0x00080428, 'Total Number of Study Records', '1', '', None, '', ''),
    ), ('PRIVATE',), ('INVENTORY',)),
}

#: IOD module table label (dicomkit.generated.iods) -> the record type referencing its instances;
#: chosen by the IOD's section linked from the record's definition, else by its Information Entity.
IOD_RECORDS: Final[dict[str, str]] = {
    'A.2-1': 'IMAGE',  # ie
    'A.3-1': 'IMAGE',  # ie
    'A.4-1': 'IMAGE',  # ie
    'A.5-1': 'IMAGE',  # ie
    'A.6-1': 'IMAGE',  # ie
    'A.7-1': 'IMAGE',  # ie
    'A.8-1': 'IMAGE',  # ie
    'A.8-2': 'IMAGE',  # ie
    'A.8-3': 'IMAGE',  # ie
    'A.8-4': 'IMAGE',  # ie
    'A.8-5': 'IMAGE',  # ie
    'A.14-1': 'IMAGE',  # ie
    'A.16-1': 'IMAGE',  # ie
    'A.17.3-1': 'IMAGE',  # ie
    'A.18.3-1': 'RT DOSE',  # section
    'A.19.3-1': 'RT STRUCTURE SET',  # section
    'A.20.3-1': 'RT PLAN',  # ie
    'A.21.3-1': 'IMAGE',  # ie
    'A.26-1': 'IMAGE',  # ie
    'A.27-1': 'IMAGE',  # ie
    'A.28-1': 'IMAGE',  # ie
    'A.29.3-1': 'RT TREAT RECORD',  # ie
    'A.30.3-1': 'RT TREAT RECORD',  # ie
    'A.31.3-1': 'RT TREAT RECORD',  # ie
    'A.32.1-1': 'IMAGE',  # ie
    'A.32.1-2': 'IMAGE',  # ie
    'A.32.1-3': 'IMAGE',  # ie
    'A.32.4-1': 'IMAGE',  # ie
    'A.32.5-1': 'IMAGE',  # ie
    'A.32.6-1': 'IMAGE',  # ie
    'A.32.7-1': 'IMAGE',  # ie
    'A.32.8-1': 'IMAGE',  # ie
    'A.32.9-1': 'IMAGE',  # ie
    'A.32.10-1': 'IMAGE',  # ie
    'A.32.11-1': 'IMAGE',  # ie
    'A.33.1-1': 'PRESENTATION',  # ie
    'A.33.2-1': 'PRESENTATION',  # ie
    'A.33.3-1': 'PRESENTATION',  # ie
    'A.33.4-1': 'PRESENTATION',  # ie
    'A.33.5.1-1': 'PRESENTATION',  # ie
    'A.33.6-1': 'PRESENTATION',  # ie
    'A.33.7-1': 'PRESENTATION',  # ie
    'A.33.8-1': 'PRESENTATION',  # ie
    'A.34.2-1': 'WAVEFORM',  # ie
    'A.34.3-1': 'WAVEFORM',  # ie
    'A.34.4-1': 'WAVEFORM',  # ie
    'A.34.5-1': 'WAVEFORM',  # ie
    'A.34.6-1': 'WAVEFORM',  # ie
    'A.34.7-1': 'WAVEFORM',  # ie
    'A.34.8-1': 'WAVEFORM',  # ie
    'A.34.9-1': 'WAVEFORM',  # ie
    'A.34.10-1': 'WAVEFORM',  # ie
    'A.34.11-1': 'WAVEFORM',  # ie
    'A.34.12-1': 'WAVEFORM',  # ie
    'A.34.13-1': 'WAVEFORM',  # ie
    'A.34.14-1': 'WAVEFORM',  # ie
    'A.34.15-1': 'WAVEFORM',  # ie
    'A.34.16-1': 'WAVEFORM',  # ie
    'A.34.17-1': 'WAVEFORM',  # ie
    'A.34.18-1': 'WAVEFORM',  # ie
    'A.35.1-1': 'SR DOCUMENT',  # ie
    'A.35.2-1': 'SR DOCUMENT',  # ie
    'A.35.3-1': 'SR DOCUMENT',  # ie
    'A.35.4-1': 'KEY OBJECT DOC',  # section
    'A.35.5-1': 'SR DOCUMENT',  # ie
    'A.35.6-1': 'SR DOCUMENT',  # ie
    'A.35.7-1': 'SR DOCUMENT',  # ie
    'A.35.8-1': 'SR DOCUMENT',  # ie
    'A.35.9-1': 'SR DOCUMENT',  # ie
    'A.35.10-1': 'SR DOCUMENT',  # ie
    'A.35.11-1': 'SR DOCUMENT',  # ie
    'A.35.12-1': 'SR DOCUMENT',  # ie
    'A.35.13-1': 'SR DOCUMENT',  # ie
    'A.35.14-1': 'SR DOCUMENT',  # ie
    'A.35.15-1': 'SR DOCUMENT',  # ie
    'A.35.16-1': 'SR DOCUMENT',  # ie
    'A.35.17-1': 'SR DOCUMENT',  # ie
    'A.35.18-1': 'SR DOCUMENT',  # ie
    'A.35.19-1': 'SR DOCUMENT',  # ie
    'A.35.20-1': 'SR DOCUMENT',  # ie
    'A.35.21-1': 'SR DOCUMENT',  # ie
    'A.35.22-1': 'SR DOCUMENT',  # ie
    'A.35.23-1': 'SR DOCUMENT',  # ie
    'A.36-1': 'IMAGE',  # ie
    'A.36-3': 'SPECTROSCOPY',  # section
    'A.36-5': 'IMAGE',  # ie
    'A.37-1': 'RAW DATA',  # ie
    'A.38-1': 'IMAGE',  # ie
    'A.39.1-1': 'REGISTRATION',  # section
    'A.39.2-1': 'REGISTRATION',  # section
    'A.40-1': 'FIDUCIAL',  # section
    'A.41-1': 'IMAGE',  # ie
    'A.42-1': 'IMAGE',  # ie
    'A.43-1': 'STEREOMETRIC',  # section
    'A.44.3-1': 'HANGING PROTOCOL',  # section
    'A.45.1-1': 'ENCAP DOC',  # ie
    'A.45.2-1': 'ENCAP DOC',  # ie
    'A.46-1': 'VALUE MAP',  # section
    'A.47-1': 'IMAGE',  # ie
    'A.48-1': 'IMAGE',  # ie
    'A.49-1': 'RT PLAN',  # ie
    'A.50-1': 'RT TREAT RECORD',  # ie
    'A.51-1': 'IMAGE',  # ie
    'A.52.3-1': 'IMAGE',  # ie
    'A.53-1': 'IMAGE',  # ie
    'A.54-1': 'IMAGE',  # ie
    'A.55-1': 'IMAGE',  # ie
    'A.56-1': 'IMAGE',  # ie
    'A.57-1': 'SURFACE',  # section
    'A.58.3-1': 'PALETTE',  # section
    'A.59-1': 'IMAGE',  # ie
    'A.60.1-1': 'MEASUREMENT',  # ie
    'A.60.2-1': 'MEASUREMENT',  # ie
    'A.60.3-1': 'MEASUREMENT',  # ie
    'A.60.4-1': 'MEASUREMENT',  # ie
    'A.60.5-1': 'MEASUREMENT',  # ie
    'A.60.6-1': 'MEASUREMENT',  # ie
    'A.60.7-1': 'MEASUREMENT',  # ie
    'A.61-1': 'IMPLANT',  # section
    'A.62-1': 'IMPLANT ASSY',  # section
    'A.63-1': 'IMPLANT GROUP',  # section
    'A.64.3-1': 'PLAN',  # section
    'A.65.3-1': 'MEASUREMENT',  # ie
    'A.66.3-1': 'IMAGE',  # ie
    'A.67.3-1': 'IMAGE',  # ie
    'A.68-1': 'SURFACE SCAN',  # section
    'A.69-1': 'SURFACE SCAN',  # section
    'A.70-1': 'IMAGE',  # ie
    'A.71-1': 'IMAGE',  # ie
    'A.72-1': 'IMAGE',  # ie
    'A.73.3-1': 'IMAGE',  # ie
    'A.74-1': 'IMAGE',  # ie
    'A.75-1': 'IMAGE',  # ie
    'A.76-1': 'IMAGE',  # ie
    'A.77-1': 'IMAGE',  # ie
    'A.78-1': 'TRACT',  # section
    'A.79.3-1': 'PLAN',  # section
    'A.80.1-1': 'PRESENTATION',  # ie
    'A.80.2.3-1': 'PRESENTATION',  # ie
    'A.81.3-1': 'ASSESSMENT',  # section
    'A.83-1': 'IMAGE',  # ie
    'A.84-1': 'IMAGE',  # ie
    'A.85.1-1': 'ENCAP DOC',  # ie
    'A.85.2-1': 'ENCAP DOC',  # ie
    'A.85.3-1': 'ENCAP DOC',  # ie
    'A.86.1.2-1': 'RADIOTHERAPY',  # section
    'A.86.1.3-1': 'RADIOTHERAPY',  # section
    'A.86.1.4-1': 'RADIOTHERAPY',  # section
    'A.86.1.5-1': 'RADIOTHERAPY',  # section
    'A.86.1.6-1': 'RADIOTHERAPY',  # section
    'A.86.1.7-1': 'RADIOTHERAPY',  # section
    'A.86.1.8-1': 'RADIOTHERAPY',  # section
    'A.86.1.9-1': 'RADIOTHERAPY',  # section
    'A.86.1.10.3-1': 'RADIOTHERAPY',  # section
    'A.86.1.11-1': 'RADIOTHERAPY',  # section
    'A.86.1.12-1': 'RADIOTHERAPY',  # section
    'A.86.1.13-1': 'RADIOTHERAPY',  # section
    'A.86.1.14-1': 'RADIOTHERAPY',  # section
    'A.86.1.15-1': 'RADIOTHERAPY',  # section
    'A.86.1.16-1': 'RADIOTHERAPY',  # section
    'A.86.1.17-1': 'RADIOTHERAPY',  # section
    'A.87-1': 'ANNOTATION',  # section
    'A.88.3-1': 'INVENTORY',  # section
    'A.89.3-1': 'IMAGE',  # ie
    'A.90.1.3-1': 'IMAGE',  # ie
    'A.90.2.3-1': 'IMAGE',  # ie
}

#: IODs that no Directory Record Type of PS3.3 F.5 references.
IODS_WITHOUT_RECORD: Final[tuple[str, ...]] = ('A.82.1.3-1', 'A.82.2.3-1', 'A.82.3.1.3-1', 'A.82.4.3-1', 'A.82.5.3-1', 'F.3-1')
