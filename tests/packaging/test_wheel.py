"""The built wheel installs into a fresh virtual environment and works there.

Nothing is downloaded: the wheel is built without build isolation (the running environment's
setuptools and wheel), installed with ``--no-deps --no-index``, and the fresh environment gets
its dependencies from the running environment through a ``.pth`` file naming the running
interpreter's site-packages folders.  That works the same whether pytest runs from a virtual
environment (as the README suggests) or from a base interpreter.  A ``.pth`` line only adds a
folder to ``sys.path``; the ``.pth`` files inside that folder (such as the editable install's
finder of the checkout) are not run, so the wheel's copy of dicomkit is the one imported, which
the test checks.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

from tests.conftest import missing

PROJECT = Path(__file__).resolve().parents[2]

#: what the fresh environment's interpreter reports (one JSON line)
PROBE = """
import json, os, sys
import dicomkit, dicomkit.generated, dicomkit.codegen, dicomkit.generated.vrs as v
import dicomkit.codegen.chtml, dicomkit.codegen.docbook
import anyio, construct, jinja2, lxml, numpy
templates = os.path.join(os.path.dirname(dicomkit.codegen.__file__), "templates")
print(json.dumps({
    "modules": {m.__name__: m.__file__ for m in (dicomkit, dicomkit.generated, dicomkit.codegen)},
    "dependencies": {m.__name__: m.__file__ for m in (anyio, construct, jinja2, lxml, numpy)},
    "editable": sorted([m for m in sys.modules if "__editable__" in m]
                       + [repr(f) for f in sys.meta_path if "editable" in type(f).__module__]),
    "prefix": sys.prefix,
    "length_field": v.VRS["US"].length_field,
    "template": os.path.isfile(os.path.join(templates, "vrs.py.j2")),
}))
"""


def running_site_dirs() -> list[Path]:
    """The folders the running interpreter imports installed packages from, in its order."""
    paths = sysconfig.get_paths()
    found = [paths["purelib"], paths["platlib"], *site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        found.append(site.getusersitepackages())
    out: list[Path] = []
    for p in map(Path, found):
        if p.is_dir() and p not in out:
            out.append(p)
    return out


def source_copy(dest: Path) -> Path:
    """What the wheel is built from, copied out of the checkout (the build writes build/ and
    *.egg-info next to its sources): pyproject.toml, the readme and the package folders."""
    meta = tomllib.loads((PROJECT / "pyproject.toml").read_text("utf-8"))
    dest.mkdir()
    shutil.copy2(PROJECT / "pyproject.toml", dest)
    readme = meta["project"].get("readme")
    if isinstance(readme, str):
        shutil.copy2(PROJECT / readme, dest)
    for folder in sorted(set(meta["tool"]["setuptools"]["package-dir"].values())):
        shutil.copytree(PROJECT / folder, dest / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PIP_INDEX_URL",
                         "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS")}


def pip(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                   check=True, cwd=cwd, env=clean_env())


def test_the_fresh_environment_gets_dependencies_from_the_running_one() -> None:
    dirs = running_site_dirs()
    assert Path(sysconfig.get_paths()["purelib"]) in dirs
    numpy_spec = importlib.util.find_spec("numpy")
    assert numpy_spec is not None and numpy_spec.origin is not None
    assert any(d in Path(numpy_spec.origin).parents for d in dirs), (numpy_spec.origin, dirs)


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_with_its_packages_and_command(tmp_path: Path) -> None:
    for backend in ("setuptools", "wheel"):
        if importlib.util.find_spec(backend) is None:
            missing(f"{backend} in the running environment (the wheel is built without build "
                    "isolation, so that nothing is downloaded)")
    dist = tmp_path / "dist"
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist),
        str(source_copy(tmp_path / "src")), cwd=tmp_path)
    wheels = list(dist.glob("dicomkit-*.whl"))
    assert len(wheels) == 1

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    py = env_dir / "bin" / "python"
    # the wheel first, into an environment that holds nothing yet, then the dependencies' folders
    pip("--python", str(py), "install", "--no-deps", "--no-index", "-q", str(wheels[0]), cwd=tmp_path)
    purelib = Path(subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, env=clean_env()).stdout.strip())
    assert (purelib / "dicomkit" / "__init__.py").is_file()
    (purelib / "running-environment.pth").write_text(
        "".join(f"{d}\n" for d in running_site_dirs()), "utf-8")

    proc = subprocess.run([str(py), "-c", PROBE], check=True, capture_output=True, text=True,
                          cwd=tmp_path, env=clean_env())
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert Path(report["prefix"]) == env_dir
    for name, file in report["modules"].items():
        assert purelib in Path(file).parents, f"{name} imported from {file}, not from the wheel"
    assert report["editable"] == [], "an editable finder of the running environment is active"
    for name, file in report["dependencies"].items():
        assert any(d in Path(file).parents for d in running_site_dirs()), (name, file)
    assert report["length_field"] == 16 and report["template"] is True

    help_text = subprocess.run([str(env_dir / "bin" / "dicomkit"), "codegen", "--help"],
                               check=True, capture_output=True, text=True, cwd=tmp_path,
                               env=clean_env()).stdout
    assert "generate" in help_text and "fetch" in help_text and "diff" in help_text
