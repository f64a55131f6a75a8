"""Model of the PS3.4 service classes and the SOP classes each specifies.

What is read, and from where (see :func:`dicomkit.codegen.readers.part04.read_service_classes`):
the annexes of PS3.4 (each specifies a service class, "Annex B Storage Service Class"), the
SOP class UIDs each writes (in tables with "SOP Class Name" and "SOP Class UID" columns, or in
its text), and PS3.6 Table A-1 for which UIDs are SOP classes and what they are called.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceClassDef:
    """A service class of PS3.4: the annex specifying it.

    Attributes
    ----------
    annex
        The annex label (``"B"``, ``"GG"``).
    title
        The annex title without "(Normative)" (``"Storage Service Class"``).
    name
        The member name (``"STORAGE"``): the title without its closing "Service Class(es)",
        "SOP Classes" or "Service and SOP Classes", by the rule of :mod:`dicomkit.codegen.names`.
    retired
        True when the annex is retired ("(Retired)" in its title).
    """

    annex: str
    title: str
    name: str
    retired: bool


@dataclass(frozen=True)
class SopClassService:
    """One SOP class and the service class specifying it.

    Attributes
    ----------
    uid
        The SOP Class UID.
    name
        Its name (PS3.6 Table A-1, or the PS3.4 table listing it when A-1 does not).
    keyword
        Its PS3.6 keyword (``""`` when A-1 does not list it).
    meta
        True for a Meta SOP Class (PS3.6 type "Meta SOP Class").
    retired
        Retired in PS3.6 Table A-1.
    annex
        The annex (service class) that specifies it.
    section
        The PS3.4 section giving it: the section of the table listing it, or of the text
        writing its UID, or (for ``how == "named"``) the section naming it.
    how
        ``"table"``: a row of a SOP class table; ``"text"``: its UID written in the annex's
        text; ``"named"``: PS3.4 does not write its UID (PS3.6 gives it) but one annex names
        the SOP class.
    operation
        For a SOP class of an annex with a DIMSE-C Service Group of C-FIND/C-MOVE/C-GET: the
        one of them it uses (``"C-FIND"``); ``""`` otherwise.
    """

    uid: str
    name: str
    keyword: str
    meta: bool
    retired: bool
    annex: str
    section: str
    how: str
    operation: str


@dataclass(frozen=True)
class UnmappedSopClass:
    """A SOP class PS3.6 Table A-1 says PS3.4 specifies, which no annex of PS3.4 gives."""

    uid: str
    name: str
    reason: str
