"""An application entity serving an archive as dcmqrscp does: Verification, Storage into the
archive, Query/Retrieve (C-FIND, C-MOVE, C-GET) from it and Storage Commitment Push Model
over it (PS3.4 Annexes A, B, C, J); with a worklist store, the Modality Worklist (Annex K),
with an MPPS store, Modality Performed Procedure Step (F.7).

:func:`archive_entity` builds it; ``dicomkit qrscp`` serves it.  The storage SOP classes are
supported in both roles: as SCP (C-STORE into the archive) and as SCU (the C-GET
sub-operations sent back on the requesting association, PS3.4 C.4.3, with the SCU's role
selection, PS3.7 D.3.3.4).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping

from dicomkit.archive import AsyncArchive
from dicomkit.net.acse import AcceptPolicy
from dicomkit.net.ae import ApplicationEntity
from dicomkit.net.services.commitment import ArchiveChecker, CommitmentSCP
from dicomkit.net.services.mpps import MppsSCP, MppsStore
from dicomkit.net.services.qr.negotiation import (
    RELATIONAL,
    STORAGE_SOP_CLASSES,
    answer_extended,
)
from dicomkit.net.services.qr.scp import (
    FIND_SOP_CLASSES,
    GET_SOP_CLASSES,
    MOVE_SOP_CLASSES,
    Destination,
    FindSCP,
    GetSCP,
    MoveSCP,
    QueryHook,
)
from dicomkit.net.services.storage.archive import ArchiveStorage
from dicomkit.net.services.storage.scp import StorageSCP
from dicomkit.net.services.verification import VerificationSCP
from dicomkit.net.services.worklist import WorklistSCP, WorklistStore
from dicomkit.net.ul import Timeouts
from dicomkit.query import DEFAULT_OPTIONS, MatchOptions

__all__ = ["archive_entity", "commitment_scp"]

#: The Q/R SOP classes served (those whose extended negotiation is answered).
_SERVED = frozenset((*FIND_SOP_CLASSES, *MOVE_SOP_CLASSES, *GET_SOP_CLASSES))


def _relational_answer(other: Callable[[str, bytes], bytes | None] | None
                       ) -> Callable[[str, bytes], bytes | None]:
    """The policy's SOP Class Extended Negotiation answer: relational queries / retrieval
    accepted for the Q/R SOP classes served, the other options refused (0); other SOP
    classes as ``other`` answers them."""
    def answer(sop_class: str, info: bytes) -> bytes | None:
        if sop_class in _SERVED:
            return answer_extended(sop_class, info, RELATIONAL.values())
        return other(sop_class, info) if other is not None else None
    return answer



def commitment_scp(archive: AsyncArchive, *, ae_title: str = "DICOMKIT",
                   destinations: Mapping[str, tuple[str, int] | Destination] | None = None,
                   timeouts: Timeouts | None = None,
                   outbox: str | os.PathLike[str] | None = None) -> CommitmentSCP:
    """The Storage Commitment Push Model SCP over ``archive`` (PS3.4 J.3): reports to a
    requestor whose association closed go to its address among the ``destinations``; with an
    ``outbox`` folder, those that cannot be sent are kept for
    :meth:`~dicomkit.net.services.commitment.scp.CommitmentSCP.run_resend`."""
    return CommitmentSCP(
        ArchiveChecker(archive), ae_title=ae_title, timeouts=timeouts, retrieve_ae_title=ae_title,
        requestors={title: (where if isinstance(where, tuple) else (where.host, where.port))
                    for title, where in (destinations or {}).items()}, outbox=outbox)


def archive_entity(archive: AsyncArchive, *, ae_title: str = "DICOMKIT",
                   destinations: Mapping[str, tuple[str, int] | Destination] | None = None,
                   policy: AcceptPolicy | None = None, timeouts: Timeouts | None = None,
                   options: MatchOptions = DEFAULT_OPTIONS,
                   storage: ArchiveStorage | None = None,
                   worklist: WorklistStore | None = None,
                   mpps: MppsStore | None = None, events: object = None,
                   on_query: QueryHook | None = None,
                   relational: bool = False,
                   commitment: CommitmentSCP | None = None) -> ApplicationEntity:
    """An application entity serving ``archive`` (see the module).

    Parameters
    ----------
    ae_title
        Our AE title (called AE title answered, calling AE title of C-MOVE sub-operations,
        Retrieve AE Title of C-FIND matches).
    destinations
        Move Destination AE title -> (host, port) or
        :class:`~dicomkit.net.services.qr.scp.Destination` (with TLS).
    policy
        What to accept (default: the AE title, any calling AE).
    storage
        The Storage SCP's handler (default: :class:`ArchiveStorage` into the archive).
    worklist
        Serve the Modality Worklist from this store too (PS3.4 Annex K).
    mpps
        Serve Modality Performed Procedure Step into this store too (PS3.4 F.7).
    events, on_query
        Observers of the network (:class:`~dicomkit.net.events.NetObserver`: the audit
        trail, metrics) and the hook of the C-FIND SCP (the audit trail's Query message).
    relational
        Accept relational queries and relational retrieval where a requestor asks for them
        in SOP Class Extended Negotiation (PS3.4 C.5.1.1.2, C.5.2.1.2, C.5.3.1.2), and serve
        them (C.4.1.2.2, C.4.2.2.2); without, every query is hierarchical (C.4.1.2.1) and a
        key of a level above that is not its Unique Key is refused (A900H).
    commitment
        The Storage Commitment SCP (default: :func:`commitment_scp`'s).
    """
    policy = policy or AcceptPolicy(ae_title=ae_title)
    if relational:
        policy = dataclasses.replace(policy, sop_class_extended=_relational_answer(
            policy.sop_class_extended))
    ae = ApplicationEntity(ae_title, policy=policy, timeouts=timeouts, events=events)
    ae.add_service(VerificationSCP())
    ae.add_service(StorageSCP(storage or ArchiveStorage(archive.archive)), supported=False)
    for uid in STORAGE_SOP_CLASSES:
        ae.add_supported(uid, None, scu_role=True, scp_role=True)
    ae.add_service(FindSCP(archive, ae_title=ae_title, options=options, on_query=on_query,
                           relational=relational))
    ae.add_service(MoveSCP(archive, destinations or {}, ae_title=ae_title, options=options,
                           timeouts=timeouts, relational=relational))
    ae.add_service(GetSCP(archive, ae_title=ae_title, options=options,
                          relational=relational))
    ae.add_service(commitment or commitment_scp(archive, ae_title=ae_title,
                                                destinations=destinations, timeouts=timeouts))
    if worklist is not None:
        ae.add_service(WorklistSCP(worklist, options=options))
    if mpps is not None:
        ae.add_service(MppsSCP(mpps))
    return ae
