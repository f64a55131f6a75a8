"""pynetdicom as a Verification + Storage SCP, run as a subprocess by ``tests/net/peers.py``.

``python pynetdicom_scp.py PORT OUT_DIR [--aet AET]``: accepts every storage SOP class pydicom
knows (and any ``--sop`` given) in every transfer syntax pynetdicom knows, writes each received
data set as ``OUT_DIR/<SOPInstanceUID>.dcm`` (file meta in front), prints ``ready`` once
listening and serves until terminated.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import Any

from _nodelay import enable_nodelay
from pydicom.uid import UID_dictionary  # type: ignore[attr-defined]
from pynetdicom import AE, ALL_TRANSFER_SYNTAXES, evt
from pynetdicom.sop_class import Verification  # type: ignore[attr-defined]

enable_nodelay()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("out")
    parser.add_argument("--aet", default="PYNETDICOM")
    parser.add_argument("--sop", action="append", default=[])
    parser.add_argument("--discard", action="store_true", help="do not write files (benchmark)")
    args = parser.parse_args()

    def on_store(event: Any) -> int:
        if not args.discard:
            sop_instance = event.request.AffectedSOPInstanceUID
            path = os.path.join(args.out, f"{sop_instance}.dcm")
            with open(path, "wb") as fh:
                fh.write(event.encoded_dataset())
        return 0x0000

    ae = AE(ae_title=args.aet)
    ae.maximum_pdu_size = 0
    ae.add_supported_context(Verification, ALL_TRANSFER_SYNTAXES)
    storage = sorted(uid for uid, entry in UID_dictionary.items()
                     if entry[1] == "SOP Class" and entry[0].endswith("Storage"))
    for uid in storage + list(args.sop):
        ae.add_supported_context(uid, ALL_TRANSFER_SYNTAXES)
    server = ae.start_server(("127.0.0.1", args.port), block=False,
                             evt_handlers=[(evt.EVT_C_STORE, on_store)])
    print("ready", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
