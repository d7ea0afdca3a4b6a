"""The text layer's shared pieces against plain-Python oracles, through their public functions."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.document import Document
from service.pipeline.gate import _LOWERED_IN_CONTEXT, _WORD as gate_word, lowered_words
from service.pipeline.text.tokens import (
    SHAPE_CAPITALISED,
    SHAPE_DIGIT,
    SHAPE_LOWER,
    SHAPE_PUNCT,
    SHAPE_UPPER,
    TOKEN,
    HashSet,
    code_points,
    code_units,
    token_bounds,
    token_layout,
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


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=40), st.lists(st.integers(0, 2**64 - 1), max_size=60),
       st.lists(st.integers(0, 39), max_size=20))
def test_a_hash_set_finds_what_a_membership_test_finds(table: list[int], others: list[int], picks: list[int]) -> None:
    """``HashSet.find``'s filter passes every hash of the set: it finds the queries ``np.isin`` finds."""
    hashes = HashSet(np.array(table, dtype=np.uint64))
    queries = np.array(others + [table[pick % len(table)] for pick in picks if table], dtype=np.uint64)
    found, slots = hashes.find(queries)
    assert found.tolist() == np.isin(queries, hashes.hashes).nonzero()[0].tolist()
    assert hashes.hashes[slots].tolist() == queries[found].tolist()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=60) | st.text("aB1 '\u2019.İΣ\n", max_size=30))
def test_token_layout_is_the_lowered_texts_bounds_and_the_texts_shapes(text: str) -> None:
    """The attribution model finds its tokens in the text and hashes them lower-cased: the
    two must be the same tokens (lower-casing one for one, as the model does)."""
    lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    starts, ends, shapes = token_layout(code_units(text))
    lowered_starts, lowered_ends = token_bounds(code_points(lowered))
    assert starts.tolist() == lowered_starts.tolist() and ends.tolist() == lowered_ends.tolist()
    assert shapes.tolist() == token_shapes(code_units(text), starts, ends).tolist()


def test_lower_casing_changes_no_characters_token_class() -> None:
    """What lets ``token_layout`` read the text for the lowered text's tokens, over every code point."""
    def spans(middle: str) -> list[tuple[int, int]]:
        return [match.span() for match in TOKEN.finditer(f"a{middle}a {middle} '{middle}'")]

    lowered = {code: lower for code in range(0x110000) if (lower := chr(code).lower()) != chr(code) and len(lower) == 1}
    assert len(lowered) > 1000  # the check checks something
    assert [code for code, lower in lowered.items() if spans(chr(code)) != spans(lower)] == []


def test_lower_casing_keeps_the_gate_words_but_for_sigma_and_dotted_i() -> None:
    """What lets the gate lower-case a text before reading its words (``gate.lowered_words``): every code point but
    those of ``_LOWERED_IN_CONTEXT`` lower-cases one for one, into a character of the same class for ``gate._WORD``,
    whatever stands around it."""
    def words(middle: str) -> list[tuple[int, int]]:
        return [match.span() for match in gate_word.finditer(f"a{middle}a {middle} '{middle}' -{middle}")]

    changed = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF and chr(code) not in _LOWERED_IN_CONTEXT
               and (len(lower := chr(code).lower()) != 1 or words(chr(code)) != words(lower))]
    assert changed == []
    # the two kept apart lower-case otherwise in a text than in a word alone
    assert len("\u0130".lower()) == 2
    assert "\u0391\u03a3.\u0392".lower()[1] == "\u03c3" and "\u0391\u03a3".lower()[1] == "\u03c2"  # σ, final ς


@pytest.mark.parametrize(
    "text",
    ["The minister said", "“We won’t,” the party’s leader said", "\u0130stanbul police said", "\u0391\u03a3.\u0392 said",
     "ΣΟΦΙΑ, the mayor, said", "the well-known O’Brien—said", ""],
)
def test_the_gate_reads_each_word_lower_cased(text: str) -> None:
    assert lowered_words(text) == [word.lower() for word in gate_word.findall(text)]


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


