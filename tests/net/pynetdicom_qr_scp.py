"""pynetdicom as a Query/Retrieve SCP (C-FIND, C-MOVE, C-GET of Patient and Study Root), run
as a subprocess by ``tests/net/qr_peers.py``: the peer of the Q/R SCU tests.

``python pynetdicom_qr_scp.py PORT FILE... [--aet AET] [--dest TITLE=HOST:PORT] [--delay S]
[--relational]`` (``--relational``: answers SOP Class Extended Negotiation accepting the first
byte, relational queries/retrieval, and turning down the others)
reads the files, answers queries with a small matcher of its own (single value, ``*``/``?``
wild cards, ``-`` ranges of DA/TM, lists of UIDs, universal matching), honours C-CANCEL
(``event.is_cancelled``), sends ``--delay`` seconds apart, and serves until terminated.
"""

from __future__ import annotations

import argparse
import fnmatch
import signal
import sys
import threading
import time
from typing import Any

from _nodelay import enable_nodelay
from pydicom import dcmread
from pydicom.dataset import Dataset
from pynetdicom import AE, ALL_TRANSFER_SYNTAXES, StoragePresentationContexts, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    PatientRootQueryRetrieveInformationModelFind,
    PatientRootQueryRetrieveInformationModelGet,
    PatientRootQueryRetrieveInformationModelMove,
    StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelGet,
    StudyRootQueryRetrieveInformationModelMove,
    Verification,
)

enable_nodelay()

LEVEL_KEYS = {"PATIENT": "PatientID", "STUDY": "StudyInstanceUID",
              "SERIES": "SeriesInstanceUID", "IMAGE": "SOPInstanceUID"}
ORDER = ["PATIENT", "STUDY", "SERIES", "IMAGE"]


def _match_one(want: Any, have: Any, vr: str) -> bool:
    if want in (None, ""):
        return True
    if isinstance(want, (list, tuple)) or hasattr(want, "__iter__") and not isinstance(
            want, (str, bytes)):
        return any(_match_one(w, have, vr) for w in want)
    want, have = str(want), "" if have is None else str(have)
    if vr in ("DA", "TM", "DT") and "-" in want:
        low, high = want.split("-", 1)
        return (not low or have >= low) and (not high or have <= high)
    if "*" in want or "?" in want:
        return fnmatch.fnmatchcase(have, want)
    return have == want


def matches(query: Dataset, ds: Dataset) -> bool:
    for elem in query:
        if elem.keyword in ("QueryRetrieveLevel", "SpecificCharacterSet") or elem.VR == "SQ":
            continue
        if not _match_one(elem.value, ds.get(elem.keyword), elem.VR):
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--aet", default="PYNQR")
    parser.add_argument("--dest", action="append", default=[])
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--relational", action="store_true")
    args = parser.parse_args()
    instances = [(path, dcmread(path)) for path in args.files]
    destinations = {}
    for item in args.dest:
        title, _, address = item.partition("=")
        host, _, port = address.rpartition(":")
        destinations[title] = (host, int(port))

    def found(identifier: Dataset) -> list[tuple[str, Dataset]]:
        level = identifier.QueryRetrieveLevel
        seen: set[str] = set()
        out = []
        for path, ds in instances:
            if not matches(identifier, ds):
                continue
            key = str(ds.get(LEVEL_KEYS[level], ""))
            if key in seen:
                continue
            seen.add(key)
            out.append((path, ds))
        return out

    def on_find(event: Any) -> Any:
        identifier = event.identifier
        for _path, ds in found(identifier):
            if event.is_cancelled:
                yield 0xFE00, None
                return
            answer = Dataset()
            for elem in identifier:
                if elem.keyword in ds:
                    answer.add(ds[elem.keyword])
                elif elem.keyword != "SpecificCharacterSet":
                    answer.add_new(elem.tag, elem.VR, None)
            answer.QueryRetrieveLevel = identifier.QueryRetrieveLevel
            if args.delay:
                time.sleep(args.delay)
            yield 0xFF00, answer

    def all_instances(identifier: Dataset) -> list[str]:
        level = identifier.QueryRetrieveLevel
        keys = [LEVEL_KEYS[lv] for lv in ORDER[:ORDER.index(level) + 1]]
        out = []
        for path, ds in instances:
            if all(k not in identifier or _match_one(identifier.get(k), ds.get(k), "UI")
                   for k in keys):
                out.append(path)
        return out

    def on_move(event: Any) -> Any:
        destination = event.move_destination.decode("ascii").strip() \
            if isinstance(event.move_destination, bytes) else str(event.move_destination).strip()
        if destination not in destinations:
            yield None, None
            return
        yield destinations[destination]
        paths = all_instances(event.identifier)
        yield len(paths)
        for path in paths:
            if event.is_cancelled:
                yield 0xFE00, None
                return
            if args.delay:
                time.sleep(args.delay)
            yield 0xFF00, dcmread(path)

    def on_get(event: Any) -> Any:
        paths = all_instances(event.identifier)
        yield len(paths)
        for path in paths:
            if event.is_cancelled:
                yield 0xFE00, None
                return
            yield 0xFF00, dcmread(path)

    ae = AE(ae_title=args.aet)
    ae.maximum_pdu_size = 0
    ae.add_supported_context(Verification)
    for uid in (PatientRootQueryRetrieveInformationModelFind,
                StudyRootQueryRetrieveInformationModelFind,
                PatientRootQueryRetrieveInformationModelMove,
                StudyRootQueryRetrieveInformationModelMove,
                PatientRootQueryRetrieveInformationModelGet,
                StudyRootQueryRetrieveInformationModelGet):
        ae.add_supported_context(uid)
    for cx in StoragePresentationContexts:
        ae.add_supported_context(cx.abstract_syntax, ALL_TRANSFER_SYNTAXES,
                                 scp_role=True, scu_role=False)
        ae.add_requested_context(cx.abstract_syntax, ALL_TRANSFER_SYNTAXES[:4]) \
            if len(ae.requested_contexts) < 120 else None
    def on_extended(event: Any) -> dict[str, bytes]:
        return {uid: bytes([info[0]]) + bytes(len(info) - 1)
                for uid, info in event.app_info.items() if info}

    handlers = [(evt.EVT_C_FIND, on_find), (evt.EVT_C_MOVE, on_move), (evt.EVT_C_GET, on_get)]
    if args.relational:
        handlers.append((evt.EVT_SOP_EXTENDED, on_extended))
    server = ae.start_server(("127.0.0.1", args.port), block=False, evt_handlers=handlers)
    print("ready", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
