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
)


def fixes_for(part: int, table: str, edition: str) -> dict[tuple[str, str], str]:
    """The corrections that apply to one table of one edition: ``(key, field) -> value``."""
    return {
        (f.key, f.field): f.value
        for f in FIXES
        if f.part == part and f.table == table and (not f.editions or edition in f.editions)
    }
