"""The data dictionary as the runtime uses it: the generated registries, and a user's own over them.

The generated tables (:mod:`dicomkit.generated.dictionary`, PS3.6 with what Table 6-1 lacks from
dcmtk's ``dicom.dic``; :mod:`dicomkit.generated.private_dictionary`, dcmtk's ``private.dic``) are
read as they are.  On top of them come entries a user adds:

- from Python: :func:`add_dict_entries` / :func:`add_dict_entry` for public elements and
  :func:`add_private_dict_entries` / :func:`add_private_dict_entry` for private ones (as pydicom's
  functions of the same names);
- from files in dcmtk's ``.dic`` format (:func:`load_dic`), among them every file named in
  ``$DICOMKIT_DICT_PATH`` (paths separated by :data:`os.pathsep`, like dcmtk's ``DCMDICTPATH``),
  read once, on the first lookup.

A user's entry overrides the generated one for the same tag (or the same creator, group and
element); later files and calls override earlier ones.  :func:`lookup`, :func:`tag_for_keyword`
and :func:`private_lookup` see both; with no user entries they cost what the generated lookups
cost, plus one test of a flag.

The ``.dic`` format (dcmtk ``dcmdata/libsrc/dcdict.cc``, and the header comments of its files):
one entry a line, tab-separated ``Tag VR Name [VM [Version]]`` (VM ``1`` and Version ``DICOM``
when left out), white space within the VR, Name, VM and Version fields ignored, ``#`` comment
lines and blank lines skipped.  Tags are ``(gggg,eeee)``; a range ``(gggg-gggg,eeee)`` (or of
elements, ``(gggg,eeee-eeee)``) holds its even numbers, ``-o-`` its odd ones and ``-u-`` all,
over whole hex digits (``6000-60FF`` is ``60xx``); a private element is ``(gggg,"CREATOR",ee)``
(element ``xxee`` of whichever block ``xx`` the creator reserved, PS3.5 7.8.1) or
``(gggg,"CREATOR",eeee)`` with ``eeee`` of ``1000`` or more (that element only).  VRs are the
standard's, or dcmtk's ``xs`` (US or SS), ``ox``/``px`` (OB or OW), ``lt`` (US or SS or OW),
``up`` (UL), ``na`` (none).  A Name beginning ``RETIRED_`` (or Version ``DICOM/retired``) is
retired and keyword is the Name without the prefix; the file gives no separate name, so an
entry's name is its keyword.  Entries with Version ``PRIVATE``, ``ILLEGAL`` or ``GENERIC``
(dcmtk's catch-alls for group lengths and private creators, PS3.5 7.2 and 7.8.1, which the
runtime applies itself) are skipped.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeAlias

from dicomkit.errors import DicomError
from dicomkit.generated import dictionary as _generated
from dicomkit.generated.vrs import VRS

#: The environment variable naming ``.dic`` files read on first use (``os.pathsep``-separated).
DICT_PATH_ENV = "DICOMKIT_DICT_PATH"

#: (VR, VM, name, keyword, retired), as :data:`dicomkit.generated.dictionary.Entry`.
Entry: TypeAlias = tuple[str, str, str, str, bool]
#: (VR, VM, name, keyword), as :data:`dicomkit.generated.private_dictionary.PrivateEntry`.
PrivateEntry: TypeAlias = tuple[str, str, str, str]

#: dcmtk's own VR names (not the standard's) and the VRs of the standard they stand for.
DCMTK_VRS = {"xs": "US or SS", "ox": "OB or OW", "px": "OB or OW", "lt": "US or SS or OW",
             "up": "UL", "na": ""}
#: Versions of dcmtk's catch-all entries, which are skipped.
SKIPPED_VERSIONS = frozenset({"PRIVATE", "ILLEGAL", "GENERIC"})
_RETIRED = "RETIRED_"

_PART = r"([0-9A-Fa-f]{4})(?:-(?:([oOeEuU])-)?([0-9A-Fa-f]{4}))?"
_TAG = re.compile(rf'^\(\s*{_PART}\s*,\s*(?:"([^"]*)"\s*,\s*)?([0-9A-Fa-f]{{2}}|[0-9A-Fa-f]{{4}})'
                  r'(?:-(?:([oOeEuU])-)?([0-9A-Fa-f]{4}))?\s*\)$')
_VM_ONE = r"\d+(?:-\d*n|-\d+)?"
_VM = re.compile(rf"^{_VM_ONE}(?: or {_VM_ONE})*$")
_WS = re.compile(r"\s+")


class DictionaryError(DicomError):
    """A data dictionary entry that cannot be taken: a bad line of a ``.dic`` file (with file and
    line) or a bad entry given from Python.

    Attributes
    ----------
    source
        The file, or ``""`` for entries given from Python.
    line
        The 1-based line of the file, or 0.
    """

    def __init__(self, message: str, *, source: str = "", line: int = 0) -> None:
        self.source = source
        self.line = line
        where = f"{source}, line {line}: " if source and line else (f"{source}: " if source
                                                                   else "")
        super().__init__(where + message)


# ------------------------------------------------------------------------- the tables

@dataclass
class _Tables:
    """The user's entries, and the merged views the lookups read."""

    #: generated ELEMENTS with the user's exact entries over them (the generated dict itself
    #: until the user adds one)
    elements: dict[int, Entry]
    #: the user's exact entries alone
    user: dict[int, Entry]
    #: the user's repeating entries: (mask, value, element parity or -1, entry), newest first
    repeaters: list[tuple[int, int, int, Entry]]
    #: creator -> {group << 16 | element: entry}, as the generated PRIVATE_ELEMENTS
    private: dict[str, dict[int, PrivateEntry]]
    #: creator -> [(group mask, group, element, entry)], newest first
    private_repeaters: dict[str, list[tuple[int, int, int, PrivateEntry]]]
    keywords: dict[str, int] | None = None
    #: how many times the user changed the tables (caches built on them key on it)
    generation: int = 0


