"""Wild card patterns (PS3.4 C.2.2.2.4): the regular expression, the LIKE pattern and the SQLite
GLOB pattern of one pattern select the same strings (property test, against SQLite itself); the
range of a literal prefix (``prefix <= v < prefix_bound``, what an index answers) holds exactly
for the values starting with the prefix, in Python's and SQLite's binary order."""

from __future__ import annotations

import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.query.wildcard import (
    compile_wildcards,
    glob_pattern,
    is_prefix_pattern,
    like_literal,
    like_pattern,
    literal_prefix,
    prefix_bound,
)

ALPHABET = st.sampled_from(list("aAbB%_![]^\\*?. é\n"))
PATTERNS = st.text(ALPHABET, max_size=6)
VALUES = st.text(st.sampled_from(list("aAbB%_![]^\\*?. é\n")), max_size=6)


@settings(max_examples=200, deadline=None)
@given(PATTERNS, st.lists(VALUES, max_size=6))
def test_regex_like_and_glob_agree(pattern: str, values: list[str]) -> None:
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        for value in values:
            expected = compile_wildcards(pattern).fullmatch(value) is not None
            glob = conn.execute(sa.text("SELECT :v GLOB :p"),
                                {"v": value, "p": glob_pattern(pattern)}).scalar()
            assert bool(glob) is expected, (pattern, value)
            conn.execute(sa.text("PRAGMA case_sensitive_like = ON"))
            like = conn.execute(sa.text("SELECT :v LIKE :p ESCAPE '!'"),
                                {"v": value, "p": like_pattern(pattern)}).scalar()
            assert bool(like) is expected, (pattern, value)
            literal = conn.execute(sa.text("SELECT :v LIKE :p ESCAPE '!'"),
                                   {"v": value, "p": like_literal(value)}).scalar()
            assert literal
    engine.dispose()


def test_star_runs_collapse() -> None:
    assert compile_wildcards("a**b").pattern == "a.*b"


#: characters around the places where the next code point is special (surrogates, the last)
EDGES = st.sampled_from(["a", "z", "^", "\ud7ff", "\ue000", "\U0010ffff", "\x7f", "\x80", "é",
                         "\uffff", "\U00010000"])


@settings(max_examples=300, deadline=None)
@given(st.text(EDGES, max_size=4), st.lists(st.text(EDGES, max_size=5), max_size=8))
def test_prefix_range_holds_exactly_the_values_with_the_prefix(prefix: str,
                                                                 values: list[str]) -> None:
    bound = prefix_bound(prefix)
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        for value in [*values, prefix, prefix + "a"]:
            inside = value >= prefix and (bound is None or value < bound)
            assert inside is value.startswith(prefix), (prefix, value, bound)
            if bound is not None:  # SQLite compares text as UTF-8 bytes: the same order
                sql = conn.execute(sa.text("SELECT :v >= :p AND :v < :b"),
                                   {"v": value, "p": prefix, "b": bound}).scalar()
                assert bool(sql) is value.startswith(prefix), (prefix, value, bound)
    engine.dispose()


@given(PATTERNS, st.lists(VALUES, max_size=6))
def test_a_prefix_pattern_matches_the_values_with_its_prefix(pattern: str,
                                                               values: list[str]) -> None:
    prefix = literal_prefix(pattern)
    assert "*" not in prefix and "?" not in prefix and pattern.startswith(prefix)
    for value in values:
        matched = compile_wildcards(pattern).fullmatch(value) is not None
        if matched:
            assert value.startswith(prefix)
        if is_prefix_pattern(pattern):
            assert matched is value.startswith(prefix), (pattern, value)


def test_prefix_patterns_and_bounds() -> None:
    assert literal_prefix("BENCH^A0001*") == "BENCH^A0001" and is_prefix_pattern("DOE*")
    assert is_prefix_pattern("DOE**") and not is_prefix_pattern("DOE*J")
    assert not is_prefix_pattern("D?E*") and not is_prefix_pattern("*") and not is_prefix_pattern("DOE")
    assert prefix_bound("BENCH^A0001") == "BENCH^A0002"
    assert prefix_bound("a\U0010ffff") == "b" and prefix_bound("\U0010ffff") is None
    assert prefix_bound("\ud7ff") == "\ue000" and prefix_bound("") is None
