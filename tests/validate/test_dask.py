"""Validation on a Dask LocalCluster of 2 worker processes gives what one process gives."""

from __future__ import annotations

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
