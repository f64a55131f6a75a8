"""Findings and per-file reports of the conformance validator.

A :class:`Finding` is one problem: its severity (``error``, ``warning`` or ``info``), the tag path
of the attribute (``(0008,1115)[0].(0008,1150)``, items numbered from 0), a rule id, a message,
the clause of the standard that states the rule (``PS3.3 C.7.6.3``, ``PS3.5 6.2``) and the module
or macro it belongs to.  A :class:`Report` gathers the findings of one file or data set, with
the IOD and SOP class it was checked against; it renders as text in the manner of dicom3tools'
``dciodvfy`` (``Error - ...`` lines) but with tag paths, or as JSON.

Rule ids are stable (they name findings in ``--fail-on`` filters, ``--ignore`` and the
configuration file, :mod:`dicomkit.validate.config`); :data:`RULES` lists each with what it
checks.  A finding's ``since`` names, where known, the first edition of the standard on hand that
states its rule (``2016a``: the High Bit restriction of PS3.5 8.1.1 is not in PS3.5 2013), ``""``
when the rule is older than every edition on hand or not known.
"""

from __future__ import annotations

import fnmatch
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

__all__ = ["RULES", "SEVERITIES", "Finding", "Report", "rule_matches", "tag_path"]

#: Every rule id the validator reports, with what it checks.
RULES: Final[dict[str, str]] = {
    "type1-missing": "a Type 1 attribute of a module or macro is absent (PS3.5 7.4.1)",
    "type1-empty": "a Type 1 (or present 1C) attribute has no value (PS3.5 7.4.1)",
    "type2-missing": "a Type 2 attribute is absent (PS3.5 7.4.3)",
    "condition-required": "a 1C/2C attribute whose condition holds is absent (PS3.5 7.4.4, 7.4.5)",
    "condition-forbidden": "a 1C/2C attribute is present though its condition is not met and "
                           "it 'shall not be present otherwise'",
    "enumerated-value": "a value is not one of the Enumerated Values of the module (PS3.3 5.3)",
    "defined-term": "a value is not one of the Defined Terms (info: they may be extended)",
    "module-missing": "a mandatory (or required conditional) module or functional group is "
                      "absent (PS3.3 A.1.3, C.7.6.16)",
    "functional-group-both": "a functional group is in both the shared and the per-frame "
                             "functional groups (PS3.3 C.7.6.16.1.1)",
    "sequence-items": "a sequence has a number of items its definition does not allow",
    "vr": "a VR that the data dictionary does not give the tag (PS3.5 6.2, PS3.6)",
    "vm": "a number of values that the data dictionary's VM does not allow (PS3.5 6.4)",
    "value-format": "a value that does not follow its VR's syntax (PS3.5 6.2)",
    "value-length": "an odd or too long value length (PS3.5 6.2, 7.1.1)",
    "repertoire": "characters outside the VR's repertoire or the Specific Character Set (PS3.5 6.1)",
    "uid-root": "a UID whose root is not an arc of the OID tree (PS3.5 9.1, ISO/IEC 9834-1)",
    "pixel-bits": "Bits Allocated / Bits Stored / High Bit inconsistent (PS3.5 8.1.1)",
    "pixel-samples": "Samples per Pixel not the Photometric Interpretation's (PS3.3 C.7.6.3.1.2)",
    "pixel-planar": "Planar Configuration not 0 where the Photometric Interpretation requires it "
                    "(PS3.3 C.7.6.3.1.2)",
    "pixel-length": "native Pixel Data not Rows x Columns x frames x samples long (PS3.5 8.1.1)",
    "file-meta": "Media Storage SOP Class/Instance UID differ from the data set's (PS3.10 7.1)",
    "uid-reuse": "one UID identifies two things: study, series, instance, frame of reference "
                 "(PS3.5 9)",
    "sr-evidence": "an instance the SR content tree references is in no evidence sequence "
                   "(PS3.3 C.17.2.3)",
    "retired": "an attribute the data dictionary lists as retired (warning, PS3.6)",
    "coding-scheme-retired": "a Coding Scheme Designator of a scheme PS3.16 Table 8-1 marks "
                             "retired or deprecated (warning, PS3.16 8.1)",
    "unknown-public": "a public tag the data dictionary does not know (warning)",
    "private-no-creator": "a private data element without its Private Creator (PS3.5 7.8.1)",
    "dicomdir-record": "no Directory Record Type references the file's IOD (warning, with "
                       "--dicomdir; PS3.3 F.4, F.5)",
    "dicomdir-key-missing": "a key the file's directory records require is absent (warning, "
                            "with --dicomdir; PS3.3 F.5)",
    "dicomdir-key-empty": "a Type 1 key of the file's directory records is empty (warning, "
                          "with --dicomdir; PS3.3 F.5)",
    "dicomdir-charset": "record keys beyond the default repertoire without Specific Character "
                        "Set (warning, with --dicomdir; PS3.3 F.5)",
    "dicomdir-file-meta": "no File Meta Information: a DICOMDIR cannot reference the file "
                          "(warning, with --dicomdir; PS3.10 7.1, 8.1)",
    "dicomdir-file-id": "the file's name (or path below the File-set root) is no File ID "
                        "(warning, with --dicomdir; PS3.10 8.2, 8.5)",
    "unknown-sop-class": "no IOD table for the SOP class: only element-level checks were made",
    "unreadable": "the file could not be read (PS3.10 7)",
    "encoding": "the reader had to recover from a broken encoding (odd or overlong lengths...)",
}


