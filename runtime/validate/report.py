"""Findings and per-file reports of the conformance validator.

A :class:`Finding` is one problem: its severity (``error``, ``warning`` or ``info``), the tag path
of the attribute (``(0008,1115)[0].(0008,1150)``, items numbered from 0), a rule id, a message,
the clause of the standard that states the rule (``PS3.3 C.7.6.3``, ``PS3.5 6.2``) and the module
or macro it belongs to.  A :class:`Report` gathers the findings of one file or data set, with
the IOD and SOP class it was checked against; it renders as text in the manner of dicom3tools'
``dciodvfy`` (``Error - ...`` lines) but with tag paths, or as JSON.

Rule ids (stable, used by ``--fail-on`` filters and tests): ``type1-missing``, ``type1-empty``,
``type2-missing``, ``condition-required``, ``condition-forbidden``, ``enumerated-value``,
``defined-term``, ``vr``, ``vm``, ``value-format``, ``value-length``, ``repertoire``,
``retired``, ``unknown-public``, ``private-no-creator``, ``module-missing``, ``sequence-items``,
``functional-group-both``, ``uid-root``, ``unknown-sop-class`` (no IOD table for the SOP class),
``unreadable`` (the file could not be read)
and ``encoding`` (the reader had to recover from a broken encoding: odd or overlong lengths...).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = ["SEVERITIES", "Finding", "Report", "tag_path"]

#: Severities, most severe first.
SEVERITIES: Final = ("error", "warning", "info")
_RANK: Final = {s: i for i, s in enumerate(SEVERITIES)}


def tag_path(parent: str, tag: int) -> str:
    """The path of ``tag`` inside ``parent`` (``""`` for the top level data set).

    >>> tag_path("(0008,1115)[0]", 0x00081150)
    '(0008,1115)[0].(0008,1150)'
    """
    text = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return f"{parent}.{text}" if parent else text


@dataclass(frozen=True, slots=True)
class Finding:
    """One conformance problem.

    Attributes
    ----------
    severity
        ``error``, ``warning`` or ``info``.
    rule
        The rule id (see the module docstring).
    path
        The tag path of the attribute, ``""`` for the data set as a whole.
    message
        What is wrong, for people.
    reference
        Where the standard states the rule (``PS3.3 C.7.6.3``).
    module
        The module or macro whose rule it is, ``""`` for element-level (PS3.5) rules.
    """

    severity: str
    rule: str
    path: str
    message: str
    reference: str = ""
    module: str = ""

    def text(self) -> str:
        """One line in the manner of dciodvfy: ``Error - (0010,0010): message [rule; ref; module]``."""
        where = f"{self.path}: " if self.path else ""
        extra = "; ".join(x for x in (self.rule, self.reference, self.module) if x)
        return f"{self.severity.capitalize()} - {where}{self.message} [{extra}]"

    def to_dict(self) -> dict[str, str]:
        """The finding as a JSON-ready mapping."""
        return {"severity": self.severity, "rule": self.rule, "path": self.path,
                "message": self.message, "reference": self.reference, "module": self.module}


@dataclass(slots=True)
class Report:
    """The findings of one file or data set.

    Attributes
    ----------
    source
        The file name, or ``""`` for a data set in memory.
    sop_class
        The SOP Class UID checked against (``""`` when the data set has none).
    iod
        The name of the IOD checked against, ``""`` when no IOD was found.
    findings
        The findings in the order found.
    """

    source: str = ""
    sop_class: str = ""
    iod: str = ""
    findings: list[Finding] = field(default_factory=list)

    def add(self, severity: str, rule: str, path: str, message: str, reference: str = "",
            module: str = "") -> None:
        """Record one finding."""
        self.findings.append(Finding(severity, rule, path, message, reference, module))

    def count(self, severity: str) -> int:
        """How many findings of ``severity`` there are."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        """Number of errors."""
        return self.count("error")

    @property
    def warnings(self) -> int:
        """Number of warnings."""
        return self.count("warning")

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos do not make a data set invalid)."""
        return all(f.severity != "error" for f in self.findings)

    def fails(self, level: str = "error") -> bool:
        """True when any finding is at least as severe as ``level`` (``error``/``warning``/``info``)."""
        limit = _RANK[level]
        return any(_RANK[f.severity] <= limit for f in self.findings)

    def rules(self) -> Counter[str]:
        """How often each rule id was found."""
        return Counter(f.rule for f in self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        """The findings of one rule id."""
        return [f for f in self.findings if f.rule == rule]

    def text(self, *, min_severity: str = "info") -> str:
        """The report as dciodvfy-like lines: a header naming the IOD, then one line per finding."""
        limit = _RANK[min_severity]
        head = self.iod or self.sop_class or "(no IOD)"
        lines = [f"{self.source}: {head}" if self.source else head]
        lines += ["  " + f.text() for f in self.findings if _RANK[f.severity] <= limit]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready mapping."""
        return {"source": self.source, "sop_class": self.sop_class, "iod": self.iod,
                "errors": self.errors, "warnings": self.warnings, "ok": self.ok,
                "findings": [f.to_dict() for f in self.findings]}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as a JSON document."""
        return json.dumps(self.to_dict(), indent=indent)
