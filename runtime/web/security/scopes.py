"""Which scope a DICOMweb request needs, from its HTTP method (and path), and which study it
concerns, from its path (PS3.18 10.4-10.6: ``.../studies/{StudyInstanceUID}/...``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["ScopeMap", "study_uid_from_path"]

# A UID is up to 64 characters of digits and dots (PS3.5 9.1).
_STUDY = re.compile(r"/studies/([0-9][0-9.]{0,63})(?=/|$)")


def study_uid_from_path(path: str) -> str | None:
    """The Study Instance UID of a study-level (or lower) resource path, ``None`` for a path
    above the study level (``/studies``, ``/series``, ``/instances``, ``/workitems``)."""
    m = _STUDY.search(path)
    return m.group(1) if m else None


@dataclass(frozen=True)
class ScopeMap:
    """Scope names for reading, writing and deleting, and the methods that need each.

    Parameters
    ----------
    read, write, delete
        The scope names (configurable to match an identity provider's).
    methods
        HTTP method -> ``"read"``, ``"write"`` or ``"delete"``.  Methods not listed are refused
        (403) unless ``admin`` is held.
    paths
        Path prefix (below the mount) -> kind, overriding the method's kind; e.g.
        ``{"/workitems": "write"}``.  The longest matching prefix wins.
    admin
        A scope that allows everything, or ``None``.
    """

    read: str = "dicomweb.read"
    write: str = "dicomweb.write"
    delete: str = "dicomweb.delete"
    methods: Mapping[str, str] = field(default_factory=lambda: {
        "GET": "read", "HEAD": "read", "OPTIONS": "read",
        "POST": "write", "PUT": "write", "PATCH": "write", "DELETE": "delete"})
    paths: Mapping[str, str] = field(default_factory=dict)
    admin: str | None = None

    def required(self, method: str, path: str) -> str | None:
        """The scope a request needs, or ``None`` when its method is not mapped."""
        kind = self.methods.get(method.upper())
        best = -1
        for prefix, k in self.paths.items():
            if path.startswith(prefix) and len(prefix) > best:
                kind, best = k, len(prefix)
        if kind is None:
            return None
        return {"read": self.read, "write": self.write, "delete": self.delete}[kind]

    def allows(self, granted: frozenset[str], method: str, path: str) -> tuple[bool, str]:
        """Whether ``granted`` scopes allow the request, and the scope it needs (``"admin"``'s
        name, or a description, when the method is not mapped)."""
        if self.admin is not None and self.admin in granted:
            return True, self.admin
        needed = self.required(method, path)
        if needed is None:
            return False, self.admin or f"(no scope allows {method.upper()})"
        return needed in granted, needed
