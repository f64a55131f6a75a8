"""Parametric maps: float and double values with a Real World Value mapping, created and read,
against highdicom both ways, our validator and dciodvfy; bad input refused; mutated files give
only our errors."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.objects.codes import group_code
from dicomkit.objects.errors import ObjectError
from dicomkit.objects.pmap import ParametricMap, RealWorldValueMapping, create_parametric_map
from dicomkit.sr.code import Code
from tests.objects.series import ct_series, dciodvfy_errors, our_errors

hd = pytest.importorskip("highdicom")
pydicom = pytest.importorskip("pydicom")

ROWS, COLS = 16, 24
UNITS = Code("um2/s", "UCUM", "um2/s")
DIFFUSION = group_code(7203, "129105")        # Diffusion image analysis
QUANTITY_CID = 7272                           # MR Diffusion Model Parameter


@pytest.fixture
def series() -> list[Dataset]:
    return ct_series(3, rows=ROWS, columns=COLS, reverse=True)


def _mapping(**kw: Any) -> RealWorldValueMapping:
    return RealWorldValueMapping(units=UNITS, label="ADC", slope=2.0, intercept=-1.0, **kw)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_values_read_back_stored_and_real_world(series: list[Dataset], tmp_path: Path,
                                                dtype: Any) -> None:
    values = np.random.default_rng(2).normal(size=(3, ROWS, COLS)).astype(dtype)
    path = tmp_path / "pm.dcm"
    dicomkit.write(path, create_parametric_map(series, values, _mapping(),
                                               derivation=DIFFUSION))
    pm = ParametricMap.read(path)
    assert pm.mapping.units == UNITS and pm.mapping.slope == 2.0
    stored = pm.values(series, real_world=False)
    assert stored.dtype == dtype and (stored == values).all()
    assert np.allclose(pm.values(series), values.astype(np.float64) * 2.0 - 1.0)
    assert (pm.values(series[::-1], real_world=False) == values[::-1]).all()


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_created_maps_read_in_highdicom_and_pass_both_validators(
        series: list[Dataset], tmp_path: Path, dtype: Any) -> None:
    values = np.linspace(0, 1, 3 * ROWS * COLS).reshape(3, ROWS, COLS).astype(dtype)
    path = tmp_path / "pm.dcm"
    quantity = group_code(QUANTITY_CID, "113041")     # Apparent Diffusion Coefficient
    dicomkit.write(path, create_parametric_map(series, values, _mapping(quantity=quantity),
                                               derivation=DIFFUSION))
    assert our_errors(path) == []
    assert dciodvfy_errors(path) == []
    theirs = hd.pm.ParametricMap.from_dataset(pydicom.dcmread(path))
    uids = [str(s.SOPInstanceUID) for s in series]
    frames = theirs.pixel_array
    pm = ParametricMap.read(path)
    assert (frames == pm.stored_values()).all()
    assert pm.mapping.quantity == quantity
    for f, ref in enumerate(pm.frame_sources):
        assert ref is not None and (frames[f] == values[uids.index(ref[0])]).all()


def test_highdicom_maps_read_in_ours(series: list[Dataset], tmp_path: Path) -> None:
    from highdicom.sr.coding import CodedConcept

    sources = []
    for i, ds in enumerate(series):
        dicomkit.write(tmp_path / f"ct{i}.dcm", ds)
        sources.append(pydicom.dcmread(tmp_path / f"ct{i}.dcm"))
    values = np.random.default_rng(4).random((3, ROWS, COLS)).astype(np.float32)
    mapping = hd.pm.RealWorldValueMapping(
        lut_label="ADC", lut_explanation="apparent diffusion coefficient",
        unit=CodedConcept(UNITS.value, UNITS.scheme, UNITS.meaning),
        value_range=(0.0, 1.0), slope=3.0, intercept=0.5)
    theirs = hd.pm.ParametricMap(
        source_images=sources, pixel_array=values, series_instance_uid=hd.UID(),
        series_number=5, sop_instance_uid=hd.UID(), instance_number=1, manufacturer="x",
        manufacturer_model_name="y", software_versions="1", device_serial_number="2",
        contains_recognizable_visual_features=False, real_world_value_mappings=[mapping],
        window_center=0.5, window_width=1.0)
    path = tmp_path / "hd.dcm"
    theirs.save_as(path)
    pm = ParametricMap.read(path)
    assert pm.mapping.slope == 3.0 and pm.mapping.intercept == 0.5
    assert pm.mapping.units == UNITS
    assert np.allclose(pm.values(series, real_world=False), values)
    assert np.allclose(pm.values(series), values * 3.0 + 0.5)


@pytest.mark.parametrize(("values", "match"), [
    (np.zeros((3, ROWS, COLS), np.int16), "float32"),
    (np.zeros((2, ROWS, COLS), np.float32), "2 frames, the sources 3"),
    (np.zeros((3, 4, 4), np.float32), "4x4"),
    (np.full((3, ROWS, COLS), np.nan, np.float32), "NaN"),
])
def test_values_that_do_not_fit_are_refused(series: list[Dataset], values: np.ndarray[Any, Any],
                                            match: str) -> None:
    with pytest.raises(ObjectError, match=match):
        create_parametric_map(series, values, _mapping(), derivation=DIFFUSION)


def test_sources_without_a_frame_of_reference_are_refused(series: list[Dataset]) -> None:
    for s in series:
        del s.FrameOfReferenceUID
    with pytest.raises(ObjectError, match="Frame of Reference"):
        create_parametric_map(series, np.zeros((3, ROWS, COLS), np.float32), _mapping(),
                              derivation=DIFFUSION)


_PM: list[bytes] = []


def _pm_bytes() -> bytes:
    if not _PM:
        series = ct_series(2, rows=4, columns=4)
        buf = io.BytesIO()
        dicomkit.write(buf, create_parametric_map(series, np.ones((2, 4, 4), np.float32),
                                                  _mapping(), derivation=DIFFUSION))
        _PM.append(buf.getvalue())
    return _PM[0]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_maps_give_only_our_errors(changes: list[tuple[int, int]]) -> None:
    data = bytearray(_pm_bytes())
    for pos, value in changes:
        data[132 + pos % (len(data) - 132)] = value
    try:
        ParametricMap(dicomkit.read(bytes(data))).values()
    except DicomError:
        pass
