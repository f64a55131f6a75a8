"""dicomkit: a DICOM toolkit generated from the standard itself.

The tables of the standard (data dictionary, UIDs, VRs, transfer syntaxes, DIMSE commands,
PDU layouts, the upper layer state table) are generated from NEMA's XML into
:mod:`dicomkit.generated`; the hand-written runtime lives beside it.

>>> import dicomkit
>>> ds = dicomkit.read("image.dcm", stop_before_pixels=True)   # doctest: +SKIP
>>> ds.PatientName                                             # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from dicomkit.core.dataset import Dataset, PrivateBlock, ReadWarning
from dicomkit.core.element import DataElement
from dicomkit.core.sequence import Sequence
from dicomkit.core.tag import Tag
from dicomkit.errors import DicomError, InvalidDicomError
from dicomkit.io.reader import read
from dicomkit.io.writer import write

__all__ = [
    "DataElement",
    "Dataset",
    "DicomError",
    "InvalidDicomError",
    "PrivateBlock",
    "ReadWarning",
    "Sequence",
    "Tag",
    "__version__",
    "read",
    "write",
]
