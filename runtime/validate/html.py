"""A validation report page people read: one self-contained HTML file (no network fetches).

:func:`render_html` writes the totals, a bar chart of findings by rule (inline SVG), the files
and errors by modality, by IOD and by manufacturer, the worst files, and every error and warning
of them with its rule and a link to the section of the standard that states it (NEMA's
single-page HTML of the part, ``https://dicom.nema.org/medical/dicom/current/output/html/
part03.html#sect_C.7.6.3``: a link, followed only when clicked; the page loads nothing).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from typing import Final

from dicomkit.validate.report import Report

__all__ = ["render_html", "standard_url"]

_BASE: Final = "https://dicom.nema.org/medical/dicom/current/output/html/"
_CLAUSE: Final = re.compile(r"PS3\.(\d+)\s+(?:(Table)\s+)?([A-Z]?[\d.]*\d[a-z]?|[A-Z])(-\d+[a-z]?)?")
_WORST: Final = 25
_FINDINGS_SHOWN: Final = 2000


def standard_url(reference: str) -> str:
    """The address of the first clause of ``reference`` (``PS3.3 C.7.6.3``) in NEMA's HTML.

    >>> standard_url("PS3.5 8.1.1")
    'https://dicom.nema.org/medical/dicom/current/output/html/part05.html#sect_8.1.1'
    >>> standard_url("PS3.10 7")
    'https://dicom.nema.org/medical/dicom/current/output/html/part10.html#chapter_7'
    """
    m = _CLAUSE.search(reference)
    if m is None:
        return ""
    part, table, label, table_tail = m.groups()
    if table or table_tail:
        anchor = f"table_{label}{table_tail or ''}"
    elif "." in label:
        anchor = f"sect_{label}"
    else:
        anchor = f"chapter_{label}"
    return f"{_BASE}part{int(part):02d}.html#{anchor}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _bars(counts: list[tuple[str, int]], title: str) -> str:
    if not counts:
        return f"<p>No {title.lower()}.</p>"
    top = max(n for _, n in counts)
    row = 22
    width = 760
    label_w = 230
    parts = [f'<svg role="img" aria-label="{_e(title)}" width="{width}" '
             f'height="{row * len(counts) + 10}" xmlns="http://www.w3.org/2000/svg">']
    for i, (name, n) in enumerate(counts):
        y = i * row + 4
        w = max(2, int((width - label_w - 70) * n / top))
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(name)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{row - 6}" '
                     f'class="bar"><title>{_e(name)}: {n}</title></rect>'
                     f'<text x="{label_w + w + 6}" y="{y + 14}">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _group_table(reports: list[Report], key: str, title: str) -> str:
    files: Counter[str] = Counter()
    failing: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for r in reports:
        name = getattr(r, key) or "(none)"
        files[name] += 1
        failing[name] += 0 if r.ok else 1
        errors[name] += r.errors
    rows = "".join(f"<tr><td>{_e(n)}</td><td>{files[n]}</td><td>{failing[n]}</td>"
                   f"<td>{errors[n]}</td></tr>" for n, _ in errors.most_common(30))
    return (f"<h2>By {_e(title)}</h2><table><thead><tr><th>{_e(title)}</th><th>files</th>"
            f"<th>with errors</th><th>errors</th></tr></thead><tbody>{rows}</tbody></table>")


_STYLE: Final = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 8px;
text-align:left;vertical-align:top}th{background:#f3f3f3}.bar{fill:#c0392b}
.totals td{font-size:1.2em;padding:6px 14px}.error{color:#a00}.warning{color:#a60}
svg text{font-size:12px;fill:#222}code{font-size:12px}
"""


def render_html(reports: Iterable[Report], *, title: str = "DICOM conformance validation") -> str:
    """The report page (module docstring) of ``reports``."""
    reports = list(reports)
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    failing = sum(1 for r in reports if not r.ok)
    suppressed = sum(r.suppressed for r in reports)
    by_rule: Counter[str] = Counter(f.rule for r in reports for f in r.findings
                                    if f.severity in ("error", "warning"))
    out = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{_e(title)}"
           f"</title><style>{_STYLE}</style></head><body><h1>{_e(title)}</h1>",
           "<table class='totals'><tr><th>files</th><th>with errors</th><th>errors</th>"
           f"<th>warnings</th><th>suppressed</th></tr><tr><td>{len(reports)}</td>"
           f"<td>{failing}</td><td>{errors}</td><td>{warnings}</td><td>{suppressed}</td>"
           "</tr></table>",
           "<h2>Errors and warnings by rule</h2>", _bars(by_rule.most_common(25), "findings"),
           _group_table(reports, "modality", "modality"),
           _group_table(reports, "iod", "IOD"),
           _group_table(reports, "manufacturer", "manufacturer")]
    worst = sorted((r for r in reports if r.errors), key=lambda r: (-r.errors, r.source))[:_WORST]
    out.append("<h2>Worst files</h2><table><thead><tr><th>file</th><th>IOD</th><th>errors</th>"
               "<th>warnings</th></tr></thead><tbody>")
    out += [f"<tr><td><a href='#f{i}'>{_e(r.source)}</a></td><td>{_e(r.iod)}</td>"
            f"<td>{r.errors}</td><td>{r.warnings}</td></tr>" for i, r in enumerate(worst)]
    out.append("</tbody></table><h2>Findings of the worst files</h2>")
    shown = 0
    for i, r in enumerate(worst):
        out.append(f"<h3 id='f{i}'>{_e(r.source)}</h3><table><thead><tr><th>severity</th>"
                   "<th>path</th><th>finding</th><th>rule</th><th>standard</th></tr></thead>"
                   "<tbody>")
        for f in r.findings:
            if f.severity == "info" or shown >= _FINDINGS_SHOWN:
                continue
            shown += 1
            url = standard_url(f.reference)
            ref = f"<a href='{_e(url)}'>{_e(f.reference)}</a>" if url else _e(f.reference)
            out.append(f"<tr class='{_e(f.severity)}'><td>{_e(f.severity)}</td>"
                       f"<td><code>{_e(f.path)}</code></td><td>{_e(f.message)}</td>"
                       f"<td>{_e(f.rule)}</td><td>{ref}</td></tr>")
        out.append("</tbody></table>")
    out.append("</body></html>\n")
    return "".join(out)
