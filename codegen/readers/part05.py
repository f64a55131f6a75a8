"""PS3.5 reader: value representations (Table 6.2-1, 7.1.2) and transfer syntaxes (Annex A).

Tables and sections are found by label and caption: the VR table is Table 6.2-1 "DICOM Value
Representations"; the size of the length field comes from the two tables of Section 7.1.2
captioned "Data Element with Explicit VR ...", whose captions list the VRs each applies to (the
two labels swapped between 2016 and 2024, so the reader goes by caption and content); transfer
syntaxes are the UIDs named in the sections of Annex A, classified by the section they are in.
"""

from __future__ import annotations

import re
from typing import Any

from dicomkit.codegen.document import Paragraph, Section, Table
from dicomkit.codegen.emit import ModuleSpec
from dicomkit.codegen.errors import CodegenError, TableError
from dicomkit.codegen.fixes import fixes_for
from dicomkit.codegen.model.encoding import TransferSyntax, Vr
from dicomkit.codegen.standard import Standard

_VR_CODE = re.compile(r"^([A-Z]{2})\s+(.+)$")
_MAX = re.compile(r"^(\d+)\s+(bytes|chars)\s+(maximum|fixed)")
_VR_LIST = re.compile(r"\b([A-Z]{2})\b")
_TS_UID = re.compile(r"\b1\.2\.840\.10008\.1\.2(?:\.\d+)*\b")
_TEXT_VRS_HINT = "shall not be multi-valued"


def _check_columns(table: Table, expected: tuple[str, ...]) -> None:
    cols = table.columns
    if tuple(cols[: len(expected)]) != expected:
        raise TableError(table.source, table.label,
                         f"header is {list(cols)}, expected it to start with {list(expected)}")


def _length_fields(std: Standard, codes: list[str]) -> dict[str, int]:
    """VR -> 16 or 32 from the explicit VR data element tables of PS3.5 7.1.2."""
    sec = std.section(5, "7.1.2")
    tables = [b for b in sec.iter_blocks() if isinstance(b, Table)
              and b.caption.startswith("Data Element with Explicit VR")]
    if len(tables) != 2:
        raise CodegenError(f"PS3.5 Section 7.1.2: expected two 'Data Element with Explicit VR' "
                           f"tables, found {len(tables)}")
    listed: dict[int, set[str]] = {}
    other: int | None = None
    for t in tables:
        text = " ".join(" ".join(r.texts) for r in t.body)
        size = 32 if "32-bit unsigned integer" in text or "Reserved" in text else 16
        m = re.search(r"Explicit VR of (.+)$", t.caption)
        if m and "other than" not in t.caption:
            listed[size] = set(_VR_LIST.findall(m.group(1)))
        else:
            other = size
    if other is None or len(listed) != 1:
        raise TableError(tables[0].source, tables[0].label,
                         "cannot tell which VRs have a 16-bit and which a 32-bit length field "
                         f"from the captions {[t.caption for t in tables]}")
    (size, vrs), = listed.items()
    return {c: (size if c in vrs else other) for c in codes}


_NULL_PAD = re.compile(r"Values with a VR of ([A-Z]{2}) shall be padded with a single trailing "
                       r"NULL")


def _null_padded(std: Standard) -> set[str]:
    """VRs padded with a trailing NULL, from the padding rules of PS3.5 6.2 (others: SPACE
    for character strings, nothing for binary values, which are always of even length)."""
    sec = std.section(5, "6.2")
    found: set[str] = set()
    for b in sec.blocks:
        if isinstance(b, Paragraph):
            found.update(_NULL_PAD.findall(b.text))
    if not found:
        raise CodegenError("PS3.5 Section 6.2: no 'Values with a VR of XX shall be padded with a "
                           "single trailing NULL' rule found; the padding rules moved")
    return found


def read_vrs(std: Standard) -> list[Vr]:
    """Every VR of Table 6.2-1 with its properties (PS3.5 6.2, 7.1.2)."""
    table = std.table(5, "6.2-1")
    _check_columns(table, ("VR Name", "Definition", "Character Repertoire", "Length of Value"))
    rows = []
    for i, row in enumerate(table.body, start=1):
        name_text, definition, repertoire, length = row.texts[:4]
        m = _VR_CODE.match(name_text)
        if not m:
            raise TableError(table.source, table.label,
                             f"VR Name {name_text!r} does not start with a two-letter VR", row=i)
        rows.append((m.group(1), m.group(2), definition, repertoire, length))
    fields = _length_fields(std, [r[0] for r in rows])
    null_padded = _null_padded(std)
    out = []
    for code, name, definition, repertoire, length in rows:
        mm = _MAX.match(length)
        max_length = int(mm.group(1)) if mm else None
        unit = mm.group(2) if mm else ("bytes" if length.startswith("2^32") else "")
        fixed = bool(mm and mm.group(3) == "fixed")
        binary = repertoire.lower().startswith("not applicable")
        if code == "SQ":
            kind = "sequence"
        elif code == "UN":
            kind = "unknown"
        elif binary:
            kind = "binary"
        elif _TEXT_VRS_HINT in definition or "shall not be multi-valued" in length:
            kind = "text"
        else:
            kind = "string"
        if code in null_padded:
            padding = "\x00"
        elif kind in ("string", "text"):
            padding = " "
        else:
            padding = ""
        out.append(Vr(code=code, name=name, kind=kind, max_length=max_length,
                      length_unit=unit, fixed=fixed, padding=padding,
                      length_field=fields[code], repertoire=repertoire, length_text=length,
                      definition=definition))
    return sorted(out, key=lambda v: v.code)


