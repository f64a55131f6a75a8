"""The Basic Profile and its options applied to data sets: every action of PS3.15 Table E.1-1
(read from the generated table, never restated here) on pydicom's samples and on data sets
made for one rule each."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.core.dictionary import lookup
from dicomkit.core.sequence import Sequence
from dicomkit.deid import (
    BASIC,
    Action,
    Deidentifier,
    Mapper,
    MappingStoreError,
    Option,
    OptionError,
    Profile,
    SQLiteStore,
    option_named,
)
from dicomkit.deid.iodtypes import iod_types
from dicomkit.deid.values import dummy_value
from dicomkit.generated import deid as table
from dicomkit.generated import tags
from tests.deid.helpers import read, sample_paths, walk

SAMPLES = sample_paths()
ALL_OPTIONS = [o for o in Option if o in table.OPTION_COLUMNS and o is not BASIC]


def _step(action: Action, tag: int, depth: int, sop_class: str) -> Action:
    """What the composite codes of Table E.1-1a mean: the weakest step the IOD type allows."""
    if len(action.steps) == 1:
        return action.steps[0]
    top, nested = iod_types(sop_class)
    kind = (top if depth == 0 else nested).get(tag, 1)
    order = {3: (Action.DUMMY, Action.UID, Action.ZERO), 2: (Action.ZERO, Action.DUMMY,
                                                           Action.UID)}.get(kind, ())
    return next((s for s in order if s in action.steps), action.steps[0])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_attribute_the_basic_profile_removes_is_removed_at_any_depth(path: Any) -> None:
    ds = read(path)
    sop_class = str(ds.SOPClassUID) if "SOPClassUID" in ds else ""
    out, report = Deidentifier(Profile(), Mapper("secret")).deidentify(ds)
    before = {p: (d, el) for p, d, el in walk(ds)}
    after = {p: el for p, _, el in walk(out)}
    items = {f"{q}[{i}]" for q, el in after.items() if el.vr == "SQ"
             for i in range(len(el.value or ()))}
    assert before, "a sample without elements tests nothing"
    checked = 0
    for p, (depth, el) in before.items():
        row = table.row_for(el.tag)
        if row is None or el.tag >> 16 == 0x0002:
            continue
        if "]." in p and p.rsplit(".", 1)[0] not in items:
            continue  # its item went with its sequence (X, or Z: an empty sequence)
        step = _step(row.basic, el.tag, depth, sop_class)
        checked += 1
        if step is Action.REMOVE or row.private:
            assert p not in after, f"{row.name} {p}: Table E.1-1 says {row.basic.value}"
        elif step is Action.ZERO and el.vr != "SQ":
            assert p in after and after[p].value in ("", None, b""), \
                f"{row.name} {p}: Z, got {after[p].value!r}"
        elif step is Action.UID and el.value:
            assert str(after[p].value) != str(el.value) and str(after[p].value).startswith("2.25.")
        elif step is Action.DUMMY and el.vr not in ("SQ", "UI"):
            assert str(after[p].value) == str(dummy_value(el.vr)), (row.name, p)
    assert checked, f"{path.name}: no element of Table E.1-1"
    assert report.by_path()["(0012,0062)"].action == "+"


def test_the_required_attributes_are_set_as_the_profile_says() -> None:
    ds = read(SAMPLES[0])
    opts = [Option.RETAIN_UIDS, Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED_DATES]
    out, _ = Deidentifier(Profile(frozenset(opts)), Mapper("s")).deidentify(ds)
    assert out.PatientIdentityRemoved == table.PATIENT_IDENTITY_REMOVED
    codes = [(i.CodingSchemeDesignator, i.CodeValue) for i in out.DeidentificationMethodCodeSequence]
    assert codes == [(table.OPTION_CODES[o].scheme, table.OPTION_CODES[o].value)
                     for o in (BASIC, *[o for o in Option if o in opts])]
    assert out.LongitudinalTemporalInformationModified == table.LONGITUDINAL_VALUES[opts[1]]
    plain, _ = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    assert plain.LongitudinalTemporalInformationModified == table.LONGITUDINAL_REMOVED
    assert plain.preamble is None
    assert str(plain.file_meta.MediaStorageSOPInstanceUID) == str(plain.SOPInstanceUID)


def test_the_input_data_set_is_not_changed() -> None:
    ds = read(SAMPLES[0])
    before = io.BytesIO()
    dicomkit.write(before, ds)
    Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    after = io.BytesIO()
    dicomkit.write(after, ds)
    assert before.getvalue() == after.getvalue()


def test_uids_map_consistently_by_the_secret_across_files_and_runs(tmp_path: Any) -> None:
    ds = read(SAMPLES[0])
    a, _ = Deidentifier(Profile(), Mapper("one")).deidentify(ds)
    b, _ = Deidentifier(Profile(), Mapper("one")).deidentify(ds)
    c, _ = Deidentifier(Profile(), Mapper("two")).deidentify(ds)
    assert str(a.StudyInstanceUID) == str(b.StudyInstanceUID) != str(c.StudyInstanceUID)
    assert str(a.StudyInstanceUID) != str(ds.StudyInstanceUID)
    assert dicomkit.core.uid.is_valid_uid(str(a.SOPInstanceUID))
    # a reference to the study inside a sequence maps to the same UID as the study itself
    ref = Dataset()
    ref.add_new(tags.StudyInstanceUID, "UI", str(ds.StudyInstanceUID))
    ds2 = ds.copy()
    ds2.add_new(tags.ReferencedSeriesSequence, "SQ", Sequence([ref]))  # no row of its own
    d, _ = Deidentifier(Profile(), Mapper("one")).deidentify(ds2)
    assert str(d.ReferencedSeriesSequence[0].StudyInstanceUID) == str(a.StudyInstanceUID)
    # a store keeps the secret of the first run for the next, and refuses another secret
    db = tmp_path / "map.db"
    first = Mapper(None, SQLiteStore(db))
    e, _ = Deidentifier(Profile(), first).deidentify(ds)
    first.flush()
    again, _ = Deidentifier(Profile(), Mapper(None, SQLiteStore(db))).deidentify(ds)
    assert str(again.StudyInstanceUID) == str(e.StudyInstanceUID)
    assert SQLiteStore(db).replacement(str(ds.StudyInstanceUID)) == str(e.StudyInstanceUID)
    with pytest.raises(MappingStoreError, match="another secret"):
        Mapper("not the first", SQLiteStore(db))


def test_retain_uids_keeps_every_uid() -> None:
    ds = read(SAMPLES[0])
    out, _ = Deidentifier(Profile(frozenset({Option.RETAIN_UIDS})), Mapper("s")).deidentify(ds)
    for tag in (tags.SOPInstanceUID, tags.StudyInstanceUID, tags.SeriesInstanceUID):
        assert str(out[tag].value) == str(ds[tag].value)


def test_modified_dates_move_by_one_offset_per_patient_and_keep_intervals() -> None:
    ds = Dataset()
    ds.add_new(tags.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
    ds.add_new(tags.SOPInstanceUID, "UI", "1.2.3.4")
    ds.add_new(tags.PatientID, "LO", "PAT1")
    ds.add_new(tags.StudyDate, "DA", "20200229")
    ds.add_new(tags.AcquisitionDate, "DA", "20200301")
    ds.add_new(tags.AcquisitionDateTime, "DT", "20200301123000.5+0100")
    ds.add_new(tags.StudyTime, "TM", "101010")
    profile = Profile.of(["retain-modified-dates"])
    out, report = Deidentifier(profile, Mapper("s")).deidentify(ds)
    import datetime as dt

    def day(v: Any) -> dt.date:
        return dt.datetime.strptime(str(v)[:8], "%Y%m%d").date()

    shift = day(out.StudyDate) - day(ds.StudyDate)
    assert shift.days < 0
    assert day(out.AcquisitionDate) - day(ds.AcquisitionDate) == shift
    assert str(out.AcquisitionDateTime)[8:] == "123000.5+0100"
    assert str(out.StudyTime) == "101010"
    assert report.by_path()["(0008,0020)"].action == "C"
    other = ds.copy()
    other.add_new(tags.PatientID, "LO", "PAT1")
    again, _ = Deidentifier(profile, Mapper("s")).deidentify(other)
    assert str(again.StudyDate) == str(out.StudyDate)
    full, _ = Deidentifier(Profile.of(["retain-full-dates"]), Mapper("s")).deidentify(ds)
    assert str(full.StudyDate) == "20200229"
    assert full.LongitudinalTemporalInformationModified == table.LONGITUDINAL_VALUES[
        Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_FULL_DATES]


def _private_ds(creator: str, group: int, offsets: tuple[int, ...]) -> Dataset:
    ds = Dataset()
    ds.add_new(tags.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
    block = ds.private_block(group, creator, create=True)
    for off in offsets:
        block.add_new(off, "DS", "1.5")
    return ds


def test_private_attributes_are_removed_unless_safe_with_the_option() -> None:
    safe = table.SAFE_PRIVATE[0]
    listed = {s.element for s in table.SAFE_PRIVATE
              if s.group == safe.group and s.creator == safe.creator}
    unsafe = next(e for e in range(0x00, 0x100) if e not in listed)
    ds = _private_ds(safe.creator, safe.group, (safe.element, unsafe))
    out, _ = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    assert not [t for t in out if t >> 16 & 1], "the Basic Profile removes every private element"
    kept, report = Deidentifier(Profile.of(["retain-safe-private"]), Mapper("s")).deidentify(ds)
    private = sorted(int(t) for t in kept if t >> 16 & 1)
    creator_tag = (safe.group << 16) | 0x0010
    assert private == [creator_tag, (safe.group << 16) | 0x1000 | safe.element]
    assert report.by_path()[f"({safe.group:04X},10{unsafe:02X})"].action == "X"


def test_private_sequences_are_removed_with_their_items() -> None:
    path = next(p for p in SAMPLES if p.name == "nested_priv_SQ.dcm")
    ds = read(path)
    out, _ = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    assert not [p for p, _, el in walk(out) if el.tag >> 16 & 1]


def test_overlays_and_curves_are_matched_by_their_masks() -> None:
    ds = Dataset()
    ds.add_new(tags.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
    ds.add_new(0x60023000, "OW", b"\x00\x01" * 8)
    ds.add_new(0x60024000, "LT", "comment")
    ds.add_new(0x50000010, "US", 3)
    ds.add_new(0x60020010, "US", 4)  # Overlay Rows: no row, but its overlay goes
    ds.add_new(0x60040010, "US", 4)  # an overlay without Overlay Data: kept
    out, report = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    for tag in (0x60023000, 0x60024000, 0x50000010):
        assert table.row_for(tag) is not None and tag not in out
    assert 0x60020010 not in out and "Type 1" in report.by_path()["(6002,0010)"].detail
    assert 0x60040010 in out


def test_patient_name_inside_a_sequence_is_handled_as_at_the_top() -> None:
    ds = Dataset()
    ds.add_new(tags.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
    item = Dataset()
    item.add_new(tags.PatientName, "PN", "Doe^John")
    item.add_new(tags.CodeValue, "SH", "123")
    ds.add_new(tags.ContentSequence, "SQ", Sequence([item]))
    out, report = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    row = table.row_for(tags.ContentSequence)
    assert row is not None
    if tags.ContentSequence in out:
        inner = out.ContentSequence[0]
        assert "PatientName" not in inner or not str(inner.PatientName)
    assert any(c.path.startswith("(0040,A730)") for c in report.changes)


def test_options_are_named_by_words_that_abbreviate_them() -> None:
    assert option_named("retain-uids") is Option.RETAIN_UIDS
    assert option_named("retain-modified-dates") is \
        Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED_DATES
    assert option_named(Option.CLEAN_DESCRIPTORS.value) is Option.CLEAN_DESCRIPTORS
    with pytest.raises(OptionError, match="fits"):
        option_named("retain")
    with pytest.raises(OptionError, match="fits no option"):
        option_named("frobnicate")
    with pytest.raises(OptionError, match="mutually exclusive"):
        Profile.of(["retain-full-dates", "retain-modified-dates"])
    assert Profile.of(["clean-recognizable-visual-features"]).has(  # tests/deid/test_visual.py
        Option.CLEAN_RECOGNIZABLE_VISUAL_FEATURES)
    with pytest.raises(OptionError, match="needs the regions"):  # tests/deid/test_pixels.py
        Deidentifier(Profile.of(["clean-pixel-data"]))


def test_an_applied_option_overrides_the_basic_profile_and_clean_wins_over_keep() -> None:
    for row in table.ROWS:
        for option, action in row.options:
            got, by = Profile(frozenset({option})).action(row)
            assert (got, by) == (action, option)
        actions = {a for _, a in row.options}
        if {Action.KEEP, Action.CLEAN} <= actions:
            got, _ = Profile(frozenset(o for o, _ in row.options
                                       if o in ALL_OPTIONS and o is not
                                       Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_FULL_DATES
                                       )).action(row)
            assert got is Action.CLEAN


_TEXT_ROWS = [r for r in table.ROWS if r.mask == 0xFFFFFFFF and r.tag >> 16 != 0x0004
              and (lookup(r.tag) or ("",))[0]
              in ("LO", "SH", "PN", "LT", "ST", "UT", "DA", "TM", "DT", "UI", "CS", "DS", "IS")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.sampled_from(_TEXT_ROWS), min_size=1, max_size=25, unique=True),
       options=st.sets(st.sampled_from([o for o in ALL_OPTIONS if o is not
                                        Option.RETAIN_LONGITUDINAL_TEMPORAL_INFORMATION_FULL_DATES])),
       nested=st.booleans())
def test_each_element_gets_the_action_its_row_gives_under_the_profile(
        rows: list[Any], options: set[Option], nested: bool) -> None:
    values = {"LO": "x", "SH": "x", "PN": "A^B", "LT": "x", "ST": "x", "UT": "x",
              "DA": "20010203", "TM": "010203", "DT": "20010203040506", "UI": "1.2.3",
              "CS": "X", "DS": "1", "IS": "1"}
    ds = Dataset()
    target = ds
    if nested:
        item = Dataset()
        ds.add_new(tags.ReferencedSeriesSequence, "SQ", Sequence([item]))  # no row: recursed
        target = item
    for r in rows:
        vr = lookup(r.tag)[0]  # type: ignore[index]
        target.add_new(r.tag, vr, values[vr], validation_mode="ignore")
    profile = Profile(frozenset(options))
    out, report = Deidentifier(profile, Mapper("k")).deidentify(ds)
    changes = report.by_path()
    prefix = "(0008,1115)[0]." if nested else ""
    for r in rows:
        action, _ = profile.action(r)
        step = _step(action, r.tag, 1 if nested else 0, "")
        path = f"{prefix}({r.tag >> 16:04X},{r.tag & 0xFFFF:04X})"
        change = changes.get(path)
        if step is Action.KEEP:
            assert change is None or change.action == "K"
        elif step is Action.CLEAN:
            assert change is not None and change.action in ("C", *r.basic.steps[0].value)
        else:
            assert change is not None and change.action == step.value, (r.name, step, change)


def _content_item(scheme: str, value: str, value_type: str, text: str) -> Dataset:
    code = Dataset()
    code.add_new(tags.CodeValue, "SH", value)
    code.add_new(tags.CodingSchemeDesignator, "SH", scheme)
    code.add_new(tags.CodeMeaning, "LO", "meaning")
    item = Dataset()
    item.add_new(tags.RelationshipType, "CS", "CONTAINS")
    item.add_new(tags.ValueType, "CS", value_type)
    item.add_new(tags.ConceptNameCodeSequence, "SQ", Sequence([code]))
    item.add_new(tags.TextValue, "UT", text)
    return item


def test_basic_profile_leaves_no_free_text_in_sr_content() -> None:
    path = next(p for p in SAMPLES if p.name == "test-SR.dcm")
    ds = read(path)
    texts = {str(el.value) for _, _, el in walk(ds) if el.tag == tags.TextValue and el.value}
    assert texts, "the sample has text content items"
    out, _ = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    left = {str(el.value) for _, _, el in walk(out) if el.tag == tags.TextValue}
    assert not (left & texts), "Content Sequence is D: its text is replaced by dummy values"
    meanings = [el.value for _, _, el in walk(out) if el.tag == tags.CodeMeaning]
    assert meanings and all(str(m) != "ANONYMIZED" for m in meanings)  # codes are kept


def test_clean_structured_content_follows_table_e3_4_1() -> None:
    removed = next(r for r in table.CONTENT_ITEMS.values()
                   if r.value_type == "TEXT" and r.basic is Action.REMOVE and not r.options)
    dummied = next(r for r in table.CONTENT_ITEMS.values()
                   if r.value_type == "TEXT" and r.basic is Action.DUMMY and not r.options)
    ds = Dataset()
    ds.add_new(tags.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.88.33")
    ds.add_new(tags.ContentSequence, "SQ", Sequence([
        _content_item(removed.scheme, removed.value, "TEXT", "secret one"),
        _content_item(dummied.scheme, dummied.value, "TEXT", "secret two"),
        _content_item("99X", "1", "TEXT", "finding of no identity"),
    ]))
    out, report = Deidentifier(Profile.of(["clean-structured-content"]),
                               Mapper("s")).deidentify(ds)
    items = list(out.ContentSequence)
    assert len(items) == 2  # the X item is gone
    assert str(items[0].TextValue) == str(dummy_value("UT"))
    assert str(items[1].TextValue) == "finding of no identity"  # not listed: kept
    assert report.by_path()["(0040,A730)[0]"].action == "X"


def test_private_blocks_declared_safe_or_with_actions_follow_their_declaration() -> None:
    ds = _private_ds("ACME DECLARED 1", 0x0029, (0x01, 0x02, 0x03))
    ds.private_block(0x0031, "ACME SAFE", create=True).add_new(0x05, "LO", "kept")
    item = Dataset()
    item.add_new(tags.PrivateGroupReference, "US", 0x0029)
    item.add_new(tags.PrivateCreatorReference, "LO", "ACME DECLARED 1")
    item.add_new(tags.NonidentifyingPrivateElements, "US", [0x01])
    action = Dataset()
    action.add_new(tags.IdentifyingPrivateElements, "US", [0x02])
    action.add_new(tags.DeidentificationAction, "CS", Action.DUMMY.value)
    item.add_new(tags.DeidentificationActionSequence, "SQ", Sequence([action]))
    safe = Dataset()
    safe.add_new(tags.PrivateGroupReference, "US", 0x0031)
    safe.add_new(tags.PrivateCreatorReference, "LO", "ACME SAFE")
    safe.add_new(tags.BlockIdentifyingInformationStatus, "CS", table.SAFE_BLOCK_STATUS)
    ds.add_new(tags.PrivateDataElementCharacteristicsSequence, "SQ", Sequence([item, safe]))
    out, report = Deidentifier(Profile.of(["retain-safe-private"]), Mapper("s")).deidentify(ds)
    assert str(out[0x00291001].value) == "1.5"                       # nonidentifying: kept
    assert str(out[0x00291002].value) == str(dummy_value("DS"))      # its action: D
    assert 0x00291003 not in out                                     # neither: removed
    assert str(out[0x00311005].value) == "kept"                      # a SAFE block
    plain, _ = Deidentifier(Profile(), Mapper("s")).deidentify(ds)
    assert not [t for t in plain if t >> 16 & 1]                     # no option: all gone
