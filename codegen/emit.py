"""Render the generated modules and write them atomically, each with a header of its sources.

A module is described by a :class:`ModuleSpec`: a ``build`` function that reads what it needs
from a :class:`~dicomkit.codegen.standard.Standard` and returns the template context (plain
model objects), and the jinja2 templates that turn it into files.  :func:`generate` builds every
module first and writes only afterwards, each file through a temporary name and ``os.replace``,
so a failure never leaves a file half written; a module whose part is missing keeps its
committed content and is reported by name.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from dicomkit.codegen import GENERATOR_VERSION
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.sha import size_part
from dicomkit.codegen.standard import RegistryUse, Standard, TableUse, locate

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class ModuleSpec:
    """One generated module: how to build its context, and its templates.

    Attributes
    ----------
    name
        The module name under ``dicomkit.generated`` (``"dictionary"``).
    build
        ``build(std) -> dict`` returning the template context.
    files
        Output file name -> template name, e.g. ``{"dictionary.py": "dictionary.py.j2"}``.
    summary
        One line saying what the module holds (goes into ``generated/__init__.py``).
    reads
        The parts whose documents ``build`` reads: a scheduling hint for :func:`generate`,
        which renders modules reading different large parts in separate processes.  It never
        changes the output (each process loads whatever it is asked for); a test keeps it true.
    """

    name: str
    build: Callable[[Standard], dict[str, Any]]
    files: dict[str, str]
    summary: str
    reads: tuple[int, ...] = ()


@dataclass
class GenerateReport:
    """What a generation run did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    #: module -> the parts its build read (recorded, whatever :attr:`ModuleSpec.reads` says)
    reads: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every module was generated."""
        return not self.skipped


def py_literal(value: Any) -> str:
    """A deterministic Python literal for strings, numbers, bools, None, tuples and lists."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, frozenset | set):
        return "frozenset({" + ", ".join(py_literal(v) for v in sorted(value)) + "})"
    raise TypeError(f"no literal for {type(value).__name__}: {value!r}")


def hex_tag(value: int, width: int = 8) -> str:
    """``0x00100010`` style hex literal."""
    return f"0x{value:0{width}X}"


def make_env() -> jinja2.Environment:
    """The jinja2 environment every template renders in."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["py"] = py_literal
    env.filters["hex"] = hex_tag
    return env


def header(module: str, uses: Iterable[TableUse | RegistryUse]) -> str:
    """The header every generated file starts with: generator, per part its sources, and each
    registry file outside the standard's XML (dcmtk's ``.dic``) with its path and sha256."""
    by_part: dict[tuple[int, str, str, str, str], set[str]] = {}
    by_file: dict[tuple[str, str, str, str], set[str]] = {}
    for u in uses:
        if isinstance(u, RegistryUse):
            by_file.setdefault((u.key, u.edition, u.path, u.sha256), set()).add(u.what)
        else:
            by_part.setdefault((u.part, u.edition, u.form, u.sha256, u.url), set()).add(u.what)
    lines = [
        f'"""dicomkit.generated.{module}: generated from '
        f'{"the DICOM standard" if by_part else "the registries named below"}; do not edit.',
        "",
        f"Generator: dicomkit.codegen {GENERATOR_VERSION}.  Regenerate with "
        "'dicomkit codegen generate'.",
        "Sources:",
    ]
    for (part, edition, form, sha, url), whats in sorted(by_part.items()):
        lines.append(f"  PS3.{part} {edition} ({form}) {url}")
        lines.append(f"    sha256 {sha}")
        lines.append("    " + ", ".join(sorted(whats, key=_natural)))
    for (key, edition, path, sha), whats in sorted(by_file.items()):
        made_from = f" (made from PS3.6 {edition})" if edition else ""
        lines.append(f"  {key}{made_from} {path}")
        lines.append(f"    sha256 {sha}")
        lines.append("    " + ", ".join(sorted(whats, key=_natural)))
    lines.append('"""')
    return "\n".join(lines) + "\n"


def _natural(s: str) -> list[Any]:
    import re

    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def strip_header(text: str) -> str:
    """The body of a generated file without its header docstring (for comparisons)."""
    if text.startswith('"""'):
        end = text.find('"""\n', 3)
        if end != -1:
            return text[end + 4:]
    return text


def render_module(env: jinja2.Environment, spec: ModuleSpec, std: Standard,
                  reads: dict[str, tuple[int, ...]] | None = None) -> dict[str, str]:
    """Build and render one module; return file name -> text.

    When ``reads`` is given, the parts the build read are recorded in it under the module name.
    """
    with std.recording() as uses:
        context = spec.build(std)
    if reads is not None:
        reads[spec.name] = tuple(sorted({u.part for u in uses if isinstance(u, TableUse)}))
    head = header(spec.name, uses)
    out = {}
    for filename, template in spec.files.items():
        body = env.get_template(template).render(**context, module=spec.name)
        out[filename] = head + body
    return out


