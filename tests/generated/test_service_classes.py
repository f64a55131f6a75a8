"""The committed service_classes module against the committed uids and sop_classes modules:
every SOP class PS3.6 Table A-1 ascribes to PS3.4 is mapped to a service class, or is listed
here with the reason it cannot be (``tests/codegen/test_generate.py`` pins that the module
equals a fresh generation from PS3.4 and PS3.6 2024c)."""

from __future__ import annotations

from dicomkit.generated import service_classes as sc
from dicomkit.generated import uids
from dicomkit.generated.sop_classes import SOP_CLASSES

_GONE = "retired; PS3.4 2024c keeps no text of it (neither its UID nor its name)"
_ANNEX_D = "retired with Annex D Study Content Notification Service Class, whose text is gone"
_ANNEX_E = "retired with Annex E Patient Management Service Class, whose text is gone"
_ANNEX_G = "retired with Annex G Results Management Service Class, whose text is gone"
_PRINT = "retired print SOP class whose section PS3.4 Annex H no longer keeps"
_STANDALONE = "retired standalone Storage SOP class, no longer in Table B.6-1"
_TRIAL = "retired trial SOP class (Supplement trial UID), never in the final text"
_PATIENT_STUDY_ONLY = "retired with PS3.4 C.6.3 Patient/Study Only Q/R, whose text is gone"
_GP_WORKLIST = "retired with the General Purpose Worklist of PS3.4 Annex K, whose text is gone"

#: Every SOP class of PS3.6 Table A-1 with Part PS3.4 that PS3.4 2024c does not give.
EXPECTED_UNMAPPED: dict[str, str] = {
    "1.2.840.10008.1.9": _ANNEX_D,
    "1.2.840.10008.3.1.2.1.1": _ANNEX_E,
    "1.2.840.10008.3.1.2.1.4": _ANNEX_E,
    "1.2.840.10008.3.1.2.2.1": _ANNEX_E,
    "1.2.840.10008.3.1.2.5.1": _ANNEX_G,
    "1.2.840.10008.3.1.2.5.4": _ANNEX_G,
    # PS3.4 F.5 keeps the title "Study Management Meta SOP Class (Retired)", not this name
    "1.2.840.10008.3.1.2.5.5": _GONE,
    "1.2.840.10008.3.1.2.6.1": _ANNEX_G,
    "1.2.840.10008.5.1.1.26": _PRINT,
    "1.2.840.10008.5.1.1.27": _PRINT,
    "1.2.840.10008.5.1.1.29": _PRINT,
    "1.2.840.10008.5.1.1.30": _PRINT,
    "1.2.840.10008.5.1.4.1.1.8": _STANDALONE,
    "1.2.840.10008.5.1.4.1.1.9": _STANDALONE,
    "1.2.840.10008.5.1.4.1.1.9.1": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.10": _STANDALONE,
    "1.2.840.10008.5.1.4.1.1.11": _STANDALONE,
    "1.2.840.10008.5.1.4.1.1.77.1": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.77.2": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.88.1": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.88.2": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.88.3": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.88.4": _TRIAL,
    "1.2.840.10008.5.1.4.1.1.129": _STANDALONE,
    "1.2.840.10008.5.1.4.1.2.3.1": _PATIENT_STUDY_ONLY,
    "1.2.840.10008.5.1.4.1.2.3.2": _PATIENT_STUDY_ONLY,
    "1.2.840.10008.5.1.4.1.2.3.3": _PATIENT_STUDY_ONLY,
    "1.2.840.10008.5.1.4.32": _GP_WORKLIST,
    "1.2.840.10008.5.1.4.32.1": _GP_WORKLIST,
    "1.2.840.10008.5.1.4.34.1": _TRIAL,
    "1.2.840.10008.5.1.4.34.2": _TRIAL,
    "1.2.840.10008.5.1.4.34.3": _TRIAL,
    "1.2.840.10008.5.1.4.34.4.1": _TRIAL,
    "1.2.840.10008.5.1.4.34.4.2": _TRIAL,
    "1.2.840.10008.5.1.4.34.4.3": _TRIAL,
    "1.2.840.10008.5.1.4.34.4.4": _TRIAL,
}

#: SOP classes of Table A-1 that no PS3.4 service class specifies (their Part is not PS3.4).
NOT_PS34: dict[str, str] = {
    "1.2.840.10008.5.1.4.1.1.12.77": "retired, name and part withheld by PS3.6",
    "1.2.840.10008.5.1.4.1.1.40": "retired, name and part withheld by PS3.6",
    **{f"1.2.840.10008.5.1.4.1.1.501.{n}": "DICOS (NEMA IIC 1), not PS3.4"
       for n in ("1", "2.1", "2.2", "3", "4", "5", "6")},
    "1.2.840.10008.5.1.4.1.1.601.1": "DICONDE (ASTM E2934), not PS3.4",
    "1.2.840.10008.5.1.4.1.1.601.2": "DICONDE (ASTM E2934), not PS3.4",
    **{f"1.2.840.10008.10.{n}": "real-time video (PS3.22), not PS3.4" for n in range(1, 5)},
}

