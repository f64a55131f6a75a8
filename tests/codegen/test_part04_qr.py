"""PS3.4 Annex C reader: Query/Retrieve information models and extended negotiation, on the
real PS3.4 2024c (chtml) and PS3.6 2024c."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.readers.part04_qr import read_extended_negotiation, read_models
from dicomkit.codegen.standard import Standard
from dicomkit.generated import query_retrieve, tags, uids


@pytest.fixture(scope="module")
def std(standard_dir: Path, part_path: Any) -> Standard:
    part_path("2024c", 4, "chtml")
    part_path("2024c", 6, "chtml")
    return Standard.declared(roots=[standard_dir])  # standard/sources.json: 2024c chtml


def test_patient_root_levels_top_down_with_their_unique_keys(std: Standard) -> None:
    models = {m.name: m for m in read_models(std)}
    patient = models["Patient Root"]
    assert [lv.value for lv in patient.levels] == ["PATIENT", "STUDY", "SERIES", "IMAGE"]
    assert [lv.unique for lv in patient.levels] == [
        tags.PatientID, tags.StudyInstanceUID, tags.SeriesInstanceUID, tags.SOPInstanceUID]
    assert patient.levels[0].required == (tags.PatientName,)  # Table C.6-1
    assert dict(patient.sop_classes)["C-GET"] == uids.PatientRootQueryRetrieveInformationModelGet


def test_study_root_series_level_follows_the_link_to_patient_root_table(std: Standard) -> None:
    """C.6.2.1.3 has no table: "the same as ... described in Section C.6.1.1.4"."""
    study = {m.name: m for m in read_models(std)}["Study Root"]
    assert [lv.value for lv in study.levels] == ["STUDY", "SERIES", "IMAGE"]
    assert study.levels[1].table == "C.6-3"
    # Table C.6-5: the study level of Study Root requires Patient's Name and Patient ID
    assert tags.PatientID in study.levels[0].required
    assert tags.PatientName in study.levels[0].required


def test_retired_patient_study_only_model_from_the_fix(std: Standard) -> None:
    pso = {m.name: m for m in read_models(std)}["Patient/Study Only"]
    assert pso.retired
    assert [lv.value for lv in pso.levels] == ["PATIENT", "STUDY"]
    assert dict(pso.sop_classes)["C-FIND"] == \
        uids.PatientStudyOnlyQueryRetrieveInformationModelFind


def test_extended_negotiation_bytes_of_tables_c5_1_and_c5_3(std: Standard) -> None:
    fields = read_extended_negotiation(std)
    find = [(f.byte, f.name) for f in fields if "C-FIND" in f.operations]
    assert find[0] == (1, "Relational-queries")
    assert (2, "Date-time matching") in find
    get = [(f.byte, f.name) for f in fields if "C-GET" in f.operations]
    assert get[0] == (1, "Relational-retrieval")


def test_generated_module_matches_the_reader(std: Standard) -> None:
    models = read_models(std)
    assert list(query_retrieve.MODELS) == [m.name for m in models]
    assert query_retrieve.LEVELS[("Study Root", "SERIES")].unique == tags.SeriesInstanceUID
    model, op = query_retrieve.model_of(uids.StudyRootQueryRetrieveInformationModelMove) or (
        None, "")
    assert model is not None and model.name == "Study Root" and op == "C-MOVE"
    assert query_retrieve.EXTENDED_NEGOTIATION["C-FIND"][0] == (1, "Relational-queries")
