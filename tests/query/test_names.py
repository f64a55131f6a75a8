"""Person names: normal form, case folding, and the fuzzy semantic matching documented in
dicomkit.query.names (PS3.4 C.2.2.2.1.1)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dicomkit.query.names import fold, fuzzy_match, fuzzy_words, normal_name, soundex
from dicomkit.query.wildcard import compile_wildcards


def test_normal_form_drops_empty_trailing_components_and_groups() -> None:
    assert normal_name("SMITH^JOHN^^^ ") == "SMITH^JOHN"
    assert normal_name("SMITH^JOHN==") == "SMITH^JOHN"
    assert normal_name("=山田^太郎") == "=山田^太郎"
    assert normal_name("^^") == ""


def test_american_soundex_codes() -> None:
    for word, code in [("robert", "R163"), ("rupert", "R163"), ("rubin", "R150"),
                       ("ashcraft", "A261"), ("tymczak", "T522"), ("pfister", "P236"),
                       ("honeyman", "H555"), ("swain", "S500"), ("swayne", "S500"), ("a", "A000")]:
        assert soundex(word) == code, word
    assert soundex("123") == ""


def test_fuzzy_words_fold_case_and_accents() -> None:
    assert fuzzy_words("Müller^Hans-Peter=ミュラー") == ("muller", "hans", "peter", "ミュラー")
    assert fuzzy_words("O'Brien, Ann") == ("o", "brien", "ann")


def test_fuzzy_matching_is_order_insensitive_and_phonetic() -> None:
    key = fuzzy_words("Smith^Mary")
    assert fuzzy_match(key, "MARY^SMYTH", {})
    assert fuzzy_match(key, "Smith^Marie^Ann", {})
    assert not fuzzy_match(key, "Smith^John", {})
    pattern = {"sm*": compile_wildcards("sm*")}
    assert fuzzy_match(("sm*",), "Smyth", pattern)
    assert fuzzy_match((), "anyone", {})


@given(st.text(max_size=20))
def test_fold_is_idempotent_and_fuzzy_words_are_folded(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    for w in fuzzy_words(text):
        assert w and fold(w) == w
    assert fuzzy_match(fuzzy_words(text), text, {
        w: compile_wildcards(w) for w in fuzzy_words(text) if "*" in w or "?" in w})
