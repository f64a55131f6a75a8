"""Levels of a query/retrieve information model, and the checks of hierarchical and relational
queries (PS3.4 C.4.1.2.1, C.4.1.2.2.1, C.4.1.3.1.1, C.4.1.3.2.1).

An :class:`InformationModel` is its levels from the top (``PATIENT``, ``STUDY``, ``SERIES``,
``IMAGE``), each with its Unique Key and its Required and Optional Keys (PS3.4 C.2.2.1).  The
models of the standard come from the key tables of PS3.4 C.6 generated into
``dicomkit.generated.query_keys`` (:func:`information_model`, the one function that reads them);
any other model (a worklist, a private one) is built directly.

:func:`validate_query` says what a query may not do at its level:

* its level must be one of the model (C.4.1.1.3.1);
* the Unique Key of its level must be present, with Single Value, Universal or List of UID
  Matching (C.4.1.2.1; relational queries may also use Wild Card Matching, C.4.1.3.2.1);
* hierarchical (baseline) queries must give a single value of the Unique Key of every level
  above, and no other key of those levels (C.4.1.2.1); relational queries may give any key of any
  level down to theirs (C.4.1.2.2.1);
* no key of a level below its own;
* a retrieval (C-MOVE, C-GET: ``retrieve=True``) gives Unique Keys only (C.2.2.1, C.4.2.2.1).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dicomkit.generated import tags
from dicomkit.generated.matching import MatchingType
from dicomkit.query.errors import QueryLevelError
from dicomkit.query.model import Key, Query, tag_text

_UNIQUE_KINDS = frozenset({MatchingType.SINGLE_VALUE, MatchingType.UNIVERSAL,
                           MatchingType.LIST_OF_UID})
_RELATIONAL_UNIQUE_KINDS = _UNIQUE_KINDS | {MatchingType.WILD_CARD}
_GENERATED_KEYS = "dicomkit.generated.query_keys"


@dataclass(frozen=True)
class Level:
    """One level of an information model (PS3.4 C.2.2.1, C.6).

    Attributes
    ----------
    name
        The value of Query/Retrieve Level (0008,0052) for it (``"STUDY"``).
    unique
        The tag of its Unique Key (C.2.2.1.1).
    required
        The tags of its Required Keys (C.2.2.1.2).
    optional
        The tags of its Optional Keys (C.2.2.1.3).
    return_only
        Keys the level returns but does not match on (a table's Return Key without a Matching
        Key type, as in the worklist models).
    """

    name: str
    unique: int
    required: frozenset[int] = frozenset()
    optional: frozenset[int] = frozenset()
    return_only: frozenset[int] = frozenset()

    @property
    def keys(self) -> frozenset[int]:
        """Every key of the level."""
        return frozenset({self.unique}) | self.required | self.optional | self.return_only


@dataclass(frozen=True)
class InformationModel:
    """A query/retrieve information model: its levels, top first."""

    name: str
    levels: tuple[Level, ...]

    def index(self, level: str) -> int:
        """The position of ``level`` from the top.

        Raises
        ------
        QueryLevelError
            When the model has no such level.
        """
        for i, lv in enumerate(self.levels):
            if lv.name == level:
                return i
        names = ", ".join(lv.name for lv in self.levels)
        raise QueryLevelError(f"{self.name} has no level {level!r} (levels: {names})",
                              tag_path=tag_text(tags.QueryRetrieveLevel), rule="C.4.1.1.3.1",
                              value=level)

    def level(self, level: str) -> Level:
        """The level named ``level`` (see :meth:`index`)."""
        return self.levels[self.index(level)]

    def level_of(self, tag: int) -> Level | None:
        """The (top-most) level that has ``tag`` as a key, or None."""
        for lv in self.levels:
            if tag in lv.keys:
                return lv
        return None


@dataclass(frozen=True)
class Validation:
    """What :func:`validate_query` found that a query may do but an SCP should know.

    Attributes
    ----------
    level
        The query's level.
    unsupported
        Keys no level down to the query's lists: an SCP ignores them or answers FF01 (PS3.4
        C.2.2.1.3, Table C.4-1).
    return_only
        Keys given with a value that their level returns but does not match on: to be treated
        as universal (:meth:`~dicomkit.query.model.Query.returning_only`, C.2.2.1.3).
    """

    level: Level
    unsupported: tuple[int, ...] = ()
    return_only: tuple[int, ...] = ()


def allowed_keys(model: InformationModel, level: str, *,
                 relational: bool = False) -> dict[str, frozenset[int]]:
    """Which keys a query at ``level`` may give, level by level (top first).

    Hierarchical (baseline) queries: the Unique Key of each level above, every key of their own
    level (PS3.4 C.4.1.2.1); relational queries: every key of every level down to theirs
    (C.4.1.2.2.1).  No level below ``level`` is listed.

    Raises
    ------
    QueryLevelError
        When the model has no such level.
    """
    depth = model.index(level)
    out: dict[str, frozenset[int]] = {}
    for lv in model.levels[:depth]:
        out[lv.name] = lv.keys if relational else frozenset({lv.unique})
    out[model.levels[depth].name] = model.levels[depth].keys
    return out


def _kind_names(kinds: frozenset[MatchingType]) -> str:
    return ", ".join(sorted(k.title for k in kinds))


def validate_query(query: Query, model: InformationModel, *,
                   relational: bool = False, retrieve: bool = False) -> Validation:
    """Check ``query`` against the levels of ``model`` (see the module docstring).

    Parameters
    ----------
    relational
        True when relational queries (or retrievals) were negotiated (PS3.4 C.4.1.2.2.1); else
        the hierarchical (baseline) rules apply.
    retrieve
        True for the identifier of a C-MOVE or C-GET request: it holds Unique Keys only
        (C.2.2.1.1-3): one value of the Unique Key of the level (a list of UIDs allowed), a
        single value of each level above (unless relational, C.4.2.2.1, C.4.3.2.1); other keys
        are reported in :attr:`Validation.unsupported`, to be ignored.

    Raises
    ------
    QueryLevelError
        Naming the key and the rule it breaks.
    """
    if retrieve:
        return _validate_retrieve(query, model, relational)
    if not query.level:
        raise QueryLevelError("the identifier has no Query/Retrieve Level (0008,0052)",
                              tag_path=tag_text(tags.QueryRetrieveLevel), rule="C.4.1.1.3.1")
    depth = model.index(query.level)
    level = model.levels[depth]
    unique = query.key(level.unique)
    if unique is None:
        raise QueryLevelError(f"the Unique Key {tag_text(level.unique)} of level {level.name} "
                              "is missing", tag_path=tag_text(level.unique),
                              rule="C.4.1.3.2.1" if relational else "C.4.1.2.1")
    allowed = _RELATIONAL_UNIQUE_KINDS if relational else _UNIQUE_KINDS
    if unique.kind not in allowed:
        raise QueryLevelError(f"the Unique Key of level {level.name} may use only "
                              f"{_kind_names(allowed)}, not {unique.kind.title}",
                              tag_path=unique.path, value=unique.text,
                              rule="C.4.1.3.2.1" if relational else "C.4.1.2.1")
    above = model.levels[:depth]
    below = model.levels[depth + 1:]
    seen: set[int] = set()
    unsupported: list[int] = []
    return_only: list[int] = []
    for key in query.keys:
        tag = key.tag
        seen.add(tag)
        if tag in level.keys:
            if tag in level.return_only and not key.is_universal:
                return_only.append(tag)
            continue
        upper = next((lv for lv in above if tag in lv.keys), None)
        if upper is not None:
            if relational:
                if tag in upper.return_only and not key.is_universal:
                    return_only.append(tag)
                continue
            _check_upper(key, upper)
            continue
        lower = next((lv for lv in below if tag in lv.keys), None)
        if lower is not None:
            raise QueryLevelError(f"{key.keyword or 'the key'} is a key of level {lower.name}, "
                                  f"below the query's level {level.name}", tag_path=key.path,
                                  rule="C.4.1.3.1.1", value=key.text)
        unsupported.append(tag)
    if not relational:
        for lv in above:
            if lv.unique not in seen:
                raise QueryLevelError(f"a hierarchical query at level {level.name} needs the "
                                      f"Unique Key {tag_text(lv.unique)} of level {lv.name} "
                                      "with a single value", tag_path=tag_text(lv.unique),
                                      rule="C.4.1.2.1")
    return Validation(level, tuple(unsupported), tuple(return_only))


def _validate_retrieve(query: Query, model: InformationModel, relational: bool) -> Validation:
    if not query.level:
        raise QueryLevelError("the identifier has no Query/Retrieve Level (0008,0052)",
                              tag_path=tag_text(tags.QueryRetrieveLevel), rule="C.4.2.1.4.1")
    depth = model.index(query.level)
    level = model.levels[depth]
    uniques = {lv.unique: lv for lv in model.levels[:depth + 1]}
    key = query.key(level.unique)
    if key is None or key.is_universal:
        raise QueryLevelError(f"a retrieval at level {level.name} needs a value of its Unique "
                              f"Key {tag_text(level.unique)}", tag_path=tag_text(level.unique),
                              rule="C.4.2.2.1")
    single = key.kind is MatchingType.SINGLE_VALUE and len(key.values) == 1
    # a list of UIDs (C.2.2.2.2) is a UID key's: Study Instance UID at the top of Study Root
    # too, not only below the Patient level (only a UI key parses as List of UID Matching)
    if not single and key.kind is not MatchingType.LIST_OF_UID:
        raise QueryLevelError(f"the Unique Key of level {level.name} takes one value"
                              + (" or a list of UIDs" if level.unique != tags.PatientID else "")
                              + f" in a retrieval, not {key.kind.title}", tag_path=key.path,
                              value=key.text, rule="C.4.2.2.1")
    for lv in model.levels[:depth]:
        upper = query.key(lv.unique)
        if upper is None or upper.is_universal:
            if relational:
                continue
            raise QueryLevelError(f"a retrieval at level {level.name} needs the Unique Key "
                                  f"{tag_text(lv.unique)} of level {lv.name} (relational "
                                  "retrieval was not negotiated)", tag_path=tag_text(lv.unique),
                                  rule="C.4.2.2.1")
        if upper.kind is not MatchingType.SINGLE_VALUE or len(upper.values) != 1:
            raise QueryLevelError(f"the Unique Key of level {lv.name} above the retrieval's "
                                  "level takes a single value", tag_path=upper.path,
                                  value=upper.text, rule="C.4.2.2.1")
    below = {lv.unique for lv in model.levels[depth + 1:]}
    for k in query.keys:
        if k.tag in below:
            raise QueryLevelError(f"{k.keyword or 'the key'} is the Unique Key of a level below "
                                  f"the retrieval's level {level.name}", tag_path=k.path,
                                  value=k.text, rule="C.4.2.1.4.1")
    others = tuple(k.tag for k in query.keys if k.tag not in uniques)
    return Validation(level, others, ())


def _check_upper(key: Key, upper: Level) -> None:
    if key.tag != upper.unique:
        raise QueryLevelError(f"{key.keyword or 'the key'} is a key of level {upper.name}; a "
                              "hierarchical query gives only the Unique Keys of the levels "
                              "above its own (relational queries were not negotiated)",
                              tag_path=key.path, rule="C.4.1.2.1", value=key.text)
    if key.kind is not MatchingType.SINGLE_VALUE or len(key.values) != 1:
        raise QueryLevelError(f"the Unique Key of level {upper.name} above the query's level "
                              f"needs a single value, not {key.kind.title}", tag_path=key.path,
                              rule="C.4.1.2.1", value=key.text)


@lru_cache(maxsize=16)
def information_model(name: str) -> InformationModel:
    """The information model ``name`` (``"STUDY_ROOT"``, ``"PATIENT_ROOT"``, ``"QIDO_RS"``) from
    the key tables of PS3.4 C.6 (and PS3.18 10.6), generated into
    ``dicomkit.generated.query_keys``: per level the keys not nested in a sequence, by their
    Matching Key Type (U, R, O/OC) and Return Key Type.

    Raises
    ------
    QueryLevelError
        When the generated key tables are not installed, or have no model ``name``.
    """
    try:
        table: Any = importlib.import_module(_GENERATED_KEYS)
    except ImportError as exc:
        raise QueryLevelError(f"the key tables of PS3.4 C.6 ({_GENERATED_KEYS}) are not "
                              "generated; run 'dicomkit codegen generate'",
                              rule="C.6") from exc
    models: dict[str, tuple[str, ...]] = table.MODELS
    if name not in models:
        raise QueryLevelError(f"no information model {name!r} in the key tables (models: "
                              f"{', '.join(sorted(models))})", rule="C.6", value=name)
    levels: list[Level] = []
    for level_name in models[name]:
        unique: int | None = None
        required: set[int] = set()
        optional: set[int] = set()
        returned: set[int] = set()
        keys = [k for k in table.keys_of(name, level_name) if not k.path]
        # the Unique Key: its Matching Key Type is U (PS3.4 C.6); the QIDO-RS tables (PS3.18
        # 10.6) mark it U as a returned attribute only
        unique = next((k.tag for k in keys if k.matching == "U"),
                      next((k.tag for k in keys if k.returned == "U"), None))
        for key in keys:
            if key.tag == unique:
                continue
            if key.matching == "R":
                required.add(key.tag)
            elif key.matching:
                optional.add(key.tag)
            elif key.returned:
                returned.add(key.tag)
        if unique is None:
            raise QueryLevelError(f"level {level_name} of {name} has no Unique Key in the key "
                                  "tables", rule="C.2.2.1.1", value=level_name)
        levels.append(Level(level_name, unique, frozenset(required), frozenset(optional),
                            frozenset(returned)))
    return InformationModel(name, tuple(levels))
