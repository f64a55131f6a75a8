"""DICOM associations on anyio: establishment, data transfer, release and abort (PS3.8 7, 9).

:func:`associate` opens an association as requestor, :func:`serve` accepts them as acceptor
under an :class:`AcceptPolicy`; both give an :class:`Association` through which whole DIMSE
messages travel: a command set (kept whole, it is small) and an optional data set streamed as
its PDV fragments arrive, so an SCP can write a data set to disk without holding it.  Every PDU
goes through :class:`~dicomkit.net.statemachine.StateMachine` (PS3.8 Table 9-10).

A-ASSOCIATE negotiation covers the application context, presentation contexts (PS3.8 9.3.2.2,
9.3.3.2), maximum PDU length both ways (PS3.8 D.1), implementation class UID and version name
(PS3.7 D.3.3.2), the asynchronous operations window (D.3.3.3), SCP/SCU role selection
(D.3.3.4), SOP class extended and common extended negotiation (D.3.3.5, D.3.3.6; carried
through) and user identity (D.3.3.7).
"""

from __future__ import annotations

import dataclasses
import logging
import ssl
import struct
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import (
    Any,
)

import anyio
from anyio.abc import TaskStatus

from dicomkit.generated import uids
from dicomkit.generated.commands import COMMAND_TAGS
from dicomkit.generated.commands import FIELD_VALUES as COMMAND_VALUES
from dicomkit.generated.pdus import FIELD_VALUES, PDU_TYPES
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.io.writer import IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME
from dicomkit.net import transport
from dicomkit.net.errors import (
    AssociationAborted,
    AssociationRejected,
    AssociationReleased,
    ConnectionClosed,
    NetworkError,
    NetworkTimeout,
    PDUError,
)
from dicomkit.net.pdu import (
    PDU,
    PDV,
    AAbort,
    AAssociateAC,
    AAssociateRJ,
    AAssociateRQ,
    AReleaseRP,
    AReleaseRQ,
    CommonExtendedNegotiation,
    PDataTF,
    PresentationContextAC,
    PresentationContextRQ,
    RoleSelection,
    UserIdentityRQ,
    UserInformation,
    encode_pdata,
    encode_pdu,
    pdata_overhead,
    read_pdu,
)
from dicomkit.net.statemachine import StateMachine

__all__ = [
    "AcceptPolicy",
    "AcceptedContext",
    "Association",
    "DEFAULT_MAX_PDU",
    "IncomingMessage",
    "PresentationContext",
    "Timeouts",
    "UserIdentity",
    "associate",
    "serve",
]

log = logging.getLogger(__name__)

#: Maximum PDU length we announce by default (PS3.8 D.1): 16 KiB less the P-DATA-TF header
#: bytes, a value common among implementations.
DEFAULT_MAX_PDU = 16384
#: Fragment size when the peer announces no limit (Maximum Length 0, PS3.8 D.1).
_UNLIMITED_FRAGMENT = 1 << 20
_PDV_OVERHEAD = pdata_overhead()
_COMMAND_DATA_SET_TYPE = COMMAND_TAGS["CommandDataSetType"]
#: Command Data Set Type value meaning "no data set" (PS3.7 Table E.1-1: 0101H).
_NO_DATA_SET = COMMAND_VALUES["CommandDataSetType"]["no Data Set is present"]
_ELEMENT_HEADER = struct.Struct("<HHI")

_PDU_EVENT: dict[type, str] = {
    AAssociateAC: "Evt3", AAssociateRJ: "Evt4", AAssociateRQ: "Evt6", PDataTF: "Evt10",
    AReleaseRQ: "Evt12", AReleaseRP: "Evt13", AAbort: "Evt16",
}
# A-ABORT source and reasons (PS3.8 Table 9-26) we send.
_SERVICE_USER, _SERVICE_PROVIDER = 0, 2
_UNRECOGNIZED_PDU, _UNEXPECTED_PDU, _INVALID_PARAMETER = 1, 2, 6


def _context_result(meaning: str) -> int:
    """The Result/Reason value of a presentation context whose meaning starts with ``meaning``
    (PS3.8 Table 9-18, generated)."""
    values = FIELD_VALUES[("Presentation Context", "Result/Reason", 0)]
    return next(v for v, m in values.items() if m.startswith(meaning))


_ABSTRACT_SYNTAX_NOT_SUPPORTED = _context_result("abstract-syntax-not-supported")
_TRANSFER_SYNTAXES_NOT_SUPPORTED = _context_result("transfer-syntaxes-not-supported")


