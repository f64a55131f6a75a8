"""Every hand-written correction of a defect in the standard's text, in one table.

Readers consult :data:`FIXES` (never patch text inline), so that all corrections can be seen at
once.  Each entry names the part, the table (or section), the edition(s) it applies to, what is
wrong and what we use instead.  An entry whose defect is no longer in a newer edition simply
stops matching.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    """One correction.

    Attributes
    ----------
    part
        Part number.
    table
        Table label (``"6-1"``) or section label the defect is in.
    editions
        Editions the fix applies to; empty means every edition where ``match`` is found.
    key
        What identifies the row or value (e.g. a tag ``"(0018,9445)"`` or a UID).
    field
        The field corrected.
    value
        The value used instead of the standard's.
    reason
        Why: the defect and the source of the correct value.
    """

    part: int
    table: str
    editions: tuple[str, ...]
    key: str
    field: str
    value: str
    reason: str


#: The table of fixes.  Keep it sorted by part, table, key.
FIXES: tuple[Fix, ...] = (
    Fix(
        part=3, table="C.12-3", editions=("2016c",), key="ISO 2022 IR 13 / ISO-IR 13",
        field="ESC Sequence", value="ESC 02/09 04/09",
        reason="PS3.3 2016c Table C.12-3 writes the escape sequence of ISO-IR 13 (Japanese "
               "katakana, G1) as 'ESC 02/0 9 04/09', a space inside the column/row pair "
               "02/09; 2024c, and PS3.5 Table H.1-1 ('G1 set ESC 02/09 04/09'), give "
               "ESC 02/09 04/09",
    ),
    Fix(
        part=3, table="C.12-4", editions=(), key="ISO 2022 IR 149 / ISO-IR 149",
        field="Number of Characters", value="8836",
        reason="PS3.3 Table C.12-4 gives the number of characters of the 94 x 94 set ISO-IR "
               "149 as '942' (94 squared, its superscript lost in the source); KS X 1001 is "
               "a two-byte 94 x 94 set like ISO-IR 87 and 159, for which PS3.5 H.1.2 and "
               "H.1.3 write 94^2 characters, i.e. 8836",
    ),
    Fix(
        part=3, table="C.12-4", editions=(), key="ISO 2022 IR 159 / ISO-IR 159",
        field="Number of Characters", value="8836",
        reason="PS3.3 Table C.12-4 gives the number of characters of the 94 x 94 set ISO-IR "
               "159 as '942' (94 squared, its superscript lost in the source); PS3.5 Annex "
               "H.1.3 gives 94^2 characters, i.e. 8836",
    ),
    Fix(
        part=3, table="C.12-4", editions=(), key="ISO 2022 IR 87 / ISO-IR 87",
        field="Number of Characters", value="8836",
        reason="PS3.3 Table C.12-4 gives the number of characters of the 94 x 94 set ISO-IR "
               "87 as '942' (94 squared, its superscript lost in the source); PS3.5 Annex "
               "H.1.2 gives 94^2 characters, i.e. 8836",
    ),
    Fix(
        part=3, table="F.4-1", editions=("2024c",), key="SERIES",
        field="lower-level record types added", value="SURFACE SCAN",
        reason="PS3.3 2024c Table F.4-1 has a row for the SURFACE SCAN record (Section F.5.43, "
               "to reference a Surface Scan Mesh or Surface Scan Point Cloud SOP Instance, "
               "IODs A.68 and A.69, whose module tables have the Patient, Study and Series IEs) "
               "but lists it in no row's lower-level record types, so no record can hold it; "
               "like the SURFACE record (F.5.42, Surface Segmentation, A.57) it belongs in the "
               "lower-level entity of SERIES",
    ),
    Fix(
        part=4, table="B.5-1", editions=("2020c",), key="1.2.840.10008.5.1.4.1.1.128.1",
        field="IOD Specification", value="Section A.72 in PS3.3",
        reason="PS3.4 2020c Table B.5-1 gives the IOD Specification of Legacy Converted Enhanced "
               "PET Image Storage as 'Section B.5.1.23' (its Specialization, a PS3.4 section) "
               "instead of the PS3.3 IOD; 2024c gives 'Section A.72 in PS3.3' (Legacy Converted "
               "Enhanced PET Image IOD)",
    ),
    Fix(
        part=4, table="F.7.2-1c", editions=("2024c",), key="row 1", field="Attribute Name",
        value="Include Table F.7.2-1d",
        reason="PS3.4 2024c Table F.7.2-1c (Enhanced Code Value Macro with N-SET, Mandatory "
               "Meaning) opens with '>Include Table F.7.2-1d', one level too deep: the Simple "
               "Code Value attributes are those of the code item itself, as in Table F.7.2-1a "
               "('Include Table F.7.2-1b'), and only its Equivalent Code Sequence items are "
               "one level down (its third row)",
    ),
    Fix(
        part=4, table="F.7.2-1e", editions=("2024c",), key="row 1", field="Attribute Name",
        value="Include Table F.7.2-1f",
        reason="PS3.4 2024c Table F.7.2-1e (Enhanced Code Value Macro with N-SET, Optional "
               "Meaning) opens with '>Include Table F.7.2-1f', one level too deep, like Table "
               "F.7.2-1c: see Table F.7.2-1a",
    ),
    Fix(
        part=4, table="C.6.3", editions=(), key="Patient/Study Only", field="levels",
        value="PATIENT STUDY",
        reason="PS3.4 retired the Patient/Study Only Query/Retrieve Information Model (C.6.3: "
               "'Retired. See PS 3.4-2004') and gives none of it, but PS3.6 still registers "
               "its SOP classes and peers offer them; PS3.4-2004 C.6.3 defines it as the "
               "Patient and Study levels of the Patient Root model, with the same keys",
    ),
    Fix(
        part=4, table="C.6.3", editions=(), key="Patient/Study Only", field="levels of",
        value="Patient Root",
        reason="see the 'levels' fix of the same section: the model whose levels it shares",
    ),
    Fix(
        part=4, table="CC.1.1-2", editions=(), key="CANCELEDH", field="state",
        value="CANCELED",
        reason="PS3.4 Table CC.1.1-2 heads the CANCELED column 'CANCELEDH' (a stray 'H', as "
               "after the hex status codes of the cells); Table CC.1.1-1 names the state "
               "CANCELED",
    ),
    Fix(
        part=4, table="CC.1.1-2", editions=(), key="COMPLETEDH", field="state",
        value="COMPLETED",
        reason="as CANCELEDH: the COMPLETED column is headed 'COMPLETEDH'",
    ),
    Fix(
        part=4, table="CC.1.1-2", editions=(), key="IN-PROGRESS", field="state",
        value="IN PROGRESS",
        reason="PS3.4 Table CC.1.1-2 writes 'Report state change to IN-PROGRESS' (Request "
               "Cancel of a SCHEDULED UPS); Table CC.1.1-1 names the state IN PROGRESS "
               "(CC.1.1: 'the SCP first changes the UPS state to IN PROGRESS')",
    ),
    Fix(
        part=4, table="CC.1.1-2", editions=(), key="SCHEDULEDH", field="state",
        value="SCHEDULED",
        reason="as CANCELEDH: the SCHEDULED column is headed 'SCHEDULEDH'",
    ),
    Fix(
        part=4, table="CC.2.5-3", editions=(), key="(0040,4033)", field="Final State",
        value="O",
        reason="PS3.4 Table CC.2.5-3 gives Output Information Sequence (0040,4033) the Final "
               "State Code P (no COMPLETED without a value) and in the same row's remark 'If "
               "there are no relevant output objects, then this sequence may have no items'; "
               "a sequence without items has no value, so the two conflict: the remark is the "
               "specific rule (a step that produced nothing can complete), hence O",
    ),
    Fix(
        part=4, table="CC.2.5-3", editions=(),
        key="Include Table CC.2.5-2c after 00404033", field="depth", value="2",
        reason="PS3.4 Table CC.2.5-3 includes the Referenced Instances and Access Macro "
               "under '>Output Information Sequence (0040,4033)' at nesting '>' (the level of "
               "the sequence itself); the macro gives the sequence's items (as it does under "
               "Input Information Sequence, one '>' deeper than the sequence), so '>>'",
    ),
    Fix(
        part=5, table="A.3", editions=(), key="A.3", field="uid",
        value="1.2.840.10008.1.2.2",
        reason="PS3.5 A.3 specifies the Explicit VR Big Endian transfer syntax but, unlike its "
               "siblings, never writes its UID in the text; PS3.6 Table A-1 registers it as "
               "1.2.840.10008.1.2.2 (retired)",
    ),
    Fix(
        part=6, table="6-1", editions=(), key="(0076,0034)", field="vr", value="SQ",
        reason="PS3.6 Table 6-1 (2013, 2015b) gives Component Type Code Sequence the VR CS; "
               "a Code Sequence is a sequence of code items (VR SQ), and later editions "
               "(pydicom 3, following 2024) give SQ",
    ),
    Fix(
        part=6, table="6-1", editions=(), key="(4010,1029)", field="keyword",
        value="ThreatDetectionAlgorithmAndVersion",
        reason="PS3.6 Table 6-1 (2013, 2015b) spells the keyword of Threat Detection "
               "Algorithm and Version 'ThreatDetectionAlgorithmandVersion', against the rule "
               "that every word of the name is capitalised; later editions (pydicom 3, "
               "following 2024) write 'ThreatDetectionAlgorithmAndVersion'",
    ),
    Fix(
        part=6, table="A-1", editions=("2013",), key="11.2.840.10008.5.1.4.1.1.82.1",
        field="value", value="1.2.840.10008.5.1.4.1.1.82.1",
        reason="PS3.6 2013 Table A-1 writes the UID of Corneal Topography Map Storage with a "
               "stray leading 1 ('11.2.840...', outside the DICOM root 1.2.840.10008); "
               "PS3.4 and every later edition (2015b, 2024c) give 1.2.840.10008.5.1.4.1.1.82.1",
    ),
    Fix(
        part=6, table="A-1", editions=(), key="1.2.840.10008.5.1.4.39.1", field="type",
        value="SOP Class",
        reason="PS3.6 Table A-1 (2013 to 2015b at least) types Color Palette Storage "
               "'Transfer', which is no UID Type: it is a SOP Class of PS3.4 "
               "(Color Palette Storage and Query/Retrieve), typed 'SOP Class' in "
               "later editions (2024c)",
    ),
    Fix(
        part=6, table="A-1", editions=(), key="1.2.840.10008.5.1.4.39.2", field="type",
        value="SOP Class",
        reason="PS3.6 Table A-1 (2013 to 2015b at least) types Color Palette Information "
               "Model - FIND "
               "'Query/Retrieve', which is no UID Type: it is a SOP Class of PS3.4 "
               "(Color Palette Storage and Query/Retrieve), typed 'SOP Class' in "
               "later editions (2024c)",
    ),
    Fix(
        part=6, table="A-1", editions=(), key="1.2.840.10008.5.1.4.39.3", field="type",
        value="SOP Class",
        reason="PS3.6 Table A-1 (2013 to 2015b at least) types Color Palette Information "
               "Model - MOVE "
               "'Query/Retrieve', which is no UID Type: it is a SOP Class of PS3.4 "
               "(Color Palette Storage and Query/Retrieve), typed 'SOP Class' in "
               "later editions (2024c)",
    ),
    Fix(
        part=6, table="A-1", editions=(), key="1.2.840.10008.5.1.4.39.4", field="type",
        value="SOP Class",
        reason="PS3.6 Table A-1 (2013 to 2015b at least) types Color Palette Information "
               "Model - GET "
               "'Query/Retrieve', which is no UID Type: it is a SOP Class of PS3.4 "
               "(Color Palette Storage and Query/Retrieve), typed 'SOP Class' in "
               "later editions (2024c)",
    ),
    Fix(
        part=8, table="9-21", editions=(), key="1 - temporary-congestio", field="paragraph",
        value="1 - temporary-congestion",
        reason="PS3.8 Table 9-21 (A-ASSOCIATE-RJ Reason/Diag., source 3) cuts the last letter "
               "of 'temporary-congestion', the term of ISO 8650 that PS3.8 9.3.4 names",
    ),
    Fix(
        part=8, table="9-26", editions=(), key="0 - reason-not-specified1 - unrecognized-PDU",
        field="paragraph", value="0 - reason-not-specified\n1 - unrecognized-PDU",
        reason="PS3.8 Table 9-26 (A-ABORT Reason/Diag.) runs two list entries into one "
               "paragraph (2013 to 2024c); the values are 0 reason-not-specified and 1 "
               "unrecognized-PDU, as PS3.8 9.3.8 and ISO 8650 list them",
    ),
    Fix(
        part=8, table="9-7", editions=(), key="State", field="header", value="Action",
        reason="PS3.8 Table 9-7 (Data Transfer Related Actions, 2013 to 2024c) heads its "
               "first column 'State' although it lists the actions DT-1 and DT-2; its "
               "siblings, Tables 9-6, 9-8 and 9-9, head it 'Action'",
    ),
    Fix(
        part=8, table="9-9", editions=("2013",), key="AA-8", field="next_state",
        value="Sta13",
        reason="PS3.8 2013 Table 9-9 writes the definition of AA-8 '... Nest state is "
               "Sta13'; Table 9-10 has AA-8 lead to Sta13 everywhere, and 2024c reads "
               "'Next state is Sta13'",
    ),
    Fix(
        part=18, table="10.6.1-4", editions=(), key="Study Series' Instances",
        field="Resource", value="Study's Series' Instances",
        reason="PS3.18 Table 10.6.1-4 (Required IE Levels by Resource, 2024c) names the "
               "resource /studies/{study}/series/{series}/instances 'Study Series' Instances'; "
               "so does Table 10.6.1-2, but Table 10.6.1-1 (Search Transaction Resources), "
               "which defines the resources and their URI templates, names it 'Study's "
               "Series' Instances' like its siblings 'Study's Series' and 'Study's Instances'",
    ),
    Fix(
        part=18, table="13.1.1-1", editions=(), key="Resource|URI Template", field="header",
        value="URI Template|Description",
        reason="PS3.18 Table 13.1.1-1 (Storage Commitment Service Resource Descriptions, "
               "2024c) heads its columns 'Resource', 'URI Template' but holds the URI template "
               "('/commitment-requests') in the first and its description in the second, as "
               "the 'URI Template', 'Description' columns of Tables 10.5.1-1 and 11.1.1-1 do",
    ),
    Fix(
        part=15, table="A.5.1.1", editions=("2026c",), key="schema",
        field="trailing documentation comments", value="#",
        reason="PS3.15 2026c A.5.1.1 writes the meaning of enumerated values as RELAX NG "
               "documentation comments after the value ('\"E\" ## Execute }'); RELAX NG "
               "Compact Syntax (ISO/IEC 19757-2 Annex C) allows '##' documentation only "
               "before the pattern it documents, so the schema does not parse; a '##' that "
               "follows a pattern on its line becomes a plain '#' comment (the patterns are "
               "unchanged; the meanings are read from the text as written)",
    ),
    Fix(
        part=16, table="CID 212", editions=("2024c",), key="CID 212", field="UID",
        value="1.2.840.10008.6.1.1287",
        reason="PS3.16 2024c gives CID 212 the UID 1.2.840.10008.6.1287; "
               "'.1' is lost after '6' (every context group UID is 1.2.840.10008.6.1.n); "
               "PS3.6 2024c Table A-3 registers 1.2.840.10008.6.1.1287",
    ),
    Fix(
        part=16, table="CID 4409", editions=("2024c",), key="CID 4409", field="UID",
        value="1.2.840.10008.6.1.1354",
        reason="PS3.16 2024c gives CID 4409 the UID 1.2.840.10008.6.1.1534; "
               "digits transposed; PS3.6 2024c Table A-3 registers 1.2.840.10008.6.1.1354",
    ),
    Fix(
        part=16, table="CID 7230", editions=("2024c",), key="CID 7230", field="UID",
        value="1.2.840.10008.6.1.1340",
        reason="PS3.16 2024c gives CID 7230 the UID 1.2.840.10008.6.1.1319; "
               "that is the UID of CID 9562 (PS3.6 2024c Table A-3); Table A-3 registers "
               "1.2.840.10008.6.1.1340 for CID 7230",
    ),
    Fix(
        part=16, table="CID 12024", editions=("2024c",), key="CID 12024", field="UID",
        value="1.2.840.10008.6.1.1339",
        reason="PS3.16 2024c gives CID 12024 the UID 1.2.840.10008.6.1.1318; "
               "that is the UID of CID 9561 (PS3.6 2024c Table A-3); Table A-3 registers "
               "1.2.840.10008.6.1.1339 for CID 12024",
    ),
    Fix(
        part=3, table="C.7-9", editions=("2024c",), key="(0020,0020)",
        field="condition joiner", value="and",
        reason="Patient Orientation (General Image Module, 2C): 'Required if image does not "
               "require Image Orientation (Patient) (0020,0037) and Image Position (Patient) "
               "(0020,0032) or if image does not require Image Orientation (Slide) "
               "(0048,0102)'. Read with 'or', every image whose IOD does not require Image "
               "Orientation (Slide), a CT or MR image too, would need it, although their IODs "
               "require Image Orientation (Patient), which C.7.6.1.1.1 says it shall be "
               "consistent with; the sentence names the two ways an image is oriented, and "
               "Patient Orientation is required when the IOD requires neither (dciodvfy reads "
               "it so): 'and'",
    ),
    Fix(
        part=16, table="CID 12025", editions=("2024c",), key="CID 12025", field="UID",
        value="1.2.840.10008.6.1.1341",
        reason="PS3.16 2024c gives CID 12025 the UID 1.2.840.10008.6.1.1320; "
               "that is the UID of CID 9563 (PS3.6 2024c Table A-3); Table A-3 registers "
               "1.2.840.10008.6.1.1341 for CID 12025",
    ),
)


def fixes_for(part: int, table: str, edition: str) -> dict[tuple[str, str], str]:
    """The corrections that apply to one table of one edition: ``(key, field) -> value``."""
    return {
        (f.key, f.field): f.value
        for f in FIXES
        if f.part == part and f.table == table and (not f.editions or edition in f.editions)
    }
