"""Errors of the viewer mount: an OHIF viewer that is not installed, or not usable."""

from __future__ import annotations

from pathlib import Path

from dicomkit.errors import DicomError

__all__ = ["ViewerError", "ViewerNotFoundError"]


class ViewerError(DicomError):
    """The viewer's files cannot be served."""


class ViewerNotFoundError(ViewerError):
    """No OHIF viewer build (a folder with ``index.html``) in any of the places looked at.

    Attributes
    ----------
    searched
        The folders looked at, in order.
    command
        The command that installs it.
    """

    def __init__(self, searched: list[Path], command: str) -> None:
        self.searched = searched
        self.command = command
        where = "\n  ".join(str(p) for p in searched) or "(nowhere: no folder was given)"
        super().__init__(f"the OHIF viewer is not installed; looked for index.html in\n  {where}\n"
                         f"install it with:\n  {command}\n"
                         "or give the folder of its dist/ with --viewer-dir or DICOMKIT_OHIF_DIST")
