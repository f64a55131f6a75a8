"""The naming rule of dicomkit.codegen.names: one rule, one override table, no silent renames."""

from __future__ import annotations

import pytest

from dicomkit.codegen.names import NAMES, Name, NameError_, identifier, member_names

#: A Source field written like PS3.8 Table 9-21: a common "DICOM UL" and parentheticals that
#: tell two values apart.
RJ_SOURCE = {
    1: "DICOM UL service-user",
    2: "DICOM UL service-provider (ACSE related function)",
    3: "DICOM UL service-provider (Presentation related function)",
}


def test_words_are_upper_cased_and_joined_by_underscores() -> None:
    assert identifier("calling-AE-title-not-recognized") == "CALLING_AE_TITLE_NOT_RECOGNIZED"
    assert identifier("rejected-permanent") == "REJECTED_PERMANENT"
    assert identifier("invalid-PDU-parameter value") == "INVALID_PDU_PARAMETER_VALUE"
    assert identifier("  A-ASSOCIATE-RQ  ") == "A_ASSOCIATE_RQ"


def test_common_leading_words_are_dropped_and_parentheticals_keep_their_first_word_only_when_needed(
        ) -> None:
    assert member_names("X", RJ_SOURCE, names=()) == {
        1: "SERVICE_USER", 2: "SERVICE_PROVIDER_ACSE", 3: "SERVICE_PROVIDER_PRESENTATION"}
    abort = {0: "DICOM UL service-user (initiated abort)",
             2: "DICOM UL service-provider (initiated abort)"}
    assert member_names("X", abort, names=()) == {0: "SERVICE_USER", 2: "SERVICE_PROVIDER"}
    pc = {0: "acceptance", 2: "no-reason (provider rejection)",
          3: "abstract-syntax-not-supported (provider rejection)"}
    assert member_names("X", pc, names=()) == {
        0: "ACCEPTANCE", 2: "NO_REASON", 3: "ABSTRACT_SYNTAX_NOT_SUPPORTED"}


def test_a_single_meaning_keeps_all_its_words() -> None:
    assert member_names("X", {1: "DICOM UL service-user"}, names=()) == {
        1: "DICOM_UL_SERVICE_USER"}


def test_an_override_replaces_the_rule_for_the_text_it_was_written_for() -> None:
    table = (Name("X", 1, "Username as a string in UTF-8", "USERNAME", "test"),)
    got = member_names("X", {1: "Username as a string in UTF-8", 3: "Kerberos Service ticket"},
                       names=table)
    assert got == {1: "USERNAME", 3: "KERBEROS_SERVICE_TICKET"}
    # entries of other enumerations do not apply
    assert member_names("Y", {1: "Username as a string in UTF-8"}, names=table) == {
        1: "USERNAME_AS_A_STRING_IN_UTF_8"}


def test_a_reworded_value_under_an_override_stops_generation() -> None:
    table = (Name("X", 1, "Username as a string in UTF-8", "USERNAME", "test"),)
    with pytest.raises(NameError_) as err:
        member_names("X", {1: "User name, UTF-8"}, names=table)
    assert "'User name, UTF-8'" in str(err.value) and "USERNAME" in str(err.value)


def test_an_override_for_a_value_not_listed_stops_generation() -> None:
    table = (Name("X", 9, "gone", "GONE", "test"),)
    with pytest.raises(NameError_, match="does not list"):
        member_names("X", {1: "a"}, names=table)


def test_two_values_with_one_name_stop_generation() -> None:
    with pytest.raises(NameError_, match="both named NO_REASON"):
        member_names("X", {1: "no-reason", 2: "no reason"}, names=())


def test_text_without_an_identifier_stops_generation() -> None:
    with pytest.raises(NameError_, match="no identifier"):
        member_names("X", {1: "3D", 2: "2D"}, names=())
    with pytest.raises(NameError_, match="no identifier"):
        member_names("X", {1: "--", 2: "ok"}, names=())


def test_the_override_table_is_sorted_and_every_entry_gives_a_reason() -> None:
    keys = [(n.owner, str(n.key)) for n in NAMES]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(n.reason and n.name.isidentifier() and n.name.isupper() for n in NAMES)
