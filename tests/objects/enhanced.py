"""Synthetic enhanced multi-frame images for the tests, made from pydicom's CT_small.dcm.

pydicom ships no enhanced CT or MR, so :func:`enhanced_ct` builds one (Enhanced CT Image
Storage, PS3.3 A.38) from CT_small's pixels with the functional groups of PS3.3 C.7.6.16: shared
Pixel Measures and Plane Orientation (Patient); per frame Plane Position (Patient), Pixel Value
Transformation, Frame VOI LUT and Frame Content (stack, in-stack position, temporal position,
dimension index values); optionally a Real World Value Mapping.  Frames are stored out of
spatial order, so that sorting is tested.
"""

from __future__ import annotations

import functools
import io
from typing import Any

import numpy as np

import dicomkit
from dicomkit.core.dataset import Dataset
from tests.samples import sample

SPACING = 2.5
ROW = (0.0, 1.0, 0.0)       # a sagittal-ish oblique would do too; keep one non-axial case
COLUMN = (0.0, 0.0, -1.0)
ORIGIN = (-30.0, -100.0, 80.0)


def _item(**values: Any) -> Dataset:
    item = Dataset()
    for keyword, value in values.items():
        setattr(item, keyword, value)
    return item


@functools.cache
def _base() -> np.ndarray[Any, Any]:
    pixels: np.ndarray[Any, Any] = dicomkit.read(sample("CT_small.dcm")).pixel_array.astype(
        np.int32)
    pixels.flags.writeable = False
    return pixels


def slice_pixels(k: int, t: int = 0) -> np.ndarray[Any, Any]:
    """The stored values of slice ``k`` at temporal position ``t``: CT_small shifted."""
    base = _base()
    return np.clip(np.roll(base, k * 3, axis=1) + 7 * k + 100 * t, -2000, 30000).astype(np.int16)


def enhanced_ct(slices: int = 4, times: int = 2, *, orientation: tuple[float, ...] = ROW + COLUMN,
                rwv: bool = False, rwv_lut: bool = False) -> Dataset:
    """An Enhanced CT instance of ``slices`` x ``times`` frames (stored in a shuffled order).

    Frame for (k, t): position ORIGIN + k * SPACING along row x column, Rescale Slope 1 + t,
    Intercept -1024 + k, window (40 + k, 400 + 10 t).
    """
    ds = Dataset.new("EnhancedCTImageStorage")
    ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.1"
    ds.Modality = "CT"
    ds.StudyInstanceUID = "1.2.3.4"
    ds.SeriesInstanceUID = "1.2.3.4.5"
    ds.FrameOfReferenceUID = "1.2.3.4.6"
    ds.Rows, ds.Columns = 128, 128
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    row = np.asarray(orientation[:3])
    col = np.asarray(orientation[3:])
    normal = np.cross(row, col)
    order = [(k, t) for t in range(times) for k in range(slices)]
    rng = np.random.default_rng(7)
    order = [order[i] for i in rng.permutation(len(order))]
    shared = _item(
        PixelMeasuresSequence=[_item(PixelSpacing=[0.5, 0.75], SliceThickness=SPACING)],
        PlaneOrientationSequence=[_item(ImageOrientationPatient=list(orientation))])
    mappings = []
    if rwv:
        mappings.append(_item(RealWorldValueFirstValueMapped=0, RealWorldValueLastValueMapped=4095,
                              RealWorldValueSlope=0.5, RealWorldValueIntercept=-10.0,
                              LUTExplanation="half", LUTLabel="HALF",
                              MeasurementUnitsCodeSequence=[_item(
                                  CodeValue="mm2/s", CodingSchemeDesignator="UCUM",
                                  CodeMeaning="mm2/s")]))
    if rwv_lut:
        mappings.append(_item(RealWorldValueFirstValueMapped=0, RealWorldValueLastValueMapped=9,
                              RealWorldValueLUTData=[float(i * i) for i in range(10)],
                              LUTExplanation="squares", LUTLabel="SQ",
                              MeasurementUnitsCodeSequence=[_item(
                                  CodeValue="1", CodingSchemeDesignator="UCUM",
                                  CodeMeaning="no units")]))
    if mappings:
        shared.RealWorldValueMappingSequence = mappings
    ds.SharedFunctionalGroupsSequence = [shared]
    organization = "1.2.3.4.7"
    ds.DimensionOrganizationSequence = [_item(DimensionOrganizationUID=organization)]
    ds.DimensionIndexSequence = [
        _item(DimensionOrganizationUID=organization, DimensionIndexPointer=pointer,
              FunctionalGroupPointer=0x00209111, DimensionDescriptionLabel=label)
        for pointer, label in ((0x00209056, "Stack ID"), (0x00209057, "In-Stack Position"),
                               (0x00209128, "Temporal Position"))]
    per_frame = []
    frames = []
    for k, t in order:
        position = np.asarray(ORIGIN) + k * SPACING * normal
        per_frame.append(_item(
            PlanePositionSequence=[_item(ImagePositionPatient=[float(v) for v in position])],
            PixelValueTransformationSequence=[_item(RescaleSlope=1.0 + t,
                                                    RescaleIntercept=-1024.0 + k,
                                                    RescaleType="HU")],
            FrameVOILUTSequence=[_item(WindowCenter=40.0 + k, WindowWidth=400.0 + 10 * t)],
            FrameContentSequence=[_item(StackID="1", InStackPositionNumber=k + 1,
                                        TemporalPositionIndex=t + 1,
                                        DimensionIndexValues=[1, k + 1, t + 1])]))
        frames.append(slice_pixels(k, t))
    ds.PerFrameFunctionalGroupsSequence = per_frame
    ds.NumberOfFrames = len(order)
    ds.add_new("PixelData", "OW", np.stack(frames).astype("<i2").tobytes())
    ds.frame_order = order  # not DICOM: what the tests expect, frame by frame
    return ds


def to_bytes(ds: Dataset) -> bytes:
    """``ds`` as a Part 10 file."""
    out = io.BytesIO()
    dicomkit.write(out, ds)
    return out.getvalue()
