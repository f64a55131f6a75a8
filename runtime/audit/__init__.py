"""The audit trail: DICOM audit messages (PS3.15 A.5), written as XML and JSON lines with
rotation and retention, sent to syslog (RFC 5424 over UDP, RFC 5425 over TLS) by a
background sender that never blocks the caller.

::

    from dicomkit.audit import AuditTrail, AuditFile, TlsSyslog, AuditObserver
    trail = AuditTrail([AuditFile("audit/audit.xml.log"),
                        TlsSyslog("arr.example.org", 6514, ssl_context=ctx)],
                       fallback=AuditFile("audit/undelivered.json.log", format="json"))
    observer = AuditObserver(trail.emit, ae_title="MYSCP")
    ae = ApplicationEntity("MYSCP", events=[observer])
    ae.add_service(StorageSCP(FolderStorage(folder, on_stored=observer.stored_file)))

This layer imports only the core, io and the generated tables; the network, the archive and
the web server reach it through the observers and hooks they take as parameters.
"""

from __future__ import annotations

from dicomkit.audit import builders
from dicomkit.audit.builders import Endpoint, Media, Patient, Study
from dicomkit.audit.errors import (
    AuditError,
    AuditMessageError,
    AuditParseError,
    AuditTransportError,
)
from dicomkit.audit.files import AuditFile, read_log
from dicomkit.audit.message import (
    ActiveParticipant,
    AuditMessage,
    AuditSource,
    ObjectDescription,
    ParticipantObject,
    SOPClassDescription,
    from_json,
    from_xml,
)
from dicomkit.audit.observer import AuditObserver, InstanceFacts
from dicomkit.audit.syslog import TcpSyslog, TlsSyslog, UdpSyslog, format_syslog
from dicomkit.audit.trail import AuditSink, AuditTrail, TrailCounts

__all__ = ["ActiveParticipant", "AuditError", "AuditFile", "AuditMessage", "AuditMessageError",
           "AuditObserver", "AuditParseError", "AuditSink", "AuditSource", "AuditTrail",
           "AuditTransportError", "Endpoint", "InstanceFacts", "Media", "ObjectDescription",
           "ParticipantObject", "Patient", "SOPClassDescription", "Study", "TcpSyslog",
           "TlsSyslog", "TrailCounts", "UdpSyslog", "builders", "format_syslog", "from_json",
           "from_xml", "read_log"]
