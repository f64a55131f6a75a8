"""The Clean Pixel Data Option (PS3.15 E.3.1): blank burned-in text in known regions; and the
Clean Recognizable Visual Features Option (PS3.15 E.3.2): see
:func:`clean_recognizable_visual_features`.

"The Stored Pixel Values are to be changed (blacked out)" (E.3.1): the regions a caller gives,
or those of the rules of a rules file whose criteria the data set's attributes meet, are set to
black in every frame of the top-level Pixel Data, and Burned In Annotation (0028,0301) is added
with the value E.3.1 gives (:data:`dicomkit.generated.deid.BURNED_IN_ANNOTATION_CLEANED`).

Black is the lowest stored value for MONOCHROME2, the highest for MONOCHROME1, 0 for colour
(YBR images are cleaned as RGB and written so).  The cleaned pixels are written natively
(Explicit VR Little Endian): re-encoding with the source's lossy codec would alter the pixels
left standing, and an encapsulated source cannot keep its fragments once its pixels change.

Rules files use the filter sections of pydicom-deid recipes (its ``deid.dicom`` files,
themselves after CTP's DicomPixelAnonymizer scripts): ``%filter NAME`` sections of ``LABEL``
blocks, each a set of criteria then regions::

    %filter graylist
    LABEL Dose report
      contains Modality CT
      + contains SeriesDescription Dose Report
      + equals Rows 512
      coordinates 0,0,512,110
      ctpcoordinates 0,480,200,32

Criteria: ``contains FIELD REGEX`` (a case-insensitive regular expression search),
``notcontains``, ``equals FIELD VALUE``, ``notequals``, ``present FIELD``, ``missing FIELD``,
``empty FIELD`` (absent or empty); FIELD is a keyword or a tag (``0x00190010``, ``00190010``).
A line starting with ``+`` joins the criterion before it (and), one starting with ``||`` or with
no prefix starts an alternative (or); ``||`` may also join criteria within a line.  Regions:
``coordinates X0,Y0,X1,Y1`` (columns X0 to X1 and rows Y0 to Y1, the end excluded),
``ctpcoordinates X,Y,WIDTH,HEIGHT``, ``coordinates all`` (the whole frame); ``keepcoordinates``
and ``keepctpcoordinates`` blank everything outside them.  A matching label without regions
flags the data set (reported), it blanks nothing.  Other sections (``%header``) are ignored:
the profile (PS3.15 Table E.1-1) decides the attributes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import tag_for_keyword
from dicomkit.deid.errors import DeidError
from dicomkit.errors import DicomError
from dicomkit.generated import deid as table
from dicomkit.generated import tags, uids
from dicomkit.pixels import native
from dicomkit.pixels.array import pixel_array
from dicomkit.pixels.info import YBR, PixelInfo

__all__ = ["Criterion", "PixelRule", "PixelRules", "Region", "VisualCleaner", "clean_pixel_data",
           "clean_recognizable_visual_features", "needs_visual_cleaning"]


@dataclass(frozen=True, slots=True)
class Region:
    """A rectangle of a frame: columns ``x0`` to ``x1`` and rows ``y0`` to ``y1``, ends
    excluded; ``keep`` marks a region to keep (everything outside the keep regions is
    blanked); ``None`` ends mean the frame's edge (``coordinates all``)."""

    x0: int = 0
    y0: int = 0
    x1: int | None = None
    y1: int | None = None
    keep: bool = False

    def __post_init__(self) -> None:
        for name in ("x0", "y0"):
            if getattr(self, name) < 0:
                raise DeidError(f"region {self}: {name} is negative")
        if (self.x1 is not None and self.x1 <= self.x0) or (
                self.y1 is not None and self.y1 <= self.y0):
            raise DeidError(f"region {self} is empty: its end must be beyond its start")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion of a rule: ``op`` of the attribute ``tag`` against ``value``."""

    op: str
    tag: int
    value: str = ""

    def holds(self, ds: Dataset) -> bool:
        """True when the data set meets the criterion."""
        elem = ds.get(self.tag)
        if self.op == "present":
            return elem is not None
        if self.op == "missing":
            return elem is None
        text = _text(elem.value) if elem is not None else ""
        if self.op == "empty":
            return not text.strip()
        if self.op in ("contains", "notcontains"):
            found = elem is not None and re.search(self.value, text, re.IGNORECASE) is not None
            return found if self.op == "contains" else not found
        equal = elem is not None and text.strip() == self.value.strip()
        return equal if self.op == "equals" else not equal


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\\".join(_text(v) for v in value)
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("latin-1", "replace")
    return str(value)


@dataclass(frozen=True, slots=True)
class PixelRule:
    """A labelled rule: when any alternative (all its criteria) holds, its regions apply."""

    label: str
    alternatives: tuple[tuple[Criterion, ...], ...]
    regions: tuple[Region, ...] = ()
    group: str = ""

    def matches(self, ds: Dataset) -> bool:
        """True when the data set meets one of the alternatives (a rule without criteria
        matches every data set)."""
        if not self.alternatives:
            return True
        return any(all(c.holds(ds) for c in alt) for alt in self.alternatives)


_OPS = ("contains", "notcontains", "equals", "notequals", "present", "missing", "empty")
_REGION_WORDS = {"coordinates": (False, False), "ctpcoordinates": (True, False),
                 "keepcoordinates": (False, True), "keepctpcoordinates": (True, True)}


def _tag(name: str, where: str) -> int:
    text = name.strip()
    hexed = text[2:] if text.lower().startswith("0x") else text
    if re.fullmatch(r"[0-9A-Fa-f]{8}", hexed):
        return int(hexed, 16)
    m = re.fullmatch(r"\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)", text)
    if m:
        return int(m.group(1) + m.group(2), 16)
    tag = tag_for_keyword(text)
    if tag is None:
        raise DeidError(f"{where}: {text!r} is neither a keyword of the data dictionary nor a "
                        "tag (0x00100010)")
    return tag


def _criterion(text: str, where: str) -> Criterion:
    parts = text.split(None, 2)
    if not parts or parts[0].lower() not in _OPS:
        raise DeidError(f"{where}: {text!r} is not a criterion ({', '.join(_OPS)} FIELD "
                        "[VALUE])")
    op = parts[0].lower()
    if len(parts) < 2:
        raise DeidError(f"{where}: {op} needs a field")
    value = parts[2] if len(parts) > 2 else ""
    if op in ("contains", "notcontains", "equals", "notequals") and not value:
        raise DeidError(f"{where}: {op} {parts[1]} needs a value")
    if op in ("contains", "notcontains"):
        try:
            re.compile(value)
        except re.error as exc:
            raise DeidError(f"{where}: {value!r} is not a regular expression: {exc}") from None
    return Criterion(op, _tag(parts[1], where), value)


def _regions(word: str, values: str, where: str) -> Region:
    ctp, keep = _REGION_WORDS[word]
    if values.strip().lower() == "all":
        return Region(keep=keep)
    try:
        numbers = [int(float(v)) for v in values.split(",")]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise DeidError(f"{where}: {word} takes four integers separated by commas "
                        f"({'X,Y,WIDTH,HEIGHT' if ctp else 'X0,Y0,X1,Y1'}) or 'all', not "
                        f"{values!r}")
    a, b, c, d = numbers
    try:
        return Region(a, b, a + c, b + d, keep) if ctp else Region(a, b, c, d, keep)
    except DeidError as exc:
        raise DeidError(f"{where}: {exc}") from None


@dataclass(frozen=True)
class PixelRules:
    """The rules of a rules file (or made in code), in the file's order."""

    rules: tuple[PixelRule, ...] = ()
    source: str = field(default="", compare=False)

    @classmethod
    def parse(cls, text: str, source: str = "") -> PixelRules:
        """Rules from the text of a rules file (see the module).

        Raises
        ------
        DeidError
            A line that is not a section, label, criterion or region, naming the file and
            line.
        """
        rules: list[PixelRule] = []
        group = ""
        label: str | None = None
        alternatives: list[list[Criterion]] = []
        regions: list[Region] = []

        def finish() -> None:
            if label is not None:
                rules.append(PixelRule(label, tuple(tuple(a) for a in alternatives if a),
                                       tuple(regions), group))

        in_filter = False
        for number, raw in enumerate(text.splitlines(), 1):
            where = f"{source or 'rules'} line {number}"
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("LABEL") \
                else raw.strip()
            if not line or line.upper().startswith("FORMAT"):
                continue
            if line.startswith("%"):
                finish()
                label, alternatives, regions = None, [], []
                words = line[1:].split()
                in_filter = bool(words) and words[0].lower() == "filter"
                group = words[1] if in_filter and len(words) > 1 else ""
                continue
            if not in_filter:
                continue
            if line.upper().startswith("LABEL"):
                finish()
                label, alternatives, regions = line[5:].split("#", 1)[0].strip(), [], []
                continue
            if label is None:
                raise DeidError(f"{where}: {line!r} before any LABEL")
            word = line.split(None, 1)[0].lower()
            if word in _REGION_WORDS:
                regions.append(_regions(word, line.split(None, 1)[1] if " " in line else "",
                                        where))
                continue
            joined_and = line.startswith("+")
            body = line[1:].strip() if joined_and else line
            if body.startswith("||"):
                body, joined_and = body[2:].strip(), False
            pieces = [p.strip() for p in body.split("||")]
            first = _criterion(pieces[0], where)
            if joined_and and alternatives:
                alternatives[-1].append(first)
            else:
                alternatives.append([first])
            for piece in pieces[1:]:
                alternatives.append([_criterion(piece, where)])
        finish()
        return cls(tuple(rules), source)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> PixelRules:
        """Rules from a rules file.

        Raises
        ------
        DeidError
            The file cannot be read, or a line is not understood.
        """
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DeidError(f"rules file not read: {exc}", source=str(path)) from None
        return cls.parse(text, str(path))

    def matching(self, ds: Dataset) -> list[PixelRule]:
        """The rules whose criteria the data set meets, in order."""
        return [rule for rule in self.rules if rule.matches(ds)]


