"""PS3.4 C.2.2.2 reader: the types of attribute matching and the VRs each applies to.

C.2.2.2 "Attribute Matching" lists the types of matching (one paragraph each: "Single Value
Matching", ..., "Multiple Value Matching"), each defined by the sub-section of that title.  The
VRs the rules apply to are written in those sub-sections' text, not in tables; they are read
here, so that the runtime (:mod:`dicomkit.query`) names them instead of typing them:

=============================  ============  ==================================================
constant                       section       the sentence read (the one paragraph naming VRs
                                             that holds the anchor words)
=============================  ============  ==================================================
SINGLE_VALUE_STRING_VRS        C.2.2.2.1     "of VR of AE, CS, ... and contains a single value
                                             with no wild card characters"
SINGLE_VALUE_DATE_TIME_VRS     C.2.2.2.1     "of VR of DA, TM or DT and contains a single value
                                             with no "-" ..."
WILD_CARD_VRS                  C.2.2.2.4     "If the Attribute is of VR of AE, CS, ... contains
                                             any occurrence of an "*" or a "?""
RANGE_VRS                      C.2.2.2.5     the titles "Range Matching of Attributes of VR of
                                             DA" (TM, DT) of its sub-sections
EMPTY_VALUE_VRS                C.2.2.2.7     "for Attributes with VR of AE, CS, ..., a Key
                                             Attribute value of exactly two QUOTATION MARK"
MULTIPLE_VALUE_VRS             C.2.2.2.8     "for Attributes with VR of AE, AS, ... a Key
                                             Attribute with multiple values"
=============================  ============  ==================================================

Sections are found by label and checked by title; every VR read must be a VR of PS3.5 Table
6.2-1, and a rule whose sentence is missing, or found twice, stops generation.  A rule of a type
of matching that C.2.2.2 does not list (Empty Value and Multiple Value Matching before 2021)
has no VRs.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Paragraph, Section
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.model.matching import MatchingType, VrRule
from dicomkit.codegen.names import identifier
from dicomkit.codegen.readers.part05 import read_vrs
from dicomkit.codegen.standard import Standard

PART = 4
#: The section of attribute matching and its title (PS3.4 C.2.2.2).
MATCHING_SECTION = ("C.2.2.2", "Attribute Matching")

#: "VR of AE, CS, LO or UT", "VRs of AE, LO and UT", "VR of DA": a list of two-letter codes.
_VR_LIST = re.compile(r"\bVRs? of ((?:[A-Z]{2})(?:(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)"
                      r"[A-Z]{2}\b)*)")
_CODE = re.compile(r"\b[A-Z]{2}\b")

#: (constant, section label, words the defining paragraph holds, what the VRs are for)
_RULES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("SINGLE_VALUE_STRING_VRS", "C.2.2.2.1", ("no wild card",),
     "string VRs whose key is matched as a single value unless it has wild cards (or is \"\")"),
    ("SINGLE_VALUE_DATE_TIME_VRS", "C.2.2.2.1", ('with no "-"',),
     "date and time VRs whose key is matched as a single value unless it has \"-\" (or is \"\")"),
    ("WILD_CARD_VRS", "C.2.2.2.4", ('"*" shall match any sequence',),
     "VRs whose key is matched with wild cards when it holds \"*\" or \"?\""),
    ("EMPTY_VALUE_VRS", "C.2.2.2.7", ("QUOTATION MARK", "empty value"),
     "VRs whose key of exactly two QUOTATION MARKs asks for an empty value (when negotiated)"),
    ("MULTIPLE_VALUE_VRS", "C.2.2.2.8", ("multiple values",),
     "VRs whose multi-valued key asks that every value match (when negotiated)"),
)
_RANGE_SECTION = ("C.2.2.2.5", "Range Matching")
_RANGE_TITLE = re.compile(r"^Range Matching of Attributes of VR of ([A-Z]{2})$")


def _codes(text: str) -> list[str]:
    """The VR codes of every "VR(s) of ..." list in ``text``."""
    out: list[str] = []
    for m in _VR_LIST.finditer(text):
        out.extend(_CODE.findall(m.group(1)))
    return out


def _checked(std: Standard, label: str, title: str) -> Section:
    sec = std.section(PART, label)
    if sec.title != title:
        raise CodegenError(f"PS3.4 section {label} is titled {sec.title!r}, expected {title!r}")
    return sec


def read_matching_types(std: Standard) -> list[MatchingType]:
    """The types of matching PS3.4 C.2.2.2 lists, each with the sub-section of its title.

    Raises
    ------
    CodegenError
        When C.2.2.2 is missing or retitled, lists no type, or a listed type has no
        sub-section of that title.
    """
    sec = _checked(std, *MATCHING_SECTION)
    by_title = {s.title: s for s in sec.sections}
    out: list[MatchingType] = []
    for block in sec.blocks:
        if isinstance(block, Paragraph) and block.text.endswith(" Matching") \
                and len(block.text.split()) <= 5:
            sub = by_title.get(block.text)
            if sub is None:
                raise CodegenError(f"PS3.4 C.2.2.2 lists {block.text!r}, which no sub-section "
                                   "of C.2.2.2 is titled")
            out.append(MatchingType(identifier(block.text.removesuffix(" Matching")),
                                    block.text, sub.label))
    if not out:
        raise CodegenError("PS3.4 C.2.2.2 lists no type of matching")
    return out


def read_vr_rules(std: Standard) -> list[VrRule]:
    """The VR sets of the matching rules (see the module docstring).

    Raises
    ------
    CodegenError
        When a rule's sentence is missing or found in more than one paragraph, or names a
        code that is not a VR of PS3.5 Table 6.2-1.
    """
    known = {v.code for v in read_vrs(std)}
    types = {t.section: t.title for t in read_matching_types(std)}
    rules: list[VrRule] = []
    for name, label, words, what in _RULES:
        if label not in types:  # a type of matching the edition does not have yet
            rules.append(VrRule(name, label, (), what))
            continue
        sec = _checked(std, label, types[label])
        found = [b.text for b in sec.blocks
                 if isinstance(b, Paragraph) and all(w in b.text for w in words)
                 and _codes(b.text)]
        if len(found) != 1:
            raise CodegenError(f"PS3.4 {label}: {len(found)} paragraphs name VRs with "
                               f"{' and '.join(map(repr, words))}; expected one ({name})")
        rules.append(VrRule(name, label, _known(_codes(found[0]), known, label), what))
    sec = _checked(std, *_RANGE_SECTION)
    ranged = [m.group(1) for s in sec.sections if (m := _RANGE_TITLE.match(s.title))]
    if not ranged:
        raise CodegenError("PS3.4 C.2.2.2.5 has no sub-section 'Range Matching of Attributes "
                           "of VR of ..'")
    rules.append(VrRule("RANGE_VRS", sec.label, _known(ranged, known, sec.label),
                        "VRs whose key is matched as a range when it holds \"-\""))
    return sorted(rules, key=lambda r: r.name)


def _known(codes: list[str], known: set[str], label: str) -> tuple[str, ...]:
    bad = [c for c in codes if c not in known]
    if bad:
        raise CodegenError(f"PS3.4 {label} names {bad}, not VRs of PS3.5 Table 6.2-1")
    return tuple(sorted(set(codes)))


def _build_matching(std: Standard) -> dict[str, Any]:
    return {"types": read_matching_types(std), "rules": read_vr_rules(std)}


MODULES = [
    ModuleSpec("matching", _build_matching,
               {"matching.py": "matching.py.j2", "matching.pyi": "matching.pyi.j2"},
               "types of attribute matching and the VRs each applies to (PS3.4 C.2.2.2)",
               reads=(4, 5)),
]
