"""Coded concepts of this layer taken from the generated PS3.16 context groups.

A builder names a concept by its context group and code value (``group_code(7203, "113076")``,
Segmentation in CID 7203 Image Derivation); the meaning comes from the generated table, so a code
a new edition drops breaks loudly here instead of writing a stale code.  :func:`find_code` lets a
user pick a segmented property by its value or meaning inside a group and the groups it
includes (PS3.16 7.2.1).
"""

from __future__ import annotations

from dicomkit.generated.context_groups import CONTEXT_GROUPS
from dicomkit.objects.errors import ObjectError
from dicomkit.sr.code import Code

#: PS3.16 CID 7150 Segmentation Property Category (baseline of Segmented Property Category Code
#: Sequence, PS3.3 C.8.20-4).
CID_SEGMENTATION_PROPERTY_CATEGORY = 7150
#: PS3.16 CID 7151 Segmentation Property Type (baseline of Segmented Property Type Code Sequence).
CID_SEGMENTATION_PROPERTY_TYPE = 7151
#: PS3.16 CID 7162 Surface Processing Algorithm Family (Algorithm Family Code Sequence, 10-19).
CID_ALGORITHM_FAMILY = 7162
#: PS3.16 CID 7202 Source Image Purpose of Reference (Purpose of Reference Code Sequence of the
#: Source Image Sequence, PS3.3 C.7.6.16.2.6).
CID_SOURCE_IMAGE_PURPOSE = 7202
#: PS3.16 CID 7203 Image Derivation (Derivation Code Sequence, PS3.3 C.7.6.16.2.6).
CID_IMAGE_DERIVATION = 7203


def _closure(cid: int) -> list[int]:
    seen: list[int] = []
    stack = [cid]
    while stack:
        current = stack.pop(0)
        if current in seen:
            continue
        seen.append(current)
        group = CONTEXT_GROUPS.get(current)
        if group is not None:
            stack.extend(group.includes)
    return seen


def group_code(cid: int, value: str) -> Code:
    """The code of value ``value`` in CID ``cid`` or a group it includes.

    Raises
    ------
    ObjectError
        When the generated tables have no such code (a different edition of PS3.16).
    """
    for current in _closure(cid):
        group = CONTEXT_GROUPS.get(current)
        if group is None:
            continue
        for c in group.codes:
            if c.value == value:
                return Code.of(c)
    raise ObjectError(f"code value {value!r} is not in CID {cid} or the groups it includes in the "
                      "generated PS3.16 tables (regenerate from the edition that has it)")


def find_code(cid: int, key: str) -> Code:
    """A member of CID ``cid`` (with its included groups) by code value or by Code Meaning (case
    and surrounding blanks ignored), e.g. ``find_code(7150, "Tissue")``.

    Raises
    ------
    ObjectError
        When no member matches, or the meaning names several different codes.
    """
    wanted = key.strip().casefold()
    found: dict[tuple[str, str], Code] = {}
    for current in _closure(cid):
        group = CONTEXT_GROUPS.get(current)
        if group is None:
            continue
        for c in group.codes:
            if c.value == key or c.meaning.casefold() == wanted:
                found.setdefault((c.scheme, c.value), Code.of(c))
    if not found:
        group = CONTEXT_GROUPS.get(cid)
        name = f" ({group.name})" if group is not None else ""
        raise ObjectError(f"{key!r} is neither a code value nor a code meaning of CID {cid}{name} "
                          "or the groups it includes (PS3.16 Annex B)")
    if len(found) > 1:
        raise ObjectError(f"{key!r} names {len(found)} codes of CID {cid}: "
                          + ", ".join(str(c) for c in found.values()) + "; give the code value")
    return next(iter(found.values()))


def in_group(code: Code, cid: int) -> bool:
    """True when ``code`` is a member of CID ``cid`` or a group it includes."""
    for current in _closure(cid):
        group = CONTEXT_GROUPS.get(current)
        if group is not None and any(c.scheme == code.scheme and c.value == code.value
                                     for c in group.codes):
            return True
    return False
