"""Content items built from the rows of the generated PS3.16 templates (Annex A) and the members
of the generated context groups (Annex B), shared by the template builders (:mod:`.tid1500`,
:mod:`.chest_cad`, :mod:`.mammo_cad`).

A builder names a row by the code value of its EV/DT concept and its value type; the concept
name, relationship type and units come from :data:`dicomkit.generated.sr_templates.TEMPLATES`, the
coded values from :data:`dicomkit.generated.context_groups.CONTEXT_GROUPS`.  Every lookup fails with
:class:`~dicomkit.sr.SRError` when the row or the code is no longer where the standard put it, so a
new edition that moves a row breaks the builder visibly instead of producing a wrong document.

>>> from dicomkit.sr.rows import row_item
>>> row_item("4019", "111001", "TEXT", "nodule finder").concept.meaning   # doctest: +SKIP
'Algorithm Name'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.generated.context_groups import CONTEXT_GROUPS
from dicomkit.generated.sr_templates import TEMPLATES
from dicomkit.sr.code import Code
from dicomkit.sr.content import ContentItem, Reference
from dicomkit.sr.errors import SRError
from dicomkit.sr.valuesets import in_context_group, is_extensible

__all__ = ["binding_groups", "coded_row", "content_item", "context_group_code", "image_reference",
           "include_relationship", "param_relationship", "require_member", "row_concept",
           "row_groups", "row_item", "row_unit"]


@functools.cache
def row_concept(tid: str, value: str, value_type: str) -> tuple[Code, str]:
    """The concept name and relationship type of the row of template ``tid`` whose EV/DT concept
    has Code Value ``value`` and whose Value Type is ``value_type``.

    Rows of templates that ``tid`` includes (two levels deep, e.g. TID 1410 -> TID 1419) are found
    too; a row without a relationship of its own (the top row of an included template) takes the
    relationship of the INCLUDE row (PS3.16 6.3.1).

    Raises
    ------
    SRError
        When the template has no such row (the standard changed, or the generated tables lack it):
        the row is never typed here by hand, so the builder stops rather than guess.
    """
    found = _find_row(tid, value, value_type, 2, frozenset())
    if found is None:
        raise SRError(f"TID {tid} has no {value_type} row with concept code value {value!r} "
                      f"(PS3.16 TID {tid}); the template changed: update the builder")
    return found[0], found[1]


def _find_row(tid: str, value: str, value_type: str, depth: int,
              seen: frozenset[str]) -> tuple[Code, str, tuple[Any, ...]] | None:
    tpl = TEMPLATES.get(tid)
    if tpl is None:
        raise SRError(f"TID {tid} is not in dicomkit.generated.sr_templates; regenerate from PS3.16")
    for r in tpl.rows:
        c = r.concept
        if c is not None and len(c) >= 4 and c[0] in ("EV", "DT") and c[2] == value \
                and r.value_type == value_type:
            return Code.of(c), r.relationship, tuple(r.units)
    if depth == 0:
        return None
    for r in tpl.rows:
        c = r.concept
        if r.value_type == "INCLUDE" and c is not None and c[-1] not in seen and c[-1] in TEMPLATES:
            hit = _find_row(c[-1], value, value_type, depth - 1, seen | {tid})
            if hit is not None:
                return hit[0], hit[1] or r.relationship, hit[2]
    return None


@functools.cache
def row_unit(tid: str, value: str, unit: str) -> Code:
    """The unit with Code Value ``unit`` from the UNITS cell of the NUM row of template ``tid``
    whose concept has Code Value ``value`` (e.g. TID 4020 row 11 "Horizontal Pixel Spacing":
    ``um`` or ``mm``; TID 4006 row 6 "Certainty of Finding": ``%``).

    Raises
    ------
    SRError
        When the row has no such EV/DT unit (PS3.16 6.1.2: the units of a NUM row are its value set).
    """
    found = _find_row(tid, value, "NUM", 2, frozenset())
    if found is not None:
        for u in found[2]:
            if len(u) >= 4 and u[0] in ("EV", "DT") and u[2] == unit:
                return Code.of(u)
    raise SRError(f"TID {tid}: the NUM row with concept code value {value!r} has no unit {unit!r} "
                  f"(PS3.16 TID {tid}, UNITS)")


@functools.cache
def include_relationship(tid: str, included: str) -> str:
    """The relationship type of the row of template ``tid`` that includes template ``included``."""
    tpl = TEMPLATES.get(tid)
    if tpl is not None:
        for r in tpl.rows:
            if r.value_type == "INCLUDE" and r.concept is not None and r.concept[-1] == included:
                return r.relationship
    raise SRError(f"TID {tid} does not include TID {included} (PS3.16 TID {tid})")


@functools.cache
def param_relationship(tid: str, parameter: str, value_type: str) -> str:
    """The relationship type of the row of template ``tid`` whose concept name is the template
    parameter ``$parameter`` with Value Type ``value_type`` (e.g. TID 1501 "CONTAINS IMAGE
    $ImagePurpose")."""
    for r in TEMPLATES[tid].rows:
        c = r.concept
        if c is not None and c[0] == "$" and c[-1].lstrip("$") == parameter and r.value_type == value_type:
            return r.relationship
    raise SRError(f"TID {tid} has no {value_type} row named by ${parameter} (PS3.16 TID {tid})")


@functools.cache
def context_group_code(cid: int, value: str) -> Code:
    """The code with Code Value ``value`` in context group ``cid`` or a group it includes."""
    seen: set[int] = set()
    todo = [cid]
    while todo:
        n = todo.pop(0)
        if n in seen or n not in CONTEXT_GROUPS:
            continue
        seen.add(n)
        group = CONTEXT_GROUPS[n]
        for c in group.codes:
            if c.value == value:
                return Code.of(c)
        todo.extend(group.includes)
    raise SRError(f"CID {cid} has no code {value!r} (PS3.16 CID {cid})")


def _cids(refs: Iterable[tuple[str, ...]], kinds: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(int(r[1]) for r in refs if len(r) == 2 and r[0] in kinds and r[1].isdigit())


@functools.cache
def row_groups(tid: str, value: str, value_type: str = "CODE") -> tuple[int, ...]:
    """The Defined Context Groups (DCID) of the value set of the row found like
    :func:`row_concept` (e.g. TID 4006 row 1 "Single Image Finding": ``(6014,)``); ``()`` when the
    row's value set is a Baseline group or a template parameter (PS3.16 7.2.2)."""
    found = _find_value_set(tid, value, value_type, 2, frozenset())
    if found is None:
        raise SRError(f"TID {tid} has no {value_type} row with concept code value {value!r} "
                      f"(PS3.16 TID {tid}); the template changed: update the builder")
    return _cids(found, ("DCID",))


def _find_value_set(tid: str, value: str, value_type: str, depth: int,
                    seen: frozenset[str]) -> tuple[tuple[str, ...], ...] | None:
    tpl = TEMPLATES.get(tid)
    if tpl is None:
        raise SRError(f"TID {tid} is not in dicomkit.generated.sr_templates; regenerate from PS3.16")
    for r in tpl.rows:
        c = r.concept
        if c is not None and len(c) >= 4 and c[0] in ("EV", "DT") and c[2] == value \
                and r.value_type == value_type:
            return tuple(r.value_set)
    if depth:
        for r in tpl.rows:
            c = r.concept
            if r.value_type == "INCLUDE" and c is not None and c[-1] not in seen and c[-1] in TEMPLATES:
                hit = _find_value_set(c[-1], value, value_type, depth - 1, seen | {tid})
                if hit is not None:
                    return hit
    return None


@functools.cache
def binding_groups(tid: str, included: str, parameter: str) -> tuple[int, ...]:
    """The Defined Context Groups the row of template ``tid`` that includes ``included`` binds to
    its parameter ``$parameter`` (PS3.16 6.2.3, e.g. TID 4000 row 4 binds $ImageLaterality of
    TID 4020 to DCID 6022); ``()`` when the row binds nothing to it."""
    tpl = TEMPLATES.get(tid)
    if tpl is not None:
        for r in tpl.rows:
            if r.value_type == "INCLUDE" and r.concept is not None and r.concept[-1] == included:
                for name, refs in r.bindings:
                    if name == parameter:
                        return _cids(refs, ("DCID",))
                return ()
    raise SRError(f"TID {tid} does not include TID {included} (PS3.16 TID {tid})")


def require_member(code: Code, cids: Iterable[int], what: str) -> Code:
    """Return ``code`` when a document may hold it where the Defined Context Groups ``cids`` apply;
    otherwise raise :class:`SRError` naming ``what`` (e.g. ``"TID 4020 row 2 Image Laterality"``).

    A code may be held when it is a member of one of the groups (or of a group they include), or
    when one of them is Extensible: PS3.16 7.2.3 lets an application extend an Extensible group with
    terms for new concepts, while "Non-extensible Context Groups shall not be modified".  No
    constraint when ``cids`` is empty (a Baseline group, a parameter, or no value set)."""
    groups = tuple(cids)
    if not isinstance(code, Code):
        raise SRError(f"{what}: expected a Code, got {type(code).__name__}")
    if groups and not any(in_context_group(code, cid) for cid in groups) \
            and not any(is_extensible(cid) for cid in groups):
        names = " or ".join(f"CID {cid}" for cid in groups)
        raise SRError(f"{what}: ({code.value}, {code.scheme}, {code.meaning!r}) is not in {names}, "
                      "which is not extensible (PS3.16 7.2.3)")
    return code


def coded_row(tid: str, value: str, code: Code, what: str = "",
              children: Iterable[ContentItem] = ()) -> ContentItem:
    """The CODE item of the row of template ``tid`` named by ``value`` holding ``code``, refused
    (:class:`SRError`) when ``code`` is outside the row's Defined Context Group and that group is
    not extensible (:func:`require_member`)."""
    concept, _ = row_concept(tid, value, "CODE")
    require_member(code, row_groups(tid, value, "CODE"), what or f"TID {tid} {concept.meaning}")
    return row_item(tid, value, "CODE", code, children)


def content_item(value_type: str, relationship: str, concept: Code | None, value: Any = None,
         children: Iterable[ContentItem] = ()) -> ContentItem:
    """A content item with ``children`` appended (PS3.3 C.17.3)."""
    out = ContentItem(value_type=value_type, relationship=relationship, concept=concept, value=value)
    for child in children:
        out.add(child)
    return out


def row_item(tid: str, value: str, value_type: str, item_value: Any,
        children: Iterable[ContentItem] = ()) -> ContentItem:
    """The content item of the row of template ``tid`` found by :func:`row_concept`: its concept
    name and relationship come from the generated row, its value is ``item_value``."""
    concept, rel = row_concept(tid, value, value_type)
    return content_item(value_type, rel, concept, item_value, children)


def image_reference(ds: Dataset, frames: Iterable[int] = (), segments: Iterable[int] = ()) -> Reference:
    """A :class:`Reference` to the composite instance ``ds`` (SOP Class/Instance UID), optionally to
    some of its frames or segments (PS3.3 C.18.3 Image Reference Macro)."""
    return Reference(sop_class_uid=str(ds.SOPClassUID), sop_instance_uid=str(ds.SOPInstanceUID),
                     frames=tuple(frames), segments=tuple(segments))
