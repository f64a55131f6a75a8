"""How an SCP matches: the choices PS3.4 C.2.2.2 leaves to it or to extended negotiation.

One frozen :class:`MatchOptions` travels with every parsed query, so the pure matcher, the SQL
push-down and the response builder decide alike.  The defaults are those of the standard without
any extended negotiation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta


@dataclass(frozen=True)
class MatchOptions:
    """Matching choices of an SCP (C-FIND, QIDO-RS, worklists).

    Attributes
    ----------
    person_name_case_insensitive
        Match PN values (single value and wild card) insensitive to case (Unicode case
        folding), as PS3.4 C.2.2.2.1.1 allows an SCP to.  Default False: case-sensitive, as for
        every other VR (C.2.2.2.1, C.2.2.2.4).
    fuzzy_person_names
        Fuzzy semantic matching of PN values (negotiated; QIDO-RS ``fuzzymatching=true``,
        PS3.4 C.2.2.2.1.1).  What it does is described in :mod:`dicomkit.query.names`.
    empty_value_matching
        A key of exactly two QUOTATION MARKs asks for entities whose value is empty or absent
        (negotiated; PS3.4 C.2.2.2.7).  Without it ``""`` is an ordinary value.
    multiple_value_matching
        A key with several values asks that each of them match a value of the entity
        (negotiated; PS3.4 C.2.2.2.8).  Without it the semantics are undefined; this matcher
        then reads several values of a non-UID key as a list (any one may match).
    combined_datetime
        A DA key and its TM key (Study Date and Study Time) with the same form of range are
        matched as one DT range (negotiated; PS3.4 C.2.2.2.5.4; always on for QIDO-RS,
        PS3.18 8.3.4.1.1).
    timezone_adjustment
        Timezone Offset From UTC (0008,0201) of the query is not matched but says in which
        time zone its TM and DT values (and the DA values of a combined range) are
        (PS3.4 C.2.2.2, C.2.2.2.1.3; negotiated, and allowed "regardless" by C.2.2.2.5.4).
        When False it is matched as an ordinary key and query values are read in
        :attr:`default_timezone`.
    unknown_matches
        An entity whose value of a key is zero length (or absent) matches every value of that
        key, as PS3.4 C.2.2.1.2 says for Required Keys ("the value is considered unknown and
        all matching against the zero length Required Key shall be considered a successful
        match") and C.2.2.1.3 for matched Optional Keys.  Empty Value Matching (``""``) is the
        one kind that asks for exactly those entities.  False: a missing value matches only
        Universal and Empty Value Matching (what dcmtk and pynetdicom do).
    default_timezone
        The UTC offset of TM and DT values that state none: entity values without Timezone
        Offset From UTC (0008,0201) of their own, and query values without one.
    """

    person_name_case_insensitive: bool = False
    fuzzy_person_names: bool = False
    empty_value_matching: bool = False
    multiple_value_matching: bool = False
    combined_datetime: bool = False
    timezone_adjustment: bool = True
    unknown_matches: bool = True
    default_timezone: timedelta = timedelta(0)

    def with_(self, **changes: object) -> MatchOptions:
        """A copy with ``changes`` (field name -> value)."""
        return replace(self, **changes)  # type: ignore[arg-type]


#: The options of the standard without extended negotiation.
DEFAULT_OPTIONS = MatchOptions()