def _fill(info: PixelInfo, photometric: str) -> int | float:
    if info.samples_per_pixel > 1 or photometric == "PALETTE COLOR":
        return 0
    if info.is_float:
        return 0.0
    low = -(1 << (info.bits_stored - 1)) if info.pixel_representation else 0
    high = (1 << (info.bits_stored - 1)) - 1 if info.pixel_representation else (
        1 << info.bits_stored) - 1
    return high if photometric == "MONOCHROME1" else low


def _mask(regions: Sequence[Region], rows: int, columns: int) -> np.ndarray[Any, Any]:
    blank = np.zeros((rows, columns), dtype=bool)
    keep = np.zeros((rows, columns), dtype=bool)
    has_keep = False
    for r in regions:
        target = keep if r.keep else blank
        has_keep = has_keep or r.keep
        target[r.y0:r.y1, r.x0:r.x1] = True
    if has_keep:
        blank |= ~keep
    return blank


def _decode(ds: Dataset, where: str, tag_path: str
            ) -> tuple[PixelInfo, str, np.ndarray[Any, Any]]:
    """The pixel description, the photometric interpretation and the frames (frames, rows,
    columns[, samples]) of ``ds``, colour as RGB."""
    try:
        info = PixelInfo.of(ds)
        photometric = info.photometric_interpretation
        frames = pixel_array(ds, as_rgb=True)
    except DicomError as exc:
        raise DeidError(f"the pixel data cannot be cleaned: {exc}", source=where,
                        tag_path=tag_path) from None
    stack = frames.reshape((info.number_of_frames, *frames.shape[-3 if info.samples_per_pixel
                                                                  > 1 else -2:]))
    return info, photometric, stack


