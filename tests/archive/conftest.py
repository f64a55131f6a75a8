"""Fixtures of the archive tests: a real PostgreSQL server and the index URLs.

Every archive test that takes ``db_url`` runs twice: on SQLite (the default index, a file in the
test's folder) and on PostgreSQL.  The PostgreSQL server is Debian's (``apt-get install -y
postgresql``): one cluster per test session, made with ``initdb`` in a temporary folder and
started with ``pg_ctl`` on a free loopback port (as the ``postgres`` user when the tests run as
root: the server refuses to run as root), stopped and removed at the end; each test gets a new
database in it.  Without PostgreSQL the PostgreSQL runs skip, and fail under
``DICOMKIT_REQUIRE_ALL``.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import missing
from tests.net.peers import dcmtk_peers, free_port

__all__ = ["dcmtk_peers", "db_url", "new_database", "postgres_server"]

HOST = "127.0.0.1"


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` with initdb and pg_ctl, None without one."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0,
                         reverse=True):
        if os.access(f"{folder}/initdb", os.X_OK) and os.access(f"{folder}/pg_ctl", os.X_OK):
            return Path(folder)
    return None


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:  # pragma: no cover - util-linux is part of Debian
        missing("runuser (util-linux), to run PostgreSQL as the postgres user")
    return [str(runuser), "-u", "postgres", "--"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running PostgreSQL cluster: the URL of its ``postgres`` database."""
    bindir = postgres_bin()
    if bindir is None:
        missing("PostgreSQL server (apt-get install -y postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing("psycopg (pip install 'psycopg[binary]')")
    as_user = _as_server_user()
    top = Path(tempfile.mkdtemp(prefix="dicomkit-pg-"))
    if as_user:
        shutil.chown(top, "postgres", "postgres")
    data = top / "data"
    log = top / "server.log"
    run = [*as_user]
    init = subprocess.run([*run, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U",
                           "dicomkit", "-E", "UTF8", "--locale=C", "--no-sync"],
                          capture_output=True, text=True)
    if init.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        pytest.fail(f"initdb failed: {init.stdout}{init.stderr}")
    port = free_port()
    options = (f"-p {port} -k {top} -c listen_addresses={HOST} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    start = subprocess.run([*run, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                            str(log), "-w", "-t", "60", "start"], capture_output=True, text=True)
    if start.returncode != 0:
        text = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(top, ignore_errors=True)
        pytest.fail(f"pg_ctl start failed: {start.stdout}{start.stderr}{text}")
    try:
        yield f"postgresql://dicomkit@{HOST}:{port}/postgres"
    finally:
        subprocess.run([*run, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                        "stop"], capture_output=True)
        shutil.rmtree(top, ignore_errors=True)


def new_database(server: str) -> str:
    """A new empty database on ``server``; its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(server.replace("postgresql://", "postgresql://", 1),
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The index URL of one test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'index.sqlite'}"
    server: str = request.getfixturevalue("postgres_server")
    return new_database(server)
