"""Finding an installed build of the OHIF viewer: the npm package ``@ohif/app`` ships a prebuilt
viewer in ``dist/`` (``index.html``, ``app-config.js``, hashed bundles).

Looked for, in order: the folder given (a ``dist`` folder itself, the package's folder, the folder
an ``npm pack`` tarball was unpacked in, or an npm prefix with ``node_modules/@ohif/app``),
``$DICOMKIT_OHIF_DIST``, ``~/.cache/dicomkit/ohif`` (where :data:`INSTALL_COMMAND` unpacks it),
then the npm install folders ``./node_modules`` and the global ``/usr/local/lib`` and ``/usr/lib``
``node_modules``.

The package is fetched with ``npm pack`` and unpacked rather than installed with ``npm install``:
only its ``dist`` is needed, and ``npm install @ohif/app@3.13.2`` fails on a dependency version
missing from the registry (``@ohif/i18n@3.13.2``, ETARGET).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from dicomkit.web.viewer.errors import ViewerNotFoundError

__all__ = ["DEFAULT_PREFIX", "INSTALL_COMMAND", "OHIF_VERSION", "find_ohif_dist"]

#: The OHIF release the viewer mount is made for (its app-config keys, its routes).
OHIF_VERSION = "3.13"
#: Where the install command puts the package.
DEFAULT_PREFIX = Path("~/.cache/dicomkit/ohif")
#: The command that installs the viewer where :func:`find_ohif_dist` looks (``package/dist``).
INSTALL_COMMAND = (f"mkdir -p {DEFAULT_PREFIX} && cd {DEFAULT_PREFIX} && npm pack @ohif/app@{OHIF_VERSION} "
                   "&& tar xzf ohif-app-*.tgz")


def _candidates(folder: Path) -> list[Path]:
    return [folder, folder / "dist", folder / "package" / "dist",
            folder / "node_modules" / "@ohif" / "app" / "dist"]


def find_ohif_dist(path: str | os.PathLike[str] | None = None, *,
                   environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path:
    """The folder of an OHIF viewer build (the one holding ``index.html``).

    Parameters
    ----------
    path
        A configured folder; when given, only it is looked at.
    environ
        The environment (``DICOMKIT_OHIF_DIST``); ``os.environ`` by default.
    cwd
        The folder whose ``node_modules`` is looked at; the current one by default.

    Raises
    ------
    ViewerNotFoundError
        None found; the message lists the folders looked at and the npm command to run.
    """
    env = os.environ if environ is None else environ
    if path is not None:
        candidates = _candidates(Path(path).expanduser())
    else:
        candidates = []
        if env.get("DICOMKIT_OHIF_DIST"):
            candidates += _candidates(Path(env["DICOMKIT_OHIF_DIST"]).expanduser())
        candidates += _candidates(DEFAULT_PREFIX.expanduser())[2:]
        candidates += [root / "node_modules" / "@ohif" / "app" / "dist" for root in (
            cwd or Path.cwd(), Path("/usr/local/lib"), Path("/usr/lib"))]
    searched: list[Path] = []
    for candidate in candidates:
        searched.append(candidate)
        if (candidate / "index.html").is_file() and (candidate / "app-config.js").is_file():
            return candidate.resolve()
    raise ViewerNotFoundError(searched, INSTALL_COMMAND)
