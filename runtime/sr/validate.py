"""Validation of SR content trees against PS3.16 templates (PS3.16 6.1, 6.2).

Algorithm
---------
Template rows are turned into *slots*: one per non-INCLUDE row, with concept name, value set and
units references resolved against the parameter bindings in force (PS3.16 6.2.3: a binding is valid
only for the directly included template, so each INCLUDE starts a fresh environment built from its
own ``$Param = ...`` cells; unbound parameters impose no constraint).  An INCLUDE row is replaced by
the top-level rows of the included template, which take the INCLUDE row's relationship; when the
INCLUDE is optional (U/UC/MC) the included mandatory rows are only required once any row of that
inclusion is present, and when its VM is ``n`` the included rows may repeat.  Slot lists are cached per
(template, rows, bindings) so a 1,000-measurement TID 1500 report prepares each template once.

For each content item, its children are assigned greedily, in document order, to the slots of the
row that matched the item: a child is a candidate for a slot when the relationship and value type
agree (by-reference items, PS3.3 C.17.3.2.4, match ``R-`` rows of the same relationship); among
candidates a strong concept match (EV/DT code equal, or member of the CID) wins over a weak one
(wildcard concept, a different DT code, a non-member of a baseline or extensible group), and a slot
that still has room (VM) wins over a full one.  Children that match no slot are diagnosed: a slot
with the right concept but another value type or relationship gives "value-type"/"relationship";
otherwise "unexpected", an error only under a Non-Extensible template (PS3.16 6.2.5).  Then VM
("vm"), requirement types M / MC / UC with parsed conditions ("missing-mandatory", "condition"),
CODE values and NUM units against value sets ("value-set"), and the children recursively.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from dicomkit.generated.sr_templates import TEMPLATES, Ref, Template, TemplateRow
from dicomkit.sr.templates import TemplateError, children, template
from dicomkit.sr.valuesets import in_context_group, is_enumerated, is_extensible, is_known

_CID_KINDS = ("DCID", "BCID", "CID")
Env = tuple[tuple[str, tuple[Ref, ...]], ...]


@dataclass(frozen=True)
class TemplateFinding:
    """One template conformance problem (PS3.16 6.1) at one content item.

    ``path`` is the content item position ("1.3.2", PS3.3 C.17.3.2.5); ``row`` the template row label
    whose rule is broken; ``rule`` one of missing-mandatory, vm, value-type, relationship, value-set,
    condition, unexpected.
    """

    severity: str
    path: str
    concept: str
    tid: str
    row: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"TID {self.tid} row {self.row}" if self.row else f"TID {self.tid}"
        return f"{self.severity}: {self.path} {self.concept} [{where}, {self.rule}]: {self.message}"

    def to_dict(self) -> dict[str, str]:
        """Return the finding as a JSON-ready dict."""
        return asdict(self)


@dataclass(eq=False)
class _Scope:
    """One inclusion of a template: labels in conditions refer to rows of the same scope."""

    tid: str
    optional: bool
    extensible: bool


@dataclass(eq=False)
class _Slot:
    row: TemplateRow
    tmpl: Template
    index: int
    scope: _Scope
    relationship: str
    concept: tuple[Ref, ...] | None       # None = any concept (no constraint)
    value_set: tuple[Ref, ...]
    units: tuple[Ref, ...]
    vm_max: int | None
    env: Env
    child_slots: list[_Slot] | None = field(default=None)


def _resolve(refs: Iterable[Ref], env: Mapping[str, tuple[Ref, ...]]) -> tuple[Ref, ...] | None:
    """Substitute ``$Param`` refs; None when a parameter is unbound (no constraint, PS3.16 6.2.3)."""
    out: list[Ref] = []
    for ref in refs:
        if ref and ref[0] == "$":
            bound = env.get(ref[1])
            if bound is None:
                return None
            out.extend(bound)
        else:
            out.append(ref)
    return tuple(out)


_CACHE: dict[tuple[str, tuple[int, ...], Env, str, bool, bool], list[_Slot]] = {}


def _slots(tmpl: Template, indices: Sequence[int], env: Env, relationship: str = "",
           optional: bool = False, repeat: bool = False, active: tuple[str, ...] = ()) -> list[_Slot]:
    key = (tmpl.tid, tuple(indices), env, relationship, optional, repeat)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    envd = dict(env)
    scope = _Scope(tmpl.tid, optional, tmpl.extensible is not False)
    out: list[_Slot] = []
    for i in indices:
        row = tmpl.rows[i]
        if row.value_type == "INCLUDE":
            sub_tid = row.concept[1] if row.concept else ""
            sub = TEMPLATES.get(sub_tid)
            if sub is None or sub_tid in active:
                continue
            sub_env: list[tuple[str, tuple[Ref, ...]]] = []
            for name, refs in row.bindings:
                resolved = _resolve(refs, envd)
                if resolved is not None:
                    sub_env.append((name, resolved))
            top_level = sub.rows[0].level if sub.rows else 0
            top = [j for j, r in enumerate(sub.rows) if r.level == top_level]
            out.extend(_slots(sub, top, tuple(sorted(sub_env)), row.relationship or relationship,
                              optional or row.requirement != "M", repeat or row.vm_max is None,
                              active + (tmpl.tid,)))
            continue
        concept = _resolve((row.concept,), envd) if row.concept else None
        out.append(_Slot(row, tmpl, i, scope, row.relationship or relationship, concept,
                         _resolve(row.value_set, envd) or (), _resolve(row.units, envd) or (),
                         None if repeat else row.vm_max, env))
    _CACHE[key] = out
    return out


_CHOICES: dict[tuple[tuple[int, ...], tuple[Any, ...]], int] = {}


def _child_slots(slot: _Slot) -> list[_Slot]:
    if slot.child_slots is None:
        slot.child_slots = _slots(slot.tmpl, children(slot.tmpl, slot.index), slot.env)
    return slot.child_slots


def _code_key(code: Any) -> tuple[str, str] | None:
    if code is None:
        return None
    return (str(code.scheme), str(code.value))


def _concept_score(slot: _Slot, concept: Any) -> int:
    """2 strong match, 1 weak (allowed), 0 not this concept."""
    refs = slot.concept
    if refs is None:
        return 1
    key = _code_key(concept)
    if key is None:
        return 0
    weak = False
    for ref in refs:
        kind = ref[0]
        if kind in ("EV", "DT") and len(ref) >= 3 and (ref[1], ref[2]) == key:
            return 2
        if kind in _CID_KINDS and concept is not None:
            cid = int(ref[1])
            if in_context_group(concept, cid):
                return 2
            if kind == "BCID" or not is_enumerated(cid) or (kind == "DCID" and is_extensible(cid)):
                weak = True
        if kind == "DT":
            weak = True
    return 1 if weak else 0


def _fmt(code: Any) -> str:
    return "" if code is None else f'({code.value}, {code.scheme}, "{code.meaning}")'


def _ref_text(refs: Sequence[Ref]) -> str:
    parts = []
    for ref in refs:
        if ref[0] in ("EV", "DT"):
            parts.append(f'{ref[0]} ({ref[2]}, {ref[1]}, "{ref[3] if len(ref) > 3 else ""}")')
        else:
            parts.append(" ".join(ref))
    return " or ".join(parts)


class _Run:
    def __init__(self) -> None:
        self.findings: list[TemplateFinding] = []

    def add(self, severity: str, item: Any, slot_tid: str, row: str, rule: str, message: str) -> None:
        path = ".".join(str(p) for p in getattr(item, "path", ()) or ())
        self.findings.append(TemplateFinding(severity, path, _fmt(getattr(item, "concept", None)),
                                             slot_tid, row, rule, message))

    # -- value checks -------------------------------------------------------------------------
    def check_codes(self, item: Any, slot: _Slot, code: Any, refs: Sequence[Ref], what: str) -> None:
        if not refs or code is None:
            return
        key = _code_key(code)
        strict = False
        soft = False
        for ref in refs:
            kind = ref[0]
            if kind in ("EV", "DT") and len(ref) >= 3:
                if (ref[1], ref[2]) == key:
                    return
                strict = strict or kind == "EV"
                soft = soft or kind == "DT"
            elif kind in _CID_KINDS:
                cid = int(ref[1])
                if not is_known(cid):
                    self.add("warning", item, slot.tmpl.tid, slot.row.label, "value-set",
                             f"CID {cid} is not in the generated tables; {what} {_fmt(code)} not checked")
                    return
                if in_context_group(code, cid) or not is_enumerated(cid):
                    return
                if kind == "CID" or not is_extensible(cid):
                    strict = True
                elif kind == "DCID":
                    self.add("warning", item, slot.tmpl.tid, slot.row.label, "value-set",
                             f"{what} {_fmt(code)} is not in defined context group CID {cid}; use a code "
                             f"of the group or document the extension (PS3.16 7.2.2)")
                    return
                else:
                    return  # BCID: baseline, other codes allowed
        if strict and not soft:
            self.add("error", item, slot.tmpl.tid, slot.row.label, "value-set",
                     f"{what} {_fmt(code)} is not allowed here; use {_ref_text(refs)}")

    def check_item(self, item: Any, slot: _Slot) -> None:
        vt = item.value_type
        if vt == "CODE":
            self.check_codes(item, slot, item.value, slot.value_set, "value")
        elif vt == "NUM" and slot.units and item.value is not None:
            self.check_codes(item, slot, getattr(item.value, "units", None), slot.units, "units")
        if slot.concept is not None and slot.concept and slot.concept[0][0] in ("DCID", "CID"):
            score = _concept_score(slot, item.concept)
            cid = int(slot.concept[0][1])
            if score == 1 and slot.concept[0][0] == "DCID" and is_known(cid):
                self.add("warning", item, slot.tmpl.tid, slot.row.label, "value-set",
                         f"concept name is not in defined context group CID {cid}")
        kids = list(getattr(item, "children", ()) or ())
        slots = _child_slots(slot)
        if kids or slots:
            self.match(kids, slots, item, slot.scope.extensible, owner=slot.tmpl.tid)

    # -- assignment -----------------------------------------------------------------------------
    def match(self, items: Sequence[Any], slots: Sequence[_Slot], parent: Any, extensible: bool,
              root: bool = False, owner: str = "") -> None:
        assigned: dict[int, list[Any]] = {}
        for item in items:
            best: tuple[int, int, int] | None = None
            by_ref = getattr(item, "reference", None) is not None and not item.value_type
            for n, slot in enumerate(slots):
                if not root and slot.relationship and slot.relationship != item.relationship:
                    continue
                if by_ref:
                    if not slot.row.by_reference:
                        continue
                    score = 1
                else:
                    if slot.row.by_reference or slot.row.value_type != item.value_type:
                        continue
                    score = _concept_score(slot, item.concept)
                    if score == 0:
                        continue
                full = slot.vm_max is not None and len(assigned.get(n, ())) >= slot.vm_max
                rank = (score, 0 if full else 1, -n)
                if best is None or rank > best:
                    best = rank
            if best is not None and best[0] == 1 and not by_ref and any(
                    _concept_score(s, item.concept) == 2 for s in slots if not s.row.by_reference):
                best = None  # named exactly by another row: a value type/relationship error, not a DT
            if best is None:
                self.unmatched(item, slots, extensible, root, owner)
                continue
            n = -best[2]
            if getattr(item, "children", None):
                n = self.disambiguate(item, slots, assigned, best, n)
            assigned.setdefault(n, []).append(item)
        present_scopes = {id(slots[n].scope) for n in assigned}
        present_labels: dict[int, set[str]] = {}
        for n in assigned:
            present_labels.setdefault(id(slots[n].scope), set()).add(slots[n].row.label)
        for n, slot in enumerate(slots):
            got = assigned.get(n, [])
            row = slot.row
            if slot.vm_max is not None and len(got) > slot.vm_max:
                for extra in got[slot.vm_max:]:
                    self.add("error", extra, slot.tmpl.tid, row.label, "vm",
                             f"row {row.label} allows at most {slot.vm_max} item(s) "
                             f"{row.concept_text or row.value_type}; remove the extra ones")
            scope_present = id(slot.scope) in present_scopes
            if slot.scope.optional and not scope_present:
                continue
            labels = present_labels.get(id(slot.scope), set())
            what = row.concept_text or row.value_type
            if row.requirement == "M" and not got:
                self.add("error", parent, slot.tmpl.tid, row.label, "missing-mandatory",
                         f"mandatory {row.relationship} {row.value_type} {what} is missing; add it")
            elif row.requirement in ("MC", "UC") and row.condition_expr is not None:
                cond = _evaluate(row.condition_expr, labels, row.label, bool(got), row.requirement)
                if cond is None:
                    continue
                if row.requirement == "MC" and cond and not got:
                    self.add("error", parent, slot.tmpl.tid, row.label, "condition",
                             f"{what} is required because '{row.condition}' holds; add it")
                elif row.requirement == "UC" and not cond and got:
                    self.add("error", got[0], slot.tmpl.tid, row.label, "condition",
                             f"{what} may be present only when '{row.condition}'; remove it")
        for n, got in assigned.items():
            for item in got:
                self.check_item(item, slots[n])

    def disambiguate(self, item: Any, slots: Sequence[_Slot], assigned: Mapping[int, list[Any]],
                     best: tuple[int, int, int], first: int) -> int:
        """Among slots that match *item* equally well (TID 1500 rows 7/8/9 all start with a
        Measurement Group container), pick the one whose rows fit its subtree with fewest errors.

        The choice is cached by the candidates and the (relationship, value type, concept) signature
        of the item's children, so repeated groups of a large report are tried only once.
        """
        tied = []
        for n, slot in enumerate(slots):
            if n == first or slot.row.value_type != item.value_type or slot.row.by_reference:
                if n == first:
                    tied.append(n)
                continue
            if slot.relationship and slot.relationship != item.relationship:
                continue
            full = slot.vm_max is not None and len(assigned.get(n, ())) >= slot.vm_max
            if (_concept_score(slot, item.concept), 0 if full else 1) == best[:2]:
                tied.append(n)
        if len(tied) < 2:
            return first
        signature = tuple((c.relationship, c.value_type, _code_key(c.concept)) for c in item.children)
        key = (tuple(id(slots[n]) for n in tied), signature)
        chosen = _CHOICES.get(key)
        if chosen is None:
            scores = []
            for n in tied:
                trial = _Run()
                trial.check_item(item, slots[n])
                scores.append(sum(f.severity == "error" for f in trial.findings))
            chosen = tied[scores.index(min(scores))]
            _CHOICES[key] = chosen
        return chosen

    def unmatched(self, item: Any, slots: Sequence[_Slot], extensible: bool, root: bool, owner: str) -> None:
        for slot in slots:
            if slot.row.by_reference or _concept_score(slot, item.concept) != 2:
                continue
            if slot.row.value_type != item.value_type:
                self.add("error", item, slot.tmpl.tid, slot.row.label, "value-type",
                         f"value type is {item.value_type or 'by-reference'}; row {slot.row.label} "
                         f"requires {slot.row.value_type}")
                return
            if slot.relationship != item.relationship:
                self.add("error", item, slot.tmpl.tid, slot.row.label, "relationship",
                         f"relationship is {item.relationship}; row {slot.row.label} requires "
                         f"{slot.relationship}")
                return
        if root:
            tid = slots[0].tmpl.tid if slots else ""
            self.add("error", item, tid, slots[0].row.label if slots else "", "unexpected",
                     f"root {item.value_type} {_fmt(item.concept)} does not match the template's root row")
        elif not extensible:
            self.add("error", item, owner, "", "unexpected",
                     f"{item.relationship} {item.value_type or 'by-reference'} item is not allowed by this "
                     f"Non-Extensible template (PS3.16 6.2.5); remove it")


def _evaluate(expr: Any, labels: set[str], own: str, own_present: bool, req: str) -> bool | None:
    """Evaluate a parsed condition over the labels present in the same template inclusion."""
    op = expr[0]
    if op == "present":
        return expr[1] in labels
    if op == "absent":
        return expr[1] not in labels
    if op == "not":
        inner = _evaluate(expr[1], labels, own, own_present, req)
        return None if inner is None else not inner
    if op in ("and", "or"):
        vals = [_evaluate(e, labels, own, own_present, req) for e in expr[1:]]
        if any(v is None for v in vals):
            return None
        return all(vals) if op == "and" else any(vals)
    if op == "xor":
        # this row is required when the other is absent, allowed only then
        return expr[1] not in labels
    return None


def _root_of(obj: Any) -> Any:
    if hasattr(obj, "value_type"):
        return obj
    root = getattr(obj, "root", None)
    if root is not None and hasattr(root, "value_type"):
        return root
    from dicomkit.sr.content import read_content_tree  # a Dataset was given

    return read_content_tree(obj)


def validate_template(item_or_doc: Any, tid: str | int | None = None, *,
                      params: Mapping[str, Sequence[Ref]] | None = None) -> list[TemplateFinding]:
    """Validate a content tree (an SRDocument, Dataset or root ContentItem) against template *tid*.

    *tid* None takes the template from the root's Content Template Sequence (PS3.3 C.18.8.1.1);
    *params* binds the template's parameters (``{"Measurement": [("BCID", "218")]}``).
    Raises :class:`~dicomkit.sr.templates.TemplateError` for unknown or undeclared templates.
    """
    root = _root_of(item_or_doc)
    if tid is None:
        tid = getattr(root, "template", "") or ""
        if not tid:
            raise TemplateError("the document declares no template (Content Template Sequence absent); "
                                "name one, e.g. --template 1500")
    tmpl = template(tid)
    env: Env = tuple(sorted((k, tuple(tuple(r) for r in v)) for k, v in (params or {}).items()))
    top_level = tmpl.rows[0].level if tmpl.rows else 0
    top = [i for i, r in enumerate(tmpl.rows) if r.level == top_level]
    run = _Run()
    run.match([root], _slots(tmpl, top, env), None, tmpl.extensible is not False, root=True, owner=tmpl.tid)
    return run.findings


def findings_json(findings: Sequence[TemplateFinding]) -> str:
    """Return *findings* as a JSON array of objects."""
    return json.dumps([f.to_dict() for f in findings], indent=2)


__all__ = ["TemplateError", "TemplateFinding", "findings_json", "validate_template"]
