"""dicomkit.generated.sr_constraints: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.3 2024c (chtml) https://dicom.nema.org/medical/dicom/2024c/output/chtml/part03/
    sha256 bff7a8d0249c558b5f7dd741c65bbf49cc7bda604fbec28da08ecf5b923e9837
    Table A.35.1-2, Table A.35.2-2, Table A.35.3-2, Table A.35.4-2, Table A.35.5-2, Table A.35.6-2, Table A.35.7-2, Table A.35.8-2, Table A.35.9-2, Table A.35.10-2, Table A.35.11-2, Table A.35.12-2, Table A.35.13-2, Table A.35.14-2, Table A.35.15-2, Table A.35.16-2, Table A.35.17-2, Table A.35.18-2, Table A.35.19-2, Table A.35.20-2, Table A.35.21-2, Table A.35.22-2, Table A.35.23-2
"""
# The relationship content constraints of 23 SR IODs (PS3.3 Annex A).

from __future__ import annotations

from typing import Final, NamedTuple


class RelationshipConstraint(NamedTuple):
    """One row of a "Relationship Content Constraints" table: source value types (``"*"`` for
    any type), relationship type (``"*"`` for any type, but those ``excluded``), target value
    types allowed."""

    sources: tuple[str, ...]
    relationship: str
    targets: tuple[str, ...]
    excluded: tuple[str, ...]


class IodConstraints(NamedTuple):
    """The relationship content constraints of one SR IOD: its section, name, table, rows."""

    iod: str
    name: str
    table: str
    rows: tuple[RelationshipConstraint, ...]


_R = RelationshipConstraint

