"""Pixel data: native unpacking, colour, LUTs, overlays, rendering and transcoding.

PS3.3 C.7.6.3 (Image Pixel module), PS3.5 8 (encoding of pixel data).
"""
