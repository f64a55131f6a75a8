"""The DICOMweb client for blocking code: one :class:`DicomWebClient` kept open across calls on
one event loop thread (an anyio blocking portal), not a new loop per call::

    with BlockingDicomWebClient("http://pacs/dicom-web") as web:
        studies = web.search_studies({"PatientName": "DOE^*"})
        web.retrieve_to("out/", studies[0].StudyInstanceUID)
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import anyio.from_thread

from dicomkit.core.dataset import Dataset
from dicomkit.web.client.client import DicomWebClient, Instance
from dicomkit.web.client.query import Match
from dicomkit.web.client.results import Frame, SearchResults, StoreResult

__all__ = ["BlockingDicomWebClient"]

T = TypeVar("T")


class BlockingDicomWebClient:
    """:class:`DicomWebClient` with blocking methods of the same names and arguments.

    Parameters are those of :class:`DicomWebClient`; ``backend`` is the anyio backend of the
    loop thread (``"asyncio"`` or ``"trio"``).  Close it (or use ``with``) to stop the thread.
    """

    def __init__(self, url: str, *, backend: str = "asyncio", **options: Any) -> None:
        self._closed = False
        self._stack = contextlib.ExitStack()
        self._portal = self._stack.enter_context(
            anyio.from_thread.start_blocking_portal(backend))
        try:
            self.client: DicomWebClient = self._portal.call(
                functools.partial(self._make, url, options))
        except BaseException:
            self._stack.close()
            raise

    @staticmethod
    async def _make(url: str, options: dict[str, Any]) -> DicomWebClient:
        return DicomWebClient(url, **options)

    def __enter__(self) -> BlockingDicomWebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections and stop the loop thread (again: nothing to do)."""
        if self._closed:
            return
        self._closed = True
        try:
            self._portal.call(self.client.aclose)
        finally:
            self._stack.close()

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._portal.call(functools.partial(fn, *args, **kwargs))

    def search_studies(self, match: Match | None = None, **options: Any) -> SearchResults:
        """:meth:`DicomWebClient.search_studies`."""
        result: SearchResults = self._call(self.client.search_studies, match, **options)
        return result

    def search_series(self, match: Match | None = None, **options: Any) -> SearchResults:
        """:meth:`DicomWebClient.search_series`."""
        result: SearchResults = self._call(self.client.search_series, match, **options)
        return result

    def search_instances(self, match: Match | None = None, **options: Any) -> SearchResults:
        """:meth:`DicomWebClient.search_instances`."""
        result: SearchResults = self._call(self.client.search_instances, match, **options)
        return result

    def retrieve(self, study: str, series: str | None = None, instance: str | None = None,
                 **options: Any) -> list[Dataset]:
        """:meth:`DicomWebClient.retrieve`."""
        result: list[Dataset] = self._call(self.client.retrieve, study, series, instance,
                                           **options)
        return result

    def retrieve_to(self, folder: str | os.PathLike[str], study: str, series: str | None = None,
                    instance: str | None = None, **options: Any) -> list[Path]:
        """:meth:`DicomWebClient.retrieve_to`."""
        result: list[Path] = self._call(self.client.retrieve_to, folder, study, series,
                                        instance, **options)
        return result

    def retrieve_metadata(self, study: str, series: str | None = None,
                          instance: str | None = None, **options: Any) -> list[Dataset]:
        """:meth:`DicomWebClient.retrieve_metadata`."""
        result: list[Dataset] = self._call(self.client.retrieve_metadata, study, series,
                                           instance, **options)
        return result

    def retrieve_frames(self, study: str, series: str, instance: str,
                        frames: int | Iterable[int], **options: Any) -> list[Frame]:
        """:meth:`DicomWebClient.retrieve_frames`."""
        result: list[Frame] = self._call(self.client.retrieve_frames, study, series, instance,
                                         list(frames) if not isinstance(frames, int) else frames,
                                         **options)
        return result

    def retrieve_bulkdata(self, uri: str, **options: Any) -> bytes:
        """:meth:`DicomWebClient.retrieve_bulkdata`."""
        result: bytes = self._call(self.client.retrieve_bulkdata, uri, **options)
        return result

    def retrieve_rendered(self, study: str, series: str | None = None,
                          instance: str | None = None, **options: Any) -> bytes:
        """:meth:`DicomWebClient.retrieve_rendered`."""
        result: bytes = self._call(self.client.retrieve_rendered, study, series, instance,
                                   **options)
        return result

    def retrieve_thumbnail(self, study: str, series: str | None = None,
                           instance: str | None = None, **options: Any) -> bytes:
        """:meth:`DicomWebClient.retrieve_thumbnail`."""
        result: bytes = self._call(self.client.retrieve_thumbnail, study, series, instance,
                                   **options)
        return result

    def retrieve_wado_uri(self, study: str, series: str, instance: str, **options: Any) -> bytes:
        """:meth:`DicomWebClient.retrieve_wado_uri`."""
        result: bytes = self._call(self.client.retrieve_wado_uri, study, series, instance,
                                   **options)
        return result

    def store(self, instances: Iterable[Instance], **options: Any) -> StoreResult:
        """:meth:`DicomWebClient.store` (the instances are listed first)."""
        result: StoreResult = self._call(self.client.store, list(instances), **options)
        return result

    # ------------------------------------------------------------------ UPS-RS (PS3.18 11)
    def create_workitem(self, workitem: Dataset, uid: str | None = None) -> str:
        """:meth:`DicomWebClient.create_workitem`."""
        result: str = self._call(self.client.create_workitem, workitem, uid)
        return result

    def retrieve_workitem(self, uid: str) -> Dataset:
        """:meth:`DicomWebClient.retrieve_workitem`."""
        result: Dataset = self._call(self.client.retrieve_workitem, uid)
        return result

    def update_workitem(self, uid: str, changes: Dataset,
                        transaction_uid: str | None = None) -> list[str]:
        """:meth:`DicomWebClient.update_workitem`."""
        result: list[str] = self._call(self.client.update_workitem, uid, changes,
                                       transaction_uid)
        return result

    def change_workitem_state(self, uid: str, state: str, transaction_uid: str) -> list[str]:
        """:meth:`DicomWebClient.change_workitem_state`."""
        result: list[str] = self._call(self.client.change_workitem_state, uid, state,
                                       transaction_uid)
        return result

    def claim_workitem(self, uid: str, transaction_uid: str | None = None) -> str:
        """:meth:`DicomWebClient.claim_workitem`."""
        result: str = self._call(self.client.claim_workitem, uid, transaction_uid)
        return result

    def request_cancellation(self, uid: str, **options: Any) -> list[str]:
        """:meth:`DicomWebClient.request_cancellation`."""
        result: list[str] = self._call(self.client.request_cancellation, uid, **options)
        return result

    def search_workitems(self, match: Match | None = None, **options: Any) -> list[Dataset]:
        """:meth:`DicomWebClient.search_workitems`."""
        result: list[Dataset] = self._call(self.client.search_workitems, match, **options)
        return result

    def subscribe(self, ae: str, workitem: str | None = None, **options: Any) -> str:
        """:meth:`DicomWebClient.subscribe`."""
        result: str = self._call(self.client.subscribe, ae, workitem, **options)
        return result

    def unsubscribe(self, ae: str, workitem: str | None = None, **options: Any) -> None:
        """:meth:`DicomWebClient.unsubscribe`."""
        self._call(self.client.unsubscribe, ae, workitem, **options)

    def suspend_subscription(self, ae: str, **options: Any) -> None:
        """:meth:`DicomWebClient.suspend_subscription`."""
        self._call(self.client.suspend_subscription, ae, **options)
    def store_metadata(self, datasets: Iterable[Dataset], **options: Any) -> StoreResult:
        """:meth:`DicomWebClient.store_metadata` (the data sets are listed first)."""
        result: StoreResult = self._call(self.client.store_metadata, list(datasets), **options)
        return result
