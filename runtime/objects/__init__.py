"""Imaging objects beyond the single image: enhanced multi-frame geometry and values, volumes,
segmentations, parametric maps (PS3.3 A.* IODs and the functional groups of C.7.6.16)."""