def write_atomic(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` through a temporary file; return False if unchanged."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; generated files are ordinary
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def render_specs(std: Standard, specs: list[ModuleSpec]
                 ) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[int, ...]]]:
    """Render ``specs`` with one Standard: file name -> text, module -> why it was skipped, and
    module -> the parts it read."""
    env = make_env()
    rendered: dict[str, str] = {}
    skipped: dict[str, str] = {}
    reads: dict[str, tuple[int, ...]] = {}
    for spec in specs:
        try:
            rendered.update(render_module(env, spec, std, reads))
        except CodegenError as exc:
            skipped[spec.name] = str(exc)
    return rendered, skipped, reads


def _part_cost(std: Standard, part: int) -> int:
    """Bytes of XML behind ``part`` (its declared source and table overrides); 0 when absent."""
    sources = [src for (p, _), src in std.tables.items() if p == part]
    if part in std.parts:
        sources.append(std.parts[part])
    total = 0
    for src in sources:
        try:
            total += size_part(locate(std.roots, src.edition, src.part, src.form))
        except CodegenError:
            pass
    return total


def plan_lanes(std: Standard, specs: list[ModuleSpec], lanes: int) -> list[list[ModuleSpec]]:
    """Split ``specs`` into at most ``lanes`` groups that read few parts in common.

    Modules are grouped by the largest part they read (so that, say, every PS3.3 module shares
    one reading of PS3.3), and the groups are dealt largest first to the lane whose parts are
    smallest so far, counting a part once per lane.  Deterministic for given sources.
    """
    cost = {p: _part_cost(std, p) for p in sorted({p for spec in specs for p in spec.reads})}
    groups: dict[int, list[ModuleSpec]] = {}
    for spec in specs:
        key = max(spec.reads, key=lambda p: (cost[p], p)) if spec.reads else 0
        groups.setdefault(key, []).append(spec)

    def weight(members: list[ModuleSpec]) -> int:
        return sum(cost[p] for p in {p for spec in members for p in spec.reads})

    ordered = sorted(groups.values(), key=lambda g: (-weight(g), g[0].name))
    plan: list[list[ModuleSpec]] = [[] for _ in range(max(1, lanes))]
    for group in ordered:
        lightest = min(range(len(plan)), key=lambda i: (weight(plan[i]), i))
        plan[lightest].extend(group)
    return [lane for lane in plan if lane]


def _run_lanes(std: Standard, lanes: list[list[ModuleSpec]]
               ) -> list[tuple[dict[str, str], dict[str, str], dict[str, tuple[int, ...]]]]:
    """Render each lane in its own ``python -m dicomkit.codegen.lane`` process, all at once.

    Raises whatever a lane raised (a :class:`CodegenError` other than a missing part or table
    is caught per module inside the lane, as in one process), or :class:`CodegenError` when a
    worker dies without an answer.
    """
    payloads = [pickle.dumps((std.fresh(), lane), protocol=pickle.HIGHEST_PROTOCOL)
                for lane in lanes]
    env = dict(os.environ)
    # the worker imports dicomkit.codegen from wherever this process did
    env["PYTHONPATH"] = os.pathsep.join([p for p in sys.path if p] +
                                        ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    procs = [subprocess.Popen([sys.executable, "-m", "dicomkit.codegen.lane"], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in lanes]
    answers: list[tuple[bytes, bytes]] = [(b"", b"")] * len(procs)

    def talk(i: int) -> None:
        answers[i] = procs[i].communicate(payloads[i])

    threads = [threading.Thread(target=talk, args=(i,), daemon=True) for i in range(len(procs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results = []
    for lane, proc, (out, err) in zip(lanes, procs, answers):
        names = ", ".join(spec.name for spec in lane)
        try:
            outcome = pickle.loads(out)
        except Exception as exc:
            raise CodegenError(
                f"the worker rendering {names} exited with status {proc.returncode} and no answer "
                f"({exc}); its error output: {err.decode('utf-8', 'replace')[-2000:].strip()}; "
                "run 'dicomkit codegen generate --jobs 1' to render in one process") from None
        if outcome[0] == "raise":
            raise outcome[1]
        results.append((outcome[1], outcome[2], outcome[3]))
    return results


def default_jobs() -> int:
    """Processes :func:`generate` uses by default: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def generate(std: Standard, out: Path, specs: list[ModuleSpec],
             only: set[str] | None = None, jobs: int | None = None) -> GenerateReport:
    """Render every module (or those in ``only``), then write them all to ``out``.

    Modules that cannot be built (a part missing, a table not as expected) are left as they
    are in ``out`` and reported in :attr:`GenerateReport.skipped`.  With ``jobs`` above 1
    (default: :func:`default_jobs`) modules that read different large parts are rendered in
    separate processes (:func:`plan_lanes`); the output is the same byte for byte.  Nothing is
    written until every module has been rendered.
    """
    chosen = [spec for spec in specs if only is None or spec.name in only]
    jobs = default_jobs() if jobs is None else max(1, jobs)
    lanes = plan_lanes(std, chosen, jobs) if jobs > 1 and not std.preloaded else [chosen]
    report = GenerateReport()
    rendered: dict[str, str] = {}
    outcomes = _run_lanes(std, lanes) if len(lanes) > 1 else [render_specs(std, chosen)]
    for files, skipped, reads in outcomes:
        rendered.update(files)
        report.skipped.update(skipped)
        report.reads.update(reads)
    report.skipped = dict(sorted(report.skipped.items()))
    report.reads = dict(sorted(report.reads.items()))
    env = make_env()
    init = env.get_template("__init__.py.j2").render(
        modules=[s for s in specs], version=GENERATOR_VERSION)
    if only is None or "__init__" in only:  # ``--only __init__`` rewrites the index alone
        rendered["__init__.py"] = init
        rendered["py.typed"] = ""
    for filename in sorted(rendered):
        if write_atomic(out / filename, rendered[filename]):
            report.written.append(filename)
        else:
            report.unchanged.append(filename)
    return report
