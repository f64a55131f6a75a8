"""The value rules of PS3.5 6.2 (Table 6.2-1), shared by assignment, strict writing and validation.

One place states what a value of each VR may be: its type and range (binary numbers), its
maximum length, its character repertoire and its syntax (DA TM DT AS DS IS UI UR, PN groups).
Three users apply the same rules:

* assignment (``ds.PatientID = v``, ``ds[tag] = v``, ``add_new``, ``element.value = v``):
  :func:`value_problem` on the Python value, then :func:`enforce` with the mode of
  :mod:`dicomkit.core.config`;
* :func:`dicomkit.write` (``strict=True`` or ``writing_validation_mode``):
  :meth:`DataElement.value_problem <dicomkit.core.element.DataElement.value_problem>` of the
  elements about to be written;
* the validator (:mod:`dicomkit.validate.values`): :func:`string_value_problems` and
  :func:`text_value_problems` on the text decoded from the bytes of a file.

Lengths and the VRs that are strings, texts or binary numbers come from the generated VR table
(:data:`dicomkit.generated.vrs.VRS`); ranges of the binary numbers from their sizes there.  The
repertoires are tabulated only as prose, so their character classes are written here (one
regular expression per VR, next to the Table 6.2-1 text they implement); IS's range
(-2^31..2^31-1) is in the table's definition column, which the generated table does not hold.

Checks are quick (the assignment checks run on every assignment): no value is encoded unless
its type has no faster test, and the common cases (a str, an int, bytes) take one type test
and a few comparisons.
"""

from __future__ import annotations

import re
import struct
import sys
import warnings
from collections.abc import MutableMapping
from datetime import date
from typing import Any, Final, NamedTuple

from dicomkit.core import dictionary
from dicomkit.core.config import DicomValueWarning, ValidationMode
from dicomkit.core.values import (
    BOTH_STRIPPED_VRS,
    NUMBER_VRS,
    SINGLE_VALUED_VRS,
    UNIT_SIZES,
    ValueEncodingError,
    encode_value,
    format_value,
)
from dicomkit.generated.vrs import CHARACTER_VRS, VRS

__all__ = ["ValueProblem", "enforce", "problem_error", "string_value_problems",
           "text_value_problems", "value_problem"]

#: Where the rules are stated: the definitions of PS3.5 Table 6.2-1.
REF_VR: Final = "PS3.5 6.2"
#: Value multiplicity and the backslash delimiter (PS3.5 6.4).
REF_VM: Final = "PS3.5 6.4"
#: Sequences of items (PS3.5 7.5).
REF_SQ: Final = "PS3.5 7.5"


class ValueProblem(NamedTuple):
    """One rule a value breaks: the rule id, what is wrong, and where PS3.5 says so."""

    rule: str
    message: str
    clause: str = REF_VR


# ------------------------------------------------------------------------------------------------
# Character strings (PS3.5 Table 6.2-1), on text already split at backslashes
# ------------------------------------------------------------------------------------------------

_HH = r"(?:[01]\d|2[0-3])"
_FRAC = r"(?:\.\d{1,6})?"
_TM_BODY = _HH + r"(?:[0-5]\d(?:(?:[0-5]\d|60)" + _FRAC + r")?)?"
#: value syntax of DA TM DT AS DS IS UI UR (ASCII digits only: ``\d`` would take any script's)
SYNTAX: Final[dict[str, re.Pattern[str]]] = {
    "DA": re.compile(r"\d{8}", re.ASCII),
    "TM": re.compile(_TM_BODY, re.ASCII),
    "DT": re.compile(r"\d{4}(?:(?:0[1-9]|1[0-2])(?:(?:0[1-9]|[12]\d|3[01])(?:" + _TM_BODY
                     + r")?)?)?(?:[+-](?:[01]\d|2[0-3])[0-5]\d)?", re.ASCII),
    "AS": re.compile(r"\d{3}[DWMY]", re.ASCII),
    "DS": re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII),
    "IS": re.compile(r"[+-]?\d+", re.ASCII),
    "UI": re.compile(r"(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*", re.ASCII),
    "UR": re.compile(r"[!-~]*"),
}
#: CS: uppercase characters, digits, space and underscore
_CS_OK: Final = re.compile(r"[A-Z0-9 _]*")
#: AE: default repertoire without backslash and control characters
_AE_OK: Final = re.compile(r"[ -\[\]-~]*")
#: control characters forbidden in SH LO PN UC (all but ESC) and in LT ST UT (all but TAB LF FF CR
#: ESC): the C0 set, DEL, and the C1 set (U+0080-U+009F: no character set of PS3.5 6.1 uses
#: C1; a value holding them was decoded wrongly or is damaged)
_CTRL_STRING: Final = re.compile(r"[\x00-\x1a\x1c-\x1f\x7f-\x9f]")
_CTRL_TEXT: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
#: IS: "-2^31 <= n <= (2^31 - 1)" (Table 6.2-1, definition of IS)
_INT32: Final = (-(2**31), 2**31 - 1)
#: PN: at most three component groups of at most five components (PS3.5 6.2.1)
_PN_GROUPS: Final = 3
_PN_COMPONENTS: Final = 5
_PN_LIMIT: Final = VRS["PN"].max_length


