"""The third-party sample files the tests may read: those pydicom ships inside its package.

pydicom can also download a larger external set from the internet (``get_testdata_file`` with
its default ``download=True``, ``get_testdata_files`` merging the cache in ``~/.pydicom``).  Tests
never use that: they would hang on a machine without internet and read different files on a
machine with a cache.  Every file handed out here lies in ``pydicom/data/test_files`` (or
``charset_files``) and is checked against its sha256 in ``tests/pydicom_samples.sha256``, so a
different pydicom release fails loudly instead of testing other bytes.

>>> sample("CT_small.dcm")            # doctest: +SKIP
PosixPath('.../pydicom/data/test_files/CT_small.dcm')
>>> samples("*.dcm")                  # doctest: +SKIP
[PosixPath(...), ...]
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
from pathlib import Path

PINS_FILE = Path(__file__).with_name("pydicom_samples.sha256")


@functools.cache
def _pins() -> dict[str, str]:
    """relative path (``test_files/CT_small.dcm``) -> sha256, as pinned."""
    pins: dict[str, str] = {}
    for line in PINS_FILE.read_text("ascii").splitlines():
        if line and not line.startswith("#"):
            digest, rel = line.split(maxsplit=1)
            pins[rel] = digest
    return pins


def pinned() -> dict[str, str]:
    """Every pinned file: path inside ``pydicom/data`` (``test_files/CT_small.dcm``) -> sha256."""
    return dict(_pins())


@functools.cache
def data_dir() -> Path:
    """pydicom's ``pydicom/data`` folder; skips (fails in CI) without pydicom."""
    try:
        import pydicom.data
    except ImportError:
        from tests.conftest import missing

        missing("pydicom (its bundled sample files)")
        raise AssertionError("unreachable") from None
    return Path(pydicom.data.__file__).resolve().parent


@functools.cache
def _checked(rel: str) -> Path:
    path = data_dir() / rel
    want = _pins().get(rel)
    if want is None:
        raise AssertionError(f"{rel} is not pinned in {PINS_FILE.name}: add its sha256 there")
    if not path.is_file():
        from tests.conftest import missing

        missing(f"pydicom sample {path}")
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != want:
        raise AssertionError(
            f"pydicom sample {path} has sha256 {got}, pinned {want} in {PINS_FILE.name}: "
            "the installed pydicom ships other bytes; re-pin deliberately")
    return path


def sample(name: str, folder: str = "test_files") -> Path:
    """The path of the bundled sample ``name`` (a file name or a path inside ``folder``)."""
    return _checked(f"{folder}/{name}")


def sample_str(name: str, folder: str = "test_files") -> str:
    """:func:`sample` as a ``str``, for APIs that take strings."""
    return str(sample(name, folder))


def samples(pattern: str = "*", folder: str = "test_files", *, recursive: bool = False) -> list[Path]:
    """Every pinned sample of ``folder`` whose file name matches ``pattern``, sorted by path.

    Only the top level of ``folder`` unless ``recursive`` (``test_files/dicomdirtests/...``).
    """
    prefix = f"{folder}/"
    found = []
    for rel in sorted(_pins()):
        if not rel.startswith(prefix):
            continue
        inner = rel[len(prefix):]
        if "/" in inner and not recursive:
            continue
        if fnmatch.fnmatchcase(inner.rsplit("/", 1)[-1], pattern):
            found.append(_checked(rel))
    return found
