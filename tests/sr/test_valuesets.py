"""Context group membership (PS3.16 Annex B) following included groups."""

from __future__ import annotations

from dicomkit.generated.context_groups import CONTEXT_GROUPS, MISSING
from dicomkit.sr.code import Code
from dicomkit.sr.valuesets import (
    context_group_codes,
    in_context_group,
    is_enumerated,
    is_extensible,
    is_known,
    is_missing,
)


def test_own_rows_are_members() -> None:
    group = CONTEXT_GROUPS[270]
    assert context_group_codes(270) == {(c.scheme, c.value) for c in group.codes}
    first = group.codes[0]
    assert in_context_group(Code(first.value, first.scheme, "any meaning"), 270)
    assert not in_context_group(Code("999", "99TEST", "x"), 270)


def test_included_groups_are_followed() -> None:
    cid, group = next((c, g) for c, g in CONTEXT_GROUPS.items()
                      if g.includes and any(CONTEXT_GROUPS.get(i) and CONTEXT_GROUPS[i].codes
                                            for i in g.includes))
    inc = next(i for i in group.includes if CONTEXT_GROUPS.get(i) and CONTEXT_GROUPS[i].codes)
    member = CONTEXT_GROUPS[inc].codes[0]
    assert (member.scheme, member.value) in context_group_codes(cid)
    assert context_group_codes(inc) <= context_group_codes(cid)


def test_missing_cid_is_unknown_not_failing() -> None:
    assert "CID 7480" in MISSING and is_missing(7480)
    assert not is_known(7480)
    assert context_group_codes(7480) == frozenset()
    assert is_extensible(7480)
    assert not in_context_group(Code("1", "DCM", "x"), 7480)


def test_extensibility_and_enumeration_come_from_the_tables() -> None:
    assert is_extensible(270) is CONTEXT_GROUPS[270].extensible
    assert is_enumerated(270)
    assert not is_enumerated(5000) or CONTEXT_GROUPS[5000].codes  # CID 5000 points to RFC 5646
