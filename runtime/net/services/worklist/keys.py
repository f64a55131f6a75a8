"""The request identifier of a Modality Worklist C-FIND (PS3.4 K.6.1.2, Table K.6-1).

Keys are given as for the Query/Retrieve SCU (:mod:`dicomkit.net.services.qr.keys`: keywords,
tags, typed values, dicts for sequence items).  A key that Table K.6-1 lists inside the
Scheduled Procedure Step Sequence (0040,0100) and not at the top level (Scheduled Station AE
Title, Scheduled Procedure Step Start Date, Modality ...) goes into its item, so that
``Modality="CT", ScheduledProcedureStepStartDate=Range(today, today)`` asks for the steps
scheduled today on CT modalities (sequence matching, PS3.4 C.2.2.2.6).

With ``defaults`` the identifier asks for the keys the SCP must support (Matching Key Type R)
and those it must return (Return Key Type 1) at the top level and in the Scheduled Procedure
Step item, with universal matching where not given (PS3.4 K.6.1.2.2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.sequence import Sequence
from dicomkit.generated import tags
from dicomkit.generated.workflow import WORKLIST_KEYS, worklist_keys_at
from dicomkit.net.services.qr.keys import UTF8_TERM, QueryKeyError, add_key, tag_of

__all__ = ["SPS", "default_keys", "step_keys", "worklist_identifier"]

#: The Scheduled Procedure Step Sequence (0040,0100): the one sequence of Table K.6-1 whose
#: item keys are matched (Matching Key Type R).
SPS = tags.ScheduledProcedureStepSequence
_TOP = frozenset(k.tag for k in worklist_keys_at(()))
#: Tags Table K.6-1 lists in the Scheduled Procedure Step item but not at the top level.
_STEP = frozenset(k.tag for k in worklist_keys_at((SPS,))) - _TOP


def step_keys() -> frozenset[int]:
    """The tags that go into the Scheduled Procedure Step item (see the module)."""
    return _STEP


def default_keys(path: tuple[int, ...]) -> tuple[int, ...]:
    """The keys asked for by default at ``path``: Matching Key Type R or Return Key Type 1,
    no sequence but the Scheduled Procedure Step Sequence."""
    return tuple(k.tag for k in WORKLIST_KEYS if k.path == path and (
        k.matching == "R" or k.returned == "1") and (
        k.tag == SPS or dictionary_vr(k.tag) != "SQ"))


def worklist_identifier(keys: Mapping[object, Any] | None = None, *,
                        return_keys: Iterable[object] = (), defaults: bool = True) -> Dataset:
    """The identifier of a Modality Worklist C-FIND (see the module).

    Raises
    ------
    QueryKeyError
        For an unknown key, or a value the key's VR cannot hold.
    """
    top: dict[int, Any] = {}
    step: dict[int, Any] = {}
    for key, value in dict(keys or {}).items():
        tag = tag_of(key)
        (step if tag in _STEP else top)[tag] = value
    for key in return_keys:
        tag = tag_of(key)
        target = step if tag in _STEP else top
        target.setdefault(tag, None)
    asked = SPS in top
    given = top.pop(SPS, None)
    if isinstance(given, Mapping):
        given = [given]
    if given not in (None, ""):
        if not isinstance(given, list) or len(given) != 1 or not isinstance(given[0], Mapping):
            raise QueryKeyError("ScheduledProcedureStepSequence takes one item of keys (a "
                                "dict): sequence matching of PS3.4 C.2.2.2.6")
        step = {**{tag_of(k): v for k, v in given[0].items()}, **step}
    if defaults:
        for tag in default_keys(()):
            top.setdefault(tag, None)
        for tag in default_keys((SPS,)):
            step.setdefault(tag, None)
    ds = Dataset()
    utf8 = False
    for tag, value in top.items():
        if tag != SPS:
            utf8 |= add_key(ds, tag, value)
    if step:
        item = Dataset()
        for tag, value in step.items():
            utf8 |= add_key(item, tag, value)
        ds.add_new(SPS, "SQ", Sequence([item]))
    elif asked or SPS in top:  # universal: a zero-length sequence (C.2.2.2.3)
        ds.add_new(SPS, "SQ", Sequence([]))
    if utf8 and tags.SpecificCharacterSet not in ds:
        ds.add_new(tags.SpecificCharacterSet, "CS", UTF8_TERM)
    return ds