def _write(ds: Dataset, info: PixelInfo, photometric: str, stack: np.ndarray[Any, Any],
           changed: bool, notes: list[str]) -> None:
    """Write ``stack`` natively into ``ds`` when it changed or the source cannot be kept
    (YBR, encapsulated), with a new file meta saying Explicit VR Little Endian."""
    rgb = photometric in YBR and info.samples_per_pixel == 3
    out_info = info.with_(photometric_interpretation="RGB", planar_configuration=0) if rgb \
        else info.with_(planar_configuration=0)
    if changed or rgb or info.encapsulated:
        data = native.pack(stack, out_info)
        ds.add_new(tags.PixelData, "OB" if info.bits_allocated <= 8 else "OW", data)
        if rgb:
            ds.PhotometricInterpretation = "RGB"
            notes.append(f"{photometric} written as RGB")
        if info.samples_per_pixel > 1:
            ds.PlanarConfiguration = 0
        # the new bytes are little endian and native: say so, in a new file meta (a copy of
        # the data set shares the original's)
        meta = ds.file_meta.copy() if ds.file_meta is not None else Dataset()
        meta.add_new(tags.TransferSyntaxUID, "UI", uids.ExplicitVRLittleEndian)
        ds.file_meta = meta
        if info.transfer_syntax != uids.ExplicitVRLittleEndian:
                notes.append(f"transfer syntax {info.transfer_syntax} written natively as "
                             f"{uids.ExplicitVRLittleEndian}")


