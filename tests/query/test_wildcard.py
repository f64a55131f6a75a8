"""Wild card patterns (PS3.4 C.2.2.2.4): the regular expression, the LIKE pattern and the SQLite
GLOB pattern of one pattern select the same strings (property test, against SQLite itself)."""

from __future__ import annotations

import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.query.wildcard import compile_wildcards, glob_pattern, like_literal, like_pattern

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
