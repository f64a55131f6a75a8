"""What de-identification changed: one :class:`Change` per element, per file a
:class:`FileReport`, written as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field

__all__ = ["Change", "FileReport", "reports_to_csv", "reports_to_json"]


@dataclass(frozen=True)
class Change:
    """One element the profile acted on.

    Attributes
    ----------
    path
        The tag path (``(0008,1115)[0].(0008,1155)``).
    keyword
        The dictionary keyword, or ``""`` (private and unknown elements).
    vr
        The element's VR.
    action
        What was done: the single action code of PS3.15 Table E.1-1a (``X``, ``Z``, ``D``,
        ``K``, ``C``, ``U``), or ``+`` for an element the profile adds (Patient Identity
        Removed, De-identification Method, ...).
    rule
        The code of the table row that decided (``X/Z/D``), or ``""`` for what no row of Table
        E.1-1 names (group 0004, added elements).
    option
        The option whose column decided, ``BASIC_APPLICATION_CONFIDENTIALITY`` for the
        Basic Profile, or ``""``.
    detail
        Why, when the action is not the row's plain reading.
    """

    path: str
    keyword: str
    vr: str
    action: str
    rule: str = ""
    option: str = ""
    detail: str = ""


@dataclass
class FileReport:
    """The changes made to one data set or file; ``error`` when it was not de-identified."""

    source: str = ""
    target: str = ""
    changes: list[Change] = field(default_factory=list)
    error: str = ""

    def counts(self) -> dict[str, int]:
        """Number of changes per action code."""
        return dict(sorted(Counter(c.action for c in self.changes).items()))

    def by_path(self) -> dict[str, Change]:
        """Change by tag path."""
        return {c.path: c for c in self.changes}


_FIELDS = ("source", "target", "error", "path", "keyword", "vr", "action", "rule", "option",
           "detail")


def reports_to_json(reports: list[FileReport]) -> str:
    """The reports as a JSON array (one object per file, its changes in a list)."""
    return json.dumps([{**{k: getattr(r, k) for k in ("source", "target", "error")},
                        "counts": r.counts(), "changes": [asdict(c) for c in r.changes]}
                       for r in reports], indent=1)


def reports_to_csv(reports: list[FileReport]) -> str:
    """The reports as CSV, one line per change (a line without a change for a failed file)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_FIELDS)
    for r in reports:
        if not r.changes:
            writer.writerow([r.source, r.target, r.error, "", "", "", "", "", "", ""])
        for c in r.changes:
            writer.writerow([r.source, r.target, r.error, c.path, c.keyword, c.vr, c.action,
                             c.rule, c.option, c.detail])
    return out.getvalue()
