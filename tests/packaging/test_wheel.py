"""The built wheel installs into a fresh virtual environment and works there."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_with_its_packages_and_command(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist), str(PROJECT)], check=True, cwd=tmp_path)
    wheels = list(dist.glob("dicomkit-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    # System site-packages give the venv the dependencies without a download; the wheel's own
    # copy of dicomkit comes first on sys.path, which the check below makes sure of.
    venv.EnvBuilder(with_pip=False, system_site_packages=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                    "-q", str(wheels[0])], check=True, cwd=tmp_path)
    code = (
        "import dicomkit, dicomkit.generated, dicomkit.codegen, dicomkit.generated.vrs as v;"
        "import dicomkit.codegen.chtml, dicomkit.codegen.docbook;"
        "print(dicomkit.__file__); print(v.VRS['US'].length_field);"
        "import os; t = os.path.dirname(dicomkit.codegen.__file__);"
        "print(os.path.isfile(os.path.join(t, 'templates', 'vrs.py.j2')))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True,
                         cwd=tmp_path, env=env).stdout.split()
    assert out[0].startswith(str(env_dir)), f"dicomkit imported from {out[0]}, not the wheel"
    assert out[1:] == ["16", "True"]
    help_text = subprocess.run([str(env_dir / "bin" / "dicomkit"), "codegen", "--help"],
                               check=True, capture_output=True, text=True, cwd=tmp_path,
                               env=env).stdout
    assert "generate" in help_text and "fetch" in help_text and "diff" in help_text