def string_value_problems(vr: str, value: str) -> list[ValueProblem]:
    """The rules one value of a multi-valued character string VR breaks.

    ``value`` is one value (split at backslashes), with its padding and insignificant spaces
    removed, and not empty.
    """
    out: list[ValueProblem] = []
    spec = VRS[vr]
    limit = spec.max_length
    if limit is not None and vr != "PN" and len(value) > limit:
        out.append(ValueProblem("value-length", f"{vr} value {value[:40]!r} is {len(value)} "
                                f"{spec.length_unit} long, more than {limit}"))
    pattern = SYNTAX.get(vr)
    if pattern is not None:
        if not pattern.fullmatch(value):
            out.append(ValueProblem("value-format", f"{vr} value {value[:40]!r} is not valid "
                                    f"{spec.name} syntax"))
            return out
        if vr == "DA":
            try:
                date(int(value[:4]), int(value[4:6]), int(value[6:8]))
            except ValueError:
                out.append(ValueProblem("value-format", f"DA value {value!r} is not a date"))
        elif vr == "IS" and not _INT32[0] <= int(value) <= _INT32[1]:
            out.append(ValueProblem("value-format",
                                    f"IS value {value} is outside -2^31..2^31-1"))
        elif vr == "DS" and float(value) in (float("inf"), float("-inf")):
            out.append(ValueProblem("value-format", f"DS value {value!r} is not finite"))
    elif vr == "CS":
        if not _CS_OK.fullmatch(value):
            out.append(ValueProblem("repertoire", f"CS value {value!r} has characters other "
                                    "than uppercase letters, digits, space and underscore"))
    elif vr == "AE":
        if not _AE_OK.fullmatch(value):
            out.append(ValueProblem("repertoire",
                                    f"AE value {value!r} has control or backslash characters"))
    elif vr == "PN":
        groups = value.split("=")
        if len(groups) > _PN_GROUPS:
            out.append(ValueProblem("value-format", f"PN value has {len(groups)} component "
                                    f"groups, at most {_PN_GROUPS}", "PS3.5 6.2.1"))
        for group in groups:
            if _PN_LIMIT is not None and len(group) > _PN_LIMIT:
                out.append(ValueProblem("value-length", f"PN component group {group[:40]!r} "
                                        f"is longer than {_PN_LIMIT} characters"))
            if group.count("^") >= _PN_COMPONENTS:
                out.append(ValueProblem("value-format", f"PN component group {group[:40]!r} "
                                        f"has more than {_PN_COMPONENTS} components",
                                        "PS3.5 6.2.1"))
        if _CTRL_STRING.search(value):
            out.append(ValueProblem("repertoire", "PN value has control characters"))
    elif vr in ("LO", "SH", "UC"):
        if _CTRL_STRING.search(value):
            out.append(ValueProblem("repertoire", f"{vr} value has control characters"))
    return out


def text_value_problems(vr: str, value: str) -> list[ValueProblem]:
    """The rules the value of a single-valued text VR (LT ST UT UR) breaks; ``value`` has its
    trailing padding removed."""
    if vr == "UR":
        out: list[ValueProblem] = []
        if value.startswith(" "):
            out.append(ValueProblem("value-format", "UR value has leading spaces"))
        return out + string_value_problems(vr, value.lstrip(" "))
    out = []
    spec = VRS[vr]
    if spec.max_length is not None and len(value) > spec.max_length:
        out.append(ValueProblem("value-length", f"{vr} value is {len(value)} characters long, "
                                f"more than {spec.max_length}"))
    if _CTRL_TEXT.search(value):
        out.append(ValueProblem("repertoire", f"{vr} value has control characters other than "
                                "TAB, LF, FF, CR, ESC"))
    return out


# ------------------------------------------------------------------------------------------------
# Python values, as a program assigns them
# ------------------------------------------------------------------------------------------------

