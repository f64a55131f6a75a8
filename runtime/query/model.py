"""The parsed query: one frozen :class:`Key` per key attribute, and the :class:`Query`.

A key knows its tag, VR, matching type (:class:`~dicomkit.generated.matching.MatchingType`, the
types of PS3.4 C.2.2.2) and its values already in the normal form of :mod:`dicomkit.query.normal`
and :mod:`dicomkit.query.temporal`, so that matching is comparison of texts, in Python
(:mod:`dicomkit.query.match`) as in SQL (:mod:`dicomkit.query.sql`).  Build queries with
:func:`dicomkit.query.parse.parse_identifier` (C-FIND) or
:func:`dicomkit.query.parse.parse_qido` (QIDO-RS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta

from dicomkit.core.tag import Tag
from dicomkit.generated.matching import MatchingType
from dicomkit.query.options import DEFAULT_OPTIONS, MatchOptions

#: One closed interval of normal forms; None is an open end.
Interval = tuple[str | None, str | None]


def tag_text(tag: int) -> str:
    """``(gggg,eeee)``."""
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


@dataclass(frozen=True)
class Key:
    """One key attribute of a query.

    Attributes
    ----------
    tag
        The attribute's tag.
    vr
        Its VR (from the identifier, else the data dictionary).
    kind
        The type of matching (PS3.4 C.2.2.2).
    text
        The value as given, values joined by ``\\`` (``""`` for Universal Matching).
    values
        Normal forms: the one value of Single Value Matching (several: any may match), the UIDs
        of List of UID Matching, the values of Multiple Value Matching (all must match), the
        patterns of Wild Card Matching (folded when :attr:`folded`).  Empty for DA, TM and DT,
        whose values are :attr:`ranges`.
    ranges
        For DA, TM and DT keys of Single Value and Range Matching: the moments that match, as
        intervals of normal forms (inclusive; any may match; a TM range that crosses midnight
        once moved to UTC is two).  For a combined date-time key, DT normal forms.
    items
        Sequence Matching: the item keys (a query of their own).
    folded
        PN compared after case folding (:attr:`MatchOptions.person_name_case_insensitive`).
    fuzzy
        PN matched by fuzzy semantic matching (:mod:`dicomkit.query.names`).
    partner
        For a DA key matched together with its TM key as one date-time range (PS3.4
        C.2.2.2.5.4): the TM key's tag.
    matched
        False for a key that is returned but not matched: the TM key of a combined range, or a
        key the SCP does not support matching on (:meth:`Query.returning_only`).
    path
        The tag path of the key, for messages (``(0008,1110)[0].(0008,1150)``).
    """

    tag: int
    vr: str
    kind: MatchingType
    text: str = ""
    values: tuple[str, ...] = ()
    ranges: tuple[Interval, ...] = ()
    items: Query | None = None
    folded: bool = False
    fuzzy: bool = False
    partner: int | None = None
    matched: bool = True
    path: str = ""

    @property
    def keyword(self) -> str:
        """The keyword of the tag, ``""`` when the dictionary has none."""
        return Tag(self.tag).keyword

    @property
    def is_universal(self) -> bool:
        """True when every entity matches this key (Universal Matching, or not matched)."""
        return not self.matched or self.kind is MatchingType.UNIVERSAL

    def __str__(self) -> str:
        return f"{self.path or tag_text(self.tag)} {self.vr} {self.kind.name} {self.text!r}"


@dataclass(frozen=True)
class Query:
    """A parsed query identifier.

    Attributes
    ----------
    keys
        The key attributes, in tag order (every key is also a return key, PS3.4 C.4.1.1.3.2).
    level
        Query/Retrieve Level (0008,0052), ``""`` when absent (QIDO-RS, sequence items).
    character_set
        The values of Specific Character Set (0008,0005) of the identifier (never matched,
        PS3.4 C.2.2.2).
    timezone
        Timezone Offset From UTC (0008,0201) of the identifier, when it is used to read the
        query's times (:attr:`MatchOptions.timezone_adjustment`); else None.
    view
        Query/Retrieve View (0008,0053), ``""`` when absent (PS3.4 C.4.1.2.2.2).
    options
        How this query is matched.
    """

    keys: tuple[Key, ...] = ()
    level: str = ""
    character_set: tuple[str, ...] = ()
    timezone: timedelta | None = None
    view: str = ""
    options: MatchOptions = DEFAULT_OPTIONS
    _by_tag: dict[int, Key] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_tag.update((k.tag, k) for k in self.keys)

    def __iter__(self) -> Iterator[Key]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, tag: object) -> bool:
        return tag in self._by_tag

    def key(self, tag: int) -> Key | None:
        """The key of ``tag``, or None."""
        return self._by_tag.get(tag)

    @property
    def tags(self) -> tuple[int, ...]:
        """The tags of the keys, in order."""
        return tuple(k.tag for k in self.keys)

    @property
    def matching_keys(self) -> tuple[Key, ...]:
        """The keys that select entities (not universal, matched)."""
        return tuple(k for k in self.keys if not k.is_universal)

    @property
    def is_universal(self) -> bool:
        """True when every entity matches the query."""
        return not self.matching_keys

    def where(self, keep: Callable[[Key], bool]) -> Query:
        """The same query with only the keys ``keep`` accepts."""
        keys = tuple(k for k in self.keys if keep(k))
        return replace(self, keys=keys)

    def without(self, tags: Iterable[int]) -> Query:
        """The same query without the keys of ``tags``."""
        drop = set(tags)
        return self.where(lambda k: k.tag not in drop)

    def returning_only(self, tags: Iterable[int]) -> Query:
        """The same query with the keys of ``tags`` returned but not matched: what an SCP does
        with an Optional Key it supports for existence but not for matching (PS3.4
        C.2.2.1.3)."""
        chosen = set(tags)
        keys = tuple(replace(k, matched=False) if k.tag in chosen else k for k in self.keys)
        return replace(self, keys=keys)

    def __str__(self) -> str:
        head = f"Query level={self.level or '-'}"
        return "\n".join([head, *(f"  {k}" for k in self.keys)])
