"""Matching of PS3.4 C.2.2 for every query service: C-FIND SCP, QIDO-RS, worklists, routing.

The one place matching lives.  A query is parsed once (:func:`parse_identifier` for a C-FIND
identifier, :func:`parse_qido` for QIDO-RS parameters) into a frozen :class:`Query` whose keys
carry their matching type (:class:`~dicomkit.generated.matching.MatchingType`) and normalised
values; then either

* :func:`matches` tells whether a data set matches, and :func:`response_identifier` builds the
  response identifier of one that does (pure Python, in memory), or
* :func:`to_sql` turns what SQL can do into a WHERE clause over an index whose columns hold the
  values of :func:`stored_values` (SQLAlchemy Core; needs the ``archive`` extra; multi-valued
  attributes in the main table or one value per row of a side table), and returns the rest as a
  residual query for :func:`matches` -- with the same answers.

:func:`validate_query` checks a query against the levels of an information model (hierarchical
and relational search, PS3.4 C.4.1.2.2, C.4.1.3).  :class:`MatchOptions` holds the SCP's choices
and what was negotiated (case-insensitive and fuzzy person names, empty value, multiple value and
combined date-time matching, time zones).

What PS3.4 leaves to the SCP's Conformance Statement, and what this module does:

* PN (C.2.2.2.1.1, C.2.2.2.4): literal, case-sensitive unless
  :attr:`MatchOptions.person_name_case_insensitive`; empty trailing components and groups are
  insignificant; component groups are not matched apart (use wild cards); wild cards follow the
  same case rule; fuzzy matching as :mod:`dicomkit.query.names` describes.
* DA, TM, DT single values (C.2.2.2.1.3): by meaning, a value standing for every moment of its
  precision (``"2230"`` matches 22:30:00 to 22:30:59.999999), in UTC; Timezone Offset From UTC
  of the query and of each entity is used (C.2.2.2.5.4).
* DS and IS (C.2.2.2.1.4): as numbers (``"+7"``, ``"007"`` and ``"7"`` match).
* A Specific Character Set the SCP cannot decode (C.2.2.2): undecodable characters match any
  one character (the Note's likely behaviour).
* Several values of a key without Multiple Value Matching (C.2.2.2.8): any may match.
* A zero-length (or absent) entity value matches (C.2.2.1.2), unless
  :attr:`MatchOptions.unknown_matches` is off.
* A TM range crossing midnight is refused (C.2.2.2.5.2), except inside a combined date-time
  range, where it is the night between the dates.

Layer: above core (data sets, values, character sets), below archive, net and web.
"""

from typing import TYPE_CHECKING

from dicomkit.generated.matching import MatchingType
from dicomkit.query.errors import QueryError, QueryKeyError, QueryLevelError, QueryValueError
from dicomkit.query.levels import (
    InformationModel,
    Level,
    Validation,
    allowed_keys,
    information_model,
    validate_query,
)
from dicomkit.query.match import matches, response_identifier
from dicomkit.query.model import Key, Query
from dicomkit.query.options import DEFAULT_OPTIONS, MatchOptions
from dicomkit.query.parse import parse_identifier, parse_qido
from dicomkit.query.storage import StoredValues, stored_values

if TYPE_CHECKING:
    from dicomkit.query.sql import to_sql

__all__ = [
    "DEFAULT_OPTIONS",
    "InformationModel",
    "Key",
    "Level",
    "MatchOptions",
    "MatchingType",
    "Query",
    "QueryError",
    "QueryKeyError",
    "QueryLevelError",
    "QueryValueError",
    "StoredValues",
    "Validation",
    "allowed_keys",
    "information_model",
    "matches",
    "parse_identifier",
    "parse_qido",
    "response_identifier",
    "stored_values",
    "to_sql",
    "validate_query",
]


def __getattr__(name: str) -> object:
    # to_sql needs SQLAlchemy (the 'archive' extra): imported when first asked for
    if name == "to_sql":
        from dicomkit.query.sql import to_sql

        return to_sql
    raise AttributeError(f"module 'dicomkit.query' has no attribute {name!r}")
