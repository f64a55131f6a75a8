"""pynetdicom as a Storage Commitment Push Model SCU, run as a subprocess by
``tests/net/test_commitment.py``.

``python pynetdicom_commit_scu.py HOST PORT CLASS:INSTANCE ... [--aec AEC] [--timeout S]``:
sends N-ACTION-RQ Request Storage Commitment for the references, waits on the same
association for the N-EVENT-REPORT-RQ (answered Success by pynetdicom) and prints one JSON
line: ``action_status``, ``event_type``, ``transaction_uid``, ``sent_transaction_uid``,
``committed`` and ``failed`` (``[class, instance, reason]``).  With ``--listen PORT`` it
releases after the N-ACTION-RSP and takes the report on a new association it accepts.  With
``--transaction-uid UID`` it sends that Transaction UID; an N-ACTION answered with a failure
is printed (``action_status``, ``error_comment``) without waiting for a report, exit status 0.
"""

from __future__ import annotations

import argparse
import json
import threading
from typing import Any

from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from pynetdicom import AE, evt
from pynetdicom.sop_class import StorageCommitmentPushModel  # type: ignore[attr-defined]

PUSH_INSTANCE = "1.2.840.10008.1.20.1.1"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("refs", nargs="+")
    parser.add_argument("--aec", default="ANY-SCP")
    parser.add_argument("--aet", default="PYNETDICOM")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--listen", type=int, default=0,
                        help="release after the N-ACTION-RSP and take the report on a new "
                             "association accepted on this port")
    parser.add_argument("--transaction-uid", default="")
    args = parser.parse_args()
    report: dict[str, Any] = {}
    arrived = threading.Event()

    def on_report(event: Any) -> tuple[int, None]:
        info = event.event_information
        report["event_type"] = event.event_type
        report["transaction_uid"] = str(info.TransactionUID)
        report["committed"] = [[str(i.ReferencedSOPClassUID), str(i.ReferencedSOPInstanceUID)]
                               for i in info.get("ReferencedSOPSequence", [])]
        report["failed"] = [[str(i.ReferencedSOPClassUID), str(i.ReferencedSOPInstanceUID),
                             int(i.FailureReason)] for i in info.get("FailedSOPSequence", [])]
        arrived.set()
        return 0x0000, None

    ae = AE(ae_title=args.aet)
    ae.add_requested_context(StorageCommitmentPushModel)
    server = None
    if args.listen:
        ae.add_supported_context(StorageCommitmentPushModel, scu_role=True, scp_role=True)
        server = ae.start_server(("127.0.0.1", args.listen), block=False,
                                 evt_handlers=[(evt.EVT_N_EVENT_REPORT, on_report)])
    assoc = ae.associate(args.host, args.port, ae_title=args.aec,
                         evt_handlers=[(evt.EVT_N_EVENT_REPORT, on_report)])
    if not assoc.is_established:
        print(json.dumps({"error": "association not established"}))
        return 2
    ds = Dataset()
    ds.TransactionUID = args.transaction_uid or generate_uid()
    items = []
    for ref in args.refs:
        item = Dataset()
        item.ReferencedSOPClassUID, item.ReferencedSOPInstanceUID = ref.split(":")
        items.append(item)
    ds.ReferencedSOPSequence = items
    status, _ = assoc.send_n_action(ds, 1, StorageCommitmentPushModel, PUSH_INSTANCE)
    report["action_status"] = int(status.Status) if status else None
    report["sent_transaction_uid"] = str(ds.TransactionUID)
    if status and int(status.Status) != 0:
        report["error_comment"] = str(status.get("ErrorComment", ""))
        assoc.release()
        if server is not None:
            server.shutdown()
        print(json.dumps(report))
        return 0
    if server is not None:
        assoc.release()
        arrived.wait(args.timeout)
        server.shutdown()
    else:
        arrived.wait(args.timeout)
        assoc.release()
    print(json.dumps(report))
    return 0 if arrived.is_set() else 1


if __name__ == "__main__":
    raise SystemExit(main())
