"""Better sourcing scores higher, end to end: minimal pairs of real-style sentences that
differ only in how the claim is sourced, scored by the whole pipeline (model included).

The unit tests in test_scoring.py check each weight's direction on hand-built findings;
these check that detection, typing and the model together keep the same order.
"""
from __future__ import annotations

import pytest

from service import score_article

CLAIM = "North Korean troops fired on Russian positions in Kursk on Monday"
HEDGED = CLAIM.replace("fired", "reportedly fired") + "."
LOWER = CLAIM[0].lower() + CLAIM[1:]

PAIRS = [
    # (better, worse, why)
    (f"{CLAIM}, the Pentagon said.", f"{CLAIM}, a source said.", "a named agency above a bare 'a source'"),
    (f"{CLAIM}, Ukraine's military intelligence agency (GUR) said.", f"{CLAIM}, sources said.", "named agency above 'sources'"),
    (f"{CLAIM}, a senior US defence official said.", f"{CLAIM}, sources said.", "described anonymous above bare"),
    (f"{CLAIM}, people familiar with the matter said.", f"{CLAIM}, some experts say.", "described above weasel words"),
    (f"{CLAIM}, officials said.", HEDGED, "attributed above 'reportedly'"),
    (f"According to the Pentagon, {LOWER}.", HEDGED, "'according to' a named agency above 'reportedly'"),
    (f"{CLAIM}, the Pentagon said.", f"{CLAIM}, according to a Telegram channel.", "organisation above social media"),
    (f"{CLAIM}, the ISW said.", f"{CLAIM}, TASS reported, citing a pro-Russian Telegram channel.", "direct above a chain"),
    (f"{CLAIM}, Defense Secretary Lloyd Austin said.", f"{CLAIM}, an official said.", "named person above anonymous"),
    (f"{CLAIM}, Reuters reported.", f"{CLAIM}, it is believed.", "an outlet above 'it is believed'"),
    (f"{CLAIM}, the Pentagon said.", f"{CLAIM}.", "attributed above unattributed"),
    (f"{CLAIM}.", CLAIM.replace("fired", "allegedly fired") + ".", "unhedged above 'allegedly'"),
    (f"“{CLAIM},” Rustem Umerov told KBS.", f"{CLAIM}, Rustem Umerov told KBS, citing unnamed sources.",
     "a first-hand quotation above a relayed claim"),
    (f"{CLAIM}, the GUR said.", f"{CLAIM}, the GUR said. The claim could not be independently verified.",
     "an unverified note tells the reader the claim is unconfirmed"),
]


@pytest.mark.parametrize("better, worse, why", PAIRS, ids=[why for _, _, why in PAIRS])
def test_better_sourcing_scores_higher_end_to_end(better, worse, why):
    better_body, worse_body = score_article(better), score_article(worse)
    assert better_body["article"]["score"] > worse_body["article"]["score"], why
    assert better_body["claims"][0]["score"] > worse_body["claims"][0]["score"], why
