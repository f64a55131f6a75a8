"""Benchmark: generating dicomkit.generated, and importing it, against pydicom's dictionary.

Run: ``python bench/bench_codegen.py [--repeat N]``.  Prints seconds to generate every module
from the parts on hand, seconds per MB of XML read (to project the cost of a full current
edition), and the import time of all of ``dicomkit.generated`` next to that of pydicom's data
dictionary and UID table (``pydicom.datadict``, ``pydicom.uid``) measured in the same run, as a
ratio.  Targets (issue 2): generation under 20 s; import under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dicomkit.codegen.emit import generate
from dicomkit.codegen.modules import all_specs
from dicomkit.codegen.sha import size_part
from dicomkit.codegen.standard import Standard, locate, project_root


def _import_seconds(statement: str, repeat: int) -> float:
    """Median wall time of ``statement`` in a fresh interpreter (interpreter start excluded)."""
    code = ("import time; t = time.perf_counter(); " + statement +
            "; print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                  text=True).stdout) for _ in range(repeat)]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    project = project_root()
    std = Standard.declared(project)
    sources = {std.source_of(p) for p in std.parts} | set(std.tables.values())
    size = sum(size_part(locate(std.roots, s.edition, s.part, s.form)) for s in sources)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = generate(std, Path(tmp), all_specs())
        gen = time.perf_counter() - t0
    if not report.ok:
        sys.exit(f"generation incomplete: {report.skipped}")
    mb = size / 1e6
    print(f"generate: {gen:.2f} s for {mb:.1f} MB of XML ({gen / mb:.3f} s/MB); target < 20 s")

    names = [s.name for s in all_specs()]
    ours = _import_seconds("import " + ", ".join(f"dicomkit.generated.{n}" for n in names),
                           args.repeat)
    theirs = _import_seconds("import pydicom.datadict, pydicom.uid", args.repeat)
    print(f"import all of dicomkit.generated: {ours * 1000:.1f} ms; target < 50 ms")
    print(f"import pydicom.datadict + pydicom.uid: {theirs * 1000:.1f} ms")
    print(f"ratio (dicomkit / pydicom): {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
