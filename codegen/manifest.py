"""The edition manifest, ``standard/manifest.json``: the sha256 and size of every known part.

``dicomkit codegen fetch`` checks each part it downloads or imports against this file, and records
the parts it did not know, so that a second download of the same edition is verified byte for byte
and a republished or corrupted part is noticed.

Format
------
::

    {
      "editions": {
        "2024c": {
          "parts": {
            "7": {
              "docbook": {"sha256": "<64 lowercase hex digits>", "size": 791545},
              "chtml": {"sha256": "...", "size": 2298118}
            },
            "6": {
              "chtml": {"sha256": "...", "size": 3957440, "missing": ["chapter_6.html"]}
            }
          }
        }
      }
    }

- Editions are keyed by NEMA's name (``2024c``, ``2013``); parts by their number without leading
  zero (``"7"`` for PS3.7); forms are ``docbook`` (one file ``partNN.xml``) and ``chtml`` (the
  chunked XHTML folder ``partNN/``).
- ``sha256`` and ``size`` are those of :func:`dicomkit.codegen.sha.sha256_part` and
  :func:`dicomkit.codegen.sha.size_part`: the file's bytes for DocBook; for chtml, a hash over the
  folder's sorted relative file names, lengths and contents, and the sum of the file sizes.
- ``missing`` (optional, chtml only) lists chunks that other chunks of the folder link to but that
  the recorded copy lacks: the entry then describes an incomplete copy, and a later, more complete
  copy of the same part replaces it instead of being refused.
- Other top-level keys are kept as they are. The file is written atomically (a temporary file in the
  same folder, then a rename) with sorted keys and two-space indentation, so diffs stay small.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.standard import FORMS, project_root

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def manifest_path(project: Path | None = None) -> Path:
    """Where the committed manifest is: ``standard/manifest.json`` of the project checkout."""
    return (project or project_root()) / "standard" / "manifest.json"


@dataclass(frozen=True)
class Entry:
    """What the manifest knows of one part in one edition and form.

    Parameters
    ----------
    sha256
        Lowercase hex sha256 of the part (see :mod:`dicomkit.codegen.sha`).
    size
        Bytes in the part.
    missing
        For an incomplete chtml copy, the chunk files it lacks (sorted); empty when complete.
    """

    sha256: str
    size: int
    missing: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object stored for this entry."""
        out: dict[str, Any] = {"sha256": self.sha256, "size": self.size}
        if self.missing:
            out["missing"] = sorted(self.missing)
        return out


class Manifest:
    """The manifest file, loaded in memory; :meth:`save` writes it back atomically.

    Parameters
    ----------
    path
        The JSON file. A missing file reads as an empty manifest (it is created on save).
    data
        The parsed JSON (use :meth:`load`).
    """

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data: dict[str, Any] = data if data is not None else {"editions": {}}
        self.data.setdefault("editions", {})

    @classmethod
    def load(cls, path: Path | None = None) -> Manifest:
        """Read and validate the manifest; raise :class:`CodegenError` naming the bad entry."""
        path = path or manifest_path()
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CodegenError(f"{path}: cannot read the edition manifest: {exc}; restore it "
                               f"from version control") from exc
        if not isinstance(data, dict) or not isinstance(data.get("editions", {}), dict):
            raise CodegenError(f"{path}: the edition manifest must be an object with an "
                               f"'editions' object; restore it from version control")
        manifest = cls(path, data)
        for edition, part, form in manifest.entries():
            manifest.get(edition, part, form)  # validates
        return manifest

    def entries(self) -> list[tuple[str, int, str]]:
        """Every (edition, part, form) recorded, sorted."""
        out = []
        for edition, ed in self.data["editions"].items():
            parts = ed.get("parts", {}) if isinstance(ed, dict) else {}
            for part, forms in parts.items():
                if not (isinstance(part, str) and part.isdigit()) or not isinstance(forms, dict):
                    raise CodegenError(f"{self.path}: edition {edition}: part key {part!r} must "
                                       f"be a part number mapping forms to entries")
                for form in forms:
                    out.append((edition, int(part), form))
        return sorted(out)

    def editions(self) -> list[str]:
        """The editions named in the manifest, sorted."""
        return sorted(self.data["editions"])

    def get(self, edition: str, part: int, form: str) -> Entry | None:
        """The entry of a part, or None when the manifest does not know it."""
        raw = (self.data["editions"].get(edition, {}).get("parts", {})
               .get(str(part), {}).get(form))
        if raw is None:
            return None
        where = f"{self.path}: editions.{edition}.parts.{part}.{form}"
        if form not in FORMS:
            raise CodegenError(f"{where}: unknown form (expected one of {', '.join(FORMS)})")
        if not isinstance(raw, dict):
            raise CodegenError(f"{where}: expected an object with sha256 and size")
        sha, size, missing = raw.get("sha256"), raw.get("size"), raw.get("missing", [])
        if not isinstance(sha, str) or not _SHA256.match(sha):
            raise CodegenError(f"{where}: sha256 must be 64 lowercase hex digits, got {sha!r}")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise CodegenError(f"{where}: size must be a non-negative integer, got {size!r}")
        if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
            raise CodegenError(f"{where}: missing must be a list of file names")
        return Entry(sha, size, tuple(sorted(missing)))

    def set(self, edition: str, part: int, form: str, entry: Entry) -> None:
        """Record (or replace) the entry of a part; call :meth:`save` to write it."""
        if form not in FORMS:
            raise CodegenError(f"{self.path}: cannot record form {form!r} "
                               f"(expected one of {', '.join(FORMS)})")
        if not _SHA256.match(entry.sha256):
            raise CodegenError(f"{self.path}: refusing to record a malformed sha256 "
                               f"{entry.sha256!r} for PS3.{part} {edition} ({form})")
        ed = self.data["editions"].setdefault(edition, {})
        ed.setdefault("parts", {}).setdefault(str(part), {})[form] = entry.to_json()

    def dumps(self) -> str:
        """The manifest as written: sorted keys, two-space indentation, final newline."""
        return json.dumps(self.data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self) -> None:
        """Write the manifest atomically: a temporary file beside it, then a rename over it."""
        text = self.dumps()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                   dir=self.path.parent)
        try:
            mode = self.path.stat().st_mode & 0o777 if self.path.exists() else 0o644
            os.chmod(tmp, mode)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
