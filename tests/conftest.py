"""Shared fixtures: where the DICOM standard is, and the rule that CI never skips silently.

The standard's XML is read from ``$DICOMKIT_STANDARD_DIR`` or ``../shared/dicom-standard``
beside the project.  When it (or a peer a test needs) is missing, tests skip, unless
``DICOMKIT_REQUIRE_ALL=1`` is set (``.ci/run`` sets it), which turns every such skip into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def require_all() -> bool:
    """True when missing prerequisites must fail instead of skip (CI)."""
    return os.environ.get("DICOMKIT_REQUIRE_ALL", "") not in ("", "0")


def missing(what: str) -> None:
    """Skip, or fail under ``DICOMKIT_REQUIRE_ALL``, because ``what`` is not available."""
    if require_all():
        pytest.fail(f"{what} is missing and DICOMKIT_REQUIRE_ALL is set")
    pytest.skip(f"{what} is missing")


def standard_root() -> Path:
    """The folder holding the editions of the standard on hand."""
    env = os.environ.get("DICOMKIT_STANDARD_DIR")
    return Path(env) if env else PROJECT.parent / "shared" / "dicom-standard"


@pytest.fixture(scope="session")
def standard_dir() -> Path:
    """The standard's folder; skips (or fails in CI) when absent."""
    root = standard_root()
    if not root.is_dir():
        missing(f"the DICOM standard folder {root}")
    return root


@pytest.fixture(scope="session")
def part_path(standard_dir: Path):  # type: ignore[no-untyped-def]
    """``part_path("2024c", 7)`` -> the DocBook file; ``part_path("2024c", 7, "chtml")`` -> folder."""

    def get(edition: str, part: int, form: str = "docbook") -> Path:
        if form == "docbook":
            p = standard_dir / edition / f"part{part:02d}.xml"
            ok = p.is_file()
        else:
            p = standard_dir / f"{edition}-chtml" / f"part{part:02d}"
            ok = p.is_dir()
        if not ok:
            missing(f"PS3.{part} {edition} ({form}) at {p}")
        return p

    return get
