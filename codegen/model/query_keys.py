"""Model of the query/return keys of the Query/Retrieve information models (PS3.4 C.6) and of
the QIDO-RS search attributes (PS3.18 10.6).

What is read, and from where (see :mod:`dicomkit.codegen.readers.query_keys`): for each
information model of PS3.4 Annex C.6 (Patient Root, Study Root; Patient/Study Only when an
edition still has it), its levels (the "Query/Retrieve Level Values" table: level name and the
value of Query/Retrieve Level (0008,0052)) and the key table of each level (Attribute Name,
Tag, Type), macros ("Include Table C.6-2a") expanded; PS3.4 Table C.3-1 "Additional
Query/Retrieve Attributes" (the attributes an SCP derives); and PS3.18 Table 10.6.1-5
"Required Matching Attributes" and the "... Search Response Payload" tables of 10.6.3.3.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QueryLevel:
    """One level of an information model.

    Attributes
    ----------
    model
        The information model's name (``"PATIENT_ROOT"``, ``"STUDY_ROOT"``, ``"QIDO_RS"``).
    value
        The value of Query/Retrieve Level (0008,0052) (``"IMAGE"``), PS3.4 Table C.6.1-1.
    name
        The level as the standard names it (``"Composite Object Instance"``; QIDO-RS:
        ``"Instance"``).
    table
        The table its keys come from (``"C.6-4"``).
    """

    model: str
    value: str
    name: str
    table: str


@dataclass(frozen=True)
class QueryKey:
    """One key of one level of one information model.

    Attributes
    ----------
    model, level
        The information model and the Query/Retrieve Level value of its level.
    path
        The tags of the sequences the key is nested in (``()`` at the top level).
    tag, name, keyword, vr, vm
        The attribute; keyword, VR and VM from the PS3.6 data dictionary.
    matching
        The key type for matching as the table writes it: ``"U"`` (unique), ``"R"``
        (required), ``"O"`` (optional), ``"OC"`` (optional, conditional) (PS3.4 C.2.2.1);
        QIDO-RS: ``"R"`` for the Required Matching Attributes of Table 10.6.1-5, ``""`` for
        attributes it only returns.
    returned
        The key type for return: PS3.4 C.6 tables give one type for both (PS3.4 C.2.2.1.1-3:
        a unique, required or optional key is so for matching and return alike); QIDO-RS:
        the Type of the response payload table (``"U"``, ``"R"``, ``"C"``), ``""`` when it
        is not in the payload.
    additional
        Listed in PS3.4 Table C.3-1 "Additional Query/Retrieve Attributes": not in the
        composite instances themselves but derived by the SCP (counts, Modalities in Study).
    table
        The table the row comes from (the macro's table for included rows).
    """

    model: str
    level: str
    path: tuple[int, ...]
    tag: int
    name: str
    keyword: str
    vr: str
    vm: str
    matching: str
    returned: str
    additional: bool
    table: str
