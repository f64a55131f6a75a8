"""De-identification: the Basic Application Level Confidentiality Profile of PS3.15 Annex E
and its options, from the generated Table E.1-1 (:mod:`dicomkit.generated.deid`).

>>> from dicomkit.deid import Deidentifier, Mapper, Profile, SQLiteStore
>>> d = Deidentifier(Profile.of(["retain-uids"]), Mapper("secret", SQLiteStore("map.db")))
>>> clean, report = d.deidentify(ds)                     # doctest: +SKIP
"""

from dicomkit.deid.engine import Cleaner, Deidentifier, deidentify
from dicomkit.deid.errors import DeidError, DeidFileError, MappingStoreError, OptionError
from dicomkit.deid.files import deidentify_file, deidentify_files, input_files
from dicomkit.deid.mapping import Mapper, MappingStore, MemoryStore, SQLiteStore
from dicomkit.deid.pixels import (
    PixelRule,
    PixelRules,
    Region,
    VisualCleaner,
    clean_pixel_data,
    clean_recognizable_visual_features,
    needs_visual_cleaning,
)
from dicomkit.deid.profile import BASIC, Profile, option_named
from dicomkit.deid.report import Change, FileReport, reports_to_csv, reports_to_json
from dicomkit.generated.deid import Action, Option

__all__ = ["BASIC", "Action", "Change", "Cleaner", "DeidError", "DeidFileError", "Deidentifier",
           "FileReport", "Mapper", "MappingStore", "MappingStoreError", "MemoryStore", "Option",
           "OptionError", "PixelRule", "PixelRules", "Profile", "Region", "SQLiteStore",
           "VisualCleaner", "clean_pixel_data", "clean_recognizable_visual_features",
           "deidentify", "needs_visual_cleaning", "deidentify_file",
           "deidentify_files", "input_files", "option_named", "reports_to_csv",
           "reports_to_json"]
