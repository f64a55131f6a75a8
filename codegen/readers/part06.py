"""PS3.6 reader: the data element registries and the UID registries.

Data elements come from every table captioned "Registry of DICOM ... Elements": Table 6-1
(Data Elements; from the edition ``standard/sources.json`` declares for it), 7-1 (File Meta),
8-1 (Directory Structuring) and, from 2019 on, 9-1 (Dynamic RTP Payload).  UIDs come from
Annex A: Table A-1 "UID Values", A-2 "Well-known Frames of Reference", A-3 "Context Group UID
Values", A-4 "Template UID Values" (2015 and later), and the standard color palettes from
Table B.1-1 (PS3.6 Annex B).  Tables are found by caption and checked by label and header
text; columns are indexed by header name, so the keyword column of Table A-1 (added in 2016)
and the Comment column of A-3 are read where present.
"""

from __future__ import annotations

import keyword as pykeyword
import re
from collections.abc import Iterable
from typing import Any

from dicomkit.codegen.document import Paragraph, Row, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.dictionary import DataElement, RegistryTable
from dicomkit.codegen.model.uids import ColorPalette, ContextGroupUid, FrameOfReference, Uid
from dicomkit.codegen.readers.dcmtk_dic import second_rank_elements
from dicomkit.codegen.standard import Standard

PART = 6

#: Caption words of the data element registries (PS3.6 6, 7, 8, 9).
REGISTRY_CAPTION = "Registry of DICOM"
ELEMENT_COLUMNS = ("Tag", "Name", "Keyword", "VR", "VM")

_TAG = re.compile(r"^\(([0-9A-Fa-fx]{4}),([0-9A-Fa-fx]{4})\)$")
_VR = re.compile(r"^[A-Z]{2}( or [A-Z]{2})*$")
_VM_ONE = r"\d+(?:-\d*n|-\d+)?"
_VM = re.compile(rf"^{_VM_ONE}(?: or {_VM_ONE})*$")
_SEE_NOTE = re.compile(r"^(?:(RET) - )?See Note\b")
_RET = re.compile(r"^RET(?: \((\d{4}[a-z]?)\))?$")
_USAGE = ("DICOS", "DICONDE")
_UID = re.compile(r"^[0-9]+(?:\.[0-9]+)+$")
_YEAR = re.compile(r"^(.*?)\s*\((\d{4}[a-z]?)\)$")
_CID = re.compile(r"^(?:(?:Section|Table) CID (\d+) in PS3\.16|(\d+))$")
_CID_REF = re.compile(r"^(?:Section|Table) CID \d+ in PS3\.16$")
_NOTE_NUMBER = re.compile(r"(\d+)$")

#: The UID Type Table A-1 gives the frames of reference it lists up to 2015 (and pydicom uses);
#: frames only in Table A-2 (2016 and later) are registered with this type.
FRAME_OF_REFERENCE_TYPE = "Well-known frame of reference"
#: The type given to the UIDs of Table A-3.
CONTEXT_GROUP_TYPE = "Context Group Name"


def _error(table: Table, message: str, row: int | None = None) -> TableError:
    return TableError(table.source, table.label or table.id, message, row=row)