_tables = _Tables(elements=_generated.ELEMENTS, user={}, repeaters=[], private={},
                  private_repeaters={})
_pending = True  # $DICOMKIT_DICT_PATH not read yet
_lock = threading.RLock()
_private_module: ModuleType | None = None
#: the generated private dictionary's lookup, once imported
_generated_private_lookup: Callable[[str, int], PrivateEntry | None] | None = None
_user_private = False  # any private entry of the user's


def _generated_private() -> ModuleType:
    """The generated private dictionary, imported on first need (it is large)."""
    global _private_module, _generated_private_lookup
    module = _private_module
    if module is None:
        from dicomkit.generated import private_dictionary

        module = _private_module = private_dictionary
        _generated_private_lookup = private_dictionary.lookup
    return module


def _load_environment() -> None:
    """Read the files of ``$DICOMKIT_DICT_PATH``, once (a failure is raised, and not retried)."""
    global _pending
    with _lock:
        if not _pending:
            return
        _pending = False
        for name in os.environ.get(DICT_PATH_ENV, "").split(os.pathsep):
            if name.strip():
                load_dic(name.strip())


def lookup(tag: int) -> Entry | None:
    """The dictionary entry of public ``tag``: the user's, else the generated one; else None.

    Exact tags first, then repeating groups (the user's before the generated ones).  Odd
    groups are private (PS3.5 7.8) and never match a repeating entry; see
    :func:`private_lookup` for them.
    """
    if _pending:
        _load_environment()
    tables = _tables
    entry = tables.elements.get(tag)
    if entry is not None or (tag >> 16) & 1:
        return entry
    for mask, value, parity, rep in tables.repeaters:
        if tag & mask == value and (parity < 0 or tag & 1 == parity):
            return rep
    for mask, value, rep in _generated.REPEATERS:
        if tag & mask == value:
            return rep
    return None


