"""Apply the Basic Application Level Confidentiality Profile and its options to a data set
(PS3.15 E.1.1, E.2, E.3, Table E.1-1).

Every element, at the top level and inside every sequence item, is looked up in Table E.1-1
(:func:`dicomkit.generated.deid.row_for`, masks included: curves (50xx,xxxx), overlays
(60xx,3000), private attributes) and the action its row gives under the profile
(:meth:`Profile.action`) is applied:

* X removes the element; Z gives it a zero-length value; D a dummy value of its VR
  (:mod:`dicomkit.deid.values`); U replaces each UID by its mapping (:class:`Mapper`); K keeps
  it.  A sequence that is kept, replaced by D or U, or cleaned keeps its items, each
  de-identified in turn (E.1.1: "Keeping a Sequence ('K' action) requires recursively applying
  the Profile rules to each Data Set in each Item of the Sequence"); in a sequence replaced by
  D (Content Sequence in the Basic Profile) the text no row names is replaced by dummy values
  too (Text Value of SR content items), code sequences and CS values excepted.
* Under the Clean Structured Content Option, the content items of Content Sequence,
  Acquisition Context Sequence and Specimen Preparation Sequence are cleaned by PS3.15 Table
  E.3.4-1, by their concept name code and value type: X removes the item, D (and X/D, which
  keeps the content tree's shape) replaces its values by dummies, K keeps it.
* A composite action (X/Z, X/D, Z/D, X/Z/D, X/Z/U*) takes its weakest step the IOD of the SOP
  class allows: X for Type 3 (or a tag the IOD does not name), Z for Type 2, D (U for
  X/Z/U*) for Type 1 (:mod:`dicomkit.deid.iodtypes`).
* C (clean): a sequence is de-identified item by item; DA and DT values under the Retain
  Longitudinal Temporal Information Modified Dates Option move by the patient's offset, TM
  values stay (offsets are whole days, so times of day and intervals are kept, E.3.6); a
  private element under the Retain Safe Private Option is kept when Table E.3.10-1 lists it
  for its Private Creator or Private Data Element Characteristics (0008,0300) declares it
  safe, handled as its Deidentification Action (0008,0307) says when one is given, removed
  otherwise (E.3.10); anything else goes to the ``cleaner``
  given, and when there is none, or it declines, the Basic Profile's action of the row
  applies (which never keeps the value).
* Elements no row names are kept (Table E.1-1 "defines the minimum actions required"), and
  sequences among them are de-identified item by item.  Group 0004 is removed (E.1.1).
* Then Patient Identity Removed (0012,0062), De-identification Method (0012,0063) and its
  Code Sequence (0012,0064) with the CID 7050 codes of the profile and options, and
  Longitudinal Temporal Information Modified (0028,0303) are set (E.1.1, E.2, E.3.6); the File
  Meta Information is replaced and the preamble cleared (E.1.1).

The input data set is not changed: a new one is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.deid.errors import OptionError
from dicomkit.deid.iodtypes import iod_types
from dicomkit.deid.mapping import Mapper
from dicomkit.deid.pixels import (
    PixelRules,
    Region,
    VisualCleaner,
    clean_pixel_data,
    clean_recognizable_visual_features,
)
from dicomkit.deid.profile import BASIC, Profile
from dicomkit.deid.report import Change, FileReport
from dicomkit.deid.values import dummy_value, empty_value, shift_date, shift_datetime
from dicomkit.generated import deid as table
from dicomkit.generated import tags
from dicomkit.generated.deid import Action, Option, ProfileRow

__all__ = ["Cleaner", "Deidentifier", "deidentify"]

#: ``cleaner(element, tag_path) -> new value``, or None to decline (see the module).
Cleaner = Callable[[DataElement, str], Any]

_A = Action
_MODIFIED = Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED_DATES
_SAFE = frozenset((s.group, s.creator.strip().upper(), s.element) for s in table.SAFE_PRIVATE)
_STEP_BY_TYPE = {3: (_A.DUMMY, _A.UID, _A.ZERO), 2: (_A.ZERO, _A.DUMMY, _A.UID)}
_STRUCTURED = Option.CLEAN_STRUCTURED_CONTENT
_VISUAL = Option.CLEAN_RECOGNIZABLE_VISUAL_FEATURES
#: text that a sequence replaced by dummy values (D) may hold outside any row: CS is left
#: (PS3.15 E.1.1: "it is usually safe to assume that code strings do not contain identifying
#: information"), and so are code sequences ("coded sequence entries ... do not contain
#: identifying information")
_DUMMY_TEXT_VRS = frozenset({"LO", "LT", "SH", "ST", "UC", "UT", "PN", "AE", "UR"})
_DATE_VALUE_TYPES = frozenset({"DATE", "TIME", "DATETIME"})


def _is_code_sequence(el: DataElement) -> bool:
    return el.keyword.endswith("CodeSequence")


def _path(parent: str, tag: int) -> str:
    here = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
    return f"{parent}.{here}" if parent else here


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class Deidentifier:
    """De-identifies data sets with one profile and one mapping.

    Parameters
    ----------
    profile
        The Basic Profile and its options (default: the Basic Profile alone).
    mapper
        UID replacements and date offsets (default: a new random secret, in memory).
    cleaner
        What C does where the profile leaves the cleaning to the de-identifier (descriptors,
        graphics); see the module.
    pixel_rules, pixel_regions
        With the Clean Pixel Data Option (PS3.15 E.3.1): the rules (a rules file, see
        :mod:`dicomkit.deid.pixels`) and the regions blanked in every image.
    visual_cleaner, visual_regions
        With the Clean Recognizable Visual Features Option (PS3.15 E.3.2): what removes the
        recognizable visual features of an image whose Recognizable Visual Features
        (0028,0302) is YES or absent (see
        :func:`dicomkit.deid.pixels.clean_recognizable_visual_features`); without either,
        such an image is refused (:class:`DeidError`), images saying NO pass.

    Raises
    ------
    OptionError
        The Clean Pixel Data Option without rules or regions, or rules or regions without it;
        a visual cleaner or visual regions without the Clean Recognizable Visual Features
        Option.
    """

    def __init__(self, profile: Profile | None = None, mapper: Mapper | None = None, *,
                 cleaner: Cleaner | None = None, pixel_rules: PixelRules | None = None,
                 pixel_regions: Iterable[Region] = (),
                 visual_cleaner: VisualCleaner | None = None,
                 visual_regions: Iterable[Region] = ()) -> None:
        self.profile = profile or Profile()
        self.mapper = mapper or Mapper()
        self.cleaner = cleaner
        self.pixel_rules = pixel_rules
        self.pixel_regions = tuple(pixel_regions)
        if self.profile.has(Option.CLEAN_PIXEL_DATA) and pixel_rules is None \
                and not self.pixel_regions:
            raise OptionError("the Clean Pixel Data Option (PS3.15 E.3.1) needs the regions to "
                              "blank: give pixel_regions or pixel_rules (a rules file)")
        if (pixel_rules is not None or self.pixel_regions) \
                and not self.profile.has(Option.CLEAN_PIXEL_DATA):
            raise OptionError("pixel regions or rules were given without the Clean Pixel Data "
                              "Option: add the option 'clean-pixel-data' to apply them")
        self.visual_cleaner = visual_cleaner
        self.visual_regions = tuple(visual_regions)
        if (visual_cleaner is not None or self.visual_regions) \
                and not self.profile.has(_VISUAL):
            raise OptionError("a visual features cleaner or regions were given without the "
                              "Clean Recognizable Visual Features Option: add the option "
                              "'clean-recognizable-visual-features' to apply them")
        self._methods = self.profile.methods

    # -- the profile ------------------------------------------------------------------------
    def deidentify(self, ds: Dataset, *, source: str = "") -> tuple[Dataset, FileReport]:
        """A de-identified copy of ``ds`` and the report of what changed.

        Replacements are recorded in the mapper's store by :meth:`Mapper.flush` (done by
        :func:`dicomkit.deid.files.deidentify_file` once the file is written).
        """
        report = FileReport(source=source or ds.filename)
        sop_class = _text(ds.get(tags.SOPClassUID).value if tags.SOPClassUID in ds else "")
        types = iod_types(sop_class.strip(" \x00"))
        offset = 0
        if self.profile.has(_MODIFIED):
            offset = self.mapper.date_offset(self._patient_key(ds))
        declared = declared_private(ds) if self.profile.has(Option.RETAIN_SAFE_PRIVATE) else {}
        state = _State(types, offset, report, declared)
        source_ds = ds
        if self.profile.has(Option.CLEAN_PIXEL_DATA):
            ds = ds.copy()
            _, notes = clean_pixel_data(ds, self.pixel_regions, rules=self.pixel_rules,
                                        source=report.source)
            vr = ds[tags.PixelData].vr
            for note in notes:
                report.changes.append(Change(_path("", tags.PixelData), "PixelData", vr, "C",
                                             "", Option.CLEAN_PIXEL_DATA.name,
                                             f"{note} (PS3.15 E.3.1)"))
            report.changes.append(Change(_path("", tags.BurnedInAnnotation),
                                         "BurnedInAnnotation", "CS", "+",
                                         detail="set as PS3.15 E.3.1 requires"))
        if self.profile.has(_VISUAL):
            if ds is source_ds:
                ds = ds.copy()
            _, notes = clean_recognizable_visual_features(
                ds, self.visual_cleaner, self.visual_regions, source=report.source)
            if tags.RecognizableVisualFeatures in ds and (
                    tags.RecognizableVisualFeatures not in source_ds
                    or ds[tags.RecognizableVisualFeatures].value
                    != source_ds[tags.RecognizableVisualFeatures].value):
                vr = ds[tags.PixelData].vr
                for note in notes:
                    report.changes.append(Change(_path("", tags.PixelData), "PixelData", vr,
                                                 "C", "", _VISUAL.name, f"{note} (PS3.15 E.3.2)"))
                report.changes.append(Change(_path("", tags.RecognizableVisualFeatures),
                                             "RecognizableVisualFeatures", "CS", "+",
                                             detail="set as PS3.15 E.3.2 requires"))
        out = self._dataset(ds, "", 0, state)
        self._set_required(out, report)
        meta = Dataset()
        if ds.file_meta is not None and ds.file_meta is not source_ds.file_meta \
                and tags.TransferSyntaxUID in ds.file_meta:  # pixels rewritten natively
            meta.add_new(tags.TransferSyntaxUID, "UI",
                         _text(ds.file_meta[tags.TransferSyntaxUID].value),
                         validation_mode="ignore")
        for meta_tag, tag in ((tags.MediaStorageSOPClassUID, tags.SOPClassUID),
                              (tags.MediaStorageSOPInstanceUID, tags.SOPInstanceUID)):
            if tag in out:
                meta.add_new(meta_tag, "UI", _text(out[tag].value), validation_mode="ignore")
        out.file_meta = meta
        out.preamble = None
        return out, report

    def _patient_key(self, ds: Dataset) -> str:
        parts = [_text(ds[t].value if t in ds else "").strip()
                 for t in (tags.PatientID, tags.IssuerOfPatientID)]
        if not parts[0]:
            parts = [_text(ds[t].value if t in ds else "").strip()
                     for t in (tags.PatientName, tags.PatientBirthDate)]
        return "\\".join(parts)

    def _set_required(self, out: Dataset, report: FileReport) -> None:
        codes = [table.OPTION_CODES[o] for o in self._methods]
        items = Sequence()
        for code in codes:
            item = Dataset()
            item.add_new(tags.CodeValue, "SH", code.value, validation_mode="ignore")
            item.add_new(tags.CodingSchemeDesignator, "SH", code.scheme, validation_mode="ignore")
            item.add_new(tags.CodeMeaning, "LO", code.meaning, validation_mode="ignore")
            items.append(item)
        longitudinal = next((v for o, v in table.LONGITUDINAL_VALUES.items()
                             if self.profile.has(o)), table.LONGITUDINAL_REMOVED)
        for tag, vr, value, why in (
                (tags.PatientIdentityRemoved, "CS", table.PATIENT_IDENTITY_REMOVED, "E.1.1"),
                (tags.DeidentificationMethod, "LO", [c.meaning for c in codes], "E.1.1"),
                (tags.DeidentificationMethodCodeSequence, "SQ", items, "E.1.1, CID 7050"),
                (tags.LongitudinalTemporalInformationModified, "CS", longitudinal,
                 "E.2, E.3.6")):
            out.add_new(tag, vr, value, validation_mode="ignore")
            report.changes.append(Change(_path("", tag), out[tag].keyword, vr, "+",
                                         detail=f"set as PS3.15 {why} requires"))

    # -- elements ---------------------------------------------------------------------------
    def _dataset(self, src: Dataset, parent: str, depth: int, state: _State,
                 dummy: bool = False) -> Dataset:
        """De-identify one data set or item; ``dummy``: it is inside a sequence the profile
        replaces with dummy values (D), so text no row names is replaced too."""
        out = Dataset(context=src.context)
        creators: dict[tuple[int, int], DataElement] = {}
        kept_blocks: set[tuple[int, int]] = set()
        dropped = self._dropped_groups(src, depth, state)
        for el in src.elements():
            tag = el.tag
            group = tag >> 16
            if group in dropped and table.row_for(tag) is None:
                state.report.changes.append(Change(
                    _path(parent, tag), el.keyword, el.vr, "X", detail=dropped[group]))
                continue
            if group == 0x0004:
                state.report.changes.append(Change(_path(parent, tag), el.keyword, el.vr, "X",
                                                   detail="group 0004 (PS3.15 E.1.1)"))
                continue
            if group & 1 and 0x0010 <= tag & 0xFFFF <= 0x00FF:
                creators[(group, tag & 0xFF)] = el
                continue
            row = table.row_for(tag)
            if row is None:
                if el.vr == "SQ":
                    out.add_new(tag, "SQ", self._items(el, parent, depth, state,
                                                       dummy and not _is_code_sequence(el)),
                                validation_mode="ignore")
                elif dummy and el.vr in _DUMMY_TEXT_VRS and el.value not in (None, ""):
                    out.add_new(tag, el.vr, dummy_value(el.vr), validation_mode="ignore")
                    state.report.changes.append(Change(
                        _path(parent, tag), el.keyword, el.vr, "D",
                        detail="text in a sequence the profile replaces with dummy values"))
                else:
                    out[tag] = el
                continue
            action, option = self.profile.action(row)
            if row.private:
                kept = self._private(el, src, row, action, option, out, parent, depth, state)
                if kept:
                    kept_blocks.add((group, (tag >> 8) & 0xFF))
                continue
            self._apply(el, row, action, option, out, parent, depth, state)
        for key, creator in creators.items():
            path = _path(parent, creator.tag)
            if key in kept_blocks:
                out[creator.tag] = creator
                state.report.changes.append(Change(path, "", creator.vr, "K", "C",
                                                   Option.RETAIN_SAFE_PRIVATE.name,
                                                   "Private Creator of retained elements"))
            else:
                state.report.changes.append(Change(path, "", creator.vr, "X", "X", BASIC.name,
                                                   "Private Creator"))
        return out

    def _dropped_groups(self, src: Dataset, depth: int, state: _State) -> dict[int, str]:
        """Repeating groups (60xx overlays) whose Type 1 element the profile removes: the
        rest of the group goes too, as its module cannot stay conformant without it (Overlay
        Data (60xx,3000) is Type 1 in the Overlay Plane Module, PS3.3 C.9.2)."""
        out: dict[int, str] = {}
        types = state.top if depth == 0 else state.nested
        for tag in src.keys():
            row = table.row_for(tag)
            if row is None or row.mask != 0xFF00FFFF or tag >> 16 & 1 or \
                    types.get(row.tag, 0) != 3:
                continue
            action, _ = self.profile.action(row)
            step = self._step(action, row.tag, depth, state)
            if step is _A.REMOVE or (step is _A.CLEAN and self.cleaner is None):
                out[tag >> 16] = (f"the rest of group {tag >> 16:04X}: its Type 1 {row.name} "
                                  f"({tag >> 16:04X},{tag & 0xFFFF:04X}) is removed")
        return out

    def _items(self, el: DataElement, parent: str, depth: int, state: _State,
               dummy: bool = False, structured: bool = False) -> Sequence:
        path = _path(parent, el.tag)
        out = Sequence()
        for i, item in enumerate(el.value or ()):
            here = f"{path}[{i}]"
            item_dummy = dummy
            if structured:
                verdict = self._content_item(item, here, state)
                if verdict is None:
                    continue
                item_dummy = item_dummy or verdict
            out.append(self._dataset(item, here, depth + 1, state, item_dummy))
        return out

    def _content_item(self, item: Dataset, path: str, state: _State) -> bool | None:
        """Under the Clean Structured Content Option, what Table E.3.4-1 says of a content
        item by its concept name and value type: None to remove it (X), True to replace its
        values with dummies (D, and X/D: the content tree keeps its shape), False to keep it
        (K; C for dates and times, which the date rows then clean)."""
        names = item.get(tags.ConceptNameCodeSequence)
        if names is None or not names.value:
            return False
        code = names.value[0]
        key = tuple(_text(code[t].value if t in code else "").strip()
                    for t in (tags.CodingSchemeDesignator, tags.CodeValue))
        kind = _text(item[tags.ValueType].value if tags.ValueType in item else "").strip()
        row = table.CONTENT_ITEMS.get((key[0], key[1], kind))
        if row is None:
            return False
        action, option = self.profile.action(row)
        step = action.steps[-1] if len(action.steps) > 1 else action.steps[0]
        if step is _A.CLEAN:
            if kind in _DATE_VALUE_TYPES and self.profile.has(_MODIFIED):
                return False
            step = row.basic.steps[-1]
        if step is _A.KEEP:
            return False
        state.report.changes.append(Change(
            path, "", "", "X" if step is _A.REMOVE else "D", action.value, option.name,
            f"content item {row.meaning!r} ({key[0]} {key[1]}, {kind}), PS3.15 Table E.3.4-1"))
        return None if step is _A.REMOVE else True

    def _private(self, el: DataElement, src: Dataset, row: ProfileRow, action: Action,
                 option: Option, out: Dataset, parent: str, depth: int, state: _State) -> bool:
        """A private element under the Basic Profile (X) or Retain Safe Private (C): kept when
        known safe -- Table E.3.10-1, a block whose Block Identifying Information Status
        (0008,0303) says safe, or an element listed in Nonidentifying Private Elements
        (0008,0304) -- processed as its Deidentification Action (0008,0307) says when one is
        given, removed otherwise (PS3.15 E.3.10)."""
        tag = el.tag
        path = _path(parent, tag)
        if action is _A.CLEAN and tag & 0xFFFF >= 0x1000:
            creator_tag = (tag & 0xFFFF0000) | ((tag >> 8) & 0xFF)
            creator = src.get(creator_tag)
            name = _text(creator.value if creator is not None else "").strip().upper()
            offset = tag & 0xFF
            declared = state.declared.get((tag >> 16, name))
            why = ""
            if (tag >> 16, name, offset) in _SAFE:
                why = f"safe for {name!r} (PS3.15 Table E.3.10-1)"
            elif declared is not None and (declared.safe or offset in declared.nonidentifying):
                why = "declared safe in Private Data Element Characteristics (0008,0300)"
            if why:
                if el.vr == "SQ":
                    out.add_new(tag, "SQ", self._items(el, parent, depth, state),
                                validation_mode="ignore")
                else:
                    out[tag] = el
                state.report.changes.append(Change(path, "", el.vr, "K", action.value,
                                                   option.name, why))
                return True
            told = declared.actions.get(offset) if declared is not None else None
            if told is not None and told is not _A.REMOVE:
                value = (empty_value(el.vr) if told is _A.ZERO else self._uids(el)
                         if told is _A.UID else dummy_value(el.vr))
                out.add_new(tag, el.vr, value, validation_mode="ignore")
                state.report.changes.append(Change(
                    path, "", el.vr, told.value, action.value, option.name,
                    "as its Deidentification Action (0008,0307) says (PS3.15 E.3.10)"))
                return True
            state.report.changes.append(Change(path, "", el.vr, "X", action.value, option.name,
                                               "not known to be safe (PS3.15 E.3.10)"))
            return False
        state.report.changes.append(Change(path, "", el.vr, "X", row.basic.value, BASIC.name))
        return False

    def _step(self, action: Action, tag: int, depth: int, state: _State) -> Action:
        steps = action.steps
        if len(steps) == 1:
            return steps[0]
        kind = (state.top if depth == 0 else state.nested).get(tag, 1)
        for wanted in _STEP_BY_TYPE.get(kind, ()):
            if wanted in steps:
                return wanted
        return steps[0]

    def _apply(self, el: DataElement, row: ProfileRow, action: Action, option: Option,
               out: Dataset, parent: str, depth: int, state: _State) -> None:
        tag, vr = el.tag, el.vr
        path = _path(parent, tag)
        step = self._step(action, tag, depth, state)
        detail = ""
        if step is _A.CLEAN:
            cleaned, detail = self._clean(el, path, parent, depth, state, option)
            if cleaned is not None:
                out.add_new(tag, vr, cleaned, validation_mode="ignore")
                state.report.changes.append(Change(path, el.keyword, vr, "C", action.value,
                                                   option.name, detail))
                return
            step = self._step(row.basic if row.basic is not _A.CLEAN else _A.REMOVE, tag,
                              depth, state)
            detail = f"{detail}; the Basic Profile's {row.basic.value} applied"
            option = BASIC
        if step is _A.REMOVE:
            state.report.changes.append(Change(path, el.keyword, vr, "X", action.value,
                                               option.name, detail))
            return
        if vr == "SQ" and step is not _A.ZERO:
            out.add_new(tag, "SQ", self._items(el, parent, depth, state,
                                               dummy=step is _A.DUMMY),
                        validation_mode="ignore")
            if step is not _A.KEEP:
                state.report.changes.append(Change(
                    path, el.keyword, vr, step.value, action.value, option.name, detail or (
                        "items de-identified, their other text replaced by dummy values"
                        if step is _A.DUMMY else "items de-identified")))
            return
        if step is _A.KEEP:
            out[tag] = el
            if option is not BASIC or row.basic is not _A.KEEP:
                state.report.changes.append(Change(path, el.keyword, vr, "K", action.value,
                                                   option.name, detail))
            return
        if step is _A.ZERO:
            value: Any = empty_value(vr)
        elif step is _A.UID:
            value = self._uids(el)
        else:
            value = self._uids(el) if vr == "UI" else dummy_value(vr)
        out.add_new(tag, vr, value, validation_mode="ignore")
        state.report.changes.append(Change(path, el.keyword, vr, step.value, action.value,
                                           option.name, detail))

    def _uids(self, el: DataElement) -> Any:
        value = el.value
        if value is None or value == "":
            return value
        if isinstance(value, list):
            return [self.mapper.uid(str(v)) for v in value]
        return self.mapper.uid(str(value))

    def _clean(self, el: DataElement, path: str, parent: str, depth: int, state: _State,
               option: Option) -> tuple[Any, str]:
        vr = el.vr
        if vr == "SQ":
            if option is _STRUCTURED:
                return (self._items(el, parent, depth, state, structured=True),
                        "content items cleaned by PS3.15 Table E.3.4-1")
            return self._items(el, parent, depth, state), "items de-identified"
        if vr in ("DA", "DT", "TM") and self.profile.has(_MODIFIED):
            if vr == "TM":
                return el.value, "time of day kept: date offsets are whole days (PS3.15 E.3.6)"
            values = el.value if isinstance(el.value, list) else [el.value]
            shift = shift_date if vr == "DA" else shift_datetime
            moved = [shift(_text(v), state.offset) if _text(v).strip() else "" for v in values]
            if all(m is not None for m in moved):
                result: Any = moved if isinstance(el.value, list) else moved[0]
                return result, f"moved {state.offset} days (PS3.15 E.3.6)"
            return None, f"{vr} value {el.value!r} is not a full date"
        if self.cleaner is not None:
            cleaned = self.cleaner(el, path)
            if cleaned is not None:
                return cleaned, "cleaned by the cleaner given"
            return None, "the cleaner declined"
        return None, "no cleaner for this element"


class _State:
    """What one data set's de-identification carries down its sequences."""

    __slots__ = ("declared", "nested", "offset", "report", "top")

    def __init__(self, types: tuple[dict[int, int], dict[int, int]], offset: int,
                 report: FileReport, declared: dict[tuple[int, str], _Declared]) -> None:
        self.top, self.nested = types
        self.offset = offset
        self.report = report
        self.declared = declared


