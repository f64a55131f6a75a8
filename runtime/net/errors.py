"""Errors of the DICOM network layer (PS3.8 upper layer, PS3.7 DIMSE).

Every error derives from :class:`NetworkError`, itself a :class:`dicomkit.errors.DicomError`,
and carries the peer's address when one is known.  The reject and abort errors also carry the
numeric result/source/reason codes of the PDU that caused them and spell them out (PS3.8
Table 9-21 for A-ASSOCIATE-RJ, Table 9-26 for A-ABORT).
"""

from __future__ import annotations

from dicomkit.errors import DicomError
from dicomkit.generated.pdus import FIELD_VALUES

__all__ = [
    "ABORT_REASONS",
    "ABORT_SOURCES",
    "AETitleError",
    "AssociationAborted",
    "AssociationRejected",
    "AssociationReleased",
    "ConnectionClosed",
    "NetworkError",
    "NetworkTimeout",
    "PDUError",
    "PDULimitError",
    "REJECT_REASONS",
    "REJECT_RESULTS",
    "REJECT_SOURCES",
    "ServiceError",
]

# The meanings of the A-ASSOCIATE-RJ and A-ABORT codes, generated from the descriptions of
# PS3.8 Table 9-21 and Table 9-26 (dicomkit.generated.pdus.FIELD_VALUES).
_VALUES = FIELD_VALUES

#: A-ASSOCIATE-RJ Result (PS3.8 Table 9-21).
REJECT_RESULTS: dict[int, str] = _VALUES[("ASSOCIATE-RJ", "Result", 0)]
#: A-ASSOCIATE-RJ Source (PS3.8 Table 9-21).
REJECT_SOURCES: dict[int, str] = _VALUES[("ASSOCIATE-RJ", "Source", 0)]
#: A-ASSOCIATE-RJ Reason/Diag. by Source: (source, reason) -> meaning (PS3.8 Table 9-21).
REJECT_REASONS: dict[tuple[int, int], str] = {
    (source, value): meaning
    for (subject, field, source), values in _VALUES.items()
    if subject == "ASSOCIATE-RJ" and field == "Reason/Diag."
    for value, meaning in values.items()
}
#: A-ABORT Source (PS3.8 Table 9-26).
ABORT_SOURCES: dict[int, str] = _VALUES[("A-ABORT", "Source", 0)]
#: A-ABORT Reason/Diag. when the source is the service-provider (PS3.8 Table 9-26).
ABORT_REASONS: dict[int, str] = _VALUES[("A-ABORT", "Reason/Diag.", 2)]


def _where(peer: tuple[str, int] | None) -> str:
    return f"{peer[0]}:{peer[1]}: " if peer else ""


class NetworkError(DicomError):
    """A failure of a DICOM network operation.

    Attributes
    ----------
    peer
        ``(host, port)`` of the remote application entity, or None when not known.
    reason
        The message without the peer prefix.
    """

    def __init__(self, message: str, *, peer: tuple[str, int] | None = None) -> None:
        self.peer = peer
        self.reason = message
        super().__init__(_where(peer) + message)


class NetworkTimeout(NetworkError):
    """A network operation did not complete in its time limit (connect, ARTIM, ACSE, DIMSE)."""


class PDUError(NetworkError):
    """A PDU that cannot be accepted: unknown type, bad length, malformed content (PS3.8 9.3).

    The decoders of :mod:`dicomkit.net.pdu` raise nothing else, whatever the bytes, and say
    how to answer the peer: ``abort_reason`` for the A-ABORT a service-provider sends on an
    invalid PDU (PS3.8 9.3.8, Table 9-26; state machine Evt19, AA-1), and for an A-ASSOCIATE-RQ
    that was read whole but cannot be accepted, ``reject``: the A-ASSOCIATE-RJ to send instead
    (PS3.8 9.3.4, Table 9-21; AE-6 "otherwise issue A-ASSOCIATE-RJ").

    Attributes
    ----------
    pdu_type
        The PDU-type byte, or -1 when not read.
    length
        The PDU-length field, or -1 when not read.
    offset
        Byte offset in the PDU (counting its 6-byte header) where the problem was found, or -1.
    item_type
        The item or sub-item type concerned (PS3.8 9.3.1), or -1.
    abort_reason
        The A-ABORT Reason/Diag. (PS3.8 Table 9-26, source service-provider) that answers
        this error, or None when the raiser did not say.
    reject
        ``(result, source, reason)`` of the A-ASSOCIATE-RJ an acceptor should answer with
        instead of A-ABORT, or None.
    """

    def __init__(self, message: str, *, pdu_type: int = -1, length: int = -1, offset: int = -1,
                 item_type: int = -1, abort_reason: int | None = None,
                 reject: tuple[int, int, int] | None = None,
                 peer: tuple[str, int] | None = None) -> None:
        self.pdu_type = pdu_type
        self.length = length
        self.offset = offset
        self.item_type = item_type
        self.abort_reason = abort_reason
        self.reject = reject
        parts = []
        if pdu_type >= 0:
            parts.append(f"PDU type 0x{pdu_type:02X}")
        if length >= 0:
            parts.append(f"length {length}")
        if offset >= 0:
            parts.append(f"offset {offset}")
        if item_type >= 0:
            parts.append(f"item type 0x{item_type:02X}")
        super().__init__((", ".join(parts) + ": " if parts else "") + message, peer=peer)


