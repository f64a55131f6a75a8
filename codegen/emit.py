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
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from dicomkit.codegen import GENERATOR_VERSION
from dicomkit.codegen.errors import CodegenError
from dicomkit.codegen.standard import Standard, TableUse

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
    """

    name: str
    build: Callable[[Standard], dict[str, Any]]
    files: dict[str, str]
    summary: str


@dataclass
class GenerateReport:
    """What a generation run did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

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


def header(module: str, uses: Iterable[TableUse]) -> str:
    """The header every generated file starts with: generator, and per part its sources."""
    by_part: dict[tuple[int, str, str, str, str], set[str]] = {}
    for u in uses:
        by_part.setdefault((u.part, u.edition, u.form, u.sha256, u.url), set()).add(u.what)
    lines = [
        f'"""dicomkit.generated.{module}: generated from the DICOM standard; do not edit.',
        "",
        f"Generator: dicomkit.codegen {GENERATOR_VERSION}.  Regenerate with "
        "'dicomkit codegen generate'.",
        "Sources:",
    ]
    for (part, edition, form, sha, url), whats in sorted(by_part.items()):
        lines.append(f"  PS3.{part} {edition} ({form}) {url}")
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


def render_module(env: jinja2.Environment, spec: ModuleSpec, std: Standard) -> dict[str, str]:
    """Build and render one module; return file name -> text."""
    with std.recording() as uses:
        context = spec.build(std)
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


def generate(std: Standard, out: Path, specs: list[ModuleSpec],
             only: set[str] | None = None) -> GenerateReport:
    """Render every module (or those in ``only``), then write them all to ``out``.

    Modules that cannot be built (a part missing, a table not as expected) are left as they
    are in ``out`` and reported in :attr:`GenerateReport.skipped`.
    """
    env = make_env()
    report = GenerateReport()
    rendered: dict[str, str] = {}
    for spec in specs:
        if only is not None and spec.name not in only:
            continue
        try:
            rendered.update(render_module(env, spec, std))
        except CodegenError as exc:
            report.skipped[spec.name] = str(exc)
    init = env.get_template("__init__.py.j2").render(
        modules=[s for s in specs], version=GENERATOR_VERSION)
    if only is None:
        rendered["__init__.py"] = init
        rendered["py.typed"] = ""
    for filename in sorted(rendered):
        if write_atomic(out / filename, rendered[filename]):
            report.written.append(filename)
        else:
            report.unchanged.append(filename)
    return report
