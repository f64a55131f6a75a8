"""Census of the conditions left as prose: facts outside the data set, by named category.

A condition of PS3.3 that :func:`dicomkit.codegen.conditions.parse_condition` could not read is
one of two things: (a) a fact of the data set in a form the grammar does not read yet, or (b) a
fact that no data set can show: how the instance came about or what its creator intended
("a Performed Procedure Step SOP Class was involved in the creation of this Series",
"time synchronization was applied", "created in response to a Frame-Level retrieve request").
:func:`outside_category` names the category (b) a condition text belongs to, by the explicit
phrases of :data:`CATEGORIES`; when no phrase matches it returns "" and the condition counts as
(a): a condition is never classified on a guess.  The runtime never reads the prose: the
category is the generator's, reported by ``dicomkit codegen stats`` (the share of the
conditions that are decidable from a data set).
"""

from __future__ import annotations

import re

__all__ = ["CATEGORIES", "outside_category"]

CATEGORIES: dict[str, tuple[str, ...]] = {
    # the values of other instances (enhanced multi-frame conversion, PS3.3 C.7.6.16, A.70)
    "contributing-instances": (
        r"\bin the contributing SOP Instances\b",
        r"\bin any of the Classic Images that were converted\b",
    ),
    # what another instance, named by a reference, holds (its SOP Class, frames, devices, plans)
    "referenced-instances": (
        r"\bthe Referenced SOP Instance is a\b",
        r"\bthe referenced SOP Instance has the SOP Class UID\b",
        r"\bInstance referenced in (?:the )?[A-Z][A-Za-z ]*Sequence(?: \([0-9A-F]{4},[0-9A-F]{4}\))?"
        r" contains\b",
        r"\bvalue of the Images referenced by the Referenced Image Sequence\b",
        r"\bthe instance referenced by Referenced Image Sequence \(0008,1140\) is tiled\b",
        r"\b(?:is|are) included in the RT Ion Plan referenced within\b",
        r"\bof the referenced RT Plan in the Referenced RT Plan Sequence\b",
        r"\bthe referenced plan has more than one\b",
        r"\bthe referenced (?:acquisition|acquisition or reconstruction) protocol element is not in"
        r" this [Ii]nstance\b",
        r"\bthe Information Model of the referenced Instance\b",
        r"\bthe referenced Inventory SOP Instance itself\b",
        r"\breferenced image contains overlay data\b",
        r"\bGroup 60xx is present in the referenced image",
    ),
    # how the instance or series was created (workflow, retrieval, derivation history)
    "creation-history": (
        r"\bPerformed Procedure Step SOP Class was involved\b",
        r"\bcreated in response to a Frame-Level retrieve request\b",
        r"\bhas been derived from another SOP Instance\b",
        r"\bhas been planned on another image\b",
        r"\bLossy Compression has been performed on the [Ii]mage\b",
        r"\bthis (?:IOD|SOP) Instance has been compressed\b",
        r"\bprocedure was scheduled\b",
        r"\b[Ii]nstance replaces another Instance\b",
        r"\breplaces a previous version\b",
        r"\bcreated by conversion from a DICOM source\b",
        r"\bwas not issued in the current SOP Instance, but read from another SOP Instance\b",
        r"\b(?:is|was) created from (?:other )?DICOM (?:SOP Instances|images)\b",
        r"\breconstruction is created from DICOM SOP Instances\b",
        r"\bPresentation State is created together with the images\b",
        r"\bresulted from a Defined Procedure Protocol\b",
        r"\brelated Performed Procedure Protocol SOP Instance was created\b",
        r"\bcreated as a result of a (?:single )?procedure step request\b",
        r"\bobject extraction is based on a Frame Level Retrieve\b",
        r"\bhas ever been converted from its source form\b",
        r"\bInventory creation was initiated by a transaction\b",
    ),
    # what was done during acquisition and that no attribute records
    "acquisition-circumstance": (
        r"\bsynchronization was (?:applied|used)\b",
        r"\bsystem time is synchronized to an external reference\b",
        r"\bcontrast media (?:was|were) (?:used|applied)\b",
        r"\bcontrast was administered\b",
        r"\btherapeutic radiation was applied\b",
        r"\b(?:Cardiac|Respiratory) Synchronization is used\b",
        r"\brotational catheter is used\b",
        r"\bimage was acquired in a Staged protocol\b",
        r"\bdetector binning was applied\b",
        r"\bsecondary positioner was used during acquisition\b",
        r"\bwaveforms are acquired in conjunction with image acquisition\b",
        r"\bwaveform acquisition is synchronized to a trigger\b",
        r"\bmultiple images are obtained without releasing breast compression\b",
        r"\bImage is created with table motion\b",
        r"\bacquired using a Beam Limiting Device\b",
    ),
    # what was measured (ophthalmic refraction, lensometry, biometry): each measured part carries
    # its own attributes, so a data set without them cannot show that the part was measured
    "measurement-scope": (
        r"\b(?:right|left) (?:eye|lens) is measured\b",
        r"\ba single lens of unknown laterality is measured\b",
        r"\bis measured in the lens\b",
        r"\bastigmatism is measured\b",
        r"\b(?:near|intermediate) point refraction is done\b",
        r"\brefraction is done at less than distance\b",
        r"\bthe device calculated intraocular lens power for the (?:right|left) eye\b",
    ),
    # the nature of the imaging subject, which no attribute records with certainty
    "subject-nature": (
        r"\b[Pp]atient is a non-human organism\b",
        r"\b[Ii]maging Subject is a [Ss]pecimen\b",
    ),
    # what the creator of a presentation state intends for the referenced images
    "presentation-intent": (
        r"\b(?:is|are) to be applied to referenced image",
        r"\bthe referenced image\(s\) are (?:multi-frame and are )?to be (?:subtracted|displayed)\b",
        r"\bthe Image may be subtracted\b",
        r"\brotation or flipping are to be applied\b",
        r"\bGraphic Annotations are to be applied\b",
        r"\ba Shutter is to be applied to the image\b",
    ),
    # which part of the referenced instances or frames an item applies to, a choice of the creator
    "reference-scope": (
        r"\bthe reference does not apply to all\b",
        r"\bin this Item do(?:es)? not apply to all the images\b",
        r"\bthe scope is limited to a subset of\b",
    ),
    # what the equipment is able to do
    "equipment-capability": (
        r"\bsystem is (?:capable of|able to)\b",
        r"\bIf required by treatment delivery device\b",
        r"\bcan be moved in the (?:coronal|sagittal) anatomical plane\b",
        r"\bthe detector can be moved in the (?:row|column) direction\b",
    ),
}
"""Category -> the phrases (regular expressions, case-sensitive except the first letter) that
put a condition in it."""

_COMPILED = {name: tuple(re.compile(p) for p in phrases) for name, phrases in CATEGORIES.items()}


def outside_category(text: str) -> str:
    """The category of :data:`CATEGORIES` whose phrase ``text`` holds, "" when none does.

    >>> outside_category("C - Required if time synchronization was applied.")
    'acquisition-circumstance'
    >>> outside_category("Required if the right eye is measured.")
    ''
    """
    text = re.sub(r"\s+", " ", text)
    for name, phrases in _COMPILED.items():
        if any(p.search(text) for p in phrases):
            return name
    return ""