@dataclass(frozen=True)
class Timeouts:
    """Time limits in seconds (None: wait forever).

    Attributes
    ----------
    connect
        TCP connect and TLS handshake.
    artim
        ARTIM (PS3.8 9.1.5): waiting for the A-ASSOCIATE-RQ after a connection opens, and for
        the peer to close after a reject, release or abort.
    acse
        Waiting for A-ASSOCIATE-AC/RJ and A-RELEASE-RP.
    dimse
        Waiting for the next message in :meth:`Association.receive_message`.
    network
        Waiting for the rest of a PDU or message once it started, and for a send to complete.
    idle
        For an acceptor (:func:`serve`) whose ``dimse`` is None: how long an established
        association may stay silent before it is aborted, so a peer that never sends its next
        request nor releases cannot hold a slot of ``max_associations`` forever (dcmtk's
        storescp waits forever unless given ``--dimse-timeout``; pynetdicom aborts idle
        associations after its 60 s network timeout).  None: wait forever.
    """

    connect: float | None = 30.0
    artim: float = 30.0
    acse: float | None = 30.0
    dimse: float | None = None
    network: float | None = 60.0
    idle: float | None = 300.0


@dataclass(frozen=True)
class PresentationContext:
    """A presentation context to propose (PS3.8 7.1.1.13), with optional role selection."""

    id: int
    abstract_syntax: str
    transfer_syntaxes: tuple[str, ...]
    scu_role: bool | None = None
    scp_role: bool | None = None


@dataclass(frozen=True)
class AcceptedContext:
    """The result for one presentation context: result 0 accepted, else PS3.8 Table 9-18."""

    id: int
    abstract_syntax: str
    transfer_syntax: str
    result: int


@dataclass(frozen=True)
class IncomingMessage:
    """A received DIMSE message: its command set bytes, and its data set as a fragment stream.

    ``data`` must be consumed (or abandoned) before the next message is read; what is not read
    is discarded by :meth:`Association.receive_message`.
    """

    context_id: int
    command: bytes
    data: AsyncIterator[bytes] | None


#: User-Identity-Type values (PS3.7 Table D.3-14), meaning -> value, from the generated table.
_IDENTITY_TYPES = {meaning: value for value, meaning in
                   FIELD_VALUES[("User Identity Negotiation", "User-Identity-Type", 0)].items()}


def _identity_type(meaning: str) -> int:
    return _IDENTITY_TYPES[meaning]


@dataclass(frozen=True)
class UserIdentity:
    """User identity negotiation (PS3.7 D.3.3.7): the type and its fields.

    ``identity_type``: 1 username, 2 username and passcode, 3 Kerberos service ticket,
    4 SAML assertion, 5 JSON Web Token (PS3.7 Table D.3-14).
    """

    identity_type: int
    primary: bytes
    secondary: bytes = b""
    positive_response_requested: bool = False

    @classmethod
    def username(cls, name: str, *, response: bool = False) -> UserIdentity:
        """Username only (type 1), UTF-8."""
        return cls(_identity_type("Username as a string in UTF-8"), name.encode("utf-8"), b"",
                   response)

    @classmethod
    def username_password(cls, name: str, passcode: str, *,
                          response: bool = False) -> UserIdentity:
        """Username and passcode (type 2), UTF-8."""
        return cls(_identity_type("Username as a string in UTF-8 and passcode"),
                   name.encode("utf-8"), passcode.encode("utf-8"), response)

    @classmethod
    def kerberos(cls, ticket: bytes, *, response: bool = False) -> UserIdentity:
        """Kerberos service ticket (type 3)."""
        return cls(_identity_type("Kerberos Service ticket"), ticket, b"", response)

    @classmethod
    def saml(cls, assertion: bytes, *, response: bool = False) -> UserIdentity:
        """SAML assertion (type 4)."""
        return cls(_identity_type("SAML Assertion"), assertion, b"", response)

    @classmethod
    def jwt(cls, token: bytes, *, response: bool = False) -> UserIdentity:
        """JSON Web Token (type 5)."""
        return cls(_identity_type("JSON Web Token (JWT)"), token, b"", response)


def _default_transfer_syntaxes() -> tuple[str, ...]:
    return (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)


