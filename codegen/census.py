"""Census of the conditions left as prose: facts outside the data set, by named category.

A condition of PS3.3 that :func:`dicomkit.codegen.conditions.parse_condition` could not read is
one of two things: (a) a fact of the data set in a form the grammar does not read yet, or (b) a
fact that no data set can show: how the instance came about or what its creator intended
("a Performed Procedure Step SOP Class was involved in the creation of this Series",
"time synchronization was applied", "created in response to a Frame-Level retrieve request").
:func:`outside_category` names the category (b) a condition text belongs to, by the explicit
phrases of :data:`CATEGORIES`; when no phrase matches it returns "" and the condition counts as
(a): a condition is never classified on a guess.  The runtime never reads the prose: the
category is the generator's, reported by ``dicomkit codegen stats`` (the share of the
conditions that are decidable from a data set).
"""

from __future__ import annotations

import re

__all__ = ["CATEGORIES", "outside_category"]

CATEGORIES: dict[str, tuple[str, ...]] = {
    # the values of other instances (enhanced multi-frame conversion, PS3.3 C.7.6.16, A.70)
    "contributing-instances": (
        r"\bin the contributing SOP Instances\b",
        r"\bin any of the Classic Images that were converted\b",
    ),
    # how the instance or series was created (workflow, retrieval, derivation history)
    "creation-history": (
        r"\bPerformed Procedure Step SOP Class was involved\b",
        r"\bcreated in response to a Frame-Level retrieve request\b",
        r"\bhas been derived from another SOP Instance\b",
        r"\bhas been planned on another image\b",
    ),
    # what was done during acquisition and that no attribute records
    "acquisition-circumstance": (
        r"\bsynchronization was (?:applied|used)\b",
        r"\bsystem time is synchronized to an external reference\b",
        r"\bcontrast media (?:was|were) (?:used|applied)\b",
        r"\bcontrast was administered\b",
        r"\btherapeutic radiation was applied\b",
    ),
    # what the creator of a presentation state intends for the referenced images
    "presentation-intent": (
        r"\b(?:is|are) to be applied to referenced image",
    ),
    # what the equipment is able to do
    "equipment-capability": (
        r"\bsystem is (?:capable of|able to)\b",
    ),
}
"""Category -> the phrases (regular expressions, case-sensitive except the first letter) that
put a condition in it."""

_COMPILED = {name: tuple(re.compile(p) for p in phrases) for name, phrases in CATEGORIES.items()}


def outside_category(text: str) -> str:
    """The category of :data:`CATEGORIES` whose phrase ``text`` holds, "" when none does.

    >>> outside_category("C - Required if time synchronization was applied.")
    'acquisition-circumstance'
    >>> outside_category("Required if the right eye is measured.")
    ''
    """
    text = re.sub(r"\s+", " ", text)
    for name, phrases in _COMPILED.items():
        if any(p.search(text) for p in phrases):
            return name
    return ""
