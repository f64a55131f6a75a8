"""The Enumerated Values and Defined Terms the RT objects act on, taken from the generated
module tables of PS3.3 (:mod:`dicomkit.generated.modules`), not typed as free strings.

Each name below is looked up in the value list of its attribute's row when this module is
imported; an edition that renames or drops one makes the import fail (naming the module,
attribute and value), instead of a comparison that silently never matches.
"""

from __future__ import annotations

from typing import Final

from dicomkit.generated import tags
from dicomkit.objects.terms import values_of

__all__ = ["CLOSED_PLANAR", "CLOSEDPLANAR_XOR", "DOSE_UNITS", "GEOMETRIC_TYPES",
           "INTERPRETED_TYPES", "OPEN_NONPLANAR", "OPEN_PLANAR", "POINT", "GENERATION_ALGORITHMS",
           "values_of"]


def _named(module: str, tag: int, value: str) -> str:
    if value not in values_of(module, tag):
        raise LookupError(f"PS3.3 {module} Module: {value!r} is no longer a value of "
                          f"({tag >> 16:04X},{tag & 0xFFFF:04X}); regenerate and review "
                          "dicomkit.objects.rt")
    return value


#: Contour Geometric Type (3006,0042), PS3.3 C.8.8.6.1
GEOMETRIC_TYPES: Final = values_of("ROI Contour", tags.ContourGeometricType)
POINT: Final = _named("ROI Contour", tags.ContourGeometricType, "POINT")
OPEN_PLANAR: Final = _named("ROI Contour", tags.ContourGeometricType, "OPEN_PLANAR")
OPEN_NONPLANAR: Final = _named("ROI Contour", tags.ContourGeometricType, "OPEN_NONPLANAR")
CLOSED_PLANAR: Final = _named("ROI Contour", tags.ContourGeometricType, "CLOSED_PLANAR")
CLOSEDPLANAR_XOR: Final = _named("ROI Contour", tags.ContourGeometricType, "CLOSEDPLANAR_XOR")

#: ROI Generation Algorithm (3006,0036), PS3.3 C.8.8.5
GENERATION_ALGORITHMS: Final = values_of("Structure Set", tags.ROIGenerationAlgorithm)
#: RT ROI Interpreted Type (3006,00A4), PS3.3 C.8.8.8
INTERPRETED_TYPES: Final = values_of("RT ROI Observations", tags.RTROIInterpretedType)
#: Dose Units (3004,0002), PS3.3 C.8.8.3
DOSE_UNITS: Final = values_of("RT Dose", tags.DoseUnits)
