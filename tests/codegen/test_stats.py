"""``dicomkit codegen stats``: the share of PS3.3 conditions read into expressions, per edition."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from dicomkit.codegen.census import CATEGORIES
from dicomkit.codegen.cli import main
from dicomkit.codegen.standard import PartSource, Standard
from dicomkit.codegen.stats import condition_stats

pytestmark = pytest.mark.slow  # reads the whole of PS3.3 2024c


def test_counts_match_what_the_generated_tables_carry(standard_dir: Path, part_path: Any) -> None:
    part_path("2024c", 3, "chtml")
    std = Standard(roots=[standard_dir], parts={3: PartSource(3, "2024c", "chtml")})
    stats = condition_stats(std)
    assert stats.edition == "2024c"
    assert 0 < stats.attributes_parsed <= stats.attributes
    assert 0 < stats.modules_parsed <= stats.modules
    # the generated modules' header counts the same parses (attribute and usage conditions)
    from dicomkit.generated import modules

    header = Path(modules.__file__).read_text("utf-8")[:200000]
    m = re.search(r"which (\d+) parsed to expressions", header)
    assert m is not None
    assert int(m.group(1)) == stats.attributes_parsed + stats.modules_parsed
    # partly read conditions (a case kept as prose) are neither parsed nor unread
    # the census: unread conditions are either data-set facts not read yet or, by category,
    # facts outside the data set
    assert sum(stats.unread_attributes.values()) + sum(stats.outside_attributes.values()) == \
        stats.attributes - stats.attributes_parsed - stats.attributes_partly
    assert sum(stats.unread_modules.values()) + sum(stats.outside_modules.values()) == \
        stats.modules - stats.modules_parsed - stats.modules_partly
    assert stats.outside_attributes["contributing-instances"] >= 56
    assert stats.outside_modules["creation-history"] >= 42
    # the generated tables carry the same census (the runtime never reads the prose)
    from collections import Counter

    from dicomkit.generated import iods, macros

    carried = Counter(modules.OUTSIDE_DATA_SET.values()) + Counter(macros.OUTSIDE_DATA_SET.values())
    assert carried == stats.outside_attributes
    assert Counter(iods.OUTSIDE_DATA_SET.values()) == stats.outside_modules
    data = stats.to_dict()
    assert data["module_share_of_decidable"] > data["module_share"]
    assert stats.attributes_partly > 0
    # the 2024c baseline of issue 19 was 59% / 26%: reading "of this frame" moved it to 63.5% /
    # 25.6%, coded values, item counts, continued subjects and module presence (session 9) to
    # 67.3% / 30.3%, functional group macros by name (session 12) to 67.3% / 32.8%, Control
    # Point 0, "is used", "at the image level", the comma grouping of and/or and a second Usage
    # (session of 2026-12-06) to 68.2% / 34.6% (1347 of 1976, 168 of 485), and 94 attribute and
    # 15 usage conditions partly read (with them 72.9% / 37.7%)
    assert stats.attributes_parsed / stats.attributes > 0.681
    assert stats.modules_parsed / stats.modules > 0.346
    assert stats.attributes_partly >= 94 and stats.modules_partly >= 15
    assert data["attribute_share_with_partly"] > data["attribute_share"]


def test_stats_verb_prints_json_per_edition(standard_dir: Path, part_path: Any,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    part_path("2024c", 3, "chtml")
    assert main(["stats", "--edition", "2024c", "--source", str(standard_dir), "--json",
                 "--top", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["edition"] == "2024c" and len(data["unread_module_clauses"]) == 2
    assert set(data["module_conditions_outside_data_set"]) <= set(CATEGORIES)
    assert set(data["attribute_conditions_outside_data_set"]) <= set(CATEGORIES)
    assert data["attribute_share"] == round(data["attribute_conditions_parsed"]
                                            / data["attribute_conditions"], 4)
