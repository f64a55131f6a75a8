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
)


def fixes_for(part: int, table: str, edition: str) -> dict[tuple[str, str], str]:
    """The corrections that apply to one table of one edition: ``(key, field) -> value``."""
    return {
        (f.key, f.field): f.value
        for f in FIXES
        if f.part == part and f.table == table and (not f.editions or edition in f.editions)
    }
