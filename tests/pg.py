"""A real PostgreSQL server for tests: :func:`postgres_server` starts one, yields its URL, stops it.

Shared by every test that runs against PostgreSQL (the query push-down, the archive).  The server
is Debian's ``postgresql`` package (``apt-get install -y postgresql``; ``.ci/run`` installs it):
a new cluster made by ``initdb`` in a temporary folder, started with ``pg_ctl`` on a free
loopback port (TCP on 127.0.0.1 only, its socket in the same folder), trust authentication, and
removed with the folder when the context ends.  Run as root (CI containers), the cluster belongs
to the ``postgres`` user (``runuser -u postgres``), since PostgreSQL refuses to run as root.

Usage::

    from tests.pg import postgres_server, postgres_available

    with postgres_server() as url:      # "postgresql+psycopg://postgres@127.0.0.1:5xxxx/postgres"
        engine = sqlalchemy.create_engine(url)

:func:`postgres_available` says why a server cannot be started (None when it can), for tests
to skip -- or fail under ``DICOMKIT_REQUIRE_ALL`` -- through ``tests.conftest.missing``.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SERVER_USER = "postgres"


def _bin_dir() -> Path | None:
    """The folder of the newest installed PostgreSQL's initdb and pg_ctl, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def postgres_available() -> str | None:
    """None when :func:`postgres_server` can start a server, else what is missing."""
    if importlib.util.find_spec("sqlalchemy") is None:
        return "SQLAlchemy (pip install -e '.[test]')"
    if importlib.util.find_spec("psycopg") is None:
        return "psycopg, the PostgreSQL driver (pip install -e '.[test]')"
    b = _bin_dir()
    if b is None or not (b / "pg_ctl").exists():
        return "PostgreSQL server binaries initdb and pg_ctl (apt-get install -y postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(_SERVER_USER)
        except KeyError:
            return f"the {_SERVER_USER!r} user PostgreSQL runs as when tests run as root"
        if shutil.which("runuser") is None:
            return "runuser (util-linux), to start PostgreSQL as the postgres user"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(argv: list[str], *, as_postgres: bool) -> subprocess.CompletedProcess[str]:
    if as_postgres:
        argv = ["runuser", "-u", _SERVER_USER, "--", *argv]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a PostgreSQL server of its own; yield its SQLAlchemy URL; stop and remove it.

    Raises
    ------
    RuntimeError
        When the server binaries are missing (see :func:`postgres_available`) or the cluster
        cannot be made or started (the message holds the server's log).
    """
    why = postgres_available()
    if why is not None:
        raise RuntimeError(f"cannot start PostgreSQL: {why} is missing")
    bindir = _bin_dir()
    assert bindir is not None
    as_postgres = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="dicomkit-pg-"))
    data, log = base / "data", base / "server.log"
    try:
        if as_postgres:
            entry = pwd.getpwnam(_SERVER_USER)
            os.chown(base, entry.pw_uid, entry.pw_gid)
        made = _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                     "-E", "UTF8", "--locale=C", "--no-sync"], as_postgres=as_postgres)
        if made.returncode != 0:
            raise RuntimeError(f"initdb failed: {made.stdout}{made.stderr}")
        port = 0
        for _attempt in range(5):
            port = _free_port()
            options = (f"-p {port} -h 127.0.0.1 -k {base} -F -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off")
            started = _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                            "-w", "-t", "60", "start"], as_postgres=as_postgres)
            if started.returncode == 0:
                break
            time.sleep(0.2)
        else:
            text = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stdout}{started.stderr}{text}")
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                 as_postgres=as_postgres)
    finally:
        shutil.rmtree(base, ignore_errors=True)
