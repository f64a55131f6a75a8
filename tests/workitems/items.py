"""Workitems for the tests: a minimal N-CREATE data set (every Type 1 and 2 attribute of
PS3.4 Table CC.2.5-3 the SCU provides), and the N-SET attributes that meet the final state
requirements of COMPLETED and CANCELED (Final State Codes R, P and X)."""

from __future__ import annotations

from dicomkit.core.dataset import Dataset


def code(value: str, scheme: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def new_workitem(label: str = "CT head", patient: str = "DOE^JANE", *,
                 station: str = "") -> Dataset:
    """The attributes of an N-CREATE (PS3.4 Table CC.2.5-3, "Req. Type N-CREATE")."""
    ds = Dataset()
    ds.ProcedureStepState = "SCHEDULED"
    ds.ScheduledProcedureStepPriority = "MEDIUM"
    ds.ProcedureStepLabel = label
    ds.WorklistLabel = "AI"
    ds.ScheduledProcedureStepStartDateTime = "20261203120000"
    ds.InputReadinessState = "READY"
    ds.PatientName = patient
    ds.PatientID = "P1"
    ds.ScheduledWorkitemCodeSequence = [code("110005", "DCM", "Interpretation")]
    if station:
        ds.ScheduledStationNameCodeSequence = [code(station, "99LOCAL", station)]
    return ds


def final_attributes(transaction_uid: str) -> Dataset:
    """An N-SET giving what COMPLETED (P) and CANCELED (X) need (PS3.4 Table CC.2.5-3)."""
    ds = Dataset()
    ds.TransactionUID = transaction_uid
    performed = Dataset()
    performed.PerformedStationNameCodeSequence = [code("AI1", "99LOCAL", "AI node 1")]
    performed.PerformedProcedureStepStartDateTime = "20261203120500"
    performed.PerformedProcedureStepEndDateTime = "20261203121000"
    performed.PerformedWorkitemCodeSequence = [code("110005", "DCM", "Interpretation")]
    output = Dataset()
    output.TypeOfInstances = "DICOM"
    performed.OutputInformationSequence = [output]
    ds.UnifiedProcedureStepPerformedProcedureSequence = [performed]
    progress = Dataset()
    progress.ProcedureStepProgress = 100
    progress.ProcedureStepCancellationDateTime = "20261203121000"
    progress.ProcedureStepDiscontinuationReasonCodeSequence = [
        code("110513", "DCM", "Discontinued for unspecified reason")]
    ds.ProcedureStepProgressInformationSequence = [progress]
    return ds
