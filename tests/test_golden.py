"""Byte-for-byte: what the service answers for the golden corpus is what data/golden/ holds.

A deliberate change of behaviour refreshes data/golden/ (``python -m tests.golden --write``) in its own commit.
"""
import difflib

import pytest

from tests import golden

STORED = golden.read()
CURRENT = golden.outputs()


def test_the_golden_corpus_is_complete():
    assert sorted(STORED) == sorted(CURRENT)
    assert {name.split("/")[0] for name in STORED} == {"seeds", "dev", "odd"}


@pytest.mark.parametrize("name", sorted(STORED))
def test_output_is_unchanged(name):
    if CURRENT.get(name) != STORED[name]:
        diff = difflib.unified_diff(STORED[name].splitlines(), CURRENT.get(name, "").splitlines(), "golden",
                                    "now", n=2, lineterm="")
        pytest.fail(f"{name} changed:\n" + "\n".join(list(diff)[:60]))