def _fast_text_test(vr: str) -> Any:
    """A quick test that passes only values that break no rule of ``vr`` (the common case);
    a value it does not pass is checked by the full rules, which say what is wrong."""
    spec = VRS[vr]
    limit = spec.max_length if spec.max_length is not None else sys.maxsize
    pattern = SYNTAX.get(vr)
    if vr in ("DA", "IS", "DS", "UR") or (pattern is None and vr not in (
            "CS", "AE", "PN", "LO", "SH", "UC", "LT", "ST", "UT")):
        return None  # syntax plus a range or date: the full rules are the quick test
    if pattern is not None:
        match = pattern.fullmatch
        return lambda t: len(t) <= limit and match(t) is not None
    if vr == "CS":
        match = _CS_OK.fullmatch
        return lambda t: len(t) <= limit and match(t) is not None
    if vr == "AE":
        match = _AE_OK.fullmatch
        return lambda t: len(t) <= limit and match(t) is not None
    if vr == "PN":
        return lambda t: (len(t) <= limit and t.isprintable() and "=" not in t
                          and t.count("^") < _PN_COMPONENTS)
    return lambda t: len(t) <= limit and t.isprintable()  # no control characters at all


def _string_checker(vr: str) -> Any:
    single = vr in SINGLE_VALUED_VRS
    both = vr in BOTH_STRIPPED_VRS
    quick = _fast_text_test(vr)
    rules = text_value_problems if single else string_value_problems
    # a program's value loses only spaces and the VR's own padding (UI: NUL) when read back; any
    # other NUL is a control character (the validator also strips NULs other writers pad with)
    pad = " " + VRS[vr].padding.strip(" ")

    def one(text: str) -> ValueProblem | None:
        if single:
            text = text.rstrip(pad)
        else:
            if "\\" in text:
                return ValueProblem("value-format", "a backslash separates values; pass "
                                    "several values as a list", REF_VM)
            text = text.strip(pad) if both else text.rstrip(pad)
        if not text or (quick is not None and quick(text)):
            return None
        found = rules(vr, text)
        return found[0] if found else None

    def check(vr: str, value: Any) -> ValueProblem | None:
        if isinstance(value, str):
            return one(value)
        if isinstance(value, list | tuple):
            if single and len(value) > 1:
                return ValueProblem("vm", f"{vr} holds one value, got {len(value)}")
            items: Any = value
        else:
            items = (value,)
        for item in items:
            if item is None:
                continue
            if not isinstance(item, str):
                try:
                    item = format_value(vr, item)
                except ValueEncodingError as exc:
                    return ValueProblem("type", exc.reason)
            found = one(item)
            if found is not None:
                return found
        return None

    return check


def _number_range(vr: str) -> tuple[int, int] | None:
    letter, size = NUMBER_VRS[vr]
    if letter in "fd":
        return None
    bits = 8 * size
    if letter.islower():  # struct's signed letters
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


_RANGES: Final[dict[str, tuple[int, int] | None]] = {vr: _number_range(vr) for vr in NUMBER_VRS}
_PACK: Final = {vr: struct.Struct("<" + NUMBER_VRS[vr][0]).pack for vr in NUMBER_VRS}


def _number_item_problem(vr: str, item: Any) -> ValueProblem | None:
    bounds = _RANGES[vr]
    if isinstance(item, str):
        return ValueProblem("type", f"a str is not a number ({VRS[vr].name})")
    if bounds is not None:
        if isinstance(item, float):
            return ValueProblem("type", f"{item!r} is not an integer ({VRS[vr].name})")
        try:
            number = item.__index__()
        except (AttributeError, TypeError):
            return ValueProblem("type", f"a {type(item).__name__} is not an integer "
                                f"({VRS[vr].name})")
        low, high = bounds
        if low <= number <= high:
            return None
        return ValueProblem("range", f"{number} is outside {low}..{high} ({VRS[vr].name}, "
                            f"{NUMBER_VRS[vr][1]} bytes)")
    try:
        _PACK[vr](item)
    except OverflowError:
        return ValueProblem("range", f"{item!r} is too large for {VRS[vr].name} "
                            f"({NUMBER_VRS[vr][1]} bytes)")
    except (struct.error, TypeError):
        return ValueProblem("type", f"a {type(item).__name__} is not a number "
                            f"({VRS[vr].name})")
    return None


def _number_problem(vr: str, value: Any) -> ValueProblem | None:
    bounds = _RANGES[vr]
    if type(value) is int and bounds is not None:  # the common case, first
        if bounds[0] <= value <= bounds[1]:
            return None
        return _number_item_problem(vr, value)
    if isinstance(value, list | tuple):
        for item in value:
            found = _number_item_problem(vr, item)
            if found is not None:
                return found
        return None
    if isinstance(value, bytes | bytearray | memoryview):  # already encoded, as read
        size = NUMBER_VRS[vr][1]
        if len(value) % size:
            return ValueProblem("value-length", f"{len(value)} bytes are not a whole number "
                                f"of {size}-byte {vr} values")
        return None
    if hasattr(value, "tolist") and getattr(value, "ndim", 1) != 0 or hasattr(value,
                                                                             "__buffer__"):
        try:  # numpy arrays, array.array: what the encoder makes of them
            encode_value(vr, value, True, None)
        except ValueEncodingError as exc:
            items = value.tolist() if hasattr(value, "tolist") else []
            for item in items if isinstance(items, list) else [items]:
                found = _number_item_problem(vr, item)
                if found is not None:
                    return found  # the first offending value, named
            return ValueProblem("type", exc.reason)
        return None
    return _number_item_problem(vr, value)


