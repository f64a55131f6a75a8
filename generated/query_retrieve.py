"""dicomkit.generated.query_retrieve: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.4 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part04/
    sha256 413602d46f08a09be5be39f8dd627db97bf741c408320307a82c5997e478a000
    Table C.5-1, Table C.5-3, Table C.6-1, Table C.6-2, Table C.6-3, Table C.6-4, Table C.6-5, Table C.6.1-1, Table C.6.2-1
  PS3.6 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part06/
    sha256 bc5abc53a05dfaca91150cdde942edc12b54f9fa68f97c0982288bf908ca6096
    Table A-1
"""
# 3 Query/Retrieve information models of PS3.4 Annex C (1 retired) and
# 9 SOP Class Extended Negotiation fields (PS3.4 C.5).
#
# A model's levels come from its level table ("Query/Retrieve Level Values for ..."), top down;
# each level's unique (Type U) and required (Type R) keys from the key table of its "<level>
# Level" section; the retired Patient/Study Only model from dicomkit.codegen.fixes (PS3.4-2004).
# Read by dicomkit.codegen.readers.part04_qr.

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["EXTENDED_NEGOTIATION", "LEVELS", "MODELS", "InformationModel", "QueryLevel",
           "model_of"]


class QueryLevel(NamedTuple):
    """One level of an information model: Query/Retrieve Level (0008,0052) value, the key
    table, the unique key's tag and the required keys' tags."""

    model: str
    name: str
    value: str
    table: str
    unique: int
    required: tuple[int, ...]


class InformationModel(NamedTuple):
    """A Query/Retrieve information model: its levels top down and its SOP classes by
    DIMSE-C operation."""

    name: str
    section: str
    levels: tuple[QueryLevel, ...]
    sop_classes: dict[str, str]
    retired: bool


#: Information model name -> the model.
MODELS: Final[dict[str, InformationModel]] = {
    'Patient Root': InformationModel('Patient Root', 'C.6.1', (
        QueryLevel('Patient Root', 'Patient Information', 'PATIENT', 'C.6-1', 0x00100020, (0x00100010, )),
        QueryLevel('Patient Root', 'Study Information', 'STUDY', 'C.6-2', 0x0020000D, (0x00080020, 0x00080030, 0x00080050, 0x00200010, )),
        QueryLevel('Patient Root', 'Series Information', 'SERIES', 'C.6-3', 0x0020000E, (0x00080060, 0x00200011, )),
        QueryLevel('Patient Root', 'Composite Object Instance Information', 'IMAGE', 'C.6-4', 0x00080018, (0x00200013, )),
    ), {'C-FIND': '1.2.840.10008.5.1.4.1.2.1.1', 'C-MOVE': '1.2.840.10008.5.1.4.1.2.1.2', 'C-GET': '1.2.840.10008.5.1.4.1.2.1.3', }, False),
    'Study Root': InformationModel('Study Root', 'C.6.2', (
        QueryLevel('Study Root', 'Study Information', 'STUDY', 'C.6-5', 0x0020000D, (0x00080020, 0x00080030, 0x00080050, 0x00100010, 0x00100020, 0x00200010, )),
        QueryLevel('Study Root', 'Series Information', 'SERIES', 'C.6-3', 0x0020000E, (0x00080060, 0x00200011, )),
        QueryLevel('Study Root', 'Composite Object Instance Information', 'IMAGE', 'C.6-4', 0x00080018, (0x00200013, )),
    ), {'C-FIND': '1.2.840.10008.5.1.4.1.2.2.1', 'C-MOVE': '1.2.840.10008.5.1.4.1.2.2.2', 'C-GET': '1.2.840.10008.5.1.4.1.2.2.3', }, False),
    'Patient/Study Only': InformationModel('Patient/Study Only', 'C.6.3', (
        QueryLevel('Patient/Study Only', 'Patient Information', 'PATIENT', 'C.6-1', 0x00100020, (0x00100010, )),
        QueryLevel('Patient/Study Only', 'Study Information', 'STUDY', 'C.6-2', 0x0020000D, (0x00080020, 0x00080030, 0x00080050, 0x00200010, )),
    ), {'C-FIND': '1.2.840.10008.5.1.4.1.2.3.1', 'C-GET': '1.2.840.10008.5.1.4.1.2.3.3', 'C-MOVE': '1.2.840.10008.5.1.4.1.2.3.2', }, True),
}

#: (model name, Query/Retrieve Level value) -> the level.
LEVELS: Final[dict[tuple[str, str], QueryLevel]] = {
    (level.model, level.value): level for model in MODELS.values() for level in model.levels}

#: DIMSE-C operation -> (item byte, field name) of the Service-class-application-information
#: field of its SOP Class Extended Negotiation Sub-Item in the A-ASSOCIATE-RQ (PS3.4 Table
#: C.5-1 for C-FIND, C.5-3 for C-MOVE and C-GET); each byte is 0 (not supported/requested) or
#: 1, and the acceptor answers 1 to accept (PS3.4 C.5.1.1).
EXTENDED_NEGOTIATION: Final[dict[str, tuple[tuple[int, str], ...]]] = {
    'C-FIND': ((1, 'Relational-queries'), (2, 'Date-time matching'), (3, 'Fuzzy semantic matching of person names'), (4, 'Timezone query adjustment'), (5, 'Enhanced Multi-Frame Image Conversion'), (6, 'Empty Value Matching'), (7, 'Multiple Value Matching'), ),
    'C-MOVE': ((1, 'Relational-retrieval'), (2, 'Enhanced Multi-Frame Image Conversion'), ),
    'C-GET': ((1, 'Relational-retrieval'), (2, 'Enhanced Multi-Frame Image Conversion'), ),
}

_BY_SOP_CLASS: Final[dict[str, tuple[InformationModel, str]]] = {
    uid: (model, operation) for model in MODELS.values()
    for operation, uid in model.sop_classes.items()}


def model_of(sop_class: str) -> tuple[InformationModel, str] | None:
    """The information model and DIMSE-C operation of a Query/Retrieve SOP class UID."""
    return _BY_SOP_CLASS.get(sop_class)
