"""pydicom's sample files for the SR tests, from :mod:`tests.samples` (pinned, never downloaded)."""

from __future__ import annotations

from tests.samples import sample_str


def pydicom_sample(name: str) -> str:
    """The path of pydicom's bundled test file ``name``; skips (fails in CI) when it is missing."""
    return sample_str(name)
