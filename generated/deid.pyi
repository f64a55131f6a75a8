"""dicomkit.generated.deid: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.15 2026c (docbook) https://dicom.nema.org/medical/dicom/2026c/source/docbook/part15/part15.xml
    sha256 77d60b856faf4223ab40a398c53130fc0ee9490d0d811ee3536e6d25c02ac717
    Section E.1.1, Section E.2, Section E.3.1, Section E.3.2, Section E.3.6, Section E.3.10, Table E.1-1, Table E.1-1a, Table E.3.4-1, Table E.3.10-1
  PS3.16 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part16/
    sha256 418c2e6242e66eeb1946a07598c4b48f12a410c83a0e6a67d34137003c8e9cfc
    Section CID 7050
"""
from enum import Enum
from typing import Final, NamedTuple

EDITION: Final[str]

class Action(Enum):
    DUMMY = 'D'
    ZERO = 'Z'
    REMOVE = 'X'
    KEEP = 'K'
    CLEAN = 'C'
    UID = 'U'
    ZERO_OR_DUMMY = 'Z/D'
    REMOVE_OR_ZERO = 'X/Z'
    REMOVE_OR_DUMMY = 'X/D'
    REMOVE_OR_ZERO_OR_DUMMY = 'X/Z/D'
    REMOVE_OR_ZERO_OR_UID = 'X/Z/U*'
    @property
    def steps(self) -> tuple[Action, ...]: ...
    @property
    def meaning(self) -> str: ...

ACTION_STEPS: Final[dict[Action, tuple[Action, ...]]]
ACTION_MEANINGS: Final[dict[Action, str]]

class Code(NamedTuple):
    scheme: str
    value: str
    meaning: str

class Option(Enum):
    BASIC_APPLICATION_CONFIDENTIALITY = '113100'
    CLEAN_PIXEL_DATA = '113101'
    CLEAN_RECOGNIZABLE_VISUAL_FEATURES = '113102'
    CLEAN_GRAPHICS = '113103'
    CLEAN_STRUCTURED_CONTENT = '113104'
    CLEAN_DESCRIPTORS = '113105'
    RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_FULL_DATES = '113106'
    RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED_DATES = '113107'
    RETAIN_PATIENT_CHARACTERISTICS = '113108'
    RETAIN_DEVICE_IDENTITY = '113109'
    RETAIN_UIDS = '113110'
    RETAIN_SAFE_PRIVATE = '113111'
    RETAIN_INSTITUTION_IDENTITY = '113112'
    @property
    def code(self) -> Code: ...

OPTION_CODES: Final[dict[Option, Code]]
OPTION_COLUMNS: Final[dict[Option, str]]
PATIENT_IDENTITY_REMOVED: Final[str]
LONGITUDINAL_REMOVED: Final[str]
LONGITUDINAL_VALUES: Final[dict[Option, str]]
SAFE_BLOCK_STATUS: Final[str]
BURNED_IN_ANNOTATION_CLEANED: Final[str]
RECOGNIZABLE_VISUAL_FEATURES_CLEANED: Final[str]

class ProfileRow(NamedTuple):
    name: str
    tag: int
    mask: int
    private: bool
    retired: bool
    in_iod: bool
    basic: Action
    options: tuple[tuple[Option, Action], ...]

ROWS: Final[tuple[ProfileRow, ...]]
BY_TAG: Final[dict[int, ProfileRow]]
MASKED: Final[tuple[ProfileRow, ...]]

def row_for(tag: int) -> ProfileRow | None: ...

class ContentItem(NamedTuple):
    meaning: str
    value: str
    scheme: str
    scheme_version: str
    value_type: str
    retired: bool
    in_template: bool
    basic: Action
    options: tuple[tuple[Option, Action], ...]

CONTENT_ITEMS: Final[dict[tuple[str, str, str], ContentItem]]

class SafePrivate(NamedTuple):
    group: int
    element: int
    creator: str
    vr: str
    vm: str
    meaning: str

SAFE_PRIVATE: Final[tuple[SafePrivate, ...]]