def rule_matches(rule: str, patterns: Iterable[str]) -> bool:
    """True when ``rule`` is one of ``patterns`` (rule ids or shell patterns: ``pixel-*``)."""
    return any(rule == p or fnmatch.fnmatchcase(rule, p) for p in patterns)

#: Severities, most severe first.
SEVERITIES: Final = ("error", "warning", "info")
_RANK: Final = {s: i for i, s in enumerate(SEVERITIES)}


def tag_path(parent: str, tag: int) -> str:
    """The path of ``tag`` inside ``parent`` (``""`` for the top level data set).

    >>> tag_path("(0008,1115)[0]", 0x00081150)
    '(0008,1115)[0].(0008,1150)'
    """
    if not parent:
        text = _TOP_PATHS.get(tag)
        if text is None:
            text = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
            if len(_TOP_PATHS) < 65536:
                _TOP_PATHS[tag] = text
        return text
    return f"{parent}.({tag >> 16:04X},{tag & 0xFFFF:04X})"


#: the paths of top-level tags made so far (:func:`tag_path`; a finding's path, most often)
_TOP_PATHS: dict[int, str] = {}


class Finding(NamedTuple):
    """One conformance problem (immutable; a named tuple, made once per finding: cheap).

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
    since
        The first edition on hand that states the rule, ``""`` when older or not known.
    """

    severity: str
    rule: str
    path: str
    message: str
    reference: str = ""
    module: str = ""
    since: str = ""

    def text(self) -> str:
        """One line in the manner of dciodvfy: ``Error - (0010,0010): message [rule; ref; module]``."""
        where = f"{self.path}: " if self.path else ""
        since = f"since {self.since}" if self.since else ""
        extra = "; ".join(x for x in (self.rule, self.reference, self.module, since) if x)
        return f"{self.severity.capitalize()} - {where}{self.message} [{extra}]"

    def to_dict(self) -> dict[str, str]:
        """The finding as a JSON-ready mapping."""
        return {"severity": self.severity, "rule": self.rule, "path": self.path,
                "message": self.message, "reference": self.reference, "module": self.module,
                "since": self.since}


#: makes a Finding from a tuple of its fields without the keyword handling of its constructor
_new_finding: Final = tuple.__new__


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
    suppressed
        How many findings :meth:`suppress` removed.
    modality, manufacturer
        Modality (0008,0060) and Manufacturer (0008,0070) of the data set, for reports that
        group files (``""`` when absent).
    """

    source: str = ""
    sop_class: str = ""
    iod: str = ""
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    modality: str = ""
    manufacturer: str = ""

    def add(self, severity: str, rule: str, path: str, message: str, reference: str = "",
            module: str = "", since: str = "") -> None:
        """Record one finding."""
        self.findings.append(_new_finding(Finding, (severity, rule, path, message, reference,
                                                    module, since)))

    def suppress(self, patterns: Iterable[str]) -> int:
        """Remove the findings whose rule matches ``patterns`` (:func:`rule_matches`); count them."""
        patterns = tuple(patterns)
        if not patterns:
            return 0
        kept = [f for f in self.findings if not rule_matches(f.rule, patterns)]
        removed = len(self.findings) - len(kept)
        self.findings[:] = kept
        self.suppressed += removed
        return removed

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
                "suppressed": self.suppressed, "modality": self.modality,
                "manufacturer": self.manufacturer,
                "findings": [f.to_dict() for f in self.findings]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """The report :meth:`to_dict` gave."""
        findings = [Finding(f["severity"], f["rule"], f["path"], f["message"],
                            f.get("reference", ""), f.get("module", ""), f.get("since", ""))
                    for f in data.get("findings", [])]
        return cls(data.get("source", ""), data.get("sop_class", ""), data.get("iod", ""),
                   findings, int(data.get("suppressed", 0)), data.get("modality", ""),
                   data.get("manufacturer", ""))

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as a JSON document."""
        return json.dumps(self.to_dict(), indent=indent)
