"""pynetdicom as a Query/Retrieve SCU, run as a subprocess by the Q/R SCP tests.

``python pynetdicom_qr_scu.py HOST PORT OUT --aec AE --storage UID...``: on one association,
a Study Root C-FIND at STUDY level (Patient ID and Study Instance UID returned), then a C-GET of
each study found, the C-STOREs written into OUT as ``<SOP Instance UID>.dcm``; then a Patient
Root C-FIND at PATIENT level.  Prints one JSON line: ``{"studies": [[PatientID, StudyUID]...],
"patients": [...], "get_statuses": [...], "stored": [...]}``.  Exit status 0 when the
association was established.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from pydicom.dataset import Dataset
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian
from pynetdicom import AE, build_role, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    PatientRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelFind,
    StudyRootQueryRetrieveInformationModelGet,
)

logging.basicConfig(level=logging.WARNING, stream=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("out")
    parser.add_argument("--aec", default="ANY-SCP")
    parser.add_argument("--storage", nargs="+", default=[])
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stored: list[str] = []

    def on_store(event: Any) -> int:
        ds = event.dataset
        ds.file_meta = event.file_meta
        path = out / f"{ds.SOPInstanceUID}.dcm"
        ds.save_as(path, enforce_file_format=True)
        stored.append(str(ds.SOPInstanceUID))
        return 0x0000

    ae = AE(ae_title="PYNQRSCU")
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelFind)
    ae.add_requested_context(PatientRootQueryRetrieveInformationModelFind)
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelGet)
    for uid in args.storage:
        # explicit VR first: in implicit VR the private elements' VRs would be lost (PS3.5
        # 6.2.2: read back as UN), and the received data sets would differ from the samples
        ae.add_requested_context(uid, [ExplicitVRLittleEndian, ImplicitVRLittleEndian])
    roles: list[Any] = [build_role(uid, scp_role=True) for uid in args.storage]
    assoc = ae.associate(args.host, args.port, ae_title=args.aec, ext_neg=roles,
                         evt_handlers=[(evt.EVT_C_STORE, on_store)])
    if not assoc.is_established:
        print(json.dumps({"error": "association not established"}))
        return 1
    report: dict[str, Any] = {"studies": [], "patients": [], "get_statuses": []}
    query = Dataset()
    query.QueryRetrieveLevel = "STUDY"
    query.PatientID = ""
    query.StudyInstanceUID = ""
    for status, ident in assoc.send_c_find(query, StudyRootQueryRetrieveInformationModelFind):
        if status and status.Status in (0xFF00, 0xFF01) and ident is not None:
            report["studies"].append([str(ident.PatientID), str(ident.StudyInstanceUID)])
    for _pid, uid in report["studies"]:
        get = Dataset()
        get.QueryRetrieveLevel = "STUDY"
        get.StudyInstanceUID = uid
        final = None
        for status, _ident in assoc.send_c_get(get, StudyRootQueryRetrieveInformationModelGet):
            if status:
                final = int(status.Status)
        report["get_statuses"].append(final)
    patients = Dataset()
    patients.QueryRetrieveLevel = "PATIENT"
    patients.PatientID = ""
    for status, ident in assoc.send_c_find(patients,
                                           PatientRootQueryRetrieveInformationModelFind):
        if status and status.Status in (0xFF00, 0xFF01) and ident is not None:
            report["patients"].append(str(ident.PatientID))
    assoc.release()
    report["stored"] = stored
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