@dataclass
class AcceptPolicy:
    """What :func:`serve` accepts.

    Attributes
    ----------
    ae_title
        Our AE title; a request calling another is rejected (None: answer to any).
    calling_ae_titles
        Calling AE titles accepted (None: any).
    abstract_syntaxes
        Abstract syntaxes accepted (None: any).
    transfer_syntaxes
        Accepted transfer syntaxes in preference order (None: the requestor's first known one).
    max_associations
        Concurrent associations; more are rejected transiently (local-limit-exceeded).
    max_pdu
        Maximum PDU length we receive (0: no limit; still capped by ``max_pdu_cap``).
    require_user_identity
        Reject requests without user identity negotiation.
    authenticate
        Called with the requested identity: False rejects, True accepts, bytes accept and are
        the server response (sent when the requestor asked for one).
    role_selection
        Called with (SOP class, proposed SCU role, proposed SCP role); returns the accepted
        roles (default: as proposed).
    sop_class_extended
        Called with (SOP class, application information); bytes are returned to the requestor.
    async_ops
        Our asynchronous operations window (invoked, performed), answered when asked.
    """

    ae_title: str | None = "DICOMKIT"
    calling_ae_titles: frozenset[str] | None = None
    abstract_syntaxes: frozenset[str] | None = None
    transfer_syntaxes: tuple[str, ...] | None = field(default_factory=_default_transfer_syntaxes)
    max_associations: int = 16
    max_pdu: int = DEFAULT_MAX_PDU
    max_pdu_cap: int = 1 << 26
    require_user_identity: bool = False
    authenticate: Callable[[UserIdentity], bool | bytes] | None = None
    role_selection: Callable[[str, bool, bool], tuple[bool, bool]] | None = None
    sop_class_extended: Callable[[str, bytes], bytes | None] | None = None
    async_ops: tuple[int, int] = (1, 1)


def _has_data_set(command: bytes) -> bool:
    """Whether the command set announces a data set (Command Data Set Type, PS3.7 E.1-1)."""
    offset = 0
    end = len(command) - _ELEMENT_HEADER.size
    while offset <= end:
        group, element, length = _ELEMENT_HEADER.unpack_from(command, offset)
        offset += _ELEMENT_HEADER.size
        if (group << 16 | element) == _COMMAND_DATA_SET_TYPE and length >= 2:
            return bool(struct.unpack_from("<H", command, offset)[0] != _NO_DATA_SET)
        offset += length
    return False