class PDULimitError(PDUError):
    """A PDU over one of the decoder's limits (item counts, UID length; see
    :mod:`dicomkit.net.pdu`), refused at the first item past the limit.

    Attributes
    ----------
    limit_name
        The name of the module constant that sets the limit (``"MAX_PRESENTATION_CONTEXTS"``).
    limit
        Its value.
    """

    def __init__(self, message: str, *, limit_name: str, limit: int, pdu_type: int = -1,
                 length: int = -1, offset: int = -1, item_type: int = -1,
                 abort_reason: int | None = None, reject: tuple[int, int, int] | None = None,
                 peer: tuple[str, int] | None = None) -> None:
        self.limit_name = limit_name
        self.limit = limit
        super().__init__(f"{message} (limit {limit_name} = {limit})", pdu_type=pdu_type,
                         length=length, offset=offset, item_type=item_type,
                         abort_reason=abort_reason, reject=reject, peer=peer)


class AETitleError(NetworkError):
    """An AE title that is not a valid AE value (PS3.5 6.2, VR AE; PS3.8 9.3.2, Table 9-11).

    Raised by :func:`dicomkit.net.aetitle.validate_ae_title` before anything is sent.

    Attributes
    ----------
    value
        The title as given.
    role
        What the title was for (``"called AE title"``, ``"calling AE title"`` ...).
    clause
        The clause of the standard the title breaks (``"PS3.5 6.2"``).
    """

    def __init__(self, value: object, why: str, *, role: str = "AE title",
                 clause: str = "PS3.5 6.2", peer: tuple[str, int] | None = None) -> None:
        self.value = value
        self.role = role
        self.clause = clause
        super().__init__(f"invalid {role} {value!r}: {why} ({clause}, VR AE)", peer=peer)


class AssociationRejected(NetworkError):
    """The peer answered A-ASSOCIATE-RQ with A-ASSOCIATE-RJ (PS3.8 9.3.4, Table 9-21).

    Attributes
    ----------
    result, source, reason
        The codes of the A-ASSOCIATE-RJ PDU.
    """

    def __init__(self, result: int, source: int, reason: int, *,
                 peer: tuple[str, int] | None = None) -> None:
        self.result = result
        self.source = source
        self.reason_code = reason
        text = (f"association rejected: {REJECT_RESULTS.get(result, f'result {result}')}, "
                f"source {REJECT_SOURCES.get(source, str(source))}, reason "
                f"{REJECT_REASONS.get((source, reason), str(reason))} "
                f"(result {result}, source {source}, reason {reason})")
        super().__init__(text, peer=peer)

    @property
    def transient(self) -> bool:
        """True when the rejection is transient (worth retrying later)."""
        return self.result == 2


class AssociationAborted(NetworkError):
    """The association ended by A-ABORT (either side) or by a lost transport (A-P-ABORT).

    Attributes
    ----------
    source, reason
        The A-ABORT codes (PS3.8 Table 9-26); source 2 with reason 0 for a lost connection.
    """

    def __init__(self, source: int, reason: int, *, detail: str = "",
                 peer: tuple[str, int] | None = None) -> None:
        self.source = source
        self.reason_code = reason
        why = ABORT_REASONS.get(reason, str(reason)) if source == 2 else str(reason)
        text = (f"association aborted by {ABORT_SOURCES.get(source, f'source {source}')}, "
                f"reason {why}")
        if detail:
            text += f" ({detail})"
        super().__init__(text, peer=peer)


class AssociationReleased(NetworkError):
    """The association was released (A-RELEASE, PS3.8 7.2): no more messages will come."""


class ConnectionClosed(NetworkError):
    """The transport connection closed or failed (PS3.8 Evt17: transport connection closed)."""


class ServiceError(NetworkError):
    """Raised by a service handler to answer a request with ``status`` (PS3.7 Annex C), like
    dcm4che's DicomServiceException: the DIMSE provider sends the response with the status,
    Error Comment (0000,0902) and Offending Element (0000,0901).

    Attributes
    ----------
    status
        The status code to answer with (a generated status of the service, PS3.4).
    comment
        Error Comment (at most 64 characters are sent).
    offending_elements
        Tags of the elements at fault (Offending Element).
    """

    def __init__(self, status: int, comment: str = "", offending_elements: tuple[int, ...] = (),
                 *, peer: tuple[str, int] | None = None) -> None:
        self.status = status
        self.comment = comment
        self.offending_elements = tuple(offending_elements)
        super().__init__(f"status 0x{status:04X}" + (f": {comment}" if comment else ""),
                         peer=peer)
