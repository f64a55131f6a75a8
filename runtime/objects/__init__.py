"""Imaging objects beyond the single image: RT (:mod:`dicomkit.objects.rt`), and the
segmentation, parametric map and volume objects of PS3.3 built on the pixel layer."""
