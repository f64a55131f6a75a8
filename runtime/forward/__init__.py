"""Store and forward: files accepted once, delivered however the destinations misbehave.

* :mod:`~dicomkit.forward.spool` - the spool folder (atomic, flushed accepts);
* :mod:`~dicomkit.forward.queue` - the persistent job queue (SQLite WAL, PostgreSQL);
* :mod:`~dicomkit.forward.rules` - destinations and routing rules (TOML);
* :mod:`~dicomkit.forward.limits` - bandwidth (token bucket) and time windows;
* :mod:`~dicomkit.forward.forwarder` - workers per destination (pooled associations, retry
  policies, circuit breakers, dead letters);
* :mod:`~dicomkit.forward.gateway` - a Storage SCP that routes into the queue.

Needs SQLAlchemy (the ``forward`` extra; ``postgresql`` for a shared PostgreSQL queue).
Layer: above net/services (it is a Storage SCU and SCP), below cli.
"""

from __future__ import annotations

from dicomkit.forward.errors import ForwardError, QueueError, RulesError, SpoolError
from dicomkit.forward.forwarder import DestinationWorker, Forwarder
from dicomkit.forward.limits import TimeWindow, TokenBucket
from dicomkit.forward.queue import PRIORITIES, ForwardQueue, Job, NewJob, Outcome
from dicomkit.forward.rules import Destination, Route, Routing, Rule, load_rules, parse_rules
from dicomkit.forward.spool import Spool

__all__ = [
    "Destination", "DestinationWorker", "ForwardError", "ForwardQueue", "Forwarder", "Job",
    "NewJob", "Outcome", "PRIORITIES", "QueueError", "Route", "Routing", "Rule", "RulesError",
    "Spool", "SpoolError", "TimeWindow", "TokenBucket", "load_rules", "parse_rules",
]
