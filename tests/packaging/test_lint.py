"""ruff (configured in pyproject.toml) finds nothing in the hand-written code and tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import missing

PROJECT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        missing("ruff (pip install -e '.[test]')")
    result = subprocess.run([str(ruff), "check", "--output-format", "concise", "codegen", "runtime",
                             "tests", "bench"], cwd=PROJECT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[-4000:]
