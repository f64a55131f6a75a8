"""RT Plan and RT Ion Plan basics (PS3.3 A.20, A.50; C.8.8.9, C.8.8.13, C.8.8.14, C.8.8.25):
fraction groups, beams and their control points as plain objects.

Control points are resolved as C.8.8.14.5 says: "all applicable parameters shall be specified
at Control Point 0", and a parameter that changes is given at every control point, so a value a
later control point leaves out is the one of the control point before it.  Each
:class:`ControlPoint` carries every value in force at it, whether written there or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dicomkit.objects.rt.errors import RTError

__all__ = ["Beam", "ControlPoint", "FractionGroup", "Plan", "read_plan"]

#: Control point attributes carried over when a later control point leaves them out
#: (C.8.8.14.5), by the field of ControlPoint they fill
_CARRIED = {
    "nominal_beam_energy": "NominalBeamEnergy",
    "dose_rate": "DoseRateSet",
    "gantry_angle": "GantryAngle",
    "gantry_rotation_direction": "GantryRotationDirection",
    "gantry_pitch_angle": "GantryPitchAngle",
    "beam_limiting_device_angle": "BeamLimitingDeviceAngle",
    "beam_limiting_device_rotation_direction": "BeamLimitingDeviceRotationDirection",
    "patient_support_angle": "PatientSupportAngle",
    "patient_support_rotation_direction": "PatientSupportRotationDirection",
    "table_top_eccentric_angle": "TableTopEccentricAngle",
    "table_top_pitch_angle": "TableTopPitchAngle",
    "table_top_roll_angle": "TableTopRollAngle",
    "isocenter": "IsocenterPosition",
    "source_to_surface_distance": "SourceToSurfaceDistance",
}
_TEXT = {"gantry_rotation_direction", "beam_limiting_device_rotation_direction",
         "patient_support_rotation_direction"}


@dataclass(frozen=True)
class ControlPoint:
    """The machine state at one control point (every value in force there)."""

    index: int
    cumulative_meterset_weight: float | None
    values: Mapping[str, Any] = field(default_factory=dict)
    #: RT Beam Limiting Device Type (``"ASYMX"``, ``"MLCX"``...) -> Leaf/Jaw Positions (mm)
    device_positions: Mapping[str, tuple[float, ...]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        if name in _CARRIED:
            return self.values.get(name)
        raise AttributeError(name)


@dataclass(frozen=True)
class Beam:
    """One beam (an item of Beam Sequence or Ion Beam Sequence)."""

    number: int
    name: str
    beam_type: str
    radiation_type: str
    treatment_machine: str
    delivery_type: str
    primary_dosimeter_unit: str
    source_axis_distance: float | None
    final_cumulative_meterset_weight: float | None
    #: RT Beam Limiting Device Type -> Number of Leaf/Jaw Pairs
    devices: Mapping[str, int]
    control_points: tuple[ControlPoint, ...]
    #: Beam Meterset of the beam in each fraction group that uses it, by group number
    meterset: Mapping[int, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class FractionGroup:
    """A fraction group: number, fractions planned, and its beams' metersets by number."""

    number: int
    fractions_planned: int | None
    beams: Mapping[int, float | None]


@dataclass(frozen=True)
class Plan:
    """An RT Plan: label, name, date, geometry, intent, fraction groups and beams by number."""

    label: str
    name: str
    date: str
    geometry: str
    intent: str
    ion: bool
    fraction_groups: tuple[FractionGroup, ...]
    beams: dict[int, Beam]


def _num(item: Any, keyword: str) -> float | None:
    value = getattr(item, keyword, None)
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _str(item: Any, keyword: str) -> str:
    value = getattr(item, keyword, None)
    return "" if value is None else str(value).strip()


def _value(item: Any, keyword: str, text: bool, where: str, source: str) -> Any:
    value = getattr(item, keyword, None)
    if value is None or value == "":
        return None
    if text:
        return str(value).strip()
    try:
        if keyword == "IsocenterPosition":
            point = tuple(float(v) for v in value)
            if len(point) != 3:
                raise ValueError
            return point
        return float(value)
    except (TypeError, ValueError):
        raise RTError(f"{keyword} is {value!r}, not a number", source=source,
                      where=where) from None


