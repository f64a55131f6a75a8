"""Model of the attribute matching rules of PS3.4 C.2.2.2 (Query/Retrieve Service Class).

What is read, and from where (see :mod:`dicomkit.codegen.readers.part04_matching`): the types
of matching C.2.2.2 lists, each with the section defining it, and the value representations
each section names ("If the Attribute is of VR of AE, CS, LO, ... and the value ... contains
any occurrence of an "*" or a "?"" in C.2.2.2.4 Wild Card Matching).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchingType:
    """One type of matching of PS3.4 C.2.2.2.

    Attributes
    ----------
    name
        The member name (``"WILD_CARD"``): the title without "Matching", by the rule of
        :mod:`dicomkit.codegen.names`.
    title
        The title as C.2.2.2 lists it (``"Wild Card Matching"``).
    section
        The label of the section defining it (``"C.2.2.2.4"``).
    """

    name: str
    title: str
    section: str


@dataclass(frozen=True)
class VrRule:
    """A set of VRs a matching section names for one rule.

    Attributes
    ----------
    name
        The constant's name (``"WILD_CARD_VRS"``).
    section
        The section whose text names them (``"C.2.2.2.4"``).
    vrs
        The VR codes, sorted.
    what
        One line saying what the VRs are for (the comment of the constant).
    """

    name: str
    section: str
    vrs: tuple[str, ...]
    what: str
