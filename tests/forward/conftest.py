"""Fixtures of the store-and-forward tests: the queue URL on SQLite and on a real PostgreSQL
(the archive tests' server, :mod:`tests.archive.pg`), files to forward, and servers playing
misbehaving destinations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.archive.make import instance, uid
from tests.archive.pg import PostgresUnavailable, new_database, postgres_cluster
from tests.conftest import missing
from tests.net.peers import dcmtk_peers

__all__ = ["db_url", "dcmtk_peers", "make_files", "postgres_server"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL cluster: the URL of its ``postgres`` database."""
    try:
        with postgres_cluster() as url:
            yield url
    except PostgresUnavailable as exc:
        missing(str(exc))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The queue URL of one test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'queue.sqlite'}"
    server: str = request.getfixturevalue("postgres_server")
    return new_database(server)


def make_files(folder: Path, count: int, *, modality: str = "CT",
               patient: str = "P1") -> list[Path]:
    """``count`` CT instances (pydicom's CT_small header, new UIDs) written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    study, series = uid(), uid()
    out = []
    for i in range(count):
        p = folder / f"f{i:05d}.dcm"
        p.write_bytes(instance(study, series, uid(), number=i + 1, modality=modality,
                               patient=patient))
        out.append(p)
    return out