def clean_pixel_data(ds: Dataset, regions: Iterable[Region] = (), *,
                     rules: PixelRules | None = None, source: str = ""
                     ) -> tuple[Dataset, list[str]]:
    """``ds`` with the regions blanked in every frame and Burned In Annotation set (PS3.15
    E.3.1), and what was done, one line per step (for the report).

    ``ds`` itself is changed (Pixel Data, Burned In Annotation, and when the pixels are
    rewritten Photometric Interpretation (YBR becomes RGB), Planar Configuration and a new
    file meta with Transfer Syntax UID Explicit VR Little Endian); the caller passes a copy
    (:meth:`Dataset.copy`) to keep the original.

    Raises
    ------
    DeidError
        No Pixel Data; the data set says Burned In Annotation YES and neither ``regions`` nor
        a rule gives where; the pixel data cannot be decoded.  ``ds`` is unchanged then.
    """
    chosen = list(regions)
    notes: list[str] = []
    matched = rules.matching(ds) if rules is not None else []
    for rule in matched:
        chosen.extend(rule.regions)
        what = f"{len(rule.regions)} region(s)" if rule.regions else "no regions (flagged)"
        notes.append(f"rule {rule.label!r}{f' ({rule.group})' if rule.group else ''}: {what}")
    where = source or str(getattr(ds, "filename", "") or "")
    if tags.PixelData not in ds:
        raise DeidError("the Clean Pixel Data Option applies to Pixel Data (7FE0,0010), which "
                        "the data set does not have", source=where, tag_path="(7FE0,0010)")
    declared = ds.get(tags.BurnedInAnnotation)
    if not chosen and declared is not None and _text(declared.value).strip().upper() == "YES":
        raise DeidError("Burned In Annotation is YES and no region or rule says where: give "
                        "the regions or a rule for this image (nothing was written)",
                        source=where, tag_path="(0028,0301)")
    info, photometric, stack = _decode(ds, where, "(7FE0,0010)")
    changed = False
    if chosen:
        mask = _mask(chosen, info.rows, info.columns)
        count = int(mask.sum())
        if count:
            stack = stack.copy()
            stack[:, mask] = _fill(info, photometric)
            changed = True
        notes.append(f"blanked {count} pixel(s) of {info.rows} x {info.columns} in "
                     f"{info.number_of_frames} frame(s)")
    _write(ds, info, photometric, stack, changed, notes)
    ds.add_new(tags.BurnedInAnnotation, "CS", table.BURNED_IN_ANNOTATION_CLEANED)
    return ds, notes


#: ``cleaner(frames, ds) -> frames``: removes or distorts the recognizable visual features of
#: every frame (frames, rows, columns[, samples], colour as RGB) and returns frames of the same
#: shape and dtype (PS3.15 E.3.2: "sufficient removal or distortion of the Pixel Data shall be
#: applied to prevent recognition").
VisualCleaner = Callable[[np.ndarray[Any, Any], Dataset], np.ndarray[Any, Any]]


def needs_visual_cleaning(ds: Dataset) -> bool:
    """Whether an image may show recognizable visual features: it has Pixel Data and its
    Recognizable Visual Features (0028,0302) is not the value E.3.2 gives a cleaned image
    (YES, or absent: nothing says the pixels cannot identify the patient)."""
    if tags.PixelData not in ds:
        return False
    declared = ds.get(tags.RecognizableVisualFeatures)
    value = _text(declared.value).strip().upper() if declared is not None else ""
    return value != table.RECOGNIZABLE_VISUAL_FEATURES_CLEANED


