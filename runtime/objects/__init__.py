"""Imaging objects beyond the single image: enhanced multi-frame geometry and values, volumes,
segmentations, parametric maps, key object selections, encapsulated documents, presentation
states and RT (:mod:`dicomkit.objects.rt`): PS3.3 A.* IODs and the functional groups of
C.7.6.16."""
