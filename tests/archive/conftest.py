"""Fixtures of the archive tests: a real PostgreSQL server and the index URLs.

Every archive test that takes ``db_url`` runs twice: on SQLite (the default index, a file in the
test's folder) and on PostgreSQL.  The PostgreSQL server is Debian's (``apt-get install -y
postgresql``), one cluster per test session (:func:`tests.archive.pg.postgres_cluster`: initdb
in a temporary folder, pg_ctl on a free loopback port, as the ``postgres`` user under root),
stopped and removed at the end; each test gets a new database in it.  Without PostgreSQL the
PostgreSQL runs skip, and fail under ``DICOMKIT_REQUIRE_ALL``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.archive.pg import PostgresUnavailable, new_database, postgres_cluster
from tests.conftest import missing
from tests.net.peers import dcmtk_peers

__all__ = ["dcmtk_peers", "db_url", "new_database", "postgres_server"]


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
    """The index URL of one test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'index.sqlite'}"
    server: str = request.getfixturevalue("postgres_server")
    return new_database(server)
