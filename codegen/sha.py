"""Content hashes of source parts: a DocBook file, or a chtml folder as a whole."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    """The sha256 of a file's bytes, as lowercase hex."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sha256_folder(path: Path) -> str:
    """The sha256 of a chtml folder: its sorted relative file names and their contents.

    For each file in sorted order the hash takes the relative POSIX path, a NUL, the file's
    length in decimal, a NUL, and its bytes; so renaming, adding or removing a file changes it.
    """
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        rel = f.relative_to(path).as_posix()
        data = f.read_bytes()
        h.update(rel.encode() + b"\0" + str(len(data)).encode() + b"\0")
        h.update(data)
    return h.hexdigest()


def sha256_part(path: Path) -> str:
    """The sha256 of a part: of the file, or of the folder for the chtml form."""
    return sha256_folder(path) if path.is_dir() else sha256_file(path)


def size_part(path: Path) -> int:
    """Bytes in a part: the file size, or the sum of the folder's files."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size
