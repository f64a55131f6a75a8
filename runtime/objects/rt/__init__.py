"""Radiotherapy objects (PS3.3 A.18, A.19, A.20): RT Structure Set ROIs as contours and masks
and back, RT Dose grids as volumes, RT Plan beams and control points.

>>> from dicomkit.objects import rt
>>> ss = rt.read_structure_set(dicomkit.read("rtstruct.dcm"))   # doctest: +SKIP
>>> mask = rt.roi_mask(ss, "PTV", ct_images)                     # doctest: +SKIP
>>> rtss = rt.create_structure_set(ct_images, {"liver": liver})  # doctest: +SKIP
>>> dose = rt.read_dose(dicomkit.read("rtdose.dcm")).dose        # doctest: +SKIP
"""

from dicomkit.objects.rt.dose import DoseGrid, read_dose
from dicomkit.objects.rt.errors import RTError, RTWarning
from dicomkit.objects.rt.geometry import Plane
from dicomkit.objects.rt.plan import Beam, ControlPoint, FractionGroup, Plan, read_plan
from dicomkit.objects.rt.structures import (
    Contour,
    Roi,
    StructureSet,
    create_structure_set,
    read_structure_set,
    roi_mask,
)

__all__ = ["Beam", "Contour", "ControlPoint", "DoseGrid", "FractionGroup", "Plan", "Plane",
           "RTError", "RTWarning", "Roi", "StructureSet", "create_structure_set", "read_dose", "read_plan",
           "read_structure_set", "roi_mask"]
