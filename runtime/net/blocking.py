"""Blocking use of the network layer: one association kept open across calls, through an anyio
blocking portal (one event loop thread for the whole association, not one per call)::

    with dicomkit.net.connect("pacs", 104, called_ae="PACS", contexts=[...]) as assoc:
        assoc.echo()
        assoc.store(paths)
        for study in assoc.find(level="STUDY", PatientName="DOE^*"):
            ...
        assoc.move("STORESCP", StudyInstanceUID=uid)
        for response in assoc.request(context_id, message):
            ...
"""

from __future__ import annotations

import contextlib
import os
import ssl
from collections.abc import AsyncIterable, Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import anyio.from_thread

from dicomkit.generated import uids
from dicomkit.net import loop
from dicomkit.net.acse import PresentationContext, UserIdentity
from dicomkit.net.ae import ApplicationEntity
from dicomkit.net.association import Association
from dicomkit.net.dimse import DimseMessage
from dicomkit.net.dimse_provider import Response
from dicomkit.net.ul import Timeouts

if TYPE_CHECKING:
    from dicomkit.core.dataset import Dataset
    from dicomkit.net.services.commitment import CommitmentResult
    from dicomkit.net.services.mpps import MppsResult
    from dicomkit.net.services.qr import Progress, Retrieve, RetrieveResult
    from dicomkit.net.services.storage import StoreResult
    from dicomkit.net.services.ups import UpsClient

__all__ = ["BlockingAssociation", "BlockingUps", "connect"]

_VERIFICATION = PresentationContext(1, uids.Verification, (uids.ImplicitVRLittleEndian,
                                                           uids.ExplicitVRLittleEndian))


