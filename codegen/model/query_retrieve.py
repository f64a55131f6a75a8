"""Model of the Query/Retrieve information models of PS3.4 Annex C (levels, unique and
required keys, SOP classes) and of its SOP Class Extended Negotiation fields (PS3.4 C.5).

Read by :mod:`dicomkit.codegen.readers.part04_qr`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QueryLevel:
    """One level of an information model (PS3.4 Table C.6.1-1, C.6.2-1).

    Attributes
    ----------
    model
        The information model (``"Patient Root"``).
    name
        The level as the level table names it (``"Patient Information"``).
    value
        The Query/Retrieve Level (0008,0052) value (``"PATIENT"``).
    table
        The label of the key table of the level (``"C.6-1"``).
    unique
        The tag of the level's unique key (Type U).
    required
        The tags of the level's required keys (Type R), in table order.
    """

    model: str
    name: str
    value: str
    table: str
    unique: int
    required: tuple[int, ...]


@dataclass(frozen=True)
class InformationModel:
    """A Query/Retrieve information model: name, section, levels top down, and its SOP
    classes by DIMSE-C operation (``{"C-FIND": uid, ...}``); ``retired`` for the Patient/Study
    Only model."""

    name: str
    section: str
    levels: tuple[QueryLevel, ...]
    sop_classes: tuple[tuple[str, str], ...]
    retired: bool = False


@dataclass(frozen=True)
class ExtendedField:
    """One byte of the Service-class-application-information field of the SOP Class Extended
    Negotiation Sub-Item (PS3.4 Table C.5-1, C.5-3): operations, item byte, field name."""

    operations: tuple[str, ...]
    byte: int
    name: str
    table: str
