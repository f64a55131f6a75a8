"""RT Dose grids (PS3.3 C.8.8.3): doses against pydicom's, plane positions by both forms of
Grid Frame Offset Vector (C.8.8.3.2), and the errors of bad grids."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pydicom
import pytest

import dicomkit
from dicomkit.errors import DicomError
from dicomkit.objects import rt
from tests.samples import sample

DOSES = ["rtdose.dcm", "rtdose_rle.dcm", "rtdose_expb.dcm", "rtdose_1frame.dcm",
         "rtdose_rle_1frame.dcm", "rtdose_expb_1frame.dcm"]


@pytest.mark.parametrize("name", DOSES)
def test_dose_is_pydicoms_pixels_times_dose_grid_scaling(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rt.RTWarning)
        grid = rt.read_dose(dicomkit.read(sample(name)))
    theirs = pydicom.dcmread(sample(name))
    expected = theirs.pixel_array.astype(float) * float(theirs.DoseGridScaling)
    assert np.allclose(grid.dose, expected.reshape(grid.dose.shape))
    assert grid.units == theirs.DoseUnits and grid.summation_type == theirs.DoseSummationType


def test_the_affine_maps_voxel_indices_to_the_plane_positions() -> None:
    grid = rt.read_dose(dicomkit.read(sample("rtdose.dcm")))
    assert grid.affine is not None and grid.dose.shape == (15, 10, 10)
    ds = dicomkit.read(sample("rtdose.dcm"))
    offsets = [float(v) for v in ds.GridFrameOffsetVector]
    ipp = np.array([float(v) for v in ds.ImagePositionPatient])
    for k in (0, 7, 14):
        assert np.allclose(grid.positions[k], ipp + [0, 0, offsets[k]])
        assert np.allclose(grid.affine @ [k, 0, 0, 1], [*grid.positions[k], 1])
    spacing = [float(v) for v in ds.PixelSpacing]
    # row r is along the column direction cosine, column c along the row direction cosine
    assert np.allclose(grid.affine @ [0, 2, 3, 1], [*(ipp + [3 * spacing[1], 2 * spacing[0], 0]), 1])


def _dose(**changes: Any) -> Any:
    ds = dicomkit.read(sample("rtdose.dcm"))
    for keyword, value in changes.items():
        if value is None:
            delattr(ds, keyword)
        else:
            setattr(ds, keyword, value)
    return ds


def test_absolute_z_offsets_give_the_same_planes_as_relative_ones_c_8_8_3_2() -> None:
    """Option (b): the first value equals the z of Image Position (Patient) and the
    orientation is (1,0,0,0,1,0): the values are the planes' patient z."""
    relative = rt.read_dose(_dose())
    ds = _dose()
    z = float(ds.ImagePositionPatient[2])
    absolute = rt.read_dose(_dose(GridFrameOffsetVector=[z + float(v) for v in
                                                          ds.GridFrameOffsetVector]))
    assert np.allclose(relative.positions, absolute.positions)
    assert np.allclose(relative.affine, absolute.affine)


def test_uneven_planes_have_positions_and_no_affine() -> None:
    offsets = [0.0, 5.0, 10.0, 20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0, 55.0, 60.0, 65.0, 70.0, 80.0]
    grid = rt.read_dose(_dose(GridFrameOffsetVector=offsets))
    assert grid.affine is None
    assert np.allclose(grid.positions[:, 2] - grid.positions[0, 2], offsets)


def test_a_vector_longer_than_the_frames_is_cut_with_a_warning() -> None:
    with pytest.warns(rt.RTWarning, match="15 values for 1 plane"):
        grid = rt.read_dose(dicomkit.read(sample("rtdose_1frame.dcm")))
    assert grid.positions.shape == (1, 3)


@pytest.mark.parametrize(("changes", "message"), [
    ({"GridFrameOffsetVector": [0.0, 5.0]}, "has 2 values for 15 planes"),
    ({"GridFrameOffsetVector": None}, "no Grid Frame Offset Vector"),
    ({"GridFrameOffsetVector": [0.0, 5.0, 3.0] + [float(v) for v in range(4, 16)]},
     "does not vary monotonically"),
    ({"GridFrameOffsetVector": [7.0 + v for v in range(15)]}, "neither 0"),
    ({"DoseGridScaling": None}, "Dose Grid Scaling is missing"),
    ({"DoseUnits": "CGY"}, "Dose Units 'CGY'"),
    ({"PixelData": None}, "no pixel data"),
    ({"ImageOrientationPatient": [1, 0, 0, 1, 0, 0]}, "not two orthogonal unit vectors"),
])
def test_bad_dose_grids_are_refused_with_the_clause(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(rt.RTError, match=message) as info:
        rt.read_dose(_dose(**changes))
    assert isinstance(info.value, DicomError)