def tag_for_keyword(keyword: str) -> int | None:
    """The tag of ``keyword`` (the user's entries and the generated ones), else None."""
    if _pending:
        _load_environment()
    tables = _tables
    if tables.repeaters or tables.user:
        index = tables.keywords
        if index is None:
            with _lock:
                index = {e[3]: value for _m, value, _p, e in reversed(tables.repeaters) if e[3]}
                index.update({e[3]: t for t, e in tables.user.items() if e[3]})
                tables.keywords = index
        found = index.get(keyword)
        if found is not None:
            return found
    return _generated.tag_for_keyword(keyword)


def private_lookup(creator: str, tag: int) -> PrivateEntry | None:
    """The entry of private element ``tag`` in the block reserved by ``creator``, else None.

    ``creator`` is the value of the private creator element (gggg,00xx) with ``xx`` the block
    of ``tag`` (PS3.5 7.8.1), without padding (:func:`private_creator_name`).  The user's
    entries are looked at first; in each table the offset within the block is tried first,
    then the full element (entries tied to one block), then ranges of groups, as dcmtk does.
    """
    if _pending:
        _load_environment()
    if _user_private:
        entry = _private_in(_tables, creator, tag)
        if entry is not None:
            return entry
    generated = _generated_private_lookup
    if generated is None:
        _generated_private()
        generated = _generated_private_lookup
        assert generated is not None
    return generated(creator, tag)


def _private_in(tables: _Tables, creator: str, tag: int) -> PrivateEntry | None:
    block = tables.private.get(creator)
    entry = None
    if block is not None:
        entry = block.get(tag & 0xFFFF00FF)
        if entry is None:
            entry = block.get(tag)
    if entry is None and creator in tables.private_repeaters:
        group, element = tag >> 16, tag & 0xFFFF
        for mask, value, el, rep in tables.private_repeaters[creator]:
            if group & mask == value and (el == element & 0xFF or el == element):
                return rep
    return entry


_creator_names: dict[bytes, str] = {}


def private_creator_name(value: object) -> str:
    """The private creator a (gggg,00xx) value names: text without leading and trailing spaces
    and NULs (LO padding, PS3.5 6.2); bytes as read are decoded as ASCII (ISO 646, the
    repertoire private creators are written in; other bytes become U+FFFD, matching no entry).

    Bytes are remembered (a few hundred creators at most), so the lookup for each private
    element of a block costs one dictionary access.
    """
    if type(value) is bytes:
        name = _creator_names.get(value)
        if name is None:
            name = value.decode("ascii", "replace").strip(" \x00")
            if len(_creator_names) < 4096:
                _creator_names[value] = name
        return name
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("ascii", "replace").strip(" \x00")
    if isinstance(value, str):
        return value.strip(" \x00")
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0].strip(" \x00")
    return ""


def reset() -> None:
    """Drop every entry a user added, and read ``$DICOMKIT_DICT_PATH`` again on the next lookup
    (for tests, and for programs that change the variable)."""
    global _pending, _user_private
    with _lock:
        _user_private = False
        _tables.elements = _generated.ELEMENTS
        _tables.user.clear()
        _tables.repeaters.clear()
        _tables.private.clear()
        _tables.private_repeaters.clear()
        _tables.keywords = None
        _tables.generation += 1
        _pending = True


# ------------------------------------------------------------------------ adding entries

def _check_vr(vr: str, where: str) -> str:
    vr = DCMTK_VRS.get(vr, vr)
    if vr and not all(v in VRS for v in vr.split(" or ")):
        raise DictionaryError(f"{where}VR {vr!r} is not a VR (PS3.5 Table 6.2-1) nor one of "
                              f"dcmtk's ({', '.join(sorted(DCMTK_VRS))})")
    return vr


def _check_vm(vm: str, where: str) -> str:
    if not _VM.match(vm):
        raise DictionaryError(f"{where}VM {vm!r} is not a value multiplicity (1, 1-3, 1-n, "
                              "2-2n)")
    return vm


