"""Structured reporting (PS3.3 C.17, PS3.16): content trees, templates, measurement reports.

>>> from dicomkit.sr import SRDocument
>>> doc = SRDocument.read("report.dcm")          # doctest: +SKIP
>>> print(format_tree(doc.root))                 # doctest: +SKIP
"""

from typing import TYPE_CHECKING, Any

from dicomkit.sr.code import Code
from dicomkit.sr.content import (
    ContentItem,
    NumValue,
    Reference,
    SpatialCoordinates,
    SpatialCoordinates3D,
    TemporalCoordinates,
    read_content_tree,
)
from dicomkit.sr.document import SRDocument
from dicomkit.sr.dump import format_tree
from dicomkit.sr.errors import SRError

if TYPE_CHECKING:
    from dicomkit.sr.chest_cad import ChestCadReport
    from dicomkit.sr.mammo_cad import MammoCadReport
    from dicomkit.sr.measurements import MeasurementRecord, extract_measurements
    from dicomkit.sr.tid1500 import MeasurementReport
    from dicomkit.sr.validate import TemplateFinding, validate_template

#: Names whose modules load the generated PS3.16 tables: imported on first use (PEP 562), so that
#: reading an SR tree does not pay for them.
_LAZY = {
    "ChestCadReport": "dicomkit.sr.chest_cad",
    "MammoCadReport": "dicomkit.sr.mammo_cad",
    "MeasurementRecord": "dicomkit.sr.measurements",
    "extract_measurements": "dicomkit.sr.measurements",
    "MeasurementReport": "dicomkit.sr.tid1500",
    "TemplateFinding": "dicomkit.sr.validate",
    "validate_template": "dicomkit.sr.validate",
}

__all__ = ["ChestCadReport", "Code", "ContentItem", "MammoCadReport", "MeasurementRecord",
           "MeasurementReport", "NumValue", "Reference", "SRDocument", "SRError",
           "SpatialCoordinates", "SpatialCoordinates3D", "TemplateFinding", "TemporalCoordinates",
           "extract_measurements", "format_tree", "read_content_tree", "validate_template"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dicomkit.sr' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