class BlockingAssociation:
    """An association driven from blocking code (made by :func:`connect`)."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal, association: Association
                 ) -> None:
        self.portal = portal
        self.association = association

    @property
    def contexts(self) -> dict[int, Any]:
        """The accepted presentation contexts by ID."""
        return self.association.contexts

    def echo(self) -> int:
        """One C-ECHO (PS3.4 A.4); the response's status."""
        from dicomkit.net.services.verification import echo_on

        return self.portal.call(echo_on, self.association)

    def store(self, sources: Iterable[str | os.PathLike[str] | Dataset], **options: Any
              ) -> list[StoreResult]:
        """C-STORE each source over this association
        (:func:`dicomkit.net.services.storage.store_on`)."""
        from dicomkit.net.services.storage import store_on

        async def run() -> list[StoreResult]:
            return await store_on(self.association, list(sources), **options)

        return self.portal.call(run)

    def request(self, context_id: int, message: DimseMessage,
                data: bytes | AsyncIterable[bytes] | None = None) -> Iterator[Response]:
        """A request's responses, as they come (C-FIND, C-GET, C-MOVE ... pending ones too)."""
        dimse = self.association.dimse
        assert dimse is not None
        stream = dimse.request(context_id, message, data)
        try:
            while True:
                try:
                    yield self.portal.call(stream.__anext__)
                except StopAsyncIteration:
                    return
        finally:
            close = getattr(stream, "aclose", None)
            if close is not None:
                self.portal.call(close)

    def find(self, keys: Mapping[object, Any] | None = None, **options: Any
             ) -> Iterator[Dataset]:
        """A C-FIND's identifiers as they arrive (:func:`dicomkit.net.services.qr.find`,
        same arguments: ``level=``, keywords...); leaving the loop early sends C-CANCEL."""
        from dicomkit.net.services.qr import find

        results = find(self.association, keys, **options)
        with self.portal.wrap_async_context_manager(results):
            while True:
                try:
                    yield self.portal.call(results.__anext__)
                except StopAsyncIteration:
                    return

    def find_worklist(self, keys: Mapping[object, Any] | None = None, **options: Any
                      ) -> Iterator[Dataset]:
        """A Modality Worklist C-FIND's entries as they arrive
        (:func:`dicomkit.net.services.worklist.find_worklist`, same arguments); leaving the
        loop early sends C-CANCEL."""
        from dicomkit.net.services.worklist import find_worklist

        results = find_worklist(self.association, keys, **options)
        with self.portal.wrap_async_context_manager(results):
            while True:
                try:
                    yield self.portal.call(results.__anext__)
                except StopAsyncIteration:
                    return

    def create_mpps(self, attributes: Dataset, **options: Any) -> MppsResult:
        """N-CREATE a Modality Performed Procedure Step
        (:func:`dicomkit.net.services.mpps.create_mpps`, same options)."""
        from dicomkit.net.services.mpps import create_mpps

        async def run() -> MppsResult:
            return await create_mpps(self.association, attributes, **options)

        return self.portal.call(run)

    def set_mpps(self, instance_uid: str, modifications: Dataset) -> MppsResult:
        """N-SET a Modality Performed Procedure Step
        (:func:`dicomkit.net.services.mpps.set_mpps`)."""
        from dicomkit.net.services.mpps import set_mpps

        async def run() -> MppsResult:
            return await set_mpps(self.association, instance_uid, modifications)

        return self.portal.call(run)

    def notify_availability(self, attributes: Dataset, **options: Any) -> str:
        """An Instance Availability Notification N-CREATE
        (:func:`dicomkit.net.services.ian.notify_availability`, same options); its SOP
        Instance UID."""
        from dicomkit.net.services.ian import notify_availability

        async def run() -> str:
            return await notify_availability(self.association, attributes, **options)

        return self.portal.call(run)

    def move(self, destination: str, keys: Mapping[object, Any] | None = None, *,
             progress: Callable[[Progress], None] | None = None, **options: Any
             ) -> RetrieveResult:
        """A C-MOVE to ``destination`` to its end (:func:`dicomkit.net.services.qr.move`);
        ``progress`` is called with each pending response's counts."""
        from dicomkit.net.services.qr import move

        return self._retrieve(move(self.association, destination, keys, **options), progress)

    def get(self, keys: Mapping[object, Any] | None = None, *,
            progress: Callable[[Progress], None] | None = None, **options: Any
            ) -> RetrieveResult:
        """A C-GET to its end (:func:`dicomkit.net.services.qr.get`, ``store=`` a folder or
        a storage handler); ``progress`` as for :meth:`move`."""
        from dicomkit.net.services.qr import get

        return self._retrieve(get(self.association, keys, **options), progress)

    def _retrieve(self, retrieve: Retrieve, progress: Callable[[Progress], None] | None
                  ) -> RetrieveResult:
        with self.portal.wrap_async_context_manager(retrieve):
            while True:
                try:
                    report = self.portal.call(retrieve.__anext__)
                except StopAsyncIteration:
                    break
                if progress is not None:
                    progress(report)
        return retrieve.result

    def commit(self, references: Iterable[tuple[str, str]], *, timeout: float | None,
               **options: Any) -> CommitmentResult:
        """Storage commitment of (SOP class, SOP instance) ``references``, the report waited
        for on this association (PS3.4 J.3;
        :func:`dicomkit.net.services.commitment.request_commitment`, same options)."""
        from dicomkit.net.services.commitment import request_commitment

        refs = list(references)

        async def run() -> CommitmentResult:
            return await request_commitment(self.association, refs, timeout=timeout, **options)

        return self.portal.call(run)

    def ups(self) -> BlockingUps:
        """The Unified Procedure Step operations on this association (PS3.4 Annex CC;
        :class:`dicomkit.net.services.ups.UpsClient`, blocking)."""
        from dicomkit.net.services.ups import UpsClient

        return BlockingUps(self.portal, UpsClient(self.association))

    def release(self) -> None:
        """Release now (the ``with`` block then has nothing left to do)."""
        self.portal.call(self.association.release)

    def abort(self) -> None:
        """Abort now."""
        self.portal.call(self.association.abort)