class _Declared:
    """What Private Data Element Characteristics Sequence (0008,0300) says of one block."""

    __slots__ = ("actions", "nonidentifying", "safe")

    def __init__(self) -> None:
        self.safe = False
        self.nonidentifying: set[int] = set()
        self.actions: dict[int, Action] = {}


def _numbers(value: Any) -> list[int]:
    values = value if isinstance(value, list) else [value]
    return [int(v) & 0xFF for v in values if isinstance(v, int)]


def declared_private(ds: Dataset) -> dict[tuple[int, str], _Declared]:
    """(group, Private Creator) -> what (0008,0300) of ``ds`` declares of that block
    (PS3.3 C.12.1.1.7, PS3.15 E.3.10)."""
    out: dict[tuple[int, str], _Declared] = {}
    seq = ds.get(tags.PrivateDataElementCharacteristicsSequence)
    for item in (seq.value or ()) if seq is not None else ():
        group, creator = (item.get(tags.PrivateGroupReference),
                          item.get(tags.PrivateCreatorReference))
        if group is None or creator is None or not isinstance(group.value, int):
            continue
        entry = out.setdefault((group.value, _text(creator.value).strip().upper()), _Declared())
        status = item.get(tags.BlockIdentifyingInformationStatus)
        if status is not None and _text(status.value).strip() == table.SAFE_BLOCK_STATUS:
            entry.safe = True
        listed = item.get(tags.NonidentifyingPrivateElements)
        if listed is not None:
            entry.nonidentifying.update(_numbers(listed.value))
        actions = item.get(tags.DeidentificationActionSequence)
        for sub in (actions.value or ()) if actions is not None else ():
            elements, what = (sub.get(tags.IdentifyingPrivateElements),
                              sub.get(tags.DeidentificationAction))
            if elements is None or what is None:
                continue
            try:
                told = Action(_text(what.value).strip())
            except ValueError:
                continue  # not an action code of Table E.1-1a: the element is removed
            for number in _numbers(elements.value):
                entry.actions[number] = told
    return out


def deidentify(ds: Dataset, options: tuple[str | Option, ...] = (), *,
               secret: bytes | str | None = None) -> tuple[Dataset, FileReport]:
    """De-identify one data set with the Basic Profile and ``options`` (names as
    :func:`dicomkit.deid.profile.option_named` takes them); see :class:`Deidentifier`.

    Without ``secret`` each call draws a new one, so UIDs of separate calls do not match:
    give a secret, or keep one :class:`Deidentifier` for a set of instances (PS3.15 E.1.1).
    """
    return Deidentifier(Profile.of(options), Mapper(secret)).deidentify(ds)
