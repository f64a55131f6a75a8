"""Errors of the query layer: a query that cannot be read, or that the rules do not allow.

Every error names the key (its tag path, e.g. ``(0008,1110)[0].(0008,1150)``), the rule of PS3.4
it breaks (``"C.2.2.2.5.1"``) and the value at fault, so that an SCP can answer with a useful
Error Comment (0000,0902) and a user can fix the query.
"""

from __future__ import annotations

from dicomkit.errors import DicomError


class QueryError(DicomError):
    """A query that cannot be parsed or is not allowed.

    Attributes
    ----------
    tag_path
        The path of the key concerned, ``""`` for the query as a whole.
    rule
        The section of PS3.4 (or PS3.18) whose rule the query breaks, ``""`` if none applies.
    value
        The value at fault as it was given, ``""`` if none.
    """

    def __init__(self, message: str, *, tag_path: str = "", rule: str = "",
                 value: str = "") -> None:
        self.tag_path = tag_path
        self.rule = rule
        self.value = value
        self.reason = message
        where = f"{tag_path}: " if tag_path else ""
        cited = f" (PS3.4 {rule})" if rule and not rule.startswith("PS3.") else (
            f" ({rule})" if rule else "")
        super().__init__(f"{where}{message}{cited}")


class QueryKeyError(QueryError):
    """A key that names no attribute (unknown keyword or malformed tag), or is given twice."""


class QueryValueError(QueryError):
    """A key value that its matching type does not allow (a range that is not one, a date that
    is not a date, a sequence key with two items, wild cards in multiple value matching)."""


class QueryLevelError(QueryError):
    """A query the hierarchical or relational search of PS3.4 C.4.1.2 / C.4.1.3 does not allow
    at its level: a missing unique key, a key of another level, an unknown level."""
