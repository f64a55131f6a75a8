"""dicomkit: a DICOM toolkit generated from the standard itself.

The tables of the standard (data dictionary, UIDs, VRs, transfer syntaxes, DIMSE commands,
PDU layouts, the upper layer state table) are generated from NEMA's XML into
:mod:`dicomkit.generated`; the hand-written runtime lives beside it.
"""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["DicomError", "__version__"]
__version__ = "0.1.0"
