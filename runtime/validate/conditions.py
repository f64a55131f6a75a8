"""Evaluation of the conditions of PS3.3 type 1C/2C attributes and C modules against a data set.

The conditions come from the generated tables as plain tuples, produced from the prose of PS3.3 by
the generator's condition parser (``codegen/conditions.py``), whose docstring defines the expression
language (``("present", path)``, ``("equals", path, values, index)``, ``("and", ...)`` ...). This
module only evaluates them, so the runtime does not depend on the generators.

Lookup of a path
----------------
A path is a tuple of tags, outermost first (a bare int is accepted as a one-tag path). Its first
tag is looked up in the data set being validated and, when absent there, in each enclosing data
set outward (``ancestors``, innermost first): a condition written in a sequence item often names a
top-level attribute ("Required if Modality (0008,0060) is CT" inside an item of a sequence). The
first data set that holds the tag is used. Each further tag is looked up in every item of the
sequence reached so far (no outward lookup inside a path), so a path names zero or more
occurrences of its last tag, and a predicate holds when it holds for at least one occurrence
("any item"); ``absent`` holds when there is no occurrence.

A sequence on the path that is absent, empty or has no items contains no attributes (PS3.5 7.5),
so the attribute is absent there: ``present`` is False and ``absent`` is True. An element on the
path that is present but is not a sequence makes the expression unknown (None).

Values
------
A value is empty when it is None, ``""`` or an empty list (zero length, PS3.5 7.4). Multi-valued
elements are lists; Value ``index`` (1-based) of an element with fewer values does not exist.
Strings compare after stripping padding spaces and NULs (PS3.5 6.2); numbers compare numerically
(a string value is converted with ``float``); a string written in the standard compares with a
numeric value when it is itself a number. An absent or empty attribute satisfies neither
``equals`` nor ``not_equals`` nor an ordering comparison ("X is not Y" reads "X has a value other
than Y"). A value that cannot be compared (a text that is not a number where a number is needed,
bytes of an unknown VR, a sequence) makes that comparison unknown.

Frames
------
``("in_frame", e)`` evaluates ``e`` in the functional groups of the frame (PS3.3 C.7.6.16): the
top-level data set is the last of ``ancestors`` (or ``dataset`` itself); when one of the data
sets on the way is an item of its Per-frame Functional Groups Sequence (5200,9230), ``e`` is
evaluated in the items of each group sequence of that item and of the Shared Functional Groups
item; otherwise (a condition in the shared groups, or outside the groups) in those of every
frame, and it holds when it holds for one frame (an attribute of a shared group applies to
every frame, so it is required when one frame requires it).

Control points
--------------
``("first_item", (tag,))`` holds when the data set (or the enclosing item on the way out) is the
first item of sequence ``tag`` ("Required for first Item of Control Point Sequence"), is False
for the other items and unknown outside that sequence.  ``("prose", text)`` is a case the data
set cannot show ("Gantry Angle changes during Beam": RT control points after the first carry an
attribute only where it changes, PS3.3 C.8.8.14.5); it is always unknown, so that
``("or", ("first_item", ...), ("prose", ...))`` requires the attribute in the first item and
leaves the others not checked.

Codes, items, private tags
--------------------------
``("code", path, codes)`` holds when an item of a sequence the path names has Code Value,
Long Code Value or URN Code Value (PS3.3 8.8) and Coding Scheme Designator equal to one of
``codes`` (the meaning is not compared).  ``("item_count", path, "equals" | "greater", n)``
compares the number of items of a sequence the path names.  ``("private_tag", path)`` holds
when a value of the AT attribute is the tag of a private attribute (odd group, PS3.5 7.8.1).
A path element that is present but not a sequence makes ``code`` and ``item_count`` unknown.

The IOD
-------
``("iod_requires", path)`` asks ``requires`` (given by the IOD checks) whether the IOD the data
set is checked against requires the attribute; without it the result is unknown.
``("module_present", label)`` and ``("group_present", label)`` ask ``present`` (given by the IOD
checks for the usages of modules and functional groups) whether the module or functional group
of attribute table ``label`` is in the data set; without it the result is unknown.

Result
------
``evaluate`` returns True, False, or None when the expression cannot be evaluated from the data
set; ``and`` / ``or`` / ``not`` use three-valued (Kleene) logic, so None only propagates when the
known operands do not decide the result.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence as SequenceABC
from decimal import Decimal, InvalidOperation
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import tag_for_keyword
from dicomkit.errors import DicomError

__all__ = ["ConditionError", "evaluate"]

_PAD = " \x00"
_ORDERINGS = ("greater", "less", "greater_equal", "less_equal")


def _kw(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - the dictionary always has them
        raise RuntimeError(f"data dictionary without {keyword}")
    return tag


_SHARED_FG = _kw("SharedFunctionalGroupsSequence")
# a code is its value and its coding scheme (PS3.3 8.1, 8.8); the meaning is not compared
_CODE_VALUES = (_kw("CodeValue"), _kw("LongCodeValue"), _kw("URNCodeValue"))
_CODING_SCHEME = _kw("CodingSchemeDesignator")
_COUNTS = ("equals", "greater")
_PER_FRAME_FG = _kw("PerFrameFunctionalGroupsSequence")


class ConditionError(DicomError, ValueError):
    """An expression that is not of the condition language (a defect of the generated tables).

    Parameters
    ----------
    expr
        The offending expression; the message says which part is malformed.
    """

    def __init__(self, expr: Any, message: str) -> None:
        super().__init__(f"malformed condition expression {expr!r}: {message}; "
                         "regenerate the tables (the 'codegen generate' command; PS3.3 conditions)")
        self.expr = expr


class _Unknown(Exception):
    """Internal: the path cannot be followed (an element on it is not a sequence)."""


def _path(expr: tuple[Any, ...]) -> tuple[int, ...]:
    if len(expr) < 2:
        raise ConditionError(expr, "no path")
    path = expr[1]
    if isinstance(path, int):
        return (path,)
    if isinstance(path, tuple) and path and all(isinstance(t, int) for t in path):
        return path
    raise ConditionError(expr, "the path must be a tag or a non-empty tuple of tags")


def _items(value: Any) -> list[Dataset]:
    """The items of a sequence value; _Unknown when the value is not a sequence."""
    if value is None or value == "" or (isinstance(value, SequenceABC) and not isinstance(value, str)
                                        and len(value) == 0):
        return []
    if isinstance(value, SequenceABC) and not isinstance(value, (str, bytes)) and \
            all(isinstance(item, Dataset) for item in value):
        return list(value)
    raise _Unknown


def _occurrences(path: tuple[int, ...], ds: Dataset, ancestors: tuple[Dataset, ...]) -> list[Any]:
    """The DataElements the path names (see the module docstring)."""
    first = None
    for scope in (ds, *ancestors):
        first = scope.element(path[0])
        if first is not None:
            break
    if first is None:
        return []
    found = [first]
    for tag in path[1:]:
        nxt = []
        for elem in found:
            for item in _items(elem.value):
                inner = item.element(tag)
                if inner is not None:
                    nxt.append(inner)
        found = nxt
    return found


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip(_PAD) == ""
    if isinstance(value, (bytes, bytearray)):
        return len(value) == 0
    if isinstance(value, SequenceABC):
        return len(value) == 0
    return False


def _values(value: Any) -> list[Any]:
    if isinstance(value, (str, bytes, bytearray)) or not isinstance(value, SequenceABC):
        return [value]
    return list(value)


def _number(value: Any) -> Decimal | None:
    """The value as a number, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return None if value != value else Decimal(str(float(value)))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip(_PAD))
        except InvalidOperation:
            return None
        return None if number.is_nan() else number
    return None


