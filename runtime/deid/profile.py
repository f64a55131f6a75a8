"""Which action of PS3.15 Table E.1-1 applies to an element, for a profile and its options.

The rows and actions are :mod:`dicomkit.generated.deid` (Table E.1-1, E.1-1a of PS3.15
2026c).  "A requirement for an Option, when implemented, overrides any requirement for the
underlying Profile" (PS3.15 E.1.1): an applied option with an action in the row decides.  Where
two applied options give different actions (only K and C occur in 2026c: Retain Device
Identity keeps a calibration date that Retain Longitudinal Temporal Information Modified
Dates cleans), clean wins: the option that cleans asks for the value to be changed, and
cleaning satisfies the retaining option's intent without keeping the original value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dicomkit.deid.errors import OptionError
from dicomkit.generated.deid import Action, ContentItem, Option, ProfileRow

__all__ = ["BASIC", "Profile", "option_named"]

#: The Basic Application Level Confidentiality Profile (its CID 7050 code, DCM 113100).
BASIC = Option.BASIC_APPLICATION_CONFIDENTIALITY

_FULL = Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_FULL_DATES
_MODIFIED = Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED_DATES
#: every option is implemented: the columns of Table E.1-1, Clean Pixel Data (E.3.1) by known
#: regions and Clean Recognizable Visual Features (E.3.2) by a cleaner or regions the caller
#: gives (dicomkit.deid.pixels)


def _words(name: str) -> list[str]:
    return [w for w in name.replace("-", "_").lower().split("_") if w]


def _abbreviates(short: str, word: str) -> bool:
    if not short or short[0] != word[0]:
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def _matches(given: list[str], words: list[str]) -> bool:
    if not given:
        return True
    return any(_abbreviates(given[0], words[k]) and _matches(given[1:], words[k + 1:])
               for k in range(len(words)))


def option_named(name: str) -> Option:
    """The option a user names: its enumeration name in any case, with ``-`` or ``_``
    (``retain-longitudinal-temporal-information-modified-dates``), its code value
    (``113110``), or words that abbreviate it unambiguously, in order (``retain-uids``,
    ``retain-modified-dates``, ``clean-desc``).

    Raises
    ------
    OptionError
        When no option, or more than one, fits.
    """
    for option in Option:
        if name == option.value or _words(name) == _words(option.name):
            return option
    given = _words(name)
    found = [o for o in Option if _matches(given, _words(o.name))]
    if len(found) != 1:
        known = ", ".join(o.name.lower().replace("_", "-") for o in Option if o is not BASIC)
        what = "fits no option" if not found else \
            f"fits {', '.join(o.name for o in found)}"
        raise OptionError(f"option {name!r} {what}; the options are: {known}")
    return found[0]


@dataclass(frozen=True)
class Profile:
    """The Basic Profile with a set of its options (PS3.15 E.2, E.3).

    Raises
    ------
    OptionError
        For both Retain Longitudinal Temporal Information Options (mutually exclusive, PS3.15 E.3.6).
    """

    options: frozenset[Option] = frozenset()

    def __post_init__(self) -> None:
        opts = frozenset(self.options) - {BASIC}
        object.__setattr__(self, "options", opts)
        if {_FULL, _MODIFIED} <= opts:
            raise OptionError("the Retain Longitudinal Temporal Information Full Dates and "
                              "Modified Dates Options are mutually exclusive (PS3.15 E.3.6); "
                              "choose one")

    @classmethod
    def of(cls, names: Iterable[str | Option] = ()) -> Profile:
        """A profile from option names (see :func:`option_named`) or options."""
        return cls(frozenset(n if isinstance(n, Option) else option_named(n) for n in names))

    def has(self, option: Option) -> bool:
        """True when ``option`` is applied."""
        return option in self.options

    @property
    def methods(self) -> tuple[Option, ...]:
        """The Basic Profile then the applied options, in CID 7050 order: the codes of
        De-identification Method Code Sequence (0012,0064), PS3.15 E.1.1."""
        return (BASIC, *(o for o in Option if o in self.options))

    def action(self, row: ProfileRow | ContentItem) -> tuple[Action, Option]:
        """The action of a row of Table E.1-1 (or E.3.4-1) under this profile, and the option
        (or BASIC) it comes from."""
        chosen: tuple[Action, Option] | None = None
        for option, action in row.options:
            if option in self.options:
                if chosen is None or (action is Action.CLEAN and chosen[0] is not Action.CLEAN):
                    chosen = (action, option)
        return chosen if chosen is not None else (row.basic, BASIC)
