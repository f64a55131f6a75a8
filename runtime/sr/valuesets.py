"""Context group membership (PS3.16 Annex B) with included groups followed.

A context group may include other groups ("Include CID nnnn" rows, PS3.16 7.2.1); membership of a
code is membership of the closure.  Groups the source lacks (``context_groups.MISSING``) are unknown:
:func:`is_known` says so, and validators report them instead of failing.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from dicomkit.generated.context_groups import CONTEXT_GROUPS, MISSING


class _CodeLike(Protocol):
    @property
    def scheme(self) -> str: ...

    @property
    def value(self) -> str: ...


@cache
def context_group_codes(cid: int) -> frozenset[tuple[str, str]]:
    """Return ``(scheme, value)`` pairs of CID *cid* and every group it includes (cycles guarded).

    Unknown CIDs (absent from the source, PS3.16 Annex B) give an empty set; see :func:`is_known`.
    """
    seen: set[int] = set()
    out: set[tuple[str, str]] = set()
    stack = [cid]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        group = CONTEXT_GROUPS.get(current)
        if group is None:
            continue
        out.update((c.scheme, c.value) for c in group.codes)
        stack.extend(group.includes)
    return frozenset(out)


def is_known(cid: int) -> bool:
    """True when CID *cid* is in the generated tables (False for ``MISSING`` and unknown CIDs)."""
    return cid in CONTEXT_GROUPS


def is_enumerated(cid: int) -> bool:
    """True when CID *cid* lists its members; some groups only point to an external scheme
    (CID 5000 Languages: RFC 5646 tags), so membership cannot be checked from the tables."""
    return bool(context_group_codes(cid))


def is_missing(cid: int) -> bool:
    """True when the source of the generated tables lacks CID *cid* (``context_groups.MISSING``)."""
    return f"CID {cid}" in MISSING


def is_extensible(cid: int) -> bool:
    """True when CID *cid* is extensible (PS3.16 7.2.2); unknown groups count as extensible."""
    group = CONTEXT_GROUPS.get(cid)
    return True if group is None else group.extensible


def in_context_group(code: _CodeLike, cid: int) -> bool:
    """True when *code* (anything with ``scheme`` and ``value``) is a member of CID *cid*."""
    return (code.scheme, code.value) in context_group_codes(cid)
