"""pynetdicom as a Q/R SCU asking for relational queries, run as a subprocess by the tests.

``python pynetdicom_relational_scu.py HOST PORT --aec AE``: proposes Study Root C-FIND with a
SOP Class Extended Negotiation Sub-Item asking for relational-queries (PS3.4 C.5.1.1.1, byte 1),
then sends a SERIES-level query with Modality=MR and no Study Instance UID (relational only,
C.4.1.2.2).  Prints one JSON line: ``{"accepted": "<hex of the answer or null>", "statuses":
[...], "series": [[StudyInstanceUID, SeriesInstanceUID, Modality]...]}``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from pydicom.dataset import Dataset
from pynetdicom import AE
from pynetdicom.pdu_primitives import SOPClassExtendedNegotiation
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    StudyRootQueryRetrieveInformationModelFind,
)

logging.basicConfig(level=logging.WARNING, stream=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--aec", default="ANY-SCP")
    args = parser.parse_args()
    ae = AE(ae_title="PYNREL")
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelFind)
    ext = SOPClassExtendedNegotiation()
    ext.sop_class_uid = StudyRootQueryRetrieveInformationModelFind
    ext.service_class_application_information = b"\x01"
    assoc = ae.associate(args.host, args.port, ae_title=args.aec, ext_neg=[ext])
    if not assoc.is_established:
        return 1
    answer = assoc.acceptor.sop_class_extended.get(StudyRootQueryRetrieveInformationModelFind)
    query = Dataset()
    query.QueryRetrieveLevel = "SERIES"
    query.Modality = "MR"
    query.SeriesInstanceUID = ""
    statuses: list[int] = []
    series: list[list[str]] = []
    for status, identifier in assoc.send_c_find(query, StudyRootQueryRetrieveInformationModelFind):
        statuses.append(int(status.Status) if status else -1)
        if identifier is not None and status and status.Status in (0xFF00, 0xFF01):
            series.append([str(identifier.get("StudyInstanceUID", "")),
                           str(identifier.get("SeriesInstanceUID", "")),
                           str(identifier.get("Modality", ""))])
    assoc.release()
    print(json.dumps({"accepted": answer.hex() if answer is not None else None,
                      "statuses": statuses, "series": series}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