# The one quotation model: text -> every quotation as (its words, depth, closed by a mark), by start.
QUOTATION_CASES = [
    # Curly marks say which way they face; straight ones by what stands around them.
    ("“We will win,” she said.", [("“We will win,”", 1, True)]),
    ('"We will win," she said. "We always do."', [('"We will win,"', 1, True), ('"We always do."', 1, True)]),
    # Two apostrophes stand for a double mark in some wire copy.
    ("''It is over,'' said the senator.", [("''It is over,''", 1, True)]),
    # Nesting: single curly marks, or the other style of double mark, inside a quotation.
    (
        "“He called it ‘a farce’ and the workers’ union agreed,” she said.",
        [("“He called it ‘a farce’ and the workers’ union agreed,”", 1, True), ("‘a farce’", 2, True)],
    ),
    (
        "“They called it \"fake\" at once,” he said.",
        [("“They called it \"fake\" at once,”", 1, True), ('"fake"', 2, True)],
    ),
    (
        '"They called it "fake news" on air," he said.',
        [('"They called it "fake news" on air,"', 1, True), ('"fake news"', 2, True)],
    ),
    # An apostrophe is no closing mark, and a single mark outside a quotation quotes nothing.
    ("The workers’ union said the ‘plan’ failed.", []),
    # A quotation that goes on into the next paragraph: it ends with its paragraph, unclosed, and the next
    # paragraph opens with a mark again.
    (
        "“We will fight on.\n\n“We will win,” she said.",
        [("“We will fight on.", 1, False), ("“We will win,”", 1, True)],
    ),
    # An opening mark left unbalanced runs to the end of its paragraph, never into the next one.
    ("“This never ends, the spokesman said.\nOfficials knew.", [("“This never ends, the spokesman said.", 1, False)]),
    # A second opening mark means the first was never closed.
    ("“One. “Two,” he said.", [("“One. ", 1, False), ("“Two,”", 1, True)]),
    # Copy that mixes the styles: a straight closing mark closes a curly quotation, unless a curly closing mark
    # comes next (then it is an inch mark inside it).
    ('“We will win," she said. "We always do.”', [('“We will win,"', 1, True), ('"We always do.”', 1, True)]),
    ('“The plan is dead," the senator told reporters.', [('“The plan is dead,"', 1, True)]),
    ('“He is 6\'2" and fast,” the coach said.', [('“He is 6\'2" and fast,”', 1, True)]),
    # A closing mark with nothing open (an inch mark) is no quotation.
    ('He is 6\'2" tall and calls it "fine".', [('"fine"', 1, True)]),
    ("The committee said it was “satisfied”.", [("“satisfied”", 1, True)]),
]


@pytest.mark.parametrize("text, expected", QUOTATION_CASES)
def test_the_quotation_model_reads_marks_nesting_and_paragraphs(text: str, expected: list) -> None:
    found = Document.of(text).quotations.all
    assert [(text[q.start : q.end], q.depth, q.closed) for q in found] == expected


QUOTATION_QUESTIONS = [
    # text, a sentence of it: (inside a quotation at its start, quoted stretches, whole quotation, leaves one open)
    ("“We will win,” she said.", "“We will win,” she said.", (False, ["“We will win,”"], False, False)),
    ("“We will win.” The crowd cheered.", "“We will win.”", (False, ["“We will win.”"], True, False)),
    ("“We will win. We always do,” she said.", "“We will win.", (False, ["“We will win."], False, True)),
    ("“We will win. We always do,” she said.", "We always do,” she said.", (True, ["We always do,”"], False, False)),
    ("“We will fight on.\n\n“We will win,” she said.", "“We will fight on.", (False, ["“We will fight on."], True, False)),
    ("She said the plan was “dead on arrival”.", "She said the plan was “dead on arrival”.", (False, ["“dead on arrival”"], False, False)),
    ("The plan failed.", "The plan failed.", (False, [], False, False)),
]


@pytest.mark.parametrize("text, sentence, expected", QUOTATION_QUESTIONS)
def test_the_questions_stages_ask_of_the_quotations(text: str, sentence: str, expected: tuple) -> None:
    quotations = Document.of(text).quotations
    start = text.index(sentence)
    end = start + len(sentence)
    stretches = [text[s:e] for s, e in quotations.stretches(start, end)]
    answers = (quotations.open_at(start), stretches, quotations.is_whole_quotation(start, end), quotations.leaves_open(start, end))
    assert answers == expected
    assert quotations.quoted_length(start, end) == sum(map(len, stretches))