def _columns(table: Table, required: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Header name -> column index, checking each required column (any of its spellings)."""
    cols = table.columns
    index = {c: i for i, c in enumerate(cols) if c}
    found: dict[str, int] = {}
    for spellings in required:
        for s in spellings:
            if s in index:
                found[spellings[0]] = index[s]
                break
        else:
            raise _error(table, f"header is {list(cols)}, expected a column "
                                f"{' or '.join(repr(s) for s in spellings)}")
    return found


def _uid_text(text: str) -> str:
    """A UID cell without the soft hyphens (U+00AD) some editions put in as break hints."""
    return text.replace("\xad", "").replace(" ", "")


# --------------------------------------------------------------------------- data elements

def parse_tag(text: str) -> tuple[int, int]:
    """``"(60xx,3000)"`` -> ``(0x60003000, 0xFF00FFFF)``: value with wildcards zero, and mask.

    Raises
    ------
    ValueError
        When ``text`` is not a tag of four hex digits or ``x`` wildcards per half.
    """
    m = _TAG.match(text)
    if not m:
        raise ValueError(f"tag {text!r} is not of the form (gggg,eeee)")
    digits = m.group(1) + m.group(2)
    value = int(digits.replace("x", "0"), 16)
    mask = int("".join("0" if d == "x" else "F" for d in digits), 16)
    return value, mask


def _tag_text(text: str) -> str:
    """The tag with hex digits upper case and wildcards lower case (``(0074,100A)``)."""
    return text.upper().replace("X", "x")


def _notes_after(table: Table, std: Standard, doc_part: int) -> list[str]:
    """The paragraphs following ``table`` in its section: its notes, in order (PS3.6 5)."""
    if not table.section_id:
        return []
    doc = std.document(doc_part, table.label)
    sec = doc.find_section(table.section_id)
    if sec is None:
        return []
    after: list[str] = []
    seen = False
    for b in sec.blocks:
        if b is table:
            seen = True
        elif seen and isinstance(b, Paragraph):
            after.append(b.text)
        elif seen and isinstance(b, Table):
            break
    return after


def _note_text(table: Table, row: Row, index: int, notes: list[str]) -> str:
    """The text of the note a row refers to by ``See Note n`` (the link target ends in n)."""
    targets = [lk.target for c in row.cells for lk in c.links if "note" in lk.target.lower()]
    if not targets:
        raise _error(table, "says 'See Note' but links to no note", row=index)
    m = _NOTE_NUMBER.search(targets[0])
    n = int(m.group(1)) if m else 0
    if not 1 <= n <= len(notes):
        raise _error(table, f"refers to note {targets[0]!r}, but the table is followed by "
                            f"{len(notes)} note paragraphs", row=index)
    return notes[n - 1]


def _read_element_table(std: Standard, table: Table, edition: str) -> list[DataElement]:
    cols = _columns(table, [(c,) for c in ELEMENT_COLUMNS])
    if len(table.columns) > len(ELEMENT_COLUMNS) + 1:
        raise _error(table, f"header is {list(table.columns)}, expected {list(ELEMENT_COLUMNS)} "
                            "and at most one more column (retired / usage)")
    extra = len(ELEMENT_COLUMNS) if len(table.columns) > len(ELEMENT_COLUMNS) else None
    fixes = fixes_for(PART, table.label, edition)
    notes: list[str] | None = None
    out = []
    for i, row in enumerate(table.body, start=1):
        texts = row.texts
        tag_cell = texts[cols["Tag"]]
        try:
            tag, mask = parse_tag(tag_cell)
        except ValueError as exc:
            raise _error(table, str(exc), row=i) from None
        tag_text = _tag_text(tag_cell)

        def field(name: str, value: str, key: str = tag_text) -> str:
            return fixes.get((key, name), value)

        name = field("name", texts[cols["Name"]])
        keyword = field("keyword", texts[cols["Keyword"]])
        vr = field("vr", texts[cols["VR"]])
        vm = field("vm", texts[cols["VM"]])
        last = field("retired", texts[extra]) if extra is not None else ""
        note = ""
        if vr.startswith("See Note") or _SEE_NOTE.match(last):
            if notes is None:
                notes = _notes_after(table, std, PART)
            note = _note_text(table, row, i, notes)
        if vr.startswith("See Note"):
            vr = ""
        retired_since = ""
        usage = ""
        retired = row.italic or name.endswith("(Retired)")
        sn = _SEE_NOTE.match(last)
        rm = _RET.match(last)
        if sn:
            retired = retired or bool(sn.group(1))
        elif rm:
            retired = True
            retired_since = rm.group(1) or ""
        elif last in _USAGE:
            usage = last
        elif last:
            raise _error(table, f"last column {last!r} is neither RET, RET (year), DICOS, "
                                "DICONDE nor See Note", row=i)
        if vr and not _VR.match(vr):
            raise _error(table, f"VR {vr!r} of {tag_text} is not a VR or 'VR or VR'", row=i)
        if vm and not _VM.match(vm):
            raise _error(table, f"VM {vm!r} of {tag_text} is not a value multiplicity", row=i)
        if keyword and not keyword.isidentifier():
            raise _error(table, f"keyword {keyword!r} of {tag_text} is not an identifier", row=i)
        if bool(name) != bool(keyword) or (not name and not note):
            raise _error(table, f"{tag_text} has name {name!r} and keyword {keyword!r}; "
                                "only the placeholders of the note may lack both", row=i)
        out.append(DataElement(tag=tag, mask=mask, tag_text=tag_text, name=name,
                               keyword=keyword, vr=vr, vm=vm, retired=retired,
                               retired_since=retired_since, usage=usage, note=note,
                               table=table.label))
    return out


def element_tables(std: Standard) -> list[Table]:
    """Table 6-1 (from its declared source) and every other data element registry of PS3.6."""
    main = std.table(PART, "6-1")
    if not main.caption.startswith(REGISTRY_CAPTION):
        raise _error(main, f"caption is {main.caption!r}, expected 'Registry of DICOM Data "
                           "Elements'")
    tables = [main]
    for t in std.document(PART).tables_titled(REGISTRY_CAPTION):
        if t.label != "6-1" and t.caption.endswith("Elements"):
            tables.append(std.table(PART, t.label))
    return tables


def read_data_elements(std: Standard) -> list[DataElement]:
    """Every data element of the PS3.6 registries (Tables 6-1, 7-1, 8-1, 9-1), sorted by tag.

    Raises
    ------
    TableError
        When a table's header is not as expected, a row cannot be parsed, or a tag is listed
        twice with different contents.
    """
    out: dict[tuple[int, int], DataElement] = {}
    for table in element_tables(std):
        edition = std.document(PART, table.label).edition
        for el in _read_element_table(std, table, edition):
            key = (el.tag, el.mask)
            prev = out.get(key)
            if prev is not None:
                raise _error(table, f"{el.tag_text} is also in Table {prev.table}")
            out[key] = el
    return sorted(out.values(), key=lambda e: (e.tag, e.mask))


def read_element_tables(std: Standard) -> list[RegistryTable]:
    """Label and caption of each data element registry read."""
    return [RegistryTable(t.label, t.caption) for t in element_tables(std)]


# --------------------------------------------------------------------------------- UIDs

def _find(std: Standard, caption: str, prefix: str) -> Table | None:
    """The Annex table captioned exactly ``caption`` with a label starting ``prefix``."""
    found = [t for t in std.document(PART).tables_titled(caption) if t.caption == caption]
    if not found:
        return None
    if len(found) > 1:
        raise CodegenError(f"{found[0].source}: {len(found)} tables captioned {caption!r}: "
                           f"{[t.label for t in found]}")
    if not found[0].label.startswith(prefix):
        raise _error(found[0], f"table {caption!r} is labelled {found[0].label!r}, expected "
                               f"a label in Annex {prefix.rstrip('-.')}")
    return std.table(PART, found[0].label)


def _uid_value(table: Table, text: str, row: int) -> str:
    value = _uid_text(text)
    if not _UID.match(value):
        raise _error(table, f"UID {text!r} is not a UID", row=row)
    return value


def _keyword(table: Table, text: str, row: int) -> str:
    if text and not text.isidentifier():
        raise _error(table, f"keyword {text!r} is not an identifier", row=row)
    return text


def _split_part(text: str) -> tuple[str, str]:
    """``"PS3.4 (2004)"`` -> ``("PS3.4", "2004")``; ``"(2015c)"`` -> ``("", "2015c")``."""
    m = _YEAR.match(text)
    return (m.group(1), m.group(2)) if m else (text, "")


def _read_a1(std: Standard) -> list[Uid]:
    table = _find(std, "UID Values", "A-")
    if table is None:
        raise CodegenError(f"{std.document(PART).name}: no Table 'UID Values' (Table A-1)")
    edition = std.document(PART, table.label).edition
    fixes = fixes_for(PART, table.label, edition)
    cols = _columns(table, [("UID Value",), ("UID Name",), ("UID Type",), ("Part",)])
    kw_col = table.columns.index("UID Keyword") if "UID Keyword" in table.columns else None
    out = []
    for i, row in enumerate(table.body, start=1):
        t = row.texts
        value = _uid_value(table, t[cols["UID Value"]], i)
        value = fixes.get((value, "value"), value)
        name = fixes.get((value, "name"), t[cols["UID Name"]])
        kw = _keyword(table, fixes.get((value, "keyword"),
                                       t[kw_col] if kw_col is not None else ""), i)
        type_ = fixes.get((value, "type"), t[cols["UID Type"]])
        part, since = _split_part(t[cols["Part"]])
        if not type_:
            raise _error(table, f"UID {value} has no type", row=i)
        retired = row.italic or "(Retired)" in name or bool(since)
        out.append(Uid(value=value, name=name, keyword=kw, type=type_, part=part,
                       retired=retired, retired_since=since, table=table.label))
    return out


def read_uid_values(std: Standard) -> list[Uid]:
    """Every row of PS3.6 Table A-1 "UID Values", in table order, corrections applied (the
    other tables of :func:`read_uids` are not read)."""
    return _read_a1(std)


def read_frames_of_reference(std: Standard) -> list[FrameOfReference]:
    """The well-known frames of reference of Table A-2 (empty when the edition lacks it)."""
    table = _find(std, "Well-known Frames of Reference", "A-")
    if table is None:
        return []
    cols = _columns(table, [("UID Value",), ("UID Name",), ("Normative Reference",)])
    kw_col = table.columns.index("UID Keyword") if "UID Keyword" in table.columns else None
    out = []
    for i, row in enumerate(table.body, start=1):
        t = row.texts
        out.append(FrameOfReference(
            value=_uid_value(table, t[cols["UID Value"]], i), name=t[cols["UID Name"]],
            keyword=_keyword(table, t[kw_col] if kw_col is not None else "", i),
            reference=t[cols["Normative Reference"]]))
    return out


def read_context_group_uids(std: Standard) -> list[ContextGroupUid]:
    """The context group UIDs of Table A-3 (empty when the edition lacks it)."""
    table = _find(std, "Context Group UID Values", "A-")
    if table is None:
        return []
    cols = _columns(table, [("Context Group UID", "Context UID"),
                            ("Context Group Identifier", "Context Identifier"),
                            ("Context Group Name",)])
    comment = table.columns.index("Comment") if "Comment" in table.columns else None
    out = []
    for i, row in enumerate(table.body, start=1):
        t = row.texts
        value = _uid_value(table, t[cols["Context Group UID"]], i)
        ident = t[cols["Context Group Identifier"]]
        cid: int | None = None
        if ident:
            m = _CID.match(ident)
            if not m:
                raise _error(table, f"context group identifier {ident!r} is not a CID", row=i)
            cid = int(m.group(1) or m.group(2))
        name = t[cols["Context Group Name"]]
        if _CID_REF.match(name):
            name = ""
        note = t[comment] if comment is not None else ""
        retired = row.italic or "(Retired)" in name or note.startswith(("RET", "Retired"))
        out.append(ContextGroupUid(value=value, cid=cid, name=name, retired=retired))
    return out


def read_template_uids(std: Standard) -> list[Uid]:
    """The template UIDs of Table A-4 (2015 and later; empty when the edition lacks it)."""
    table = _find(std, "Template UID Values", "A-")
    if table is None:
        return []
    cols = _columns(table, [("UID Value",), ("UID Name",), ("UID Type",), ("Part",)])
    out = []
    for i, row in enumerate(table.body, start=1):
        t = row.texts
        part, since = _split_part(t[cols["Part"]])
        name = t[cols["UID Name"]]
        out.append(Uid(value=_uid_value(table, t[cols["UID Value"]], i), name=name, keyword="",
                       type=t[cols["UID Type"]], part=part,
                       retired=row.italic or "(Retired)" in name or bool(since),
                       retired_since=since, table=table.label))
    return out


def read_color_palettes(std: Standard) -> list[ColorPalette]:
    """The standard color palettes of Table B.1-1 (empty when the edition lacks it)."""
    table = _find(std, "Standard Color Palettes", "B.")
    if table is None:
        return []
    cols = _columns(table, [("Well-known SOP Instance UID",), ("Content Label (0070,0080)",),
                            ("Content Description (0070,0081)",), ("Section",),
                            ("URL of Reference Encoded Instance",)])
    out = []
    for i, row in enumerate(table.body, start=1):
        t = row.texts
        section = t[cols["Section"]].removeprefix("Section ")
        out.append(ColorPalette(uid=_uid_value(table, t[cols["Well-known SOP Instance UID"]], i),
                                label=t[cols["Content Label (0070,0080)"]],
                                description=t[cols["Content Description (0070,0081)"]],
                                section=section,
                                url=t[cols["URL of Reference Encoded Instance"]]))
    return out


def read_uids(std: Standard) -> list[Uid]:
    """Every UID PS3.6 Annex A registers, sorted by value.

    Table A-1 first; then the frames of reference of Table A-2 that A-1 does not list (2016
    and later list them only in A-2), typed "Well-known frame of reference"; the context
    group UIDs of Table A-3 (type "Context Group Name", name "CID n" where the edition gives
    only a reference); and the template UIDs of Table A-4.  ``table`` tells them apart.

    Raises
    ------
    TableError
        When a header or row is not as expected, or a UID is registered twice in A-1.
    """
    out: dict[str, Uid] = {}
    for u in _read_a1(std):
        if u.value in out:
            raise CodegenError(f"PS3.6 Table A-1: UID {u.value} is listed twice")
        out[u.value] = u
    for f in read_frames_of_reference(std):
        if f.value in out:
            continue
        out[f.value] = Uid(value=f.value, name=f.name, keyword=f.keyword,
                           type=FRAME_OF_REFERENCE_TYPE, part="", retired=False,
                           retired_since="", table="A-2")
    for c in read_context_group_uids(std):
        if c.value not in out:
            name = c.name or (f"CID {c.cid}" if c.cid is not None else "")
            out[c.value] = Uid(value=c.value, name=name, keyword="", type=CONTEXT_GROUP_TYPE,
                               part="PS3.16", retired=c.retired, retired_since="",
                               table="A-3")
    for tu in read_template_uids(std):
        out.setdefault(tu.value, tu)
    return sorted(out.values(), key=lambda u: uid_sort_key(u.value))


def uid_sort_key(value: str) -> tuple[int, ...]:
    """Numeric order of UID components (``1.2.10`` after ``1.2.9``)."""
    return tuple(int(x) for x in value.split("."))


# ------------------------------------------------------------------------------ modules

#: Module-level names of the generated ``uids`` module a keyword constant must not shadow.
UIDS_MODULE_NAMES = frozenset({
    "UIDS", "FRAMES_OF_REFERENCE", "CONTEXT_GROUP_UIDS", "RETIRED_CONTEXT_GROUP_UIDS",
    "TEMPLATE_UIDS", "COLOR_PALETTES", "Final", "annotations",
})


def constant_uids(uids: Iterable[Uid]) -> list[Uid]:
    """The registry UIDs whose keyword can be a module-level constant, in UID order.

    A keyword qualifies when it is a valid Python identifier and not a Python keyword.

    Raises
    ------
    CodegenError
        When two UIDs share a keyword, or a keyword would shadow a name of the module.
    """
    seen: dict[str, str] = {}
    out = []
    for u in uids:
        kw = u.keyword
        if not kw or not kw.isidentifier() or pykeyword.iskeyword(kw):
            continue
        if kw in UIDS_MODULE_NAMES:
            raise CodegenError(f"PS3.6 Table {u.table}: keyword {kw} of {u.value} would "
                               "shadow a name of the generated uids module")
        if kw in seen:
            raise CodegenError(f"PS3.6 Table {u.table}: keyword {kw} names both "
                               f"{seen[kw]} and {u.value}")
        seen[kw] = u.value
        out.append(u)
    return out


def _build_dictionary(std: Standard) -> dict[str, Any]:
    nema = read_data_elements(std)
    second = second_rank_elements(std, nema)
    elements = sorted([*nema, *second], key=lambda e: (e.tag, e.mask))
    return {
        "tables": read_element_tables(std),
        "second_rank": [e for e in second if not e.repeating],
        "second_rank_repeaters": [e for e in second if e.repeating],
        "second_rank_sources": tuple(sorted({e.source for e in second})),
        "exact": [e for e in elements if not e.repeating],
        # fewest wildcards first, so that lookup finds the most specific entry
        "repeaters": sorted((e for e in elements if e.repeating),
                            key=lambda e: (-e.mask.bit_count(), e.tag)),
        "notes": [e for e in elements if e.note],
        "usage": [e for e in elements if e.usage],
        "other_tables": [e for e in elements if e.table != "6-1"],
    }


def _build_uids(std: Standard) -> dict[str, Any]:
    uids = read_uids(std)
    registry = [u for u in uids if u.table in ("A-1", "A-2")]
    groups = read_context_group_uids(std)
    by_cid: dict[int, str] = {}
    for g in groups:
        if g.cid is not None and by_cid.setdefault(g.cid, g.value) != g.value:
            raise CodegenError(f"PS3.6 Table A-3: CID {g.cid} has two UIDs, "
                               f"{by_cid[g.cid]} and {g.value}")
    return {
        "uids": registry,
        "constants": constant_uids(registry),
        "frames": read_frames_of_reference(std),
        "context_groups": sorted(by_cid.items()),
        "retired_context_groups": sorted((g for g in groups if g.retired),
                                         key=lambda g: uid_sort_key(g.value)),
        "templates": read_template_uids(std),
        "palettes": read_color_palettes(std),
    }


MODULES = [
    ModuleSpec("dictionary", _build_dictionary,
               {"dictionary.py": "dictionary.py.j2", "dictionary.pyi": "dictionary.pyi.j2"},
               "data element registry: tag -> VR, VM, name, keyword, retired (PS3.6 6-9; "
               "what Table 6-1 lacks from a newer second rank registry, dcmtk's dicom.dic)",
               reads=(6,)),
    ModuleSpec("tags", _build_dictionary, {"tags.py": "tags.py.j2", "tags.pyi": "tags.pyi.j2"},
               "one named constant per data element keyword: tags.PixelData == 0x7FE00010 "
               "(PS3.6 6-9, with the second rank registry)",
               reads=(6,)),
    ModuleSpec("uids", _build_uids, {"uids.py": "uids.py.j2", "uids.pyi": "uids.pyi.j2"},
               "registered UIDs, frames of reference, context group and template UIDs, "
               "color palettes (PS3.6 Annex A, B)",
               reads=(6,)),
]
