"""The registry of generated modules: every reader module contributes its ``MODULES`` specs."""

from __future__ import annotations

import importlib

from dicomkit.codegen.emit import ModuleSpec

#: Reader modules (``dicomkit.codegen.readers.<name>``), each exporting ``MODULES``.
READERS = ("commitment", "dcmtk_dic", "part03", "part04", "part04_matching", "part04_qr",
           "part04_ups", "part04_workflow", "part05", "part06", "part07", "part08", "part15_audit",
           "part15_deid", "part03_sr", "part03_dicomdir", "part16", "part18", "query_keys")


def all_specs() -> list[ModuleSpec]:
    """Every module spec, sorted by module name."""
    specs: list[ModuleSpec] = []
    for name in READERS:
        mod = importlib.import_module(f"dicomkit.codegen.readers.{name}")
        specs.extend(mod.MODULES)
    return sorted(specs, key=lambda s: s.name)
