"""The DICOM upper layer (PS3.8 9): PDUs in and out of a transport connection, driven by the
generated state table.

Every event (a PDU read, a local request, the transport closing, ARTIM expiring) goes through
:class:`~dicomkit.net.statemachine.StateMachine`, which answers with the name of a PS3.8 action
(Table 9-6 to 9-9: ``"AE-1"`` ... ``"AA-8"``); :class:`UpperLayer` performs it with the
coroutine of that name (``_ae_1`` ... ``_aa_8``): nothing else decides what happens.  Actions
that issue an indication or confirmation return the PDU it carries (the association layer
above sees an :class:`~dicomkit.net.pdu.AAssociateAC`, a :class:`~dicomkit.net.pdu.PDataTF`, an
:class:`~dicomkit.net.pdu.AReleaseRQ` ...); abort indications (A-ABORT, A-P-ABORT) are raised
as :class:`~dicomkit.net.errors.AssociationAborted`.

Every PDU read is bounded: the wait for its header by the caller's limit (ARTIM while it runs),
the rest of it by :attr:`Timeouts.pdu_body` (and ARTIM), so a peer that announces a long PDU
and goes silent is dropped.  A-ASSOCIATE PDUs longer than :data:`THREAD_DECODE_BYTES` are
decoded in a worker thread, so that a huge request does not hold up other associations.
"""

from __future__ import annotations

import logging
import ssl
import struct
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import NoReturn

import anyio

from dicomkit.generated.pdus import PDU_TYPES
from dicomkit.generated.upper_layer import ACTIONS
from dicomkit.net import _codes as codes
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
    AAbort,
    AAssociateAC,
    AAssociateRJ,
    AAssociateRQ,
    AReleaseRP,
    AReleaseRQ,
    PDataTF,
    decode_pdu,
    encode_pdu,
)
from dicomkit.net.statemachine import INVALID_EVENT, StateMachine

__all__ = ["THREAD_DECODE_BYTES", "PduObserver", "Timeouts", "UpperLayer"]

#: PDU-level debug log (PDU type, length, peer of every PDU sent and received); enable with
#: ``logging.getLogger("dicomkit.net.pdu").setLevel(logging.DEBUG)``.
pdu_log = logging.getLogger("dicomkit.net.pdu")

#: ``observer(direction, pdu_type, nbytes)``: ``"sent"``/``"received"``, the PDU type
#: (PS3.8 Table 9-11), the bytes of the whole PDU (header included).
PduObserver = Callable[[str, int, int], None]

#: A-ASSOCIATE-RQ/AC PDUs longer than this are decoded in a worker thread (PS3.8 9.3.2).
THREAD_DECODE_BYTES = 1 << 16

