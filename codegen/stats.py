"""``dicomkit codegen stats``: how much of PS3.3's conditions the generators turn into expressions.

For one edition of PS3.3 (the declared source, or ``--edition``), reads every module, macro, IOD
and functional group table (:func:`dicomkit.codegen.readers.part03.read_iods`) and counts

* the conditions of Type 1C and 2C attributes, and how many
  :func:`dicomkit.codegen.conditions.parse_condition` turned into an expression;
* the usages ``C`` of modules in IOD tables and of functional groups, likewise.

A condition whose expression keeps one case as prose ("Required for first Item of Control Point
Sequence (300A,0111), or if Gantry Angle changes during Beam": the second case evaluates as
unknown) is counted as *partly read*, apart: it is in neither the parsed count nor the list of
unread clauses (the shares "with partly" count it as read).

A condition left as prose is carried in the generated tables as text with no expression, and the
validator reports nothing on it ("not checked"): it is never guessed.  ``--top N`` lists the most
frequent unread clauses, the work list for the condition grammar.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dicomkit.codegen.census import outside_category
from dicomkit.codegen.conditions import condition_sentences, has_prose
from dicomkit.codegen.model.iods import AttributeRow
from dicomkit.codegen.readers.part03 import read_iods
from dicomkit.codegen.standard import Standard, default_roots, project_root

__all__ = ["ConditionStats", "condition_stats"]


@dataclass
class ConditionStats:
    """Counts of one edition (module docstring)."""

    edition: str
    attributes: int = 0
    attributes_parsed: int = 0
    attributes_partly: int = 0
    modules: int = 0
    modules_parsed: int = 0
    modules_partly: int = 0
    unread_attributes: Counter[str] = field(default_factory=Counter)
    unread_modules: Counter[str] = field(default_factory=Counter)
    outside_attributes: Counter[str] = field(default_factory=Counter)
    outside_modules: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def _share(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def to_dict(self, top: int = 0) -> dict[str, Any]:
        """The counts (and the ``top`` unread clauses of each kind) as JSON-ready data."""
        return {
            "edition": self.edition,
            "attribute_conditions": self.attributes,
            "attribute_conditions_parsed": self.attributes_parsed,
            "attribute_share": round(self._share(self.attributes_parsed, self.attributes), 4),
            "attribute_conditions_partly_read": self.attributes_partly,
            "attribute_share_with_partly": round(self._share(
                self.attributes_parsed + self.attributes_partly, self.attributes), 4),
            "module_conditions": self.modules,
            "module_conditions_parsed": self.modules_parsed,
            "module_share": round(self._share(self.modules_parsed, self.modules), 4),
            "module_conditions_partly_read": self.modules_partly,
            "module_share_with_partly": round(self._share(
                self.modules_parsed + self.modules_partly, self.modules), 4),
            "attribute_conditions_outside_data_set": dict(sorted(self.outside_attributes.items())),
            "attribute_share_of_decidable": round(self._share(
                self.attributes_parsed, self.attributes - sum(self.outside_attributes.values())), 4),
            "module_conditions_outside_data_set": dict(sorted(self.outside_modules.items())),
            "module_share_of_decidable": round(self._share(
                self.modules_parsed, self.modules - sum(self.outside_modules.values())), 4),
            "unread_attribute_clauses": self.unread_attributes.most_common(top),
            "unread_module_clauses": self.unread_modules.most_common(top),
        }


def _clause(text: str) -> str:
    sentences = condition_sentences(text)
    return (sentences[0] if sentences else text.strip())[:120]


def condition_stats(std: Standard) -> ConditionStats:
    """Count the conditions of PS3.3 as the declared or chosen source of ``std`` gives it."""
    model = read_iods(std)
    stats = ConditionStats(std.document(3).edition)
    for table in model.tables.values():
        for row in table.rows:
            if isinstance(row, AttributeRow) and row.type in ("1C", "2C") and row.condition.text:
                stats.attributes += 1
                if row.condition.expr is not None and has_prose(row.condition.expr):
                    stats.attributes_partly += 1
                elif row.condition.expr is not None:
                    stats.attributes_parsed += 1
                elif category := outside_category(row.condition.text):
                    stats.outside_attributes[category] += 1
                else:
                    stats.unread_attributes[_clause(row.condition.text)] += 1
    for iod in model.iods.values():
        usages = [(m.usage, m.condition) for m in iod.modules]
        usages += [(g.usage, g.condition) for g in iod.functional_groups]
        for usage, condition in usages:
            if usage == "C":
                stats.modules += 1
                if condition.expr is not None and has_prose(condition.expr):
                    stats.modules_partly += 1
                elif condition.expr is not None:
                    stats.modules_parsed += 1
                elif category := outside_category(condition.text):
                    stats.outside_modules[category] += 1
                else:
                    stats.unread_modules[_clause(condition.text)] += 1
    return stats


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``stats``."""
    parser.add_argument("--edition", help="read PS3.3 of this edition instead of the declared "
                                          "source")
    parser.add_argument("--source", type=Path, action="append",
                        help="folder holding editions; repeatable (default as for generate)")
    parser.add_argument("--top", type=int, default=0, metavar="N",
                        help="also list the N most frequent clauses left as prose")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Print the coverage of one edition."""
    project = project_root()
    roots = list(args.source) if args.source else default_roots(project)
    std = Standard.edition(args.edition, roots, [3]) if args.edition else \
        Standard.declared(project, roots)
    stats = condition_stats(std)
    data = stats.to_dict(args.top)
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"PS3.3 {stats.edition}: conditions read into expressions (the rest stay prose, "
          "reported as not checked)")
    print(f"  1C/2C attribute conditions  {stats.attributes_parsed:5} of {stats.attributes:5}"
          f"  {data['attribute_share']:.1%}")
    print(f"  C module / group usages     {stats.modules_parsed:5} of {stats.modules:5}"
          f"  {data['module_share']:.1%}")
    print(f"  partly read (one case kept as prose, evaluated as unknown): "
          f"{stats.attributes_partly} attribute, {stats.modules_partly} module conditions; "
          f"with them {data['attribute_share_with_partly']:.1%} / "
          f"{data['module_share_with_partly']:.1%}")
    for title, outside, share in (
            ("attribute", stats.outside_attributes, data["attribute_share_of_decidable"]),
            ("module", stats.outside_modules, data["module_share_of_decidable"])):
        print(f"  {title} conditions outside the data set (not checked): "
              f"{sum(outside.values())}; read: {share:.1%} of the decidable ones")
        for category, count in sorted(outside.items()):
            print(f"    {count:4}  {category}")
    for title, unread in (("attribute", data["unread_attribute_clauses"]),
                          ("module", data["unread_module_clauses"])):
        if unread:
            print(f"  most frequent unread {title} clauses:")
            for clause, count in unread:
                print(f"    {count:4}  {clause}")
    return 0
