"""dicomkit.generated.sr_templates: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.16 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part16/
    sha256 418c2e6242e66eeb1946a07598c4b48f12a410c83a0e6a67d34137003c8e9cfc
    Section A, Section B, Table 8-1
"""

from typing import Any, Final, NamedTuple

Ref = tuple[str, ...]

class TemplateRow(NamedTuple):
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

class Template(NamedTuple):
    tid: str
    name: str
    extensible: bool | None
    order_significant: bool | None
    root: bool | None
    parameters: tuple[tuple[str, str], ...]
    rows: tuple[TemplateRow, ...]

TEMPLATES: Final[dict[str, Template]]
