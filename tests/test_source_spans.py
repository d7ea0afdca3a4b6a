"""Which words are the source of an attributed claim (docs/guidelines.md, Sources: the tightest words that name who
says it), in both directions. Every sentence is written for these tests in the style of news copy; none is copied
from the labelled articles."""
from __future__ import annotations

import pytest

from service import score_article


def _sources(text: str) -> list[tuple[str | None, bool] | None]:
    claims = score_article(text, explain=True)["claims"]
    out = []
    for claim in claims:
        attribution = claim["attribution"]
        if attribution is None:
            out.append(None)
            continue
        assert attribution["explanation"]
        source = attribution["source"]
        out.append((source["text"] if source else None, attribution["inherited"]))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        # the claim it continues had its source made right (a name in apposition): the continuation takes the name
        ("“The bill will pass by spring, and the families have waited long enough for it,” said its sponsor, Carla Mendez.\n"
         "“Nobody in this building wants another year of delay.”",
         [("Carla Mendez", False), ("Carla Mendez", True)]),
        ("The union's lawyer, Tom Becker, said: “The contract was broken the day it was signed. "
         "The company knew it all along.”",
         [("Tom Becker", False), ("Tom Becker", True)]),
        # refused: an origin whose source stood as found is carried over as it is
        ("“The bill will pass by spring, and the families have waited long enough for it,” said Carla Mendez.\n"
         "“Nobody in this building wants another year of delay.”",
         [("Carla Mendez", False), ("Carla Mendez", True)]),
        # refused: a new speaker's own attribution is not the earlier one's
        ("“The bill will pass by spring,” said its sponsor, Carla Mendez.\n"
         "The county clerk, Ed Warren, said the vote would be held in March.",
         [("Carla Mendez", False), ("Ed Warren", False)]),
    ],
)
def test_a_continued_quotation_takes_its_origins_source_as_made_right(text, expected):
    assert _sources(text) == expected