def generation() -> int:
    """A number that changes whenever the user's entries change (:func:`add_dict_entries`,
    :func:`add_private_dict_entries`, ``.dic`` files): a cache of lookups keys on it."""
    if _pending:
        _load_environment()
    return _tables.generation


def _add_exact(entries: dict[int, Entry]) -> None:
    """Put the user's exact entries over the generated ones (a copy is made the first time)."""
    with _lock:
        if entries:
            if _tables.elements is _generated.ELEMENTS:
                _tables.elements = dict(_generated.ELEMENTS)
            _tables.elements.update(entries)
            _tables.user.update(entries)
        _tables.keywords = None
        _tables.generation += 1


def add_dict_entries(entries: Mapping[int, tuple[str, str, str] | tuple[str, str, str, str]
                                      | tuple[str, str, str, str, bool]]) -> None:
    """Add or override public data dictionary entries: ``{tag: (VR, VM, name[, keyword[,
    retired]])}``; the keyword defaults to the name without spaces, retired to False.

    Raises
    ------
    DictionaryError
        For a private (odd group) tag, a tag outside 32 bits, a bad VR or VM, or a keyword that
        is not an identifier.
    """
    checked: dict[int, Entry] = {}
    for tag, value in entries.items():
        where = f"({int(tag) >> 16:04X},{int(tag) & 0xFFFF:04X}): " if 0 <= tag <= 0xFFFFFFFF \
            else ""
        if not 0 <= tag <= 0xFFFFFFFF:
            raise DictionaryError(f"{tag!r} is not a tag")
        if (tag >> 16) & 1:
            raise DictionaryError(f"{where}a private tag; add it with add_private_dict_entries")
        if not 3 <= len(value) <= 5:
            raise DictionaryError(f"{where}expected (VR, VM, name[, keyword[, retired]])")
        vr, vm, name = str(value[0]), str(value[1]), str(value[2])
        keyword = str(value[3]) if len(value) > 3 else _WS.sub("", name)
        retired = bool(value[4]) if len(value) > 4 else False
        if not keyword.isidentifier():
            raise DictionaryError(f"{where}keyword {keyword!r} is not an identifier")
        checked[int(tag)] = (_check_vr(vr, where), _check_vm(vm, where), name, keyword, retired)
    with _lock:
        _add_exact(checked)


def add_dict_entry(tag: int, vr: str, keyword: str, name: str = "", vm: str = "1",
                   retired: bool = False) -> None:
    """Add or override one public entry (the name defaults to the keyword)."""
    add_dict_entries({tag: (vr, vm, name or keyword, keyword, retired)})


def add_private_dict_entries(creator: str, entries: Mapping[
        int, tuple[str, str, str] | tuple[str, str, str, str]]) -> None:
    """Add or override private entries of ``creator``: ``{tag: (VR, VM, name[, keyword])}``.

    As in pydicom, the block byte of each tag is ignored: ``0x00410010`` is element ``xx10`` of
    whichever block ``creator`` reserved in group 0041.  The keyword defaults to the name
    without spaces.

    Raises
    ------
    DictionaryError
        For an empty creator, a tag that is not private (an odd group), a bad VR or VM.
    """
    creator = creator.strip(" \x00")
    if not creator:
        raise DictionaryError("a private creator is needed")
    checked: dict[int, PrivateEntry] = {}
    for tag, value in entries.items():
        if not 0 <= tag <= 0xFFFFFFFF or not (tag >> 16) & 1:
            raise DictionaryError(f"{tag!r} is not a private tag (odd group); add public "
                                  "entries with add_dict_entries")
        where = f"({tag >> 16:04X},{tag & 0xFFFF:04X}) of {creator!r}: "
        if not 3 <= len(value) <= 4:
            raise DictionaryError(f"{where}expected (VR, VM, name[, keyword])")
        vr, vm, name = str(value[0]), str(value[1]), str(value[2])
        keyword = str(value[3]) if len(value) > 3 else _WS.sub("", name)
        checked[tag & 0xFFFF00FF] = (_check_vr(vr, where), _check_vm(vm, where), name, keyword)
    global _user_private
    with _lock:
        _tables.private.setdefault(creator, {}).update(checked)
        _user_private = True
        _tables.generation += 1


