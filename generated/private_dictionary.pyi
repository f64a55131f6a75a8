"""dicomkit.generated.private_dictionary: generated from the registries named below; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  dcmtk-private /usr/share/libdcmtk17/private.dic
    sha256 ab0e0823ac0a6db8415bc7b5316814b47e8b9820879897945da9a6769c3da71c
    private data elements
"""

from typing import Final, TypeAlias

PrivateEntry: TypeAlias = tuple[str, str, str, str]

PRIVATE_ELEMENTS: Final[dict[str, dict[int, PrivateEntry]]]
PRIVATE_REPEATERS: Final[dict[str, tuple[tuple[int, int, int, PrivateEntry], ...]]]

def lookup(creator: str, tag: int) -> PrivateEntry | None: ...
