"""pynetdicom as a Storage Commitment Push Model SCP, run as a subprocess by
``tests/net/test_commitment.py``.

``python pynetdicom_commit_scp.py PORT --have SOP_INSTANCE ... [--aet AET]``: answers
N-ACTION-RQ Request Storage Commitment with Success and then, on the same association, sends
N-EVENT-REPORT-RQ: each reference whose instance was named by ``--have`` committed, the others
in the Failed SOP Sequence with Failure Reason 0112H.  Prints ``ready`` and serves until
terminated.
"""

from __future__ import annotations

import argparse
import signal
import threading
from typing import Any

from _nodelay import enable_nodelay
from pydicom.dataset import Dataset
from pynetdicom import AE, ALL_TRANSFER_SYNTAXES, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    StorageCommitmentPushModel,
    Verification,
)

enable_nodelay()

PUSH_INSTANCE = "1.2.840.10008.1.20.1.1"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--aet", default="PYNETDICOM")
    parser.add_argument("--have", action="append", default=[])
    args = parser.parse_args()
    have = set(args.have)

    def on_action(event: Any) -> tuple[int, None]:
        info = event.action_information
        report = Dataset()
        report.TransactionUID = info.TransactionUID
        ok, failed = [], []
        for item in info.ReferencedSOPSequence:
            out = Dataset()
            out.ReferencedSOPClassUID = item.ReferencedSOPClassUID
            out.ReferencedSOPInstanceUID = item.ReferencedSOPInstanceUID
            if item.ReferencedSOPInstanceUID in have:
                ok.append(out)
            else:
                out.FailureReason = 0x0112
                failed.append(out)
        if ok:
            report.ReferencedSOPSequence = ok
        if failed:
            report.FailedSOPSequence = failed
        assoc = event.assoc

        def send() -> None:
            assoc.send_n_event_report(report, 2 if failed else 1, StorageCommitmentPushModel,
                                      PUSH_INSTANCE)

        threading.Timer(0.1, send).start()  # after the N-ACTION-RSP (PS3.4 J.3.3)
        return 0x0000, None

    ae = AE(ae_title=args.aet)
    ae.add_supported_context(Verification, ALL_TRANSFER_SYNTAXES)
    ae.add_supported_context(StorageCommitmentPushModel, ALL_TRANSFER_SYNTAXES)
    server = ae.start_server(("127.0.0.1", args.port), block=False,
                             evt_handlers=[(evt.EVT_N_ACTION, on_action)])
    print("ready", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