def add_private_dict_entry(creator: str, tag: int, vr: str, name: str, vm: str = "1") -> None:
    """Add or override one private entry of ``creator`` (see :func:`add_private_dict_entries`)."""
    add_private_dict_entries(creator, {tag: (vr, vm, name)})


# -------------------------------------------------------------------------- .dic files

@dataclass(frozen=True)
class DicEntry:
    """One entry of a ``.dic`` file, resolved.

    ``mask`` has 1-bits where the tag is fixed (``0xFF00FFFF`` for ``(6000-60FF,3000)``) and
    ``tag`` the tag with the other bits zero; ``parity`` is 0 or 1 when only even or odd
    elements of an element range are meant, else -1.  Private entries have ``creator`` set and
    ``tag`` holds group and element (an offset ``00``-``FF``, or ``1000``-``FFFF``) with
    ``mask`` covering the group only in its upper half.
    """

    line: int
    tag: int
    mask: int
    parity: int
    creator: str | None
    vr: str
    vm: str
    keyword: str
    retired: bool


def _mask(lo: int, hi: int) -> int | None:
    if lo == hi:
        return 0xFFFF
    for digits in (1, 2, 3, 4):
        low = (1 << (4 * digits)) - 1
        if lo & low == 0 and hi == lo | low:
            return 0xFFFF ^ low
    return None


def parse_dic(data: bytes | str, source: str = "") -> list[DicEntry]:
    """The entries of a ``.dic`` file's content, in file order (skipped versions left out).

    Raises
    ------
    DictionaryError
        Naming ``source`` and the line: text that is not UTF-8, a line with fewer than 3 or more
        than 5 tab-separated fields, a bad tag, range, VR, VM or keyword.
    """
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DictionaryError(f"not UTF-8 text ({exc.reason})", source=source,
                                  line=bytes(data)[:exc.start].count(b"\n") + 1) from None
    else:
        text = data
    out = []
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        entry = _parse_line(line, n, source)
        if entry is not None:
            out.append(entry)
    return out


