"""The census of unread conditions: facts outside the data set, by the phrases of each category."""

from __future__ import annotations

import pytest

from dicomkit.codegen.census import CATEGORIES, outside_category


@pytest.mark.parametrize(("text", "category"), [
    ("Required if present and consistent in the contributing SOP Instances.",
     "contributing-instances"),
    ("C - Required if Source Image Sequence (0008,2112) was present in any of the Classic Images "
     "that were converted", "contributing-instances"),
    ("Required if a Performed Procedure Step SOP Class was involved in the creation of this "
     "Series.", "creation-history"),
    ("C - Required if the SOP Instance was created in response to a Frame-Level retrieve request",
     "creation-history"),
    ("C - Required if the image or frame has been derived from another SOP Instance",
     "creation-history"),
    ("C - Required if time synchronization was applied.", "acquisition-circumstance"),
    ("C - Required if cardiac synchronization was used", "acquisition-circumstance"),
    ("C - Required if contrast media was used in this image", "acquisition-circumstance"),
    ("C - Required if contrast   was administered", "acquisition-circumstance"),
    ("C - Required if a VOI LUT is to be applied to referenced image(s)", "presentation-intent"),
    ("Required if the system is capable of calculating Gradient Output (0018,9182).",
     "equipment-capability"),
])
def test_phrases_name_their_category(text: str, category: str) -> None:
    assert category in CATEGORIES
    assert outside_category(text) == category


@pytest.mark.parametrize("text", [
    # data-set facts (a), or unsure: never classified
    "Required if Modality (0008,0060) is CT.",
    "Required if the right eye is measured.",
    "C - Required if annotation is present",
    "C - Required if Contrast/Bolus Agent Sequence (0018,0012) is used",
    "Required if the Patient is a non-human organism.",
    "",
])
def test_other_conditions_are_not_classified(text: str) -> None:
    assert outside_category(text) == ""
