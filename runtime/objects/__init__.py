"""Imaging objects beyond the single image (PS3.3 Annex A): segmentations, parametric maps,
key object selections, encapsulated documents.

Each object type has its own module: :mod:`dicomkit.objects.seg` (Segmentation, PS3.3 A.51),
:mod:`dicomkit.objects.pmap` (Parametric Map, A.75), :mod:`dicomkit.objects.kos` (Key Object
Selection Document, A.35.4), :mod:`dicomkit.objects.documents` (Encapsulated PDF, CDA, STL, OBJ:
A.45, A.85).  :mod:`dicomkit.objects.instance` holds the modules they share (Patient, General
Study, series, equipment, SOP Common).
"""