class Association:
    """An established association.  Built by :func:`associate` and :func:`serve` only."""

    calling_ae: str
    called_ae: str
    peer_address: tuple[str, int]
    local_max_pdu: int
    peer_max_pdu: int
    contexts: dict[int, AcceptedContext]
    results: dict[int, AcceptedContext]
    requested: list[PresentationContext]
    peer_implementation_class_uid: str
    peer_implementation_version_name: str
    user_identity: UserIdentity | None
    user_identity_response: bytes | None
    roles: dict[str, tuple[bool, bool]]
    sop_class_extended: dict[str, bytes]
    sop_class_common_extended: list[CommonExtendedNegotiation]
    async_ops: tuple[int, int]

    def __init__(self, conn: transport.Connection, sm: StateMachine, *, local_max_pdu: int,
                 timeouts: Timeouts, max_other_pdu: int = 1 << 20) -> None:
        self._conn = conn
        self._sm = sm
        self._timeouts = timeouts
        self._max_other = max_other_pdu
        self._send_lock = anyio.Lock()
        self._pending: deque[PDV] = deque()
        self._data: AsyncIterator[bytes] | None = None
        self._data_open = False
        self._ended: NetworkError | None = None
        self.peer_address = conn.peer
        self.local_max_pdu = local_max_pdu
        self.peer_max_pdu = 0
        self.calling_ae = self.called_ae = ""
        self.contexts = {}
        self.results = {}
        self.requested = []
        self.peer_implementation_class_uid = self.peer_implementation_version_name = ""
        self.user_identity = None
        self.user_identity_response = None
        self.roles = {}
        self.sop_class_extended = {}
        self.sop_class_common_extended = []
        self.async_ops = (1, 1)

    # ----------------------------------------------------------------- state and ending

    @property
    def state(self) -> str:
        """The current PS3.8 state (``"Sta6"`` while established)."""
        return self._sm.state

    @property
    def is_established(self) -> bool:
        """True while data can be exchanged (Sta6)."""
        return self._sm.state == "Sta6"

    def _end(self, exc: NetworkError) -> NetworkError:
        if self._ended is None:
            self._ended = exc
        return exc

    async def _linger_and_close(self) -> None:
        """Sta13: wait (up to ARTIM) for the peer to close, then close (Evt17/Evt18)."""
        closed = await self._conn.wait_closed(self._sm.artim_remaining() or 0.0)
        if self._sm.state == "Sta13":
            self._sm.handle("Evt17" if closed else "Evt18")
        await self._conn.aclose()

    async def _send_abort(self, source: int, reason: int) -> None:
        try:
            await self._conn.send(encode_pdu(AAbort(source, reason)), 5.0)
        except NetworkError:
            pass
        await self._linger_and_close()

    async def _lost(self) -> NetworkError:
        """Evt17: the transport closed under us (AA-4, A-P-ABORT)."""
        if self._sm.state != "Sta1":
            self._sm.handle("Evt17")
        await self._conn.aclose()
        return self._end(AssociationAborted(_SERVICE_PROVIDER, 0, detail="connection closed",
                                            peer=self.peer_address))

    # ----------------------------------------------------------------- reading PDUs

    async def _read_event(self, timeout: float | None,
                          acceptable: Callable[[AAssociateRQ], bool] | None = None
                          ) -> tuple[str, PDU]:
        """Read one PDU and apply its event; abort actions are carried out and raised."""
        if self._ended is not None:
            raise self._ended
        first = [True]
        network = self._timeouts.network

        async def receive_exactly(n: int) -> bytes:
            wait = timeout if first[0] else network
            first[0] = False
            return await self._conn.receive_exactly(n, wait)

        try:
            pdu = await read_pdu(receive_exactly, max_pdata_length=self.local_max_pdu,
                                 max_other_length=self._max_other)
        except PDUError as exc:
            exc.peer = self.peer_address
            reason = _UNRECOGNIZED_PDU if exc.pdu_type not in PDU_TYPES else _INVALID_PARAMETER
            self._sm.handle("Evt19")
            await self._send_abort(_SERVICE_PROVIDER, reason)
            raise self._end(AssociationAborted(_SERVICE_PROVIDER, reason, detail=exc.reason,
                                               peer=self.peer_address)) from exc
        except ConnectionClosed:
            raise await self._lost() from None
        event = _PDU_EVENT[type(pdu)]
        ok = acceptable(pdu) if acceptable is not None and isinstance(pdu, AAssociateRQ) else True
        before = self._sm.state
        action = self._sm.handle(event, acceptable=ok)
        if action == "AA-3" and isinstance(pdu, AAbort):
            await self._conn.aclose()
            raise self._end(AssociationAborted(pdu.source, pdu.reason, peer=self.peer_address))
        if action == "AA-2":
            await self._conn.aclose()
            src, why = (pdu.source, pdu.reason) if isinstance(pdu, AAbort) else (2, 0)
            raise self._end(AssociationAborted(src, why, peer=self.peer_address))
        if action in ("AA-1", "AA-7", "AA-8"):
            await self._send_abort(_SERVICE_PROVIDER, _UNEXPECTED_PDU)
            raise self._end(AssociationAborted(
                _SERVICE_PROVIDER, _UNEXPECTED_PDU, peer=self.peer_address,
                detail=f"unexpected {type(pdu).__name__} in {before}"))
        return action, pdu

    async def _fill(self, timeout: float | None) -> None:
        """Read PDUs until PDVs are pending; a peer release is answered and raised."""
        while not self._pending:
            action, pdu = await self._read_event(timeout)
            if action == "DT-2" and isinstance(pdu, PDataTF):
                self._pending.extend(pdu.pdvs)
            elif action == "AR-2":  # A-RELEASE-RQ: answer it (Evt14, AR-4), then close
                self._sm.handle("Evt14")
                await self._conn.send(encode_pdu(AReleaseRP()), self._timeouts.network)
                await self._linger_and_close()
                raise self._end(AssociationReleased("released by the peer",
                                                    peer=self.peer_address))

    async def _next_pdv(self, timeout: float | None) -> PDV:
        try:
            if not self._pending:
                await self._fill(timeout)
        except NetworkTimeout:
            await self.abort()
            raise
        return self._pending.popleft()

    async def _protocol_abort(self, detail: str) -> NetworkError:
        if self._sm.expects("Evt15"):
            self._sm.handle("Evt15")
            await self._send_abort(_SERVICE_PROVIDER, _INVALID_PARAMETER)
        return self._end(AssociationAborted(_SERVICE_PROVIDER, _INVALID_PARAMETER,
                                            detail=detail, peer=self.peer_address))

    async def _data_stream(self, context_id: int) -> AsyncIterator[bytes]:
        while True:
            pdv = await self._next_pdv(self._timeouts.network)
            if pdv.is_command or pdv.context_id != context_id:
                raise await self._protocol_abort(
                    f"PDV for context {pdv.context_id} (command={pdv.is_command}) inside the "
                    f"data set of context {context_id}")
            if pdv.is_last:
                self._data_open = False
            yield pdv.fragment
            if pdv.is_last:
                return

    async def receive_message(self) -> IncomingMessage:
        """The next DIMSE message; its data set (if any) streams from ``data``.

        Raises
        ------
        AssociationReleased
            The peer released the association (it was answered).
        AssociationAborted
            Either side aborted, the connection was lost, or the peer broke the protocol.
        NetworkTimeout
            No message within ``Timeouts.dimse`` (the association is aborted).
        """
        if self._data_open and self._data is not None:
            async for _ in self._data:  # the previous data set was not read to its end
                pass
        parts: list[bytes] = []
        context_id = -1
        while True:
            pdv = await self._next_pdv(self._timeouts.dimse if not parts
                                       else self._timeouts.network)
            if not pdv.is_command:
                raise await self._protocol_abort("data set PDV where a command was expected")
            if context_id < 0:
                context_id = pdv.context_id
                if context_id not in self.contexts:
                    raise await self._protocol_abort(
                        f"PDV for presentation context {context_id}, which is not accepted")
            elif pdv.context_id != context_id:
                raise await self._protocol_abort("command fragments on two contexts")
            parts.append(pdv.fragment)
            if pdv.is_last:
                break
        command = b"".join(parts)
        data: AsyncIterator[bytes] | None = None
        if _has_data_set(command):
            data = self._data = self._data_stream(context_id)
            self._data_open = True
        return IncomingMessage(context_id, command, data)

    # ----------------------------------------------------------------- sending

    @property
    def max_fragment(self) -> int:
        """Largest PDV fragment the peer accepts (its Maximum Length, PS3.8 D.1)."""
        if not self.peer_max_pdu:
            return _UNLIMITED_FRAGMENT
        return max(1, self.peer_max_pdu - _PDV_OVERHEAD)

    async def _pdata(self, context_id: int, command: bool, fragment: bytes, last: bool) -> None:
        if self._ended is not None:
            raise self._ended
        if not self._sm.expects("Evt9"):
            raise NetworkError(f"cannot send P-DATA in state {self._sm.state}",
                               peer=self.peer_address)
        self._sm.handle("Evt9")
        try:
            await self._conn.send(encode_pdata(context_id, command, last, fragment),
                                  self._timeouts.network)
        except ConnectionClosed:
            raise await self._lost() from None

    async def _send_fragments(self, context_id: int, command: bool,
                              source: bytes | AsyncIterable[bytes]) -> None:
        size = self.max_fragment
        if isinstance(source, (bytes, bytearray, memoryview)):
            view = memoryview(source)
            total = len(view)
            if total == 0:
                await self._pdata(context_id, command, b"", True)
            for offset in range(0, total, size):
                await self._pdata(context_id, command, bytes(view[offset:offset + size]),
                                  offset + size >= total)
            return
        buffer = bytearray()
        async for chunk in source:
            buffer += chunk
            if len(buffer) > size:
                cut = (len(buffer) - 1) // size * size  # keep at least one byte for the end
                for offset in range(0, cut, size):
                    await self._pdata(context_id, command, bytes(buffer[offset:offset + size]),
                                      False)
                del buffer[:cut]
        await self._pdata(context_id, command, bytes(buffer), True)

    async def send_message(self, context_id: int, command: bytes,
                           data: bytes | AsyncIterable[bytes] | None = None) -> None:
        """Send a command set and optional data set, fragmented to the peer's maximum PDU.

        ``data`` may be bytes or an async iterable of chunks (streamed, never held whole).
        """
        if context_id not in self.contexts:
            raise NetworkError(f"presentation context {context_id} is not accepted",
                               peer=self.peer_address)
        async with self._send_lock:
            await self._send_fragments(context_id, True, command)
            if data is not None:
                await self._send_fragments(context_id, False, data)

    # ----------------------------------------------------------------- release and abort

    async def release(self) -> None:
        """Release the association (A-RELEASE, PS3.8 7.2), release collisions included."""
        if self._sm.state == "Sta1" or self._ended is not None:
            return
        async with self._send_lock:
            self._sm.handle("Evt11")
            await self._conn.send(encode_pdu(AReleaseRQ()), self._timeouts.network)
        try:
            while True:
                action, _ = await self._read_event(self._timeouts.acse)
                if action == "AR-3":  # A-RELEASE-RP received
                    await self._conn.aclose()
                    break
                if action == "AR-8" and self._sm.state == "Sta9":  # collision, requestor side
                    self._sm.handle("Evt14")
                    await self._conn.send(encode_pdu(AReleaseRP()), self._timeouts.network)
                elif action == "AR-10":  # collision, acceptor side: now answer
                    self._sm.handle("Evt14")
                    await self._conn.send(encode_pdu(AReleaseRP()), self._timeouts.network)
                    await self._linger_and_close()
                    break
                # AR-6 (P-DATA after our request) is dropped; AR-8 on the acceptor side waits
        except NetworkTimeout:
            await self.abort()
            raise
        except ConnectionClosed:
            raise await self._lost() from None
        self._end(AssociationReleased("released", peer=self.peer_address))

    async def abort(self, source: int = 0, reason: int = 0) -> None:
        """Abort the association (A-ABORT, PS3.8 7.3); idempotent."""
        if self._sm.state in ("Sta1", "Sta13") or self._conn.closed:
            await self._conn.aclose()
            return
        action = self._sm.handle("Evt15")
        if action == "AA-1":
            await self._send_abort(source, reason)
        await self._conn.aclose()
        self._end(AssociationAborted(source, reason, detail="aborted locally",
                                     peer=self.peer_address))

    async def __aenter__(self) -> Association:
        return self

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc is None:
            await self.release()
        else:
            await self.abort()

    # ----------------------------------------------------------------- negotiation

    def _apply_ac(self, rq: AAssociateRQ, ac: AAssociateAC,
                  proposed: Sequence[PresentationContext]) -> None:
        by_id = {pc.id: pc for pc in proposed}
        self.requested = list(proposed)
        self.called_ae, self.calling_ae = rq.called_ae, rq.calling_ae
        for result in ac.contexts:
            pc = by_id.get(result.id)
            if pc is None:
                continue
            accepted = AcceptedContext(result.id, pc.abstract_syntax, result.transfer_syntax,
                                       result.result)
            self.results[result.id] = accepted
            if result.result == 0:
                self.contexts[result.id] = accepted
        self.peer_max_pdu = ac.user.max_length or 0
        self.peer_implementation_class_uid = ac.user.implementation_class_uid
        self.peer_implementation_version_name = ac.user.implementation_version_name
        self.user_identity_response = ac.user.identity_ac
        self.roles = {r.sop_class_uid: (r.scu_role, r.scp_role) for r in ac.user.roles}
        self.sop_class_extended = dict(ac.user.extended)
        self.sop_class_common_extended = list(rq.user.common_extended)
        self.async_ops = ac.user.async_ops or (1, 1)

    def _negotiate(self, rq: AAssociateRQ, policy: AcceptPolicy) -> AAssociateAC:
        """Build the A-ASSOCIATE-AC for ``rq`` and record the outcome (PS3.8 9.3.3)."""
        contexts: list[PresentationContextAC] = []
        for pc in rq.contexts:
            syntax = ""
            if policy.abstract_syntaxes is not None and (
                    pc.abstract_syntax not in policy.abstract_syntaxes):
                result = _ABSTRACT_SYNTAX_NOT_SUPPORTED
            else:
                if policy.transfer_syntaxes is None:
                    syntax = next((t for t in pc.transfer_syntaxes if t in TRANSFER_SYNTAXES), "")
                else:
                    syntax = next((t for t in policy.transfer_syntaxes
                                   if t in pc.transfer_syntaxes), "")
                result = 0 if syntax else _TRANSFER_SYNTAXES_NOT_SUPPORTED
            contexts.append(PresentationContextAC(pc.id, result,
                                                  syntax or (pc.transfer_syntaxes or ("",))[0]))
            self.requested.append(PresentationContext(pc.id, pc.abstract_syntax,
                                                      pc.transfer_syntaxes))
            accepted = AcceptedContext(pc.id, pc.abstract_syntax, syntax, result)
            self.results[pc.id] = accepted
            if result == 0:
                self.contexts[pc.id] = accepted
        accepted_classes = {c.abstract_syntax for c in self.contexts.values()}
        user = UserInformation(max_length=policy.max_pdu,
                               implementation_class_uid=IMPLEMENTATION_CLASS_UID,
                               implementation_version_name=IMPLEMENTATION_VERSION_NAME)
        for role in rq.user.roles:
            if role.sop_class_uid not in accepted_classes:
                continue
            scu, scp = (policy.role_selection(role.sop_class_uid, role.scu_role, role.scp_role)
                        if policy.role_selection else (role.scu_role, role.scp_role))
            scu, scp = scu and role.scu_role, scp and role.scp_role
            user.roles.append(RoleSelection(role.sop_class_uid, scu, scp))
            self.roles[role.sop_class_uid] = (scu, scp)
        self.sop_class_extended = dict(rq.user.extended)
        if policy.sop_class_extended is not None:
            for uid, info in rq.user.extended.items():
                answer = policy.sop_class_extended(uid, info)
                if answer is not None:
                    user.extended[uid] = answer
        self.sop_class_common_extended = list(rq.user.common_extended)
        if rq.user.async_ops is not None:
            user.async_ops = policy.async_ops
            self.async_ops = (min(rq.user.async_ops[0] or 65535, policy.async_ops[1] or 65535),
                              min(rq.user.async_ops[1] or 65535, policy.async_ops[0] or 65535))
        if self.user_identity is not None and self.user_identity.positive_response_requested:
            user.identity_ac = self.user_identity_response or b""
        return AAssociateAC(rq.called_ae, rq.calling_ae, rq.application_context, contexts, user)

    def _user_check(self, rq: AAssociateRQ, policy: AcceptPolicy) -> tuple[int, int, int] | None:
        """The A-ASSOCIATE-RJ (result, source, reason) for ``rq``, or None to accept."""
        if rq.application_context != uids.DICOMApplicationContext:
            return (1, 1, 2)  # application-context-name-not-supported
        if policy.ae_title is not None and rq.called_ae != policy.ae_title:
            return (1, 1, 7)  # called-AE-title-not-recognized
        if policy.calling_ae_titles is not None and rq.calling_ae not in policy.calling_ae_titles:
            return (1, 1, 3)  # calling-AE-title-not-recognized
        ident = rq.user.identity_rq
        if ident is not None:
            self.user_identity = UserIdentity(ident.identity_type, ident.primary_field,
                                              ident.secondary_field,
                                              ident.positive_response_requested)
            if policy.authenticate is not None:
                verdict = policy.authenticate(self.user_identity)
                if verdict is False:
                    return (1, 1, 1)
                if isinstance(verdict, bytes):
                    self.user_identity_response = verdict
        elif policy.require_user_identity:
            return (1, 1, 1)
        return None


