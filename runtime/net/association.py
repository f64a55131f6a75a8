"""An established association: whole DIMSE messages over the upper layer (PS3.8 9.3.5, Annex E).

A message is a command set (kept whole, it is small) and an optional data set streamed as its
PDV fragments arrive, so an SCP can write a data set to disk without holding it.  Messages are
sent fragmented to the peer's Maximum Length (PS3.8 D.1).  Establishment lives in
:mod:`dicomkit.net.client` and :mod:`dicomkit.net.server`, negotiation in
:mod:`dicomkit.net.acse`, the PDUs and the state machine in :mod:`dicomkit.net.ul`; the routing
of messages (one reader, many outstanding requests) in :mod:`dicomkit.net.dimse_provider`.
"""

from __future__ import annotations

import contextlib
import struct
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import anyio

from dicomkit.generated.commands import COMMAND_TAGS
from dicomkit.generated.commands import FIELD_VALUES as COMMAND_VALUES
from dicomkit.net import _codes as codes
from dicomkit.net.acse import (
    DEFAULT_MAX_PDU,
    AcceptedContext,
    AcceptPolicy,
    Negotiated,
    PresentationContext,
    UserIdentity,
)
from dicomkit.net.errors import AssociationAborted, NetworkError, NetworkTimeout
from dicomkit.net.pdu import PDV, AReleaseRQ, PDataTF, encode_pdata, pdata_overhead
from dicomkit.net.ul import Timeouts, UpperLayer

if TYPE_CHECKING:
    from dicomkit.net.dimse_provider import DimseProvider

__all__ = [
    "AcceptPolicy", "AcceptedContext", "Association", "DEFAULT_MAX_PDU", "IncomingMessage",
    "PresentationContext", "Timeouts", "UserIdentity",
]

#: Fragment size when the peer announces no limit (Maximum Length 0, PS3.8 D.1).
_UNLIMITED_FRAGMENT = 1 << 20
_PDV_OVERHEAD = pdata_overhead()
_COMMAND_DATA_SET_TYPE = COMMAND_TAGS["CommandDataSetType"]
#: Command Data Set Type value meaning "no data set" (PS3.7 Table E.1-1: 0101H).
_NO_DATA_SET = COMMAND_VALUES["CommandDataSetType"]["no Data Set is present"]
_ELEMENT_HEADER = struct.Struct("<HHI")


