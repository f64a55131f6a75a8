"""The Enumerated Values and Defined Terms of an attribute in a module of PS3.3, from the
generated module tables (:mod:`dicomkit.generated.modules`), for the objects that act on them."""

from __future__ import annotations

from dicomkit.generated import modules

__all__ = ["values_of"]


def _search(table: tuple[object, ...], tag: int, seen: set[str]) -> tuple[str, ...] | None:
    rows = table[3]
    assert isinstance(rows, tuple)
    for row in rows:
        if row[0] == "attr" and row[2] == tag and row[9]:
            return tuple(row[9])
        if row[0] == "include" and row[4] not in seen:  # a macro the module includes
            seen.add(row[4])
            macro = modules.attribute_table(row[4])
            found = _search(macro, tag, seen) if macro is not None else None
            if found is not None:
                return found
    return None


def values_of(module: str, tag: int) -> tuple[str, ...]:
    """The Enumerated Values or Defined Terms of ``tag`` in ``module`` (PS3.3), the macros
    it includes searched too."""
    table = modules.module(module)
    if table is None:
        raise LookupError(f"PS3.3 has no {module} Module in the generated tables")
    found = _search(table, tag, set())
    if found is None:
        raise LookupError(f"PS3.3 {module} Module (Table {table[1]}) lists no values for "
                          f"({tag >> 16:04X},{tag & 0xFFFF:04X})")
    return found
