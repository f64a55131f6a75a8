"""pynetdicom as a workflow SCP, run as a subprocess by ``tests/net/test_workflow_pynetdicom.py``.

``python pynetdicom_workflow_scp.py PORT OUT_DIR [--aet AET]``: accepts Modality Performed
Procedure Step and Instance Availability Notification; answers every N-CREATE and N-SET with
Success (an N-SET of an instance it never created with 0112H), and writes each request as
``OUT_DIR/<n>-<N-CREATE|N-SET>.json`` (``{"uid": ..., "sop_class": ..., "data": DICOM JSON}``),
written to a temporary name and renamed.  Prints ``ready`` and serves until terminated.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import threading
from pathlib import Path
from typing import Any

from _nodelay import enable_nodelay
from pydicom.dataset import Dataset
from pynetdicom import AE, ALL_TRANSFER_SYNTAXES, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    InstanceAvailabilityNotification,
    ModalityPerformedProcedureStep,
    Verification,
)

enable_nodelay()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--aet", default="PYNETDICOM")
    args = parser.parse_args()
    counter = itertools.count(1)
    created: set[str] = set()
    lock = threading.Lock()

    def keep(name: str, uid: str, sop_class: str, ds: Dataset) -> None:
        with lock:
            n = next(counter)
        path = args.out / f"{n:03d}-{name}.json"
        tmp = args.out / f".{n:03d}.tmp"
        tmp.write_text(json.dumps({"uid": uid, "sop_class": sop_class,
                                   "data": ds.to_json_dict()}))
        os.replace(tmp, path)

    def on_create(event: Any) -> tuple[int, Dataset | None]:
        req = event.request
        uid = str(req.AffectedSOPInstanceUID)
        created.add(uid)
        keep("N-CREATE", uid, str(req.AffectedSOPClassUID), event.attribute_list)
        return 0x0000, None

    def on_set(event: Any) -> tuple[int, Dataset | None]:
        req = event.request
        uid = str(req.RequestedSOPInstanceUID)
        if uid not in created:
            return 0x0112, None
        keep("N-SET", uid, str(req.RequestedSOPClassUID), event.modification_list)
        return 0x0000, None

    ae = AE(ae_title=args.aet)
    ae.add_supported_context(Verification, ALL_TRANSFER_SYNTAXES)
    ae.add_supported_context(ModalityPerformedProcedureStep, ALL_TRANSFER_SYNTAXES)
    ae.add_supported_context(InstanceAvailabilityNotification, ALL_TRANSFER_SYNTAXES)
    server = ae.start_server(("127.0.0.1", args.port), block=False,
                             evt_handlers=[(evt.EVT_N_CREATE, on_create),
                                           (evt.EVT_N_SET, on_set)])
    print("ready", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
