"""Errors of the audit trail (PS3.15 A.5 messages, their files and syslog transports).

Every error derives from :class:`AuditError`, a :class:`dicomkit.errors.DicomError`, and names
what it concerns: the message field, the file, the syslog collector's address.
"""

from __future__ import annotations

from dicomkit.errors import DicomError

__all__ = ["AuditError", "AuditMessageError", "AuditParseError", "AuditTransportError"]


class AuditError(DicomError):
    """An audit trail operation failed."""


class AuditMessageError(AuditError, ValueError):
    """A message that PS3.15 A.5 does not allow (a value outside its value set, two
    requestors, a participant object with neither name nor query...).

    Attributes
    ----------
    field
        The field concerned (``"EventOutcomeIndicator"``, ``"ActiveParticipant[1].UserID"``).
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.reason = message
        super().__init__(f"{field}: {message}")


class AuditParseError(AuditError):
    """Input that is not a DICOM audit message (XML of PS3.15 A.5.1 or its JSON form).

    Attributes
    ----------
    source
        What was read (a file name, ``"<bytes>"``).
    where
        The element or key path where it went wrong (``"AuditMessage/ActiveParticipant[2]"``).
    """

    def __init__(self, message: str, *, source: str = "<bytes>", where: str = "") -> None:
        self.source = source
        self.where = where
        self.reason = message
        super().__init__(": ".join(p for p in (source, where, message) if p))


class AuditTransportError(AuditError):
    """A syslog collector or an audit file could not take a message.

    Attributes
    ----------
    target
        ``"udp://host:port"``, ``"tls://host:port"`` or the file path.
    """

    def __init__(self, target: str, message: str) -> None:
        self.target = target
        self.reason = message
        super().__init__(f"{target}: {message}; check that the collector is up and reachable "
                         "(the message stays queued and is retried)")
