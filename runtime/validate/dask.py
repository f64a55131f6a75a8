"""Validation runs on a Dask cluster: a LocalCluster of processes, or an existing scheduler.

:func:`validate_on_dask` sends the files in chunks to the workers (each worker validates a
chunk with :func:`dicomkit.validate.validate` and returns the reports) and yields the reports in
the order of the paths as their chunks complete, so that a caller can stream them to a results
store (:mod:`dicomkit.validate.results`).  ``scheduler="tcp://host:8786"`` uses a running
cluster (its workers need dicomkit installed and the files at the same paths, a shared file
system); otherwise ``workers`` processes start on this machine, listening on loopback only.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from dicomkit.validate.errors import ValidateConfigError
from dicomkit.validate.report import Report

__all__ = ["validate_on_dask"]


def _chunk(paths: list[str], ignore: tuple[str, ...]) -> list[Report]:
    from dicomkit.validate import validate

    return [validate(p, ignore=ignore) for p in paths]


def validate_on_dask(paths: Iterable[str | os.PathLike[str]], *, workers: int = 2,
                     scheduler: str | None = None, ignore: Iterable[str] = (),
                     chunk: int = 32) -> Iterator[Report]:
    """Validate ``paths`` on Dask; yield their reports in the order of ``paths``.

    Parameters
    ----------
    paths
        The files.
    workers
        Worker processes of the LocalCluster started when no ``scheduler`` is given.
    scheduler
        The address of a running Dask scheduler (``tcp://host:8786``).
    ignore
        Rule ids to drop, as for :func:`dicomkit.validate.validate`.
    chunk
        Files per task.

    Raises
    ------
    ValidateConfigError
        When Dask is not installed (``pip install 'dicomkit[dask]'``) or the scheduler cannot
        be reached.
    """
    try:  # untyped: its objects are used as Any
        dist: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise ValidateConfigError("Dask is not installed: pip install 'dicomkit[dask]'") from exc
    names = [os.fspath(p) for p in paths]
    dropped = tuple(ignore)
    cluster: Any = None
    try:
        if scheduler:
            client = dist.Client(scheduler, timeout="10s")
        else:
            cluster = dist.LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                   processes=True, host="127.0.0.1", dashboard_address=None)
            client = dist.Client(cluster)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise ValidateConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        futures = [client.submit(_chunk, names[i:i + chunk], dropped, pure=False)
                   for i in range(0, len(names), chunk)]
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