def _at_problem(vr: str, value: Any) -> ValueProblem | None:
    try:
        encode_value("AT", value, True, None)
    except ValueEncodingError as exc:
        return ValueProblem("type", exc.reason)
    return None


def _bytes_problem(vr: str, value: Any) -> ValueProblem | None:
    if isinstance(value, bytes | bytearray):
        size = len(value)
    elif hasattr(value, "fragments") and hasattr(value, "encode"):
        return None  # encapsulated pixel data (dicomkit.io.encapsulation): encoded as items
    else:
        try:
            size = memoryview(value).nbytes
        except TypeError:
            return ValueProblem("type", f"expected bytes, got {type(value).__name__}")
    unit = UNIT_SIZES[vr]
    if size & 1 and not VRS[vr].padding:
        return ValueProblem("value-length", f"odd length {size}; {vr} values are always of "
                            "even length")
    if unit > 1 and size % unit:
        return ValueProblem("value-length", f"length {size} is not a multiple of {unit} "
                            f"({VRS[vr].name})")
    return None


def _sq_problem(vr: str, value: Any) -> ValueProblem | None:
    if not isinstance(value, list):
        return ValueProblem("type", "an SQ value is a Sequence (a list) of data sets, got "
                            f"{type(value).__name__}", REF_SQ)
    for index, item in enumerate(value):
        if not isinstance(item, MutableMapping):
            return ValueProblem("type", f"item {index} is a {type(item).__name__}, not a data "
                                "set", REF_SQ)
    return None


def _build_checks() -> dict[str, Any]:
    table: dict[str, Any] = {}
    for code, spec in VRS.items():
        if code in CHARACTER_VRS:
            table[code] = _string_checker(code)
        elif code in NUMBER_VRS:
            table[code] = _number_problem
        elif code == "AT":
            table[code] = _at_problem
        elif spec.kind == "sequence":
            table[code] = _sq_problem
        else:
            table[code] = _bytes_problem
    return table


_CHECKS: Final = _build_checks()


def value_problem(vr: str, value: Any) -> ValueProblem | None:
    """The first rule of PS3.5 6.2 that ``value``, assigned to an element of VR ``vr``, breaks,
    or None when it can be encoded in that VR as it is.

    ``vr`` is resolved (not ``OB or OW``); a UN element of a tag the dictionary knows is checked
    with its dictionary VR by the caller.  Empty values (None, ``""``, ``b""``) are fine (PS3.5
    7.1.1); value multiplicity against the dictionary is not checked (that is the IOD's and the
    validator's business), only a backslash inside one value and several values of LT ST UT UR.
    """
    if value is None:
        return None
    check = _CHECKS.get(vr)
    if check is None:
        return ValueProblem("vr", f"{vr!r} is not a value representation of PS3.5 Table 6.2-1")
    found: ValueProblem | None = check(vr, value)
    return found


def keyword_of(tag: int) -> str:
    """The keyword of a public tag (PS3.6), ``""`` for private and unknown ones."""
    if (tag >> 16) & 1:
        return ""
    entry = dictionary.lookup(tag)
    return entry[3] if entry else ""


def problem_error(problem: ValueProblem, tag: int, vr: str, value: Any, *,
                  tag_path: str = "") -> ValueEncodingError:
    """The error that states ``problem`` of ``value`` of element ``tag``."""
    path = tag_path or f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return ValueEncodingError(vr, value, problem.message, tag_path=path,
                              keyword=keyword_of(tag), rule=problem.rule, clause=problem.clause)


_OWN_PREFIX: Final = "dicomkit."


def _caller_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside dicomkit (the program's assignment or
    write call), so that a warning names the program's line."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith(
            _OWN_PREFIX):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def enforce(problem: ValueProblem, tag: int, vr: str, value: Any, mode: ValidationMode, *,
            tag_path: str = "") -> None:
    """Act on ``problem`` by ``mode``: raise (``"raise"``) or warn (``"warn"``).

    Raises
    ------
    ValueEncodingError
        In mode ``"raise"``.
    """
    if mode == "ignore":
        return
    error = problem_error(problem, tag, vr, value, tag_path=tag_path)
    if mode == "raise":
        raise error
    warnings.warn(DicomValueWarning(str(error)), stacklevel=_caller_stacklevel())