# --------------------------------------------------------------------------- requestor

def _check_contexts(contexts: Sequence[PresentationContext]) -> None:
    ids = [pc.id for pc in contexts]
    if not ids or len(set(ids)) != len(ids) or any(i % 2 == 0 or not 0 < i < 256 for i in ids):
        raise NetworkError("presentation context IDs must be unique odd numbers 1-255 "
                           f"(PS3.8 9.3.2.2), got {ids}")


async def associate(host: str, port: int, *, called_ae: str, calling_ae: str = "DICOMKIT",
                    contexts: Sequence[PresentationContext], max_pdu: int = DEFAULT_MAX_PDU,
                    user_identity: UserIdentity | None = None,
                    ssl_context: ssl.SSLContext | None = None, timeouts: Timeouts = Timeouts(),
                    async_ops: tuple[int, int] | None = None,
                    sop_class_extended: Mapping[str, bytes] | None = None,
                    sop_class_common_extended: Sequence[CommonExtendedNegotiation] = (),
                    server_hostname: str | None = None) -> Association:
    """Request an association (PS3.8 7.1) and return it established.

    Raises
    ------
    AssociationRejected
        The peer answered A-ASSOCIATE-RJ (its result, source and reason spelled out).
    AssociationAborted
        The peer aborted or broke the protocol during establishment.
    NetworkTimeout, NetworkError
        Connection or response timed out or failed.
    """
    _check_contexts(contexts)
    sm = StateMachine(requestor=True, artim=timeouts.artim)
    sm.handle("Evt1")  # AE-1: open the transport connection
    try:
        conn = await transport.connect(host, port, ssl_context=ssl_context,
                                       server_hostname=server_hostname, timeout=timeouts.connect)
    except NetworkError:
        sm.handle("Evt17")
        raise
    sm.handle("Evt2")  # AE-2: send A-ASSOCIATE-RQ
    user = UserInformation(max_length=max_pdu, implementation_class_uid=IMPLEMENTATION_CLASS_UID,
                           implementation_version_name=IMPLEMENTATION_VERSION_NAME,
                           async_ops=async_ops, extended=dict(sop_class_extended or {}),
                           common_extended=list(sop_class_common_extended))
    for pc in contexts:
        if pc.scu_role is not None or pc.scp_role is not None:
            user.roles.append(RoleSelection(pc.abstract_syntax, bool(pc.scu_role),
                                            bool(pc.scp_role)))
    if user_identity is not None:
        user.identity_rq = UserIdentityRQ(user_identity.identity_type,
                                          user_identity.positive_response_requested,
                                          user_identity.primary, user_identity.secondary)
    rq = AAssociateRQ(called_ae, calling_ae, uids.DICOMApplicationContext,
                      [PresentationContextRQ(pc.id, pc.abstract_syntax, pc.transfer_syntaxes)
                       for pc in contexts], user)
    assoc = Association(conn, sm, local_max_pdu=max_pdu, timeouts=timeouts)
    assoc.user_identity = user_identity
    try:
        await conn.send(encode_pdu(rq), timeouts.network)
        action, pdu = await assoc._read_event(timeouts.acse)
    except NetworkTimeout:
        await assoc.abort()
        raise
    except ConnectionClosed:
        raise await assoc._lost() from None
    if action == "AE-4" and isinstance(pdu, AAssociateRJ):
        await conn.aclose()
        raise AssociationRejected(pdu.result, pdu.source, pdu.reason, peer=conn.peer)
    if not isinstance(pdu, AAssociateAC):  # pragma: no cover - the table leaves no other way
        await assoc.abort()
        raise NetworkError(f"unexpected {type(pdu).__name__}", peer=conn.peer)
    assoc._apply_ac(rq, pdu, contexts)
    return assoc