def _comparison(equals: bool, wants: tuple[Any, ...], index: Any) -> Callable[[Any], bool | None]:
    """``equals`` (or ``not_equals``) of one element against ``wants``, Value ``index`` or all
    (:func:`_compare`), with the values written in the standard checked and read once."""
    for want in wants:
        if not isinstance(want, (str, int, float)) or isinstance(want, bool):
            raise ConditionError(want, "values must be str, int or float")
    if index is not None and (not isinstance(index, int) or isinstance(index, bool) or index < 1):
        raise ConditionError(index, "the Value index must be a 1-based int or None")
    texts = frozenset(w.strip(_PAD) for w in wants if isinstance(w, str))
    only_text = all(isinstance(w, str) for w in wants)
    prepared = tuple((isinstance(w, str), _number(w)) for w in wants)

    def same(actual: Any) -> bool | None:
        """Whether ``actual`` equals one of ``wants`` (:func:`_same` of each, any True)."""
        text = isinstance(actual, str)
        if text:
            stripped = actual.strip(_PAD)
            if stripped in texts:
                return True
            if only_text:
                return False
        got = _UNSET
        unknown = False
        for want_text, want_number in prepared:
            if want_text and text:
                continue  # compared above: not equal
            if got is _UNSET:
                got = _number(actual)
            if got is None:
                unknown = True
            elif want_number is not None and got == want_number:
                return True
        return None if unknown else False

    def compare(elem: Any) -> bool | None:
        value = elem.value
        if type(value) is str:  # one value (the common case): as below, without the lists
            stripped = value.strip(_PAD)
            if not stripped or (index is not None and index > 1):
                return False
            result = True if stripped in texts else False if only_text else same(value)
            if equals:
                return result
            return None if result is None else not result
        if _is_empty(value):
            return False
        values = _values(value)
        if index is not None:
            if index > len(values):
                return False
            values = [values[index - 1]]
        unknown = False
        hits = 0
        for actual in values:
            result = same(actual)
            if result is True:
                hits += 1
            elif result is None:
                unknown = True
        if equals:
            return True if hits else (None if unknown else False)
        return False if hits else (None if unknown else True)
    return compare


