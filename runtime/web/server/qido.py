"""QIDO-RS (PS3.18 10.6): the Search transactions at every level, answered from the archive's
index through the query layer's matching (:mod:`dicomkit.query`, PS3.4 C.2.2).

* Match parameters are keywords or tags (``PatientID=1`` or ``00100020=1``, paths with ``.``
  into sequences), parsed by :func:`dicomkit.query.parse_qido` (8.3.4.1); QIDO-RS always
  matches a date and a time range as one (8.3.4.1.1).
* ``includefield`` comma-separated or repeated, or ``all`` (8.3.4.3); ``limit`` / ``offset``
  (8.3.4.4); ``fuzzymatching`` (8.3.4.2: fuzzy semantic matching of person names,
  :mod:`dicomkit.query.names`), ``emptyvaluematching`` (8.3.4.5) and
  ``multiplevaluematching`` (8.3.4.6) are supported.
* The attributes returned are the query's keys, the ``includefield`` ones and those PS3.18
  10.6.3.3 requires at the resource's levels (:data:`dicomkit.generated.web.RETURN_KEYS`);
  Type R ones without a value are returned empty.  Retrieve URL (0008,1190) is absolute.
* Matches beyond ``limit`` (or the server's maximum) are counted and announced with
  ``Warning: 299 <service>: There are <remaining> additional results that can be requested``
  (8.3.4.4); a key the index does not hold is matched as unknown (PS3.4 C.2.2.1.2) and named in
  a ``Warning: 299``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from dicomkit.archive.schema import IMAGE, LEVELS, SERIES, STUDY
from dicomkit.core import dictionary
from dicomkit.core.config import validation_mode
from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.generated import tags
from dicomkit.generated.web import RETURN_KEYS, SEARCH_PARAMETERS, SEARCH_RESOURCES
from dicomkit.net.services.qr.archive_query import ArchiveMatcher, Plan, utc_offset_text
from dicomkit.query import DEFAULT_OPTIONS, Query, QueryError, parse_qido, response_identifier
from dicomkit.query.model import tag_text
from dicomkit.web.server.errors import HttpError
from dicomkit.web.server.urls import instance_url, series_url, study_url

__all__ = ["SEARCH_LEVEL", "Search", "parse_search", "run_search"]

#: IE level of PS3.18 (Table 10.6.1-5) -> the archive's level.
SEARCH_LEVEL = {"Study": STUDY, "Series": SERIES, "Instance": IMAGE}
_UNIQUE = {STUDY: tags.StudyInstanceUID, SERIES: tags.SeriesInstanceUID,
           IMAGE: tags.SOPInstanceUID}
#: The query parameters of Table 8.3.4-1 that are not match parameters, and those of 8.3.3.
_CONTROL = frozenset(p.name for p in SEARCH_PARAMETERS if p.name != "match") | {"accept", "charset"}
_TRUE = {"true": True, "false": False}


@dataclass
class Search:
    """A parsed Search request (PS3.18 10.6.1)."""

    resource: str
    level: str
    query: Query
    include: tuple[int, ...]
    include_all: bool
    limit: int | None
    offset: int
    required: tuple[int, ...]
    returned: tuple[int, ...] = ()
    warnings: list[str] = field(default_factory=list)


def _resource(name: str) -> tuple[str, tuple[str, ...]]:
    for r in SEARCH_RESOURCES:
        if r.name == name:
            return SEARCH_LEVEL[r.levels[-1]], r.levels
    raise KeyError(name)


def _attribute(name: str) -> int:
    if len(name) == 8:
        try:
            return int(name, 16)
        except ValueError:
            pass
    tag = dictionary.tag_for_keyword(name)
    if tag is None:
        raise HttpError(400, f"includefield {name!r} is neither a keyword of the data "
                        "dictionary nor a tag (ggggeeee) (PS3.18 8.3.4.3)")
    return tag


def _flag(name: str, value: str) -> bool:
    flag = _TRUE.get(value.strip().lower())
    if flag is None:
        raise HttpError(400, f"{name}={value!r}: the value is 'true' or 'false' (PS3.18 8.3.4)")
    return flag


def _uint(name: str, value: str) -> int:
    text = value.strip()
    if not text.isdigit() or not text.isascii():
        raise HttpError(400, f"{name}={value!r}: the value is an unsigned integer (PS3.18 8.3.4.4)")
    return int(text)


def parse_search(resource: str, params: Iterable[tuple[str, str]],
                 fixed: dict[str, str]) -> Search:
    """The Search request for ``resource`` (a name of :data:`SEARCH_RESOURCES`), its query
    parameters and the UIDs of its path (``{"StudyInstanceUID": ...}``).

    Raises
    ------
    HttpError
        400 for a parameter that breaks PS3.18 8.3.4 or PS3.4 C.2.2 (the message says which).
    """
    level, levels = _resource(resource)
    include: list[int] = []
    include_all = False
    limit: int | None = None
    offset = 0
    flags = {"fuzzymatching": False, "emptyvaluematching": False, "multiplevaluematching": False}
    match: list[tuple[str, str]] = []
    for name, value in params:
        if name == "includefield":
            for item in value.split(","):
                item = item.strip()
                if not item:
                    continue
                if item == "all":
                    include_all = True
                else:
                    include.append(_attribute(item))
        elif name in flags:
            flags[name] = _flag(name, value)
        elif name == "limit":
            limit = _uint(name, value)
        elif name == "offset":
            offset = _uint(name, value)
        elif name in _CONTROL:
            continue
        else:
            match.append((name, value))
    fixed_tags = {dictionary.tag_for_keyword(k) for k in fixed}
    kept: list[tuple[str, str]] = []
    for name, value in match:
        try:
            tag = _attribute(name) if "." not in name else None
        except HttpError:
            tag = None
        if tag is not None and tag in fixed_tags:
            if value and value != fixed[dictionary.lookup(tag)[3]]:  # type: ignore[index]
                raise HttpError(400, f"{name}={value!r} contradicts the UID in the path")
            continue
        kept.append((name, value))
    options = DEFAULT_OPTIONS.with_(
        combined_datetime=True, person_name_case_insensitive=True,
        fuzzy_person_names=flags["fuzzymatching"],
        empty_value_matching=flags["emptyvaluematching"],
        multiple_value_matching=flags["multiplevaluematching"])
    try:
        query = parse_qido([*kept, *fixed.items()], options=options, level=level)
    except QueryError as exc:
        raise HttpError(400, f"the search cannot be read: {exc}") from None
    required: list[int] = []
    returned: list[int] = []
    for lv_name in levels:
        returned.extend(k.path[0] for k in RETURN_KEYS[lv_name] if len(k.path) == 1)
        required.extend(k.path[0] for k in RETURN_KEYS[lv_name]
                        if len(k.path) == 1 and k.type == "R")
    return Search(resource, level, query, tuple(include), include_all, limit, offset,
                  tuple(dict.fromkeys(required)), tuple(dict.fromkeys(returned)))


def _count(matcher: ArchiveMatcher, plan: Plan) -> int:
    schema = matcher.schema
    index = matcher.archive.archive.index
    stmt = sa.select(sa.func.count()).select_from(schema.select_from(plan.level)).where(plan.where)
    with index.connection() as conn:
        return int(conn.execute(stmt).scalar_one())


async def run_search(matcher: ArchiveMatcher, search: Search, base: str, service: str,
                     max_results: int) -> tuple[list[Dataset], list[str]]:
    """The response data sets of ``search`` (in Study/Series/SOP Instance UID order) and the
    ``Warning`` values to send (PS3.18 8.3.4.4)."""
    import anyio

    schema = matcher.schema
    level = search.level
    held = schema.keyword_columns(level)
    by_tag: dict[int, str] = {}
    for kw in held:
        t = dictionary.tag_for_keyword(kw)
        if t is not None:
            by_tag[t] = kw
    wanted = set(search.returned) | set(search.include)
    if search.include_all:
        wanted |= set(by_tag)
    extra = [by_tag[t] for t in wanted if t in by_tag and t != tags.RetrieveURL]
    for up in LEVELS[1: LEVELS.index(level) + 1]:
        unique_kw = by_tag.get(_UNIQUE[up])
        if unique_kw is not None:
            extra.append(unique_kw)
    warnings = list(search.warnings)
    unheld = [k for k in search.query.keys if k.tag not in by_tag and not k.is_universal]
    if unheld:
        warnings.append(f'299 {service} "the origin server does not hold '
                        f'{", ".join(tag_text(k.tag) for k in unheld)}: matched as unknown '
                        '(PS3.4 C.2.2.1.2)"')
    plan = matcher.plan(search.query, level, extra=extra)
    cap = max_results if search.limit is None else min(search.limit, max_results)
    include = [t for t in wanted if t in by_tag] + [_UNIQUE[up] for up in
                                                    LEVELS[1: LEVELS.index(level) + 1]]
    out: list[Dataset] = []
    skipped = 0
    more = False
    async for _row, ds in matcher.rows(plan):
        if skipped < search.offset:
            skipped += 1
            continue
        if len(out) >= cap:
            more = True
            break
        # the index's values were checked when stored: not again for each answer
        with validation_mode("ignore", writing=False):
            out.append(_answer(search, ds, include, base))
    if more:
        if plan.residual.is_universal:
            total = await anyio.to_thread.run_sync(_count, matcher, plan)
        else:
            total = 0
            async for _ in matcher.rows(plan):  # residual keys: only Python knows the count
                total += 1
        remaining = max(total - search.offset - len(out), 1)
        warnings.append(f'299 {service} "There are {remaining} additional results that can be '
                        'requested"')
    return out, warnings


def _answer(search: Search, ds: Dataset, include: list[int], base: str) -> Dataset:
    out = response_identifier(search.query, ds, include=include)
    if tags.QueryRetrieveLevel in out:
        del out[tags.QueryRetrieveLevel]
    if tags.TimezoneOffsetFromUTC in search.query:
        out.add_new(tags.TimezoneOffsetFromUTC, "SH", utc_offset_text(), validation_mode="ignore")
    for tag in search.required:
        if tag not in out and tag != tags.RetrieveURL:
            vr = dictionary_vr(tag, out)
            out.add_new(tag, vr if vr != "UN" else "LO", [] if vr == "SQ" else None,
                        validation_mode="ignore")
    study = _text(out, tags.StudyInstanceUID)
    if search.level == STUDY:
        url = study_url(base, study)
    elif search.level == SERIES:
        url = series_url(base, study, _text(out, tags.SeriesInstanceUID))
    else:
        url = instance_url(base, study, _text(out, tags.SeriesInstanceUID),
                           _text(out, tags.SOPInstanceUID))
    out.add_new(tags.RetrieveURL, "UR", url, validation_mode="ignore")
    return out


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    value: Any = el.value if el is not None else ""
    return str(value or "")
