"""RT Plan beams, fraction groups and control points (PS3.3 C.8.8.13, C.8.8.14), against
pydicom's reading of the sample plan, and the carrying of control point values that
C.8.8.14.5 prescribes."""

from __future__ import annotations

import pydicom
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.objects import rt
from tests.samples import sample


def test_the_sample_plan_reads_as_pydicom_reads_it() -> None:
    plan = rt.read_plan(dicomkit.read(sample("rtplan.dcm")))
    theirs = pydicom.dcmread(sample("rtplan.dcm"), force=True)
    assert (plan.label, plan.ion) == (theirs.RTPlanLabel, False)
    (group,) = plan.fraction_groups
    ref = theirs.FractionGroupSequence[0]
    assert group.fractions_planned == int(ref.NumberOfFractionsPlanned)
    for tb in theirs.BeamSequence:
        beam = plan.beams[int(tb.BeamNumber)]
        assert (beam.name, beam.beam_type, beam.radiation_type, beam.treatment_machine) == (
            tb.BeamName, tb.BeamType, tb.RadiationType, tb.TreatmentMachineName)
        assert len(beam.control_points) == int(tb.NumberOfControlPoints)
        first = tb.ControlPointSequence[0]
        cp = beam.control_points[-1]  # carried from control point 0
        assert cp.gantry_angle == float(first.GantryAngle)
        assert cp.isocenter == tuple(float(v) for v in first.IsocenterPosition)
        for dev in first.BeamLimitingDevicePositionSequence:
            assert cp.device_positions[dev.RTBeamLimitingDeviceType] == tuple(
                float(v) for v in dev.LeafJawPositions)
        assert beam.meterset[group.number] == pytest.approx(float(
            next(r.BeamMeterset for r in ref.ReferencedBeamSequence
                 if int(r.ReferencedBeamNumber) == int(tb.BeamNumber))))


def _arc(*weights: float, gantry: tuple[float | None, ...] = (180.0, 0.0)) -> Dataset:
    ds = Dataset()
    ds.RTPlanLabel = "arc"
    beam = Dataset()
    beam.BeamNumber = 1
    beam.BeamName = "arc"
    beam.BeamType = "DYNAMIC"
    points = []
    for i, w in enumerate(weights):
        cp = Dataset()
        cp.ControlPointIndex = i
        cp.CumulativeMetersetWeight = w
        if i == 0:
            cp.NominalBeamEnergy = 6.0
            cp.GantryRotationDirection = "CC"
            cp.IsocenterPosition = [0.0, 0.0, 0.0]
        if i < len(gantry) and gantry[i] is not None:
            cp.GantryAngle = gantry[i]
        points.append(cp)
    beam.ControlPointSequence = points
    beam.NumberOfControlPoints = len(points)
    ds.BeamSequence = [beam]
    return ds


def test_values_a_control_point_leaves_out_are_those_in_force_c_8_8_14_5() -> None:
    beam = rt.read_plan(_arc(0.0, 0.5, 1.0, gantry=(180.0, 90.0, None))).beams[1]
    angles = [cp.gantry_angle for cp in beam.control_points]
    assert angles == [180.0, 90.0, 90.0]
    assert [cp.nominal_beam_energy for cp in beam.control_points] == [6.0, 6.0, 6.0]
    assert beam.control_points[2].gantry_rotation_direction == "CC"
    assert beam.control_points[1].cumulative_meterset_weight == 0.5


@pytest.mark.filterwarnings("ignore::dicomkit.DicomValueWarning")  # the bad GantryAngle
@pytest.mark.parametrize(("plan", "message"), [
    (lambda: _arc(0.0, 1.0, 0.5), "decreases"),
    (lambda: Dataset(), "no BeamSequence items"),
    (lambda: _arc(0.0, 1.0, gantry=("ninety",)), "GantryAngle"),  # type: ignore[arg-type]
])
def test_bad_plans_are_refused_naming_the_item(plan: object, message: str) -> None:
    with pytest.raises(rt.RTError, match=message) as info:
        rt.read_plan(plan())  # type: ignore[operator]
    assert isinstance(info.value, DicomError)