def _order(op: str, elem: Any, want: Decimal) -> bool | None:
    """An ordering comparison of the values of ``elem`` with ``want`` (any value)."""
    value = elem.value
    if _is_empty(value):
        return False
    unknown = False
    for actual in _values(value):
        got = _number(actual)
        if got is None:
            unknown = True
            continue
        if (op == "greater" and got > want) or (op == "less" and got < want) or \
                (op == "greater_equal" and got >= want) or (op == "less_equal" and got <= want):
            return True
    return None if unknown else False


def _any(results: list[bool | None]) -> bool | None:
    if True in results:
        return True
    return None if None in results else False


def _group_items(frame: Dataset) -> list[Dataset]:
    """The items of every functional group sequence of a shared or per-frame item."""
    out: list[Dataset] = []
    for elem in frame.elements():
        if elem.vr == "SQ":
            try:
                out.extend(_items(elem.value))
            except _Unknown:
                continue
    return out


def _first_tags(expr: tuple[Any, ...]) -> set[int]:
    """The first tag of every path in ``expr``."""
    if expr and expr[0] in ("iod_requires", "module_present", "group_present", "prose",
                            "first_item"):
        return set()
    if expr and expr[0] in ("and", "or", "not", "in_frame"):
        return set().union(*(_first_tags(e) for e in expr[1:] if isinstance(e, tuple)))
    return {_path(expr)[0]}


def _frame_scopes(dataset: Dataset, ancestors: tuple[Dataset, ...]) -> list[list[Dataset]]:
    """For each frame the condition may be about, the group items to evaluate in (see Frames)."""
    top = ancestors[-1] if ancestors else dataset
    try:
        shared_el = top.element(_SHARED_FG)
        per_el = top.element(_PER_FRAME_FG)
        shared = _items(shared_el.value) if shared_el is not None else []
        frames = _items(per_el.value) if per_el is not None else []
    except _Unknown:
        return []
    common = [g for item in shared for g in _group_items(item)]
    chain = (dataset, *ancestors)
    for frame in frames:
        if any(frame is level for level in chain):
            return [_group_items(frame) + common]
    if not frames:
        return [common]
    return [_group_items(frame) + common for frame in frames]


Requires = Callable[[int], "bool | None"]
"""``requires(tag)``: whether the IOD checked against requires top-level attribute ``tag``."""

Present = Callable[[str, str], "bool | None"]
"""``present(op, label)``: whether the module (``op`` "module_present") or functional group
("group_present") of attribute table ``label`` is in the data set; None when unknown."""


