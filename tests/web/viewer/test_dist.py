"""find_ohif_dist: the configured folder, $DICOMKIT_OHIF_DIST, npm install folders; a message with
the npm command when nothing is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dicomkit.web.viewer import INSTALL_COMMAND, ViewerNotFoundError, find_ohif_dist
from tests.web.viewer.builds import make_build


@pytest.mark.parametrize("given", ["dist", "package", "prefix", "packed"])
def test_configured_folder_in_each_layout(tmp_path: Path, given: str) -> None:
    if given == "prefix":  # what `npm install --prefix P @ohif/app` makes
        dist = make_build(tmp_path / "node_modules" / "@ohif" / "app")
        folder = tmp_path
    elif given == "packed":  # `npm pack` then `tar xzf` in P: P/package/dist
        dist = make_build(tmp_path / "package")
        folder = tmp_path
    else:
        dist = make_build(tmp_path)
        folder = dist if given == "dist" else tmp_path
    assert find_ohif_dist(folder, environ={}) == dist.resolve()


def test_environment_then_home_cache_then_current_folder_node_modules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env_dist = make_build(tmp_path / "env")
    cwd = tmp_path / "project"
    npm_dist = make_build(cwd / "node_modules" / "@ohif" / "app")
    assert find_ohif_dist(environ={"DICOMKIT_OHIF_DIST": str(env_dist)}, cwd=cwd) == env_dist.resolve()
    assert find_ohif_dist(environ={}, cwd=cwd) == npm_dist.resolve()
    packed = make_build(tmp_path / "home" / ".cache" / "dicomkit" / "ohif" / "package")
    assert find_ohif_dist(environ={}, cwd=cwd) == packed.resolve()


def test_absent_viewer_says_the_npm_command_and_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(ViewerNotFoundError) as info:
        find_ohif_dist(tmp_path / "nothing", environ={})
    message = str(info.value)
    assert INSTALL_COMMAND in message and "npm pack @ohif/app@3.13" in message
    assert str(tmp_path / "nothing" / "dist") in message
    assert info.value.searched[0] == tmp_path / "nothing"


def test_folder_without_app_config_is_not_a_build(tmp_path: Path) -> None:
    dist = make_build(tmp_path)
    (dist / "app-config.js").unlink()
    with pytest.raises(ViewerNotFoundError):
        find_ohif_dist(dist, environ={})
    shutil.rmtree(dist)
