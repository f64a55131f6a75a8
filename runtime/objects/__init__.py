"""Imaging objects beyond the single image (PS3.3 Annex A).

Each object type has its own module: :mod:`dicomkit.objects.frames` (per-frame values and
geometry of enhanced multi-frame images, C.7.6.16), :mod:`dicomkit.objects.volume` (volumes
with their affine), :mod:`dicomkit.objects.seg` (Segmentation, PS3.3 A.51),
:mod:`dicomkit.objects.pmap` (Parametric Map, A.75), :mod:`dicomkit.objects.kos` (Key Object
Selection Document, A.35.4), :mod:`dicomkit.objects.documents` (Encapsulated PDF, CDA, STL, OBJ:
A.45, A.85), :mod:`dicomkit.objects.presentation` (Grayscale Softcopy Presentation States,
A.33.1) and :mod:`dicomkit.objects.rt` (RT Structure Set, Dose and Plan, A.18-A.20).
:mod:`dicomkit.objects.instance` holds the modules they share (Patient, General Study, series,
equipment, SOP Common).
"""