@dataclass(frozen=True)
class IncomingMessage:
    """A received DIMSE message: its command set bytes, and its data set as a fragment stream.

    ``data`` must be consumed (or abandoned) before the next message is read; what is not read
    is discarded by :meth:`Association.receive_message`.
    """

    context_id: int
    command: bytes
    data: AsyncIterator[bytes] | None


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
    """An established association.  Made by :func:`dicomkit.net.associate` and
    :func:`dicomkit.net.serve` (and the application entity's connect and serve).

    The negotiated parameters (:class:`~dicomkit.net.acse.Negotiated`) are attributes:
    ``calling_ae``, ``called_ae``, ``contexts`` (accepted, by ID), ``results`` (all),
    ``peer_max_pdu`` ... ``async_ops``.  ``dimse`` is the running
    :class:`~dicomkit.net.dimse_provider.DimseProvider`, when one reads this association.
    """

    def __init__(self, ul: UpperLayer, negotiated: Negotiated) -> None:
        self.ul = ul
        self.negotiated = negotiated
        self.peer_address = ul.peer
        self.calling_ae = negotiated.calling_ae
        self.called_ae = negotiated.called_ae
        self.local_max_pdu = negotiated.local_max_pdu
        self.peer_max_pdu = negotiated.peer_max_pdu
        self.contexts = negotiated.contexts
        self.results = negotiated.results
        self.requested = negotiated.requested
        self.peer_implementation_class_uid = negotiated.peer_implementation_class_uid
        self.peer_implementation_version_name = negotiated.peer_implementation_version_name
        self.user_identity = negotiated.user_identity
        self.user_identity_response = negotiated.user_identity_response
        self.roles = negotiated.roles
        self.sop_class_extended = negotiated.sop_class_extended
        self.sop_class_common_extended = negotiated.sop_class_common_extended
        self.async_ops = negotiated.async_ops
        self.timeouts = ul.timeouts
        #: the DIMSE provider reading this association, if any
        self.dimse: DimseProvider | None = None
        self._pending: deque[PDV] = deque()
        self._data: AsyncIterator[bytes] | None = None
        self._data_open = False
        # a command being assembled (kept here: a reader cancelled between its PDUs resumes)
        self._parts: list[bytes] = []
        self._context_id = -1

    # ----------------------------------------------------------------- state

    @property
    def state(self) -> str:
        """The current PS3.8 state (``"Sta6"`` while established)."""
        return self.ul.state

    @property
    def is_established(self) -> bool:
        """True while data can be exchanged (Sta6)."""
        return self.ul.state == "Sta6"

    @property
    def is_requestor(self) -> bool:
        """True on the association-requestor side."""
        return self.ul.sm.requestor

    @property
    def can_send(self) -> bool:
        """True while a message can be sent (Sta6, or Sta8 after the peer asked to release)."""
        return self.ul.can_send_data()

    @property
    def ended(self) -> NetworkError | None:
        """Why the association ended (released, aborted, lost), None while it lives."""
        return self.ul.ended

    @property
    def tls(self) -> bool:
        """True when the association runs over TLS."""
        return self.ul.connection.tls

    def peer_certificate(self) -> dict[str, Any] | None:
        """The peer's verified TLS certificate, else None."""
        return self.ul.connection.peer_certificate()

    # ----------------------------------------------------------------- reading

    async def _fill(self, timeout: float | None) -> None:
        """Read PDUs until PDVs are pending; a peer release is answered and raised."""
        while not self._pending:
            indication = await self.ul.receive(timeout)
            if isinstance(indication, PDataTF):
                self._pending.extend(indication.pdvs)
            elif isinstance(indication, AReleaseRQ):  # A-RELEASE indication: answer it
                await self.ul.respond_release()
                assert self.ul.ended is not None
                raise self.ul.ended

    async def _next_pdv(self, timeout: float | None) -> PDV:
        if not self._pending:
            try:
                await self._fill(timeout)
            except NetworkTimeout:
                await self.abort()
                raise
        return self._pending.popleft()

    async def _protocol_abort(self, detail: str) -> NetworkError:
        await self.ul.abort(codes.ABORT_SERVICE_PROVIDER, codes.ABORT_INVALID_PDU_PARAMETER,
                            detail)
        return self.ul.ended or AssociationAborted(
            codes.ABORT_SERVICE_PROVIDER, codes.ABORT_INVALID_PDU_PARAMETER, detail=detail,
            peer=self.peer_address)

    async def _data_stream(self, context_id: int) -> AsyncIterator[bytes]:
        network = self.timeouts.network
        while True:
            pdv = await self._next_pdv(network)
            if pdv.is_command or pdv.context_id != context_id:
                raise await self._protocol_abort(
                    f"PDV for context {pdv.context_id} (command={pdv.is_command}) inside the "
                    f"data set of context {context_id}")
            if pdv.is_last:
                self._data_open = False
            yield pdv.fragment
            if pdv.is_last:
                return

    async def wait_message(self, timeout: float | None) -> None:
        """Wait until the next message starts arriving (nothing is consumed: a reader
        cancelled here loses nothing); NetworkTimeout after ``timeout`` seconds."""
        if self._pending or self._parts or self.ul.ended is not None:
            return
        await self.ul.wait_data(timeout)

    async def receive_message(self, timeout: float | None = None, *,
                              use_default: bool = True) -> IncomingMessage:
        """The next DIMSE message; its data set (if any) streams from ``data``.

        The wait for the message is ``timeout`` (by default ``Timeouts.dimse``), the rest of
        it ``Timeouts.network``.

        Raises
        ------
        AssociationReleased
            The peer released the association (it was answered).
        AssociationAborted
            Either side aborted, the connection was lost, or the peer broke the protocol.
        NetworkTimeout
            No message in time (the association is aborted).
        """
        if self._data_open and self._data is not None:
            async for _ in self._data:  # the previous data set was not read to its end
                pass
        if use_default and timeout is None:
            timeout = self.timeouts.dimse
        parts = self._parts
        while True:
            pdv = await self._next_pdv(timeout if not parts else self.timeouts.network)
            if not pdv.is_command:
                raise await self._protocol_abort("data set PDV where a command was expected")
            if not parts:
                self._context_id = pdv.context_id
                if pdv.context_id not in self.contexts:
                    raise await self._protocol_abort(
                        f"PDV for presentation context {pdv.context_id}, which is not accepted")
            elif pdv.context_id != self._context_id:
                raise await self._protocol_abort("command fragments on two contexts")
            parts.append(pdv.fragment)
            if pdv.is_last:
                break
        command = parts[0] if len(parts) == 1 else b"".join(parts)
        self._parts = []
        context_id = self._context_id
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

    async def _send_fragments(self, context_id: int, command: bool,
                              source: bytes | AsyncIterable[bytes]) -> None:
        size = self.max_fragment
        send = self.ul.send_pdata
        if isinstance(source, (bytes, bytearray, memoryview)):
            if type(source) is bytes and 0 < len(source) <= size:
                # one fragment (a command set, a small data set such as a C-FIND identifier)
                await send(encode_pdata(context_id, command, True, source))
                return
            view = memoryview(source)
            total = len(view)
            if total == 0:
                await send(encode_pdata(context_id, command, True, b""))
            for offset in range(0, total, size):
                await send(encode_pdata(context_id, command, offset + size >= total,
                                        bytes(view[offset:offset + size])))
            return
        buffer = bytearray()
        async for chunk in source:
            buffer += chunk
            if len(buffer) > size:
                cut = (len(buffer) - 1) // size * size  # keep at least one byte for the end
                for offset in range(0, cut, size):
                    await send(encode_pdata(context_id, command, False,
                                            bytes(buffer[offset:offset + size])))
                del buffer[:cut]
        await send(encode_pdata(context_id, command, True, bytes(buffer)))

    async def send_message(self, context_id: int, command: bytes,
                           data: bytes | AsyncIterable[bytes] | None = None) -> None:
        """Send a command set and optional data set, fragmented to the peer's maximum PDU.

        ``data`` may be bytes or an async iterable of chunks (streamed, never held whole).
        """
        if context_id not in self.contexts:
            raise NetworkError(f"presentation context {context_id} is not accepted",
                               peer=self.peer_address)
        ul = self.ul
        async with ul.send_lock:
            ul.cork()  # the message's PDUs leave together (up to the cork's limit)
            try:
                await self._send_fragments(context_id, True, command)
                if data is not None:
                    await self._send_fragments(context_id, False, data)
            except BaseException:
                ul.drop_cork()
                raise
            await ul.flush()

    @contextlib.asynccontextmanager
    async def holding(self) -> AsyncIterator[UpperLayer]:
        """Hold the messages sent inside (by any task) and send them in one write at the end
        (``await ul.flush_held()`` sends what is held before; see
        :meth:`~dicomkit.net.ul.UpperLayer.hold`): for a stream of small messages such as
        C-FIND Pending responses.  On an error the held messages are sent as well (they
        are whole) unless the association is gone
        (within a second)."""
        ul = self.ul
        ul.hold()
        try:
            yield ul
        except BaseException:
            with anyio.CancelScope(shield=True), anyio.move_on_after(1):
                try:
                    await ul.release_held()
                except NetworkError:
                    pass  # the association ended: the error that ended it goes on
            raise
        await ul.release_held()

    # ----------------------------------------------------------------- release and abort

    async def release(self) -> None:
        """Release the association (A-RELEASE, PS3.8 7.2), release collisions included."""
        if self.dimse is not None:
            await self.dimse.stop()
        await self.ul.release()

    async def abort(self, source: int = codes.ABORT_SERVICE_USER,
                    reason: int = codes.ABORT_REASON_NOT_SPECIFIED) -> None:
        """Abort the association (A-ABORT, PS3.8 7.3); idempotent."""
        await self.ul.abort(source, reason)

    async def __aenter__(self) -> Association:
        return self

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc is None:
            await self.release()
        else:
            await self.abort()
