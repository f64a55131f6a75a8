"""Model of the Storage Commitment codes: the Failure Reasons of PS3.3 C.14.1.1, the Action and
Event Types of PS3.4 Tables J.3-1 and J.3-2, and the PS3.7 statuses of the N-ACTION and
N-EVENT-REPORT services the Storage Commitment Push Model uses (PS3.4 J.3.2.1.4, J.3.3.1.4:
"No Service Class specific status values are defined ... See PS3.7").

What is read, and from where: see :mod:`dicomkit.codegen.readers.commitment`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FailureReason:
    """One value of Failure Reason (0008,1197) (PS3.3 C.14.1.1).

    Attributes
    ----------
    code
        The value (``0x0112``).
    name
        The member name (``"NO_SUCH_OBJECT_INSTANCE"``), by :mod:`dicomkit.codegen.names`.
    meaning
        The first paragraph of its definition (``"No such object instance"``).
    description
        The other paragraphs (``"The specified SOP Instance was not available."``).
    """

    code: int
    name: str
    meaning: str
    description: str


@dataclass(frozen=True)
class TypeId:
    """One Action Type (PS3.4 Table J.3-1) or Event Type (Table J.3-2).

    Attributes
    ----------
    value
        The Action Type ID (0000,1008) or Event Type ID (0000,1002).
    name
        The member name.
    title
        The type's name as the table writes it.
    table
        The table label (``"J.3-2"``).
    """

    value: int
    name: str
    title: str
    table: str


@dataclass(frozen=True)
class ServiceStatus:
    """A PS3.7 status a DIMSE service's "Status" section lists, with a fixed code.

    Attributes
    ----------
    code
        The Status (0000,0900) value.
    name
        The member name.
    title
        The Annex C title (``"Invalid argument value"``).
    category
        success, warning, failure, ...
    description
        What the service's Status section says it means.
    section
        The Annex C section.
    """

    code: int
    name: str
    title: str
    category: str
    description: str
    section: str
