"""Modality Performed Procedure Step (PS3.4 Annex F.7) as SCU and SCP.

* :mod:`~dicomkit.net.services.mpps.scu` - :func:`create_mpps`, :func:`set_mpps`,
  :func:`in_progress`;
* :mod:`~dicomkit.net.services.mpps.scp` - :class:`MppsSCP`;
* :mod:`~dicomkit.net.services.mpps.rules` - the state and attribute rules of F.7.2;
* :mod:`~dicomkit.net.services.mpps.store` - :class:`MppsStore`, records as Part 10 files;
* :mod:`~dicomkit.net.services.mpps.errors` - what can go wrong.

The attribute requirements (Table F.7.2-1) and the state rules come from
:mod:`dicomkit.generated.workflow`.
"""

from __future__ import annotations

from dicomkit.net.services.mpps.errors import (
    MppsError,
    MppsNoSuchRecord,
    MppsRecordExists,
    MppsRefused,
    MppsRuleError,
    MppsStoreError,
)
from dicomkit.net.services.mpps.rules import FINAL, IN_PROGRESS, check_create, check_set
from dicomkit.net.services.mpps.scp import MppsSCP
from dicomkit.net.services.mpps.scu import MppsResult, create_mpps, in_progress, set_mpps
from dicomkit.net.services.mpps.store import MppsStore

__all__ = ["FINAL", "IN_PROGRESS", "MppsError", "MppsNoSuchRecord", "MppsRecordExists",
           "MppsRefused", "MppsResult", "MppsRuleError", "MppsSCP", "MppsStore", "MppsStoreError",
           "check_create", "check_set", "create_mpps", "in_progress", "set_mpps"]