#: IOD section label (as in the SOP class registry) -> its relationship content constraints.
CONSTRAINTS: Final[dict[str, IodConstraints]] = {
    'A.35.1': IodConstraints('A.35.1', 'Basic Text SR', 'A.35.1-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'COMPOSITE', 'IMAGE', 'WAVEFORM', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('CONTAINER', 'IMAGE', 'WAVEFORM', 'COMPOSITE'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT',), 'INFERRED FROM', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE'), ()),
    )),
    'A.35.2': IodConstraints('A.35.2', 'Enhanced SR', 'A.35.2-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'SCOORD', 'TCOORD', 'COMPOSITE', 'IMAGE', 'WAVEFORM', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('CONTAINER', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'NUM'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'SCOORD', 'TCOORD'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'SCOORD', 'TCOORD'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('SCOORD', 'IMAGE', 'WAVEFORM'), ()),
    )),
    'A.35.3': IodConstraints('A.35.3', 'Comprehensive SR', 'A.35.3-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'SCOORD', 'TCOORD', 'COMPOSITE', 'IMAGE', 'WAVEFORM', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('CONTAINER', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'NUM'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'SCOORD', 'TCOORD', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'SCOORD', 'TCOORD', 'CONTAINER'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('SCOORD', 'IMAGE', 'WAVEFORM'), ()),
    )),
    'A.35.4': IodConstraints('A.35.4', 'Key Object Selection Document', 'A.35.4-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'IMAGE', 'WAVEFORM', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS CONCEPT MOD', ('CODE',), ()),
    )),
    'A.35.5': IodConstraints('A.35.5', 'Mammography CAD SR', 'A.35.5-2', (
        _R(('CONTAINER',), 'CONTAINS', ('CODE', 'NUM', 'SCOORD', 'IMAGE', 'CONTAINER', 'TEXT', 'DATE'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATE', 'TIME', 'PNAME', 'UIDREF', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('IMAGE',), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'DATE', 'TIME', 'NUM', 'UIDREF'), ()),
        _R(('CONTAINER', 'CODE', 'NUM', 'COMPOSITE'), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('CONTAINER', 'TEXT', 'CODE', 'NUM', 'DATE', 'IMAGE', 'SCOORD', 'UIDREF'), ()),
        _R(('CODE', 'NUM'), 'INFERRED FROM', ('CODE', 'NUM', 'SCOORD', 'CONTAINER', 'TEXT', 'IMAGE'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
    )),
    'A.35.6': IodConstraints('A.35.6', 'Chest CAD SR', 'A.35.6-2', (
        _R(('CONTAINER',), 'CONTAINS', ('CODE', 'NUM', 'IMAGE', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATE', 'TIME', 'PNAME', 'UIDREF', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('IMAGE', 'WAVEFORM'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'DATE', 'TIME', 'NUM'), ()),
        _R(('CONTAINER', 'CODE', 'COMPOSITE', 'NUM'), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('CONTAINER', 'TEXT', 'CODE', 'NUM', 'DATE', 'IMAGE', 'WAVEFORM', 'SCOORD', 'TCOORD', 'UIDREF'), ()),
        _R(('CODE', 'NUM'), 'INFERRED FROM', ('CODE', 'NUM', 'IMAGE', 'WAVEFORM', 'SCOORD', 'TCOORD', 'CONTAINER', 'TEXT'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('SCOORD', 'IMAGE', 'WAVEFORM'), ()),
    )),
    'A.35.7': IodConstraints('A.35.7', 'Procedure Log', 'A.35.7-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'PNAME', 'COMPOSITE', 'IMAGE', 'WAVEFORM'), ()),
        _R(('*',), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('CONTAINER', 'IMAGE', 'WAVEFORM', 'COMPOSITE'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('*',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('IMAGE', 'WAVEFORM', 'COMPOSITE'), ()),
    )),
    'A.35.8': IodConstraints('A.35.8', 'X-Ray Radiation Dose SR', 'A.35.8-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('DATETIME', 'CODE', 'TEXT', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'COMPOSITE'), ()),
        _R(('CONTAINER', 'IMAGE', 'COMPOSITE'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
    )),
    'A.35.9': IodConstraints('A.35.9', 'Spectacle Prescription Report', 'A.35.9-2', (
        _R(('CONTAINER',), 'CONTAINS', ('CONTAINER', 'CODE', 'NUM', 'TEXT'), ()),
    )),
    'A.35.10': IodConstraints('A.35.10', 'Colon CAD SR', 'A.35.10-2', (
        _R(('CONTAINER',), 'CONTAINS', ('CODE', 'NUM', 'IMAGE', 'CONTAINER', 'UIDREF', 'DATE', 'TIME'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATE', 'TIME', 'PNAME', 'UIDREF', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('IMAGE',), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'DATE', 'TIME', 'NUM', 'CONTAINER'), ()),
        _R(('CONTAINER', 'CODE', 'COMPOSITE', 'NUM'), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('CONTAINER', 'TEXT', 'CODE', 'NUM', 'DATE', 'IMAGE', 'SCOORD', 'SCOORD3D', 'UIDREF'), ()),
        _R(('CODE', 'NUM'), 'INFERRED FROM', ('CODE', 'NUM', 'IMAGE', 'SCOORD', 'SCOORD3D', 'CONTAINER', 'TEXT'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('SCOORD', 'SCOORD3D', 'IMAGE', 'WAVEFORM'), ()),
    )),
    'A.35.11': IodConstraints('A.35.11', 'Macular Grid Thickness and Volume Report', 'A.35.11-2', (
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CODE', 'PNAME', 'TEXT', 'UIDREF', 'DATE', 'NUM', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'CONTAINS', ('CONTAINER', 'NUM', 'TEXT', 'CODE'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('CODE',), ()),
        _R(('NUM',), 'HAS OBS CONTEXT', ('TEXT',), ()),
        _R(('NUM',), 'INFERRED FROM', ('IMAGE',), ()),
    )),
    'A.35.12': IodConstraints('A.35.12', 'Implantation Plan SR Document', 'A.35.12-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'UIDREF', 'COMPOSITE', 'IMAGE', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATE', 'UIDREF', 'PNAME', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'IMAGE', 'UIDREF', 'COMPOSITE'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'UIDREF', 'IMAGE', 'COMPOSITE'), ()),
    )),
    'A.35.13': IodConstraints('A.35.13', 'Comprehensive 3D SR', 'A.35.13-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'SCOORD', 'SCOORD3D', 'TCOORD', 'COMPOSITE', 'IMAGE', 'WAVEFORM', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('CONTAINER', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'NUM'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'SCOORD', 'SCOORD3D', 'TCOORD', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'TIME', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'SCOORD', 'SCOORD3D', 'TCOORD', 'CONTAINER'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('SCOORD', 'SCOORD3D', 'IMAGE', 'WAVEFORM'), ()),
    )),
    'A.35.14': IodConstraints('A.35.14', 'Radiopharmaceutical Radiation Dose SR', 'A.35.14-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('CONTAINER',), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'PNAME'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'CONTAINER'), ()),
    )),
    'A.35.15': IodConstraints('A.35.15', 'Extensible SR', 'A.35.15-2', (
        _R(('CONTAINER',), 'CONTAINS', ('*',), ()),
        _R(('*',), '*', ('*',), ('CONTAINS',)),
    )),
    'A.35.16': IodConstraints('A.35.16', 'Acquisition Context SR', 'A.35.16-2', (
        _R(('CONTAINER',), 'CONTAINS', ('CODE', 'CONTAINER', 'DATETIME', 'NUM', 'PNAME', 'TEXT', 'TIME', 'UIDREF'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CODE', 'DATE', 'DATETIME', 'NUM', 'PNAME', 'TEXT', 'TIME', 'UIDREF', 'CONTAINER'), ()),
        _R(('CODE',), 'HAS OBS CONTEXT', ('CODE',), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('CODE', 'TEXT'), ()),
        _R(('CODE',), 'HAS PROPERTIES', ('CODE', 'DATETIME', 'NUM', 'SCOORD3D', 'TEXT'), ()),
    )),
    'A.35.17': IodConstraints('A.35.17', 'Simplified Adult Echo SR', 'A.35.17-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('CODE', 'TEXT'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'CONTAINER', 'IMAGE', 'SCOORD', 'WAVEFORM', 'TCOORD'), ()),
        _R(('SCOORD',), 'SELECTED FROM', ('IMAGE',), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('WAVEFORM',), ()),
    )),
    'A.35.18': IodConstraints('A.35.18', 'Patient Radiation Dose SR', 'A.35.18-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('DATETIME', 'CODE', 'TEXT', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'COMPOSITE'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'COMPOSITE'), ()),
        _R(('CONTAINER', 'IMAGE', 'COMPOSITE'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'COMPOSITE'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
    )),
    'A.35.19': IodConstraints('A.35.19', 'Planned Imaging Agent Administration SR', 'A.35.19-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('CONTAINER', 'NUM'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
    )),
    'A.35.20': IodConstraints('A.35.20', 'Performed Imaging Agent Administration SR', 'A.35.20-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'COMPOSITE', 'IMAGE', 'WAVEFORM', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'CONTAINER'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('CONTAINER',), ()),
        _R(('CONTAINER', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'NUM'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'DATE', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'DATE', 'UIDREF', 'PNAME', 'IMAGE', 'WAVEFORM', 'COMPOSITE', 'CONTAINER'), ()),
    )),
    'A.35.21': IodConstraints('A.35.21', 'Rendition Selection Document', 'A.35.21-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'IMAGE', 'WAVEFORM', 'COMPOSITE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('CONTAINER',), 'HAS CONCEPT MOD', ('CODE',), ()),
    )),
    'A.35.22': IodConstraints('A.35.22', 'Enhanced X-Ray Radiation Dose SR', 'A.35.22-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'IMAGE', 'COMPOSITE', 'CONTAINER', 'SCOORD3D', 'TABLE'), ()),
        _R(('CONTAINER',), 'HAS OBS CONTEXT', ('DATETIME', 'CODE', 'TEXT', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'COMPOSITE'), 'HAS OBS CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'COMPOSITE'), ()),
        _R(('CONTAINER', 'IMAGE', 'COMPOSITE'), 'HAS ACQ CONTEXT', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'CONTAINER'), ()),
        _R(('*',), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('TEXT', 'CODE', 'NUM', 'COMPOSITE'), 'HAS PROPERTIES', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'PNAME', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
        _R(('PNAME',), 'HAS PROPERTIES', ('TEXT', 'CODE', 'DATETIME', 'UIDREF', 'PNAME'), ()),
        _R(('TEXT', 'CODE', 'NUM'), 'INFERRED FROM', ('TEXT', 'CODE', 'NUM', 'DATETIME', 'UIDREF', 'IMAGE', 'COMPOSITE', 'CONTAINER'), ()),
    )),
    'A.35.23': IodConstraints('A.35.23', 'Waveform Annotation SR', 'A.35.23-2', (
        _R(('CONTAINER',), 'CONTAINS', ('TEXT', 'CODE', 'NUM', 'TCOORD', 'WAVEFORM', 'CONTAINER'), ()),
        _R(('CONTAINER', 'CODE', 'NUM', 'TEXT'), 'HAS OBS CONTEXT', ('CODE', 'PNAME', 'TEXT', 'UIDREF', 'DATE', 'NUM', 'CONTAINER'), ()),
        _R(('CONTAINER', 'WAVEFORM'), 'HAS ACQ CONTEXT', ('CODE', 'DATE', 'TIME', 'DATETIME', 'NUM', 'UIDREF'), ()),
        _R(('CONTAINER', 'CODE', 'NUM', 'TEXT'), 'HAS CONCEPT MOD', ('TEXT', 'CODE'), ()),
        _R(('CODE', 'NUM', 'TEXT'), 'HAS PROPERTIES', ('CODE', 'TEXT', 'NUM'), ()),
        _R(('CODE', 'NUM', 'TEXT'), 'INFERRED FROM', ('WAVEFORM', 'TCOORD'), ()),
        _R(('TCOORD',), 'SELECTED FROM', ('WAVEFORM',), ()),
    )),
}
