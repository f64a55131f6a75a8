"""A throw-away PostgreSQL cluster (Debian's server binaries): made with ``initdb`` in a
temporary folder, started with ``pg_ctl`` on a free loopback port (as the ``postgres`` user
when running as root: the server refuses root), stopped and removed on exit.  Used by the
archive tests' fixture and by ``bench/bench_archive.py``."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.net.peers import free_port

HOST = "127.0.0.1"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries (or no psycopg, or no way to run as a non-root user)."""


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` with initdb and pg_ctl, None without one."""
    def version(p: str) -> int:
        v = p.split("/")[-2]
        return int(v) if v.isdigit() else 0

    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if os.access(f"{folder}/initdb", os.X_OK) and os.access(f"{folder}/pg_ctl", os.X_OK):
            return Path(folder)
    return None


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A running cluster: the URL of its ``postgres`` database (user ``dicomkit``, trust).

    Raises
    ------
    PostgresUnavailable
        Without the server binaries, psycopg or (as root) ``runuser``.
    RuntimeError
        When initdb or pg_ctl fails (with their output).
    """
    bindir = postgres_bin()
    if bindir is None:
        raise PostgresUnavailable("PostgreSQL server (apt-get install -y postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PostgresUnavailable("psycopg (pip install 'psycopg[binary]')") from None
    as_user: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PostgresUnavailable("runuser (util-linux), to run PostgreSQL as postgres")
        as_user = [runuser, "-u", "postgres", "--"]
    top = Path(tempfile.mkdtemp(prefix="dicomkit-pg-"))
    try:
        if as_user:
            shutil.chown(top, "postgres", "postgres")
        data, log = top / "data", top / "server.log"
        init = subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                               "-U", "dicomkit", "-E", "UTF8", "--locale=C", "--no-sync"],
                              capture_output=True, text=True)
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stdout}{init.stderr}")
        port = free_port()
        options = (f"-p {port} -k {top} -c listen_addresses={HOST} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        start = subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                                "-l", str(log), "-w", "-t", "60", "start"],
                               capture_output=True, text=True)
        if start.returncode != 0:
            text = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {start.stdout}{start.stderr}{text}")
        try:
            yield f"postgresql://dicomkit@{HOST}:{port}/postgres"
        finally:
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                            "-w", "stop"], capture_output=True)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def new_database(server: str) -> str:
    """A new empty database on ``server`` (a URL from :func:`postgres_cluster`); its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name
