"""Which findings a validation run keeps: suppressed rule ids and the failing severity.

A configuration file is TOML with a ``[validate]`` table::

    [validate]
    ignore = ["defined-term", "retired", "pixel-*"]   # rule ids or shell patterns
    fail-on = "error"                                 # or "warning"

``dicomkit validate --config FILE`` reads it; ``--ignore RULE`` (repeatable, or comma-separated)
adds to its list.  Every entry must name a rule of :data:`dicomkit.validate.report.RULES` or be a
pattern matching at least one, so that a misspelt id fails loudly instead of suppressing nothing.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dicomkit.validate.errors import ValidateConfigError
from dicomkit.validate.report import RULES, SEVERITIES, rule_matches

__all__ = ["ValidateConfig", "check_rules", "load_config"]


@dataclass(frozen=True, slots=True)
class ValidateConfig:
    """The rules to suppress and the severity that fails a run."""

    ignore: tuple[str, ...] = ()
    fail_on: str = "error"

    def with_ignored(self, patterns: Iterable[str]) -> ValidateConfig:
        """This configuration with ``patterns`` (checked by :func:`check_rules`) ignored too."""
        added = check_rules(patterns)
        return ValidateConfig((*self.ignore, *(p for p in added if p not in self.ignore)),
                              self.fail_on)


def check_rules(patterns: Iterable[str], source: str = "") -> tuple[str, ...]:
    """Split comma-separated entries and refuse any that matches no rule id."""
    out: list[str] = []
    for entry in patterns:
        for pattern in (p.strip() for p in entry.split(",")):
            if not pattern:
                continue
            if not any(rule_matches(rule, (pattern,)) for rule in RULES):
                raise ValidateConfigError(
                    f"{pattern!r} names no rule; the rule ids are {', '.join(sorted(RULES))}",
                    source)
            out.append(pattern)
    return tuple(out)


def load_config(path: str | os.PathLike[str]) -> ValidateConfig:
    """Read a configuration file (module docstring)."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data: dict[str, Any] = tomllib.load(f)
    except OSError as exc:
        raise ValidateConfigError(f"cannot read the configuration: {exc}", name) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValidateConfigError(f"not valid TOML: {exc}", name) from exc
    table = data.get("validate", {})
    if not isinstance(table, dict):
        raise ValidateConfigError("[validate] must be a table", name)
    unknown = set(table) - {"ignore", "fail-on"}
    if unknown:
        raise ValidateConfigError(f"unknown keys {sorted(unknown)} in [validate] (known: ignore, "
                                  "fail-on)", name)
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        raise ValidateConfigError("ignore must be a list of rule ids", name)
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES[:2]:
        raise ValidateConfigError(f"fail-on must be 'error' or 'warning', not {fail_on!r}", name)
    return ValidateConfig(check_rules(ignore, name), fail_on)
