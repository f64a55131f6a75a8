"""Validation on a Dask LocalCluster of 2 worker processes gives what one process gives."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dicomkit.validate import validate
from tests.conftest import missing
from tests.samples import samples

pytestmark = pytest.mark.slow  # starts worker processes


def _files() -> list[str]:
    return [str(p) for p in sorted(samples("*.dcm"))[:40]]


@pytest.fixture(scope="module")
def dask_available() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        missing("dask[distributed]")


@pytest.mark.usefixtures("dask_available")
def test_dask_local_cluster_of_two_workers_gives_the_single_process_findings() -> None:
    from dicomkit.validate.dask import validate_on_dask

    files = _files()
    single = [validate(f).to_dict() for f in files]
    distributed = [r.to_dict() for r in validate_on_dask(files, workers=2, chunk=7)]
    assert [r["source"] for r in distributed] == files
    assert distributed == single


@pytest.mark.usefixtures("dask_available")
def test_cli_workers_on_dask_resume_gives_the_same_totals(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from dicomkit.cli.main import main

    files = _files()
    main(["validate", *files])
    one_go = capsys.readouterr().out.splitlines()[-1]
    store = str(tmp_path / "run.sqlite")
    main(["validate", "--results", store, *files[:13]])  # stopped after 13 files
    capsys.readouterr()
    main(["validate", "--workers", "2", "--results", store, *files])
    assert capsys.readouterr().out.splitlines()[-1] == one_go


@pytest.mark.usefixtures("dask_available")
def test_an_unreachable_scheduler_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    from dicomkit.cli.main import main

    assert main(["validate", "--scheduler", "tcp://127.0.0.1:9", *_files()[:2]]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


_RUN = "import sys; from dicomkit.cli.main import main; sys.exit(main(sys.argv[1:]))"


def _corpus(folder: Path, count: int) -> list[str]:
    """``count`` copies of the small pydicom samples (under 64 kB), each at its own path, with
    the sample's modification time (copy2), so that a run over them takes several batches."""
    small = [p for p in sorted(samples("*.dcm")) if p.stat().st_size < 65536]
    out = []
    for i in range(count):
        src = small[i % len(small)]
        dst = folder / f"{i:05d}_{src.name}"
        shutil.copy2(src, dst)
        out.append(str(dst))
    return out


def _rows(store: Path) -> int:
    """Rows committed in the store so far, read as a second process would (0 while absent)."""
    if not store.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True,
                                                timeout=1)) as db:
            return int(db.execute("SELECT count(*) FROM files").fetchone()[0])
    except sqlite3.OperationalError:  # the table not yet created, or the writer holds a lock
        return 0


@pytest.mark.usefixtures("dask_available")
def test_a_run_killed_with_sigkill_resumes_and_gives_the_single_process_totals(
        tmp_path: Path) -> None:
    """Issue 19: ``dicomkit validate --workers 2 --results STORE`` killed (SIGKILL, the CLI and
    its Dask workers) after some batches were committed leaves only whole batches in the store;
    run again with the same store, it validates the rest and prints the totals of one
    single-process run over the same files."""
    from dicomkit.validate.results import BATCH

    files = _corpus(tmp_path, 5 * BATCH + 37)
    single = subprocess.run([sys.executable, "-c", _RUN, "validate", "--quiet", *files],
                            capture_output=True, text=True, check=False)
    assert single.stdout.strip(), single.stderr
    one_go = single.stdout.splitlines()[-1]
    assert one_go.startswith(f"{len(files)} files, ")

    store = tmp_path / "run.sqlite"
    command = [sys.executable, "-c", _RUN, "validate", "--quiet", "--workers", "2",
               "--results", str(store), *files]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # its own group: the workers die with it
    killed_at = 0
    try:
        while proc.poll() is None:
            killed_at = _rows(store)
            if killed_at >= BATCH:
                os.killpg(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None and killed_at < BATCH:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    left = _rows(store)
    assert BATCH <= left < len(files)
    assert left % BATCH == 0  # whole transactions only: no half-written batch

    resumed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert resumed.stdout.strip(), resumed.stderr
    assert resumed.stdout.splitlines()[-1] == one_go
    assert _rows(store) == len(files)
