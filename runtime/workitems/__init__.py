"""Workitems of the Unified Procedure Step service (PS3.4 Annex CC), independent of transport.

One model for DIMSE (:mod:`dicomkit.net.services.ups`) and UPS-RS (PS3.18 11):

* :mod:`~dicomkit.workitems.machine`: the state machine of PS3.4 Table CC.1.1-2 (generated),
  Transaction UID locking;
* :mod:`~dicomkit.workitems.requirements`: the attribute requirements of Table CC.2.5-3 for
  N-CREATE, N-SET and the final states;
* :class:`WorkitemStore` (:class:`AsyncWorkitemStore` for async code): workitems and
  subscriptions in a database (SQLite by default; SQLAlchemy, the ``archive`` extra), every
  operation one transaction, C-FIND matching by :mod:`dicomkit.query`, deletion locks; each
  operation returns the :class:`Event` s to report to the subscribers;
* :class:`EventHub`: the one hub the transports publish those events to and deliver from.

Layer: above core, io and query; below net and web.
"""

from dicomkit.workitems.async_store import AsyncWorkitemStore
from dicomkit.workitems.errors import WorkitemError, WorkitemStoreError
from dicomkit.workitems.hub import EventHub, Listener
from dicomkit.workitems.machine import correct_transaction, decide
from dicomkit.workitems.requirements import check_create, check_set, final_state_missing
from dicomkit.workitems.store import FILTERED_GLOBAL, GLOBAL, Event, Outcome, WorkitemStore

__all__ = ["FILTERED_GLOBAL", "GLOBAL", "AsyncWorkitemStore", "Event", "EventHub", "Listener",
           "Outcome",
           "WorkitemError", "WorkitemStore", "WorkitemStoreError", "check_create", "check_set",
           "correct_transaction", "decide", "final_state_missing"]
