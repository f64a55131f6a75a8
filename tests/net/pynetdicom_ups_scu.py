"""pynetdicom as a UPS SCU (Push, Pull, Watch, Query) and event receiver, run as a subprocess
by ``tests/net/test_ups_interop.py``.

``python pynetdicom_ups_scu.py HOST PORT LISTEN [--aec AEC] [--aet AET]``: listens on LISTEN
for N-EVENT-REPORTs (UPS Event SOP class), then on one association: subscribes globally with
lock, N-CREATEs two workitems, C-FINDs (Pull and Query contexts), N-GETs, claims the first
(N-ACTION 1), N-SETs progress and the final state attributes, completes it, requests cancel
of the second, tries bad requests, unsubscribes globally; prints one JSON line of every
status and every event received (type, UPS, state).
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from typing import Any

from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from pynetdicom import AE, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    UnifiedProcedureStepEvent,
    UnifiedProcedureStepPull,
    UnifiedProcedureStepPush,
    UnifiedProcedureStepQuery,
    UnifiedProcedureStepWatch,
    UPSGlobalSubscriptionInstance,
)


def code(value: str, scheme: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def workitem(label: str) -> Dataset:
    ds = Dataset()
    ds.ProcedureStepState = "SCHEDULED"
    ds.ScheduledProcedureStepPriority = "HIGH"
    ds.ProcedureStepLabel = label
    ds.WorklistLabel = "PYNETDICOM"
    ds.ScheduledProcedureStepStartDateTime = "20261203120000"
    ds.InputReadinessState = "READY"
    ds.PatientName = "PY^NET"
    ds.PatientID = "PN1"
    ds.ScheduledWorkitemCodeSequence = [code("110005", "DCM", "Interpretation")]
    ds.ScheduledStationNameCodeSequence = [code("AI1", "99LOCAL", "AI node")]
    return ds


def final(tx: str) -> Dataset:
    ds = Dataset()
    ds.TransactionUID = tx
    performed = Dataset()
    performed.PerformedStationNameCodeSequence = [code("AI1", "99LOCAL", "AI node")]
    performed.PerformedProcedureStepStartDateTime = "20261203120500"
    performed.PerformedProcedureStepEndDateTime = "20261203121000"
    performed.PerformedWorkitemCodeSequence = [code("110005", "DCM", "Interpretation")]
    out = Dataset()
    out.TypeOfInstances = "DICOM"
    performed.OutputInformationSequence = [out]
    ds.UnifiedProcedureStepPerformedProcedureSequence = [performed]
    return ds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("listen", type=int)
    parser.add_argument("--aec", default="DKUPS")
    parser.add_argument("--aet", default="PYNETDICOM")
    args = parser.parse_args()
    events: list[dict[str, Any]] = []
    lock = threading.Lock()

    def on_event(event: Any) -> tuple[int, None]:
        info = event.event_information
        with lock:
            events.append({"type": event.event_type,
                           "uid": str(event.request.AffectedSOPInstanceUID),
                           "class": str(event.request.AffectedSOPClassUID),
                           "state": str(info.get("ProcedureStepState", "")),
                           "requesting": str(info.get("RequestingAE", "")),
                           "scp_status": str(info.get("SCPStatus", "")),
                           "calling": event.assoc.requestor.ae_title})
        return 0x0000, None

    ae = AE(ae_title=args.aet)
    ae.add_supported_context(UnifiedProcedureStepEvent, scu_role=True, scp_role=True)
    server = ae.start_server(("127.0.0.1", args.listen), block=False,
                             evt_handlers=[(evt.EVT_N_EVENT_REPORT, on_event)])
    for cls in (UnifiedProcedureStepPush, UnifiedProcedureStepPull, UnifiedProcedureStepWatch,
                UnifiedProcedureStepQuery):
        ae.add_requested_context(cls)
    out: dict[str, Any] = {}
    assoc = ae.associate(args.host, args.port, ae_title=args.aec)
    if not assoc.is_established:
        print(json.dumps({"error": "association not established"}))
        return 2

    def status(result: Any) -> int | None:
        st = result[0] if isinstance(result, tuple) else result
        return int(st.Status) if st and "Status" in st else None

    sub = Dataset()
    sub.ReceivingAE = args.aet
    sub.DeletionLock = "TRUE"
    out["subscribe"] = status(assoc.send_n_action(sub, 3, UnifiedProcedureStepPush,
                                                  UPSGlobalSubscriptionInstance,
                                                  meta_uid=UnifiedProcedureStepWatch))
    first, second = generate_uid(), generate_uid()
    out["create"] = status(assoc.send_n_create(workitem("first"), UnifiedProcedureStepPush,
                                               first))
    out["create2"] = status(assoc.send_n_create(workitem("second"), UnifiedProcedureStepPush,
                                                second))
    out["duplicate"] = status(assoc.send_n_create(workitem("first"), UnifiedProcedureStepPush,
                                                  first))
    keys = Dataset()
    keys.ProcedureStepLabel = "first"
    keys.SOPInstanceUID = ""
    keys.ProcedureStepState = ""
    found = []
    for model in (UnifiedProcedureStepPull, UnifiedProcedureStepQuery):
        for st, ident in assoc.send_c_find(keys, model):
            if st and st.Status in (0xFF00, 0xFF01) and ident is not None:
                found.append([str(model), str(ident.SOPInstanceUID),
                              str(ident.ProcedureStepState)])
    out["found"] = found
    st, got = assoc.send_n_get([0x00741000, 0x00741204, 0x00081195], UnifiedProcedureStepPush,
                               first, meta_uid=UnifiedProcedureStepPull)
    out["get"] = [status(st), str(got.ProcedureStepState) if got else None,
                  str(got.ProcedureStepLabel) if got else None,
                  "TransactionUID" in got if got else None]
    tx = generate_uid()
    claim = Dataset()
    claim.ProcedureStepState = "IN PROGRESS"
    claim.TransactionUID = tx
    out["claim"] = status(assoc.send_n_action(claim, 1, UnifiedProcedureStepPush, first,
                                              meta_uid=UnifiedProcedureStepPull))
    out["claim_again"] = status(assoc.send_n_action(claim, 1, UnifiedProcedureStepPush, first,
                                                    meta_uid=UnifiedProcedureStepPull))
    progress = Dataset()
    progress.TransactionUID = tx
    item = Dataset()
    item.ProcedureStepProgress = 50
    item.ProcedureStepProgressDescription = "halfway"
    progress.ProcedureStepProgressInformationSequence = [item]
    relabel = Dataset()
    relabel.ProcedureStepLabel = "relabelled"
    out["set_no_tx"] = status(assoc.send_n_set(relabel, UnifiedProcedureStepPush, first,
                                               meta_uid=UnifiedProcedureStepPull))
    out["set_progress"] = status(assoc.send_n_set(progress, UnifiedProcedureStepPush, first,
                                                  meta_uid=UnifiedProcedureStepPull))
    complete = Dataset()
    complete.ProcedureStepState = "COMPLETED"
    complete.TransactionUID = tx
    out["complete_early"] = status(assoc.send_n_action(complete, 1, UnifiedProcedureStepPush,
                                                       first, meta_uid=UnifiedProcedureStepPull))
    out["set_final"] = status(assoc.send_n_set(final(tx), UnifiedProcedureStepPush, first,
                                               meta_uid=UnifiedProcedureStepPull))
    out["complete"] = status(assoc.send_n_action(complete, 1, UnifiedProcedureStepPush, first,
                                                 meta_uid=UnifiedProcedureStepPull))
    out["complete_again"] = status(assoc.send_n_action(complete, 1, UnifiedProcedureStepPush,
                                                       first, meta_uid=UnifiedProcedureStepPull))
    cancel = Dataset()
    cancel.ReasonForCancellation = "not needed"
    out["request_cancel"] = status(assoc.send_n_action(cancel, 2, UnifiedProcedureStepPush,
                                                       second, meta_uid=UnifiedProcedureStepPush))
    out["request_cancel_done"] = status(assoc.send_n_action(
        cancel, 2, UnifiedProcedureStepPush, first, meta_uid=UnifiedProcedureStepPush))
    out["no_such"] = status(assoc.send_n_action(claim, 1, UnifiedProcedureStepPush,
                                                generate_uid(),
                                                meta_uid=UnifiedProcedureStepPull))
    third = generate_uid()
    out["create3"] = status(assoc.send_n_create(workitem("third"), UnifiedProcedureStepPush,
                                                third))
    claim3 = Dataset()
    claim3.ProcedureStepState = "IN PROGRESS"
    claim3.TransactionUID = generate_uid()
    out["claim3"] = status(assoc.send_n_action(claim3, 1, UnifiedProcedureStepPush, third,
                                               meta_uid=UnifiedProcedureStepPull))
    out["request_cancel3"] = status(assoc.send_n_action(
        cancel, 2, UnifiedProcedureStepPush, third, meta_uid=UnifiedProcedureStepWatch))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the test has the SCP announce a restart
        with lock:
            if any(e["type"] == 4 for e in events):
                break
        time.sleep(0.1)
    time.sleep(0.5)
    unsub = Dataset()
    unsub.ReceivingAE = args.aet
    out["unsubscribe"] = status(assoc.send_n_action(unsub, 4, UnifiedProcedureStepPush,
                                                    UPSGlobalSubscriptionInstance,
                                                    meta_uid=UnifiedProcedureStepWatch))
    assoc.release()
    server.shutdown()
    out["first"], out["second"], out["third"] = first, second, third
    with lock:
        out["events"] = events
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