_HEADER = struct.Struct(">BxI")
_CODE = {name: code for code, name in PDU_TYPES.items()}
_PDATA = _CODE["P_DATA_TF"]
_RQ = _CODE["A_ASSOCIATE_RQ"]
_AC = _CODE["A_ASSOCIATE_AC"]
#: PDU class -> the event of its arrival (PS3.8 Table 9-10, Evt3 ... Evt16).
_PDU_EVENT: dict[type, str] = {
    AAssociateAC: "Evt3", AAssociateRJ: "Evt4", AAssociateRQ: "Evt6", PDataTF: "Evt10",
    AReleaseRQ: "Evt12", AReleaseRP: "Evt13", AAbort: "Evt16",
}
_RELEASE_RQ = encode_pdu(AReleaseRQ())
_RELEASE_RP = encode_pdu(AReleaseRP())


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
        Waiting for the next message (a response to an outstanding request; on an acceptor
        without ``idle``, the next request).
    network
        Waiting for the rest of a message once it started, and for a send to complete.
    idle
        For an acceptor whose ``dimse`` is None: how long an established association may stay
        silent before it is aborted, so a peer that never sends its next request nor releases
        cannot hold a slot of ``max_associations`` forever (dcmtk's storescp waits forever
        unless given ``--dimse-timeout``; pynetdicom aborts idle associations after its 60 s
        network timeout).  None: wait forever.
    pdu_body
        Waiting for the rest of a PDU once its header arrived (PS3.8 9.3.1): a peer that
        announces a long PDU and then goes silent is aborted after this.  Before the
        association is established, ARTIM's remaining time bounds it too.
    """

    connect: float | None = 30.0
    artim: float = 30.0
    acse: float | None = 30.0
    dimse: float | None = None
    network: float | None = 60.0
    idle: float | None = 300.0
    pdu_body: float | None = 30.0


def _min(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


Action = Callable[[PDU | None], Awaitable[PDU | None]]


class UpperLayer:
    """The upper layer of one association (PS3.8 9.2), requestor or acceptor side.

    Parameters
    ----------
    requestor
        True on the association-requestor side.
    timeouts
        The time limits.
    max_pdata_length
        Largest P-DATA-TF PDU accepted (the Maximum Length we announce, PS3.8 D.1; 0: no
        limit but ``max_other_length``).
    max_other_length
        Largest other PDU accepted (an A-ASSOCIATE-RQ of many contexts is long).
    conn
        The transport connection of an acceptor (a requestor makes its own in AE-1).
    """

    def __init__(self, *, requestor: bool, timeouts: Timeouts, max_pdata_length: int,
                 max_other_length: int = 1 << 20,
                 conn: transport.Connection | None = None) -> None:
        self.sm = StateMachine(requestor=requestor, artim=timeouts.artim)
        self.timeouts = timeouts
        self.max_pdata_length = max_pdata_length
        self.max_other_length = max_other_length
        self._conn = conn
        self.peer: tuple[str, int] = conn.peer if conn is not None else ("", 0)
        #: why the association ended (raised again by any later use), None while it lives
        self.ended: NetworkError | None = None
        #: serialises whole messages on the wire (a message's PDUs are not interleaved)
        self.send_lock = anyio.Lock(fast_acquire=True)  # (no pass through the loop when free)
        #: > 0 while :meth:`hold` holds messages back for one write (see there)
        self._holding = 0
        self._out = b""  # the PDU the next sending action sends
        self._abort: tuple[int, int] = (codes.ABORT_SERVICE_USER,
                                        codes.ABORT_REASON_NOT_SPECIFIED)
        self._detail = ""
        self._connect_to: tuple[str, int, ssl.SSLContext | None, str | None] | None = None
        self._reading = False
        self._actions: dict[str, Action] = {
            name: getattr(self, "_" + name.lower().replace("-", "_")) for name in ACTIONS}
        #: bytes of the PDUs sent and received so far (headers included)
        self.bytes_sent = 0
        self.bytes_received = 0
        #: called for every PDU sent or received (see :data:`PduObserver`), when set
        self.on_pdu: PduObserver | None = None

    # ----------------------------------------------------------------- state

    @property
    def state(self) -> str:
        """The PS3.8 state (``"Sta6"`` while established)."""
        return self.sm.state

    @property
    def connection(self) -> transport.Connection:
        """The transport connection (after AE-1 on a requestor)."""
        if self._conn is None:
            raise NetworkError("not connected", peer=self.peer)
        return self._conn

    def _end(self, exc: NetworkError) -> NetworkError:
        if self.ended is None:
            self.ended = exc
        return self.ended

    async def _fire(self, event: str, pdu: PDU | None = None, *,
                    acceptable: bool = True) -> PDU | None:
        """Apply ``event`` to the state machine and perform the action it names."""
        action = self.sm.handle(event, acceptable=acceptable)
        return await self._actions[action](pdu)

    # ----------------------------------------------------------------- transport helpers

    def _count(self, direction: str, data: bytes) -> None:
        n = len(data)
        if direction == "sent":
            self.bytes_sent += n
        else:
            self.bytes_received += n
        if pdu_log.isEnabledFor(logging.DEBUG):
            code = data[0] if data else 0
            pdu_log.debug("%s %s PDU-length %d %s %s:%s", direction,
                          PDU_TYPES.get(code, f"0x{code:02X}"), n - _HEADER.size,
                          "to" if direction == "sent" else "from", *self.peer)
        if self.on_pdu is not None:
            self.on_pdu(direction, data[0] if data else 0, n)

    async def _send(self, data: bytes, timeout: float | None) -> None:
        try:
            await self.connection.send(data, timeout)
        except ConnectionClosed:
            await self._lost()  # (raises)
        self._count("sent", data)

    async def _lost(self) -> NoReturn:
        """The connection closed under a send: Evt17, and the association ends aborted."""
        await self._fire("Evt17")
        raise self._end(AssociationAborted(codes.ABORT_SERVICE_PROVIDER,
                                           codes.ABORT_REASON_NOT_SPECIFIED,
                                           detail="connection closed", peer=self.peer))

    def cork(self) -> None:
        """Hold the PDUs sent from now on until :meth:`flush` (see ``Connection.cork``)."""
        self.connection.cork()

    def drop_cork(self) -> None:
        """Forget held PDUs (a message that failed half way; the caller aborts)."""
        self.connection.drop_cork()

    async def flush(self) -> None:
        """Send the PDUs held since :meth:`cork` in one write (nothing while :meth:`hold`
        holds them)."""
        if self._holding:
            return
        try:
            await self.connection.uncork(self.timeouts.network)
        except ConnectionClosed:
            await self._lost()

    def hold(self) -> None:
        """Hold whole messages back (until :meth:`release_held`): many small messages, such
        as the Pending responses of a C-FIND, leave in one write instead of one each (one
        system call, one wake-up of the peer).  Held bytes beyond the transport's cork limit
        are written anyway; :meth:`flush_held` sends what is held now.  Calls nest."""
        self._holding += 1
        self.connection.cork()

    async def flush_held(self) -> None:
        """Send the messages held by :meth:`hold` now (it goes on holding)."""
        async with self.send_lock:
            try:
                await self.connection.uncork(self.timeouts.network)
            except ConnectionClosed:
                await self._lost()
            if self._holding:
                self.connection.cork()

    async def release_held(self) -> None:
        """End one :meth:`hold`; the last one sends what is held."""
        self._holding = max(0, self._holding - 1)
        if not self._holding:
            await self.flush_held()

    async def _send_quietly(self, data: bytes) -> None:
        self.connection.drop_cork()  # (an abort: what a message left held goes nowhere)
        try:
            await self.connection.send(data, 5.0)
        except NetworkError:
            return
        self._count("sent", data)

    async def _close(self) -> None:
        if self._conn is not None:
            await self._conn.aclose()

    async def linger(self) -> None:
        """Sta13: wait (until ARTIM expires) for the peer to close, then close (Evt17, Evt18)."""
        if self.sm.state != "Sta13" or self._reading:
            # (a reader elsewhere is waiting on the connection: closing it ends that read)
            if self.sm.state == "Sta13":
                self.sm.handle("Evt17")
            await self._close()
            return
        closed = await self.connection.wait_closed(self.sm.artim_remaining() or 0.0)
        if self.sm.state == "Sta13":
            await self._fire("Evt17" if closed else "Evt18")
        await self._close()

    # ----------------------------------------------------------------- actions (PS3.8 9.2.2)
    # Association establishment (Table 9-6)

    async def _ae_1(self, pdu: PDU | None) -> PDU | None:
        """Issue TRANSPORT CONNECT request primitive to local transport service."""
        assert self._connect_to is not None
        host, port, ssl_context, server_hostname = self._connect_to
        try:
            self._conn = await transport.connect(host, port, ssl_context=ssl_context,
                                                 server_hostname=server_hostname,
                                                 timeout=self.timeouts.connect)
        except NetworkError as exc:
            self.sm.handle("Evt17")  # AA-4 in Sta4: the A-P-ABORT is this error
            raise self._end(exc) from None
        self.peer = self._conn.peer
        return None

    async def _ae_2(self, pdu: PDU | None) -> PDU | None:
        """Send A-ASSOCIATE-RQ-PDU."""
        await self._send(self._out, self.timeouts.network)
        return None

    async def _ae_3(self, pdu: PDU | None) -> PDU | None:
        """Issue A-ASSOCIATE confirmation (accept) primitive."""
        return pdu

    async def _ae_4(self, pdu: PDU | None) -> PDU | None:
        """Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection."""
        await self._close()
        assert isinstance(pdu, AAssociateRJ)
        raise self._end(AssociationRejected(pdu.result, pdu.source, pdu.reason, peer=self.peer))

    async def _ae_5(self, pdu: PDU | None) -> PDU | None:
        """Issue Transport connection response primitive; start ARTIM timer."""
        return None

    async def _ae_6(self, pdu: PDU | None) -> PDU | None:
        """Stop ARTIM; if acceptable issue A-ASSOCIATE indication, else send A-ASSOCIATE-RJ."""
        if self.sm.state == "Sta3":
            return pdu
        await self._send_quietly(self._out)
        return None

    async def _ae_7(self, pdu: PDU | None) -> PDU | None:
        """Send A-ASSOCIATE-AC PDU."""
        await self._send(self._out, self.timeouts.network)
        return None

    async def _ae_8(self, pdu: PDU | None) -> PDU | None:
        """Send A-ASSOCIATE-RJ PDU and start ARTIM timer."""
        await self._send_quietly(self._out)
        return None

    # Data transfer (Table 9-7)

    async def _dt_1(self, pdu: PDU | None) -> PDU | None:
        """Send P-DATA-TF PDU."""
        await self._send(self._out, self.timeouts.network)
        return None

    async def _dt_2(self, pdu: PDU | None) -> PDU | None:
        """Send P-DATA indication primitive."""
        return pdu

    # Association release (Table 9-8)

    async def _ar_1(self, pdu: PDU | None) -> PDU | None:
        """Send A-RELEASE-RQ PDU."""
        await self._send(_RELEASE_RQ, self.timeouts.network)
        return None

    async def _ar_2(self, pdu: PDU | None) -> PDU | None:
        """Issue A-RELEASE indication primitive."""
        return pdu

    async def _ar_3(self, pdu: PDU | None) -> PDU | None:
        """Issue A-RELEASE confirmation primitive, and close transport connection."""
        await self._close()
        return pdu

    async def _ar_4(self, pdu: PDU | None) -> PDU | None:
        """Issue A-RELEASE-RP PDU and start ARTIM timer."""
        await self._send(_RELEASE_RP, self.timeouts.network)
        return None

    async def _ar_5(self, pdu: PDU | None) -> PDU | None:
        """Stop ARTIM timer."""
        await self._close()
        return None

    async def _ar_6(self, pdu: PDU | None) -> PDU | None:
        """Issue P-DATA indication."""
        return pdu

    async def _ar_7(self, pdu: PDU | None) -> PDU | None:
        """Issue P-DATA-TF PDU."""
        await self._send(self._out, self.timeouts.network)
        return None

    async def _ar_8(self, pdu: PDU | None) -> PDU | None:
        """Issue A-RELEASE indication (release collision)."""
        return pdu

    async def _ar_9(self, pdu: PDU | None) -> PDU | None:
        """Send A-RELEASE-RP PDU."""
        await self._send(_RELEASE_RP, self.timeouts.network)
        return None

    async def _ar_10(self, pdu: PDU | None) -> PDU | None:
        """Issue A-RELEASE confirmation primitive."""
        return pdu

    # Association abort (Table 9-9)

    async def _aa_1(self, pdu: PDU | None) -> PDU | None:
        """Send A-ABORT PDU (service-user source) and start (or restart) ARTIM timer."""
        await self._send_quietly(encode_pdu(AAbort(*self._abort)))
        return None

    async def _aa_2(self, pdu: PDU | None) -> PDU | None:
        """Stop ARTIM timer if running.  Close transport connection."""
        await self._close()
        if isinstance(pdu, AAbort):
            self._end(AssociationAborted(pdu.source, pdu.reason, peer=self.peer))
        return None

    async def _aa_3(self, pdu: PDU | None) -> PDU | None:
        """Issue A-ABORT (service-user) or A-P-ABORT (provider) indication; close transport."""
        await self._close()
        assert isinstance(pdu, AAbort)
        raise self._end(AssociationAborted(pdu.source, pdu.reason, peer=self.peer))

    async def _aa_4(self, pdu: PDU | None) -> PDU | None:
        """Issue A-P-ABORT indication primitive."""
        await self._close()
        raise self._end(AssociationAborted(codes.ABORT_SERVICE_PROVIDER,
                                           codes.ABORT_REASON_NOT_SPECIFIED,
                                           detail=self._detail or "connection closed",
                                           peer=self.peer))

    async def _aa_5(self, pdu: PDU | None) -> PDU | None:
        """Stop ARTIM timer."""
        await self._close()
        return None

    async def _aa_6(self, pdu: PDU | None) -> PDU | None:
        """Ignore PDU."""
        return None

    async def _aa_7(self, pdu: PDU | None) -> PDU | None:
        """Send A-ABORT PDU."""
        await self._send_quietly(encode_pdu(AAbort(*self._abort)))
        return None

    async def _aa_8(self, pdu: PDU | None) -> PDU | None:
        """Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and
        start ARTIM timer."""
        source, reason = codes.ABORT_SERVICE_PROVIDER, self._abort[1]
        await self._send_quietly(encode_pdu(AAbort(source, reason)))
        error = self._end(AssociationAborted(source, reason, detail=self._detail,
                                             peer=self.peer))
        await self.linger()
        raise error

    # ----------------------------------------------------------------- reading

    async def _read_pdu(self, timeout: float | None) -> PDU:
        conn = self.connection
        artim = self.sm.artim_remaining()
        header = await conn.peek_exactly(_HEADER.size, _min(timeout, artim))
        code, length = _HEADER.unpack(header)
        if code not in PDU_TYPES:
            raise PDUError("unrecognized PDU type", pdu_type=code, length=length, offset=0)
        limit = self.max_pdata_length if code == _PDATA and self.max_pdata_length else (
            self.max_other_length)
        if length > limit:
            raise PDUError(f"PDU-length over the limit of {limit} bytes", pdu_type=code,
                           length=length, offset=2)
        data = await conn.receive_exactly(_HEADER.size + length,
                                          _min(self.timeouts.pdu_body, artim))
        self._count("received", data)
        if length > THREAD_DECODE_BYTES and code in (_RQ, _AC):
            return await anyio.to_thread.run_sync(decode_pdu, data)
        return decode_pdu(data)

    async def receive(self, timeout: float | None,
                      acceptable: Callable[[AAssociateRQ], bool] | None = None,
                      reject: Callable[[], AAssociateRJ] | None = None) -> PDU:
        """The next indication or confirmation (PS3.8 9.2): its PDU.

        PDUs the table ignores are skipped; an abort (either side), a lost connection or an
        invalid PDU is carried out and raised as :class:`AssociationAborted`.  ``acceptable``
        decides AE-6 for an A-ASSOCIATE-RQ and ``reject`` then gives the A-ASSOCIATE-RJ.

        Raises
        ------
        AssociationAborted, AssociationRejected, NetworkTimeout
            As described; NetworkTimeout leaves the association as it was (the caller aborts)
            unless ARTIM expired (then the connection is closed, Evt18).
        """
        while True:
            if self.ended is not None:
                raise self.ended
            self._reading = True
            try:
                pdu = await self._read_pdu(timeout)
            except PDUError as exc:
                self._reading = False
                await self._invalid(exc)
                continue
            except ConnectionClosed as exc:
                self._reading = False
                self._detail = exc.reason
                if self.sm.state == "Sta1":  # we closed it (a local abort)
                    raise self._end(AssociationAborted(
                        codes.ABORT_SERVICE_PROVIDER, codes.ABORT_REASON_NOT_SPECIFIED,
                        detail=exc.reason, peer=self.peer)) from None
                await self._fire("Evt17")
                raise self._end(AssociationAborted(
                    codes.ABORT_SERVICE_PROVIDER, codes.ABORT_REASON_NOT_SPECIFIED,
                    detail=exc.reason, peer=self.peer)) from None
            except NetworkTimeout:
                self._reading = False
                if self.sm.artim_deadline is not None and not self.sm.artim_remaining():
                    await self._fire("Evt18")
                    raise self._end(NetworkTimeout("ARTIM expired", peer=self.peer)) from None
                raise
            except BaseException:
                self._reading = False
                raise
            self._reading = False
            event = _PDU_EVENT[type(pdu)]
            ok = True
            if isinstance(pdu, AAssociateRQ) and acceptable is not None:
                ok = acceptable(pdu)
                if not ok and reject is not None:
                    self._out = encode_pdu(reject())
            if not self.sm.expects(event):
                self._abort = (codes.ABORT_SERVICE_PROVIDER, codes.ABORT_UNEXPECTED_PDU)
                self._detail = f"unexpected {type(pdu).__name__} in {self.sm.state}"
                await self._fire(INVALID_EVENT)
                await self.linger()
                raise self._end(AssociationAborted(*self._abort, detail=self._detail,
                                                   peer=self.peer))
            # the A-ABORT an abort action of this event sends (AA-1 in Sta2, AA-7, AA-8)
            self._abort = (codes.ABORT_SERVICE_PROVIDER, codes.ABORT_UNEXPECTED_PDU)
            self._detail = f"unexpected {type(pdu).__name__} in {self.sm.state}"
            indication = await self._fire(event, pdu, acceptable=ok)
            if indication is not None:
                return indication
            if self.sm.state == "Sta13":
                await self.linger()
            if self.sm.state == "Sta1":
                raise self._end(AssociationAborted(
                    codes.ABORT_SERVICE_PROVIDER, codes.ABORT_REASON_NOT_SPECIFIED,
                    detail=self._detail or "association closed", peer=self.peer))

    async def wait_data(self, timeout: float | None) -> None:
        """Wait until bytes of the next PDU arrive, consuming nothing (a reader cancelled here
        loses nothing); returns too when the connection closes (the next read says so).

        Raises
        ------
        NetworkTimeout
            Nothing arrived within ``timeout`` seconds.
        """
        self._reading = True
        try:
            await self.connection.peek_exactly(1, timeout)
        except ConnectionClosed:
            return
        finally:
            self._reading = False

    async def _invalid(self, exc: PDUError) -> None:
        """Evt19 (or AE-6 refusing a request that names the A-ASSOCIATE-RJ to send)."""
        exc.peer = self.peer
        reject = getattr(exc, "reject", None)
        if reject is not None and self.sm.state == "Sta2" and exc.pdu_type == _RQ:
            self._out = encode_pdu(AAssociateRJ(*reject))
            await self._fire("Evt6", acceptable=False)  # AE-6: A-ASSOCIATE-RJ, ARTIM
            await self.linger()
            raise self._end(exc)
        reason = getattr(exc, "abort_reason", None)
        if reason is None:
            reason = (codes.ABORT_UNRECOGNIZED_PDU if exc.pdu_type not in PDU_TYPES
                      else codes.ABORT_INVALID_PDU_PARAMETER)
        self._abort = (codes.ABORT_SERVICE_PROVIDER, reason)
        self._detail = exc.reason
        await self._fire(INVALID_EVENT)  # AA-1 (Sta2), AA-8, AA-7 (Sta13)
        await self.linger()
        raise self._end(AssociationAborted(codes.ABORT_SERVICE_PROVIDER, reason,
                                           detail=exc.reason, peer=self.peer)) from exc

    # ----------------------------------------------------------------- service primitives

    async def request_association(self, host: str, port: int, rq: AAssociateRQ, *,
                                  ssl_context: ssl.SSLContext | None = None,
                                  server_hostname: str | None = None) -> AAssociateAC:
        """A-ASSOCIATE request (Evt1, AE-1, Evt2, AE-2) and its confirmation (AE-3/AE-4).

        Raises
        ------
        AssociationRejected
            The peer answered A-ASSOCIATE-RJ.
        AssociationAborted, NetworkTimeout, NetworkError
            The peer aborted, did not answer within ``Timeouts.acse``, or cannot be reached.
        """
        self._connect_to = (host, port, ssl_context, server_hostname)
        self.peer = (host, port)
        await self._fire("Evt1")
        self._out = encode_pdu(rq)
        await self._fire("Evt2")
        try:
            answer = await self.receive(self.timeouts.acse)
        except NetworkTimeout:
            await self.abort()
            raise
        if not isinstance(answer, AAssociateAC):  # pragma: no cover - the table allows none
            await self.abort()
            raise NetworkError(f"unexpected {type(answer).__name__}", peer=self.peer)
        return answer

    async def accept_connection(self, acceptable: Callable[[AAssociateRQ], bool],
                                reject: Callable[[], AAssociateRJ]) -> AAssociateRQ | None:
        """Transport connection indication (Evt5, AE-5) and the A-ASSOCIATE-RQ under ARTIM.

        None when the request was not acceptable to the provider (answered by ``reject()``),
        invalid, or did not come before ARTIM expired; the connection is then closed.
        """
        await self._fire("Evt5")
        try:
            pdu = await self.receive(None, acceptable, reject)
        except NetworkError:
            await self._close()
            return None
        if not isinstance(pdu, AAssociateRQ):  # pragma: no cover - the table allows none
            await self.abort()
            return None
        return pdu

    async def respond_association(self, answer: AAssociateAC | AAssociateRJ) -> None:
        """A-ASSOCIATE response: accept (Evt7, AE-7) or reject (Evt8, AE-8, then ARTIM)."""
        self._out = encode_pdu(answer)
        if isinstance(answer, AAssociateAC):
            await self._fire("Evt7")
            return
        await self._fire("Evt8")
        await self.linger()
        self._end(AssociationRejected(answer.result, answer.source, answer.reason,
                                      peer=self.peer))

    def can_send_data(self) -> bool:
        """True when a P-DATA request is possible in this state (Sta6, Sta8)."""
        return self.ended is None and self.sm.expects("Evt9")

    async def send_pdata(self, data: bytes) -> None:
        """P-DATA request (Evt9: DT-1, or AR-7 after the peer asked to release)."""
        if self.ended is not None:
            raise self.ended
        if not self.sm.expects("Evt9"):
            raise NetworkError(f"cannot send P-DATA in state {self.sm.state}", peer=self.peer)
        self._out = data
        await self._fire("Evt9")

    async def respond_release(self) -> None:
        """A-RELEASE response to the peer's request (Evt14, AR-4), then close (ARTIM)."""
        async with self.send_lock:
            await self._fire("Evt14")
        await self.linger()
        self._end(AssociationReleased("released by the peer", peer=self.peer))

    async def release(self) -> None:
        """A-RELEASE request and its confirmation, release collisions included (PS3.8 7.2)."""
        if self.sm.state == "Sta1" or self.ended is not None:
            return
        async with self.send_lock:
            await self._fire("Evt11")  # AR-1
        try:
            while self.sm.state != "Sta1":
                answer = await self.receive(self.timeouts.acse)
                if isinstance(answer, AReleaseRP):
                    if self.sm.state == "Sta12":  # collision, acceptor side: now answer
                        await self._fire("Evt14")  # AR-4
                        await self.linger()
                    break  # AR-3 closed the connection
                if isinstance(answer, AReleaseRQ) and self.sm.state == "Sta9":
                    await self._fire("Evt14")  # collision, requestor side: AR-9
                # a P-DATA after our request (AR-6) is dropped; Sta10 waits for the RP
        except NetworkTimeout:
            await self.abort()
            raise
        self._end(AssociationReleased("released", peer=self.peer))

    async def abort(self, source: int = codes.ABORT_SERVICE_USER,
                    reason: int = codes.ABORT_REASON_NOT_SPECIFIED, detail: str = "") -> None:
        """A-ABORT request (Evt15: AA-1, then ARTIM; AA-2 before the connection is up)."""
        if self.sm.state in ("Sta1", "Sta13") or (self._conn is not None and self._conn.closed):
            await self._close()
            return
        self._abort = (source, reason)
        self._end(AssociationAborted(source, reason, detail=detail or "aborted locally",
                                     peer=self.peer))
        await self._fire("Evt15")
        await self.linger()
