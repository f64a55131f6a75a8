"""Access to the generated PS3.16 templates (Annex A)."""

from __future__ import annotations

from dicomkit.generated.sr_templates import TEMPLATES, Template, TemplateRow
from dicomkit.sr.errors import SRError


class TemplateError(SRError):
    """An unknown template identifier was asked for."""


def template(tid: str | int) -> Template:
    """Return template TID *tid* ("1500", "TID 1500", 1500), or raise :class:`TemplateError`."""
    key = str(tid).strip().upper().removeprefix("TID").strip()
    found = TEMPLATES.get(key)
    if found is None:
        raise TemplateError(f"unknown SR template TID {tid!r}: PS3.16 Annex A (2024c) has no such template")
    return found


def children(tmpl: Template, index: int) -> list[int]:
    """Return the indices of the direct child rows of row *index* (rows one ``>`` deeper, PS3.16 6.1.2)."""
    rows = tmpl.rows
    level = rows[index].level
    out = []
    for j in range(index + 1, len(rows)):
        if rows[j].level <= level:
            break
        if rows[j].level == level + 1:
            out.append(j)
    return out


def expand(tid: str | int) -> list[TemplateRow]:
    """Return the rows of template *tid* with INCLUDE rows replaced by the included rows (depth first).

    Levels of included rows are shifted by the INCLUDE row's level; recursion stops at templates
    already being expanded (PS3.16 templates may include each other).
    """
    out: list[TemplateRow] = []

    def walk(t: Template, shift: int, active: tuple[str, ...]) -> None:
        for row in t.rows:
            if row.value_type == "INCLUDE" and row.concept and row.concept[1] not in active \
                    and row.concept[1] in TEMPLATES:
                walk(TEMPLATES[row.concept[1]], shift + row.level, active + (row.concept[1],))
            else:
                out.append(row._replace(level=row.level + shift))

    tmpl = template(tid)
    walk(tmpl, 0, (tmpl.tid,))
    return out
