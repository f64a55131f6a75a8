"""IOD-level conformance: the modules, macros and attribute types of PS3.3 for a SOP class.

The IOD of a data set is found from its SOP Class UID (0008,0016) through the SOP classes of
PS3.4 (:mod:`dicomkit.generated.sop_classes`), its modules in the IOD module table
(:mod:`dicomkit.generated.iods`), their attributes in the module and macro tables
(:mod:`dicomkit.generated.modules`, :mod:`dicomkit.generated.macros`).

Modules (PS3.3 A.1.3)
    A mandatory module (usage ``M``, or ``C`` whose parsed condition evaluates True) counts as
    present when any of its top-level attributes is in the data set, whatever its type (Type 3,
    sequences and the rows of included macros too); an attribute several modules of the IOD
    define counts for each of them (Manufacturer shows General Equipment and Enhanced General
    Equipment).  Its attributes are always checked, and it is reported ``module-missing`` only
    when absent *and* it has a Type 1 or 2 attribute whose absence shows it: a module of only
    Type 3 (and conditional) attributes, SC Image (C.8.6.2) or General Acquisition (C.7.10.1),
    is conformant with none of them.  A user optional module (``U``, or ``C`` with a False or
    unparsed condition) is checked when one of its *own* attributes (one no other module of
    the IOD defines) is present: A.1.3.3 then requires its Type 1 and 2 attributes, and Pixel
    Spacing, which SC Image defines too, does not show the Image Plane Module.

    Conditions naming modules or functional groups ("Required if the Section C.7.6.4b is
    present") ask whether that module counts as present by its own attributes (one no other
    module of the IOD defines; unknown when only shared ones are there), or whether that
    functional group is in the shared or a per-frame item.

Attributes (PS3.5 7.4)
    type 1 absent -> ``type1-missing``, present without a value -> ``type1-empty`` (a type 1
    sequence needs at least one item, PS3.5 7.5.2 note); type 2 absent -> ``type2-missing``;
    1C/2C: when the condition evaluates True the attribute is required as type 1/2
    (``condition-required``); when False and the standard says "shall not be present otherwise",
    a present attribute is ``condition-forbidden``; a present 1C must have a value regardless.
    Enumerated Values not listed -> ``enumerated-value`` (error); Defined Terms not listed ->
    ``defined-term`` (info: Defined Terms may be extended, PS3.3 5.3).  For a multi-valued
    attribute only Value 1 is compared: the tables list the terms of all values of e.g. Image
    Type together and do not say which value each applies to.
    Sequence items are checked recursively against the nested rows, with the items' enclosing
    data sets as ``ancestors`` of the conditions; "Only a single Item shall be included" /
    "One or more Items shall be included" in a condition text give ``sequence-items``.

Macros
    ``Include`` rows are expanded recursively at their depth (a cycle is cut, not followed).
    Enhanced multi-frame IODs (PS3.3 C.7.6.16.1.1): each functional group macro of the IOD is
    looked for in the item of the Shared Functional Groups Sequence (5200,9229) and in every
    item of the Per-frame Functional Groups Sequence (5200,9230) and checked wherever found; a
    group in both is ``functional-group-both``; a required group (``M``, or ``C`` evaluating
    True) neither shared nor in every frame is ``module-missing`` naming the frames without it
    (an optional group may be left out of the frames it does not apply to); the per-frame
    sequence must have Number of Frames (0028,0008) items and the shared one exactly one
    (``sequence-items``).

Overrides
    When several modules of the IOD define one attribute, the row of the module listed last in the
    IOD table is used: the modality-specific modules follow the general ones and PS3.3 says their
    definitions override (C.8.6.1: Modality is type 3 in SC Equipment, "This type definition
    shall override the definition in the General Series Module"; Image Type in CT Image).

Every finding cites the PS3.3 section of the module or macro whose row states the rule.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import tag_for_keyword
from dicomkit.core.element import DataElement
from dicomkit.core.values import CHARSET_VRS, NUMBER_VRS
from dicomkit.generated import iods, modules, sop_classes
from dicomkit.generated.vrs import CHARACTER_VRS
from dicomkit.validate.conditions import Present, evaluate
from dicomkit.validate.report import Report, tag_path

__all__ = ["Node", "check_iod", "is_empty", "module_nodes", "sop_class_of"]


def _kw(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary always has them
        raise RuntimeError(f"data dictionary without {keyword}")
    return tag


_SOP_CLASS_UID: Final = _kw("SOPClassUID")
_MEDIA_SOP_CLASS_UID: Final = _kw("MediaStorageSOPClassUID")
_SHARED_FG: Final = _kw("SharedFunctionalGroupsSequence")
_PER_FRAME_FG: Final = _kw("PerFrameFunctionalGroupsSequence")
_NUMBER_OF_FRAMES: Final = _kw("NumberOfFrames")

_ONE_ITEM: Final = re.compile(r"\bOnly a single Item (?:shall|is permitted to) be (?:included|present)",
                              re.IGNORECASE)
_ONE_OR_MORE: Final = re.compile(r"\bOne or more Items (?:shall|are permitted to) be (?:included|present)",
                                 re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Node:
    """One attribute row of a module or macro, with its nested rows (for sequences).

    ``owner`` and ``section`` name the module or macro whose table holds the row, for citing.
    ``items`` is ``"one"``, ``"one_or_more"`` or ``""`` (no count stated).  ``indexed`` holds
    ``(index, kind, terms)`` for the lists that apply to Value ``index`` only ("Enumerated
    Values for Value 1:").
    """

    tag: int
    type: str
    name: str
    expr: Any
    otherwise: str
    values_kind: str
    values: frozenset[str]
    children: tuple[Node, ...]
    owner: str
    section: str
    items: str
    indexed: tuple[tuple[int, str, frozenset[str]], ...] = ()


def _item_rule(text: str) -> str:
    if _ONE_ITEM.search(text):
        return "one"
    if _ONE_OR_MORE.search(text):
        return "one_or_more"
    return ""


#: an Include row whose text states when the macro applies ("if and only if Value Type
#: (0040,A040) is NUM", "Required if ..."), as opposed to restrictions ("DSection CID 7454")
_CONDITIONAL_INCLUDE: Final = re.compile(r"\b[Ii]f\b")
#: conditions on the transfer context that a Part 10 file always meets: "Required if the IOD is
#: not being transferred in a STOW-RS Request and is not encoded as metadata ..." (PS3.18 10.5)
_MET_BY_FILES: Final = re.compile(r"\bnot being transferred in a STOW-RS Request\b")
#: what the types of a conditionally included macro's top-level rows become
_AS_CONDITIONAL: Final = {"1": "1C", "2": "2C"}


def _flatten(label: str, base: int, stack: tuple[str, ...],
             out: list[tuple[int, tuple[Any, ...], str, str]], conditional: bool = False) -> None:
    """Append ``(depth, row, owner, section)`` for every attribute row of table ``label``.

    ``conditional``: the table is included under a condition (an Include row "if and only if
    ..."); its top-level type 1 and 2 rows become 1C and 2C and their conditions are dropped
    (the include's condition decides), so they are checked when present (a present 1C needs a
    value) but never required.
    """
    table = modules.attribute_table(label)
    if table is None or label in stack:
        return
    name, _label, section, rows = table[0], table[1], table[2], table[3]
    inner = (*stack, label)
    for row in rows:
        kind, depth = row[0], row[1]
        if kind == "include":
            text = row[5]
            _flatten(row[4], base + depth, inner, out, (conditional and depth == 0) or (
                bool(_CONDITIONAL_INCLUDE.search(text)) and not _MET_BY_FILES.search(text)))
        elif row[2] is not None:
            if conditional and depth == 0:
                row = (*row[:3], _AS_CONDITIONAL.get(row[3], row[3]), row[4], row[5], None, "",
                       *row[8:])
            out.append((base + depth, row, name, section))


def _tree(flat: list[tuple[int, tuple[Any, ...], str, str]], start: int,
          depth: int) -> tuple[tuple[Node, ...], int]:
    nodes: list[Node] = []
    i = start
    while i < len(flat):
        d, row, owner, section = flat[i]
        if d < depth:
            break
        if d > depth:  # a nested row without its sequence row: attach to nothing, skip
            i += 1
            continue
        children, i = _tree(flat, i + 1, depth + 1)
        _kind, _depth, tag, type_, name, condition, expr, otherwise, values_kind, values = row[:10]
        indexed = tuple((index, kind, frozenset(str(v).strip() for v in terms))
                        for index, kind, terms in (row[10] if len(row) > 10 else ()))
        nodes.append(Node(tag, type_, name, expr, otherwise, values_kind,
                          frozenset(str(v).strip() for v in values), children, owner, section,
                          _item_rule(condition), indexed))
    return tuple(nodes), i


def _prune(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """``nodes`` without the rows that can give no finding, present or absent: Type 3 (or
    untyped) rows with no values to compare, no items rule and no nested rows to check."""
    out: list[Node] = []
    for n in nodes:
        children = _prune(n.children) if n.children else ()
        if n.type in ("1", "2", "1C", "2C") or n.values or n.indexed or n.items or children:
            out.append(n if children == n.children else dataclasses.replace(n, children=children))
    return tuple(out)


@lru_cache(maxsize=1024)
def checked_nodes(label: str) -> tuple[Node, ...]:
    """The rows of :func:`module_nodes` that checking a data set against the table visits
    (:func:`_prune`); presence is decided on all of them."""
    return _prune(module_nodes(label))


@lru_cache(maxsize=1024)
def module_nodes(label: str) -> tuple[Node, ...]:
    """The attribute tree of a module or macro table (``Include`` rows expanded, cycles cut)."""
    flat: list[tuple[int, tuple[Any, ...], str, str]] = []
    _flatten(label, 0, (), flat)
    nodes, _ = _tree(flat, 0, 0)
    return nodes


def sop_class_of(ds: Dataset) -> str:
    """The SOP Class UID of ``ds``: (0008,0016), else the file meta's (0002,0002), else ``""``."""
    for source, tag in ((ds, _SOP_CLASS_UID), (ds.file_meta, _MEDIA_SOP_CLASS_UID)):
        el = source.element(tag) if source is not None else None
        if el is not None:
            value = el.value
            if value:
                return str(value).strip(" \x00")
    return ""


# ------------------------------------------------------------------------------------------------
# Element facts
# ------------------------------------------------------------------------------------------------

def is_empty(el: DataElement) -> bool:
    """True when ``el`` has no value (zero length, only padding, or a sequence without items):
    what a Type 1 attribute may not be (PS3.5 7.4.1)."""
    if el.vr == "SQ":
        return not el.value
    if el.is_deferred:
        return el.length == 0
    raw = el.raw
    if raw is not None:
        return not raw.strip(b" \x00") if el.vr in CHARACTER_VRS else not raw
    value = el.value
    if value is None:
        return True
    if isinstance(value, (str, bytes)):
        return not value.strip()
    if isinstance(value, list):
        return all(v is None or v == "" for v in value)
    return False


_is_empty = is_empty


def _first_value(el: DataElement) -> str | None:
    """Value 1 of ``el`` as text to compare with Enumerated Values / Defined Terms, or None."""
    vr = el.vr
    if vr in CHARACTER_VRS:
        raw = el.raw
        if raw is not None and (vr not in CHARSET_VRS or raw.isascii()):
            text = raw.decode("latin-1")
        else:
            value = el.value
            text = "\\".join(str(v) for v in value) if isinstance(value, list) else str(value)
        return text.split("\\", 1)[0].strip(" \x00")
    if vr in NUMBER_VRS:
        value = el.value
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return None if value is None or isinstance(value, bytes) else str(value)
    return None


def _number_matches(text: str, allowed: frozenset[str]) -> bool:
    """Numeric values listed in the standard as ``0001H``, ``1`` or ``0x1`` compare by number."""
    try:
        number = int(text)
    except ValueError:
        return False
    for a in allowed:
        a = a.strip()
        try:
            if a[-1:] in "Hh" and len(a) > 1:
                allowed_number = int(a[:-1], 16)
            elif a[:2] in ("0x", "0X"):
                allowed_number = int(a[2:], 16)
            else:
                allowed_number = int(a)
        except ValueError:
            continue
        if allowed_number == number:
            return True
    return False


# ------------------------------------------------------------------------------------------------
# Checking rows against a data set
# ------------------------------------------------------------------------------------------------

def _ref(node: Node) -> str:
    return f"PS3.3 {node.section}" if node.section else "PS3.3"


def _check_nodes(nodes: Sequence[Node], ds: Dataset, ancestors: tuple[Dataset, ...],
                 path: str, required: bool, report: Report,
                 skip: frozenset[int] = frozenset(), requires: Requires | None = None) -> None:
    elements = ds.by_tag()
    for node in nodes:
        if node.tag in skip:
            continue
        el = elements.get(node.tag)
        t = node.type
        # the path and the reference are made only for a finding (most rows have none)
        if el is None:
            if not required:
                continue
            if t == "1" or t == "2":
                report.add("error", f"type{t}-missing", tag_path(path, node.tag),
                           f"missing type {t} attribute {node.name}", _ref(node), node.owner)
            elif (t == "1C" or t == "2C") and node.expr is not None \
                    and evaluate(node.expr, ds, ancestors, requires) is True:
                report.add("error", "condition-required", tag_path(path, node.tag),
                           f"missing type {t} attribute {node.name}, required by its condition",
                           _ref(node), node.owner)
            continue
        if t in ("1C", "2C") and node.expr is not None and node.otherwise == "shall_not" \
                and evaluate(node.expr, ds, ancestors, requires) is False:
            report.add("error", "condition-forbidden", tag_path(path, node.tag),
                       f"{node.name} is present but its condition is not met and it shall not be "
                       "present otherwise", _ref(node), node.owner)
        if _is_empty(el):
            if t == "1" or t == "1C":
                report.add("error", "type1-empty", tag_path(path, node.tag),
                           f"type {t} attribute {node.name} has no value"
                           f"{' (a type 1 sequence needs an item)' if el.vr == 'SQ' else ''}",
                           _ref(node), node.owner)
            continue
        if node.values and node.values_kind:
            _check_values(node, el, path, report)
        if node.indexed:
            _check_indexed_values(node, el, tag_path(path, node.tag), report)
        if el.vr == "SQ":
            items = el.value
            if node.items == "one" and len(items) != 1:
                report.add("error", "sequence-items", tag_path(path, node.tag),
                           f"{node.name} has {len(items)} items, only a single item is allowed",
                           _ref(node), node.owner)
            if node.children and items:
                where = tag_path(path, node.tag)
                inner = (ds, *ancestors)
                for index, item in enumerate(items):
                    _check_nodes(node.children, item, inner, f"{where}[{index}]", True, report,
                                 requires=requires)


def _check_values(node: Node, el: DataElement, path: str, report: Report) -> None:
    """Value 1 of ``el`` against the node's Enumerated Values or Defined Terms; ``path`` is the
    tag path of the data set holding ``el``."""
    value = _first_value(el)
    if value is None or value == "" or value in node.values:
        return
    if el.vr in NUMBER_VRS or el.vr == "IS":
        if _number_matches(value, node.values):
            return
    where = tag_path(path, node.tag)
    shown = ", ".join(sorted(node.values)[:12])
    if node.values_kind == "enumerated":
        report.add("error", "enumerated-value", where, f"{value!r} is not an Enumerated Value of "
                   f"{node.name} ({shown})", _ref(node), node.owner)
    else:
        report.add("info", "defined-term", where, f"{value!r} is not a Defined Term of "
                   f"{node.name} ({shown})", _ref(node), node.owner)


def _check_indexed_values(node: Node, el: DataElement, where: str, report: Report) -> None:
    """Value ``index`` against the list that holds for it ("Enumerated Values for Value 1:
    ORIGINAL"; PS3.3 5.3): an error for Enumerated Values, info for Defined Terms."""
    value = el.value
    values = value if isinstance(value, list) else [value]
    for index, kind, terms in node.indexed:
        if index > len(values):
            continue  # how many values there must be is the VM's business
        got = values[index - 1]
        if not isinstance(got, str):  # the lists are of code strings; numbers are not compared
            continue
        text = got.strip(" \x00")
        if not text or text in terms:
            continue
        shown = ", ".join(sorted(terms)[:12])
        if kind == "enumerated":
            report.add("error", "enumerated-value", where, f"Value {index} {text!r} is not an "
                       f"Enumerated Value of {node.name} for Value {index} ({shown})",
                       _ref(node), node.owner)
        else:
            report.add("info", "defined-term", where, f"Value {index} {text!r} is not a Defined "
                       f"Term of {node.name} for Value {index} ({shown})", _ref(node), node.owner)


def _present(nodes: Sequence[Node], ds: Dataset) -> bool:
    """True when the module or macro of ``nodes`` counts as present in ``ds``.

    PS3.3 C.1 / A.1.3: a module is present when any of its attributes is, whatever its type
    (type 3 included, as are the top-level rows of included macros and sequence attributes).
    An attribute that several modules of the IOD define (Manufacturer in General Equipment and
    Enhanced General Equipment, Acquisition Number in General Acquisition and CT Image) counts
    for each of them.
    """
    elements = ds.by_tag()
    return any(n.tag in elements for n in nodes)


@lru_cache(maxsize=4096)
def _top_tags(label: str) -> frozenset[int]:
    """The top-level tags of a module or macro table (what :func:`_present` looks for)."""
    return frozenset(n.tag for n in module_nodes(label))


def _own_present(nodes: Sequence[Node], ds: Dataset, shared: frozenset[int]) -> bool:
    """True when an attribute of ``nodes`` that no other module of the IOD defines is present.

    What makes a user-optional module (or a conditional one whose condition is not met or not
    known) present and so its Type 1 and 2 attributes required: Pixel Spacing (0028,0030) in a
    Secondary Capture image belongs to the SC Image Module (PS3.3 C.8.6.2) as much as to the
    user-optional Image Plane Module (C.7.6.2), so it does not show that Image Plane is there.
    """
    elements = ds.by_tag()
    return any(n.tag in elements for n in nodes if n.tag not in shared)


Requires = Callable[[int], bool | None]


def _walk(nodes: Sequence[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


@lru_cache(maxsize=256)
def _required_tags(iod_label: str) -> tuple[frozenset[int], frozenset[int]]:
    """What an IOD requires, for the ``iod_requires`` conditions ("Required if image does not
    require Image Orientation (Patient) ..."): the top-level tags of Type 1 or 2 in a module of
    usage M (required), and the tags it may require depending on the data set (``maybe``): in a
    conditional module, as a 1C/2C attribute, or anywhere in a functional group (Image
    Orientation (Patient) in the Plane Orientation group of an enhanced image)."""
    entry = iods.IODS[iod_label]
    required: set[int] = set()
    maybe: set[int] = set()
    for m in entry[3]:
        if not m[3]:
            continue
        for n in module_nodes(m[3]):
            if m[4] == "M" and n.type in ("1", "2"):
                required.add(n.tag)
            elif m[4] == "C" or n.type in ("1C", "2C"):
                maybe.add(n.tag)
    for g in entry[4]:
        if g[2]:
            maybe.update(n.tag for n in _walk(module_nodes(g[2])))
    return frozenset(required), frozenset(maybe - required)


def _requires(iod_label: str) -> Requires:
    required, maybe = _required_tags(iod_label)

    def requires(tag: int) -> bool | None:
        return True if tag in required else None if tag in maybe else False

    return requires


@lru_cache(maxsize=256)
def _shared_tags(iod_label: str) -> dict[str, frozenset[int]]:
    """For each module of an IOD, the top-level tags that another module of the IOD defines."""
    entry = iods.IODS[iod_label]
    tops = {m[3]: frozenset(n.tag for n in module_nodes(m[3])) for m in entry[3] if m[3]}
    return {label: frozenset().union(*(t & o for other, o in tops.items() if other != label))
            for label, t in tops.items()}


@lru_cache(maxsize=256)
def _iod_tops(iod_label: str) -> dict[str, frozenset[int]]:
    """The top-level tags of each module of an IOD."""
    entry = iods.IODS[iod_label]
    return {m[3]: frozenset(n.tag for n in module_nodes(m[3])) for m in entry[3] if m[3]}


def _presence(iod_label: str, ds: Dataset) -> Present:
    """What the ``module_present`` / ``group_present`` conditions ask ("Required if the
    Section C.7.6.4b is present", "Derivation Image Functional Group ... is not present").

    A module is present when one of its attributes that no other module of the IOD defines is
    in the data set, absent when none of its attributes is; when only attributes other modules
    define too are there (Pixel Spacing in SC Image and Image Plane), it is unknown.  A
    functional group is present when its macro is in the shared or a per-frame item (PS3.3
    C.7.6.16).
    """
    tops = _iod_tops(iod_label)

    def present(op: str, label: str) -> bool | None:
        nodes = module_nodes(label)
        if not nodes:
            return None
        if op == "group_present":
            items: list[Dataset] = []
            for tag in (_SHARED_FG, _PER_FRAME_FG):
                el = ds.element(tag)
                if el is not None and el.vr == "SQ":
                    items.extend(el.value)
            return any(_present(nodes, item) for item in items)
        mine = frozenset(n.tag for n in nodes)
        others = frozenset().union(*(t for other, t in tops.items() if other != label))
        if _own_present(nodes, ds, mine & others):
            return True
        return None if _present(nodes, ds) else False

    return present


def _absence_shown(nodes: Sequence[Node]) -> bool:
    """True when a module of ``nodes`` that is absent can be shown absent: it has a Type 1 or 2
    top-level attribute (a module of only Type 3 and conditional attributes, SC Image PS3.3
    C.8.6.2 or General Acquisition C.7.10.1, is conformant with none of them present)."""
    return any(n.type in ("1", "2") for n in nodes)


def _check_functional_groups(groups: Sequence[tuple[Any, ...]], ds: Dataset, report: Report,
                             iod_section: str, requires: Requires | None = None,
                             present: Present | None = None) -> None:
    elements = ds.by_tag()
    ref = f"PS3.3 {iod_section}" if iod_section else "PS3.3 C.7.6.16"
    shared_el = elements.get(_SHARED_FG)
    per_el = elements.get(_PER_FRAME_FG)
    shared: list[Dataset] = list(shared_el.value) if shared_el is not None and shared_el.vr == "SQ" \
        else []
    frames: list[Dataset] = list(per_el.value) if per_el is not None and per_el.vr == "SQ" else []
    if shared_el is not None and len(shared) != 1:
        report.add("error", "sequence-items", tag_path("", _SHARED_FG),
                   f"Shared Functional Groups Sequence has {len(shared)} items, exactly one is "
                   "required", "PS3.3 C.7.6.16", "Multi-frame Functional Groups")
    count_el = elements.get(_NUMBER_OF_FRAMES)
    try:  # an absent or unreadable Number of Frames is reported by its own rule, not here
        count = int(count_el.value) if count_el is not None and count_el.value is not None \
            else None
    except (TypeError, ValueError):
        count = None
    if per_el is not None and count is not None and len(frames) != count:
        report.add("error", "sequence-items", tag_path("", _PER_FRAME_FG),
                   f"Per-frame Functional Groups Sequence has {len(frames)} items for "
                   f"{count} frames", "PS3.3 C.7.6.16", "Multi-frame Functional Groups")
    shared_item = shared[0] if shared else None
    shared_path = tag_path("", _SHARED_FG) + "[0]"
    per_path = tag_path("", _PER_FRAME_FG)
    for group in groups:
        macro_name, _section, label, usage, _condition, expr, _otherwise = group[:7]
        if not label:
            continue
        nodes = module_nodes(label)
        if not nodes:
            continue
        if usage == "M":
            required: bool | None = True
        elif usage == "C" and expr is not None:
            required = evaluate(expr, ds, (), requires, present)
        else:
            required = False
        tops = _top_tags(label)
        in_shared = shared_item is not None and not shared_item.by_tag().keys().isdisjoint(tops)
        if in_shared:
            assert shared_item is not None
            _check_nodes(checked_nodes(label), shared_item, (ds,), shared_path, True, report,
                         requires=requires)
        in_frames: list[int] = []
        missing_frames: list[int] = []
        for index, item in enumerate(frames):
            if not item.by_tag().keys().isdisjoint(tops):  # _present(nodes, item)
                in_frames.append(index)
                _check_nodes(checked_nodes(label), item, (ds,), f"{per_path}[{index}]", True,
                             report, requires=requires)
            else:
                missing_frames.append(index)
        if in_shared and in_frames:  # C.7.6.16.1.1
            report.add("error", "functional-group-both", per_path,
                       f"functional group {macro_name} is in the shared functional groups and in "
                       f"the per-frame functional groups of frames {_ranges(in_frames)}; a "
                       "functional group shall not be included in both", "PS3.3 C.7.6.16.1.1",
                       macro_name)
        if required is True and not in_shared and (missing_frames or not frames) \
                and _absence_shown(nodes):
            which = f"frames {_ranges(missing_frames)}" if frames else "any frame"
            report.add("error", "module-missing", shared_path if shared_item is not None else "",
                       f"functional group {macro_name} is in neither the shared functional groups "
                       f"nor the per-frame functional groups of {which}", ref, macro_name)


def _ranges(indexes: list[int]) -> str:
    if len(indexes) > 6:
        return f"{indexes[0]}..{indexes[-1]} ({len(indexes)} frames)"
    return ", ".join(str(i) for i in indexes)


@dataclass(frozen=True, slots=True)
class _ModulePlan:
    """One module row of an IOD with what checking a data set against it needs, made once per
    IOD (:func:`_plan`): its attribute tree, its top-level tags, those no other module of the
    IOD defines (``own``), and whether its absence can be shown (:func:`_absence_shown`)."""

    ie: str
    name: str
    section: str
    label: str
    usage: str
    expr: Any
    nodes: tuple[Node, ...]
    checked: tuple[Node, ...]
    tops: tuple[int, ...]
    own: tuple[int, ...]
    absence_shown: bool


@lru_cache(maxsize=256)
def _plan(iod_label: str) -> tuple[_ModulePlan, ...]:
    """The module rows of an IOD with a table and attribute rows, in IOD table order."""
    shared = _shared_tags(iod_label)
    out: list[_ModulePlan] = []
    for ie, module_name, ref_section, module_label, usage, _cond, expr, _other in \
            iods.IODS[iod_label][3]:
        if not module_label:
            continue
        nodes = module_nodes(module_label)
        if not nodes:
            continue
        mine = shared.get(module_label, frozenset())
        out.append(_ModulePlan(ie, module_name, ref_section, module_label, usage, expr, nodes,
                               checked_nodes(module_label), tuple(n.tag for n in nodes),
                               tuple(n.tag for n in nodes if n.tag not in mine),
                               _absence_shown(nodes)))
    return tuple(out)


@lru_cache(maxsize=4096)
def _skips(labels: tuple[str, ...]) -> tuple[frozenset[int], ...]:
    """For each module checked (in IOD table order), the tags a module checked after it
    defines too: the last one overrides (see :func:`check_iod`)."""
    owner = {n.tag: label for label in labels for n in module_nodes(label)}
    return tuple(frozenset(n.tag for n in module_nodes(label) if owner[n.tag] != label)
                 for label in labels)


def check_iod(ds: Dataset, report: Report, *, sop_class: str | None = None) -> None:
    """Check ``ds`` against the IOD of its SOP class and add the findings to ``report``.

    Parameters
    ----------
    ds
        The data set.
    report
        Receives the findings; its ``sop_class`` and ``iod`` are set.
    sop_class
        Use this SOP Class UID instead of the data set's.
    """
    uid = sop_class or sop_class_of(ds)
    report.sop_class = uid
    if not uid:
        report.add("error", "type1-missing", tag_path("", _SOP_CLASS_UID),
                   "no SOP Class UID: the IOD to check against is unknown", "PS3.3 C.12.1",
                   "SOP Common")
        return
    label = sop_classes.iod_for_sop_class(uid)
    entry = iods.IODS.get(label) if label else None
    if entry is None:
        known = sop_classes.SOP_CLASSES.get(uid)
        what = f"{known[0]} ({uid})" if known else uid
        report.add("warning", "unknown-sop-class", tag_path("", _SOP_CLASS_UID),
                   f"no IOD table for SOP class {what}: only element-level checks were made",
                   "PS3.4 B.5")
        return
    name, _label, section, _modules, groups = entry
    report.iod = name
    start = len(report.findings)
    requires = _requires(label) if label else None
    present_fn = _presence(label, ds) if label else None
    elements = ds.by_tag()
    checked: list[_ModulePlan] = []
    for m in _plan(label) if label else ():
        usage = m.usage
        if usage == "M":
            required = True
        elif usage == "C" and m.expr is not None:
            required = evaluate(m.expr, ds, (), requires, present_fn) is True
        else:
            required = False
        # present (PS3.3 A.1.3): any top-level attribute for a required module, one of its
        # own (no other module of the IOD defines it) for an optional one
        present = not elements.keys().isdisjoint(m.tops if required else m.own)
        if not present and not required:
            continue
        if not present and m.absence_shown:
            why = "mandatory" if usage == "M" else "required by its condition"
            report.add("error", "module-missing", "",
                       f"{m.name} module ({m.ie} IE) is {why} but none of its attributes is "
                       "present", f"PS3.3 {m.section or section}", m.name)
        checked.append(m)
    # several modules may define one attribute; the last one in the IOD table (the specific
    # module after the general ones) overrides: C.8.6.1 "This type definition shall override
    # the definition in the General Series Module" (Modality type 3 in SC Equipment)
    for m, skip in zip(checked, _skips(tuple(m.label for m in checked)), strict=True):
        _check_nodes(m.checked, ds, (), "", True, report, skip, requires)
    if groups or _PER_FRAME_FG in ds or _SHARED_FG in ds:
        _check_functional_groups(groups, ds, report, section, requires, present_fn)
    # an attribute several modules of the IOD list (Image Type in General Image and CT Image)
    # is reported once per rule
    seen: set[tuple[str, str, str]] = set()
    kept = report.findings[:start]
    for f in report.findings[start:]:
        key = (f.rule, f.path, f.message)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    report.findings[:] = kept