def evaluate(expr: tuple[Any, ...], dataset: Dataset,
             ancestors: tuple[Dataset, ...] = (),
             requires: Requires | None = None,
             present: Present | None = None) -> bool | None:
    """Evaluate a PS3.3 condition expression against a data set.

    Parameters
    ----------
    expr
        An expression of the generator's condition language (``codegen/conditions.py``; plain
        tuples).
    dataset
        The data set (or sequence item) that holds the conditional attribute.
    ancestors
        The enclosing data sets, innermost first (the top-level data set last), searched for the
        first tag of a path that ``dataset`` does not hold.
    requires
        Whether the IOD checked against requires a tag (``iod_requires``); without it that
        operator is unknown.
    present
        Whether a module or functional group is in the data set (``module_present``,
        ``group_present``); without it those operators are unknown.

    Returns
    -------
    bool or None
        Whether the condition holds; None when it cannot be evaluated from the data set (see the
        module docstring for the lookup and comparison rules).

    Raises
    ------
    ConditionError
        When ``expr`` is not an expression of the language.
    """
    entry = _COMPILED.get(id(expr))
    if entry is not None and entry[0] is expr:
        return entry[1](dataset, ancestors, requires, present)
    fn = _compile(expr)
    if len(_COMPILED) >= _COMPILED_LIMIT:
        _COMPILED.clear()
    _COMPILED[id(expr)] = (expr, fn)
    return fn(dataset, ancestors, requires, present)


_Fn = Callable[[Dataset, tuple[Dataset, ...], "Requires | None", "Present | None"], "bool | None"]
_Find = Callable[[Dataset, tuple[Dataset, ...]], list[Any]]
_Judge = Callable[[list[Any]], "bool | None"]

#: the compiled form of each expression evaluated, by ``id``: checked and resolved once (tags,
#: values as numbers, operators to functions) instead of on every evaluation.  An entry holds
#: the expression itself, so its id cannot name another object while the entry exists.
_COMPILED: dict[int, tuple[Any, _Fn]] = {}
_COMPILED_LIMIT = 1 << 16
_UNSET: Any = object()


def _compile(expr: Any) -> _Fn:
    """The function that evaluates ``expr`` (:func:`evaluate`'s semantics); ConditionError when
    ``expr`` or any part of it is not of the language."""
    if not isinstance(expr, tuple) or not expr or not isinstance(expr[0], str):
        raise ConditionError(expr, "an expression is a tuple starting with its operator")
    op = expr[0]
    if op in ("and", "or"):
        if len(expr) < 2:
            raise ConditionError(expr, f"{op} needs operands")
        return _logic(op, tuple(_compile(sub) for sub in expr[1:]))
    if op == "not":
        if len(expr) != 2:
            raise ConditionError(expr, "not takes one operand")
        return _negation(_compile(expr[1]))
    if op == "prose":  # a case the data set cannot show ("Gantry Angle changes during Beam")
        if len(expr) != 2 or not isinstance(expr[1], str):
            raise ConditionError(expr, "prose takes the text of the case")
        return _unknown
    if op == "first_item":
        tags = _path(expr)
        if len(expr) != 2 or len(tags) != 1:
            raise ConditionError(expr, "first_item takes one sequence tag")
        return _first_item_of(tags[0])
    if op in ("module_present", "group_present"):
        if len(expr) != 2 or not isinstance(expr[1], str) or not expr[1]:
            raise ConditionError(expr, f"{op} takes one attribute table label")
        return _presence(op, expr[1])
    if op == "iod_requires":
        tags = _path(expr)
        if len(expr) != 2 or len(tags) != 1:
            raise ConditionError(expr, "iod_requires takes one top-level tag")
        return _required(tags[0])
    if op == "in_frame":
        if len(expr) != 2:
            raise ConditionError(expr, "in_frame takes one operand")
        inner = _compile(expr[1])
        return _in_frame(inner, tuple(_first_tags(expr[1])))
    path = _path(expr)
    if op == "present" and len(path) == 1:
        return _present_at(path[0])
    judge = _judge(op, expr)  # checks the arguments
    if len(path) == 1 and op in _ONE_ELEMENT:
        return _at(path[0], _judge_one(op, expr))
    return _leaf(_finder(path), judge)


#: operators whose judgement of a one-tag path (no sequence followed, so no unknown path) is
#: that of its one element or of its absence: :func:`_judge_one`
_ONE_ELEMENT = frozenset({"absent", "has_value", "empty", "equals", "not_equals",
                          "private_tag", *_ORDERINGS})


