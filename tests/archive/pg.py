"""The archive tests' PostgreSQL (and ``bench/bench_archive.py``'s): one throw-away server of
:func:`tests.pg.postgres_server` (initdb in a temporary folder, pg_ctl on a free loopback
port, as the ``postgres`` user when running as root), and a new database per test."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

from tests.pg import postgres_available, postgres_server


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries (or no psycopg, or no way to run as a non-root user)."""


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A running server: the libpq URL of its ``postgres`` database (user ``postgres``, trust).

    Raises
    ------
    PostgresUnavailable
        What :func:`tests.pg.postgres_available` says is missing.
    RuntimeError
        When initdb or pg_ctl fails (with their output).
    """
    why = postgres_available()
    if why is not None:
        raise PostgresUnavailable(why)
    with postgres_server() as url:  # an SQLAlchemy URL: postgresql+psycopg://...
        yield url.replace("postgresql+psycopg://", "postgresql://", 1)


def new_database(server: str) -> str:
    """A new empty database on ``server`` (a URL from :func:`postgres_cluster`); its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name
