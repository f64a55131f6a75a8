"""Hierarchical and relational queries (PS3.4 C.4.1.2.1, C.4.1.2.2.1, C.4.1.3.1.1, C.4.1.3.2.1):
which keys a query may give at its level, with errors naming the tag and the rule."""

from __future__ import annotations

import importlib.util

import pytest

from dicomkit.generated import tags
from dicomkit.query import (
    InformationModel,
    Level,
    QueryLevelError,
    information_model,
    parse_identifier,
    validate_query,
)
from tests.query.helpers import dataset

# A Patient Root model with a few keys of each level (PS3.4 Tables C.6-1 to C.6-4), built here;
# the generated key tables give the full one (information_model).
PATIENT_ROOT = InformationModel("PATIENT_ROOT", (
    Level("PATIENT", tags.PatientID, frozenset({tags.PatientName}),
          frozenset({tags.PatientBirthDate})),
    Level("STUDY", tags.StudyInstanceUID, frozenset({tags.StudyDate, tags.AccessionNumber}),
          frozenset({tags.ModalitiesInStudy}), frozenset({tags.StudyDescription})),
    Level("SERIES", tags.SeriesInstanceUID, frozenset({tags.Modality, tags.SeriesNumber})),
    Level("IMAGE", tags.SOPInstanceUID, frozenset({tags.InstanceNumber})),
))


def check(relational: bool = False, **keys: object) -> object:
    return validate_query(parse_identifier(dataset(**keys)), PATIENT_ROOT, relational=relational)


def rule_of(relational: bool = False, **keys: object) -> tuple[str, str]:
    with pytest.raises(QueryLevelError) as info:
        check(relational, **keys)
    return info.value.rule, info.value.tag_path


def test_a_hierarchical_study_query_with_the_patient_id() -> None:
    result = check(QueryRetrieveLevel="STUDY", PatientID="P1", StudyInstanceUID="",
                   StudyDate="20060101-", PatientComments="x")
    assert result.level.name == "STUDY"  # type: ignore[attr-defined]
    assert result.unsupported == (tags.PatientComments,)  # type: ignore[attr-defined]


def test_the_unique_key_of_the_level_is_required() -> None:
    assert rule_of(QueryRetrieveLevel="STUDY", PatientID="P1") == ("C.4.1.2.1", "(0020,000D)")


def test_the_unique_key_of_the_level_allows_only_single_universal_or_uid_list() -> None:
    assert rule_of(QueryRetrieveLevel="PATIENT", PatientID="P*")[0] == "C.4.1.2.1"
    # relational queries may use wild cards on it (C.4.1.3.2.1)
    check(True, QueryRetrieveLevel="PATIENT", PatientID="P*")


def test_hierarchical_queries_need_a_single_unique_key_of_every_level_above() -> None:
    assert rule_of(QueryRetrieveLevel="SERIES", StudyInstanceUID="1.2",
                   SeriesInstanceUID="") == ("C.4.1.2.1", "(0010,0020)")
    rule, path = rule_of(QueryRetrieveLevel="SERIES", PatientID="P1",
                         StudyInstanceUID=["1.2", "1.3"], SeriesInstanceUID="")
    assert (rule, path) == ("C.4.1.2.1", "(0020,000D)")


def test_hierarchical_queries_give_no_other_key_of_the_levels_above() -> None:
    assert rule_of(QueryRetrieveLevel="STUDY", PatientID="P1", PatientName="SMITH",
                   StudyInstanceUID="") == ("C.4.1.2.1", "(0010,0010)")


def test_relational_queries_give_any_key_of_any_level_above() -> None:
    # C.4.1.2.2.1: any combination of keys at any level; no unique keys above required
    check(True, QueryRetrieveLevel="SERIES", PatientName="SMITH*", StudyDate="20060101-",
          SeriesInstanceUID="", Modality="CT")


def test_no_key_of_a_level_below() -> None:
    assert rule_of(QueryRetrieveLevel="STUDY", PatientID="P1", StudyInstanceUID="",
                   Modality="CT") == ("C.4.1.3.1.1", "(0008,0060)")
    assert rule_of(True, QueryRetrieveLevel="STUDY", StudyInstanceUID="",
                   SOPInstanceUID="1")[0] == "C.4.1.3.1.1"


def test_level_must_be_one_of_the_model() -> None:
    assert rule_of(QueryRetrieveLevel="FRAME", PatientID="P1")[0] == "C.4.1.1.3.1"
    assert rule_of(PatientID="P1")[0] == "C.4.1.1.3.1"


