"""dicomkit: a DICOM toolkit generated from the standard itself.

The tables of the standard (data dictionary, UIDs, VRs, transfer syntaxes, DIMSE commands,
PDU layouts, the upper layer state table) are generated from NEMA's XML into
:mod:`dicomkit.generated`; the hand-written runtime lives beside it.

>>> import dicomkit
>>> ds = dicomkit.read("image.dcm", stop_before_pixels=True)   # doctest: +SKIP
>>> ds.PatientName                                             # doctest: +SKIP

The public names are imported on first use (PEP 562), so that importing a subpackage such as
``dicomkit.generated`` (or the generators' package) does not load the whole runtime.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dicomkit.errors import DicomError, InvalidDicomError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from dicomkit.core.config import DicomValueWarning, settings, validation_mode
    from dicomkit.core.dataset import Dataset, PrivateBlock, ReadWarning
    from dicomkit.core.element import DataElement
    from dicomkit.core.sequence import Sequence
    from dicomkit.core.tag import Tag
    from dicomkit.io.reader import read
    from dicomkit.io.writer import write

#: public name -> module that defines it
_LAZY = {
    "DataElement": "dicomkit.core.element",
    "Dataset": "dicomkit.core.dataset",
    "DicomValueWarning": "dicomkit.core.config",
    "PrivateBlock": "dicomkit.core.dataset",
    "ReadWarning": "dicomkit.core.dataset",
    "Sequence": "dicomkit.core.sequence",
    "Tag": "dicomkit.core.tag",
    "read": "dicomkit.io.reader",
    "settings": "dicomkit.core.config",
    "validation_mode": "dicomkit.core.config",
    "write": "dicomkit.io.writer",
}

__all__ = [
    "DataElement",
    "Dataset",
    "DicomError",
    "DicomValueWarning",
    "InvalidDicomError",
    "PrivateBlock",
    "ReadWarning",
    "Sequence",
    "Tag",
    "__version__",
    "read",
    "settings",
    "validation_mode",
    "write",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dicomkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
