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
    # session of 2026-12-06: each measured eye or lens carries its own attributes (PS3.3 C.8.17),
    # so a data set without them cannot show that it was measured
    ("Required if the right eye is measured.", "measurement-scope"),
    ("Required if the Patient is a non-human organism.", "subject-nature"),
    ("C - Required if the Imaging Subject is a Specimen", "subject-nature"),
    ("Required if the Referenced SOP Instance is a multi-frame image and the reference does not "
     "apply to all frames.", "referenced-instances"),
    ("Required if the Instance referenced in Referenced RT Instance Sequence (300A,0631) contains "
     "the device that corresponds to the device defined by this Sequence Item.",
     "referenced-instances"),
    ("Required if Lossy Compression has been performed on the Image.", "creation-history"),
    ("Required if this Instance replaces another Instance.", "creation-history"),
    ("C - Required if the referenced image(s) are to be subtracted", "presentation-intent"),
    ("Required if the VOI LUT transformation in this Item does not apply to all the images and "
     "frames listed in the Section C.11.11.", "reference-scope"),
    ("If required by treatment delivery device, shall be present for first Item of Control Point "
     "Sequence (300A,0111).", "equipment-capability"),
])
def test_phrases_name_their_category(text: str, category: str) -> None:
    assert category in CATEGORIES
    assert outside_category(text) == category


@pytest.mark.parametrize("text", [
    # data-set facts (a), or unsure: never classified
    "Required if Modality (0008,0060) is CT.",
    "C - Required if annotation is present",
    "C - Required if Contrast/Bolus Agent Sequence (0018,0012) is used",
    # a same-instance cross-reference (the range modulator is in the same beam): decidable
    "Required if Range Modulator Type (300A,0348) of the range modulator referenced by Referenced "
    "Range Modulator Number (300C,0104) is WHL_MODWEIGHTS.",
    "Required if an extended or replacement character set is used in one of the Keys.",
    "",
])
def test_other_conditions_are_not_classified(text: str) -> None:
    assert outside_category(text) == ""
