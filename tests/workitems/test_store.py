"""The workitem store (PS3.4 Annex CC): creation checks, N-SET locking, state changes,
subscriptions and their events, deletion locks, C-FIND matching, atomic failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids, ups
from dicomkit.workitems import FILTERED_GLOBAL, GLOBAL, WorkitemError, WorkitemStore
from dicomkit.workitems.statuses import (
    DUPLICATE_SOP_INSTANCE,
    INVALID_ATTRIBUTE_VALUE,
    MISSING_ATTRIBUTE,
)
from dicomkit.workitems.store import _decode_keys, _encode_keys
from tests.workitems.items import final_attributes, new_workitem

TX = "1.2.826.0.1.3680043.8.498.1"


@pytest.fixture
def store(tmp_path: Path) -> WorkitemStore:
    s = WorkitemStore(str(tmp_path / "ups.sqlite"))
    yield s
    s.close()


def test_create_completes_the_workitem_as_the_scp(store: WorkitemStore) -> None:
    out = store.create(new_workitem(), "1.2.3.4")
    ds = store.get("1.2.3.4")
    assert out.status == 0
    assert ds.SOPClassUID == uids.UnifiedProcedureStepPush  # PS3.4 CC.3.1
    assert ds.ProcedureStepState == ups.SCHEDULED
    assert ds.get(tags.ScheduledProcedureStepModificationDateTime).value
    # Type 2 attributes the SCU left out are there, empty (PS3.4 CC.2.5.3)
    assert tags.ScheduledStationNameCodeSequence in ds and tags.PatientBirthDate in ds


def test_create_twice_is_a_duplicate(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    with pytest.raises(WorkitemError) as err:
        store.create(new_workitem(), "1.2.3.4")
    assert err.value.status == DUPLICATE_SOP_INSTANCE  # Table CC.1.1-2


def test_create_without_a_type_1_attribute_names_it(store: WorkitemStore) -> None:
    ds = new_workitem()
    del ds[tags.ProcedureStepLabel]
    with pytest.raises(WorkitemError) as err:
        store.create(ds, "1.2.3.4")
    assert err.value.status == MISSING_ATTRIBUTE
    assert err.value.offending == (tags.ProcedureStepLabel,)
    assert store.uids() == []


def test_create_not_scheduled_is_refused_with_c309(store: WorkitemStore) -> None:
    ds = new_workitem()
    ds.ProcedureStepState = "IN PROGRESS"
    with pytest.raises(WorkitemError) as err:
        store.create(ds, "1.2.3.4")
    assert err.value.status == ups.UpsStatus.PROVIDED_VALUE_OF_UPS_STATE_WAS_NOT_SCHEDULED


def test_set_of_an_in_progress_ups_needs_its_transaction_uid(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    change = Dataset()
    change.ProcedureStepLabel = "changed"
    with pytest.raises(WorkitemError) as err:
        store.set("1.2.3.4", change)
    assert err.value.status == ups.UpsStatus.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED
    assert store.get("1.2.3.4").ProcedureStepLabel == "CT head"  # nothing changed
    change.TransactionUID = TX
    store.set("1.2.3.4", change)
    stored = store.get("1.2.3.4")
    assert stored.ProcedureStepLabel == "changed"
    assert stored.TransactionUID == TX  # the lock stays recorded


def test_set_may_not_change_the_state_or_the_patient(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    change = Dataset()
    change.ProcedureStepState = ups.COMPLETED
    with pytest.raises(WorkitemError) as err:
        store.set("1.2.3.4", change)
    assert err.value.status == INVALID_ATTRIBUTE_VALUE
    assert err.value.offending == (tags.ProcedureStepState,)


def test_completion_without_final_state_attributes_is_c304(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    with pytest.raises(WorkitemError) as err:
        store.change_state("1.2.3.4", ups.COMPLETED, TX)
    assert err.value.status == ups.UpsStatus.FINAL_STATE_REQUIREMENTS_NOT_MET
    assert tags.UnifiedProcedureStepPerformedProcedureSequence in err.value.offending
    assert store.get("1.2.3.4").ProcedureStepState == ups.IN_PROGRESS
    store.set("1.2.3.4", final_attributes(TX))
    assert store.change_state("1.2.3.4", ups.COMPLETED, TX).status == 0
    with pytest.raises(WorkitemError) as err:
        store.set("1.2.3.4", final_attributes(TX))
    assert err.value.status == ups.UpsStatus.UPS_MAY_NO_LONGER_BE_UPDATED


def test_subscribers_get_state_reports(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    out = store.subscribe("WATCHER", "1.2.3.4", deletion_lock=False)
    assert [(e.event_type, e.info.ProcedureStepState) for e in out.events] == [
        (ups.UpsEvent.UPS_STATE_REPORT, ups.SCHEDULED)]  # the initial event (CC.2.4.3)
    out = store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    assert [(e.receivers, e.info.ProcedureStepState) for e in out.events] == [
        (("WATCHER",), ups.IN_PROGRESS)]


def test_global_subscription_with_lock_reports_every_ups_and_new_ones(
        store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    out = store.subscribe("WATCHER", GLOBAL, deletion_lock=True)
    assert [e.uid for e in out.events] == ["1.2.3.4"]
    out = store.create(new_workitem(station="CT1"), "1.2.3.5")
    assert [(e.event_type, e.receivers) for e in out.events] == [
        (ups.UpsEvent.UPS_STATE_REPORT, ("WATCHER",)),
        (ups.UpsEvent.UPS_ASSIGNED, ("WATCHER",))]
    assert ("WATCHER", "1.2.3.5", True) in store.subscriptions("WATCHER")


def test_filtered_global_subscription_subscribes_only_matching_ups(
        store: WorkitemStore) -> None:
    keys = Dataset()
    keys.PatientName = "SMITH*"
    store.subscribe("WATCHER", FILTERED_GLOBAL, deletion_lock=False, keys=keys)
    assert store.create(new_workitem(patient="DOE^JANE"), "1.2.3.4").events == []
    assert len(store.create(new_workitem(patient="SMITH^JO"), "1.2.3.5").events) == 1


def test_unsubscribe_globally_releases_every_lock_and_purge_deletes(
        store: WorkitemStore) -> None:
    store.subscribe("WATCHER", GLOBAL, deletion_lock=True)
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    store.set("1.2.3.4", final_attributes(TX))
    store.change_state("1.2.3.4", ups.COMPLETED, TX)
    assert store.purge() == []  # the deletion lock holds it (PS3.4 CC.2.1.3)
    store.unsubscribe("WATCHER", GLOBAL)
    assert store.subscriptions() == []
    assert store.purge() == ["1.2.3.4"]
    assert store.uids() == []


def test_suspend_global_keeps_the_specific_subscriptions(store: WorkitemStore) -> None:
    store.subscribe("WATCHER", GLOBAL, deletion_lock=False)
    store.create(new_workitem(), "1.2.3.4")
    store.suspend_global("WATCHER")
    assert store.subscriptions("WATCHER") == [("WATCHER", "1.2.3.4", False)]
    assert store.create(new_workitem(), "1.2.3.5").events == []


def test_request_cancel_of_scheduled_cancels_through_in_progress(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    store.subscribe("WATCHER", "1.2.3.4", deletion_lock=False)
    info = Dataset()
    info.ReasonForCancellation = "patient left"
    out = store.request_cancel("1.2.3.4", "RIS", info)
    assert [e.info.ProcedureStepState for e in out.events] == [ups.IN_PROGRESS, ups.CANCELED]
    assert out.events[1].info.ReasonForCancellation == "patient left"
    assert store.get("1.2.3.4").ProcedureStepState == ups.CANCELED


def test_request_cancel_of_in_progress_is_reported_to_the_performer(
        store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    store.subscribe("PERFORMER", "1.2.3.4", deletion_lock=False)
    out = store.request_cancel("1.2.3.4", "RIS")
    assert [(e.event_type, e.info.RequestingAE) for e in out.events] == [
        (ups.UpsEvent.UPS_CANCEL_REQUESTED, "RIS")]
    assert store.get("1.2.3.4").ProcedureStepState == ups.IN_PROGRESS


def test_find_matches_with_the_query_module(store: WorkitemStore) -> None:
    store.create(new_workitem(patient="DOE^JANE"), "1.2.3.4")
    store.create(new_workitem(patient="SMITH^JO"), "1.2.3.5")
    keys = Dataset()
    keys.PatientName = "SMITH*"
    keys.ProcedureStepState = ""
    found = list(store.find(keys))
    assert [(d.SOPInstanceUID, d.PatientName, d.ProcedureStepState) for d in found] == [
        ("1.2.3.5", "SMITH^JO", ups.SCHEDULED)]


def test_progress_set_reports_progress(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    store.subscribe("WATCHER", "1.2.3.4", deletion_lock=False)
    change = Dataset()
    change.TransactionUID = TX
    item = Dataset()
    item.ProcedureStepProgress = 50
    change.ProcedureStepProgressInformationSequence = [item]
    out = store.set("1.2.3.4", change)
    assert [e.event_type for e in out.events] == [ups.UpsEvent.UPS_PROGRESS_REPORT]


def test_store_survives_reopening(tmp_path: Path) -> None:
    path = str(tmp_path / "ups.sqlite")
    first = WorkitemStore(path)
    first.create(new_workitem(), "1.2.3.4")
    first.subscribe("WATCHER", GLOBAL, deletion_lock=True)
    first.close()
    second = WorkitemStore(path)
    assert second.get("1.2.3.4").ProcedureStepLabel == "CT head"
    assert second.subscribed_aes() == ["WATCHER"]
    second.close()


@settings(max_examples=50, deadline=None)
@given(st.from_regex(r"\A[A-Z][A-Z^*?]{0,20}\Z"), st.sampled_from(ups.STATES))
def test_filter_keys_round_trip_as_stored(name: str, state: str) -> None:
    keys = Dataset()
    keys.PatientName = name
    keys.ProcedureStepState = state
    back = _decode_keys(_encode_keys(keys))
    assert (back.PatientName, back.ProcedureStepState) == (name, state)
    assert back.get(tags.SOPInstanceUID) is None  # nothing added to the keys


def test_set_in_another_character_set_keeps_both_texts(store: WorkitemStore) -> None:
    """PS3.4 CC.2.6.3: the SCP combines the character sets of the request and the UPS."""
    from dicomkit.io.writer import encode_dataset
    from dicomkit.net.services.ups.datasets import decode

    syntax = uids.ExplicitVRLittleEndian
    ds = new_workitem(patient="MÜLLER^JÖRG")
    ds.SpecificCharacterSet = "ISO_IR 100"
    store.create(decode(encode_dataset(ds, syntax), syntax), "1.2.3.4")
    store.subscribe("WATCHER", "1.2.3.4", deletion_lock=False)
    change = Dataset()
    change.SpecificCharacterSet = "ISO_IR 192"
    change.ProcedureStepLabel = "Kopf – 頭"
    change.ScheduledStationNameCodeSequence = []
    out = store.set("1.2.3.4", decode(encode_dataset(change, syntax), syntax))
    got = store.get("1.2.3.4")
    assert (got.PatientName, got.ProcedureStepLabel) == ("MÜLLER^JÖRG", "Kopf – 頭")
    assert got.SpecificCharacterSet == "ISO_IR 192"
    assert out.events[0].info.SpecificCharacterSet == "ISO_IR 192"


def test_a_step_without_output_objects_can_complete(store: WorkitemStore) -> None:
    """Output Information Sequence may have no items (PS3.4 Table CC.2.5-3 remark; its Final
    State Code P corrected in codegen/fixes.py)."""
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    final = final_attributes(TX)
    final.UnifiedProcedureStepPerformedProcedureSequence[0].OutputInformationSequence = []
    store.set("1.2.3.4", final)
    assert store.change_state("1.2.3.4", ups.COMPLETED, TX).status == 0


def test_cancel_request_nobody_can_hear_fails_with_c312(store: WorkitemStore) -> None:
    store.create(new_workitem(), "1.2.3.4")
    store.change_state("1.2.3.4", ups.IN_PROGRESS, TX)
    with pytest.raises(WorkitemError) as err:
        store.request_cancel("1.2.3.4", "RIS")
    assert err.value.status == ups.UpsStatus.PERFORMER_CANNOT_BE_CONTACTED