# --------------------------------------------------------------------------- acceptor

class _Counter:
    def __init__(self) -> None:
        self.value = 0


async def _accept(conn: transport.Connection, policy: AcceptPolicy, timeouts: Timeouts,
                  counter: _Counter) -> Association | None:
    """Sta2 to Sta6: read the A-ASSOCIATE-RQ under ARTIM and answer it."""
    sm = StateMachine(requestor=False, artim=timeouts.artim)
    sm.handle("Evt5")  # AE-5: ARTIM started
    if timeouts.dimse is None:
        timeouts = dataclasses.replace(timeouts, dimse=timeouts.idle)
    assoc = Association(conn, sm, local_max_pdu=policy.max_pdu or policy.max_pdu_cap,
                        timeouts=timeouts)
    limit_reached = [False]

    def provider_ok(rq: AAssociateRQ) -> bool:
        limit_reached[0] = counter.value >= policy.max_associations
        return bool(rq.protocol_version & 1) and not limit_reached[0]

    try:
        action, pdu = await assoc._read_event(sm.artim_remaining(), provider_ok)
    except NetworkTimeout:
        sm.handle("Evt18")  # ARTIM expired: AA-2, close
        await conn.aclose()
        return None
    except NetworkError:
        return None
    if not isinstance(pdu, AAssociateRQ):
        await conn.aclose()
        return None
    if action == "AE-6" and sm.state == "Sta13":
        rj = AAssociateRJ(2, 3, 2) if limit_reached[0] else AAssociateRJ(1, 2, 2)
        await _send_quietly(conn, encode_pdu(rj))
        await assoc._linger_and_close()
        return None
    counter.value += 1
    assoc.calling_ae, assoc.called_ae = pdu.calling_ae, pdu.called_ae
    assoc.peer_max_pdu = pdu.user.max_length or 0
    assoc.peer_implementation_class_uid = pdu.user.implementation_class_uid
    assoc.peer_implementation_version_name = pdu.user.implementation_version_name
    try:
        verdict = assoc._user_check(pdu, policy)
    except Exception:  # an authenticate callback that fails rejects
        log.exception("user identity check failed")
        verdict = (1, 1, 1)
    if verdict is not None:
        counter.value -= 1
        sm.handle("Evt8")  # AE-8: A-ASSOCIATE-RJ, ARTIM
        await _send_quietly(conn, encode_pdu(AAssociateRJ(*verdict)))
        await assoc._linger_and_close()
        return None
    ac = assoc._negotiate(pdu, policy)
    sm.handle("Evt7")  # AE-7: A-ASSOCIATE-AC
    try:
        await conn.send(encode_pdu(ac), timeouts.network)
    except NetworkError:
        counter.value -= 1
        await conn.aclose()
        return None
    return assoc


