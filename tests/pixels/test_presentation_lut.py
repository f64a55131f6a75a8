"""Presentation LUT (PS3.3 C.11.4, C.11.6): Sequence, Shape, and MONOCHROME1 inversion, as
render applies them."""

from __future__ import annotations

import numpy as np

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.sequence import Sequence
from dicomkit.pixels.lut import apply_presentation_lut
from dicomkit.pixels.render import render
from tests.samples import sample_str


def test_shape_identity_keeps_inverse_inverts_and_monochrome1_inverts_without_a_shape() -> None:
    values = np.array([0.0, 51.0, 255.0])
    ds = Dataset()
    ds.PhotometricInterpretation = "MONOCHROME2"
    assert np.allclose(apply_presentation_lut(values, ds), [0.0, 0.2, 1.0])
    ds.PresentationLUTShape = "INVERSE"
    assert np.allclose(apply_presentation_lut(values, ds), [1.0, 0.8, 0.0])
    mono1 = Dataset()
    mono1.PhotometricInterpretation = "MONOCHROME1"
    assert np.allclose(apply_presentation_lut(values, mono1), [1.0, 0.8, 0.0])
    mono1.PresentationLUTShape = "INVERSE"  # the shape says it all: MONOCHROME1 + INVERSE
    assert np.allclose(apply_presentation_lut(values, mono1), [1.0, 0.8, 0.0])
    mono1.PresentationLUTShape = "IDENTITY"
    assert np.allclose(apply_presentation_lut(values, mono1), [0.0, 0.2, 1.0])


def test_presentation_lut_sequence_maps_the_voi_output_range_through_its_entries() -> None:
    item = Dataset()
    item.LUTDescriptor = [256, 0, 12]
    table = (np.linspace(0, 1, 256) ** 2 * 4095).round().astype(np.uint16)
    item.add_new(0x00283006, "US", [int(v) for v in table])
    ds = Dataset()
    ds.PresentationLUTSequence = Sequence([item])
    values = np.array([0.0, 127.5, 255.0])
    out = apply_presentation_lut(values, ds)
    assert np.allclose(out, [0.0, table[128] / 4095, 1.0], atol=1e-3)


def test_render_applies_the_shape_to_the_displayed_image() -> None:
    path = sample_str("CT_small.dcm")
    ds = dicomkit.read(path)
    plain = render(ds)
    ds.PresentationLUTShape = "INVERSE"
    assert np.array_equal(render(ds).astype(int), 255 - plain.astype(int))
