"""Unified Procedure Step over DIMSE (PS3.4 Annex CC): Push, Pull, Watch, Event and Query as
SCU and SCP, on the transport-independent workitems of :mod:`dicomkit.workitems`.

* :class:`UpsSCP` - N-CREATE, N-SET, N-GET, N-ACTION (change state, request cancel,
  subscribe, unsubscribe, suspend) and C-FIND over a workitem store; events
  (N-EVENT-REPORT) to the subscribers on new associations.
* :class:`UpsClient` - the SCU operations on an association (create, find, get, set, claim,
  complete, cancel, request cancel, subscribe, unsubscribe);
  :class:`UpsEventListener` receives the events.
* :func:`contexts` - presentation contexts proposing the UPS SOP classes.
"""

from dicomkit.generated import uids, ups
from dicomkit.net.acse import PresentationContext
from dicomkit.net.services.ups.errors import UpsError, UpsRefused, UpsTimeout
from dicomkit.net.services.ups.scp import UpsSCP, send_event
from dicomkit.net.services.ups.scu import EventReport, UpsClient, UpsEventListener

__all__ = ["EventReport", "UpsClient", "UpsError", "UpsEventListener", "UpsRefused", "UpsSCP",
           "UpsTimeout", "contexts", "send_event"]

_SYNTAXES = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)


def contexts(first_id: int = 1) -> list[PresentationContext]:
    """A presentation context for each UPS SOP class that an SCU uses (Push, Pull, Watch,
    Query; not Event, whose reports come on associations the SCP opens), PS3.4 CC.3.1."""
    event = set(ups.SERVICE_SOP_CLASSES["N-EVENT-REPORT"])
    return [PresentationContext(first_id + 2 * i, uid, _SYNTAXES)
            for i, uid in enumerate(u for u in ups.SOP_CLASSES if u not in event)]
