"""The text layer's shared pieces against plain-Python oracles, through their public functions."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.document import Document
from service.pipeline.text.tokens import (
    SHAPE_CAPITALISED,
    SHAPE_DIGIT,
    SHAPE_LOWER,
    SHAPE_PUNCT,
    SHAPE_UPPER,
    TOKEN,
    code_points,
    code_units,
    token_bounds,
    token_shapes,
)
from service.pipeline.text.words import is_possessive, singular, without_possessive


def _shape(token: str) -> int:
    """The oracle: a token's shape from the case of its first two characters."""
    first = token[0]
    if first.isupper():
        return SHAPE_UPPER if len(token) > 1 and token[1].isupper() else SHAPE_CAPITALISED
    return SHAPE_LOWER if first.islower() else SHAPE_DIGIT if first.isdigit() else SHAPE_PUNCT


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=60) | st.text("aB1 '\u2019.İΣ\n", max_size=30))
def test_token_shapes_are_the_case_of_the_first_two_characters(text: str) -> None:
    starts, ends = token_bounds(code_points(text))
    shapes = token_shapes(code_units(text), starts, ends).tolist()
    assert shapes == [_shape(match.group()) for match in TOKEN.finditer(text)]


@pytest.mark.parametrize(
    "word, bare",
    [("Ukraine's", "Ukraine"), ("Ukraine\u2019s", "Ukraine"), ("officials'", "officials"), ("Reuters", "Reuters"),
     ("it's", "it"), ("'s", ""), ("Kiev’", "Kiev"), ("sons", "sons")],
)
def test_one_possessive_rule(word: str, bare: str) -> None:
    assert without_possessive(word) == bare
    assert is_possessive(word) == (bare != word)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text("ab \t\r\n\u2028\x85", max_size=40))
def test_document_lines_are_the_stripped_runs_between_line_breaks(text: str) -> None:
    expected, offset, runs = [], 0, 0
    for piece in text.replace("\r", "\n").split("\n"):
        if piece:
            if piece.strip():
                start = offset + len(piece) - len(piece.lstrip())
                expected.append((start, start + len(piece.strip()), runs))
            runs += 1
        offset += len(piece) + 1
    assert [tuple(line) for line in Document.of(text).lines] == expected


@pytest.mark.parametrize(
    "plural, singular_form",
    [("agencies", "agency"), ("officials", "official"), ("sources", "source"), ("witness", "witness"),
     ("news", "news"), ("aides", "aide"), ("intelligence", "intelligence")],
)
def test_one_plural_rule(plural: str, singular_form: str) -> None:
    assert singular(plural) == singular_form
