"""Python names for the values the standard lists in words, by one rule and one override table.

The rule (:func:`member_names`), applied to the meanings of one coded field (or to the rows of
one list, such as the events of PS3.8 Table 9-10):

1. Words that begin every meaning are dropped, when there are two meanings or more and each
   keeps a word: ``"DICOM UL service-user"``, ``"DICOM UL service-provider (ACSE related
   function)"`` -> ``"service-user"``, ``"service-provider (ACSE related function)"``.
2. A parenthetical remark is dropped (``"no-reason (provider rejection)"`` -> ``"no-reason"``),
   unless two meanings would then get the same name: then each of those keeps the first word of
   its parenthetical (``"service-provider (ACSE related function)"`` -> ``"service-provider
   ACSE"``; ``"A-ASSOCIATE response primitive (accept)"`` -> ``"... primitive accept"``).
3. Every run of characters other than ASCII letters and digits becomes one ``_``, and the
   result is upper-cased: ``"calling-AE-title-not-recognized"`` ->
   ``CALLING_AE_TITLE_NOT_RECOGNIZED``, ``"service-provider ACSE"`` -> ``SERVICE_PROVIDER_ACSE``.
4. Where the text gives no good identifier, :data:`NAMES` says the name instead.  Each entry is
   written for one text: when an edition words that value differently, generation stops
   (:class:`NameError_`) instead of renaming silently, and so it does when an entry names a
   value the edition does not list, or when two values end up with one name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from dicomkit.codegen.errors import CodegenError

_PAREN = re.compile(r"\s*\(([^)]*)\)")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")

K = TypeVar("K", int, str)


class NameError_(CodegenError):  # noqa: N801 - NameError is a builtin
    """A name could not be given by the rule and the override table."""


@dataclass(frozen=True)
class Name:
    """One override: in enumeration ``owner``, value ``key`` written ``text`` is ``name``.

    Attributes
    ----------
    owner
        The enumeration (``"UserIdentityType"``, ``"Event"``).
    key
        The value named (a code such as ``1``, or an event name such as ``"Evt2"``).
    text
        The standard's text the override was written for, exactly.
    name
        The member name used instead of the rule's.
    reason
        Why the rule's name is not good enough.
    """

    owner: str
    key: int | str
    text: str
    name: str
    reason: str


#: Every override of the rule, in one table.  Keep it sorted by owner and key.
NAMES: tuple[Name, ...] = (
    Name("Event", "Evt2", "Transport Conn. Confirm^n (local transport service)",
         "TRANSPORT_CONNECT_CONFIRM",
         "PS3.8 Table 9-10 abbreviates 'Transport Connect Confirmation' as 'Transport Conn. "
         "Confirm^n' (the ^n of the printed superscript), which the rule makes "
         "TRANSPORT_CONN_CONFIRM_N"),
    Name("UpsStatus", 0xB304, "UPS is already in the requested state of CANCELED",
         "ALREADY_CANCELED", "PS3.4 CC.2.1-2 words the state the UPS is in as a sentence; the "
         "rule would give UPS_IS_ALREADY_IN_THE_REQUESTED_STATE_OF_CANCELED"),
    Name("UpsStatus", 0xB306, "UPS is already in the requested state of COMPLETED",
         "ALREADY_COMPLETED", "as for B304H"),
    Name("UpsStatus", 0xC303,
         "UPS may only become SCHEDULED via N-CREATE, not N-SET or N-ACTION",
         "MAY_ONLY_BECOME_SCHEDULED_VIA_N_CREATE", "PS3.4 CC.2.1-2: the rule's name repeats "
         "the alternatives ('_NOT_N_SET_OR_N_ACTION')"),
    Name("UpsStatus", 0xC304,
         "UPS has not met final state requirements for the requested state change",
         "FINAL_STATE_REQUIREMENTS_NOT_MET", "PS3.4 CC.2.1-2: the rule would give a 12-word "
         "name"),
    Name("UpsStatus", 0xC307,
         "Specified SOP Instance UID does not exist or is not a UPS Instance managed by this "
         "SCP", "NO_SUCH_UPS", "PS3.4 CC.2.1-2: the rule would give a 17-word name"),
    Name("UpsSubscriptionEvent", 0,
         'A UPS is Created when the AE Global Subscription State is "No Global Subscription"',
         "UPS_CREATED_WITHOUT_GLOBAL_SUBSCRIPTION", "PS3.4 Table CC.2.3-2 words the event as "
         "a sentence; the rule would give a 15-word name"),
    Name("UpsSubscriptionEvent", 1,
         'A UPS is Created when the AE Global Subscription State is "Global Subscription with '
         'Lock"', "UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITH_LOCK", "as for row 0"),
    Name("UpsSubscriptionEvent", 2,
         'A UPS is Created when the AE Global Subscription State is "Global Subscription w/o '
         'Lock"', "UPS_CREATED_WITH_GLOBAL_SUBSCRIPTION_WITHOUT_LOCK", "as for row 0"),
    Name("UserIdentityType", 1, "Username as a string in UTF-8", "USERNAME",
         "PS3.7 Table D.3-14 describes the encoding of the identity ('as a string in UTF-8'); "
         "the rule would give USERNAME_AS_A_STRING_IN_UTF_8"),
    Name("UserIdentityType", 2, "Username as a string in UTF-8 and passcode",
         "USERNAME_AND_PASSCODE",
         "as for type 1: the rule would give USERNAME_AS_A_STRING_IN_UTF_8_AND_PASSCODE"),
)


def identifier(text: str) -> str:
    """Rule 3: ``"calling-AE-title-not-recognized"`` -> ``"CALLING_AE_TITLE_NOT_RECOGNIZED"``."""
    return _NON_ALNUM.sub("_", text).strip("_").upper()


def _common_words(texts: list[str]) -> int:
    """How many leading words every text shares, leaving each at least one word."""
    words = [t.split() for t in texts]
    n = 0
    while all(len(w) > n + 1 for w in words) and len({w[n] for w in words}) == 1:
        n += 1
    return n


def member_names(owner: str, meanings: Mapping[K, str],
                 names: tuple[Name, ...] = NAMES) -> dict[K, str]:
    """Member names of the values of ``owner``: rules 1 to 4 of this module.

    Parameters
    ----------
    owner
        The enumeration being named (selects the entries of ``names``).
    meanings
        Value -> the standard's text for it.
    names
        The override table (:data:`NAMES`; tests pass others).

    Raises
    ------
    NameError_
        When an override's text is not the edition's, an override names a value not listed,
        two values get one name, or a name is not an identifier.
    """
    keys = list(meanings)
    texts = [meanings[k] for k in keys]
    drop = _common_words(texts) if len(texts) > 1 else 0
    stripped = [" ".join(t.split()[drop:]) for t in texts]
    plain = [identifier(_PAREN.sub("", t)) for t in stripped]
    out: dict[K, str] = {}
    for k, text, name in zip(keys, stripped, plain, strict=True):
        if plain.count(name) > 1:
            m = _PAREN.search(text)
            if m is not None and m.group(1).split():
                name = identifier(_PAREN.sub("", text) + " " + m.group(1).split()[0])
        out[k] = name
    for entry in names:
        if entry.owner != owner:
            continue
        ekey: Any = entry.key
        if ekey not in meanings:
            raise NameError_(f"{owner}: the naming override for value {entry.key!r} "
                             f"({entry.name}) names a value this edition does not list; "
                             f"update codegen/names.py")
        actual = meanings[ekey]
        if actual != entry.text:
            raise NameError_(f"{owner}: value {entry.key!r} reads {actual!r}, the naming "
                             f"override {entry.name} was written for {entry.text!r}; check "
                             f"the new text and update codegen/names.py")
        out[ekey] = entry.name
    seen: dict[str, K] = {}
    for key, name in out.items():
        if not name.isidentifier() or name[0].isdigit():
            raise NameError_(f"{owner}: value {key!r} ({meanings[key]!r}) gives no "
                             f"identifier ({name!r}); add an override to codegen/names.py")
        if name in seen:
            raise NameError_(f"{owner}: values {seen[name]!r} and {key!r} are both named "
                             f"{name}; add an override to codegen/names.py")
        seen[name] = key
    return out
