"""The Modality Performed Procedure Step SOP Class as SCU (PS3.4 F.7.2): N-CREATE when a step
starts, N-SET while it runs and to complete or discontinue it.

::

    step = in_progress(attributes)                     # status IN PROGRESS, Type 2 filled
    created = await create_mpps(assoc, step)
    ...
    done = Dataset(); done.PerformedProcedureStepStatus = "COMPLETED"; ...
    await set_mpps(assoc, created.instance_uid, done)

Before sending, the request is checked against the rules the SCP applies
(:mod:`~dicomkit.net.services.mpps.rules`; ``check=False`` sends it as it is); a failure the
SCP answers raises :class:`~dicomkit.net.services.mpps.errors.MppsRefused`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.sequence import Sequence
from dicomkit.core.uid import generate_uid
from dicomkit.generated import tags, uids
from dicomkit.generated.workflow import MPPS_ATTRIBUTES, attributes_at
from dicomkit.io.writer import encode_dataset
from dicomkit.net.association import Association
from dicomkit.net.dimse import build, classify_status
from dicomkit.net.dimse_provider import DimseProvider, Response
from dicomkit.net.services.mpps.errors import MppsError, MppsRefused
from dicomkit.net.services.mpps.rules import IN_PROGRESS, check_create
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.qr.responses import decode_identifier

__all__ = ["MppsResult", "create_mpps", "in_progress", "set_mpps"]


@dataclass(frozen=True)
class MppsResult:
    """The SCP's answer: the SOP Instance UID, the status (success or a warning) and the
    attributes it returned, if any."""

    instance_uid: str
    status: int
    attributes: Dataset | None = None
    peer: tuple[str, int] | None = field(default=None, compare=False)


def _fill(ds: Dataset, path: tuple[int, ...]) -> None:
    for attr in attributes_at(MPPS_ATTRIBUTES, path):
        elem = ds.get(attr.tag)
        if elem is None and attr.create_scu == "2":
            vr = dictionary_vr(attr.tag)
            ds.add_new(attr.tag, vr, Sequence([]) if vr == "SQ" else None)
        elif elem is not None and isinstance(elem.value, Sequence):
            for item in elem.value:
                _fill(item, (*path, attr.tag))


def in_progress(attributes: Dataset) -> Dataset:
    """A copy of ``attributes`` ready for the N-CREATE: Performed Procedure Step Status
    IN PROGRESS (PS3.4 F.7.2.1.2), and the Type 2 attributes of Table F.7.2-1 not given added
    empty, in the items of the sequences given too (F.7.2.1.1: Type 2 attributes are sent,
    zero length when unknown)."""
    ds = attributes.copy()
    ds.add_new(tags.PerformedProcedureStepStatus, "CS", IN_PROGRESS)
    _fill(ds, ())
    return ds


def _context(association: Association) -> int:
    for context in association.contexts.values():
        if context.abstract_syntax == uids.ModalityPerformedProcedureStep:
            return context.id
    raise MppsError("the peer accepted no Modality Performed Procedure Step presentation "
                    "context (PS3.4 F.7): propose one", peer=association.peer_address)


def _result(operation: str, uid: str, rsp: Response, association: Association) -> MppsResult:
    peer = association.peer_address
    status = rsp.status
    if classify_status(status) not in ("success", "warning"):
        comment = rsp.message.get("ErrorComment")
        error_id = rsp.message.get("ErrorID")
        listed = rsp.message.get("AttributeIdentifierList")
        values = listed if isinstance(listed, list) else ([] if listed in (None, "") else
                                                          [listed])
        raise MppsRefused(operation, status, comment=str(comment or "").strip(),
                          error_id=None if error_id in (None, "") else int(error_id),
                          attributes=tuple(int(v) for v in values), instance_uid=uid,
                          peer=peer)
    answered = rsp.message.get("AffectedSOPInstanceUID")
    if answered:
        uid = str(answered).strip("\0 ")
    attributes = None
    if rsp.data:
        try:
            attributes = decode_identifier(
                rsp.data, association.contexts[rsp.context_id].transfer_syntax,
                uids.ModalityPerformedProcedureStep, operation=operation, status=status,
                peer=peer)
        except IdentifierError as exc:
            raise MppsError(f"the {operation}-RSP data set cannot be read: {exc.reason}",
                            instance_uid=uid, peer=peer) from None
    return MppsResult(uid, status, attributes, peer)


def _dimse(association: Association) -> DimseProvider:
    dimse = association.dimse
    if dimse is None:
        raise MppsError("the association has no DIMSE provider reading it: use "
                        "ApplicationEntity.connect", peer=association.peer_address)
    return dimse


async def create_mpps(association: Association, attributes: Dataset, *,
                      instance_uid: str | None = None, check: bool = True) -> MppsResult:
    """N-CREATE a Modality Performed Procedure Step (PS3.4 F.7.2.1).

    Parameters
    ----------
    attributes
        The Attribute List (see :func:`in_progress`).
    instance_uid
        Its SOP Instance UID (default: a new UID; PS3.4 F.7.2.1.2 lets the SCU choose it).
    check
        Check the rules of :func:`~dicomkit.net.services.mpps.rules.check_create` first.

    Raises
    ------
    MppsRuleError
        When ``check`` and a rule is broken (nothing is sent).
    MppsRefused
        When the SCP answers a failure.
    """
    if check:
        check_create(attributes)
    dimse = _dimse(association)
    context_id = _context(association)
    uid = instance_uid or generate_uid()
    msg = build("N-CREATE-RQ", data_set=True,
                AffectedSOPClassUID=uids.ModalityPerformedProcedureStep,
                AffectedSOPInstanceUID=uid)
    data = encode_dataset(attributes, association.contexts[context_id].transfer_syntax)
    rsp = await dimse.request_one(context_id, msg, data)
    return _result("N-CREATE", uid, rsp, association)


async def set_mpps(association: Association, instance_uid: str,
                   modifications: Dataset) -> MppsResult:
    """N-SET the Modality Performed Procedure Step ``instance_uid`` (PS3.4 F.7.2.2): the
    attributes of ``modifications`` replace the SCP's.

    Raises
    ------
    MppsRefused
        When the SCP answers a failure (0110H with Error ID A710H: the step is final).
    """
    dimse = _dimse(association)
    context_id = _context(association)
    msg = build("N-SET-RQ", data_set=True,
                RequestedSOPClassUID=uids.ModalityPerformedProcedureStep,
                RequestedSOPInstanceUID=instance_uid)
    data = encode_dataset(modifications, association.contexts[context_id].transfer_syntax)
    rsp = await dimse.request_one(context_id, msg, data)
    return _result("N-SET", instance_uid, rsp, association)
