"""Benchmark: generating dicomkit.generated, and importing it, against pydicom's dictionary.

Run: ``python bench/bench_codegen.py [--repeat N] [--no-generate]``.  Prints seconds to generate
every module from the parts on hand and seconds per MB of XML read (to project the cost of a full
current edition), then import times in fresh interpreters with ``.pyc`` files present (as pip
installs them; kept in a temporary ``PYTHONPYCACHEPREFIX``): the package, the data layer of
issue 2, the PDU schemas and the construct library under them, every module, and pydicom's data
dictionary and UID table (``pydicom.datadict``, ``pydicom.uid``) in the same run, as a ratio.
Targets (issue 2): generation under 20 s; import under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dicomkit.codegen.emit import default_jobs, generate
from dicomkit.codegen.modules import all_specs
from dicomkit.codegen.sha import size_part
from dicomkit.codegen.standard import Standard, locate, project_root

# The modules issue 2 names as the data layer (dictionary, UIDs, VRs, transfer syntaxes, DIMSE
# commands and statuses, the upper-layer state table, character sets), without the PDU schemas,
# whose cost is mostly the construct library's own import (measured on its own line).
DATA_LAYER = ("charsets", "commands", "dictionary", "statuses", "transfer_syntaxes", "uids",
              "upper_layer", "vrs")


def _import_seconds(statement: str, repeat: int, env: dict[str, str]) -> float:
    """Median wall time of ``statement`` in a fresh interpreter (interpreter start excluded)."""
    code = ("import time; t = time.perf_counter(); " + statement +
            "; print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                  text=True, env=env).stdout) for _ in range(repeat)]
    return statistics.median(times)


def _imports(names: list[str]) -> str:
    return "import " + ", ".join(f"dicomkit.generated.{n}" for n in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-generate", action="store_true", help="measure imports only")
    args = parser.parse_args()

    project = project_root()
    if not args.no_generate:
        std = Standard.declared(project)
        sources = {std.source_of(p) for p in std.parts} | set(std.tables.values())
        size = sum(size_part(locate(std.roots, s.edition, s.part, s.form)) for s in sources)
        for jobs in (default_jobs(), 1):
            with tempfile.TemporaryDirectory() as tmp:
                t0 = time.perf_counter()
                report = generate(std, Path(tmp), all_specs(), jobs=jobs)
                gen = time.perf_counter() - t0
            if not report.ok:
                sys.exit(f"generation incomplete: {report.skipped}")
            mb = size / 1e6
            print(f"generate {len(all_specs())} modules in {jobs} process(es): {gen:.2f} s for "
                  f"{mb:.1f} MB of XML ({gen / mb:.3f} s/MB); target < 20 s")
            if default_jobs() == 1:
                break

    names = [s.name for s in all_specs()]
    with tempfile.TemporaryDirectory() as cache:
        # Installed wheels are byte-compiled by pip; measure with .pyc files present, kept in a
        # private cache so that this machine's PYTHONDONTWRITEBYTECODE and the tree stay as they are.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        cold = _import_seconds(_imports(names), 1, env)  # compiles and writes the .pyc files
        subprocess.run([sys.executable, "-c", "import pydicom.datadict, pydicom.uid"], check=True,
                       env=env)
        print(f"first import of all {len(names)} modules, compiling them (no .pyc): "
              f"{cold * 1000:.0f} ms")
        rows = [("dicomkit.generated (the package; submodules load on demand)",
                 "import dicomkit.generated", "< 50 ms"),
                (f"the data layer: {', '.join(DATA_LAYER)}", _imports(list(DATA_LAYER)), "< 50 ms"),
                ("the data layer and pdus", _imports([*DATA_LAYER, "pdus"]), ""),
                ("of which the construct library alone", "import construct", ""),
                (f"all {len(names)} modules (with the PS3.3/PS3.4/PS3.16 tables)", _imports(names), ""),
                ("pydicom.datadict + pydicom.uid", "import pydicom.datadict, pydicom.uid", "")]
        results = {}
        for label, statement, target in rows:
            results[label] = _import_seconds(statement, args.repeat, env)
            print(f"import {label}: {results[label] * 1000:.1f} ms" + (f"; target {target}"
                                                                      if target else ""))
        theirs = results["pydicom.datadict + pydicom.uid"]
        ours = results[rows[1][0]]
        print(f"ratio data layer / pydicom.datadict + pydicom.uid: {ours / theirs:.2f}")
        print("each module alone:")
        for name in names:
            seconds = _import_seconds(_imports([name]), args.repeat, env)
            print(f"  {name}: {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
