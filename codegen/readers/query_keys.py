"""Query/return keys: PS3.4 Annex C.6 key tables and the PS3.18 10.6 QIDO-RS attribute tables.

PS3.4: every section of Annex C titled "<Model> SOP Class Group" (C.6.1 Patient Root, C.6.2
Study Root; C.6.3 Patient/Study Only is retired and empty in 2024c) holds a table with the
columns "Query/Retrieve Level" and "Value in (0008,0052)" (Table C.6.1-1) naming its levels
("Study Information" -> ``STUDY``), and a section "<Model> Query/Retrieve Information Model"
with one section "<Level> Level" per level.  That section's key table is the one whose caption
names the level ("Study Level Keys for ...", columns "Attribute Name", "Tag", "Type");
"Include Table C.6-2a" rows are expanded (at their nesting depth), rows without a tag ("All
other Attributes at Study Level") are left out.  A level section without a table whose text
says its keys are those of another section (Study Root C.6.2.1.3 -> C.6.1.1.4) takes that
section's table.  PS3.4 Table C.3-1 "Additional Query/Retrieve Attributes" marks the keys an
SCP derives rather than finds in instances.

PS3.18: Table "Required Matching Attributes" (columns "IE Level", "Attribute Name", "Tag";
10.6.1.2.3) gives the matching keys per level, the tables "<Level> Resource(s) Search Response
Payload" (10.6.3.3) the return keys and their types.  A QIDO-RS level is mapped to the
Query/Retrieve level whose unique key (Type U in PS3.4 C.6 Patient Root) is the payload's
unique key ("Instance" -> ``IMAGE`` through SOP Instance UID).

Keyword, VR and VM come from the PS3.6 data dictionary (the registry the dictionary module is
generated from).  Tables and sections are found by caption, title and column headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from dicomkit.codegen.document import Paragraph, Row, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.model.query_keys import QueryKey, QueryLevel
from dicomkit.codegen.names import identifier
from dicomkit.codegen.readers.dcmtk_dic import second_rank_elements
from dicomkit.codegen.readers.part06 import parse_tag, read_data_elements
from dicomkit.codegen.standard import Standard

PART4 = 4
PART18 = 18
QIDO_RS = "QIDO_RS"

_ANNEX_TITLE = "Query/Retrieve Service Class"
_GROUP = re.compile(r"^(.+?) SOP Class Group(?: \(Retired\))?$")
_MODEL = re.compile(r"^(.+?) Query/Retrieve Information Model$")
_LEVEL_COLUMNS = ("Query/Retrieve Level", "Value in (0008,0052)")
_KEY_COLUMNS = ("Attribute Name", "Tag")
_TYPE_COLUMNS = ("Type", "Requirement Type")
_INCLUDE = re.compile(r"^(>*)\s*Include\s+Table\s+(\S+)$")
_KEY_TYPE = re.compile(r"^(U|R|O|OC|C)$")
_ADDITIONAL_CAPTION = "Additional Query/Retrieve Attributes"
_QIDO_MATCHING_CAPTION = "Required Matching Attributes"
_QIDO_MATCHING_COLUMNS = ("IE Level", "Attribute Name", "Tag")
_QIDO_PAYLOAD = re.compile(r"^(\w+) Resources? Search Response Payload$")

#: (tag) -> (keyword, VR, VM) of the dictionary
Dictionary = dict[int, tuple[str, str, str]]


def _dictionary(std: Standard) -> Dictionary:
    cached: Dictionary | None = getattr(std, "_query_keys_dictionary", None)
    if cached is None:
        nema = read_data_elements(std)
        elements = [*nema, *second_rank_elements(std, nema)]
        cached = {e.tag: (e.keyword, e.vr, e.vm) for e in elements
                  if e.mask == 0xFFFFFFFF and e.keyword}
        std._query_keys_dictionary = cached  # type: ignore[attr-defined]
    return cached


def _unknown(std: Standard) -> set[tuple[str, int, str]]:
    """(table, tag, name) of the keys the data dictionary on hand lacks (PS3.4 2024c lists
    Study Update DateTime (0008,041F), newer than the 2015b Table 6-1 and dcmtk's 2022b
    dictionary): they are left out of the keys and listed in the module."""
    found: set[tuple[str, int, str]] | None = getattr(std, "_query_keys_unknown", None)
    if found is None:
        found = set()
        std._query_keys_unknown = found  # type: ignore[attr-defined]
    return found


def _columns(table: Table) -> tuple[int, int, int] | None:
    """(name, tag, type) column indexes of a key table, None when it is none."""
    cols = table.columns
    if any(c not in cols for c in _KEY_COLUMNS):
        return None
    kind = next((cols.index(c) for c in _TYPE_COLUMNS if c in cols), None)
    if kind is None:
        return None
    return cols.index(_KEY_COLUMNS[0]), cols.index(_KEY_COLUMNS[1]), kind


def _key_type(table: Table, text: str, row: int) -> str:
    """``"OC - May be present only if ..."`` -> ``"OC"``."""
    code = text.split(" - ", 1)[0].strip()
    if not _KEY_TYPE.match(code):
        raise TableError(table.source, table.label, f"key type {text!r} is not U, R, O or OC",
                         row)
    return code


def _table_rows(std: Standard, part: int, table: Table, depth: int, seen: tuple[str, ...]
                ) -> Iterator[tuple[int, str, int, str, str]]:
    """(depth, name, tag, type, table label) of each key row, includes expanded."""
    cols = _columns(table)
    if cols is None:
        raise TableError(table.source, table.label, f"columns {table.columns} are not "
                         f"{_KEY_COLUMNS} and a type")
    i_name, i_tag, i_type = cols
    for n, row in enumerate(table.body, 1):
        name = row.cells[i_name].text
        inc = _INCLUDE.match(name)
        if inc:
            label = inc.group(2)
            if label in seen:
                raise TableError(table.source, table.label, f"Table {label} includes itself", n)
            yield from _table_rows(std, part, std.table(part, label),
                                   depth + len(inc.group(1)), (*seen, label))
            continue
        tag_text = row.cells[i_tag].text
        if not tag_text:  # "All other Attributes at Study Level"
            continue
        try:
            tag, mask = parse_tag(tag_text)
        except ValueError as exc:
            raise TableError(table.source, table.label, str(exc), n) from None
        if mask != 0xFFFFFFFF:
            raise TableError(table.source, table.label, f"{tag_text} is a repeating tag", n)
        level = len(name) - len(name.lstrip(">"))
        yield (depth + level, name.lstrip("> "), tag, _key_type(table, row.cells[i_type].text, n),
               table.label)


def _keys(std: Standard, part: int, table: Table, model: str, level: str, additional: set[int],
          types: dict[tuple[tuple[int, ...], int], tuple[str, str]] | None = None
          ) -> list[QueryKey]:
    """The keys of ``table``; ``types`` (QIDO-RS) overrides (matching, returned) by key."""
    dictionary = _dictionary(std)
    out: list[QueryKey] = []
    stack: list[int] = []
    for depth, name, tag, kind, label in _table_rows(std, part, table, 0, (table.label,)):
        if depth > len(stack):
            raise TableError(table.source, label, f"{name!r} is nested {depth} deep under "
                             f"{len(stack)} sequences")
        path = tuple(stack[:depth])
        stack[depth:] = [tag]
        entry = dictionary.get(tag)
        if entry is None:  # newer than the dictionary on hand: recorded, left out
            _unknown(std).add((label, tag, name))
            continue
        keyword, vr, vm = entry
        matching, returned = (kind, kind) if types is None else types[(path, tag)]
        out.append(QueryKey(model=model, level=level, path=path, tag=tag, name=name,
                            keyword=keyword, vr=vr, vm=vm, matching=matching, returned=returned,
                            additional=tag in additional and not path, table=label))
    return out


def _level_table(std: Standard, section: Section, name: str) -> Table | None:
    """The key table of a level section: the one whose caption names the level; else the
    table of the section the text refers to ("are the same as ... Section C.6.1.1.4")."""
    for b in section.blocks:
        if isinstance(b, Table) and _columns(b) is not None and \
                b.caption.startswith(f"{name} Level"):
            return std.table(PART4, b.label)
    for b in section.blocks:
        if isinstance(b, Paragraph) and "same as" in b.text:
            for link in b.links:
                if link.target.startswith("sect_") and not link.document:
                    other = std.section(PART4, link.target)
                    return _level_table(std, other, name)
    return None


def _additional(std: Standard) -> set[int]:
    tables = [t for t in std.tables_titled(PART4, _ADDITIONAL_CAPTION)
              if t.caption == _ADDITIONAL_CAPTION]
    if len(tables) != 1:
        raise CodegenError(f"PS3.4: {len(tables)} tables captioned {_ADDITIONAL_CAPTION!r}")
    t = tables[0]
    if _KEY_COLUMNS[1] not in t.columns:
        raise TableError(t.source, t.label, f"no {_KEY_COLUMNS[1]!r} column")
    i_tag = t.columns.index(_KEY_COLUMNS[1])
    return {parse_tag(r.cells[i_tag].text)[0] for r in t.body if r.cells[i_tag].text}


def read_qr_models(std: Standard) -> tuple[list[QueryLevel], list[QueryKey]]:
    """The levels and keys of the Query/Retrieve information models of PS3.4 C.6.

    Raises
    ------
    CodegenError
        When Annex C, a model's levels or a level's key table cannot be found.
    """
    doc = std.document(PART4)
    annex = next((s for s in doc.root.sections if s.title.startswith(_ANNEX_TITLE)), None)
    if annex is None:
        raise CodegenError(f"{doc.source}: no annex titled {_ANNEX_TITLE!r}")
    additional = _additional(std)
    levels: list[QueryLevel] = []
    keys: list[QueryKey] = []
    for group in annex.walk():
        g = _GROUP.match(group.title)
        if not g:
            continue
        values = [b for b in group.blocks if isinstance(b, Table)
                  and all(c in b.columns for c in _LEVEL_COLUMNS)]
        model_sec = next((s for s in group.sections if _MODEL.match(s.title)), None)
        if not values and model_sec is None:  # retired, text removed (C.6.3 in 2024c)
            continue
        if len(values) != 1 or model_sec is None:
            raise CodegenError(f"{doc.source}: Section {group.label} {group.title!r} lacks its "
                               "level values table or its information model section")
        model = identifier(g.group(1))
        table = std.table(PART4, values[0].label)
        i_level, i_value = (table.columns.index(c) for c in _LEVEL_COLUMNS)
        for n, row in enumerate(table.body, 1):
            name = re.sub(r"\s+Information$", "", row.cells[i_level].text)
            value = row.cells[i_value].text
            section = next((s for s in model_sec.sections if s.title == f"{name} Level"), None)
            found = _level_table(std, section, name) if section is not None else None
            if found is None:
                raise TableError(table.source, table.label, f"no key table for the level "
                                 f"{name!r} in Section {model_sec.label}", n)
            levels.append(QueryLevel(model=model, value=value, name=name, table=found.label))
            keys.extend(_keys(std, PART4, found, model, value, additional))
    if not levels:
        raise CodegenError(f"{doc.source}: no '... SOP Class Group' in Annex {annex.label}")
    return levels, keys


def _qido_rows(table: Table, columns: tuple[str, ...]) -> Iterator[tuple[int, Row]]:
    if any(c not in table.columns for c in columns):
        raise TableError(table.source, table.label, f"columns {table.columns}, expected "
                         f"{columns}")
    yield from enumerate(table.body, 1)


def read_qido(std: Standard, qr_levels: list[QueryLevel], qr_keys: list[QueryKey]
              ) -> tuple[list[QueryLevel], list[QueryKey]]:
    """The QIDO-RS levels and keys of PS3.18 10.6 (matching: Table 10.6.1-5; return: the
    Search Response Payload tables of 10.6.3.3), each level mapped to its Q/R level.

    Raises
    ------
    CodegenError
        When a table is missing or a level's unique key is no Q/R level's unique key.
    """
    doc = std.document(PART18)
    matching = [t for t in doc.tables() if t.caption == _QIDO_MATCHING_CAPTION]
    payloads = [(m.group(1), t) for t in doc.tables() if (m := _QIDO_PAYLOAD.match(t.caption))]
    if len(matching) != 1 or not payloads:
        raise CodegenError(f"{doc.source}: expected one table {_QIDO_MATCHING_CAPTION!r} and "
                           f"the Search Response Payload tables, found {len(matching)} and "
                           f"{len(payloads)}")
    match_table = std.table(PART18, matching[0].label)
    unique_of = {k.tag: k.level for k in qr_keys if k.matching == "U" and not k.path}
    levels: list[QueryLevel] = []
    keys: list[QueryKey] = []
    # the matching keys per QIDO level word: (path, tag) in table order
    wanted: dict[str, list[tuple[int, ...]]] = {}
    i_level, i_name, i_tag = (match_table.columns.index(c) for c in _QIDO_MATCHING_COLUMNS)
    stacks: dict[str, list[int]] = {}
    for n, row in _qido_rows(match_table, _QIDO_MATCHING_COLUMNS):
        word = row.cells[i_level].text
        name = row.cells[i_name].text
        depth = len(name) - len(name.lstrip(">"))
        try:
            tag, _ = parse_tag(row.cells[i_tag].text)
        except ValueError as exc:
            raise TableError(match_table.source, match_table.label, str(exc), n) from None
        stack = stacks.setdefault(word, [])
        stack[depth:] = [tag]
        wanted.setdefault(word, []).append(tuple(stack))
    for word, payload in payloads:
        table = std.table(PART18, payload.label)
        cols = _columns(table)
        if cols is None:
            raise TableError(table.source, table.label, f"columns {table.columns}")
        unique = [parse_tag(r.cells[cols[1]].text)[0] for r in table.body
                  if r.cells[cols[2]].text == "U" and not r.cells[cols[0]].text.startswith(">")]
        qr = {unique_of[u] for u in unique if u in unique_of}
        if len(qr) != 1:
            raise CodegenError(f"{table.where}: its unique key is no PS3.4 C.6 level's")
        level = qr.pop()
        returned = {(k.path, k.tag): k.returned for k in _keys(std, PART18, table, QIDO_RS,
                                                               level, set())}
        matched = {(p[:-1], p[-1]) for p in wanted.get(word, [])}
        types = {key: ("R" if key in matched else "", returned.get(key, ""))
                 for key in returned.keys() | matched}
        levels.append(QueryLevel(model=QIDO_RS, value=level, name=word, table=table.label))
        got = _keys(std, PART18, table, QIDO_RS, level, set(), types)
        # the matching keys the payload does not return (Study: Patient's Birth Date is
        # returned, not matched; Series: none) follow, in the matching table's order
        seen = {(k.path, k.tag) for k in got}
        extra = [p for p in wanted.get(word, []) if (p[:-1], p[-1]) not in seen]
        got.extend(_matching_only(std, match_table, level, extra, types))
        keys.extend(got)
    additional = {k.tag for k in qr_keys if k.additional}
    keys = [k if not (k.tag in additional and not k.path) else
            QueryKey(**{**k.__dict__, "additional": True}) for k in keys]
    return levels, keys


def _matching_only(std: Standard, table: Table, level: str, paths: list[tuple[int, ...]],
                   types: dict[tuple[tuple[int, ...], int], tuple[str, str]]) -> list[QueryKey]:
    dictionary = _dictionary(std)
    out = []
    for p in paths:
        entry = dictionary.get(p[-1])
        if entry is None:
            _unknown(std).add((table.label, p[-1], ""))
            continue
        keyword, vr, vm = entry
        matching, returned = types[(p[:-1], p[-1])]
        out.append(QueryKey(model=QIDO_RS, level=level, path=p[:-1], tag=p[-1], name=keyword,
                            keyword=keyword, vr=vr, vm=vm, matching=matching, returned=returned,
                            additional=False, table=table.label))
    return out


def _build_query_keys(std: Standard) -> dict[str, Any]:
    _unknown(std).clear()
    levels, keys = read_qr_models(std)
    qido_levels, qido_keys = read_qido(std, levels, keys)
    all_levels = [*levels, *qido_levels]
    models: dict[str, list[str]] = {}
    for lv in all_levels:
        models.setdefault(lv.model, []).append(lv.value)
    return {"levels": all_levels, "keys": [*keys, *qido_keys], "models": models,
            "additional": sorted({k.tag for k in keys if k.additional}),
            "unknown": sorted(_unknown(std), key=lambda u: (u[1], u[0]))}


MODULES = [
    ModuleSpec("query_keys", _build_query_keys,
               {"query_keys.py": "query_keys.py.j2", "query_keys.pyi": "query_keys.pyi.j2"},
               "query/return keys per level of the Query/Retrieve information models (PS3.4 C.6) "
               "and the QIDO-RS search attributes (PS3.18 10.6)",
               reads=(4, 6, 18)),
]
