"""mypy --strict passes on runtime/ and codegen/ (the house rule), checked in CI.

The import package is assembled from the fixed layout (runtime/ is ``dicomkit``, codegen/ and
generated/ its subpackages), which mypy cannot map from the folders, so the test lays out a tree
of symlinks with the package's real shape and checks that.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_mypy_strict_is_clean_on_runtime_and_codegen(tmp_path: Path) -> None:
    if shutil.which("mypy") is None and subprocess.run(
            [sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode != 0:
        from tests.conftest import missing

        missing("mypy (pip install -e '.[test]')")
    pkg = tmp_path / "dicomkit"
    pkg.mkdir()
    for entry in (PROJECT / "runtime").iterdir():
        if entry.name != "__pycache__":
            (pkg / entry.name).symlink_to(entry)
    (pkg / "codegen").symlink_to(PROJECT / "codegen")
    (pkg / "generated").symlink_to(PROJECT / "generated")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file",
         str(PROJECT / "pyproject.toml"), "--cache-dir", str(tmp_path / ".mypy_cache"),
         "-p", "dicomkit"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-5000:]