def _judge_one(op: str, expr: tuple[Any, ...]) -> Callable[[Any], bool | None]:
    """What ``op`` says of the element a one-tag path names, or of None (absent): what
    :func:`_judge` says of the list of it (``_any`` of one result is that result, of none
    False); the arguments were checked by :func:`_judge`."""
    if op == "absent":
        return lambda elem: elem is None
    if op == "has_value":
        return lambda elem: elem is not None and not _is_empty(elem.value)
    if op == "empty":
        return lambda elem: elem is not None and _is_empty(elem.value)
    if op in ("equals", "not_equals"):
        compare = _comparison(op == "equals", expr[2], expr[3])
        return lambda elem: False if elem is None else compare(elem)
    if op in _ORDERINGS:
        want = _number(expr[2])
        assert want is not None
        return lambda elem: False if elem is None else _order(op, elem, want)
    assert op == "private_tag"
    return lambda elem: False if elem is None else _private(elem.value)


def _at(tag: int, judge: Callable[[Any], bool | None]) -> _Fn:
    """An operator on the element of a one-tag path: in the data set or an enclosing one."""
    def at(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
           pres: Present | None) -> bool | None:
        elem = ds.element(tag)
        if elem is None:
            for scope in anc:
                elem = scope.element(tag)
                if elem is not None:
                    break
        return judge(elem)
    return at


def _unknown(dataset: Dataset, ancestors: tuple[Dataset, ...], requires: Requires | None,
             present: Present | None) -> bool | None:
    return None


def _logic(op: str, subs: tuple[_Fn, ...]) -> _Fn:
    """``and`` / ``or`` in Kleene logic; every operand is evaluated, as it always was."""
    if len(subs) == 2:  # the common case, without the list
        first, second = subs
        if op == "and":
            def conjunction2(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                             pres: Present | None) -> bool | None:
                a = first(ds, anc, req, pres)
                b = second(ds, anc, req, pres)
                if a is False or b is False:
                    return False
                return None if a is None or b is None else True
            return conjunction2

        def disjunction2(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                         pres: Present | None) -> bool | None:
            a = first(ds, anc, req, pres)
            b = second(ds, anc, req, pres)
            if a is True or b is True:
                return True
            return None if a is None or b is None else False
        return disjunction2
    if op == "and":
        def conjunction(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                        pres: Present | None) -> bool | None:
            results = [sub(ds, anc, req, pres) for sub in subs]
            if False in results:
                return False
            return None if None in results else True
        return conjunction

    def disjunction(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                    pres: Present | None) -> bool | None:
        return _any([sub(ds, anc, req, pres) for sub in subs])
    return disjunction


def _negation(inner: _Fn) -> _Fn:
    def negation(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                 pres: Present | None) -> bool | None:
        result = inner(ds, anc, req, pres)
        return None if result is None else not result
    return negation


def _first_item_of(tag: int) -> _Fn:
    def first_item(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                   pres: Present | None) -> bool | None:
        return _first_item(tag, ds, anc)
    return first_item


def _presence(op: str, label: str) -> _Fn:
    def presence(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                 pres: Present | None) -> bool | None:
        return None if pres is None else pres(op, label)
    return presence


def _required(tag: int) -> _Fn:
    def required(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                 pres: Present | None) -> bool | None:
        return None if req is None else req(tag)
    return required


def _in_frame(inner: _Fn, named: tuple[int, ...]) -> _Fn:
    def in_frame(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                 pres: Present | None) -> bool | None:
        scopes = _frame_scopes(ds, anc)
        if not any(item.element(tag) is not None
                   for groups in scopes for item in groups for tag in named):
            # no frame's groups hold the attribute (Image Type (0008,0008) "of this frame" is a
            # top-level attribute): it is looked up as any other
            return inner(ds, anc, req, pres)
        return _any([_any([inner(item, (), req, pres) for item in groups]) if groups else False
                     for groups in scopes])
    return in_frame


def _present_at(tag: int) -> _Fn:
    """``present`` of a one-tag path: in the data set or an enclosing one."""
    def present(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
                pres: Present | None) -> bool | None:
        if ds.element(tag) is not None:
            return True
        return any(scope.element(tag) is not None for scope in anc)
    return present


def _finder(path: tuple[int, ...]) -> _Find:
    """The function giving the DataElements ``path`` names (:func:`_occurrences`)."""
    if len(path) > 1:
        def occurrences(ds: Dataset, anc: tuple[Dataset, ...]) -> list[Any]:
            return _occurrences(path, ds, anc)
        return occurrences
    tag = path[0]

    def occurrence(ds: Dataset, anc: tuple[Dataset, ...]) -> list[Any]:
        elem = ds.element(tag)
        if elem is not None:
            return [elem]
        for scope in anc:
            elem = scope.element(tag)
            if elem is not None:
                return [elem]
        return []
    return occurrence