def test_return_only_keys_with_a_value_are_reported() -> None:
    result = check(QueryRetrieveLevel="STUDY", PatientID="P1", StudyInstanceUID="",
                   StudyDescription="HEAD*")
    assert result.return_only == (tags.StudyDescription,)  # type: ignore[attr-defined]


def test_information_model_reads_the_generated_key_tables() -> None:
    if importlib.util.find_spec("dicomkit.generated.query_keys") is None:
        # before the archive's generated key tables (PS3.4 C.6) are merged: a clear error
        with pytest.raises(QueryLevelError, match="codegen generate"):
            information_model("STUDY_ROOT")
        return
    model = information_model("STUDY_ROOT")
    assert [lv.name for lv in model.levels] == ["STUDY", "SERIES", "IMAGE"]
    assert [lv.unique for lv in model.levels] == [tags.StudyInstanceUID, tags.SeriesInstanceUID,
                                                  tags.SOPInstanceUID]
    assert tags.PatientName in model.levels[0].required
    qido = information_model("QIDO_RS")  # PS3.18 10.6: the unique keys are returned as U
    assert [lv.unique for lv in qido.levels] == [tags.StudyInstanceUID, tags.SeriesInstanceUID,
                                                 tags.SOPInstanceUID]
    with pytest.raises(QueryLevelError, match="no information model"):
        information_model("NO_SUCH_ROOT")


def test_allowed_keys_by_level() -> None:
    from dicomkit.query import allowed_keys

    hierarchical = allowed_keys(PATIENT_ROOT, "SERIES")
    assert list(hierarchical) == ["PATIENT", "STUDY", "SERIES"]
    assert hierarchical["PATIENT"] == {tags.PatientID}
    assert hierarchical["STUDY"] == {tags.StudyInstanceUID}
    assert tags.Modality in hierarchical["SERIES"]
    relational = allowed_keys(PATIENT_ROOT, "SERIES", relational=True)
    assert tags.PatientName in relational["PATIENT"] and "IMAGE" not in relational


def retrieve(relational: bool = False, **keys: object) -> object:
    return validate_query(parse_identifier(dataset(**keys)), PATIENT_ROOT, relational=relational,
                          retrieve=True)


def test_a_retrieval_gives_unique_keys_only() -> None:
    # C.4.2.2.1: one UID or a list of UIDs at the level, a single value of each level above
    result = retrieve(QueryRetrieveLevel="SERIES", PatientID="P1", StudyInstanceUID="1.2",
                      SeriesInstanceUID=["1.2.1", "1.2.2"], Modality="CT")
    # C.2.2.1.2: Required Keys shall not be in C-MOVE and C-GET identifiers: reported, ignored
    assert result.unsupported == (tags.Modality,)  # type: ignore[attr-defined]
    with pytest.raises(QueryLevelError, match="needs a value of its Unique Key"):
        retrieve(QueryRetrieveLevel="STUDY", PatientID="P1", StudyInstanceUID="")
    with pytest.raises(QueryLevelError, match="one value"):
        retrieve(QueryRetrieveLevel="PATIENT", PatientID="P*")
    with pytest.raises(QueryLevelError, match="needs the Unique Key"):
        retrieve(QueryRetrieveLevel="STUDY", StudyInstanceUID="1.2")
    retrieve(True, QueryRetrieveLevel="STUDY", StudyInstanceUID="1.2")  # relational: enough
    with pytest.raises(QueryLevelError, match="level below"):
        retrieve(QueryRetrieveLevel="STUDY", PatientID="P1", StudyInstanceUID="1.2",
                 SOPInstanceUID="1.2.3")


def test_a_retrieval_at_the_top_of_study_root_takes_a_list_of_uids() -> None:
    # C.4.2.2.1, C.2.2.2.2: the Unique Key of the retrieval's level may be a list of UIDs;
    # Study Instance UID is a UID at the top of Study Root as below the Patient level
    study_root = information_model("STUDY_ROOT")
    ident = parse_identifier(dataset(QueryRetrieveLevel="STUDY",
                                     StudyInstanceUID=["1.2", "1.3"]))
    assert validate_query(ident, study_root, retrieve=True).level.name == "STUDY"
    with pytest.raises(QueryLevelError, match="takes one value in a retrieval"):
        retrieve(QueryRetrieveLevel="PATIENT", PatientID=["P1", "P2"])