def _parse_line(line: str, n: int, source: str) -> DicEntry | None:
    def bad(message: str) -> DictionaryError:
        return DictionaryError(message, source=source, line=n)

    fields = line.split("\t")
    if not 3 <= len(fields) <= 5:
        raise bad(f"{len(fields)} tab-separated field(s), expected Tag, VR, Name and optionally "
                  "VM and Version")
    version = _WS.sub("", fields[4]) if len(fields) > 4 else "DICOM"
    if version in SKIPPED_VERSIONS:
        return None
    tag_text = fields[0].strip()
    m = _TAG.match(tag_text)
    if not m:
        raise bad(f'tag {tag_text!r} is not (gggg,eeee), (gggg-gggg,eeee) or (gggg,"CREATOR",ee)')
    g, gp, g2, creator, e, ep, e2 = m.groups()
    group, element = int(g, 16), int(e, 16)
    group_hi, element_hi = int(g2 or g, 16), int(e2 or e, 16)
    if group_hi < group or element_hi < element:
        raise bad(f"range {tag_text} ends before it starts")
    try:
        vr = _check_vr(_WS.sub("", fields[1]), "")
        vm = _check_vm(_WS.sub("", fields[3]) if len(fields) > 3 else "1", "")
    except DictionaryError as exc:
        raise bad(str(exc)) from None
    name = _WS.sub("", fields[2])
    retired = name.startswith(_RETIRED) or version == "DICOM/retired"
    keyword = name.removeprefix(_RETIRED)
    if not keyword:
        raise bad("empty name")
    if creator is not None:
        if e2:
            raise bad("an element range in a private entry")
        if g2:
            gmask = _mask(group & 0xFFFE, group_hi) if (gp or "e").lower() != "e" else None
            if gmask is None:
                raise bad(f"group range {g}-{g2} is not a range of odd groups over whole hex "
                          "digits (like 6001-o-60FF)")
        else:
            gmask = 0xFFFF
            if not group & 1:
                raise bad(f"group {group:04X} of a private entry is not odd (PS3.5 7.8.1)")
        if (group_hi | 1) == 0xFFFF:
            raise bad("group FFFF is not a private group")
        if 0xFF < element < 0x1000:
            raise bad(f"element {element:04X} is neither an offset 00-FF in a block nor an "
                      "element 1000-FFFF")
        creator = creator.strip(" \x00")
        if not creator:
            raise bad("empty private creator")
        return DicEntry(n, ((group & gmask) << 16) | element, (gmask << 16) | 0xFFFF, -1,
                        creator, vr, vm, keyword, retired)
    if len(e) != 4:
        raise bad(f"element of {tag_text} needs four hex digits")
    if group & 1:
        raise bad(f"group {group:04X} is private (odd): a private entry names its creator, "
                  '(gggg,"CREATOR",ee)')
    gmask, emask = _mask(group, group_hi), _mask(element, element_hi)
    if gmask is None or emask is None:
        raise bad(f"range {tag_text} does not run over whole hex digits (as 60xx or 31xx do)")
    if g2 and (gp or "e").lower() != "e":
        raise bad(f"{tag_text}: a public range of odd groups (odd groups are private)")
    parity = -1
    if e2:
        parity = {"e": 0, "o": 1, "u": -1}[(ep or "e").lower()]
    if not keyword.isidentifier():
        raise bad(f"keyword {keyword!r} is not an identifier")
    return DicEntry(n, (group << 16) | element, (gmask << 16) | emask, parity, None, vr, vm,
                    keyword, retired)


def add_dic_entries(entries: list[DicEntry]) -> None:
    """Add parsed ``.dic`` entries (later ones override earlier ones and the generated ones)."""
    global _user_private
    with _lock:
        _user_private = _user_private or any(d.creator is not None for d in entries)
        exact: dict[int, Entry] = {}
        for d in entries:
            if d.creator is not None:
                entry: PrivateEntry = (d.vr, d.vm, d.keyword, d.keyword)
                group, element = d.tag >> 16, d.tag & 0xFFFF
                gmask = d.mask >> 16
                if gmask == 0xFFFF:
                    _tables.private.setdefault(d.creator, {})[d.tag] = entry
                else:
                    reps = _tables.private_repeaters.setdefault(d.creator, [])
                    reps[:] = [r for r in reps if (r[0], r[1], r[2]) != (gmask, group, element)]
                    reps.insert(0, (gmask, group, element, entry))
            elif d.mask == 0xFFFFFFFF:
                exact[d.tag] = (d.vr, d.vm, d.keyword, d.keyword, d.retired)
            else:
                rep: Entry = (d.vr, d.vm, d.keyword, d.keyword, d.retired)
                _tables.repeaters[:] = [r for r in _tables.repeaters
                                        if (r[0], r[1], r[2]) != (d.mask, d.tag, d.parity)]
                _tables.repeaters.insert(0, (d.mask, d.tag, d.parity, rep))
        _add_exact(exact)


def load_dic(path: str | os.PathLike[str]) -> int:
    """Read a ``.dic`` file and add its entries; return how many were added.

    Raises
    ------
    DictionaryError
        When the file cannot be read, or a line is bad (naming file and line); nothing of the
        file is added then.
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read the data dictionary: {exc.strerror or exc}"
                              + (f" (named in ${DICT_PATH_ENV})"
                                 if name in os.environ.get(DICT_PATH_ENV, "") else ""),
                              source=name) from None
    entries = parse_dic(data, name)
    add_dic_entries(entries)
    return len(entries)
