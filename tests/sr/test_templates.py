"""Template look-up and INCLUDE expansion (PS3.16 6.1, 6.2.3)."""

from __future__ import annotations

import pytest

from dicomkit.generated.sr_templates import TEMPLATES
from dicomkit.sr.templates import TemplateError, children, expand, template


def test_template_lookup_accepts_common_spellings() -> None:
    assert template("1500") is TEMPLATES["1500"]
    assert template(1500) is TEMPLATES["1500"]
    assert template("TID 1500") is TEMPLATES["1500"]


def test_unknown_template_raises_with_the_id() -> None:
    with pytest.raises(TemplateError, match="4242424"):
        template("4242424")


def test_children_are_rows_one_level_deeper() -> None:
    tmpl = TEMPLATES["1500"]
    labels = [tmpl.rows[i].label for i in children(tmpl, 0)]
    assert labels == [r.label for r in tmpl.rows if r.level == 1]


def test_expand_replaces_includes_and_shifts_levels() -> None:
    rows = expand("1501")
    assert not any(r.value_type == "INCLUDE" and r.concept and r.concept[1] in TEMPLATES
                   and r.concept[1] != "1501" for r in rows)
    num = next(r for r in rows if r.value_type == "NUM" and r.concept == ("$", "Measurement"))
    assert num.level == 1  # TID 300 row 1 included at level 1 of TID 1501