async def _send_quietly(conn: transport.Connection, data: bytes) -> None:
    try:
        await conn.send(data, 5.0)
    except NetworkError:
        pass


async def _finish(assoc: Association, timeouts: Timeouts) -> None:
    """After the handler returned with the association still up: await the peer's release."""
    if not assoc.is_established:
        return
    try:
        with anyio.fail_after(timeouts.acse):
            await assoc.receive_message()
        await assoc.abort()  # a message the handler will not read
    except (AssociationReleased, AssociationAborted):
        pass
    except (TimeoutError, NetworkError):
        await assoc.abort()


async def serve(host: str, port: int, *, policy: AcceptPolicy,
                handler: Callable[[Association], Awaitable[None]],
                ssl_context: ssl.SSLContext | None = None, timeouts: Timeouts = Timeouts(),
                task_status: TaskStatus[tuple[str, int]] = anyio.TASK_STATUS_IGNORED) -> None:
    """Accept associations on ``host:port`` until cancelled; each runs ``handler``.

    ``task_status.started`` receives the (host, port) listened on (useful with port 0).  A
    handler that raises aborts its association; the server stays up.  Peers that connect and
    send nothing are closed when ARTIM expires; requests beyond ``policy.max_associations``
    are rejected transiently (local-limit-exceeded, PS3.8 Table 9-21).
    """
    listener = await transport.listen(host, port, ssl_context=ssl_context,
                                      handshake_timeout=timeouts.connect or 30.0)
    counter = _Counter()

    async def on_connection(conn: transport.Connection) -> None:
        assoc: Association | None = None
        try:
            assoc = await _accept(conn, policy, timeouts, counter)
            if assoc is None:
                return
            try:
                await handler(assoc)
            except (AssociationReleased, AssociationAborted):
                pass
            except Exception:
                log.exception("association handler failed; aborting %s", conn.peer)
                await assoc.abort()
            else:
                await _finish(assoc, timeouts)
        except Exception:  # never let one connection take the server down
            log.exception("connection from %s failed", conn.peer)
        finally:
            if assoc is not None:
                counter.value -= 1
            await conn.aclose()

    try:
        task_status.started(listener.address)
        await listener.serve(on_connection)
    finally:
        with anyio.CancelScope(shield=True):
            await listener.aclose()
