"""PS3.16 reader: context groups (Annex B), coding schemes (Table 8-1) and SR templates (Annex A).

Every section labelled ``CID nnnn`` is a context group: a definition list (Keyword, Type
Extensible / Non-Extensible, Version, UID) and a table whose header starts with "Coding Scheme
Designator", "Code Value", "Code Meaning" (some groups add "Coding Scheme Version" and further
columns, which are ignored).  Rows whose cells all read "Include ... CID nnnn" include another
group (PS3.16 7.2.2).

Every section labelled ``TID nnnn`` is a template (PS3.16 6.1): a definition list (Type, Order,
Root), an optional "Parameter Name" / "Parameter Usage" table and the template table, found by
its header cells "VT" and "Concept Name", columns indexed by header name ("NL" and "Rel with
Parent" are absent from some root templates).  References in cells are parsed from the cell
text, where the chtml rendering of a link to a CID/TID section reads "DSection CID 7021"
(prefix letter D = defined, B = baseline, PS3.16 6.1.5): ``EV``/``DT`` codes, ``DCID``/``BCID``/
``CID`` groups, ``DTID`` templates and ``$Parameter`` names.  Conditions are parsed only in the
simple forms of :func:`parse_condition`; anything else keeps its text with no expression.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field, replace
from typing import Any

from dicomkit.codegen.document import DefinitionList, Document, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.sr import (
    CodeRow,
    CodingScheme,
    ContextGroupDef,
    Ref,
    TemplateDef,
    TemplateRowDef,
)
from dicomkit.codegen.readers.part06 import read_context_group_uids
from dicomkit.codegen.standard import Standard

PART = 16

DESIGNATOR = "Coding Scheme Designator"
CODE_VALUE = "Code Value"
CODE_MEANING = "Code Meaning"
SCHEME_VERSION = "Coding Scheme Version"

_CID_LABEL = re.compile(r"^CID (\d+)$")
_TID_LABEL = re.compile(r"^TID (\d+[A-Z]?)$")

#: A coded concept as written in PS3.16 tables: ``EV (121058, DCM, "Procedure reported")``.
_CODE = re.compile(r'\b(EV|DT) ?\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,\s*"(.*?)"\s*\)')
#: A context group or template reference; the chtml link text "Section CID 7021" follows the
#: prefix letter directly ("DSection CID 7021"), DocBook-like text reads "DCID 7021".
_GROUP = re.compile(r"\b([DB]?)(?:Section )?(CID|TID) ?(\d+[A-Z]?)\b")
_PARAM = re.compile(r"\$([A-Za-z][A-Za-z0-9_]*)")
_TOKEN = re.compile(f"{_CODE.pattern}|{_GROUP.pattern}|{_PARAM.pattern}")
_BINDING = re.compile(r"\$([A-Za-z][A-Za-z0-9_]*)\s*=\s*")
_UNITS = re.compile(r"\bUNITS\s*=\s*")
_VM = re.compile(r"^(\d+)(?:\s*-\s*(\d+|n))?$")


def parse_refs(text: str) -> tuple[Ref, ...]:
    """Every reference written in ``text``, in order (see the module docstring)."""
    refs: list[Ref] = []
    for m in _TOKEN.finditer(text):
        if m.group(1):
            refs.append((m.group(1), m.group(3), m.group(2), m.group(4)))
        elif m.group(6):
            prefix, kind, number = m.group(5), m.group(6), m.group(7)
            refs.append((("D" if kind == "TID" and not prefix else prefix) + kind, number))
        else:
            refs.append(("$", m.group(8)))
    return tuple(refs)


def parse_bindings(text: str) -> tuple[tuple[str, tuple[Ref, ...]], ...] | None:
    """INCLUDE parameter bindings ``$Name = refs $Other = refs``; None if not in that form."""
    starts = list(_BINDING.finditer(text))
    if not starts or starts[0].start() != 0:
        return None
    out: list[tuple[str, tuple[Ref, ...]]] = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        out.append((m.group(1), parse_refs(text[m.end():end])))
    return tuple(out)


_ROW = r"[0-9]+[a-z]?"
_ROWS = rf"{_ROW}(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:Row\s+)?{_ROW})*"


def _row_list(text: str) -> tuple[list[str], str]:
    """Row labels of ``"10 and 12"`` / ``"9, 10 or 11"`` and the joining word ("and"/"or")."""
    labels = re.findall(_ROW, text)
    joiner = "or" if re.search(r"\bor\b", text) else "and"
    return labels, joiner


def parse_condition(text: str, label: str = "") -> Any:
    """The expression tuple of a simple template row condition, else None.

    Understood forms (PS3.16 6.1.8): ``XOR Row 9`` -> ``("xor", "9")``; ``IF[F] Row 10 is
    present|absent``; ``IF[F] Row 10 and 12 are absent`` -> ``("and", ("absent", "10"),
    ("absent", "12"))``; ``IF[F] Row 10 or 12 is present`` -> ``("or", ...)``; ``IF[F] Row 10
    is not present``.  "Row" may read "Rows".  On row ``label``, ``At least one of Rows 1, 2, 3
    shall be present`` (listing ``label``) means this row is required when the others are all
    absent: ``("and", ("absent", "2"), ("absent", "3"))``.  Anything else, e.g. conditions on values or on
    the invoking template, gives None: the text is kept, nothing is guessed.
    """
    t = text.strip().rstrip(".")
    m = re.fullmatch(rf"XOR Rows? ({_ROW})", t)
    if m:
        return ("xor", m.group(1))
    m = re.fullmatch(rf"At least one of Rows? ({_ROWS}) shall be present", t)
    if m:
        labels, joiner = _row_list(m.group(1))
        others = [("absent", x) for x in labels if x != label]
        if label not in labels or not others:
            return None
        return others[0] if len(others) == 1 else ("and", *others)
    m = re.fullmatch(rf"IFF? Rows? ({_ROWS}) (?:is|are) (not present|present|absent)", t)
    if not m:
        return None
    labels, joiner = _row_list(m.group(1))
    what = "absent" if m.group(2) in ("absent", "not present") else "present"
    terms = [(what, label) for label in labels]
    if len(terms) == 1:
        return terms[0]
    if what == "absent" and joiner == "or" and len(terms) > 1:
        # "Row 10 or 12 is absent" is ambiguous (either / both); not guessed.
        return None
    return (joiner, *terms)


def parse_vm(text: str) -> tuple[int, int | None] | None:
    """``"1"`` -> (1, 1); ``"1-n"`` -> (1, None); ``"1-3"`` -> (1, 3); None if not a VM."""
    m = _VM.match(text.strip())
    if not m:
        return None
    lo = int(m.group(1))
    if m.group(2) is None:
        return lo, lo
    return lo, None if m.group(2) == "n" else int(m.group(2))


# --------------------------------------------------------------------------- stats


@dataclass
class Part16Stats:
    """What the reader found and what it kept only as text (for tests and the report)."""

    rows: int = 0
    value_set_cells: int = 0
    value_set_parsed: int = 0
    conditions: int = 0
    conditions_parsed: int = 0
    unparsed_conditions: list[str] = field(default_factory=list)
    bad_vm: list[str] = field(default_factory=list)


@dataclass
class Part16:
    """Everything read from PS3.16."""

    groups: dict[int, ContextGroupDef]
    schemes: dict[str, CodingScheme]
    templates: dict[str, TemplateDef]
    missing: dict[str, str]
    stats: Part16Stats


# --------------------------------------------------------------------------- helpers


def _definitions(section: Section) -> dict[str, str]:
    out: dict[str, str] = {}
    for b in section.blocks:
        if isinstance(b, DefinitionList):
            for term, definition in b.entries:
                out.setdefault(term.rstrip(":").strip(), definition.strip())
    return out


def _tables(section: Section) -> list[Table]:
    return [b for b in section.blocks if isinstance(b, Table)]


def _yes_no(value: str | None, yes: str, no: str) -> bool | None:
    if value is None:
        return None
    v = value.strip().lower()
    if v == yes.lower():
        return True
    if v == no.lower():
        return False
    return None


# --------------------------------------------------------------------------- context groups


def _group_table(section: Section) -> Table | None:
    for t in _tables(section):
        cols = t.columns
        if DESIGNATOR in cols and CODE_VALUE in cols and CODE_MEANING in cols:
            return t
    return None


def read_group(section: Section, cid: int, edition: str = "") -> ContextGroupDef:
    """One context group from its ``CID nnnn`` section (PS3.16 Annex B).

    A wrong "UID:" entry is corrected from :mod:`dicomkit.codegen.fixes` (key ``"CID nnnn"``,
    field ``"UID"``), where PS3.6 Table A-3 registers another UID.
    """
    info = _definitions(section)
    fixed_uid = fixes_for(PART, f"CID {cid}", edition).get((f"CID {cid}", "UID"))
    if fixed_uid is not None:
        info["UID"] = fixed_uid
    table = _group_table(section)
    codes: list[CodeRow] = []
    includes: list[int] = []
    if table is not None:
        cols = table.columns
        ds, cv, cm = cols.index(DESIGNATOR), cols.index(CODE_VALUE), cols.index(CODE_MEANING)
        sv = cols.index(SCHEME_VERSION) if SCHEME_VERSION in cols else None
        for i, row in enumerate(table.body):
            texts = row.texts
            if not any(texts):
                continue
            if texts[0].startswith("Include"):
                targets = [ln.target for c in row.cells[:1] for ln in c.links]
                numbers = [t.removeprefix("sect_CID_") for t in targets if t.startswith("sect_CID_")]
                if not numbers:
                    numbers = re.findall(r"\bCID ?(\d+)\b", texts[0])
                if len(numbers) != 1:
                    raise TableError(table.source, table.label,
                                     f"include row names no single CID: {texts[0]!r}", row=i + 1)
                includes.append(int(numbers[0]))
                continue
            if not texts[cv] and not texts[ds]:
                continue
            codes.append(CodeRow(scheme=texts[ds], value=texts[cv], meaning=texts[cm],
                                 scheme_version=texts[sv] if sv is not None else ""))
    return ContextGroupDef(
        cid=cid, name=section.title, keyword=info.get("Keyword", ""), uid=info.get("UID", ""),
        extensible=_yes_no(info.get("Type"), "Extensible", "Non-Extensible") is True,
        version=info.get("Version", ""), codes=tuple(codes), includes=tuple(includes))


def _registered_uids(std: Standard, groups: dict[int, ContextGroupDef]) -> dict[int, ContextGroupDef]:
    """Fill in the UID of every group from PS3.6 Table A-3 where PS3.16 gives none.

    Where both give a UID they must agree (after the corrections of :mod:`dicomkit.codegen.fixes`):
    a disagreement is a defect of one of the parts that needs a named fix, so it stops generation.
    """
    registered = {u.cid: u.value for u in read_context_group_uids(std) if u.cid is not None}
    out: dict[int, ContextGroupDef] = {}
    for cid, g in groups.items():
        uid = registered.get(cid, "")
        if g.uid and uid and g.uid != uid:
            raise CodegenError(f"CID {cid}: PS3.16 gives UID {g.uid}, PS3.6 Table A-3 registers {uid}; "
                               "add a fix to dicomkit.codegen.fixes naming the correct one")
        out[cid] = g if g.uid or not uid else replace(g, uid=uid)
    return out


def read_coding_schemes(std: Standard) -> dict[str, CodingScheme]:
    """PS3.16 Table 8-1 "Coding Schemes": designator -> scheme."""
    table = std.table(PART, "8-1")
    cols = table.columns
    idx: dict[str, int] = {}
    for want in (DESIGNATOR, "Coding Scheme UID", "Coding Scheme Name"):
        found = [i for i, c in enumerate(cols) if c.startswith(want)]
        if not found:
            raise TableError(table.source, table.label, f"no column {want!r} in {cols!r}")
        idx[want] = found[0]
    described = [i for i, c in enumerate(cols) if c == "Description"]
    out: dict[str, CodingScheme] = {}
    for row in table.body:
        t = row.texts
        designator = t[idx[DESIGNATOR]]
        if designator and designator not in out:
            words = " ".join([t[idx["Coding Scheme Name"]]] + [t[i] for i in described])
            status = "retired" if _RETIRED_SCHEME.search(words) else \
                "deprecated" if _DEPRECATED_SCHEME.search(words) else ""
            out[designator] = CodingScheme(designator, t[idx["Coding Scheme UID"]],
                                           t[idx["Coding Scheme Name"]], status)
    return out


# Table 8-1 marks a scheme "SNOMED DICOM Microglossary (Retired)" or says "This coding scheme is
# deprecated" (SNM3, SRT: "SNOMED-RT style" Code Values, PS3.16 8.1)
_RETIRED_SCHEME = re.compile(r"\(Retired\)")
_DEPRECATED_SCHEME = re.compile(r"\bThis coding scheme is deprecated\b")


# --------------------------------------------------------------------------- templates

_VT, _CONCEPT = "VT", "Concept Name"


def _template_table(section: Section) -> Table | None:
    for t in _tables(section):
        if _VT in t.columns and _CONCEPT in t.columns:
            return t
    return None


def _parameters(section: Section) -> tuple[tuple[str, str], ...]:
    for t in _tables(section):
        cols = t.columns
        if cols[:1] == ("Parameter Name",) and "Parameter Usage" in cols:
            u = cols.index("Parameter Usage")
            return tuple((r.texts[0].lstrip("$").strip(), r.texts[u]) for r in t.body if r.texts[0])
    return ()


def _row(table: Table, i: int, stats: Part16Stats) -> TemplateRowDef:
    cols = table.columns
    texts = table.body[i].texts

    def col(name: str) -> str:
        return texts[cols.index(name)] if name in cols else ""

    label = texts[0]
    vt = col(_VT)
    rel = col("Rel with Parent")
    by_ref = rel.startswith("R-")
    concept_text = col(_CONCEPT)
    concept_refs = parse_refs(concept_text)
    concept = concept_refs[0] if concept_refs else None
    vm_text = col("VM")
    vm = parse_vm(vm_text)
    if vm is None:
        stats.bad_vm.append(f"{table.label} row {label}: {vm_text!r}")
        vm = (0, None)
    condition = col("Condition")
    expr = parse_condition(condition, label) if condition else None
    if condition:
        stats.conditions += 1
        if expr is not None:
            stats.conditions_parsed += 1
        else:
            stats.unparsed_conditions.append(condition)
    vs_text = col("Value Set Constraint")
    value_set: tuple[Ref, ...] = ()
    units: tuple[Ref, ...] = ()
    bindings: tuple[tuple[str, tuple[Ref, ...]], ...] = ()
    if vs_text:
        stats.value_set_cells += 1
        if vt == "INCLUDE":
            b = parse_bindings(vs_text)
            if b is not None:
                bindings = b
                stats.value_set_parsed += 1
        else:
            m = _UNITS.search(vs_text)
            if vt == "NUM" and m:
                units = parse_refs(vs_text[m.end():])
                value_set = parse_refs(vs_text[:m.start()])
            else:
                value_set = parse_refs(vs_text)
            if value_set or units:
                stats.value_set_parsed += 1
    stats.rows += 1
    return TemplateRowDef(
        label=label, level=col("NL").count(">"), relationship=rel.removeprefix("R-"),
        by_reference=by_ref, value_type=vt, concept=concept, vm_min=vm[0], vm_max=vm[1],
        requirement=col("Req Type"), condition=condition, condition_expr=expr,
        value_set=value_set, units=units, bindings=bindings, concept_text=concept_text,
        value_set_text=vs_text)


def read_template(section: Section, tid: str, stats: Part16Stats) -> TemplateDef | None:
    """One template from its ``TID nnnn`` section (PS3.16 Annex A); None without a table."""
    table = _template_table(section)
    if table is None:
        return None
    if table.columns[0] != "":
        raise TableError(table.source, table.label,
                         f"first column is {table.columns[0]!r}, expected the unlabelled row label")
    info = _definitions(section)
    rows = tuple(_row(table, i, stats) for i, r in enumerate(table.body) if any(r.texts))
    return TemplateDef(
        tid=tid, name=section.title,
        extensible=_yes_no(info.get("Type"), "Extensible", "Non-Extensible"),
        order_significant=_yes_no(info.get("Order"), "Significant", "Non-Significant"),
        root=_yes_no(info.get("Root"), "Yes", "No"),
        parameters=_parameters(section), rows=rows)


# --------------------------------------------------------------------------- the part

_MISSING_FILES = {
    "chapter_D.html": ("Annex D", "DICOM Controlled Terminology Definitions (Annex D): chapter_D.html is "
                                  "not in the source on hand; code meanings of DCM codes come only from "
                                  "the CID and TID tables"),
    "chapter_O.html": ("Annex O", "Annex O: chapter_O.html is not in the source on hand"),
}


def read_part16(std: Standard) -> Part16:
    """Read every context group, template and coding scheme of PS3.16."""
    doc: Document = std.document(PART)
    stats = Part16Stats()
    groups: dict[int, ContextGroupDef] = {}
    templates: dict[str, TemplateDef] = {}
    for annex in ("A", "B"):
        std.section(PART, annex)
    for s in doc.root.walk():
        if not s.label:
            continue
        m = _CID_LABEL.match(s.label)
        if m:
            groups[int(m.group(1))] = read_group(s, int(m.group(1)), doc.edition)
            continue
        m = _TID_LABEL.match(s.label)
        if m:
            t = read_template(s, m.group(1), stats)
            if t is not None:
                templates[t.tid] = t
    if not groups or not templates:
        raise CodegenError(f"{doc.source}: no CID or TID sections found")
    schemes = read_coding_schemes(std)
    missing: dict[str, str] = {}
    src = std.source_of(PART)
    for name in src.known_missing:
        if name in _MISSING_FILES:
            key, why = _MISSING_FILES[name]
            missing[key] = why
        else:
            m2 = re.fullmatch(r"sect_(CID|TID)_(\w+)\.html", name)
            if m2:
                missing[f"{m2.group(1)} {m2.group(2)}"] = f"section not in the source ({name} absent)"
    for g in groups.values():
        for inc in g.includes:
            if inc not in groups:
                missing.setdefault(f"CID {inc}", f"section not in the source (included by CID {g.cid})")
    for t in templates.values():
        for r in t.rows:
            refs = list(r.value_set) + list(r.units) + ([r.concept] if r.concept else [])
            refs += [ref for _, rs in r.bindings for ref in rs]
            for ref in refs:
                if ref[0].endswith("CID") and int(ref[1]) not in groups:
                    missing.setdefault(f"CID {ref[1]}",
                                       f"section not in the source (referenced by TID {t.tid} row {r.label})")
                elif ref[0].endswith("TID") and ref[1] not in templates:
                    missing.setdefault(f"TID {ref[1]}",
                                       f"section not in the source (referenced by TID {t.tid} row {r.label})")
    return Part16(groups, schemes, templates, missing, stats)


_CACHE: list[tuple[weakref.ref[Standard], Part16]] = []


def cached_part16(std: Standard) -> Part16:
    """:func:`read_part16`, once per Standard (both modules read the same part)."""
    if _CACHE and id(_CACHE[0][0]()) == id(std):
        # Record the uses again for the second module's header.
        for annex in ("A", "B"):
            std.section(PART, annex)
        std.table(PART, "8-1")
        return _CACHE[0][1]
    p = read_part16(std)
    _CACHE[:] = [(weakref.ref(std), p)]
    return p


def _natural(key: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", key)
    return (int(m.group(1)), m.group(2)) if m else (0, key)


def build_context_groups(std: Standard) -> dict[str, Any]:
    """Template context of ``context_groups``."""
    p = cached_part16(std)
    groups = _registered_uids(std, p.groups)
    return {"groups": [groups[k] for k in sorted(groups)],
            "schemes": [p.schemes[k] for k in sorted(p.schemes)],
            "missing": sorted(p.missing.items(),
                              key=lambda kv: (kv[0].split()[0], _natural(kv[0].split()[-1])))}


def build_sr_templates(std: Standard) -> dict[str, Any]:
    """Template context of ``sr_templates``."""
    p = cached_part16(std)
    return {"templates": [p.templates[k] for k in sorted(p.templates, key=_natural)]}


MODULES: list[ModuleSpec] = [
    ModuleSpec(
        name="context_groups",
        build=build_context_groups,
        files={"context_groups.py": "context_groups.py.j2", "context_groups.pyi": "context_groups.pyi.j2"},
        summary="Context groups (CIDs), their codes and includes, and coding schemes (PS3.16 Annex B, "
                "Table 8-1; UIDs also from PS3.6 Table A-3)",
        reads=(6, 16),
    ),
    ModuleSpec(
        name="sr_templates",
        build=build_sr_templates,
        files={"sr_templates.py": "sr_templates.py.j2", "sr_templates.pyi": "sr_templates.pyi.j2"},
        summary="SR templates (TIDs): rows, value sets, conditions, parameters (PS3.16 Annex A)",
        reads=(16,),
    ),
]
