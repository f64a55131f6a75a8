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
    "AssociationAborted",
    "AssociationRejected",
    "AssociationReleased",
    "ConnectionClosed",
    "NetworkError",
    "NetworkTimeout",
    "PDUError",
    "REJECT_REASONS",
    "REJECT_RESULTS",
    "REJECT_SOURCES",
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

    Attributes
    ----------
    pdu_type
        The PDU-type byte, or -1 when not read.
    length
        The PDU-length field, or -1 when not read.
    offset
        Byte offset in the PDU (counting its 6-byte header) where the problem was found, or -1.
    """

    def __init__(self, message: str, *, pdu_type: int = -1, length: int = -1, offset: int = -1,
                 peer: tuple[str, int] | None = None) -> None:
        self.pdu_type = pdu_type
        self.length = length
        self.offset = offset
        parts = []
        if pdu_type >= 0:
            parts.append(f"PDU type 0x{pdu_type:02X}")
        if length >= 0:
            parts.append(f"length {length}")
        if offset >= 0:
            parts.append(f"offset {offset}")
        super().__init__((", ".join(parts) + ": " if parts else "") + message, peer=peer)


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
