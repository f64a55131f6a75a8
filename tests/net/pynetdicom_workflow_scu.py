"""pynetdicom as a workflow SCU, run as a subprocess by ``tests/net/test_workflow_pynetdicom.py``.

``python pynetdicom_workflow_scu.py mpps HOST PORT [--aec AEC]``: the MPPS scenario below, one
request after another on one association, printing one JSON list: per request its name, the
Status, Error ID and Error Comment, and the Attribute Identifier List of the response.

* N-CREATE of a step IN PROGRESS; N-CREATE of the same UID again; N-CREATE of a step
  COMPLETED; N-SET of an unknown UID; N-SET of Patient's Name (not allowed); N-SET of the
  Performed Series Sequence; N-SET COMPLETED without End Date; N-SET COMPLETED with it;
  N-SET after that.

``python pynetdicom_workflow_scu.py mwl HOST PORT [--aec AEC] --modality CT``: one Modality
Worklist C-FIND (Scheduled Procedure Step Sequence item with Modality and universal keys),
printing the identifiers as DICOM JSON and the final status.

``python pynetdicom_workflow_scu.py ian HOST PORT --study UID --series UID --instance
CLASS:UID``: one Instance Availability Notification N-CREATE, printing the status.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from pynetdicom import AE
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    InstanceAvailabilityNotification,
    ModalityPerformedProcedureStep,
    ModalityWorklistInformationFind,
)


def _status(name: str, status: Any) -> dict[str, Any]:
    if status is None or "Status" not in status:
        return {"op": name, "status": None}
    out: dict[str, Any] = {"op": name, "status": int(status.Status)}
    if "ErrorID" in status:
        out["error_id"] = int(status.ErrorID)
    if "ErrorComment" in status:
        out["comment"] = str(status.ErrorComment)
    if "AttributeIdentifierList" in status:
        value = status.AttributeIdentifierList
        values = value if isinstance(value, list) or hasattr(value, "__iter__") and not \
            isinstance(value, int) else [value]
        out["attributes"] = [int(v) for v in values]
    return out


def _step(status: str) -> Dataset:
    ds = Dataset()
    item = Dataset()
    item.StudyInstanceUID = generate_uid()
    item.ReferencedStudySequence = []
    item.AccessionNumber = "A1"
    item.RequestedProcedureID = "RP1"
    item.RequestedProcedureDescription = "Chest"
    item.ScheduledProcedureStepID = "S1"
    item.ScheduledProcedureStepDescription = "Step"
    item.ScheduledProtocolCodeSequence = []
    ds.ScheduledStepAttributesSequence = [item]
    ds.PatientName = "DOE^JOHN"
    ds.PatientID = "P1"
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "M"
    ds.ReferencedPatientSequence = []
    ds.PerformedProcedureStepID = "PPS1"
    ds.PerformedStationAETitle = "MODALITY"
    ds.PerformedStationName = ""
    ds.PerformedLocation = ""
    ds.PerformedProcedureStepStartDate = "20240105"
    ds.PerformedProcedureStepStartTime = "080000"
    ds.PerformedProcedureStepStatus = status
    ds.PerformedProcedureStepDescription = ""
    ds.PerformedProcedureTypeDescription = ""
    ds.ProcedureCodeSequence = []
    ds.PerformedProcedureStepEndDate = ""
    ds.PerformedProcedureStepEndTime = ""
    ds.Modality = "CT"
    ds.StudyID = ""
    ds.PerformedProtocolCodeSequence = []
    ds.PerformedSeriesSequence = []
    return ds


def mpps(assoc: Any) -> list[dict[str, Any]]:
    out = []
    uid = generate_uid()
    status, _ = assoc.send_n_create(_step("IN PROGRESS"), ModalityPerformedProcedureStep, uid)
    out.append(_status("create", status))
    status, _ = assoc.send_n_create(_step("IN PROGRESS"), ModalityPerformedProcedureStep, uid)
    out.append(_status("create duplicate", status))
    status, _ = assoc.send_n_create(_step("COMPLETED"), ModalityPerformedProcedureStep,
                                    generate_uid())
    out.append(_status("create completed", status))
    mod = Dataset()
    mod.PerformedProcedureStepDescription = "x"
    status, _ = assoc.send_n_set(mod, ModalityPerformedProcedureStep, generate_uid())
    out.append(_status("set unknown", status))
    mod = Dataset()
    mod.PatientName = "OTHER^NAME"
    status, _ = assoc.send_n_set(mod, ModalityPerformedProcedureStep, uid)
    out.append(_status("set not allowed", status))
    series = Dataset()
    series.PerformingPhysicianName = ""
    series.ProtocolName = "Chest"
    series.OperatorsName = ""
    series.SeriesInstanceUID = generate_uid()
    series.SeriesDescription = ""
    series.RetrieveAETitle = ""
    image = Dataset()
    image.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    image.ReferencedSOPInstanceUID = generate_uid()
    series.ReferencedImageSequence = [image]
    series.ReferencedNonImageCompositeSOPInstanceSequence = []
    mod = Dataset()
    mod.PerformedSeriesSequence = [series]
    status, _ = assoc.send_n_set(mod, ModalityPerformedProcedureStep, uid)
    out.append(_status("set series", status))
    mod = Dataset()
    mod.PerformedProcedureStepStatus = "COMPLETED"
    status, _ = assoc.send_n_set(mod, ModalityPerformedProcedureStep, uid)
    out.append(_status("set completed without end", status))
    mod.PerformedProcedureStepEndDate = "20240105"
    mod.PerformedProcedureStepEndTime = "083000"
    status, _ = assoc.send_n_set(mod, ModalityPerformedProcedureStep, uid)
    out.append(_status("set completed", status))
    mod = Dataset()
    mod.PerformedProcedureStepDescription = "late"
    status, _ = assoc.send_n_set(mod, ModalityPerformedProcedureStep, uid)
    out.append(_status("set after final", status))
    out.append({"uid": uid})
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("mpps", "mwl", "ian"))
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--aec", default="ANY-SCP")
    parser.add_argument("--modality", default="")
    parser.add_argument("--study", default="")
    parser.add_argument("--series", default="")
    parser.add_argument("--instance", action="append", default=[])
    args = parser.parse_args()
    ae = AE(ae_title="PYNETDICOM")
    sop = {"mpps": ModalityPerformedProcedureStep, "mwl": ModalityWorklistInformationFind,
           "ian": InstanceAvailabilityNotification}[args.what]
    ae.add_requested_context(sop)
    assoc = ae.associate(args.host, args.port, ae_title=args.aec)
    if not assoc.is_established:
        print(json.dumps({"error": "association not established"}))
        return 2
    result: Any
    try:
        if args.what == "mpps":
            result = mpps(assoc)
        elif args.what == "mwl":
            query = Dataset()
            query.PatientName = ""
            query.PatientID = ""
            item = Dataset()
            item.Modality = args.modality
            item.ScheduledStationAETitle = ""
            item.ScheduledProcedureStepStartDate = ""
            item.ScheduledProcedureStepID = ""
            query.ScheduledProcedureStepSequence = [item]
            found, final = [], None
            for status, identifier in assoc.send_c_find(query, sop):
                if status is None:
                    break
                if status.Status in (0xFF00, 0xFF01) and identifier is not None:
                    found.append(identifier.to_json_dict())
                else:
                    final = int(status.Status)
            result = {"identifiers": found, "status": final}
        else:
            ds = Dataset()
            ds.StudyInstanceUID = args.study
            ds.ReferencedPerformedProcedureStepSequence = []
            series = Dataset()
            series.SeriesInstanceUID = args.series
            refs = []
            for ref in args.instance:
                item = Dataset()
                item.ReferencedSOPClassUID, item.ReferencedSOPInstanceUID = ref.split(":")
                item.InstanceAvailability = "ONLINE"
                item.RetrieveAETitle = "PYNETDICOM"
                refs.append(item)
            series.ReferencedSOPSequence = refs
            ds.ReferencedSeriesSequence = [series]
            status, _ = assoc.send_n_create(ds, sop, generate_uid())
            result = _status("ian", status)
    finally:
        assoc.release()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
