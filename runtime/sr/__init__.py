"""Structured reporting (PS3.3 C.17, PS3.16): content trees, templates, measurement reports.

>>> from dicomkit.sr import SRDocument
>>> doc = SRDocument.read("report.dcm")          # doctest: +SKIP
>>> print(format_tree(doc.root))                 # doctest: +SKIP
"""

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

__all__ = ["Code", "ContentItem", "NumValue", "Reference", "SRDocument", "SRError",
           "SpatialCoordinates", "SpatialCoordinates3D", "TemporalCoordinates", "format_tree",
           "read_content_tree"]
