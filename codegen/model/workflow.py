"""Model of the workflow service classes of PS3.4: the Modality Worklist keys (Annex K), the
Modality Performed Procedure Step attributes and states (Annex F) and the Instance Availability
Notification attributes (Annex R).

Read by :mod:`dicomkit.codegen.readers.part04_workflow`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WorklistKey:
    """One row of PS3.4 Table K.6-1 (or K.6-1a).

    Attributes
    ----------
    path
        The tags of the sequences the key is nested in (``()`` at the top level).
    tag, name
        The key.
    matching
        Matching Key Type: ``R`` required, ``O`` optional, ``-`` not used for matching.
    returned
        Return Key Type: ``1``, ``1C``, ``2``, ``2C``, ``3``.
    group
        The heading row the key is under (``"Scheduled Procedure Step"``).
    table
        The table's label.
    """

    path: tuple[int, ...]
    tag: int
    name: str
    matching: str
    returned: str
    group: str
    table: str


@dataclass(frozen=True)
class RequestAttribute:
    """One row of an N-CREATE / N-SET requirement table (PS3.4 Table F.7.2-1, R.3.2-1).

    Attributes
    ----------
    path, tag, name
        The attribute and the sequences it is nested in.
    create_scu, create_scp
        The N-CREATE requirement types (``"1"``, ``"1C"``, ``"2"``, ``"3"``; ``""`` when
        the table says "Not allowed").
    set_scu, set_scp
        The N-SET requirement types, ``""`` when the table says "Not allowed" (or has no N-SET
        column).
    final
        The Final State requirement (``""`` when the table gives none).
    group, table
        The heading row above it and the table's label.
    """

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


@dataclass(frozen=True)
class StepStates:
    """The Performed Procedure Step Status (0040,0252) values the MPPS rules name (PS3.4
    F.7.2.1.3, F.7.2.2.2/3): the one an N-CREATE must carry, the final ones, and the N-SET
    Processing Failure the SCP answers once a step is final (Table F.7.2-2)."""

    create: str
    final: tuple[str, ...]
    section_create: str
    section_final: str
    failure_status: int
    failure_comment: str
    failure_error_id: int
    failure_table: str