def _leaf(find: _Find, judge: _Judge) -> _Fn:
    """An operator on the occurrences of a path; unknown when the path cannot be followed."""
    def leaf(ds: Dataset, anc: tuple[Dataset, ...], req: Requires | None,
             pres: Present | None) -> bool | None:
        try:
            return judge(find(ds, anc))
        except _Unknown:
            return None
    return leaf


def _judge(op: str, expr: tuple[Any, ...]) -> _Judge:
    """What operator ``op`` says of the occurrences of its path (arguments checked here)."""
    if op == "present":
        return bool
    if op == "absent":
        return lambda found: not found
    if op == "has_value":
        return lambda found: any(not _is_empty(e.value) for e in found)
    if op == "empty":
        return lambda found: any(_is_empty(e.value) for e in found)
    if op in ("equals", "not_equals"):
        if len(expr) != 4 or not isinstance(expr[2], tuple) or not expr[2]:
            raise ConditionError(expr, f"{op} takes (path, values, index) with a non-empty tuple of values")
        compare = _comparison(op == "equals", expr[2], expr[3])
        return lambda found: _any([compare(e) for e in found])
    if op in _ORDERINGS:
        if len(expr) != 3:
            raise ConditionError(expr, f"{op} takes (path, number)")
        want = _number(expr[2])
        if want is None:
            raise ConditionError(expr[2], "an ordering needs a number")
        return lambda found: _any([_order(op, e, want) for e in found])
    if op == "code":
        if len(expr) != 3 or not isinstance(expr[2], tuple) or not expr[2] or not all(
                isinstance(c, tuple) and len(c) == 2 and all(isinstance(x, str) for x in c)
                for c in expr[2]):
            raise ConditionError(expr, "code takes (path, ((code value, coding scheme), ...))")
        codes = expr[2]
        return lambda found: any(_has_code(item, codes) for e in found for item in _items(e.value))
    if op == "item_count":
        if len(expr) != 4 or expr[2] not in _COUNTS or not isinstance(expr[3], int) \
                or isinstance(expr[3], bool):
            raise ConditionError(expr, "item_count takes (path, 'equals' | 'greater', int)")
        n = expr[3]
        if expr[2] == "equals":
            return lambda found: any(count == n for count in [len(_items(e.value)) for e in found])
        return lambda found: any(count > n for count in [len(_items(e.value)) for e in found])
    if op == "private_tag":
        if len(expr) != 2:
            raise ConditionError(expr, "private_tag takes one path")
        return lambda found: _any([_private(e.value) for e in found])
    raise ConditionError(expr, f"unknown operator {op!r}")

def _first_item(tag: int, dataset: Dataset, ancestors: tuple[Dataset, ...]) -> bool | None:
    """Whether the item of sequence ``tag`` that holds ``dataset`` (itself, or the enclosing
    item on the way out) is that sequence's first item; None when it is in no such sequence."""
    chain = (dataset, *ancestors)
    for i, outer in enumerate(ancestors):
        el = outer.element(tag)
        if el is None:
            continue
        try:
            items = _items(el.value)
        except _Unknown:
            return None
        inner = chain[i]
        if not any(item is inner for item in items):
            return None
        return items[0] is inner
    return None


def _text(item: Dataset, tag: int) -> str | None:
    elem = item.element(tag)
    if elem is None or not isinstance(elem.value, str):
        return None
    return elem.value.strip(_PAD)


def _has_code(item: Dataset, codes: tuple[tuple[str, str], ...]) -> bool:
    """Whether a code sequence item holds one of ``codes`` (value in Code Value, Long Code Value
    or URN Code Value, PS3.3 8.8; and Coding Scheme Designator)."""
    scheme = _text(item, _CODING_SCHEME)
    values = {_text(item, tag) for tag in _CODE_VALUES} - {None}
    return any(value in values and scheme == want for value, want in codes)


def _private(value: Any) -> bool | None:
    """Whether an AT value names a private attribute (odd group, PS3.5 7.8.1); any value counts."""
    if _is_empty(value):
        return False
    tags = _values(value)
    if not all(isinstance(t, int) and not isinstance(t, bool) for t in tags):
        return None
    return any((t >> 16) & 1 == 1 for t in tags)
