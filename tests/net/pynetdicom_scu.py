"""pynetdicom as a Verification / Storage SCU, run as a subprocess by ``tests/net/peers.py``.

``python pynetdicom_scu.py echo HOST PORT [--aec AE] [--aet AE] [--repeat N]`` sends N C-ECHOs
over one association; ``python pynetdicom_scu.py store HOST PORT FILE... [--aec] [--aet]`` sends
the files over one association, proposing for each SOP class the transfer syntaxes the files are
in.  Prints one JSON line: ``{"statuses": [...], "seconds": t, "bytes": n, "unsent": {}}``
(``unsent``: files pynetdicom itself could not encode, with the reason) where ``seconds``
covers association, transfers and release (not interpreter start-up or imports).  Exit status 0
when the association was established and every status was 0x0000.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from typing import Any

from _nodelay import enable_nodelay
from pydicom import dcmread
from pynetdicom import AE
from pynetdicom.sop_class import Verification  # type: ignore[attr-defined]

enable_nodelay()
logging.basicConfig(level=logging.WARNING, stream=sys.stderr)


def requeue_stolen_responses(assoc: Any) -> None:
    """Work around a race in pynetdicom's requestor (pynetdicom issue #875): ``send_c_store``
    pauses the association's reactor thread by polling a flag that the reactor sets just before
    it checks the pause event, so a response that arrives within microseconds (a fast SCP on
    loopback) can be taken off the queue by the reactor, logged as "Received unexpected C-STORE
    service message" and dropped; the SCU then waits for the DIMSE timeout and aborts.  Here a
    response handed to the reactor goes back on the queue for the waiting ``send_*`` call."""
    serve = assoc._serve_request

    def serve_or_requeue(msg: Any, context_id: int) -> None:
        if not msg.is_valid_request and msg.is_valid_response:
            assoc.dimse.msg_queue.put((context_id, msg))
            return
        serve(msg, context_id)

    assoc._serve_request = serve_or_requeue


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("echo", "store"))
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("files", nargs="*")
    parser.add_argument("--aec", default="ANY-SCP")
    parser.add_argument("--aet", default="PYNETDICOM")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    ae = AE(ae_title=args.aet)
    ae.maximum_pdu_size = 0
    size = 0
    if args.mode == "echo":
        ae.add_requested_context(Verification)
    else:
        wanted: dict[str, set[str]] = {}
        for name in args.files:
            meta = dcmread(name, stop_before_pixels=True).file_meta
            wanted.setdefault(str(meta.MediaStorageSOPClassUID), set()).add(
                str(meta.TransferSyntaxUID))
            size += os.path.getsize(name)
        for sop_class, syntaxes in sorted(wanted.items()):
            for ts in sorted(syntaxes):   # one context per syntax: the SCP may accept only one
                ae.add_requested_context(sop_class, [ts])
    start = time.perf_counter()
    assoc = ae.associate(args.host, args.port, ae_title=args.aec)
    if not assoc.is_established:
        print(json.dumps({"error": "association not established"}))
        return 2
    requeue_stolen_responses(assoc)
    statuses: list[int] = []
    unsent: dict[str, str] = {}
    if args.mode == "echo":
        for _ in range(args.repeat):
            st = assoc.send_c_echo()
            statuses.append(int(st.Status) if "Status" in st else -1)
    else:
        for name in args.files:
            try:
                st = assoc.send_c_store(name)
            except (ValueError, AttributeError, TypeError) as exc:  # pynetdicom cannot send it
                unsent[name] = f"{type(exc).__name__}: {exc}"
                continue
            statuses.append(int(st.Status) if "Status" in st else -1)
    assoc.release()
    seconds = time.perf_counter() - start
    print(json.dumps({"statuses": statuses, "seconds": seconds, "bytes": size,
                      "unsent": unsent}))
    return 0 if statuses and all(s == 0 for s in statuses) else 1


if __name__ == "__main__":
    sys.exit(main())