def clean_recognizable_visual_features(ds: Dataset, cleaner: VisualCleaner | None = None,
                                       regions: Iterable[Region] = (), *, source: str = ""
                                       ) -> tuple[Dataset, list[str]]:
    """``ds`` with its recognizable visual features removed by ``cleaner`` and/or ``regions``
    blanked, and Recognizable Visual Features (0028,0302) set to the value of PS3.15 E.3.2
    (:data:`dicomkit.generated.deid.RECOGNIZABLE_VISUAL_FEATURES_CLEANED`), and what was done.

    E.3.2 asks that "sufficient removal or distortion of the Pixel Data shall be applied to
    prevent recognition" and that "this may require intervention of or approval by a human
    operator": which pixels identify a face or a photograph is not in the data set, so the
    caller gives it (a cleaner, e.g. a face blurring model, or regions approved by an
    operator).  An image already saying Recognizable Visual Features NO is left as it is; any
    other image (YES, or absent) is cleaned, and refused when neither is given.  The attribute
    is set only once the cleaning has run.  ``ds`` itself is changed (as
    :func:`clean_pixel_data`); the caller passes a copy.

    Raises
    ------
    DeidError
        The image needs cleaning and neither ``cleaner`` nor ``regions`` is given; the pixel
        data cannot be decoded; the cleaner fails or returns frames of another shape or
        dtype.  ``ds`` is unchanged then.
    """
    chosen = list(regions)
    notes: list[str] = []
    where = source or str(getattr(ds, "filename", "") or "")
    if not needs_visual_cleaning(ds):
        if tags.PixelData in ds:
            notes.append("Recognizable Visual Features is already "
                         f"{table.RECOGNIZABLE_VISUAL_FEATURES_CLEANED}: left as it is")
        return ds, notes
    if cleaner is None and not chosen:
        declared = ds.get(tags.RecognizableVisualFeatures)
        said = f"is {_text(declared.value).strip()}" if declared is not None else "is absent"
        raise DeidError(f"Recognizable Visual Features (0028,0302) {said}, and the Clean "
                        "Recognizable Visual Features Option (PS3.15 E.3.2) needs the features "
                        "removed before it may be set to "
                        f"{table.RECOGNIZABLE_VISUAL_FEATURES_CLEANED}: give a cleaner or the "
                        "regions to blank (nothing was written)",
                        source=where, tag_path="(0028,0302)")
    info, photometric, stack = _decode(ds, where, "(7FE0,0010)")
    changed = False
    if chosen:
        mask = _mask(chosen, info.rows, info.columns)
        count = int(mask.sum())
        if count:
            stack = stack.copy()
            stack[:, mask] = _fill(info, photometric)
            changed = True
        notes.append(f"blanked {count} pixel(s) of {info.rows} x {info.columns} in "
                     f"{info.number_of_frames} frame(s)")
    if cleaner is not None:
        given = stack.copy()
        try:
            cleaned = cleaner(given, ds)
        except Exception as exc:  # the caller's code: report it with the file, write nothing
            raise DeidError(f"the visual features cleaner failed: {type(exc).__name__}: {exc} "
                            "(nothing was written)", source=where,
                            tag_path="(7FE0,0010)") from exc
        if not isinstance(cleaned, np.ndarray) or cleaned.shape != stack.shape \
                or cleaned.dtype != stack.dtype:
            got = f"{cleaned.shape} {cleaned.dtype}" if isinstance(cleaned, np.ndarray) \
                else type(cleaned).__name__
            raise DeidError(f"the visual features cleaner returned {got}, expected frames of "
                            f"shape {stack.shape} and dtype {stack.dtype} (nothing was written)",
                            source=where, tag_path="(7FE0,0010)")
        count = int(np.count_nonzero(cleaned != stack))
        notes.append(f"the cleaner changed {count} value(s) in {info.number_of_frames} frame(s)")
        changed = changed or count > 0
        stack = cleaned
    _write(ds, info, photometric, stack, changed, notes)
    ds.add_new(tags.RecognizableVisualFeatures, "CS", table.RECOGNIZABLE_VISUAL_FEATURES_CLEANED)
    return ds, notes
