"""PS3.15 Annex E reader: the Basic Application Level Confidentiality Profile and its options.

* Table E.1-1a "De-identification Action Codes" (two columns, code and meaning, no heading):
  each code is resolved to an enumeration name.  A single-letter code is named by
  :data:`ACTION_NAMES` (our names for the six actions the table defines); a composite code
  (``X/Z/D``, ``X/Z/U*``) is its letters in order, each one a single code of the same table,
  and its meaning must start with "<first letter> unless" as the 2026c text does; a new code
  fails generation, it is never guessed.
* Table E.1-1 "Application Level Confidentiality Profile Attributes" (found by label and
  caption, its columns by heading): every row's tag pattern (``(gggg,eeee)``, ``xx`` masks as
  in ``(60xx,3000)``, and the row "(gggg,eeee) where gggg is odd" of Private Attributes), its
  "Retd." and "In Std. Comp. IOD" flags, the Basic Profile's action and the action of each
  option column.
* The option columns ("Rtn. UIDs Opt.", "Clean Desc. Opt.", ...) and the "Basic Prof." column
  are matched to the codes of CID 7050 "De-identification Method" (PS3.16): a heading matches
  a code meaning when each of its abbreviated words is, in order, an abbreviation (same first
  letter, letters in order) of a word of the meaning; every column must match exactly one
  code.  The codes without a column (Clean Pixel Data, Clean Recognizable Visual Features
  Options, defined by operations on the pixels, PS3.15 E.3.1, E.3.2) are options too.
* Table E.3.10-1 "Safe Private Attributes": ``(gggg,xxee)`` with its Private Creator, VR, VM
  and meaning.
* Table E.3.4-1 (Clean Structured Content Option): the concept name codes of content items
  ("NCDR [2.0b]" is scheme NCDR, version 2.0b), value type, and actions by the same columns.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Paragraph, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.deid import (
    ActionDef,
    ContentItemDef,
    OptionDef,
    ProfileRow,
    SafePrivateDef,
)
from dicomkit.codegen.readers.part16 import read_group
from dicomkit.codegen.standard import Standard

PART = 15
ACTION_TABLE = ("E.1-1a", "De-identification Action Codes")
PROFILE_TABLE = ("E.1-1", "Application Level Confidentiality Profile Attributes")
SAFE_PRIVATE_TABLE = ("E.3.10-1", "Safe Private Attributes")
METHOD_CID = 7050
FIXED_COLUMNS = ("Attribute Name", "Tag", "Retd. (from PS3.6)", "In Std. Comp. IOD (from PS3.3)")
BASIC_COLUMN = "Basic Prof."
SAFE_COLUMNS = ("Data Element", "Private Creator", "VR", "VM", "Meaning")
CONTENT_TABLE = ("E.3.4-1", "Application Level Confidentiality Profile Clean Structured Content "
                 "Option Content Item Concept Name Codes")
CONTENT_COLUMNS = ("Code Meaning", "Code Value", "Coding Scheme Designator", "Value Type",
                   "Retd. (from PS3.16)", "In Std. Tpl. (from PS3.16)")
_SCHEME = re.compile(r"^(\S+)(?: \[([^\]]+)\])?$")
#: Our names for the single action codes of Table E.1-1a (the table gives letters and prose).
ACTION_NAMES = {"D": "DUMMY", "Z": "ZERO", "X": "REMOVE", "K": "KEEP", "C": "CLEAN", "U": "UID"}
_TAG = re.compile(r"^\(([0-9A-Fa-fx]{4}),([0-9A-Fa-fx]{4})\)$")
_PRIVATE = re.compile(r"^\(gggg,eeee\) where gggg is odd$")
_SAFE_TAG = re.compile(r"^\(([0-9A-Fa-f]{4}),xx([0-9A-Fa-f]{2})\)$")
_NOTE = re.compile(r"\s*\(see Note \d+\)$")
_YES_NO = {"Y": True, "N": False}


def _table(std: Standard, label: str, caption: str) -> Table:
    table = std.table(PART, label)
    if table.caption != caption:
        raise TableError(table.source, table.label,
                         f"caption {table.caption!r}, expected {caption!r}")
    return table


def read_actions(std: Standard) -> list[ActionDef]:
    """The action codes of Table E.1-1a, each with its enumeration name."""
    table = _table(std, *ACTION_TABLE)
    raw: dict[str, str] = {}
    for n, row in enumerate(table.body, 1):
        if len(row.cells) != 2:
            raise TableError(table.source, table.label, f"{len(row.cells)} cells, expected 2", n)
        raw[row.cells[0].text] = row.cells[1].text
    out: list[ActionDef] = []
    for n, (code, meaning) in enumerate(raw.items(), 1):
        steps = tuple(code.split("/"))
        letters = tuple(s.rstrip("*") for s in steps)
        unknown = [s for s in letters if s not in ACTION_NAMES or s not in raw]
        if unknown:
            raise TableError(table.source, table.label,
                             f"action code {code!r}: {unknown} not a single code this reader "
                             "names (dicomkit.codegen.readers.part15_deid.ACTION_NAMES)", n)
        if len(steps) > 1 and not meaning.startswith(f"{letters[0]} unless "):
            raise TableError(table.source, table.label,
                             f"composite action {code!r}: meaning {meaning!r} does not read "
                             f"'{letters[0]} unless ...'", n)
        out.append(ActionDef(code, "_OR_".join(ACTION_NAMES[s] for s in letters), letters,
                             meaning))
    return out


def _is_abbreviation(short: str, word: str) -> bool:
    short, word = short.lower(), word.lower()
    if not short or not word or short[0] != word[0]:
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def abbreviates(heading: str, meaning: str) -> bool:
    """True when each word of ``heading`` abbreviates, in order, a word of ``meaning``
    ("Rtn. Long. Modif. Dates Opt." of "Retain Longitudinal Temporal Information Modified
    Dates Option")."""
    shorts = [w.strip(".") for w in heading.split()]
    words = meaning.replace("-", " ").split()

    def match(i: int, j: int) -> bool:
        if i == len(shorts):
            return True
        return any(_is_abbreviation(shorts[i], words[k]) and match(i + 1, k + 1)
                   for k in range(j, len(words)))

    return match(0, 0)


def _enum_name(meaning: str) -> str:
    words = re.sub(r"[^A-Za-z0-9]+", " ", meaning).split()
    if words and words[-1] in ("Option", "Profile"):
        words = words[:-1]
    return "_".join(w.upper() for w in words)


def read_options(std: Standard, table: Table) -> list[OptionDef]:
    """The Basic Profile and every option: the codes of CID 7050, each with its column of
    Table E.1-1 (or none)."""
    group = read_group(std.section(16, f"CID {METHOD_CID}"), METHOD_CID,
                       std.source_of(16).edition)
    headings = table.columns[len(FIXED_COLUMNS):]
    if table.columns[:len(FIXED_COLUMNS)] != FIXED_COLUMNS or not headings \
            or headings[0] != BASIC_COLUMN:
        raise TableError(table.source, table.label, f"columns {table.columns}, expected "
                         f"{FIXED_COLUMNS} then {BASIC_COLUMN!r} and the option columns")
    column_of: dict[str, str] = {}
    for heading in headings:
        found = [c for c in group.codes if abbreviates(heading, c.meaning)]
        if len(found) != 1:
            raise TableError(table.source, table.label,
                             f"column {heading!r} abbreviates {len(found)} codes of CID "
                             f"{METHOD_CID} ({[c.meaning for c in found]}), expected one")
        if found[0].value in column_of:
            raise TableError(table.source, table.label,
                             f"columns {column_of[found[0].value]!r} and {heading!r} both "
                             f"abbreviate {found[0].meaning!r}")
        column_of[found[0].value] = heading
    return [OptionDef(_enum_name(c.meaning), column_of.get(c.value, ""), c.scheme, c.value,
                      c.meaning) for c in group.codes]


def _pattern(table: Table, n: int, text: str) -> tuple[int, int, bool]:
    text = text.replace("\u200b", "").strip()
    if _PRIVATE.match(text):
        return 0x00010000, 0x00010000, True
    m = _TAG.match(text)
    if m is None:
        raise TableError(table.source, table.label, f"tag {text!r} is not (gggg,eeee)", n)
    digits = m.group(1) + m.group(2)
    tag = int("".join("0" if c in "xX" else c for c in digits), 16)
    mask = int("".join("0" if c in "xX" else "F" for c in digits), 16)
    return tag, mask, False


def read_profile(std: Standard) -> tuple[list[OptionDef], list[ActionDef], list[ProfileRow]]:
    """Options, actions and every row of Table E.1-1."""
    actions = read_actions(std)
    by_code = {a.code: a.name for a in actions}
    table = _table(std, *PROFILE_TABLE)
    options = read_options(std, table)
    option_of = {o.column: o.name for o in options if o.column}
    fixed = fixes_for(PART, table.label, std.document(PART).edition)
    rows: list[ProfileRow] = []
    seen: dict[tuple[int, int], str] = {}
    for n, row in enumerate(table.body, 1):
        cells = [c.text for c in row.cells]
        if len(cells) != len(table.columns):
            raise TableError(table.source, table.label, f"{len(cells)} cells, expected "
                             f"{len(table.columns)}", n)
        name = _NOTE.sub("", row.cells[0].paragraphs[0] if row.cells[0].paragraphs else "")
        tag_text = fixed.get((cells[1], "Tag"), cells[1])
        tag, mask, private = _pattern(table, n, tag_text)
        if (tag, mask) in seen:
            raise TableError(table.source, table.label,
                             f"tag {cells[1]} twice ({seen[(tag, mask)]!r} and {name!r})", n)
        seen[(tag, mask)] = name
        flags = []
        for i in (2, 3):
            if cells[i] not in _YES_NO:
                raise TableError(table.source, table.label,
                                 f"{table.columns[i]} {cells[i]!r} is neither Y nor N", n)
            flags.append(_YES_NO[cells[i]])
        acts: list[tuple[str, str]] = []
        for i in range(len(FIXED_COLUMNS), len(cells)):
            code = fixed.get((cells[1], table.columns[i]), cells[i])
            if not code:
                continue
            if code not in by_code:
                raise TableError(table.source, table.label,
                                 f"{table.columns[i]}: action {code!r} is not in Table "
                                 f"{ACTION_TABLE[0]}", n)
            acts.append((option_of[table.columns[i]], by_code[code]))
        if not acts or acts[0][0] != option_of[BASIC_COLUMN]:
            raise TableError(table.source, table.label, f"{name!r}: no Basic Profile action", n)
        rows.append(ProfileRow(name, tag, mask, private, flags[0], flags[1], acts[0][1],
                               tuple(acts[1:])))
    if not rows:
        raise TableError(table.source, table.label, "no rows")
    return options, actions, rows


def read_content_items(std: Standard, options: list[OptionDef],
                       actions: list[ActionDef]) -> list[ContentItemDef]:
    """The rows of Table E.3.4-1: concept names of content items and their actions; its
    option columns are matched to the options as those of Table E.1-1 are."""
    table = _table(std, *CONTENT_TABLE)
    fixed_n = len(CONTENT_COLUMNS)
    if table.columns[:fixed_n] != CONTENT_COLUMNS or table.columns[fixed_n:fixed_n + 1] != (
            BASIC_COLUMN,):
        raise TableError(table.source, table.label, f"columns {table.columns}, expected "
                         f"{CONTENT_COLUMNS} then {BASIC_COLUMN!r} and option columns")
    option_of: dict[str, str] = {}
    for heading in table.columns[fixed_n:]:
        found = [o for o in options if abbreviates(heading, o.meaning)]
        if len(found) != 1:
            raise TableError(table.source, table.label, f"column {heading!r} abbreviates "
                             f"{len(found)} options, expected one")
        option_of[heading] = found[0].name
    by_code = {a.code: a.name for a in actions}
    out: list[ContentItemDef] = []
    seen: set[tuple[str, str, str]] = set()
    for n, row in enumerate(table.body, 1):
        cells = [c.text.replace("\u200b", "").strip() for c in row.cells]
        m = _SCHEME.match(cells[2])
        if m is None or not cells[1]:
            raise TableError(table.source, table.label,
                             f"code {cells[1]!r} of scheme {cells[2]!r}", n)
        flags = []
        for i in (4, 5):
            if cells[i] not in _YES_NO:
                raise TableError(table.source, table.label,
                                 f"{table.columns[i]} {cells[i]!r} is neither Y nor N", n)
            flags.append(_YES_NO[cells[i]])
        acts: list[tuple[str, str]] = []
        for i in range(fixed_n, len(cells)):
            if not cells[i]:
                continue
            if cells[i] not in by_code:
                raise TableError(table.source, table.label, f"{table.columns[i]}: action "
                                 f"{cells[i]!r} is not in Table {ACTION_TABLE[0]}", n)
            acts.append((option_of[table.columns[i]], by_code[cells[i]]))
        if not acts or acts[0][0] != option_of[BASIC_COLUMN]:
            raise TableError(table.source, table.label, f"{cells[0]!r}: no Basic Profile action",
                             n)
        key = (m.group(1), cells[1], cells[3])  # a code is listed once per value type
        if key in seen:
            raise TableError(table.source, table.label, f"code {key} listed twice", n)
        seen.add(key)
        out.append(ContentItemDef(cells[0], cells[1], m.group(1), m.group(2) or "", cells[3],
                                  flags[0], flags[1], acts[0][1], tuple(acts[1:])))
    return out


def read_safe_private(std: Standard) -> list[SafePrivateDef]:
    """The rows of Table E.3.10-1."""
    table = _table(std, *SAFE_PRIVATE_TABLE)
    if table.columns != SAFE_COLUMNS:
        raise TableError(table.source, table.label,
                         f"columns {table.columns}, expected {SAFE_COLUMNS}")
    out: list[SafePrivateDef] = []
    for n, row in enumerate(table.body, 1):
        cells = [c.text.replace("\u200b", "").strip() for c in row.cells]
        m = _SAFE_TAG.match(cells[0])
        if m is None or not int(m.group(1), 16) & 1:
            raise TableError(table.source, table.label,
                             f"data element {cells[0]!r} is not (gggg,xxee) with gggg odd", n)
        out.append(SafePrivateDef(int(m.group(1), 16), int(m.group(2), 16), cells[1], cells[2],
                                  cells[3], cells[4]))
    return out


_IDENTITY_REMOVED = re.compile(r"Patient Identity Removed \(0012,0062\) shall be replaced or "
                               r"added to the Data Set with a value of (\w+)")
_LONGITUDINAL = re.compile(r"Longitudinal Temporal Information Modified \(0028,0303\) shall be "
                           r"added to the Data Set with a Value of \"(\w+)\"")
_SAFE_STATUS = re.compile(r'with a Value of "(\w+)" in Block Identifying Information Status '
                          r'\(0008,0303\)')
_BURNED_IN = re.compile(r'Burned In Annotation \(0028,0301\) shall be added to the Data ?[Ss]et with a '
                        r'Value of "(\w+)"')
_RECOGNIZABLE = re.compile(r'Recognizable Visual Features \(0028,0302\) shall be added to the Data ?'
                           r'[Ss]et with a Value of "(\w+)"')
_SPECIFIED = re.compile(r"When the (Retain Longitudinal Temporal Information [\w ]+ Option) is "
                        r"specified")


def _paragraphs(std: Standard, label: str) -> list[str]:
    return [b.text for b in std.section(PART, label).blocks if isinstance(b, Paragraph)]


def read_required_values(std: Standard, options: list[OptionDef]) -> dict[str, Any]:
    """The values the profile says to set: Patient Identity Removed (E.1.1), and Longitudinal
    Temporal Information Modified without a Retain Longitudinal option (E.2) and with each of
    them (E.3.6), the Block Identifying Information Status of a safe private block
    (E.3.10), Burned In Annotation once the pixel data is cleaned (E.3.1), and Recognizable
    Visual Features once the recognizable visual features are cleaned (E.3.2)."""
    found = [m.group(1) for t in _paragraphs(std, "E.1.1") for m in [_IDENTITY_REMOVED.search(t)]
             if m]
    if len(found) != 1:
        raise CodegenError(f"PS3.15 E.1.1: {len(found)} sentences give the value of Patient "
                           "Identity Removed (0012,0062), expected one")
    removed = [m.group(1) for t in _paragraphs(std, "E.2") for m in [_LONGITUDINAL.search(t)] if m]
    if len(removed) != 1:
        raise CodegenError(f"PS3.15 E.2: {len(removed)} values of Longitudinal Temporal "
                           "Information Modified (0028,0303), expected one")
    longitudinal: list[tuple[str, str]] = []
    current = ""
    for text in _paragraphs(std, "E.3.6"):
        m = _SPECIFIED.search(text)
        if m:
            named = [o.name for o in options if abbreviates(o.meaning, m.group(1))]
            if len(named) != 1:
                raise CodegenError(f"PS3.15 E.3.6: {m.group(1)!r} names {len(named)} options "
                                   "of CID 7050, expected one")
            current = named[0]
        v = _LONGITUDINAL.search(text)
        if v:
            if not current:
                raise CodegenError("PS3.15 E.3.6: a value of Longitudinal Temporal Information "
                                   "Modified before any option is named")
            longitudinal.append((current, v.group(1)))
            current = ""
    if len(longitudinal) != 2:
        raise CodegenError(f"PS3.15 E.3.6: {len(longitudinal)} options with a value of "
                           "Longitudinal Temporal Information Modified, expected two")
    safe = [m.group(1) for t in _paragraphs(std, "E.3.10") for m in [_SAFE_STATUS.search(t)]
            if m]
    if len(safe) != 1:
        raise CodegenError(f"PS3.15 E.3.10: {len(safe)} values of Block Identifying "
                           "Information Status (0008,0303) that mark a safe block, expected one")
    burned = [m.group(1) for t in _paragraphs(std, "E.3.1") for m in [_BURNED_IN.search(t)] if m]
    if len(burned) != 1:
        raise CodegenError(f"PS3.15 E.3.1: {len(burned)} values of Burned In Annotation "
                           "(0028,0301) after cleaning the pixel data, expected one")
    visual = [m.group(1) for t in _paragraphs(std, "E.3.2") for m in [_RECOGNIZABLE.search(t)]
              if m]
    if len(visual) != 1:
        raise CodegenError(f"PS3.15 E.3.2: {len(visual)} values of Recognizable Visual Features "
                           "(0028,0302) after cleaning, expected one")
    return {"identity_removed": found[0], "longitudinal_removed": removed[0],
            "longitudinal": longitudinal, "safe_block_status": safe[0],
            "burned_in_cleaned": burned[0], "recognizable_cleaned": visual[0]}


def _build(std: Standard) -> dict[str, Any]:
    options, actions, rows = read_profile(std)
    return {"options": options, "actions": actions, "rows": rows, "names": ACTION_NAMES,
            "safe_private": read_safe_private(std),
            "content_items": read_content_items(std, options, actions),
            "edition": std.document(PART).edition, **read_required_values(std, options)}


MODULES = [
    ModuleSpec("deid", _build, {"deid.py": "deid.py.j2", "deid.pyi": "deid.pyi.j2"},
               "De-identification: the Basic Application Level Confidentiality Profile and its "
               "options (PS3.15 Table E.1-1, E.1-1a, CID 7050 of PS3.16), safe private "
               "attributes (Table E.3.10-1)",
               reads=(15, 16)),
]