def _section_uids(sec: Section) -> dict[str, str]:
    """Transfer syntax UIDs named in the section's own paragraphs and tables, each with the
    text that names it first."""
    found: dict[str, str] = {}
    for b in sec.blocks:
        texts: list[str] = []
        if isinstance(b, Paragraph):
            texts = [b.text]
        elif isinstance(b, Table):
            texts = [" ".join(r.texts) for r in b.body]
        for t in texts:
            for uid in _TS_UID.findall(t):
                found.setdefault(uid, t)
    return found


def _classify(sec: Section, in_a4: bool) -> dict[str, bool]:
    """Encoding properties from the title of the Annex A section specifying a syntax."""
    title = sec.title
    return {
        "implicit_vr": "Implicit VR" in title,
        "little_endian": "Big Endian" not in title,
        "encapsulated": in_a4,
        "deflated": "Deflate" in title and "Image Frame" not in title,
        "referenced": "Referenced" in title,
    }


def _lossless(name: str, encapsulated: bool) -> bool | None:
    """Lossless, lossy or either, from the registry name (PS3.5 A.4 and PS3.6 Table A-1).

    Native syntaxes are lossless.  Names say "Lossless" (but not "Near-Lossless"), or "Lossy",
    or name a lossy process ("Baseline", "Extended", "MPEG", "HEVC", "H.264"); the JPEG 2000,
    HTJ2K and JPEG XL syntaxes that say neither allow both.
    """
    if not encapsulated:
        return True
    low = name.lower()
    if "lossy" in low and "lossless" in low.replace("near-lossless", ""):
        return None  # "lossy or lossless", "any compression method"
    if "near-lossless" in low or "lossy" in low:
        return False
    if "lossless" in low or "uncompressed" in low or "deflated image frame" in low:
        return True
    if "recompression" in low:
        return True
    if any(w in low for w in ("baseline", "extended", "spectral", "progressive", "mpeg",
                              "hevc", "h.264", "h.265")):
        return False
    return None


def read_transfer_syntaxes(std: Standard) -> list[TransferSyntax]:
    """Every transfer syntax PS3.5 Annex A specifies, with names from PS3.6 when on hand."""
    annex = std.section(5, "A")
    names: dict[str, tuple[str, str, bool]] = {}
    if 6 in std.parts:
        from dicomkit.codegen.readers.part06 import read_uids

        for u in read_uids(std):
            if u.type == "Transfer Syntax":
                names[u.value] = (u.name, u.keyword, u.retired)
    out: dict[str, TransferSyntax] = {}
    a4 = annex.sections and std.section(5, "A.4")
    edition = std.document(5).edition
    for sec in annex.walk():
        if sec is annex:
            continue
        in_a4 = bool(a4) and (sec.label == "A.4" or sec.label.startswith("A.4."))
        uids = _section_uids(sec)
        fixed_uid = fixes_for(5, sec.label, edition).get((sec.label, "uid"))
        if not uids and fixed_uid:
            uids = {fixed_uid: sec.title}
        for uid, text in uids.items():
            if uid in out:
                continue
            props = _classify(sec, in_a4 and sec.label != "A.4")
            if uid in names:
                name, keyword, retired = names[uid]
                lossless = _lossless(name, props["encapsulated"])
            else:
                # newer in PS3.5 than in the registry on hand: named by its section, and
                # classified by the sentence that specifies it
                name, keyword, retired = sec.title, "", False
                lossless = _lossless(text, props["encapsulated"])
            out[uid] = TransferSyntax(uid=uid, name=name, keyword=keyword, lossless=lossless,
                                      retired=retired, section=sec.label, **props)
    if not out:
        raise CodegenError(f"{annex.title}: no transfer syntax UIDs found in PS3.5 Annex A")
    return sorted(out.values(), key=lambda t: [int(x) for x in t.uid.split(".")])


def _build_vrs(std: Standard) -> dict[str, Any]:
    return {"vrs": read_vrs(std)}


def _build_transfer_syntaxes(std: Standard) -> dict[str, Any]:
    return {"syntaxes": read_transfer_syntaxes(std)}


MODULES = [
    ModuleSpec("vrs", _build_vrs, {"vrs.py": "vrs.py.j2"},
               "value representations (PS3.5 6.2, 7.1.2)",
               reads=(5,)),
    ModuleSpec("transfer_syntaxes", _build_transfer_syntaxes,
               {"transfer_syntaxes.py": "transfer_syntaxes.py.j2"},
               "transfer syntaxes and their encoding (PS3.5 Annex A, PS3.6 Table A-1)",
               reads=(5, 6)),
]
