"""The writer's tag after a quotation names who spoke it, whatever its verb (``service/pipeline/quotation_tags.py``),
in both directions. Every sentence is written for these tests in the style of news copy."""
from __future__ import annotations

import pytest

from service import score_article


@pytest.mark.parametrize(
    "text, source, cue",
    [
        # the subject, then a verb of manner of speaking and its particle
        ("The crowd had gathered early.\n“Mexico!” the audience screamed back.", "the audience", "screamed back"),
        ("“They are all here because he is promising them free stuff,” Bennett shot back with a laugh.", "Bennett",
         "shot back"),
        ("“Why does he side with the Kremlin on everything,” Peters whined with no word about the sanctions.",
         "Peters", "whined"),
        # a perfect form
        ("“I support the movement,” she had written.", "she", "had written"),
        # the verb first, before the name
        ("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.", "Donald Hartley", "beamed"),
    ],
)
def test_a_tag_after_a_quotation_names_its_speaker(text, source, cue):
    attribution = score_article(text)["claims"][-1]["attribution"]
    assert attribution is not None and (attribution["source"]["text"], attribution["cue"]["text"]) == (source, cue)
    assert not attribution["inherited"]


@pytest.mark.parametrize(
    "text",
    [
        # a quoted title and the noun phrase after it: no subject that names a source
        "“Frozen,” the hit film, opened in theaters in 2013.",
    ],
)
def test_no_tag_no_attribution(text):
    assert all(claim["attribution"] is None for claim in score_article(text)["claims"])
