"""Element-level conformance checks: VR, VM and value formats (PS3.5 6.2, 6.4, 7.1, 7.8).

These checks need no IOD: every data element of a data set (and of every sequence item) is checked
against the data dictionary (PS3.6) and the value representation rules (PS3.5 Table 6.2-1):

* ``vr``: in explicit VR encodings the VR written must be one the dictionary allows (``UN`` for a
  known tag is a warning: it is legal after passing through an implicit VR hop, PS3.5 6.2.2).
* ``vm``: the number of values must fit the dictionary's VM (``1``, ``1-n``, ``2-2n``, ``1-3``...,
  PS3.5 6.4).  Empty values are not counted (whether they may be empty is the IOD's business).
* ``value-length``: odd value lengths (PS3.5 7.1.1), values longer than the VR's maximum and
  binary values that are not a whole number of values.
* ``repertoire``: characters outside the VR's repertoire (bytes above 7FH in default-repertoire
  VRs, lowercase in CS, control characters in text).
* ``value-format``: DA, TM, DT, AS, DS, IS, UI, UR syntax (UI: numeric components without leading
  zeros), IS range, padding with the wrong byte.
* ``uid-root``: a UID whose root is not an arc of the OID tree (PS3.5 9.1, ISO/IEC 9834-1): the
  first component 0, 1 or 2, and below 0 and 1 the arcs X.660 assigns.
* ``retired``, ``unknown-public``, ``private-no-creator``: attributes the dictionary lists as
  retired (warning), even-group tags it does not know (warning) and private data elements
  without their Private Creator (PS3.5 7.8.1, error).
* ``coding-scheme-retired``: a Coding Scheme Designator (0008,0102), anywhere in the data set,
  naming a scheme PS3.16 Table 8-1 marks retired or deprecated (99SDM; SNM3 and SRT, whose
  "SNOMED-RT style" codes SNOMED no longer authorizes, PS3.16 8.1): a warning.

The value rules themselves (lengths, repertoires, syntax) are those of
:mod:`dicomkit.core.rules`, which value assignment and ``write(..., strict=True)`` apply too.

Speed matters (thousands of files): the checks work on the raw value bytes, look up each tag once
per process (:func:`_tag_info` is cached), use precompiled regular expressions and only decode
text through the Specific Character Set when a value is not plain ASCII.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.rules import ValueProblem, string_value_problems, text_value_problems
from dicomkit.core.values import (
    BOTH_STRIPPED_VRS,
    CHARSET_VRS,
    NUMBER_VRS,
    SINGLE_VALUED_VRS,
    encode_value,
)
from dicomkit.errors import DicomError
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.generated.vrs import CHARACTER_VRS, VRS
from dicomkit.validate.report import Report, tag_path

__all__ = ["check_elements", "parse_vm", "uid_root_problem", "vm_allows"]

_REF_VR: Final = "PS3.5 6.2"
_REF_VM: Final = "PS3.5 6.4"
_REF_LEN: Final = "PS3.5 7.1.1"
_REF_PRIVATE: Final = "PS3.5 7.8.1"
_REF_DICT: Final = "PS3.6 6"
_REF_SCHEMES: Final = "PS3.16 8.1"
_CODING_SCHEME_DESIGNATOR: Final = 0x00080102  # Coding Scheme Designator; PS3.3 Table 8.8-1

# ------------------------------------------------------------------------------------------------
# VM
# ------------------------------------------------------------------------------------------------

_VM_TERM: Final = re.compile(r"^(\d+)(?:-(\d+)?(n)?)?$")


def parse_vm(text: str) -> tuple[tuple[int, int | None, int], ...]:
    """Parse a dictionary VM (``1``, ``1-3``, ``1-n``, ``2-2n``, ``1-n or 1``) into ranges.

    Each range is ``(minimum, maximum or None, step)``: ``2-2n`` is ``(2, None, 2)`` (any even
    number of values, PS3.5 6.4), ``1-3`` is ``(1, 3, 1)``.  An unparsable VM gives ``()``
    (nothing is checked).
    """
    out: list[tuple[int, int | None, int]] = []
    for term in text.split(" or "):
        m = _VM_TERM.match(term.strip())
        if m is None:
            return ()
        low = int(m.group(1))
        if m.group(3):  # A-n or A-An
            step = int(m.group(2)) if m.group(2) else 1
            out.append((low, None, step))
        elif m.group(2):
            out.append((low, int(m.group(2)), 1))
        else:
            out.append((low, low, 1))
    return tuple(out)


def vm_allows(ranges: tuple[tuple[int, int | None, int], ...], count: int) -> bool:
    """True when ``count`` values fit one of the VM ``ranges`` (see :func:`parse_vm`)."""
    if not ranges:
        return True
    for low, high, step in ranges:
        if count < low or (high is not None and count > high):
            continue
        if high is None and step > 1 and count % step:
            continue
        return True
    return False


# ------------------------------------------------------------------------------------------------
# Dictionary facts, once per tag
# ------------------------------------------------------------------------------------------------

#: (allowed VRs, VM ranges, VM text, name, retired) of a public tag; None when unknown.
_Info = tuple[frozenset[str], tuple[tuple[int, int | None, int], ...], str, str, bool]


def _tag_info(tag: int) -> _Info | None:
    """The dictionary facts of ``tag``, cached until the user changes the dictionary."""
    return _tag_info_of(tag, dictionary.generation())


#: the facts of the tags met so far, valid for the dictionary generation in ``_FACTS_OF``
_FACTS: dict[int, _Info | None] = {}
_FACTS_OF: list[int] = [-1]


def _facts() -> dict[int, _Info | None]:
    """The cache :func:`_check_element` reads (emptied when the user changed the dictionary);
    taken once per :func:`check_elements` call, so that an element costs one dict lookup."""
    generation = dictionary.generation()
    if _FACTS_OF[0] != generation:
        _FACTS.clear()
        _ELEMENT_MEMO.clear()
        _MEMO_SIZE[1] = 0
        _FACTS_OF[0] = generation
    return _FACTS


@lru_cache(maxsize=8192)
def _tag_info_of(tag: int, _generation: int) -> _Info | None:
    entry = dictionary.lookup(tag)
    if entry is None:
        return None
    vr_text, vm, name, _keyword, retired = entry
    allowed = frozenset(v.strip() for v in vr_text.split(" or ") if len(v.strip()) == 2)
    return allowed, parse_vm(vm), vm, name, retired


# ------------------------------------------------------------------------------------------------
# Value syntax (PS3.5 Table 6.2-1): the rules of dicomkit.core.rules, which assignment and strict
# writing apply too
# ------------------------------------------------------------------------------------------------

#: VRs whose values may only use the default repertoire (no Specific Character Set).
_DEFAULT_ONLY: Final = frozenset(c for c in CHARACTER_VRS if c not in CHARSET_VRS)
#: VRs whose leading spaces are insignificant too (PS3.5 6.2).
_STRIP_BOTH: Final = BOTH_STRIPPED_VRS
#: the padding byte of each character string VR (PS3.5 Table 6.2-1)
_PADDING: Final = {vr: VRS[vr].padding for vr in CHARACTER_VRS}


def _add(problems: list[ValueProblem] | tuple[ValueProblem, ...], parent: str, tag: int,
         report: Report) -> None:
    if problems:
        path = tag_path(parent, tag)
        for problem in problems:
            report.add("error", problem.rule, path, problem.message, problem.clause)


#: The arcs below the roots itu-t (0) and iso (1) that ITU-T X.660 | ISO/IEC 9834-1 (Annex A)
#: itself assigns; the OID tree PS3.5 9 builds UIDs in ("registered values as defined by ISO/IEC
#: 9834-1").  The arcs below joint-iso-itu-t (2) are assigned by a registry, not by X.660, and
#: are not checked.
_ROOT_ARCS: Final[dict[str, frozenset[str]]] = {
    "0": frozenset({"0", "1", "2", "3", "4", "5", "9"}),
    "1": frozenset({"0", "1", "2", "3"}),
}
_REF_UID: Final = "PS3.5 9.1"


def uid_root_problem(uid: str) -> str | None:
    """Why ``uid`` cannot be an OID of the registration tree of PS3.5 9 (ISO/IEC 9834-1), or None.

    The first component is the root arc, 0 (itu-t), 1 (iso) or 2 (joint-iso-itu-t); below 0
    and 1 only the arcs X.660 assigns exist (iso: standard 0, registration-authority 1,
    member-body 2, identified-organization 3).

    >>> uid_root_problem("1.2.840.10008.1.2")
    >>> uid_root_problem("9.8.7.6")
    'illegal root 9 (the first component of a UID is 0, 1 or 2, ISO/IEC 9834-1)'
    """
    first, _, rest = uid.partition(".")
    if first not in ("0", "1", "2"):
        return f"illegal root {first} (the first component of a UID is 0, 1 or 2, ISO/IEC 9834-1)"
    arcs = _ROOT_ARCS.get(first)
    second = rest.partition(".")[0]
    if arcs is not None and second and second not in arcs:
        root = "itu-t" if first == "0" else "iso"
        return (f"illegal root {first}.{second}: the arc {root} ({first}) has no arc {second} "
                f"(ITU-T X.660 | ISO/IEC 9834-1 Annex A: {', '.join(sorted(arcs, key=int))})")
    return None


@lru_cache(maxsize=65536)
def _value_problems(vr: str, value: str) -> tuple[ValueProblem, ...]:
    """The problems of one value of a string VR (split at backslashes, padding removed),
    cached: the same values (code strings, dates, numbers, UID roots) recur from element to
    element and from file to file."""
    problems = string_value_problems(vr, value)
    if vr == "UI" and not problems:
        why = uid_root_problem(value)
        if why is not None:
            return (ValueProblem("uid-root", f"UID {value!r}: {why}", _REF_UID),)
    return tuple(problems)


#: what :func:`_check_text` found in an ASCII value of a string VR, by VR and encoded value:
#: the VM when nothing, else the findings without their path (severity, rule, message,
#: reference, module, since) and the VM.  An ASCII value's checks depend on nothing else (no
#: character set, no other element), and values recur from element to element and from file to
#: file, as for :func:`_value_problems`.  Keyed by the value's own bytes (no key tuple made per
#: lookup, nothing more for the garbage collector to track).
_TEXT_MEMO: dict[str, dict[bytes, int | tuple[tuple[tuple[str, str, str, str, str, str], ...], int]]] = {}
_TEXT_MEMO_LIMIT: Final = 1 << 16  # entries of each memo before it is emptied
_TEXT_MEMO_BYTES: Final = 128  # longer values (texts, long lists) are checked each time
_MEMO_SIZE: list[int] = [0, 0]  # entries of _TEXT_MEMO, _ELEMENT_MEMO


def _without_paths(report: Report, start: int) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """The findings from ``start`` on (one element's: one path), without their path."""
    if len(report.findings) == start:
        return ()
    return tuple((f.severity, f.rule, f.message, f.reference, f.module, f.since)
                 for f in report.findings[start:])


def _check_text(vr: str, el: DataElement, raw: bytes, parent: str, tag: int,
                report: Report) -> int:
    """Check the value of a character string element; return its VM (remembered for short
    ASCII values, :data:`_TEXT_MEMO`)."""
    if len(raw) > _TEXT_MEMO_BYTES or type(raw) is not bytes:
        return _check_text_value(vr, el, raw, parent, tag, report)
    memo = _TEXT_MEMO.get(vr)
    if memo is None:
        memo = _TEXT_MEMO[vr] = {}
    known = memo.get(raw)
    if known is None:
        if not raw.isascii():
            return _check_text_value(vr, el, raw, parent, tag, report)
        start = len(report.findings)
        count = _check_text_value(vr, el, raw, parent, tag, report)
        if _MEMO_SIZE[0] >= _TEXT_MEMO_LIMIT:
            _TEXT_MEMO.clear()
            _MEMO_SIZE[0] = 0
            memo = _TEXT_MEMO[vr] = {}
        found = _without_paths(report, start)
        memo[raw] = (found, count) if found else count
        _MEMO_SIZE[0] += 1
        return count
    if type(known) is int:
        return known
    assert isinstance(known, tuple)
    found, count = known
    path = tag_path(parent, tag)  # every finding of one value has the element's path
    for severity, rule, message, reference, module, since in found:
        report.add(severity, rule, path, message, reference, module, since)
    return count


def _check_text_value(vr: str, el: DataElement, raw: bytes, parent: str, tag: int,
                      report: Report) -> int:
    """Check the value of a character string element; return its VM."""
    last = raw[-1]
    if vr == "UI":
        if last == 0x20:
            report.add("warning", "value-format", tag_path(parent, tag), "UI value padded with "
                       "a space instead of NULL", _REF_VR)
    elif last == 0 and _PADDING[vr] == " ":
        report.add("warning", "value-format", tag_path(parent, tag), f"{vr} value padded with "
                   "NULL instead of a space", _REF_VR)
    ascii_only = raw.isascii()
    if vr in _DEFAULT_ONLY:
        if not ascii_only:
            report.add("error", "repertoire", tag_path(parent, tag), f"{vr} value has bytes "
                       "outside the default character repertoire (ISO-IR 6)", _REF_VR)
        text = raw.decode("latin-1")
    elif ascii_only:
        text = raw.decode("ascii")
    else:
        ctx = el.context
        charset = ctx.charset if ctx is not None else None
        try:
            text = charset.decode(raw, vr) if charset is not None else raw.decode("latin-1")
        except (DicomError, UnicodeError, ValueError):
            report.add("error", "repertoire", tag_path(parent, tag), f"{vr} value cannot be "
                       "decoded with the Specific Character Set (0008,0005)", "PS3.5 6.1")
            return 1
    if vr in SINGLE_VALUED_VRS:
        _add(text_value_problems(vr, text.rstrip(" \x00")), parent, tag, report)
        return 1
    parts = text.split("\\")
    both = vr in _STRIP_BOTH
    for part in parts:
        value = part.strip(" \x00") if both else part.rstrip(" \x00")
        if value:
            problems = _value_problems(vr, value)
            if problems:
                _add(problems, parent, tag, report)
    return len(parts)


def _check_scheme(raw: bytes, parent: str, tag: int, report: Report) -> None:
    """Warn of a retired or deprecated coding scheme (module docstring)."""
    # the context group tables are large (PS3.16): loaded only when a data set holds codes
    from dicomkit.generated.context_groups import RETIRED_CODING_SCHEMES

    designator = raw.decode("latin-1").strip(" \x00")
    status = RETIRED_CODING_SCHEMES.get(designator)
    if status is not None:
        report.add("warning", "coding-scheme-retired", tag_path(parent, tag),
                   f"coding scheme {designator} is {status} (PS3.16 Table 8-1)", _REF_SCHEMES)


def _bytes_of(el: DataElement) -> bytes | None:
    """The encoded value of ``el`` (raw bytes as read, or the program's value encoded)."""
    if el.is_deferred:
        return None
    raw = el.raw
    if raw is not None:
        return raw
    try:
        value = el.value
        if value is None:
            return b""
        ctx = el.context
        return encode_value(el.vr, value, True, ctx.charset if ctx is not None else None)
    except (DicomError, ValueError, TypeError, UnicodeError):
        return None


# ------------------------------------------------------------------------------------------------
# Walking the data set
# ------------------------------------------------------------------------------------------------

def _explicit(ds: Dataset) -> bool:
    """True when the VRs of ``ds`` were written in the file (explicit VR) or set by a program."""
    ts = TRANSFER_SYNTAXES.get(ds.read_transfer_syntax)
    return ts is None or not ts.implicit_vr


def check_elements(ds: Dataset, report: Report, *, path: str = "",
                   explicit: bool | None = None) -> None:
    """Add the element-level findings of ``ds`` (and its items, recursively) to ``report``.

    Parameters
    ----------
    ds
        The data set (a whole file's, or an item's).
    report
        Receives the findings.
    path
        The tag path of ``ds`` (``""`` at the top level, ``(0008,1115)[0]`` for an item).
    explicit
        Whether the VRs are the ones written in the file; by default from the transfer syntax the
        data set was read in (implicit VR data sets take their VRs from the dictionary, so there
        is nothing to check).
    """
    if explicit is None:
        explicit = _explicit(ds)
    elements = ds.by_tag()
    facts = _facts()
    for tag, el in elements.items():
        _check_element(tag, el, elements, report, path, explicit, facts)


#: what :func:`_check_element` found in a public element with a short ASCII value of a string
#: VR, by (tag, VR, explicit VR) (:func:`_element_key`) and encoded value: its findings without
#: their path (severity, rule, message, reference, module, since).  Such an element's checks
#: depend on nothing else (the data dictionary's facts of the tag aside: emptied with them,
#: :func:`_facts`).
_ELEMENT_MEMO: dict[int, dict[bytes, tuple[tuple[str, str, str, str, str, str], ...]]] = {}
_VR_INDEX: Final = {vr: i for i, vr in enumerate(sorted(CHARACTER_VRS))}


def _check_element(tag: int, el: DataElement, elements: Mapping[int, DataElement], report: Report,
                   parent: str, explicit: bool, facts: dict[int, _Info | None]) -> None:
    vr = el.vr
    index = _VR_INDEX.get(vr)
    if index is not None and not tag & 0x10000 and tag & 0xFFFF and \
            tag != _CODING_SCHEME_DESIGNATOR and not el.is_deferred and not el.undefined_length:
        raw = el.raw
        if type(raw) is bytes and len(raw) <= _TEXT_MEMO_BYTES:
            key = (tag << 6 | index) << 1 | explicit
            memo = _ELEMENT_MEMO.get(key)
            if memo is None:
                memo = _ELEMENT_MEMO[key] = {}
            found = memo.get(raw)
            if found is None:
                if not raw.isascii():
                    _check_element_value(tag, el, elements, report, parent, explicit, facts)
                    return
                start = len(report.findings)
                _check_element_value(tag, el, elements, report, parent, explicit, facts)
                if _MEMO_SIZE[1] >= _TEXT_MEMO_LIMIT:
                    _ELEMENT_MEMO.clear()
                    _MEMO_SIZE[1] = 0
                    memo = _ELEMENT_MEMO[key] = {}
                memo[raw] = _without_paths(report, start)
                _MEMO_SIZE[1] += 1
                return
            if found:
                path = tag_path(parent, tag)  # every finding of the element has its path
                for severity, rule, message, reference, module, since in found:
                    report.add(severity, rule, path, message, reference, module, since)
            return
    _check_element_value(tag, el, elements, report, parent, explicit, facts)


def _check_element_value(tag: int, el: DataElement, elements: Mapping[int, DataElement],
                         report: Report, parent: str, explicit: bool,
                         facts: dict[int, _Info | None]) -> None:
    # the tag path is made only for a finding (or a sequence's items): most elements have none
    vr = el.vr
    group = tag >> 16
    elem = tag & 0xFFFF
    vm_ranges: tuple[tuple[int, int | None, int], ...] = ()
    vm_text = ""
    if group & 1:
        if 0x0010 <= elem <= 0x00FF:
            if explicit and vr != "LO":
                report.add("warning" if vr == "UN" else "error", "vr", tag_path(parent, tag),
                           f"Private Creator has VR {vr}, not LO", _REF_PRIVATE)
        elif elem >= 0x1000 and group > 0x0008 and ((group << 16) | (elem >> 8)) not in elements:
            report.add("error", "private-no-creator", tag_path(parent, tag), "private data "
                       f"element without its Private Creator ({group:04X},{elem >> 8:04X})",
                       _REF_PRIVATE)
    elif elem != 0:
        if tag in facts:
            info = facts[tag]
        else:
            info = facts[tag] = _tag_info(tag)
        if info is None:
            report.add("warning", "unknown-public", tag_path(parent, tag), "attribute is not in "
                       "the data dictionary", _REF_DICT)
        else:
            allowed, vm_ranges, vm_text, name, retired = info
            if retired:
                report.add("warning", "retired", tag_path(parent, tag), f"{name} is retired",
                           _REF_DICT)
            if explicit and allowed and vr not in allowed:
                if vr == "UN":
                    report.add("warning", "vr", tag_path(parent, tag), f"{name} has VR UN, "
                               f"dictionary VR {'/'.join(sorted(allowed))}", "PS3.5 6.2.2")
                else:
                    report.add("error", "vr", tag_path(parent, tag), f"{name} has VR {vr}, "
                               f"dictionary VR {'/'.join(sorted(allowed))}", _REF_VR)
    if vr == "SQ":
        value = el.value
        if value:
            path = tag_path(parent, tag)
            for index, item in enumerate(value):
                item_path = f"{path}[{index}]"
                items = item.by_tag()
                for t, e in items.items():
                    _check_element(t, e, items, report, item_path, explicit, facts)
        return
    if el.undefined_length:
        return
    if vr == "UN":
        # a known tag's UN value (PS3.5 6.2.2, after an implicit VR hop) is checked as its
        # dictionary VR when that is one character string VR
        info = _tag_info(tag) if not group & 1 else None
        known = info[0] if info is not None else frozenset()
        if len(known) != 1 or next(iter(known)) not in CHARACTER_VRS or el.is_deferred:
            return
        vr = next(iter(known))
    if el.is_deferred:  # a large value left in the file (DEFER_SIZE): not read
        return
    raw = el.raw
    if raw is None:
        raw = _bytes_of(el)
    if not raw:
        return
    if len(raw) & 1:
        report.add("error", "value-length", tag_path(parent, tag), f"odd value length "
                   f"{len(raw)}", _REF_LEN)
    if tag == _CODING_SCHEME_DESIGNATOR:
        _check_scheme(raw, parent, tag, report)
    if vr in CHARACTER_VRS:
        count = _check_text(vr, el, raw, parent, tag, report)
    else:
        number = NUMBER_VRS.get(vr)
        size = number[1] if number is not None else (4 if vr == "AT" else 0)
        if size:
            if len(raw) % size:
                report.add("error", "value-length", tag_path(parent, tag), f"{vr} value of "
                           f"{len(raw)} bytes is not a whole number of {size}-byte values",
                           _REF_VR)
                return
            count = len(raw) // size
        else:
            count = 1
    if vm_ranges and not vm_allows(vm_ranges, count):
        report.add("error", "vm", tag_path(parent, tag), f"{count} values, the dictionary's VM "
                   f"is {vm_text}", _REF_VM)