def _control_points(beam: Any, ion: bool, where: str, source: str) -> tuple[ControlPoint, ...]:
    items = getattr(beam, "IonControlPointSequence" if ion else "ControlPointSequence",
                    None) or ()
    state: dict[str, Any] = {}
    devices: dict[str, tuple[float, ...]] = {}
    out = []
    for i, cp in enumerate(items):
        here = f"{where}.{'IonControlPointSequence' if ion else 'ControlPointSequence'}[{i}]"
        index = getattr(cp, "ControlPointIndex", None)
        for name, keyword in _CARRIED.items():
            value = _value(cp, keyword, name in _TEXT, here, source)
            if value is not None:
                state[name] = value
        for j, dev in enumerate(getattr(cp, "BeamLimitingDevicePositionSequence", None) or ()):
            kind = _str(dev, "RTBeamLimitingDeviceType")
            try:
                devices[kind] = tuple(float(v) for v in dev.LeafJawPositions)
            except (AttributeError, TypeError, ValueError):
                raise RTError("Leaf/Jaw Positions missing or not numbers", source=source,
                              where=f"{here}.BeamLimitingDevicePositionSequence[{j}]") from None
        out.append(ControlPoint(int(index) if index is not None else i,
                                _num(cp, "CumulativeMetersetWeight"), dict(state),
                                dict(devices)))
    weights = [c.cumulative_meterset_weight for c in out if c.cumulative_meterset_weight is not None]
    if any(b < a for a, b in zip(weights, weights[1:], strict=False)):
        raise RTError("Cumulative Meterset Weight decreases along the control points (PS3.3 "
                      "C.8.8.14.5: monotonically increasing)", source=source, where=where)
    return tuple(out)


def read_plan(ds: Any) -> Plan:
    """The fraction groups and beams of an RT Plan or RT Ion Plan data set (see the module).

    Raises
    ------
    RTError
        No beams; a beam without a number, or two with the same; a control point value that
        is not a number; Cumulative Meterset Weights that decrease.
    """
    source = str(getattr(ds, "filename", "") or "")
    ion = getattr(ds, "IonBeamSequence", None) is not None
    groups = []
    metersets: dict[int, dict[int, float | None]] = {}
    for i, fg in enumerate(getattr(ds, "FractionGroupSequence", None) or ()):
        number = _num(fg, "FractionGroupNumber")
        if number is None:
            raise RTError("Fraction Group Number is missing", source=source,
                          where=f"FractionGroupSequence[{i}]")
        beams: dict[int, float | None] = {}
        for ref in getattr(fg, "ReferencedBeamSequence", None) or ():
            beam_number = _num(ref, "ReferencedBeamNumber")
            if beam_number is not None:
                beams[int(beam_number)] = _num(ref, "BeamMeterset")
                metersets.setdefault(int(beam_number), {})[int(number)] = beams[int(beam_number)]
        planned = _num(fg, "NumberOfFractionsPlanned")
        groups.append(FractionGroup(int(number), None if planned is None else int(planned),
                                    beams))
    beams_by_number: dict[int, Beam] = {}
    sequence = "IonBeamSequence" if ion else "BeamSequence"
    for i, b in enumerate(getattr(ds, sequence, None) or ()):
        where = f"{sequence}[{i}]"
        number = _num(b, "BeamNumber")
        if number is None:
            raise RTError("Beam Number is missing", source=source, where=where)
        if int(number) in beams_by_number:
            raise RTError(f"Beam Number {int(number)} is used twice", source=source, where=where)
        devices = {}
        for dev in getattr(b, "IonBeamLimitingDeviceSequence" if ion else
                           "BeamLimitingDeviceSequence", None) or ():
            pairs = _num(dev, "NumberOfLeafJawPairs")
            devices[_str(dev, "RTBeamLimitingDeviceType")] = int(pairs or 0)
        beams_by_number[int(number)] = Beam(
            int(number), _str(b, "BeamName"), _str(b, "BeamType"), _str(b, "RadiationType"),
            _str(b, "TreatmentMachineName"), _str(b, "TreatmentDeliveryType"),
            _str(b, "PrimaryDosimeterUnit"),
            _num(b, "SourceAxisDistance") if not ion else None,
            _num(b, "FinalCumulativeMetersetWeight"), devices,
            _control_points(b, ion, where, source), metersets.get(int(number), {}))
    if not beams_by_number:
        raise RTError(f"no {sequence} items: not an external beam plan", source=source)
    return Plan(_str(ds, "RTPlanLabel"), _str(ds, "RTPlanName"), _str(ds, "RTPlanDate"),
                _str(ds, "RTPlanGeometry"), _str(ds, "PlanIntent"), ion, tuple(groups),
                beams_by_number)
