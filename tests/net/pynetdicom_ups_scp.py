"""pynetdicom as a UPS SCP (Push, Pull, Watch, Query; Event reports sent on new associations),
run as a subprocess by ``tests/net/test_ups_interop.py``.

``python pynetdicom_ups_scp.py PORT EVENTS_PORT [--aet AET]``: a deliberately small SCP
keeping workitems in a dict: N-CREATE, N-GET, N-SET, N-ACTION (change state, request
cancel, subscribe, unsubscribe) and C-FIND (every workitem whose Procedure Step State equals
the query's, when given).  Subscribed AEs get N-EVENT-REPORTs (state reports, cancel
requested, progress, assigned) on new associations to 127.0.0.1:EVENTS_PORT, sent by a worker thread
after the response.  Runs until killed.
"""

from __future__ import annotations

import argparse
import queue
import threading
from typing import Any

from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    UnifiedProcedureStepEvent,
    UnifiedProcedureStepPull,
    UnifiedProcedureStepPush,
    UnifiedProcedureStepQuery,
    UnifiedProcedureStepWatch,
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("events_port", type=int)
    parser.add_argument("--aet", default="PYUPS")
    parser.add_argument("--fallback", default="",
                        help="an AE told of our restart (SCP Status Change) at start")
    args = parser.parse_args()
    items: dict[str, Dataset] = {}
    locks: dict[str, str] = {}
    subscribers: set[str] = set()
    outbox: queue.Queue[tuple[str, int, str, Dataset]] = queue.Queue()

    def sender() -> None:
        ae = AE(ae_title=args.aet)
        ae.add_requested_context(UnifiedProcedureStepEvent)
        while True:
            receiver, event_type, uid, info = outbox.get()
            assoc = ae.associate("127.0.0.1", args.events_port, ae_title=receiver)
            if assoc.is_established:
                assoc.send_n_event_report(info, event_type, UnifiedProcedureStepPush, uid,
                                          meta_uid=UnifiedProcedureStepEvent)
                assoc.release()

    threading.Thread(target=sender, daemon=True).start()
    if args.fallback:
        restarted = Dataset()
        restarted.SCPStatus = "RESTARTED"
        restarted.SubscriptionListStatus = "COLD STARTED"
        restarted.UnifiedProcedureStepListStatus = "COLD START"
        outbox.put((args.fallback, 4, "1.2.840.10008.5.1.4.34.5", restarted))

    def report(event_type: int, uid: str, info: Dataset) -> None:
        for receiver in sorted(subscribers):
            outbox.put((receiver, event_type, uid, info))

    def state_info(uid: str) -> Dataset:
        info = Dataset()
        info.ProcedureStepState = items[uid].ProcedureStepState
        info.InputReadinessState = items[uid].InputReadinessState
        return info

    def on_create(event: Any) -> tuple[int, Dataset | None]:
        uid = str(event.request.AffectedSOPInstanceUID)
        if uid in items:
            return 0x0111, None
        ds = event.attribute_list
        if ds.ProcedureStepState != "SCHEDULED":
            return 0xC309, None
        ds.SOPClassUID = UnifiedProcedureStepPush
        ds.SOPInstanceUID = uid
        items[uid] = ds
        report(1, uid, state_info(uid))
        return 0x0000, ds

    def on_get(event: Any) -> tuple[int, Dataset | None]:
        uid = str(event.request.RequestedSOPInstanceUID)
        if uid not in items:
            return 0xC307, None
        out = Dataset()
        wanted = event.request.AttributeIdentifierList or list(items[uid].keys())
        for tag in wanted if isinstance(wanted, list) else [wanted]:
            if tag in items[uid] and int(tag) != 0x00081195:
                out[tag] = items[uid][tag]
        return 0x0000, out

    def on_set(event: Any) -> tuple[int, Dataset | None]:
        uid = str(event.request.RequestedSOPInstanceUID)
        if uid not in items:
            return 0xC307, None
        mods = event.modification_list
        if items[uid].ProcedureStepState == "IN PROGRESS" and \
                str(mods.get("TransactionUID", "")) != locks.get(uid):
            return 0xC301, None
        for elem in mods:
            if elem.tag != 0x00081195:
                items[uid][elem.tag] = elem
        if "ScheduledStationNameCodeSequence" in mods:
            assigned = Dataset()
            assigned.ScheduledStationNameCodeSequence = mods.ScheduledStationNameCodeSequence
            report(5, uid, assigned)
        if "ProcedureStepProgressInformationSequence" in mods:
            info = Dataset()
            info.ProcedureStepProgressInformationSequence = \
                mods.ProcedureStepProgressInformationSequence
            report(3, uid, info)
        return 0x0000, None

    def on_action(event: Any) -> tuple[int, Dataset | None]:
        uid = str(event.request.RequestedSOPInstanceUID)
        info = event.action_information
        kind = event.action_type
        if kind in (3, 4):
            if kind == 3:
                subscribers.add(str(info.ReceivingAE))
            else:
                subscribers.discard(str(info.ReceivingAE))
            return 0x0000, None
        if uid not in items:
            return 0xC307, None
        ds = items[uid]
        if kind == 1:
            wanted, tx = str(info.ProcedureStepState), str(info.TransactionUID)
            if wanted == "IN PROGRESS":
                if ds.ProcedureStepState != "SCHEDULED":
                    return 0xC302, None
                locks[uid] = tx
            elif locks.get(uid) != tx:
                return 0xC301, None
            ds.ProcedureStepState = wanted
            report(1, uid, state_info(uid))
            return 0x0000, None
        if kind == 2:
            cancel = Dataset()
            cancel.RequestingAE = event.assoc.requestor.ae_title
            if "ReasonForCancellation" in info:
                cancel.ReasonForCancellation = info.ReasonForCancellation
            report(2, uid, cancel)
            return 0x0000, None
        return 0x0123, None

    def on_find(event: Any) -> Any:
        keys = event.identifier
        want = str(keys.get("ProcedureStepState", "") or "")
        for uid, ds in items.items():
            if want and ds.ProcedureStepState != want:
                continue
            out = Dataset()
            for elem in keys:
                out[elem.tag] = ds[elem.tag] if elem.tag in ds else elem
            out.SOPInstanceUID = uid
            yield 0xFF00, out

    ae = AE(ae_title=args.aet)
    for cls in (UnifiedProcedureStepPush, UnifiedProcedureStepPull, UnifiedProcedureStepWatch,
                UnifiedProcedureStepQuery):
        ae.add_supported_context(cls)
    ae.start_server(("127.0.0.1", args.port), block=True, evt_handlers=[
        (evt.EVT_N_CREATE, on_create), (evt.EVT_N_GET, on_get), (evt.EVT_N_SET, on_set),
        (evt.EVT_N_ACTION, on_action), (evt.EVT_C_FIND, on_find)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
