"""pydicom's sample files for the SR tests: found once, missing ones reported by tests.conftest."""

from __future__ import annotations


def pydicom_sample(name: str) -> str:
    """The path of pydicom's test file ``name``; skips (fails in CI) when it is not available."""
    import pydicom.data

    path = pydicom.data.get_testdata_file(name)
    if path is None:
        from tests.conftest import missing
        missing(f"pydicom sample {name}")
    return str(path)
