"""Model of PS3.16: context groups (CIDs), coding schemes and SR templates (TIDs).

Plain frozen dataclasses filled by :mod:`dicomkit.codegen.readers.part16` and rendered into
``dicomkit.generated.context_groups`` and ``dicomkit.generated.sr_templates``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: A reference as written in a template cell (PS3.16 6.1 and 7.1): ``("EV", scheme, value,
#: meaning)``, ``("DT", ...)``, ``("DCID", "7021")``, ``("BCID", "218")``, ``("CID", "244")``,
#: ``("$", "Measurement")``, ``("DTID", "1204")``.
Ref = tuple[str, ...]


@dataclass(frozen=True)
class CodeRow:
    """One coded concept row of a context group table (PS3.16 Annex B)."""

    scheme: str
    value: str
    meaning: str
    scheme_version: str = ""


@dataclass(frozen=True)
class ContextGroupDef:
    """One context group (PS3.16 Annex B, "CID nnnn" section)."""

    cid: int
    name: str
    keyword: str
    uid: str
    extensible: bool
    version: str
    codes: tuple[CodeRow, ...]
    includes: tuple[int, ...]


@dataclass(frozen=True)
class CodingScheme:
    """One row of PS3.16 Table 8-1 "Coding Schemes"."""

    designator: str
    uid: str
    name: str
    status: str = ""
    """``"retired"`` or ``"deprecated"`` when Table 8-1 says so of the scheme, else ``""``."""


@dataclass(frozen=True)
class TemplateRowDef:
    """One row of a template table (PS3.16 6.1 "Template Table Structure")."""

    label: str
    level: int
    relationship: str
    by_reference: bool
    value_type: str
    concept: Ref | None
    vm_min: int
    vm_max: int | None
    requirement: str
    condition: str
    condition_expr: Any
    value_set: tuple[Ref, ...]
    units: tuple[Ref, ...]
    bindings: tuple[tuple[str, tuple[Ref, ...]], ...]
    concept_text: str
    value_set_text: str


@dataclass(frozen=True)
class TemplateDef:
    """One template (PS3.16 Annex A, "TID nnnn" section)."""

    tid: str
    name: str
    extensible: bool | None
    order_significant: bool | None
    root: bool | None
    parameters: tuple[tuple[str, str], ...]
    rows: tuple[TemplateRowDef, ...]