class BlockingUps:
    """:class:`~dicomkit.net.services.ups.UpsClient` driven from blocking code (made by
    :meth:`BlockingAssociation.ups`): the same methods, same arguments, run on the
    association's event loop thread."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal, client: UpsClient) -> None:
        self.portal = portal
        self.client = client

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        method = getattr(self.client, name)

        async def run() -> Any:
            return await method(*args, **kwargs)

        return self.portal.call(run)

    def create(self, ds: Dataset, uid: str | None = None) -> str:
        """N-CREATE (PS3.4 CC.2.5): the UPS's UID."""
        return str(self._call("create", ds, uid))

    def get(self, uid: str, attributes: Iterable[int] = ()) -> Dataset:
        """N-GET (PS3.4 CC.2.7)."""
        result: Dataset = self._call("get", uid, list(attributes))
        return result

    def set(self, uid: str, changes: Dataset, transaction_uid: str = "") -> int:
        """N-SET (PS3.4 CC.2.6): the status."""
        return int(self._call("set", uid, changes, transaction_uid))

    def find(self, keys: Dataset) -> list[Dataset]:
        """C-FIND (PS3.4 CC.2.8): the matches."""
        result: list[Dataset] = self._call("find", keys)
        return result

    def change_state(self, uid: str, state: str, transaction_uid: str) -> int:
        """N-ACTION Change UPS State (PS3.4 CC.2.1): the status."""
        return int(self._call("change_state", uid, state, transaction_uid))

    def claim(self, uid: str, transaction_uid: str | None = None) -> str:
        """Claim (IN PROGRESS): the Transaction UID."""
        return str(self._call("claim", uid, transaction_uid))

    def complete(self, uid: str, transaction_uid: str) -> int:
        """Change to COMPLETED: the status."""
        return int(self._call("complete", uid, transaction_uid))

    def cancel(self, uid: str, transaction_uid: str) -> int:
        """Change to CANCELED as the performer: the status."""
        return int(self._call("cancel", uid, transaction_uid))

    def request_cancel(self, uid: str, **options: Any) -> int:
        """N-ACTION Request UPS Cancel (PS3.4 CC.2.2): the status."""
        return int(self._call("request_cancel", uid, **options))

    def subscribe(self, receiving_ae: str, uid: str | None = None, **options: Any) -> int:
        """Subscribe (PS3.4 CC.2.3; globally without ``uid``): the status."""
        if uid is None:
            return int(self._call("subscribe", receiving_ae, **options))
        return int(self._call("subscribe", receiving_ae, uid, **options))

    def unsubscribe(self, receiving_ae: str, uid: str | None = None) -> int:
        """Unsubscribe (globally without ``uid``): the status."""
        if uid is None:
            return int(self._call("unsubscribe", receiving_ae))
        return int(self._call("unsubscribe", receiving_ae, uid))

    def suspend_global(self, receiving_ae: str) -> int:
        """Suspend the global subscription: the status."""
        return int(self._call("suspend_global", receiving_ae))


@contextlib.contextmanager
def connect(host: str, port: int, *, called_ae: str, calling_ae: str = "DICOMKIT",
            contexts: Sequence[PresentationContext] | None = None,
            timeouts: Timeouts | None = None, ssl_context: ssl.SSLContext | None = None,
            user_identity: UserIdentity | None = None,
            async_ops: tuple[int, int] | None = None, ae: ApplicationEntity | None = None,
            server_hostname: str | None = None) -> Iterator[BlockingAssociation]:
    """An association for blocking code, released when the block ends (aborted when it
    raises).  ``contexts`` default to Verification; ``ae`` (default: one titled
    ``calling_ae``) serves requests the peer sends on the association."""
    entity = ae or ApplicationEntity(calling_ae, timeouts=timeouts)
    if timeouts is not None:
        entity.timeouts = timeouts
    with anyio.from_thread.start_blocking_portal(
            backend_options=loop.backend_options()) as portal:
        manager = entity.connect(host, port, called_ae=called_ae,
                                 contexts=list(contexts or [_VERIFICATION]),
                                 user_identity=user_identity, ssl_context=ssl_context,
                                 async_ops=async_ops, server_hostname=server_hostname)
        with portal.wrap_async_context_manager(manager) as association:
            yield BlockingAssociation(portal, association)