SOP_TYPES = ("SOP Class", "Meta SOP Class")


def _a1_sop_classes() -> dict[str, tuple[str, str, str, str, bool]]:
    return {u: v for u, v in uids.UIDS.items() if v[2] in SOP_TYPES}


def test_every_ps34_sop_class_of_table_a1_is_mapped_or_listed_with_a_reason() -> None:
    ps34 = {u for u, v in _a1_sop_classes().items() if v[3] == "PS3.4"}
    assert ps34 - set(sc.SOP_CLASS_SERVICE) == set(EXPECTED_UNMAPPED)
    assert set(sc.UNMAPPED_SOP_CLASSES) == set(EXPECTED_UNMAPPED)
    assert not set(EXPECTED_UNMAPPED) & set(sc.SOP_CLASS_SERVICE)
    assert all(uids.UIDS[u][4] for u in EXPECTED_UNMAPPED)  # only retired ones are missing


def test_sop_classes_of_other_standards_are_left_out_and_listed() -> None:
    other = {u for u, v in _a1_sop_classes().items() if v[3] != "PS3.4"}
    assert other == set(NOT_PS34)
    assert not other & set(sc.SOP_CLASS_SERVICE)


def test_every_mapped_sop_class_is_a_registered_sop_class_of_its_name() -> None:
    registry = _a1_sop_classes()
    for uid, entry in sc.SOP_CLASS_SERVICES.items():
        assert uid in registry, uid
        name, keyword, type_, _, retired = registry[uid]
        assert (entry.name, entry.keyword, entry.meta, entry.retired) == (
            name, keyword, type_ == "Meta SOP Class", retired), uid
        assert entry.section.split(".")[0] == entry.service.value, uid
        assert entry.how in ("table", "text", "named")


def test_storage_sop_classes_agree_with_the_sop_classes_module() -> None:
    for uid, (_, _, _, service_section) in SOP_CLASSES.items():
        assert sc.SOP_CLASS_SERVICES[uid].service.value == service_section.split(".")[0], uid
    storage = set(sc.SOP_CLASSES_OF[sc.ServiceClass.STORAGE])
    assert uids.CTImageStorage in storage and len(storage) >= 160


def test_the_network_services_are_where_an_application_entity_looks_for_them() -> None:
    service = sc.service_class
    assert service(uids.Verification) is sc.ServiceClass.VERIFICATION
    assert service(uids.StorageCommitmentPushModel) is sc.ServiceClass.STORAGE_COMMITMENT
    assert service(uids.ModalityWorklistInformationModelFind) is (
        sc.ServiceClass.BASIC_WORKLIST_MANAGEMENT)
    assert service(uids.ModalityPerformedProcedureStep) is sc.ServiceClass.PROCEDURE_STEP
    assert service(uids.UnifiedProcedureStepPull) is sc.ServiceClass.UNIFIED_PROCEDURE_STEP
    assert service(uids.CompositeInstanceRootRetrieveGet) is (
        sc.ServiceClass.COMPOSITE_INSTANCE_ROOT_RETRIEVE)
    assert service(uids.RepositoryQuery) is sc.ServiceClass.QUERY_RETRIEVE
    assert service(uids.InstanceAvailabilityNotification) is (
        sc.ServiceClass.INSTANCE_AVAILABILITY_NOTIFICATION)
    assert service(uids.HangingProtocolStorage) is sc.ServiceClass.NON_PATIENT_OBJECT_STORAGE
    assert service("1.2.3.4") is None
    qr = {uid: sc.SOP_CLASS_SERVICES[uid].operation
          for uid in sc.SOP_CLASSES_OF[sc.ServiceClass.QUERY_RETRIEVE]}
    assert qr[uids.PatientRootQueryRetrieveInformationModelFind] == "C-FIND"
    assert qr[uids.StudyRootQueryRetrieveInformationModelMove] == "C-MOVE"
    assert qr[uids.StudyRootQueryRetrieveInformationModelGet] == "C-GET"
    assert set(qr.values()) == {"C-FIND", "C-MOVE", "C-GET"}


def test_service_class_tables_are_consistent() -> None:
    assert set(sc.SERVICE_CLASS_TITLES) == set(sc.ServiceClass) == set(sc.SOP_CLASSES_OF)
    assert all(sc.SOP_CLASSES_OF[s] for s in sc.ServiceClass)  # no service class without one
    assert sorted(u for us in sc.SOP_CLASSES_OF.values() for u in us) == sorted(
        sc.SOP_CLASS_SERVICE)
    assert sc.SERVICE_CLASS_TITLES[sc.ServiceClass.STORAGE] == "Storage Service Class"
